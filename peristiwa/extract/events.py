"""The event coder: lexicon triggers + resolved actors → CAMEO events with provenance.

Arguments (source and target candidates of each trigger) come from `arguments.SentenceContext`;
this stage pairs them, applies modality and the CAMEO conventions, and records the rule of each.

Modality words in the clause before the trigger set flags; a negated event is kept for
inspection but marked, and never exported. No source → no event (unless asked), except where the
conventions supply one: an agentless protest is by the place's civilians, an agentless arrest by the
authorities, an event noun reported only as having happened ("kekerasan yang terjadi di Assam") is the
country's where it happened (unattributed, X → X). No target →
the CAMEO conventions (codebook/data/conventions.yaml) may supply one (a state's repression and an
unaddressed statement are domestic, a protest is against the own government); otherwise the event
is kept flagged `incomplete` and not exported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from peristiwa.codebook import Codebook
from peristiwa.extract.arguments import Arg, CoderWords, DocIndex, SentenceContext, country_role_actor
from peristiwa.extract.dates import event_date
from peristiwa.extract.triggers import Lexicon, TriggerMatch
from peristiwa.model import PLACE_TYPES, Actor, Document, Event, EventArg, Span

#: an arrest or a killing reported without its agent ("… ditangkap", "penangkapan …") is, by the CAMEO
#: jurisdiction convention (conventions.yaml), the act of the authorities: of the victims' country, or of the
#: country where it happened
AUTHORITIES_ROLE = "GOV"
#: tokens at most between an event noun heading a subject and its verb ("Ribuan demonstran Thailand berunjuk rasa")
SUBJECT_GAP = 3


class EventStage:
    """Pipeline stage "events"."""

    name = "events"

    def __init__(self, lexicon: Lexicon, codebook: Codebook, words: CoderWords) -> None:
        self.lexicon = lexicon
        self.codebook = codebook
        self.conventions = codebook.conventions
        self.words = words

    def __call__(self, doc: Document) -> None:
        index = DocIndex.build(doc, self.conventions.transnational)
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            if not tokens:
                continue
            ctx = SentenceContext(doc, sentence.index, tokens, self.words, self.lexicon, index)
            found = self.lexicon.find(tokens, keep_low=True)
            strong = [m for m in found if m.priority > 0]
            ctx.trigger_voices = {m.start: m.voice for m in strong or found}  # a trigger ends a phrase
            ctx.trigger_starts = set(ctx.trigger_voices)
            events = self._code_all(ctx, strong)
            weak = [m for m in found if m.priority <= 0]
            if not events:  # a plain speech verb counts when the stronger triggers yield no event
                events = self._code_all(ctx, weak)
            else:  # … and a generic event noun reported as having happened ("ketika kekerasan pecah") always
                events += self._code_all(ctx, [m for m in weak if ctx.occurrence(m) is not None])
            _propagate_denial(events)
            doc.events.extend(events)

    def _code_all(self, ctx: SentenceContext, found: list[TriggerMatch]) -> list[Event]:
        matches = [m for m in self._one_act_per_clause(_drop_embedded_objects(found, ctx), ctx)
                   if not ctx.inside_name(m) and not ctx.names_a_kind(m)]
        grievances = self._grievances(ctx, matches)
        absorbed = {verb for verb, _ in grievances.values()}
        return [e for m in matches if m not in absorbed for e in self._code(ctx, m, grievances.get(m))]

    def _grievances(self, ctx: SentenceContext, matches: list[TriggerMatch]
                    ) -> dict[TriggerMatch, tuple[TriggerMatch, list[Arg]]]:
        """Protests whose own phrase names no codable addressee (at most the place: "di Kuala Lumpur") but whose
        purpose clause names the grievance against one ("turun ke jalan untuk memprotes hukuman AS"):
        protest → (grievance verb, its targets).
        conventions.yaml `protest_target.grievance_roots`; the verb is absorbed into the protest."""
        rules, found = self.conventions, {}
        for protest in matches:
            if self.codebook.root(protest.code) not in rules.protest_target_roots:
                continue
            verb = next((m for m in matches if m.voice != "nominal" and m.start >= protest.end
                         and self.codebook.root(m.code) in rules.protest_grievance_roots
                         and ctx.purpose_clause_at(protest.end, m.start)), None)
            if verb is None:
                continue  # checked first: arguments are computed only for protests with a purpose clause
            own = _coded(ctx.arguments(protest, self.codebook.root(protest.code))[1])
            if own and not ctx.only_locative(own):
                continue
            targets = _coded(ctx.arguments(verb, self.codebook.root(verb.code))[1])
            if targets:
                found[protest] = (verb, targets)
        return found

    def _one_act_per_clause(self, matches: list[TriggerMatch], ctx: SentenceContext) -> list[TriggerMatch]:
        """"Ribuan demonstran berunjuk rasa di Bangkok" is one protest: an event noun heading the subject of a
        verb of the same CAMEO root names that verb's act, not a second one. The noun goes; the verb's rule
        records it (`one-act:noun=…`)."""
        kept = list(matches)
        for noun in matches:
            if noun.voice != "nominal":
                continue
            verb = next((m for m in kept if m.voice != "nominal" and m.start >= noun.end
                         and m.start - noun.end <= SUBJECT_GAP
                         and self.codebook.root(m.code) == self.codebook.root(noun.code)
                         and not ctx.clause_break_between(noun.end, m.start)), None)
            if verb is not None:
                kept.remove(noun)
                kept[kept.index(verb)] = replace(verb, rule=f"{verb.rule} one-act:noun={noun.form}")
        return self._without_instruments(kept, ctx)

    def _without_instruments(self, matches: list[TriggerMatch], ctx: SentenceContext) -> list[TriggerMatch]:
        """"Tentara membubarkan demonstran dengan gas air mata": force named after an instrumental preposition is
        the means of the forceful act before it in the clause (or of the one its purpose clause names: "menggunakan
        meriam air untuk membubarkan …"), not a second act (syntax.yaml `instrument_preps`,
        `force_roots`). The act's rule records it (`one-act:instrument=…`)."""
        kept = list(matches)
        for tool in matches:
            if self.codebook.root(tool.code) not in ctx.words.force_roots or not ctx.after_instrument_prep(tool):
                continue
            act = self._act_of_means(tool, kept, ctx)
            if act is not None:
                kept.remove(tool)
                kept[kept.index(act)] = replace(act, rule=f"{act.rule} one-act:instrument={tool.form}")
        return kept

    def _act_of_means(self, tool: TriggerMatch, kept: list[TriggerMatch], ctx: SentenceContext) -> TriggerMatch | None:
        """The forceful verbal act `tool` is the means of: the nearest before it in its clause, else the one a purpose
        clause right after it names ("menggunakan meriam air untuk membubarkan …")."""
        def forceful(m: TriggerMatch) -> bool:
            return m is not tool and m.voice != "nominal" and self.codebook.root(m.code) in ctx.words.force_roots
        before = (m for m in reversed(kept)
                  if forceful(m) and m.end <= tool.start and not ctx.clause_break_between(m.end, tool.start))
        after = (m for m in kept if forceful(m) and m.start >= tool.end and ctx.purpose_between(tool.end, m.start))
        return next(before, None) or next(after, None)

    def _code(self, ctx: SentenceContext, match: TriggerMatch,
              grievance: tuple[TriggerMatch, list[Arg]] | None = None) -> list[Event]:
        root = self.codebook.root(match.code)
        sources, targets, rule = ctx.arguments(match, root)
        if grievance is not None:
            targets, rule = grievance[1], f"{rule}; target=grievance({grievance[0].form})"
        if not sources and root in self.conventions.place_source_roots:
            sources = ctx.actor_of_place(match, self.conventions.place_source_role)
            rule += "; source=civilians-of-place" if sources else ""
        if not sources and root in self.conventions.jurisdiction_roots:
            sources, rule = self._agentless_authorities(ctx, match, targets, rule)
        unattributed = not sources and root in self.conventions.unattributed_roots
        if unattributed:
            sources, rule = self._unattributed(ctx, match, root, rule)
        if not sources:
            return []
        if len([a for arg in sources for a in arg.actors]) > 1 and all(t.rule.endswith("relative-agent")
                                                                        for t in targets):
            targets = []  # "Israel dan Hamas menyepakati … yang dimediasi Qatar": reciprocal, not towards Qatar
        code, flags, modal_rule = self._modal_code(match.code, ctx.modality(match))
        if modal_rule and all(arg.mention_index is None for arg in sources):
            # "situs itu akan diblokir": an announced act whose source only a convention supplies was
            # announced by nobody named — speculation, kept for inspection, not a threat or an intent
            code, flags, modal_rule = match.code, [*flags, SPECULATIVE], "modality:speculative(no stated source)"
        if modal_rule:
            rule = f"{rule}; {modal_rule}"
        if SERIES in flags:  # "liputan khusus tentang Protes di Suriah": the topic of a coverage series
            rule = f"{rule}; series-topic(label)"
        events = []
        reciprocal = self._acts_on_each_other(ctx, match, root, sources)
        for source_actor, source_arg, target_actor, target_arg, self_rule in _without_self_targets(
                _pairs(sources, targets, reciprocal)):
            # "menarik pasukannya" with no "dari X": whom they leave is unsaid, so no convention supplies it
            implicit = (None if match.theme else _unattributed_target(source_actor, target_actor)
                        if unattributed and source_actor.role is None
                        else self._implicit_target(root, source_actor, target_actor, _others_named(ctx, source_arg)))
            target_rule, event_flags = self_rule, flags
            commentary = target_actor is None and self._commentary(ctx, match, root, source_actor, source_arg)
            if commentary:
                implicit = None
                target_rule, event_flags = f"{self_rule}; commentary({commentary})", [*flags, COMMENTARY]
            elif implicit is not None:
                target_actor, target_rule = implicit[0], self_rule + implicit[1]
            elif (concerned := self._concerned_country(ctx, root, source_actor, target_actor)) is not None:
                target_actor, target_rule = concerned[0], f"{self_rule}; target=about({concerned[1]})"
            elif target_actor is None or target_actor.code is None:
                target_rule, event_flags = self._untargeted(root, source_actor, self_rule, flags)
            events.append(self._event(ctx, match, code, (source_actor, source_arg), (target_actor, target_arg),
                                      rule + target_rule, event_flags))
        return events

    def _commentary(self, ctx: SentenceContext, match: TriggerMatch, root: str, source: Actor, arg: Arg) -> str:
        """Why an unaddressed statement is commentary (conventions.yaml `commentary`), "" when it is not: a private
        person's, or a speaker known only by a country in a phrase the country does not head ("para bloger Mesir
        mengomentari …") — someone from there, not its state."""
        if root not in self.conventions.commentary_roots:
            return ""
        if self.conventions.is_commentary(root, source.role):
            return "private speaker"
        if match.voice != "nominal" and ctx.country_in_unknown_phrase(arg):
            return "unknown speaker of country"
        return ""

    def _acts_on_each_other(self, ctx: SentenceContext, match: TriggerMatch, root: str, sources: list[Arg]) -> bool:
        """Co-agents with no stated target act on each other in a mutual act (conventions.yaml: reciprocal), with
        a reciprocal marker ("saling") or as the two sides of "antara X dan Y"; co-agents of a passive ("diserang
        oleh X dan Y") or of a one-sided act acted together."""
        if match.voice == "passive":
            return False
        return (root in self.conventions.reciprocal_roots or ctx.marked_reciprocal(match)
                or any(arg.rule.endswith(":between") for arg in sources))

    def _concerned_country(self, ctx: SentenceContext, root: str, source: Actor, target: Actor | None
                           ) -> tuple[Actor, str] | None:
        """The country a transnational actor's unaddressed act is about (conventions.yaml `transnational_target`):
        the one state its sentence names, by an actor or a place; with none, the article's focus country."""
        rules = self.conventions
        if (target is not None and target.code is not None) or root not in rules.transnational_target_roots \
                or not rules.is_transnational(source.country):
            return None
        states = sorted(c for c in ctx.countries if not rules.is_transnational(c))
        if len(states) > 1:
            return None
        country, how = (states[0], "sentence") if states else (ctx.focus, "focus")
        return (country_role_actor(country, country, None), how) if country else None

    def _untargeted(self, root: str, source: Actor, rule: str, flags: list[str]) -> tuple[str, list[str]]:
        """An act with no second side: exported with an empty target when a transnational actor's act of
        that root stands on its own (conventions.yaml `unaddressed_export`), else kept, not exported."""
        rules = self.conventions
        if root in rules.unaddressed_roots and rules.is_transnational(source.country):
            return rule + "; target=none(unaddressed)", flags
        return rule + "; target=none(incomplete)", [*flags, INCOMPLETE]

    def _agentless_authorities(self, ctx: SentenceContext, match: TriggerMatch, targets: list[Arg],
                               rule: str) -> tuple[list[Arg], str]:
        """The authorities behind an act reported without its agent (conventions.yaml, jurisdiction): those of the
        patient's country, unless the patient is a foreigner where the act happened (`_foreign_ground`)."""
        state_act = self.conventions.is_state_act(match.code) and _reports_an_act(match)
        if match.voice == "passive" or state_act:
            sources = _authorities_of(targets)
            ground = self._foreign_ground(ctx, match, targets) if sources else None
            if ground:
                how = f"foreign patient, {ground[0].rule}"
                return ground, f"{rule}; source=jurisdiction(agentless {match.voice}, {how})"
            if sources:
                return sources, f"{rule}; source=jurisdiction(agentless {match.voice})"
        if state_act:  # "Rakhat Aliev divonis 40 tahun penjara", "pengguna internet di Iran ditangkap"
            # a patient of no stated country: where the act happened; an act on nobody named ("spesialis dalam
            # penindasan") is no report of one act there, only the nearest place may say where
            scene = _scene_authorities(ctx, match) if targets else []
            sources = scene or ctx.actor_of_place(match, AUTHORITIES_ROLE)
            if sources:
                return sources, f"{rule}; source=jurisdiction(agentless {match.voice}, {sources[0].rule})"
        return [], rule

    @staticmethod
    def _foreign_ground(ctx: SentenceContext, match: TriggerMatch, targets: list[Arg]) -> list[Arg] | None:
        """The authorities of where an agentless coercion or assault on foreigners happened ("warga Amerika itu
        dijatuhi hukuman penjara di Kairo", "tiga pria Yaman dieksekusi di Riyadh"): the country of a locative place
        in the trigger's clause, else the article's focus country. The patient's nationality is a sign of
        foreignness only when it differs from that country, and only for people: a country named as the patient on
        its own ("pengguna internet di … Vietnam ditangkap") is where it happened, one after a noun ("pria Yaman") a
        nationality. With no such country ("aktivis Mesir ditangkap") the patient's own authorities stand."""
        patient_arg = _patient_of(targets)
        if patient_arg is None or (any(a.type in PLACE_TYPES for a in patient_arg.actors)
                                   and not ctx.modifies_a_noun(patient_arg.mention.span)):
            return None
        patient = next(a.country for a in patient_arg.actors if a.country)
        ground = _scene_authorities(ctx, match)
        return ground if ground and ground[0].actors[0].country != patient else None

    def _unattributed(self, ctx: SentenceContext, match: TriggerMatch, root: str, rule: str
                      ) -> tuple[list[Arg], str]:
        """Who is behind an event reported only as having happened ("kekerasan yang terjadi di Assam"):
        the country where it happened — its civilians for a protest, its authorities for a state act, else
        the country alone (conventions.yaml, unattributed)."""
        if ctx.occurrence(match) is None:
            return [], rule
        role = None
        if root in self.conventions.place_source_roots:
            role = self.conventions.place_source_role
        elif self.conventions.is_state_act(match.code):
            role = AUTHORITIES_ROLE
        sources = ctx.actor_of_occurrence(match, role)
        return sources, (f"{rule}; source=unattributed({sources[0].rule})" if sources else rule)

    def _implicit_target(self, root: str, source: Actor, target: Actor | None,
                         named: frozenset[str]) -> tuple[Actor, str] | None:
        """The target CAMEO's conventions give an act whose report leaves it unknown (conventions.yaml).

        Repression by a state's own forces of an unknown name (or of nobody named) is domestic:
        X → X; a protest with no addressee (or an unknown one) is addressed to the protesters' own government; any
        other unaddressed act of a national actor whose root needs no second party (a statement,
        a demand, a rejection) is its own country's affair: X → X.
        Returns None when the stated target stands or no convention applies.
        """
        rules = self.conventions
        country = source.country if not rules.is_transnational(source.country) else None
        if (target is not None and target.code is not None) or not country:
            return None
        is_state = source.role in rules.state_roles or (source.role is None and source.code == country)
        if is_state and not (target is None and named - {country}) and (
                root in rules.jurisdiction_roots or (root in rules.jurisdiction_named_roots and target is not None)):
            return _domestic(country, target), "; target=jurisdiction"
        if root in rules.protest_target_roots and (target is None or target.code is None):
            code = country + rules.protest_target_role
            return (Actor(None, code, "ORG", code=code, country=country, role=rules.protest_target_role),
                    "; target=protest-own-government")
        if root in rules.domestic_target_roots and not named - {country}:
            return _domestic(country, target), "; target=domestic(no addressee)"
        return None

    def _recalled(self, doc: Document, stated_date: str | None) -> bool:
        """The event's clause dates it years before the article: background (conventions.yaml)."""
        published = doc.article.published
        return (stated_date is not None and published is not None and stated_date[:4].isdigit()
                and self.conventions.is_background(int(stated_date[:4]), published.year))

    def _modal_code(self, code: str, flags: list[str]) -> tuple[str, list[str], str]:
        """CAMEO codes what was announced, refused or threatened as such (codebook/data/modality.yaml).

        A refused act ("menolak bertemu", "tidak akan melucuti") is a rejection, not a negated act;
        an announced one ("akan mengunjungi") an intent; an announced or conditional harm a threat.
        Returns the code, the flags left, and the rule that explains a change ("" for none).
        """
        negated = "negation" in flags
        if "requested" in flags:  # "meminta X untuk segera V": the demand is the event, not X's own intent
            return code, flags, ""
        if HYPOTHETICAL in flags:  # "jika Korea Utara menyerang, …": the condition, supposed, neither threat nor act
            return code, [f for f in flags if f != "conditional"], "modality:hypothetical(condition clause)"
        if negated and ("refusal" in flags or "future" in flags):
            kind = "refusal"
        elif negated:
            return code, flags, ""
        elif "future" in flags or "conditional" in flags:
            kind = "threat" if self.codebook.modal_code(code, "threat") else "intent"
        else:
            return code, flags, ""
        modal = self.codebook.modal_code(code, kind)
        if modal is None:
            return code, flags, ""
        kept = [f for f in flags if f not in ("negation", "refusal", "conditional")] + [kind]
        return modal, kept, f"modality:{kind} {code}→{modal}"

    def _event(self, ctx: SentenceContext, match: TriggerMatch, code: str, source: tuple[Actor, Arg],
               target: tuple[Actor | None, Arg | None], rule: str, flags: list[str]) -> Event:
        info = self.codebook.get(code)
        trigger = ctx.doc.span(ctx.tokens[match.start].start, ctx.tokens[match.end - 1].end)
        target_actor, target_arg = target
        confidence = source[1].mention.confidence * (target_arg.mention.confidence if target_arg else 1.0)
        stated_date = event_date(ctx.doc, ctx.index, near=trigger.start)
        if self._recalled(ctx.doc, stated_date):
            flags, rule = [*flags, BACKGROUND], f"{rule}; background(dated {stated_date})"
        return Event(
            sentence=ctx.index,
            code=info.code,
            trigger=trigger,
            source=EventArg(source[0], source[1].mention.span, source[1].mention_index),
            target=_target_arg(target_actor, target_arg, trigger),
            base_code=info.base,
            root_code=info.root,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            plover_type=info.plover_type,
            plover_mode=info.plover_mode,
            label=info.name_en,
            date=stated_date or _iso(ctx.doc),
            place=ctx.place_near(match),
            lexicon_id=match.entry_id,
            rule=f"{match.rule}; {rule}",
            modality=[f for f in flags if f != "negation"],
            negated="negation" in flags,
            confidence=round(confidence * (0.8 if flags else 1.0), 3),
        )


