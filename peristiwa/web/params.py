"""Request parameters shared by the API and the pages, validated once (bad input → 4xx with a message).

Why FastAPI dependencies: the same filter names (`actor`, `code`, `from`, …) mean the same
thing on `/api/events`, `/api/stats`, `/events` and the dashboard, and match the options of
`peristiwa query`. Validation (patterns, ranges, page-size caps) lives here, so routes
receive typed values only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from peristiwa.store.base import EventFilter
from peristiwa.web.queries import GraphFilter

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 50
MAX_QUERY_CHARS = 200


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Page size (1-{MAX_PAGE_SIZE}).")]
    = DEFAULT_PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")] = 0,
) -> Paging:
    return Paging(limit, offset)


def _check_range(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, f"'from' ({date_from}) is after 'to' ({date_to})")


Text = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]


def event_filter(
    actor: Annotated[str | None, Query(max_length=100, description="Either side: CAMEO code prefix, name or KB id.")]
    = None,
    source: Annotated[str | None, Query(max_length=100, description="Source actor: code prefix, name or KB id.")]
    = None,
    target: Annotated[str | None, Query(max_length=100, description="Target actor: code prefix, name or KB id.")]
    = None,
    code: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code prefix: 11 (root), 112.")]
    = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4.")] = None,
    date_from: Annotated[date | None, Query(alias="from", description="Event date from (YYYY-MM-DD).")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Event date to (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 of place or actor.")] = None,
    place: Annotated[str | None, Query(max_length=100, description="Place name substring.")] = None,
    text: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="FTS5 query over articles and "
                                                                              "quotes.")] = None,
) -> EventFilter:
    """The filters of `peristiwa query`, as query parameters."""
    _check_range(date_from, date_to)
    return EventFilter(actor=actor, source=source, target=target, code=code, quad=quad, date_from=date_from,
                       date_to=date_to, country=country, place=place, text=text)


def graph_filter(
    date_from: Annotated[date | None, Query(alias="from", description="Event date from (YYYY-MM-DD).")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Event date to (YYYY-MM-DD).")] = None,
    root: Annotated[list[str] | None, Query(description="CAMEO root codes (repeatable), e.g. 04, 19.")] = None,
    min_mentions: Annotated[int, Query(ge=1, le=100_000, description="Minimum mentions per event.")] = 1,
    quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4.")] = None,
    actor: Annotated[str | None, Query(max_length=100, description="Either side: code prefix or name.")] = None,
    generic: Annotated[bool, Query(description="Network: also show generic and unresolved actors.")] = False,
) -> GraphFilter:
    """Filters of the network and map views."""
    _check_range(date_from, date_to)
    roots = tuple(sorted({r.strip() for r in root or () if r.strip()}))
    for r in roots:
        if not (r.isdigit() and len(r) == 2):
            raise HTTPException(422, f"root must be a two-digit CAMEO root code such as 04 or 19, got {r!r}")
    return GraphFilter(date_from=date_from, date_to=date_to, roots=roots, min_mentions=min_mentions, quad=quad,
                       actor=actor, generic=generic)


__all__ = ["DEFAULT_PAGE_SIZE", "MAX_PAGE_SIZE", "Paging", "event_filter", "graph_filter", "paging"]
