"""Issue 12: hostile articles, write protection, request limits, concurrent writers.

Everything runs for real: the hostile articles are ingested with `peristiwa ingest`, served by a real
`peristiwa serve` (uvicorn) on a free loopback port and opened in Debian's chromium; concurrent writers
are two `peristiwa ingest` processes on one SQLite file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web app needs fastapi")
httpx = pytest.importorskip("httpx", reason="the web tests need httpx")

from web_fixtures.webdb import ARTICLES, serve  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>"
HOSTILE = [
    {"id": "evil-url", "title": "Tautan jahat", "url": "javascript:alert(3)", "source": "Warta Uji",
     "published": "2023-02-01",
     "text": "Tautan jahat\nPresiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta."},
    {"id": "evil-title", "title": f"Judul {XSS}", "url": "https://example.org/a\"onmouseover=\"alert(4)",
     "source": f"Outlet {XSS}", "published": "2023-02-02",
     "text": f"Judul\nPresiden Joko Widodo {XSS} mengecam Anwar Ibrahim di Jakarta. \"Kami {XSS} menolak,\" "
             f"kata Jokowi kepada wartawan."},
    {"id": "evil-data", "title": "Data URL", "url": "data:text/html,<script>alert(5)</script>", "source": "x",
     "published": "2023-02-03",
     "text": "Data URL\nMenteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Australia di Canberra."},
]
HOSTILE_KB = f"""\
- id: evil-actor
  kind: person
  name: "Budi {XSS}"
  aliases: ["Budi Penjahat"]
  country: IDN
  code: IDNGOV
"""


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "peristiwa.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "COLUMNS": "200"})


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The web fixtures plus hostile articles, ingested by the real CLI."""
    tmp = tmp_path_factory.mktemp("hostile")
    lines = [*HOSTILE, {"id": "evil-kb", "title": "Aktor jahat", "published": "2023-02-04", "source": "x",
                        "text": "Aktor jahat\nBudi Penjahat mengecam Presiden Joko Widodo di Jakarta."}]
    path = tmp / "hostile.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    kb = tmp / "evil.yaml"
    kb.write_text(HOSTILE_KB, encoding="utf-8")
    db = tmp / "hostile.db"
    done = run_cli("ingest", "--db", str(db), "--kb", str(kb), str(ARTICLES), str(path))
    assert done.returncode == 0, done.stderr[-2000:]
    return db


@pytest.fixture(scope="module")
def server(hostile_db: Path):
    proc, base = serve(hostile_db)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def article_ids(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {doc: aid for aid, doc in conn.execute("SELECT id, doc_id FROM articles")}


# --- 1. hostile content --------------------------------------------------------------------------------
def test_only_http_urls_become_links(server: str, hostile_db: Path) -> None:
    ids = article_ids(hostile_db)
    for doc in ("evil-url", "evil-data"):
        html = httpx.get(f"{server}/articles/{ids[doc]}").text
        assert 'href="javascript:' not in html and 'href="data:' not in html, doc
        assert "<code>javascript:alert(3)</code>" in html or "data:text/html" in html  # shown as text, inert
    html = httpx.get(f"{server}/articles/{ids['evil-title']}").text
    assert "<script>alert(1)" not in html and "onerror=alert" not in html.replace("onerror=alert(2)&gt;", "")
    assert 'href="https://example.org/a&#34;onmouseover' in html or "&#34;onmouseover" in html


def test_security_headers_on_pages_api_and_errors(server: str) -> None:
    for path in ("/", "/articles", "/api/health", "/api/events/nope", "/nope", "/assets/app.js"):
        headers = httpx.get(server + path).headers
        csp = headers.get("content-security-policy", "")
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";")[0], path
        assert headers.get("x-content-type-options") == "nosniff", path
        assert headers.get("referrer-policy") == "no-referrer", path


