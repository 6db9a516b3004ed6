"""Sort one gold split's misses and false positives into error classes.

    python scripts/error_classes.py [GOLD.yaml] [--split dev] [--show CLASS-PREFIX]

Why: "recall 0.18" does not say what to fix. For each missed gold event this asks whether the article
had any event of an acceptable root at all (else: no trigger, or a trigger whose source was never
found), whether its source was resolved, whether the right source came without a target; for each
false positive whether it lacks a target or only has another root. Never run it on a test split
while changing rules: that split is for reporting only.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Sequence

from peristiwa.eval.events import PredEvent, _pred, actor_matches, extract_gold, predicted_events, score_document
from peristiwa.eval.gold import GoldDoc, GoldEvent, load_gold

DEFAULT = "peristiwa/eval/data/real_articles.yaml"


def miss_class(gold: GoldEvent, candidates: Sequence[PredEvent]) -> str:
    same_root = [p for p in candidates if p.root in gold.roots]
    if not same_root:
        return "M1 no event of the root (trigger or its source missing)"
    if not any(p.source for p in same_root):
        return "M2 source unresolved"
    right_source = [p for p in same_root if actor_matches(gold.source, p.source)]
    if any(p.target is None for p in right_source) and gold.target not in (None, "*"):
        return "M3 right source, target missing"
    if right_source:
        return "M4 right source, wrong target"
    return "M5 wrong source"


def false_positive_class(pred_label: str, gold: GoldDoc) -> str:
    source, target = pred_label.split(" ")[0].split("→")
    if target == "-":
        return "F1 no target"
    if any(actor_matches(g.source, source) and actor_matches(g.target, target) for g in gold.events + gold.allowed):
        return "F2 right dyad, wrong root"
    return "F3 dyad not in gold"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=DEFAULT)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--show", help="print the items of the classes starting with this prefix (e.g. M3)")
    args = parser.parse_args(argv)
    docs, _ = load_gold([args.gold])
    counts: Counter[str] = Counter()
    items: dict[str, list[str]] = defaultdict(list)
    for gold, doc in extract_gold([d for d in docs if d.split == args.split]):
        every = [_pred(e, doc) for e in doc.events if not e.negated]  # unresolved ones too
        result = score_document(gold, predicted_events(doc))
        missed = set(result.missed)
        for event in (g for g in gold.events if g.label() in missed):
            kind = miss_class(event, every)
            counts[kind] += 1
            items[kind].append(f"{gold.id}: {event.label()}")
        for line in result.false_positives:
            kind = false_positive_class(line, gold)
            counts[kind] += 1
            items[kind].append(f"{gold.id}: {line}")
    for kind in sorted(counts):
        print(f"{counts[kind]:5d}  {kind}")
    for kind in sorted(k for k in items if args.show and k.startswith(args.show)):
        print(f"\n# {kind}\n" + "\n".join(items[kind]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
