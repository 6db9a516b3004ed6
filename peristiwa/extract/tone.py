"""Document tone: a GDELT-AvgTone-like score from a small, reviewable sentiment lexicon.

Why a lexicon and not a model: tone is a coarse, explainable signal (GDELT's AvgTone is the
same idea), and a word list in `lang/<code>/data/sentiment.yaml` can be read, argued about
and corrected by an analyst. The score is

    tone = (positive weight − negative weight) / number of words × 100, clipped to −100..100

which is *approximately* AvgTone: our weights (1–3), our negation handling ("tidak baik"
counts as negative) and our word list differ from GDELT's, so compare tones within
peristiwa, not with GDELT numbers. Typical news lands between about −10 and +10.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from peristiwa.lang.pack import read_yaml
from peristiwa.model import Document
from peristiwa.text.normalize import norm_token

CLITICS = ("nya", "lah", "kah", "pun")
_WORD = re.compile(r"\w", re.UNICODE)
_FALLBACK_TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class ToneHit:
    """One scored sentiment word (or phrase) with its signed weight after negation/intensifiers."""

    index: int
    text: str
    weight: float
    negated: bool = False


@dataclass(frozen=True, slots=True)
class ToneScore:
    tone: float
    positive: float
    negative: float
    words: int
    hits: tuple[ToneHit, ...] = ()


@dataclass(frozen=True)
class SentimentLexicon:
    """Weighted positive/negative entries (keys are tuples of normalised words) plus modifiers."""

    entries: dict[tuple[str, ...], float]
    negators: frozenset[str]
    intensifiers: dict[str, float] = field(default_factory=dict)
    negation_window: int = 3

    @cached_property
    def max_len(self) -> int:
        # cached: `lookup` asks for it at every token, and scanning all entries each time made
        # tone the slowest stage (measured by benchmarks/throughput.py --stages).
        return max((len(k) for k in self.entries), default=1)

    @classmethod
    def load(cls, language: str = "id", path: str | Path | None = None) -> SentimentLexicon:
        if path is not None:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        else:
            data = read_yaml(language, "sentiment.yaml")
        if not data:
            raise FileNotFoundError(f"no sentiment lexicon for language {language!r}")
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict) -> SentimentLexicon:
        entries: dict[tuple[str, ...], float] = {}
        for polarity, sign in (("positive", 1.0), ("negative", -1.0)):
            for weight, words in (data.get(polarity) or {}).items():
                for word in words or ():
                    key = tuple(norm_token(w) for w in str(word).split())
                    if key in entries and entries[key] * sign < 0:
                        raise ValueError(f"sentiment word {word!r} is both positive and negative")
                    entries[key] = sign * float(weight)
        return cls(
            entries=entries,
            negators=frozenset(norm_token(str(w)) for w in data.get("negators") or ()),
            intensifiers={norm_token(str(k)): float(v) for k, v in (data.get("intensifiers") or {}).items()},
            negation_window=int(data.get("negation_window", 3)),
        )

    @cached_property
    def _phrase_starts(self) -> frozenset[str]:
        """First words of the multi-word entries: only at these can a match be longer than one word."""
        return frozenset(k[0] for k in self.entries if len(k) > 1)

    def lookup(self, words: Sequence[str], start: int) -> tuple[int, float] | None:
        """Longest entry starting at `start`: (length, signed weight); clitics are tried off the last word."""
        if start < len(words) and words[start] not in self._phrase_starts:  # most words: one-word entries only
            word = words[start]
            weight = self.entries.get((word,))
            if weight is not None:
                return 1, weight
            bare = _strip_clitic(word)
            if bare != word and (bare,) in self.entries:
                return 1, self.entries[(bare,)]
            return None
        for length in range(min(self.max_len, len(words) - start), 0, -1):
            key = tuple(words[start : start + length])
            if key in self.entries:
                return length, self.entries[key]
            bare = _strip_clitic(key[-1])
            if bare != key[-1] and (*key[:-1], bare) in self.entries:
                return length, self.entries[(*key[:-1], bare)]
        return None

    def score(self, tokens: Sequence[str]) -> ToneScore:
        """Score normalised tokens (punctuation tokens included: they stop negation scope)."""
        matches: list[tuple[int, int, float]] = []
        k = 0
        while k < len(tokens):
            found = self.lookup(tokens, k)
            if found is None:
                k += 1
                continue
            matches.append((k, found[0], found[1]))
            k += found[0]
        starts = {start for start, _, _ in matches}
        consumed: set[int] = set()
        hits: list[ToneHit] = []
        for start, length, weight in matches:
            negated, factor, used = self._modifiers(tokens, start, starts)
            consumed |= used
            signed = weight * factor * (-1.0 if negated else 1.0)
            hits.append(ToneHit(start, " ".join(tokens[start : start + length]), signed, negated))
        # a negator that is itself a sentiment word ("gagal" before "kesepakatan") is not scored twice
        hits = [h for h in hits if h.index not in consumed]
        words = sum(1 for t in tokens if _WORD.search(t))
        positive = sum(h.weight for h in hits if h.weight > 0)
        negative = -sum(h.weight for h in hits if h.weight < 0)
        tone = max(-100.0, min(100.0, (positive - negative) / words * 100)) if words else 0.0
        return ToneScore(round(tone, 3), round(positive, 3), round(negative, 3), words, tuple(hits))

    def _modifiers(self, tokens: Sequence[str], start: int, starts: set[int]) -> tuple[bool, float, set[int]]:
        """Negators and intensifiers in the few words before a sentiment word, not crossing punctuation."""
        negated, factor, used = False, 1.0, set()
        for j in range(start - 1, max(-1, start - 1 - self.negation_window), -1):
            word = tokens[j]
            if not _WORD.search(word):
                break
            if word in self.negators:
                negated = not negated
                used.add(j)
            elif word in self.intensifiers:
                factor *= self.intensifiers[word]
                used.add(j)
            elif j in starts:
                break
        return negated, factor, used


def _strip_clitic(word: str) -> str:
    if not word.endswith(CLITICS):  # one C call rules out most words
        return word
    for clitic in CLITICS:
        if word.endswith(clitic) and len(word) - len(clitic) >= 3:
            return word[: -len(clitic)]
    return word


class ToneStage:
    """Pipeline stage "tone": sets `doc.tone` (see module docstring for the formula)."""

    name = "tone"

    def __init__(self, lexicon: SentimentLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Document) -> None:
        doc.tone = self.score_document(doc).tone

    def score_document(self, doc: Document) -> ToneScore:
        """Uses the segmenter's tokens when present, else a plain word split of the article text."""
        if doc.tokens:
            norms = [t.norm for t in doc.tokens]
        else:
            norms = [norm_token(m.group()) for m in _FALLBACK_TOKEN.finditer(doc.text)]
        return self.lexicon.score(norms)


def score_text(text: str, lexicon: SentimentLexicon) -> ToneScore:
    """Tone of a raw string without running a pipeline (tests, quick checks)."""
    return lexicon.score([norm_token(m.group()) for m in _FALLBACK_TOKEN.finditer(text)])
