"""Build the web tests' database: our own articles (articles.jsonl) plus the seed article when ../shared exists.

Ingested with the real `Ingestor`, exactly as `peristiwa ingest` does; the seed is read from ../shared at
run time (never copied) and given its publication date through a temporary JSONL line.
"""

from __future__ import annotations

import json
from pathlib import Path

from peristiwa.store.factory import open_store
from peristiwa.store.ingest import IngestOptions, Ingestor
from peristiwa.store.readers import iter_inputs

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles.jsonl"
SEED = HERE.parents[2] / "shared" / "seed" / "xi-putin-id.txt"


def build_db(path: Path, db: str | None = None) -> str | Path:
    """Ingest the fixtures (and the seed, if present) into a new SQLite store at `path`, or into the
    store `db` names (a postgresql:// URL) with `path` only naming the folder for the seed input."""
    inputs = [str(ARTICLES)]
    if SEED.exists():
        seed = path.with_name("seed.jsonl")
        seed.write_text(json.dumps({"id": "seed-xi-putin", "title": "Xi–Putin (seed)", "published": "2023-03-21",
                                    "source": "seed", "language": "id",
                                    "text": SEED.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        inputs.append(str(seed))
    with open_store(db or path) as store:
        summary = Ingestor(store, IngestOptions(jobs=1)).run(iter_inputs(inputs))
    if summary.new < 8:
        raise RuntimeError(f"web test database: only {summary.new} articles ingested ({summary.failures})")
    return db or path


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: str | Path, *extra: str):
    """Start a real `peristiwa serve` (uvicorn) on 127.0.0.1 and wait until it answers; returns (process, base URL)."""
    import os
    import subprocess
    import sys
    import tempfile
    import time

    import httpx

    port = free_port()
    # A file, not a pipe: a chatty server must never block on a full pipe; it lives as long as the server.
    log = tempfile.TemporaryFile()  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "peristiwa.cli_web", "serve", "--db", str(db), "--port", str(port),
                             "--log-level", "warning", *extra], cwd=HERE.parents[1], stdout=subprocess.DEVNULL,
                            stderr=log, env={**os.environ, "COLUMNS": "200"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    proc.wait()
    log.seek(0)
    raise RuntimeError(f"peristiwa serve did not start: {log.read().decode(errors='replace')[-2000:]}")
