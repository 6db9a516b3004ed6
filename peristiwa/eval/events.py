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
import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peristiwa.eval.gold import DATA_DIR, DEFAULT_GOLD, GoldDoc, GoldEvent, find_data_root, load_gold
from peristiwa.extract.events import is_resolved
from peristiwa.model import Actor, Document, Event

if TYPE_CHECKING:
    from rich.console import Console

    from peristiwa.api import Extractor

BASELINE = DATA_DIR / "baseline.json"
#: the subset the regression guard and `make eval-baseline` use: real whole articles, dev part
GUARD_SUBSET = "real-articles/dev"
#: the guard's fallback without ../shared: the project's own sentences (texts in the repo)
GUARD_SUBSET_OFFLINE = "own-text/dev"
CONTEXT_CHARS = 200  # sentence text kept with a prediction for error listings

#: actor "countries" that are not countries: their key is the full CAMEO code
TRANSNATIONAL = frozenset({"IGO", "IMG", "NGO", "MNC", "UIS", "REF"})


# -- predictions ---------------------------------------------------------------------------------------


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
    context: str = ""

    def label(self) -> str:
        return f"{self.source or '-'}→{self.target or '-'} {self.root} [{self.code}] «{self.trigger}»"

    def explain(self) -> str:
        """The label with the rule that fired and the sentence it fired in."""
        return f"{self.label()} rule={self.rule} | s{self.sentence}: {self.context}"


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
    return [_pred(e, doc) for e in doc.events if is_resolved(e)]


