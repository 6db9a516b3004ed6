"""The PostgreSQL store: the same schema, queries and merge rule as SQLite, over psycopg 3.

Why a thin connection wrapper: the shared SQL (`sql.py`, the web app's queries) is written
with `?` parameters and SQLite's case-insensitive LIKE; `PgConnection` turns `?` into
psycopg's `%s` and LIKE into ILIKE, returns rows usable as `row[0]`, `row["name"]` and
`dict(row)`, and loads NUMERIC as int/float; parameters are bound client-side. Concurrency: every write batch takes one
transaction-scoped advisory lock, so two `ingest` processes queue their batches exactly as
SQLite's `BEGIN IMMEDIATE` does (extraction still runs in parallel) and `ON CONFLICT` skips
an article the other process stored first; readers see only committed batches (MVCC).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from peristiwa.store.dialect import POSTGRES
from peristiwa.store.merge import MergeParams
from peristiwa.store.migrations import migrate
from peristiwa.store.sql import SQLStore

WRITE_LOCK = 0x70657269  # advisory lock id held by the one writing transaction ("peri")
URL_PREFIXES = ("postgresql://", "postgres://")
_LIKE = re.compile(r"\bLIKE\b")


def is_postgres_url(db: object) -> bool:
    return isinstance(db, str) and db.startswith(URL_PREFIXES)


def redact_url(db: str) -> str:
    """The `--db` value as it may be printed: a URL's user and password removed."""
    return re.sub(r"//[^@/]*@", "//", db)


class Row(tuple):
    """A result row readable by position and by column name, like `sqlite3.Row`."""

    _names: tuple[str, ...]

    def __new__(cls, names: tuple[str, ...], values: Sequence[Any]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def keys(self) -> tuple[str, ...]:
        return self._names

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names.index(key))
        return tuple.__getitem__(self, key)


def _row_factory(cursor):
    names = tuple(c.name for c in cursor.description or ())
    return lambda values: Row(names, values)


@functools.lru_cache(maxsize=1024)
def _sql(sql: str) -> str:
    """The shared (SQLite-style) SQL in psycopg's form; cached, as a store runs the same few statements
    for every row it writes."""
    return _LIKE.sub("ILIKE", sql.replace("%", "%%").replace("?", "%s"))


def _params(params: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(int(p) if isinstance(p, bool) else p for p in params)


class PgConnection:
    """The subset of a `sqlite3.Connection` the shared SQL uses, over an autocommit psycopg connection."""

    def __init__(self, url: str, readonly: bool) -> None:
        import psycopg
        from psycopg.adapt import Loader

        class NumericLoader(Loader):
            """sum()/round() give NUMERIC; SQLite gives int or float, so do we."""

            def load(self, data):  # type: ignore[override]
                text = bytes(data).decode()
                return float(text) if any(c in text for c in ".eEN") else int(text)

        # client-side binding: parameters become literals, so `? IS NOT NULL` and other untyped uses
        # of a parameter resolve as in SQLite instead of failing on an unknown parameter type
        self.raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory, cursor_factory=psycopg.ClientCursor)
        self.raw.adapters.register_loader("numeric", NumericLoader)
        if readonly:
            self.raw.execute("SET default_transaction_read_only = on")

    def execute(self, sql: str, params: Sequence[Any] | None = None):
        if sql == "BEGIN IMMEDIATE":
            self.raw.execute("BEGIN")
            return self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        if params is None:
            return self.raw.execute(sql)
        return self.raw.execute(_sql(sql), _params(params))

    def executemany(self, sql: str, rows) -> None:
        rows = [_params(r) for r in rows]
        if rows:
            with self.raw.cursor() as cursor:
                cursor.executemany(_sql(sql), rows)

    def close(self) -> None:
        self.raw.close()


class PostgresStore(SQLStore):
    """`Store` implementation on a PostgreSQL database given as a `postgresql://` URL."""

    dialect = POSTGRES

    def __init__(self, url: str, *, merge_params: MergeParams | None = None, readonly: bool = False) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise RuntimeError("a postgresql:// database needs psycopg: pip install 'peristiwa[postgres]'") from exc

        self.location = redact_url(url)  # never print a password
        try:
            self.conn = PgConnection(url, readonly)
        except psycopg.OperationalError as exc:
            raise FileNotFoundError(f"{self.location}: cannot connect ({str(exc).strip()})") from exc
        if readonly:
            if not self.conn.execute(self.dialect.table_exists(), ("articles",)).fetchone():
                self.conn.close()
                raise FileNotFoundError(f"{self.location}: no peristiwa schema (run `peristiwa ingest` first)")
            self.merge_params = MergeParams.from_settings(self.settings())
            return
        # two processes opening a new database at once: one migrates, the other waits and finds it done
        self.conn.execute("SELECT pg_advisory_lock(?)", (WRITE_LOCK + 1,))
        try:
            migrate(self.conn, dialect=POSTGRES)
            self.merge_params = self._merge_settings(merge_params)
        finally:
            self.conn.execute("SELECT pg_advisory_unlock(?)", (WRITE_LOCK + 1,))

    def is_query_error(self, exc: Exception) -> bool:
        import psycopg

        return isinstance(exc, psycopg.errors.SyntaxError | psycopg.errors.DataError)

    def __enter__(self) -> PostgresStore:
        return self


__all__ = ["PgConnection", "PostgresStore", "Row", "is_postgres_url", "redact_url"]
