"""Regression guard: the event coder must not lose more than 2 F1 points on the dev gold.

The committed baseline (peristiwa/eval/data/baseline.json) is refreshed with
`make eval-baseline` after an intended change; this test only catches unintended drops.
Without ../shared the referenced sentences cannot be read, so the guard then compares the
project's own dev sentences ("dev_own") instead of the whole dev part.
"""

from __future__ import annotations

import json

import pytest

from peristiwa.eval.events import BASELINE, DEV_GOLD, run_events_eval

TOLERANCE = 0.02  # F1 points (as a fraction)


@pytest.fixture(scope="module")
def result() -> dict:
    from peristiwa.api import Extractor

    return run_events_eval([DEV_GOLD], extractor=Extractor.load())


@pytest.fixture(scope="module")
def baseline() -> dict:
    if not BASELINE.is_file():
        pytest.skip("no committed baseline yet (run `make eval-baseline`)")
    return json.loads(BASELINE.read_text(encoding="utf-8"))["subsets"]


def test_dev_f1_not_below_baseline(result: dict, baseline: dict) -> None:
    subset = "dev_own" if result["skipped"] else "dev"
    now = result["summary"][subset]["dyad"]["f1"]
    before = baseline[subset]["f1"]
    assert now >= before - TOLERANCE, (
        f"event F1 on {subset} dropped from {before:.3f} to {now:.3f} "
        f"(more than {TOLERANCE * 100:.0f} points); "
        "run `python -m peristiwa.eval.events --split dev` to see which documents regressed"
    )


def test_dev_code_f1_not_below_baseline(result: dict, baseline: dict) -> None:
    subset = "dev_own" if result["skipped"] else "dev"
    now = result["summary"][subset]["code"]["f1"]
    assert now >= baseline[subset]["code_f1"] - TOLERANCE


def test_baseline_covers_the_gold_it_guards(result: dict, baseline: dict) -> None:
    """A baseline from a different gold (documents added/removed) must be refreshed, not trusted."""
    subset = "dev_own" if result["skipped"] else "dev"
    assert baseline[subset]["documents"] == result["summary"][subset]["documents"], (
        "dev gold changed since the baseline was written: run `make eval-baseline`"
    )
