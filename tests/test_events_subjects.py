"""Subjects the argument finder must see past: sentence connectives, non-restrictive relatives, bare titles."""

from __future__ import annotations

import pytest

from peristiwa.extract.events import is_resolved


def roots(doc):
    return {(e.source.actor.code, e.target.actor.code, e.code[:2]) for e in doc.events if is_resolved(e)}


@pytest.mark.parametrize("opener", ["Oleh karena itu", "Maka dari itu", "Dengan demikian"])
def test_connective_before_subject_governs_no_actor(extract, opener):
    doc = extract(f"Korea Utara kembali menguji rudal balistik. {opener} Jepang mengecam Korea Utara.")
    assert ("JPN", "PRK", "11") in roots(doc)


def test_connective_subject_says_so_in_its_rule(extract):
    doc = extract("Oleh karena itu Jepang mengecam Korea Utara.")
    assert any(":after-connective" in e.rule for e in doc.events)


def test_non_restrictive_relative_after_comma_has_the_noun_as_subject(extract):
    doc = extract("Jepang, yang telah mengecam Korea Utara, mengirim utusan ke Seoul.")
    assert ("JPN", "PRK", "11") in roots(doc)
    assert any(":comma-relative" in e.rule for e in doc.events if e.code[:2] == "11")


def test_modifier_between_noun_and_relative_is_skipped(extract):
    doc = extract("Dia adalah Presiden Indonesia pertama yang mengecam Israel.", "2023-06-01")
    assert any(s.startswith("IDN") and t == "ISR" and c == "11" for s, t, c in roots(doc))
    assert any(":modified-relative" in e.rule for e in doc.events if e.code[:2] == "11")


def _bare(doc, text):
    return [m for m in doc.mentions if m.span.text == text]


def test_bare_title_is_the_holder_named_before(extract):
    doc = extract(
        "Presiden Joko Widodo tiba di Tokyo pada Senin. Pemerintah Jepang mengecam Presiden atas pernyataannya.",
        "2020-02-01",
    )
    presiden = _bare(doc, "Presiden")
    assert presiden and presiden[-1].actor.kb_id == "joko-widodo"
    assert presiden[-1].rule.endswith(";coref:bare-title")
    assert ("JPNGOV", "IDNGOV", "11") in roots(doc)


def test_bare_title_short_form_shares_the_office(extract):
    doc = extract(
        "Perdana Menteri Anthony Albanese tiba di Jakarta. Wartawan bertanya kepada PM soal itu.", "2023-06-01"
    )
    pm = _bare(doc, "PM")
    assert pm and pm[0].actor.kb_id == "anthony-albanese"


@pytest.mark.parametrize("text", ["Parlemen lalu memilih seorang Presiden baru.", "Ia berambisi menjadi Presiden."])
def test_bare_title_of_a_new_office_holder_stays_unresolved(extract, text):
    doc = extract(
        f"Presiden Joko Widodo tiba di Tokyo pada Senin. {text} Wartawan bertanya kepada Presiden soal itu.",
        "2020-02-01",
    )
    blocked, later = _bare(doc, "Presiden")[-2:]
    assert blocked.actor is None or blocked.actor.kb_id != "joko-widodo"
    assert later.actor is not None and later.actor.kb_id == "joko-widodo"


def test_bare_title_before_any_named_holder_gets_no_country(extract):
    doc = extract(
        "Warga Mesir berunjuk rasa di Kairo. Mereka menuntut Presiden mundur. Presiden Abdel Fattah "
        "el-Sisi menolak. Wartawan bertanya kepada Presiden soal itu.",
        "2020-02-01",
    )
    first, later = _bare(doc, "Presiden")[0], _bare(doc, "Presiden")[-1]
    assert first.actor is None
    assert later.actor is not None and later.actor.kb_id == "abdel-fattah-el-sisi"


