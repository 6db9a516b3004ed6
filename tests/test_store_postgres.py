"""The PostgreSQL store against a real throwaway server: same results as SQLite, concurrent writers safe,
and `peristiwa serve` on a PostgreSQL database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pg_server import create_database

from peristiwa.store.base import EventFilter
from peristiwa.store.factory import open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "web_fixtures" / "articles.jsonl"


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "peristiwa.cli", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=600)


@pytest.fixture(scope="module")
def both(pg_server_url, tmp_path_factory):
    """The corpus ingested once into SQLite and once into PostgreSQL, by the real CLI."""
    sqlite_db = str(tmp_path_factory.mktemp("sq") / "s.db")
    pg = create_database(pg_server_url, "single")
    for db in (sqlite_db, pg):
        result = cli("ingest", str(CORPUS), "--db", db)
        assert result.returncode == 0, result.stderr
    return sqlite_db, pg


def _snapshot(db: str) -> dict:
    store = open_store(db, readonly=True)
    try:
        events = list(store.events(EventFilter(), context=True))
        return {
            "counts": store.counts(),
            "events": [{k: v for k, v in e.items() if k not in ("first_article_id", "article_id")} for e in events],
            "mentions": sorted((m["id"], m["event_id"]) for m in store.event_mentions(EventFilter())),
            "stats": store.stats(EventFilter()),
            "weeks": store.timeline(EventFilter(), "week"),
        }
    finally:
        store.close()


def test_postgres_equals_sqlite(both):
    sqlite_db, pg = both
    lite, post = _snapshot(sqlite_db), _snapshot(pg)
    assert post["counts"].articles.get("done", 0) >= 5
    assert post["counts"] == lite["counts"]
    assert post["events"] == lite["events"] and post["events"]
    assert post["mentions"] == lite["mentions"]
    assert post["stats"] == lite["stats"]
    assert post["weeks"] == lite["weeks"] and post["weeks"]


@pytest.mark.parametrize("filters", [
    EventFilter(actor="IDN"), EventFilter(code="04"), EventFilter(quad=4), EventFilter(country="IDN"),
    EventFilter(place="jakarta"), EventFilter(source="presiden"),
], ids=repr)
def test_filters_select_the_same_events(both, filters):
    results = []
    for db in both:
        with open_store(db, readonly=True) as store:
            results.append([e["id"] for e in store.events(filters)])
    assert results[0] == results[1]


def test_full_text_search_finds_the_same_articles(both):
    words = ["Jakarta", "presiden", "menteri OR polisi", '"Presiden Joko"', "pemerin*"]
    results = []
    for db in both:
        with open_store(db, readonly=True) as store:
            results.append({w: sorted(e["id"] for e in store.events(EventFilter(text=w))) for w in words})
    assert results[0] == results[1]
    assert sum(1 for ids in results[1].values() if ids) >= 3


def test_update_metadata_on_postgres(both, pg_server_url):
    from peristiwa.model import Article

    _, pg = both
    with open_store(pg) as store:
        row = store.conn.execute("SELECT content_hash, title FROM articles WHERE status = 'done' "
                                 "ORDER BY id LIMIT 1").fetchone()
        article = Article(id=None, text="", title="Judul baru")  # type: ignore[arg-type]
        assert store.update_metadata(row["content_hash"], article) is True
        assert store.update_metadata(row["content_hash"], article) is False  # nothing left to change
        assert store.conn.execute("SELECT title FROM articles WHERE content_hash = ?",
                                  (row["content_hash"],)).fetchone()[0] == "Judul baru"
        store.update_metadata(row["content_hash"], Article(id=None, text="", title=row["title"]))  # type: ignore[arg-type]


def test_cli_query_stats_export_on_a_url(both):
    sqlite_db, pg = both
    for command in (["stats", "--json"], ["stats"], ["query", "--format", "jsonl", "--limit", "0"], ["query"],
                    ["export", "--format", "jsonl"]):
        outputs = [cli(*command, "--db", db) for db in (sqlite_db, pg)]
        for out in outputs:
            assert out.returncode == 0, out.stderr
        assert outputs[0].stdout == outputs[1].stdout, command
        assert outputs[1].stdout.strip()
    bad = cli("query", "--db", pg, "--text", '"unbalanced')
    assert bad.returncode != 0 and "invalid" in bad.stderr
    missing = cli("stats", "--db", pg.replace("/single?", "/nosuchdb?"))
    assert missing.returncode != 0 and "cannot connect" in missing.stderr


def test_two_concurrent_ingests_equal_one(pg_server_url, both):
    _, single = both
    pg = create_database(pg_server_url, "concurrent")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "peristiwa.cli", "ingest", str(CORPUS), "--db", pg, "--batch", "2"]
    procs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    assert _snapshot(pg) == _snapshot(single)


def test_serve_on_postgres(pg_server_url, tmp_path):
    """A real `peristiwa serve --db postgresql://…`: the pages and the API answer from PostgreSQL."""
    import httpx
    from web_fixtures.webdb import build_db, serve

    pg = str(build_db(tmp_path / "web.db", create_database(pg_server_url, "web")))
    proc, base = serve(pg)
    try:
        events = httpx.get(base + "/api/events", params={"limit": 500}, timeout=30).json()
        with open_store(pg, readonly=True) as store:
            assert events["total"] == store.counts().events > 0
            assert [e["id"] for e in events["items"]] == [e["id"] for e in store.events(EventFilter())]
        first = events["items"][0]
        for path in ("/", "/timeline", "/articles", "/articles?q=presiden", "/events", f"/events/{first['id']}",
                     "/actors", "/network", "/map", "/search?q=Jakarta", "/api/health", "/api/stats",
                     "/api/quotes?q=kata", "/api/actors", "/api/timeline?period=week"):
            response = httpx.get(base + path, timeout=30)
            assert response.status_code == 200, (path, response.text[:500])
        assert first["id"] in httpx.get(base + "/events", timeout=30).text
        search = httpx.get(base + "/api/search", params={"q": "presiden"}, timeout=30).json()
        assert search["articles"], search
        bad = httpx.get(base + "/api/search", params={"q": '"unbalanced'}, timeout=30)
        assert bad.status_code == 400
    finally:
        proc.terminate()
        proc.wait(timeout=30)
