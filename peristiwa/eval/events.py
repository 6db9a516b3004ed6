"""Event-coding evaluation against hand-written gold: who did what to whom, per document.

Why document level on (source country, target country, CAMEO root) dyads: that is the unit
GDELT/ICEWS users aggregate (one article reporting "Russia attacked Ukraine" twice is one
RUS→UKR 19 event), and it is robust to the coder choosing a different trigger word or
sentence for the same event. Full codes are scored as well where the gold gives them.

Gold format (YAML, a list of documents; full description in docs/evaluation.md)::

    - id: own-visit-01
      text: "Presiden Prabowo Subianto mengunjungi Tokyo ..."      # or path: / ref: {dataset: …}
      published: 2025-01-10
      split: dev                      # dev (default) or test (held back: never tune rules on it)
      tags: [nominal, coordination]   # optional phenomena, scored separately
      events:    [{source: IDN, target: JPN, root: ["04"], code: "042"}]
      allowed:   [{source: JPN, target: IDN, root: ["04"]}]   # not counted as false positives
      forbidden: [{source: IDN, target: JPN, root: ["19"]}]   # must not appear

Actor keys: a country's ISO3 code; for actors without a country (IGOs, transnational
groups, international NGOs) the CAMEO code, matched by prefix ("IGO" matches every IGO,
"IGOUNO" the UN). Target "*" matches any target including none; target null means none.

Counted predictions are the exportable ones (`peristiwa.extract.events.is_resolved`):
negated or denied events never count, so a negation test is a `forbidden` entry.

Usage: ``python -m peristiwa.eval.events [GOLD.yaml …] [--data-root ../shared] [--json out.json]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from peristiwa.extract.events import is_resolved
from peristiwa.model import Actor, Document, Event

if TYPE_CHECKING:
    from rich.console import Console

    from peristiwa.api import Extractor

DATA_DIR = Path(__file__).parent / "data"
DEV_GOLD = DATA_DIR / "dev_gold.yaml"
BASELINE = DATA_DIR / "baseline.json"

#: actor "countries" that are not countries: their key is the full CAMEO code
TRANSNATIONAL = frozenset({"IGO", "IMG", "NGO", "MNC", "UIS", "REF"})
#: data sets that must never be used here (held out for final evaluation)
HELD_OUT_DATASETS = frozenset({"ntrex", "ntrex_id", "ntrex128"})
GLOBALVOICES_LAST_YEAR = 2013  # Global Voices 2014+ is held out


class GoldError(ValueError):
    """A gold file entry that cannot be used (bad shape or a held-out source)."""


# -- gold --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected (or allowed / forbidden) event pattern."""

    source: str | None
    target: str | None
    roots: tuple[str, ...]
    codes: tuple[str, ...] = ()

    def label(self) -> str:
        code = f" [{'|'.join(self.codes)}]" if self.codes else ""
        return f"{self.source or '-'}→{self.target or '-'} {'/'.join(self.roots)}{code}"


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


@dataclass(frozen=True, slots=True)
class PredEvent:
    """A predicted event reduced to what the scorer compares, plus provenance for error lists."""

    source: str | None
    target: str | None
    root: str
    code: str
    sentence: int
    trigger: str
    rule: str

    def label(self) -> str:
        return f"{self.source or '-'}→{self.target or '-'} {self.root} [{self.code}] «{self.trigger}»"


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
    )


def _parse_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


