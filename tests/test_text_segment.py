"""Sentence splitting and tokenisation on our own Indonesian examples."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from peristiwa.model import Article, Document
from peristiwa.pipeline import Pipeline
from peristiwa.text.normalize import norm_token, normalize_text
from peristiwa.text.segment import Segmenter, SegmentStage, load_abbreviations

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "xi-putin-id.txt"


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return Segmenter("id")


def sents(seg: Segmenter, text: str) -> list[str]:
    return [s.text for s in seg.segment(text)[0]]


def toks(seg: Segmenter, text: str) -> list[str]:
    return [t.text for t in seg.segment(text)[1]]


# --- sentence boundaries: (text, expected sentences)
SENTENCE_CASES = [
    pytest.param(
        "Menteri itu tiba pukul 09.00. Ia langsung menuju istana.",
        ["Menteri itu tiba pukul 09.00.", "Ia langsung menuju istana."],
        id="plain-two",
    ),
    pytest.param(
        "Kantornya di Jl. Merdeka Barat No. 7, Jakarta Pusat. Wartawan menunggu di luar.",
        ["Kantornya di Jl. Merdeka Barat No. 7, Jakarta Pusat.", "Wartawan menunggu di luar."],
        id="jl-no",
    ),
    pytest.param(
        "Acara dibuka oleh Prof. Dr. Siti Aminah, M.Si. dan dr. Budi Hartono. Sambutan berlangsung singkat.",
        [
            "Acara dibuka oleh Prof. Dr. Siti Aminah, M.Si. dan dr. Budi Hartono.",
            "Sambutan berlangsung singkat.",
        ],
        id="titles-degrees",
    ),
    pytest.param(
        "Saya menantang Mr. Hadi dan Ms. Karman untuk berbicara. Mereka diam.",
        ["Saya menantang Mr. Hadi dan Ms. Karman untuk berbicara.", "Mereka diam."],
        id="english-address",
    ),
    pytest.param(
        "Rombongan dipimpin H. Rahmat dan Hj. Nurlela. Mereka berangkat pagi.",
        ["Rombongan dipimpin H. Rahmat dan Hj. Nurlela.", "Mereka berangkat pagi."],
        id="haji-hajjah",
    ),
    pytest.param(
        "Gedung itu diresmikan B. J. Habibie pada 1998. Susilo B. Yudhoyono hadir kemudian.",
        ["Gedung itu diresmikan B. J. Habibie pada 1998.", "Susilo B. Yudhoyono hadir kemudian."],
        id="initials",
    ),
    pytest.param(
        "Pembelian meliputi beras, gula, minyak, dll. Pemerintah menanggung ongkos kirim.",
        ["Pembelian meliputi beras, gula, minyak, dll.", "Pemerintah menanggung ongkos kirim."],
        id="dll-ends-sentence",
    ),
    pytest.param(
        "Barang seperti kursi, meja, dsb. ikut dilelang.",
        ["Barang seperti kursi, meja, dsb. ikut dilelang."],
        id="dsb-mid-sentence",
    ),
    pytest.param(
        "Saham PT. Sinar Abadi Tbk. naik 3,5 persen. Investor menyambut baik.",
        ["Saham PT. Sinar Abadi Tbk. naik 3,5 persen.", "Investor menyambut baik."],
        id="pt-tbk",
    ),
    pytest.param(
        "Warga Kab. Sleman dan Kec. Depok berkumpul. Sdr. Andi memimpin doa.",
        ["Warga Kab. Sleman dan Kec. Depok berkumpul.", "Sdr. Andi memimpin doa."],
        id="kab-kec-sdr",
    ),
    pytest.param(
        "Surat ditandatangani a.n. Menteri oleh Sekjen. Salinan dikirim u.p. Biro Hukum.",
        ["Surat ditandatangani a.n. Menteri oleh Sekjen.", "Salinan dikirim u.p. Biro Hukum."],
        id="an-up",
    ),
    pytest.param(
        "Dia berkata, “Hubungan kedua negara akan semakin erat.” Para diplomat bertepuk tangan.",
        ["Dia berkata, “Hubungan kedua negara akan semakin erat.”", "Para diplomat bertepuk tangan."],
        id="closing-quote-after-stop",
    ),
    pytest.param(
        "“Apakah kita siap?” tanya Gubernur. “Tentu!” jawab mereka.",
        ["“Apakah kita siap?” tanya Gubernur.", "“Tentu!” jawab mereka."],
        id="question-in-quote-lowercase-follow",
    ),
    pytest.param(
        "Benarkah itu?! Tidak ada yang tahu. Semua menunggu...  Lalu hujan turun.",
        ["Benarkah itu?!", "Tidak ada yang tahu.", "Semua menunggu...", "Lalu hujan turun."],
        id="interrobang-ellipsis",
    ),
    pytest.param(
        "Harga naik menjadi Rp 500.000 per ton. Sebelumnya 450.000.",
        ["Harga naik menjadi Rp 500.000 per ton.", "Sebelumnya 450.000."],
        id="thousands",
    ),
    pytest.param(
        "Prabowo Terima Kunjungan Menlu Jepang\n"
        "JAKARTA, KOMPAS.com — Presiden menerima tamu (21/3). Pertemuan tertutup.",
        [
            "Prabowo Terima Kunjungan Menlu Jepang",
            "JAKARTA, KOMPAS.com — Presiden menerima tamu (21/3).",
            "Pertemuan tertutup.",
        ],
        id="headline-dateline",
    ),
    pytest.param(
        "Paragraf pertama selesai.\n\nSubjudul Tanpa Titik\nParagraf kedua dimulai.",
        ["Paragraf pertama selesai.", "Subjudul Tanpa Titik", "Paragraf kedua dimulai."],
        id="subheading",
    ),
    pytest.param(
        "Laporan lengkap ada di https://contoh.go.id/laporan.pdf. Hubungi humas@contoh.go.id. Terima kasih.",
        [
            "Laporan lengkap ada di https://contoh.go.id/laporan.pdf.",
            "Hubungi humas@contoh.go.id.",
            "Terima kasih.",
        ],
        id="url-email",
    ),
    pytest.param(
        "Teks yang dibungkus baris\nsecara manual tetap satu kalimat.",
        ["Teks yang dibungkus baris\nsecara manual tetap satu kalimat."],
        id="hard-wrapped-line",
    ),
    pytest.param(
        "Kerja sama itu disebut “strategis dan jujur (bagi kedua pihak).” Menlu lalu pulang.",
        ["Kerja sama itu disebut “strategis dan jujur (bagi kedua pihak).”", "Menlu lalu pulang."],
        id="bracket-stop-quote",
    ),
    pytest.param(
        "Jumlah korban mencapai 12. 300 rumah rusak.",
        ["Jumlah korban mencapai 12.", "300 rumah rusak."],
        id="digit-starts-sentence",
    ),
    pytest.param(
        "Kontrak diteken dengan Sentosa Ltd. (SL) di Singapura.",
        ["Kontrak diteken dengan Sentosa Ltd. (SL) di Singapura."],
        id="ltd-bracket",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentences(seg: Segmenter, text: str, expected: list[str]) -> None:
    assert sents(seg, text) == expected


# --- tokens: (text, expected tokens)
TOKEN_CASES = [
    pytest.param(
        "Negara-negara ASEAN menjalin kerja-sama.",
        ["Negara-negara", "ASEAN", "menjalin", "kerja-sama", "."],
        id="reduplication",
    ),
    pytest.param("Rumahnya dijual kepadanya.", ["Rumahnya", "dijual", "kepadanya", "."], id="nya-clitic"),
    pytest.param(
        "Inflasi 3,5 persen atau Rp500.000.",
        ["Inflasi", "3,5", "persen", "atau", "Rp", "500.000", "."],
        id="numbers",
    ),
    pytest.param(
        "“Kami siap,” katanya.", ["“", "Kami", "siap", ",", "”", "katanya", "."], id="quotes-separate"
    ),
    pytest.param(
        "Pertemuan ke-2 digelar Jumat (21/3).",
        ["Pertemuan", "ke-2", "digelar", "Jumat", "(", "21/3", ")", "."],
        id="ordinal-date",
    ),
    pytest.param(
        "Baca KOMPAS.com atau detik.co.id hari ini.",
        ["Baca", "KOMPAS.com", "atau", "detik.co.id", "hari", "ini", "."],
        id="domains",
    ),
    pytest.param(
        "Ia menjabat Gubernur, S.H. dan M.Si.",
        ["Ia", "menjabat", "Gubernur", ",", "S.H.", "dan", "M.Si."],
        id="dotted-degrees",
    ),
    pytest.param("Jum'at lalu ia datang.", ["Jum'at", "lalu", "ia", "datang", "."], id="apostrophe-word"),
]


@pytest.mark.parametrize(("text", "expected"), TOKEN_CASES)
def test_tokens(seg: Segmenter, text: str, expected: list[str]) -> None:
    assert toks(seg, text) == expected


def test_offsets_and_token_ranges_are_consistent(seg: Segmenter) -> None:
    text = "Judul Berita\nJAKARTA — Menlu bertemu Dubes. “Baik,” ujarnya…  Selesai!"
    sentences, tokens = seg.segment(text)
    for tok in tokens:
        assert text[tok.start : tok.end] == tok.text
    assert sentences[0].token_start == 0
    assert sentences[-1].token_end == len(tokens)
    for prev, cur in itertools.pairwise(sentences):
        assert prev.token_end == cur.token_start
        assert prev.end <= cur.start
    for i, sent in enumerate(sentences):
        assert sent.index == i
        assert text[sent.start : sent.end] == sent.text
        assert sent.start == tokens[sent.token_start].start
        assert sent.end == tokens[sent.token_end - 1].end


def test_norm_unifies_quotes_dashes_and_case(seg: Segmenter) -> None:
    _, tokens = seg.segment("Dia ‘MENOLAK’ tuduhan—katanya.")
    norms = [t.norm for t in tokens]
    assert norms == ["dia", "'", "menolak", "'", "tuduhan", "-", "katanya", "."]
    assert norm_token("Ｊａｋａｒｔａ") == "jakarta"
    assert norm_token("“") == '"'


def test_normalize_text_maps_offsets_back() -> None:
    original = "Kata “ﬁnal” … Selesai"
    norm = normalize_text(original)
    assert norm.text == 'kata "final" ... selesai'
    start = norm.text.index("final")
    s, e = norm.span_to_original(start, start + len("final"))
    assert original[s:e] == "ﬁnal"
    i = norm.text.index("selesai")
    assert original[norm.to_original(i) :].startswith("Selesai")
    dots = norm.text.index("...")
    assert norm.span_to_original(dots, dots + 1) == (original.index("…"), original.index("…") + 1)
    ascii_norm = normalize_text("ABC def", lower=False)
    assert ascii_norm.text == "ABC def" and ascii_norm.to_original(4) == 4


def test_empty_and_whitespace_text(seg: Segmenter) -> None:
    assert seg.segment("") == ([], [])
    assert seg.segment("  \n\n ") == ([], [])


def test_abbreviation_files_load_for_all_languages() -> None:
    for language, form in (("id", "Jl."), ("en", "Mr."), ("ms", "Sdn.")):
        table = load_abbreviations(language)
        assert table[form] == "prefix"
    assert load_abbreviations("id")["dll."] == "end"
    assert load_abbreviations("id")["JL."] == "prefix"  # upper-case variant registered


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no abbreviation list"):
        Segmenter("xx")


def test_pathological_dot_runs_stay_linear(seg: Segmenter) -> None:
    started = time.perf_counter()
    _, tokens = seg.segment("abcd.efgh." * 5000 + "ab.cd" * 5000 + "@")
    assert len(tokens) > 10_000
    assert time.perf_counter() - started < 2.0


def test_segment_stage_fills_document() -> None:
    stage = SegmentStage(Segmenter("id"))
    assert stage.name == "segment"
    doc = Pipeline([stage]).run(Article(id="x", text="Satu dua. Tiga empat."))
    assert isinstance(doc, Document)
    assert [s.text for s in doc.sentences] == ["Satu dua.", "Tiga empat."]
    assert [t.text for t in doc.sentence_tokens(doc.sentences[1])] == ["Tiga", "empat", "."]


def test_seed_article_headlines(seg: Segmenter) -> None:
    if not SEED.exists():
        pytest.skip(f"seed article not available at {SEED} (../shared is absent)")
    text = SEED.read_text(encoding="utf-8")
    sentences, _ = seg.segment(text)
    lines = [line for line in text.split("\n") if line.strip()]
    assert len(sentences) >= len(lines)  # every line ends a sentence, none is merged
    assert any(s.text.startswith("‘") and s.text.endswith("’") for s in sentences)  # quoted sub-heading
