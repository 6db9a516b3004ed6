"""`SentenceContext`: all the argument rules of one sentence together, and the questions the event
stage asks of a trigger (its arguments, modality, occurrence, place, whether it is inside a name).

Why a module of its own: the event stage sees one object per sentence and never which rule module
answers; the modules by argument kind are combined here, and only here.
"""

from __future__ import annotations

from peristiwa.extract.arguments.implicit import Implicit
from peristiwa.extract.arguments.nominal import Nominal
from peristiwa.extract.arguments.parsed import Parsed
from peristiwa.extract.arguments.passive import Passive
from peristiwa.extract.arguments.phrases import Arg, joined_rules
from peristiwa.extract.triggers import TriggerMatch

#: words before a country searched for a noun naming the country's side ("sumber senior Iran")
STATE_SIDE_REACH = 2
SENTENCE_OPENERS = frozenset({'"', "“", "‘", "(", "—", "-", ":"})  # a capital after these starts a clause


class SentenceContext(Passive, Nominal, Parsed, Implicit):
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

    def _window_arguments(self, match: TriggerMatch, root: str) -> tuple[list[Arg], list[Arg], str]:
        if match.voice == "passive":
            return self._passive(match)
        if match.voice == "nominal":
            return self._nominal(match, root)
        sources = self._subject(match.start)
        if match.theme and match.object_end is not None:
            # "menarik duta besar Kanada dari Riyadh": the envoy is the subject's own; the target is whom it leaves
            targets = self._after_prep(match.object_end, self.words.separative_preps)
            return sources, targets, f"args:active subject={joined_rules(sources)} target=dari(theme)"
        entry = self.lexicon.entries.get(match.entry_id)
        targets = self._object(match.end, root, locative=entry is not None and entry.locative_target)
        return sources, targets, f"args:active subject={joined_rules(sources)} object={joined_rules(targets)}"

    def names_a_kind(self, match: TriggerMatch) -> bool:
        """"peraturan penindasan", "sistem petisi": an event noun classifying the abstract noun before it."""
        return (match.voice == "nominal" and match.start > 0
                and self.norms[match.start - 1] in self.words.kind_heads)

    def marked_reciprocal(self, match: TriggerMatch) -> bool:
        """"AS dan China saling menuduh": a reciprocal marker right before the trigger."""
        return match.start > 0 and self.norms[match.start - 1] in self.words.reciprocal_markers

    def has_possessor(self, match: TriggerMatch) -> bool:
        return bool(self._possessor(match.end))

    def country_in_unknown_phrase(self, arg: Arg) -> bool:
        """"Para bloger Mesir", "pengguna Twitter Mesir", "Saudi Jeans": a bare country that does not head its noun
        phrase — a common noun the actor resolver knew nothing of before it, or a capitalised word after it — names
        where an unknown speaker is from, not the state that acted. A capitalised name before the country ("Komisi
        Pemilihan Umum Mesir") is more often a state body the knowledge base lacks, so it does not count. In a
        title-case headline capitals say nothing, so there it never holds."""
        if len(arg.actors) != 1 or arg.mention_index is None or self.title_case:
            return False
        actor = arg.actors[0]
        if actor.role is not None or actor.code is None or actor.code != actor.country:
            return False
        mention = arg.mention
        start, end = self.token_of.get(mention.span.start), self._token_ending_at(mention.span.end)
        if start is None or end is None:
            return False
        head = self._np_start(mention)
        if any(self.norms[k] in self.words.state_side_heads for k in range(max(0, head - STATE_SIDE_REACH), start)):
            return False  # "pihak Iran", "sumber senior Iran": the country's side speaks
        after = self.tokens[end + 1].text if end + 1 < len(self.tokens) else ""
        return self._modifies_noun(mention) or (after[:1].isupper() and self._mention_starting_at(end + 1) is None)

