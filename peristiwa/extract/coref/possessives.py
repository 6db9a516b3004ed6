"""Role nouns with a possessive clitic: "pemerintahnya", "pasukannya", "pengikutnya".

Why a module of its own: the noun belongs to the clitic's referent, and it is that owner's country,
not the noun, that makes the code — the nearest owner (person, country, body) before it in its sentence
("Thaksin dan pengikutnya"), else the one in focus, taking the owner's country with the noun's role.
"""

from __future__ import annotations

from peristiwa.extract.coref.common import DISCOURSE_WINDOW, person_like, state_coded
from peristiwa.extract.coref.focus import antecedent
from peristiwa.model import Actor, Mention


def owner_like(mention: Mention) -> bool:
    """Anything that can own a government or troops, coded or not: "banyak pemerintah … rakyatnya"
    belongs to the uncoded "pemerintah", not to a country named sentences before."""
    return person_like(mention) or (mention.actor is not None and mention.kind not in ("group", "possessive"))


def resolve_possessive(mentions: list[Mention], index: int, speakers: set[int]) -> None:
    """"pemerintahnya" after "Presiden Prancis …": the owner's country with the noun's role (FRAGOV).
    An owner without a country (an unknown blogger) leaves the noun uncoded but records the owner."""
    found = antecedent(mentions, index, speakers, owner_like, DISCOURSE_WINDOW, nearest=True)
    mention = mentions[index]
    if found is None or mention.actor is None:
        return
    target, how = found
    mention.antecedent = target
    mention.rule += f":owner-{how}"
    owner = mentions[target].actor
    if owner is None or not state_coded(mentions[target]):
        return
    role, country = mention.actor.role, owner.country
    mention.actor = Actor(None, mention.actor.name, mention.actor.type, code=f"{country}{role}" if role else country,
                          country=country, role=role)
