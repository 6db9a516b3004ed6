"""Whole-article references, gold sets × splits, error listings and the knowledge checks.

The Global Voices reader is exercised on a small article written here in the data set's XML shape
(no ../shared needed); the packaged real-text gold is checked against ../shared when present.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import yaml

from peristiwa.eval.events import run_events_eval, worst_errors
from peristiwa.eval.gold import (
    DEFAULT_GOLD,
    REAL_ARTICLES,
    REAL_SENTENCES,
    DatasetResolver,
    GoldError,
    load_gold,
)
from peristiwa.eval.knowledge import name_tokens, names_match, run_knowledge_eval

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE_XML = """<?xml version="1.0" encoding="utf-8"?>
<document>
  <URL>https://example.org/2012/01/02/contoh/</URL>
  <TITLE><s id="1.1">Jepang: Menteri Luar Negeri mengunjungi Seoul</s></TITLE>
  <s id="1.2">Menteri Luar Negeri Jepang mengunjungi Seoul pada hari Senin.</s>
  <P id="1">
    <s id="2.1">Ia bertemu Presiden Korea Selatan.</s>
    <s id="2.2">Pemerintah Korea Utara mengecam   pertemuan itu.</s>
    <QUOTE><P id="2"><s id="3.1">"Ini provokasi," kata juru bicara Korea Utara.</s></P></QUOTE>
  </P>
  <AUTHOR><s id="9.1">Ditulis oleh Seseorang</s></AUTHOR>
</document>
"""


@pytest.fixture()
def data_root(tmp_path: Path) -> Path:
    folder = tmp_path / "globalvoices_id" / "raw" / "id"
    folder.mkdir(parents=True)
    (folder / "2012_01_02_contoh_.xml.gz").write_bytes(gzip.compress(ARTICLE_XML.encode("utf-8")))
    return tmp_path


def test_whole_article_has_paragraphs_in_order_and_exact_sentence_spans(data_root: Path) -> None:
    resolved = DatasetResolver(data_root).resolve_spans({"dataset": "globalvoices", "file": "2012_01_02_contoh_"})
    paragraphs = resolved.text.split("\n\n")
    assert paragraphs[0] == "Jepang: Menteri Luar Negeri mengunjungi Seoul"
    assert paragraphs[1].startswith("Menteri Luar Negeri Jepang")  # the lead is its own paragraph
    assert "mengecam pertemuan" in paragraphs[2]  # inner whitespace collapsed
    assert paragraphs[3].startswith('"Ini provokasi,"')  # a quote block is a paragraph
    assert "Ditulis oleh" not in resolved.text  # credits are not article text
    for sid, (start, end) in resolved.sentence_spans.items():
        assert resolved.text[start:end] and resolved.text[start:end] in ARTICLE_XML.replace("   ", " "), sid


def test_sentence_references_still_join_the_named_sentences(data_root: Path) -> None:
    ref = {"dataset": "globalvoices", "file": "2012_01_02_contoh_", "sentence": ["2.1", "2.2"]}
    text = DatasetResolver(data_root).resolve(ref)
    assert text == "Ia bertemu Presiden Korea Selatan. Pemerintah Korea Utara mengecam pertemuan itu."
    with pytest.raises(GoldError, match=r"no sentence 7\.7"):
        DatasetResolver(data_root).resolve({**ref, "sentence": "7.7"})


def test_gold_sets_and_splits_are_scored_apart(tmp_path: Path, data_root: Path) -> None:
    gold = tmp_path / "real_articles.yaml"
    gold.write_text(yaml.safe_dump([
        {"id": "a", "ref": {"dataset": "globalvoices", "file": "2012_01_02_contoh_"},
         "published": "2012-01-02", "split": "test",
         "events": [{"source": "JPN", "target": "KOR", "root": ["04"], "why": "1.2: 'mengunjungi'"},
                    {"source": "PRK", "target": "JPN", "root": ["11"], "why": "2.2: 'mengecam'"}],
         "knowledge": {"places": [{"name": "Seoul", "country": "KOR"}],
                       "quotes": [{"sentence": "3.1", "speaker": "juru bicara Korea Utara"}]}},
    ]), encoding="utf-8")
    own = tmp_path / "dev_gold.yaml"
    own.write_text(yaml.safe_dump([{"id": "o", "text": "Rusia menyerang Ukraina.", "published": "2022-02-24",
                                    "events": [{"source": "RUS", "target": "UKR", "root": "19"}]}]),
                   encoding="utf-8")
    result = run_events_eval([own, gold], data_root=data_root)
    summary = result["summary"]
    assert summary["real-articles/test"]["documents"] == 1 and summary["real-articles/dev"]["documents"] == 0
    assert summary["own/dev"]["documents"] == 1 and summary["own-text/dev"]["documents"] == 1
    assert summary["real-articles/test"]["dyad"]["gold"] == 2
    errors = worst_errors(result, 5)
    missed = [label for _, label in errors["missed"]]
    assert all("(" in label for label in missed if label.startswith(("JPN", "PRK")))  # why is shown

    knowledge = run_knowledge_eval([gold], data_root=data_root)
    places = knowledge["kinds"]["places"]
    assert places["gold"] == 1 and places["found"] == 1 and places["attribute"] == 1.0
    assert knowledge["kinds"]["quotes"]["gold"] == 1


def test_name_matching_ignores_titles() -> None:
    assert names_match("Ali Abdullah Saleh", ["Presiden Saleh"])
    assert not names_match("Ali Abdullah Saleh", ["Presiden Obama"])
    assert not name_tokens("Presiden")


def _entries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


@pytest.mark.skipif(not REAL_ARTICLES.is_file(), reason="real-article gold not written yet")
def test_real_article_gold_meets_its_size_and_split_promises() -> None:
    articles = _entries(REAL_ARTICLES)
    sentences = _entries(REAL_SENTENCES) if REAL_SENTENCES.is_file() else []
    assert len(articles) >= 60 and len(sentences) >= 300
    required = [e for doc in articles + sentences for e in doc.get("events") or []]
    assert len(required) >= 600
    assert all(e.get("why") for e in required), "every required event says why"
    test_share = sum(doc.get("split") == "test" for doc in articles) / len(articles)
    assert 0.2 <= test_share <= 0.4
    for doc in articles:
        ref = doc["ref"]
        assert ref["dataset"] == "globalvoices" and "sentence" not in ref  # whole articles
        assert int(ref["file"][:4]) <= 2013
    assert not any("text" in doc for doc in articles + sentences), "real text stays in ../shared"


@pytest.mark.skipif(not (SHARED / "data" / "globalvoices_id").is_dir(), reason="../shared data not available")
def test_packaged_gold_resolves_from_shared() -> None:
    docs, skipped = load_gold(list(DEFAULT_GOLD))
    assert not skipped
    for doc in docs:
        for kind, items in doc.knowledge.items():
            for item in items:
                if kind == "quotes":
                    assert str(item["sentence"]) in doc.sentence_spans, (doc.id, item)
