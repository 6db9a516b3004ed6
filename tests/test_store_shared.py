"""Ingest real articles from ../shared (NTREX + Global Voices) with -j 2; the re-run adds nothing.

The full 637-article run is `benchmarks/ingest.py`; this test takes a slice to stay fast.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.skipif(not (SHARED / "data" / "ntrex_id").is_dir(),
                                reason="../shared (NTREX, Global Voices) is not available on this machine")


def test_shared_slice_ingests_once(tmp_path):
    out = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "shared_to_jsonl.py"), str(out), "--shared", str(SHARED)],
                   check=True, capture_output=True, timeout=120)
    slice_ = tmp_path / "slice"
    slice_.mkdir()
    for name in ("ntrex_id.jsonl", "globalvoices_id.jsonl"):
        lines = (out / name).read_text(encoding="utf-8").splitlines()
        assert len(lines) == {"ntrex_id.jsonl": 123, "globalvoices_id.jsonl": 514}[name]
        (slice_ / name).write_text("\n".join(lines[:40]) + "\n", encoding="utf-8")
    db = tmp_path / "shared.db"
    cmd = [sys.executable, "-m", "peristiwa.cli_store", "ingest", str(slice_), "--db", str(db), "-j", "2"]
    first = subprocess.run(cmd, capture_output=True, timeout=300, cwd=ROOT, env=dict(os.environ))
    assert first.returncode == 0, first.stderr.decode()
    assert "80 new, 0 duplicate, 0 skipped, 0 failed" in first.stdout.decode()
    conn = sqlite3.connect(db)
    events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert events > 20
    conn.close()
    second = subprocess.run(cmd, capture_output=True, timeout=300, cwd=ROOT)
    assert "0 new, 80 duplicate" in second.stdout.decode()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == events
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 80
    conn.close()