def test_hostile_pages_never_run_script_in_chromium(server: str, hostile_db: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed")
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    ids = article_ids(hostile_db)
    dialogs: list[str] = []
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(base_url=server)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.route("**/favicon.ico", lambda route: route.fulfill(status=204))  # chromium asks; we have none
        page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        urls = [f"/articles/{i}" for i in ids.values()] + ["/articles", "/actors", "/actors?q=Budi",
                                                            "/search?q=script", "/events", "/network", "/"]
        for url in urls:
            page.goto(url, wait_until="load")
            for link in page.locator("a[href^='javascript:'], a[href^='data:']").all():
                errors.append(f"{url}: dangerous link {link.get_attribute('href')}")
            page.mouse.move(5, 5)
        for href in page.locator("a[href^='/actors/']").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
            page.goto(href, wait_until="load")  # the hostile KB actor's own page, from the actors list
        page.goto("/try")
        page.fill("textarea[name=text]", f"Presiden Joko Widodo {XSS} mengecam Anwar Ibrahim di Jakarta.")
        page.fill("input[name=title]", XSS)
        page.locator("form button[type=submit], form input[type=submit]").first.click()
        page.wait_for_load_state("load")
        browser.close()
    assert dialogs == []
    assert [e for e in errors if "Content Security Policy" in e or "dangerous" in e or "alert" in e] == []
    assert errors == [], errors


# --- 1. write protection and limits -----------------------------------------------------------------------
def test_allow_writes_refuses_non_loopback_host_without_token(hostile_db: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "peristiwa.cli_web", "serve", "--db", str(hostile_db), "--host",
                           "0.0.0.0", "--allow-writes"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 2
    assert "--token" in done.stderr


def test_token_checked_on_writes_and_limits(tmp_path: Path, hostile_db: Path) -> None:
    db = tmp_path / "w.db"
    db.write_bytes(hostile_db.read_bytes())
    proc, base = serve(db, "--allow-writes", "--token", "s3cret", "--max-text", "2000")
    try:
        body = {"text": "Presiden Joko Widodo bertemu Anwar Ibrahim di Jakarta pada Senin."}
        assert httpx.post(base + "/api/articles", json=body, timeout=60).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert httpx.post(base + "/api/articles", json=body, headers=wrong, timeout=60).status_code == 401
        good = {"Authorization": "Bearer s3cret"}
        assert httpx.post(base + "/api/articles", json=body, headers=good, timeout=60).status_code == 201
        big = {"text": "kata " * 1000}
        for path in ("/api/articles", "/api/extract"):
            r = httpx.post(base + path, json=big, headers=good, timeout=60)
            assert r.status_code == 413 and "2,000" in r.json()["error"], path
        r = httpx.post(base + "/try", data={"text": "kata " * 1000}, timeout=60)
        assert r.status_code == 413
        r = httpx.post(base + "/api/extract", content=b"{" + b" " * 2_000_000 + b"}",
                       headers={"content-type": "application/json"}, timeout=60)
        assert r.status_code == 413
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_extraction_time_budget_answers_503(hostile_db: Path) -> None:
    proc, base = serve(hostile_db, "--extract-seconds", "0.001")
    try:
        text = "Presiden Joko Widodo bertemu Anwar Ibrahim di Jakarta pada Senin. " * 200
        r = httpx.post(base + "/api/extract", json={"text": text}, timeout=120)
        assert r.status_code == 503 and "budget" in r.json()["error"]
        assert httpx.get(base + "/api/health", timeout=10).status_code == 200  # still serving
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# --- 2. concurrent writers --------------------------------------------------------------------------------
def test_two_ingests_on_one_database_both_finish(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    extra = [{**r, "id": f"{r['id']}-b", "text": r["text"] + " Tambahan kalimat."} for r in rows]
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in rows + extra[:4]), encoding="utf-8")
    second.write_text("".join(json.dumps(r) + "\n" for r in rows + extra[4:]), encoding="utf-8")
    db = tmp_path / "c.db"
    # no schema yet: both processes create it at once (the migration must not race)
    procs = [subprocess.Popen([sys.executable, "-m", "peristiwa.cli", "ingest", "--db", str(db), "--batch", "1",
                               str(path)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "COLUMNS": "200"}) for path in (first, second)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_out, errout) in zip(procs, outs, strict=True):
        assert p.returncode == 0, errout[-2000:]
        assert "IntegrityError" not in errout
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        hashes = conn.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM articles").fetchone()
    assert hashes == (len(rows) + len(extra), len(rows) + len(extra))


# --- 5. limits --------------------------------------------------------------------------------------------
def test_max_chars_stores_oversized_articles_as_skipped(tmp_path: Path) -> None:
    sentence = "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada Senin. "
    rows = [{"id": "fits", "text": sentence * 200, "published": "2023-01-09"},
            {"id": "too-long", "text": sentence * 300, "published": "2023-01-09"}]
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "big.db"
    done = run_cli("ingest", "--db", str(db), "--max-chars", "20000", str(path))
    assert done.returncode == 0, done.stderr[-2000:]
    with sqlite3.connect(db) as conn:
        status = dict(conn.execute("SELECT doc_id, status || ':' || coalesce(error, '') FROM articles"))
    assert status["fits"] == "done:"
    assert status["too-long"].startswith("skipped:") and "--max-chars 20,000" in status["too-long"]


# --- 2b. a reader during a write ----------------------------------------------------------------------------
def _extraction_size(article: dict) -> tuple[int, int, int]:
    """What must be whole for an article to count as stored: its sentences, mentions and event mentions."""
    return len(article["sentences"]), len(article["mentions"]), len(article["event_mentions"])


def test_serve_while_ingest_never_shows_a_half_written_article(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    variants = [{**r, "id": f"{r['id']}-v{i}", "text": f"{r['text']} Kalimat tambahan nomor {i}."}
                for i in range(10) for r in rows]
    first, rest = tmp_path / "first.jsonl", tmp_path / "rest.jsonl"
    first.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    rest.write_text("".join(json.dumps(r) + "\n" for r in rows[1:] + variants), encoding="utf-8")
    db = tmp_path / "live.db"
    assert run_cli("ingest", "--db", str(db), str(first)).returncode == 0  # serve needs an existing store
    proc, base = serve(db)
    seen: dict[int, tuple[int, int, int]] = {}
    totals_seen: set[int] = set()
    try:
        writer = subprocess.Popen([sys.executable, "-m", "peristiwa.cli", "ingest", "--db", str(db), "--batch", "2",
                                   str(rest)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        while writer.poll() is None:
            page = httpx.get(base + "/api/articles", params={"limit": 500}, timeout=30).json()
            totals_seen.add(page["total"])
            for item in page["items"]:
                if item["id"] not in seen:
                    article = httpx.get(f"{base}/api/articles/{item['id']}", timeout=30).json()
                    seen[item["id"]] = _extraction_size(article)
        assert writer.returncode == 0, writer.stderr.read()[-2000:]
        final = {aid: _extraction_size(httpx.get(f"{base}/api/articles/{aid}", timeout=30).json()) for aid in seen}
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert len(totals_seen) >= 3, f"the reader never saw the store mid-ingest ({sorted(totals_seen)})"
    half_written = {aid: (now, final[aid]) for aid, now in seen.items() if now != final[aid]}
    assert half_written == {}
