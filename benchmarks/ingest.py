"""Ingest throughput vs raw extraction, DB size and peak memory, on NTREX + Global Voices (637 articles).

    python benchmarks/ingest.py [--shared ../shared] [--jobs 1 2]

For each job count it runs, each in a fresh subprocess (so peak RSS is per mode):
- `raw`: `extract_parallel` over the articles, documents thrown away (the pipeline alone);
- `ingest`: the whole `Ingestor` (read JSONL, hash, detect language, extract, write SQLite,
  merge events) into a new database.
Both include loading the pipeline. Prints articles/s, ingest/raw ratio (goal ≥ 0.8), DB size
per 1,000 articles and peak RSS (parent and workers).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_mode(mode: str, jobs: int, corpus: Path, db: Path) -> dict:
    from peristiwa.store.readers import iter_inputs

    items = list(iter_inputs([str(corpus)]))
    n = len(items)
    start = time.perf_counter()
    if mode == "raw":
        from peristiwa.scale.parallel import extract_parallel

        articles = [item.article for item in items if item.article is not None]
        events = sum(len(doc.events) for _, doc, _ in extract_parallel(articles, jobs) if doc is not None)
        size = 0
    else:
        from peristiwa.store.ingest import IngestOptions, Ingestor
        from peristiwa.store.sqlite import SQLiteStore

        with SQLiteStore(db) as store:
            summary = Ingestor(store, IngestOptions(jobs=jobs)).run(items)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        events = summary.event_mentions
        size = db.stat().st_size
    seconds = time.perf_counter() - start
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"mode": mode, "jobs": jobs, "articles": n, "seconds": round(seconds, 2),
            "articles_per_s": round(n / seconds, 2), "event_mentions": events, "db_bytes": size,
            "peak_rss_mb": round(self_kb / 1024, 1), "peak_worker_rss_mb": round(child_kb / 1024, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--_mode", help=argparse.SUPPRESS)
    parser.add_argument("--_corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._mode:
        print(json.dumps(run_mode(args._mode, args.jobs[0], args._corpus, args._db)))
        return 0
    if not (args.shared / "data").is_dir():
        print(f"{args.shared}: shared data not found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        subprocess.run([sys.executable, str(ROOT / "scripts" / "shared_to_jsonl.py"), str(corpus), "--shared",
                        str(args.shared)], check=True, capture_output=True)
        results = []
        for jobs in args.jobs:
            for mode in ("raw", "ingest"):
                db = Path(tmp) / f"bench-{mode}-{jobs}.db"
                out = subprocess.run([sys.executable, __file__, "--_mode", mode, "--jobs", str(jobs), "--_corpus",
                                      str(corpus), "--_db", str(db)], check=True, capture_output=True, text=True)
                results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"{'mode':8} {'-j':>3} {'articles':>8} {'seconds':>8} {'art/s':>7} {'ratio':>6} {'DB MB/1k':>9} "
          f"{'RSS MB':>7} {'workers':>8}")
    raw = {r["jobs"]: r for r in results if r["mode"] == "raw"}
    for r in results:
        ratio = r["articles_per_s"] / raw[r["jobs"]]["articles_per_s"] if r["mode"] == "ingest" else 1.0
        per_k = r["db_bytes"] / r["articles"] * 1000 / 1e6 if r["db_bytes"] else 0.0
        print(f"{r['mode']:8} {r['jobs']:>3} {r['articles']:>8} {r['seconds']:>8} {r['articles_per_s']:>7} "
              f"{ratio:>6.2f} {per_k:>9.2f} {r['peak_rss_mb']:>7} {r['peak_worker_rss_mb']:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
