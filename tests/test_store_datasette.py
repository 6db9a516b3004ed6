"""A real Datasette over a peristiwa database: `?_search=` returns exactly SQLite FTS5's rows.

Why: Datasette finds an FTS table's content table by parsing its `CREATE VIRTUAL TABLE`; with the
single-quoted `content='articles'` of schema v1 it did not, and `?_search=` silently ignored the query.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from peristiwa.store.migrations import migrate

pytest.importorskip("datasette", reason="datasette is in the test extra")

# our own sentences
TEXTS = [
    ("Polisi menangkap demonstran", "Polisi menangkap puluhan demonstran di Makassar pada Rabu."),
    ("Menlu bertemu mitra", "Menteri luar negeri bertemu mitranya dari Jepang untuk membahas nelayan."),
    ("Nelayan protes", "Ratusan nelayan berunjuk rasa menolak kenaikan harga solar."),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_db(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn)
    for i, (title, text) in enumerate(TEXTS):
        conn.execute("INSERT INTO articles(doc_id, content_hash, status, title, text, n_chars, origin, ingested_at) "
                     "VALUES (?, ?, 'done', ?, ?, ?, 'test', '2024-01-01')", (f"d{i}", f"h{i}", title, text, len(text)))
    conn.close()


@pytest.fixture()
def datasette(tmp_path):
    db = tmp_path / "peristiwa.db"
    make_db(db)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(db), "--port", str(port),
                             "--host", "127.0.0.1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("datasette did not start")
        yield base, db
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("query", ["nelayan", "demonstran", "jepang"])
def test_search_returns_exactly_the_fts_rows(datasette, query):
    base, db = datasette
    with urllib.request.urlopen(f"{base}/peristiwa/articles.json?_search={query}&_shape=array&_col=id") as reply:
        via_datasette = sorted(row["id"] for row in json.load(reply))
    conn = sqlite3.connect(db)
    expected = sorted(r[0] for r in conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (query,)))
    all_ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    assert expected and len(expected) < len(all_ids)  # the query really filters
    assert via_datasette == expected
