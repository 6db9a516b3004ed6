"""Open the store a `--db` value names: a `postgresql://` URL or an SQLite file path (the default)."""

from __future__ import annotations

from pathlib import Path

from peristiwa.store.merge import MergeParams
from peristiwa.store.sql import SQLStore


def open_store(db: str | Path, *, readonly: bool = False, merge_params: MergeParams | None = None,
               any_thread: bool = False) -> SQLStore:
    """PostgreSQL for `postgresql://…` / `postgres://…` URLs, else SQLite; same `Store` either way."""
    from peristiwa.store.postgres import is_postgres_url

    if is_postgres_url(str(db)):
        from peristiwa.store.postgres import PostgresStore

        return PostgresStore(str(db), readonly=readonly, merge_params=merge_params)
    from peristiwa.store.sqlite import SQLiteStore

    return SQLiteStore(db, readonly=readonly, merge_params=merge_params, any_thread=any_thread)


__all__ = ["open_store"]
