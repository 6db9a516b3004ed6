"""Tests for time expressions and their resolution (peristiwa.extract.dates)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peristiwa.extract.dates import TimeStage, event_date
from peristiwa.model import Article, Document
from peristiwa.text.segment import Segmenter

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "xi-putin-id.txt"
TUE = date(2023, 3, 21)  # a Tuesday
MON = date(2023, 3, 20)


@pytest.fixture(scope="module")
def stage() -> TimeStage:
    return TimeStage.load("id")


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter("id")


def times(stage: TimeStage, segmenter: Segmenter, text: str, published: date | None):
    sentences, tokens = segmenter.segment(text)
    doc = Document(Article("t", text, published=published), sentences=sentences, tokens=tokens)
    stage(doc)
    for ref in doc.times:
        assert text[ref.span.start : ref.span.end] == ref.span.text
    return doc


def values(stage: TimeStage, segmenter: Segmenter, text: str, published: date | None) -> list[tuple]:
    return [(r.span.text, r.value, r.granularity) for r in times(stage, segmenter, text, published).times]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # explicit dates
        ("Rapat dimulai 21 Maret 2023 di Jakarta.", TUE, ("21 Maret 2023", "2023-03-21", "day")),
        ("Rapat dimulai 21/3/2023 di Jakarta.", TUE, ("21/3/2023", "2023-03-21", "day")),
        ("Rapat dimulai 2023-03-21 di Jakarta.", TUE, ("2023-03-21", "2023-03-21", "day")),
        ("Jakarta, Selasa (21/3/2023) - Rapat dimulai.", TUE, ("Selasa (21/3/2023)", "2023-03-21", "day")),
        ("Ia tiba Senin (20/3) malam.", TUE, ("Senin (20/3)", "2023-03-20", "day")),
        ("Kontrak diteken 5 Agt 2022.", TUE, ("5 Agt 2022", "2022-08-05", "day")),
        ("Kontrak diteken 5 Agu 2022.", TUE, ("5 Agu 2022", "2022-08-05", "day")),
        ("Ia lahir 29 Februari 2024.", TUE, ("29 Februari 2024", "2024-02-29", "day")),
        # dateline without a year across the year boundary
        ("Ia tiba (30/12) malam.", date(2023, 1, 2), ("(30/12)", "2022-12-30", "day")),
        # month, year
        ("Serangan dimulai pada Februari 2022.", TUE, ("Februari 2022", "2022-02", "month")),
        ("Pemilu digelar pada 2019.", TUE, ("2019", "2019", "year")),
        ("Pada tahun 2019 ia menang.", TUE, ("tahun 2019", "2019", "year")),
        ("Produksi dipangkas hingga akhir Juni.", TUE, ("akhir Juni", "2023-06", "month")),
        ("KTT digelar Mei ini.", TUE, ("Mei ini", "2023-05", "month")),
        ("Harga naik Desember lalu.", date(2024, 1, 5), ("Desember lalu", "2023-12", "month")),
        ("Pertengahan Agustus 2021 ia pergi.", TUE, ("Pertengahan Agustus 2021", "2021-08", "month")),
        ("Rusia pada Juni menyerang.", TUE, ("Juni", "2023-06", "month")),
        # weekdays
        ("Mereka bertemu pada hari Senin.", TUE, ("hari Senin", "2023-03-20", "day")),
        ("Mereka bertemu pada hari Senin.", MON, ("hari Senin", "2023-03-20", "day")),
        ("KTT hari Selasa berlangsung lancar.", TUE, ("hari Selasa", "2023-03-21", "day")),
        ("Ia datang Senin lalu.", MON, ("Senin lalu", "2023-03-13", "day")),
        ("Ia akan datang Senin depan.", TUE, ("Senin depan", "2023-03-27", "day")),
        ("Ia akan bertemu Biden pada hari Jumat.", TUE, ("hari Jumat", "2023-03-24", "day")),
        ("Pada hari Minggu ia beribadah.", date(2023, 3, 1), ("hari Minggu", "2023-02-26", "day")),
        ("Kamis pagi ia tiba.", TUE, ("Kamis pagi", "2023-03-16", "day")),
        # relative days, weeks, months, years
        ("Kemarin ia tiba di Jakarta.", date(2023, 3, 1), ("Kemarin", "2023-02-28", "day")),
        ("Kemarin ia tiba di Jakarta.", date(2024, 3, 1), ("Kemarin", "2024-02-29", "day")),
        ("Kemarin lusa ia datang.", TUE, ("Kemarin lusa", "2023-03-19", "day")),
        ("Ia pergi besok.", date(2023, 12, 31), ("besok", "2024-01-01", "day")),
        ("Hari ini Putin tiba.", TUE, ("Hari ini", "2023-03-21", "day")),
        ("AS mengatakan pekan lalu bahwa usul itu buruk.", TUE, ("pekan lalu", "2023-W11", "week")),
        ("Ia datang minggu lalu.", date(2023, 1, 3), ("minggu lalu", "2022-W52", "week")),
        ("Pekan depan ia pergi.", date(2022, 12, 30), ("Pekan depan", "2023-W01", "week")),
        ("Bulan lalu harga naik.", date(2024, 1, 5), ("Bulan lalu", "2023-12", "month")),
        ("Pendudukan tahun lalu brutal.", TUE, ("tahun lalu", "2022", "year")),
        ("Tahun depan ada pemilu.", TUE, ("Tahun depan", "2024", "year")),
        ("Awal tahun ini harga naik.", TUE, ("Awal tahun ini", "2023", "year")),
        ("Tiga tahun lalu ia menang.", TUE, ("Tiga tahun lalu", "2020", "year")),
        ("Dua hari lalu ia tiba.", date(2023, 3, 1), ("Dua hari lalu", "2023-02-27", "day")),
        ("Setahun lalu perang pecah.", TUE, ("Setahun lalu", "2022", "year")),
    ],
)
def test_resolution(stage: TimeStage, segmenter: Segmenter, text: str, published: date,
                    expected: tuple) -> None:
    assert expected in values(stage, segmenter, text, published)


@pytest.mark.parametrize(
    "text",
    [
        "Mei Ling datang ke rumah.",
        "Ia kuliah di Universitas Sebelas Maret.",
        "Sel kanker tumbuh cepat.",
        "Min 5 derajat tercatat di sana.",
        "Senin Jaya adalah nama toko.",
        "Produksi 500.000 barel dan 2.019 ton per hari.",
        "Mereka bicara empat setengah jam pada hari kedua.",
        "Skor akhir 2019 poin.",
    ],
)
def test_no_false_positives(stage: TimeStage, segmenter: Segmenter, text: str) -> None:
    assert values(stage, segmenter, text, TUE) == []


def test_invalid_day_is_not_a_day(stage: TimeStage, segmenter: Segmenter) -> None:
    got = values(stage, segmenter, "Ia tiba 29 Februari 2023.", TUE)
    assert all(g[2] != "day" for g in got)


def test_decade_is_not_a_year(stage: TimeStage, segmenter: Segmenter) -> None:
    assert values(stage, segmenter, "Ia tumbuh pada 1990-an.", TUE) == []


def test_without_publication_date_relative_is_unresolved(stage: TimeStage, segmenter: Segmenter) -> None:
    text = "Mereka bertemu pada hari Senin dan kemarin; kontrak diteken 21 Maret 2023."
    doc = times(stage, segmenter, text, None)
    by_text = {r.span.text: r for r in doc.times}
    assert by_text["hari Senin"].value is None and by_text["hari Senin"].granularity == "unresolved"
    assert "no-publication-date" in by_text["hari Senin"].rule
    assert by_text["21 Maret 2023"].value == "2023-03-21"
    assert by_text["kemarin"].value is None


def test_anchored_relative_times_stay_unresolved(stage: TimeStage, segmenter: Segmenter) -> None:
    text = "Kunjungan dimulai sehari setelah Putin tiba. Dua hari sebelumnya ia rapat."
    doc = times(stage, segmenter, text, TUE)
    refs = {r.span.text: r for r in doc.times}
    assert refs["sehari setelah"].value is None and "anchored-on-event" in refs["sehari setelah"].rule
    assert refs["Dua hari sebelumnya"].value is None
    assert "anchored-on-previous-time" in refs["Dua hari sebelumnya"].rule


def test_part_of_month_is_noted_in_rule(stage: TimeStage, segmenter: Segmenter) -> None:
    ref = times(stage, segmenter, "Sanksi berakhir pada akhir Maret.", TUE).times[0]
    assert ref.value == "2023-03" and ref.granularity == "month" and "akhir" in ref.rule


def test_vague_expression_is_kept_unresolved(stage: TimeStage, segmenter: Segmenter) -> None:
    ref = times(stage, segmenter, "Kerja sama meningkat dalam beberapa tahun terakhir.", TUE).times[0]
    assert ref.value is None and ref.granularity == "unresolved" and ref.rule == "vague"


def test_event_date_prefers_most_specific(stage: TimeStage, segmenter: Segmenter) -> None:
    text = "Sejak Februari 2022 perang berlangsung, dan pada hari Senin mereka bertemu. Ia datang tahun lalu."
    doc = times(stage, segmenter, text, TUE)
    assert event_date(doc, 0) == "2023-03-20"
    assert event_date(doc, 1) == "2022"
    assert event_date(doc, 5) is None


@pytest.mark.skipif(not SEED.exists(), reason="seed article ../shared/seed/xi-putin-id.txt not available")
def test_seed_article_times(stage: TimeStage, segmenter: Segmenter) -> None:
    doc = times(stage, segmenter, SEED.read_text(encoding="utf-8"), TUE)
    got = {(r.span.text, r.value) for r in doc.times}
    assert ("hari Senin", "2023-03-20") in got
    assert ("Februari 2022", "2022-02") in got
    assert ("pekan lalu", "2023-W11") in got
    assert ("tahun lalu", "2022") in got
    assert not any(r.span.text.startswith("500") for r in doc.times)
