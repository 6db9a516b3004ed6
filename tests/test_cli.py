"""The `peristiwa` command as a user runs it: a real subprocess, real files, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "contoh-kunjungan.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "peristiwa.cli", *args], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)


def test_extract_json_on_example():
    result = run("extract", str(EXAMPLE), "--date", "2024-11-12")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema"] == "peristiwa.document/1"
    text = doc["article"]["text"]
    for mention in doc["mentions"]:
        assert text[mention["span"]["start"] : mention["span"]["end"]] == mention["span"]["text"]
    assert any(e["code"].startswith("04") for e in doc["events"])
    assert any(q["speaker"] and q["speaker"]["kb_id"] == "prabowo-subianto" for q in doc["quotes"])


def test_extract_table_and_explain():
    result = run("extract", str(EXAMPLE), "--date", "2024-11-12", "--format", "table", "--explain")
    assert result.returncode == 0, result.stderr
    for heading in ("Actors", "Places", "Dates", "Quotes", "Events"):
        assert heading in result.stdout
    assert "rule=lexicon:" in result.stdout
    assert "[EVENT " in result.stdout and "[SOURCE " in result.stdout  # the sentence is marked up


def test_extract_jsonl_two_files(tmp_path):
    other = tmp_path / "kedua.txt"
    other.write_text("Indonesia mengecam serangan Israel terhadap Gaza.", encoding="utf-8")
    result = run("extract", str(EXAMPLE), str(other), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    second = json.loads(lines[1])
    assert second["article"]["published"] is None  # no date given: stated, not guessed


def test_without_date_relative_times_stay_unresolved(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kemarin, Jepang memprotes Korea Utara.", encoding="utf-8")
    doc = json.loads(run("extract", str(path)).stdout)
    assert doc["times"] and doc["times"][0]["value"] is None
    assert doc["times"][0]["granularity"] == "unresolved"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"\x00\x01\x02\x03binary\x00\xff" * 20, "binary"),
])
def test_bad_files_fail_with_one_line(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("extract", str(path))
    assert result.returncode != 0
    assert message in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file_and_directory(tmp_path):
    for target in (tmp_path / "nope.txt", tmp_path):
        result = run("extract", str(target))
        assert result.returncode != 0
        assert "Traceback" not in result.stderr and result.stderr.strip()


def test_bad_date_is_refused():
    result = run("extract", str(EXAMPLE), "--date", "21-03-2023")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr


def test_user_lexicon_adds_an_event(tmp_path):
    lexicon = tmp_path / "extra.yaml"
    lexicon.write_text('- {id: uji-pelotot, forms: [memelototi], voice: active, code: "130"}\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Korea Utara memelototi Korea Selatan.", encoding="utf-8")
    result = run("extract", str(article), "--lexicon", str(lexicon), "--format", "json")
    doc = json.loads(result.stdout)
    assert any(e["lexicon_id"] == "uji-pelotot" and e["code"] == "130" for e in doc["events"])
    plain = json.loads(run("extract", str(article), "--format", "json").stdout)
    assert not any(e["lexicon_id"] == "uji-pelotot" for e in plain["events"])


def test_kb_lookup_resolves_role_by_date():
    old = json.loads(run("kb", "Joko Widodo", "--date", "2016-01-01").stdout.splitlines()[0])
    new = json.loads(run("kb", "Joko Widodo", "--date", "2025-01-01").stdout.splitlines()[0])
    assert old["role"] == "GOV" and new["role"] == "ELI"
    missing = run("kb", "Nama Yang Tidak Ada Sama Sekali")
    assert missing.returncode == 1
