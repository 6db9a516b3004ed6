"""The FastAPI application behind `peristiwa serve`: API, pages, assets and error handling.

    >>> from peristiwa.web.app import create_app
    >>> from peristiwa.web.state import WebSettings
    >>> app = create_app(WebSettings(db=Path("peristiwa.db")))

Why a factory: settings (database, --allow-writes, limits) are fixed per app instance and
carried on `app.state.web`, so tests can run several apps side by side. Errors always say
what was wrong: JSON `{"error": ...}` under /api, an HTML page elsewhere.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from peristiwa.store.base import QueryError
from peristiwa.web import api, pages
from peristiwa.web.state import WebSettings, WebState

STATIC = Path(__file__).parent / "static"


def create_app(settings: WebSettings) -> FastAPI:
    """Build the app for one database; refuses a missing database unless writes are allowed."""
    if not settings.db.exists():
        if not settings.allow_writes:
            raise FileNotFoundError(f"{settings.db}: no such database (run `peristiwa ingest` first)")
        from peristiwa.store.sqlite import SQLiteStore

        SQLiteStore(settings.db).close()  # create an empty store to write into
    app = FastAPI(title="peristiwa", version="1", docs_url=None, redoc_url=None,
                  description="Political events (CAMEO/PLOVER) extracted from Indonesian news: articles, events "
                              "with provenance, actors, quotes, statistics and on-the-fly extraction.")
    app.state.web = WebState(settings)
    app.add_middleware(GZipMiddleware, minimum_size=2000)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(DropEmptyParams)
    app.add_middleware(SecurityHeaders)
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.get("/assets/world.svg", include_in_schema=False)
    def world_svg() -> Response:
        return Response(app.state.web.world_svg(), media_type="image/svg+xml",
                        headers={"Cache-Control": "public, max-age=86400"})

    _mount_api_docs(app)
    app.mount("/assets", StaticFiles(directory=STATIC), name="assets")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(QueryError, _query_error)
    return app


def _mount_api_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the files the installed `fastapi-offline` package ships (Swagger UI 5).

    Why not FastAPI's default page: it loads Swagger UI from a CDN, so offline (our promise) /docs
    was blank. The page starts Swagger UI from our own static script, not an inline one, so it
    works under a Content-Security-Policy that allows only same-origin scripts.
    """
    from importlib.resources import files

    swagger_files = Path(str(files("fastapi_offline") / "static"))
    app.mount("/assets/swagger", StaticFiles(directory=swagger_files), name="swagger")

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(API_DOCS_PAGE)


API_DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>peristiwa API</title>
<link rel="stylesheet" href="/assets/swagger/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/assets/swagger/swagger-ui-bundle.js"></script>
<script src="/assets/api-docs.js"></script>
</body></html>
"""


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, message: str, detail: object = None) -> Response:
    if _wants_json(request):
        body: dict[str, object] = {"error": message}
        if detail is not None:
            body["detail"] = detail
        return JSONResponse(body, status_code=status)
    html = pages.templates.get_template("error.html").render(request=request, status=status, message=message,
                                                             allow_writes=False)
    return HTMLResponse(html, status_code=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return _error(request, exc.status_code, str(exc.detail))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    parts = []
    for err in errors:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg')}")
    detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in errors]
    return _error(request, 422, "invalid request: " + "; ".join(parts), detail)


async def _query_error(request: Request, exc: Exception) -> Response:
    return _error(request, 400, str(exc))


class DropEmptyParams:
    """Treat `?actor=&code=` as absent: HTML filter forms submit every field, filled or not."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip() != ""]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
        await self.app(scope, receive, send)


class BodyLimit:
    """Refuse request bodies above `max_bytes` with 413 before anything parses them."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            response = JSONResponse({"error": f"request body is {int(length):,} bytes; this server accepts at most "
                                              f"{self.max_bytes:,}"}, status_code=413)
            await response(scope, receive, send)
            return
        received = 0

        async def limited() -> dict:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            response = JSONResponse({"error": f"request body exceeds {self.max_bytes:,} bytes"}, status_code=413)
            await response(scope, receive, send)


CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI (/docs) and ReDoc load their bundle from a CDN and start it with an inline script.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


class SecurityHeaders:
    """Add CSP, nosniff, Referrer-Policy and frame-ancestors to every response.

    Why: article text, titles, outlets, URLs and actor names come from whoever wrote the input file;
    templates escape them, and the CSP (no inline script, self only) is the second wall if one slips.
    Inline style attributes stay allowed: the charts' colour swatches use them and they cannot run code.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope.get("path", "") in ("/docs", "/redoc", "/docs/oauth2-redirect")
        extra = [(b"content-security-policy", (DOCS_CSP if docs else CSP).encode()),
                 (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                 (b"x-frame-options", b"DENY")]

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


class _TooLarge(Exception):
    pass


__all__ = ["create_app"]
