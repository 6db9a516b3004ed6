"""The JSON API under /api (OpenAPI docs at /docs).

Read-only unless the server was started with `--allow-writes`: then `POST /api/extract` with
`"store": true` and `POST /api/articles` write to the database; otherwise they answer 403.
Errors are `{"error": message}` with a 4xx status (see `peristiwa.web.app`).
"""

from __future__ import annotations

import csv
import hmac
import io
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from peristiwa.store.base import EventFilter, Period
from peristiwa.web.annotate import document_view
from peristiwa.web.params import MAX_QUERY_CHARS, Paging, event_filter, graph_filter, paging
from peristiwa.web.queries import GraphFilter, WebQueries
from peristiwa.web.state import WebState

router = APIRouter(prefix="/api")


def state(request: Request) -> WebState:
    return request.app.state.web


def queries(request: Request):
    """One read-only connection per request, closed afterwards."""
    with state(request).queries() as q:
        yield q


Q = Annotated[WebQueries, Depends(queries)]
Pg = Annotated[Paging, Depends(paging)]
Filt = Annotated[EventFilter, Depends(event_filter)]
GFilt = Annotated[GraphFilter, Depends(graph_filter)]
St = Annotated[WebState, Depends(state)]


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt field ("date") is an error, not silently ignored

    text: str = Field(description="Article text (Indonesian); limited by the server's --max-text.")
    published: date | None = Field(None, description="Publication date: anchors relative dates and actor roles.")
    title: str | None = Field(None, max_length=1000)
    store: bool = Field(False, description="Also store the article (needs --allow-writes).")


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    published: date | None = None
    title: str | None = Field(None, max_length=1000)


@router.get("/health", summary="Server status and the store's counts (named as in `peristiwa stats`)")
def health(st: St, q: Q) -> dict[str, Any]:
    return {"ok": True, "allow_writes": st.settings.allow_writes, **q.store.counts().as_dict()}


# --- articles ---------------------------------------------------------------------------
@router.get("/articles", summary="List or full-text search articles")
def list_articles(q: Q, page: Pg,
                  query: Annotated[str | None, Query(alias="q", max_length=MAX_QUERY_CHARS,
                                                     description="FTS5 query over titles and text.")] = None,
                  status: Literal["done", "skipped", "failed"] | None = None) -> dict[str, Any]:
    return q.articles_page(query, status, page.limit, page.offset).as_dict()


