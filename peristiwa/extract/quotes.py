"""Reported speech: direct quotes with their speaker, and indirect speech.

A direct quote's speaker is found, in order of preference, by
1. an attribution after it: `“…,” kata Xi` (or `tambahnya`, whose -nya is the previous
   speaker or the person in focus);
2. a speech verb before it in the same sentence: `Putin mengatakan dia “…”` — the speaker
   is the nearest actor mention before the verb that is not inside another quote;
3. `menurut X` anywhere in the sentence;
4. continuation: an unattributed quote opening a sentence right after a quoted sentence
   keeps that speaker (quotes split across sentences).
Web news and blogs also quote without marks, a paragraph at a time:
5. a block quote: a paragraph after one that ends in a colon (`Budi menulis:` ¶ `…`); its
   speaker is the subject of the speech verb of that intro, or the -nya of `Tambahnya:`, or
   the intro's first named actor (`Rina tidak setuju:`);
6. a tweet or chat line `@handle: …` / `nama: …` opening a paragraph: the label is the speaker.
These unmarked quotes have kind "block": the event coder reads only marked ("direct") quotes as
quoted speech, since a blog paragraph quoted whole reports actions (its verbs have their own
subjects), and its speaker is no fallback source for them.
Indirect speech is `X mengatakan (bahwa) …` with no quote marks; its span is the clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from peristiwa.lang.pack import LanguagePack
from peristiwa.model import Actor, Document, Mention, Quote, Sentence, Span, Token

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
MAX_NAME_AFTER_QUOTE = 2  # tokens between a quote and the name in `“…”, Antara mewartakan`
MAX_SPEAKER_TO_VERB = 4  # tokens between a speaker and an indirect-speech verb
MIN_SINGLE_QUOTE_WORDS = 3  # ‘Two Words’ in single quotes are usually a title, not speech
QUOTE_MARKS = "“\"«‘'"
INLINE_COLON_RE = re.compile(r":[ \t]+(?=\S)")
PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")
#: `@handle: text` / `nama: text` opening a paragraph (one word, no space before the colon)
HEADLINE_SHARE = 0.6  # a line with this share of capitalised words and no full stop is a headline
MIN_VERB_CHARS = 4  # a prefixed verb is longer than its prefix plus a short stem ("meja" is a noun)
PHRASE_BREAKS = frozenset({",", ";", "(", ")", "–", "-"})  # punctuation that closes a phrase before a verb
PLACE_TYPES = frozenset({"GPE", "LOC"})
MAX_PHRASE_WORDS = 6  # a speaker noun phrase before its verb ("Salah seorang pewawancara di video")
MAX_HEADER_WORDS = 5  # a section header ending in a colon is short
LABEL_RE = re.compile(r"(?P<label>@?[^\W\d_][\w.\-]{0,29}):[ \t]+(?P<rest>\S)")


@dataclass(frozen=True, slots=True)
class _Found:
    content: Span
    outer: Span


@dataclass(frozen=True, slots=True)
class _Block:
    """An unmarked quote: words introduced by `intro` (the sentence, up to its colon, before them)
    or a line opened by a speaker `label`."""

    content: Span
    intro: Span | None = None
    label: Span | None = None
    rule: str = "quote:block"  # the provenance prefix: "quote:inline" for `X menulis: …` in one paragraph


class _Inside:
    """The outer spans of the direct quotes (sorted, non-overlapping): membership by bisection."""

    def __init__(self, spans: list[Span]) -> None:
        self.starts = [s.start for s in spans]
        self.ends = [s.end for s in spans]

    def __contains__(self, offset: int) -> bool:
        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]


class _DocIndex:
    """Lookups over one document built once, so each quote costs a few bisections.

    Why: attribution used to scan the quote's whole sentence (and every mention) per quote —
    quadratic when one long sentence holds thousands of quote pairs (a page of stray `"` marks
    took minutes). Every lookup here returns exactly what the scan returned.
    """

    def __init__(self, doc: Document, cues: dict[str, frozenset[str]], inside: list[Span]) -> None:
        self.doc = doc
        self.inside = _Inside(inside)
        self.places = _Inside(sorted((p.span for p in doc.places), key=lambda span: span.start))
        self.token_starts = [t.start for t in doc.tokens]
        self.next_word = _next_word_table(doc.tokens)
        self.cues = {kind: [i for i, t in enumerate(doc.tokens) if t.norm in words]
                     for kind, words in cues.items()}
        self.by_sentence: dict[int, list[tuple[int, Mention]]] = {}
        for i, mention in enumerate(doc.mentions):
            self.by_sentence.setdefault(mention.sentence, []).append((i, mention))
        order = sorted(range(len(doc.mentions)), key=lambda i: doc.mentions[i].span.start)
        self.mention_order = order
        self.mention_starts = [doc.mentions[i].span.start for i in order]

    def first_token(self, sentence: int, offset: int) -> int:
        """Index of the first token of `sentence` starting at or after `offset`."""
        s = self.doc.sentences[sentence]
        return bisect_left(self.token_starts, offset, s.token_start, s.token_end)

    def words_from(self, index: int, stop: int, limit: int) -> list[Token]:
        """Up to `limit` word tokens (with a letter or digit) from token `index` up to `stop`."""
        out: list[Token] = []
        index = self.next_word[index]
        while index < stop and len(out) < limit:
            out.append(self.doc.tokens[index])
            index = self.next_word[index + 1]
        return out

    def cue_tokens(self, kind: str, sentence: int, end: int | None = None) -> list[Token]:
        """Tokens of `sentence` whose norm is a `kind` cue (ending by offset `end`), in text order."""
        s = self.doc.sentences[sentence]
        positions = self.cues[kind]
        lo, hi = bisect_left(positions, s.token_start), bisect_left(positions, s.token_end)
        tokens = [self.doc.tokens[i] for i in positions[lo:hi]]
        return tokens if end is None else [t for t in tokens if t.end <= end]

    def mentions_starting(self, lo: int, hi: int) -> list[int]:
        """Indexes (in document order) of mentions starting within [lo, hi]."""
        a, b = bisect_left(self.mention_starts, lo), bisect_right(self.mention_starts, hi)
        return sorted(self.mention_order[a:b])

    def tokens_between(self, sentence: int, start: int, end: int) -> list[Token]:
        """Tokens of `sentence` lying within [start, end] (token ends grow with their starts)."""
        s = self.doc.sentences[sentence]
        out: list[Token] = []
        for token in self.doc.tokens[self.first_token(sentence, start) : s.token_end]:
            if token.end > end:
                break
            out.append(token)
        return out


def _next_word_table(tokens: list[Token]) -> list[int]:
    """next_word[i]: the first index >= i of a token holding a letter or digit (len(tokens) if none)."""
    table = [len(tokens)] * (len(tokens) + 1)
    for i in range(len(tokens) - 1, -1, -1):
        table[i] = i if any(c.isalnum() for c in tokens[i].text) else table[i + 1]
    return table


class QuoteStage:
    """Pipeline stage "quotes"."""

    name = "quotes"

    def __init__(self, pack: LanguagePack) -> None:
        self.pack = pack
        self.after = pack.speech_words("after_quote")
        self.before = pack.speech_words("before_quote") | pack.speech_words("quote_verbs")
        self.indirect = pack.speech_words("indirect")
        self.according = pack.speech_words("according_to")
        self.complementizers = pack.speech_words("complementizers")
        self.coordinators = pack.speech_words("coordinators")
        self.block_labels = pack.speech_words("block_labels")
        self.speech_verbs = self.before | self.indirect | self.after
        self.header_function_words = pack.speech_words("header_function_words")
        self.intro_verb_prefixes = tuple(pack.speech_words("intro_verb_prefixes"))
        self.relatives = pack.speech_words("relatives")
        self.platforms = pack.speech_words("platforms")
        self.phrase_openers = pack.speech_words("not_speaker_openers")
        self.not_speakers = (pack.speech_words("speaker_adverbs") | self.coordinators | pack.person_pronouns
                             | pack.plural_pronouns)

    def __call__(self, doc: Document) -> None:
        found = list(_find_quotes(doc))
        index = _DocIndex(doc, {"before": self.before, "according": self.according,
                                "indirect": self.indirect}, [f.outer for f in found])
        indirect = sorted(self._indirect(index), key=lambda q: q.span.start)
        starts = [q.span.start for q in indirect]
        attributed: list[Quote] = []
        direct: Quote | None = None  # the last direct quote with a speaker (they come in text order)
        for item in found:
            reported = bisect_left(starts, item.outer.start)
            quote = self._attribute(index, item, _latest(direct, indirect[reported - 1] if reported else None))
            attributed.append(quote)
            direct = quote if quote.speaker else direct
        blocks = self._attribute_blocks(index, [q for q in [*attributed, *indirect] if q.speaker is not None])
        doc.quotes.extend(sorted([*attributed, *blocks, *indirect], key=lambda q: q.span.start))

    # -- direct quotes ---------------------------------------------------------------------
    def _attribute(self, index: _DocIndex, item: _Found, previous: Quote | None) -> Quote:
        doc = index.doc
        sentence = doc.sentence_at(item.content.start)
        quote = Quote(item.content, sentence, "direct")
        for finder in (self._after, self._before, self._according_to):
            if finder(index, item, quote, previous):
                return quote
        if (previous is not None and previous.speaker is not None and _opens_sentence(doc, item)
                and doc.sentence_at(previous.span.start) >= sentence - 1):
            quote.speaker, quote.speaker_mention = previous.speaker, previous.speaker_mention
            quote.rule = "quote:continuation"
        return quote

    def _after(self, index: _DocIndex, item: _Found, quote: Quote, previous: Quote | None) -> bool:
        tokens = _tokens_after(index, item.outer.end, 3)
        verb = next((t for t in tokens if t.norm in self.after), None)
        if verb is None:
            return self._name_then_verb(index, item, quote)
        return self._after_speaker(index, verb, quote, previous, "quote:after")

    def _name_then_verb(self, index: _DocIndex, item: _Found, quote: Quote) -> bool:
        """`“…”, Antara mewartakan.`: a name right after the quote, then its speech verb."""
        doc = index.doc
        for i, mention in _mentions_after(index, item.outer.end, MAX_NAME_AFTER_QUOTE):
            if doc.text[item.outer.end : doc.mentions[i].span.start].strip(" ,") or (
                    doc.mentions[i].span.start != mention.span.start):
                return False
            sentence = doc.sentences[mention.sentence]
            verb = index.words_from(index.first_token(sentence.index, mention.span.end), sentence.token_end, 1)
            if verb and verb[0].norm in self.speech_verbs:
                return _set_speaker(doc, quote, i, mention, verb[0], f"quote:after-name:{verb[0].norm}")
        return False

    def _after_speaker(self, index: _DocIndex, verb: Token, quote: Quote, previous: Quote | None,
                       rule: str) -> bool:
        """The speaker an attribution word names: `kata Xi`, or the -nya of `tambahnya`."""
        if verb.norm.endswith("nya") and len(verb.norm) > 4:
            return self._clitic_speaker(index.doc, verb, quote, previous, rule)
        for i, mention in _mentions_after(index, verb.end, MAX_VERB_TO_SPEAKER):
            return _set_speaker(index.doc, quote, i, mention, verb, f"{rule}:{verb.norm}")
        return False

    def _clitic_speaker(self, doc: Document, verb: Token, quote: Quote, previous: Quote | None,
                        rule: str) -> bool:
        """`tambahnya`: -nya is the last speaker, else the last person mentioned before the quote."""
        evidence = doc.span(verb.start, verb.end)
        if previous is not None and previous.speaker is not None:
            _copy_speaker(quote, previous, evidence, f"{rule}:{verb.norm}:previous-speaker")
            return True
        people = [(i, m) for i, m in enumerate(doc.mentions)
                  if m.span.end <= quote.span.start and m.actor is not None and m.actor.type == "PER"]
        if not people:
            return False
        index, mention = people[-1]
        quote.speaker, quote.speaker_mention = mention.actor, index
        quote.evidence, quote.rule = evidence, f"{rule}:{verb.norm}:last-person"
        return True

    def _before(self, index: _DocIndex, item: _Found, quote: Quote, previous: Quote | None) -> bool:
        verbs = [t for t in index.cue_tokens("before", quote.sentence, item.outer.start)
                 if t.start not in index.inside]
        if not verbs:
            return False
        verb = verbs[-1]
        candidates = [(i, m) for i, m in index.by_sentence.get(quote.sentence, [])
                      if m.span.end <= verb.start and _speaker_like(m)
                      and m.span.start not in index.inside and m.kind != "group"]
        if not candidates:
            return False
        i, mention = _subject(candidates)
        return _set_speaker(index.doc, quote, i, mention, verb, f"quote:before:{verb.norm}")

    def _according_to(self, index: _DocIndex, item: _Found, quote: Quote, previous: Quote | None) -> bool:
        for token in index.cue_tokens("according", quote.sentence):
            if token.start not in index.inside:
                for i, mention in _mentions_after(index, token.end, MAX_VERB_TO_SPEAKER):
                    return _set_speaker(index.doc, quote, i, mention, token, "quote:according-to")
        return False

    # -- unmarked quotes: block paragraphs and speaker-labelled lines ---------------------------
    def _blocks(self, doc: Document, inside: _Inside) -> Iterator[_Block]:
        previous: Span | None = None
        place_starts = sorted(p.span.start for p in doc.places)
        for match in PARAGRAPH_RE.finditer(doc.text):
            paragraph = _stripped(doc, match.start(), match.end())
            if paragraph is None:
                continue
            label = LABEL_RE.match(doc.text, paragraph.start)
            rest = doc.span(label.start("rest"), paragraph.end) if label is not None else None
            if label is not None and rest is not None and self._speaker_label(label, rest, place_starts):
                yield _Block(rest, label=doc.span(*label.span("label")))
            elif (previous is not None and self._introduces(previous) and not self._header(paragraph.text)
                  and not paragraph.text.endswith(":")):  # an intro after an intro: the quote is yet to come
                yield _Block(paragraph, intro=doc.span(doc.sentences[doc.sentence_at(previous.end - 1)].start,
                                                       previous.end))
            else:
                yield from self._inline_blocks(doc, paragraph, inside)
            previous = paragraph

    def _inline_blocks(self, doc: Document, paragraph: Span, inside: _Inside) -> Iterator[_Block]:
        """`Bloger Sadafat menulis: <the post>`: a clause with a speech verb, a colon and the
        quoted words up to the paragraph's end, within one paragraph and without quote marks."""
        for colon in INLINE_COLON_RE.finditer(doc.text, paragraph.start, paragraph.end):
            if colon.start() in inside:
                continue
            sentence = doc.sentences[doc.sentence_at(colon.start())]
            start = max(sentence.start, paragraph.start)
            words = {w.casefold() for w in re.findall(r"\w+", doc.text[start : colon.start()])}
            if words & self.speech_verbs and doc.text[colon.end()] not in QUOTE_MARKS:
                yield _Block(doc.span(colon.end(), paragraph.end), doc.span(start, colon.start() + 1),
                             rule="quote:inline")
            return

    def _introduces(self, paragraph: Span) -> bool:
        """A paragraph ending in a colon introduces a quote, unless it is a section header
        (`Pesan yang Bertentangan:`): a few words in Title Case and no speech verb. An intro may
        well be mostly names (`Saudi Jeans mengatakan:`, `Ramy Raoof menuliskan garis-garis besar
        Global Voices Advocacy:`)."""
        words = {w.casefold() for w in re.findall(r"\w+", paragraph.text)}
        if not paragraph.text.endswith(":"):
            return self._unpunctuated_intro(paragraph.text, words)
        return bool(words & self.speech_verbs) or not self._header(paragraph.text)

    def _unpunctuated_intro(self, text: str, words: set[str]) -> bool:
        """`Aung Zaw, editor di Irrawaddy, menuliskan pendapat umum tentang etnis Rohingya` ¶ …:
        an intro whose colon was lost — a sentence with a speech verb and no closing mark (a photo
        caption has no speech verb, a headline is Title Case)."""
        return text[-1].isalnum() and bool(words & self.speech_verbs) and not _headline(text)

    def _header(self, text: str) -> bool:
        """A section header (`Pergerakan Massa`, `Manila`, `Pesan yang Bertentangan:`) rather than
        speech: a few words, each capitalised or a function word — `Sally Sami melaporkan:` is not."""
        words = re.findall(r"[^\W\d_][\w\-']*", text)
        return 0 < len(words) <= MAX_HEADER_WORDS and all(
            w[0].isupper() or w.casefold() in self.header_function_words for w in words)

    def _speaker_label(self, label: re.Match[str], rest: Span, place_starts: list[int]) -> bool:
        """`kopi_pagi: …` names its writer; `Catatan: …`, a place (`Yunani: <headline>`) or a
        headline after the colon do not. A place in the label starts inside it (the label opens
        its paragraph), so sorted place starts answer by bisection."""
        if label.group("label").lstrip("@").casefold() in self.block_labels or _headline(rest.text):
            return False
        start, end = label.span("label")
        return bisect_left(place_starts, start) == bisect_left(place_starts, end)

    def _attribute_blocks(self, index: _DocIndex, spoken: list[Quote]) -> list[Quote]:
        """Block quotes in text order, each knowing the last attributed quote before it (marked,
        indirect or block), so that `Dia melanjutkan:` continues the block before."""
        spoken = sorted(spoken, key=lambda q: q.span.end)
        blocks: list[Quote] = []
        previous: Quote | None = None
        k = 0
        for block in self._blocks(index.doc, index.inside):
            while k < len(spoken) and spoken[k].span.end <= block.content.start:
                previous = _later(previous, spoken[k])
                k += 1
            quote = self._attribute_block(index, block, previous)
            previous = _later(previous, quote) if quote.speaker is not None else previous
            blocks.append(quote)
        return blocks

    def _attribute_block(self, index: _DocIndex, block: _Block, previous: Quote | None) -> Quote:
        doc = index.doc
        quote = Quote(block.content, doc.sentence_at(block.content.start), "block")
        if block.label is not None:
            self._label_speaker(index, block.label, quote)
        elif block.intro is not None:
            self._intro_speaker(index, block, quote, previous)
        return quote

    def _label_speaker(self, index: _DocIndex, label: Span, quote: Quote) -> None:
        """`@handle: …`: the handle speaks — as the actor it names when it is a mention."""
        doc = index.doc
        for i in index.mentions_starting(label.start, label.end):
            if doc.mentions[i].span.end <= label.end and _speaker_like(doc.mentions[i]):
                _set_speaker(doc, quote, i, doc.mentions[i], label, "quote:tweet-label")
                return
        quote.speaker = Actor(None, label.text, "PER")
        quote.evidence, quote.rule = label, "quote:tweet-label"

    def _intro_speaker(self, index: _DocIndex, block: _Block, quote: Quote, previous: Quote | None) -> None:
        """The speaker named by the sentence that introduces a block quote with its colon: the
        subject of its verb (`Narablog dari Lesotho, Michael Jordan melaporkan:`), the -nya of
        `Tambahnya:`, or — for `Dia melanjutkan:` / `Lalu menambahkan:` — the last speaker."""
        doc, words = index.doc, block.intro
        assert words is not None
        intro = doc.sentence_at(words.start)
        sentence = doc.sentences[intro]
        opener = index.words_from(index.first_token(intro, words.start), sentence.token_end, 1)
        if opener and opener[0].norm in self.after:
            self._after_speaker(index, opener[0], quote, previous, f"{block.rule}:after")
            return
        mentions = [(i, m) for i, m in index.by_sentence.get(intro, [])
                    if _speaker_like(m) and m.span.start not in index.inside and m.kind != "group"
                    and words.start <= m.span.start and m.span.end <= words.end
                    and not self._is_place(index, m) and not self._is_platform(m)]
        verb = self._intro_verb(index, intro, words.end)
        if verb is None:
            named = [(i, m) for i, m in mentions if m.type in {"PER", "ORG"}]
            if named:
                _set_speaker(doc, quote, *named[0], named[0][1].span, f"{block.rule}:intro-subject")
            return
        rule = f"{block.rule}:{verb.norm}"
        before = [(i, m) for i, m in mentions if m.span.end <= verb.start]
        subject = _intro_subject(before) if before else None
        phrase = self._speaker_phrase(doc, sentence, words.start, verb) if subject is None else None
        if phrase is not None:
            quote.speaker = Actor(None, phrase.text, "PER")
            quote.evidence, quote.rule = doc.span(phrase.start, verb.end), f"{rule}:phrase"
        elif previous is not None and (subject is None or subject[1].kind == "pronoun"):
            _copy_speaker(quote, previous, doc.span(verb.start, verb.end), f"{rule}:previous-speaker")
        elif subject is not None:
            _set_speaker(doc, quote, *subject, verb, rule)

    def _speaker_phrase(self, doc: Document, sentence: Sentence, start: int, verb: Token) -> Span | None:
        """`Seorang saksi mata yang melihat serangan itu mengatakan:` names no actor, but its subject
        noun phrase still says who speaks: the last comma-bounded stretch before the verb
        (`Pukul sepuluh, sang menteri menjawab:`) without its relative clause. None when those words
        are only adverbs and pronouns (`Lalu menambahkan:`, `Dia melanjutkan:`) or open with a
        preposition (`Dalam kabar terbaru yang berhasil kami terima:`)."""
        words: list[Token] = []
        relative = False
        for token in doc.sentence_tokens(sentence):
            if token.start < start:
                continue
            if token.start >= verb.start:
                break
            if token.text in PHRASE_BREAKS:
                words, relative = [], False
            elif token.norm in self.relatives:
                relative = True
            elif not relative:
                words.append(token)
        content = [t for t in words if t.norm not in self.not_speakers and any(c.isalpha() for c in t.text)]
        if not content or len(words) > MAX_PHRASE_WORDS or words[0].norm in self.phrase_openers:
            return None
        return doc.span(words[0].start, words[-1].end)

    @staticmethod
    def _is_place(index: _DocIndex, mention: Mention) -> bool:
        """A country or city in an intro is where the writer is from or writes about (`Narablog
        dari Lesotho menulis:`, `Kairo berubah menjadi barak:`), not who writes the quoted post."""
        return mention.type in PLACE_TYPES or mention.span.start in index.places

    def _is_platform(self, mention: Mention) -> bool:
        """`Pengguna Twitter weddady menulis:`: the site is where the post appeared, not its writer."""
        return mention.span.text.casefold() in self.platforms

    def _intro_verb(self, index: _DocIndex, intro: int, end: int) -> Token | None:
        """The intro's verb: its last speech verb, else its first active verb (`mencatat`,
        `bertanya`: a lower-case word with a verb prefix) outside quotes and names."""
        verbs = [t for t in index.cue_tokens("before", intro, end) if t.start not in index.inside]
        if verbs:
            return verbs[-1]
        doc = index.doc
        names = [m.span for _, m in index.by_sentence.get(intro, [])]
        for token in doc.sentence_tokens(doc.sentences[intro]):
            if token.start >= end:
                break
            if (len(token.norm) > MIN_VERB_CHARS and token.text.isalpha() and token.text.islower()
                    and token.norm.startswith(self.intro_verb_prefixes) and token.norm not in self.according
                    and self.pack.role_at([token.norm], 0)[1] is None  # "sang menteri menjawab:"
                    and token.start not in index.inside and not any(n.start <= token.start < n.end for n in names)):
                return token
        return None

    # -- indirect speech -------------------------------------------------------------------
    def _indirect(self, index: _DocIndex) -> list[Quote]:
        doc = index.doc
        quotes: list[Quote] = []
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            for verb in index.cue_tokens("indirect", sentence.index):
                if verb.start in index.inside:
                    continue
                k = index.first_token(sentence.index, verb.start) - sentence.token_start
                quote = self._indirect_at(index, sentence.index, tokens, k)
                if quote is not None:
                    quotes.append(quote)
                    break
        return quotes

    def _indirect_at(self, index: _DocIndex, sentence: int, tokens: list[Token], k: int) -> Quote | None:
        doc = index.doc
        verb = tokens[k]
        start = k + 1
        if start < len(tokens) and tokens[start].norm in self.complementizers:
            start += 1
        if start >= len(tokens) - 1 or tokens[start].text in "“\"«‘":
            return None
        before = [(i, m) for i, m in index.by_sentence.get(sentence, [])
                  if m.span.end <= verb.start and m.actor is not None]
        near = [(i, m) for i, m in before
                if _clause_gap(index.tokens_between(sentence, m.span.end, verb.start)) <= MAX_SPEAKER_TO_VERB]
        if near:
            i, mention = near[-1]
        elif k > 0 and tokens[k - 1].norm in self.coordinators and before:
            i, mention = _subject(before[:1])  # "X memuji … dan mengatakan …": X speaks
        else:
            return None
        end = tokens[-1].end if tokens[-1].norm not in ".!?" else tokens[-2].end
        quote = Quote(doc.span(tokens[start].start, end), sentence, "indirect")
        _set_speaker(doc, quote, i, mention, verb, f"quote:indirect:{verb.norm}")
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