#: flag of an announced act whose source only a convention supplies (nobody named announced it)
SPECULATIVE = "speculative"
#: flag of an act inside a condition clause ("jika X menyerang Y, …"): supposed, not reported (modality.yaml)
HYPOTHETICAL = "hypothetical"
#: demanded, denied, speculated, asked, supposed
NOT_HAPPENED = frozenset({"denied", "requested", SPECULATIVE, "question", HYPOTHETICAL})
#: flag of an event whose root needs a target the text does not give (conventions.yaml: domestic_target)
INCOMPLETE = "incomplete"
#: flag of a private person's unaddressed statement (conventions.yaml: commentary): not a political event
COMMENTARY = "commentary"
#: flag of an event noun brought in as a comparison ("seperti demonstrasi di Moldova"): background, not reported
COMPARISON = "comparison"
#: flag of an event noun naming the topic of a coverage series ("liputan khusus tentang Protes di Suriah"): a label
SERIES = "series"
#: flag of an act described as what an actor often or usually does: a characterisation, not a reported act
HABITUAL = "habitual"
#: flag of an act its own clause dates years before the publication (conventions.yaml `background`)
BACKGROUND = "background"
NOT_EXPORTED = NOT_HAPPENED | {INCOMPLETE, COMMENTARY, COMPARISON, SERIES, HABITUAL, BACKGROUND}


