"""Evaluate the sentence splitter and tokeniser against Universal Dependencies CoNLL-U files.

Why this way: UD treebanks give gold sentences (``# text``) and gold surface tokens, but
not the running text they came from. We rebuild a plausible raw text by joining the
sentences of one document/paragraph with a space (a new ``# newdoc``/``# newpar`` starts a
new paragraph, joined with a blank line; without markers the whole file is one stream),
run our Segmenter over it and score, on character offsets:

* sentence-boundary precision/recall/F1 (a boundary is the end offset of a sentence that
  is not the last one of its stream; stream ends are given, so they are not scored),
* exact-sentence accuracy (share of gold sentences whose span we reproduce exactly),
* token precision/recall/F1 on exact spans. Multi-word tokens are scored by their surface
  line (``1-2 rumahnya``), not by the syntactic words they split into.

Usage: ``python -m peristiwa.eval.sentences FILE.conllu … [--language id] [--join space|newline]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from peristiwa.text.segment import Segmenter


@dataclass
class GoldSentence:
    text: str
    tokens: list[str] = field(default_factory=list)
    new_par: bool = False


def read_conllu(path: str | Path) -> list[GoldSentence]:
    """Sentences of a CoNLL-U file with their surface tokens (multi-word token lines kept, parts skipped)."""
    sentences: list[GoldSentence] = []
    current: GoldSentence | None = None
    new_par = False
    skip_until = 0
    with open(path, encoding="utf-8-sig") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("#"):
                if line.startswith(("# newdoc", "# newpar")):
                    new_par = True
                elif line.startswith("# text =") or line.startswith("# text="):
                    current = GoldSentence(line.split("=", 1)[1].strip(), new_par=new_par)
                    new_par = False
                    sentences.append(current)
                continue
            if not line.strip():
                current, skip_until = None, 0
                continue
            cols = line.split("\t")
            if current is None or len(cols) < 2 or "." in cols[0]:
                continue  # no # text line, or an empty node
            if "-" in cols[0]:
                _first, last = cols[0].split("-", 1)
                skip_until = int(last)
                current.tokens.append(cols[1])
            elif int(cols[0]) > skip_until:
                current.tokens.append(cols[1])
    return sentences


@dataclass
class Stream:
    """Rebuilt raw text with gold sentence spans and gold token spans."""

    text: str
    sentences: list[tuple[int, int]]
    tokens: list[tuple[int, int]]
    unaligned: int = 0


def build_stream(gold: Sequence[GoldSentence], join: str = " ") -> Stream:
    """Join gold sentences into one text; locate each gold token in its sentence text."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    tokens: list[tuple[int, int]] = []
    unaligned = 0
    pos = 0
    for i, sent in enumerate(gold):
        if i:
            sep = "\n\n" if sent.new_par else join
            parts.append(sep)
            pos += len(sep)
        spans.append((pos, pos + len(sent.text)))
        cursor = 0
        for form in sent.tokens:
            found = sent.text.find(form, cursor)
            if found < 0 or sent.text[cursor:found].strip():
                unaligned += 1
                continue
            tokens.append((pos + found, pos + found + len(form)))
            cursor = found + len(form)
        parts.append(sent.text)
        pos += len(sent.text)
    return Stream("".join(parts), spans, tokens, unaligned)


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate_stream(stream: Stream, segmenter: Segmenter) -> dict[str, float | int]:
    """Score one stream; returns counts and rates (see module docstring)."""
    started = time.perf_counter()
    sentences, tokens = segmenter.segment(stream.text)
    seconds = time.perf_counter() - started
    pred_bounds = {s.end for s in sentences[:-1]}
    gold_bounds = {e for _, e in stream.sentences[:-1]}
    pred_spans = {(s.start, s.end) for s in sentences}
    pred_tokens = {(t.start, t.end) for t in tokens}
    gold_tokens = set(stream.tokens)
    return {
        "gold_sentences": len(stream.sentences),
        "pred_sentences": len(sentences),
        "boundary_tp": len(pred_bounds & gold_bounds),
        "boundary_pred": len(pred_bounds),
        "boundary_gold": len(gold_bounds),
        "exact_sentences": sum(1 for span in stream.sentences if span in pred_spans),
        "token_tp": len(pred_tokens & gold_tokens),
        "token_pred": len(pred_tokens),
        "token_gold": len(gold_tokens) + stream.unaligned,
        "seconds": seconds,
    }


