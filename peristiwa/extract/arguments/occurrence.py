"""An event noun reported as having happened: "kekerasan yang terjadi di Assam", "protes meletus",
"terjadi bentrokan", "media melaporkan penjarahan" — unless the verb is negated, future or conditional.

Why a module of its own: an act nobody is named for is coded only when the text says it happened,
and the verb that says so also bounds the phrases after the noun ("bentrokan terjadi … antara X dan Y").
"""

from __future__ import annotations

from peristiwa.extract.arguments.modality import Modality
from peristiwa.extract.triggers import TriggerMatch

OCCURRENCE_GAP = 4  # plain words between an event noun and the verb saying it happened ("kekerasan politik yang pecah")


class Occurrence(Modality):
    """The verb saying an event noun happened."""

    def occurrence(self, match: TriggerMatch) -> int | None:
        """Index of the verb that reports an event noun as something that happened: the noun is its subject
        ("kekerasan yang terjadi di Assam", "protes meletus", "bom meledak") or follows it ("terjadi
        bentrokan"), or a report verb has it as its object ("media melaporkan penjarahan"). None when there
        is none, or when the verb is negated, future or conditional ("akan terjadi kericuhan"): then nothing
        is reported to have happened."""
        if match.voice != "nominal":
            return None
        verbs = self.words.occurrence_verbs
        verb = next((k for k in range(match.trigger_start, match.end) if self.norms[k] in verbs), None)
        if verb is None:
            verb = self._occurrence_after(match.end)
        if verb is None:
            before = match.start - 1
            while before >= 0 and (self.norms[before] in self.words.quantifiers or self.norms[before].isdigit()):
                before -= 1
            verb = before if before >= 0 and self.norms[before] in verbs | self.words.report_verbs else None
        return verb if verb is not None and not self._mood(verb) else None

    def _occurrence_after(self, k: int) -> int | None:
        """The occurrence verb after the event noun ending at `k`, past its plain modifiers ("politik",
        "yang", "terus")."""
        w = self.words
        verbs = w.occurrence_verbs | w.suffering_verbs
        return self._after_modifiers(k, verbs, w.demonstratives | w.adverbs | w.relative)

    def _after_modifiers(self, k: int, wanted: frozenset[str], skippable: frozenset[str]) -> int | None:
        """Index of the first `wanted` word after the event noun ending at `k`, past its modifiers (listed
        ones, numbers, common nouns and adjectives, `skippable` words), not past a name, a preposition, a
        punctuation mark or another verb; at most `OCCURRENCE_GAP` words on."""
        for j in range(k, min(len(self.tokens), k + OCCURRENCE_GAP + 1)):
            norm = self.norms[j]
            if norm in wanted:
                return j
            if not (norm in skippable or norm in self.words.nominal_modifiers or norm.isdigit()
                    or self._common_noun(j)):
                return None
        return None
