"""Short names, surnames and repeated names of one person.

Why a module of its own: news names a person in full once and by surname (or first name) afterwards,
sometimes spelt another way, and headlines name a person before the sentence that says who they are —
so an unlinked one-word name takes the actor of the one coded full name it belongs to, before or after
it, and a repeated KB person points at its first full-name mention (`antecedent`).
"""

from __future__ import annotations

from peristiwa.extract.coref.common import link
from peristiwa.model import Mention

MIN_VARIANT_LETTERS = 8  # a surname spelt one letter differently must be this long ("Ahmedinejad")
MAX_PARTICLE_LETTERS = 2  # "Al", "el", "bin": name particles, no evidence that two names are one person
ANAPHORIC_KINDS = frozenset({"pronoun", "anaphor", "possessive", "group"})  # resolved by their own rules


def resolve_surnames(mentions: list[Mention]) -> None:
    """"Presiden Madagaskar Marc Ravalomanana … Ravalomanana mengecam …": a one-word name the KB and
    NER left unlinked is the earlier full name that ends (or starts) with it, when exactly one coded
    person of the article fits — news names a person in full once and by surname afterwards. A long
    surname one letter off ("Ahmedinejad" after "Mahmoud Ahmadinejad") is the same person spelt another way
    (transliterations vary), again only when exactly one person fits."""
    full: dict[str, dict[str, int]] = {}  # word → {actor key → index of the first full-name mention}
    surnames: dict[str, dict[str, int]] = {}  # the same for last words only (spelling variants)
    for index, mention in enumerate(mentions):
        words = mention.span.text.split()
        if mention.kind != "name":
            continue
        if len(words) == 1 and mention.actor is None:
            _link_one_word(mentions, mention, full, surnames)
            continue
        actor = mention.actor
        if len(words) >= 2 and actor is not None and actor.type == "PER" and actor.code:
            key = actor.kb_id or actor.name
            for word in (words[0], words[-1]):
                full.setdefault(word, {}).setdefault(key, index)
            surnames.setdefault(words[-1], {}).setdefault(key, index)


def _link_one_word(mentions: list[Mention], mention: Mention, full: dict[str, dict[str, int]],
                   surnames: dict[str, dict[str, int]]) -> None:
    """Link a one-word name to the one earlier full name that starts or ends with it, else to the one
    whose surname it is spelt one letter off from."""
    word = mention.span.text.split()[0]
    candidates = full.get(word, {})
    if len(candidates) == 1:
        link(mention, mentions, next(iter(candidates.values())), "coref:surname")
    elif not candidates and len(word) >= MIN_VARIANT_LETTERS:
        variants = {key: i for surname, found in surnames.items() if _one_letter_off(surname, word)
                    for key, i in found.items()}
        if len(variants) == 1:
            link(mention, mentions, next(iter(variants.values())), "coref:surname-variant")


def same_person_elsewhere(mentions: list[Mention]) -> None:
    """"Quynh menulis … (later) narablog Vietnam Nguyen Ngoc Nhu Quynh", "Yagoob … Yagoob, seorang bloger
    Bahrain": a name left unlinked is the person the article codes elsewhere — before or after it — under
    the same full name, or whose full name starts or ends with it, when exactly one coded person fits.
    Headlines and lead paragraphs often name a person before the sentence that says who they are."""
    people: dict[str, dict[str, int]] = {}  # a full name or one of its end words → {actor key → index}
    for index, mention in enumerate(mentions):
        actor, words = mention.actor, mention.span.text.split()
        if mention.kind == "name" and actor is not None and actor.type == "PER" and actor.code and len(words) >= 2:
            for key in {mention.span.text, words[0], words[-1]}:
                people.setdefault(key, {}).setdefault(actor.kb_id or actor.name, index)
    for mention in mentions:
        if mention.kind != "name" or mention.actor is not None or mention.type not in ("PER", "MISC"):
            continue
        candidates = people.get(mention.span.text, {})
        if len(candidates) == 1:
            link(mention, mentions, next(iter(candidates.values())), "coref:same-person-elsewhere")
            mention.type = "PER"


def full_name_of_a_known_surname(mentions: list[Mention]) -> None:
    """"Mousavi" (KB: Mir-Hossein Mousavi) … "Mir Hussein Mousavi" spelt another way: an unlinked full name is
    the KB person the article names elsewhere by its surname alone, when exactly one such person fits and
    the full name shares another word with the person's own name ("Mir") — "Euna Lee" is not Lee Myung-bak."""
    by_surname: dict[str, dict[str, int]] = {}  # surname → {KB id → index of its one-word mention}
    for index, mention in enumerate(mentions):
        actor, words = mention.actor, mention.span.text.split()
        if (mention.kind == "name" and len(words) == 1 and actor is not None and actor.type == "PER"
                and actor.kb_id is not None):
            by_surname.setdefault(words[0], {}).setdefault(actor.kb_id, index)
    for mention in mentions:
        words = mention.span.text.split()
        if mention.kind != "name" or mention.actor is not None or mention.type != "PER" or len(words) < 2:
            continue
        found = by_surname.get(words[-1], {})
        if len(found) != 1:
            continue
        target = next(iter(found.values()))
        own = _name_words(mentions[target].actor.name)  # type: ignore[union-attr]
        if _name_words(" ".join(words[:-1])) & own:
            link(mention, mentions, target, "coref:full-name-of-known-surname")


def _name_words(name: str) -> set[str]:
    """A name's words, lower-cased, hyphenated parts split ("Mir-Hossein" → mir, hossein)."""
    return {w for w in name.lower().replace("-", " ").split() if len(w) > MAX_PARTICLE_LETTERS}


def link_repeated_names(mentions: list[Mention]) -> None:
    """A short or descriptive mention of a KB person (or one a coref rule linked) points at the first
    mention of the same KB entry, so `--explain` can show the chain."""
    first_by_id: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        if mention.kind in ANAPHORIC_KINDS or mention.actor is None or mention.actor.kb_id is None:
            continue
        key = mention.actor.kb_id
        if key in first_by_id and (mention.kind != "name" or mention.rule.startswith("coref:")):
            mention.antecedent = first_by_id[key]
        first_by_id.setdefault(key, index)


def _one_letter_off(a: str, b: str) -> bool:
    """Same length, same first letter, exactly one other letter different (case-insensitive)."""
    a, b = a.lower(), b.lower()
    return len(a) == len(b) and a[0] == b[0] and sum(x != y for x, y in zip(a, b, strict=True)) == 1
