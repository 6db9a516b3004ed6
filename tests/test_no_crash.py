"""The full pipeline never crashes and keeps its invariants, on every text in ../shared and on nasty inputs.

Why: a batch coder that dies on article 40,317 of a night run is worse than one that codes it
badly. Every item must also point at the exact characters it came from, so offsets are checked
against the original text for every span the pipeline produced.

HELD OUT: NTREX and Global Voices are read here only to prove robustness; nothing about what the
coder found in them is asserted or printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

import pytest

from peristiwa.api import Extractor
from peristiwa.model import Article, Document, Span, TimeRef
from peristiwa.scale.corpora import (
    conllu_sentences,
    english_gold_sentences,
    globalvoices_articles,
    ntrex_articles,
    shared_root,
    sib200_sentences,
)
from peristiwa.scale.parallel import extract_parallel

SHARED = shared_root()


def iter_spans(value: Any, path: str = "doc") -> Iterator[tuple[str, Span]]:
    """Every Span anywhere inside a document item (mentions, events' args and places, quotes…)."""
    if isinstance(value, Span):
        yield path, value
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from iter_spans(item, f"{path}[{i}]")
        return
    slots = getattr(type(value), "__slots__", None)
    if slots and type(value).__module__ == "peristiwa.model":
        for name in slots:
            yield from iter_spans(getattr(value, name, None), f"{path}.{name}")


def invariant_problems(doc: Document) -> list[str]:
    """All broken invariants of one document (empty when the document is sound)."""
    text = doc.article.text
    problems: list[str] = []
    previous_end = 0
    for i, sentence in enumerate(doc.sentences):
        if sentence.index != i:
            problems.append(f"sentence {i} has index {sentence.index}")
        if not (previous_end <= sentence.start <= sentence.end <= len(text)):
            problems.append(f"sentence {i} [{sentence.start},{sentence.end}) overlaps or is out of order")
        if text[sentence.start:sentence.end] != sentence.text:
            problems.append(f"sentence {i} text differs from article text at its offsets")
        if not (0 <= sentence.token_start <= sentence.token_end <= len(doc.tokens)):
            problems.append(f"sentence {i} token range out of bounds")
        previous_end = sentence.end
    for i, token in enumerate(doc.tokens):
        if text[token.start:token.end] != token.text or token.start > token.end:
            problems.append(f"token {i} text differs from article text at its offsets")
            break
    items = chain(doc.mentions, doc.places, doc.times, doc.quotes, doc.events)
    for path, span in chain.from_iterable(iter_spans(item, type(item).__name__) for item in items):
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start:span.end] != span.text:
            problems.append(f"{path} [{span.start},{span.end}) does not match the article text")
    n_sent, n_mentions = len(doc.sentences), len(doc.mentions)
    for kind, collection in (("mention", doc.mentions), ("place", doc.places), ("time", doc.times),
                             ("quote", doc.quotes), ("event", doc.events)):
        for i, item in enumerate(collection):
            if not (0 <= item.sentence < max(1, n_sent)):
                problems.append(f"{kind} {i} points at sentence {item.sentence} of {n_sent}")
    for i, mention in enumerate(doc.mentions):
        if mention.antecedent is not None and not (0 <= mention.antecedent < n_mentions):
            problems.append(f"mention {i} antecedent {mention.antecedent} out of range")
    for i, quote in enumerate(doc.quotes):
        if quote.speaker_mention is not None and not (0 <= quote.speaker_mention < n_mentions):
            problems.append(f"quote {i} speaker_mention out of range")
    for i, event in enumerate(doc.events):
        for side in (event.source, event.target):
            if side is not None and side.mention is not None and not (0 <= side.mention < n_mentions):
                problems.append(f"event {i} references mention {side.mention} of {n_mentions}")
        if not event.code:
            problems.append(f"event {i} has no code")
    for i, time_ref in enumerate(doc.times):
        if isinstance(time_ref, TimeRef) and time_ref.value is None and time_ref.granularity != "unresolved":
            problems.append(f"time {i} has no value but granularity {time_ref.granularity}")
    return problems


def check_all(articles: Iterable[Article], jobs: int = 2) -> int:
    """Run everything through the pipeline; fail with the first few problems found."""
    failures: list[str] = []
    count = 0
    for article, doc, error in extract_parallel(articles, jobs=jobs, chunksize=16):
        count += 1
        if error is not None or doc is None:
            failures.append(f"{article.id}: crashed: {error}")
        else:
            failures += [f"{article.id}: {p}" for p in invariant_problems(doc)[:3]]
        if len(failures) >= 20:
            break
    assert not failures, "\n".join(failures)
    return count


def require_shared() -> None:
    if not (SHARED / "data").exists():
        pytest.skip(f"{SHARED}/data not found: ../shared is only available on developer and CI machines")


