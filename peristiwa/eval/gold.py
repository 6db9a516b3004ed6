"""Gold files for the evaluators: their format, the three gold sets, and texts looked up by reference.

Why references instead of texts: the real news we measure on (UD Indonesian-PUD, SIB-200, Global
Voices 2008–2013) may not be copied into the repository, so a gold entry names its text
(`ref: {dataset: globalvoices, file: …}`) and the text is read from ../shared at run time. A Global
Voices reference without `sentence:` is the **whole article**: title and body in document order,
one paragraph per block, so that the coder sees exactly what a user ingesting the article would.

Three gold sets, kept apart because they measure different things (docs/evaluation.md):

* ``own`` — `dev_gold.yaml`: one-line sentences written for the project (and a few dataset
  sentences chosen in 0.1). Shaped like the rules: a unit/regression set, never the headline.
* ``real-sentences`` — `real_sentences.yaml`: every political news sentence of UD-PUD and SIB-200.
* ``real-articles`` — `real_articles.yaml`: whole Global Voices articles; the headline number.
"""

from __future__ import annotations

import csv
import gzip
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"
DEV_GOLD = DATA_DIR / "dev_gold.yaml"
REAL_SENTENCES = DATA_DIR / "real_sentences.yaml"
REAL_ARTICLES = DATA_DIR / "real_articles.yaml"
#: gold file stem → the gold set it belongs to (any other file is its own set, named by its stem)
GOLD_SETS = {DEV_GOLD.stem: "own", REAL_SENTENCES.stem: "real-sentences", REAL_ARTICLES.stem: "real-articles"}
DEFAULT_GOLD = (DEV_GOLD, REAL_SENTENCES, REAL_ARTICLES)
#: data sets that must never be used here (held out for final evaluation)
HELD_OUT_DATASETS = frozenset({"ntrex", "ntrex_id", "ntrex128"})
GLOBALVOICES_LAST_YEAR = 2013  # Global Voices 2014+ is held out
#: folders that mark a directory as the shared data root
_DATA_SET_FOLDERS = ("ud_pud_id_en", "sib200_id", "globalvoices_id")
#: Global Voices elements that start a new paragraph; the rest of the markup is inline
_GV_BLOCKS = frozenset({"TITLE", "P", "QUOTE"})
#: Global Voices elements that are metadata, not article text
_GV_METADATA = frozenset({"URL", "AUTHOR", "TRANSLATOR"})


class GoldError(ValueError):
    """A gold file entry that cannot be used (bad shape or a held-out source)."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected (or allowed / forbidden) event pattern."""

    source: str | None
    target: str | None
    roots: tuple[str, ...]
    codes: tuple[str, ...] = ()
    why: str = ""

    def label(self) -> str:
        code = f" [{'|'.join(self.codes)}]" if self.codes else ""
        why = f"  ({self.why})" if self.why else ""
        return f"{self.source or '-'}→{self.target or '-'} {'/'.join(self.roots)}{code}{why}"


@dataclass(slots=True)
class GoldDoc:
    """A gold document with its text already resolved."""

    id: str
    text: str
    published: date | None
    events: list[GoldEvent]
    allowed: list[GoldEvent] = field(default_factory=list)
    forbidden: list[GoldEvent] = field(default_factory=list)
    split: str = "dev"
    tags: tuple[str, ...] = ()
    origin: str = "own"
    gold_set: str = "own"
    #: the `knowledge:` block (persons, orgs, places, quotes, dates) as written in the gold file
    knowledge: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: sentence id of the source data set → (start, end) in `text`
    sentence_spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(slots=True)
class ResolvedText:
    """A referenced text and where each of its source sentences lies in it."""

    text: str
    sentence_spans: dict[str, tuple[int, int]]


def _str_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    values = value if isinstance(value, list | tuple) else [value]
    return tuple(str(v).strip() for v in values if str(v).strip())


def _actor_value(value: Any, *, allow_none: bool) -> str | None:
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "null", "none", "~")):
        if not allow_none:
            raise GoldError("an event needs a source")
        return None
    return str(value).strip().upper()


def parse_event(data: dict[str, Any]) -> GoldEvent:
    """Build a GoldEvent from its YAML mapping; the root list may be derived from the code."""
    if not isinstance(data, dict):
        raise GoldError(f"event must be a mapping, got {data!r}")
    codes = _str_list(data.get("code"))
    roots = tuple(r.zfill(2) for r in _str_list(data.get("root")))
    roots = roots or tuple(dict.fromkeys(c[:2] for c in codes))
    if not roots:
        raise GoldError(f"event {data!r} has neither root nor code")
    for code in codes:
        if code[:2] not in roots:
            raise GoldError(f"code {code} is not under the event's roots {roots}")
    return GoldEvent(
        source=_actor_value(data.get("source"), allow_none=False),
        target=_actor_value(data.get("target"), allow_none=True),
        roots=roots,
        codes=codes,
        why=str(data.get("why") or "").strip(),
    )


