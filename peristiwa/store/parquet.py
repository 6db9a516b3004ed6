"""A coded corpus as a Parquet dataset: one folder per table, hive-partitioned by publication month.

    DIR/_peristiwa.json                         format version and the merge rule's parameters
    DIR/articles/month=2023-03/part-….parquet   one row per input document (any status)
    DIR/actors/ sentences/ mentions/ places/ time_refs/ quotes/ event_mentions/   same layout
    DIR/events/month=…/                         merged events, written by `peristiwa merge DIR`

Columns are those of the SQLite tables (docs/scale.md lists them; `store.rows` builds both),
plus `month` (``YYYY-MM`` of the article's publication date, or ``undated``) as the hive
partition. `article_id` is not a row number, which a dataset written by many batches (or
machines) cannot share, but the first 60 bits of the article's content hash as an integer:
stable across runs. Actors are written with every batch that uses them; dedupe on `id`.

Why this write order: each batch writes the extraction tables first and `articles` last, and
`has_content` reads `articles` only. A crash mid-batch can leave extraction rows whose
article row is missing; the articles are then coded again on the next run and their rows
written again with the same ids (event mention ids hash the content), so readers and the
merge drop duplicate ids and orphan rows.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from peristiwa.store.base import IngestRecord
from peristiwa.store.merge import MergeParams
from peristiwa.store.rows import (
    ACTOR_COLUMNS,
    EVENT_COLUMNS,
    EVENT_MENTION_COLUMNS,
    MENTION_COLUMNS,
    PLACE_COLUMNS,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
    TIME_COLUMNS,
    document_rows,
)

FORMAT_VERSION = 1
META_FILE = "_peristiwa.json"
UNDATED = "undated"
ARTICLE_COLUMNS = ("id", "doc_id", "content_hash", "origin", "url", "outlet", "title", "published", "language",
                   "detected_language", "language_score", "status", "error", "text", "n_chars", "tone", "warnings",
                   "ingested_at")
#: the extraction tables, in write order (articles always last)
TABLES: dict[str, tuple[str, ...]] = {
    "actors": ACTOR_COLUMNS, "sentences": SENTENCE_COLUMNS, "mentions": MENTION_COLUMNS, "places": PLACE_COLUMNS,
    "time_refs": TIME_COLUMNS, "quotes": QUOTE_COLUMNS, "event_mentions": EVENT_MENTION_COLUMNS,
    "articles": ARTICLE_COLUMNS,
}
_INTEGER = {"id:articles", "article_id", "idx", "sentence", "start_char", "end_char", "antecedent", "geonames_id",
            "speaker_mention", "evidence_start", "evidence_end", "trigger_start", "trigger_end", "source_start",
            "source_end", "source_mention", "target_start", "target_end", "target_mention", "place_geonames_id",
            "quad_class", "negated", "resolved", "n_chars", "global_event_id", "num_mentions", "num_sources",
            "num_articles", "first_article_id"}
_FLOAT = {"confidence", "lat", "lon", "goldstein", "place_lat", "place_lon", "language_score", "tone", "avg_tone"}


def article_key(content_hash: str) -> int:
    """The dataset's article id: the content hash's first 15 hex digits (60 bits) as an integer."""
    return int(content_hash[:15], 16)


def month_of(iso_date: str | None) -> str:
    return iso_date[:7] if iso_date and len(iso_date) >= 7 and iso_date[4] == "-" else UNDATED


def schema(table: str) -> Any:
    """The pyarrow schema of a table (with the `month` partition column last)."""
    import pyarrow as pa

    columns = EVENT_COLUMNS if table == "events" else TABLES[table]

    def kind(name: str) -> Any:
        if name in _INTEGER or f"{name}:{table}" in _INTEGER:
            return pa.int64()
        if name in _FLOAT:
            return pa.float64()
        if name == "is_root_event":
            return pa.bool_()
        return pa.string()

    fields = [pa.field(name, kind(name)) for name in columns]
    if table == "events":
        fields.append(pa.field("mention_ids", pa.list_(pa.string())))
    return pa.schema([*fields, pa.field("month", pa.string())])


def write_table(root: Path, table: str, rows: list[dict[str, Any]], tag: str) -> None:
    """Append rows to one table (one file per month partition, named after the batch `tag`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not rows:
        return
    data = pa.Table.from_pylist(rows, schema=schema(table))
    pq.write_to_dataset(data, root / table, partition_cols=["month"], basename_template=f"part-{tag}-{{i}}.parquet",
                        existing_data_behavior="overwrite_or_ignore")


class ParquetDataset:
    """A write sink (`has_content`, `write_batch`) over a dataset folder; see the module docstring."""

    def __init__(self, root: str | Path, merge_params: MergeParams | None = None) -> None:
        self.root = Path(root)
        if self.root.exists() and not self.root.is_dir():
            raise ValueError(f"{self.root}: exists and is not a folder")
        self.root.mkdir(parents=True, exist_ok=True)
        self.merge_params = self._meta(merge_params)
        self._hashes = self._stored_hashes()

    def _meta(self, requested: MergeParams | None) -> MergeParams:
        """The merge rule is fixed when the dataset is created, as in the SQLite store."""
        path = self.root / META_FILE
        if path.exists():
            params = read_params(self.root)
            if requested is not None and requested != params:
                raise ValueError(f"{self.root} was built with merge parameters {params}; cannot add {requested}")
            return params
        params = requested or MergeParams()
        path.write_text(json.dumps({"format": "peristiwa-parquet", "version": FORMAT_VERSION,
                                    "settings": params.to_settings()}, indent=2) + "\n", encoding="utf-8")
        return params

    def _stored_hashes(self) -> set[str]:
        import pyarrow.dataset as ds

        folder = self.root / "articles"
        if not folder.exists():
            return set()
        table = ds.dataset(folder, format="parquet", partitioning="hive").to_table(columns=["content_hash"])
        return set(table.column("content_hash").to_pylist())

    def has_content(self, content_hash: str) -> bool:
        return content_hash in self._hashes

    def update_metadata(self, content_hash: str, article: Any) -> bool:
        """Never updates: dataset files are written once and partitioned by publication month, so a changed
        date would have to move rows between partitions. A re-run counts the article as a duplicate; code
        into a new folder to change metadata."""
        return False

    def write_batch(self, records: Sequence[IngestRecord]) -> None:
        tag = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:12]}"
        now = datetime.now(UTC).isoformat(timespec="seconds")
        tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        for record in records:
            self._add(record, tables, now)
        for name in TABLES:  # articles last: see the module docstring
            write_table(self.root, name, tables[name], tag)
        self._hashes.update(r.content_hash for r in records)

    def _add(self, record: IngestRecord, tables: dict[str, list[dict[str, Any]]], now: str) -> None:
        article, doc = record.article, record.doc
        published = article.published.isoformat() if article and article.published else None
        month = month_of(published)
        aid = article_key(record.content_hash)
        text = article.text if article else None
        tables["articles"].append(dict(zip(ARTICLE_COLUMNS, (
            aid, article.id if article else None, record.content_hash, record.origin,
            article.url if article else None, article.source if article else None,
            article.title if article else None, published, article.language if article else None,
            record.detected_language, record.language_score, record.status, record.error, text,
            len(text) if text is not None else None, doc.tone if doc else None,
            json.dumps(doc.warnings, ensure_ascii=False) if doc and doc.warnings else None, now,
        ), strict=True), month=month))
        if doc is None or record.status != "done":
            return
        rows = document_rows(aid, record.content_hash, doc, self.merge_params.code_level)
        parts = {"actors": list(rows.actors.values()), "sentences": rows.sentences, "mentions": rows.mentions,
                 "places": rows.places, "time_refs": rows.times, "quotes": rows.quotes,
                 "event_mentions": rows.event_mentions}
        for name, values in parts.items():
            columns = TABLES[name]
            tables[name].extend(dict(zip(columns, row, strict=True), month=month) for row in values)

    def close(self) -> None:
        """Nothing to release (every batch is closed files); present so it reads like a store."""


def read_params(root: Path) -> MergeParams:
    """The merge parameters a dataset was built with; a clear error when `root` is not a dataset."""
    path = Path(root) / META_FILE
    if not path.exists():
        raise FileNotFoundError(f"{root}: not a peristiwa Parquet dataset (no {META_FILE}; "
                                "write one with `peristiwa code PATH… --out DIR`)")
    meta = json.loads(path.read_text(encoding="utf-8"))
    if meta.get("format") != "peristiwa-parquet" or int(meta.get("version", 0)) > FORMAT_VERSION:
        raise ValueError(f"{path}: unsupported dataset format {meta.get('format')!r} version {meta.get('version')}")
    return MergeParams.from_settings(meta.get("settings", {}))


__all__ = ["ARTICLE_COLUMNS", "META_FILE", "TABLES", "ParquetDataset", "article_key", "month_of", "read_params",
           "schema", "write_table"]
