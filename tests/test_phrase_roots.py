"""Fixed adjacent phrases made roots with object senses ("memanggil duta besar" → `panggil` + the diplomat class):
each sense on a written sentence with a modifier, a number or a possessive between the verb and its object (which
the old adjacent phrase missed), and the bare verb with a non-political object giving no event."""

from __future__ import annotations

import pytest
from test_mined_triggers import matches

from peristiwa.extract.triggers import Lexicon


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


SENSES = [
    # (sentence, entry id, code)
    ("Kemlu memanggil dua diplomat senior kedutaan itu pada Senin.", "panggil", "114"),
    ("Pemanggilan duta besarnya dilakukan sehari setelah insiden itu.", "panggil", "114"),
    ("Pengadilan memanggil tiga saksi kunci dalam kasus suap itu.", "panggil", "090"),
    ("Kementerian pertahanan memanggil ribuan pasukan cadangan.", "panggil", "154"),
    ("Kementerian itu memanggil kembali duta besarnya dari Canberra.", "panggil-pulang", "161"),
    ("Thailand menutup semua pos lintas batasnya dengan Kamboja.", "tutup", "191"),
    ("Pemberontak menguasai dua distrik di utara.", "kuasai", "192"),
    ("Moskow menempatkan sistem rudal baru di wilayah itu.", "tempatkan", "150"),
    ("Rusia menempatkan ribuan tentara tambahan di dekat perbatasan.", "tempatkan", "154"),
    ("Penempatan ribuan pasukannya di perbatasan memicu kecemasan.", "tempatkan", "154"),
    ("Jakarta menempatkan ratusan personel polisi di sekitar kedutaan.", "tempatkan", "153"),
    ("Dua pesawat pengintai memasuki wilayah udara negara tetangga itu.", "masuki", "150"),
    ("Jet tempur itu memasuki ruang udaranya tanpa izin.", "masuki", "150"),
    ("Pemerintah mengakhiri blokade selama sepuluh tahun atas wilayah itu.", "akhiri", "0872"),
    ("Presiden mengakhiri keadaan darurat di provinsi itu.", "akhiri", "0814"),
    ("Uni Eropa mengakhiri sebagian sanksinya terhadap negara itu.", "akhiri", "085"),
    ("Israel mengakhiri operasi militernya di Gaza.", "akhiri", "087"),
    ("PBB mengakhiri misi perdamaiannya di negara itu.", "akhiri", "1661"),
    ("Kedua negara mengakhiri kerja sama militernya.", "akhiri", "160"),
    ("Washington mengenakan tarif tambahan 25 persen atas baja itu.", "kenakan", "163"),
    ("Perusahaan itu dikenakan sanksi ekonomi baru oleh Washington.", "kenakan", "163"),
    ("Beijing mengerahkan dua kapal induk ke selat itu.", "kerah", "150"),
]


@pytest.mark.parametrize(("text", "entry", "code"), SENSES)
def test_phrase_root_sense(lex: Lexicon, text: str, entry: str, code: str) -> None:
    got = matches(lex, text)
    assert any(e == entry and c == code and r.startswith(f"lexicon:{entry}[") for e, c, r in got), got


