"""Coordination: "Xi dan Putin", "Rusia, China dan Iran" — one argument per conjunct, and where a
coordinator opens a new clause instead ("Jepang mengecam China dan Rusia menuduh …").

Why a module of its own: subjects, objects and nominal arguments all expand a found actor into its
list, and all must stop where a conjunct has a predicate of its own.
"""

from __future__ import annotations

from peristiwa.extract.arguments.phrases import Arg, Phrases
from peristiwa.model import Mention


class Coordination(Phrases):
    """Lists of actors and the clause boundaries a coordinator may hide."""

    def _expand_coordination(self, arg: Arg, *, backwards: bool) -> list[Arg]:
        """"Xi dan Putin", "Presiden AS Joe Biden dan Presiden Tiongkok Xi Jinping": add the other conjunct."""
        k_start = self._np_start(arg.mention)
        k_end = self._token_ending_at(arg.mention.span.end)
        if not backwards:
            return [arg, *self._list_after(arg, k_end if k_end is not None else k_start)]
        probe = k_start - 1
        if not 0 < probe < len(self.tokens) or self.norms[probe] not in self.words.coordinators:
            return [arg]
        other = self._mention_ending_at(probe - 1)
        if other is None or self._governed(other.mention) or self._modifies_noun(other.mention):
            return [arg]
        if self._in_earlier_clause(other.mention):
            arg.rule += ":new-clause"
            return [arg]
        return [arg, other]

    def _in_earlier_clause(self, mention: Mention) -> bool:
        """"Jepang mengecam China dan Rusia menuduh …": a conjunct with a predicate before it in its own
        clause is that predicate's object, so `dan` opened a new clause and it is no co-subject."""
        for k in range(self._np_start(mention) - 1, -1, -1):
            if self.norms[k] in self.words.clause_breaks or self.tokens[k].text in {",", "."}:
                return False
            if self._is_predicate(k):
                return True
        return False

    def _opens_clause(self, arg: Arg) -> bool:
        """"… kepada Yunani dan Amnesti Internasional menuntut …": an actor followed by its own predicate
        is the subject of a new clause, not the next member of a list."""
        end = self._token_ending_at(arg.mention.span.end)
        if end is None or end + 1 >= len(self.tokens):
            return False
        return self._is_predicate(self._skip_adverbs_right(end + 1))

    def _list_after(self, first: Arg, k_end: int, *, cut_clauses: bool = True) -> list[Arg]:
        """The further members of a list after the actor ending at `k_end`: "Rusia, China dan Iran".

        Comma-separated members count only when a coordinator closes the list, so an apposition or a
        new clause after a comma ("mengecam Rusia, kata Iran") is not read as one, nor is an actor with a
        predicate of its own ("… kepada Yunani dan Amnesti menuntut …"; `first` is marked ":list-cut") —
        unless `cut_clauses` is off: the list then ends a noun phrase that is itself the subject
        ("pertemuan Indonesia, Malaysia dan Singapura berlangsung …").
        """
        members: list[Arg] = []
        probe = k_end + 1
        while 0 <= probe < len(self.tokens) - 1 and (self.norms[probe] in self.words.coordinators
                                                     or self.tokens[probe].text == ","):
            closing = self.norms[probe] in self.words.coordinators
            other = self._list_member(probe + 1)
            if other is None:
                return []
            if cut_clauses and self._opens_clause(other):
                first.rule += ":list-cut(new-clause)"
                return []
            members.append(other)
            if closing:
                return members
            end = self._token_ending_at(other.mention.span.end)
            if end is None:
                return []
            probe = end + 1
        return []

    def _list_member(self, k: int) -> Arg | None:
        """The actor of a list member at `k`, after its count ("dan dua wartawan Inggris"), or a geocoded place
        ("menyerang Gaza dan Rafah"): members are phrases like the first, which may be either."""
        while k < len(self.tokens) - 1 and (self.norms[k] in self.words.member_openers or self.norms[k].isdigit()):
            k += 1
        return self._next_np_mention(k) or self._place_at(k)
