"""NER tagging speed: tokens per second on one core, feature extraction included.

Why two numbers: the extractor memoises per-word features, so the first pass over a text
(cold cache) is the honest figure for a fresh process, and later passes show the steady
state of a long-running pipeline. The target in docs/models.md is >= 50k tokens/s cold.

    python benchmarks/ner_speed.py [--model PATH] [--passes 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from peristiwa.eval.ner import read_conll  # noqa: E402
from peristiwa.extract.ner import NerTagger  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "indonlu"
FILES = ("nergrit_ner-grit/test_preprocess.txt", "nerp_ner-prosa/test_preprocess.txt")

# Fallback when ../shared is absent: our own sentences, repeated.
OWN = [
    "Presiden Joko Widodo bertemu Menteri Luar Negeri Retno Marsudi di Istana Merdeka , Jakarta .",
    "PT Kereta Api Indonesia menambah perjalanan dari Bandung ke Surabaya pada akhir pekan .",
    "gubernur jawa tengah ganjar pranowo meresmikan pasar baru di kabupaten boyolali .",
]


def sentences() -> list[list[str]]:
    if DATA.exists():
        return [tokens for f in FILES for tokens, _ in read_conll(DATA / f)]
    return [s.split(" ") for s in OWN] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    sents = sentences()
    n_tokens = sum(len(s) for s in sents)
    t0 = time.perf_counter()
    tagger = NerTagger.load(args.model)
    tagger.tag(["memuat"])
    load_s = time.perf_counter() - t0
    model_path = Path(args.model) if args.model else ROOT / "peristiwa" / "models" / "ner-id.crfsuite"
    size_mb = model_path.stat().st_size / 1e6
    print(f"model {tagger.source}: {size_mb:.2f} MB, loaded in {load_s * 1000:.0f} ms")
    print(f"{len(sents)} sentences, {n_tokens} tokens")
    for p in range(args.passes):
        t0 = time.perf_counter()
        for tokens in sents:
            tagger.tag(tokens)
        dt = time.perf_counter() - t0
        label = "cold cache" if p == 0 else "warm cache"
        print(f"pass {p + 1} ({label}): {n_tokens / dt:,.0f} tokens/s")


if __name__ == "__main__":
    main()
