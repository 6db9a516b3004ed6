"""Convert the shared NTREX and Global Voices Indonesian articles to ingest JSONL.

    python scripts/shared_to_jsonl.py OUT_DIR [--shared ../shared]

Writes OUT_DIR/ntrex_id.jsonl (123 articles) and OUT_DIR/globalvoices_id.jsonl (514 articles)
with the fields `peristiwa ingest` reads: id, url, title, text, published, source, language.
The texts are read from ../shared at run time and must not be committed (see
../shared/README.md); this script is how tests and benchmarks get an ingestable corpus.

- NTREX: consecutive lines with one DOCUMENT_IDS value form an article, first line = headline;
  the outlet is the id's prefix (bbc, reuters, ...); no publication date is known.
- Global Voices: sentences of the OPUS XML in order, one line per <P>; the date comes from the
  article URL (/YYYY/MM/DD/); the one empty upstream file is left out.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

_URL_DATE = re.compile(r"/(\d{4})/(\d{2})/(\d{2})/")


def ntrex_articles(shared: Path) -> Iterator[dict]:
    base = shared / "data" / "ntrex_id"
    ids = (base / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    lines = (base / "NTREX-128" / "newstest2019-ref.ind.txt").read_text(encoding="utf-8").splitlines()
    current: str | None = None
    buffer: list[str] = []
    for doc_id, line in zip(ids, lines, strict=True):
        if doc_id != current and buffer:
            yield _ntrex_record(current or "", buffer)
            buffer = []
        current = doc_id
        buffer.append(line.strip())
    if buffer:
        yield _ntrex_record(current or "", buffer)


def _ntrex_record(doc_id: str, lines: list[str]) -> dict:
    return {"id": f"ntrex:{doc_id}", "url": None, "title": lines[0], "text": "\n".join(lines),
            "published": None, "source": doc_id.split(".")[0], "language": "id"}


def globalvoices_articles(shared: Path) -> Iterator[dict]:
    for path in sorted((shared / "data" / "globalvoices_id" / "raw" / "id").glob("*.xml.gz")):
        with gzip.open(path) as handle:
            data = handle.read()
        if not data:
            continue
        root = ET.fromstring(data)
        url = (root.findtext("URL") or "").strip()
        title_el = root.find("TITLE")
        title = " ".join("".join(s.itertext()).strip() for s in title_el.iter("s")) if title_el is not None else ""
        paragraphs: list[str] = []
        for block in _blocks(root):
            sentences = ["".join(s.itertext()).strip() for s in block]
            text = " ".join(s for s in sentences if s)
            if text:
                paragraphs.append(text)
        match = _URL_DATE.search(url)
        published = f"{match[1]}-{match[2]}-{match[3]}" if match else None
        yield {"id": f"gv:{path.name.removesuffix('.xml.gz')}", "url": url or None, "title": title or None,
               "text": "\n".join(paragraphs), "published": published, "source": "globalvoices", "language": "id"}


def _blocks(element: ET.Element) -> Iterator[list[ET.Element]]:
    """Runs of consecutive <s> elements, in document order; every nested <P>/<QUOTE> starts a new run."""
    run: list[ET.Element] = []
    for child in element:
        if child.tag == "s":
            run.append(child)
            continue
        if run:
            yield run
            run = []
        yield from _blocks(child)
    if run:
        yield run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args(argv)
    if not (args.shared / "data").is_dir():
        print(f"{args.shared}: shared data not found", file=sys.stderr)
        return 2
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, articles in (("ntrex_id", ntrex_articles(args.shared)),
                           ("globalvoices_id", globalvoices_articles(args.shared))):
        out = args.out_dir / f"{name}.jsonl"
        n = 0
        with out.open("w", encoding="utf-8") as handle:
            for record in articles:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
        print(f"{out}: {n} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
