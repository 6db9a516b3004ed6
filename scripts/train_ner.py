"""Train the packaged Indonesian NER model (and the plain-CRF baseline) from IndoNLU.

Reproducible: fixed hyper-parameters, deterministic L-BFGS, deterministic fold assignment
(sentence index modulo K). Trains on the *train* splits only; *valid* is for model selection
(`--grid`), *test* is reported, never tuned on.

    python scripts/train_ner.py                      # full model -> peristiwa/models/, + baselines
    python scripts/train_ner.py --grid               # small c1/c2 grid scored on valid
    python scripts/train_ner.py --data ../shared/data/indonlu --out-dir /tmp/ner

Why one joint model: the product needs one tagger for any Indonesian text, cased or not.
NERGrit (mixed case) and NERP (lower-cased news) are mapped to a common tag set
(PER/ORG/LOC/EVT/FNB; see peristiwa/eval/ner.py SCHEMES). NERGrit does not annotate
events or food, so joint training sees some conflicting "O"s. (Adding a lower-cased copy of
NERGrit, `--augment-lower`, did not improve valid scores, so it is off.)

Why a jackknifed gazetteer: a word list learned from train and then used as a feature on the
same train sentences would be a perfect (leaking) cue and the CRF would trust it blindly; so
each training fold gets a gazetteer built from the *other* folds, and the packaged model gets
one built from all of train.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from peristiwa.eval.ner import Sentence, format_table, read_conll, score, to_common  # noqa: E402
from peristiwa.extract.ner import (  # noqa: E402
    FeatureExtractor,
    NerTagger,
    bio_spans,
    companion_paths,
    parse_cues,
)

SEED = 13
FOLDS = 5
GAZ_MIN_COUNT = 2
GAZ_MIN_SHARE = 0.5
PHRASE_MAX = 6
CLUSTER_MIN_FREQ = 3
CLUSTER_CONTEXTS = 1500
CLUSTER_DIM = 80
CLUSTER_KS = (64, 256, 1024)
SETS = {"nergrit": "nergrit_ner-grit", "nerp": "nerp_ner-prosa"}
CUES_FILE = ROOT / "peristiwa" / "models" / "ner-id.cues.tsv"


@dataclass(frozen=True)
class Params:
    """CRF hyper-parameters (chosen on valid with --grid; see docs/models.md)."""

    c1: float = 0.2
    c2: float = 0.05
    max_iterations: int = 200
    min_freq: int = 1

    def crfsuite(self) -> dict[str, object]:
        return {
            "c1": self.c1,
            "c2": self.c2,
            "max_iterations": self.max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": self.min_freq,
        }


#: the plain baseline gets its own best regularisation on valid (fairer than reusing ours)
BASELINE = Params(c1=0.05, c2=0.01)


def load(data: Path, scheme: str, split: str) -> list[Sentence]:
    return read_conll(data / SETS[scheme] / f"{split}_preprocess.txt")


def common(sentences: Sequence[Sentence], scheme: str) -> list[Sentence]:
    return [(tokens, to_common(tags, scheme)) for tokens, tags in sentences]


def lowered(sentences: Sequence[Sentence]) -> list[Sentence]:
    return [([t.lower() for t in tokens], tags) for tokens, tags in sentences]


def gazetteer_counts(sentences: Sequence[Sentence]) -> dict[str, tuple[str, int, int]]:
    """word → (most frequent entity label, entity count, total count) for likely entity words."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for tokens, tags in sentences:
        for tok, tag in zip(tokens, tags, strict=True):
            low = tok.lower()
            if any(ch.isalpha() for ch in low):
                counts[low][tag] += 1
    out: dict[str, tuple[str, int, int]] = {}
    for word, c in counts.items():
        total = sum(c.values())
        entity = total - c["O"]
        if entity >= GAZ_MIN_COUNT and entity / total >= GAZ_MIN_SHARE:
            label = max((t for t in c if t != "O"), key=lambda t: (c[t], t))
            out[word] = (label, entity, total)
    return out


def gazetteer(sentences: Sequence[Sentence]) -> dict[str, str]:
    return {w: label for w, (label, _, _) in gazetteer_counts(sentences).items()}


def phrase_counts(sentences: Sequence[Sentence]) -> dict[tuple[str, ...], tuple[str, int, int]]:
    """Entity phrases (lower-cased token tuples) → (type, times an entity, times seen at all).

    Kept when at least half of the phrase's occurrences are that entity, so common words
    that are sometimes part of a name ("barat", "kota") do not become phrases on their own.
    """
    entity: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for tokens, tags in sentences:
        lows = [t.lower() for t in tokens]
        for start, end, typ in bio_spans(tags):
            if end - start <= PHRASE_MAX:
                entity[tuple(lows[start:end])][typ] += 1
    seen: Counter[tuple[str, ...]] = Counter()
    for tokens, _ in sentences:
        lows = [t.lower() for t in tokens]
        for n in range(1, PHRASE_MAX + 1):
            for i in range(len(lows) - n + 1):
                key = tuple(lows[i : i + n])
                if key in entity:
                    seen[key] += 1
    out: dict[tuple[str, ...], tuple[str, int, int]] = {}
    for key, c in entity.items():
        typ, count = max(c.items(), key=lambda kv: (kv[1], kv[0]))
        if count / max(seen[key], 1) >= GAZ_MIN_SHARE and any(ch.isalnum() for ch in "".join(key)):
            out[key] = (typ, count, seen[key])
    return out


