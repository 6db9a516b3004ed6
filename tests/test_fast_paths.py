"""The speed shortcuts must give exactly what the plain computation gives.

Each shortcut (date patterns tried only where a word they can start with begins, NER marginals
only inside entities, first-token indexes for role words, group expressions and KB aliases) is
compared here with the straightforward computation it replaces, on sentences of our own.
"""

from __future__ import annotations

import pytest

from peristiwa.api import Extractor
from peristiwa.extract.dates import TimeStage, _matches_at
from peristiwa.extract.ner import NerTagger, bio_spans

SENTENCES = [
    "Presiden Joko Widodo tiba di Bali pada Senin (20/3) dan bertemu Perdana Menteri Jepang.",
    "Rapat digelar Jum'at, 3 Mei 2024, dua hari setelah kunjungan; sehari sebelumnya hujan.",
    "Pada akhir Juni lalu, sekitar 2.019 orang mengungsi; 2019 poin; tahun 2020 dan 12/05/2021.",
    "Sejak awal tahun ini, KAMIS pagi, pekan depan, bulan lalu, kemarin lusa, baru-baru ini.",
    "Tanggal 2023-03-21 dan 21-3-2023 serta pertengahan Maret 2022 tercatat di Kemenlu.",
    "Dalam beberapa tahun terakhir warga Desa Mei Ling menolak; Universitas Sebelas Maret diam.",
    # IGNORECASE also equates some non-ASCII letters with ASCII ones (dotless ı, Kelvin sign):
    "Kamıs ıni, \u212aemarin, ٣ Maret, ǅuni dan Sabtu² tidak boleh membuat jalan pintas salah.",
    "",
    "(((",
]


@pytest.fixture(scope="module")
def stage() -> TimeStage:
    return TimeStage.load("id")


def test_date_patterns_tried_at_word_starts_find_what_finditer_finds(stage: TimeStage) -> None:
    text = " ".join(SENTENCES) + " " + " ".join(s.upper() for s in SENTENCES)
    positions = stage._starts.positions(text)
    assert any(p is not None for p in positions), "at least one pattern must be gated"
    found = 0
    for (pattern, _handler), starts in zip(stage._patterns, positions, strict=True):
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        if starts is not None:
            assert [(m.span(), m.groupdict()) for m in _matches_at(pattern, text, starts)] == expected
        found += len(expected)
    assert found > 20


def test_non_ascii_word_starts_are_candidates_for_every_gated_pattern(stage: TimeStage) -> None:
    positions = stage._starts.positions("ıni")
    assert all(p == [0] for p in positions if p is not None)
    assert all(p == [] for p in stage._starts.positions("xyz qqq") if p is not None)


def test_date_stage_output_on_own_sentences(stage: TimeStage) -> None:
    from datetime import date

    times = stage.find(SENTENCES[0], date(2023, 3, 21))
    assert [(t.span.text, t.value) for t in times] == [("Senin (20/3)", "2023-03-20")]


def test_ner_confidence_is_the_weakest_marginal_inside_the_entity() -> None:
    tagger = NerTagger.load()
    tokens = ["Menteri", "Keuangan", "Sri", "Mulyani", "bertemu", "pimpinan", "Bank", "Indonesia", "di",
              "Jakarta", "."]
    tags, probs = tagger.tag_with_marginals(tokens)
    expected = [(s, e, t, min(probs[s:e])) for s, e, t in bio_spans(tags)]
    assert tagger.spans(tokens) == expected
    assert len(expected) >= 2


def test_ner_features_pad_both_sentence_ends() -> None:
    extractor = NerTagger.load().extractor
    feats = extractor.sequence(["Dia", "datang", "ke", "Bandung"])
    assert "pad-2" in feats[0] and "pad-1" in feats[0] and "pad1" not in feats[0]
    assert "pad1" in feats[3] and "pad2" in feats[3] and "pad-1" not in feats[3]
    assert "first" in feats[0] and "first" not in feats[1]
    assert "b-1=<s>|dia" in feats[0] and "b+1=bandung|</s>" in feats[3]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.load(use_ner=False)


