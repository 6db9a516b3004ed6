"""Indonesian surface-form generation (meN- assimilation, circumfixes, multiword roots, voice)."""

from __future__ import annotations

import pytest

from peristiwa.lang.id.morphology import forms, parse_affix, surface, syllables

CASES = [
    # meN- with deletion of p/t/k/s before a vowel
    ("tuduh", "meN-", "menuduh"),
    ("puji", "meN-", "memuji"),
    ("kunjung", "meN-i", "mengunjungi"),
    ("sambut", "meN-", "menyambut"),
    ("serang", "meN-", "menyerang"),
    ("kecam", "meN-", "mengecam"),
    ("tolak", "meN-", "menolak"),
    ("tembak", "meN-", "menembak"),
    ("tangkap", "meN-", "menangkap"),
    ("seru", "meN-kan", "menyerukan"),
    ("kata", "meN-kan", "mengatakan"),
    # no deletion
    ("bantah", "meN-", "membantah"),
    ("veto", "meN-", "memveto"),
    ("fitnah", "meN-", "memfitnah"),
    ("desak", "meN-", "mendesak"),
    ("culik", "meN-", "menculik"),
    ("ganggu", "meN-", "mengganggu"),
    ("hadang", "meN-", "menghadang"),
    ("khianat", "meN-i", "mengkhianati"),
    ("ancam", "meN-", "mengancam"),
    ("usir", "meN-", "mengusir"),
    ("minta", "meN-", "meminta"),
    ("rampas", "meN-", "merampas"),
    ("nyata", "meN-kan", "menyatakan"),
    ("syukur", "meN-i", "mensyukuri"),
    # clusters keep the consonant
    ("protes", "meN-", "memprotes"),
    ("kritik", "meN-", "mengkritik"),
    ("klaim", "meN-", "mengklaim"),
    ("stabil", "meN-kan", "menstabilkan"),
    ("tradisi", "meN-kan", "mentradisikan"),
    # monosyllables take menge-/penge-
    ("bom", "meN-", "mengebom"),
    ("bom", "peN-an", "pengeboman"),
    ("tes", "meN-", "mengetes"),
    ("sah", "meN-kan", "mengesahkan"),
    # multiword roots join under a circumfix
    ("tanda tangan", "meN-i", "menandatangani"),
    ("tanda tangan", "di-i", "ditandatangani"),
    ("tanda tangan", "peN-an", "penandatanganan"),
    # ber- / be- / bel-, per-an, ke-an, peN-an, -an
    ("temu", "ber-", "bertemu"),
    ("kerja sama", "ber-", "bekerja sama"),
    ("unjuk rasa", "ber-", "berunjuk rasa"),
    ("runding", "ber-", "berunding"),
    ("ajar", "ber-", "belajar"),
    ("temu", "per-an", "pertemuan"),
    ("runding", "per-an", "perundingan"),
    ("kerja", "per-an", "pekerjaan"),
    ("damai", "per-an", "perdamaian"),
    ("sepakat", "ke-an", "kesepakatan"),
    ("serang", "peN-an", "penyerangan"),
    ("tangkap", "peN-an", "penangkapan"),
    ("bicara", "peN-an", "pembicaraan"),
    ("unjuk rasa", "peN-", "pengunjuk rasa"),
    ("serang", "-an", "serangan"),
    ("kunjung", "-an", "kunjungan"),
    ("tuduh", "-an", "tuduhan"),
    # memper-, di-, ter-
    ("ingat", "memper-kan", "memperingatkan"),
    ("kuat", "memper-", "memperkuat"),
    ("tuduh", "di-", "dituduh"),
    ("tangkap", "ter-", "tertangkap"),
    ("rekam", "ter-", "terekam"),
    ("tolak", "-kan", "tolakkan"),
]


@pytest.mark.parametrize(("root", "affix", "expected"), CASES)
def test_surface(root: str, affix: str, expected: str) -> None:
    assert surface(root, affix) == expected


def test_enough_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize(
    ("affix", "voice"),
    [("meN-", "active"), ("meN-kan", "active"), ("memper-kan", "active"), ("di-", "passive"),
     ("di-i", "passive"), ("ter-", "passive"), ("ber-", "intransitive"), ("-an", "nominal"),
     ("peN-an", "nominal"), ("ke-an", "nominal"), ("per-an", "nominal"), ("bare", "nominal"),
     ("bare-verb", "active")],
)
def test_voice(affix: str, voice: str) -> None:
    assert forms("tuduh", [affix])[0].voice == voice


def test_enclitics_on_top() -> None:
    got = {f.surface: f for f in forms("tuduh", ["di-", "-an"])}
    assert {"dituduhnya", "tuduhannya", "tuduhanlah", "tuduhanpun"} <= set(got)
    assert got["tuduhannya"].affix == "-an+nya"
    assert got["tuduhannya"].voice == "nominal"
    assert "tuduhnya" not in got  # only generated forms get clitics; the bare root was not asked for
    assert not {f.surface for f in forms("tuduh", ["di-"], enclitics=False)} - {"dituduh"}


def test_multiword_joined_variants() -> None:
    surfaces = {f.surface for f in forms("kerja sama", ["ber-", "bare"], enclitics=False)}
    assert surfaces == {"bekerja sama", "bekerjasama", "kerja sama", "kerjasama"}


def test_syllables() -> None:
    assert syllables("bom") == 1
    assert syllables("klaim") == 2
    assert syllables("pantai") == 2


@pytest.mark.parametrize("bad", ["men-", "meN-lah", "tuduh", "-"])
def test_bad_affix_spec(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_affix(bad)


def test_single_k_spelling_of_k_final_root_with_kan() -> None:
    # news writes "ditembakan" / "meledakan" for ditembakkan / meledakkan; the label says which spelling matched
    got = {f.surface: f.affix for f in forms("ledak", ["meN-kan", "di-kan"], enclitics=False)}
    assert got == {"meledakkan": "meN-kan", "meledakan": "meN-kan single-k",
                   "diledakkan": "di-kan", "diledakan": "di-kan single-k"}
    # never without a prefix (bare "tembakan" is the noun) nor for roots not ending in k
    assert {f.surface for f in forms("tembak", ["-kan"], enclitics=False)} == {"tembakkan"}
    assert {f.surface for f in forms("seru", ["meN-kan"], enclitics=False)} == {"menyerukan"}