def phrases(sentences: Sequence[Sentence]) -> dict[tuple[str, ...], str]:
    return {k: typ for k, (typ, _, _) in phrase_counts(sentences).items()}


def _norm(token: str) -> str:
    return "".join("0" if ch.isdigit() else ch for ch in token.lower())


def word_clusters(sentences: Sequence[Sentence]) -> dict[str, tuple[str, ...]]:
    """Distributional word classes from the (unlabelled) training text, Brown-cluster style.

    Why: a CRF only generalises from words it has seen; words that occur in the same
    contexts ("bupati"/"walikota", "surabaya"/"medan") share a class id, so evidence
    transfers between them. Recipe: left/right neighbour counts over the most frequent
    context words → PPMI → truncated SVD → k-means at several granularities (fixed seed).
    Uses tokens only, never labels, so no jackknifing is needed.
    """
    import numpy as np

    freq: Counter[str] = Counter(_norm(t) for tokens, _ in sentences for t in tokens)
    vocab = [w for w, c in freq.most_common() if c >= CLUSTER_MIN_FREQ]
    index = {w: i for i, w in enumerate(vocab)}
    contexts = {w: i for i, (w, _) in enumerate(freq.most_common(CLUSTER_CONTEXTS))}
    width = len(contexts)
    counts = np.zeros((len(vocab), 4 * width), dtype=np.float32)
    for tokens, _ in sentences:
        lows = ["<s>", "<s>", *(_norm(t) for t in tokens), "</s>", "</s>"]
        for i in range(2, len(lows) - 2):
            row = index.get(lows[i])
            if row is None:
                continue
            for slot, off in enumerate((-2, -1, 1, 2)):
                col = contexts.get(lows[i + off])
                if col is not None:
                    counts[row, slot * width + col] += 1
    total = counts.sum()
    expected = counts.sum(1, keepdims=True) @ counts.sum(0, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        ppmi = np.maximum(np.log(counts / expected), 0)
    ppmi = np.nan_to_num(ppmi, nan=0.0, posinf=0.0, neginf=0.0)
    rng = np.random.default_rng(SEED)
    # truncated SVD through the (contexts x contexts) Gram matrix: exact, and seconds not minutes
    _eigvals, eigvecs = np.linalg.eigh((ppmi.T @ ppmi).astype(np.float64))
    top = eigvecs[:, ::-1][:, :CLUSTER_DIM].astype(np.float32)
    vectors = ppmi @ top  # = U * singular values
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    ids = [_kmeans(vectors, k, rng) for k in CLUSTER_KS]
    return {w: tuple(f"{k}-{ids[j][i]}" for j, k in enumerate(CLUSTER_KS)) for i, w in enumerate(vocab)}


def _kmeans(x: Any, k: int, rng: Any, iterations: int = 25) -> Any:
    """Spherical k-means (cosine), fixed iterations; `x` rows are unit vectors (numpy arrays)."""
    import numpy as np

    centres = x[rng.choice(len(x), size=k, replace=False)]
    assign = np.zeros(len(x), dtype=int)
    for _ in range(iterations):
        assign = np.argmax(x @ centres.T, axis=1)  # cosine: rows are unit length
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centres = np.where(norms > 0, sums / (norms + 1e-9), centres)  # empty cluster keeps its centre
    return assign


def features(
    sentences: Sequence[Sentence],
    cues: dict[str, tuple[str, ...]],
    plain: bool,
    use_phrases: bool = True,
    clusters: dict[str, tuple[str, ...]] | None = None,
) -> list[list[list[str]]]:
    """Training features; with the gazetteer jackknifed over FOLDS folds (see module doc)."""
    if plain:
        fx = FeatureExtractor(plain=True)
        return [fx.sequence(tokens) for tokens, _ in sentences]
    out: list[list[list[str]] | None] = [None] * len(sentences)
    for k in range(FOLDS):
        rest = [s for i, s in enumerate(sentences) if i % FOLDS != k]
        fx = FeatureExtractor(cues, gazetteer(rest), phrases(rest) if use_phrases else {}, clusters or {})
        for i in range(k, len(sentences), FOLDS):
            out[i] = fx.sequence(sentences[i][0])
    return [x for x in out if x is not None]


def train(
    sentences: Sequence[Sentence],
    model_path: Path,
    params: Params,
    plain: bool,
    cues: dict,
    clusters: dict[str, tuple[str, ...]] | None = None,
) -> None:
    order = list(range(len(sentences)))
    random.Random(SEED).shuffle(order)  # fixed order, so folds mix both corpora evenly
    sentences = [sentences[i] for i in order]
    xseqs = features(sentences, cues, plain, clusters=clusters)
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, (_, tags) in zip(xseqs, sentences, strict=True):
        trainer.append(xseq, tags)
    trainer.set_params(params.crfsuite())
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))


