"""Compare the KB's office holders with PETRARCH2's country actor dictionary, country by country.

Why: the KB's heads of state/government and foreign/defence ministers are hand-written; PETRARCH2's
`Phoenix.Countries.actors.txt` (CountryInfo, January 2014) is an independent list of government
members with dated GOV spells. Where the two disagree on overlapping years, one of them is wrong;
the report is a work list for a human, not an automatic fix. The dictionary is read at run time
from ../shared and nothing of it is copied into the repository.

Usage: python scripts/check_kb_against_petrarch.py [--dictionary FILE] [--start 2008-01-01]
       [--end 2014-01-30] [--tolerance 62] [--all] [--summary]
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from peristiwa.kb.entries import KBEntry
from peristiwa.kb.loader import load_entries, packaged_kb_files
from peristiwa.kb.offices import Office, load_offices

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DICTIONARY = ROOT.parent / "shared" / "data" / "petrarch2" / "dictionaries" / "Phoenix.Countries.actors.txt"
# The dictionary was generated on this day (the default end of the comparison).
DICTIONARY_DATE = date(2014, 1, 30)
SPELL = re.compile(r"\[(?P<code>[A-Z]{3}[A-Z]*)(?:\s+(?P<range>[<>]?\d{6,8}(?:-\d{6,8})?))?\]")
# Aliases that show a dictionary person held one of the offices the KB must cover.
OFFICE_WORDS = re.compile(
    r"\b(PRESIDENT|PRIME MINISTER|PREMIER|CHANCELLOR|KING|QUEEN|EMIR|SULTAN|FOREIGN MINISTER|"
    r"SECRETARY OF STATE|DEFEN[CS]E MINISTER|DEFEN[CS]E SECRETARY)\b"
)


@dataclass(frozen=True, slots=True)
class Spell:
    """A dated spell in government; `end` None = open ("> date" in the dictionary, whose open spells
    often outlive the office, so only their start is compared); `key` = a unique office on the KB
    side, a plain GOV or GOVMIL code on the dictionary side."""

    start: date
    end: date | None
    key: bool = False


@dataclass(slots=True)
class Holder:
    """A person on either side: display name, normalised names, country and government spells."""

    name: str
    country: str
    names: set[str] = field(default_factory=set)
    spells: list[Spell] = field(default_factory=list)
    office_alias: bool = False


@dataclass(frozen=True, slots=True)
class Finding:
    """One disagreement: kind is dates, country, only-kb or only-petrarch."""

    country: str
    kind: str
    name: str
    detail: str


def normalise(name: str) -> str:
    """Upper-case ASCII words: 'Sérgio_Lavrov_' and 'Sergio Lavrov' compare equal."""
    text = unicodedata.normalize("NFKD", name.replace("_", " "))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).upper()
    return " ".join(re.sub(r"[^A-Z0-9 ]+", " ", text).split())


def name_keys(names: Iterable[str]) -> set[str]:
    """Each normalised name and its first-and-last-word form, so a middle name on one side only
    ('Ali Ahmed Karti' / 'Ali Karti') still matches; used within one country only, where such a
    loose match is safe."""
    keys = set()
    for name in names:
        words = name.split()
        keys.add(name)
        if len(words) > 2:
            keys.add(f"{words[0]} {words[-1]}")
    return keys


def parse_dictionary_date(text: str) -> date:
    """YYMMDD (years up to 30 are 20xx) or YYYYMMDD, as the CountryInfo dictionaries write them."""
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) != 6:
        raise ValueError(f"bad dictionary date {text!r}")
    year = int(text[:2])
    return date(2000 + year if year <= 30 else 1900 + year, int(text[2:4]), int(text[4:]))


def _spell_range(text: str | None) -> tuple[date, date | None] | None:
    if not text:
        return None
    if text.startswith(">"):
        return parse_dictionary_date(text[1:]), None
    if text.startswith("<"):
        return date.min, parse_dictionary_date(text[1:])
    start, _, end = text.partition("-")
    return parse_dictionary_date(start), parse_dictionary_date(end or start)


def parse_petrarch(lines: Iterable[str]) -> tuple[list[Holder], int]:
    """Persons of an actors file with their dated GOV-family spells (ministries included), and how
    many spells had a malformed date (the file has a few, e.g. seven digits; they are skipped).

    Undated codes (the fallback role) and ELI spells are dropped: only dated government spells
    say who held office when.
    """
    holders: list[Holder] = []
    bad = 0
    current: Holder | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if current is not None:
                alias = normalise(line[1:])
                current.names.add(alias)
                current.office_alias |= bool(OFFICE_WORDS.search(alias))
            continue
        if not line[0].isspace():
            name = SPELL.split(line)[0]
            current = Holder(name=normalise(name).title(), country="", names={normalise(name)})
            holders.append(current)
        if current is not None:
            bad += _add_spells(current, line)
    return [h for h in holders if h.spells], bad


def _add_spells(holder: Holder, line: str) -> int:
    """Add the line's GOV-family spells to `holder`; returns the number of malformed ones."""
    bad = 0
    for match in SPELL.finditer(line):
        code = match["code"]
        try:
            span = _spell_range(match["range"])
        except ValueError:
            bad += 1
            continue
        if span is None or code[3:6] != "GOV":
            continue
        holder.country = holder.country or code[:3]
        if code[:3] == holder.country:
            holder.spells.append(Spell(*span, key=code[3:] in ("GOV", "GOVMIL")))
    return bad


