"""Organisations added from scripts/mine_actors.py (unlabeled Global Voices text): each new alias, in a sentence
written for this test, resolves to its entry and CAMEO code; the spelling variants "Kementrian"/"Mentri" open
the role patterns; and the aliases that are also ordinary words in lower case stay unmatched there."""

from __future__ import annotations

import pytest


def coded(doc, text: str) -> list[tuple[str | None, str | None]]:
    """(KB id, code) of the mentions whose text contains `text` ("Kelompok Kaus Kuning" is one alias)."""
    return [(m.actor.kb_id, m.actor.code) for m in doc.mentions if text in m.span.text and m.actor is not None]


@pytest.mark.parametrize(("sentence", "name", "kb_id", "code"), [
    ("Ribuan pendukung Kaus Merah berkumpul lagi di pusat kota pada Sabtu.", "Kaus Merah", "tha-udd", "THAOPP"),
    ("Kelompok Kaus Kuning menduduki bandara selama sepekan.", "Kaus Kuning", "tha-pad", "THAOPP"),
    ("Menurut UNASUR, pemilihan itu berlangsung tanpa kecurangan.", "UNASUR", "unasur", "IGOSAM"),
    ("Dewan Kerjasama Teluk membahas krisis itu dalam pertemuan darurat.", "Dewan Kerjasama Teluk", "gcc", "IGOMEAGCC"),
    ("Pemimpin Partai Kongres menolak tuduhan korupsi tersebut.", "Partai Kongres", "ind-inc", "INDPTY"),
    ("Shiv Sena mengancam akan menggelar demonstrasi besar.", "Shiv Sena", "ind-shiv-sena", "INDPTY"),
    ("Setelah pemilu, DPJ membentuk kabinet baru.", "DPJ", "jpn-dpj", "JPNPTY"),
    ("Kandidat Partai Revolusioner Institusional unggul dalam hitung cepat.", "Partai Revolusioner Institusional",
     "mex-pri", "MEXPTY"),
    ("Gerakan Keadilan dan Persamaan menolak gencatan senjata itu.", "Gerakan Keadilan dan Persamaan", "sdn-jem",
     "SDNREB"),
    ("Dewan Legislatif Yuan menunda pemungutan suara soal anggaran.", "Dewan Legislatif Yuan", "twn-legislative-yuan",
     "TWNLEG"),
    ("Harian Rose al-Youssef memuat wawancara dengan sang menteri.", "Rose al-Youssef", "rose-al-youssef", "EGYMED"),
    ("NDTV menayangkan debat antarkandidat pada malam itu.", "NDTV", "ndtv", "INDMED"),
    ("Para relawan Palang Merah Filipina tiba di desa yang terendam.", "Palang Merah Filipina", "phl-red-cross",
     "PHLNGOHLH"),
    ("Sebuah jajak pendapat Levada Center menunjukkan dukungan yang menurun.", "Levada Center", "rus-levada", "RUSNGO"),
])
def test_a_mined_alias_codes_its_organisation(extract, sentence, name, kb_id, code):
    assert (kb_id, code) in coded(extract(sentence), name)


def test_the_misspelt_ministry_noun_still_codes_a_government(extract):
    doc = extract("Kementrian Luar Negeri Rusia mengecam keputusan tersebut.")
    assert any(m.actor is not None and m.actor.code == "RUSGOV" for m in doc.mentions)


@pytest.mark.parametrize("sentence", [
    "Anak itu memakai kaus merah dan celana pendek ke sekolah.",
    "Spanduk berwarna kaus kuning dipasang di depan toko.",
])
def test_a_shirt_colour_in_lower_case_is_no_movement(extract, sentence):
    doc = extract(sentence)
    assert not [m for m in doc.mentions if m.actor is not None and m.actor.kb_id in {"tha-udd", "tha-pad"}]