def _stripped(doc: Document, start: int, end: int) -> Span | None:
    """The span [start, end) without surrounding white space (None when blank)."""
    text = doc.text[start:end]
    lead, body = len(text) - len(text.lstrip()), text.strip()
    return doc.span(start + lead, start + lead + len(body)) if body else None


def _headline(text: str) -> bool:
    """Title Case without a closing full stop: a headline or section header, not speech."""
    words = re.findall(r"[^\W\d_][\w\-']*", text)
    if not words or text.rstrip().endswith((".", "!", "?", "…")):
        return False
    return sum(w[0].isupper() for w in words) >= HEADLINE_SHARE * len(words)


def _copy_speaker(quote: Quote, previous: Quote, evidence: Span, rule: str) -> None:
    """`quote` is spoken by the speaker of `previous` (a -nya or a pronoun standing for them)."""
    quote.speaker, quote.speaker_mention = previous.speaker, previous.speaker_mention
    quote.evidence, quote.rule = evidence, rule


def _set_speaker(doc: Document, quote: Quote, index: int, mention: Mention, cue: Token | Span, rule: str) -> bool:
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


def _intro_subject(candidates: list[tuple[int, Mention]]) -> tuple[int, Mention]:
    """An intro opens with its subject, the appositions and relative clauses after it hold other
    names (`The Nation, surat kabar Thailand berbahasa Inggris, menuding:`): the first person or
    body, else the nearest mention."""
    return next(((i, m) for i, m in candidates if m.type in {"PER", "ORG"}), candidates[-1])


