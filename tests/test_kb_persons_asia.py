"""Checks for the Indonesian and Asia-Pacific person files of the knowledge base.

The files are hand-written from general knowledge, so the tests guard the things that break
silently: YAML typos, unknown role codes, inverted or non-ISO dates, duplicate ids across all
person files, and a handful of well-known facts that actor coding depends on (who governs on
the publication date of an article).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from peristiwa.kb.loader import load_entries

PERSONS_DIR = Path(__file__).resolve().parents[1] / "peristiwa" / "kb" / "data" / "persons"
OWN_PREFIXES = ("indonesia", "asia")


def _codes(text: str) -> frozenset[str]:
    """Whitespace-separated code list → set (keeps long code lists on a few readable lines)."""
    return frozenset(text.split())


# CAMEO role codes used for persons (docs/kb.md lists the common ones).
VALID_ROLES = _codes(
    "GOV MIL COP JUD LEG OPP REB SEP PTY BUS MED CVL IGO NGO SPY ELI REL LAB EDU HLH AGR REF CRM UAF INS MNC"
)
ASIA_PACIFIC = _codes(
    "BRN KHM LAO MYS MMR PHL SGP THA VNM TLS CHN HKG MAC TWN JPN KOR PRK MNG IND PAK BGD LKA NPL BTN MDV "
    "AFG KAZ UZB KGZ TJK TKM AUS NZL PNG FJI SLB WSM PLW KIR VUT TON"
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster


def _load(path: Path) -> list[dict[str, Any]]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    assert isinstance(data, list), f"{path.name}: a KB file must be a YAML list"
    return data


def _own_files() -> list[Path]:
    return sorted(p for p in PERSONS_DIR.glob("*.yaml") if p.name.startswith(OWN_PREFIXES))


@pytest.fixture(scope="module")
def own_people() -> list[dict[str, Any]]:
    people = [p for path in _own_files() for p in _load(path)]
    assert people, "no Indonesian/Asia-Pacific person files found"
    return people


@pytest.fixture(scope="module")
def by_id(own_people: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {p["id"]: p for p in own_people}


def roles_on(person: dict[str, Any], day: date) -> list[dict[str, Any]]:
    """Roles held on `day`; `to` is exclusive (the successor's first day), as in peristiwa.kb."""
    return [r for r in person["roles"] if r["from"] <= day and (r.get("to") is None or day < r["to"])]


def test_every_person_file_loads_and_ids_are_unique_over_all_person_files() -> None:
    ids: Counter[str] = Counter()
    for path in sorted(PERSONS_DIR.glob("*.yaml")):
        for entry in _load(path):
            ids[entry["id"]] += 1
    duplicates = sorted(i for i, n in ids.items() if n > 1)
    assert not duplicates, f"duplicate person ids: {duplicates}"


def test_entries_are_well_formed(own_people: list[dict[str, Any]]) -> None:
    problems: list[str] = []
    for p in own_people:
        pid = p.get("id", "?")
        if not isinstance(pid, str) or not SLUG.match(pid):
            problems.append(f"{pid}: id is not a lowercase ascii slug")
        if not isinstance(p.get("name"), str) or not p["name"].strip():
            problems.append(f"{pid}: missing name")
        if not re.fullmatch(r"[A-Z]{3}", str(p.get("country", ""))):
            problems.append(f"{pid}: country must be ISO3")
        if p.get("gender") not in {"m", "f"}:
            problems.append(f"{pid}: gender must be m or f")
        for key in ("aliases", "short"):
            for value in p.get(key) or []:
                if not isinstance(value, str) or not value.strip():
                    problems.append(f"{pid}: {key} entry {value!r} is not a string (quote it in YAML)")
        if not p.get("short"):
            problems.append(f"{pid}: no short form")
    assert not problems, "\n".join(problems)


def test_roles_have_valid_codes_iso_dates_and_order(own_people: list[dict[str, Any]]) -> None:
    problems: list[str] = []
    for p in own_people:
        roles = p.get("roles") or []
        if not roles:
            problems.append(f"{p['id']}: no roles")
        for r in roles:
            if r.get("role") not in VALID_ROLES:
                problems.append(f"{p['id']}: unknown role code {r.get('role')!r}")
            if not isinstance(r.get("title"), str) or not r["title"].strip():
                problems.append(f"{p['id']}: role without an Indonesian title")
            start, end = r.get("from"), r.get("to")
            if not isinstance(start, date):
                problems.append(f"{p['id']}: 'from' {start!r} is not an ISO date")
            if end is not None and not isinstance(end, date):
                problems.append(f"{p['id']}: 'to' {end!r} is not an ISO date")
            if isinstance(start, date) and isinstance(end, date) and start > end:
                problems.append(f"{p['id']}: role {r['title']!r} ends before it starts")
        starts = [r["from"] for r in roles if isinstance(r.get("from"), date)]
        if starts != sorted(starts, reverse=True):
            problems.append(f"{p['id']}: roles are not listed most recent first")
    assert not problems, "\n".join(problems)


def test_titles_are_indonesian(own_people: list[dict[str, Any]]) -> None:
    english = re.compile(r"\b(Minister|President|Prime|Secretary|Governor|Chairman|Mayor)\b")
    bad = [(p["id"], r["title"]) for p in own_people for r in p["roles"] if english.search(r["title"])]
    assert not bad, bad


def test_coverage_counts(own_people: list[dict[str, Any]]) -> None:
    countries = Counter(p["country"] for p in own_people)
    assert countries["IDN"] >= 350
    assert sum(n for c, n in countries.items() if c in ASIA_PACIFIC) >= 450
    unexpected = set(countries) - ASIA_PACIFIC - {"IDN"}
    assert not unexpected, f"countries outside this file set's regions: {unexpected}"
    for iso3 in _codes("CHN JPN KOR PRK TWN IND PAK AUS MYS SGP THA PHL VNM MMR AFG KAZ NZL TLS"):
        assert countries[iso3] >= 3, iso3


def test_no_alias_names_two_different_people(own_people: list[dict[str, Any]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for p in own_people:
        for alias in [p["name"], *(p.get("aliases") or [])]:
            owners[alias.lower()].add(p["id"])
    allowed = {"david johnston"}  # two Australians: a former defence minister and the CDF
    clashes = {a: sorted(ids) for a, ids in owners.items() if len(ids) > 1 and a not in allowed}
    assert not clashes, clashes


def _gov_titles(person: dict[str, Any], day: date) -> list[str]:
    return [r["title"] for r in roles_on(person, day) if r["role"] == "GOV"]


def test_spot_facts_china_japan(by_id: dict[str, dict[str, Any]]) -> None:
    seed_day = date(2023, 3, 21)
    assert "Presiden" in _gov_titles(by_id["xi-jinping"], seed_day)
    assert "Perdana Menteri" in _gov_titles(by_id["li-qiang"], seed_day)
    assert not _gov_titles(by_id["li-keqiang"], seed_day)
    assert "Perdana Menteri" in _gov_titles(by_id["fumio-kishida"], seed_day)
    assert not _gov_titles(by_id["fumio-kishida"], date(2025, 1, 1))
    assert "Perdana Menteri" in _gov_titles(by_id["shigeru-ishiba"], date(2025, 1, 1))
    # Wang Yi: foreign minister, then party foreign-affairs chief while Qin Gang held the ministry.
    assert "Menteri Luar Negeri" in _gov_titles(by_id["wang-yi"], date(2016, 1, 1))
    assert "Menteri Luar Negeri" not in _gov_titles(by_id["wang-yi"], date(2023, 5, 1))
    assert {r["role"] for r in roles_on(by_id["wang-yi"], date(2023, 5, 1))} == {"PTY"}
    assert "Menteri Luar Negeri" in _gov_titles(by_id["qin-gang"], date(2023, 5, 1))
    assert "Menteri Luar Negeri" in _gov_titles(by_id["wang-yi"], date(2024, 1, 1))


def test_spot_facts_indonesia(by_id: dict[str, dict[str, Any]]) -> None:
    prabowo = by_id["prabowo-subianto"]
    assert _gov_titles(prabowo, date(2022, 1, 1)) == ["Menteri Pertahanan"]
    assert _gov_titles(prabowo, date(2025, 1, 1)) == ["Presiden"]
    assert "Presiden" in _gov_titles(by_id["joko-widodo"], date(2020, 6, 1))
    assert not _gov_titles(by_id["joko-widodo"], date(2025, 1, 1))
    assert _gov_titles(by_id["retno-marsudi"], date(2023, 3, 21)) == ["Menteri Luar Negeri"]
    assert _gov_titles(by_id["sugiono"], date(2025, 1, 1)) == ["Menteri Luar Negeri"]
    assert _gov_titles(by_id["basuki-tjahaja-purnama"], date(2016, 1, 1)) == ["Gubernur DKI Jakarta"]
    assert _gov_titles(by_id["anies-baswedan"], date(2020, 1, 1)) == ["Gubernur DKI Jakarta"]


def test_spot_facts_rest_of_asia_pacific(by_id: dict[str, dict[str, Any]]) -> None:
    mah = by_id["min-aung-hlaing"]
    assert {r["role"] for r in roles_on(mah, date(2020, 1, 1))} == {"MIL"}
    assert _gov_titles(mah, date(2022, 1, 1))
    assert "Penasihat Negara" in _gov_titles(by_id["aung-san-suu-kyi"], date(2018, 1, 1))
    assert {r["role"] for r in roles_on(by_id["aung-san-suu-kyi"], date(2014, 1, 1))} == {"OPP"}
    assert _gov_titles(by_id["anwar-ibrahim"], date(2023, 1, 1)) == ["Perdana Menteri"]
    assert "Presiden" in _gov_titles(by_id["yoon-suk-yeol"], date(2024, 1, 1))
    assert not _gov_titles(by_id["yoon-suk-yeol"], date(2025, 5, 1))
    assert "Presiden" in _gov_titles(by_id["lee-jae-myung"], date(2025, 7, 1))
    assert "Presiden" in _gov_titles(by_id["ferdinand-marcos-jr"], date(2023, 1, 1))
    assert {r["role"] for r in roles_on(by_id["hibatullah-akhundzada"], date(2020, 1, 1))} == {"REB"}
    assert _gov_titles(by_id["hibatullah-akhundzada"], date(2021, 8, 20))
    assert "Perdana Menteri" in _gov_titles(by_id["anthony-albanese"], date(2023, 1, 1))


def test_project_loader_reads_the_files_and_agrees_on_a_date() -> None:
    """The runtime loader (end-exclusive spells, role priority) must parse and resolve our files."""
    entries = {e.id: e for e in load_entries(_own_files())}
    spell = entries["prabowo-subianto"].spell_on(date(2022, 1, 1))
    assert spell is not None and spell.role == "GOV" and spell.title == "Menteri Pertahanan"
    spell = entries["xi-jinping"].spell_on(date(2023, 3, 21))
    assert spell is not None and spell.role == "GOV" and spell.title == "Presiden"
    assert entries["fumio-kishida"].spell_on(date(2025, 1, 1)) is None
    assert "Jokowi" in entries["joko-widodo"].aliases
