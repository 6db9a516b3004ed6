"""The event store: ingest articles into SQLite, merge event mentions into events, query and export.

Entry points: `peristiwa.store.sqlite.SQLiteStore` (the `Store` in `base.py`),
`peristiwa.store.ingest.Ingestor`, `peristiwa.store.readers.iter_inputs`,
`peristiwa.store.export.export`; the CLI commands are in `peristiwa.cli_store`. See docs/store.md.
"""