class DatasetResolver:
    """Fetches referenced sentences from ../shared at run time; never copies them anywhere.

    Each data set file is read once per resolver (kept on the object, not in a module global).
    """

    def __init__(self, data_root: Path | None) -> None:
        self.data_root = data_root
        self._cache: dict[str, dict[str, str]] = {}

    def resolve(self, ref: dict[str, Any]) -> str:
        name = str(ref.get("dataset", "")).lower()
        if name in HELD_OUT_DATASETS:
            raise GoldError(f"data set {name!r} is held out and may not be used for dev gold")
        if self.data_root is None:
            raise FileNotFoundError(f"no data root (../shared) to resolve {name}")
        if name in ("ud_pud_id", "ud_pud", "pud"):
            table, keys = self._table("pud", self._read_pud), _str_list(ref.get("sent_id"))
        elif name in ("sib200", "sib200_id", "flores"):
            table, keys = self._table("sib200", self._read_sib200), _str_list(ref.get("index_id"))
        elif name in ("globalvoices", "globalvoices_id", "gv"):
            file = str(ref.get("file", "")).removesuffix(".xml.gz")
            if not file[:4].isdigit() or int(file[:4]) > GLOBALVOICES_LAST_YEAR:
                raise GoldError(
                    f"Global Voices file {file!r}: only 2008–{GLOBALVOICES_LAST_YEAR} may be used")
            table = self._table(f"gv:{file}", lambda: self._read_globalvoices(file))
            keys = _str_list(ref.get("sentence"))
        else:
            raise GoldError(f"unknown data set {name!r}")
        if not keys:
            raise GoldError(f"reference {ref!r} names no sentence")
        missing = [k for k in keys if k not in table]
        if missing:
            raise GoldError(f"{name}: no sentence {', '.join(missing)}")
        return " ".join(table[k] for k in keys)

    def _table(self, key: str, reader: Callable[[], dict[str, str]]) -> dict[str, str]:
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

    def _read_globalvoices(self, file: str) -> dict[str, str]:
        data = gzip.decompress(self._path("globalvoices_id", "raw", "id", f"{file}.xml.gz").read_bytes())
        root = ET.fromstring(data)
        return {str(s.get("id")): "".join(s.itertext()).strip() for s in root.iter("s")}


def find_data_root(data_root: str | Path | None = None) -> Path | None:
    """The shared data folder: explicit path, $PERISTIWA_DATA_ROOT, or ../shared next to the repo."""
    repo = Path(__file__).resolve().parents[2]
    given = data_root or os.environ.get("PERISTIWA_DATA_ROOT")
    candidates = [Path(given)] if given else [Path.cwd().parent / "shared", repo.parent / "shared"]
    for candidate in candidates:
        if (candidate / "data").is_dir():
            return candidate / "data"
        if candidate.is_dir() and any((candidate / d).is_dir() for d in ("ud_pud_id_en", "sib200_id")):
            return candidate
    return None


def load_gold(paths: Sequence[str | Path], data_root: str | Path | None = None
              ) -> tuple[list[GoldDoc], list[dict[str, str]]]:
    """Read gold files; returns (documents, skipped) — skipped lists references that could not be resolved."""
    resolver = DatasetResolver(find_data_root(data_root))
    docs: list[GoldDoc] = []
    skipped: list[dict[str, str]] = []
    seen: set[str] = set()
    for path in paths:
        entries = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
        if not isinstance(entries, list):
            raise GoldError(f"{path}: a gold file is a YAML list of documents")
        for entry in entries:
            doc_id = str(entry.get("id") or "")
            if not doc_id or doc_id in seen:
                raise GoldError(f"{path}: missing or duplicate document id {doc_id!r}")
            seen.add(doc_id)
            try:
                text, origin = _doc_text(entry, Path(path).parent, resolver)
            except FileNotFoundError as exc:
                skipped.append({"id": doc_id, "reason": f"data not found: {exc}"})
                continue
            docs.append(_gold_doc(entry, doc_id, text, origin))
    return docs, skipped


def _doc_text(entry: dict[str, Any], base: Path, resolver: DatasetResolver) -> tuple[str, str]:
    if entry.get("text"):
        return str(entry["text"]).strip(), "own"
    if entry.get("path"):
        return (base / str(entry["path"])).read_text(encoding="utf-8").strip(), "own"
    ref = entry.get("ref")
    if isinstance(ref, dict):
        return resolver.resolve(ref), str(ref.get("dataset"))
    raise GoldError(f"document {entry.get('id')!r} has no text, path or ref")


