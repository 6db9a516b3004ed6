"""Entries for roots mined from unlabeled news (scripts/mine_triggers.py): each sense on its own written
sentence, and the same word without its object giving no event (the roots are common non-political verbs)."""

from __future__ import annotations

import pytest

from peristiwa.extract.triggers import Lexicon
from peristiwa.text.segment import Segmenter

SEGMENTER = Segmenter("id")


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def matches(lex: Lexicon, text: str) -> list[tuple[str, str, str]]:
    """(entry id, code, rule) of every trigger in one sentence."""
    return [(m.entry_id, m.code, m.rule) for m in lex.find(SEGMENTER.segment(text)[1])]


SENSES = [
    # (sentence, entry id, code)
    ("Angkatan laut menutup pelabuhan utama negara itu.", "tutup", "191"),
    ("Pemerintah menutup sementara selat itu bagi kapal tanker.", "tutup", "191"),
    ("Otoritas setempat menutup situs berita independen itu.", "tutup", "1721"),
    ("Kementerian penerangan menutup dua surat kabar oposisi.", "tutup", "1721"),
    ("Milisi itu menguasai sebagian besar wilayah utara.", "kuasai", "192"),
    ("Pasukan pemerintah kembali menguasai pangkalan udara itu.", "kuasai", "192"),
    ("Lembaga itu melaporkan bupati tersebut ke KPK atas dugaan suap.", "lapor-aparat", "115"),
    ("Aktivis itu dilaporkan seorang anggota dewan ke polisi.", "lapor-aparat", "115"),
    ("Seorang mahasiswa memimpin aksi unjuk rasa di depan kantor gubernur.", "pimpin-aksi", "141"),
    ("Ketua serikat memimpin pemogokan di pabrik itu.", "pimpin-aksi", "143"),
    ("Imigrasi mencegah mantan menteri itu ke luar negeri.", "cegah-bepergian", "172"),
    ("Kedua pemerintah mengadakan perjanjian soal keamanan laut.", "perjanjian-light", "057"),
    ("Kedua kelompok akhirnya mencapai perjanjian setelah tiga hari.", "perjanjian-light", "057"),
    ("Rezim militer mengasingkan tokoh oposisi itu ke sebuah pulau terpencil.", "asingkan", "174"),
    ("Sang raja diasingkan ke Madagaskar oleh pemerintah kolonial.", "asingkan", "174"),
]


@pytest.mark.parametrize(("text", "entry", "code"), SENSES)
def test_mined_sense(lex: Lexicon, text: str, entry: str, code: str) -> None:
    got = matches(lex, text)
    assert any(e == entry and c == code and r.startswith(f"lexicon:{entry}[") for e, c, r in got), got


NOT_EVENTS = [
    "Ketua panitia menutup rapat pada pukul lima.",          # closing a meeting
    "Ia menutup pintu rumahnya rapat-rapat.",
    "Anak itu sudah menguasai bahasa Inggris.",              # mastering a language
    "Perusahaan induk menguasai 45 persen saham.",
    "Wartawan kami melaporkan banjir dari lokasi.",          # reporting is not a complaint
    "Menteri itu memimpin rapat kabinet.",                   # leading a meeting
    "Vaksin itu mencegah penularan penyakit.",               # prevention is no travel ban
    "Isi perjanjian itu belum diumumkan.",                   # a treaty mentioned, not concluded
    "Penyair itu memilih mengasingkan diri ke desa.",        # self-isolation
    "Kaum minoritas merasa diasingkan di negeri sendiri.",   # ostracised, no place of exile
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_mined_root_needs_its_object(lex: Lexicon, text: str) -> None:
    mined = {"tutup", "kuasai", "lapor-aparat", "pimpin-aksi", "cegah-bepergian", "perjanjian-light", "asingkan"}
    assert not [m for m in matches(lex, text) if m[0] in mined]


def test_misspelt_strike_noun_is_a_strike(lex: Lexicon) -> None:
    # web spelling with a doubled k ("pemogokkan") is matched as the standard "pemogokan"
    assert ("mogok-kerja", "143") in [(e, c) for e, c, _ in matches(lex, "Buruh pelabuhan melakukan pemogokkan.")]


def test_single_k_spelling_matches_with_its_sense(lex: Lexicon) -> None:
    # "ditembakan" (for ditembakkan) keeps the object sense of tembak: tear gas at a crowd is repression
    got = matches(lex, "Gas air mata ditembakan polisi ke arah mahasiswa.")
    assert any(e == "tembak" and r.startswith("lexicon:tembak[di-kan single-k]") for e, _, r in got), got
    got = matches(lex, "Aparat menembakan gas air mata ke kerumunan.")
    assert ("tembak", "175") in [(e, c) for e, c, _ in got], got
