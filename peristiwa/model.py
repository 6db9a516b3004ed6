"""The document model: one `Document` that every pipeline stage reads and extends.

Why one object: like spaCy's `Doc`, each stage (segmentation, mentions, places, dates,
quotes, events) adds typed items to the same document, and every item keeps the
character span it came from in the *original* article text, so an analyst can always
ask "why?" and be shown the exact words.

Offsets are Python string indices (code points) into `Article.text`, end-exclusive.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range `[start, end)` in the article text, with its surface."""

    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Article:
    """The input: raw text plus the metadata that changes interpretation (date, language)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    language: str = "id"
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark; `norm` is the lower-cased, normalised form used for matching."""

    start: int
    end: int
    text: str
    norm: str


@dataclass(frozen=True, slots=True)
class Dependency:
    """A token's syntactic head and relation (Universal Dependencies), set by the parse stage."""

    head: int  # index into Document.tokens of the head; -1 for the root of its sentence
    deprel: str
    upos: str = ""


@dataclass(slots=True)
class Sentence:
    """A sentence with its span and the half-open range of its tokens in `Document.tokens`."""

    index: int
    start: int
    end: int
    text: str
    token_start: int = 0
    token_end: int = 0


@dataclass(frozen=True, slots=True)
class Actor:
    """A knowledge-base entity as it stood on the article's date.

    `code` is the CAMEO actor code (country ISO3 + role, e.g. ``CHNGOV``); `role` is the
    CAMEO role alone (GOV, MIL, OPP, …). Persons change role over time, so an Actor is
    always the *resolved* view for one date, never the raw KB entry.
    """

    kb_id: str | None
    name: str
    type: str
    code: str | None = None
    country: str | None = None
    role: str | None = None
    title: str | None = None


#: mention and actor types that name a place (a country or a location), shared by the places stage (which
#: geocodes them) and the coder (a country named as a patient on its own is where an act happened)
PLACE_TYPES = ("GPE", "LOC")


@dataclass(slots=True)
class Mention:
    """A stretch of text that refers to an actor (or to an unknown named entity).

    `rule` records which mechanism produced it (gazetteer, title pattern, coreference…)
    and `antecedent` points at the index of the mention it was resolved through, so the
    chain "dia → Putin → Vladimir Putin" can be explained. A group mention ("kedua negara",
    "keduanya") has no single `actor`; its `members` are the actors it stands for.
    """

    span: Span
    type: str
    sentence: int
    kind: str = "name"
    actor: Actor | None = None
    rule: str = ""
    antecedent: int | None = None
    confidence: float = 1.0
    members: list[Actor] = field(default_factory=list)


@dataclass(slots=True)
class Place:
    """A geocoded place mention (GeoNames id, WGS84 coordinates, ISO3 country)."""

    span: Span
    sentence: int
    name: str
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str = "city"
    rule: str = ""


@dataclass(slots=True)
class TimeRef:
    """A time expression; `value` is ISO (``2023-03-20``, ``2022-02``, ``2023``, ``2023-W11``).

    When there is no publication date to anchor a relative expression, `value` is None
    and `granularity` is ``unresolved`` — we say so rather than guess.
    """

    span: Span
    sentence: int
    value: str | None
    granularity: str
    rule: str = ""


@dataclass(slots=True)
class Quote:
    """Reported speech: `span` is the quoted words, `evidence` the attribution (e.g. "kata Xi").

    `kind` is "direct" (in quote marks), "block" (unmarked: a paragraph after `X menulis:` or a
    line `@handle: …`) or "indirect" (`X mengatakan bahwa …`)."""

    span: Span
    sentence: int
    kind: str = "direct"
    speaker: Actor | None = None
    speaker_mention: int | None = None
    evidence: Span | None = None
    rule: str = ""


@dataclass(slots=True)
class EventArg:
    """One side (source or target) of an event: the actor and where it was found."""

    actor: Actor
    span: Span
    mention: int | None = None


@dataclass(slots=True)
class Event:
    """A coded event: who did what (CAMEO/PLOVER) to whom, with full provenance."""

    sentence: int
    code: str
    trigger: Span
    source: EventArg | None = None
    target: EventArg | None = None
    base_code: str = ""
    root_code: str = ""
    quad_class: int = 0
    goldstein: float = 0.0
    plover_type: str = ""
    plover_mode: str = ""
    label: str = ""
    date: str | None = None
    place: Place | None = None
    lexicon_id: str = ""
    rule: str = ""
    modality: list[str] = field(default_factory=list)
    negated: bool = False
    confidence: float = 1.0


@dataclass(slots=True)
class Document:
    """The article and everything the pipeline found in it."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    tone: float | None = None
    warnings: list[str] = field(default_factory=list)
    #: the dependency parse, by index into `tokens`; only parsed sentences (those with a trigger) appear
    dependencies: dict[int, Dependency] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> Span:
        """Build a Span over the article text so surfaces always match offsets."""
        return Span(start, end, self.article.text[start:end])

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.token_start : sentence.token_end]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing `offset` (or the last one before it)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def actors(self) -> list[Actor]:
        """Distinct resolved actors, in order of first mention."""
        seen: dict[tuple[str | None, str], Actor] = {}
        for mention in self.mentions:
            if mention.actor is not None:
                seen.setdefault((mention.actor.kb_id, mention.actor.name), mention.actor)
        return list(seen.values())

    def to_dict(self, *, include_text: bool = True, include_tokens: bool = False) -> dict[str, Any]:
        """Stable JSON-ready dict (schema in docs/output.md)."""
        data = to_jsonable(self)
        if not include_text:
            data["article"].pop("text", None)
        if not include_tokens:
            data.pop("tokens", None)
            data.pop("dependencies", None)
        data["schema"] = SCHEMA_VERSION
        return data


class Coverage:
    """Which character offsets some spans cover, for linear-time overlap checks.

    Stages ask "does this candidate overlap anything already found?" for every candidate; with
    a list of spans that is quadratic in article length, with an offset set it is linear.
    """

    __slots__ = ("_offsets",)

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._offsets: set[int] = set()
        for span in spans:
            self.add(span)

    def add(self, span: Span) -> None:
        self._offsets.update(range(span.start, span.end))

    def overlaps(self, start: int, end: int) -> bool:
        offsets = self._offsets
        return any(i in offsets for i in range(start, end))

    def __contains__(self, offset: int) -> bool:
        return offset in self._offsets


SCHEMA_VERSION = "peristiwa.document/1"


def to_jsonable(value: Any) -> Any:
    """Dataclasses → dicts (field order kept), dates → ISO strings; everything else as is."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


__all__ = [
    "Actor",
    "Article",
    "Coverage",
    "Dependency",
    "Document",
    "Event",
    "EventArg",
    "Mention",
    "Place",
    "Quote",
    "Sentence",
    "Span",
    "TimeRef",
    "Token",
    "to_jsonable",
]
