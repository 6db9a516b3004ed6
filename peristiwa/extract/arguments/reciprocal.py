"""Mutual events named by their parties: "<event noun> antara X dan Y" (or "antara X, Y dan Z"), and a
meeting noun whose phrase ends in a list of parties ("pertemuan trilateral A, B dan C").

Why a module of its own: these events have no source and target sides; each party acts towards the
others, so the rules find a list of sides instead.
"""

from __future__ import annotations

from peristiwa.extract.arguments.coordination import Coordination
from peristiwa.extract.arguments.occurrence import Occurrence
from peristiwa.extract.arguments.phrases import Arg
from peristiwa.extract.arguments.sentence import ARG_WINDOW

PARTICIPANT_GAP = 6  # words between a meeting noun and its parties ("pertemuan komisi keamanan … A, B dan C")


class Reciprocal(Coordination, Occurrence):
    """The parties of a mutual event noun."""

    def _participants(self, noun_end: int) -> list[Arg]:
        """The parties of a reciprocal event noun named as a list after it, past the words that describe
        the event ("pertemuan tingkat menteri Indonesia, Malaysia dan Singapura", "pertemuan komisi keamanan
        trilateral Indonesia, Australia dan Timor-Leste"; a lone actor among them is one of those words):
        two or more actors, or none."""
        k = noun_end
        while k < min(len(self.tokens), noun_end + PARTICIPANT_GAP + 1):
            first = self._next_np_mention(k)
            end = self._token_ending_at(first.mention.span.end) if first is not None else None
            if first is not None and end is not None:
                listed = [first, *self._list_after(first, end, cut_clauses=False)]
                if len(listed) > 1:
                    for arg in listed:
                        arg.rule += ":participant"
                    return listed
                k = end + 1
                continue
            if not self._common_noun(k) and not (self.norms[k] in self.words.coordinators and k > noun_end
                                                  and k + 1 < len(self.tokens) and self._common_noun(k + 1)):
                return []
            k += 1
        return []

    def _between(self, noun_end: int) -> list[Arg]:
        """The sides of "<event noun> (di) antara X dan/dengan Y" or "… antara X, Y dan Z" (listed modifiers
        may come between), also after the verb saying it happened ("bentrokan terjadi di perbatasan antara
        X dan Y")."""
        k = noun_end
        while k < len(self.tokens) and (self.norms[k] in self.words.nominal_modifiers or self.norms[k].isdigit()):
            k += 1
        if k + 1 < len(self.tokens) and self.norms[k] in self.words.attack_locatives:
            k += 1  # "perkelahian di antara X dan Y"
        if k >= len(self.tokens) or self.norms[k] not in self.words.reciprocal_preps:
            k = self._between_after_occurrence(noun_end)
            if k is None:
                return []
        first = self._np_at(k + 1)
        end = self._token_ending_at(first.mention.span.end) if first is not None else None
        if first is None or end is None or end + 2 >= len(self.tokens):
            return []
        if self.tokens[end + 1].text == ",":
            sides = [first, *self._list_after(first, end, cut_clauses=False)]
        elif self.norms[end + 1] in self.words.reciprocal_joiners:
            second = self._np_at(end + 2)
            sides = [first, second] if second is not None else []
        else:
            return []
        for arg in sides:
            arg.rule += ":between"
        return sides if len(sides) > 1 else []

    def _between_after_occurrence(self, noun_end: int) -> int | None:
        """Index of "antara" in the clause of the occurrence verb after the event noun ending at `noun_end`."""
        verb = self._occurrence_after(noun_end)
        if verb is None:
            return None
        for k in range(verb + 1, min(len(self.tokens) - 1, verb + 1 + ARG_WINDOW)):
            norm = self.norms[k]
            if norm in self.words.reciprocal_preps:
                return k
            if norm in self.words.clause_breaks or norm in self.words.relative or norm in {",", "."}:
                return None
        return None