NOT_EVENTS = [
    "Ibu memanggil anaknya untuk makan malam.",              # calling a person by name
    "Warga memanggil dokter ke rumahnya.",
    "Toko itu menutup cabangnya di pusat kota.",             # closing a shop
    "Penyanyi itu menguasai panggung sepanjang malam.",
    "Panitia menempatkan kursi tambahan di aula.",           # placing furniture
    "Ia menempatkan keluarganya di atas segalanya.",
    "Indonesia memasuki musim hujan bulan depan.",           # entering a season
    "Pemain itu mengakhiri kariernya tahun lalu.",           # ending a career, a visit, a life
    "Menteri mengakhiri kunjungannya di Tokyo.",
    "Siswi itu mengenakan jilbab putih ke sekolah.",         # wearing clothes
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_phrase_root_needs_its_object(lex: Lexicon, text: str) -> None:
    roots = {"panggil", "tutup", "kuasai", "tempatkan", "masuki", "akhiri", "kenakan"}
    assert not [m for m in matches(lex, text) if m[0] in roots]


SENSES_2 = [
    ("Washington mengurangi separuh staf kedutaannya di Havana.", "kurangi", "161"),
    ("Inggris mengurangi ribuan tentaranya di Irak.", "kurangi", "0874"),
    ("Kedua pihak sepakat untuk mengurangi secara bertahap ketegangan di perbatasan.", "kurangi", "087"),
    ("Amerika Serikat menjual 24 jet tempur baru kepada Mesir.", "jual-senjata", "062"),
    ("Indonesia membeli dua kapal selam buatan Korea.", "beli-senjata", "062"),
    ("Uni Eropa memperluas daftar sanksinya terhadap Moskow.", "perluas", "163"),
    ("Kedua negara memulai babak baru perundingan damai.", "mulai", "046"),
    ("Kejaksaan memulai kembali penyelidikan atas kasus itu.", "mulai", "090"),
    ("Kedua delegasi akan melanjutkan kembali perundingan di Jenewa.", "lanjutkan-runding", "046"),
    ("Kedua negara berupaya memperbaiki kembali hubungan bilateralnya.", "perbaiki", "050"),
    ("Jepang menghapus sebagian utang negara itu.", "hapus", "071"),
    ("Washington menghapus seluruh sanksinya atas Sudan.", "hapus", "085"),
    ("Dewan Keamanan mengangkat seluruh sanksi atas Liberia.", "angkat", "085"),
    ("Mahasiswa kembali menyuarakan dengan lantang protes mereka.", "suarakan", "140"),
]


@pytest.mark.parametrize(("text", "entry", "code"), SENSES_2)
def test_phrase_root_sense_2(lex: Lexicon, text: str, entry: str, code: str) -> None:
    test_phrase_root_sense(lex, text, entry, code)


NOT_EVENTS_2 = [
    "Program itu mengurangi angka kemiskinan di desa.",      # cutting poverty
    "Pedagang itu menjual sayur di pasar.",                   # selling goods
    "Ibu membeli beras di warung.",
    "Pemerintah kota memperluas jalan di pusat kota.",        # widening a road
    "Sekolah memulai tahun ajaran baru.",                     # starting a school year
    "Ia melanjutkan kuliahnya di Bandung.",
    "Warga memperbaiki jalan desa yang rusak.",               # repairing a road
    "Akun itu menghapus unggahannya.",                        # deleting a post
    "Presiden mengangkat menteri baru.",                      # appointing a minister
    "Penyanyi itu menyuarakan isi hatinya.",
]


@pytest.mark.parametrize("text", NOT_EVENTS_2)
def test_phrase_root_2_needs_its_object(lex: Lexicon, text: str) -> None:
    roots = {"kurangi", "jual-senjata", "beli-senjata", "perluas", "mulai", "lanjutkan-runding", "perbaiki", "hapus",
             "angkat", "suarakan"}
    assert not [m for m in matches(lex, text) if m[0] in roots]


def test_ending_a_love_affair_or_an_excise_is_no_event(lex: Lexicon) -> None:
    # a bare "hubungan" is as often personal; a "tarif cukai" is a domestic tax, not a tariff on another state
    assert not [m for m in matches(lex, "Pasangan itu mengakhiri hubungan mereka yang gagal.") if m[0] == "akhiri"]
    assert not [m for m in matches(lex, "Pemerintah menaikkan pengenaan tarif cukai rokok.") if m[0] == "kenakan"]


def test_ending_or_deleting_a_ban_eases_a_restriction(lex: Lexicon) -> None:
    # a ban lifted is 081 as with `cabut`, not the sanctions code its class would give
    assert ("akhiri", "081") in [(e, c) for e, c, _ in matches(lex, "Junta mengakhiri semua larangan berkumpul.")]
    assert ("hapus", "081") in [(e, c) for e, c, _ in matches(lex, "Pemerintah menghapus sebagian pembatasan impor.")]
