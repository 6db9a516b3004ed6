"""Direct and indirect quotes with their speakers (our own sentences)."""

from __future__ import annotations


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
