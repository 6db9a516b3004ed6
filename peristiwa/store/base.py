"""The storage interface: what ingest, query, export and the CLI need from a database.

Why a Protocol: the SQLite implementation (`peristiwa.store.sqlite.SQLiteStore`) is the one
everyone uses today, but a PostgreSQL store for a newsroom server must be addable without
touching extraction or the CLI. Everything above this interface speaks in the plain
records below (dataclasses and dicts of column → value), never in SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
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


Period = Literal["day", "week", "month"]
PERIODS: tuple[Period, ...] = ("day", "week", "month")
# Which event dates can be placed in a period: a month-precise date belongs to no day or week.
PERIOD_GRANULARITIES: dict[str, tuple[str, ...]] = {"day": ("day",), "week": ("day",), "month": ("day", "month")}
# Actor identity wherever actors are counted or listed: the KB id when linked, else the name.
# (A stored actor row is an actor *as resolved*, with its role and code at the time; one
# politician with two offices is two rows but one actor.)
ACTOR_KEY = "coalesce({a}.kb_id, 'name:' || {a}.name)"


@dataclass(slots=True)
class StoreCounts:
    """The store-wide counts, named the same in the ingest summary, `stats`, the dashboard,
    `/api/health` and export messages (docs/store.md, "Counts"):

    - `events`: merged events (what export writes, one row each);
    - `event_mentions`: every stored sentence-level event mention, resolved or not;
    - `resolved_mentions`: the mentions with both a code and an actor, the ones merged into
      events and exported as GDELT mentions (the sum of the events' `num_mentions`);
    - `actors`: distinct actors by identity (`ACTOR_KEY`), not actor rows.
    """

    articles: dict[str, int] = field(default_factory=dict)  # by status
    event_mentions: int = 0
    resolved_mentions: int = 0
    events: int = 0
    actors: int = 0

    def line(self) -> str:
        """One line for the end of `peristiwa ingest`, in the words the other front ends use."""
        return (f"{self.events} events, {self.event_mentions} event mentions ({self.resolved_mentions} resolved), "
                f"{self.actors} actors, {self.articles.get('done', 0)} articles extracted")

    def as_dict(self) -> dict[str, Any]:
        return {"articles": dict(self.articles), "events": self.events, "event_mentions": self.event_mentions,
                "resolved_mentions": self.resolved_mentions, "actors": self.actors}


class QueryError(ValueError):
    """A filter the store cannot run (e.g. an FTS query with a syntax error); message is for users."""


class Store(Protocol):
    """A place to keep articles, their extraction and merged events."""

    def has_content(self, content_hash: str) -> bool:
        """True when a document with this content hash is already stored (any status)."""
        ...

    def update_metadata(self, content_hash: str, article: Article) -> bool:
        """Give the stored article with this content hash the input's metadata (doc id, URL, outlet,
        title, published; fields the input leaves empty are kept). True when something changed.
        Extraction is not redone: events keep the dates and roles anchored on the old `published`."""
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

    def stats(self, filters: EventFilter, top: int = 20, period: Period = "day") -> dict[str, Any]:
        """Counts by root code, by actor pair and by period (`timeline`), plus totals."""
        ...

    def timeline(self, filters: EventFilter, period: Period = "day") -> list[dict[str, Any]]:
        """Matching events per day, ISO week (``2023-W19``) or month, oldest first: one row per period
        with `events`, `mentions` (resolved) and `q1`…`q4` (events per QuadClass); periods without
        events are absent. Events dated less precisely than the period are left out."""
        ...

    def article(self, ref: str) -> dict[str, Any] | None:
        """One article and its whole extraction, by numeric id, input id or content hash prefix."""
        ...

    def counts(self) -> StoreCounts:
        ...

    def close(self) -> None:
        ...


def period_rows(rows: Iterable[tuple[str, int | None, int, int | None]], period: Period) -> list[dict[str, Any]]:
    """Rows of (date prefix, quad_class, events, mentions) → one `timeline` row per period.

    ISO weeks are computed here rather than in SQL because SQLite before 3.46 has no `%V` (and
    PostgreSQL spells it differently), so every store groups by day in SQL and by week here.
    """
    out: dict[str, dict[str, Any]] = {}
    for key, quad, events, mentions in rows:
        if period == "week":
            try:
                iso = date.fromisoformat(key).isocalendar()
            except ValueError:
                continue
            key = f"{iso.year}-W{iso.week:02d}"
        item = out.setdefault(key, {"period": key, "events": 0, "mentions": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0})
        item["events"] += events
        item["mentions"] += mentions or 0
        if quad in (1, 2, 3, 4):
            item[f"q{quad}"] += events
    return [out[k] for k in sorted(out)]


__all__ = ["ACTOR_KEY", "PERIODS", "PERIOD_GRANULARITIES", "EventFilter", "IngestRecord", "Period", "QueryError",
           "Status", "Store", "StoreCounts", "period_rows"]
