"""The rows one coded document becomes: shared by the SQLite store and the Parquet dataset.

Why one place: an event mention's id, its merge key and merge date, and the column order of
every table must be the same whichever store holds them, or the same corpus would merge into
different events in SQLite and in Parquet. Rows are plain tuples in the column order below
(which is the SQLite tables' column order), so SQLite inserts them positionally and the Parquet
writer zips them with the names.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from peristiwa.extract.events import is_resolved
from peristiwa.model import Actor, Document, Event
from peristiwa.store.merge import CodeLevel, merge_date, merge_key

ACTOR_COLUMNS = ("id", "kb_id", "name", "type", "code", "country", "role", "title")
SENTENCE_COLUMNS = ("article_id", "idx", "start_char", "end_char")
MENTION_COLUMNS = ("article_id", "idx", "sentence", "start_char", "end_char", "surface", "type", "kind", "actor_id",
                   "members", "antecedent", "confidence", "rule")
PLACE_COLUMNS = ("article_id", "idx", "sentence", "start_char", "end_char", "surface", "name", "geonames_id", "lat",
                 "lon", "country", "feature", "rule")
TIME_COLUMNS = ("article_id", "idx", "sentence", "start_char", "end_char", "surface", "value", "granularity", "rule")
QUOTE_COLUMNS = ("article_id", "idx", "sentence", "start_char", "end_char", "text", "kind", "speaker_actor_id",
                 "speaker_mention", "evidence_start", "evidence_end", "evidence_text", "rule")
EVENT_MENTION_COLUMNS = (
    "id", "article_id", "idx", "sentence", "event_code", "base_code", "root_code", "quad_class", "goldstein",
    "plover_type", "plover_mode", "label", "trigger_start", "trigger_end", "trigger_text",
    "source_actor_id", "source_start", "source_end", "source_text", "source_mention",
    "target_actor_id", "target_start", "target_end", "target_text", "target_mention",
    "event_date", "place_name", "place_geonames_id", "place_lat", "place_lon", "place_country", "place_feature",
    "lexicon_id", "rule", "modality", "negated", "confidence", "resolved", "merge_key", "merge_date",
)

#: merged events (`merge.MergedEvent` fields without the mention ids)
EVENT_COLUMNS = (
    "id", "global_event_id", "merge_key", "event_code", "base_code", "root_code", "quad_class", "goldstein",
    "source_code", "target_code", "source_actor_id", "target_actor_id", "event_date", "event_date_last",
    "date_granularity", "place_name", "place_country", "place_geonames_id", "place_lat", "place_lon",
    "place_feature", "num_mentions", "num_sources", "num_articles", "avg_tone", "first_seen", "last_seen",
    "is_root_event", "source_url", "first_article_id",
)


def actor_id(actor: Actor) -> str:
    """Stable id for an actor as resolved: the same KB entry with a different role is a different row."""
    key = "\x1f".join(str(v or "") for v in (actor.kb_id, actor.name, actor.type, actor.code, actor.country,
                                              actor.role, actor.title))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def event_mention_id(content_hash: str, idx: int, event: Event) -> str:
    key = "\x1f".join(str(v) for v in (
        content_hash, idx, event.sentence, event.trigger.start, event.code,
        event.source.actor.code if event.source else "", event.target.actor.code if event.target else ""))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass(slots=True)
class DocumentRows:
    """Every row of one coded document, plus the merge keys its resolved event mentions touch."""

    actors: dict[str, tuple] = field(default_factory=dict)
    sentences: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    places: list[tuple] = field(default_factory=list)
    times: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    event_mentions: list[tuple] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)

    def actor(self, actor: Actor | None) -> str | None:
        if actor is None:
            return None
        aid = actor_id(actor)
        self.actors.setdefault(aid, (aid, actor.kb_id, actor.name, actor.type, actor.code, actor.country,
                                     actor.role, actor.title))
        return aid


def document_rows(article_id: int, content_hash: str, doc: Document, code_level: CodeLevel) -> DocumentRows:
    """The rows of `doc` stored under `article_id` (columns as in the `*_COLUMNS` tuples above)."""
    rows = DocumentRows()
    rows.sentences = [(article_id, s.index, s.start, s.end) for s in doc.sentences]
    for i, m in enumerate(doc.mentions):
        members = [rows.actor(a) for a in m.members]
        rows.mentions.append((article_id, i, m.sentence, m.span.start, m.span.end, m.span.text, m.type, m.kind,
                              rows.actor(m.actor), json.dumps(members) if members else None,
                              m.antecedent, m.confidence, m.rule))
    rows.quotes = [(article_id, i, q.sentence, q.span.start, q.span.end, q.span.text, q.kind,
                    rows.actor(q.speaker), q.speaker_mention,
                    q.evidence.start if q.evidence else None, q.evidence.end if q.evidence else None,
                    q.evidence.text if q.evidence else None, q.rule) for i, q in enumerate(doc.quotes)]
    rows.places = [(article_id, i, p.sentence, p.span.start, p.span.end, p.span.text, p.name, p.geonames_id, p.lat,
                    p.lon, p.country, p.feature, p.rule) for i, p in enumerate(doc.places)]
    rows.times = [(article_id, i, t.sentence, t.span.start, t.span.end, t.span.text, t.value, t.granularity, t.rule)
                  for i, t in enumerate(doc.times)]
    published = doc.article.published.isoformat() if doc.article.published else None
    for i, e in enumerate(doc.events):
        rows.event_mentions.append(_event_mention_row(rows, article_id, content_hash, i, e, published, code_level))
    return rows


def _event_mention_row(rows: DocumentRows, article_id: int, content_hash: str, i: int, e: Event,
                       published: str | None, code_level: CodeLevel) -> tuple:
    resolved = is_resolved(e)
    key = None
    if resolved:
        key = merge_key(e.code, e.base_code, e.root_code, e.source.actor.code if e.source else None,
                        e.target.actor.code if e.target else None, code_level)
        rows.keys.add(key)
    src, tgt, place = e.source, e.target, e.place
    return (
        event_mention_id(content_hash, i, e), article_id, i, e.sentence, e.code, e.base_code, e.root_code,
        e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.label,
        e.trigger.start, e.trigger.end, e.trigger.text,
        rows.actor(src.actor if src else None),
        src.span.start if src else None, src.span.end if src else None, src.span.text if src else None,
        src.mention if src else None,
        rows.actor(tgt.actor if tgt else None),
        tgt.span.start if tgt else None, tgt.span.end if tgt else None, tgt.span.text if tgt else None,
        tgt.mention if tgt else None,
        e.date, place.name if place else None, place.geonames_id if place else None,
        place.lat if place else None, place.lon if place else None, place.country if place else None,
        place.feature if place else None, e.lexicon_id, e.rule, ",".join(e.modality) or None,
        int(e.negated), e.confidence, int(resolved), key,
        merge_date(e.date, published) if resolved else None,
    )


__all__ = [
    "ACTOR_COLUMNS",
    "EVENT_COLUMNS",
    "EVENT_MENTION_COLUMNS",
    "MENTION_COLUMNS",
    "DocumentRows",
    "actor_id",
    "document_rows",
    "event_mention_id",
]
