"""Arguments of one trigger: who did it and to whom, from the sentence's shape (and its parse).

For each trigger the lexicon finds in a sentence, arguments come from the sentence's
shape around it (Indonesian is SVO; voice comes from the affix that matched):
- active / intransitive (meN-, ber-): source = the clause subject to the left (the nearest
  actor not governed by a preposition), target = the first actor to the right, directly
  or after a target preposition (dengan, ke, kepada, terhadap, atas, …);
- a coordinator before an actor that has its own predicate opens a new clause: that actor is the
  new clause's subject, not a conjunct of the object before it;
- passive (di-, ter-): source = the agent after `oleh` (or an actor right after the verb); target =
  the subject on the left, never the source; in
  "X menuduh Y, klaim yang dibantah oleh Z" the denied claim's author X is the target;
- nominal (-an, peN-an): source = the possessor right after the noun ("serangan Rusia"),
  or the `oleh` agent; target after a target preposition ("… terhadap Ukraina");
- "X meminta Y untuk V": V is demanded of Y (its subject), flagged `requested`;
- "Menteri Luar Negeri Rusia, NAME,": the role phrase says who an unknown name is; in
  "X, <apposition>, VERB" an actor deep inside the apposition is no subject, its head is;
- "X, yang …" / "X pertama yang …": the noun before the comma or modifiers is the relative's subject;
- a sentence connective ("Maka dari itu", "Oleh karena itu") governs no actor after it;
- "<event noun> antara X dan Y" (or "antara X, Y dan Z"): each side towards the others; a meeting or
  cooperation noun whose phrase ends in a list of parties ("pertemuan trilateral A, B dan C") likewise;
- inside a direct quote, first-person pronouns stand for the quote's speaker (in every sentence
  the quote runs over);
- coordinated or group subjects ("Xi dan Putin", "keduanya") code one event per member,
  towards each other when there is no separate target.

Why a module of its own: finding arguments is most of the coder, and it reads only the Document
(mentions, quotes, places, the parse) — the event stage (events.py) turns what it finds into events.
"""

from __future__ import annotations

from collections.abc import Sequence

from peristiwa.extract.arguments.coordination import Coordination
from peristiwa.extract.arguments.document import DocIndex
from peristiwa.extract.arguments.phrases import MAX_TITLE_TOKENS, Arg, joined_rules
from peristiwa.extract.arguments.sentence import ARG_WINDOW, SUBJECT_WINDOW
from peristiwa.extract.arguments.words import CoderWords
from peristiwa.extract.depargs import DepArg, DepArgs, active_args, nominal_args, passive_args
from peristiwa.extract.triggers import TriggerMatch
from peristiwa.model import Actor, Mention, Place, Span

SENTENCE_OPENERS = frozenset({'"', "“", "‘", "(", "—", "-", ":"})  # a capital after these starts a clause
MAX_CLAUSE_CHAIN = 3  # "X … dan … dan …": how far a shared subject is followed back
OPENING_QUOTES = frozenset({"“", "«", "„"})  # marks that only open a quotation (an ASCII '"' may close one)
ORIGIN_GAP = 1  # modifiers between an event noun and its "dari" ("kecaman keras dari"; not "seorang wanita dari")
LIGHT_VERB_GAP = 5  # words allowed between a light verb and its event noun ("mengadakan empat jam pembicaraan")
OCCURRENCE_GAP = 4  # plain words between an event noun and the verb saying it happened ("kekerasan politik yang pecah")
PARTICIPANT_GAP = 6  # words between a meeting noun and its parties ("pertemuan komisi keamanan … A, B dan C")


