"""Reported speech: direct quotes with their speaker, and indirect speech.

A direct quote's speaker is found, in order of preference, by
1. an attribution after it: `“…,” kata Xi` (or `tambahnya`, whose -nya is the previous
   speaker or the person in focus);
2. a speech verb before it in the same sentence: `Putin mengatakan dia “…”` — the speaker
   is the nearest actor mention before the verb that is not inside another quote;
3. `menurut X` anywhere in the sentence;
4. continuation: an unattributed quote opening a sentence right after a quoted sentence
   keeps that speaker (quotes split across sentences).
Indirect speech is `X mengatakan (bahwa) …` with no quote marks; its span is the clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peristiwa.lang.pack import LanguagePack
from peristiwa.model import Actor, Document, Mention, Quote, Span, Token

#: A quote never crosses a paragraph (a blank line) and never contains a second opening mark of its
#: own kind: with unbalanced typographic quotes (an opening “ whose ” was lost) the regex would
#: otherwise run to the next closing mark, paragraphs later, and attribute a page of text.
QUOTE_RE = re.compile(
    r"“(?P<a>(?:[^”“\n]|\n(?![ \t]*\n)){1,3000})”"
    r"|\"(?P<b>[^\"\n]{1,3000})\""
    r"|«(?P<c>(?:[^»«\n]|\n(?![ \t]*\n)){1,3000})»"
    r"|(?:(?<=^)|(?<=[\s(\[]))‘(?P<d>[^’\n]{1,3000})’(?![a-z])",
    re.MULTILINE,
)
MAX_VERB_TO_SPEAKER = 8  # tokens between an after-quote verb and its speaker
MAX_SPEAKER_TO_VERB = 4  # tokens between a speaker and an indirect-speech verb
MIN_SINGLE_QUOTE_WORDS = 3  # ‘Two Words’ in single quotes are usually a title, not speech


@dataclass(frozen=True, slots=True)
class _Found:
    content: Span
    outer: Span


class QuoteStage:
    """Pipeline stage "quotes"."""

    name = "quotes"

    def __init__(self, pack: LanguagePack) -> None:
        self.after = pack.speech_words("after_quote")
        self.before = pack.speech_words("before_quote")
        self.indirect = pack.speech_words("indirect")
        self.according = pack.speech_words("according_to")
        self.complementizers = pack.speech_words("complementizers")
        self.coordinators = pack.speech_words("coordinators")

    def __call__(self, doc: Document) -> None:
        found = list(_find_quotes(doc))
        inside = [f.outer for f in found]
        indirect = self._indirect(doc, inside)
        attributed: list[Quote] = []
        for item in found:
            # "-nya" and continuations refer to the latest speaker, quoted directly or not.
            earlier = [q for q in [*attributed, *indirect] if q.span.start < item.outer.start and q.speaker]
            previous = max(earlier, key=lambda q: q.span.start) if earlier else None
            attributed.append(self._attribute(doc, item, inside, previous))
        doc.quotes.extend(sorted([*attributed, *indirect], key=lambda q: q.span.start))

    # -- direct quotes ---------------------------------------------------------------------
    def _attribute(self, doc: Document, item: _Found, inside: list[Span], previous: Quote | None) -> Quote:
        sentence = doc.sentence_at(item.content.start)
        quote = Quote(item.content, sentence, "direct")
        for finder in (self._after, self._before, self._according_to):
            if finder(doc, item, inside, quote, previous):
                return quote
        if (previous is not None and previous.speaker is not None and _opens_sentence(doc, item)
                and doc.sentence_at(previous.span.start) >= sentence - 1):
            quote.speaker, quote.speaker_mention = previous.speaker, previous.speaker_mention
            quote.rule = "quote:continuation"
        return quote

    def _after(self, doc: Document, item: _Found, inside: list[Span], quote: Quote,
               previous: Quote | None) -> bool:
        tokens = _tokens_after(doc, item.outer.end, 3)
        verb = next((t for t in tokens if t.norm in self.after), None)
        if verb is None:
            return False
        if verb.norm.endswith("nya") and len(verb.norm) > 4:
            return self._clitic_speaker(doc, verb, quote, previous)
        for index, mention in _mentions_after(doc, verb.end, MAX_VERB_TO_SPEAKER, inside):
            return _set_speaker(doc, quote, index, mention, verb, f"quote:after:{verb.norm}")
        return False

    def _clitic_speaker(self, doc: Document, verb: Token, quote: Quote, previous: Quote | None) -> bool:
        """`tambahnya`: -nya is the last speaker, else the last person mentioned before the quote."""
        evidence = doc.span(verb.start, verb.end)
        if previous is not None and previous.speaker is not None:
            quote.speaker, quote.speaker_mention = previous.speaker, previous.speaker_mention
            quote.evidence, quote.rule = evidence, f"quote:after:{verb.norm}:previous-speaker"
            return True
        people = [(i, m) for i, m in enumerate(doc.mentions)
                  if m.span.end <= quote.span.start and m.actor is not None and m.actor.type == "PER"]
        if not people:
            return False
        index, mention = people[-1]
        quote.speaker, quote.speaker_mention = mention.actor, index
        quote.evidence, quote.rule = evidence, f"quote:after:{verb.norm}:last-person"
        return True

    def _before(self, doc: Document, item: _Found, inside: list[Span], quote: Quote,
                previous: Quote | None) -> bool:
        sentence = doc.sentences[quote.sentence]
        verbs = [t for t in doc.sentence_tokens(sentence)
                 if t.end <= item.outer.start and t.norm in self.before and not _in_any(t.start, inside)]
        if not verbs:
            return False
        verb = verbs[-1]
        candidates = [(i, m) for i, m in enumerate(doc.mentions)
                      if m.sentence == quote.sentence and m.span.end <= verb.start
                      and _speaker_like(m) and not _in_any(m.span.start, inside)
                      and m.kind != "group"]
        if not candidates:
            return False
        index, mention = _subject(candidates)
        return _set_speaker(doc, quote, index, mention, verb, f"quote:before:{verb.norm}")

    def _according_to(self, doc: Document, item: _Found, inside: list[Span], quote: Quote,
                      previous: Quote | None) -> bool:
        sentence = doc.sentences[quote.sentence]
        for token in doc.sentence_tokens(sentence):
            if token.norm in self.according and not _in_any(token.start, inside):
                for index, mention in _mentions_after(doc, token.end, MAX_VERB_TO_SPEAKER, inside):
                    return _set_speaker(doc, quote, index, mention, token, "quote:according-to")
        return False

    # -- indirect speech -------------------------------------------------------------------
    def _indirect(self, doc: Document, inside: list[Span]) -> list[Quote]:
        quotes: list[Quote] = []
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            for k, verb in enumerate(tokens):
                if verb.norm not in self.indirect or _in_any(verb.start, inside):
                    continue
                quote = self._indirect_at(doc, sentence.index, tokens, k, inside)
                if quote is not None:
                    quotes.append(quote)
                    break
        return quotes

    def _indirect_at(self, doc: Document, sentence: int, tokens: list[Token], k: int,
                     inside: list[Span]) -> Quote | None:
        verb = tokens[k]
        start = k + 1
        if start < len(tokens) and tokens[start].norm in self.complementizers:
            start += 1
        if start >= len(tokens) - 1 or tokens[start].text in "“\"«‘":
            return None
        before = [(i, m) for i, m in enumerate(doc.mentions)
                  if m.sentence == sentence and m.span.end <= verb.start and m.actor is not None]
        near = [(i, m) for i, m in before if _clause_gap(tokens, m.span.end, verb.start) <= MAX_SPEAKER_TO_VERB]
        if near:
            index, mention = near[-1]
        elif k > 0 and tokens[k - 1].norm in self.coordinators and before:
            index, mention = _subject(before[:1])  # "X memuji … dan mengatakan …": X speaks
        else:
            return None
        end = tokens[-1].end if tokens[-1].norm not in ".!?" else tokens[-2].end
        quote = Quote(doc.span(tokens[start].start, end), sentence, "indirect")
        _set_speaker(doc, quote, index, mention, verb, f"quote:indirect:{verb.norm}")
        return quote


def _find_quotes(doc: Document):
    for match in QUOTE_RE.finditer(doc.text):
        group = next(g for g in "abcd" if match.group(g) is not None)
        start, end = match.span(group)
        if group == "d" and len(match.group(group).split()) < MIN_SINGLE_QUOTE_WORDS:
            continue
        if not match.group(group).strip():
            continue
        yield _Found(doc.span(start, end), doc.span(*match.span()))


def _set_speaker(doc: Document, quote: Quote, index: int, mention: Mention, cue: Token, rule: str) -> bool:
    speaker = mention.actor or Actor(None, mention.span.text, mention.type)
    quote.speaker, quote.speaker_mention = speaker, index
    lo, hi = min(cue.start, mention.span.start), max(cue.end, mention.span.end)
    quote.evidence, quote.rule = doc.span(lo, hi), rule
    return True


def _subject(candidates: list[tuple[int, Mention]]) -> tuple[int, Mention]:
    """Nearest mention before the verb, but a person or body beats a bare country/place."""
    for index, mention in reversed(candidates):
        if mention.type in {"PER", "ORG"}:
            return index, mention
    return candidates[-1]


def _tokens_after(doc: Document, offset: int, limit: int) -> list[Token]:
    """Up to `limit` word tokens after `offset`, skipping punctuation, within the same sentence."""
    sentence = doc.sentences[doc.sentence_at(max(offset - 1, 0))]
    out: list[Token] = []
    for token in doc.tokens[sentence.token_start : sentence.token_end]:
        if token.start >= offset and any(c.isalnum() for c in token.text):
            out.append(token)
            if len(out) == limit:
                break
    if not out and sentence.index + 1 < len(doc.sentences):
        nxt = doc.sentences[sentence.index + 1]
        out = [t for t in doc.tokens[nxt.token_start : nxt.token_end] if any(c.isalnum() for c in t.text)][:1]
    return out


def _mentions_after(doc: Document, offset: int, max_tokens: int, inside: list[Span]):
    """The first speaker-like mention after `offset`, moved to the head of an apposition
    ("juru bicara Kremlin Dmitry Peskov" → Peskov)."""
    limit = offset
    sentence = doc.sentences[doc.sentence_at(offset)]
    words = [t for t in doc.sentence_tokens(sentence) if t.start >= offset][:max_tokens]
    if words:
        limit = words[-1].end
    for index, mention in enumerate(doc.mentions):
        if offset <= mention.span.start <= limit and _speaker_like(mention) \
                and not _in_any(mention.span.start, inside):
            head = _apposition_head(doc, index)
            yield head, doc.mentions[head]
            return


def _speaker_like(mention: Mention) -> bool:
    return mention.actor is not None or mention.kind == "name"


def _apposition_head(doc: Document, index: int) -> int:
    """Follow mentions that directly abut each other ("Rusia Gazprom", "Jepang Fumio Kishida")."""
    while index + 1 < len(doc.mentions):
        nxt = doc.mentions[index + 1]
        gap = doc.text[doc.mentions[index].span.end : nxt.span.start]
        if gap.strip() or nxt.span.start < doc.mentions[index].span.end or not _speaker_like(nxt):
            return index
        index += 1
    return index


def _clause_gap(tokens: list[Token], start: int, end: int) -> int:
    """Tokens between speaker and verb; a comma or quote in between breaks the link."""
    between = [t for t in tokens if t.start >= start and t.end <= end]
    if any(t.text in {",", ";", ":", "“", "”", '"'} for t in between):
        return MAX_SPEAKER_TO_VERB + 1
    return len(between)


def _in_any(offset: int, spans: list[Span]) -> bool:
    return any(s.start <= offset < s.end for s in spans)


def _opens_sentence(doc: Document, item: _Found) -> bool:
    sentence = doc.sentences[doc.sentence_at(item.outer.start)]
    return item.outer.start <= sentence.start + 1
