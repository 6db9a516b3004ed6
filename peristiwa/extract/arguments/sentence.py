"""One sentence as the argument rules see it, and the token-level tests every rule shares.

Why a module of its own: the tokens, mentions, quotes, places and parse of a sentence are looked up
once, and the small questions about a single token (is it an adverb, a verb, a predicate heading a
clause, a demand verb's complement?) are asked by the subject, object, nominal and modality rules alike.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from peristiwa.extract.arguments.document import DocIndex
from peristiwa.extract.arguments.words import CoderWords
from peristiwa.extract.casing import is_title_case
from peristiwa.extract.depargs import TreeView
from peristiwa.extract.triggers import Lexicon, TriggerMatch
from peristiwa.model import Document, Mention, Place, Quote, Sentence, Span, Token

ARG_WINDOW = 10  # tokens searched to the right of a trigger for its target
SUBJECT_WINDOW = 14  # tokens searched to the left for the subject
PURPOSE_REACH = 6  # tokens from an act to the purpose preposition of its own clause


class SentenceView:
    """Everything the argument rules need about one sentence, computed once, and tests on its tokens."""

    def __init__(self, doc: Document, index: int, tokens: list[Token], words: CoderWords,
                 lexicon: Lexicon, doc_index: DocIndex) -> None:
        self.doc, self.index, self.tokens, self.words = doc, index, tokens, words
        self.lexicon = lexicon
        self.light_verbs = lexicon.light_verbs
        self.trigger_starts: set[int] = set()
        self.trigger_voices: dict[int, str] = {}
        self.norms = [t.norm for t in tokens]
        self.mentions = doc_index.mentions.get(index, [])
        self.token_of = {t.start: k for k, t in enumerate(tokens)}
        self.quotes = [q for q in doc_index.quotes.get(index, []) if q.kind == "direct"]
        self.places = doc_index.places.get(index, [])
        self.places_by_start = {p.span.start: p for p in self.places}
        self.title_case = is_title_case([t.text for t in tokens])
        self.tree = sentence_tree(doc, doc.sentences[index], self.norms)
        self.light_heads = frozenset(phrase[0] for phrase in self.light_verbs)
        self.focus = doc_index.focus

    @functools.cached_property
    def countries(self) -> frozenset[str]:
        """Countries the sentence names; only needed when an event lacks a target, so computed lazily."""
        return _countries_named(self.mentions, self.places)

    def place_of(self, span: Span) -> Place | None:
        """The geocoded place at a name: the one starting there, else one holding it ("Jalur Gaza" for an
        NER "Gaza"), so a name inside a longer place name still codes as the place's country."""
        place = self.places_by_start.get(span.start)
        if place is not None:
            return place
        return next((p for p in self.places if p.span.start <= span.start and span.end <= p.span.end), None)

    def _token_ending_at(self, offset: int) -> int | None:
        return next((k for k, t in enumerate(self.tokens) if t.end == offset), None)

    def _skip_adverbs(self, k: int) -> int:
        """Index of the first token at or before `k` that is not an adverb/auxiliary ("tetap", "akan")."""
        while k >= 0 and self.norms[k] in self.words.adverbs:
            k -= 1
        return k

    def _skip_adverbs_right(self, k: int) -> int:
        """Index of the first token at or after `k` that is not an adverb/auxiliary ("juga", "akan")."""
        while k < len(self.tokens) - 1 and self.norms[k] in self.words.adverbs:
            k += 1
        return k

    def _is_verbal(self, k: int) -> bool:
        norm = self.norms[k]
        if k in self.trigger_voices:
            return self.trigger_voices[k] != "nominal"
        return len(norm) > 4 and norm.startswith(self.words.verb_prefixes)

    def _is_predicate(self, k: int) -> bool:
        """A verb that heads a clause: a verbal trigger, or a lower-case word with a verb prefix."""
        if k in self.trigger_voices:
            return self.trigger_voices[k] != "nominal"
        return self.tokens[k].text[:1].islower() and self._is_verbal(k) and self.norms[k] not in self._not_verbs

    @functools.cached_property
    def _not_verbs(self) -> frozenset[str]:
        """Function words that look like verbs by their prefix ("terhadap", "tersebut", "terakhir")."""
        w = self.words
        return w.all_preps | w.adverbs | w.demonstratives | w.nominal_modifiers | w.clause_breaks

    def _after_relative(self, k: int) -> bool:
        """"pidato yang berapi-api": the predicate of a relative clause, not of the sentence."""
        before = self._skip_adverbs(k - 1)
        return before >= 0 and self.norms[before] in self.words.relative

    def _after_connective(self, k: int) -> bool:
        """"Maka dari itu PBB mengundang …": the words before token `k` are a sentence connective, so the
        phrase at `k` opens the clause — the connective's preposition governs only its demonstrative."""
        return any(len(c) <= k and tuple(self.norms[k - len(c) : k]) == c for c in self.words.connectives)

    @functools.cached_property
    def _clause_openers(self) -> frozenset[str]:
        """Words after which an actor starts a clause ("agar Yunani menghentikan …", "bahwa Guatemala dan
        Nikaragua mengakui …", "setelah Mesir menutup …"), so no noun it could be the possessor of."""
        return self.words.complement_markers | self.words.clause_breaks

    def _common_noun(self, k: int) -> bool:
        """A lower-case word that can continue a noun phrase: no preposition, clause word, verb or name."""
        norm, w = self.norms[k], self.words
        return (self.tokens[k].text[:1].islower() and norm.replace("-", "").isalpha() and not self._is_verbal(k)
                and norm not in w.all_preps | w.coordinators | w.clause_breaks | w.relative | w.demonstratives)

    def _demand_verb(self, trigger_start: int) -> int | None:
        """"X meminta Y untuk V": the demand verb whose untuk/agar complement V starts at `trigger_start`."""
        marker = self._skip_adverbs(trigger_start - 1)
        if marker < 1 or self.norms[marker] not in self.words.complement_markers:
            return None
        for k in range(marker - 1, max(-1, marker - 1 - SUBJECT_WINDOW), -1):
            if self.norms[k] in self.words.object_control:
                return k
            if self.norms[k] in self.words.clause_breaks or self.tokens[k].text in {",", "."} or self._is_predicate(k):
                return None
        return None

    def _quote_at(self, offset: int) -> Quote | None:
        return next((q for q in self.quotes if q.span.start <= offset < q.span.end), None)

    def _in_quote(self, k: int, quote: Quote | None) -> bool:
        return quote is not None and quote.span.start <= self.tokens[k].start < quote.span.end

    def after_instrument_prep(self, match: TriggerMatch) -> bool:
        """The trigger follows a word that introduces the means of an act ("dengan gas air mata")."""
        return match.start > 0 and self.norms[match.start - 1] in self.words.instrument_preps

    def purpose_between(self, start: int, end: int) -> bool:
        """Only a few words and a purpose preposition ("untuk", "guna") stand in [start, end)."""
        return 0 < end - start <= 3 and any(self.norms[k] in self.words.purpose_preps for k in range(start, end)) \
            and not self.clause_break_between(start, end)

    def purpose_clause_at(self, start: int, end: int) -> bool:
        """The word before `end` opens a purpose clause ("untuk", "guna") in the clause of `start`, at most
        PURPOSE_REACH words on ("menggelar protes di depan kedutaan untuk menentang …")."""
        return 0 < end - start <= PURPOSE_REACH and self.norms[end - 1] in self.words.purpose_preps \
            and not self.clause_break_between(start, end)

    def clause_break_between(self, start: int, end: int) -> bool:
        """A clause boundary word or punctuation mark among the tokens [start, end)."""
        return any(self.norms[k] in self.words.clause_breaks or self.tokens[k].text in {",", ";", ":"}
                   for k in range(start, end))


def sentence_tree(doc: Document, sentence: Sentence, norms: Sequence[str]) -> TreeView | None:
    """The sentence's parse as sentence-local indices, or None when the sentence was not parsed."""
    first, n = sentence.token_start, sentence.token_end - sentence.token_start
    deps = [doc.dependencies.get(first + k) for k in range(n)]
    if not deps or any(d is None for d in deps):
        return None
    heads = [d.head - first if d is not None and first <= d.head < first + n else -1 for d in deps]
    return TreeView(heads, [d.deprel if d is not None else "" for d in deps], norms)


def _countries_named(mentions: Sequence[tuple[int, Mention]], places: Sequence[Place]) -> frozenset[str]:
    """Every country a sentence names, through an actor (or group member) or a geocoded place: an
    unaddressed act is domestic only in a sentence that names no other country."""
    actors = [m.actor for _, m in mentions if m.actor is not None] + [a for _, m in mentions for a in m.members]
    return frozenset(c for c in [a.country for a in actors] + [p.country for p in places] if c)