def test_every_shared_text_codes_without_crash() -> None:
    """NTREX, Global Voices, UD (GSD, CSUI, PUD), SIB-200 (id + en), PLOVER and PETRARCH2 (English)."""
    require_shared()
    sources = (ntrex_articles(), globalvoices_articles(), conllu_sentences(), sib200_sentences(),
               english_gold_sentences())
    count = check_all(chain.from_iterable(sources), jobs=2)
    assert count > 6000  # all sets were found (123 + 514 + 3146 + 2008 + 606)


# --- our own hostile inputs --------------------------------------------------------------
HOSTILE = {
    "empty": "",
    "space": "   \n\n\t  ",
    "punct": "?!.,;:…—–-()[]{}\"'«»“”‘’" * 3,
    "only_dots": "." * 5000,
    "long_token": "x" * 1_000_000,
    "long_words": ("Presiden " * 120_000),
    "rtl": "Presiden bertemu \u0627\u0644\u0631\u0626\u064a\u0633 \u05e9\u05dc\u05d5\u05dd di Kairo. "
           "\u202eterbalik\u202c.",
    "emoji": "Menteri 👩🏽‍⚖️ bertemu 🇮🇩 dan 🇲🇾 di Jakarta 🎉🎉. \"Bagus 👍,\" katanya.",
    "combining": "Pre\u0301side\u0301n Jo\u0308ko\u0327 menemui "
                 "Z\u0336a\u0336l\u0336g\u0336o\u0336 di Mo\u0300skwa.",
    "controls": "Presiden\u0007 Joko\u000b Widodo\u000c bertemu\u001b[31m Xi\u0085 "
                "Jinping\u2028 di\u2029 Beijing\u00ad.",
    "zero_width": "Pre\u200bsiden\ufeff Joko\u200d Widodo\u200c berkata \u2060\"ya\" .",
    "surrogate_free_astral": "𝐏𝐫𝐞𝐬𝐢𝐝𝐞𝐧 𝐉𝐨𝐤𝐨 bertemu 𝔛𝔦 di 北京 pada 2023年3月21日.",
    "unbalanced_open": "\"Kami akan menyerang, kata Panglima TNI. Lalu \"dia pergi. \"\"\" '",
    "unbalanced_close": "Kata Jokowi: kami sepakat.\" Lalu ” ’ » selesai.\"",
    "quote_flood": "\"" * 10_000,
    "curly_flood": "“" * 10_000 + "”" * 3,
    "mixed_quotes": "«Kami» „menolak“ ‚itu‘ “dan” 「ini」 kata Retno.",
    "numbers": "Pada 31/02/2023, 99/99, 20-3-2023, tahun 0, 10.000.000.000.000 orang, pukul 25:61.",
    "dates_only": "Senin Selasa Rabu Kamis Jumat Sabtu Minggu kemarin besok lusa pekan lalu bulan depan.",
    "titles_only": "Presiden Menteri Gubernur Bupati Jenderal Kapolri Panglima Presiden.",
    "newlines": "\n".join(["Presiden"] * 2000),
    "crlf": "Presiden Joko Widodo bertemu Xi.\r\nIa berkata \"ya\".\r\n\r\nSelesai.\r",
    "tabs_nbsp": "Presiden\u00a0Joko\tWidodo\u00a0\u00a0bertemu\u2009Xi\u3000Jinping.",
    "html": "<p>Presiden <b>Joko</b> &amp; Xi</p><script>alert('x')</script> di &quot;Beijing&quot;.",
    "url_email": "Lihat https://contoh.example/a?b=c&d=e#f atau surat@contoh.example. Presiden bertemu.",
    "english": "The President of Indonesia met Xi Jinping in Beijing on Monday. \"We agree,\" he said.",
    "all_caps": "PRESIDEN JOKO WIDODO MENGECAM SERANGAN ISRAEL KE GAZA. \"KAMI MENOLAK,\" KATANYA.",
    "lower": "presiden joko widodo mengecam serangan israel ke gaza kemarin.",
    "repeated_sentence": "Presiden Joko Widodo bertemu Xi Jinping di Beijing. " * 2000,
    "lone_apostrophes": "' ' ' Jum'at ' Qur'an ' ' '",
    "brackets": "((((((((((Presiden bertemu))))))) ]]]] [[[[ {{{{ Xi",
}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.load()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input(extractor: Extractor, name: str) -> None:
    article = Article(id=name, text=HOSTILE[name], language="id")
    doc = extractor.run(article)
    assert doc.article.text == HOSTILE[name]
    assert invariant_problems(doc) == []


def test_hostile_inputs_in_parallel() -> None:
    """The same inputs through worker processes: pickling big or odd documents must work too."""
    articles = [Article(id=name, text=text) for name, text in sorted(HOSTILE.items())]
    assert check_all(articles, jobs=2) == len(HOSTILE)


def test_invariant_checker_catches_a_bad_span() -> None:
    """Guard the guard: a span whose surface does not match the text must be reported."""
    doc = Document(article=Article(id="x", text="Presiden Joko Widodo"))
    doc.times.append(TimeRef(span=Span(0, 8, "Presidan"), sentence=0, value=None, granularity="unresolved"))
    assert any("does not match" in p for p in invariant_problems(doc))
