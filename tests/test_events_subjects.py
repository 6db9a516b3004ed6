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
