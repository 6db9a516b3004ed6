"""Unknown names: capitalised token runs that neither the KB nor the NER model claimed.

The guarantee this stage gives is the one users care about: a name in the text is never
silently dropped. It guesses a type from the words around the name (a title before it →
PER, an organisation head noun inside it → ORG, a locative preposition before it → LOC)
and leaves the actor unlinked.
"""

from __future__ import annotations

from functools import partial

from peristiwa.extract.casing import case_view, prose_capitals
from peristiwa.lang.pack import LanguagePack
from peristiwa.model import Coverage, Document, Mention, Token


class UnknownNameStage:
    """Pipeline stage "names"."""

    name = "names"

    def __init__(self, pack: LanguagePack) -> None:
        self.pack = pack
        cues = pack.name_cues
        self.org_heads = frozenset(cues.get("org_heads", ()))
        self.locatives = frozenset(cues.get("locatives", ()))
        self.not_names = frozenset(cues.get("not_names", ()))
        self.connectors = frozenset(cues.get("connectors", ()))

    def __call__(self, doc: Document) -> None:
        taken = Coverage([*(m.span for m in doc.mentions), *(p.span for p in doc.places)])
        added: list[Mention] = []
        capitals = prose_capitals(doc)
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            # a title-case headline keeps capitals only on what earlier stages or the article's prose named
            shapes = case_view([t.text for t in tokens], partial(_known, tokens, taken, capitals))
            for first, last in self._runs(tokens, shapes):
                start, end = tokens[first].start, tokens[last].end
                if taken.overlaps(start, end):
                    continue
                mtype = self._guess_type(tokens, first, last)
                added.append(Mention(doc.span(start, end), mtype, sentence.index, "name", None,
                                     f"names:capitalised:{mtype}", confidence=0.5))
        doc.mentions.extend(added)
        doc.mentions.sort(key=lambda m: (m.span.start, -m.span.end))

    def _runs(self, tokens: list[Token], shapes: list[str]):
        i = 0
        while i < len(tokens):
            if not self._is_name(tokens, shapes, i):
                i += 1
                continue
            j = i
            while j + 1 < len(tokens) and (self._is_name(tokens, shapes, j + 1)
                                           or self._is_connector(tokens, shapes, j + 1)):
                j += 1
            while j > i and self._is_connector(tokens, shapes, j):
                j -= 1
            if i > 0 or j > i:  # a lone capitalised first word is just sentence case
                yield i, j
            i = j + 1

    def _is_name(self, tokens: list[Token], shapes: list[str], i: int) -> bool:
        text = shapes[i]
        return (text[:1].isupper() and any(c.isalpha() for c in text)
                and tokens[i].norm not in self.not_names)

    def _guess_type(self, tokens: list[Token], first: int, last: int) -> str:
        norms = {t.norm for t in tokens[first : last + 1]}
        if norms & self.org_heads:
            return "ORG"
        if first > 0 and tokens[first - 1].norm in self.locatives:
            return "LOC"
        _, role = self.pack.role_at([t.norm for t in tokens], max(first - 1, 0))
        if role is not None and first > 0:
            return "PER"
        return "MISC"

    def _is_connector(self, tokens: list[Token], shapes: list[str], i: int) -> bool:
        """Lower-case particles inside names: "bin", "al", "van der", "de"."""
        return (tokens[i].norm in self.connectors and tokens[i].text[:1].islower()
                and i + 1 < len(tokens) and shapes[i + 1][:1].isupper())


def _known(tokens: list[Token], taken: Coverage, capitals: frozenset[str]) -> set[int]:
    """Indexes of the tokens an earlier stage made (part of) a mention or place, or that the prose capitalises."""
    return {k for k, t in enumerate(tokens) if taken.overlaps(t.start, t.end) or t.norm in capitals}
