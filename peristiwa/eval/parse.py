"""Score the dependency parser against Universal Dependencies CoNLL-U files.

Gold tokenisation, our tags and trees: each sentence's gold syntactic words (multi-word token
lines such as ``6-7 menyetujuinya`` are skipped, their parts kept) go to the parser as they
are, so the scores measure tagging and parsing alone, not tokenisation (the pipeline feeds
the parser its own tokens too). Scores are over all words, punctuation included:

* UAS: share of words with the gold head,
* LAS: share with the gold head and the gold relation, compared on the universal part only
  (``flat:name`` counts as ``flat``), as in the CoNLL 2018 shared task,
* UPOS: share with the gold universal POS tag.

Usage: ``peristiwa eval parse FILE.conllu … [--model PATH] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from peristiwa.extract.parse import DependencyParser


def _ratio(part: float, whole: float) -> float:
    """part / whole, 0.0 for an empty whole (an empty treebank scores 0, not a ZeroDivisionError)."""
    return part / whole if whole else 0.0

@dataclass
class GoldTree:
    """One gold sentence: forms, heads (0-based, -1 for the root), relations and UPOS."""

    forms: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deprels: list[str] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)


@dataclass
class ParseScore:
    """Counts and rates for one file."""

    file: str
    sentences: int = 0
    words: int = 0
    head: int = 0
    labelled: int = 0
    tag: int = 0
    seconds: float = 0.0

    @property
    def uas(self) -> float:
        return _ratio(self.head, self.words)

    @property
    def las(self) -> float:
        return _ratio(self.labelled, self.words)

    @property
    def upos(self) -> float:
        return _ratio(self.tag, self.words)

    @property
    def sentences_per_s(self) -> float:
        return _ratio(self.sentences, self.seconds)

    def line(self) -> str:
        return (f"{self.file}: UAS={self.uas:.3f} LAS={self.las:.3f} UPOS={self.upos:.3f} "
                f"sentences={self.sentences} words={self.words} ({self.sentences_per_s:.0f} sentences/s)")

    def as_dict(self) -> dict[str, float | int | str]:
        return {**asdict(self), "uas": self.uas, "las": self.las, "upos": self.upos,
                "sentences_per_s": self.sentences_per_s}


def read_trees(lines: Iterable[str]) -> list[GoldTree]:
    """Gold trees of a CoNLL-U text (multi-word token lines and empty nodes skipped)."""
    trees: list[GoldTree] = []
    current = GoldTree()
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            if current.forms:
                trees.append(current)
            current = GoldTree()
            continue
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 8 or "-" in cols[0] or "." in cols[0]:
            continue
        current.forms.append(cols[1])
        current.heads.append(int(cols[6]) - 1)
        current.deprels.append(cols[7])
        current.upos.append(cols[3])
    if current.forms:
        trees.append(current)
    return trees


def _universal(deprel: str) -> str:
    return deprel.split(":", 1)[0]


def score_trees(name: str, gold: Sequence[GoldTree], parser: DependencyParser) -> ParseScore:
    """Parse each gold sentence's words and count matching heads, relations and tags."""
    result = ParseScore(name)
    started = time.perf_counter()
    predicted = [parser.parse(tree.forms) for tree in gold]
    result.seconds = time.perf_counter() - started
    for tree, deps in zip(gold, predicted, strict=True):
        result.sentences += 1
        for k, dep in enumerate(deps):
            result.words += 1
            same_head = dep.head == tree.heads[k]
            result.head += same_head
            result.labelled += same_head and _universal(dep.deprel) == _universal(tree.deprels[k])
            result.tag += dep.upos == tree.upos[k]
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="peristiwa eval parse", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path, help="CoNLL-U files with gold trees")
    ap.add_argument("--model", type=Path, default=None, help="UDPipe model (default: the packaged one)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of one line per file")
    args = ap.parse_args(argv)
    parser = DependencyParser.load(args.model)
    scores = []
    for path in args.files:
        with open(path, encoding="utf-8-sig") as handle:
            scores.append(score_trees(str(path), read_trees(handle), parser))
    if args.json:
        print(json.dumps([s.as_dict() for s in scores], indent=2))
    else:
        for s in scores:
            print(s.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
