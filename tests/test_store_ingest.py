"""`peristiwa ingest` end to end (real subprocesses, real SQLite): formats, bad input, idempotence, stdin."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]

# Our own example sentences.
GOOD_TXT = ("Polisi menangkap demonstran di Makassar\n"
            "Kepolisian Indonesia menangkap puluhan demonstran di Makassar pada Rabu setelah unjuk rasa "
            "menolak kenaikan harga bahan bakar berakhir ricuh.\n")
GOOD_HTML = ("<!doctype html><html><head><title>Jokowi bertemu Anwar</title>"
             "<meta property='og:site_name' content='Warta Contoh'>"
             "<meta property='article:published_time' content='2023-01-09'></head><body><nav>Beranda | Politik</nav>"
             "<article><h1>Jokowi bertemu Anwar</h1><p>Presiden Joko Widodo bertemu dengan Perdana Menteri Malaysia "
             "Anwar Ibrahim di Istana Bogor pada Senin untuk membahas perbatasan kedua negara.</p>"
             "<p>Keduanya juga membicarakan perlindungan pekerja migran dan kerja sama perdagangan.</p></article>"
             "</body></html>")
JSON_OK = {"id": "j1", "url": "https://contoh.example/a", "title": "Menlu mengunjungi Tokyo", "published": "2023-02-01",
           "source": "contoh", "language": "id",
           "text": "Menteri Luar Negeri Retno Marsudi mengunjungi Tokyo pada Rabu untuk bertemu pejabat Jepang."}
JSON_OK2 = {"id": "j2", "published": "2023-02-02", "source": "lain",
            "text": "Pemerintah Indonesia mengecam serangan terhadap kapal nelayan di Laut Natuna pada Kamis."}


def run_cli(*args: str, db: Path, stdin: bytes | None = None, timeout: int = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "peristiwa.cli_store", *args, "--db", str(db)], input=stdin,
                          capture_output=True, timeout=timeout, cwd=ROOT, env={**os.environ, "COLUMNS": "200"})


def warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return buf.getvalue()


def make_inputs(root: Path) -> None:
    root.mkdir()
    (root / "good.txt").write_text(GOOD_TXT, encoding="utf-8")
    (root / "good.html").write_text(GOOD_HTML, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (root / "bad_utf8.txt").write_bytes("Presiden berkata — kami siap.\n".encode() + b"\xff\xfe\xc3(" * 3 + b" akhir\n")
    with (root / "huge.txt").open("wb") as handle:
        handle.seek(50 * 1024 * 1024)
        handle.write(b"a")
    (root / "nothing.html").write_text("<html><head><script>var x=1;</script></head><body><nav>Menu</nav>"
                                       "</body></html>", encoding="utf-8")
    page = GOOD_HTML.replace("Istana Bogor", "Istana Merdeka").replace("2023-01-09", "2023-01-10")
    other = GOOD_HTML.replace("Anwar Ibrahim", "Anwar").replace("Senin", "Selasa").replace("2023-01-09", "2023-01-11")
    data = warc_bytes([("https://warta.example/1", page), ("https://warta.example/2", other),
                       ("https://warta.example/3", GOOD_HTML.replace("Senin", "Rabu"))])
    (root / "cc-news.warc.gz").write_bytes(data[: len(data) - 40])
    (root / "feed.jsonl").write_text(json.dumps(JSON_OK) + "\n{\"id\": \"broken\", \"text\": \n" + json.dumps(JSON_OK2)
                                     + "\n", encoding="utf-8")
    (root / "notes.md").write_text("not an input format", encoding="utf-8")


def test_ingest_bad_and_good_input_then_rerun(tmp_path):
    inputs = tmp_path / "in"
    make_inputs(inputs)
    db = tmp_path / "store.db"
    first = run_cli("ingest", str(inputs), db=db)
    assert first.returncode == 0, first.stderr.decode()
    out = first.stdout.decode()
    # good.txt, good.html, 2 intact WARC pages, 2 JSONL lines = 6 new
    assert "6 new, 0 duplicate, 1 skipped, 6 failed" in out, out + first.stderr.decode()
    conn = sqlite3.connect(db)
    by_name = {}
    for origin, status, error in conn.execute("SELECT origin, status, error FROM articles ORDER BY id"):
        by_name.setdefault(Path(origin.split("#")[0]).name.split(":")[0], []).append((status, error or ""))
    assert by_name["empty.txt"] == [("failed", "empty.txt: file is empty or contains only whitespace")]
    assert by_name["binary.txt"][0][0] == "failed" and "binary" in by_name["binary.txt"][0][1]
    assert by_name["bad_utf8.txt"][0][0] == "failed" and "not valid UTF-8" in by_name["bad_utf8.txt"][0][1]
    assert by_name["huge.txt"][0][0] == "failed" and "larger than" in by_name["huge.txt"][0][1]
    assert by_name["nothing.html"] == [("skipped", "nothing.html: HTML page has no article text")]
    warc = by_name["cc-news.warc.gz"]
    assert [s for s, _ in warc] == ["done", "done", "failed"] and "truncated" in warc[2][1]
    feed = by_name["feed.jsonl"]
    assert [s for s, _ in feed] == ["done", "failed", "done"] and "invalid JSON" in feed[1][1]
    assert by_name["good.html"][0][0] == "done" and "notes.md" not in by_name
    html = conn.execute("SELECT title, outlet, published, text FROM articles WHERE origin LIKE '%good.html'").fetchone()
    assert html[:3] == ("Jokowi bertemu Anwar", "Warta Contoh", "2023-01-09")
    assert "Beranda" not in html[3]
    assert conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "mentions")]
    conn.close()

    again = run_cli("ingest", str(inputs), db=db)
    assert again.returncode == 0, again.stderr.decode()
    assert "0 new, 13 duplicate, 0 skipped, 0 failed" in again.stdout.decode()
    conn = sqlite3.connect(db)
    assert [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "mentions")] \
        == counts
    conn.close()


def test_ingest_jsonl_from_stdin_and_language_skip(tmp_path):
    english = {"id": "en1", "text": "The Indonesian government on Monday condemned the attack on fishing boats "
                                    "near the Natuna islands and summoned the ambassador."}
    lines = "\n".join(json.dumps(x) for x in (JSON_OK, english, JSON_OK)) + "\n"
    db = tmp_path / "stdin.db"
    result = run_cli("ingest", "-", db=db, stdin=lines.encode())
    assert result.returncode == 0, result.stderr.decode()
    assert "1 new, 1 duplicate, 1 skipped, 0 failed" in result.stdout.decode()
    conn = sqlite3.connect(db)
    status, language, error = conn.execute(
        "SELECT status, language, error FROM articles WHERE doc_id = 'en1'").fetchone()
    assert (status, language) == ("skipped", "en") and "not extracted" in error
    assert conn.execute("SELECT origin FROM articles WHERE doc_id = 'j1'").fetchone()[0] == "<stdin>:1"
    conn.close()


def test_query_stats_show_commands(tmp_path):
    db = tmp_path / "q.db"
    lines = "\n".join(json.dumps(x) for x in (JSON_OK, JSON_OK2)) + "\n"
    assert run_cli("ingest", "-", db=db, stdin=lines.encode()).returncode == 0
    q = run_cli("query", "--format", "jsonl", "--actor", "IDN", db=db)
    assert q.returncode == 0, q.stderr.decode()
    events = [json.loads(line) for line in q.stdout.decode().splitlines()]
    assert events and all("IDN" in (e["source_code"] or "") + (e["target_code"] or "") for e in events)
    fts = run_cli("query", "--format", "jsonl", "--text", "Natuna", db=db)
    assert fts.returncode == 0 and all(e["event_date"] == "2023-02-02" for e in map(json.loads, fts.stdout.decode()
                                                                                    .splitlines()))
    bad = run_cli("query", "--text", "\"unbalanced", db=db)
    assert bad.returncode == 2 and "invalid --text query" in bad.stderr.decode()
    stats = run_cli("stats", "--json", db=db)
    data = json.loads(stats.stdout)
    assert data["totals"]["articles_done"] == 2 and data["by_root"]
    show = run_cli("show", "j1", "--format", "json", db=db)
    article = json.loads(show.stdout)
    assert article["doc_id"] == "j1" and article["event_mentions"] and article["mentions"]
    missing = run_cli("show", "nope", db=db)
    assert missing.returncode == 1 and "no article" in missing.stderr.decode()


def test_publication_date_from_file_name_then_date_option(tmp_path):
    folder = tmp_path / "harian"
    folder.mkdir()
    (folder / "2023-03-21-demo.txt").write_text(GOOD_TXT, encoding="utf-8")
    (folder / "tanpa-tanggal.txt").write_text(GOOD_TXT.replace("Rabu", "Kamis"), encoding="utf-8")
    db = tmp_path / "dates.db"
    result = run_cli("ingest", str(folder), "--date", "2024-01-05", db=db)
    assert result.returncode == 0, result.stderr.decode()
    conn = sqlite3.connect(db)
    dates = dict(conn.execute("SELECT doc_id, published FROM articles").fetchall())
    conn.close()
    assert dates["2023-03-21-demo"] == "2023-03-21"  # the file name wins over --date
    assert dates["tanpa-tanggal"] == "2024-01-05"
    bad = run_cli("ingest", str(folder), "--date", "5/1/2024", db=tmp_path / "x.db")
    assert bad.returncode == 2 and b"YYYY-MM-DD" in bad.stderr
