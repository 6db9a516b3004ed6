"""Direct and indirect quotes with their speakers (our own sentences)."""

from __future__ import annotations

import re

import pytest


def speakers(doc, kind="direct"):
    return [(q.span.text, q.speaker.kb_id if q.speaker else None) for q in doc.quotes if q.kind == kind]


def test_quote_then_kata_speaker(extract):
    doc = extract("“Kami tidak akan mundur,” kata Volodymyr Zelensky di Kyiv.")
    assert speakers(doc) == [("Kami tidak akan mundur,", "volodymyr-zelensky")]


def test_quote_then_ujar_with_title(extract):
    doc = extract("“Situasinya terkendali,” ujar Menteri Luar Negeri Retno Marsudi.", "2020-01-10")
    assert speakers(doc)[0][1] == "retno-marsudi"


def test_speaker_before_quote_with_verb(extract):
    doc = extract("Emmanuel Macron mengatakan bahwa Eropa “harus bersatu menghadapi ancaman ini.”")
    assert ("harus bersatu menghadapi ancaman ini.", "emmanuel-macron") in speakers(doc)


def test_tambahnya_takes_previous_speaker(extract):
    text = ("Benjamin Netanyahu mengatakan operasi itu “akan berlanjut.”\n"
            "“Kami akan mencapai semua tujuan kami,” tambahnya.")
    doc = extract(text)
    assert [s for _, s in speakers(doc)] == ["benjamin-netanyahu", "benjamin-netanyahu"]
    assert doc.quotes[-1].rule.startswith("quote:after:tambahnya")


def test_quote_continued_in_next_sentence(extract):
    text = "“Ini langkah penting,” kata Antony Blinken. “Kami akan terus mendukung mitra kami.”"
    doc = extract(text)
    assert [s for _, s in speakers(doc)] == ["antony-blinken", "antony-blinken"]
    assert doc.quotes[-1].rule == "quote:continuation"


def test_menurut_attribution(extract):
    doc = extract("Menurut Vladimir Putin, sanksi itu “tidak akan berhasil.”")
    assert speakers(doc)[0][1] == "vladimir-putin"


def test_indirect_speech(extract):
    doc = extract("Joko Widodo mengatakan pemerintah akan menaikkan anggaran pendidikan.", "2019-08-16")
    indirect = speakers(doc, "indirect")
    assert indirect and indirect[0][1] == "joko-widodo"
    assert indirect[0][0].startswith("pemerintah akan menaikkan")


def test_quote_of_unknown_speaker_keeps_name(extract):
    doc = extract("“Harga cabai naik terus,” kata Siti Rahmawati, pedagang di pasar.")
    quote = doc.quotes[0]
    assert quote.speaker is not None and quote.speaker.kb_id is None
    assert "Siti" in quote.speaker.name


def test_evidence_span_points_at_attribution(extract):
    text = "“Kami siap berunding,” kata Vladimir Putin."
    doc = extract(text)
    evidence = doc.quotes[0].evidence
    assert evidence is not None
    assert text[evidence.start : evidence.end] == evidence.text
    assert "kata" in evidence.text and "Putin" in evidence.text


# our own sentences with the punctuation real pages have: lost closing marks, mixed straight/curly quotes
UGLY = [
    "“Kami menolak rencana itu, kata Menteri Luar Negeri Retno Marsudi.\n\nPemerintah lalu menggelar rapat.\n\n"
    "Sementara itu, juru bicara mengatakan bahwa semuanya aman.” Rapat berlanjut.",
    "Ia berkata: “Kami siap. “Kami juga siap berunding,” kata Retno di Jakarta.",
    "Presiden berkata \"kami siap”. Menteri menjawab “tidak ada masalah\" sambil tersenyum.\n\n“Ini penting,” ujarnya.",
    "«Kami menolak, kata juru bicara itu.\n\nParagraf lain yang panjang sekali tanpa penutup.\n\nAkhir».",
]


@pytest.mark.parametrize("text", UGLY)
def test_unbalanced_quote_marks_never_span_paragraphs(extract, text):
    doc = extract(text)
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*", text)]
    for quote in doc.quotes:
        assert doc.text[quote.span.start:quote.span.end] == quote.span.text
        assert any(s <= quote.span.start and quote.span.end <= e for s, e in paragraphs), quote.span.text


def test_nested_opening_mark_keeps_the_inner_quote(extract):
    doc = extract(UGLY[1])
    assert [q.span.text for q in doc.quotes if q.kind == "direct"] == ["Kami juga siap berunding,"]


class _CountingTokens(list):
    """doc.tokens that counts every token read, so the test bounds work, not wall time."""

    reads = 0

    def __getitem__(self, key):
        item = super().__getitem__(key)
        self.reads += len(item) if isinstance(key, slice) else 1
        return item

    def __iter__(self):
        for item in super().__iter__():
            self.reads += 1
            yield item


