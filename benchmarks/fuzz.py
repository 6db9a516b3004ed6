"""Fuzz the pipeline with mutated real sentences: crashes, span-invariant violations, slow documents.

    python benchmarks/fuzz.py --n 100000 --procs 2      # long mode (outside CI)
    python benchmarks/fuzz.py --n 2000                   # what tests/test_fuzz.py runs in CI

Why mutate real sentences rather than random bytes: random bytes never reach the deep stages
(triggers, coref, quotes); a real Indonesian sentence with a zero-width joiner in a name, an
unbalanced quote or a 100k-character token does. Seeds are NTREX and Global Voices sentences and the
seed article, read from ../shared at run time (never copied); a few sentences of our own otherwise.
Every item with `start`/`end`/`text` anywhere in the Document must satisfy text[start:end] == surface.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import random
import resource
import sys
import time
import traceback
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from peristiwa.model import Document

OWN = ["Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada Senin (9/1/2023).",
       "\"Kami menolak rencana itu,\" kata Menteri Luar Negeri Retno Marsudi kepada wartawan di Canberra.",
       "Polisi menangkap 12 demonstran di Makassar setelah bentrokan dengan mahasiswa, Selasa."]
ODD = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u202e", "\u202d", "\u2066", "\u0301", "\u0308", "\u0651",
       "\x00", "\r", "\u2028", "\u00a0", "\"", "\u201c", "\u201d", "'", "(", ")", "«", "»", "\ud7ff", "\U0001f600",
       "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u05e2\u05d1\u05e8\u05d9\u05ea", "中文", "ไทย", "Ж"]
SLOW_MS_PER_KB = 1000.0  # the outlier bar: > 1 s per 10 kB is "slow"; we flag > 100 ms per kB


def seed_sentences(limit: int = 3000) -> list[str]:
    """Real sentences from ../shared (NTREX, Global Voices, the seed), or our own when it is absent."""
    from peristiwa.scale.corpora import globalvoices_articles, ntrex_articles, seed_article

    found: list[str] = []
    try:
        seed = seed_article()
        articles = [*islice(ntrex_articles(), limit // 2), *islice(globalvoices_articles(), limit // 20)]
        if seed is not None:
            articles.append(seed)
    except (FileNotFoundError, OSError):
        articles = []
    for article in articles:
        found.extend(line for line in article.text.split("\n") if len(line) > 20)
    return found[:limit] or list(OWN)


def mutate(rng: random.Random, pool: list[str]) -> str:
    """One hostile variant of 1-3 real sentences: a few random edits from the mutation menu."""
    text = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
    for _ in range(rng.randint(1, 6)):
        text = rng.choice(MUTATIONS)(rng, text)
    return text


def _insert(rng: random.Random, text: str, piece: str) -> str:
    at = rng.randint(0, len(text))
    return text[:at] + piece + text[at:]


MUTATIONS = [
    lambda rng, t: _insert(rng, t, rng.choice(ODD)),
    lambda rng, t: _insert(rng, t, rng.choice(ODD) * rng.randint(2, 50)),
    lambda rng, t: _insert(rng, t, chr(rng.randint(0x20, 0x2FFFF)) if rng.random() < 0.9 else chr(0xFFFD)),
    lambda rng, t: _insert(rng, t, "".join(chr(rng.randint(0x300, 0x36F)) for _ in range(rng.randint(1, 30)))),
    lambda rng, t: _insert(rng, t, rng.choice("aZ9-\"") * rng.choice((1000, 10_000, 100_000))),
    lambda rng, t: t.upper() if rng.random() < 0.5 else t.lower(),
    lambda rng, t: t.replace(" ", rng.choice(["\u200b", "\u00a0", "  ", "\t", "\n", ""]), rng.randint(1, 5)),
    lambda rng, t: t[: rng.randint(0, len(t))],
    lambda rng, t: t[::-1] if rng.random() < 0.1 else t + t,
    lambda rng, t: "".join(c + "\u0301" if rng.random() < 0.2 else c for c in t),
    lambda rng, t: t.replace("\"", "").replace("“", "") + "\"" * rng.randint(1, 3),
]


def span_violations(doc: Document) -> list[str]:
    """Every dataclass reachable from the Document that has start/end/text must match the article text."""
    text, bad, seen = doc.text, [], set()

    def walk(obj: object, where: str) -> None:
        if id(obj) in seen:
            return
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            seen.add(id(obj))
            names = {f.name for f in dataclasses.fields(obj)}
            if {"start", "end", "text"} <= names and where != "article":
                start, end, surface = obj.start, obj.end, obj.text  # type: ignore[attr-defined]
                if text[start:end] != surface:
                    bad.append(f"{where}: [{start}:{end}] {text[start:end]!r} != {surface!r}")
            for name in names - {"article"}:
                walk(getattr(obj, name), f"{where}.{name}")
        elif isinstance(obj, list | tuple):
            for i, item in enumerate(obj):
                walk(item, f"{where}[{i}]")
        elif isinstance(obj, dict):
            for key, item in obj.items():
                walk(item, f"{where}[{key}]")

    walk(doc, "doc")
    return bad


@dataclass
class FuzzStats:
    inputs: int = 0
    crashes: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)
    worst_ms_per_kb: float = 0.0
    worst_ms: float = 0.0
    chars: int = 0
    seconds: float = 0.0

    def merge(self, other: FuzzStats) -> None:
        self.inputs += other.inputs
        self.crashes += other.crashes
        self.violations += other.violations
        self.slow += other.slow
        self.worst_ms_per_kb = max(self.worst_ms_per_kb, other.worst_ms_per_kb)
        self.worst_ms = max(self.worst_ms, other.worst_ms)
        self.chars += other.chars
        self.seconds += other.seconds


def fuzz_inputs(n: int, seed: int) -> Iterator[str]:
    rng, pool = random.Random(seed), seed_sentences()
    for _ in range(n):
        yield mutate(rng, pool)


def run_chunk(args: tuple[int, int]) -> FuzzStats:
    """Extract `n` mutated inputs from one seed in this process; the unit of work of --procs."""
    from peristiwa.api import Extractor

    n, seed = args
    extractor, stats = Extractor.load(), FuzzStats()
    for i, text in enumerate(fuzz_inputs(n, seed)):
        stats.inputs += 1
        t0 = time.perf_counter()
        try:
            doc = extractor.extract(text, title=text[:80] if i % 7 == 0 else None)
        except Exception:
            stats.crashes.append(f"seed {seed} #{i}: {traceback.format_exc(limit=3)[-600:]} input={text[:200]!r}")
            continue
        ms = (time.perf_counter() - t0) * 1000
        stats.seconds += ms / 1000
        stats.chars += len(text)
        per_kb = ms / max(len(text.encode("utf-8", "surrogatepass")) / 1024, 1.0)  # < 1 kB counts as 1 kB
        stats.worst_ms, stats.worst_ms_per_kb = max(stats.worst_ms, ms), max(stats.worst_ms_per_kb, per_kb)
        if per_kb > SLOW_MS_PER_KB / 10:
            stats.slow.append(f"seed {seed} #{i}: {ms:.0f} ms, {len(text)} chars")
        stats.violations += [f"seed {seed} #{i}: {v}" for v in span_violations(doc)[:3]]
    return stats


def fuzz(n: int, seed: int = 12, procs: int = 1, chunk: int = 500) -> FuzzStats:
    """Fuzz `n` inputs split into seeded chunks over `procs` processes (same inputs for any --procs)."""
    jobs = [(min(chunk, n - start), seed * 1_000_003 + start) for start in range(0, n, chunk)]
    total = FuzzStats()
    if procs <= 1:
        for job in jobs:
            total.merge(run_chunk(job))
        return total
    # spawn, not fork: a caller that already loaded models (threads, locks) would deadlock a forked child
    with ProcessPoolExecutor(procs, mp_context=multiprocessing.get_context("spawn")) as pool:
        for part in pool.map(run_chunk, jobs):
            total.merge(part)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="inputs")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--procs", type=int, default=1, help="worker processes")
    args = parser.parse_args()
    t0 = time.time()
    stats = fuzz(args.n, args.seed, args.procs)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report = {"inputs": stats.inputs, "crashes": len(stats.crashes), "violations": len(stats.violations),
              "slow_over_100ms_per_kB": len(stats.slow), "worst_ms_per_kB": round(stats.worst_ms_per_kb, 1),
              "worst_ms": round(stats.worst_ms, 1), "mean_ms_per_kB": round(
                  stats.seconds * 1000 / max(stats.chars / 1024, 1), 2), "wall_s": round(time.time() - t0, 1),
              "procs": args.procs, "max_rss_mb_children": round(rss, 1)}
    print(json.dumps(report, indent=2))
    for line in (stats.crashes + stats.violations + stats.slow)[:20]:
        print(line, file=sys.stderr)
    sys.exit(1 if stats.crashes or stats.violations else 0)


if __name__ == "__main__":
    main()