def is_resolved(event: Event) -> bool:
    """An event is exportable when its source is a coded actor, it has both sides of its dyad (or
    needs no second one), it was not negated, and no `NOT_EXPORTED` flag says it was not reported as
    happening (denied, demanded, asked, a comparison, a habit, a forecast, commentary)."""
    return (event.source is not None and event.source.actor.code is not None
            and not event.negated and not NOT_EXPORTED & set(event.modality))


def _propagate_denial(events: list[Event]) -> None:
    """In "X menuduh Y melakukan Z, klaim yang dibantah oleh Y", the alleged Z is denied too."""
    if any("denies-claim" in e.modality for e in events):
        for event in events:
            if "alleged" in event.modality and "denied" not in event.modality:
                event.modality.append("denied")


def _drop_embedded_objects(matches: Sequence[TriggerMatch], ctx: SentenceContext) -> list[TriggerMatch]:
    """A nominal trigger right after a verbal one is its object ("menandatangani perjanjian") — unless
    it names its own actor: in "mengecam serangan Israel" the attack is an event of its own."""
    kept: list[TriggerMatch] = []
    for match in sorted(matches, key=lambda m: m.start):
        if (kept and match.voice == "nominal" and kept[-1].voice != "nominal" and match.start - kept[-1].end <= 2
                and not ctx.has_possessor(match)):
            continue
        kept.append(match)
    return kept


