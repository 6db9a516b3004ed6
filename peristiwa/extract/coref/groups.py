"""Group expressions: "kedua negara", "keduanya", "kedua pemimpin".

Why a module of its own: a group stands for two actors, not one, so it has no single antecedent — its
members are the two actors of the right type named in its own sentence, else the two most frequently
named in the previous GROUP_WINDOW sentences; for a country group, persons count as their country.
"""

from __future__ import annotations

from collections import Counter

from peristiwa.model import Actor, Mention

GROUP_WINDOW = 2  # sentences looked back for a group's members


def resolve_group(mentions: list[Mention], index: int) -> None:
    """Fill the members of the group mention at `index` (its `type` says which: PER, GPE or ANY)."""
    group = mentions[index]
    wanted = group.type
    before = [m for m in mentions[:index] if m.sentence == group.sentence]
    for kind in ("PER", "GPE") if wanted == "ANY" else (wanted,):
        same = _distinct([m for m in before if _fits(m, kind)], kind)
        if len(same) >= 2:
            group.members = same[-2:]
            group.rule = f"coref:group:same-sentence:{kind}"
            return
    window = [m for m in mentions[:index]
              if group.sentence - GROUP_WINDOW <= m.sentence <= group.sentence and _fits(m, wanted)]
    ranked = _salient(window, "GPE" if wanted == "ANY" else wanted)
    if len(ranked) >= 2:
        group.members = ranked[:2]
        group.rule = f"coref:group:salience:{wanted}"


def _fits(mention: Mention, wanted: str) -> bool:
    actor = mention.actor
    if actor is None or mention.kind == "group":
        return False
    if wanted == "PER":
        return actor.type == "PER"
    return actor.country is not None or actor.type == "PER"


def _key(actor: Actor, wanted: str) -> str:
    """Persons count as themselves for PER groups, and as their country otherwise."""
    if wanted == "PER" or actor.country is None:
        return actor.kb_id or actor.name
    return actor.country


def _member(actor: Actor, wanted: str) -> Actor:
    """The actor itself for a PER group, else its country."""
    return actor if wanted == "PER" else _country_actor(actor)


def _distinct(mentions: list[Mention], wanted: str) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for mention in mentions:
        assert mention.actor is not None
        seen.setdefault(_key(mention.actor, wanted), _member(mention.actor, wanted))
    return list(seen.values())


def _salient(mentions: list[Mention], wanted: str) -> list[Actor]:
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for mention in mentions:
        assert mention.actor is not None
        key = _key(mention.actor, wanted)
        counts[key] += 1
        first.setdefault(key, _member(mention.actor, wanted))
    return [first[key] for key, _ in counts.most_common()]


def _country_actor(actor: Actor) -> Actor:
    """Reduce an actor to its country for "kedua negara" (Xi → China)."""
    if actor.type == "GPE" or actor.country is None or actor.country == "IGO":
        return actor
    return Actor(f"country:{actor.country}", actor.country, "GPE", code=actor.country, country=actor.country)
