"""Exports: GDELT 2.0 TSV read back with GDELT's column list and types; Parquet via pyarrow and DuckDB."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from peristiwa.model import Article
from peristiwa.store.base import EventFilter
from peristiwa.store.export import EVENT_FIELDS, export
from peristiwa.store.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, FipsTable, GdeltActor
from peristiwa.store.ingest import IngestOptions, Ingestor
from peristiwa.store.readers import InputItem
from peristiwa.store.sqlite import SQLiteStore

# GDELT 2.0 event codebook: name → type, written out independently of gdelt.py's tuple.
GDELT_TYPES = """GLOBALEVENTID int|SQLDATE int|MonthYear int|Year int|FractionDate float|Actor1Code str|Actor1Name str|
Actor1CountryCode str|Actor1KnownGroupCode str|Actor1EthnicCode str|Actor1Religion1Code str|Actor1Religion2Code str|
Actor1Type1Code str|Actor1Type2Code str|Actor1Type3Code str|Actor2Code str|Actor2Name str|Actor2CountryCode str|
Actor2KnownGroupCode str|Actor2EthnicCode str|Actor2Religion1Code str|Actor2Religion2Code str|Actor2Type1Code str|
Actor2Type2Code str|Actor2Type3Code str|IsRootEvent int|EventCode str|EventBaseCode str|EventRootCode str|
QuadClass int|GoldsteinScale float|NumMentions int|NumSources int|NumArticles int|AvgTone float|
Actor1Geo_Type int|Actor1Geo_FullName str|Actor1Geo_CountryCode str|Actor1Geo_ADM1Code str|Actor1Geo_ADM2Code str|
Actor1Geo_Lat float|Actor1Geo_Long float|Actor1Geo_FeatureID str|Actor2Geo_Type int|Actor2Geo_FullName str|
Actor2Geo_CountryCode str|Actor2Geo_ADM1Code str|Actor2Geo_ADM2Code str|Actor2Geo_Lat float|Actor2Geo_Long float|
Actor2Geo_FeatureID str|ActionGeo_Type int|ActionGeo_FullName str|ActionGeo_CountryCode str|ActionGeo_ADM1Code str|
ActionGeo_ADM2Code str|ActionGeo_Lat float|ActionGeo_Long float|ActionGeo_FeatureID str|DATEADDED int|SOURCEURL str"""
SCHEMA = [tuple(field.split()) for field in GDELT_TYPES.replace("\n", "").split("|")]
OPTIONAL_NUMBERS = {"AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long",
                    "ActionGeo_Lat", "ActionGeo_Long"}

ARTICLES = [
    ("a1", "kabar", "2023-03-21", "Menteri Luar Negeri Retno Marsudi mengunjungi Beijing pada Selasa untuk membahas "
     "perdagangan. Polisi Indonesia menangkap dua tersangka di Jakarta."),
    ("a2", "warta", "2023-03-22", "Pemerintah Indonesia mengecam serangan Israel terhadap warga Palestina di Gaza "
     "pada Rabu. Menteri Luar Negeri Retno Marsudi mengunjungi Beijing kemarin."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory, extractor):
    path = tmp_path_factory.mktemp("export") / "e.db"
    items = [InputItem(f"t:{i}", Article(id=i, text=t, published=date.fromisoformat(d), source=o,
                                         url=f"https://{o}.example/{i}"), declared_language="id")
             for i, o, d, t in ARTICLES]
    with SQLiteStore(path) as s:
        Ingestor(s, IngestOptions()).run(items, extract=lambda arts: ((a, extractor.run(a), None) for a in arts))
    s = SQLiteStore(path, readonly=True)
    yield s
    s.close()


def parse_gdelt(text: str) -> list[dict]:
    rows = []
    for line in text.splitlines():
        fields = line.split("\t")
        assert len(fields) == 61
        row = {}
        for (name, kind), value in zip(SCHEMA, fields, strict=True):
            if kind == "int":
                row[name] = int(value)
            elif kind == "float":
                row[name] = float(value) if value or name not in OPTIONAL_NUMBERS else None
                if name not in OPTIONAL_NUMBERS:
                    assert value != "", name
            else:
                row[name] = value
        rows.append(row)
    return rows


def test_gdelt_column_list_matches_codebook():
    assert list(EVENT_COLUMNS) == [name for name, _ in SCHEMA]
    assert len(MENTION_COLUMNS) == 16


def test_gdelt_export_parses_with_gdelt_types(store, tmp_path):
    out = tmp_path / "events.tsv"
    written = export(store, "gdelt", EventFilter(), out, io.StringIO())
    rows = parse_gdelt(out.read_text(encoding="utf-8"))
    assert len(rows) == written["events"] > 0
    visit = [r for r in rows if r["Actor1Code"] == "IDNGOV" and r["Actor2Code"] == "CHNGOV" and r["EventCode"] == "042"]
    assert len(visit) == 1
    v = visit[0]
    assert (v["NumArticles"], v["NumSources"], v["SQLDATE"], v["Year"]) == (2, 2, 20230321, 2023)
    assert v["Actor1CountryCode"] == "IDN" and v["Actor1Type1Code"] == "GOV"
    assert v["ActionGeo_CountryCode"] == "CH"  # FIPS, not ISO
    assert v["ActionGeo_Type"] == 4 and abs(v["ActionGeo_Lat"] - 39.9) < 0.5
    assert v["EventRootCode"] == "04" and v["QuadClass"] == 1
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    mentions = tmp_path / "events.mentions.tsv"
    lines = [line.split("\t") for line in mentions.read_text(encoding="utf-8").splitlines()]
    assert lines and all(len(f) == 16 for f in lines)
    assert {int(f[0]) for f in lines} <= {r["GLOBALEVENTID"] for r in rows}
    assert sum(1 for f in lines if int(f[0]) == v["GLOBALEVENTID"]) == 2


def test_fips_table_and_actor_split():
    fips = FipsTable.load()
    assert [fips.to_fips(c) for c in ("IDN", "CHN", "DEU", "GBR", "AUS", "AUT", "XXX")] == \
        ["ID", "CH", "GM", "UK", "AS", "AU", ""]
    actor = GdeltActor.from_cameo("IGOUNO", "United Nations")
    assert (actor.country, actor.type1, actor.known_group) == ("", "IGO", "UNO")


def test_csv_and_jsonl_exports(store):
    buf = io.StringIO()
    n = export(store, "csv", EventFilter(code="04"), None, buf)["events"]
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == n > 0 and all(r["event_code"].startswith("04") for r in rows)
    assert list(rows[0]) == list(EVENT_FIELDS)
    buf = io.StringIO()
    export(store, "jsonl", EventFilter(), None, buf)
    assert all(set(json.loads(line)) == set(EVENT_FIELDS) for line in buf.getvalue().splitlines())


def test_parquet_round_trips_through_pyarrow_and_duckdb(store, tmp_path):
    import duckdb
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    n = export(store, "parquet", EventFilter(), path, io.StringIO())["events"]
    table = pq.read_table(path)
    assert table.num_rows == n > 0
    assert str(table.schema.field("global_event_id").type) == "int64"
    assert str(table.schema.field("day").type) == "date32[day]"
    expected = sorted(e["id"] for e in store.events(EventFilter()))
    assert sorted(table.column("id").to_pylist()) == expected
    con = duckdb.connect()
    count, visits = con.execute(
        "SELECT count(*), sum(CASE WHEN source_code = 'IDNGOV' AND target_code = 'CHNGOV' THEN num_articles END) "
        f"FROM read_parquet('{path}')").fetchone()
    assert count == n and visits == 2


@pytest.mark.parametrize(("event_date", "sqldate", "month_year"), [
    ("2005", "20050101", "200501"), ("2022-02", "20220201", "202202"), ("2023-W11", "20230313", "202303"),
    ("2023-03-20", "20230320", "202303"),
])
def test_coarse_event_dates_keep_their_period_in_gdelt(store, event_date, sqldate, month_year):
    """A year- or month-resolved event is not moved to the publication date (0.1 wrote 2005 as 20230321)."""
    from peristiwa.store.export import to_gdelt_event
    from peristiwa.store.gdelt import gdelt_event_row

    row = {**next(iter(store.events(EventFilter(), 1))), "event_date": event_date}
    fields = gdelt_event_row(to_gdelt_event(row), FipsTable.load())
    assert (fields[1], fields[2], fields[3]) == (sqldate, month_year, event_date[:4])
    assert fields[59][:8] == row["first_seen"].replace("-", "")  # DATEADDED stays the first sighting


def test_csv_keeps_leading_zeros_for_readers_told_codes_are_text(store):
    """CSV has no types: the codes are written as in CAMEO ("042"); docs/store.md gives the pandas dtype."""
    import pandas as pd

    buf = io.StringIO()
    export(store, "csv", EventFilter(code="04"), None, buf)
    assert ",042," in buf.getvalue()
    frame = pd.read_csv(io.StringIO(buf.getvalue()), dtype={"event_code": str, "base_code": str, "root_code": str})
    assert set(frame["root_code"]) == {"04"}
