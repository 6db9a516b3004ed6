"""Checks on the shipped knowledge-base data: countries, organisations and the Indonesian role lexicon.

These files are hand-reviewed YAML, so the tests guard what review easily misses: YAML that parses into
the wrong shape (a comma inside a flow list splits an alias in two), duplicate ids or aliases, invalid ISO
codes, role codes outside CAMEO, and a handful of facts the resolver depends on.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

import pycountry
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
KB_DATA = ROOT / "peristiwa" / "kb" / "data"
ROLES_FILE = ROOT / "peristiwa" / "lang" / "id" / "data" / "roles.yaml"

# CAMEO actor role codes (primary roles, secondary sectors, and the transnational prefixes).
CAMEO_ROLES = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF",
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF",
    "MOD", "RAD", "REL", "IGO", "NGO", "IMG", "MNC",
}
NON_ISO_COUNTRIES = {"XKX"}                 # Kosovo: not in ISO 3166, used by CAMEO/EU/IMF
TRANSNATIONAL = {"IGO", "NGO", "IMG"}       # CAMEO prefixes used as `country` for non-national actors
ORG_KEYS = {"id", "name", "aliases", "type", "country", "code"}
ROLE_KINDS = {"title", "leader", "body", "group", "person", "spokesperson", "modifier", "nationality"}
ROLE_KEYS = {"words", "role", "kind", "head", "level", "country", "org", "fallback"}
ISO3 = {c.alpha_3 for c in pycountry.countries}


def _load(path: Path):
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def countries() -> tuple[dict, ...]:
    return tuple(_load(KB_DATA / "countries.yaml"))


@cache
def orgs() -> tuple[dict, ...]:
    entries: list[dict] = []
    for path in sorted((KB_DATA / "orgs").glob("*.yaml")):
        entries.extend(_load(path))
    return tuple(entries)


@cache
def roles() -> tuple[dict, ...]:
    return tuple(_load(ROLES_FILE))


def _match_key(alias: str) -> str:
    """How the matcher compares aliases: short all-caps forms are case-sensitive, the rest are not."""
    return alias if alias.isupper() and len(alias) <= 4 else alias.casefold()


def _country_index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for entry in countries():
        for forms in entry["aliases"].values():
            for alias in forms:
                index[alias].add(entry["iso3"])
    return index


def _org_forms(entry: dict) -> list[str]:
    """The loader indexes an organisation's display `name` as an alias too, so both must be safe."""
    return list(dict.fromkeys([entry["name"], *entry["aliases"]]))


def _org_by_alias() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = defaultdict(list)
    for entry in orgs():
        for alias in _org_forms(entry):
            index[alias].append(entry)
    return index


# --- countries ----------------------------------------------------------------------------------------------

def test_countries_count_and_codes():
    entries = countries()
    assert len(entries) >= 240
    codes = [e["iso3"] for e in entries]
    assert len(codes) == len(set(codes))
    for entry in entries:
        assert entry["kind"] == "country"
        assert entry["iso3"] in ISO3 | NON_ISO_COUNTRIES, entry["iso3"]
        assert re.fullmatch(r"[A-Z]{2}", entry["iso2"])
    assert {"XKX", "PSE", "TWN"} <= set(codes)
    assert "EU" not in {e["iso2"] for e in entries}  # the EU is an organisation


def test_every_country_has_indonesian_and_english_aliases():
    for entry in countries():
        aliases = entry["aliases"]
        assert aliases.get("id") and aliases.get("en"), entry["iso3"]
        for forms in aliases.values():
            assert all(isinstance(a, str) and a == a.strip() and a for a in forms), entry["iso3"]


def test_no_alias_or_metonym_names_two_countries():
    owner: dict[str, str] = {}
    for entry in countries():
        forms = {a for fs in entry["aliases"].values() for a in fs} | set(entry.get("metonyms", []))
        for form in forms:
            other = owner.setdefault(_match_key(form), entry["iso3"])
            assert other == entry["iso3"], f"{form!r} names {other} and {entry['iso3']}"


