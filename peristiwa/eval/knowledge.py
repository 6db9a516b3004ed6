"""Knowledge checks on real articles: persons, organisations, places, quotes and dates against gold.

Why: an event is only as good as its actors, places and dates. The whole-article gold
(`real_articles.yaml`) lists, per article, the persons and organisations named (with country and
role), the places, the direct quotes with their speaker, and the date expressions with their
resolved value. This scores what the pipeline found on the same texts, so that NER, knowledge-base,
geocoding, quote and date gaps on real text are measured, not guessed.

Matching is by name tokens (a gold "Ali Abdullah Saleh" is found by a mention "Presiden Saleh"),
because the gold lists names, not character spans. Per kind it reports:

* found — gold items the pipeline found (recall);
* precision — predicted items that match some gold item (the gold lists every name in the text,
  so an unmatched prediction is usually noise such as a common noun tagged as a name);
* attribute — among found items, the right country (persons, places), code (organisations),
  speaker (quotes) or value (dates);
* linked — persons/organisations tied to a knowledge-base entry (not only a country).

Usage: ``peristiwa eval knowledge [GOLD.yaml …] [--split dev|test] [--json out.json] [--errors N]``
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peristiwa.eval.events import extract_gold, select_gold
from peristiwa.eval.gold import REAL_ARTICLES, GoldDoc
from peristiwa.model import Actor, Document

if TYPE_CHECKING:
    from peristiwa.api import Extractor

KINDS = ("persons", "orgs", "places", "quotes", "dates")
QUOTE_KINDS = frozenset({"direct", "block"})  # the gold lists quoted words, marked or not; not indirect speech
ANAPHORIC_KINDS = frozenset({"pronoun", "possessive"})  # "mereka", "pemerintahnya": stand for an actor, name none
#: words that never identify a name on their own (titles, articles, generic organisation heads)
_NOT_NAME = frozenset({
    "presiden", "menteri", "perdana", "wakil", "ketua", "sang", "para", "bapak", "ibu", "dr", "pak",
    "the", "of", "and", "dan", "al", "el", "bin", "de", "van", "von", "di", "ke", "dari", "yang",
    "partai", "kementerian", "departemen", "kantor", "badan", "dewan", "komisi", "pemerintah",
    "negara", "kota", "provinsi", "republik", "serikat", "kerajaan", "party", "ministry", "council",
})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MIN_HANDLE_CHARS = 5  # a shorter handle prefix ("@ab") says nothing about the name


def name_tokens(name: str) -> frozenset[str]:
    """Lower-cased word tokens that can identify a name (titles and function words dropped)."""
    words = (w.casefold() for w in _WORD.findall(name))
    return frozenset(w for w in words if len(w) > 1 and w not in _NOT_NAME)


def names_match(gold: str, predicted: Iterable[str]) -> bool:
    tokens = name_tokens(gold)
    predicted = list(predicted)
    return (bool(tokens) and any(tokens & name_tokens(p) for p in predicted)) or any(
        _handle_match(gold, p) for p in predicted)


def _squashed(name: str) -> str:
    return "".join(w.casefold() for w in _WORD.findall(name))


def _handle_match(a: str, b: str) -> bool:
    """A Twitter handle spells its writer's name without spaces: gold "@TheBigPharaoh" is the
    blogger "The Big Pharaoh", "@LeilZahra" is "Leil-Zahra Mortada" (the handle may drop a surname)."""
    if "@" not in a and "@" not in b:
        return False
    x, y = _squashed(a), _squashed(b)
    short, long = sorted((x, y), key=len)
    return len(short) >= MIN_HANDLE_CHARS and long.startswith(short)


@dataclass(slots=True)
class Candidate:
    """One predicted item: the names it goes by, its attribute, and whether it is KB-linked."""

    names: tuple[str, ...]
    attribute: str | None
    linked: bool = False
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class KindScore:
    """Counts for one kind of item over some documents."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    correct_predicted: int = 0
    attribute_ok: int = 0
    linked: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: KindScore) -> None:
        for name in ("gold", "predicted", "found", "correct_predicted", "attribute_ok", "linked"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.wrong += other.wrong

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {"gold": self.gold, "predicted": self.predicted, "found": self.found,
                "recall": ratio(self.found, self.gold),
                "precision": ratio(self.correct_predicted, self.predicted),
                "attribute": ratio(self.attribute_ok, self.found), "linked": ratio(self.linked, self.gold)}


def _actor_linked(actor: Actor | None) -> bool:
    return bool(actor and actor.kb_id and not actor.kb_id.startswith("country:"))


def _mention_candidates(doc: Document, types: frozenset[str], attribute: Callable[[Actor], str | None]
                        ) -> list[Candidate]:
    """Predicted persons/organisations, one per distinct actor (or mention text when unlinked)."""
    grouped: dict[str, Candidate] = {}
    for m in doc.mentions:
        if m.type not in types or m.kind in ANAPHORIC_KINDS:
            continue
        key = (m.actor.kb_id or m.actor.name) if m.actor else m.span.text
        names = (m.span.text, m.actor.name) if m.actor else (m.span.text,)
        cand = grouped.setdefault(str(key), Candidate((), attribute(m.actor) if m.actor else None,
                                                       _actor_linked(m.actor)))
        cand.names = tuple(dict.fromkeys(cand.names + names))
    return list(grouped.values())


def candidates(doc: Document, kind: str) -> list[Candidate]:
    """What the pipeline produced for one kind of gold item."""
    if kind == "persons":
        return _mention_candidates(doc, frozenset({"PER"}), lambda a: a.country)
    if kind == "orgs":
        return _mention_candidates(doc, frozenset({"ORG"}), lambda a: a.code or a.country)
    if kind == "places":
        grouped: dict[str, Candidate] = {}
        for p in doc.places:
            cand = grouped.setdefault(p.name, Candidate((p.name,), p.country))
            cand.names = tuple(dict.fromkeys((*cand.names, p.span.text)))
        return list(grouped.values())
    if kind == "quotes":
        return [Candidate(_speaker_names(doc, q.speaker, q.speaker_mention), None, start=q.span.start,
                          end=q.span.end) for q in doc.quotes if q.kind in QUOTE_KINDS]
    if kind == "dates":
        return [Candidate((t.span.text,), t.value, start=t.span.start, end=t.span.end) for t in doc.times]
    raise ValueError(kind)


def _speaker_names(doc: Document, speaker: Actor | None, mention: int | None) -> tuple[str, ...]:
    names = [speaker.name] if speaker else []
    if mention is not None and 0 <= mention < len(doc.mentions):
        names.append(doc.mentions[mention].span.text)
    return tuple(names)


def _gold_attribute(kind: str, item: dict[str, Any]) -> str | None:
    key = {"persons": "country", "orgs": "code", "places": "country", "quotes": "speaker", "dates": "value"}[kind]
    value = item.get(key)
    return None if value is None else str(value)


def _attribute_ok(kind: str, gold_value: str | None, cand: Candidate) -> bool:
    if gold_value is None:
        return True
    if kind == "quotes":
        return names_match(gold_value, cand.names)
    if cand.attribute is None:
        return False
    if kind == "orgs":  # an org's code is judged by prefix: gold "IGOUNO" accepts "IGOUNOREFHCR"
        return cand.attribute.upper().startswith(gold_value.upper()) or cand.attribute[:3] == gold_value[:3]
    return cand.attribute.upper() == gold_value.upper()


def _matches(kind: str, gold_doc: GoldDoc, item: dict[str, Any], cand: Candidate) -> bool:
    """Does a predicted item stand for this gold item?"""
    if kind == "quotes":
        span = gold_doc.sentence_spans.get(str(item.get("sentence")))
        return span is not None and cand.start < span[1] and span[0] < cand.end
    if kind == "dates":
        text = str(item.get("text", "")).casefold()
        overlap = [n.casefold() for n in cand.names]
        return bool(text) and any(text in n or n in text for n in overlap)
    return names_match(str(item.get("name", "")), cand.names)


def score_kind(kind: str, gold_doc: GoldDoc, doc: Document) -> KindScore:
    """Greedy one-to-one matching of gold items to predictions for one document and kind."""
    gold_items = [i for i in gold_doc.knowledge.get(kind, []) if isinstance(i, dict)]
    preds = candidates(doc, kind)
    score = KindScore(gold=len(gold_items), predicted=len(preds))
    used: set[int] = set()
    for item in gold_items:
        j = next((j for j, c in enumerate(preds) if j not in used and _matches(kind, gold_doc, item, c)), None)
        label = f"{gold_doc.id}: {item}"
        if j is None:
            score.misses.append(label)
            continue
        used.add(j)
        score.found += 1
        score.linked += preds[j].linked
        if _attribute_ok(kind, _gold_attribute(kind, item), preds[j]):
            score.attribute_ok += 1
        else:
            score.wrong.append(f"{label} → got {preds[j].attribute or preds[j].names}")
    # precision: a prediction is right if it matches any gold item (several mentions may share one)
    score.correct_predicted = sum(1 for c in preds if any(_matches(kind, gold_doc, i, c) for i in gold_items))
    return score


def run_knowledge_eval(gold_paths: Sequence[str | Path] | None = None, data_root: str | Path | None = None,
                       extractor: Extractor | None = None, *, split: str | None = None) -> dict[str, Any]:
    """Score every kind over the gold documents that carry a `knowledge:` block."""
    paths, docs, skipped = select_gold(gold_paths or [REAL_ARTICLES], data_root, split=split)
    docs = [d for d in docs if d.knowledge]
    totals = {kind: KindScore() for kind in KINDS}
    for gold_doc, doc in extract_gold(docs, extractor):
        for kind in KINDS:
            totals[kind].add(score_kind(kind, gold_doc, doc))
    return {"gold": [str(p) for p in paths], "documents_scored": len(docs), "skipped": skipped,
            "kinds": {k: s.as_dict() for k, s in totals.items()},
            "misses": {k: s.misses for k, s in totals.items()},
            "wrong": {k: s.wrong for k, s in totals.items()}}


def print_report(result: dict[str, Any], errors: int = 5) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=130) if not Console().is_terminal else Console()
    table = Table(title=f"Knowledge vs gold ({result['documents_scored']} articles)")
    for col in ("kind", "gold", "pred", "found", "recall", "precision", "attribute", "linked"):
        table.add_column(col, justify="left" if col == "kind" else "right")
    for kind, s in result["kinds"].items():
        table.add_row(kind, str(s["gold"]), str(s["predicted"]), str(s["found"]), f"{s['recall']:.3f}",
                      f"{s['precision']:.3f}", f"{s['attribute']:.3f}",
                      f"{s['linked']:.3f}" if kind in ("persons", "orgs") else "")
    console.print(table)
    console.print("[dim]attribute = country (persons, places), code (orgs), speaker (quotes), "
                  "value (dates), among found items[/dim]")
    for kind in KINDS:
        for label in result["misses"][kind][:errors]:
            console.print(f"   [yellow]missed {kind}[/yellow] {label}", highlight=False)
        for label in result["wrong"][kind][:errors]:
            console.print(f"   [red]wrong {kind}[/red] {label}", highlight=False)
    if result["skipped"]:
        console.print(f"[dim]{len(result['skipped'])} articles skipped (data not found)[/dim]")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="peristiwa eval knowledge", description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="*", help=f"gold YAML files (default: {REAL_ARTICLES.name})")
    parser.add_argument("--data-root", default=None, help="the shared data folder (default: ../shared)")
    parser.add_argument("--split", choices=("dev", "test"), default=None)
    parser.add_argument("--json", dest="json_out", default=None, help="write the full result as JSON here")
    parser.add_argument("--errors", type=int, default=5, help="misses and wrong attributes to list per kind")
    args = parser.parse_args(argv)
    result = run_knowledge_eval(args.gold, args.data_root, split=args.split)
    print_report(result, args.errors)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
