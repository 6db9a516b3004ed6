"""The storage interface: what ingest, query, export and the CLI need from a database.

Why a Protocol: the SQLite implementation (`peristiwa.store.sqlite.SQLiteStore`) is the one
everyone uses today, but a PostgreSQL store for a newsroom server must be addable without
touching extraction or the CLI. Everything above this interface speaks in the plain
records below (dataclasses and dicts of column → value), never in SQL.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Protocol

from peristiwa.model import Article, Document

Status = Literal["done", "skipped", "failed"]


@dataclass(slots=True)
class IngestRecord:
    """One input document ready to be written, whatever became of it.

    `article` is None only when the input could not be read at all (binary file, broken
    JSON line); then `content_hash` identifies the input by its origin so a re-run does not
    record the same failure twice.
    """

    origin: str
    content_hash: str
    status: Status
    article: Article | None = None
    doc: Document | None = None
    error: str | None = None
    detected_language: str | None = None
    language_score: float | None = None


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters shared by `query`, `stats` and `export` (all optional, combined with AND).

    `actor` matches either side by CAMEO code prefix (``RUS`` matches ``RUSGOV``) or by
    name substring; `code` is a CAMEO code prefix (``11`` = the whole root, ``112`` = that
    base code); `country` (ISO3) matches the event's place country or either actor's
    country; `text` is an SQLite FTS5 query over article text, titles and quotes.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    code: str | None = None
    quad: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    place: str | None = None
    text: str | None = None


@dataclass(slots=True)
class StoreCounts:
    articles: dict[str, int] = field(default_factory=dict)  # by status
    event_mentions: int = 0
    resolved_mentions: int = 0
    events: int = 0
    actors: int = 0


class QueryError(ValueError):
    """A filter the store cannot run (e.g. an FTS query with a syntax error); message is for users."""


class Store(Protocol):
    """A place to keep articles, their extraction and merged events."""

    def has_content(self, content_hash: str) -> bool:
        """True when a document with this content hash is already stored (any status)."""
        ...

    def write_batch(self, records: Sequence[IngestRecord]) -> None:
        """Store the records and update merged events, atomically: all of the batch or none."""
        ...

    def events(self, filters: EventFilter, limit: int | None = None, *, context: bool = False
               ) -> Iterator[dict[str, Any]]:
        """Merged events matching the filters, newest event date first; with `context`, also the
        `article_id` and `sentence_text` of each event's first mention."""
        ...

    def event(self, ref: str) -> dict[str, Any] | None:
        """One merged event (by id or GDELT global id) with every mention, its article and sentence."""
        ...

    def event_mentions(self, filters: EventFilter, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Resolved event mentions of the matching events, with article fields."""
        ...

    def stats(self, filters: EventFilter, top: int = 20) -> dict[str, Any]:
        """Counts by root code, by actor pair and by day, plus totals."""
        ...

    def article(self, ref: str) -> dict[str, Any] | None:
        """One article and its whole extraction, by numeric id, input id or content hash prefix."""
        ...

    def counts(self) -> StoreCounts:
        ...

    def close(self) -> None:
        ...


__all__ = ["EventFilter", "IngestRecord", "QueryError", "Status", "Store", "StoreCounts"]
