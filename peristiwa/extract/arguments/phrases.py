"""Candidate arguments (`Arg`) and the noun phrases around a token: which actor a mention stands for,
where its phrase starts, its head, and the preposition that governs it.

Why a module of its own: every argument rule, whatever the voice, ends by asking which actor's phrase
ends or starts at a token; this is the one place that answers it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peristiwa.extract.arguments.sentence import SentenceView
from peristiwa.model import Actor, Mention, Quote

MAX_TITLE_TOKENS = 4  # capitalised title words skipped to reach a name ("Perdana Menteri Jepang …")
#: the title a name was matched with, as the mention rule records it ("kb:alias+title:pemimpin oposisi")
TITLE_IN_RULE = re.compile(r"(?:\+title:|title\+name:)([^:;]+)")
MAX_HEAD_NOUNS = 2  # common nouns between a preposition and the actor it governs ("ke kota-kota Ukraina")


@dataclass
class Arg:
    """A candidate argument: the actor(s) behind one mention."""

    actors: list[Actor]
    mention_index: int | None
    mention: Mention
    rule: str


class Phrases(SentenceView):
    """Actor noun phrases around a token of the sentence."""

    def _arg_from(self, index: int, mention: Mention, rule: str) -> Arg | None:
        if mention.members:
            return Arg(list(mention.members), index, mention, rule + ":group")
        if mention.actor is not None:
            return Arg([mention.actor], index, mention, rule)
        if mention.kind != "name":
            return None
        place = self.place_of(mention.span)
        if place is not None and place.country:  # "mengunjungi Bali" → the country visited
            actor = Actor(None, mention.span.text, "LOC", code=place.country, country=place.country)
            return Arg([actor], index, mention, rule + ":place")
        # an unknown name: kept, coded only with --include-unresolved
        return Arg([Actor(None, mention.span.text, mention.type)], index, mention, rule + ":unlinked")

    def _mention_ending_at(self, k: int) -> Arg | None:
        """The outermost mention ending at token `k` ("Kementerian Luar Negeri China", not "China")."""
        end = self.tokens[k].end
        ending = [(i, m) for i, m in self.mentions if m.span.end == end]
        for index, mention in sorted(ending, key=lambda im: im[1].span.start):
            arg = self._arg_from(index, mention, mention.kind)
            if arg is not None:
                return arg
        return None

    def _mention_starting_at(self, k: int) -> Arg | None:
        if not 0 <= k < len(self.tokens):
            return None  # past the sentence end (e.g. a mention that ends the text)
        start = self.tokens[k].start
        for index, mention in self.mentions:
            if mention.span.start == start:
                return self._arg_from(index, mention, mention.kind)
        return None

    def _np_start(self, mention: Mention) -> int:
        """Token index where the mention's noun phrase starts (titles like "Perdana Menteri" included, and the
        lower-case title a name was matched with: "pemimpin oposisi Raila Odinga")."""
        k = self.token_of.get(mention.span.start, 0)
        title = TITLE_IN_RULE.search(mention.rule)
        words = title.group(1).lower().split() if title else []
        if words and k >= len(words) and self.norms[k - len(words) : k] == words:
            k -= len(words)
        while k > 0 and self.tokens[k - 1].text[:1].isupper() and self.norms[k - 1] not in self.words.all_preps:
            k -= 1
        return k

    def _np_head(self, arg: Arg) -> Arg:
        """Apposition "Perdana Menteri Jepang Fumio Kishida": the last of adjacent mentions is the head."""
        while True:
            k_end = self._token_ending_at(arg.mention.span.end)
            nxt = self._mention_starting_at(k_end + 1) if k_end is not None else None
            if nxt is None:
                return arg
            arg = nxt

    def _next_np_mention(self, k: int) -> Arg | None:
        """The actor heading the phrase at `k`, skipping a capitalised title ("Perdana Menteri India Modi")."""
        for j in range(k, min(len(self.tokens), k + MAX_TITLE_TOKENS + 1)):
            arg = self._mention_starting_at(j)
            if arg is not None:
                return self._np_head(arg)
            if not self.tokens[j].text[:1].isupper() or self.norms[j] in self.words.all_preps:
                return None  # a preposition is never a title word, even capitalised in a headline ("Kepada")
        return None

    def _np_at(self, k: int) -> Arg | None:
        """The actor of the noun phrase at `k` ("para petani": listed modifiers skipped): a mention
        (after a title) or a geocoded place."""
        while k < len(self.tokens) - 1 and self.norms[k] in self.words.nominal_modifiers:
            k += 1
        return self._next_np_mention(k) or self._place_at(k)

    def _place_at(self, k: int) -> Arg | None:
        """A geocoded place that is no actor mention ("perjalanan ke Mariupol"): its country is the target."""
        place = self.places_by_start.get(self.tokens[k].start)
        if place is None or not place.country:
            return None
        actor = Actor(None, place.name, "LOC", code=place.country, country=place.country)
        return Arg([actor], None, Mention(place.span, "LOC", self.index, "name", actor, place.rule), "place")

    def _issuing_verb(self, noun: int) -> int | None:
        """The verb right before a document noun ("mengeluarkan [sebuah] pernyataan", syntax.yaml
        `document_nouns`) that issues it, if any: its subject is the author, its mood the text's."""
        if noun < 1 or self.norms[noun] not in self.words.document_nouns:
            return None
        verb = noun - 1
        while verb > 0 and self.norms[verb] in self.lexicon.fillers:
            verb -= 1
        return verb if self._is_verbal(verb) and not self._after_relative(verb) else None

    def only_locative(self, args: list[Arg]) -> bool:
        """Every candidate is the place of the act ("di Kuala Lumpur"), none an addressee."""
        return all(arg.mention is not None and self._governing_prep(arg.mention) in self.words.attack_locatives
                   for arg in args)

    def _governing_prep(self, mention: Mention) -> str | None:
        """The preposition heading the mention's phrase; "di depan X" counts as "di"."""
        k = self._np_start(mention)
        if self._after_connective(k):
            return None
        if k > 1 and self.norms[k - 1] in self.words.locative_nouns and self.norms[k - 1] not in self.words.all_preps:
            k -= 1  # "dalam" is a locative noun after "di" and a preposition of its own: "… dalam Lok Sabha"
        for _ in range(MAX_HEAD_NOUNS + 1):  # "ke kota-kota Ukraina": the preposition governs the phrase
            if k == 0:
                return None
            before = self.norms[k - 1]
            if before in self.words.all_preps:
                return None if self._conjunction_subject(before, mention) else before
            if (not before.isalpha() and "-" not in before) or self._is_verbal(k - 1):
                return None
            k -= 1
        return None

    def _conjunction_subject(self, word: str, mention: Mention) -> bool:
        """"karena Kolombia dan Ekuador menandatangani …": a word that is a preposition and a conjunction
        (karena, sebelum, setelah) before actors followed by a predicate opens a clause; they are its subject.
        "karena tuduhan Jepang" stays a prepositional phrase."""
        if word not in self.words.clause_breaks:
            return False
        k = self._token_ending_at(mention.span.end)
        while k is not None and k + 2 < len(self.tokens) and self.norms[k + 1] in self.words.coordinators:
            other = self._mention_starting_at(k + 2)
            k = self._token_ending_at(other.mention.span.end) if other is not None else None
        return k is not None and k + 1 < len(self.tokens) and self._is_predicate(self._skip_adverbs_right(k + 1))

    def _governed(self, mention: Mention) -> bool:
        return self._governing_prep(mention) is not None

    def _modifies_noun(self, mention: Mention) -> bool:
        """"kekuatan Barat": an actor right after a common noun is its possessor, not a subject."""
        k = self._np_start(mention)
        if k == 0 or self._after_connective(k):
            return False
        before = self.norms[k - 1]
        return (self.tokens[k - 1].text[:1].islower() and before.isalpha()
                and before not in self.words.coordinators and before not in self.words.all_preps
                and before not in self._clause_openers
                and not (len(before) > 4 and before.startswith(self.words.verb_prefixes)))

    def _speaker_arg(self, quote: Quote) -> list[Arg]:
        if quote.speaker is None or quote.speaker_mention is None:
            return []
        mention = self.doc.mentions[quote.speaker_mention]
        rule = "quote-speaker" if quote.sentence == self.index else "quote-speaker:continued"
        return [Arg([quote.speaker], quote.speaker_mention, mention, rule)]


def joined_rules(args: list[Arg]) -> str:
    """The rules of a side's candidates for the event's `rule` string ("none" for no candidate)."""
    return "+".join(a.rule for a in args) or "none"
