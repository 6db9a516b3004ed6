"""Which KB role titles name a unique national office (head of state/government, foreign/defence minister).

Why: role spells carry only a CAMEO role code and a free Indonesian title, yet the KB's quality checks
(no two presidents of one country at once; every foreign minister of 2008–2019 present) need to know
the office. The title → office table is data (`data/offices.tsv`), so a new title is one line there.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

OFFICES = ("head-of-state", "head-of-government", "foreign-minister", "defence-minister")
EXEMPTIONS = ("", "acting", "shared", "rival")


@dataclass(frozen=True, slots=True)
class Office:
    """The unique office a title names; `exemption` says why its holder may overlap another holder."""

    office: str
    exemption: str = ""


def default_offices_path() -> Path:
    return Path(str(resources.files("peristiwa.kb") / "data" / "offices.tsv"))


def load_offices(path: Path | None = None) -> dict[str, Office]:
    """Read the title table; a bad office or exemption name is an error that names the line."""
    path = path or default_offices_path()
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    table: dict[str, Office] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        title, office, exemption = row["title"], row["office"], row.get("exemption") or ""
        if office not in OFFICES or exemption not in EXEMPTIONS:
            raise ValueError(f"{path}: bad office row {row!r} (offices {OFFICES}, exemptions {EXEMPTIONS})")
        if title in table:
            raise ValueError(f"{path}: title {title!r} listed twice")
        table[title] = Office(office, exemption)
    return table