def test_country_facts():
    index = _country_index()
    by_iso = {e["iso3"]: e for e in countries()}
    assert index["Tiongkok"] == {"CHN"}
    assert index["China"] == {"CHN"}
    assert index["AS"] == {"USA"}
    assert index["Amerika Serikat"] == {"USA"}
    assert index["Korut"] == {"PRK"} and index["Korsel"] == {"KOR"}
    assert index["Inggris"] == {"GBR"} and index["Britania Raya"] == {"GBR"}
    assert index["RI"] == {"IDN"}
    assert index["Palestina"] == {"PSE"}
    assert "Amerika Syarikat" in by_iso["USA"]["aliases"]["ms"]
    assert "Kremlin" in by_iso["RUS"]["metonyms"]
    assert "Moskow" in by_iso["RUS"]["metonyms"]
    assert "Gedung Putih" in by_iso["USA"]["metonyms"]
    assert "Zhongnanhai" in by_iso["CHN"]["metonyms"]
    assert "Istana Merdeka" in by_iso["IDN"]["metonyms"]
    assert "Kyiv" in by_iso["UKR"]["metonyms"] and "Kiev" in by_iso["UKR"]["metonyms"]
    assert "Yerusalem" in by_iso["ISR"]["metonyms"]
    assert "Tel Aviv" not in by_iso["ISR"].get("metonyms", [])
    assert "Chinese" in by_iso["CHN"]["demonyms"]["en"]
    # Brussels stands for the EU/NATO, never for Belgium; "Papua" is an Indonesian province, not PNG.
    assert "Brussels" not in by_iso["BEL"].get("metonyms", [])
    assert "Papua" not in index


def test_many_countries_have_metonyms():
    assert sum(1 for e in countries() if e.get("metonyms")) >= 120


def test_no_dangerous_lowercase_aliases():
    """Everyday Indonesian words must never be country aliases ("as", "ri", "cuba" in Malay)."""
    index = _country_index()
    for word in ("as", "ri", "papua", "korea", "kongo", "amerika latin"):
        assert word not in index
    by_iso = {e["iso3"]: e for e in countries()}
    assert "Cuba" not in by_iso["CUB"]["aliases"].get("ms", [])


def test_generated_file_is_up_to_date():
    script = ROOT / "scripts" / "build_countries.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    if result.returncode == 2:
        pytest.skip(result.stderr.strip())  # other pycountry/Babel releases than the pinned `build` extra
    if result.returncode != 0 and "out of date" not in result.stderr:
        pytest.skip(f"build script cannot run here: {result.stderr.strip()[:200]}")
    assert result.returncode == 0, result.stderr


# --- organisations ------------------------------------------------------------------------------------------

def test_org_count_shape_and_unique_ids():
    entries = orgs()
    assert len(entries) >= 400
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    country_ids = {e["iso3"].lower() for e in countries()}
    for entry in entries:
        assert set(entry) == ORG_KEYS, (entry.get("id"), sorted(entry))  # catches commas splitting a mapping
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry["id"]), entry["id"]
        assert entry["id"] not in country_ids
        assert entry["aliases"], entry["id"]


def test_org_countries_types_and_codes():
    for entry in orgs():
        country, code = entry["country"], entry["code"]
        assert country in ISO3 | NON_ISO_COUNTRIES | TRANSNATIONAL, entry["id"]
        assert entry["type"] in CAMEO_ROLES, entry["id"]
        assert re.fullmatch(r"(?:[A-Z0-9]{3})+", code), (entry["id"], code)
        assert code.startswith(country), (entry["id"], code)
        if country == "IGO":
            assert entry["type"] == "IGO", entry["id"]