def _gold_doc(entry: dict[str, Any], doc_id: str, text: str, origin: str) -> GoldDoc:
    split = str(entry.get("split") or "dev")
    if split not in ("dev", "test"):
        raise GoldError(f"document {doc_id}: split must be dev or test, not {split!r}")
    try:
        events = [parse_event(e) for e in entry.get("events") or []]
        allowed = [parse_event(e) for e in entry.get("allowed") or []]
        forbidden = [parse_event(e) for e in entry.get("forbidden") or []]
    except GoldError as exc:
        raise GoldError(f"document {doc_id}: {exc}") from exc
    return GoldDoc(doc_id, text, _parse_date(entry.get("published")), events, allowed, forbidden,
                   split, _str_list(entry.get("tags")), origin)


# -- predictions ---------------------------------------------------------------------------------------


def actor_key(actor: Actor | None) -> str | None:
    """Country ISO3 for national actors; the CAMEO code for IGOs and other transnational actors."""
    if actor is None:
        return None
    country = actor.country or (actor.code[:3] if actor.code else None)
    if country is None or country in TRANSNATIONAL:
        return actor.code or country
    return country


def predicted_events(doc: Document) -> list[PredEvent]:
    """The document's exportable events, reduced to dyad + code (duplicates kept; the scorer dedups)."""
    return [_pred(e) for e in doc.events if is_resolved(e)]


def _pred(event: Event) -> PredEvent:
    return PredEvent(
        source=actor_key(event.source.actor if event.source else None),
        target=actor_key(event.target.actor if event.target else None),
        root=event.root_code or event.code[:2],
        code=event.code,
        sentence=event.sentence,
        trigger=event.trigger.text,
        rule=event.rule,
    )


def _dedup(preds: Iterable[PredEvent], key: Callable[[PredEvent], tuple]) -> list[PredEvent]:
    out: dict[tuple, PredEvent] = {}
    for pred in preds:
        out.setdefault(key(pred), pred)
    return list(out.values())


# -- matching ------------------------------------------------------------------------------------------


def actor_matches(gold: str | None, pred: str | None) -> bool:
    """`*` matches anything (also no actor); None only no actor; otherwise a key prefix (IGO ⊃ IGOUNO)."""
    if gold == "*":
        return True
    if gold is None or pred is None:
        return gold is None and pred is None
    return pred.startswith(gold)


def dyad_matches(gold: GoldEvent, pred: PredEvent) -> bool:
    return actor_matches(gold.source, pred.source) and actor_matches(gold.target, pred.target)


def root_matches(gold: GoldEvent, pred: PredEvent) -> bool:
    return dyad_matches(gold, pred) and pred.root in gold.roots


def code_matches(gold: GoldEvent, pred: PredEvent) -> bool:
    if not gold.codes:
        return root_matches(gold, pred)
    return dyad_matches(gold, pred) and pred.code in gold.codes


