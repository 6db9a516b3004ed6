"""The event store: ingest articles into SQLite or PostgreSQL, merge event mentions into events, query and export.

Entry points: `peristiwa.store.factory.open_store` (an `SQLiteStore` or a `PostgresStore`, the `Store`
in `base.py`, sharing their SQL in `sql.py`),
`peristiwa.store.ingest.Ingestor`, `peristiwa.store.readers.iter_inputs`,
`peristiwa.store.export.export`; the CLI commands are in `peristiwa.cli_store`. See docs/store.md.
"""
