"""Bare titles: "Presiden Rafael Correa … dukungan mereka pada Presiden".

Why a module of its own: a title standing alone, with no name or country, is an office, and news names
an office holder in full once and then by title — so it is the latest holder the article named before
with the same office in any of its forms ("Perdana Menteri Abhisit … PM"), unless the words around make
it an office being given or another holder (anaphora.yaml `bare_title_blockers`). It is never a default
country's office when no holder was named before; a headline's bare title is the holder the body names.
"""

from __future__ import annotations

from typing import NamedTuple

from peristiwa.lang.pack import LanguagePack
from peristiwa.model import Document, Mention, Token


class _Words(NamedTuple):
    """The article's tokens as the role lexicon reads them (norms for lookup, surfaces for "PM")."""

    norms: list[str]
    surfaces: list[str]
    tokens: list[Token]


class BareTitles:
    """Links each bare title to the earlier (or, in a headline, the first) holder of its office."""

    def __init__(self, pack: LanguagePack) -> None:
        self.pack = pack

    def __call__(self, doc: Document) -> None:
        """Walk the mentions in order, remembering each office's holders and linking the bare titles."""
        words = _Words([t.norm for t in doc.tokens], [t.text for t in doc.tokens], doc.tokens)
        token_at = {t.start: k for k, t in enumerate(doc.tokens)}
        latest: dict[str, int] = {}  # office → index of the latest coded role mention titled with it
        first: dict[str, int] = {}  # office → index of the first one, for a headline's bare title
        headline: list[tuple[int, str]] = []
        for index, mention in enumerate(doc.mentions):
            k = token_at.get(mention.span.start)
            if k is None:
                continue
            if mention.actor is not None and mention.actor.code and mention.actor.role:
                # a holder is a person or role actor: in "Presiden Yaman" the title is not the country's
                for office in self._offices_of(words, k, mention.span.end):
                    latest[office] = index
                    first.setdefault(office, index)
                continue
            office = self._bare_office(words, k, mention.span.end)
            if mention.kind != "name" or office is None:
                continue
            if office in latest:
                _link_title(doc.mentions, index, latest[office], "coref:bare-title")
            elif _in_headline(doc, mention):
                headline.append((index, office))
        for index, office in headline:  # "Thailand: PM berjumpa …" — the article names the PM below
            if office in first:
                _link_title(doc.mentions, index, first[office], "coref:bare-title-headline")

    def _offices_of(self, words: _Words, k: int, end: int) -> list[str]:
        """The title offices naming the mention at token `k`: a title right before it ("Presiden [Correa]")
        or one it opens ("[Presiden China]")."""
        offices = []
        for n in range(1, min(k, self.pack.max_role_tokens) + 1):
            found, role = self.pack.role_at(words.norms, k - n, words.surfaces)
            if role is not None and found == n and role.kind == "title":
                offices.append(role.office)
        found, role = self.pack.role_at(words.norms, k, words.surfaces)
        if role is not None and role.kind == "title" and words.tokens[k + found - 1].end < end:
            offices.append(role.office)
        return offices

    def _bare_office(self, words: _Words, k: int, end: int) -> str | None:
        """The office of a mention that is nothing but a title ("Presiden", "PM"), unless a blocker stands
        right before or after it."""
        found, role = self.pack.role_at(words.norms, k, words.surfaces)
        if role is None or role.kind != "title" or words.tokens[k + found - 1].end != end:
            return None
        blockers, norms = self.pack.bare_title_blockers, words.norms
        if (k > 0 and norms[k - 1] in blockers.get("before", ())) or (
            k + found < len(norms) and norms[k + found] in blockers.get("after", ())
        ):
            return None
        return role.office


def _link_title(mentions: list[Mention], index: int, holder: int, rule: str) -> None:
    mentions[index].actor = mentions[holder].actor
    mentions[index].antecedent = holder
    mentions[index].rule += f";{rule}"


def _in_headline(doc: Document, mention: Mention) -> bool:
    """The article's first sentence standing as a paragraph of its own: its headline, written after
    the story, so it may name by title a holder the body names in full."""
    if mention.sentence != 0 or not doc.sentences:
        return False
    end = doc.sentences[0].end
    return len(doc.sentences) > 1 and "\n" in doc.text[end : doc.sentences[1].start]
