"""The referent in focus: where a pronoun or a role noun with -nya looks for what it stands for.

Why a module of its own: "dia", "mereka" and "pemerintahnya" search the same way — the subject of their
own sentence, else the latest speaker or subject of the nearest earlier sentence that has a fitting
mention, or a mention in brackets right after them — and differ only in what fits. Speakers are found
here from the words around each person (the quote stage runs later and needs coref).
"""

from __future__ import annotations

from collections.abc import Callable

from peristiwa.extract.coref.common import person_like
from peristiwa.lang.pack import LanguagePack
from peristiwa.model import Document, Mention

SPEAKER_GAP = 3  # adverbs allowed between a speaker and its speech verb ("X juga mengatakan")

Fits = Callable[[Mention], bool]
Found = tuple[int, str]  # (index of the referent, how it was found: the rule's last part)


def antecedent(mentions: list[Mention], index: int, speakers: set[int], fits: Fits, window: int | None = None,
               nearest: bool = False) -> Found | None:
    """(index, how) of the referent in focus: the subject (first fitting mention; with `nearest`, the
    closest) of the anaphor's own sentence before it, else the latest speaker, else the subject, of the
    nearest earlier sentence (within `window` sentences) that has a fitting mention."""
    anaphor = mentions[index]
    same = [i for i in range(index) if mentions[i].sentence == anaphor.sentence and fits(mentions[i])]
    if same:
        return (same[-1], "sentence-nearest") if nearest else (same[0], "sentence-subject")
    lowest = -1 if window is None else anaphor.sentence - window - 1
    for sentence in range(anaphor.sentence - 1, max(lowest, -1), -1):
        earlier = [i for i in range(index) if mentions[i].sentence == sentence and fits(mentions[i])]
        spoke = [i for i in earlier if i in speakers]
        if spoke:
            return spoke[-1], "previous-speaker"
        if earlier:
            return earlier[0], "previous-subject"
    return None


def parenthetical(doc: Document, index: int, fits: Fits) -> Found | None:
    """"Mereka (Suriah) membakar …", "dia (Obama)": a fitting mention in brackets right after the pronoun
    says whom the writer means."""
    following = index + 1
    if following >= len(doc.mentions):
        return None
    pronoun, named = doc.mentions[index], doc.mentions[following]
    if named.sentence != pronoun.sentence or not fits(named):
        return None
    before, after = doc.article.text[pronoun.span.end : named.span.start], doc.article.text[named.span.end :]
    if before.strip() == "(" and after.lstrip().startswith(")"):
        return following, "parenthetical"
    return None


def chained(mentions: list[Mention], index: int) -> Found | None:
    """"Mereka (Suriah) membakar …, mereka membunuh …, mereka menculik …": a later "mereka" of the same
    sentence keeps the referent of the "mereka" before it, not the sentence's first subject."""
    anaphor = mentions[index]
    for j in range(index - 1, -1, -1):
        earlier = mentions[j]
        if earlier.sentence != anaphor.sentence:
            return None
        if earlier.kind == "pronoun" and earlier.type == anaphor.type and earlier.antecedent is not None:
            return earlier.antecedent, "sentence-chain"
    return None


class Speakers:
    """Finds the person mentions that speak: "X (juga) mengatakan …", "…, kata X", "menurut X"."""

    def __init__(self, pack: LanguagePack) -> None:
        self.verbs = pack.speech_words("before_quote") | pack.speech_words("indirect")
        self.cues = pack.speech_words("after_quote") | pack.speech_words("according_to")
        self.adverbs = pack.speech_words("speaker_adverbs")

    def __call__(self, doc: Document) -> set[int]:
        """Indexes of person mentions that speak, found from the words around each mention."""
        found: set[int] = set()
        for index, mention in enumerate(doc.mentions):
            if not person_like(mention):
                continue
            tokens = doc.sentence_tokens(doc.sentences[mention.sentence])
            first = next((k for k, t in enumerate(tokens) if t.end > mention.span.start), len(tokens))
            last = next((k for k, t in enumerate(tokens) if t.end >= mention.span.end), len(tokens) - 1)
            if self._verb_follows([t.norm for t in tokens[last + 1 : last + 2 + SPEAKER_GAP]]) or (
                    first > 0 and tokens[first - 1].norm in self.cues):
                found.add(index)
        return found

    def _verb_follows(self, norms: list[str]) -> bool:
        """A speech verb first, or after adverbs only ("juga", "kemudian")."""
        for norm in norms:
            if norm in self.verbs:
                return True
            if norm not in self.adverbs:
                return False
        return False
