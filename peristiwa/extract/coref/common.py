"""What every kind of reference asks of a mention: is it a country, a state's actor, a person, a plural?

Why a module of its own: the resolvers of pronouns, role nouns, described persons and country anaphors
all test candidate antecedents with the same predicates and link with the same step, so these live in
one place below all of them and import nothing of the package.
"""

from __future__ import annotations

from peristiwa.model import Actor, Mention

DISCOURSE_WINDOW = 3  # sentences back a role noun may take the country of the latest named actor
NON_STATE_COUNTRIES = frozenset({"IGO", "NGO", "IMG"})
REGION_ROLE = "REG"  # regions (Asia, the West) carry a 3-letter CAMEO code in the country field: not a state


def is_country(mention: Mention) -> bool:
    """A mention of a country itself ("Mesir"), not of one of its bodies or people."""
    actor = mention.actor
    return (mention.kind == "name" and actor is not None and actor.type == "GPE" and actor.role is None
            and actor.country is not None and actor.code == actor.country)


def national(actor: Actor) -> bool:
    """An actor of a state (a country, its bodies, its people): not an IGO/NGO, not a region ("Asia Tengah")."""
    return (actor.country is not None and len(actor.country) == 3 and actor.country not in NON_STATE_COUNTRIES
            and actor.role != REGION_ROLE)


def state_coded(mention: Mention) -> bool:
    """An actor of a state: a country, its bodies or its people (not an IGO/NGO)."""
    actor = mention.actor
    return actor is not None and mention.kind != "group" and national(actor)


def is_person(mention: Mention) -> bool:
    """A mention coded as a person."""
    return mention.actor is not None and mention.actor.type == "PER"


def person_like(mention: Mention) -> bool:
    """A coded person, or a name typed PER that nothing could link (still the person in focus)."""
    return is_person(mention) or (mention.actor is None and mention.type == "PER" and mention.kind == "name")


def plural_like(mention: Mention) -> bool:
    """A group, body or country, a role noun ("polisi Mesir", typed PER but usually many), or a group
    expression with members — not a named person."""
    if mention.kind == "group":
        return bool(mention.members)
    return (mention.actor is not None and (mention.actor.type != "PER" or mention.kind == "pattern")
            and mention.kind not in ("pronoun", "possessive"))


def link(mention: Mention, mentions: list[Mention], target: int, rule: str) -> None:
    """`mention` is `mentions[target]`: take its actor, point at it, and say by which rule."""
    mention.actor = mentions[target].actor
    mention.antecedent = target
    mention.rule = rule


def reanchor(mentions: list[Mention], mention: Mention, actor: Actor, rule: str) -> None:
    """Give `mention` its anchored `actor`, and so every mention that shared its old actor ("Saleh" in a
    headline, resolved earlier to the same full name "Presiden Ali Abdulla Saleh"): one person, one country."""
    old = mention.actor
    for other in mentions:
        if other is not mention and old is not None and other.actor is old:
            other.actor = actor
            other.rule += f";coref:shares-anchor-{rule}"
    mention.actor = actor
