"""The PostgreSQL store against a real throwaway server: same results as SQLite, concurrent writers safe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pg_server import pg_server, skip_reason

pytestmark = pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or "")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "web_fixtures" / "articles.jsonl"


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "peristiwa.cli", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=600)


@pytest.fixture(scope="module")
def server():
    with pg_server() as url:
        yield url


def _db(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.replace("/postgres?", f"/{name}?")


@pytest.fixture(scope="module")
def both(server, tmp_path_factory):
    """The corpus ingested once into SQLite and once into PostgreSQL, by the real CLI."""
    sqlite_db = str(tmp_path_factory.mktemp("sq") / "s.db")
    pg = _db(server, "single")
    for db in (sqlite_db, pg):
        result = cli("ingest", str(CORPUS), "--db", db)
        assert result.returncode == 0, result.stderr
    return sqlite_db, pg


def _snapshot(db: str) -> dict:
    from peristiwa.store.base import EventFilter
    from peristiwa.store.factory import open_store

    store = open_store(db, readonly=True)
    try:
        events = list(store.events(EventFilter(), context=True))
        return {
            "counts": store.counts(),
            "events": [{k: v for k, v in e.items() if k not in ("first_article_id", "article_id")} for e in events],
            "mentions": sorted((m["id"], m["event_id"]) for m in store.event_mentions(EventFilter())),
            "stats": store.stats(EventFilter()),
        }
    finally:
        store.close()


def test_postgres_equals_sqlite(both):
    sqlite_db, pg = both
    lite, post = _snapshot(sqlite_db), _snapshot(pg)
    assert post["counts"].articles.get("done", 0) >= 5
    assert post["counts"] == lite["counts"]
    assert post["events"] == lite["events"]
    assert post["mentions"] == lite["mentions"]
    assert post["stats"] == lite["stats"]


def test_full_text_search_finds_the_same_articles(both):
    from peristiwa.store.base import EventFilter
    from peristiwa.store.factory import open_store

    words = ["Jakarta", "presiden", "menteri OR polisi", '"Presiden Joko"']
    results = []
    for db in both:
        store = open_store(db, readonly=True)
        results.append({w: sorted(e["id"] for e in store.events(EventFilter(text=w))) for w in words})
        store.close()
    assert results[0] == results[1]
    assert any(results[1].values())


def test_cli_query_stats_export_on_a_url(both):
    sqlite_db, pg = both
    for command in (["stats", "--json"], ["query", "--format", "jsonl", "--limit", "0"],
                    ["export", "--format", "jsonl"]):
        outputs = [cli(*command, "--db", db) for db in (sqlite_db, pg)]
        for out in outputs:
            assert out.returncode == 0, out.stderr
        assert outputs[0].stdout == outputs[1].stdout, command
        assert outputs[1].stdout.strip()
    bad = cli("query", "--db", pg, "--text", '"unbalanced')
    assert bad.returncode != 0 and "invalid" in bad.stderr


def test_two_concurrent_ingests_equal_one(server, both):
    _, single = both
    pg = _db(server, "concurrent")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "peristiwa.cli", "ingest", str(CORPUS), "--db", pg, "--batch", "2"]
    procs = [subprocess.Popen(command,
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    assert _snapshot(pg) == _snapshot(single)

