"""From an event back to its text on the command line: `query` → event id, article id, URL, sentence → `show`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# our own sentences
LINES = [
    {"id": "r1", "url": "https://contoh.example/r1", "published": "2023-02-01",
     "text": "Kepolisian Indonesia menangkap puluhan demonstran di Makassar pada Rabu."},
    {"id": "r2", "url": "https://contoh.example/r2", "published": "2023-02-02",
     "text": "Pemerintah Indonesia mengecam serangan terhadap kapal nelayan Vietnam di Laut Natuna."},
    {"id": "r3", "url": "https://contoh.example/r3", "published": "2023-02-03",
     "text": "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Istana Bogor."},
]


def cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "peristiwa.cli", *args, "--db", str(db)], capture_output=True,
                          text=True, timeout=240, cwd=ROOT, env={**os.environ, "COLUMNS": "200"})


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("roundtrip")
    (folder / "in.jsonl").write_text("\n".join(json.dumps(x) for x in LINES) + "\n", encoding="utf-8")
    path = folder / "p.db"
    result = cli("ingest", str(folder / "in.jsonl"), db=path)
    assert result.returncode == 0, result.stderr
    return path


def test_query_rows_carry_article_url_and_sentence(db: Path) -> None:
    result = cli("query", "--format", "jsonl", "--limit", "0", db=db)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 2
    for row in rows:
        assert isinstance(row["article_id"], int)
        assert row["source_url"].startswith("https://contoh.example/")
        assert row["sentence_text"] in {x["text"] for x in LINES}


def test_truncated_listing_says_so(db: Path) -> None:
    total = len(cli("query", "--format", "jsonl", "--limit", "0", db=db).stdout.splitlines())
    result = cli("query", "--limit", "1", db=db)
    assert f"showing 1 of {total} events" in result.stderr
    assert "showing" not in cli("query", "--limit", str(total), db=db).stderr


def test_show_accepts_the_event_id_query_prints(db: Path) -> None:
    row = json.loads(cli("query", "--format", "jsonl", "--limit", "1", db=db).stdout.splitlines()[0])
    shown = cli("show", row["id"], "--format", "json", db=db)
    assert shown.returncode == 0, shown.stderr
    event = json.loads(shown.stdout)
    assert event["id"] == row["id"]
    assert {m["article_id"] for m in event["mentions"]} == {row["article_id"]}
    article = json.loads(cli("show", str(row["article_id"]), "--format", "json", db=db).stdout)
    assert row["id"] in {m["event_id"] for m in article["event_mentions"]}
    missing = cli("show", "no-such-thing", db=db)
    assert missing.returncode == 1 and "no article or event" in missing.stderr
