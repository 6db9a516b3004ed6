"""The knowledge scorer's name matching (peristiwa/eval/knowledge.py)."""

from __future__ import annotations

from peristiwa.eval.knowledge import names_match


def test_handle_matches_the_name_it_spells():
    assert names_match("@TheBigPharaoh", ["The Big Pharaoh"])
    assert names_match("@RinaWulandari", ["Rina Wulandari Putri"])  # a handle may drop a surname
    assert names_match("Rina Wulandari", ["@rinawulandari"])


def test_handle_does_not_match_another_name():
    assert not names_match("@TheBigPharaoh", ["Pharaoh Watch"])
    assert not names_match("@Rin", ["Rina Wulandari"])  # too short a handle to tell
