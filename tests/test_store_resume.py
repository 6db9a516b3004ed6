"""Crash safety: `kill -9` in the middle of an ingest, re-run, and compare with a clean run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CITIES = ["Beijing", "Tokyo", "Canberra", "Manila", "Hanoi", "Seoul", "Bangkok", "Kuala Lumpur"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]


def corpus(path: Path, n: int = 240) -> None:
    """Template articles in our own words; many repeat an event so merging has work to do."""
    lines = []
    for i in range(n):
        city, other = CITIES[i % len(CITIES)], CITIES[(i * 3 + 1) % len(CITIES)]
        text = (f"Berita nomor {i}\nMenteri Luar Negeri Retno Marsudi mengunjungi {city} pada {DAYS[i % 5]} untuk "
                f"membahas kerja sama ekonomi. Pemerintah Indonesia mengecam serangan terhadap warga sipil di {other}. "
                f"Polisi menangkap {i % 7 + 2} orang demonstran di Jakarta setelah unjuk rasa ricuh.")
        lines.append(json.dumps({"id": f"doc{i}", "text": text, "published": f"2023-03-{1 + i % 20:02d}",
                                 "source": f"outlet{i % 4}", "language": "id"}))
        if i == 50:
            lines.append("{not json")
        if i == 60:
            lines.append(lines[10])  # an exact duplicate
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def ingest(db: Path, data: Path, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "peristiwa.cli_store", "ingest", str(data), "--db", str(db),
                             "--batch", "4", "--no-ner"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **popen)


def snapshot(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = ("articles", "sentences", "actors", "mentions", "places", "time_refs", "quotes", "event_mentions",
                  "events")
        return {
            "counts": {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables},
            "hashes": conn.execute("SELECT group_concat(content_hash) FROM "
                                   "(SELECT content_hash FROM articles ORDER BY content_hash)").fetchone()[0],
            "events": conn.execute("SELECT id, global_event_id, num_mentions, num_sources, num_articles, event_date "
                                   "FROM events ORDER BY id").fetchall(),
            "links": conn.execute("SELECT id, event_id FROM event_mentions ORDER BY id").fetchall(),
        }
    finally:
        conn.close()


def committed(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_kill_9_then_rerun_equals_clean_run(tmp_path):
    data = tmp_path / "corpus.jsonl"
    corpus(data)
    clean_db, crash_db = tmp_path / "clean.db", tmp_path / "crash.db"

    clean = ingest(clean_db, data)
    crashing = ingest(crash_db, data)
    deadline = time.monotonic() + 120
    while committed(crash_db) < 40 and crashing.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert crashing.poll() is None, "ingest finished before it could be killed; make the corpus larger"
    os.kill(crashing.pid, signal.SIGKILL)
    crashing.wait()
    partial = committed(crash_db)
    assert 0 < partial < 240
    conn = sqlite3.connect(crash_db)
    done_before = conn.execute("SELECT count(*) FROM articles WHERE status = 'done'").fetchone()[0]
    conn.close()

    out, err = clean.communicate(timeout=240)
    assert clean.returncode == 0, err.decode()
    assert "240 new, 1 duplicate, 0 skipped, 1 failed" in out.decode()

    resumed = ingest(crash_db, data)
    out, err = resumed.communicate(timeout=240)
    assert resumed.returncode == 0, err.decode()
    text = out.decode()
    new = int(text.split("ingest: ")[-1].split(" new")[0])
    assert new == 240 - done_before  # continues where it stopped: nothing done twice
    assert snapshot(crash_db) == snapshot(clean_db)

    again = ingest(crash_db, data)
    out, _ = again.communicate(timeout=240)
    assert "0 new, 242 duplicate, 0 skipped, 0 failed" in out.decode()
