"""Unknown named bodies: body noun + capitalised name is one organisation, country from its own words."""

from __future__ import annotations

import pytest


def named_body(doc, text):
    return [m for m in doc.mentions if m.span.text == text and m.rule.startswith("pattern:body+name")]


@pytest.mark.parametrize(("text", "body", "code"), [
    ("Partai Tolgoi Nuur menolak hasil pemilu itu.", "Partai Tolgoi Nuur", None),  # a sentence start, too
    ("Ribuan orang mendukung Koalisi Suara Perempuan Kirgizstan pekan ini.", "Koalisi Suara Perempuan Kirgizstan",
     "KGZPTY"),
    ("Kemarin Dewan Permusyawaratan Syura di Bahrain bersidang.", "Dewan Permusyawaratan Syura", "BHR"),
])
def test_a_body_noun_and_an_unknown_name_are_one_organisation_with_its_own_country(extract, text, body, code):
    doc = extract(text)
    found = named_body(doc, body)
    assert len(found) == 1 and found[0].type == "ORG"
    assert found[0].actor is not None and found[0].actor.code == code


def test_an_unknown_named_body_takes_no_country_from_the_article(extract):
    doc = extract("Polisi Kirgizstan menangkap puluhan demonstran di Bishkek. "
                  "Partai Tolgoi Nuur mengecam penangkapan itu.")
    found = named_body(doc, "Partai Tolgoi Nuur")
    assert len(found) == 1 and found[0].actor is not None and found[0].actor.country is None


def test_a_media_firm_or_school_noun_in_lower_case_opens_a_name_too(extract):
    doc = extract("Menurut surat kabar Dnevni Glasnik, polisi menahan tiga orang.")
    found = named_body(doc, "surat kabar Dnevni Glasnik")
    assert len(found) == 1 and found[0].actor is not None and found[0].actor.role == "MED"
    assert found[0].actor.country is None


def test_a_government_noun_before_a_name_is_no_named_body(extract):
    doc = extract("Para demonstran mengecam pemerintah Tolgoi Nuur di Bishkek.")
    assert not [m for m in doc.mentions if m.rule.startswith("pattern:body+name")]
