"""Title-case headlines: capitals carry no information there, so no run of words becomes one name."""

from __future__ import annotations

from peristiwa.extract.casing import case_view, is_title_case


def words(line: str) -> list[str]:
    return line.split(" ")


def test_a_headline_is_title_case_and_name_dense_prose_is_not():
    assert is_title_case(words("Filipina : Tentara Membakar Gudang Beras Di Mindanao"))
    # many titles and names, but lower-case verbs: prose
    assert not is_title_case(words("Perdana Menteri Jepang Fumio Kishida menemui Presiden Korea Selatan"))
    assert not is_title_case(words("Budi Santosa , dari UEA menulis"))
    assert not is_title_case(words("Polisi Datang"))  # too short to judge


def test_case_view_lowers_unknown_words_of_a_headline_only():
    line = words("Filipina : Tentara Membakar Gudang Beras Di Mindanao")
    assert case_view(line, lambda: {0, 7}) == ["Filipina", ":", "tentara", "membakar", "gudang", "beras", "di",
                                                "Mindanao"]
    prose = words("Tentara Filipina membakar gudang")
    assert case_view(prose, lambda: set()) == prose
    assert case_view(words("Polisi Menangkap Anggota ASEAN Di Kota"), lambda: set())[3] == "ASEAN"


def test_a_headline_is_not_read_as_one_long_name(extract):
    text = "Mesir: Polisi Menahan Penulis Muda Di Kairo\n\nPolisi Mesir menahan seorang penulis di Kairo."
    doc = extract(text)
    headline = [m for m in doc.mentions if m.sentence == 0]
    assert all(len(m.span.text.split()) <= 2 for m in headline), [m.span.text for m in headline]
    assert all(doc.text[m.span.start:m.span.end] == m.span.text for m in doc.mentions)
    polisi = [m for m in headline if m.span.text == "Polisi"]
    assert polisi and polisi[0].actor is not None and polisi[0].actor.code == "EGYCOP"


def test_a_headline_keeps_a_name_the_article_capitalises_in_prose(extract):
    text = "Kecaman Atas Pidato Wiranegara Di Jenewa\n\nBanyak diplomat mengecam pidato Wiranegara kemarin."
    doc = extract(text)
    names = [m.span.text for m in doc.mentions if m.sentence == 0]
    assert "Wiranegara" in names
    assert not any("Kecaman" in n or "Pidato" in n for n in names)


def test_a_capital_city_that_the_prose_writes_as_a_common_word_is_no_name_in_a_title_case_headline(extract):
    doc = extract("Arab Saudi Mengeksekusi Lima Pria Yaman\n\nArab Saudi memenggal lima pria Yaman di Riyadh.")
    assert not [m for m in doc.mentions if m.span.text == "Lima"]
    assert [m.actor.code for m in doc.mentions if m.span.text == "Yaman"] == ["YEM", "YEM"]