def _quote_work(extractor, pairs: int) -> tuple[int, int, int]:
    """Token reads of the quote stage on one sentence of `pairs` tiny quotes (stray `"` marks and
    combining accents, as a fuzzer made): returns (reads, tokens, quotes)."""
    from peristiwa.extract.quotes import QuoteStage

    text = "Joko Widodo mengatakan " + "".join(f'"{"́" * (1 + i % 3)}x{i % 7}"' for i in range(pairs))
    doc = extractor.pipeline.without("quotes", "events", "tone").run(
        extractor.extract(text).article)
    doc.tokens = _CountingTokens(doc.tokens)
    QuoteStage(extractor.pack)(doc)
    return doc.tokens.reads, len(doc.tokens), len(doc.quotes)


def test_many_quotes_in_one_sentence_cost_linear_work(extractor):
    """Attribution once scanned the whole sentence per quote: 84k characters of `"` took 151 s."""
    small, large = _quote_work(extractor, 500), _quote_work(extractor, 2000)
    assert small[2] >= 500 and large[2] >= 2000  # every pair is a quote
    for reads, tokens, _ in (small, large):
        assert reads <= 40 * tokens, (reads, tokens)
    assert large[0] <= 6 * small[0]  # 4x the input, ~4x the reads (quadratic would be 16x)


# -- unmarked quotes of web news and blogs: block paragraphs after a colon, speaker-labelled lines --
def blocks(doc):
    return [(q.span.text, q.speaker.name if q.speaker else None, q.rule) for q in doc.quotes if q.kind == "block"]


def test_block_quote_after_colon_intro_with_speech_verb(extract):
    text = ("Budi Santoso, seorang narablog dari Medan, menulis:\n\n"
            "Pemerintah daerah harus segera memperbaiki jalan yang rusak itu. Warga sudah menunggu lama.")
    [(span, speaker, rule)] = blocks(extract(text))
    assert span.startswith("Pemerintah daerah") and span.endswith("menunggu lama.")
    assert "Budi" in speaker and rule == "quote:block:menulis"


def test_block_quote_speaker_is_subject_of_a_non_speech_verb(extract):
    text = ("Narablog dari Surabaya, Rina Wulandari melaporkan:\n\n"
            "Ribuan warga turun ke jalan sejak pagi dan polisi menutup jalan utama.")
    [(_, speaker, rule)] = blocks(extract(text))
    assert "Rina" in speaker and rule == "quote:block:melaporkan"


def test_block_quote_intro_without_verb_takes_its_named_subject(extract):
    text = "Sebagai ketua kelompok tani, Agus Salim:\n\nKeputusan ini jelas merugikan para petani kecil."
    [(_, speaker, rule)] = blocks(extract(text))
    assert "Agus" in speaker and rule == "quote:block:intro-subject"


def test_block_quote_pronoun_or_bare_verb_intro_continues_the_last_speaker(extract):
    text = ("Joko Widodo menulis:\n\nAnggaran pendidikan akan naik tahun depan.\n\n"
            "Lalu menambahkan:\n\nSekolah di desa akan mendapat guru baru.")
    quotes = blocks(extract(text))
    assert [s for _, s, _ in quotes] == ["Joko Widodo", "Joko Widodo"]
    assert quotes[1][2] == "quote:block:menambahkan:previous-speaker"


def test_block_quote_after_tambahnya_colon(extract):
    text = ("Joko Widodo mengatakan pemerintah “siap membantu.”\n\nTambahnya:\n\n"
            "Bantuan akan tiba dalam dua hari.")
    block = blocks(extract(text))[-1]
    assert block[0] == "Bantuan akan tiba dalam dua hari." and block[1] == "Joko Widodo"
    assert block[2].startswith("quote:block:after:tambahnya")


def test_section_header_with_colon_introduces_no_block(extract):
    text = "Suara dari Ibu Kota:\n\nPergerakan Massa\n\nWarga berkumpul di alun-alun kota."
    assert blocks(extract(text)) == []


def test_tweet_label_lines_name_their_writers(extract):
    text = ("Beberapa pengguna Twitter menanggapi kabar itu.\n\n"
            "@warga_medan: Banjir lagi di jalan utama, tidak ada petugas sama sekali.\n\n"
            "kopi_pagi: Semoga pemerintah kota cepat bertindak.")
    quotes = blocks(extract(text))
    assert [(s, r) for _, s, r in quotes] == [("@warga_medan", "quote:tweet-label"),
                                              ("kopi_pagi", "quote:tweet-label")]
    assert quotes[0][0] == "Banjir lagi di jalan utama, tidak ada petugas sama sekali."


def test_label_that_is_a_note_a_place_or_a_headline_is_no_speaker(extract):
    text = ("Yunani: Ribuan Warga Memprotes Kenaikan Pajak\n\n"
            "Catatan: artikel ini diperbarui pada hari Senin.\n\nRapat: Membahas Anggaran Baru")
    assert blocks(extract(text)) == []


