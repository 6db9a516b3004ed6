"""In-document coreference: pronouns, group expressions and antecedent links.

Rules, deliberately simple and explainable (every link records its rule):
- a short or descriptive mention of a KB person points at the first full-name mention
  of the same person (`antecedent`);
- a person pronoun (dia, ia, beliau) refers to the subject — the first person mention —
  of its own sentence if one precedes it, else of the nearest earlier sentence that has one;
- a group expression (kedua negara, keduanya) refers to the two actors of the right type
  named in its own sentence, else the two most frequently named in the previous sentences.
"""

from __future__ import annotations

from collections import Counter

from peristiwa.kb.base import KnowledgeBase
from peristiwa.model import Actor, Document, Mention

GROUP_WINDOW = 2  # sentences looked back for a group's members
DISCOURSE_WINDOW = 3  # sentences back a role noun may take the country of the latest named actor
NON_STATE_COUNTRIES = frozenset({"IGO", "NGO", "IMG"})


class CorefStage:
    """Pipeline stage "coref": fills `actor`, `members` and `antecedent` of anaphoric mentions."""

    name = "coref"

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __call__(self, doc: Document) -> None:
        doc.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
        _anchor_role_only(doc)
        first_by_id: dict[str, int] = {}
        for index, mention in enumerate(doc.mentions):
            if mention.kind == "pronoun":
                _resolve_pronoun(doc.mentions, index)
            elif mention.kind == "group":
                _resolve_group(doc.mentions, index)
                mention.members = [self._named(a) for a in mention.members]
            elif mention.actor is not None and mention.actor.kb_id is not None:
                key = mention.actor.kb_id
                if key in first_by_id and (mention.kind != "name" or mention.rule.startswith("coref:")):
                    mention.antecedent = first_by_id[key]
                first_by_id.setdefault(key, index)


    def _named(self, actor: Actor) -> Actor:
        """Country members built from an ISO3 get the KB's display name."""
        if actor.kb_id and actor.kb_id.startswith("country:") and actor.kb_id in self.kb.entries:
            return self.kb.actor(actor.kb_id, None)
        return actor


def _anchor_role_only(doc: Document) -> None:
    """Give "demonstran"/"polisi" (or "Senator Talha Mehmood") a country from its own context.

    In order: a country named before it in the sentence (names only: "Senator Pakistan …, Senator
    Talha Mehmood"), a place in the same sentence, an earlier mention in the article with the same
    role and a country ("polisi Mesir … para polisi"), else (role nouns only) the country of the
    nearest earlier actor within the last DISCOURSE_WINDOW sentences ("Pemerintah Mesir … Para
    demonstran …"). Never the article's main country by default: an unknown titled name or a role
    noun far from any country stays without one. Each anchor records how it was found (`--explain`).
    """
    last_by_role: dict[str, str] = {}
    last_country: tuple[int, str] | None = None  # (sentence, country) of the latest country-coded actor
    for mention in doc.mentions:
        actor = mention.actor
        if actor is None:
            continue
        if actor.role and actor.country and len(actor.country) == 3:
            last_by_role[actor.role] = actor.country
        if not mention.rule.startswith("pattern:") or actor.country or not actor.role:
            if actor.country and len(actor.country) == 3 and actor.country not in NON_STATE_COUNTRIES:
                last_country = (mention.sentence, actor.country)
            continue
        recent = (last_country[1] if last_country and mention.sentence - last_country[0] <= DISCOURSE_WINDOW
                  else None)
        anchor = _role_anchor(doc, mention, last_by_role.get(actor.role), recent)
        if anchor is None:
            continue
        country, how = anchor
        code = f"{country}{actor.role}" if actor.role else country
        mention.actor = Actor(None, actor.name, actor.type, code=code, country=country, role=actor.role)
        mention.rule += f":anchored-by-{how}"
        mention.confidence = 0.5


def _role_anchor(doc: Document, mention: Mention, same_role_before: str | None, recent: str | None
                 ) -> tuple[str, str] | None:
    country_before = _country_before(doc.mentions, mention)
    if mention.kind == "name" and country_before:
        return country_before, "country-in-sentence"
    places = [p for p in doc.places if p.sentence == mention.sentence and p.country]
    if places and mention.kind != "name":
        return min(places, key=lambda p: abs(p.span.start - mention.span.start)).country or "", "place"
    if same_role_before:
        return same_role_before, "earlier-mention"
    if recent:
        return recent, "recent-mention"
    return None


def _country_before(mentions: list[Mention], target: Mention) -> str | None:
    """The last country named before `target` in its sentence."""
    found = None
    for mention in mentions:
        if mention.sentence != target.sentence or mention.span.start >= target.span.start:
            continue
        if mention.actor is not None and mention.actor.type == "GPE" and mention.actor.country:
            found = mention.actor.country
    return found


def is_person(mention: Mention) -> bool:
    return mention.actor is not None and mention.actor.type == "PER"


def _resolve_pronoun(mentions: list[Mention], index: int) -> None:
    pronoun = mentions[index]
    same = [i for i in range(index) if mentions[i].sentence == pronoun.sentence and is_person(mentions[i])]
    if same:
        _link(pronoun, mentions, same[0], "coref:pronoun:sentence-subject")
        return
    for sentence in range(pronoun.sentence - 1, -1, -1):
        earlier = [i for i in range(index) if mentions[i].sentence == sentence and is_person(mentions[i])]
        if earlier:
            _link(pronoun, mentions, earlier[0], "coref:pronoun:previous-subject")
            return


def _link(mention: Mention, mentions: list[Mention], target: int, rule: str) -> None:
    mention.actor = mentions[target].actor
    mention.antecedent = target
    mention.rule = rule


def _resolve_group(mentions: list[Mention], index: int) -> None:
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


def _distinct(mentions: list[Mention], wanted: str) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for mention in mentions:
        assert mention.actor is not None
        key = _key(mention.actor, wanted)
        seen.setdefault(key, mention.actor if wanted == "PER" else _country_actor(mention.actor))
    return list(seen.values())


def _salient(mentions: list[Mention], wanted: str) -> list[Actor]:
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for mention in mentions:
        assert mention.actor is not None
        key = _key(mention.actor, wanted)
        counts[key] += 1
        first.setdefault(key, mention.actor if wanted == "PER" else _country_actor(mention.actor))
    return [first[key] for key, _ in counts.most_common()]


def _country_actor(actor: Actor) -> Actor:
    """Reduce an actor to its country for "kedua negara" (Xi → China)."""
    if actor.type == "GPE" or actor.country is None or actor.country == "IGO":
        return actor
    return Actor(f"country:{actor.country}", actor.country, "GPE", code=actor.country, country=actor.country)
