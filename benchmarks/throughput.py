"""End-to-end throughput: articles/s, sentences/s and seed-size articles/s, at -j 1 and -j 2.

    python benchmarks/throughput.py                 # NTREX + Global Voices, -j 1 and -j 2, 3 runs each
    python benchmarks/throughput.py --jobs 2 --runs 1 --limit 100
    python benchmarks/throughput.py --stages        # per-stage time (in-process)
    python benchmarks/throughput.py --cprofile 25   # top functions by cumulative time

Why "seed-size articles/s": articles vary tenfold in length, so raw articles/s depends on the
corpus. Normalising by characters relative to the seed article (../shared/seed) gives one number
comparable across corpora; the project goal is >= 200 seed-size articles/s on a 2-core machine.

HELD OUT: NTREX and Global Voices 2014+ are reserved for independent evaluation. This script
only counts what the pipeline produces (sentences, events, errors); it never prints events, and
its output must not be used to tune rules.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import pstats
import resource
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from peristiwa.api import Extractor  # noqa: E402
from peristiwa.model import Article, Document  # noqa: E402
from peristiwa.scale.corpora import globalvoices_articles, ntrex_articles, seed_article  # noqa: E402
from peristiwa.scale.parallel import extract_parallel, run_one  # noqa: E402

# Fallback when ../shared is absent: our own short article, so the script still runs.
OWN_TEXT = (
    "Presiden Joko Widodo menerima kunjungan Perdana Menteri Malaysia di Istana Bogor, Jawa Barat, "
    "Senin (20/3). "
    "Kedua pemimpin membahas perbatasan dan perlindungan pekerja migran. \"Kami sepakat mempercepat "
    "perundingan,\" kata Jokowi kepada wartawan. Menteri Luar Negeri Retno Marsudi menambahkan bahwa "
    "Indonesia akan mengirim tim teknis ke Kuala Lumpur bulan depan.\n\n"
)


@dataclass
class RunStats:
    """One timed pass. `cpu` (user+sys of this process and its workers) is the load-robust figure:
    on a shared machine wall time depends on what else runs, CPU time much less."""

    jobs: int
    seconds: float = 0.0
    cpu: float = 0.0
    articles: int = 0
    chars: int = 0
    sentences: int = 0
    events: int = 0
    errors: int = 0
    digest: str = ""

    def rates(self, seed_chars: int) -> dict[str, float]:
        return {
            "articles/s": self.articles / self.seconds,
            "sentences/s": self.sentences / self.seconds,
            "seed-size articles/s": self.chars / seed_chars / self.seconds,
            "events/article": self.events / max(1, self.articles),
            "cpu ms/seed-size": self.cpu / (self.chars / seed_chars) * 1000,
        }


def load_corpus(limit: int | None) -> list[Article]:
    articles = list(ntrex_articles()) + list(globalvoices_articles())
    if not articles:
        print("../shared not found: using a repeated article of our own", file=sys.stderr)
        articles = [Article(id=f"own{i}", text=OWN_TEXT * (1 + i % 4)) for i in range(200)]
    return articles[:limit] if limit else articles


def cpu_seconds() -> float:
    """User+system CPU of this process plus all reaped children (pool workers are reaped at shutdown)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_once(articles: list[Article], jobs: int, chunksize: int, use_ner: bool, digest: bool) -> RunStats:
    """Code every article once. With `digest`, a hash of all output (not timed) shows whether
    two runs, e.g. -j 1 and -j 2, produced the same documents, without printing any of them."""
    stats = RunStats(jobs)
    hasher = hashlib.sha1()
    untimed = 0.0
    t0, c0 = time.perf_counter(), cpu_seconds()
    for article, doc, error in extract_parallel(articles, jobs=jobs, chunksize=chunksize, use_ner=use_ner):
        stats.articles += 1
        stats.chars += len(article.text)
        if doc is None:
            stats.errors += 1
            print(f"  error in {article.id}: {error}", file=sys.stderr)
            continue
        stats.sentences += len(doc.sentences)
        stats.events += len(doc.events)
        if digest:
            t1 = time.perf_counter()
            hasher.update(json.dumps(doc.to_dict(), sort_keys=True, default=str).encode())
            untimed += time.perf_counter() - t1
    stats.seconds = time.perf_counter() - t0 - untimed
    stats.cpu = cpu_seconds() - c0 - untimed
    stats.digest = hasher.hexdigest()[:12] if digest else "-"
    return stats


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident set size of this process and of its largest finished child (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


@dataclass
class TimedStage:
    """Wraps a stage and adds its wall time to a shared tally, keeping the stage's name."""

    stage: Callable[[Document], None]
    name: str
    tally: dict[str, float]

    def __call__(self, doc: Document) -> None:
        t0 = time.perf_counter()
        self.stage(doc)
        self.tally[self.name] += time.perf_counter() - t0


def stage_profile(articles: list[Article], seed_chars: int, use_ner: bool) -> None:
    t0 = time.perf_counter()
    extractor = Extractor.load(use_ner=use_ner)
    print(f"\nExtractor.load: {time.perf_counter() - t0:.2f} s")
    tally: dict[str, float] = defaultdict(float)
    extractor.pipeline.stages = [TimedStage(s, s.name, tally) for s in extractor.pipeline.stages]
    t0 = time.perf_counter()
    failed = sum(run_one(extractor, article)[1] is not None for article in articles)
    total = time.perf_counter() - t0
    if failed:
        print(f"{failed} articles raised (their partial time is included)")
    seeds = sum(len(a.text) for a in articles) / seed_chars
    print(f"per-stage time, in-process, {len(articles)} articles ({seeds:.0f} seed-size), "
          f"{total:.2f} s total")
    print(f"{'stage':<14}{'seconds':>9}{'share':>8}{'ms/seed-size':>14}")
    for name, seconds in sorted(tally.items(), key=lambda kv: -kv[1]):
        print(f"{name:<14}{seconds:9.2f}{seconds / total:8.1%}{seconds / seeds * 1000:14.2f}")
    other = total - sum(tally.values())
    print(f"{'(Document)':<14}{other:9.2f}{other / total:8.1%}{other / seeds * 1000:14.2f}")


def cprofile(articles: list[Article], top: int, use_ner: bool, out: Path | None) -> None:
    extractor = Extractor.load(use_ner=use_ner)
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        run_one(extractor, article)
    profiler.disable()
    if out:
        profiler.dump_stats(out)
        print(f"profile written to {out} (view: python -m pstats {out})")
    for key in ("tottime", "cumulative"):
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats(key).print_stats(top)
        print(f"\n--- top {top} by {key} ---")
        print("\n".join(line for line in buffer.getvalue().splitlines() if line.strip()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=3, help="runs per -j setting; the median is reported")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--chunksize", type=int, default=8)
    parser.add_argument("--no-ner", action="store_true")
    parser.add_argument("--no-digest", action="store_true", help="skip the output-equality hash")
    parser.add_argument("--stages", action="store_true", help="per-stage timing instead of the -j runs")
    parser.add_argument("--cprofile", type=int, default=0, metavar="N",
                        help="cProfile, print top N functions")
    parser.add_argument("--profile-out", type=Path, default=None)
    args = parser.parse_args()

    articles = load_corpus(args.limit)
    seed = seed_article()
    seed_chars = len(seed.text) if seed else len(OWN_TEXT) * 2
    chars = sum(len(a.text) for a in articles)
    print(f"corpus: {len(articles)} articles, {chars} characters = {chars / seed_chars:.1f} "
          f"seed-size articles (seed = {seed_chars} chars)")
    use_ner = not args.no_ner
    if args.stages:
        stage_profile(articles, seed_chars, use_ner)
        return
    if args.cprofile:
        cprofile(list(islice(articles, args.limit or None)), args.cprofile, use_ner, args.profile_out)
        return

    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.1f}")
    print(f"{'jobs':>4} {'run':>3} {'wall s':>7} {'cpu s':>7} {'articles/s':>11} {'sentences/s':>12} "
          f"{'seed-size/s':>12} {'cpu ms/seed':>12} {'events/art':>11} {'errors':>6} {'output':>12}")
    digests = set()
    for jobs in args.jobs:
        runs = []
        for i in range(args.runs):
            stats = run_once(articles, jobs, args.chunksize, use_ner, not args.no_digest)
            runs.append(stats)
            digests.add(stats.digest)
            r = stats.rates(seed_chars)
            print(f"{jobs:>4} {i + 1:>3} {stats.seconds:7.2f} {stats.cpu:7.2f} {r['articles/s']:11.1f} "
                  f"{r['sentences/s']:12.1f} {r['seed-size articles/s']:12.1f} {r['cpu ms/seed-size']:12.1f} "
                  f"{r['events/article']:11.2f} {stats.errors:>6} {stats.digest:>12}")
        median = statistics.median(s.seconds for s in runs)
        best = min(runs, key=lambda s: abs(s.seconds - median))
        r = best.rates(seed_chars)
        cpu_ms = statistics.median(s.rates(seed_chars)["cpu ms/seed-size"] for s in runs)
        print(f"  -j {jobs} median: {median:.2f} s wall, {r['articles/s']:.1f} articles/s, "
              f"{r['sentences/s']:.0f} sentences/s, {r['seed-size articles/s']:.1f} seed-size articles/s; "
              f"{cpu_ms:.1f} CPU ms per seed-size article -> {1000 * jobs / cpu_ms:.0f} seed-size/s "
              f"on {jobs} idle core(s)")
    if not args.no_digest:
        same = "yes" if len(digests) == 1 else f"NO ({len(digests)} different outputs)"
        print(f"identical output across all runs and -j settings: {same}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    own, children = peak_rss_mb()
    print(f"peak RSS: this process {own:.0f} MB, largest worker {children:.0f} MB")


if __name__ == "__main__":
    main()
