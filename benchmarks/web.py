"""Web app latency: p50/p95 of the main endpoints on a database of >= 10,000 events, under bounded loopback load.

    python benchmarks/web.py [--db /tmp/peristiwa-web-bench.db] [--requests 200] [--concurrency 4]

1. Database: real Indonesian text ingested with the real Ingestor (-j 2): Global Voices and NTREX from
   ../shared (read at run time, never copied) plus our own test articles, each article ingested several
   times with a different publication date (and a one-line edition header, so the content hash differs).
   Relative dates ("Senin", "kemarin") resolve against the new date, so the copies are distinct events, as a
   long-running news feed would be. Rounds of copies are added until the store holds >= --min-events events.
   The database is kept and reused by later runs.
2. Server: a real `peristiwa serve` (uvicorn, one process) on 127.0.0.1.
3. Load: for each endpoint, --requests requests from --concurrency client threads (keep-alive), after a
   warm-up; latency = full response received. Reports p50, p95, max and requests/s.
4. Pages in a browser (when /usr/bin/chromium and playwright exist): navigation start -> load event of the
   dashboard, network, map and events pages over the whole database (Performance API).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))


def base_articles(shared: Path) -> list[dict]:
    """Our own fixtures plus the shared news sets when present."""
    articles = [json.loads(line) for line in (ROOT / "tests" / "web_fixtures" / "articles.jsonl").open()]
    if shared.exists():
        from shared_to_jsonl import globalvoices_articles, ntrex_articles

        articles += list(globalvoices_articles(shared))
        articles += [{**a, "published": (date(2019, 1, 1) + timedelta(days=i * 3)).isoformat()}
                     for i, a in enumerate(ntrex_articles(shared))]
    return articles


def copies(articles: list[dict], round_no: int) -> list[dict]:
    """One round: every article again, published `round_no` x 37 days later, with an edition header line."""
    out = []
    for a in articles:
        published = date.fromisoformat(a["published"]) + timedelta(days=37 * round_no)
        header = f"Edisi {published.isoformat()}"
        out.append({**a, "id": f"{a['id']}#r{round_no}", "published": published.isoformat(),
                    "text": f"{header}\n{a['text']}"})
    return out


def event_count(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute("SELECT count(*) FROM events").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def build(db: Path, shared: Path, min_events: int, jobs: int) -> dict:
    from peristiwa.store.ingest import IngestOptions, Ingestor
    from peristiwa.store.readers import iter_inputs
    from peristiwa.store.sqlite import SQLiteStore

    articles = base_articles(shared)
    start = time.perf_counter()
    rounds = 0
    ingested = 0
    while event_count(db) < min_events and rounds < 60:
        corpus = db.with_suffix(f".round{rounds}.jsonl")
        corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in copies(articles, rounds)),
                          encoding="utf-8")
        with SQLiteStore(db) as store:
            summary = Ingestor(store, IngestOptions(jobs=jobs)).run(iter_inputs([str(corpus)]))
        corpus.unlink()
        ingested += summary.new
        rounds += 1
        print(f"  round {rounds}: {summary.line()} -> {event_count(db)} events", file=sys.stderr)
    with sqlite3.connect(db) as conn:
        n_articles, n_mentions = conn.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM event_mentions)").fetchone()
    return {"events": event_count(db), "articles": n_articles, "event_mentions": n_mentions,
            "base_articles": len(articles), "rounds_this_run": rounds, "build_seconds": round(time.perf_counter()
                                                                                             - start, 1),
            "db_mb": round(db.stat().st_size / 1e6, 1)}


def endpoints(base: str) -> list[tuple[str, str, dict | None]]:
    import httpx

    event = httpx.get(base + "/api/events", params={"limit": 1, "actor": "IDN"}).json()["items"][0]
    actor = httpx.get(base + "/api/actors", params={"limit": 1}).json()["items"][0]["key"]
    article = httpx.get(base + "/api/articles", params={"limit": 1, "status": "done"}).json()["items"][0]["id"]
    text = ("Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada Senin untuk "
            "membahas perbatasan. Polisi menangkap puluhan demonstran di Makassar.")
    return [
        ("GET /api/events?limit=50", "/api/events?limit=50", None),
        ("GET /api/events?actor=IDN&code=04", "/api/events?actor=IDN&code=04&limit=50", None),
        ("GET /api/events?text=Jakarta", "/api/events?text=Jakarta&limit=50", None),
        ("GET /api/events/{id}", f"/api/events/{event['id']}", None),
        ("GET /api/articles/{id}", f"/api/articles/{article}", None),
        ("GET /api/articles?q=presiden", "/api/articles?q=presiden&limit=20", None),
        ("GET /api/actors?q=Indonesia", "/api/actors?q=Indonesia&limit=20", None),
        ("GET /api/actors/{key}", f"/api/actors/{actor}", None),
        ("GET /api/quotes?q=kami", "/api/quotes?q=kami&limit=20", None),
        ("GET /api/stats?period=week", "/api/stats?period=week", None),
        ("GET /api/network", "/api/network", None),
        ("GET /api/map", "/api/map", None),
        ("GET /api/search?q=pemerintah", "/api/search?q=pemerintah", None),
        ("POST /api/extract (2 sentences)", "/api/extract", {"text": text, "published": "2023-03-21"}),
        ("page /", "/", None),
        ("page /articles/{id}", f"/articles/{article}", None),
        ("page /network", "/network", None),
        ("page /map", "/map", None),
        ("page /events?limit=500", "/events?limit=500", None),
    ]


def measure(base: str, path: str, body: dict | None, requests: int, concurrency: int) -> dict:
    import httpx

    per_worker = max(1, requests // concurrency)

    def worker(_: int) -> list[float]:
        times = []
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(per_worker):
                start = time.perf_counter()
                response = client.post(path, json=body) if body is not None else client.get(path)
                response.read()
                times.append(time.perf_counter() - start)
                if response.status_code != 200:
                    raise RuntimeError(f"{path}: HTTP {response.status_code} {response.text[:200]}")
        return times

    with httpx.Client(base_url=base, timeout=60) as client:  # warm-up
        for _ in range(3):
            client.post(path, json=body) if body is not None else client.get(path)
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        times = sorted(t for ts in pool.map(worker, range(concurrency)) for t in ts)
    wall = time.perf_counter() - start
    return {"n": len(times), "p50_ms": round(1000 * statistics.median(times), 1),
            "p95_ms": round(1000 * times[min(len(times) - 1, int(0.95 * len(times)))], 1),
            "max_ms": round(1000 * times[-1], 1), "req_per_s": round(len(times) / wall, 1)}


def browser_timings(base: str) -> list[dict]:
    chromium = Path("/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return []
    if not chromium.exists():
        return []
    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True, args=flags)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        for url in ("/", "/network", "/map", "/events?limit=500"):
            samples = []
            for _ in range(4):
                page.goto(base + url, wait_until="load")
                nav = page.evaluate("JSON.parse(JSON.stringify(performance.getEntriesByType('navigation')[0]))")
                samples.append(nav["loadEventEnd"] - nav["startTime"])
            out.append({"page": url, "load_ms_median": round(statistics.median(samples[1:]), 1),
                        "load_ms_first": round(samples[0], 1),
                        "elements": page.evaluate("document.getElementsByTagName('*').length")})
        browser.close()
    return out


def server_rss_mb(pid: int) -> float | None:
    """Resident memory of the server process (Linux /proc), to show the load leaves no growth behind."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/peristiwa-web-bench.db"))
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--min-events", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--json", type=Path, help="Also write the results as JSON here.")
    args = parser.parse_args()

    print(f"building/reusing {args.db} (>= {args.min_events} events)", file=sys.stderr)
    corpus = build(args.db, args.shared, args.min_events, args.jobs)
    print(json.dumps(corpus), file=sys.stderr)

    from web_fixtures.webdb import serve

    proc, base = serve(args.db)
    rss = {"before": server_rss_mb(proc.pid)}
    try:
        rows = []
        for name, path, body in endpoints(base):
            n = args.requests if body is None else max(args.concurrency, args.requests // 4)
            row = {"endpoint": name, **measure(base, path, body, n, args.concurrency)}
            rows.append(row)
            print(f"  {name:40s} p50 {row['p50_ms']:7.1f} ms  p95 {row['p95_ms']:7.1f} ms  "
                  f"{row['req_per_s']:6.1f} req/s", file=sys.stderr)
        rss["after"] = server_rss_mb(proc.pid)
        pages = browser_timings(base)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    print(f"\nDatabase: {corpus['events']:,} events, {corpus['event_mentions']:,} event mentions, "
          f"{corpus['articles']:,} articles, {corpus['db_mb']} MB. Load: {args.concurrency} concurrent clients "
          f"on loopback, one uvicorn process; {sum(r['n'] for r in rows):,} requests, 0 errors (any non-200 "
          f"aborts the run); server RSS {rss['before']} MB before, {rss.get('after')} MB after the load.\n")
    print("| endpoint | n | p50 ms | p95 ms | max ms | req/s |\n|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| `{r['endpoint']}` | {r['n']} | {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} | {r['req_per_s']} |")
    if pages:
        print("\n| page in chromium | load ms (median of 3 warm) | first load ms | DOM elements |")
        print("|---|---:|---:|---:|")
        for p in pages:
            print(f"| `{p['page']}` | {p['load_ms_median']} | {p['load_ms_first']} | {p['elements']} |")
    if args.json:
        args.json.write_text(json.dumps({"corpus": corpus, "endpoints": rows, "pages": pages, "rss_mb": rss}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
