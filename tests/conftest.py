"""Shared fixtures: one real Extractor per test session (loading the KB takes a moment)."""

from __future__ import annotations

import os
import signal
from datetime import date
from pathlib import Path

import pytest

from peristiwa.api import Extractor
from peristiwa.model import Document
from peristiwa.store.sqlite import SQLiteStore

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "xi-putin-id.txt"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor.load()


@pytest.fixture(scope="session")
def extract(extractor: Extractor):
    """`extract(text, "2023-03-21")` → Document."""

    def run(text: str, published: str | None = "2023-03-21") -> Document:
        return extractor.extract(text, date.fromisoformat(published) if published else None)

    return run


class CtrlCAfterCommit(SQLiteStore):
    """A real SQLite store whose first batch commit is followed at once by a Ctrl-C (SIGINT to this process):
    the moment a summary counting batches after the commit would miss one."""

    sent = False

    def write_batch(self, records):
        super().write_batch(records)
        if not self.sent:
            self.sent = True
            os.kill(os.getpid(), signal.SIGINT)


def require_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared data is only available on developer and CI machines")
    return path


@pytest.fixture(scope="session")
def pg_server_url():
    """One real throwaway PostgreSQL server for the session (tests/pg_server.py); skips without binaries."""
    from pg_server import pg_server, skip_reason

    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    with pg_server() as url:
        yield url
