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
