"""Targets to the right of a trigger: the direct object, the object of a target preposition, the agent
of a relative clause on the object, and the actor after any given preposition (`_after_prep`).

Why a module of its own: what follows a verb or an event noun decides the target in every voice
(and the `oleh` agent of a passive), under one set of stops (clause breaks, new clauses, own assets).
"""

from __future__ import annotations

from peristiwa.extract.arguments.coordination import Coordination
from peristiwa.extract.arguments.phrases import MAX_TITLE_TOKENS, Arg
from peristiwa.extract.arguments.sentence import ARG_WINDOW

OPENING_QUOTES = frozenset({"“", "«", "„"})  # marks that only open a quotation (an ASCII '"' may close one)
#: roots whose bare role-noun object is the subject's own asset ("mengerahkan pasukan", "mengirim polisi",
#: "menarik pasukan"), never its target; elsewhere it is the target ("menembak demonstran")
OWN_ASSET_ROOTS = frozenset({"06", "07", "08", "15"})
ORIGIN_GAP = 1  # modifiers between an event noun and its "dari" ("kecaman keras dari"; not "seorang wanita dari")


class Objects(Coordination):
    """Actors after a trigger: objects and prepositional arguments."""

    def _object(self, trigger_end: int, root: str, locative: bool = False) -> list[Arg]:
        """First actor after the trigger: a direct object, or the object of a target preposition.

        For protests and violence a locative names the target too ("berunjuk rasa di depan Kedutaan AS").
        """
        target_preps = self.words.target_preps_for(root, locative)
        seen_prep = own_forces = False
        unlinked: list[Arg] = []
        for k in range(trigger_end, min(len(self.tokens), trigger_end + ARG_WINDOW)):
            norm = self.norms[k]
            if norm in self.words.relative:
                return self._relative_agent(k)
            if k == trigger_end and self.tokens[k].text in OPENING_QUOTES:
                return []  # "mengadakan pertemuan “Madagascar contact group”": a quoted name, not an addressee
            if norm in self.words.clause_breaks or norm in {",", "."} or (
                    norm in self.words.coordinators and not own_forces and self._starts_clause(k + 1)):
                break
            if unlinked and self._is_predicate(k):  # "menegaskan Wang telah memasuki konsulat AS": a name and its
                unlinked[0].rule += ":clause-subject"  # verb are a clause of their own, whose object is not ours
                break
            arg = self._mention_starting_at(k) or self._place_at(k) or self._event_anaphor(k)
            if arg is None:
                seen_prep = seen_prep or norm in self.words.all_preps
                continue
            prep = self._governing_prep(arg.mention)
            if prep is None and arg.mention.rule.startswith("pattern:role-only") and root in OWN_ASSET_ROOTS:
                own_forces = True  # "mengerahkan kapal perang (dan pesawat)": the subject's own, not a target
                continue
            if prep is None and not seen_prep and arg.rule.endswith(":unlinked"):
                unlinked = unlinked or [arg]  # "mengirim sistem Patriot ke Ukraina": prefer a known actor
                continue
            if prep in target_preps or (prep is None and not seen_prep) or prep in self.words.agent_preps:
                # "menyelidiki pelanggaran HAM oleh militer Myanmar": whoever did the object act is the target
                return self._expand_coordination(self._known_head(self._np_head(arg)), backwards=False)
            seen_prep = True
        return unlinked

    def _known_head(self, arg: Arg) -> Arg:
        """"terhadap Presiden resmi Gabon Ali Bongo": when the first name of a phrase is unknown, a known
        actor later in the same phrase (capitalised words and listed modifiers only) heads it."""
        k = self._token_ending_at(arg.mention.span.end)
        if not arg.rule.endswith(":unlinked") or k is None:
            return arg
        for j in range(k + 1, min(len(self.tokens), k + 2 + MAX_TITLE_TOKENS)):
            later = self._mention_starting_at(j)
            if later is not None and not later.rule.endswith(":unlinked"):
                head = self._np_head(later)
                head.rule += ":phrase-head"
                return head
            if not (self.tokens[j].text[:1].isupper() or self.norms[j] in self.words.nominal_modifiers
                    or self.norms[j] in self.words.title_modifiers):
                return arg
        return arg

    def _starts_clause(self, k: int) -> bool:
        """After `dan`: a new subject or a new verb starts a clause ("… dan dia mengungkapkan"); a common
        noun just continues the object ("membahas perdagangan dan terorisme dengan …")."""
        k = self._skip_adverbs(k) if k < len(self.tokens) else k
        if k >= len(self.tokens):
            return True
        return (self._mention_starting_at(k) is not None or self._is_verbal(k)
                or self.norms[k] in self.words.first_person)

    def _relative_agent(self, k: int) -> list[Arg]:
        """"mengecam latihan yang digelar AS dan Filipina": the object's agent is the target."""
        verb = k + 1
        if verb >= len(self.tokens) or not (self.norms[verb].startswith("di") and len(self.norms[verb]) > 4):
            return []
        start = verb + 1
        if start < len(self.tokens) and self.norms[start] in self.words.agent_preps:
            start += 1
        arg = self._mention_starting_at(start) if start < len(self.tokens) else None
        if arg is None:
            return []
        found = self._expand_coordination(self._np_head(arg), backwards=False)
        for item in found:
            item.rule += ":relative-agent"
        return found

    def _event_anaphor(self, k: int) -> Arg | None:
        """"perjalanan itu": an event noun with a demonstrative stands for the last such event's source."""
        if k + 1 >= len(self.tokens) or self.norms[k + 1] not in self.words.demonstratives:
            return None
        nominal = [m for m in self.lexicon.find(self.tokens[k : k + 1], keep_low=True) if m.voice == "nominal"]
        if not nominal:
            return None
        root = nominal[0].code[:2]
        for event in reversed(self.doc.events):
            if event.sentence < self.index and event.source is not None and event.root_code == root:
                mention = self.doc.mentions[event.source.mention] if event.source.mention is not None else None
                if mention is not None:
                    return Arg([event.source.actor], event.source.mention, mention, "event-anaphor")
        return None

    def _after_prep(self, start: int, preps: frozenset[str], own_clause: bool = False) -> list[Arg]:
        """The first actor after `start` governed by one of `preps`. With `own_clause`, not past a verb: in
        "kekerasan … dilingkari oleh Afrika Selatan" the agent is the verb's, not the noun's — except a light
        verb, which only carries the noun ("serangan … dilakukan oleh pasukan Israel")."""
        for k in range(start, min(len(self.tokens), start + ARG_WINDOW + 4)):
            if self.norms[k] in self.words.clause_breaks or self.norms[k] in self.words.relative \
                    or self.tokens[k].text in {",", "."} or k in self.trigger_starts \
                    or (own_clause and self._is_predicate(k) and self.norms[k] not in self.light_heads):
                break
            arg = self._mention_starting_at(k) or self._place_at(k)
            if arg is not None and self._governing_prep(arg.mention) in preps and any(
                    self.norms[j] in preps for j in range(start, self._np_start(arg.mention))):
                # the preposition stands after `start`: in "menentang penjualan senjata AS ke Taiwan" the verb
                # "menentang" (also a preposition) does not govern the noun's possessor
                return self._expand_coordination(self._np_head(arg), backwards=False)
        return []

    def _origin(self, noun_end: int, root: str) -> list[Arg]:
        """The actor after a "dari" that follows the event noun itself ("kecaman keras dari Uni Eropa") —
        not one inside a later phrase ("protes terhadap impor daging sapi dari Amerika Serikat") — for a
        communicative or hostile root; a place there is where something came from, not who acted."""
        if root not in self.words.origin_source_roots:
            return []
        k = noun_end
        while k < min(len(self.tokens), noun_end + ORIGIN_GAP) and self.norms[k] not in self.words.origin_preps \
                and self.tokens[k].text[:1].islower() and self.norms[k] not in self.words.all_preps:
            k += 1  # modifiers between the noun and "dari" ("kecaman keras", "kritik tajam")
        if k >= len(self.tokens) or self.norms[k] not in self.words.origin_preps:
            return []
        origins = self._after_prep(k, self.words.origin_preps)
        return [] if not origins or origins[0].rule.endswith(":place") else origins