def write_companions(
    model_path: Path, sentences: Sequence[Sentence], plain: bool, clusters: dict[str, tuple[str, ...]]
) -> None:
    paths = companion_paths(model_path)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    if plain:
        for p in paths.values():
            p.unlink(missing_ok=True)
        return
    if paths["cues"].resolve() != CUES_FILE.resolve():
        paths["cues"].write_text(CUES_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    header = "# Learned by scripts/train_ner.py from the IndoNLU NERGrit+NERP train splits (Apache-2.0)."
    lines = [header, "# word<TAB>most frequent entity label<TAB>times inside an entity<TAB>times seen"]
    for word, (label, entity, total) in sorted(gazetteer_counts(sentences).items()):
        lines.append(f"{word}\t{label}\t{entity}\t{total}")
    paths["gaz"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = [header, "# lower-cased phrase<TAB>type<TAB>times an entity<TAB>times seen"]
    for key, (typ, entity, total) in sorted(phrase_counts(sentences).items()):
        lines.append(f"{' '.join(key)}\t{typ}\t{entity}\t{total}")
    paths["phrases"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = [header, f"# word (lower, digits as 0)<TAB>class ids at k = {', '.join(map(str, CLUSTER_KS))}"]
    lines.extend(f"{word}\t" + "\t".join(ids) for word, ids in sorted(clusters.items()))
    paths["clusters"].write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(tagger: NerTagger, data: Path, schemes: Sequence[str], splits: Sequence[str]) -> dict:
    results: dict[tuple[str, str], dict] = {}
    for scheme in schemes:
        for split in splits:
            sents = load(data, scheme, split)
            rows = score([t for _, t in sents], [tagger.tag(x) for x, _ in sents], scheme)
            results[(scheme, split)] = rows
            print(format_table(rows, f"--- {tagger.source} | {scheme} {split}"), flush=True)
    return results


def build(
    name: str,
    data: Path,
    out_dir: Path,
    schemes: Sequence[str],
    params: Params,
    plain: bool,
    augment_lower: bool,
    use_clusters: bool = True,
) -> Path:
    cues = parse_cues(CUES_FILE.read_text(encoding="utf-8"))
    sentences: list[Sentence] = []
    for scheme in schemes:
        train_set = common(load(data, scheme, "train"), scheme)
        sentences.extend(train_set)
        if augment_lower and scheme == "nergrit":
            sentences.extend(lowered(train_set))
    model_path = out_dir / f"{name}.crfsuite"
    t0 = time.perf_counter()
    clusters = {} if plain or not use_clusters else word_clusters(sentences)
    print(f"{len(clusters)} clustered words in {time.perf_counter() - t0:.0f}s", flush=True)
    write_companions(model_path, sentences, plain, clusters)
    train(sentences, model_path, params, plain, cues, clusters)
    size = model_path.stat().st_size / 1e6
    print(f"trained {model_path} in {time.perf_counter() - t0:.0f}s, {size:.2f} MB, {params}", flush=True)
    return model_path


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "indonlu")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "peristiwa" / "models")
    parser.add_argument("--baseline-dir", type=Path, default=Path("/tmp/peristiwa-ner-baseline"))
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--baseline-only", action="store_true", help="only train/score the plain baselines")
    parser.add_argument(
        "--augment-lower", action="store_true", help="add a lower-cased NERGrit copy (did not help on valid)"
    )
    parser.add_argument("--grid", action="store_true", help="score a small c1/c2 grid on valid")
    parser.add_argument("--c1", type=float, default=Params.c1)
    parser.add_argument("--c2", type=float, default=Params.c2)
    parser.add_argument("--name", default="ner-id")
    args = parser.parse_args(argv)
    schemes = list(SETS)

    if args.grid:
        for c1 in (0.02, 0.05, 0.1, 0.2):
            for c2 in (0.005, 0.01, 0.05):
                params = Params(c1=c1, c2=c2)
                path = build(
                    f"grid-{c1}-{c2}", args.data, args.baseline_dir, schemes, params, False, args.augment_lower
                )
                report(NerTagger.load(path), args.data, schemes, ["valid"])
        return

    params = Params(c1=args.c1, c2=args.c2)
    if args.baseline_only:
        args.no_baseline = False
    else:
        path = build(args.name, args.data, args.out_dir, schemes, params, False, args.augment_lower)
        report(NerTagger.load(path), args.data, schemes, ["valid", "test"])
    if not args.no_baseline:
        for scheme in schemes:
            base = build(f"{scheme}-plain", args.data, args.baseline_dir, [scheme], BASELINE, True, False)
            report(NerTagger.load(base), args.data, [scheme], ["valid", "test"])


if __name__ == "__main__":
    main()
