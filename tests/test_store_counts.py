"""One vocabulary of counts: the ingest summary, `stats --json`, `/api/health`, the dashboard and export
report the same "events", "event mentions", "resolved mentions" and "actors" for the same store.

The corpus is three short articles of our own; the ingest runs through the real CLI.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peristiwa.cli_store import store_app

pytest.importorskip("fastapi", reason="the web app needs fastapi")
pytest.importorskip("httpx", reason="the web tests need httpx")

ARTICLES = [
    {"id": "c-1", "published": "2024-02-05", "source": "Uji", "title": "Kunjungan",
     "text": "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada Senin. "
             "Keduanya sepakat memperkuat kerja sama perdagangan."},
    {"id": "c-2", "published": "2024-02-12", "source": "Uji", "title": "Demo",
     "text": "Ratusan buruh berunjuk rasa di Bandung pada Selasa. Polisi menangkap lima orang setelah bentrokan."},
    {"id": "c-3", "published": "2024-03-01", "source": "Uji", "title": "Kecaman",
     "text": "Menteri Luar Negeri Retno Marsudi mengecam serangan Israel terhadap warga sipil di Gaza."},
]


def _number(pattern: str, text: str) -> int:
    match = re.search(pattern, text)
    assert match, f"{pattern!r} not in {text!r}"
    return int(match.group(1))


def test_every_front_end_counts_alike(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from peristiwa.web.app import create_app
    from peristiwa.web.state import WebSettings

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    db = tmp_path / "counts.db"
    runner = CliRunner()
    ingested = runner.invoke(store_app, ["ingest", str(corpus), "--db", str(db), "--no-ner"])
    assert ingested.exit_code == 0, ingested.output
    line = ingested.output.split("store: ", 1)[1]
    summary = {"events": _number(r"(\d+) events", line), "event_mentions": _number(r"(\d+) event mentions", line),
               "resolved_mentions": _number(r"\((\d+) resolved\)", line), "actors": _number(r"(\d+) actors", line)}
    assert summary["events"] > 0 and summary["event_mentions"] >= summary["resolved_mentions"] > 0
    assert _number(r"\((\d+) event mentions;", ingested.output) == summary["event_mentions"]  # first run: all new

    stats = json.loads(runner.invoke(store_app, ["stats", "--db", str(db), "--json"]).output)
    assert {k: stats["store"][k] for k in summary} == summary
    assert stats["totals"]["events"] == summary["events"]
    assert stats["totals"]["resolved_mentions"] == summary["resolved_mentions"]

    client = TestClient(create_app(WebSettings(db=db)))
    health = client.get("/api/health").json()
    assert {k: health[k] for k in summary} == summary
    dashboard = client.get("/").text
    for key, value in summary.items():
        assert re.search(rf'data-count="{key}">{value}<', dashboard), key

    out = tmp_path / "events.tsv"
    exported = runner.invoke(store_app, ["export", "--format", "gdelt", "--out", str(out), "--db", str(db)])
    assert exported.exit_code == 0, exported.output
    assert f"{summary['events']} events, {summary['resolved_mentions']} resolved mentions" in exported.output


def test_reingest_with_new_metadata_updates_the_article(tmp_path: Path) -> None:
    from peristiwa.store.sqlite import SQLiteStore

    db = tmp_path / "meta.db"
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps(ARTICLES[1], ensure_ascii=False) + "\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(store_app, ["ingest", str(first), "--db", str(db), "--no-ner"]).exit_code == 0
    same = runner.invoke(store_app, ["ingest", str(first), "--db", str(db), "--no-ner"])
    assert "1 duplicate, 0 skipped, 0 failed, 0 updated" in same.output, same.output
    renamed = {**ARTICLES[1], "id": "c-2b", "title": "Buruh berdemo", "url": "https://contoh.test/buruh",
               "source": "Kabar Lain", "published": "2024-02-13"}
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps(renamed, ensure_ascii=False) + "\n", encoding="utf-8")
    again = runner.invoke(store_app, ["ingest", str(second), "--db", str(db), "--no-ner"])
    assert "0 new, 1 duplicate, 0 skipped, 0 failed, 1 updated" in again.output, again.output
    with SQLiteStore(db, readonly=True) as store:
        article = store.article("c-2b")
        assert article is not None and store.article("c-2") is None
        assert (article["title"], article["url"], article["outlet"], article["published"]) == (
            "Buruh berdemo", "https://contoh.test/buruh", "Kabar Lain", "2024-02-13")
        assert store.counts().articles == {"done": 1}
        hits = store.conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'berdemo'").fetchone()
        assert hits[0] == 1  # the title search follows the new title
    title_only = {"id": "c-2b", "text": ARTICLES[1]["text"]}  # no other metadata: nothing is erased
    third = tmp_path / "third.jsonl"
    third.write_text(json.dumps(title_only, ensure_ascii=False) + "\n", encoding="utf-8")
    assert ", 0 updated" in runner.invoke(store_app, ["ingest", str(third), "--db", str(db), "--no-ner"]).output
    with SQLiteStore(db, readonly=True) as store:
        assert store.article("c-2b")["title"] == "Buruh berdemo"


def test_weeks_are_iso_weeks_across_a_year_end() -> None:
    from peristiwa.store.base import period_rows

    rows = [("2024-12-30", 1, 2, 3), ("2025-01-05", 4, 1, 1), ("2024-12-29", 3, 1, None), ("2024-12", 1, 9, 9)]
    weeks = period_rows(rows, "week")  # a month-only date has no week and is left out
    assert weeks == [{"period": "2024-W52", "events": 1, "mentions": 0, "q1": 0, "q2": 0, "q3": 1, "q4": 0},
                     {"period": "2025-W01", "events": 3, "mentions": 4, "q1": 2, "q2": 0, "q3": 0, "q4": 1}]
