"""The language's function words that argument assignment and modality read (lang/<code>/data).

Why a module of its own: every argument rule asks these lists (prepositions, coordinators, clause
breaks, modality words), and they come from the language pack's YAML, not from code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peristiwa.lang.pack import read_yaml


@dataclass(frozen=True)
class CoderWords:
    """The language's function words for argument assignment and modality (lang/<code>/data)."""

    target_preps: frozenset[str]
    agent_preps: frozenset[str]
    other_preps: frozenset[str]
    coordinators: frozenset[str]
    first_person: frozenset[str]
    relative: frozenset[str]
    attack_locatives: frozenset[str]
    clause_breaks: frozenset[str]
    nominal_modifiers: frozenset[str]
    verb_prefixes: tuple[str, ...] = ()
    demonstratives: frozenset[str] = frozenset()
    locative_nouns: frozenset[str] = frozenset()
    locative_target_roots: frozenset[str] = frozenset()
    separative_preps: frozenset[str] = frozenset()
    separative_target_roots: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()
    topic_target_roots: frozenset[str] = frozenset()
    reciprocal_markers: frozenset[str] = frozenset()
    kind_heads: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    purpose_preps: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    complement_markers: frozenset[str] = frozenset()
    reciprocal_preps: frozenset[str] = frozenset()
    title_modifiers: frozenset[str] = frozenset()
    reciprocal_joiners: frozenset[str] = frozenset()
    origin_preps: frozenset[str] = frozenset()
    origin_source_roots: frozenset[str] = frozenset()
    participant_codes: tuple[str, ...] = ()
    performing_verbs: frozenset[str] = frozenset()
    report_verbs: frozenset[str] = frozenset()
    suffering_verbs: frozenset[str] = frozenset()
    object_control: frozenset[str] = frozenset()
    occurrence_verbs: frozenset[str] = frozenset()
    quantifiers: frozenset[str] = frozenset()
    member_openers: frozenset[str] = frozenset()
    harming_verbs: frozenset[str] = frozenset()
    instrument_preps: frozenset[str] = frozenset()
    force_roots: frozenset[str] = frozenset()
    patient_possessor_codes: tuple[str, ...] = ()
    agent_possessor_roles: frozenset[str] = frozenset()
    state_side_heads: frozenset[str] = frozenset()
    connectives: frozenset[tuple[str, ...]] = frozenset()
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    modality_breaks: frozenset[str] = frozenset()
    modality_window: int = 4
    condition_breaks: frozenset[str] = frozenset()
    complement_heads: frozenset[str] = frozenset()
    series: frozenset[tuple[str, ...]] = frozenset()
    series_window: int = 8
    condition_window: int = 16

    @classmethod
    def load(cls, language: str) -> CoderWords:
        syntax = read_yaml(language, "syntax.yaml") or {}
        modality = read_yaml(language, "modality.yaml") or {}

        def words(data: dict, key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data.get(key) or ())

        flags = ("negation", "refusal", "future", "possible", "conditional", "alleged", "requested", "denial",
                 "question", "comparison", "habitual")
        return cls(
            **{key: words(syntax, key) for key in (
                "target_preps", "agent_preps", "other_preps", "coordinators", "first_person", "relative",
                "attack_locatives", "clause_breaks", "nominal_modifiers")},
            verb_prefixes=tuple(syntax.get("verb_prefixes") or ()),
            demonstratives=words(syntax, "demonstratives"),
            locative_nouns=words(syntax, "locative_nouns"),
            locative_target_roots=words(syntax, "locative_target_roots"),
            separative_preps=words(syntax, "separative_preps"),
            separative_target_roots=words(syntax, "separative_target_roots"),
            topic_preps=words(syntax, "topic_preps"),
            topic_target_roots=words(syntax, "topic_target_roots"),
            adverbs=words(syntax, "adverbs"),
            purpose_preps=words(syntax, "purpose_preps"),
            document_nouns=words(syntax, "document_nouns"),
            complement_markers=words(syntax, "complement_markers"),
            reciprocal_preps=words(syntax, "reciprocal_preps"),
            title_modifiers=words(syntax, "title_modifiers"),
            reciprocal_joiners=words(syntax, "reciprocal_joiners"),
            reciprocal_markers=words(syntax, "reciprocal_markers"),
            kind_heads=words(syntax, "kind_heads"),
            origin_preps=words(syntax, "origin_preps"),
            origin_source_roots=words(syntax, "origin_source_roots"),
            participant_codes=tuple(sorted(words(syntax, "participant_codes"))),
            performing_verbs=words(syntax, "performing_verbs"),
            report_verbs=words(syntax, "report_verbs"),
            suffering_verbs=words(syntax, "suffering_verbs"),
            object_control=words(syntax, "object_control"),
            occurrence_verbs=words(syntax, "occurrence_verbs"),
            quantifiers=words(syntax, "quantifiers"),
            member_openers=words(syntax, "member_openers"),
            harming_verbs=words(syntax, "harming_verbs"),
            instrument_preps=words(syntax, "instrument_preps"),
            force_roots=words(syntax, "force_roots"),
            patient_possessor_codes=tuple(str(c) for c in syntax.get("patient_possessor_codes") or ()),
            agent_possessor_roles=frozenset(str(r).upper() for r in syntax.get("agent_possessor_roles") or ()),
            state_side_heads=words(syntax, "state_side_heads"),
            connectives=frozenset(tuple(str(p).lower().split()) for p in syntax.get("connectives") or ()),
            modality={flag: words(modality, flag) for flag in flags},
            modality_breaks=words(modality, "clause_breaks"),
            modality_window=int(modality.get("window", 4)),
            condition_breaks=words(modality, "condition_breaks"),
            complement_heads=words(modality, "complement_heads"),
            series=frozenset(tuple(str(p).lower().split()) for p in modality.get("series") or ()),
            series_window=int(modality.get("series_window", 8)),
            condition_window=int(modality.get("condition_window", 16)),
        )

    def target_preps_for(self, root: str, locative: bool = False) -> frozenset[str]:
        """Prepositions whose object is the target of an event of this root: "di" for attacks and
        protests ("berunjuk rasa di depan Kedutaan AS"), "dari" for withdrawals ("menarik duta besar dari X")."""
        preps = self.target_preps
        if root in self.locative_target_roots or locative:
            preps = preps | self.attack_locatives
        if root in self.separative_target_roots:
            preps = preps | self.separative_preps
        if root in self.topic_target_roots:
            preps = preps | self.topic_preps
        return preps

    @property
    def all_preps(self) -> frozenset[str]:
        return self.target_preps | self.agent_preps | self.other_preps