def test_org_aliases_are_clean_and_unique():
    owner: dict[str, str] = {}
    country_forms = set()
    for entry in countries():
        country_forms |= {_match_key(a) for fs in entry["aliases"].values() for a in fs}
        country_forms |= {_match_key(m) for m in entry.get("metonyms", [])}
    for entry in orgs():
        for alias in _org_forms(entry):
            assert isinstance(alias, str) and alias == alias.strip() and len(alias) >= 2, (entry["id"], alias)
            key = _match_key(alias)
            other = owner.setdefault(key, entry["id"])
            assert other == entry["id"], f"{alias!r} is an alias of {other} and {entry['id']}"
            assert key not in country_forms, f"{alias!r} ({entry['id']}) is also a country name"


def test_org_facts():
    index = _org_by_alias()

    def only(alias: str) -> dict:
        hits = index[alias]
        assert len(hits) == 1, (alias, hits)
        return hits[0]

    assert only("Dewan Keamanan PBB")["type"] == "IGO"
    assert only("Dewan Keamanan PBB")["code"] == "IGOUNO"
    assert only("PBB")["id"] == only("Perserikatan Bangsa-Bangsa")["id"]
    assert only("Persatuan Bangsa-Bangsa")["id"] == only("PBB")["id"]  # the common non-standard spelling
    assert only("NATO")["code"] == "IGOWSTNAT"
    assert only("ASEAN")["code"] == "IGOSEAASN"
    assert only("Uni Eropa")["code"] == "IGOEUREEC"
    assert only("Mahkamah Pidana Internasional")["id"] == only("ICC")["id"]
    assert only("Organisasi Kesehatan Dunia")["code"] == "IGOUNOHLHWHO"
    assert only("Pentagon")["code"] == "USAMIL"
    assert only("Mossad")["code"] == "ISRSPY"
    assert only("Knesset")["code"] == "ISRLEG"
    assert only("KPK")["country"] == "IDN"
    assert only("TNI")["code"] == "IDNMIL"
    assert only("Polri")["code"] == "IDNCOP"
    assert only("Densus 88")["code"] == "IDNCOP"
    # security, intelligence and police bodies (issue #10): alias -> country + role
    assert only("Badan Keamanan Intelijen Nasional")["code"] == "SDNSPY"
    assert only("NISS")["id"] == only("Dinas Intelijen Umum Sudan")["id"]
    assert only("Mukhabarat Mesir")["code"] == "EGYSPY"
    assert only("Mukhabarat Yordania")["country"] == "JOR"
    assert only("Central Security Forces (Egypt)")["code"] == "EGYCOP"
    assert only("Guardia Civil")["code"] == "ESPCOP"
    assert only("Polisi Federal Brasil")["code"] == "BRACOP"
    assert only("SEBIN")["code"] == "VENSPY"
    assert only("Rapid Action Battalion")["code"] == "BGDCOP"
    assert only("Polisi Bersenjata Rakyat")["code"] == "CHNMIL"
    assert only("DSS Nigeria")["code"] == "NGASPY"
    assert only("Kementerian Intelijen Iran")["code"] == "IRNSPY"
    assert only("Shin Bet")["code"] == "ISRSPY" and only("MI5")["code"] == "GBRSPY"
    assert only("DPR")["code"] == "IDNLEG"
    assert only("Hamas")["code"] == "PSEREB"
    assert only("TPNPB")["code"] == "IDNSEP"
    assert only("Wagner Group")["code"] == "RUSUAF"
    assert only("Pertamina")["code"] == "IDNBUS"
    assert only("perusahaan Twitter")["code"] == "USABUS"
    assert only("Reuters")["type"] == "MED"
    assert only("Xinhua")["code"] == "CHNMED"
    assert only("Partai Komunis China")["code"] == "CHNPTY"
    assert only("Partai Demokrat")["country"] == "IDN"
    assert only("Partai Demokrat AS")["country"] == "USA"
    assert only("Nahdlatul Ulama")["type"] == "REL"
    # Ambiguous forms that must stay out of the organisation index.
    lowered = {alias.casefold() for alias in index}
    for word in ("Antara", "Tempo", "Detik", "Kontan", "Bersatu", "Negara Islam", "Shell", "Apple", "Amazon",
                 "Grab", "Garuda", "Persis", "Amnesty", "Dewan Keamanan", "Security Council",
                 # platforms: "aktivis Twitter", "pengguna Facebook" are people of no stated country
                 "Twitter", "Facebook", "YouTube",
                 # one such body in each of several countries, or dissolved before 1979 (SAVAK)
                 "Mukhabarat", "Polisi Federal", "Guardia Nacional", "KGB", "Intelligence Bureau", "SAVAK"):
        assert word.casefold() not in lowered, word
    assert "RT" not in index and "PMI" not in index and "MIT" not in index