def _pred(event: Event, doc: Document) -> PredEvent:
    sentence = doc.sentences[event.sentence].text if 0 <= event.sentence < len(doc.sentences) else ""
    return PredEvent(
        source=actor_key(event.source.actor if event.source else None),
        target=actor_key(event.target.actor if event.target else None),
        root=event.root_code or event.code[:2],
        code=event.code,
        sentence=event.sentence,
        trigger=event.trigger.text,
        rule=event.rule,
        context=" ".join(sentence.split())[:CONTEXT_CHARS],
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
    gold_set: str
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
        id=gold.id, split=gold.split, origin=gold.origin, gold_set=gold.gold_set, tags=gold.tags,
        n_gold=len(gold.events), n_pred=len(by_root) - len(allowed),
        tp=len(match), fp=len(false_pos), fn=len(gold.events) - len(match), allowed=len(allowed),
        code_gold=code_gold, code_tp=code_tp, code_judged=len(by_code) - code_unjudged - code_allowed,
        forbidden_checked=len(gold.forbidden),
        # a forbidden pattern that gives codes forbids those codes only ("no air strike": 195, not any 19)
        forbidden_hits=[f.label() for f in gold.forbidden if any(code_matches(f, p) for p in preds)],
        missed=[g.label() for i, g in enumerate(gold.events) if i not in match],
        false_positives=[p.explain() for p in false_pos],
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


def subsets(docs: Sequence[DocResult]) -> dict[str, list[DocResult]]:
    """Every gold set × split ("real-articles/test", …), the whole run, and the offline guard subset."""
    out: dict[str, list[DocResult]] = {"all": list(docs)}
    for gold_set in dict.fromkeys(d.gold_set for d in docs):
        members = [d for d in docs if d.gold_set == gold_set]
        out[f"{gold_set}/all"] = members
        for split in ("dev", "test"):
            out[f"{gold_set}/{split}"] = [d for d in members if d.split == split]
    out[GUARD_SUBSET_OFFLINE] = [d for d in docs if d.origin == "own" and d.split == "dev"]
    return out


def aggregate(docs: Sequence[DocResult]) -> dict[str, Any]:
    summary = {name: summarize(members) for name, members in subsets(docs).items()}
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


def extract_gold(docs: Sequence[GoldDoc], extractor: Extractor | None = None
                 ) -> Iterable[tuple[GoldDoc, Document]]:
    """Run the pipeline over gold documents as a user would (text + publication date)."""
    if extractor is None:
        from peristiwa.api import Extractor

        extractor = Extractor.load()
    for gold in docs:
        yield gold, extractor.extract(gold.text, published=gold.published, article_id=gold.id)


def select_gold(gold_paths: Sequence[str | Path] | None, data_root: str | Path | None, *,
                split: str | None = None, gold_set: str | None = None
                ) -> tuple[list[Path], list[GoldDoc], list[dict[str, str]]]:
    """The gold files (default: every packaged set), their documents filtered by split/set, and skips."""
    paths = [Path(p) for p in gold_paths] if gold_paths else list(DEFAULT_GOLD)
    docs, skipped = load_gold(paths, data_root)
    docs = [d for d in docs if (not split or d.split == split) and (not gold_set or d.gold_set == gold_set)]
    return paths, docs, skipped


def run_events_eval(gold_paths: Sequence[str | Path] | None = None, data_root: str | Path | None = None,
                    extractor: Extractor | None = None, *, split: str | None = None,
                    gold_set: str | None = None) -> dict[str, Any]:
    """Run the extractor over gold documents and score them; the dict is JSON-ready.

    `gold_paths` defaults to every packaged gold set; `split` ("dev"/"test") and `gold_set`
    ("own", "real-sentences", "real-articles") restrict the documents. Referenced texts whose
    data set is absent are listed under "skipped", not failed.
    """
    paths, docs, skipped = select_gold(gold_paths, data_root, split=split, gold_set=gold_set)
    started = time.perf_counter()
    results = [score_document(gold, predicted_events(doc)) for gold, doc in extract_gold(docs, extractor)]
    seconds = time.perf_counter() - started
    root = find_data_root(data_root)
    return {
        "gold": [str(p) for p in paths if p.is_file()],
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

    print_errors(result, console, errors)
    if result["skipped"]:
        console.print(f"[dim]{len(result['skipped'])} referenced documents skipped (data not found)[/dim]")


def worst_errors(result: dict[str, Any], limit: int) -> dict[str, list[tuple[str, str]]]:
    """Up to `limit` misses, false positives and forbidden hits, worst documents first."""
    docs = sorted(result["documents"], key=lambda d: -(d["fp"] + d["fn"] + 2 * len(d["forbidden_hits"])))
    kinds = {"missed": "missed", "spurious": "false_positives", "FORBIDDEN": "forbidden_hits"}
    return {kind: [(d["id"], label) for d in docs for label in d[key]][:limit] for kind, key in kinds.items()}


def print_errors(result: dict[str, Any], console: Console, limit: int) -> None:
    """The worst misses (with the gold's `why`) and false positives (with rule and sentence)."""
    colours = {"missed": "yellow", "spurious": "red", "FORBIDDEN": "magenta"}
    for kind, rows in worst_errors(result, limit).items():
        if rows:
            console.print(f"[bold]{len(rows)} {kind}[/bold] (of the worst documents first)")
        for doc_id, label in rows:
            console.print(f"   [{colours[kind]}]{kind:9}[/{colours[kind]}] {doc_id}: {label}", highlight=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m peristiwa.eval.events",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="*", help="gold YAML files (default: the three packaged gold sets)")
    parser.add_argument("--data-root", default=None, help="the shared data folder (default: ../shared)")
    parser.add_argument("--split", choices=("dev", "test"), default=None)
    parser.add_argument("--json", dest="json_out", default=None, help="write the full result as JSON here")
    parser.add_argument("--set", dest="gold_set", default=None,
                        help="only this gold set: own, real-sentences or real-articles")
    parser.add_argument("--errors", type=int, default=10,
                        help="list the N worst misses and false positives (with rule and sentence)")
    args = parser.parse_args(argv)
    result = run_events_eval(args.gold, args.data_root, split=args.split, gold_set=args.gold_set)
    print_table(result, errors=args.errors)
    if args.json_out:
        text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
        Path(args.json_out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