def kb_holders(entries: Iterable[KBEntry], offices: dict[str, Office]) -> list[Holder]:
    """KB persons with their GOV/MIL spells; spells of the four unique offices are `key`."""
    out = []
    for entry in entries:
        if entry.kind != "person":
            continue
        spells = [
            Spell(r.start, r.end, key=(r.title or "") in offices)
            for r in entry.roles
            if r.role in ("GOV", "MIL") and r.start is not None and (r.country or entry.country) == entry.country
        ]
        names = {normalise(n) for n in entry.aliases}
        out.append(Holder(entry.name, entry.country or "", names, spells))
    return out


def _days(spells: Iterable[Spell], start: date, end: date, open_days: int | None = None) -> set[int]:
    """Days of [start, end) the spells cover; an open spell covers `open_days` days (None = to `end`)."""
    days: set[int] = set()
    for s in spells:
        stop = s.end or (s.start + timedelta(days=open_days) if open_days is not None else end)
        lo, hi = max(s.start, start), min(stop, end)
        days.update(range(lo.toordinal(), hi.toordinal()))
    return days


def _describe(spells: Iterable[Spell], start: date, end: date) -> str:
    """The spells that touch [start, end), as 'from..to' ('from..' when open), for the report."""
    shown = sorted({(s.start, s.end) for s in spells if s.start < end and (s.end is None or s.end > start)})
    return ", ".join(f"{a}..{b or ''}" for a, b in shown) or "-"


def compare(kb: list[Holder], petrarch: list[Holder], start: date, end: date, tolerance: int = 62,
            list_all: bool = False) -> list[Finding]:
    """Per-country disagreements between the two sides on [start, end).

    dates: both sides know the person but disagree on more than `tolerance` days of office;
    country: the same name is a government member of different countries;
    only-kb: a KB holder of a unique office whom the dictionary does not list;
    only-petrarch: a dictionary government member (with an office alias, or any with `list_all`)
    whom the KB lacks.
    """
    by_name: dict[str, list[Holder]] = defaultdict(list)
    for holder in kb:
        for name in name_keys(holder.names):
            by_name[name].append(holder)
    findings: list[Finding] = []
    # The dictionary often lists one person twice (once per cabinet, under two spellings): every
    # dictionary entry that matches a KB person is pooled before the dates are compared.
    pooled: dict[int, list[Spell]] = defaultdict(list)
    for theirs in petrarch:
        in_window = _days([s for s in theirs.spells if s.key], start, end, open_days=tolerance + 1)
        loose = {id(h): h for name in name_keys(theirs.names) for h in by_name.get(name, ())}
        same = [h for h in loose.values() if h.country == theirs.country]
        candidates = [h for h in loose.values() if h.names & theirs.names]
        if same:
            for holder in same:
                pooled[id(holder)].extend(theirs.spells)
        elif in_window and candidates:
            other = ", ".join(sorted({h.country for h in candidates}))
            findings.append(Finding(theirs.country, "country", theirs.name, f"KB has this name in {other}"))
        elif in_window and (theirs.office_alias or list_all):
            detail = f"in government {_describe(theirs.spells, start, end)}"
            findings.append(Finding(theirs.country, "only-petrarch", theirs.name, detail))
    for ours in kb:
        if id(ours) in pooled:
            findings.extend(_date_findings(ours, pooled[id(ours)], start, end, tolerance))
            continue
        key_days = _days([s for s in ours.spells if s.key], start, end)
        if key_days:
            detail = f"in office {_describe([s for s in ours.spells if s.key], start, end)}"
            findings.append(Finding(ours.country, "only-kb", ours.name, detail))
    return sorted(findings, key=lambda f: (f.country, f.kind, f.name))


def _date_findings(ours: Holder, theirs: list[Spell], start: date, end: date, tolerance: int) -> Iterator[Finding]:
    theirs_any = _days(theirs, start, end)
    if not theirs_any:
        return  # the dictionary says nothing dated about these years (its undated role is a guess)
    theirs_key = _days([s for s in theirs if s.key], start, end, open_days=tolerance + 1)
    ours_any = _days(ours.spells, start, end)
    ours_key = _days([s for s in ours.spells if s.key], start, end)
    missing, extra = theirs_key - ours_any, ours_key - theirs_any
    if len(missing) > tolerance or len(extra) > tolerance:
        yield Finding(ours.country, "dates", ours.name,
                      f"KB {_describe(ours.spells, start, end)} vs PETRARCH {_describe(theirs, start, end)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionary", type=Path, default=DEFAULT_DICTIONARY)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2008, 1, 1))
    parser.add_argument("--end", type=date.fromisoformat, default=DICTIONARY_DATE)
    parser.add_argument("--tolerance", type=int, default=62,
                        help="days of disagreement to ignore (the dictionary often dates to the month, late)")
    parser.add_argument("--all", action="store_true", help="list every dictionary GOV member the KB lacks")
    parser.add_argument("--summary", action="store_true", help="print only the counts per kind")
    args = parser.parse_args(argv)
    if not args.dictionary.is_file():
        print(f"error: PETRARCH2 dictionary not found: {args.dictionary} (is ../shared present?)", file=sys.stderr)
        return 2
    petrarch, bad = parse_petrarch(args.dictionary.read_text(encoding="utf-8", errors="replace").splitlines())
    kb = kb_holders(load_entries(packaged_kb_files()), load_offices())
    findings = compare(kb, petrarch, args.start, args.end + timedelta(days=1), args.tolerance, args.all)
    if not args.summary:
        for f in findings:
            print(f"{f.country}\t{f.kind}\t{f.name}\t{f.detail}")
    counts: dict[str, int] = defaultdict(int)
    for f in findings:
        counts[f.kind] += 1
    print("# " + ", ".join(f"{kind}: {n}" for kind, n in sorted(counts.items())) + f" (total {len(findings)}; "
          f"{len(petrarch)} dictionary persons with dated GOV spells, {bad} malformed spells skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
