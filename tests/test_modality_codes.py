"""Announced, refused and threatened acts take CAMEO's intent (03x), rejection (12x) and threat (13x) codes."""

from __future__ import annotations

from datetime import date

import pytest

from peristiwa.codebook import Codebook
from peristiwa.extract.events import is_resolved


@pytest.fixture(scope="module")
def extractor():
    from peristiwa.api import Extractor

    return Extractor.load()


def codes(extractor, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = extractor.extract(text, published=date(2020, 1, 1))
    return [(e.code, e.source.actor.country if e.source else None, e.target.actor.country if e.target else None)
            for e in doc.events if not e.negated]


def test_every_modal_code_exists_and_longest_prefix_wins() -> None:
    book = Codebook.load()
    for kind in ("intent", "refusal", "threat"):
        for act in ("042", "0831", "190", "1721"):
            modal = book.modal_code(act, kind)
            assert modal is None or modal in book
    assert book.modal_code("0831", "refusal") == "123" and book.modal_code("0811", "refusal") == "1241"
    assert book.modal_code("111", "threat") is None  # criticism has no threat form: unchanged


def test_announced_visit_is_an_intent_to_meet(extractor) -> None:
    sentence = "Perdana Menteri Singapura akan mengunjungi Selandia Baru bulan depan."
    assert ("036", "SGP", "NZL") in codes(extractor, sentence)


def test_conditional_attack_is_a_threat_and_keeps_its_dyad(extractor) -> None:
    found = codes(extractor, "Turki akan menyerang Suriah jika perlu.")
    assert ("138", "TUR", "SYR") in found and not any(c.startswith("19") for c, _, _ in found)


def test_plain_negation_is_still_not_exported(extractor) -> None:
    doc = extractor.extract("Mesir tidak menyerang Libya.", published=date(2020, 1, 1))
    assert all(e.negated for e in doc.events if e.root_code == "19")
    assert not any(e.root_code in ("12", "13") for e in doc.events)


def test_announced_act_without_a_stated_source_is_a_forecast_not_a_threat(extractor) -> None:
    doc = extractor.extract("Dua wartawan Mesir akan ditangkap pekan depan.", published=date(2020, 1, 1))
    assert any("speculative" in e.modality and "speculative(no stated source)" in e.rule for e in doc.events)
    assert not [e for e in doc.events if is_resolved(e)], doc.events
    assert ("138", "TUR", "SYR") in codes(extractor, "Turki akan menyerang Suriah jika perlu.")


def test_asked_act_is_not_reported(extractor) -> None:
    for text in ("Apakah Rusia akan menyerang Ukraina pekan ini?", "Benarkah polisi menangkap wartawan itu?"):
        doc = extractor.extract(text, published=date(2020, 1, 1))
        assert doc.events and all("question" in e.modality and not is_resolved(e) for e in doc.events), text
    doc = extractor.extract("Polisi Mesir menangkap dua wartawan di Kairo.", published=date(2020, 1, 1))
    assert any(is_resolved(e) for e in doc.events)


def test_event_noun_brought_in_as_a_comparison_is_background(extractor) -> None:
    doc = extractor.extract("Gerakan ini berbeda dari aksi lain (seperti demonstrasi di Kairo dan Tunis).",
                            published=date(2020, 1, 1))
    protests = [e for e in doc.events if e.root_code == "14"]
    assert protests and all("comparison" in e.modality and not is_resolved(e) for e in protests), protests
    seen = extractor.extract("Demonstrasi besar terjadi di Kairo pada Jumat.", published=date(2020, 1, 1))
    assert any(is_resolved(e) for e in seen.events if e.root_code == "14")


def test_prevented_act_did_not_happen(extractor) -> None:
    doc = extractor.extract("Polisi Kenya berjaga untuk mencegah terjadinya kerusuhan di Nairobi.",
                            published=date(2020, 1, 1))
    riots = [e for e in doc.events if e.trigger.text == "kerusuhan"]
    assert riots and all(e.negated and not is_resolved(e) for e in riots), doc.events


def test_habitual_act_is_a_characterisation_not_a_report(extractor) -> None:
    doc = extractor.extract("Wartawan Mesir seringkali ditangkap oleh polisi.", published=date(2020, 1, 1))
    arrests = [e for e in doc.events if e.root_code == "17"]
    assert arrests and all("habitual" in e.modality and not is_resolved(e) for e in arrests), arrests
    once = extractor.extract("Polisi Mesir menangkap dua wartawan pada Senin.", published=date(2020, 1, 1))
    assert any(is_resolved(e) for e in once.events if e.root_code == "17")


def test_act_dated_years_before_the_article_is_background_not_news(extractor) -> None:
    # conventions.yaml `background`: a time in the act's own clause two or more years before publication
    doc = extractor.extract("Pada tahun 1998, tentara Malaysia menangkap ratusan mahasiswa di Kuala Lumpur.",
                            published=date(2020, 1, 1))
    recalled = [e for e in doc.events if e.code.startswith("17")]
    assert recalled and all("background" in e.modality and not is_resolved(e) for e in recalled), doc.events
    assert all("background(dated 1998)" in e.rule for e in recalled)


def test_recent_or_undated_act_is_news(extractor) -> None:
    for text in ("Tahun lalu tentara Malaysia menangkap ratusan mahasiswa di Kuala Lumpur.",
                 "Tentara Malaysia menangkap ratusan mahasiswa di Kuala Lumpur."):
        doc = extractor.extract(text, published=date(2020, 1, 1))
        arrests = [e for e in doc.events if e.code.startswith("17")]
        assert arrests and all(is_resolved(e) for e in arrests), (text, doc.events)


def test_act_inside_a_condition_clause_is_supposed_not_reported(extractor) -> None:
    for text in ("Jika terjadi situasi di mana tentara Thailand menyerang Kamboja, perang akan pecah.",
                 "Seandainya polisi Mesir menangkap para wartawan yang meliput unjuk rasa itu, dunia akan marah."):
        doc = extractor.extract(text, published=date(2020, 1, 1))
        acts = [e for e in doc.events if e.root_code in ("17", "19")]
        assert acts and all("hypothetical" in e.modality and not is_resolved(e) for e in acts), doc.events
        assert all("modality:hypothetical(condition clause)" in e.rule for e in acts)


def test_condition_ends_with_its_clause_and_a_colloquial_that_is_no_condition(extractor) -> None:
    doc = extractor.extract("Jika harga naik, polisi Mesir menangkap para pedagang di Kairo.",
                            published=date(2020, 1, 1))
    assert any(is_resolved(e) for e in doc.events if e.root_code == "17"), doc.events
    said = extractor.extract("Saksi itu mengatakan kalau polisi Mesir menangkap para wartawan di Kairo.",
                             published=date(2020, 1, 1))
    assert any(is_resolved(e) for e in said.events if e.root_code == "17"), said.events


def test_event_noun_naming_a_coverage_series_is_a_label(extractor) -> None:
    for text in ("Tulisan ini adalah bagian dari liputan khusus tentang Kerusuhan di Kenya 2008.",
                 "Artikel ini merupakan bagian dari liputan khusus kami Protes di Bangladesh 2013."):
        doc = extractor.extract(text, published=date(2020, 1, 1))
        labels = [e for e in doc.events if e.root_code == "14"]
        assert labels and all("series" in e.modality and not is_resolved(e) for e in labels), doc.events
        assert all("series-topic(label)" in e.rule for e in labels)
    seen = extractor.extract("Liputan televisi menunjukkan kerusuhan terjadi di Nairobi pada Senin.",
                             published=date(2020, 1, 1))
    assert any(is_resolved(e) for e in seen.events if e.root_code == "14"), seen.events


def test_act_conjoined_with_a_demanded_act_is_demanded_too(extractor) -> None:
    doc = extractor.extract("Mahasiswa menuntut pemerintah Filipina untuk membekukan hubungan dengan Jepang dan "
                            "mengusir duta besarnya.", published=date(2020, 1, 1))
    demanded = [e for e in doc.events if e.root_code == "16"]
    assert len(demanded) >= 2 and all("requested" in e.modality and not is_resolved(e) for e in demanded), \
        [(e.code, e.modality, e.rule) for e in doc.events]
