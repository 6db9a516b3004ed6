"""References to a country by something other than its own name: "negara itu", and "Korea" for one Korea.

Why a module of its own: both resolve to a country entry of the KB, not to a mention's actor — a
country anaphor is the country named most often in the last DISCOURSE_WINDOW sentences (never a default
country when none is named), and a name two states share is the one of them the article names
unambiguously. Country actors built from an ISO3 code get the KB's display name here too.
"""

from __future__ import annotations

from collections import Counter

from peristiwa.extract.coref.common import DISCOURSE_WINDOW, state_coded
from peristiwa.kb.base import KnowledgeBase
from peristiwa.lang.pack import LanguagePack
from peristiwa.model import Actor, Document, Mention


class CountryReferences:
    """Country anaphors and shared country names, read against the KB."""

    def __init__(self, kb: KnowledgeBase, pack: LanguagePack) -> None:
        self.kb = kb
        self.pack = pack

    def shared_names(self, doc: Document) -> None:
        """"Korea" in an article that otherwise names only South Korea is South Korea: a name two states
        share (anaphora.yaml) takes the one of them the article names unambiguously, if exactly one."""
        unlinked = [m for m in doc.mentions if m.kind == "name" and m.actor is None
                    and self.pack.shared_countries(m.span.text)]
        if not unlinked:
            return
        named = {m.actor.country for m in doc.mentions if m.actor is not None and m.actor.country}
        for mention in unlinked:
            fits = [c for c in self.pack.shared_countries(mention.span.text) if c in named]
            entry = self.kb.country(fits[0]) if len(fits) == 1 else None
            if entry is not None:
                mention.actor = self.kb.actor(entry.id, doc.article.published)
                mention.type = "GPE"
                mention.rule += ";coref:shared-country-name"

    def resolve_anaphor(self, mentions: list[Mention], index: int) -> None:
        """"negara itu": the country named most often in the last DISCOURSE_WINDOW sentences up to it
        (ties: the latest) — a count, not the nearest name, so a passing "ke Moskow" does not win."""
        anaphor = mentions[index]
        window = [i for i in range(index) if anaphor.sentence - mentions[i].sentence <= DISCOURSE_WINDOW
                  and state_coded(mentions[i])]
        if not window:
            return
        counts = Counter(mentions[i].actor.country for i in window)  # type: ignore[union-attr]
        target = max(window, key=lambda i: (counts[mentions[i].actor.country], i))  # type: ignore[union-attr]
        country = mentions[target].actor.country  # type: ignore[union-attr]
        anaphor.actor = self.named(Actor(f"country:{country}", country, "GPE", code=country, country=country))
        anaphor.antecedent = target
        anaphor.rule = "coref:country:most-named-recently"

    def named(self, actor: Actor) -> Actor:
        """Country members built from an ISO3 get the KB's display name."""
        if actor.kb_id and actor.kb_id.startswith("country:") and actor.kb_id in self.kb.entries:
            return self.kb.actor(actor.kb_id, None)
        return actor
