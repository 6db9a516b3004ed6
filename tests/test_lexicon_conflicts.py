"""scripts/lexicon_conflicts.py: two entries generating one surface must code it alike (else entry order, not the
codebook, decides), and the CAMEO codes the audit against the codebook gave, each on its own written sentence."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from test_mined_triggers import matches

from peristiwa.extract.triggers import Lexicon

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "lexicon_conflicts.py"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lexicon_conflicts", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses resolve their annotations through sys.modules
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def test_builtin_lexicon_has_no_contradicting_entries(script: ModuleType, lex: Lexicon) -> None:
    assert [c.line() for c in script.shared_surfaces(lex) if c.contradicts] == []


def _extra(tmp_path: Path, text: str) -> Lexicon:
    path = tmp_path / "extra.yaml"
    path.write_text(text, encoding="utf-8")
    return Lexicon.load([path])


def test_a_phrase_coding_a_root_form_differently_is_reported(script: ModuleType, tmp_path: Path) -> None:
    lex = _extra(tmp_path, 'entries:\n- {id: kecam-lain, forms: [mengecam], voice: active, code: "110"}\n')
    found = [c for c in script.shared_surfaces(lex) if c.contradicts and c.surface == "mengecam"]
    assert found and {"kecam-lain"} <= {e.id for e in found[0].entries}
    assert script.main([str(tmp_path / "extra.yaml")]) == 1


def test_a_same_code_duplicate_is_no_contradiction(script: ModuleType, tmp_path: Path) -> None:
    lex = _extra(tmp_path, 'entries:\n- {id: kecam-sama, forms: [mengecam], voice: active, code: "111"}\n')
    found = [c for c in script.shared_surfaces(lex) if c.surface == "mengecam"]
    assert found and not found[0].contradicts


def test_a_layered_sense_over_a_low_fallback_is_no_contradiction(script: ModuleType, lex: Lexicon) -> None:
    # "menyebut … sebagai" 051/111 (require_when) over the plain speech verb "menyebut" 010 (low)
    found = [c for c in script.shared_surfaces(lex) if c.surface == "menyebut"]
    assert found and not found[0].contradicts


def test_a_lower_entry_undoing_a_skip_is_a_contradiction(script: ModuleType, tmp_path: Path) -> None:
    # `siaga` skips "siaga bencana"; a low phrase entry with the same verb would code it anyway
    lex = _extra(tmp_path, 'entries:\n- {id: siaga-lain, forms: [bersiaga], voice: active, code: "152",'
                           ' priority: low}\n')
    found = [c for c in script.shared_surfaces(lex) if c.surface == "bersiaga"]
    assert found and found[0].contradicts


def test_a_phrase_hiding_a_roots_sense_is_a_shadow(script: ModuleType, tmp_path: Path) -> None:
    lex = _extra(tmp_path, 'entries:\n- {id: tembak-air, forms: [menembakkan meriam air], voice: active,'
                           ' code: "190"}\n')
    shadows = [s for s in script.shadowed_senses(lex) if s.phrase.id == "tembak-air"]
    assert shadows and shadows[0].root.id == "tembak" and shadows[0].sense_code == "175"


def test_a_phrase_refining_a_sense_is_no_shadow(script: ModuleType, lex: Lexicon) -> None:
    # "serangan drone" 1952 refines `serang` + udara/drone 195
    assert not [s for s in script.shadowed_senses(lex) if s.surface == "serangan drone"]


CODEBOOK_CODES = [
    # (sentence, entry id, code): CAMEO 116 is for rulings "where imprisonment is not an issue"
    ("Pengadilan memvonis aktivis itu 40 tahun penjara.", "vonis", "173"),
    ("Hakim menjatuhkan hukuman lima tahun penjara kepada wartawan itu.", "hukum-2", "173"),
    ("Pengadilan menjatuhkan hukuman penjara kepada dua aktivis.", "vonis-penjara", "173"),
    ("Perusahaan itu divonis bersalah oleh pengadilan Eropa.", "vonis-bersalah", "116"),
    ("Pengadilan memvonis bersalah partai itu tahun lalu.", "vonis", "116"),
    # violence of no stated means is 180; a beating 182
    ("Kekerasan pecah di ibu kota provinsi itu.", "kekerasan", "180"),
    ("Polisi melakukan kekerasan fisik terhadap tahanan.", "serang-fisik", "182"),
    # a protest that happens is a demonstration; "as a form of protest" only dissent
    ("Protes meletus di Daraa setelah penangkapan itu.", "protes", "141"),
    ("Mereka membakar bendera sebagai bentuk protes.", "protes", "140"),
    ("Gelombang protes melanda ibu kota.", "aksi-protes", "141"),
    ("Ribuan warga memprotes rencana pemerintah itu.", "protes-verbal", "141"),
    ("Kementerian Luar Negeri memprotes pernyataan duta besar itu.", "protes-verbal", "114"),
    # reprimands criticise (111); a written one is an official complaint (114)
    ("Menteri itu menegur kepala polisi di depan umum.", "tegur", "111"),
    ("Pemerintah mengirimkan surat teguran kepada lembaga itu.", "tegur", "114"),
    # water cannon is repression, not artillery; an exchange of fire a small-arms fight
    ("Polisi menembakkan meriam air dan gas air mata ke arah massa.", "pukul-mundur", "175"),
    ("Aparat menembaki massa dengan meriam air.", "tembak", "190"),
    ("Tentara terlibat baku tembak dengan kelompok bersenjata.", "baku-tembak", "193"),
    # dispersing a protest is violent repression (175); banning assembly or an organisation 1721, a party 1722
    ("Polisi membubarkan aksi mahasiswa itu.", "bubarkan-demo", "175"),
    ("Pemerintah melarang demonstrasi di ibu kota.", "larang-3", "1721"),
    ("Pemerintah membubarkan ormas itu.", "bubar", "1721"),
    ("Mahkamah membubarkan partai oposisi itu.", "bubar", "1722"),
    ("Kedua negara membekukan hubungan mereka.", "beku", "161"),
    ("Polisi mengancam menangkap para demonstran.", "ancam", "137"),
    # promising to give up arms is demobilisation, not military aid; to hand over a suspect judicial cooperation
    ("Delegasi pemberontak berjanji menyerahkan senjata mereka.", "janji", "0356"),
    ("Pemerintah berjanji menyerahkan tersangka itu kepada Jakarta.", "janji", "0313"),
    # a knife or machete is an unsophisticated weapon (180); cancelling a visit reduces diplomatic relations (161)
    ("Seorang pria menusuk polisi itu di depan kantornya.", "tusuk", "180"),
    ("Menteri itu membatalkan kunjungannya ke Canberra.", "batalkan-kunjungan", "161"),
    ("Presiden membatalkan lawatan resminya ke Canberra.", "batal", "161"),
    ("Kedua pihak menunda lagi perundingan damai itu.", "tunda", "164"),
    # the verb decides appeal (02x) or demand (10x): asking for a resignation or an audience appeals, demanding demands
    ("Oposisi meminta presiden mundur.", "imbau-mundur", "0241"),
    ("Mahasiswa meminta audiensi dengan rektor.", "ajak-dialog", "026"),
    ("Warga menuntut pembebasan segera aktivis itu.", "tuntut", "1053"),
    ("PBB mendesak akses kemanusiaan ke Gaza.", "tuntut-akses", "1055"),
    # CAMEO's sub-code numbers: 1243 refuse to release, 1241 refuse to ease restrictions, 0861 peacekeepers, 0863
    # humanitarian access, 137 threats to break up protests (1322 is banning parties)
    ("Junta menolak membebaskan para tahanan politik.", "tolak-bebaskan", "1243"),
    ("Gubernur menolak mencabut jam malam di kota itu.", "tolak-cabut-larangan", "1241"),
    ("Sudan mengizinkan pasukan perdamaian masuk ke Darfur.", "terima-pasukan-perdamaian", "0861"),
    ("Israel membuka akses bantuan ke Gaza utara.", "akses-bantuan", "0863"),
    ("Polisi mengancam membubarkan paksa para demonstran.", "ancam-bubarkan-massa", "137"),
    ("Pemerintah membebaskan aktivis itu pada Senin.", "izinkan-protes", "0841"),
    ("Para tahanan melakukan mogok makan memprotes perlakuan sipir.", "mogok-makan-sebab", "142"),
    ("Presiden merombak kabinet pada Rabu pagi.", "rombak-kabinet", "0831"),
    ("Junta mengancam memberlakukan darurat militer di ibu kota.", "ancam-darurat", "1324"),
    # one entry per surface: `pulangkan` now also reads an envoy or troops sent home
    ("Kemlu memulangkan duta besarnya dari Canberra.", "pulangkan", "161"),
    ("Pemerintah memulangkan tiga nelayan yang ditahan.", "pulangkan", "0841"),
]


@pytest.mark.parametrize(("text", "entry", "code"), CODEBOOK_CODES)
def test_codebook_code(lex: Lexicon, text: str, entry: str, code: str) -> None:
    got = matches(lex, text)
    assert any(e == entry and c == code for e, c, _ in got), got
