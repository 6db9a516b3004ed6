"""How completely the KB covers the four unique national offices of every UN member, per year.

Why: the goal of the 2008–2019 pass (issue #10) is that an analyst finds the head of state, head of
government, foreign minister and defence minister of every UN member on any day. This report samples
1 January and 1 July of each year and counts the (country, office, day) slots that have a holder,
so a gap is a number to drive down, not an impression. Heads of government are only counted for
countries where the KB lists at least one (presidential systems have none).

Usage: python scripts/kb_office_coverage.py [--start 2008] [--end 2019] [--gaps]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from datetime import date
from importlib import resources
from pathlib import Path

from peristiwa.kb.loader import load_entries, packaged_kb_files
from peristiwa.kb.offices import OFFICES, load_offices


def un_members() -> list[str]:
    path = Path(str(resources.files("peristiwa.kb") / "data" / "un_members.tsv"))
    rows = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r and not r.startswith("#") and r != "iso3"]


def spells_by_office() -> dict[tuple[str, str], list[tuple[date, date | None]]]:
    offices = load_offices()
    out: dict[tuple[str, str], list[tuple[date, date | None]]] = defaultdict(list)
    for entry in load_entries(packaged_kb_files()):
        for role in entry.roles:
            office = offices.get(role.title or "")
            if office is not None and role.start is not None:
                out[(role.country or entry.country or "", office.office)].append((role.start, role.end))
    return out


def coverage(start: int, end: int) -> tuple[dict[str, list[int]], list[tuple[str, str, date]]]:
    """office → [filled, total] slots, and the empty (country, office, day) slots."""
    spells = spells_by_office()
    counts = {office: [0, 0] for office in OFFICES}
    empty = []
    days = [date(y, m, 1) for y in range(start, end + 1) for m in (1, 7)]
    for country in un_members():
        for office in OFFICES:
            held = spells[(country, office)]
            if office == "head-of-government" and not held:
                continue
            for day in days:
                counts[office][1] += 1
                if any(s <= day and (e is None or day < e) for s, e in held):
                    counts[office][0] += 1
                else:
                    empty.append((country, office, day))
    return counts, empty


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=2008)
    parser.add_argument("--end", type=int, default=2019)
    parser.add_argument("--gaps", action="store_true", help="list every empty slot")
    args = parser.parse_args(argv)
    counts, empty = coverage(args.start, args.end)
    if args.gaps:
        for country, office, day in empty:
            print(f"{country}\t{office}\t{day}")
    for office, (filled, total) in counts.items():
        print(f"{office}\t{filled}/{total}\t{filled / total:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
