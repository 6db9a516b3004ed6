"""The SQLite store: one file, WAL mode, foreign keys on, FTS5, openable in Datasette.

Why these settings: WAL lets readers (Datasette, a notebook) look at the file while an
ingest writes; each batch is one transaction, so a Ctrl-C, `kill -9` or power cut leaves
the file at the last committed batch and a re-run continues from there (content hashes
make it skip what is stored). `synchronous=NORMAL` is safe in WAL mode (a power cut may
lose the last commit, never corrupt the file).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from peristiwa.store.dialect import SQLITE
from peristiwa.store.merge import MergeParams
from peristiwa.store.migrations import migrate
from peristiwa.store.sql import SQLStore

DEFAULT_DB = "peristiwa.db"


def _enable_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch to WAL, retrying while another process holds the lock.

    SQLite answers a journal-mode change with SQLITE_BUSY at once, without calling the busy
    handler, when a second process is creating the same new database; so two ingests started
    together would see "database is locked" although the connection timeout is 30 s.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class SQLiteStore(SQLStore):
    """`Store` implementation on one SQLite file (see `peristiwa.store.base.Store`).

    `any_thread` lets the connection be used from threads other than its creator's (one at a time):
    the web app opens a read-only store once and serves requests from a thread pool.
    """

    dialect = SQLITE

    def __init__(self, path: str | Path = DEFAULT_DB, *, merge_params: MergeParams | None = None,
                 readonly: bool = False, any_thread: bool = False) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"{self.path}: no such database (run `peristiwa ingest` first)")
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None, timeout=30,
                                        check_same_thread=not any_thread)
        else:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=not any_thread)
            _enable_wal(self.conn, timeout=30.0)
            self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys=ON")
        if not readonly:
            migrate(self.conn)
            self.merge_params = self._merge_settings(merge_params)
        else:
            self.merge_params = MergeParams.from_settings(self.settings())

    def is_query_error(self, exc: Exception) -> bool:
        return isinstance(exc, sqlite3.OperationalError)

    def __enter__(self) -> SQLiteStore:
        return self


__all__ = ["DEFAULT_DB", "SQLiteStore"]
