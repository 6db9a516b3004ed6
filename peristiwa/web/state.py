"""Settings and the resources one running web app holds (loaded once, shared by all requests).

Why an object on `app.state` rather than module globals: two apps (e.g. tests with
different databases, or `--allow-writes` on and off) must be able to live in one process.
Expensive resources (the extractor, the KB entries, the country outlines) are loaded on
first use behind a lock, so `peristiwa serve` starts instantly and a dashboard-only user
never pays for the extraction pipeline.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from peristiwa.web.outlines import WorldOutlines
from peristiwa.web.queries import WebQueries

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class WebSettings:
    """What `peristiwa serve` was started with, and the limits it enforces."""

    db: str | Path  # SQLite file or postgresql:// URL
    allow_writes: bool = False
    max_page_size: int = 500
    max_text_chars: int = 100_000
    max_body_bytes: int = 1_000_000
    token: str | None = None  # bearer token required on write requests when set
    extract_seconds: float = 20.0  # time budget of one extraction request


@functools.cache
def _extract_pool() -> ThreadPoolExecutor:
    """Extractions run here so a request can give up after its budget without waiting for the pipeline.

    Why a small fixed pool: a Python thread cannot be killed, so an over-budget extraction still
    finishes in the background; capping the pool caps how much CPU hostile requests can pin.
    """
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="extract")


@dataclass
class WebState:
    """Lazily loaded, shared resources of one app instance."""

    settings: WebSettings
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _cache: dict[str, Any] = field(default_factory=dict)

    def _once(self, name: str, build: Callable[[], T]) -> T:
        if name not in self._cache:
            with self._lock:
                if name not in self._cache:
                    self._cache[name] = build()
        return self._cache[name]

    def extractor(self):
        """The extraction pipeline (about 1 s to load; only "Try it" and /api/extract need it)."""
        from peristiwa.api import Extractor

        return self._once("extractor", Extractor.load)

    def kb_entries(self) -> dict[str, Any]:
        """KB entries by id, for actor profiles (aliases, role spells)."""
        from peristiwa.kb.loader import load_entries, packaged_kb_files

        return self._once("kb", lambda: {e.id: e for e in load_entries(packaged_kb_files())})

    def outlines(self) -> WorldOutlines:
        return self._once("outlines", WorldOutlines.load)

    def world_svg(self) -> bytes:
        return self._once("world_svg", lambda: self.outlines().svg_document().encode())

    @contextmanager
    def queries(self) -> Iterator[WebQueries]:
        """A read-only connection for one request (SQLite connections are cheap and not thread-safe)."""
        q = WebQueries(self.settings.db)
        try:
            yield q
        finally:
            q.close()

    def extract(self, text: str, published: date | None, title: str | None = None):
        """Run the pipeline; a crash inside it becomes a 500 that names the error, not a bare traceback."""
        from fastapi import HTTPException

        extractor = self.extractor()
        future = _extract_pool().submit(extractor.extract, text, published, title=title)
        try:
            return future.result(timeout=self.settings.extract_seconds)
        except FuturesTimeout:
            future.cancel()
            raise HTTPException(503, f"extraction took longer than this server's budget of "
                                     f"{self.settings.extract_seconds:g} s; send a shorter text") from None
        except Exception as exc:
            raise HTTPException(500, f"extraction failed: {type(exc).__name__}: {exc}") from exc

    def store_document(self, doc) -> tuple[int, bool]:
        """Write one extracted document (only with --allow-writes); returns (article id, newly stored)."""
        from peristiwa.store.base import IngestRecord
        from peristiwa.store.factory import open_store
        from peristiwa.store.readers import content_hash

        digest = content_hash(doc.article.text)
        with self._lock, open_store(self.settings.db) as store:
            new = not store.has_content(digest)
            if new:
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
                store.write_batch([IngestRecord(f"web:extract:{stamp}", digest, "done", article=doc.article,
                                                doc=doc)])
            row = store.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
        return int(row[0]), new


__all__ = ["WebSettings", "WebState"]