class SentenceContext(Coordination):
    """Everything the argument rules need about one sentence, computed once."""

    def inside_name(self, match: TriggerMatch) -> bool:
        """"Perang Dunia II", "Perjanjian Shimonoseki": an event word inside a proper name is no event.

        In a title-case headline ("Unjuk Rasa Di Paris Terhadap Kediktatoran Gabon") capitals say
        nothing, so only a name the knowledge base knows can swallow a trigger there.
        """
        k = match.trigger_start
        start, end = self.tokens[k].start, self.tokens[match.trigger_end - 1].end
        if any(m.kind == "name" and m.span.start <= start and end <= m.span.end
               and not (self.title_case and (m.actor is None or m.actor.kb_id is None)) for _, m in self.mentions):
            return True
        return (not self.title_case and match.voice == "nominal" and k > 0 and self.tokens[k].text[:1].isupper()
                and match.trigger_end < len(self.tokens) and self.tokens[match.trigger_end].text[:1].isupper()
                and self.tokens[k - 1].text not in SENTENCE_OPENERS)

    def arguments(self, match: TriggerMatch, root: str) -> tuple[list[Arg], list[Arg], str]:
        """Source and target candidates: from the parse where it finds them, else from word order.

        Each side is taken from the dependency parse when the sentence was parsed and the parse
        yields an actor there; otherwise the word-order rules below decide. The rule string says
        which did, with the parse path ("args:parse source=nsubj<mengecam target=mengecam>obj").
        """
        sources, targets, rule = self._window_arguments(match, root)
        if self.tree is None:
            return sources, targets, rule
        parsed = self._parse_arguments(match, root)
        parse_sources = self._args_at(parsed.sources) if parsed else []
        parse_targets = self._args_at(parsed.targets) if parsed else []
        if not parse_sources and not parse_targets:
            return sources, targets, rule
        paths = [f"source={'+'.join(a.rule for a in parse_sources)}"] if parse_sources else []
        paths += [f"target={'+'.join(a.rule for a in parse_targets)}"] if parse_targets else []
        return parse_sources or sources, parse_targets or targets, f"args:parse {' '.join(paths)}; {rule}"

    def _parse_arguments(self, match: TriggerMatch, root: str) -> DepArgs | None:
        assert self.tree is not None
        entry = self.lexicon.entries.get(match.entry_id)
        preps = self.words.target_preps_for(root, entry is not None and entry.locative_target)
        if match.voice == "nominal":
            return nominal_args(self.tree, match.trigger_start, self.words.agent_preps, preps, self.light_heads)
        predicate = match.start if match.light_verb else match.trigger_start
        if match.voice == "passive":
            return passive_args(self.tree, predicate, self.words.agent_preps, preps)
        return active_args(self.tree, predicate, preps, self.words.object_control)

    def _args_at(self, found: Sequence[DepArg]) -> list[Arg]:
        """The actor behind each parse argument token (its mention, a place, or a quote's speaker)."""
        args: list[Arg] = []
        for dep in found:
            arg = self._arg_at_token(dep.token)
            if arg is not None and all(a.mention.span != arg.mention.span for a in args):
                arg.rule = f"{arg.rule}@{dep.path}"
                args.append(arg)
        return args

    def _arg_at_token(self, k: int) -> Arg | None:
        """The outermost mention covering token k, else a mention inside its phrase, else a place."""
        assert self.tree is not None
        if self.norms[k] in self.words.relative and self.tree.deprels[self.tree.heads[k]] == "acl:relcl":
            k = self.tree.heads[self.tree.heads[k]]  # "negara yang menyerang": the noun the clause modifies
        start, end = self.tokens[k].start, self.tokens[k].end
        covering = sorted(((i, m) for i, m in self.mentions if m.span.start <= start and end <= m.span.end),
                          key=lambda im: (im[1].span.start, -im[1].span.end))
        for index, mention in covering:
            arg = self._arg_from(index, mention, mention.kind)
            if arg is not None:
                return arg
        for j in self.tree.children(k, PHRASE_RELS):
            arg = self._mention_starting_at(j)
            if arg is not None:
                return arg
        quote = self._quote_at(start)
        if quote is not None and self.norms[k] in self.words.first_person:
            speaker = self._speaker_arg(quote)
            return speaker[0] if speaker else None
        return self._place_at(k)

    def _window_arguments(self, match: TriggerMatch, root: str) -> tuple[list[Arg], list[Arg], str]:
        if match.voice == "passive":
            return self._passive(match)
        if match.voice == "nominal":
            return self._nominal(match, root)
        sources = self._subject(match.start)
        entry = self.lexicon.entries.get(match.entry_id)
        targets = self._object(match.end, root, locative=entry is not None and entry.locative_target)
        return sources, targets, f"args:active subject={joined_rules(sources)} object={joined_rules(targets)}"

    def _passive(self, match: TriggerMatch) -> tuple[list[Arg], list[Arg], str]:
        agents, agent_rule = self._after_prep(match.end, self.words.agent_preps), "oleh"
        if not agents:
            agents, agent_rule = self._shared_agent(match.end), "shared-oleh"
        if not agents:
            agents = self._bare_agent(match.end)
            agent_rule = "bare" if agents else "none"
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

    def _nominal(self, match: TriggerMatch, root: str) -> tuple[list[Arg], list[Arg], str]:
        targets = self._after_prep(match.end, self.words.target_preps_for(root))
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
        if possessor:
            return possessor, targets, "args:nominal source=possessor"
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
            verb = max((k for k in self.trigger_starts if k < before), default=None)
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
            return []
        arg.rule += rule
        return [arg]

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

    def actor_of_place(self, match: TriggerMatch, role: str) -> list[Arg]:
        """The `role` (civilians, authorities) of the country where an agentless act took place (the
        nearest geocoded place)."""
        place = self.place_near(match)
        if place is None or not place.country:
            return []
        return [self._country_arg(place.country, place.name, role, place.span, place.rule, "place")]

    def actor_of_occurrence(self, match: TriggerMatch, role: str | None) -> list[Arg]:
        """The `role` (or, for None, the whole country) of the country where an event reported as having
        happened took place: a geocoded place in the trigger's clause, else the article's focus country.

        A place abroad in an article about another country gives nobody: "perang yang berkecamuk di Gaza"
        in a report on Greece is a war between others, not Gaza's own affair."""
        place = self.place_in_clause(match)
        if place is not None and place.country and place.country != (self.focus or place.country):
            return []
        if place is not None and place.country:
            return [self._country_arg(place.country, place.name, role, place.span, place.rule, "place")]
        if self.focus is None:
            return []
        trigger = self.doc.span(self.tokens[match.start].start, self.tokens[match.end - 1].end)
        return [self._country_arg(self.focus, self.focus, role, trigger, "focus-country", "focus")]

    def _country_arg(self, country: str, name: str, role: str | None, span: Span, how: str, rule: str) -> Arg:
        """An actor that is a country's `role` (civilians, authorities), or the country alone for None."""
        actor = country_role_actor(country, name, role)
        return Arg([actor], None, Mention(span, actor.type, self.index, "role", actor, how), rule)

    def place_in_clause(self, match: TriggerMatch) -> Place | None:
        """The geocoded place nearest the trigger within its own clause (between clause breaks)."""
        lo, hi = match.start, match.end
        while lo > 0 and self.norms[lo - 1] not in self.words.clause_breaks:
            lo -= 1
        while hi < len(self.tokens) and self.norms[hi] not in self.words.clause_breaks:
            hi += 1
        first, last = self.tokens[lo].start, self.tokens[hi - 1].end
        pivot = self.tokens[match.start].start
        inside = [p for p in self.places if first <= p.span.start and p.span.end <= last]
        return min(inside, key=lambda p: abs(p.span.start - pivot), default=None)

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
            if arg is not None and self._governing_prep(arg.mention) in preps:
                return self._expand_coordination(self._np_head(arg), backwards=False)
        return []

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

    def names_a_kind(self, match: TriggerMatch) -> bool:
        """"peraturan penindasan", "sistem petisi": an event noun classifying the abstract noun before it."""
        return (match.voice == "nominal" and match.start > 0
                and self.norms[match.start - 1] in self.words.kind_heads)

    def marked_reciprocal(self, match: TriggerMatch) -> bool:
        """"AS dan China saling menuduh": a reciprocal marker right before the trigger."""
        return match.start > 0 and self.norms[match.start - 1] in self.words.reciprocal_markers

    def has_possessor(self, match: TriggerMatch) -> bool:
        return bool(self._possessor(match.end))

    def _light_verb_left(self, start: int) -> int | None:
        """"mengadakan empat jam pembicaraan": a light verb a few words before the event noun."""
        for k in range(start - 1, max(-1, start - 1 - LIGHT_VERB_GAP), -1):
            if self.norms[k] in self.words.all_preps or self.norms[k] in self.words.clause_breaks:
                return None
            if (self.norms[k],) in self.light_verbs:
                return k
        return None

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

    def modality(self, match: TriggerMatch) -> list[str]:
        flags = self._mood(match.start)
        if "question" not in flags and self.norms and self.norms[0] in self.words.modality.get("question", ()):
            flags.append("question")  # "Apakah X menyerang Y?": the whole sentence is asked
        if match.voice == "nominal" and self._compared(match.start):
            flags.append("comparison")
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
            depth > 0 and self._purpose_of_requested(start, depth))
        flags: list[str] = ["requested"] if requested else []
        lo = max(0, start - self.words.modality_window)
        for k in range(start - 1, lo - 1, -1):
            norm = self.norms[k]
            if norm in self.words.modality_breaks and norm not in self.words.modality.get("negation", ()):
                break
            flags += [f for f, ws in self.words.modality.items()
                      if norm in ws and f not in ("denial", "comparison") and f not in flags]
        return flags

    def _compared(self, start: int) -> bool:
        """"(seperti demonstrasi di Moldova)": a comparison word in the clause before an event noun."""
        for k in range(start - 1, max(-1, start - 1 - self.words.modality_window), -1):
            if self.norms[k] in self.words.modality_breaks:
                return False
            if self.norms[k] in self.words.modality.get("comparison", ()):
                return True
        return False

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

    def place_near(self, match: TriggerMatch) -> Place | None:
        places = self.places
        if not places:
            return None
        pivot = self.tokens[match.start].start
        return min(places, key=lambda p: abs(p.span.start - pivot))


