"""Event merging: the rule on hand-made mentions, and three outlets reporting one event."""

from __future__ import annotations

import random
from datetime import date

import pytest

from peristiwa.model import Article
from peristiwa.store.base import EventFilter
from peristiwa.store.ingest import IngestOptions, Ingestor
from peristiwa.store.merge import MergeMention, MergeParams, cluster_mentions
from peristiwa.store.readers import InputItem
from peristiwa.store.sqlite import SQLiteStore

KEY = "042|IDNGOV|CHNGOV"


def mention(mid: str, day: str | None, article: int = 1, country: str | None = None, feature: str = "city",
            outlet: str | None = "a") -> MergeMention:
    return MergeMention(id=mid, article_id=article, sentence=5, event_code="042", base_code="042", root_code="04",
                        quad_class=1, goldstein=1.9, source_actor_id="s", target_actor_id="t", merge_date=day,
                        place_name="X" if country else None, place_country=country,
                        place_feature=feature if country else None, outlet=outlet)


def summary(events):
    return sorted((e.id, e.event_date, e.num_mentions, tuple(e.mention_ids)) for e in events)


def test_dates_chain_within_tolerance_and_split_beyond():
    ms = [mention("a", "2023-03-01"), mention("b", "2023-03-02"), mention("c", "2023-03-03"),
          mention("d", "2023-03-06")]
    events = cluster_mentions(KEY, ms, MergeParams(date_tolerance_days=1))
    assert sorted(e.num_mentions for e in events) == [1, 3]
    assert {e.event_date for e in events} == {"2023-03-01", "2023-03-06"}
    wider = cluster_mentions(KEY, ms, MergeParams(date_tolerance_days=3))
    assert len(wider) == 1 and wider[0].event_date_last == "2023-03-06"


def test_merge_is_independent_of_input_order():
    ms = [mention(f"m{i}", f"2023-03-{1 + (i * 7) % 20:02d}", article=i, country=["IDN", "CHN", None][i % 3])
          for i in range(30)]
    expected = summary(cluster_mentions(KEY, ms, MergeParams()))
    for seed in range(5):
        shuffled = ms[:]
        random.Random(seed).shuffle(shuffled)
        assert summary(cluster_mentions(KEY, shuffled, MergeParams())) == expected


def test_incompatible_locations_split_and_unlocated_join_largest():
    ms = [mention("a", "2023-03-01", country="CHN"), mention("b", "2023-03-01", country="CHN"),
          mention("c", "2023-03-01", country="RUS"), mention("d", "2023-03-01")]
    events = {e.place_country: e for e in cluster_mentions(KEY, ms, MergeParams())}
    assert set(events) == {"CHN", "RUS"}
    assert events["CHN"].mention_ids == ["a", "b", "d"]
    assert events["CHN"].id != events["RUS"].id


def test_actor_nationality_is_not_a_location():
    # "Menteri ... Indonesia" gives a country-level place IDN: it should not split from Beijing.
    ms = [mention("a", "2023-03-01", country="CHN"), mention("b", "2023-03-01", country="IDN", feature="country")]
    assert len(cluster_mentions(KEY, ms, MergeParams())) == 1


def test_coarse_and_missing_dates_do_not_mix_with_days():
    ms = [mention("a", "2023-03"), mention("b", "2023-03"), mention("c", "2023-03-01"), mention("d", None)]
    events = cluster_mentions(KEY, ms, MergeParams())
    assert sorted((e.event_date or "", e.num_mentions) for e in events) == [("", 1), ("2023-03", 2),
                                                                            ("2023-03-01", 1)]


def test_sources_and_articles_are_counted_distinctly():
    ms = [mention("a", "2023-03-01", article=1, outlet="kompas"), mention("b", "2023-03-01", article=1,
                                                                          outlet="kompas"),
          mention("c", "2023-03-01", article=2, outlet="kompas"), mention("d", "2023-03-02", article=3, outlet="tempo")]
    (event,) = cluster_mentions(KEY, ms, MergeParams())
    assert (event.num_mentions, event.num_articles, event.num_sources) == (4, 3, 2)


# Our own Indonesian sentences: one visit reported by three outlets in different words.
THREE_OUTLETS = [
    ("kabar-satu", "2023-03-21", "Menlu Retno ke Beijing\nMenteri Luar Negeri Retno Marsudi mengunjungi Beijing pada "
     "Selasa untuk membahas perdagangan kedua negara. Kunjungan itu berlangsung dua hari."),
    ("warta-dua", "2023-03-21", "Retno Marsudi di China\nMenteri Luar Negeri Retno Marsudi mengunjungi Beijing, "
     "Selasa, dan dijadwalkan bertemu sejumlah pejabat."),
    ("berita-tiga", "2023-03-22", "Kunjungan kerja ke China\nPada hari Selasa kemarin, Menteri Luar Negeri Retno "
     "Marsudi mengunjungi Beijing guna memperkuat hubungan ekonomi."),
]


def _items() -> list[InputItem]:
    return [InputItem(f"crafted:{outlet}", Article(id=outlet, text=text, published=date.fromisoformat(day),
                                                   source=outlet, url=f"https://{outlet}.example/retno"),
                      declared_language="id")
            for outlet, day, text in THREE_OUTLETS]


@pytest.fixture
def local_extract(extractor):
    def run(articles):
        for article in articles:
            yield article, extractor.run(article), None
    return run


def test_three_outlets_merge_into_one_event(tmp_path, local_extract):
    with SQLiteStore(tmp_path / "m.db") as store:
        summary_ = Ingestor(store, IngestOptions()).run(_items(), extract=local_extract)
        assert summary_.new == 3
        (event,) = list(store.events(EventFilter(source="IDNGOV", target="CHNGOV", code="042")))
        assert event["num_articles"] == 3
        assert event["num_sources"] == 3
        assert event["num_mentions"] == 3
        assert event["event_date"] == "2023-03-21"
        assert event["place_name"] == "Beijing"
        assert event["first_seen"] == "2023-03-21" and event["last_seen"] == "2023-03-22"
        linked = store.conn.execute("SELECT count(*) FROM event_mentions WHERE event_id = ?", (event["id"],))
        assert linked.fetchone()[0] == 3


def test_merging_is_incremental(tmp_path, local_extract):
    """Adding the outlets one by one ends in the same event as adding them together."""
    with SQLiteStore(tmp_path / "one.db") as store:
        for item in _items():
            Ingestor(store, IngestOptions()).run([item], extract=local_extract)
        ids_incremental = sorted(e["id"] for e in store.events(EventFilter()))
        counts = [(e["num_articles"], e["num_sources"]) for e in store.events(EventFilter(code="042"))]
    with SQLiteStore(tmp_path / "all.db") as store:
        Ingestor(store, IngestOptions()).run(list(reversed(_items())), extract=local_extract)
        assert sorted(e["id"] for e in store.events(EventFilter())) == ids_incremental
    assert counts == [(3, 3)]
