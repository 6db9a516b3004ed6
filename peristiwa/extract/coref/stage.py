"""The coreference stage: runs each kind of reference's rules over the document, in an order that matters.

Why the order: a person's own description beats a country merely nearby, so described persons come
before role anchoring; names are linked before pronouns so that a pronoun can find a surname's person;
pronouns, anaphors and groups are resolved in text order, so a later "mereka" can keep the referent of
an earlier one and a group can count pronouns already resolved.
"""

from __future__ import annotations

from peristiwa.extract.coref.countries import CountryReferences
from peristiwa.extract.coref.described import DescribedPersons
from peristiwa.extract.coref.focus import Speakers
from peristiwa.extract.coref.groups import resolve_group
from peristiwa.extract.coref.names import (
    full_name_of_a_known_surname,
    link_repeated_names,
    resolve_surnames,
    same_person_elsewhere,
)
from peristiwa.extract.coref.possessives import resolve_possessive
from peristiwa.extract.coref.pronouns import PluralPronouns, resolve_person_pronoun
from peristiwa.extract.coref.roles import anchor_role_only
from peristiwa.extract.coref.titles import BareTitles
from peristiwa.kb.base import KnowledgeBase
from peristiwa.lang.pack import LanguagePack
from peristiwa.model import Document


class CorefStage:
    """Pipeline stage "coref": fills `actor`, `members` and `antecedent` of anaphoric mentions."""

    name = "coref"

    def __init__(self, kb: KnowledgeBase, pack: LanguagePack) -> None:
        self.kb = kb
        self.pack = pack
        self.described = DescribedPersons(pack)
        self.countries = CountryReferences(kb, pack)
        self.titles = BareTitles(pack)
        self.speakers = Speakers(pack)
        self.plural = PluralPronouns(pack)

    def __call__(self, doc: Document) -> None:
        doc.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
        self.described(doc)  # first: a person's own description beats a country nearby
        anchor_role_only(doc, lambda code: self.kb.country(code) is not None,
                         self.pack.name_cues.get("sentence_only_titles", frozenset()))
        self.countries.shared_names(doc)
        resolve_surnames(doc.mentions)
        same_person_elsewhere(doc.mentions)
        full_name_of_a_known_surname(doc.mentions)
        self.titles(doc)
        self._resolve_anaphors(doc)
        link_repeated_names(doc.mentions)

    def _resolve_anaphors(self, doc: Document) -> None:
        """Pronouns, country anaphors, -nya role nouns and groups, each by its own rules, in text order."""
        speakers = self.speakers(doc)
        for index, mention in enumerate(doc.mentions):
            if mention.kind == "pronoun" and mention.type == "PER":
                resolve_person_pronoun(doc, index, speakers)
            elif mention.kind == "pronoun":  # "mereka", typed ORG: a group, body or country
                self.plural(doc, index)
            elif mention.kind == "anaphor":
                self.countries.resolve_anaphor(doc.mentions, index)
            elif mention.kind == "possessive":
                resolve_possessive(doc.mentions, index, speakers)
            elif mention.kind == "group":
                resolve_group(doc.mentions, index)
                mention.members = [self.countries.named(a) for a in mention.members]
