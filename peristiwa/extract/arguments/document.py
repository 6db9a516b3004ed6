"""What the argument rules need of the whole document, indexed by sentence once per article.

Why a module of its own: the per-sentence context must cost what the sentence holds, not what the
article holds, and the article's focus country is a document-level fact the conventions fall back on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from peristiwa.model import Document, Mention, Place, Quote

FOCUS_LEAD = 2  # the article's focus country is named more than this many times as often as any other
FOCUS_MIN = 3  # … and at least this many times


@dataclass
class DocIndex:
    """Mentions (with their indices), quotes and places grouped by sentence, built once per document
    so each sentence's context costs what the sentence holds, not what the whole article holds; and the
    article's focus country (`focus_country`)."""

    mentions: dict[int, list[tuple[int, Mention]]]
    quotes: dict[int, list[Quote]]
    places: dict[int, list[Place]]
    focus: str | None = None

    @classmethod
    def build(cls, doc: Document, not_countries: frozenset[str] = frozenset()) -> DocIndex:
        mentions: dict[int, list[tuple[int, Mention]]] = {}
        for i, mention in enumerate(doc.mentions):
            mentions.setdefault(mention.sentence, []).append((i, mention))
        quotes: dict[int, list[Quote]] = {}
        for quote in doc.quotes:  # a quote running over several sentences belongs to each of them
            for sentence in range(quote.sentence, doc.sentence_at(quote.span.end - 1) + 1):
                quotes.setdefault(sentence, []).append(quote)
        places: dict[int, list[Place]] = {}
        for place in doc.places:
            places.setdefault(place.sentence, []).append(place)
        return cls(mentions, quotes, places, focus_country(doc, not_countries))


def focus_country(doc: Document, not_countries: frozenset[str]) -> str | None:
    """The country the article is about: the one its actors and places name at least `FOCUS_MIN` times and
    more than `FOCUS_LEAD` times as often as any other, else None. Regions and the `not_countries` of
    transnational actors do not count.

    Why: a report of unrest often names no place the gazetteer knows ("protes meletus di Daraa"); the
    country the whole article keeps naming is where it happened."""
    counts: Counter[str] = Counter()
    for mention in doc.mentions:
        actors = [mention.actor] if mention.actor is not None else mention.members
        counts.update(a.country for a in actors if a.country and a.type != "REG" and a.country not in not_countries)
    counts.update(p.country for p in doc.places if p.country)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < FOCUS_MIN or (len(ranked) > 1 and ranked[0][1] <= FOCUS_LEAD * ranked[1][1]):
        return None
    return ranked[0][0]
