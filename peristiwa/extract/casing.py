"""Title-case lines: when capitals carry no information, and the case view the name finders use.

"Mesir: Polisi Menangkap Blogger Terkenal Di Kairo" capitalises every word, so a finder that reads
capitals as names takes "Menangkap Blogger Terkenal Di Kairo" for one long name. The finders do not
rewrite the text (spans must stay exact offsets into it): they read a *case view*, a parallel list of
surfaces in which a title-case line keeps capitals only on words known to be names and on all-capital
acronyms, and everything else is lower-cased. A word is known when the knowledge base (or an earlier
stage) matched it, or when the same article capitalises it inside a prose sentence ("… pernyataan
Ahmedinejad …" lets the headline "… Pidato Ahmedinejad" keep that name).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from peristiwa.model import Document

TITLE_CASE_SHARE = 0.7  # share of capitalised words (of 3+ letters) at or above which a line is title case
TITLE_CASE_MIN_WORDS = 4  # shorter lines ("Presiden Joko Widodo") say too little to judge
CONTENT_WORD_LETTERS = 4  # a lower-case word this long is a content word (or "dari", "yang"): the line is prose


def is_title_case(texts: Sequence[str]) -> bool:
    """Most words of at least three letters start with a capital and no long word is lower case.

    Why the second test: prose dense with names and titles ("Presiden Honduras Manuel Zelaya memecat
    Jendral …") has a high share of capitals too, but its verbs are lower case; a headline
    capitalises them ("… Menangkap Blogger …") and leaves at most short particles ("di", "dan")."""
    words = [t for t in texts if t.isalpha() and len(t) > 2]
    if len(words) < TITLE_CASE_MIN_WORDS:
        return False
    if any(w.islower() and len(w) >= CONTENT_WORD_LETTERS for w in words):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= TITLE_CASE_SHARE


def is_acronym(text: str) -> bool:
    """"PBB", "AS", "UNHCR": all capitals, kept in any case view."""
    return len(text) > 1 and text.isupper() and any(c.isalpha() for c in text)


def case_view(texts: Sequence[str], known: Callable[[], Collection[int]]) -> list[str]:
    """The surfaces to read capitals from: `texts` itself, unless the line is title case; then each
    word is lower-cased unless its index is in `known()` (names the knowledge base matched; only
    computed for title-case lines) or it is an acronym."""
    if not is_title_case(texts):
        return list(texts)
    keep = known()
    return [t if i in keep or is_acronym(t) else t.lower() for i, t in enumerate(texts)]


def prose_capitals(doc: Document) -> frozenset[str]:
    """Norms of words the article capitalises after the first word of a sentence that is not title case."""
    return prose_casing(doc)[0]


def prose_casing(doc: Document) -> tuple[frozenset[str], frozenset[str]]:
    """(capitalised, lower-case only): norms of words the article's prose capitalises after a sentence's
    first word, and of words it only ever writes in lower case ("lima orang" — so the "Lima" of a
    title-case headline "… Mengeksekusi Lima Pria Yaman" is the number, not Peru's capital)."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for sentence in doc.sentences:
        tokens = doc.sentence_tokens(sentence)
        if is_title_case([t.text for t in tokens]):
            continue
        capitalised.update(t.norm for t in tokens[1:] if t.text[:1].isupper() and not is_acronym(t.text))
        lower.update(t.norm for t in tokens if t.text[:1].islower())
    return frozenset(capitalised), frozenset(lower - capitalised)
