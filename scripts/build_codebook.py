"""Rebuild the numeric/mapping columns of peristiwa/codebook/data/cameo.tsv from ../shared references.

Why a script: the code list, Goldstein weights and the CAMEO→PLOVER mapping are facts we take from
permissively licensed references, and regenerating them is more reviewable than hand-editing 300 rows.
The names (``name_en``, ``name_id``) are our own words and are *kept* from the committed TSV (or read
from ``--names`` when bootstrapping: a ``code|name_en|name_id`` file). No description, usage note or
example sentence from the references is written out.

Sources (read at build time only, never copied):
  shared/data/cameo_codebook/icews_andybega/cameo-codes.utf8.csv  codes + Goldstein (CAMEO 1.1b3 values)
  shared/data/cameo_codebook/gdelt_py-gdelt/cameo_codes.json  GDELT's extension codes (cyber, drones…)
  shared/data/plover/CAMEO2PLOVER-2021.txt  PLOVER event type / mode / context

Usage: python scripts/build_codebook.py [--shared ../shared] [--names FILE] [--check]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TSV = ROOT / "peristiwa" / "codebook" / "data" / "cameo.tsv"
COLUMNS = [
    "code", "root", "base", "name_en", "name_id", "goldstein", "quad_class",
    "plover_type", "plover_mode", "plover_context", "origin",
]
# GDELT lists a few codes that are not in CAMEO 1.1b3; "1883" is a duplicate of 183 there, so skip it.
SKIP_EXTENSIONS = {"1883"}


@dataclass
class Plover:
    type: str
    mode: str
    context: str


def quad_class(root: str) -> int:
    """QuadClass by root: 01–05 verbal coop, 06–08 material coop, 09–13 verbal/14–20 material conflict."""
    r = int(root)
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13:
        return 3
    return 4


def read_icews(shared: Path) -> dict[str, float]:
    path = shared / "data/cameo_codebook/icews_andybega/cameo-codes.utf8.csv"
    with path.open(encoding="utf-8") as fh:
        return {row["code"]: float(row["goldstein"]) for row in csv.DictReader(fh)}


def read_gdelt_codes(shared: Path) -> list[str]:
    """Only the keys are used: GDELT's names/descriptions are not copied."""
    path = shared / "data/cameo_codebook/gdelt_py-gdelt/cameo_codes.json"
    return [code for code in json.loads(path.read_text(encoding="utf-8")) if code.isdigit()]


def read_plover(shared: Path) -> dict[str, Plover]:
    """Parse ``code: TYPE, mode, context # comment`` lines; the first line for a code wins."""
    out: dict[str, Plover] = {}
    path = shared / "data/plover/CAMEO2PLOVER-2021.txt"
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        code = code.strip()
        if not code.isdigit():
            continue
        parts = [" ".join(p.split()) for p in rest.split(",")]
        parts += [""] * (3 - len(parts))
        out.setdefault(code, Plover(parts[0], parts[1], parts[2]))
    return out


def plover_for(code: str, table: dict[str, Plover]) -> Plover:
    """Nearest mapped ancestor: 4-digit → 3-digit base → root line; CAMEO 01/02 are dropped in PLOVER."""
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return Plover("", "", "")


def parent_goldstein(code: str, gold: dict[str, float]) -> float:
    for key in (code[:3], code[:2]):
        if key in gold:
            return gold[key]
    raise KeyError(code)


def read_names(path: Path) -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    if not path.exists():
        return names
    if path.suffix == ".tsv":
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                names[row["code"]] = (row["name_en"], row["name_id"])
    else:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                code, en, idn = line.split("|")
                names[code.strip()] = (en.strip(), idn.strip())
    return names


def build(shared: Path, names: dict[str, tuple[str, str]]) -> list[dict[str, str]]:
    gold = read_icews(shared)
    plover = read_plover(shared)
    codes = {c: "cameo" for c in gold}
    for code in read_gdelt_codes(shared):
        if code not in codes and code not in SKIP_EXTENSIONS:
            codes[code] = "gdelt-ext"
    rows = []
    for code in sorted(codes, key=lambda c: (c[:2], c[:3], c)):
        if code not in names:
            raise SystemExit(f"no name for {code}: add it to the names file")
        value = gold.get(code)
        if value is None:
            value = parent_goldstein(code, gold)
        pl = plover_for(code, plover)
        rows.append({
            "code": code, "root": code[:2], "base": code[:3] if len(code) > 2 else "",
            "name_en": names[code][0], "name_id": names[code][1],
            "goldstein": f"{value:g}", "quad_class": str(quad_class(code[:2])),
            "plover_type": pl.type, "plover_mode": pl.mode, "plover_context": pl.context,
            "origin": codes[code],
        })
    return rows


def render(rows: list[dict[str, str]]) -> str:
    lines = ["\t".join(COLUMNS)]
    lines += ["\t".join(row[c] for c in COLUMNS) for row in rows]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--names", type=Path, default=TSV, help="code|en|id file or an existing cameo.tsv")
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed TSV is out of date")
    args = ap.parse_args()
    text = render(build(args.shared, read_names(args.names)))
    if args.check:
        same = TSV.exists() and TSV.read_text(encoding="utf-8") == text
        print("cameo.tsv up to date" if same else "cameo.tsv differs from a rebuild")
        return 0 if same else 1
    TSV.parent.mkdir(parents=True, exist_ok=True)
    TSV.write_text(text, encoding="utf-8")
    print(f"wrote {TSV} ({text.count(chr(10)) - 1} codes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
