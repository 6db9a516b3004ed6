"""Distributed coding throughput: `-j 1` against `--engine dask` with 1 and 2 workers.

    python benchmarks/scale.py                  # NTREX + Global Voices (637 articles), into SQLite
    python benchmarks/scale.py --limit 100 --workers 1 2 4

Prints, per configuration, articles/s (wall), CPU seconds per article summed over every process
(writer, scheduler, workers) and in the writer process alone (with a LocalCluster it also runs
the scheduler), and the distribution overhead per article: the extra CPU a Dask run
spends over the `-j 1` run on the same articles (scheduling, pickling, transfers). Every engine
first codes the corpus's first 64 articles untimed (a real cluster is long-lived: imports, the
Extractor and its lazily loaded models are paid once per worker, not per run).

HELD OUT: NTREX and Global Voices 2014+ are reserved for independent evaluation. This script only
counts documents and event mentions; it never prints events, and must not be used to tune rules.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from peristiwa.scale.corpora import globalvoices_articles, ntrex_articles  # noqa: E402
from peristiwa.scale.dask_engine import (  # noqa: E402
    PLUGIN_NAME,
    DaskOptions,
    DaskRunner,
    ExtractorPlugin,
    plan_partitions,
)
from peristiwa.scale.parallel import ExtractorSpec  # noqa: E402
from peristiwa.store.ingest import IngestOptions, Ingestor, IngestSummary  # noqa: E402
from peristiwa.store.readers import ReaderOptions, iter_inputs  # noqa: E402
from peristiwa.store.sqlite import SQLiteStore  # noqa: E402

WARM = 64  # articles coded untimed first, on every engine, so imports and lazy loads are not counted


@dataclass
class Run:
    name: str
    summary: IngestSummary
    wall: float
    cpu: float  # seconds, all processes
    writer_cpu: float  # seconds, this process: reading (-j 1) or scheduler + client, and writing

    def line(self, n: int, base: Run | None) -> str:
        overhead = f"{(self.cpu - base.cpu) / n * 1000:+7.1f} ms" if base else "      —   "
        return (f"{self.name:<16} {n / self.wall:7.1f} articles/s  {self.wall:7.1f} s wall  "
                f"{self.cpu / n * 1000:6.1f} ms CPU/article (writer process {self.writer_cpu / n * 1000:5.1f})  "
                f"overhead {overhead}/article  "
                f"({self.summary.new} new, {self.summary.event_mentions} event mentions)")


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def worker_cpu() -> float:
    """CPU of the calling worker process (run on every worker with `client.run`)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def write_corpus(path: Path, limit: int | None) -> int:
    articles = islice(chain(ntrex_articles(), globalvoices_articles()), limit)
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"id": a.id, "text": a.text, "title": a.title, "url": a.url, "language": "id",
                                  "published": a.published.isoformat() if a.published else None},
                                 ensure_ascii=False) + "\n")
            n += 1
    return n


def run_local(corpus: Path, warm: Path, tmp: Path) -> Run:
    """`-j 1`, warmed first on `warm` with the same Extractor (imports, lazy model loads)."""
    from peristiwa.api import Extractor
    from peristiwa.scale.parallel import run_one

    extractor = Extractor.load()

    def extract(articles):
        return ((article, *run_one(extractor, article)) for article in articles)

    for name, path in (("warm", warm), ("timed", corpus)):
        cpu, start = own_cpu(), time.perf_counter()
        with SQLiteStore(tmp / f"local-{name}.db") as store:
            summary = Ingestor(store, IngestOptions(jobs=1)).run(iter_inputs([str(path)]), extract=extract)
    used = own_cpu() - cpu
    return Run("-j 1", summary, time.perf_counter() - start, used, used)


def run_dask(corpus: Path, warm: Path, tmp: Path, workers: int, partition: int) -> Run:
    """A LocalCluster of `workers` processes, warmed on `warm` (every worker), then timed on `corpus`."""
    import logging

    from distributed import Client, LocalCluster

    options = DaskOptions(partition_size=partition)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.register_plugin(ExtractorPlugin(ExtractorSpec()), name=PLUGIN_NAME)
        for name, path in (("warm", warm), ("timed", corpus)):
            before = sum(client.run(worker_cpu).values())
            cpu, start = own_cpu(), time.perf_counter()
            with SQLiteStore(tmp / f"dask{workers}-{name}.db") as store:
                runner = DaskRunner(client, store, IngestOptions(), ReaderOptions(), options)
                summary = runner.run(plan_partitions([str(path)], partition))
            wall = time.perf_counter() - start
            writer = own_cpu() - cpu
            total = writer + sum(client.run(worker_cpu).values()) - before
    return Run(f"dask {workers} worker{'s' if workers > 1 else ''}", summary, wall, total, writer)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(corpus, args.limit)
        if n == 0:
            sys.exit("no articles: ../shared/data (NTREX, Global Voices) not found")
        print(f"{n} articles (NTREX + Global Voices), partition size {args.partition_size}", flush=True)
        warm = Path(tmp) / "warm.jsonl"
        warm.write_text("".join(corpus.read_text(encoding="utf-8").splitlines(keepends=True)[:WARM]), encoding="utf-8")
        base = run_local(corpus, warm, Path(tmp))
        print(base.line(n, None), flush=True)
        for workers in args.workers:
            print(run_dask(corpus, warm, Path(tmp), workers, args.partition_size).line(n, base),
                  flush=True)


if __name__ == "__main__":
    main()
