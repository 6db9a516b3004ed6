"""Actors the CAMEO conventions supply when the text names nobody: a country's authorities or civilians,
by the place where the act happened (in the trigger's clause, or the nearest) or the article's focus country.

Why a module of its own: these are arguments the sentence does not contain, so they come from places
and the document, not from phrases around the trigger.
"""

from __future__ import annotations

from peristiwa.extract.arguments.phrases import MAX_HEAD_NOUNS, Arg
from peristiwa.extract.arguments.sentence import SentenceView
from peristiwa.extract.triggers import TriggerMatch
from peristiwa.model import Actor, Mention, Place, Span

ROLE_LABELS = {"GOV": "authorities", "CVL": "civilians", None: "unattributed"}


def country_role_actor(country: str, name: str, role: str | None) -> Actor:
    """The actor a CAMEO convention supplies when the text names nobody: a country's authorities or
    civilians (or the country alone for None), coded by the country — "Iran (authorities)" → IRNGOV."""
    return Actor(None, f"{name} ({ROLE_LABELS.get(role, role)})", "ORG" if role == "GOV" else "GRP",
                 code=country + (role or ""), country=country, role=role)


class Implicit(SentenceView):
    """Places of a trigger and the country actors they supply."""

    def place_near(self, match: TriggerMatch) -> Place | None:
        places = self.places
        if not places:
            return None
        pivot = self.tokens[match.start].start
        return min(places, key=lambda p: abs(p.span.start - pivot))

    def actor_of_place(self, match: TriggerMatch, role: str) -> list[Arg]:
        """The `role` (civilians, authorities) of the country where an agentless act took place (the
        nearest geocoded place)."""
        place = self.place_near(match)
        return [] if place is None else self.actor_of_country_at(place, role)

    def actor_of_occurrence(self, match: TriggerMatch, role: str | None) -> list[Arg]:
        """The `role` (or, for None, the whole country) of the country where an event reported as having
        happened took place: a geocoded place in the trigger's clause, else the article's focus country.

        A place abroad in an article about another country gives nobody: "perang yang berkecamuk di Gaza"
        in a report on Greece is a war between others, not Gaza's own affair."""
        place = self.place_in_clause(match)
        if place is not None and place.country and place.country != (self.focus or place.country):
            return []
        if place is not None and place.country:
            return self.actor_of_country_at(place, role)
        return self.actor_of_focus(match, role)

    def actor_of_country_at(self, place: Place, role: str | None) -> list[Arg]:
        """The `role` of a geocoded place's country, pointing at the place."""
        if not place.country:
            return []
        return [self._country_arg(place.country, place.name, role, place.span, place.rule, "place")]

    def actor_of_focus(self, match: TriggerMatch, role: str | None) -> list[Arg]:
        """The `role` of the article's focus country, pointing at the trigger (the text names no place)."""
        if self.focus is None:
            return []
        trigger = self.doc.span(self.tokens[match.start].start, self.tokens[match.end - 1].end)
        return [self._country_arg(self.focus, self.focus, role, trigger, "focus-country", "focus")]

    def _country_arg(self, country: str, name: str, role: str | None, span: Span, how: str, rule: str) -> Arg:
        """An actor that is a country's `role` (civilians, authorities), or the country alone for None."""
        actor = country_role_actor(country, name, role)
        return Arg([actor], None, Mention(span, actor.type, self.index, "role", actor, how), rule)

    def place_in_clause(self, match: TriggerMatch) -> Place | None:
        """The geocoded place nearest the trigger within its own clause (between clause breaks)."""
        return self._nearest(match, self._places_in_clause(match))

    def scene_in_clause(self, match: TriggerMatch) -> Place | None:
        """Where the act itself took place: the nearest geocoded place of the trigger's clause that a locative
        ("di", "di depan") governs, after the trigger ("dieksekusi di Riyadh") or opening the clause ("Di Riyadh,
        …") — not one inside the patient's phrase before it ("pengguna internet di Iran ditangkap" tells where the
        patients are from), nor a country merely named ("Kritik Cina, Narablog Vietnam Ditangkap")."""
        lo, _ = self._clause(match)
        after = self.tokens[match.end - 1].end
        scenes = [p for p in self._places_in_clause(match)
                  if (k := self._locative_at(p)) is not None and (p.span.start >= after or k == lo)]
        return self._nearest(match, scenes)

    def _clause(self, match: TriggerMatch) -> tuple[int, int]:
        """Token bounds [lo, hi) of the trigger's clause (between clause breaks)."""
        lo, hi = match.start, match.end
        while lo > 0 and self.norms[lo - 1] not in self.words.clause_breaks:
            lo -= 1
        while hi < len(self.tokens) and self.norms[hi] not in self.words.clause_breaks:
            hi += 1
        return lo, hi

    def _places_in_clause(self, match: TriggerMatch) -> list[Place]:
        lo, hi = self._clause(match)
        first, last = self.tokens[lo].start, self.tokens[hi - 1].end
        return [p for p in self.places if first <= p.span.start and p.span.end <= last]

    def _nearest(self, match: TriggerMatch, places: list[Place]) -> Place | None:
        pivot = self.tokens[match.start].start
        return min(places, key=lambda p: abs(p.span.start - pivot), default=None)

    def modifies_a_noun(self, span: Span) -> bool:
        """The name right after a common noun of its phrase ("pria Yaman"): a nationality, not a place named on its
        own, in a list or after a preposition ("pengguna internet di Cina, Vietnam …")."""
        k = self.token_of.get(span.start, 0)
        if k == 0:
            return False
        before = self.norms[k - 1]
        return before.replace("-", "").isalpha() and before not in self.words.all_preps \
            and before not in self.words.clause_breaks and before not in self.words.coordinators

    def _locative_at(self, place: Place) -> int | None:
        """The token of the locative preposition governing the place, right before it or through a few common
        nouns ("di depan …", "di jalan-jalan Arab Saudi", "di penjara Evin"); None when no locative governs it."""
        k = self.token_of.get(place.span.start, 0)
        for _ in range(MAX_HEAD_NOUNS + 1):
            if k == 0:
                return None
            before = self.norms[k - 1]
            if before in self.words.attack_locatives:
                return k - 1
            if before in self.words.all_preps or before in self.words.clause_breaks \
                    or not before.replace("-", "").isalpha():
                return None
            k -= 1
        return None
