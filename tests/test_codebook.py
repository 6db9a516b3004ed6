"""The packaged CAMEO codebook: complete, consistent, and faithful to the references."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from peristiwa.codebook import Codebook

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def cb() -> Codebook:
    return Codebook.load()


def test_twenty_roots_and_enough_codes(cb: Codebook) -> None:
    assert [r.code for r in cb.roots()] == [f"{i:02d}" for i in range(1, 21)]
    assert len(cb) >= 250
    assert sum(1 for i in cb if i.level == 4) >= 140


def test_every_row_is_consistent(cb: Codebook) -> None:
    for info in cb:
        assert info.code.isdigit() and len(info.code) in (2, 3, 4)
        assert info.root == info.code[:2]
        assert info.base == ("" if info.level == 2 else info.code[:3])
        assert info.level == 2 or info.base in cb, info.code  # every sub-code has its base
        assert -10 <= info.goldstein <= 10
        assert info.quad_class in (1, 2, 3, 4)
        assert info.name_en and info.name_id


@pytest.mark.parametrize(
    ("root", "quad"), [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)]
)
def test_quad_class_by_root(cb: Codebook, root: str, quad: int) -> None:
    assert {i.quad_class for i in cb if i.root == root} == {quad}


def test_plover_filled_except_dropped_roots(cb: Codebook) -> None:
    for info in cb:
        if info.root in ("01", "02"):
            assert info.plover_type == "", info.code  # PLOVER drops CAMEO statements and appeals
        else:
            assert info.plover_type, info.code
    assert cb.get("0871").plover_type == "RETREAT" and cb.get("0871").plover_mode == "ceasefire"
    assert cb.get("163").plover_type == "COERCE"
    assert cb.get("042").plover_mode == "visit"


def test_known_values(cb: Codebook) -> None:
    assert cb.get("190").goldstein == -10
    assert cb.get("057").goldstein == 8
    assert cb.get("042").goldstein == 1.9
    assert cb.label("112") == "Accuse"
    assert cb.label("057", "id") == "Menandatangani perjanjian resmi"
    assert cb.root("1951") == "19"


def test_unknown_subcode_falls_back_to_base(cb: Codebook) -> None:
    assert cb.get("0429").code == "042"
    assert cb.get("1999").code == "19"  # no 199: the root
    assert cb.find("9999") is None
    with pytest.raises(KeyError):
        cb.get("99")


def test_matches_reference_goldstein() -> None:
    ref = SHARED / "data/cameo_codebook/icews_andybega/cameo-codes.utf8.csv"
    if not ref.exists():
        pytest.skip("../shared CAMEO reference not available (only present on developer machines)")
    cb = Codebook.load()
    with ref.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        assert cb.get(row["code"]).code == row["code"]
        assert cb.get(row["code"]).goldstein == float(row["goldstein"])


def test_tsv_is_up_to_date_with_build_script() -> None:
    if not (SHARED / "data/plover/CAMEO2PLOVER-2021.txt").exists():
        pytest.skip("../shared references not available to rebuild the codebook")
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_codebook.py"
    result = subprocess.run([sys.executable, str(script), "--shared", str(SHARED), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
