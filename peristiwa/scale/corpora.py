"""Readers that turn the corpora in ``../shared/data`` into `Article`s, streamed.

Why here: the throughput benchmark and the never-crash test read the same sets, and both
must read them at run time (the data is never copied into the repository). Every reader is
a generator, so a caller can pass it straight to `extract_parallel` without holding the
corpus in memory, and every reader yields nothing when its files are absent.

HELD OUT: NTREX and Global Voices 2014+ are reserved for independent evaluation. These
readers exist to measure speed and robustness; do not use their output to tune rules.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from itertools import groupby
from pathlib import Path

from peristiwa.model import Article

DEFAULT_SHARED = Path(__file__).resolve().parents[3] / "shared"
GV_DATE = re.compile(r"/(\d{4})/(\d{2})/(\d{2})/")


def shared_root(path: Path | None = None) -> Path:
    """``../shared`` next to the checkout (or `path`); may not exist on a user's machine."""
    return Path(path) if path is not None else DEFAULT_SHARED


def ntrex_articles(shared: Path | None = None) -> Iterator[Article]:
    """NTREX-128 Indonesian: consecutive lines grouped by document id; the first line is the headline."""
    base = shared_root(shared) / "data" / "ntrex_id"
    text_path = base / "NTREX-128" / "newstest2019-ref.ind.txt"
    ids_path = base / "DOCUMENT_IDS.tsv"
    if not (text_path.exists() and ids_path.exists()):
        return
    lines = text_path.read_text(encoding="utf-8").splitlines()
    doc_ids = [row.split("\t")[0].strip() for row in ids_path.read_text(encoding="utf-8").splitlines()]
    pairs = zip(doc_ids, lines, strict=False)
    for doc_id, group in groupby(pairs, key=lambda pair: pair[0]):
        sentences = [line.strip() for _, line in group]
        headline, body = sentences[0], sentences[1:]
        text = headline + "\n\n" + "\n".join(body)
        yield Article(id=f"ntrex:{doc_id}", text=text, title=headline, language="id", source="ntrex")


def globalvoices_articles(shared: Path | None = None) -> Iterator[Article]:
    """Global Voices Indonesian: title, then one paragraph per sentence-id prefix (``3.1``, ``3.2`` → 3)."""
    folder = shared_root(shared) / "data" / "globalvoices_id" / "raw" / "id"
    for path in sorted(folder.glob("*.xml.gz")):
        with gzip.open(path) as handle:
            data = handle.read()
        if not data:
            continue  # one empty file upstream
        root = ET.fromstring(data)
        url = root.findtext("URL")
        paragraphs: dict[str, list[str]] = {}
        for s in root.iter("s"):
            words = "".join(s.itertext()).strip()
            if words:
                paragraphs.setdefault((s.get("id") or "0").split(".")[0], []).append(words)
        if not paragraphs:
            continue
        title_el = root.find("TITLE")
        title = None
        if title_el is not None:
            title = " ".join("".join(s.itertext()).strip() for s in title_el.iter("s"))
        text = "\n\n".join(" ".join(sents) for sents in paragraphs.values())
        match = GV_DATE.search(url or "")
        published = date(int(match[1]), int(match[2]), int(match[3])) if match else None
        yield Article(id=f"gv:{path.name.removesuffix('.xml.gz')}", text=text, title=title, url=url,
                      published=published, language="id", source="globalvoices")


def conllu_sentences(shared: Path | None = None) -> Iterator[Article]:
    """Every ``# text =`` line of the UD Indonesian treebanks (GSD, CSUI, PUD) as a one-sentence article."""
    data = shared_root(shared) / "data"
    files = sorted(data.glob("ud_indonesian_*/*.conllu"))
    files += sorted((data / "ud_pud_id_en" / "id").glob("*.conllu"))
    for path in files:
        with path.open(encoding="utf-8") as handle:
            n = 0
            for line in handle:
                if line.startswith("# text = "):
                    n += 1
                    yield Article(id=f"ud:{path.stem}:{n}", text=line[len("# text = "):].rstrip("\n"),
                                  language="id", source="ud")


def sib200_sentences(shared: Path | None = None,
                     languages: tuple[str, ...] = ("ind_Latn", "eng_Latn")) -> Iterator[Article]:
    """SIB-200 (FLORES) sentences, Indonesian and English, as one-sentence articles."""
    base = shared_root(shared) / "data" / "sib200_id" / "data" / "annotated"
    for lang in languages:
        for path in sorted((base / lang).glob("*.tsv")):
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                    yield Article(id=f"sib:{lang}:{path.stem}:{row['index_id']}", text=row["text"],
                                  language="id", source="sib200")


def english_gold_sentences(shared: Path | None = None) -> Iterator[Article]:
    """PLOVER and PETRARCH2 gold English sentences (fed to the Indonesian pipeline in crash tests)."""
    data = shared_root(shared) / "data"
    plover = data / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
    if plover.exists():
        for record in json.loads(plover.read_text(encoding="utf-8")):
            if record.get("text"):
                yield Article(id=f"plover:{record['id']}", text=record["text"], language="id",
                              source="plover")
    petrarch = data / "petrarch2" / "gold" / "PETR.UnitTest.records.xml"
    if petrarch.exists():
        for sentence in ET.parse(petrarch).getroot().iter("Sentence"):
            text = (sentence.findtext("Text") or "").strip()
            if text:
                yield Article(id=f"petrarch:{sentence.get('id')}", text=text, language="id",
                              source="petrarch2")


def seed_article(shared: Path | None = None) -> Article | None:
    """The project's canonical example article, or None when ../shared is absent."""
    path = shared_root(shared) / "seed" / "xi-putin-id.txt"
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    return Article(id="seed", text=text, published=date(2023, 3, 21), language="id")


__all__ = [
    "conllu_sentences",
    "english_gold_sentences",
    "globalvoices_articles",
    "ntrex_articles",
    "seed_article",
    "shared_root",
    "sib200_sentences",
]