def _coded(args: list[Arg]) -> list[Arg]:
    """The candidates that name at least one actor with a code."""
    return [arg for arg in args if any(actor.code for actor in arg.actors)]


def _domestic(country: str, target: Actor | None) -> Actor:
    """The target of a domestic act: the unknown named target placed in `country`, else the country."""
    if target is None:
        return Actor(None, country, "LOC", code=country, country=country)
    return Actor(None, target.name, target.type, code=country, country=country)


def _unattributed_target(source: Actor, target: Actor | None) -> tuple[Actor, str] | None:
    """An event of a country, no one in it named, with no stated target is the country's own affair: X → X
    (conventions.yaml, unattributed). Civilians' protests and state acts keep their own conventions."""
    if (target is not None and target.code is not None) or source.country is None:
        return None
    return _domestic(source.country, target), "; target=domestic(unattributed)"


def _pairs(sources: list[Arg], targets: list[Arg], reciprocal: bool = True
           ) -> Iterable[tuple[Actor, Arg, Actor | None, Arg | None]]:
    source_actors = [(actor, arg) for arg in sources for actor in arg.actors]
    target_actors = [(actor, arg) for arg in targets for actor in arg.actors]
    if reciprocal and len(source_actors) >= 2 and all(actor.code is None for actor, _ in target_actors):
        # "Pasukan Armenia dan Azerbaijan bertempur di Nagorno Karabakh": an unknown name the coder cannot code
        # (here a place the gazetteer lacks) does not stand between co-agents of a mutual act
        target_actors = []
    if target_actors:
        for s_actor, s_arg in source_actors:
            for t_actor, t_arg in target_actors:
                yield s_actor, s_arg, t_actor, t_arg
    elif reciprocal and len(source_actors) >= 2:  # "Xi dan Putin bertemu": each towards the other
        for s_actor, s_arg in source_actors:
            for t_actor, t_arg in source_actors:
                if t_actor is not s_actor:
                    yield s_actor, s_arg, t_actor, t_arg
    else:
        for s_actor, s_arg in source_actors:
            yield s_actor, s_arg, None, None


