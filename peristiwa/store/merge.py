"""Event merging: event mentions that describe the same real-world event become one event.

The rule (documented in docs/store.md, parameters in `MergeParams`):

1. **Merge key.** Only resolved mentions (coded source, not negated/denied) merge. Two
   mentions can merge only if they share the CAMEO code at `code_level` (default: the
   3-digit *base* code, so 042 and 0421 merge, 042 and 043 do not), the source actor code
   and the target actor code (``CHNGOV`` ≠ ``CHN``; no target is its own value). Actor
   codes, not names, because outlets name one actor differently ("Putin", "Kremlin").
2. **Date.** Each mention's merge date is its event date when resolved to a day, else its
   coarse value (``2023-06``, ``2023``, ``2023-W11``), else the article's publication date.
   Day-dated mentions of one key are clustered by single linkage: sorted by date, a gap of
   more than `date_tolerance_days` starts a new event. Coarse-dated mentions merge only
   with the same coarse value. Mentions with no date at all form one undated event per key.
3. **Location.** Within a date cluster, mentions whose places lie in different countries are
   different events; a mention with no place joins the largest country group (ties: the
   alphabetically first country). Same country or unknown = compatible. A country-level
   place that is one of the actors' own country ("Perdana Menteri Malaysia") counts as
   unknown: it names a nationality more often than a location.

Why this is deterministic and incremental: the clusters depend only on the *set* of
mentions of a key, never on the order they arrived in, so a store recomputes the events of
every key touched by a batch (`cluster_mentions`) and always ends in the state a clean run
over the same articles would reach. Event ids hash the key, the cluster's first date and
(only when a date cluster was split by location) its country; an event's id therefore
changes only when an earlier report or a bridging report extends it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

CodeLevel = Literal["code", "base", "root"]
LEAD_SENTENCES = 3  # a mention in the first sentences (headline + lead) marks a "root" event, as GDELT does


@dataclass(frozen=True, slots=True)
class MergeParams:
    """The merge rule's knobs; stored in the database so every later ingest uses the same."""

    date_tolerance_days: int = 1
    code_level: CodeLevel = "base"

    def to_settings(self) -> dict[str, str]:
        return {"merge.date_tolerance_days": str(self.date_tolerance_days), "merge.code_level": self.code_level}

    @classmethod
    def from_settings(cls, settings: dict[str, str]) -> MergeParams:
        level = settings.get("merge.code_level", "base")
        if level not in ("code", "base", "root"):
            raise ValueError(f"unknown merge.code_level {level!r}")
        return cls(int(settings.get("merge.date_tolerance_days", "1")), level)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class MergeMention:
    """What merging needs to know about one event mention and its article."""

    id: str
    article_id: int
    sentence: int
    event_code: str
    base_code: str
    root_code: str
    quad_class: int
    goldstein: float
    source_actor_id: str | None
    target_actor_id: str | None
    merge_date: str | None
    place_name: str | None = None
    place_country: str | None = None
    place_geonames_id: int | None = None
    place_lat: float | None = None
    place_lon: float | None = None
    place_feature: str | None = None
    outlet: str | None = None
    tone: float | None = None
    published: str | None = None
    url: str | None = None


@dataclass(slots=True)
class MergedEvent:
    """One merged event and the ids of its mentions."""

    id: str
    global_event_id: int
    merge_key: str
    event_code: str
    base_code: str
    root_code: str
    quad_class: int
    goldstein: float
    source_code: str | None
    target_code: str | None
    source_actor_id: str | None
    target_actor_id: str | None
    event_date: str | None
    event_date_last: str | None
    date_granularity: str
    place_name: str | None
    place_country: str | None
    place_geonames_id: int | None
    place_lat: float | None
    place_lon: float | None
    place_feature: str | None
    num_mentions: int
    num_sources: int
    num_articles: int
    avg_tone: float | None
    first_seen: str | None
    last_seen: str | None
    is_root_event: bool
    source_url: str | None
    first_article_id: int | None
    mention_ids: list[str] = field(default_factory=list)


def merge_key(code: str, base_code: str, root_code: str, source_code: str | None, target_code: str | None,
              level: CodeLevel = "base") -> str:
    """``<code part>|<source code>|<target code>``, e.g. ``042|CHNGOV|RUSGOV``."""
    part = {"code": code, "base": base_code or code[:3], "root": root_code or code[:2]}[level]
    return f"{part}|{source_code or ''}|{target_code or ''}"


def merge_date(event_date: str | None, published: str | None) -> str | None:
    """The date a mention is merged on: its own event date, else the publication date."""
    return event_date or published


def granularity(value: str | None) -> str:
    if value is None:
        return "unresolved"
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        return "day"
    if "W" in value:
        return "week"
    return "month" if len(value) == 7 else "year"


def event_id_for(key: str, anchor: str, country: str | None) -> tuple[str, int]:
    """Deterministic event id (16 hex digits) and its integer GLOBALEVENTID (< 2**60)."""
    digest = hashlib.sha256(f"{key}\x1f{anchor}\x1f{country or ''}".encode()).hexdigest()
    return digest[:16], int(digest[:15], 16)


