"""Entity-level NER evaluation on CoNLL/BIO files (IndoNLU NERGrit and NERP).

Why entity level, exact span + type: that is what downstream stages consume (a half-found
name links to the wrong actor), and it is the metric the IndoNLU papers report, so our
numbers are comparable. Our tagger speaks a common tag set (PER/ORG/LOC/EVT/FNB); each
scheme's gold tags are mapped to it for matching and results are reported under the data
set's own tag names. Predicted types the scheme does not annotate (e.g. EVT on NERGrit)
are dropped rather than counted as false positives, because that scheme never marks them.

Usage: ``python -m peristiwa.eval.ner --scheme nergrit FILE [FILE…] [--model PATH]``
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from peristiwa.extract.ner import bio_spans

#: scheme → {data-set tag type: common type}
SCHEMES: dict[str, dict[str, str]] = {
    "nergrit": {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"},
    "nerp": {"PPL": "PER", "IND": "ORG", "PLC": "LOC", "EVT": "EVT", "FNB": "FNB"},
}

Sentence = tuple[list[str], list[str]]


class Tagger(Protocol):
    def tag(self, tokens: Sequence[str]) -> list[str]: ...


def read_conll(path: str | Path) -> list[Sentence]:
    """Read `token<TAB>tag` lines with blank lines between sentences."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        token, _, tag = line.rpartition("\t")
        tokens.append(token)
        tags.append(tag.strip() or "O")
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def to_common(tags: Sequence[str], scheme: str) -> list[str]:
    """Map a scheme's BIO tags to the common tag set (unknown types become O)."""
    mapping = SCHEMES[scheme]
    out: list[str] = []
    for tag in tags:
        prefix, _, typ = tag.partition("-")
        common = mapping.get(typ)
        out.append(f"{prefix}-{common}" if common and prefix in ("B", "I") else "O")
    return out


def restrict(tags: Sequence[str], scheme: str) -> list[str]:
    """Blank out predicted common types the scheme does not annotate."""
    allowed = set(SCHEMES[scheme].values())
    return [tag if tag[2:] in allowed else "O" for tag in tags]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "support": n_gold,
        "predicted": n_pred,
    }


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]], scheme: str) -> dict[str, dict]:
    """Entity P/R/F1 per type (scheme names) plus a micro-averaged ``overall`` row.

    `gold` is in the scheme's tags, `pred` in common tags.
    """
    back = {common: own for own, common in SCHEMES[scheme].items()}
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for gold_tags, pred_tags in zip(gold, pred, strict=True):
        gold_spans = set(bio_spans(to_common(gold_tags, scheme)))
        pred_spans = set(bio_spans(restrict(pred_tags, scheme)))
        for s in gold_spans:
            n_gold[s[2]] += 1
        for s in pred_spans:
            n_pred[s[2]] += 1
        for s in gold_spans & pred_spans:
            tp[s[2]] += 1
    rows = {back[t]: _prf(tp[t], n_pred[t], n_gold[t]) for t in back}
    rows["overall"] = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return rows


def evaluate_conll(paths: Sequence[str | Path] | str | Path, scheme: str, tagger: Tagger) -> dict[str, dict]:
    """Tag every sentence of the BIO file(s) and score against gold (see `score`)."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; expected one of {sorted(SCHEMES)}")
    if isinstance(paths, str | Path):
        paths = [paths]
    sentences = [s for path in paths for s in read_conll(path)]
    return evaluate_sentences(sentences, scheme, tagger)


def evaluate_sentences(sentences: Sequence[Sentence], scheme: str, tagger: Tagger) -> dict[str, dict]:
    """Like `evaluate_conll` for sentences already read (e.g. a slice of a split)."""
    gold = [tags for _, tags in sentences]
    pred = [tagger.tag(tokens) for tokens, _ in sentences]
    return score(gold, pred, scheme)


def format_table(rows: dict[str, dict], title: str = "") -> str:
    lines = [title] if title else []
    lines.append(f"{'type':<14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}")
    for name, row in rows.items():
        lines.append(
            f"{name:<14}{row['precision']:>8.4f}{row['recall']:>8.4f}{row['f1']:>8.4f}"
            f"{row['support']:>8}{row['predicted']:>8}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    from peristiwa.extract.ner import NerTagger

    parser = argparse.ArgumentParser(description="Entity-level NER evaluation on BIO files.")
    parser.add_argument("--scheme", choices=sorted(SCHEMES), required=True)
    parser.add_argument("--model", default=None, help="model file (default: the packaged model)")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    tagger = NerTagger.load(args.model)
    rows = evaluate_conll(args.files, args.scheme, tagger)
    print(format_table(rows, f"{args.scheme}: {', '.join(args.files)}"))


if __name__ == "__main__":
    main()