def _without_self_targets(pairs: Iterable[tuple[Actor, Arg, Actor | None, Arg | None]]
                          ) -> Iterable[tuple[Actor, Arg, Actor | None, Arg | None, str]]:
    """Self-directed pairs go; a source left with no other party keeps the event without a target.

    "Maduro mengumumkan kematian Chávez" (both VENGOV) is an announcement with no addressee, coded by the
    domestic convention (or kept incomplete), not dropped; "Xi bertemu Putin dan pejabat Beijing" keeps
    only Xi → Putin. The returned rule note says a target was dropped as the source itself."""
    pairs = list(pairs)
    addressed = {id(s) for s, _, t, _ in pairs if t is not None and not _same_actor(s, t)}
    for source_actor, source_arg, target_actor, target_arg in pairs:
        if target_actor is None or not _same_actor(source_actor, target_actor):
            yield source_actor, source_arg, target_actor, target_arg, ""
        elif id(source_actor) not in addressed:
            yield source_actor, source_arg, None, None, "; target=self(dropped)"


def _reports_an_act(match: TriggerMatch) -> bool:
    """A passive verb, or a noun derived from the verb by a nominalising affix ("penangkapan",
    "pembunuhan"): a report of one act. Bare or listed nouns ("terorisme", "kekerasan") name a kind of
    act or a topic, and get no agent by convention."""
    return match.voice == "passive" or (match.voice == "nominal" and match.affix.endswith("-an"))