def _date_clusters(mentions: Sequence[MergeMention], tolerance: int) -> list[list[MergeMention]]:
    """Single-linkage clusters by merge date; coarse or missing dates cluster by equal value."""
    day: list[tuple[date, MergeMention]] = []
    other: dict[str, list[MergeMention]] = {}
    for m in mentions:
        if granularity(m.merge_date) == "day":
            try:
                day.append((date.fromisoformat(m.merge_date or ""), m))
                continue
            except ValueError:
                pass
        other.setdefault(m.merge_date or "", []).append(m)
    clusters: list[list[MergeMention]] = []
    day.sort(key=lambda pair: (pair[0], pair[1].id))
    last: date | None = None
    for d, m in day:
        if last is None or (d - last).days > tolerance:
            clusters.append([])
        clusters[-1].append(m)
        last = d
    clusters.extend(sorted(group, key=lambda m: m.id) for _, group in sorted(other.items()))
    return clusters


def location_country(m: MergeMention, actor_countries: frozenset[str]) -> str | None:
    """The country a mention says the event happened in, for the compatibility test.

    A country-level place equal to one actor's country ("Perdana Menteri *Malaysia*") is
    usually that actor's nationality rather than the event's location, so it says nothing.
    """
    if not m.place_country:
        return None
    if (m.place_feature or "") == "country" and m.place_country in actor_countries:
        return None
    return m.place_country


def _location_groups(cluster: list[MergeMention], actor_countries: frozenset[str] = frozenset(),
                     ) -> list[tuple[str | None, list[MergeMention]]]:
    """Split a date cluster by place country; unlocated mentions join the largest group."""
    by_country: dict[str, list[MergeMention]] = {}
    unlocated: list[MergeMention] = []
    for m in cluster:
        country = location_country(m, actor_countries)
        if country:
            by_country.setdefault(country, []).append(m)
        else:
            unlocated.append(m)
    if len(by_country) <= 1:
        return [(None, cluster)]
    largest = min(by_country, key=lambda c: (-len(by_country[c]), c))
    by_country[largest] = by_country[largest] + unlocated
    return [(country, by_country[country]) for country in sorted(by_country)]


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _build(key: str, members: list[MergeMention], country: str | None) -> MergedEvent:
    source_code, target_code = key.split("|")[1:3]
    dates = sorted(m.merge_date for m in members if m.merge_date)
    anchor = dates[0] if dates else ""
    event_id, global_id = event_id_for(key, anchor, country)
    code = _most_common(m.event_code for m in members) or members[0].event_code
    typical = min((m for m in members if m.event_code == code), key=lambda m: m.id)
    place_counts = Counter((m.place_name, m.place_country) for m in members if m.place_name)
    place = None
    if place_counts:
        best = min(place_counts, key=lambda p: (-place_counts[p], p[0] or "", p[1] or ""))
        place = min((m for m in members if (m.place_name, m.place_country) == best), key=lambda m: m.id)
    articles: dict[int, MergeMention] = {}
    for m in sorted(members, key=lambda m: m.id):
        articles.setdefault(m.article_id, m)
    tones = [m.tone for m in articles.values() if m.tone is not None]
    published = sorted(m.published for m in articles.values() if m.published)
    first = min(articles.values(), key=lambda m: (m.published or "9999", m.url or "", m.article_id))
    return MergedEvent(
        id=event_id, global_event_id=global_id, merge_key=key,
        event_code=code, base_code=typical.base_code, root_code=typical.root_code,
        quad_class=typical.quad_class, goldstein=typical.goldstein,
        source_code=source_code or None, target_code=target_code or None,
        source_actor_id=_most_common(m.source_actor_id for m in members),
        target_actor_id=_most_common(m.target_actor_id for m in members),
        event_date=anchor or None, event_date_last=dates[-1] if dates else None,
        date_granularity=granularity(anchor or None),
        place_name=place.place_name if place else None,
        place_country=place.place_country if place else country,
        place_geonames_id=place.place_geonames_id if place else None,
        place_lat=place.place_lat if place else None, place_lon=place.place_lon if place else None,
        place_feature=place.place_feature if place else None,
        num_mentions=len(members),
        num_sources=len({m.outlet or "" for m in articles.values()}),
        num_articles=len(articles),
        avg_tone=round(sum(tones) / len(tones), 4) if tones else None,
        first_seen=published[0] if published else None, last_seen=published[-1] if published else None,
        is_root_event=any(m.sentence < LEAD_SENTENCES for m in members),
        source_url=first.url, first_article_id=first.article_id,
        mention_ids=sorted(m.id for m in members),
    )


def cluster_mentions(key: str, mentions: Sequence[MergeMention], params: MergeParams) -> list[MergedEvent]:
    """All events of one merge key, from all of that key's resolved mentions."""
    events: list[MergedEvent] = []
    _, source_code, target_code = key.split("|")[:3]
    actor_countries = frozenset(code[:3] for code in (source_code, target_code) if len(code) >= 3)
    for cluster in _date_clusters(mentions, params.date_tolerance_days):
        groups = _location_groups(cluster, actor_countries)
        for country, members in groups:
            events.append(_build(key, members, country if len(groups) > 1 else None))
    return events


__all__ = [
    "LEAD_SENTENCES",
    "MergeMention",
    "MergeParams",
    "MergedEvent",
    "cluster_mentions",
    "event_id_for",
    "granularity",
    "location_country",
    "merge_date",
    "merge_key",
]