def test_indonesian_institutions_present():
    index = _org_by_alias()
    for alias in ("DPR", "MPR", "DPD", "KPK", "TNI AD", "TNI AL", "TNI AU", "Polri", "Densus 88", "BIN", "BNPT",
                  "BNPB", "MK", "MA", "KY", "Kejaksaan Agung", "BPK", "KPU", "Bawaslu", "Komnas HAM",
                  "Bank Indonesia", "OJK", "Basarnas", "Kemlu", "Kemhan", "Kemendagri", "Kemenkeu",
                  "PDI-P", "Golkar", "Gerindra", "PKB", "NasDem", "PKS", "Demokrat", "PAN", "PPP", "PSI",
                  "Perindo", "Hanura", "NU", "Muhammadiyah", "MUI", "FPI", "HTI"):
        assert alias in index and index[alias][0]["country"] == "IDN", alias


# --- role lexicon -------------------------------------------------------------------------------------------

def test_roles_shape_and_count():
    entries = roles()
    words = [w for e in entries for w in e["words"]]
    assert len(words) >= 150
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries):
        assert set(entry) <= ROLE_KEYS and {"words", "role", "kind"} <= set(entry), entry
        assert entry["kind"] in ROLE_KINDS, entry
        assert entry["role"] is None or entry["role"] in CAMEO_ROLES, entry
        if "fallback" in entry:
            assert entry["role"] is None and entry["fallback"] in CAMEO_ROLES, entry
        if "head" in entry:
            assert entry["head"] is True, entry
        if "level" in entry:
            assert entry["level"] == "local", entry
        if "country" in entry:
            assert entry["country"] in ISO3, entry
        for word in entry["words"]:
            assert isinstance(word, str) and word == word.strip() and word, entry
            key = _match_key(word)
            assert seen.setdefault(key, i) == i, f"{word!r} is listed twice"


def test_role_org_links_exist():
    org_ids = {e["id"] for e in orgs()}
    for entry in roles():
        if "org" in entry:
            assert entry["org"] in org_ids, entry


def test_role_facts():
    by_word = {w: e for e in roles() for w in e["words"]}
    assert by_word["Presiden"]["role"] == "GOV" and by_word["Presiden"].get("head") is True
    assert by_word["Perdana Menteri"].get("head") is True and by_word["PM"].get("head") is True
    assert by_word["Menlu"]["role"] == "GOV" and not by_word["Menlu"].get("head")
    assert by_word["pemimpin"]["kind"] == "leader"
    assert by_word["pasukan"]["role"] == "MIL" and by_word["pasukan"]["kind"] == "group"
    assert by_word["Kementerian Luar Negeri"]["kind"] == "body"
    assert by_word["juru bicara"]["role"] is None and by_word["juru bicara"]["kind"] == "spokesperson"
    assert by_word["demonstran"]["role"] == "OPP"
    assert by_word["pengungsi"]["role"] == "REF"
    assert by_word["separatis"]["role"] == "SEP"
    assert by_word["militan"]["role"] == "REB"
    assert by_word["polisi"]["role"] == "COP"
    assert by_word["Kapolri"]["country"] == "IDN"
    assert by_word["Bupati"]["level"] == "local"
    assert by_word["hakim"]["role"] == "JUD"
    assert by_word["wartawan"]["role"] == "MED"
    assert by_word["nelayan"]["role"] == "AGR"
    assert by_word["ulama"]["role"] == "REL"
    assert by_word["mantan"]["role"] == "ELI" and by_word["mantan"]["kind"] == "modifier"
