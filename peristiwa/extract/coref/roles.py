"""Role nouns anchored to a country: "demonstran", "polisi", "Senator Talha Mehmood".

Why a module of its own: a role noun or an unknown titled name has a role but no country, and the
country must come from its own context — never from the article's main country by default, and never
after a region or bloc ("pemimpin Afrika", "Asia"). Each anchor records how it was found (`--explain`).
"""

from __future__ import annotations

from collections.abc import Callable

from peristiwa.extract.coref.common import DISCOURSE_WINDOW, is_country, national, reanchor
from peristiwa.model import Actor, Document, Mention

OWN_CONTEXT_ONLY = ("pattern:body+name",)  # unknown named bodies: a country from their own words or none
#: rule prefixes of mentions built on a title word, which then owns the country it names ("Duta Besar AS")
TITLE_PATTERNS = ("pattern:title+owner:", "pattern:title+name:", "pattern:person+owner:")


def anchor_role_only(doc: Document, is_state: Callable[[str], bool],
                     sentence_only_titles: frozenset[str] = frozenset()) -> None:
    """Give "demonstran"/"polisi" (or "Senator Talha Mehmood") a country from its own context.

    In order: a country named before it in the sentence (names only: "Senator Pakistan …, Senator
    Talha Mehmood"), a place in the same sentence, when the sentence names countries (role nouns only) an
    earlier same-role or recent country only if it is one of them (else none), an earlier mention
    in the article with the same role and a country ("polisi Mesir … para polisi"), else the country of
    the nearest earlier actor within the last DISCOURSE_WINDOW sentences ("Pemerintah Mesir … Para
    demonstran …"). Unknown named bodies ("Partai Ata-Zhurt", OWN_CONTEXT_ONLY) are never anchored: their
    country comes from their own words. Never the article's main country by default: an unknown titled name or a role
    noun far from any country stays without one, and so does one after a region or bloc ("pemimpin
    Afrika", "Asia"): `is_state` says which codes are states. A name after one of `sentence_only_titles`
    ("narablog Bui Thanh Hieu") takes only a country named before it in its sentence: a blogger's title, unlike an
    office, says nothing of which state the recent sentences were about. Each anchor records how it was found
    (`--explain`).
    """
    last_by_role: dict[str, str] = {}
    last_country: tuple[int, str] | None = None  # (sentence, country) of the latest country-coded actor
    for mention in doc.mentions:
        actor = mention.actor
        if actor is None:
            continue
        state = actor.country is not None and is_state(actor.country)
        if actor.role and state:
            last_by_role[actor.role] = actor.country
        if (not mention.rule.startswith("pattern:") or actor.country or not actor.role or ":generic:" in mention.rule
                or mention.rule.startswith(OWN_CONTEXT_ONLY)):
            if state:
                last_country = (mention.sentence, actor.country)
            continue
        recent = (last_country[1] if last_country and mention.sentence - last_country[0] <= DISCOURSE_WINDOW
                  else None)
        if _title_of(mention) in sentence_only_titles:  # "narablog X": a blogger's title names no state
            country = _country_before(doc.mentions, mention) if mention.kind == "name" else None
            anchor = (country, "country-in-sentence") if country else None
        else:
            anchor = _role_anchor(doc, mention, last_by_role.get(actor.role), recent)
        if anchor is None:
            continue
        country, how = anchor
        code = f"{country}{actor.role}" if actor.role else country
        reanchor(doc.mentions, mention, Actor(None, actor.name, actor.type, code=code, country=country,
                                              role=actor.role), how)
        mention.rule += f":anchored-by-{how}"
        mention.confidence = 0.5


def _role_anchor(doc: Document, mention: Mention, same_role_before: str | None, recent: str | None
                 ) -> tuple[str, str] | None:
    """Where a role noun's country comes from, nearest context first: a place of its sentence; else, when
    its sentence names countries, an earlier same-role or recent country only if it is one of them (never
    across to a foreign country when the sentence names another; nor one of those countries by guess:
    "polisi menangkap warga Amerika" says nothing of the police's); else an earlier mention with the same
    role, else the country of the last few sentences."""
    country_before = _country_before(doc.mentions, mention)
    if mention.kind == "name" and country_before:
        return country_before, "country-in-sentence"
    if mention.kind == "name":
        taken = _owned_elsewhere(doc.mentions, mention)
        same_role_before, recent = (None if c in taken else c for c in (same_role_before, recent))
    places = [p for p in doc.places if p.sentence == mention.sentence and p.country]
    if places and mention.kind != "name":
        # where it happens ("di Manama") says more than where someone comes from ("wanita dari Filipina")
        located = [p for p in places if doc.text[max(0, p.span.start - 8) : p.span.start].split()[-1:] == ["di"]]
        located = located or places
        return min(located, key=lambda p: abs(p.span.start - mention.span.start)).country or "", "place"
    named = _countries_in_sentence(doc.mentions, mention)
    if named and mention.kind != "name":
        for country, how in ((same_role_before, "earlier-mention"), (recent, "recent-mention")):
            if country in named:
                return country, how
        return None  # the countries named here may be its target's ("menangkap warga Amerika"): no guess
    if same_role_before:
        return same_role_before, "earlier-mention"
    if recent:
        return recent, "recent-mention"
    return None


def _countries_in_sentence(mentions: list[Mention], target: Mention) -> list[str]:
    """The states the sentence of `target` names, nearest to it first."""
    found = [m for m in mentions if m.sentence == target.sentence and is_country(m)
             and m.actor is not None and national(m.actor)]
    found.sort(key=lambda m: abs(m.span.start - target.span.start))
    return list(dict.fromkeys(m.actor.country for m in found if m.actor is not None and m.actor.country))


def _country_before(mentions: list[Mention], target: Mention) -> str | None:
    """The last country named before `target` in its sentence that no other title owns (see `_owned_elsewhere`)."""
    found = None
    taken = _owned_elsewhere(mentions, target)
    for mention in mentions:
        if mention.sentence != target.sentence or mention.span.start >= target.span.start:
            continue
        if mention.actor is not None and mention.actor.type == "GPE" and mention.actor.country:
            found = None if mention.actor.country in taken else mention.actor.country
    return found


def _owned_elsewhere(mentions: list[Mention], target: Mention) -> set[str]:
    """Countries of `target`'s sentence that another title owns: in "Duta Besar AS bertatap muka dengan Presiden
    Ravalomanana" the country is the ambassador's, not the president's; a repeated title shares it ("Senator
    Pakistan …, Senator Talha Mehmood")."""
    title = _title_of(target)
    return {m.actor.country for m in mentions
            if m.sentence == target.sentence and m is not target and m.actor is not None and m.actor.country
            and _title_of(m) not in (None, title)}


def _title_of(mention: Mention) -> str | None:
    """The title word a title pattern was built on ("pattern:title+owner:Duta Besar" → "duta besar"), else None."""
    for prefix in TITLE_PATTERNS:
        if mention.rule.startswith(prefix):
            return mention.rule[len(prefix):].split(":", 1)[0].lower()
    return None