@router.get("/articles/{ref}", summary="One article with its whole extraction")
def get_article(q: Q, ref: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
    article = q.store.article(ref)
    if article is None:
        raise HTTPException(404, f"no article {ref!r} (use a numeric id, input id or content-hash prefix)")
    article["event_mentions"] = q.article_events(article["id"])
    return article


@router.post("/articles", status_code=201, summary="Extract and store an article (needs --allow-writes)")
def post_article(st: St, body: ArticleIn, request: Request) -> dict[str, Any]:
    _require_writes(st, request)
    _check_text(st, body.text)
    doc = st.extract(body.text, body.published, body.title)
    article_id, new = st.store_document(doc)
    return {"id": article_id, "stored": new, "events": len(doc.events)}


# --- events -----------------------------------------------------------------------------
@router.get("/events", summary="Merged events (filters as in `peristiwa query`), paginated")
def list_events(q: Q, f: Filt, page: Pg) -> dict[str, Any]:
    return q.events_page(f, page.limit, page.offset).as_dict()


@router.get("/events/{event_id}", summary="One event and its mentions with provenance")
def get_event(q: Q, event_id: Annotated[str, Path(max_length=40)]) -> dict[str, Any]:
    event = q.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return event


# --- actors -----------------------------------------------------------------------------
@router.get("/actors", summary="Search actors (name, CAMEO code prefix or KB id)")
def list_actors(q: Q, page: Pg,
                query: Annotated[str | None, Query(alias="q", max_length=100)] = None) -> dict[str, Any]:
    return q.actors_page(query, page.limit, page.offset).as_dict()


@router.get("/actors/{key:path}", summary="Actor profile: KB aliases, roles, events, counterparts, quotes")
def get_actor(q: Q, st: St, key: Annotated[str, Path(max_length=200)],
              counterpart: Annotated[str | None, Query(max_length=200,
                                                       description="Actor key: Goldstein over time with it")] = None,
              limit: Annotated[int, Query(ge=1, le=500)] = 20) -> dict[str, Any]:
    return actor_profile(q, st, key, counterpart, limit)


def actor_profile(q: WebQueries, st: WebState, key: str, counterpart: str | None, limit: int) -> dict[str, Any]:
    """Everything the actor page and `/api/actors/{key}` show (404 when the actor is unknown)."""
    profile = q.actor(key)
    if profile is None:
        raise HTTPException(404, f"no actor {key!r} (keys are KB ids, or name:<name> for unlinked actors)")
    entry = st.kb_entries().get(profile["kb_id"] or "")
    profile["kb"] = None if entry is None else {
        "id": entry.id, "kind": entry.kind, "name": entry.name, "aliases": list(entry.aliases),
        "short": list(entry.short), "country": entry.country, "code": entry.code, "source_file": entry.source_file,
        "roles": [{"role": r.role, "title": r.title, "country": r.country, "org": r.org,
                   "from": r.start.isoformat() if r.start else None, "to": r.end.isoformat() if r.end else None}
                  for r in entry.roles]}
    profile["counterparts"] = q.counterparts(key)
    profile["events_as_source"] = q.actor_events(key, "source", limit).items
    profile["events_as_target"] = q.actor_events(key, "target", limit).items
    profile["quotes"] = q.quotes_page(None, None, limit, 0, speaker_key=key).items
    chosen = counterpart or (profile["counterparts"][0]["key"] if profile["counterparts"] else None)
    profile["counterpart"] = chosen
    profile["goldstein"] = q.goldstein_series(key, chosen) if chosen else []
    return profile


# --- quotes, search, stats ----------------------------------------------------------------
@router.get("/quotes", summary="Search quotes by text (FTS5) and/or speaker")
def list_quotes(q: Q, page: Pg,
                query: Annotated[str | None, Query(alias="q", max_length=MAX_QUERY_CHARS)] = None,
                speaker: Annotated[str | None, Query(max_length=100,
                                                     description="Name substring, code prefix or KB id")] = None,
                ) -> dict[str, Any]:
    return q.quotes_page(query, speaker, page.limit, page.offset).as_dict()


@router.get("/search", summary="Full-text search over articles and quotes")
def search(q: Q, query: Annotated[str, Query(alias="q", min_length=1, max_length=MAX_QUERY_CHARS)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, Any]:
    articles = q.search_articles(query, limit)
    for a in articles:
        a["snippet"] = (a["snippet"] or "").replace("\x02", "[").replace("\x03", "]")
    return {"articles": articles, "quotes": q.quotes_page(query, None, limit, 0).items}


@router.get("/stats", summary="Counts by period and QuadClass, by root, by QuadClass, by actor pair")
def stats(q: Q, f: Filt, period: Period = "day", top: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, Any]:
    return q.stats(f, period, top)


TIMELINE_COLUMNS = ("period", "events", "mentions", "q1", "q2", "q3", "q4")


@router.get("/timeline", summary="Events per day, ISO week or month by QuadClass (JSON or CSV)")
def timeline(q: Q, f: Filt, period: Period = "week",
             fmt: Annotated[Literal["json", "csv"], Query(alias="format")] = "json") -> Any:
    """The series of the /timeline page and `peristiwa stats --period`; `events` counts every matching
    event, `dated_events` those precise enough to fall into a period (the rows' sum)."""
    rows = q.store.timeline(f, period)
    if fmt == "csv":
        return Response(timeline_csv(rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="peristiwa-timeline-{period}.csv"'})
    return {"period": period, "events": q.count_events(f), "dated_events": sum(r["events"] for r in rows),
            "rows": rows}


def timeline_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TIMELINE_COLUMNS)
    writer.writerows([r[c] for c in TIMELINE_COLUMNS] for r in rows)
    return out.getvalue()


# --- network and map ----------------------------------------------------------------------
@router.get("/network", summary="Actor-to-actor graph: edges with event counts and mean Goldstein")
def network(q: Q, g: GFilt, max_edges: Annotated[int, Query(ge=1, le=1000)] = 150,
            top: Annotated[int, Query(ge=2, le=200, description="Actors to keep (most events first).")] = 200,
            ) -> dict[str, Any]:
    return q.network(g, max_edges, top)


@router.get("/network/edge", summary="The events behind one network edge")
def network_edge(q: Q, g: GFilt, source: Annotated[str, Query(max_length=200)],
                 target: Annotated[str, Query(max_length=200)],
                 limit: Annotated[int, Query(ge=1, le=500)] = 100) -> dict[str, Any]:
    return {"source": source, "target": target, "events": q.edge_events(g, source, target, limit)}


@router.get("/map", summary="Event places with coordinates (one point per place)")
def map_points(q: Q, g: GFilt, limit: Annotated[int, Query(ge=1, le=5000)] = 2000) -> dict[str, Any]:
    return {"points": q.map_points(g, limit)}


@router.get("/map/place", summary="The events at one map point")
def map_place(q: Q, g: GFilt, lat: Annotated[float, Query(ge=-90, le=90)],
              lon: Annotated[float, Query(ge=-180, le=180)],
              limit: Annotated[int, Query(ge=1, le=500)] = 100) -> dict[str, Any]:
    return {"lat": lat, "lon": lon, "events": q.place_events(g, lat, lon, limit)}


# --- extraction -----------------------------------------------------------------------------
@router.post("/extract", summary="Extract events from a text (stored only with --allow-writes and store=true)")
def extract(st: St, body: ExtractRequest, request: Request) -> dict[str, Any]:
    _check_text(st, body.text)
    if body.store:
        _require_writes(st, request)
    doc = st.extract(body.text, body.published, body.title)
    result: dict[str, Any] = {"document": doc.to_dict(), "view": document_view(doc), "stored": False}
    if body.store:
        result["article_id"], result["stored"] = st.store_document(doc)
    return result


def _check_text(st: WebState, text: str) -> None:
    if not text.strip():
        raise HTTPException(422, "text is empty")
    if len(text) > st.settings.max_text_chars:
        raise HTTPException(413, f"text has {len(text):,} characters; this server accepts at most "
                                 f"{st.settings.max_text_chars:,}")


def _require_writes(st: WebState, request: Request) -> None:
    if not st.settings.allow_writes:
        raise HTTPException(403, "this server is read-only; start it with `peristiwa serve --allow-writes` "
                                 "to store articles")
    token = st.settings.token
    if token is not None:
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            raise HTTPException(401, "writes on this server need `Authorization: Bearer <token>` "
                                     "(the --token it was started with)")


__all__ = ["actor_profile", "router"]
