"""The web app's REST API: every endpoint, bad input (400/422/413), unknown ids (404), read-only refusals.

The database is built once per module by ingesting our own short articles (tests/web_fixtures) with the real
Ingestor, plus the seed article when ../shared exists. One part runs a real `peristiwa serve` (uvicorn) on
127.0.0.1 in a subprocess.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web app needs fastapi (pip install fastapi uvicorn httpx jinja2)")
httpx = pytest.importorskip("httpx", reason="the web tests need httpx")

from fastapi.testclient import TestClient  # noqa: E402
from web_fixtures.webdb import build_db, serve  # noqa: E402

from peristiwa.web.annotate import Mark, annotate, render  # noqa: E402
from peristiwa.web.app import create_app  # noqa: E402
from peristiwa.web.state import WebSettings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = ("Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada Senin untuk "
            "membahas perbatasan.")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("webapi") / "web.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(WebSettings(db=db)))


def error_of(response) -> str:
    body = response.json()
    assert isinstance(body.get("error"), str) and body["error"], body
    return body["error"]


# --- read endpoints --------------------------------------------------------------------------------
def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/articles/{ref}", "/api/events", "/api/events/{event_id}", "/api/actors",
                 "/api/actors/{key}", "/api/quotes", "/api/stats", "/api/extract", "/api/network", "/api/map",
                 "/api/search"):
        assert path in paths, path
    assert "post" in paths["/api/extract"]


def test_articles_list_search_and_get(client: TestClient) -> None:
    page = client.get("/api/articles", params={"limit": 3}).json()
    assert page["total"] >= 8 and len(page["items"]) == 3
    hits = client.get("/api/articles", params={"q": "Makassar"}).json()
    assert [a["doc_id"] for a in hits["items"]] == ["web-02"]
    one = client.get("/api/articles/web-02").json()
    assert one["title"] == "Mahasiswa berunjuk rasa di Makassar"
    assert any(p["name"] == "Makassar" for p in one["places"])
    triggers = {e["trigger_text"] for e in one["event_mentions"]}
    assert "menangkap" in triggers
    assert client.get(f"/api/articles/{one['id']}").json()["doc_id"] == "web-02"
    missing = client.get("/api/articles/no-such-article")
    assert missing.status_code == 404 and "no-such-article" in error_of(missing)


def test_events_filters_and_pagination(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) >= 30
    first = client.get("/api/events", params={"limit": 5, "offset": 0}).json()["items"]
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()["items"]
    assert len(first) == len(second) == 5
    assert not {e["id"] for e in first} & {e["id"] for e in second}
    consult = client.get("/api/events", params={"code": "04", "limit": 500}).json()
    assert consult["total"] > 0 and all(e["event_code"].startswith("04") for e in consult["items"])
    idn = client.get("/api/events", params={"actor": "IDN", "limit": 500}).json()["items"]
    assert idn and all("IDN" in ((e["source_code"] or "") + (e["target_code"] or "")) for e in idn)
    dated = client.get("/api/events", params={"from": "2023-01-01", "to": "2023-01-31", "limit": 500}).json()
    assert dated["total"] > 0 and all("2023-01-01" <= e["event_date"] <= "2023-01-31" for e in dated["items"])
    conflict = client.get("/api/events", params={"quad": 4, "limit": 500}).json()["items"]
    assert conflict and all(e["quad_class"] == 4 for e in conflict)


def test_event_detail_has_mentions_with_provenance(client: TestClient) -> None:
    event = client.get("/api/events", params={"code": "173", "limit": 1}).json()["items"][0]
    detail = client.get(f"/api/events/{event['id']}").json()
    assert detail["event_code"].startswith("173") and detail["mentions"]
    for m in detail["mentions"]:
        assert m["trigger_text"] in m["sentence_text"]
        assert m["rule"] and m["article_id"] and m["source_code"]
    assert client.get(f"/api/events/{detail['global_event_id']}").json()["id"] == detail["id"]
    missing = client.get("/api/events/ffffffffffffffff")
    assert missing.status_code == 404 and "ffffffffffffffff" in error_of(missing)


def test_actors_search_and_profile(client: TestClient) -> None:
    found = client.get("/api/actors", params={"q": "Widodo"}).json()["items"]
    assert found and found[0]["key"] == "joko-widodo" and found[0]["mentions"] >= 3
    profile = client.get("/api/actors/joko-widodo").json()
    assert "Jokowi" in profile["kb"]["aliases"]
    assert any(r["title"] == "Presiden" for r in profile["kb"]["roles"])
    assert profile["roles_seen"][0]["code"] == "IDNGOV"
    assert profile["events_as_source"] and profile["counts"]["events_as_source"] >= 2
    keys = {c["key"] for c in profile["counterparts"]}
    assert "anwar-ibrahim" in keys
    series = client.get("/api/actors/joko-widodo", params={"counterpart": "anwar-ibrahim"}).json()["goldstein"]
    assert series and series[0]["month"] == "2023-01" and series[0]["events"] >= 1
    assert any("perundingan" in q["text"] for q in profile["quotes"])
    missing = client.get("/api/actors/nobody-at-all")
    assert missing.status_code == 404 and "nobody-at-all" in error_of(missing)


def test_quotes_by_text_and_speaker(client: TestClient) -> None:
    by_text = client.get("/api/quotes", params={"q": "korupsi"}).json()["items"]
    assert by_text and all("korupsi" in q["text"].lower() for q in by_text)
    by_speaker = client.get("/api/quotes", params={"speaker": "Zelensky"}).json()["items"]
    assert by_speaker and all(q["speaker_name"] == "Volodymyr Zelensky" for q in by_speaker)


def test_stats_by_period_quad_root_and_pair(client: TestClient) -> None:
    day = client.get("/api/stats", params={"period": "day"}).json()
    week = client.get("/api/stats", params={"period": "week"}).json()
    month = client.get("/api/stats", params={"period": "month"}).json()
    n_day = sum(r["events"] for r in day["by_period"])
    assert n_day == sum(r["events"] for r in week["by_period"]) > 0
    assert sum(r["events"] for r in month["by_period"]) >= n_day
    assert all(r["period"].count("-W") == 1 for r in week["by_period"])
    assert all(r["q1"] + r["q2"] + r["q3"] + r["q4"] == r["events"] for r in day["by_period"])
    assert sum(r["events"] for r in day["by_quad"]) == day["totals"]["events"]
    assert sum(r["events"] for r in day["by_root"]) == day["totals"]["events"]
    assert day["by_actor_pair"][0]["events"] >= day["by_actor_pair"][-1]["events"]
    filtered = client.get("/api/stats", params={"code": "04"}).json()
    assert {r["root_code"] for r in filtered["by_root"]} == {"04"}


def test_timeline_json_csv_and_cli_share_one_series(client: TestClient, db: Path) -> None:
    from typer.testing import CliRunner

    from peristiwa.cli_store import store_app

    week = client.get("/api/timeline", params={"period": "week"}).json()
    assert week["rows"] and week["dated_events"] == sum(r["events"] for r in week["rows"]) <= week["events"]
    assert week["events"] == client.get("/api/stats").json()["totals"]["events"]
    csv_text = client.get("/api/timeline", params={"period": "week", "format": "csv"})
    assert csv_text.headers["content-type"].startswith("text/csv")
    header, *lines = csv_text.text.strip().splitlines()
    assert header == "period,events,mentions,q1,q2,q3,q4" and len(lines) == len(week["rows"])
    assert sum(int(line.split(",")[1]) for line in lines) == week["dated_events"]
    cli = CliRunner().invoke(store_app, ["stats", "--db", str(db), "--period", "week", "--json"])
    assert cli.exit_code == 0, cli.output
    assert json.loads(cli.output)["by_period"] == week["rows"]
    root = client.get("/api/timeline", params={"period": "month", "code": "04"}).json()
    assert root["events"] == client.get("/api/events", params={"code": "04"}).json()["total"]
    assert client.get("/api/timeline", params={"period": "year"}).status_code == 422
    page = client.get("/timeline", params={"period": "week", "actor": "IDN"})
    assert page.status_code == 200 and "format=csv" in page.text and 'class="period"' in page.text


def test_network_map_and_search(client: TestClient) -> None:
    graph = client.get("/api/network").json()
    assert graph["edges"] and graph["nodes"]
    consult = client.get("/api/network", params={"root": "04"}).json()
    assert 0 < len(consult["edges"]) < len(graph["edges"])
    edge = consult["edges"][0]
    behind = client.get("/api/network/edge", params={"root": "04", "source": edge["source"],
                                                     "target": edge["target"]}).json()["events"]
    assert len(behind) == edge["events"] and all(e["root_code"] == "04" for e in behind)
    busy = client.get("/api/network", params={"min_mentions": 2}).json()
    assert len(busy["edges"]) < len(graph["edges"])
    points = client.get("/api/map").json()["points"]
    assert any(p["name"] == "Makassar" and -6 < p["lat"] < -5 for p in points)
    at = next(p for p in points if p["name"] == "Makassar")
    here = client.get("/api/map/place", params={"lat": at["lat"], "lon": at["lon"]}).json()["events"]
    assert len(here) == at["events"]
    found = client.get("/api/search", params={"q": "Surabaya"}).json()
    assert [a["title"] for a in found["articles"]] == ["Polisi menangkap tersangka korupsi di Surabaya"]
    assert "[Surabaya]" in found["articles"][0]["snippet"]


# --- bad input ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("url", "params", "status", "word"), [
    ("/api/events", {"limit": 0}, 422, "limit"),
    ("/api/events", {"limit": 501}, 422, "limit"),
    ("/api/events", {"offset": -1}, 422, "offset"),
    ("/api/events", {"code": "abc"}, 422, "code"),
    ("/api/events", {"quad": 5}, 422, "quad"),
    ("/api/events", {"from": "2023-02-30"}, 422, "from"),
    ("/api/events", {"country": "INDONESIA"}, 422, "country"),
    ("/api/events", {"from": "2023-03-01", "to": "2023-01-01"}, 400, "after"),
    ("/api/events", {"text": '"unclosed'}, 400, "FTS5"),
    ("/api/articles", {"q": "AND"}, 400, "full-text"),
    ("/api/quotes", {"q": '"x'}, 400, "full-text"),
    ("/api/stats", {"period": "year"}, 422, "period"),
    ("/api/network", {"root": "4x"}, 422, "root"),
    ("/api/map/place", {"lat": 100, "lon": 0}, 422, "lat"),
    ("/api/search", {}, 422, "q"),
    ("/api/actors", {"q": "x" * 101}, 422, "q"),
])
def test_bad_parameters_give_4xx_with_message(client: TestClient, url: str, params: dict, status: int,
                                              word: str) -> None:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    assert word in error_of(response)


def test_filter_values_are_data_not_sql(client: TestClient) -> None:
    before = client.get("/api/events").json()["total"]
    hostile = client.get("/api/events", params={"actor": "x' OR 1=1; DROP TABLE events; --"})
    assert hostile.status_code == 200 and hostile.json()["total"] == 0
    assert client.get("/api/events").json()["total"] == before


# --- extraction and writes ------------------------------------------------------------------------
def test_extract_returns_extraction_without_storing(client: TestClient) -> None:
    before = client.get("/api/articles").json()["total"]
    response = client.post("/api/extract", json={"text": SENTENCE, "published": "2023-05-08"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] is False
    codes = [e["code"] for e in body["document"]["events"]]
    assert any(c.startswith("04") for c in codes)
    assert body["view"]["events"][0]["source_code"] == "IDNGOV"
    assert client.get("/api/articles").json()["total"] == before


def test_writes_are_refused_when_read_only(client: TestClient) -> None:
    stored = client.post("/api/extract", json={"text": SENTENCE, "published": "2023-05-08", "store": True})
    assert stored.status_code == 403 and "--allow-writes" in error_of(stored)
    posted = client.post("/api/articles", json={"text": SENTENCE})
    assert posted.status_code == 403 and "read-only" in error_of(posted)


def test_oversize_and_empty_input(client: TestClient) -> None:
    big = client.post("/api/extract", json={"text": "kata " * 30_000})
    assert big.status_code == 413 and "at most" in error_of(big)
    huge = client.post("/api/extract", content=b'{"text": "' + b"a" * 2_000_000 + b'"}',
                       headers={"content-type": "application/json"})
    assert huge.status_code == 413
    empty = client.post("/api/extract", json={"text": "   "})
    assert empty.status_code == 422 and "empty" in error_of(empty)
    no_text = client.post("/api/extract", json={"published": "2023-01-01"})
    assert no_text.status_code == 422 and "text" in error_of(no_text)
    bad_date = client.post("/api/extract", json={"text": SENTENCE, "published": "kemarin"})
    assert bad_date.status_code == 422 and "published" in error_of(bad_date)


def test_allow_writes_stores_once(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "writable.db"
    shutil.copy(db, copy)
    writer = TestClient(create_app(WebSettings(db=copy, allow_writes=True)))
    before = writer.get("/api/articles").json()["total"]
    first = writer.post("/api/extract", json={"text": SENTENCE, "published": "2023-05-08", "store": True}).json()
    assert first["stored"] is True
    again = writer.post("/api/articles", json={"text": SENTENCE, "published": "2023-05-08"})
    assert again.status_code == 201 and again.json() == {"id": first["article_id"], "stored": False,
                                                         "events": again.json()["events"]}
    assert writer.get("/api/articles").json()["total"] == before + 1
    article = writer.get(f"/api/articles/{first['article_id']}").json()
    assert article["published"] == "2023-05-08" and article["event_mentions"]


def test_missing_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="peristiwa ingest"):
        create_app(WebSettings(db=tmp_path / "absent.db"))


# --- annotated HTML ----------------------------------------------------------------------------------
class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_render_keeps_text_and_nests_crossing_spans() -> None:
    text = "Menlu <Retno> & Jokowi bertemu."
    marks = [Mark(0, 13, "mention", '<span class="a">', "</span>", '<span class="a c">', "</span>"),
             Mark(6, 22, "quote", "<i>", "</i>", "<i>", "</i>"),
             Mark(23, 30, "event", '<a href="#e">', "</a>", '<span class="e">', "</span>")]
    html = str(render(text, marks))
    checker = _Balance()
    checker.feed(html)
    assert checker.stack == []
    assert "".join(checker.text) == text
    assert "&lt;Retno&gt;" in html and html.count("<a ") == 1


def test_annotate_same_trigger_for_two_events_is_one_link() -> None:
    text = "Xi bertemu Putin."
    event = {"trigger_start": 3, "trigger_end": 10, "event_code": "040", "label": "Consult", "quad_class": 1}
    html = str(annotate(text, {"events": [event, {**event, "event_code": "042"}]}))
    assert html.count("<a ") == 1 and 'data-ev="0 1"' in html


# --- a real server ------------------------------------------------------------------------------------
def test_real_uvicorn_server(db: Path) -> None:
    proc, base = serve(db)
    try:
        health = httpx.get(base + "/api/health").json()
        assert health["ok"] and health["allow_writes"] is False and health["events"] > 0
        events = httpx.get(base + "/api/events", params={"limit": 3}).json()
        assert len(events["items"]) == 3
        page = httpx.get(base + "/")
        assert page.status_code == 200 and "Events over time" in page.text
        assert httpx.get(base + "/api/events", params={"limit": 10_000}).status_code == 422
        refused = httpx.post(base + "/api/extract", json={"text": SENTENCE, "store": True}, timeout=60)
        assert refused.status_code == 403
        assert httpx.get(base + "/api/events/0000").status_code == 404

        def burst(_: int) -> list[int]:  # concurrent requests: connections must work across pool threads
            with httpx.Client(base_url=base, timeout=30) as c:
                return [c.get(url).status_code for url in ("/api/events", "/api/stats", "/network", "/") * 3]

        with ThreadPoolExecutor(4) as pool:
            assert {code for codes in pool.map(burst, range(4)) for code in codes} == {200}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_command_refuses_a_missing_database(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "peristiwa.cli_web", "serve", "--db", str(tmp_path / "x.db")],
                            cwd=ROOT, capture_output=True, timeout=60, env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 2
    assert b"no such database" in result.stderr


def test_extract_rejects_unknown_fields(client):
    response = client.post("/api/extract", json={"text": "Indonesia mengecam Israel.", "date": "2024-01-01"})
    assert response.status_code == 422
    assert "date" in response.text
