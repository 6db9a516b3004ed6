"""The SQLite schema: pragmas, FTS, views, and upgrading an old database."""

from __future__ import annotations

import sqlite3

import pytest

from peristiwa.store.merge import MergeParams
from peristiwa.store.migrations import MIGRATIONS, SCHEMA_VERSION, current_version, migrate
from peristiwa.store.sqlite import SQLiteStore


def test_new_database_has_schema_wal_and_foreign_keys(tmp_path):
    with SQLiteStore(tmp_path / "new.db") as store:
        conn = store.conn
        assert current_version(conn) == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        for table in ("articles", "sentences", "actors", "mentions", "places", "time_refs", "quotes", "events",
                      "event_mentions", "articles_fts", "quotes_fts", "events_readable",
                      "event_mentions_readable", "articles_overview", "schema_version"):
            assert table in names, table
        for view in ("events_readable", "event_mentions_readable", "articles_overview"):
            conn.execute(f"SELECT * FROM {view} LIMIT 1").fetchall()
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO sentences VALUES (999, 0, 0, 1)")  # no such article


def test_reopening_does_not_reapply_migrations(tmp_path):
    path = tmp_path / "db.sqlite"
    SQLiteStore(path).close()
    with SQLiteStore(path) as store:
        assert store.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_old_database_is_upgraded_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:1])
    conn.execute("INSERT INTO articles(content_hash, origin, status, ingested_at) VALUES ('h', 'o', 'failed', 'now')")
    v2 = "ALTER TABLE articles ADD COLUMN section TEXT;\nCREATE INDEX articles_section ON articles(section);"
    assert migrate(conn, (*MIGRATIONS[:1], v2)) == 2
    assert current_version(conn) == 2
    assert conn.execute("SELECT content_hash, section FROM articles").fetchall() == [("h", None)]
    conn.close()


def test_newer_database_is_refused(tmp_path):
    conn = sqlite3.connect(tmp_path / "future.db", isolation_level=None)
    migrate(conn)
    conn.execute("INSERT INTO schema_version VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    with pytest.raises(RuntimeError, match="newer"):
        migrate(conn)


def test_merge_parameters_are_fixed_at_creation(tmp_path):
    path = tmp_path / "p.db"
    SQLiteStore(path, merge_params=MergeParams(date_tolerance_days=2)).close()
    with SQLiteStore(path) as store:
        assert store.merge_params.date_tolerance_days == 2
    with pytest.raises(ValueError, match="merge parameters"):
        SQLiteStore(path, merge_params=MergeParams(date_tolerance_days=0))