#: roots whose bare role-noun object is the subject's own asset ("mengerahkan pasukan", "mengirim polisi",
#: "menarik pasukan"), never its target; elsewhere it is the target ("menembak demonstran")
OWN_ASSET_ROOTS = frozenset({"06", "07", "08", "15"})
#: mention kinds that describe an actor by its role ("Menteri Luar Negeri Rusia", "juru bicara Kemlu China")
ROLE_KINDS = frozenset({"pattern", "description"})
#: relations inside a noun phrase: a mention there stands for the phrase's head ("pemerintah [Yaman]")
PHRASE_RELS = frozenset({"flat", "flat:name", "nmod", "nmod:poss", "compound", "appos", "amod"})


ROLE_LABELS = {"GOV": "authorities", "CVL": "civilians", None: "unattributed"}


def country_role_actor(country: str, name: str, role: str | None) -> Actor:
    """The actor a CAMEO convention supplies when the text names nobody: a country's authorities or
    civilians (or the country alone for None), coded by the country — "Iran (authorities)" → IRNGOV."""
    return Actor(None, f"{name} ({ROLE_LABELS.get(role, role)})", "ORG" if role == "GOV" else "GRP",
                 code=country + (role or ""), country=country, role=role)


__all__ = ["Arg", "CoderWords", "DocIndex", "SentenceContext", "country_role_actor"]