def test_bare_title_in_the_headline_is_the_holder_the_body_names(extract):
    doc = extract(
        "Jepang: PM mengecam Korea Utara\n\nWartawan bertanya kepada PM. Perdana Menteri Fumio Kishida "
        "lalu mengecam uji coba rudal itu.",
        "2023-06-01",
    )
    headline, body = _bare(doc, "PM")[:2]
    assert headline.actor is not None and headline.actor.kb_id == "fumio-kishida"
    assert headline.rule.endswith(";coref:bare-title-headline")
    assert body.actor is None  # in the body a title only refers back


def test_actor_deep_in_an_apposition_is_not_the_subject(extract):
    doc = extract("Suara Rakyat, surat kabar Malaysia berbahasa Inggris, mengecam Singapura.")
    found = [(e.source.actor.code, e.rule) for e in doc.events if is_resolved(e) and e.code[:2] == "11"]
    assert found and found[0][0].startswith("MYS")
    assert ":apposition-head" in found[0][1]


def test_first_person_in_a_later_sentence_of_a_quote_is_its_speaker(extract):
    doc = extract(
        'Retno Marsudi mengatakan, "Situasi di Gaza serius. Kami mengecam serangan Israel terhadap warga sipil."',
        "2023-11-01",
    )
    assert ("IDNGOV", "ISR", "11") in roots(doc)
    assert any("quote-speaker:continued" in e.rule for e in doc.events if e.code[:2] == "11")


@pytest.mark.parametrize("opener", ["bahwa", "setelah", "karena"])
def test_coordinated_subject_after_a_clause_opener_keeps_both_conjuncts(extract, opener):
    doc = extract(f"Para pejabat mengatakan {opener} Kolombia dan Ekuador menandatangani perjanjian dengan Peru.")
    sources = {e.source.actor.country for e in doc.events if is_resolved(e) and e.code.startswith("05")}
    assert sources == {"COL", "ECU"}, [(e.code, e.rule) for e in doc.events]


def test_verb_after_dan_shares_the_subject_of_an_untriggered_verb(extract):
    doc = extract("Menlu Bulgaria menghubungi Menlu Israel dan menuduh Iran mendalangi serangan itu.", "2012-07-20")
    sources = {e.source.actor.code for e in doc.events if e.code.startswith("11") and e.source}
    assert sources == {"BGRGOV"}


def test_a_name_with_its_lower_case_title_is_a_co_subject_not_a_possessor(extract):
    doc = extract("Presiden Kenya Mwai Kibaki dan pemimpin oposisi Raila Odinga menandatangani kesepakatan damai.",
                  "2008-02-28")
    signed = [e for e in doc.events if e.code.startswith("05")]
    assert len({e.source.actor.kb_id for e in signed if e.source}) == 2


@pytest.mark.parametrize("issued", ["mengeluarkan pernyataan", "merilis sebuah laporan", "menyampaikan pidato"])
def test_a_relative_on_an_issued_text_is_said_by_its_author(extract, issued):
    doc = extract(f"Pemerintah Norwegia {issued} yang mengecam Myanmar.", "2015-02-01")
    assert any(s.startswith("NOR") and t.startswith("MMR") and c == "11" for s, t, c in roots(doc)), roots(doc)
    assert any(":author-of-" in e.rule for e in doc.events if e.code[:2] == "11")


def test_what_a_demanded_text_would_say_is_demanded_too(extract):
    doc = extract("Para aktivis menantang Mr. Solberg untuk mengeluarkan pernyataan yang mengecam Myanmar.",
                  "2015-02-01")
    condemn = [e for e in doc.events if e.code[:2] == "11"]
    assert condemn and all("requested" in e.modality and not is_resolved(e) for e in condemn), condemn


def test_a_text_no_verb_issues_names_no_author(extract):
    doc = extract("Pernyataan yang mengecam Myanmar itu beredar luas di Norwegia.", "2015-02-01")
    assert not any(":author-of-" in e.rule for e in doc.events)
