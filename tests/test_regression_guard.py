"""Regression guard: the event coder must not lose more than 2 F1 points on the real-article dev split.

The committed baseline (peristiwa/eval/data/baseline.json) is refreshed with
`make eval-baseline` after an intended change; this test only catches unintended drops.
Why the real whole-article dev split: it is the text users code. Without ../shared the referenced
articles cannot be read, so the guard then compares the project's own dev sentences
("own-text/dev") instead. The test split is never guarded (nor tuned on): it is only reported.
"""

from __future__ import annotations

import json

import pytest

from peristiwa.eval.events import BASELINE, GUARD_SUBSET, GUARD_SUBSET_OFFLINE, run_events_eval

TOLERANCE = 0.02  # F1 points (as a fraction)


@pytest.fixture(scope="module")
def result() -> dict:
    from peristiwa.api import Extractor

    return run_events_eval(extractor=Extractor.load(), split="dev")


@pytest.fixture(scope="module")
def baseline() -> dict:
    if not BASELINE.is_file():
        pytest.skip("no committed baseline yet (run `make eval-baseline`)")
    return json.loads(BASELINE.read_text(encoding="utf-8"))["subsets"]


@pytest.fixture(scope="module")
def subset(result: dict) -> str:
    return GUARD_SUBSET_OFFLINE if result["skipped"] else GUARD_SUBSET


def test_dev_f1_not_below_baseline(result: dict, baseline: dict, subset: str) -> None:
    now = result["summary"][subset]["dyad"]["f1"]
    before = baseline[subset]["f1"]
    assert now >= before - TOLERANCE, (
        f"event F1 on {subset} dropped from {before:.3f} to {now:.3f} "
        f"(more than {TOLERANCE * 100:.0f} points); "
        "run `peristiwa eval events --split dev --errors 30` to see which events regressed"
    )


def test_dev_code_f1_not_below_baseline(result: dict, baseline: dict, subset: str) -> None:
    now = result["summary"][subset]["code"]["f1"]
    assert now >= baseline[subset]["code_f1"] - TOLERANCE


def test_baseline_covers_the_gold_it_guards(result: dict, baseline: dict, subset: str) -> None:
    """A baseline from a different gold (documents added/removed) must be refreshed, not trusted."""
    assert baseline[subset]["documents"] == result["summary"][subset]["documents"], (
        "dev gold changed since the baseline was written: run `make eval-baseline`"
    )
