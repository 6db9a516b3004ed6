"""Tests for the tone stage and the Indonesian sentiment lexicon (own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from peristiwa.extract.tone import SentimentLexicon, ToneStage, score_text
from peristiwa.lang.pack import read_yaml
from peristiwa.model import Article, Document


@pytest.fixture(scope="module")
def lexicon() -> SentimentLexicon:
    return SentimentLexicon.load("id")


def test_lexicon_is_large_and_has_both_polarities(lexicon: SentimentLexicon) -> None:
    data = read_yaml("id", "sentiment.yaml")
    positive = sum(len(words) for words in data["positive"].values())
    negative = sum(len(words) for words in data["negative"].values())
    assert positive + negative >= 300
    assert positive >= 100 and negative >= 100
    assert lexicon.entries[("damai",)] > 0 > lexicon.entries[("perang",)]
    assert lexicon.entries[("kerja", "sama")] > 0  # phrases are keyed by words


def test_negation_flips_polarity(lexicon: SentimentLexicon) -> None:
    assert score_text("Hubungan kedua negara baik.", lexicon).tone > 0
    assert score_text("Hubungan kedua negara tidak baik.", lexicon).tone < 0
    assert score_text("Dampaknya tidak buruk bagi warga.", lexicon).tone > 0
    # the negator also reaches over an intervening word ...
    assert score_text("Perundingan itu gagal mencapai kesepakatan.", lexicon).tone < 0
    # ... but not across punctuation
    hits = score_text("Tidak, situasinya aman.", lexicon).hits
    assert [(h.text, h.negated) for h in hits] == [("aman", False)]


def test_negator_that_is_itself_a_sentiment_word(lexicon: SentimentLexicon) -> None:
    alone = score_text("Perundingan gagal.", lexicon)
    assert [h.text for h in alone.hits] == ["gagal"] and alone.tone < 0
    modifying = score_text("Rencana itu gagal memberi manfaat.", lexicon)
    assert [h.text for h in modifying.hits] == ["manfaat"]  # "gagal" is counted once, as the negation


def test_intensifier_scales_weight(lexicon: SentimentLexicon) -> None:
    plain = score_text("Kerja sama ini baik.", lexicon)
    strong = score_text("Kerja sama ini sangat baik.", lexicon)
    assert strong.positive > plain.positive


def test_clitic_stripped_and_longest_phrase_first(lexicon: SentimentLexicon) -> None:
    hits = score_text("Keberhasilannya disambut gembira.", lexicon).hits
    assert hits[0].text == "keberhasilannya"
    hits = score_text("Mereka sepakat melakukan gencatan senjata.", lexicon).hits
    assert "gencatan senjata" in [h.text for h in hits]


def test_tone_formula_and_range(lexicon: SentimentLexicon) -> None:
    text = "Perang itu menewaskan ribuan warga sipil dan menimbulkan kerusakan parah di kota."
    result = score_text(text, lexicon)
    expected = (result.positive - result.negative) / result.words * 100
    assert result.tone == pytest.approx(expected, abs=1e-3)
    assert -100 <= result.tone < 0
    assert score_text("", lexicon).tone == 0.0


def test_tone_stage_sets_document_tone_with_pipeline(lexicon: SentimentLexicon) -> None:
    from peristiwa.api import Extractor

    stage = ToneStage(lexicon)
    assert stage.name == "tone"
    extractor = Extractor.load()
    good = extractor.extract("Indonesia dan Malaysia sepakat memperkuat kerja sama demi perdamaian dan "
                             "kemakmuran kawasan.", published=date(2024, 5, 2))
    bad = extractor.extract("Serangan bom di pasar menewaskan belasan orang dan memicu kemarahan serta "
                            "kecaman luas.", published=date(2024, 5, 2))
    stage(good)
    stage(bad)
    assert good.tone is not None and bad.tone is not None
    assert good.tone > 5 > -5 > bad.tone


def test_tone_stage_without_tokens_falls_back_to_text(lexicon: SentimentLexicon) -> None:
    doc = Document(article=Article(id="x", text="Situasi keamanan memburuk setelah bentrokan."))
    ToneStage(lexicon)(doc)
    assert doc.tone is not None and doc.tone < 0


def test_contradictory_entry_is_rejected() -> None:
    with pytest.raises(ValueError):
        SentimentLexicon.from_dict({"positive": {1: ["baik"]}, "negative": {1: ["baik"]}})