def test_block_quote_around_marked_title_keeps_both(extract):
    """The title stays a marked quote for the event coder; the block is the blogger's words."""
    text = "Andi Wijaya menulis:\n\nJudul berita “Kota Tenggelam Lagi” itu berlebihan sekali."
    doc = extract(text)
    [block] = blocks(doc)
    assert block[0].startswith("Judul berita") and "Andi" in block[1]
    assert [q.span.text for q in doc.quotes if q.kind == "direct"] == ["Kota Tenggelam Lagi"]


def test_block_quote_intro_naming_no_actor_keeps_its_noun_phrase(extract):
    text = ("Pemilik warung kopi yang tokonya terbakar menulis:\n\n"
            "Semua barang dagangan saya habis dalam semalam.")
    [(_, speaker, rule)] = blocks(extract(text))
    assert speaker == "Pemilik warung kopi" and rule == "quote:block:menulis:phrase"


def test_block_quote_adverbial_intro_is_no_speaker_phrase(extract):
    text = "Dalam laporan sore yang beredar di grup warga:\n\nJembatan utama kota itu ditutup sejak pagi."
    [(_, speaker, _)] = blocks(extract(text))
    assert speaker is None


def test_name_then_news_verb_after_the_quote(extract):
    doc = extract("“Kami akan terus menuntut keadilan bagi para korban,” Antara mewartakan.")
    [quote] = [q for q in doc.quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "Antara"
    assert quote.rule == "quote:after-name:mewartakan"


def test_shouted_quote_after_colon_has_its_speaker(extract):
    doc = extract("Ratusan mahasiswa berseru: “Turunkan harga beras sekarang juga!”")
    [quote] = [q for q in doc.quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.rule == "quote:before:berseru"


def test_intro_after_intro_is_no_block_quote(extract):
    text = "Andi Wijaya menulis:\n\nDia lalu bertanya kepada wali kota:\n\nMengapa jalan ini belum juga diperbaiki?"
    assert [span for span, _, _ in blocks(extract(text))] == ["Mengapa jalan ini belum juga diperbaiki?"]


def test_intro_that_lost_its_colon_still_introduces_a_block(extract):
    text = ("Rina Wulandari, aktivis lingkungan dari Riau, mengatakan hal yang sama\n\n"
            "Asap kebakaran hutan sudah membuat anak-anak sakit selama sebulan.")
    [(span, speaker, rule)] = blocks(extract(text))
    assert span.startswith("Asap kebakaran") and "Rina" in speaker and rule == "quote:block:mengatakan"


def test_photo_caption_without_full_stop_introduces_nothing(extract):
    text = "Warga membawa spanduk di depan kantor gubernur\n\nAksi itu berlangsung sampai sore."
    assert blocks(extract(text)) == []


def test_inline_colon_intro_quotes_the_rest_of_the_paragraph(extract):
    text = "Narablog lain, Dewi Lestari, menulis: Kami tidak akan diam melihat hutan kami dibakar."
    [(span, speaker, rule)] = blocks(extract(text))
    assert span == "Kami tidak akan diam melihat hutan kami dibakar."
    assert "Dewi" in speaker and rule == "quote:inline:menulis"


def test_inline_colon_without_speech_verb_is_no_quote(extract):
    assert blocks(extract("Jadwal rapat: Senin pagi di balai kota, dihadiri semua camat.")) == []


def test_intro_phrase_is_the_stretch_next_to_its_verb_and_a_role_noun_is_no_verb(extract):
    text = "Joko Widodo menulis:\n\nKami siap.\n\nPukul sepuluh, sang menteri menjawab:\n\nBaik, nanti saya periksa."
    last = blocks(extract(text))[-1]
    assert last[1] == "sang menteri" and last[2] == "quote:block:menjawab:phrase"


def test_urging_verb_before_a_marked_quote_names_its_speaker(extract):
    doc = extract("Di depan para pemimpin partai, Retno Marsudi mendesak semua pihak, "
                  "“Jangan biarkan kekerasan terulang.”")
    [quote] = [q for q in doc.quotes if q.kind == "direct"]
    assert quote.speaker is not None and "Retno" in quote.speaker.name and quote.rule == "quote:before:mendesak"


def test_country_in_an_intro_is_no_speaker(extract):
    text = "Seorang narablog dari Malaysia menulis:\n\nHarga minyak goreng naik dua kali lipat bulan ini."
    [(_, speaker, rule)] = blocks(extract(text))
    assert speaker == "Seorang narablog dari Malaysia" and rule == "quote:block:menulis:phrase"


def test_platform_in_an_intro_is_no_speaker(extract):
    text = "Pengguna Facebook dari Medan menulis:\n\nListrik padam lagi sejak tadi malam di kampung kami."
    [(_, speaker, _)] = blocks(extract(text))
    assert speaker == "Pengguna Facebook dari Medan"
