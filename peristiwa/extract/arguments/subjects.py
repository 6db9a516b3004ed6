"""The subject to the left of a trigger: the nearest actor no preposition governs, through relative
clauses ("X, yang …"), appositions ("X, <apposition>, VERB"), shared subjects of coordinated or
comma-chained predicates, and demands ("X meminta Y untuk V": Y is V's subject).

Why a module of its own: the subject is the source of an active verb and the target of a passive one,
and most of the coder's word-order rules are about finding it.
"""

from __future__ import annotations

from peristiwa.extract.arguments.objects import Objects
from peristiwa.extract.arguments.phrases import Arg
from peristiwa.extract.arguments.sentence import SUBJECT_WINDOW

MAX_CLAUSE_CHAIN = 3  # "X … dan … dan …": how far a shared subject is followed back
#: mention kinds that describe an actor by its role ("Menteri Luar Negeri Rusia", "juru bicara Kemlu China")
ROLE_KINDS = frozenset({"pattern", "description"})


class Subjects(Objects):
    """Actors before a trigger: its subject."""

    def _subject(self, trigger_start: int, depth: int = 0) -> list[Arg]:
        """Nearest actor mention left of the trigger that no preposition governs.

        "X yang mengecam …": only an actor right before `yang` is the subject. "X mengirim Y dan
        mendorong …": a predicate after `dan` shares the subject of the predicate before it.
        """
        controller = self._demanded_of(trigger_start)
        if controller:
            return controller
        before = self._skip_adverbs(trigger_start - 1)
        if before >= 0 and self.norms[before] in self.words.relative:
            return self._relativised(before)
        if before >= 0 and self.norms[before] in self.words.coordinators and depth < MAX_CLAUSE_CHAIN:
            verb = self._previous_predicate(before)
            if verb is not None:
                return self._subject(verb, depth + 1)
        quote = self._quote_at(self.tokens[trigger_start].start)
        lo = max(0, trigger_start - SUBJECT_WINDOW)
        fallback: list[Arg] = []
        broken = False
        head = self._apposition_head(before)
        for k in range(trigger_start - 1, lo - 1, -1):
            if self.norms[k] in self.words.clause_breaks and not self._in_quote(k, quote):
                broken = True
                break
            if quote is not None and self.norms[k] in self.words.first_person and self._in_quote(k, quote):
                return self._speaker_arg(quote)
            arg = self._mention_ending_at(k)
            if arg is None or self._governed(arg.mention) or arg.rule.endswith(":place"):
                continue
            if head is not None and head < self._np_start(arg.mention):
                # "The Nation, surat kabar Thailand berbahasa Inggris, menuding": not "Inggris"
                fallback = fallback or [arg]
                continue
            if head is not None and head == self._np_start(arg.mention):
                arg.rule += ":apposition-head"
            if self._modifies_noun(arg.mention):
                fallback = fallback or [arg]
                continue
            if fallback and self._described_after(arg, fallback[0]):
                fallback[0].rule += ":apposition"
                return fallback
            if self._after_connective(self._np_start(arg.mention)):
                arg.rule += ":after-connective"
            return self._expand_coordination(self._apposition_role(arg), backwards=True)
        if fallback:
            return fallback
        if quote is not None and quote.speaker is not None:
            return self._speaker_arg(quote)
        return [] if broken else self._comma_chain_subject(before, depth)

    def _previous_predicate(self, coordinator: int) -> int | None:
        """The predicate whose subject a verb after `dan` shares: the nearest earlier trigger, or a nearer verb that
        is no trigger ("Menlu Bulgaria menghubungi Menlu Lieberman dan mengatakan …": the caller speaks, not the
        one called) within its clause."""
        trigger = max((k for k in self.trigger_starts if k < coordinator), default=None)
        for k in range(coordinator - 1, max(-1, coordinator - 1 - 2 * SUBJECT_WINDOW, trigger or -1), -1):
            if self.norms[k] in self.words.clause_breaks or self.tokens[k].text == ".":
                break
            if self._is_predicate(k) and not self._after_relative(k):
                return k
        return trigger

    def _apposition_head(self, before: int) -> int | None:
        """"X, <apposition>, VERB": the token where the apposition closed by the comma at `before`
        starts. An actor deeper inside it only modifies its head ("surat kabar Thailand berbahasa
        Inggris"), so it is no subject; None when no comma-bounded phrase without a verb precedes."""
        if before < 2 or self.tokens[before].text != ",":
            return None
        for k in range(before - 1, max(0, before - SUBJECT_WINDOW) - 1, -1):
            if self.norms[k] in self.words.clause_breaks or self.tokens[k].text == "." or (
                    self.trigger_voices.get(k, "nominal") != "nominal"):
                return None
            if self.tokens[k].text == ",":
                return k + 1 if k + 1 < before else None
        return None

    def _relativised(self, relative: int) -> list[Arg]:
        """The noun a `yang` clause modifies is its subject: right before `yang`, or before a comma
        ("Front Kiri, yang telah menuduh …": a non-restrictive relative) and listed modifiers ("PM
        pertama yang mengundang …") that stand between the noun and `yang`."""
        k, rule = relative - 1, ""
        if k > 0 and self.tokens[k].text == ",":
            k, rule = k - 1, ":comma-relative"
        while k > 0 and self.norms[k] in self.words.nominal_modifiers and self._mention_ending_at(k) is None:
            k, rule = k - 1, rule or ":modified-relative"
        arg = self._mention_ending_at(k) if k >= 0 else None
        if arg is None:
            return self._document_author(k)
        arg.rule += rule
        return [arg]

    def _document_author(self, noun: int) -> list[Arg]:
        """"X mengeluarkan pernyataan yang mengecam Y": the subject of the verb right before a document noun
        (syntax.yaml `document_nouns`; fillers like "sebuah" skipped) is the author of what the text says."""
        verb = self._issuing_verb(noun)
        if verb is None:
            return []
        authors = self._subject(verb)
        for arg in authors:
            arg.rule += f":author-of-{self.norms[noun]}"
        return authors

    def _comma_chain_subject(self, before: int, depth: int) -> list[Arg]:
        """"X menyampaikan pidato … hari ini, Selasa, memperingatkan …": a predicate attached by a comma
        whose subject lies beyond the word window shares the subject of the predicate before it, as after
        "dan" — asides (dates, places, relative clauses) push the subject out of any fixed window.
        Only when no clause break lies between the two predicates."""
        if before < 0 or self.tokens[before].text != "," or depth >= MAX_CLAUSE_CHAIN:
            return []
        for k in range(before - 1, max(-1, before - 1 - 3 * SUBJECT_WINDOW), -1):
            if self.norms[k] in self.words.clause_breaks:
                return []
            if self._is_predicate(k) and not self._after_relative(k):
                break
        else:
            return []
        chained = self._subject(k, depth + 1)
        for arg in chained:
            arg.rule += ":comma-chain"
        return chained

    def _demanded_of(self, trigger_start: int) -> list[Arg]:
        """The subject of a demanded act is the one it is demanded of ("meminta Korea Utara untuk
        menghentikan …" → Korea Utara stops), not the one who demands."""
        verb = self._demand_verb(trigger_start)
        if verb is None:
            return []
        marker = self._skip_adverbs(trigger_start - 1)
        found = [a for a in self._object(verb + 1, "") if a.mention.span.end <= self.tokens[marker].start]
        for arg in found:
            arg.rule += ":object-of-demand"
        return found

    def _apposition_role(self, arg: Arg) -> Arg:
        """"Menteri Luar Negeri Rusia, Sergei Lavrov, mengatakan": a name set off by commas after a role
        phrase is that role's holder; the role says who they are when the name alone does not (an unknown
        name, or a known one without a role in the same country)."""
        k = self.token_of.get(arg.mention.span.start)
        end = self._token_ending_at(arg.mention.span.end)
        if k is None or end is None or k < 2 or end + 1 >= len(self.tokens):
            return arg
        if self.tokens[k - 1].text != "," or self.tokens[end + 1].text != ",":
            return arg
        role = self._mention_ending_at(k - 2)
        if role is None or role.mention.kind not in ROLE_KINDS or len(role.actors) != 1:
            return arg
        held, name = role.actors[0], arg.actors[0] if len(arg.actors) == 1 else None
        if held.code is None or held.role is None or name is None:
            return arg
        if name.code is not None and (name.role is not None or name.country != held.country):
            return arg
        role.rule += ":apposition"
        return role

    def _described_after(self, name: Arg, role: Arg) -> bool:
        """"Victor Mendoza, seorang anggota Angkatan Udara Peru, ditahan": an unknown name followed by a
        comma and a role phrase is described by it, so the role phrase says who the subject is."""
        end = self._token_ending_at(name.mention.span.end)
        return (name.rule.endswith(":unlinked") and end is not None and end + 1 < len(self.tokens)
                and self.tokens[end + 1].text == "," and role.mention.span.start > name.mention.span.end
                and role.actors[0].code is not None)
