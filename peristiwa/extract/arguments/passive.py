"""Arguments of a passive trigger (di-, ter-): the agent after `oleh` (shared by coordinated passives,
or bare right after the verb) is the source; the subject on the left is the target; in
"X menuduh Y, klaim yang dibantah oleh Z" the denied claim's author X is the target.

Why a module of its own: a passive swaps the sides an active verb has, with agent rules of its own.
"""

from __future__ import annotations

from peristiwa.extract.arguments.phrases import Arg, joined_rules
from peristiwa.extract.arguments.subjects import Subjects
from peristiwa.extract.triggers import TriggerMatch


class Passive(Subjects):
    """Source and target of a passive verb."""

    def _passive(self, match: TriggerMatch) -> tuple[list[Arg], list[Arg], str]:
        agents, agent_rule = self._after_prep(match.end, self.words.agent_preps), "oleh"
        if not agents:
            agents, agent_rule = self._shared_agent(match.end), "shared-oleh"
        if not agents:
            agents = self._bare_agent(match.end)
            agent_rule = "bare" if agents else "none"
        if not agents and match.light_verb is not None:
            # "Presiden Mesir mendapat kritik keras dari Amerika Serikat": the noun's "dari" says who gave it
            agents, agent_rule = self._origin(match.end, match.code[:2]), "dari"
            agent_rule = agent_rule if agents else "none"
        left = match.start - 1
        if left >= 0 and self.norms[left] in self.words.relative:
            claimant = self._denied_claim_author(left)
            if claimant:
                return agents, claimant, f"args:passive agent={agent_rule} target=claim-author"
        subject = self._subject(match.start)
        if subject:
            return agents, subject, f"args:passive agent={agent_rule} target=subject[{joined_rules(subject)}]"
        # "beras dikirim oleh X ke Myanmar": the thing sent is no actor; the destination is the target
        targets = self._after_prep(match.end, self.words.target_preps)
        return agents, targets, f"args:passive agent={agent_rule} target=prep"

    def _shared_agent(self, verb_end: int) -> list[Arg]:
        """"ditangkap dan dipukuli oleh polisi": coordinated passive verbs share the last one's agent."""
        k = self._skip_adverbs_right(verb_end) if verb_end < len(self.tokens) else verb_end
        if k + 1 >= len(self.tokens) or self.norms[k] not in self.words.coordinators \
                or self.trigger_voices.get(self._skip_adverbs_right(k + 1)) != "passive":
            return []
        return self._after_prep(self._skip_adverbs_right(k + 1) + 1, self.words.agent_preps)

    def _bare_agent(self, verb_end: int) -> list[Arg]:
        """"Aktivis itu ditangkap polisi Mesir": an actor right after a passive verb, with no preposition,
        is its agent (Indonesian drops `oleh` before a bare agent)."""
        if verb_end >= len(self.tokens) or verb_end in self.trigger_starts:
            return []
        # in a title-case headline ("Didakwa Mata-matai Chili") capitals mark no title before a name
        arg = self._mention_starting_at(verb_end) if self.title_case else self._next_np_mention(verb_end)
        if arg is None or self._governed(arg.mention) or arg.rule.endswith(":place"):
            return []
        arg.rule += ":bare-agent"
        return self._expand_coordination(arg, backwards=False)

    def _denied_claim_author(self, relative_index: int) -> list[Arg]:
        """`X menuduh Y …, klaim yang dibantah oleh Z`: the claim's author is X."""
        noun = relative_index - 1
        if noun < 0 or self.norms[noun] not in self.words.modality.get("denial", frozenset()):
            return []
        for k in range(noun - 1, -1, -1):
            if self.tokens[k].text == ",":
                return self._subject(self._first_trigger_left(k))
        return []

    def _first_trigger_left(self, k: int) -> int:
        """Token index of the main verb of the previous clause: first meN-/di- word before `k`."""
        for j in range(k):
            if self.norms[j].startswith(("me", "di", "ber")) and self._mention_ending_at(j) is None:
                return j
        return k