def max_matching(gold: Sequence[GoldEvent], preds: Sequence[PredEvent],
                 ok: Callable[[GoldEvent, PredEvent], bool]) -> dict[int, int]:
    """Maximum bipartite matching gold→prediction (Kuhn's augmenting paths; sets are tiny)."""
    edges = [[j for j, p in enumerate(preds) if ok(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, visited: set[int]) -> bool:
        for j in edges[i]:
            if j in visited:
                continue
            visited.add(j)
            if j not in owner or augment(owner[j], visited):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass
class DocResult:
    """Scores and error lists for one document."""

    id: str
    split: str
    origin: str
    tags: tuple[str, ...]
    n_gold: int
    n_pred: int
    tp: int
    fp: int
    fn: int
    allowed: int
    code_gold: int
    code_tp: int
    code_judged: int
    forbidden_checked: int
    forbidden_hits: list[str]
    missed: list[str]
    false_positives: list[str]
    predicted: list[str]
    confusion: list[tuple[str, str]]
    root_tp: list[str]
    root_fn: list[str]
    root_fp: list[str]


def score_document(gold: GoldDoc, preds: Sequence[PredEvent]) -> DocResult:
    """Match one document's predictions to its gold at root level and at code level."""
    by_root = _dedup(preds, lambda p: (p.source, p.target, p.root))
    match = max_matching(gold.events, by_root, root_matches)
    matched_preds = set(match.values())
    unmatched = [p for j, p in enumerate(by_root) if j not in matched_preds]
    allowed = [p for p in unmatched if any(root_matches(a, p) for a in gold.allowed)]
    false_pos = [p for p in unmatched if p not in allowed]

    by_code = _dedup(preds, lambda p: (p.source, p.target, p.code))
    code_match = max_matching(gold.events, by_code, code_matches)
    code_gold = sum(1 for g in gold.events if g.codes)
    code_tp = sum(1 for i in code_match if gold.events[i].codes)
    code_unjudged = sum(1 for i in code_match if not gold.events[i].codes)
    code_allowed = sum(1 for j, p in enumerate(by_code) if j not in code_match.values()
                       and any(root_matches(a, p) for a in gold.allowed))

    confusion, root_tp, root_fn = _confusion(gold.events, by_root, match)
    return DocResult(
        id=gold.id, split=gold.split, origin=gold.origin, tags=gold.tags,
        n_gold=len(gold.events), n_pred=len(by_root) - len(allowed),
        tp=len(match), fp=len(false_pos), fn=len(gold.events) - len(match), allowed=len(allowed),
        code_gold=code_gold, code_tp=code_tp, code_judged=len(by_code) - code_unjudged - code_allowed,
        forbidden_checked=len(gold.forbidden),
        forbidden_hits=[f.label() for f in gold.forbidden if any(root_matches(f, p) for p in by_root)],
        missed=[g.label() for i, g in enumerate(gold.events) if i not in match],
        false_positives=[p.label() for p in false_pos],
        predicted=[p.label() for p in by_root],
        confusion=confusion, root_tp=root_tp, root_fn=root_fn, root_fp=[p.root for p in false_pos],
    )


def _confusion(gold: Sequence[GoldEvent], preds: Sequence[PredEvent], match: dict[int, int]
               ) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(gold root, predicted root) pairs for dyad-matched events; "none" when the dyad was not found."""
    pairs: list[tuple[str, str]] = []
    tp_roots: list[str] = []
    fn_roots: list[str] = []
    used = set(match.values())
    for i, g in enumerate(gold):
        if i in match:
            root = preds[match[i]].root
            pairs.append((root, root))
            tp_roots.append(root)
            continue
        fn_roots.append(g.roots[0])
        j = next((j for j, p in enumerate(preds) if j not in used and dyad_matches(g, p)), None)
        if j is not None:
            used.add(j)
        pairs.append((g.roots[0], preds[j].root if j is not None else "none"))
    return pairs, tp_roots, fn_roots


# -- aggregation -----------------------------------------------------------------------------------------


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "fp": n_pred - tp, "fn": n_gold - tp, "gold": n_gold, "predicted": n_pred}


def summarize(docs: Sequence[DocResult]) -> dict[str, Any]:
    """Micro-averaged dyad, code and forbidden scores over some documents."""
    return {
        "documents": len(docs),
        "dyad": prf(sum(d.tp for d in docs), sum(d.tp + d.fp for d in docs), sum(d.n_gold for d in docs)),
        "code": prf(sum(d.code_tp for d in docs), sum(d.code_judged for d in docs),
                    sum(d.code_gold for d in docs)),
        "forbidden": {"hits": sum(len(d.forbidden_hits) for d in docs),
                      "checked": sum(d.forbidden_checked for d in docs)},
        "allowed_ignored": sum(d.allowed for d in docs),
    }


SUBSETS: dict[str, Callable[[DocResult], bool]] = {
    "all": lambda d: True,
    "dev": lambda d: d.split == "dev",
    "test": lambda d: d.split == "test",
    "own": lambda d: d.origin == "own",
    "dataset": lambda d: d.origin != "own",
    "dev_own": lambda d: d.split == "dev" and d.origin == "own",
}


def aggregate(docs: Sequence[DocResult]) -> dict[str, Any]:
    summary = {name: summarize([d for d in docs if keep(d)]) for name, keep in SUBSETS.items()}
    tags = sorted({t for d in docs for t in d.tags})
    by_tag = {t: summarize([d for d in docs if t in d.tags]) for t in tags}
    tp, fn, fp = Counter(), Counter(), Counter()
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for d in docs:
        tp.update(d.root_tp)
        fn.update(d.root_fn)
        fp.update(d.root_fp)
        for gold_root, pred_root in d.confusion:
            confusion[gold_root][pred_root] += 1
    roots = sorted(set(tp) | set(fn) | set(fp))
    by_root = {r: prf(tp[r], tp[r] + fp[r], tp[r] + fn[r]) for r in roots}
    return {
        "summary": summary,
        "by_tag": by_tag,
        "by_root": by_root,
        "confusion": {g: dict(sorted(c.items())) for g, c in sorted(confusion.items())},
    }


# -- entry points ------------------------------------------------------------------------------------------


def run_events_eval(gold_paths: Sequence[str | Path] | None = None, data_root: str | Path | None = None,
                    extractor: Extractor | None = None, *, split: str | None = None) -> dict[str, Any]:
    """Run the extractor over gold documents and score them; the dict is JSON-ready.

    `gold_paths` defaults to the packaged dev gold; `split` ("dev"/"test") restricts the documents.
    Referenced sentences whose data set is absent are listed under "skipped", not failed.
    """
    paths = [Path(p) for p in gold_paths] if gold_paths else [DEV_GOLD]
    docs, skipped = load_gold(paths, data_root)
    if split:
        docs = [d for d in docs if d.split == split]
    if extractor is None:
        from peristiwa.api import Extractor

        extractor = Extractor.load()
    started = time.perf_counter()
    results = []
    for gold in docs:
        doc = extractor.extract(gold.text, published=gold.published, article_id=gold.id)
        results.append(score_document(gold, predicted_events(doc)))
    seconds = time.perf_counter() - started
    root = find_data_root(data_root)
    return {
        "gold": [str(p) for p in paths],
        "data_root": str(root) if root else None,
        "documents_scored": len(results),
        "skipped": skipped,
        "seconds": round(seconds, 2),
        **aggregate(results),
        "documents": [_doc_json(r) for r in results],
    }


def _doc_json(result: DocResult) -> dict[str, Any]:
    data = asdict(result)
    for key in ("confusion", "root_tp", "root_fn", "root_fp"):
        data.pop(key)
    data["tags"] = list(result.tags)
    return data


def baseline_from_result(result: dict[str, Any]) -> dict[str, Any]:
    """The numbers the regression guard compares: F1 (dyad and code) for each subset."""
    return {
        name: {"documents": s["documents"], "f1": s["dyad"]["f1"], "precision": s["dyad"]["precision"],
               "recall": s["dyad"]["recall"], "code_f1": s["code"]["f1"],
               "forbidden_hits": s["forbidden"]["hits"]}
        for name, s in result["summary"].items()
    }


def write_baseline(result: dict[str, Any], path: Path = BASELINE) -> dict[str, Any]:
    data = {"gold": [Path(p).name for p in result["gold"]], "subsets": baseline_from_result(result)}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return data


def print_table(result: dict[str, Any], console: Console | None = None, *, errors: int = 10) -> None:
    """Rich tables: summary per subset, per root, root confusion, per tag, and the worst documents."""
    from rich.console import Console
    from rich.table import Table

    if console is None:
        console = Console()
        if not console.is_terminal:  # piped output: do not squeeze the tables into 80 columns
            console = Console(width=130)
    table = Table(title=f"Event coding vs gold ({result['documents_scored']} documents)")
    for col in ("subset", "docs", "gold", "pred", "TP", "P", "R", "F1", "code P", "code R", "code F1",
                "forbidden"):
        table.add_column(col, justify="left" if col == "subset" else "right")
    for name, s in result["summary"].items():
        if not s["documents"]:
            continue
        d, c = s["dyad"], s["code"]
        table.add_row(name, str(s["documents"]), str(d["gold"]), str(d["predicted"]), str(d["tp"]),
                      f"{d['precision']:.3f}", f"{d['recall']:.3f}", f"{d['f1']:.3f}",
                      f"{c['precision']:.3f}", f"{c['recall']:.3f}", f"{c['f1']:.3f}",
                      f"{s['forbidden']['hits']}/{s['forbidden']['checked']}")
    console.print(table)

    roots = Table(title="Per CAMEO root (gold root for TP/FN, predicted root for FP)")
    for col in ("root", "gold", "pred", "TP", "P", "R", "F1", "confused with"):
        roots.add_column(col, justify="left" if col in ("root", "confused with") else "right")
    for root, row in result["by_root"].items():
        wrong = {k: v for k, v in result["confusion"].get(root, {}).items() if k != root}
        roots.add_row(root, str(row["gold"]), str(row["predicted"]), str(row["tp"]),
                      f"{row['precision']:.2f}",
                      f"{row['recall']:.2f}", f"{row['f1']:.2f}",
                      ", ".join(f"{k}×{v}" for k, v in sorted(wrong.items(), key=lambda kv: -kv[1])))
    console.print(roots)

    if result["by_tag"]:
        tags = Table(title="Per phenomenon tag")
        for col in ("tag", "docs", "gold", "TP", "P", "R", "F1", "forbidden"):
            tags.add_column(col, justify="left" if col == "tag" else "right")
        for tag, s in result["by_tag"].items():
            d = s["dyad"]
            tags.add_row(tag, str(s["documents"]), str(d["gold"]), str(d["tp"]), f"{d['precision']:.2f}",
                         f"{d['recall']:.2f}", f"{d['f1']:.2f}",
                         f"{s['forbidden']['hits']}/{s['forbidden']['checked']}")
        console.print(tags)

    bad = sorted((d for d in result["documents"] if d["fp"] or d["fn"] or d["forbidden_hits"]),
                 key=lambda d: -(d["fp"] + d["fn"] + 2 * len(d["forbidden_hits"])))
    for d in bad[:errors]:
        console.print(f"[bold]{d['id']}[/bold] ({d['split']}) TP {d['tp']} FP {d['fp']} FN {d['fn']}")
        for label in d["missed"]:
            console.print(f"   [yellow]missed[/yellow]    {label}")
        for label in d["false_positives"]:
            console.print(f"   [red]spurious[/red]  {label}")
        for label in d["forbidden_hits"]:
            console.print(f"   [magenta]FORBIDDEN[/magenta] {label}")
    if result["skipped"]:
        console.print(f"[dim]{len(result['skipped'])} referenced documents skipped (data not found)[/dim]")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m peristiwa.eval.events",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="*", help=f"gold YAML files (default: {DEV_GOLD.name})")
    parser.add_argument("--data-root", default=None, help="the shared data folder (default: ../shared)")
    parser.add_argument("--split", choices=("dev", "test"), default=None)
    parser.add_argument("--json", dest="json_out", default=None, help="write the full result as JSON here")
    parser.add_argument("--errors", type=int, default=10, help="documents with errors to list")
    args = parser.parse_args(argv)
    result = run_events_eval(args.gold, args.data_root, split=args.split)
    print_table(result, errors=args.errors)
    if args.json_out:
        text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
        Path(args.json_out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