def _later(a: Quote | None, b: Quote) -> Quote:
    return b if a is None or b.span.start >= a.span.start else a


def _latest(direct: Quote | None, reported: Quote | None) -> Quote | None:
    """The latest quote with a speaker before the current one — "-nya" and continuations refer to
    it: the last attributed direct quote or `reported`, the last indirect speech starting before it
    (every indirect quote has a speaker); the direct one wins a tie."""
    if direct is None or (reported is not None and reported.span.start > direct.span.start):
        return reported
    return direct


def _tokens_after(index: _DocIndex, offset: int, limit: int) -> list[Token]:
    """Up to `limit` word tokens after `offset`, skipping punctuation, within the same sentence."""
    doc = index.doc
    sentence = doc.sentences[doc.sentence_at(max(offset - 1, 0))]
    out = index.words_from(index.first_token(sentence.index, offset), sentence.token_end, limit)
    if not out and sentence.index + 1 < len(doc.sentences):
        nxt = doc.sentences[sentence.index + 1]
        out = index.words_from(nxt.token_start, nxt.token_end, 1)
    return out


def _mentions_after(index: _DocIndex, offset: int, max_tokens: int) -> Iterator[tuple[int, Mention]]:
    """The first speaker-like mention after `offset`, moved to the head of an apposition
    ("juru bicara Kremlin Dmitry Peskov" → Peskov)."""
    doc = index.doc
    limit = offset
    sentence = doc.sentences[doc.sentence_at(offset)]
    first = index.first_token(sentence.index, offset)
    words = doc.tokens[first : min(first + max_tokens, sentence.token_end)]
    if words:
        limit = words[-1].end
    for i in index.mentions_starting(offset, limit):
        mention = doc.mentions[i]
        if _speaker_like(mention) and mention.span.start not in index.inside:
            head = _apposition_head(doc, i)
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


def _clause_gap(between: list[Token]) -> int:
    """Tokens between speaker and verb; a comma or quote in between breaks the link."""
    if any(t.text in {",", ";", ":", "“", "”", '"'} for t in between):
        return MAX_SPEAKER_TO_VERB + 1
    return len(between)


def _opens_sentence(doc: Document, item: _Found) -> bool:
    sentence = doc.sentences[doc.sentence_at(item.outer.start)]
    return item.outer.start <= sentence.start + 1
