"""Countries of persons the KB does not know, from their own context only (issue #10 point 6)."""

from __future__ import annotations

import pytest


def actor_of(doc, text):
    return [m.actor for m in doc.mentions if m.span.text == text]


def codes(doc, text):
    return [a.code if a else None for a in actor_of(doc, text)]


@pytest.mark.parametrize(("text", "name", "code", "how"), [
    # a bracketed aside (a handle) between the name and its description
    ("Lina Haddad (@linahaddad), seorang dokter Yordania, menulis di blognya.", "Lina Haddad", "JORHLH",
     "described-person"),
    # the country (or its people) in brackets right after the name
    ("Marco Bellini (Italia) mengomentari keputusan itu.", "Marco Bellini", "ITACVL", "described-in-brackets"),
    ("Ana Souza (warga Brasil) mengomentari keputusan itu.", "Ana Souza", "BRACVL", "described-in-brackets"),
    # capitalised words of an organisation inside the description: the role phrase gives the role
    ("Tomas Herrera, seorang anggota Angkatan Laut Chili, ditahan di Lima.", "Tomas Herrera", "CHLMIL",
     "described-person"),
    # description words that look like verbs (ter-, me-) but are adjectives or nouns
    ("Joe Kramer, seorang aktivis terkenal Kanada, ikut berdemonstrasi.", "Joe Kramer", "CANOPP",
     "described-person"),
    # five description words, the first name ending in an abbreviation
    ("R. Dela Cruz, Jr., seorang penyair dan penulis muda asal Filipina, membacakan puisinya.",
     "R. Dela Cruz, Jr", "PHLCVL", "described-person"),
    # a person noun that is no actor on its own opens the description; an unknown handle becomes a person
    ("Narablog Kenya, Wanjiku77, menulis tentang pemilu.", "Wanjiku77", "KENMED", "described-person"),
    ("Penyair Kenya, Wanjiku77, menulis tentang pemilu.", "Wanjiku77", "KENCVL", "described-person"),
    ("Zoran Petrov, penulis asal Serbia, menulis surat terbuka.", "Zoran Petrov", "SRBCVL", "described-person"),
    # a title before a body named with its country: the country is the body's, and so the person's
    ("Chen Wei, Direktur Rainbow Link Taiwan, mengecam keputusan itu.", "Chen Wei", "TWNCVL", "described-person"),
])
def test_an_unknown_person_takes_the_country_of_its_own_description(extract, text, name, code, how):
    doc = extract(text)
    assert codes(doc, name) == [code]
    assert any(how in m.rule for m in doc.mentions if m.span.text == name)


@pytest.mark.parametrize("text", [
    "Lina Haddad (@linahaddad) menulis tentang dokter Yordania.",  # a verb: no description
    "Marco Bellini (kiri) bertemu pejabat Italia.",  # the bracket closes before the country
    "Joe Kramer, yang memimpin demonstrasi, mengecam Kanada.",  # a clause, not a description
])
def test_a_country_outside_the_description_gives_no_country(extract, text):
    doc = extract(text)
    name = text.split(" (")[0].split(",")[0]
    assert all(a is None or a.country is None for a in actor_of(doc, name))


def test_mentions_sharing_an_actor_share_its_anchored_country():
    """A headline surname resolved to the same (still country-less) actor as the full name takes the
    country the full name is anchored to later."""
    from peristiwa.extract.coref.common import reanchor
    from peristiwa.model import Actor, Mention, Span

    unanchored = Actor(None, "Kwabena Mensah", "PER", role="GOV")
    short = Mention(Span(0, 6, "Mensah"), "PER", 0, actor=unanchored, rule="coref:short-name-in-document")
    full = Mention(Span(40, 54, "Kwabena Mensah"), "PER", 1, actor=unanchored, rule="pattern:title+name:Presiden")
    other = Mention(Span(60, 64, "Kofi"), "PER", 1, actor=Actor(None, "Kofi", "PER"))
    anchored = Actor(None, "Kwabena Mensah", "PER", code="GHAGOV", country="GHA", role="GOV")
    reanchor([short, full, other], full, anchored, "country-in-sentence")
    assert full.actor is anchored and short.actor is anchored and other.actor.country is None
    assert short.rule.endswith(";coref:shares-anchor-country-in-sentence")


def test_a_bare_blogger_noun_is_no_actor(extract):
    doc = extract("Seorang narablog menulis tentang pemilu itu.")
    assert not [m for m in doc.mentions if m.span.text.lower() == "narablog" and m.actor is not None]


def test_an_unknown_capitalised_name_described_only_by_an_origin_stays_what_it_was(extract):
    doc = extract("Produk Zamzamia asal Mesir dijual di pasar.")
    assert all(m.type != "PER" or m.actor is None for m in doc.mentions if "Zamzamia" in m.span.text)


def test_a_capitalised_run_ending_in_a_country_after_a_title_is_no_person(extract):
    doc = extract("Direktur Rainbow Link Taiwan mengecam keputusan itu.")
    assert not [m for m in doc.mentions if m.type == "PER" and m.span.text.endswith("Taiwan")]
    assert any(m.actor is not None and m.actor.country == "TWN" and m.span.text == "Taiwan" for m in doc.mentions)


def test_an_unknown_full_name_is_the_kb_person_named_elsewhere_by_surname(extract):
    doc = extract("Mousavi mengecam hasil pemilu. Mir Husain Mousavi menyapa para pendukungnya di Teheran.",
                  "2009-06-19")
    short = next(m for m in doc.mentions if m.span.text == "Mousavi")
    full = [m for m in doc.mentions if m.span.text == "Mir Husain Mousavi"]
    assert short.actor is not None and short.actor.kb_id
    assert full and all(m.actor is not None and m.actor.kb_id == short.actor.kb_id for m in full)


def test_an_unknown_full_name_sharing_only_the_surname_is_not_the_kb_person(extract):
    doc = extract("Mousavi mengecam hasil pemilu. Parisa Mousavi menulis tentang protes itu.", "2009-06-19")
    full = [m for m in doc.mentions if m.span.text.endswith("Parisa Mousavi")]
    assert all(m.actor is None or m.actor.kb_id is None for m in full)


def test_a_bloggers_name_takes_the_country_its_title_names(extract):
    doc = extract("Narablog Kenya Otieno Wafula menulis tentang pemilu.")
    assert codes(doc, "Otieno Wafula") == ["KENMED"]


def test_a_bloggers_name_takes_no_country_from_earlier_sentences(extract):
    doc = extract("Polisi Inggris menahan dua orang di London. Narablog Otieno Wafula juga ditangkap kemarin.")
    assert all(a is None or a.country is None for a in actor_of(doc, "Otieno Wafula"))
