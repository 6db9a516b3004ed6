"""Arguments from the dependency parse (extract/depargs.py), when the sentence was parsed: the actor
behind each argument token the parse gives.

Why a module of its own: the parse is a second, optional source of arguments; turning its tokens into
actors (mentions, places, a quote's speaker) is apart from the word-order rules it overrides.
"""

from __future__ import annotations

from collections.abc import Sequence

from peristiwa.extract.arguments.phrases import Arg, Phrases
from peristiwa.extract.depargs import DepArg, DepArgs, active_args, nominal_args, passive_args
from peristiwa.extract.triggers import TriggerMatch

#: relations inside a noun phrase: a mention there stands for the phrase's head ("pemerintah [Yaman]")
PHRASE_RELS = frozenset({"flat", "flat:name", "nmod", "nmod:poss", "compound", "appos", "amod"})


class Parsed(Phrases):
    """Source and target candidates from the parse."""

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
