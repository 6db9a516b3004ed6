"""Browser tests: Playwright for Python driving Debian's chromium against a real `peristiwa serve`.

Loads every page (and saves its screenshot to docs/screenshots/), clicks an event in the article view and
checks its explanation, filters the network and opens an edge, opens a map point, and runs "Try it".
Skips with a reason where chromium or playwright is missing (CI installs both: scripts/ci_system_deps.sh).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed "
                                                             "(pip install playwright; never `playwright install`)")
pytest.importorskip("fastapi", reason="the web app needs fastapi")

from web_fixtures.webdb import build_db, serve  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# Screenshots go to docs/screenshots/ only when asked (PERISTIWA_SCREENSHOTS=1), so a test run never
# leaves the working tree modified; otherwise to a temporary folder (still taken: they must not fail).
SHOTS = ROOT / "docs" / "screenshots" if os.environ.get("PERISTIWA_SCREENSHOTS") else Path(
    tempfile.mkdtemp(prefix="peristiwa-shots-"))
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
TRY_TEXT = ("Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Australia Penny Wong di Jakarta pada "
            "Kamis. \"Kami sepakat memperkuat kerja sama maritim,\" kata Retno. Sehari kemudian, ribuan buruh "
            "berunjuk rasa di Surabaya menuntut kenaikan upah.")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    db = build_db(tmp_path_factory.mktemp("webui") / "web.db")
    proc, base = serve(db)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=server)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.errors = errors
    # Nothing may leave the machine: fail any request that is not to our own server.
    pg.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server)
             else (errors.append("external request " + route.request.url), route.abort())[1])
    yield pg
    context.close()


def article_id(pg, doc_id: str) -> int:
    return pg.request.get(f"/api/articles/{doc_id}").json()["id"]


def shoot(pg, name: str, full: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def load(pg, url: str) -> float:
    start = time.perf_counter()
    response = pg.goto(url)
    assert response is not None and response.status == 200, url
    pg.wait_for_load_state("load")
    return time.perf_counter() - start


def test_every_page_loads_and_is_captured(page) -> None:
    pages = [
        ("dashboard", "/", "h1:has-text('Dashboard')"),
        ("articles", "/articles", "table.data tbody tr"),
        ("events", "/events", "table.events tbody tr"),
        ("actors", "/actors", "table.data tbody tr"),
        ("actor", "/actors/joko-widodo", "h2:has-text('Goldstein over time')"),
        ("network", "/network", "svg.network a.edge"),
        ("map", "/map", "svg.map a.point"),
        ("search", "/search?q=Makassar OR Surabaya", "section h2:has-text('Articles')"),
        ("try", "/try", "textarea#text"),
        ("api-docs", "/docs", ".opblock"),  # Swagger UI from the installed package, not a CDN
    ]
    for name, url, selector in pages:
        seconds = load(page, url)
        page.locator(selector).first.wait_for(state="visible", timeout=5000)  # Swagger UI renders after load
        assert seconds < 5, f"{name} took {seconds:.2f} s"
        shoot(page, name)
    aid = article_id(page, "web-01")
    load(page, f"/articles/{aid}")
    assert page.locator("a.ev").count() >= 3
    shoot(page, "article")
    event = page.request.get("/api/events", params={"code": "141", "limit": 1}).json()["items"][0]
    load(page, f"/events/{event['id']}")
    assert page.locator("mark.trig").first.is_visible()
    shoot(page, "event")
    assert page.errors == []


def test_article_event_click_shows_explanation(page) -> None:
    load(page, f"/articles/{article_id(page, 'web-02')}")
    trigger = page.locator("a.ev", has_text="menangkap").first
    trigger.click()
    box = page.locator("#explain")
    box.wait_for(state="visible")
    text = box.inner_text()
    assert "173" in text and "rule" in text and "source → target" in text
    data = page.evaluate("JSON.parse(document.getElementById('events-data').textContent)"
                         f"[{trigger.get_attribute('data-ev').split()[0]}]")
    assert data["trigger_text"] == "menangkap" and data["rule"] in text
    assert (data["source_name"] or "?") in text
    assert "active" in (trigger.get_attribute("class") or "")
    # keyboard: the next trigger is focusable and Enter explains it too
    other = page.locator("a.ev").first
    other.focus()
    page.keyboard.press("Enter")
    code = page.evaluate("JSON.parse(document.getElementById('events-data').textContent)"
                         "[Number(document.activeElement.dataset.ev.split(' ')[0])].event_code")
    assert code in box.inner_text()
    shoot(page, "article-explain")
    assert page.errors == []


def test_network_filter_and_edge_click(page) -> None:
    load(page, "/network")
    all_edges = page.locator("svg.network a.edge").count()
    page.check("input[name=root][value='04']")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**root=04**")
    edges = page.locator("svg.network a.edge")
    assert 0 < edges.count() < all_edges
    edges.first.dispatch_event("click")
    panel = page.locator("#panel ol li")
    panel.first.wait_for()
    assert all(t.split()[0].startswith("04") for t in page.locator("#panel ol li a").all_inner_texts())
    shoot(page, "network-filtered")
    assert page.errors == []


def test_map_point_click_lists_events(page) -> None:
    load(page, "/map")
    page.locator("svg.map a.point").first.dispatch_event("click")
    page.locator("#panel ol li").first.wait_for()
    assert page.locator("#panel ol li").count() >= 1
    assert page.errors == []


def test_try_it_annotates_pasted_text(page) -> None:
    load(page, "/try")
    page.fill("#title", "Uji coba")
    page.fill("#published", "2023-06-01")
    page.fill("#text", TRY_TEXT)
    page.click("#tryform button[type=submit]")
    page.locator("#result").wait_for()
    assert page.locator("#result a.ev").count() >= 2
    assert page.locator("#result .m[data-tag=PER]").count() >= 2
    assert page.locator("#result .pl").count() >= 1
    page.locator("#result a.ev", has_text="bertemu").first.click()
    box = page.locator("#explain")
    box.wait_for(state="visible")
    assert "040" in box.inner_text() or "04" in box.inner_text()
    shoot(page, "try-result")
    assert page.errors == []


def test_timeline_bars_match_the_csv(page) -> None:
    load(page, "/timeline?period=week")
    bars = page.locator("svg.chart g.period")
    csv_text = page.request.get("/api/timeline", params={"period": "week", "format": "csv"}).text()
    header, *lines = csv_text.strip().splitlines()
    assert header.startswith("period,events,mentions,q1") and lines
    assert bars.count() == len(lines)
    drawn = sum(int(bars.nth(i).get_attribute("data-events") or 0) for i in range(bars.count()))
    csv_total = sum(int(line.split(",")[1]) for line in lines)
    assert drawn == csv_total == int(page.locator("[data-count=timeline-events]").inner_text())
    dated = [e for e in page.request.get("/api/events", params={"limit": 500}).json()["items"]
             if e["date_granularity"] == "day"]
    assert csv_total == len(dated)
    assert page.locator("a[download]").get_attribute("href").endswith("format=csv")
    shoot(page, "timeline")
    load(page, "/timeline?period=month&code=04")
    assert page.locator("svg.chart g.period").count() >= 1
    assert page.errors == []


def test_network_is_spread_out_and_hides_generic_actors(page) -> None:
    load(page, "/network")
    circles = page.eval_on_selector_all(
        "svg.network a.node circle", "cs => cs.map(c => [c.cx.baseVal.value, c.cy.baseVal.value, c.r.baseVal.value])")
    assert 5 <= len(circles) <= 30
    for i, (x1, y1, r1) in enumerate(circles):
        for x2, y2, r2 in circles[i + 1:]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= r1 + r2, "two actor circles overlap"
    names = set(page.locator("svg.network a.node text").all_text_contents())
    assert not names & {"Polisi", "bupati", "IDN", "Mahasiswa"}
    shoot(page, "network-force")
    load(page, "/network?top=5&generic=true")
    assert page.locator("svg.network a.node").count() == 5
    load(page, "/network?generic=true&top=120")
    assert set(page.locator("svg.network a.node text").all_text_contents()) & {"Polisi", "bupati", "IDN", "Mahasiswa"}
    assert page.errors == []