def _others_named(ctx: SentenceContext, source: Arg) -> frozenset[str]:
    """Countries the sentence names, against which a stated source's act with nobody named is not
    domestic ("Pasukan Israel menyerang Gaza, membunuh ratusan orang": not Israel's own people). A source
    a convention supplied (the authorities of the place, no mention of its own) is about that place."""
    return ctx.countries if source.mention_index is not None else frozenset()


def _scene_authorities(ctx: SentenceContext, match: TriggerMatch) -> list[Arg]:
    """The authorities of where a state act happened: a place a locative governs in the trigger's clause, else
    the article's focus country; none when neither is known."""
    scene = ctx.scene_in_clause(match)
    in_scene = ctx.actor_of_country_at(scene, AUTHORITIES_ROLE) if scene is not None else []
    return in_scene or ctx.actor_of_focus(match, AUTHORITIES_ROLE)


def _patient_of(targets: list[Arg]) -> Arg | None:
    """The first patient whose actors all belong to one country, the one the jurisdiction convention reads."""
    return next((arg for arg in targets if len({a.country for a in arg.actors if a.country}) == 1), None)


def _authorities_of(targets: list[Arg]) -> list[Arg]:
    """"Aktivis Mesir ditangkap": with no agent, the arrest is by the authorities of the patient's country."""
    arg = _patient_of(targets)
    if arg is None:
        return []
    country = next(a.country for a in arg.actors if a.country)
    return [Arg([country_role_actor(country, country, AUTHORITIES_ROLE)], None, arg.mention, "jurisdiction")]


def _target_arg(actor: Actor | None, arg: Arg | None, trigger: Span) -> EventArg | None:
    """The event's target; an implicit one (no mention of its own) points at the trigger implying it."""
    if actor is None:
        return None
    if arg is None:
        return EventArg(actor, trigger, None)
    return EventArg(actor, arg.mention.span, arg.mention_index)


def _same_actor(a: Actor, b: Actor) -> bool:
    """Self-directed events are dropped: same KB entry, or the same actor code (Xi and Beijing)."""
    if a.kb_id is not None and a.kb_id == b.kb_id:
        return True
    return a.code is not None and a.code == b.code


def _iso(doc: Document) -> str | None:
    return doc.article.published.isoformat() if doc.article.published else None
