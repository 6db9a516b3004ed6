"""Check a gold file before committing it: python scripts/validate_gold.py FILE.yaml

Loads it exactly as `peristiwa eval events` does, then checks what the loader does not: every required
event has a `why` (for articles starting with a sentence id of the document), roots are 01–20, codes exist
in the codebook, and actor keys look like ISO3 or CAMEO codes. Exit 1 on any problem.
"""

from __future__ import annotations

import re
import sys

from peristiwa.codebook import Codebook
from peristiwa.eval.gold import GoldDoc, GoldEvent, load_gold

ROOT_RE = re.compile(r"0[1-9]|1[0-9]|20")
ACTOR_RE = re.compile(r"[A-Z]{3}[A-Z]*")


def event_problems(doc: GoldDoc, event: GoldEvent, codebook: Codebook) -> list[str]:
    problems = [f"{doc.id}: bad root {r!r} in {event.label()}" for r in event.roots if not ROOT_RE.fullmatch(r)]
    problems += [f"{doc.id}: unknown code {c!r} in {event.label()}" for c in event.codes if c not in codebook]
    problems += [f"{doc.id}: odd actor {a!r} in {event.label()}" for a in (event.source, event.target)
                 if a not in (None, "*") and not ACTOR_RE.fullmatch(a)]
    return problems


def why_problems(doc: GoldDoc, event: GoldEvent) -> list[str]:
    if not event.why:
        return [f"{doc.id}: required event {event.label()} has no why"]
    first = re.match(r"\s*([\w.]+)", event.why)
    if doc.sentence_spans and len(doc.sentence_spans) > 1 and (not first or first.group(1) not in doc.sentence_spans):
        return [f"{doc.id}: an article's why starts with one of its sentence ids: {event.why[:60]!r}"]
    return []


def main(path: str) -> int:
    codebook = Codebook.load()
    docs, skipped = load_gold([path], None)
    problems = [f"skipped: {s}" for s in skipped]
    for doc in docs:
        for event in doc.events:
            problems += why_problems(doc, event)
        for event in doc.events + doc.allowed + doc.forbidden:
            problems += event_problems(doc, event, codebook)
    print(f"{len(docs)} documents, {sum(len(d.events) for d in docs)} required events")
    print("\n".join(problems) or "OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