def _parse_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _joined(table: dict[str, str], keys: Sequence[str]) -> ResolvedText:
    """Sentences joined by one space, with their spans."""
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    offset = 0
    for key in keys:
        spans[key] = (offset, offset + len(table[key]))
        parts.append(table[key])
        offset += len(table[key]) + 1
    return ResolvedText(" ".join(parts), spans)


def globalvoices_paragraphs(root: ET.Element) -> list[list[tuple[str, str]]]:
    """The article's paragraphs in document order, each a list of (sentence id, sentence text).

    TITLE, P and QUOTE start a paragraph; a sentence outside any of them (the lead) is a paragraph
    of its own run; author and translator credits are not text.
    """
    paragraphs: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []

    def close() -> None:
        nonlocal current
        if current:
            paragraphs.append(current)
            current = []

    def walk(element: ET.Element) -> None:
        for child in element:
            if child.tag == "s":
                current.append((str(child.get("id")), " ".join("".join(child.itertext()).split())))
            elif child.tag in _GV_BLOCKS:
                close()
                walk(child)
                close()
            elif child.tag not in _GV_METADATA:
                walk(child)

    walk(root)
    close()
    return [[(sid, text) for sid, text in para if text] for para in paragraphs if any(t for _, t in para)]


def article_text(paragraphs: Sequence[Sequence[tuple[str, str]]]) -> ResolvedText:
    """Paragraphs joined by a blank line, sentences within a paragraph by a space."""
    spans: dict[str, tuple[int, int]] = {}
    pieces: list[str] = []
    offset = 0
    for p, paragraph in enumerate(paragraphs):
        if p:
            pieces.append("\n\n")
            offset += 2
        for s, (sid, text) in enumerate(paragraph):
            if s:
                pieces.append(" ")
                offset += 1
            spans[sid] = (offset, offset + len(text))
            pieces.append(text)
            offset += len(text)
    return ResolvedText("".join(pieces), spans)