def _brute_role_at(pack, norms: list[str], i: int) -> tuple[int, object]:  # the pre-index algorithm
    from peristiwa.lang.pack import _unreduplicate

    for n in range(pack.max_role_tokens, 0, -1):
        if i + n > len(norms):
            continue
        key = tuple(norms[i : i + n])
        word = pack.roles.get(key) or (pack.roles.get((_unreduplicate(key[0]),)) if n == 1 else None)
        if word is not None:
            return n, word
    return 0, None


def test_role_group_and_alias_indexes_agree_with_brute_force(extractor: Extractor) -> None:
    pack, kb = extractor.pack, extractor.kb
    words: list[str] = []
    for key in list(pack.roles)[:300] + list(pack.groups) + list(kb.aliases)[:300]:
        words.extend(key)
    words += ["pasukan-pasukan", "menteri-menteri", "kedua", "negara", "x-y", "dia", "mereka"]
    assert pack.groups, "the Indonesian pack has group expressions"
    for i in range(len(words)):
        assert pack.role_at(words, i) == _brute_role_at(pack, words, i)
        brute_group = next(((n, pack.groups[tuple(words[i : i + n])]) for n in (4, 3, 2, 1)
                            if i + n <= len(words) and tuple(words[i : i + n]) in pack.groups), (0, None))
        assert pack.group_at(words, i) == brute_group
        if not kb.starts_alias(words[i]):
            assert kb.match(words, words, i) == (0, [])


def _brute_lookup(lexicon, words: list[str], start: int):  # the pre-shortcut algorithm
    from peristiwa.extract.tone import _strip_clitic

    for length in range(min(lexicon.max_len, len(words) - start), 0, -1):
        key = tuple(words[start : start + length])
        if key in lexicon.entries:
            return length, lexicon.entries[key]
        bare = _strip_clitic(key[-1])
        if bare != key[-1] and (*key[:-1], bare) in lexicon.entries:
            return length, lexicon.entries[(*key[:-1], bare)]
    return None


def test_tone_lookup_shortcut_agrees_with_brute_force() -> None:
    from peristiwa.extract.tone import SentimentLexicon

    lexicon = SentimentLexicon.load("id")
    words: list[str] = []
    for key in list(lexicon.entries)[:400]:
        words.extend(key)
        words.append(key[-1] + "nya")
        words.append("dan")
    words += ["baiklah", "nya", "pun", "tidak", "sangat", "kah"]
    assert any(len(k) > 1 for k in lexicon.entries), "the lexicon has phrases"
    for i in range(len(words) + 1):
        assert lexicon.lookup(words, i) == _brute_lookup(lexicon, words, i)


def test_place_first_word_shortcut_never_skips_a_gazetteer_name(extractor: Extractor) -> None:
    from peristiwa.extract.places import Gazetteer, _starts_no_key, norm_key

    gaz = Gazetteer.load()
    text = ("Warga Kota Bandung dan Jawa Barat pergi ke New York, Rp500 di Côte d'Ivoire, "
            "Sungai Mekong; Kuala Lumpur-Singapura. Rapat Besar Zzyzx Qwerty Tanjung Priok")
    segmenter = extractor.segmenter
    _, toks = segmenter.segment(text)
    skipped = 0
    for i, tok in enumerate(toks):
        if not _starts_no_key(tok, text, gaz.first_words()):
            continue
        skipped += 1
        for j in range(i + 1, min(len(toks), i + gaz.max_tokens) + 1):
            assert norm_key(text[tok.start : toks[j - 1].end]) not in gaz
    assert skipped >= 5
    assert not _starts_no_key(toks[1], text, gaz.first_words()) or "kota" not in gaz.first_words()
