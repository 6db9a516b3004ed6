"""Modality of a trigger from the words before it: negation, future, a demand ("agar", "meminta …
untuk"), a question, a comparison, a denied claim.

Why a module of its own: whether an act is asserted, wished, denied or asked is read from the clause
before the trigger, apart from who did it to whom.
"""

from __future__ import annotations

from peristiwa.extract.arguments.phrases import Phrases
from peristiwa.extract.arguments.sentence import SUBJECT_WINDOW
from peristiwa.extract.triggers import TriggerMatch


class Modality(Phrases):
    """Modality flags of a trigger."""

    def modality(self, match: TriggerMatch) -> list[str]:
        flags = self._mood(match.start)
        if "question" not in flags and self.norms and self.norms[0] in self.words.modality.get("question", ()):
            flags.append("question")  # "Apakah X menyerang Y?": the whole sentence is asked
        if match.voice == "nominal" and self._compared(match.start):
            flags.append("comparison")
        if match.voice == "nominal" and self._series_topic(match.start):
            flags.append("series")
        if self._supposed(match.start):
            flags.append("hypothetical")
        if match.voice == "passive" and match.start > 0 and self.norms[match.start - 1] in self.words.relative:
            noun = match.start - 2
            if noun >= 0 and self.norms[noun] in self.words.modality.get("denial", ()):
                flags.append("denies-claim")
        return flags

    def _mood(self, start: int, depth: int = 1) -> list[str]:
        """Modality flags of the verb at `start` from the words before it ("akan", "tidak", "agar")."""
        opener = self._word_before_subject(start)
        requested = self._demand_verb(start) is not None or (
            opener is not None and self.norms[opener] in self.words.modality.get("requested", ())) or (
            depth > 0 and (self._purpose_of_requested(start, depth) or self._conjoined_with_requested(start, depth)
                           or self._said_by_requested_text(start, depth)))
        flags: list[str] = ["requested"] if requested else []
        lo = max(0, start - self.words.modality_window)
        for k in range(start - 1, lo - 1, -1):
            norm = self.norms[k]
            if norm in self.words.modality_breaks and norm not in self.words.modality.get("negation", ()):
                break
            flags += [f for f, ws in self.words.modality.items()
                      if norm in ws and f not in ("denial", "comparison") and f not in flags
                      and (f != "conditional" or self._opens_condition(k))]
        return flags

    def _compared(self, start: int) -> bool:
        """"(seperti demonstrasi di Moldova)": a comparison word in the clause before an event noun."""
        for k in range(start - 1, max(-1, start - 1 - self.words.modality_window), -1):
            if self.norms[k] in self.words.modality_breaks:
                return False
            if self.norms[k] in self.words.modality.get("comparison", ()):
                return True
        return False

    def _series_topic(self, start: int) -> bool:
        """"bagian dari liputan khusus tentang Protes di Suriah 2011": an event noun after a phrase naming a coverage
        series, with no verb or clause break between, is the series' topic label, not a report (modality.yaml)."""
        for k in range(start - 1, max(-1, start - 1 - self.words.series_window), -1):
            if self.norms[k] in self.words.modality_breaks or self._is_verbal(k):
                return False
            if any(tuple(self.norms[k:k + len(p)]) == p for p in self.words.series):
                return True
        return False

    def _supposed(self, start: int) -> bool:
        """"Jika terjadi kasus di mana Korea Utara melancarkan provokasi": an act whose clause a conditional word
        opens, with an actor named between that word and the act, is the condition's own proposition — supposed,
        not reported (modality.yaml `hypothetical`). The condition runs to the end of its clause, past relatives;
        after a speech or thought word the conditional word is a colloquial "that"."""
        conditional = self.words.modality.get("conditional", frozenset())
        lo = max(-1, start - 1 - self.words.condition_window)
        for k in range(start - 1, lo, -1):
            if self.norms[k] in self.words.condition_breaks:
                return False
            if self.norms[k] in conditional:
                return self._opens_condition(k) and self._actor_between(k, start)
        return False

    def _opens_condition(self, k: int) -> bool:
        """The conditional word at `k` opens a condition — unless a speech or thought word precedes it
        ("mengatakan kalau …", "pandangan bila …"): then it is a colloquial "that" (modality.yaml)."""
        return not (k > 0 and self.norms[k - 1] in self.words.complement_heads)

    def _actor_between(self, left: int, right: int) -> bool:
        """An actor mention lies wholly between tokens `left` and `right` (exclusive)."""
        lo, hi = self.tokens[left].end, self.tokens[right].start
        return any(lo <= m.span.start and m.span.end <= hi for _, m in self.mentions)

    def _purpose_of_requested(self, start: int, depth: int) -> bool:
        """"meminta agar Y mengambil tindakan untuk melindungi Z": the purpose ("untuk V") of a demanded
        act is demanded too, not a fact."""
        marker = self._skip_adverbs(start - 1)
        if marker < 1 or self.norms[marker] not in self.words.complement_markers:
            return False
        for k in range(marker - 1, max(-1, marker - 1 - SUBJECT_WINDOW), -1):
            if self.norms[k] in self.words.clause_breaks or self.tokens[k].text in {",", "."}:
                return False
            if self._is_predicate(k):
                return "requested" in self._mood(k, depth - 1)
        return False

    def _said_by_requested_text(self, start: int, depth: int) -> bool:
        """"menuntut X untuk meluncurkan pernyataan yang mengutuk Y": what a demanded text would say is
        demanded too — the relative clause on a document noun takes the mood of the verb issuing it."""
        relative = self._skip_adverbs(start - 1)
        if relative < 2 or self.norms[relative] not in self.words.relative:
            return False
        verb = self._issuing_verb(relative - 1)
        return verb is not None and "requested" in self._mood(verb, depth - 1)

    def _conjoined_with_requested(self, start: int, depth: int) -> bool:
        """"menuntut Y untuk memutuskan hubungan dan menutup kedutaannya": a predicate joined by `dan` to a
        demanded act shares its subject and its mood — demanded too, not a fact."""
        marker = self._skip_adverbs(start - 1)
        if marker < 1 or self.norms[marker] not in self.words.coordinators:
            return False
        verb = max((k for k in self.trigger_starts if k < marker), default=None)
        if verb is None or any(self.norms[k] in self.words.clause_breaks for k in range(verb, marker)):
            return False
        return "requested" in self._mood(verb, depth - 1)

    def _word_before_subject(self, trigger_start: int) -> int | None:
        """The word before the actor phrase that is the trigger's subject ("agar [Bangladesh dan Myanmar]
        membuka"): it says whether the clause is a wish or demand; None when no actor precedes."""
        k, crossed = self._skip_adverbs(trigger_start - 1), False
        while k >= 0:
            arg = self._mention_ending_at(k)
            if arg is not None:
                k, crossed = self._np_start(arg.mention) - 1, True
            elif crossed and self.norms[k] in self.words.coordinators | self.words.nominal_modifiers:
                k -= 1
            else:
                break
        return k if crossed and k >= 0 else None