class DatasetResolver:
    """Fetches referenced texts from ../shared at run time; never copies them anywhere.

    Each data set file is read once per resolver (kept on the object, not in a module global).
    """

    def __init__(self, data_root: Path | None) -> None:
        self.data_root = data_root
        self._cache: dict[str, Any] = {}

    def resolve(self, ref: dict[str, Any]) -> str:
        """The referenced text (kept for callers that need only the string)."""
        return self.resolve_spans(ref).text

    def resolve_spans(self, ref: dict[str, Any]) -> ResolvedText:
        name = str(ref.get("dataset", "")).lower()
        if name in HELD_OUT_DATASETS:
            raise GoldError(f"data set {name!r} is held out and may not be used for gold")
        if self.data_root is None:
            raise FileNotFoundError(f"no data root (../shared) to resolve {name}")
        if name in ("ud_pud_id", "ud_pud", "pud"):
            table, keys = self._table("pud", self._read_pud), _str_list(ref.get("sent_id"))
        elif name in ("sib200", "sib200_id", "flores"):
            table, keys = self._table("sib200", self._read_sib200), _str_list(ref.get("index_id"))
        elif name in ("globalvoices", "globalvoices_id", "gv"):
            file = self._globalvoices_file(ref)
            paragraphs = self._table(f"gv:{file}", lambda: self._read_globalvoices(file))
            keys = _str_list(ref.get("sentence"))
            if not keys:
                return article_text(paragraphs)
            table = {sid: text for para in paragraphs for sid, text in para}
        else:
            raise GoldError(f"unknown data set {name!r}")
        if not keys:
            raise GoldError(f"reference {ref!r} names no sentence")
        missing = [k for k in keys if k not in table]
        if missing:
            raise GoldError(f"{name}: no sentence {', '.join(missing)}")
        return _joined(table, keys)

    @staticmethod
    def _globalvoices_file(ref: dict[str, Any]) -> str:
        file = str(ref.get("file", "")).removesuffix(".xml.gz")
        if not file[:4].isdigit() or int(file[:4]) > GLOBALVOICES_LAST_YEAR:
            raise GoldError(f"Global Voices file {file!r}: only 2008–{GLOBALVOICES_LAST_YEAR} may be used")
        return file

    def _table(self, key: str, reader: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = reader()
        return self._cache[key]

    def _path(self, *parts: str) -> Path:
        assert self.data_root is not None
        path = self.data_root.joinpath(*parts)
        if not path.exists():
            raise FileNotFoundError(str(path))
        return path

    def _read_pud(self) -> dict[str, str]:
        table: dict[str, str] = {}
        sent_id = ""
        path = self._path("ud_pud_id_en", "id", "id_pud-ud-test.conllu")
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# sent_id ="):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text =") and sent_id:
                table[sent_id] = line.split("=", 1)[1].strip()
        return table

    def _read_sib200(self) -> dict[str, str]:
        table: dict[str, str] = {}
        folder = self._path("sib200_id", "data", "annotated", "ind_Latn")
        for split in ("train", "dev", "test"):
            with (folder / f"{split}.tsv").open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                    table[str(row["index_id"]).strip()] = row["text"].strip()
        return table

    def _read_globalvoices(self, file: str) -> list[list[tuple[str, str]]]:
        data = gzip.decompress(self._path("globalvoices_id", "raw", "id", f"{file}.xml.gz").read_bytes())
        return globalvoices_paragraphs(ET.fromstring(data))


def find_data_root(data_root: str | Path | None = None) -> Path | None:
    """The shared data folder: explicit path, $PERISTIWA_DATA_ROOT, or ../shared next to the repo."""
    repo = Path(__file__).resolve().parents[2]
    given = data_root or os.environ.get("PERISTIWA_DATA_ROOT")
    candidates = [Path(given)] if given else [Path.cwd().parent / "shared", repo.parent / "shared"]
    for candidate in candidates:
        if (candidate / "data").is_dir():
            return candidate / "data"
        if candidate.is_dir() and any((candidate / d).is_dir() for d in _DATA_SET_FOLDERS):
            return candidate
    return None


def gold_set_of(path: Path) -> str:
    return GOLD_SETS.get(path.stem, path.stem)


def load_gold(paths: Sequence[str | Path], data_root: str | Path | None = None
              ) -> tuple[list[GoldDoc], list[dict[str, str]]]:
    """Read gold files; returns (documents, skipped) — skipped lists references that could not be resolved."""
    resolver = DatasetResolver(find_data_root(data_root))
    docs: list[GoldDoc] = []
    skipped: list[dict[str, str]] = []
    seen: set[str] = set()
    for path in map(Path, paths):
        if not path.is_file() and path in DEFAULT_GOLD:
            continue  # a gold set not written yet is simply absent
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(entries, list):
            raise GoldError(f"{path}: a gold file is a YAML list of documents")
        for entry in entries:
            doc_id = str(entry.get("id") or "")
            if not doc_id or doc_id in seen:
                raise GoldError(f"{path}: missing or duplicate document id {doc_id!r}")
            seen.add(doc_id)
            try:
                resolved, origin = _doc_text(entry, path.parent, resolver)
            except FileNotFoundError as exc:
                skipped.append({"id": doc_id, "reason": f"data not found: {exc}"})
                continue
            docs.append(_gold_doc(entry, doc_id, resolved, origin, gold_set_of(path)))
    return docs, skipped


def _doc_text(entry: dict[str, Any], base: Path, resolver: DatasetResolver) -> tuple[ResolvedText, str]:
    if entry.get("text"):
        return ResolvedText(str(entry["text"]).strip(), {}), "own"
    if entry.get("path"):
        return ResolvedText((base / str(entry["path"])).read_text(encoding="utf-8").strip(), {}), "own"
    ref = entry.get("ref")
    if isinstance(ref, dict):
        return resolver.resolve_spans(ref), str(ref.get("dataset"))
    raise GoldError(f"document {entry.get('id')!r} has no text, path or ref")


def _gold_doc(entry: dict[str, Any], doc_id: str, resolved: ResolvedText, origin: str,
              gold_set: str) -> GoldDoc:
    split = str(entry.get("split") or "dev")
    if split not in ("dev", "test"):
        raise GoldError(f"document {doc_id}: split must be dev or test, not {split!r}")
    try:
        events = [parse_event(e) for e in entry.get("events") or []]
        allowed = [parse_event(e) for e in entry.get("allowed") or []]
        forbidden = [parse_event(e) for e in entry.get("forbidden") or []]
    except GoldError as exc:
        raise GoldError(f"document {doc_id}: {exc}") from exc
    knowledge = entry.get("knowledge") or {}
    if not isinstance(knowledge, dict):
        raise GoldError(f"document {doc_id}: knowledge must be a mapping of lists")
    return GoldDoc(doc_id, resolved.text, _parse_date(entry.get("published")), events, allowed, forbidden,
                   split, _str_list(entry.get("tags")), origin, gold_set,
                   {k: list(v or []) for k, v in knowledge.items()}, resolved.sentence_spans)
