"""Checks on the world political-person KB files (Americas, Europe, Middle East, Africa, IGOs, armed groups).

The KB resolves a person's actor code from the role whose date range contains the article date, so the
tests check the format rules the resolver relies on and a handful of well-known facts on fixed dates.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

PERSONS_DIR = Path(__file__).resolve().parents[1] / "peristiwa" / "kb" / "data" / "persons"
WORLD_FILES = ("americas", "europe", "middle_east", "africa", "igo", "armed_groups")
ROLE_CODES = {
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "PTY", "BUS", "MED", "CVL", "IGO", "NGO", "SPY",
    "ELI", "REL", "EDU", "LAB", "HLH", "REF", "SEP", "UAF", "CRM",
}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ISO3 = re.compile(r"^[A-Z]{3}$")


def _load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((PERSONS_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list), name
    return data


@pytest.fixture(scope="module")
def world() -> list[dict[str, Any]]:
    return [p for name in WORLD_FILES for p in _load(name)]


@pytest.fixture(scope="module")
def by_id(world: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {p["id"]: p for p in world}


def _date(value: Any) -> dt.date:
    """YAML gives dates as date objects; accept ISO strings too so a quoted date is still checked."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def roles_on(person: dict[str, Any], day: str) -> list[dict[str, Any]]:
    """Roles whose from..to range contains `day` (an open `to` means still in office)."""
    d = dt.date.fromisoformat(day)
    out = []
    for role in person["roles"]:
        start = _date(role["from"])
        end = _date(role["to"]) if role.get("to") else None
        if start <= d and (end is None or d <= end):
            out.append(role)
    return out


def codes_on(person: dict[str, Any], day: str) -> set[str]:
    return {r["role"] for r in roles_on(person, day)}


def test_files_exist_and_load() -> None:
    for name in WORLD_FILES:
        assert _load(name), name


def test_ids_unique_over_all_person_files() -> None:
    seen: dict[str, str] = {}
    for path in sorted(PERSONS_DIR.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            pid = entry["id"]
            assert pid not in seen, f"duplicate id {pid} in {path.name} and {seen[pid]}"
            seen[pid] = path.name


def test_person_shape(world: list[dict[str, Any]]) -> None:
    for p in world:
        assert SLUG.match(p["id"]), p["id"]
        assert isinstance(p["name"], str) and p["name"], p["id"]
        assert isinstance(p["aliases"], list) and p["name"] in p["aliases"], p["id"]
        assert isinstance(p["short"], list) and p["short"], p["id"]
        assert all(isinstance(a, str) and a for a in p["aliases"] + p["short"]), p["id"]
        assert ISO3.match(p["country"]), (p["id"], p["country"])
        assert p.get("gender") in ("m", "f"), p["id"]
        assert p["roles"], p["id"]


def test_roles_valid(world: list[dict[str, Any]]) -> None:
    for p in world:
        for r in p["roles"]:
            where = (p["id"], r)
            assert r["role"] in ROLE_CODES, where
            assert isinstance(r["title"], str) and r["title"], where
            start = _date(r["from"])
            if r.get("to") is not None:
                assert start <= _date(r["to"]), where
            if r["role"] == "IGO":
                assert r.get("country") == "IGO" and r.get("org"), where
            elif "country" in r:
                assert ISO3.match(r["country"]), where


def test_roles_most_recent_first(world: list[dict[str, Any]]) -> None:
    for p in world:
        starts = [_date(r["from"]) for r in p["roles"]]
        assert starts == sorted(starts, reverse=True), p["id"]


def test_names_unique(world: list[dict[str, Any]]) -> None:
    names = [p["name"].casefold() for p in world]
    dupes = {n for n in names if names.count(n) > 1}
    assert not dupes


def test_count(world: list[dict[str, Any]]) -> None:
    assert len(world) >= 800


def test_seed_date_facts(by_id: dict[str, dict[str, Any]]) -> None:
    day = "2023-03-21"
    for pid in ("vladimir-putin", "antony-blinken", "volodymyr-zelensky", "mikhail-mishustin", "sergey-lavrov"):
        assert "GOV" in codes_on(by_id[pid], day), pid
    assert "IGO" in codes_on(by_id["antonio-guterres"], day)
    assert {r.get("org") for r in roles_on(by_id["antonio-guterres"], day)} == {"un"}
    assert "GOV" not in codes_on(by_id["antony-blinken"], "2025-06-01")
    assert "GOV" in codes_on(by_id["marco-rubio"], "2025-06-01")


def test_more_date_facts(by_id: dict[str, dict[str, Any]]) -> None:
    trump = by_id["donald-trump"]
    assert "GOV" in codes_on(trump, "2018-06-01") and "GOV" in codes_on(trump, "2025-06-01")
    assert not codes_on(trump, "2022-06-01")
    assert "GOV" in codes_on(by_id["bashar-al-assad"], "2024-12-01")
    assert not codes_on(by_id["bashar-al-assad"], "2024-12-20")
    assert "GOV" in codes_on(by_id["ahmed-al-sharaa"], "2025-03-01")
    assert codes_on(by_id["mohamed-hamdan-dagalo"], "2023-06-01") == {"REB"}
    assert "REB" in codes_on(by_id["hassan-nasrallah"], "2024-09-01")
    assert not codes_on(by_id["hassan-nasrallah"], "2024-10-01")
    assert "REB" in codes_on(by_id["naim-qassem"], "2024-11-15")
    assert "GOV" in codes_on(by_id["ebrahim-raisi"], "2023-03-21")
    assert not codes_on(by_id["ebrahim-raisi"], "2024-06-01")
    assert "GOV" in codes_on(by_id["masoud-pezeshkian"], "2024-09-01")
    assert "GOV" in codes_on(by_id["dmytro-kuleba"], "2023-03-21")
    assert not codes_on(by_id["dmytro-kuleba"], "2024-10-01")
    shoigu = [r["title"] for r in roles_on(by_id["sergei-shoigu"], "2023-03-21")]
    assert shoigu == ["Menteri Pertahanan"]
    assert "GOV" in codes_on(by_id["andrei-belousov"], "2024-06-01")
    assert {r["org"] for r in roles_on(by_id["jens-stoltenberg"], "2020-01-01")} == {"nato"}
    assert {r["org"] for r in roles_on(by_id["mark-rutte"], "2025-01-01")} == {"nato"}
    assert "OPP" in codes_on(by_id["juan-guaido"], "2020-06-01")
    assert "GOV" in codes_on(by_id["nicolas-maduro"], "2020-06-01")
    assert not codes_on(by_id["alexei-navalny"], "2024-03-01")


def test_indonesian_press_spellings(by_id: dict[str, dict[str, Any]]) -> None:
    assert {"Volodymyr Zelensky", "Volodymyr Zelenskyy"} <= set(by_id["volodymyr-zelensky"]["aliases"])
    assert "Zelenskiy" in by_id["volodymyr-zelensky"]["short"]
    assert {"Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"} <= set(by_id["recep-tayyip-erdogan"]["aliases"])
    assert "MBS" in by_id["mohammed-bin-salman"]["aliases"]
    assert "Putin" in by_id["vladimir-putin"]["short"]
    assert "Blinken" in by_id["antony-blinken"]["short"]