def evaluate_conllu(
    paths: Iterable[str | Path], language: str = "id", join: str = " ", segmenter: Segmenter | None = None
) -> dict[str, dict[str, float | int]]:
    """Evaluate each CoNLL-U file; returns {file name: metrics} plus "ALL" (micro-average)."""
    segmenter = segmenter or Segmenter(language)
    results: dict[str, dict[str, float | int]] = {}
    for path in paths:
        stream = build_stream(read_conllu(path), join=join)
        results[Path(path).name] = _rates(evaluate_stream(stream, segmenter))
    if len(results) > 1:
        total: dict[str, float | int] = {}
        for counts in results.values():
            for key, value in counts.items():
                if key not in _RATE_KEYS:
                    total[key] = total.get(key, 0) + value
        results["ALL"] = _rates(total)
    return results


def _rates(counts: dict[str, float | int]) -> dict[str, float | int]:
    out = {k: v for k, v in counts.items() if k not in _RATE_KEYS}
    bp, br, bf = _prf(int(out["boundary_tp"]), int(out["boundary_pred"]), int(out["boundary_gold"]))
    tp, tr, tf = _prf(int(out["token_tp"]), int(out["token_pred"]), int(out["token_gold"]))
    out.update(
        boundary_precision=bp,
        boundary_recall=br,
        boundary_f1=bf,
        sentence_accuracy=int(out["exact_sentences"]) / int(out["gold_sentences"])
        if out["gold_sentences"]
        else 0.0,
        token_precision=tp,
        token_recall=tr,
        token_f1=tf,
        tokens_per_second=int(out["token_pred"]) / float(out["seconds"]) if out["seconds"] else 0.0,
    )
    return out


_RATE_KEYS = frozenset(
    {
        "boundary_precision",
        "boundary_recall",
        "boundary_f1",
        "sentence_accuracy",
        "token_precision",
        "token_recall",
        "token_f1",
        "tokens_per_second",
    }
)


_COLUMNS = (
    ("sents", "gold_sentences", "{:>6}"),
    ("bnd P", "boundary_precision", "{:>6.3f}"),
    ("bnd R", "boundary_recall", "{:>6.3f}"),
    ("bnd F1", "boundary_f1", "{:>6.3f}"),
    ("exact", "sentence_accuracy", "{:>6.3f}"),
    ("tok P", "token_precision", "{:>6.3f}"),
    ("tok R", "token_recall", "{:>6.3f}"),
    ("tok F1", "token_f1", "{:>6.3f}"),
    ("tok/s", "tokens_per_second", "{:>9.0f}"),
)


def format_table(results: dict[str, dict[str, float | int]]) -> str:
    """Plain-text table, one row per file (plus ALL)."""
    header = f"{'file':<28} " + " ".join(
        f"{label:>{9 if key == 'tokens_per_second' else 6}}" for label, key, _ in _COLUMNS
    )
    lines = [header, "-" * len(header)]
    for name, row in results.items():
        lines.append(f"{name:<28} " + " ".join(fmt.format(row[key]) for _, key, fmt in _COLUMNS))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m peristiwa.eval.sentences", description=__doc__.split("\n")[0]
    )
    parser.add_argument("files", nargs="+", help="CoNLL-U files")
    parser.add_argument("--language", default="id")
    parser.add_argument(
        "--join",
        choices=("space", "newline"),
        default="space",
        help="how to join sentences of one paragraph when rebuilding the raw text",
    )
    args = parser.parse_args(argv)
    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        print(f"error: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    results = evaluate_conllu(args.files, language=args.language, join=" " if args.join == "space" else "\n")
    print(format_table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
