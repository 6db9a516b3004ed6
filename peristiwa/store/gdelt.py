"""GDELT 2.0 event and mention rows, so existing GDELT tooling can read peristiwa's output.

Why a separate module with plain dataclasses: the store's export and the event coder's
own export (one Document, no database) both need the same 61 columns in the same order;
they build a `GdeltEvent` from whatever they hold and call `gdelt_event_row`.

Column order and meaning follow the GDELT 2.0 Event Codebook (V2.0, 2015). Two traps:
- geography country codes (`*_Geo_CountryCode`, `*_ADM1Code`) are FIPS 10-4, not ISO; the
  ISO3→FIPS table is `data/iso3_fips.tsv`. Actor country codes stay CAMEO (ISO3-based).
- files have no header row; numbers are written bare, missing values as empty fields
  (missing Geo_Type is 0, as in GDELT).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS),
    *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
assert len(EVENT_COLUMNS) == 61

# The GDELT 2.0 Mentions table (16 columns).
MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)

# CAMEO actor prefixes that are not countries: the code's first three letters go to
# KnownGroup/Type fields rather than CountryCode.
_GROUP_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM"})
_FEATURE_GEO_TYPE = {"country": 1, "adm1": 5, "region": 5, "state": 5, "province": 5, "city": 4}


@dataclass(frozen=True, slots=True)
class FipsTable:
    """ISO 3166 alpha-3 → FIPS 10-4 country codes (and names, for Geo_FullName)."""

    fips: dict[str, str]
    names: dict[str, str]

    @classmethod
    def load(cls) -> FipsTable:
        text = resources.files("peristiwa.store").joinpath("data/iso3_fips.tsv").read_text(encoding="utf-8")
        rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
        fips: dict[str, str] = {}
        names: dict[str, str] = {}
        for row in rows:
            fips[row["iso3"]] = row["fips"]
            names[row["iso3"]] = row["name"]
        return cls(fips, names)

    def to_fips(self, iso3: str | None) -> str:
        return self.fips.get((iso3 or "").upper(), "")


@dataclass(frozen=True, slots=True)
class GdeltActor:
    """The ten GDELT actor fields; build one from a CAMEO code with `from_cameo`."""

    code: str = ""
    name: str = ""
    country: str = ""
    known_group: str = ""
    ethnic: str = ""
    religion1: str = ""
    religion2: str = ""
    type1: str = ""
    type2: str = ""
    type3: str = ""

    @classmethod
    def from_cameo(cls, code: str | None, name: str | None = None, country: str | None = None) -> GdeltActor:
        """Split a CAMEO actor code into GDELT fields: CHNGOV → country CHN, type1 GOV.

        Three-letter chunks after the country are roles (GOV, MIL, OPP…); group prefixes
        such as IGO/NGO fill KnownGroupCode instead of CountryCode.
        """
        code = (code or "").upper()
        if not code:
            return cls()
        chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
        known = ""
        if chunks[0] in _GROUP_PREFIXES:
            ctry = ""
            types = chunks[:1]
            known = chunks[1] if len(chunks) > 1 else ""
            types += chunks[2:]
        else:
            ctry = (country or chunks[0]).upper()
            types = chunks[1:]
        types = [*types, "", "", ""][:3]
        return cls(code=code, name=(name or "").upper(), country=ctry, known_group=known,
                   type1=types[0], type2=types[1], type3=types[2])

    def fields(self) -> list[str]:
        return [self.code, self.name, self.country, self.known_group, self.ethnic, self.religion1,
                self.religion2, self.type1, self.type2, self.type3]


@dataclass(frozen=True, slots=True)
class GdeltGeo:
    """A GDELT geography block; `country_iso3` is converted to FIPS when the row is written."""

    type: int = 0
    full_name: str = ""
    country_iso3: str = ""
    adm1: str = ""
    adm2: str = ""
    lat: float | None = None
    lon: float | None = None
    feature_id: str = ""

    @classmethod
    def from_place(cls, name: str | None, country_iso3: str | None, feature: str | None,
                   lat: float | None, lon: float | None, geonames_id: int | None) -> GdeltGeo:
        """Geo_Type: 1 country, 4 world city, 5 world state/ADM1 (GDELT's types 2/3 are US-only)."""
        if not name and not country_iso3:
            return cls()
        geo_type = _FEATURE_GEO_TYPE.get((feature or "").lower(), 4 if lat is not None else 1)
        return cls(type=geo_type, full_name=name or "", country_iso3=country_iso3 or "",
                   lat=lat, lon=lon, feature_id=str(geonames_id) if geonames_id else "")


@dataclass(frozen=True, slots=True)
class GdeltEvent:
    """Everything one GDELT event row needs; missing parts stay empty in the output."""

    global_event_id: int
    day: date | None
    event_code: str
    base_code: str
    root_code: str
    quad_class: int
    goldstein: float
    actor1: GdeltActor = GdeltActor()
    actor2: GdeltActor = GdeltActor()
    is_root_event: bool = False
    num_mentions: int = 1
    num_sources: int = 1
    num_articles: int = 1
    avg_tone: float | None = None
    actor1_geo: GdeltGeo = GdeltGeo()
    actor2_geo: GdeltGeo = GdeltGeo()
    action_geo: GdeltGeo = GdeltGeo()
    date_added: datetime | None = None
    source_url: str = ""


def fraction_date(day: date) -> float:
    """GDELT's FractionDate: YYYY + (MM*30 + DD)/365, four decimals."""
    return round(day.year + (day.month * 30 + day.day) / 365, 4)


def _num(value: float | None, digits: int = 4) -> str:
    if value is None:
        return ""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _clean(text: str) -> str:
    """Tabs and newlines would break the TSV layout."""
    return " ".join(text.split()) if text else ""


def _geo_fields(geo: GdeltGeo, fips: FipsTable) -> list[str]:
    country = fips.to_fips(geo.country_iso3)
    full = geo.full_name
    if geo.country_iso3 and geo.type != 1:
        country_name = fips.names.get(geo.country_iso3.upper(), "")
        if country_name and country_name not in full:
            full = f"{full}, {country_name}" if full else country_name
    feature = geo.feature_id or (country if geo.type == 1 else "")
    return [str(geo.type), _clean(full), country, geo.adm1 or country, geo.adm2, _num(geo.lat), _num(geo.lon),
            feature]


def gdelt_event_row(event: GdeltEvent, fips: FipsTable) -> list[str]:
    """The 61 GDELT 2.0 event fields of `event`, as strings, in GDELT's column order."""
    day = event.day
    added = event.date_added or (datetime(day.year, day.month, day.day) if day else None)
    row = [
        str(event.global_event_id),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{fraction_date(day):.4f}" if day else "",
        *[_clean(v) for v in event.actor1.fields()],
        *[_clean(v) for v in event.actor2.fields()],
        "1" if event.is_root_event else "0",
        event.event_code,
        event.base_code or event.event_code[:3],
        event.root_code or event.event_code[:2],
        str(event.quad_class),
        _num(event.goldstein, 1),
        str(event.num_mentions),
        str(event.num_sources),
        str(event.num_articles),
        _num(event.avg_tone),
        *_geo_fields(event.actor1_geo, fips),
        *_geo_fields(event.actor2_geo, fips),
        *_geo_fields(event.action_geo, fips),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        _clean(event.source_url),
    ]
    assert len(row) == len(EVENT_COLUMNS)
    return row


@dataclass(frozen=True, slots=True)
class GdeltMention:
    """One GDELT 2.0 mention row: where an event was reported and at which offsets."""

    global_event_id: int
    event_time: datetime | None
    mention_time: datetime | None
    source_name: str
    identifier: str
    sentence_id: int
    actor1_offset: int | None
    actor2_offset: int | None
    action_offset: int
    confidence: float
    doc_len: int
    doc_tone: float | None
    mention_type: int = 1  # 1 = web article
    in_raw_text: bool = True
    extras: str = ""


def gdelt_mention_row(m: GdeltMention) -> list[str]:
    """The 16 GDELT 2.0 mention fields; offsets are -1 when the actor is absent, as in GDELT."""
    def stamp(value: datetime | None) -> str:
        return value.strftime("%Y%m%d%H%M%S") if value else ""

    return [
        str(m.global_event_id), stamp(m.event_time), stamp(m.mention_time), str(m.mention_type),
        _clean(m.source_name), _clean(m.identifier), str(m.sentence_id),
        str(m.actor1_offset if m.actor1_offset is not None else -1),
        str(m.actor2_offset if m.actor2_offset is not None else -1),
        str(m.action_offset), "1" if m.in_raw_text else "0", str(round(m.confidence * 100)),
        str(m.doc_len), _num(m.doc_tone), "", _clean(m.extras),
    ]


__all__ = [
    "EVENT_COLUMNS",
    "MENTION_COLUMNS",
    "FipsTable",
    "GdeltActor",
    "GdeltEvent",
    "GdeltGeo",
    "GdeltMention",
    "fraction_date",
    "gdelt_event_row",
    "gdelt_mention_row",
]
