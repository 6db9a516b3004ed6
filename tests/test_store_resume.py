"""Crash safety: `kill -9` in the middle of an ingest, re-run, and compare with a clean run."""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import CtrlCAfterCommit

from peristiwa.model import Article
from peristiwa.store.ingest import IngestInterrupted, IngestOptions, Ingestor
from peristiwa.store.readers import InputItem

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


def ingest(db: Path, data: Path, *options: str, **popen) -> subprocess.Popen:
    """`ingest` in its own process group, so a kill reaches its extraction workers too (as Ctrl-C would)."""
    return subprocess.Popen([sys.executable, "-m", "peristiwa.cli_store", "ingest", str(data), "--db", str(db),
                             "--batch", "4", "--no-ner", *options], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, **popen)


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


def whole_articles(db: Path) -> None:
    """The database after a kill: intact, and every stored article has its sentences (none half-written)."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        bare = conn.execute("SELECT count(*) FROM articles a WHERE status = 'done' AND NOT EXISTS "
                            "(SELECT 1 FROM sentences s WHERE s.article_id = a.id)").fetchone()[0]
        assert bare == 0
    finally:
        conn.close()


def wait_for(db: Path, proc: subprocess.Popen, articles: int, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while committed(db) < articles and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)


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


def test_kill_9_at_ten_random_moments_with_two_workers_equals_clean_run(tmp_path):
    """Kill the whole process group (writer and both workers) at 10 seeded moments — during start-up,
    mid-batch, mid-commit — re-running each time; the end state equals one clean run."""
    data = tmp_path / "corpus.jsonl"
    corpus(data, 200)
    clean_db, crash_db = tmp_path / "clean.db", tmp_path / "crash.db"
    clean = ingest(clean_db, data, "-j", "2")
    rng, kills, stored = random.Random(20261207), 0, 0
    while kills < 10:
        proc = ingest(crash_db, data, "-j", "2")
        if kills % 3 == 0:
            time.sleep(rng.uniform(0.0, 0.8))  # start-up: imports, schema, starting the workers
        else:
            wait_for(crash_db, proc, stored + rng.randint(1, 8))
            time.sleep(rng.uniform(0.0, 0.05))  # anywhere inside the next batch (4 articles) or its commit
        assert proc.poll() is None, f"ingest finished before kill {kills + 1} ({stored} stored); enlarge the corpus"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        kills += 1
        if crash_db.exists():
            whole_articles(crash_db)
            assert committed(crash_db) >= stored  # a kill never loses a committed batch
            stored = committed(crash_db)
    assert 0 < stored < 202
    _, err = clean.communicate(timeout=240)
    assert clean.returncode == 0, err.decode()
    resumed = ingest(crash_db, data, "-j", "2")
    _, err = resumed.communicate(timeout=240)
    assert resumed.returncode == 0, err.decode()
    assert snapshot(crash_db) == snapshot(clean_db)


def test_ctrl_c_prints_a_resumable_summary_and_exits_130(tmp_path):
    data = tmp_path / "corpus.jsonl"
    corpus(data, 200)
    clean_db, db = tmp_path / "clean.db", tmp_path / "c.db"
    clean = ingest(clean_db, data)
    proc = ingest(db, data, "-j", "2")
    wait_for(db, proc, 30)
    assert proc.poll() is None, "ingest finished before Ctrl-C; make the corpus larger"
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C: the writer and its workers
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()[-2000:]
    message = err.decode()
    assert "Traceback" not in message
    assert "interrupted after" in message and "run the same command again to continue" in message
    new = int(message.split("interrupted after ")[1].split(" new")[0])
    whole_articles(db)
    conn = sqlite3.connect(db)
    done = conn.execute("SELECT count(*) FROM articles WHERE status = 'done'").fetchone()[0]
    conn.close()
    assert new == done > 0  # the summary counts exactly what was committed
    clean.communicate(timeout=240)
    resumed = ingest(db, data)
    resumed.communicate(timeout=240)
    assert resumed.returncode == 0
    assert snapshot(db) == snapshot(clean_db)


@contextlib.contextmanager
def small_disk(path: Path, size: str):
    """A tmpfs of `size` at `path` (root and a kernel that lets us mount), unmounted afterwards."""
    path.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                                                     str(path)], capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("a full disk needs a small tmpfs: run as root where mount is allowed")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=True)


def test_full_disk_ends_with_a_clear_error_and_resumes(tmp_path):
    data = tmp_path / "corpus.jsonl"
    corpus(data, 200)
    clean_db = tmp_path / "clean.db"
    clean = ingest(clean_db, data)
    with small_disk(tmp_path / "small", "900k") as small:
        proc = ingest(small / "c.db", data)
        _, err = proc.communicate(timeout=240)
        message = err.decode()
        assert proc.returncode == 1, message[-2000:]
        assert "Traceback" not in message
        assert "disk is full" in message and "run the same command again to continue" in message
        whole_articles(small / "c.db")
        assert 0 < committed(small / "c.db") < 200
        moved = tmp_path / "moved"
        moved.mkdir()
        for part in small.iterdir():  # the database with its WAL: what a user does after freeing space
            shutil.copy2(part, moved / part.name)
    clean.communicate(timeout=240)
    resumed = ingest(moved / "c.db", data)
    resumed.communicate(timeout=240)
    assert resumed.returncode == 0
    assert snapshot(moved / "c.db") == snapshot(clean_db)


def test_ctrl_c_right_after_a_commit_is_counted_in_the_summary(tmp_path, extractor):
    items = [InputItem(f"t:{i}", Article(id=f"a{i}", text=f"Presiden Joko Widodo bertemu Anwar Ibrahim di Jakarta. "
                                          f"Pertemuan ke-{i} membahas perdagangan.", published=date(2023, 1, i + 1)),
                       declared_language="id") for i in range(4)]
    with CtrlCAfterCommit(tmp_path / "c.db") as store:
        with pytest.raises(IngestInterrupted) as interrupted:
            Ingestor(store, IngestOptions(batch_size=1)).run(
                items, extract=lambda arts: ((a, extractor.run(a), None) for a in arts))
        done = store.conn.execute("SELECT count(*) FROM articles WHERE status = 'done'").fetchone()[0]
    assert done >= 1
    assert interrupted.value.summary.new == done
