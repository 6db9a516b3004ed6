"""Print a text to annotate with the ids the gold loader uses (docs/annotation-guide.md).

    python scripts/show_gold_text.py FILESTEM      a Global Voices Indonesian article, with sentence ids
    python scripts/show_gold_text.py --pud [ID…]   UD Indonesian-PUD news sentences (all n…, or the ids given)
    python scripts/show_gold_text.py --sib         SIB-200 `politics` sentences with their index_id

Why: annotators must see exactly the sentences and ids `ref:` entries point at, without running the coder.
Texts are read from ../shared at run time (never copied into the repository).
"""

from __future__ import annotations

import csv
import gzip
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from peristiwa.eval.gold import find_data_root, globalvoices_paragraphs


def show_article(root: Path, stem: str) -> None:
    data = gzip.decompress((root / "globalvoices_id" / "raw" / "id" / f"{stem}.xml.gz").read_bytes())
    print("published:", stem[:10].replace("_", "-"))
    for paragraph in globalvoices_paragraphs(ET.fromstring(data)):
        for sentence_id, text in paragraph:
            print(f"[{sentence_id}] {text}")
        print()


def show_pud(root: Path, wanted: set[str]) -> None:
    sentence_id = ""
    path = root / "ud_pud_id_en" / "id" / "id_pud-ud-test.conllu"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            sentence_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text =") and sentence_id.startswith("n") and (not wanted or sentence_id in wanted):
            print(f"[{sentence_id}] {line.split('=', 1)[1].strip()}")


def show_sib(root: Path) -> None:
    for split in ("train", "dev", "test"):
        path = root / "sib200_id" / "data" / "annotated" / "ind_Latn" / f"{split}.tsv"
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row.get("category") == "politics":
                    print(f"[{row['index_id']}] {row['text']}")


def main(argv: list[str]) -> int:
    root = find_data_root(None)
    if root is None or not argv:
        print(__doc__, file=sys.stderr)
        return 2
    if argv[0] == "--pud":
        show_pud(root, set(argv[1:]))
    elif argv[0] == "--sib":
        show_sib(root)
    else:
        show_article(root, argv[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
