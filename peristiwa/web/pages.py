"""Server-rendered HTML pages: dashboard, articles, events, actors, network, map, search, "Try it".

Why server-rendered: every page is complete HTML from the first byte (charts and graphs are
inline SVG), so it is fast, works offline and without JavaScript, and is readable by screen
readers; `static/app.js` only adds the event explanation pop-over and side panels.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path as FsPath
from typing import Annotated, Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from peristiwa.store.base import EventFilter
from peristiwa.web.annotate import QUAD_NAMES, annotate, document_view, events_json
from peristiwa.web.api import actor_profile, queries, state
from peristiwa.web.charts import QUAD_LABELS, goldstein_colour, goldstein_line, quad_bars, quad_legend
from peristiwa.web.graph import map_svg, network_svg
from peristiwa.web.params import MAX_QUERY_CHARS, Paging, event_filter, graph_filter, paging
from peristiwa.web.queries import GraphFilter, WebQueries
from peristiwa.web.state import WebState

router = APIRouter(include_in_schema=False)


def safe_url(url: object) -> str | None:
    """The URL when it is http(s), else None: a stored `javascript:` or `data:` URL must never become a link."""
    text = str(url or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None


templates = Jinja2Templates(directory=str(FsPath(__file__).parent / "templates"))
templates.env.filters["actor_url"] = lambda key: "/actors/" + quote(str(key), safe=":")
templates.env.filters["gcolour"] = goldstein_colour
templates.env.filters["safe_url"] = safe_url
templates.env.globals.update(QUAD_NAMES=QUAD_NAMES, QUAD_LABELS=QUAD_LABELS)

Q = Annotated[WebQueries, Depends(queries)]
St = Annotated[WebState, Depends(state)]
Pg = Annotated[Paging, Depends(paging)]
Filt = Annotated[EventFilter, Depends(event_filter)]
GFilt = Annotated[GraphFilter, Depends(graph_filter)]


def page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"allow_writes": request.app.state.web.settings.allow_writes,
                                                      **context})


def _query_items(request: Request, drop: tuple[str, ...] = ("offset",)) -> list[tuple[str, str]]:
    return [(k, v) for k, v in request.query_params.multi_items() if k not in drop and v != ""]


def _pager(request: Request, total: int, limit: int, offset: int) -> dict[str, Any]:
    base = _query_items(request, ("offset",))

    def link(off: int) -> str:
        return "?" + urlencode([*base, ("offset", str(off))])

    return {"total": total, "start": offset + 1 if total else 0, "end": min(total, offset + limit),
            "prev": link(max(0, offset - limit)) if offset > 0 else None,
            "next": link(offset + limit) if offset + limit < total else None}


MAX_CHART_PERIODS = 120
DEFAULT_NETWORK_NODES = 30
MAX_NETWORK_NODES = 120


def auto_period(first: str | None, last: str | None) -> str:
    """Days for up to two months of news, weeks up to two years, else months: a readable number of bars."""
    if not first or not last:
        return "week"
    span = (date.fromisoformat(last) - date.fromisoformat(first)).days
    return "day" if span <= 62 else "week" if span <= 730 else "month"


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, q: Q, f: Filt,
              period: Annotated[str, Query(pattern="^(auto|day|week|month)$")] = "auto") -> HTMLResponse:
    chosen = auto_period(*q.date_range()) if period == "auto" else period
    stats = q.stats(f, chosen, 10)
    shown = stats["by_period"][-MAX_CHART_PERIODS:]
    recent = q.articles_page(None, "done", 10, 0).items
    return page(request, "dashboard.html", stats=stats, chart=quad_bars(shown), legend=quad_legend(), shown=shown,
                recent=recent, period=chosen, f=f, cut=len(stats["by_period"]) - len(shown))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, q: Q, f: Filt,
             period: Annotated[str, Query(pattern="^(auto|day|week|month)$")] = "auto") -> HTMLResponse:
    """Events per period by QuadClass for any event filter, with the same series as CSV (`/api/timeline`)."""
    chosen = auto_period(*q.date_range()) if period == "auto" else period
    rows = q.store.timeline(f, chosen)  # type: ignore[arg-type]
    shown = rows[-MAX_CHART_PERIODS:]
    items = [*_query_items(request, ("offset", "period", "format")), ("period", chosen)]
    return page(request, "timeline.html", f=f, period=chosen, rows=rows, shown=shown, cut=len(rows) - len(shown),
                chart=quad_bars(shown), legend=quad_legend(), matching=q.count_events(f),
                dated=sum(r["events"] for r in rows), json_url="/api/timeline?" + urlencode(items),
                csv_url="/api/timeline?" + urlencode([*items, ("format", "csv")]))


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, q: Q, pg: Pg,
             query: Annotated[str | None, Query(alias="q", max_length=MAX_QUERY_CHARS)] = None) -> HTMLResponse:
    result = q.articles_page(query, None, pg.limit, pg.offset)
    return page(request, "articles.html", result=result, query=query or "",
                pager=_pager(request, result.total, pg.limit, pg.offset))


@router.get("/articles/{ref}", response_class=HTMLResponse)
def article(request: Request, q: Q, ref: Annotated[str, Path(max_length=100)]) -> HTMLResponse:
    stored = q.store.article(ref)
    if stored is None:
        raise HTTPException(404, f"no article {ref!r}")
    view = {"mentions": q.article_mentions(stored["id"]), "places": stored["places"],
            "time_refs": stored["time_refs"], "quotes": q.article_quotes(stored["id"]),
            "events": q.article_events(stored["id"])}
    return page(request, "article.html", article=stored, view=view,
                body=annotate(stored["text"] or "", view), events_data=events_json(view["events"]))


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, q: Q, f: Filt, pg: Pg) -> HTMLResponse:
    result = q.events_page(f, pg.limit, pg.offset)
    return page(request, "events.html", result=result, f=f, pager=_pager(request, result.total, pg.limit, pg.offset))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, q: Q, event_id: Annotated[str, Path(max_length=40)]) -> HTMLResponse:
    found = q.event(event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return page(request, "event.html", event=found)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: Q, pg: Pg,
           query: Annotated[str | None, Query(alias="q", max_length=100)] = None) -> HTMLResponse:
    result = q.actors_page(query, pg.limit, pg.offset)
    return page(request, "actors.html", result=result, query=query or "",
                pager=_pager(request, result.total, pg.limit, pg.offset))


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor(request: Request, q: Q, st: St, key: Annotated[str, Path(max_length=200)],
          counterpart: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    profile = actor_profile(q, st, key, counterpart, 50)
    return page(request, "actor.html", actor=profile, gchart=goldstein_line(profile["goldstein"]))


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, q: Q, g: GFilt, max_edges: Annotated[int, Query(ge=1, le=1000)] = 300,
            top: Annotated[int, Query(ge=2, le=MAX_NETWORK_NODES)] = DEFAULT_NETWORK_NODES) -> HTMLResponse:
    graph = q.network(g, max_edges, top)
    svg = network_svg(graph, _query_items(request, ("max_edges", "top")))
    return page(request, "network.html", graph=graph, svg=svg, g=g, roots=q.roots(), max_edges=max_edges,
                top=top, max_top=MAX_NETWORK_NODES)


@router.get("/network/edge", response_class=HTMLResponse)
def network_edge(request: Request, q: Q, g: GFilt, source: Annotated[str, Query(max_length=200)],
                 target: Annotated[str, Query(max_length=200)]) -> HTMLResponse:
    found = q.edge_events(g, source, target, 200)
    title = f"{source} → {target}"
    if found:
        title = f"{found[0]['source_name']} → {found[0]['target_name']}"
    return page(request, "event_list.html", title=title, events=found,
                back=("/network?" + urlencode(_query_items(request, ("source", "target"))), "back to the network"))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, q: Q, g: GFilt, world: bool = False) -> HTMLResponse:
    points = q.map_points(g, 5000)
    svg = map_svg(points, _query_items(request, ("world",)), world=world)
    return page(request, "map.html", points=points, svg=svg, g=g, roots=q.roots(), world=world,
                outlines_source=request.app.state.web.outlines().source)


@router.get("/map/place", response_class=HTMLResponse)
def map_place(request: Request, q: Q, g: GFilt, lat: Annotated[float, Query(ge=-90, le=90)],
              lon: Annotated[float, Query(ge=-180, le=180)]) -> HTMLResponse:
    found = q.place_events(g, lat, lon, 200)
    title = f"Events at {found[0]['place_name']}" if found else f"Events at {lat}, {lon}"
    return page(request, "event_list.html", title=title, events=found,
                back=("/map?" + urlencode(_query_items(request, ("lat", "lon"))), "back to the map"))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Q,
           query: Annotated[str | None, Query(alias="q", max_length=MAX_QUERY_CHARS)] = None) -> HTMLResponse:
    hits, quotes = [], []
    if query:
        hits = q.search_articles(query, 50)
        quotes = q.quotes_page(query, None, 50, 0).items
    return page(request, "search.html", query=query or "", hits=hits, quotes=quotes)


@router.get("/try", response_class=HTMLResponse)
def try_form(request: Request) -> HTMLResponse:
    return page(request, "try.html", text="", published=date.today().isoformat(), title="", result=None)


@router.post("/try", response_class=HTMLResponse)
async def try_run(request: Request) -> HTMLResponse:
    """Form post (application/x-www-form-urlencoded): text + date → the annotated view, nothing stored."""
    st: WebState = request.app.state.web
    raw = await request.body()
    if len(raw) > st.settings.max_body_bytes:
        raise HTTPException(413, f"the form is larger than {st.settings.max_body_bytes:,} bytes")
    form = {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True).items()}
    text = (form.get("text") or "").replace("\r\n", "\n")
    title = form.get("title") or ""
    published_raw = form.get("published") or ""
    if not text.strip():
        raise HTTPException(422, "paste an article text first")
    if len(text) > st.settings.max_text_chars:
        raise HTTPException(413, f"text has {len(text):,} characters; at most {st.settings.max_text_chars:,}")
    try:
        published = date.fromisoformat(published_raw) if published_raw else None
    except ValueError as exc:
        raise HTTPException(422, f"published must be YYYY-MM-DD, got {published_raw!r}") from exc
    doc = await run_in_threadpool(st.extract, text, published, title or None)  # keep the event loop serving
    view = document_view(doc)
    return page(request, "try.html", text=text, title=title, published=published_raw,
                result={"body": annotate(text, view), "view": view, "events_data": events_json(view["events"]),
                        "tone": doc.tone})


__all__ = ["router", "templates"]
