"""Arguments of an event noun (-an, peN-an): the possessor ("serangan Rusia") or `oleh` agent is the
source, the object of a target preposition ("… terhadap Ukraina") the target; also the agent of a
relative passive ("serangan yang dilancarkan oleh Israel"), an origin ("kecaman dari Uni Eropa"), the
parties of a mutual noun, and the subject of a light verb or a bare predicate.

Why a module of its own: a noun carries its arguments inside its phrase, not around a verb, so it
has its own order of rules.
"""

from __future__ import annotations

from peristiwa.extract.arguments.phrases import Arg
from peristiwa.extract.arguments.reciprocal import Reciprocal
from peristiwa.extract.arguments.subjects import Subjects
from peristiwa.extract.triggers import TriggerMatch

PATIENT_NOUN_AFFIX = "peN-an"  # "penangkapan X": X is arrested (an -an noun, "serangan X", names the doer)
VICTIM_GAP = 5  # words between an attack noun and "yang menewaskan" (its possessor, modifiers)
LIGHT_VERB_GAP = 5  # words allowed between a light verb and its event noun ("mengadakan empat jam pembicaraan")


class Nominal(Subjects, Reciprocal):
    """Source and target of an event noun."""

    def _nominal(self, match: TriggerMatch, root: str) -> tuple[list[Arg], list[Arg], str]:
        targets = self._after_prep(match.end, self.words.target_preps_for(root)) or self._relative_victims(match.end)
        reciprocal = bool(self.words.participant_codes) and match.code.startswith(self.words.participant_codes)
        participants = self._participants(match.end) if reciprocal and not targets else []
        if participants:  # "pertemuan trilateral Indonesia, Australia dan Timor-Leste": each towards the others
            return participants, [], "args:nominal source=participants(mutual)"
        possessor = self._possessor(match.end)
        if possessor and possessor[0].rule.endswith(":place"):
            # "serangan teroris Mumbai": a place after the noun is where it happened, not who did it
            targets = targets or (possessor if root in self.words.locative_target_roots else [])
            possessor = []
        agents = self._after_prep(match.end, self.words.agent_preps, own_clause=True)
        if possessor and agents:
            # "penembakan para demonstran oleh garda presiden": with an `oleh` agent the noun's
            # possessor is what the act was done to
            return agents, targets or possessor, "args:nominal source=oleh target=possessor"
        if possessor and self._patient_possessor(match, possessor[0]):
            # "penangkapan para aktivis", "pembunuhan wartawan": a peN-an noun of a transitive act names its
            # patient right after it; who did it comes from the rest of the phrase or the context
            possessor[0].rule += ":patient"
            sources, _, rule = self._nominal_source(match, root, [], agents)
            return sources, targets or possessor, f"{rule} target=possessor(patient)"
        if possessor:
            return possessor, targets, "args:nominal source=possessor"
        return self._nominal_source(match, root, targets, agents)

    def _patient_possessor(self, match: TriggerMatch, possessor: Arg) -> bool:
        """A peN-an noun of a coercive, violent or releasing act (syntax.yaml `patient_possessor_codes`) names its
        patient after it, unless that is a state or its forces: "penangkapan aktivis" is the activists' arrest,
        but "pengeboman Israel" and "penahanan polisi" keep the state as the one who acted."""
        if match.affix != PATIENT_NOUN_AFFIX or not match.code.startswith(self.words.patient_possessor_codes):
            return False
        return not any(actor.role in self.words.agent_possessor_roles or (actor.role is None and actor.type == "GPE")
                       for actor in possessor.actors)

    def _nominal_source(self, match: TriggerMatch, root: str, targets: list[Arg], agents: list[Arg]
                        ) -> tuple[list[Arg], list[Arg], str]:
        """The source of an event noun with no possessor acting: an `oleh` agent, a performer, an origin, the
        sides of "antara", the subject of a light verb, a purpose clause or a bare predicate."""
        if agents:
            return agents, targets, "args:nominal source=oleh"
        performer = self._relative_passive_agent(match.end, self.words.performing_verbs, "performer")
        if performer:  # "serangan yang dilancarkan oleh Israel terhadap Gaza": the target follows the agent
            after = self._token_ending_at(performer[-1].mention.span.end)
            if not targets and after is not None:
                targets = self._after_prep(after + 1, self.words.target_preps_for(root))
            return performer, targets, "args:nominal source=performed-by"
        victims = self._relative_passive_agent(match.end, self.words.suffering_verbs, "sufferer")
        if victims and not targets:  # "pembantaian yang diderita rakyat Libya": who suffered it is the target
            return [], victims, "args:nominal source=none target=suffered-by"
        origins = self._origin(match.end, root)
        if origins:  # "kecaman dari Uni Eropa terhadap …"
            return origins, targets, "args:nominal source=dari"
        sides = self._between(match.end)
        if sides:  # "bentrokan antara polisi dan petani": each side towards the other
            return sides, [], "args:nominal source=antara(mutual)"
        verb = self._light_verb_left(match.start)
        if verb is not None:
            return self._subject(verb), targets, "args:nominal source=subject-of-light-verb"
        if match.start > 0 and self.norms[match.start - 1] in self.words.purpose_preps:
            # "… ke Canberra untuk pembicaraan dengan Wong": the clause subject holds the talks
            return self._subject(match.start - 1), targets, "args:nominal source=subject-of-purpose"
        subject = self._bare_predicate_subject(match)
        if subject:
            return subject, targets, "args:nominal source=subject-of-bare-predicate"
        return [], targets, "args:nominal source=none"

    def _bare_predicate_subject(self, match: TriggerMatch) -> list[Arg]:
        """"Polisi bentrok dengan …", "ribuan buruh mogok", "pemerintah kecewa": a bare root right after
        an actor (adverbs between allowed) is that actor's predicate, as news Indonesian uses it."""
        if match.affix != "bare" or match.light_verb is not None:
            return []
        before = self._skip_adverbs(match.start - 1)
        arg = self._mention_ending_at(before) if before >= 0 else None
        if (arg is None or self._governed(arg.mention) or arg.rule.endswith(":place")
                or self._modifies_noun(arg.mention)):
            return []
        arg.rule += ":bare-predicate"
        return self._expand_coordination(arg, backwards=True)

    def _possessor(self, trigger_end: int) -> list[Arg]:
        """The actor right after an event noun; only listed modifiers ("pertama", "tiga hari") may intervene."""
        k = trigger_end
        while k < len(self.tokens):
            arg = self._next_np_mention(k)
            if arg is not None:
                return [arg]
            if self.norms[k] not in self.words.nominal_modifiers and not self.norms[k].isdigit():
                return []
            k += 1
        return []

    def _relative_victims(self, noun_end: int) -> list[Arg]:
        """"serangan udara NATO yang menewaskan warga sipil": those a relative clause on an attack noun says it
        killed or wounded (syntax.yaml `harming_verbs`) are its target."""
        for k in range(noun_end, min(len(self.tokens) - 2, noun_end + VICTIM_GAP)):
            if self.norms[k] in self.words.clause_breaks and self.norms[k] not in self.words.relative:
                return []
            if self.norms[k] in self.words.relative and self.norms[k + 1] in self.words.harming_verbs:
                victims = self._list_member(k + 2)
                if victims is None:
                    return []
                found = self._expand_coordination(victims, backwards=False)
                for arg in found:
                    arg.rule += ":victims"
                return found
        return []

    def _light_verb_left(self, start: int) -> int | None:
        """"mengadakan empat jam pembicaraan": a light verb a few words before the event noun."""
        for k in range(start - 1, max(-1, start - 1 - LIGHT_VERB_GAP), -1):
            if self.norms[k] in self.words.all_preps or self.norms[k] in self.words.clause_breaks:
                return None
            if (self.norms[k],) in self.light_verbs:
                return k
        return None

    def _relative_passive_agent(self, noun_end: int, verbs: frozenset[str], tag: str) -> list[Arg]:
        """The agent of "<event noun> yang V (oleh) X" for a passive V in `verbs`: "serangan yang dilancarkan
        oleh Israel" (performing_verbs: X did it), "kekerasan yang dialami para perempuan" (suffering_verbs:
        X suffered it). The args are tagged `:<tag>`."""
        w = self.words
        relative = self._after_modifiers(noun_end, w.relative, w.demonstratives)
        if relative is None or relative + 2 >= len(self.tokens):
            return []
        verb = self._skip_adverbs_right(relative + 1)
        if self.norms[verb] not in verbs or verb + 1 >= len(self.tokens):
            return []
        start = verb + 2 if self.norms[verb + 1] in w.agent_preps else verb + 1
        agent = self._np_at(start) if start < len(self.tokens) else None
        if agent is None:
            return []
        found = self._expand_coordination(agent, backwards=False)
        for arg in found:
            arg.rule += f":{tag}"
        return found
