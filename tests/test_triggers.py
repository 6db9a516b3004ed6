"""Event-trigger matching on our own Indonesian sentences (voice, light verbs, conditions, overrides)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from peristiwa.codebook import Codebook
from peristiwa.extract.triggers import Lexicon, TriggerMatch
from peristiwa.model import Token


def _whitespace_tokens(text: str) -> list[Token]:
    pattern = r"\w+(?:-\w+)*|[^\w\s]"
    return [Token(m.start(), m.end(), m.group(), m.group().lower()) for m in re.finditer(pattern, text)]


def _tokenizer() -> Callable[[str], list[Token]]:
    """The project's segmenter when present (it is the real input), else a tiny regex fixture."""
    try:
        from peristiwa.text.segment import Segmenter
    except ImportError:  # pragma: no cover - segmenter is written in parallel
        return _whitespace_tokens
    seg = Segmenter("id")
    return lambda text: seg.segment(text)[1]


TOKENIZE = _tokenizer()


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def find(lex: Lexicon, text: str, **kw: bool) -> list[tuple[str, str, str, TriggerMatch]]:
    tokens = TOKENIZE(text)
    out = []
    for m in lex.find(tokens, **kw):
        start, end = m.char_span(tokens)
        out.append((text[start:end], m.code, m.voice, m))
    return out


CASES = [
    # (sentence, matched text, code, voice)
    ("Kementerian itu menuduh Jakarta melanggar perjanjian.", "menuduh", "112", "active"),
    ("Kejaksaan akhirnya mencabut dakwaan terhadap aktivis itu.", "mencabut dakwaan", "081", "active"),
    ("Para nelayan mengeluh bahwa kapal asing masuk ke perairan mereka.", "mengeluh", "114", "active"),
    ("Kedua negara menyetujui kesepakatan perbatasan yang baru.", "menyetujui", "057", "active"),
    ("Ia menyinggung rencana pertemuan Xi dengan Biden.", "rencana pertemuan", "036", "nominal"),
    ("Calon yang kalah itu menerima putusan Mahkamah Konstitusi.", "menerima putusan", "080", "active"),
    ("Ratusan tentara diterjunkan ke lokasi kerusuhan.", "diterjunkan ke lokasi", "154", "intransitive"),
    ("Pasukan marinir turun ke jalan untuk mengamankan ibu kota.", "turun ke jalan", "154", "intransitive"),
    ("Ribuan buruh turun ke jalan di depan gedung parlemen.", "turun ke jalan", "141", "intransitive"),
    ("Perusahaan itu membatalkan tuntutannya terhadap dua wartawan.", "membatalkan tuntutannya", "081", "active"),
    ("Sang jenderal dituduh melakukan korupsi pengadaan senjata.", "dituduh", "1121", "passive"),
    ("Tuduhan kejahatan perang itu dibahas di Den Haag.", "Tuduhan", "1124", "nominal"),
    ("Menteri Luar Negeri Malaysia mengecam keras penembakan nelayan itu.", "mengecam", "111", "active"),
    ("Delegasi Vietnam melakukan kunjungan resmi ke Manila.", "melakukan kunjungan", "042", "active"),
    ("Presiden Filipina menerima kunjungan Perdana Menteri Australia di Manila.", "menerima kunjungan", "043",
     "active"),
    ("Kedua menteri menandatangani nota kesepahaman di bidang energi.", "menandatangani", "057", "active"),
    ("Kesepakatan itu ditandatangani di Singapura.", "ditandatangani", "057", "passive"),
    ("Penandatanganan perjanjian itu disaksikan para duta besar.", "Penandatanganan", "057", "nominal"),
    ("Kedua negara sepakat bekerja sama di bidang pertahanan.", "bekerja sama", "062", "intransitive"),
    ("Polisi menangkap dua orang terduga pelaku di Medan.", "menangkap", "173", "active"),
    ("Penangkapan aktivis itu memicu kemarahan warga.", "Penangkapan", "173", "nominal"),
    ("Ribuan buruh berunjuk rasa menuntut kenaikan upah.", "berunjuk rasa", "1413", "intransitive"),
    ("Uni Eropa menjatuhkan sanksi baru kepada Iran.", "menjatuhkan sanksi", "163", "active"),
    ("Militer Myanmar melancarkan serangan udara ke desa.", "melancarkan serangan udara", "195", "active"),
    ("Pesawat tempur itu mengebom jembatan di utara kota.", "mengebom", "195", "active"),
    ("Wali kota itu menyambut baik pembicaraan damai antara kedua kelompok.", "menyambut", "036", "active"),
    ("Sekretaris Jenderal menyerukan mediasi antara kedua pihak.", "menyerukan", "028", "active"),
    ("Pemerintah Thailand mengusir dua diplomat Kamboja.", "mengusir", "161", "active"),
    ("Imigrasi mendeportasi tiga warga asing pekan lalu.", "mendeportasi", "174", "active"),
    ("Bangkok membantah tuduhan bahwa tentaranya menyerang desa.", "membantah", "016", "active"),
    ("Menteri itu menolak bertemu dengan utusan oposisi.", "menolak", "125", "active"),
    ("Korea Utara mengancam akan menyerang pangkalan itu.", "mengancam", "138", "active"),
    ("Warga pengungsian menerima bantuan dari Palang Merah.", "menerima bantuan", "070", "passive"),
    ("Jepang mengirimkan bantuan kemanusiaan ke Turki.", "mengirimkan bantuan kemanusiaan", "073", "active"),
    ("Kedua pemimpin bertemu di Bogor pada Sabtu.", "bertemu", "040", "intransitive"),
    ("Kedua menteri berbicara melalui telepon.", "berbicara melalui telepon", "041", "intransitive"),
    ("Kedua menteri berbicara dengan wartawan.", "berbicara", "040", "intransitive"),
    ("Pasukan itu menduduki wilayah perbatasan.", "menduduki", "192", "active"),
    ("Perundingan antara kedua pihak berlangsung alot.", "Perundingan", "046", "nominal"),
    ("Gencatan senjata mulai berlaku tengah malam.", "Gencatan senjata", "0871", "nominal"),
    ("Kelompok bersenjata itu melanggar gencatan senjata di Darfur.", "melanggar", "196", "active"),
    ("Milisi itu dituduh melanggar kesepakatan gencatan senjata.", "dituduh", "112", "passive"),
    ("Pelanggaran gencatan senjata dilaporkan di utara.", "Pelanggaran", "196", "nominal"),
    ("Serangan-serangan itu menewaskan belasan warga.", "Serangan-serangan", "190", "nominal"),
    ("Ia menolak tuduhannya dengan tegas.", "menolak", "016", "active"),
]


@pytest.mark.parametrize(("text", "trigger", "code", "voice"), CASES)
def test_trigger(lex: Lexicon, text: str, trigger: str, code: str, voice: str) -> None:
    got = [(t, c, v) for t, c, v, _ in find(lex, text)]
    assert (trigger, code, voice) in got, got


def test_enough_cases() -> None:
    assert len(CASES) >= 20


def test_consumed_object_is_not_a_second_event(lex: Lexicon) -> None:
    got = find(lex, "Bangkok membantah tuduhan bahwa tentaranya menyerang desa.")
    assert [c for _, c, _, _ in got] == ["016"]  # "tuduhan" is what was denied, not a new accusation


def test_rule_names_entry_affix_and_evidence(lex: Lexicon) -> None:
    [(_, _, _, m)] = find(lex, "Sang jenderal dituduh melakukan korupsi pengadaan senjata.")
    assert m.rule == "lexicon:tuduh[di-] when object=korupsi → 1121"
    assert m.entry_id == "tuduh" and m.affix == "di-" and m.form == "dituduh"


def test_low_priority_statement_only_when_alone(lex: Lexicon) -> None:
    alone = find(lex, "Juru bicara itu mengatakan situasi sudah normal.")
    assert [(t, c) for t, c, _, _ in alone] == [("mengatakan", "010")]
    busy = find(lex, "Juru bicara itu mengatakan polisi menangkap lima orang.")
    assert [c for _, c, _, _ in busy] == ["173"]
    assert "010" in [c for _, c, _, _ in find(lex, "Juru bicara itu mengatakan polisi menangkap lima orang.",
                                              keep_low=True)]


def test_skip_condition(lex: Lexicon) -> None:
    assert find(lex, "Kakeknya meninggal karena serangan jantung.") == []
    assert find(lex, "Ia menahan diri untuk tidak berkomentar lebih jauh.") == [] or all(
        c != "173" for _, c, _, _ in find(lex, "Ia menahan diri untuk tidak berkomentar lebih jauh.")
    )
    assert find(lex, "Tiga kapal perang berlabuh di pelabuhan itu.") == []  # a warship is no war


def test_require_when(lex: Lexicon) -> None:
    assert not find(lex, "Parlemen menyetujui anggaran pertahanan tahun depan.")  # approving a budget: no event
    # "memutuskan" means "decide" unless it is about relations, aid or talks.
    assert find(lex, "Pengadilan memutuskan perkara itu kemarin.") == []
    got = find(lex, "Kedua negara memutuskan kerja sama itu.")
    assert ("memutuskan", "160") in [(t, c) for t, c, _, _ in got]
    got = find(lex, "Kedua negara memutuskan untuk memutus bantuan militer.")
    assert [c for _, c, _, _ in got] == ["1622"]  # one event, not two


def test_outer_trigger_frames_inner(lex: Lexicon) -> None:
    got = find(lex, "Australia berjanji mengirim bantuan kemanusiaan ke Vanuatu.")
    assert [(t, c) for t, c, _, _ in got] == [("berjanji", "0333")]  # a promise, not a delivery
    got = find(lex, "Ribuan buruh berunjuk rasa menuntut kenaikan upah.")
    assert [(t, c) for t, c, _, _ in got] == [("berunjuk rasa", "1413")]


def test_longest_match_wins(lex: Lexicon) -> None:
    got = find(lex, "Serangan udara itu menghancurkan jembatan.")
    assert ("Serangan udara", "195") in [(t, c) for t, c, _, _ in got]
    assert ("Serangan", "190") not in [(t, c) for t, c, _, _ in got]


def test_every_lexicon_code_is_in_codebook(lex: Lexicon) -> None:
    cb = Codebook.load()
    missing = sorted(c for c in lex.codes() if c not in cb)
    assert not missing


SENSES = [
    # (sentence, trigger form, code): the object decides the sense (noun_classes.yaml)
    ("Republik Dominika dan Panama sudah mengakui Beijing.", "mengakui", "054"),
    ("Sejumlah negara Eropa mengakui negara Palestina.", "mengakui", "054"),
    ("Menteri itu mengakui perbuatannya di depan hakim.", "mengakui", "015"),
    ("Juru bicara itu mengakui bahwa pemerintah gagal.", "mengakui", "015"),
    ("Kemlu menarik kembali kepala misi diplomatik dari El Salvador.", "menarik", "161"),
    ("Kanada menarik duta besarnya dari Riyadh.", "menarik", "161"),
    ("Rusia menarik tentara dari perbatasan.", "menarik", "0874"),
    ("PBB menarik pasukan perdamaian dari Mali.", "menarik", "1661"),
    ("Pemerintah mengusir pemantau asing.", "mengusir", "1662"),
    # "memanggil pulang / memulangkan" + whom: envoys are a recall (161), troops a withdrawal (0874)
    ("Kairo memanggil pulang kepala perwakilan diplomatiknya dari Ankara.", "memanggil pulang", "161"),
    ("Pemerintah memulangkan atase militernya dari Seoul.", "memulangkan", "161"),
    ("Moskow memanggil pulang pasukannya dari perbatasan.", "memanggil pulang", "0874"),
    # shots into the air are a show of force (150), not fighting (190)
    ("Polisi menembakkan senjata api ke udara untuk membubarkan massa.", "menembakkan", "150"),
    ("Petugas melepaskan tembakan ke udara di depan gedung.", "melepaskan tembakan", "150"),
    ("Pasukan itu menembaki desa di seberang sungai.", "menembaki", "190"),
    # a written warning is a disciplinary sanction (172), not a threat
    ("Dinas itu memberikan peringatan tertulis kepada dua pegawainya.", "peringatan", "172"),
    ("Jepang menawarkan 20 juta dolar kepada Myanmar.", "menawarkan", "0331"),
    ("Pemerintah itu menawarkan dana rekonstruksi bagi Gaza.", "menawarkan", "0331"),
]


def test_no_event_in_speech_freedom_or_social_mobilisation(lex: Lexicon) -> None:
    assert all(m.entry_id != "berbicara" for *_, m in find(lex, "Wartawan menuntut kebebasan berbicara di sana."))
    assert all(m.entry_id != "mobilisasi" for *_, m in find(lex, "Para ibu berkumpul demi mobilisasi sosial di desa."))
    assert [m.code for *_, m in find(lex, "Menteri itu berbicara dengan Presiden.")] == ["040"]


@pytest.mark.parametrize(("text", "form", "code"), SENSES)
def test_sense_follows_object_class(lex: Lexicon, text: str, form: str, code: str) -> None:
    got = [(m.form, m.code) for _, _, _, m in find(lex, text)]
    assert (form, code) in got, got


def test_sense_needs_its_object(lex: Lexicon) -> None:
    # "mengaku khawatir" says something of oneself; "menarik perhatian" is no withdrawal.
    assert all(m.entry_id != "mengaku" for *_, m in find(lex, "Media barat mengaku khawatir dengan situasi itu."))
    assert find(lex, "Pameran itu menarik perhatian warga.") == []
    assert find(lex, "Pemerintah memulangkan ratusan pekerja migran dari Malaysia.") == []
    # A sports object (noun class `sport`) skips the conflict sense of "serang".
    assert all(m.code[:2] != "19" for *_, m in find(lex, "Timnas menyerang pertahanan tim tamu di babak kedua."))
    assert all(m.code[:2] != "19" for *_, m in find(lex, "Persija terus menyerang lewat pemain sayap."))
    assert [m.code for *_, m in find(lex, "Pasukan itu menyerang desa di perbatasan.")] == ["190"]


def test_user_noun_class_extends_builtin(tmp_path: Path) -> None:
    extra = tmp_path / "classes.yaml"
    extra.write_text("noun_classes: {state: [negeri tirai bambu]}\n", encoding="utf-8")
    mine = Lexicon.load([extra])
    got = [(m.form, m.code) for *_, m in find(mine, "Panama mengakui Negeri Tirai Bambu.")]
    assert got == [("mengakui", "054")]
    assert ("negara",) in mine.noun_classes["state"]  # built-in members kept


def test_unknown_noun_class_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: x, root: x, affixes: [meN-], code: '112', when: [{object_class: [stat], code: '054'}]}\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match="unknown noun class 'stat'"):
        Lexicon.load([bad], builtin=False)
    bad.write_text("noun_classes: {state: []}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="non-empty list"):
        Lexicon.load([bad], builtin=False)


def test_lexicon_size_and_root_coverage(lex: Lexicon) -> None:
    assert len(lex) >= 1000
    assert {e.code[:2] for e in lex.entries.values()} == {f"{i:02d}" for i in range(1, 21)}


def test_user_lexicon_extends_and_overrides(lex: Lexicon, tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "- {id: tuduh, root: tuduh, affixes: [meN-], code: '110'}\n"
        "- {id: semprot, root: semprot, affixes: [meN-, di-], code: '111'}\n",
        encoding="utf-8",
    )
    mine = Lexicon.load([extra])
    assert len(mine) == len(lex) + 1
    assert [(t, c) for t, c, _, _ in _find_with(mine, "Ketua partai menyemprot menteri itu.")] == [
        ("menyemprot", "111")]
    assert [(t, c) for t, c, _, _ in _find_with(mine, "Ia dituduh berbohong.")] == []  # di- no longer listed
    assert [(t, c) for t, c, _, _ in _find_with(mine, "Ia menuduh saya.")] == [("menuduh", "110")]


def _find_with(lex: Lexicon, text: str) -> list[tuple[str, str, str, TriggerMatch]]:
    return find(lex, text)


def test_bad_user_entry_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: x, root: x, affixes: [meN-], code: 112}\n", encoding="utf-8")  # unquoted is fine
    Lexicon.load([bad], builtin=False)
    bad.write_text("- {id: x, root: x, affixes: [meN-], code: '112', wehn: []}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown fields"):
        Lexicon.load([bad], builtin=False)
    bad.write_text("- {id: x, root: x, affixes: [men-], code: '112'}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown prefix"):
        Lexicon.load([bad], builtin=False)


def test_literal_form_voice_follows_its_first_word():
    from peristiwa.extract.triggers import _form_voice

    assert _form_voice("berencana mengunjungi") == "active"
    assert _form_voice("menjatuhkan sanksi") == "active"
    assert _form_voice("berita duka") == "nominal"
    assert _form_voice("gencatan senjata") == "nominal"


def test_passive_form_in_an_active_entry_stays_passive():
    from peristiwa.extract.triggers import _stated_voice

    assert _stated_voice("dipukuli", "active") == "passive"
    assert _stated_voice("ditangkap aparat", "active") == "passive"
    assert _stated_voice("distribusi bantuan", "active") == "active"  # a di- noun
    assert _stated_voice("dijadwalkan bertemu", "active") == "active"  # its subject meets
    assert _stated_voice("dipukuli", "nominal") == "nominal"  # only the entry's active default is corrected


def test_no_surface_has_two_codes_without_a_sense(lex: Lexicon) -> None:
    """Two entries that generate the same surface with different codes must be told apart by a `when`.

    Without a sense condition the entry loaded first silently wins, so a newly added phrasing
    would contradict an older one without anyone noticing.
    """
    owners: dict[tuple[str, ...], set[str]] = {}
    for entry_id, phrases in lex._surfaces.items():
        for phrase in phrases:
            owners.setdefault(phrase, set()).add(entry_id)
    known = {("menolak", "masuknya")}  # refusing entry: 1245 (international involvement) vs 174 (expel); both read
    clashes = sorted(
        " ".join(phrase) for phrase, ids in owners.items()
        if len({lex.entries[i].code for i in ids}) > 1
        and not any(lex.entries[i].when for i in ids) and phrase not in known)
    assert not clashes, clashes[:20]


def test_every_lexicon_root_has_forty_entries(lex: Lexicon) -> None:
    """Issue #10: no CAMEO root is left with a handful of phrasings."""
    per_root: dict[str, int] = {}
    for entry in lex.entries.values():
        per_root[entry.code[:2]] = per_root.get(entry.code[:2], 0) + 1
    assert len(lex) >= 1400
    assert min(per_root.values()) >= 40, per_root


def test_builtin_entry_ids_are_unique_across_files() -> None:
    """A repeated id would silently replace the earlier entry (that is the user-override rule)."""
    import re
    from importlib import resources

    folder = Path(str(resources.files("peristiwa.lang.id").joinpath("data/events")))
    seen: dict[str, str] = {}
    repeated = []
    for path in sorted(folder.glob("*.yaml")):
        for entry_id in re.findall(r"^-\s+(?:\{)?id:\s*([\w-]+)", path.read_text(encoding="utf-8"), flags=re.M):
            if entry_id in seen:
                repeated.append(f"{entry_id} ({seen[entry_id]}, {path.name})")
            seen.setdefault(entry_id, path.name)
    assert not repeated, repeated


@pytest.mark.parametrize(("text", "trigger", "code"), [
    # web spellings of lexicon words (spelling.yaml): a joined compound, an older spelling
    ("Kampus itu menghentikan kerjasama dengan sebuah perusahaan asing.", "menghentikan kerjasama", "160"),
    ("Gubernur menghimbau warga untuk tetap di rumah.", "menghimbau", "020"),
    ("Menteri itu menyerukan kerjasama militer dengan Jepang.", "kerjasama militer", "062"),
    ("Jepang menghapus hutang negara itu.", "menghapus hutang", "071"),
    ("Pemerintah mensensor pemberitaan tentang demonstrasi.", "mensensor", "1721"),
])
def test_web_spelling_variants_match(lex: Lexicon, text: str, trigger: str, code: str) -> None:
    assert (trigger, code) in [(t, c) for t, c, *_ in find(lex, text)]


def test_user_spelling_variant_extends_conditions(tmp_path: Path) -> None:
    extra = tmp_path / "spelling.yaml"
    extra.write_text("spelling_variants: {perdamaian: [pedamaian]}\n", encoding="utf-8")
    mine = Lexicon.load([extra])
    assert [(m.form, m.code) for *_, m in find(mine, "PBB mengimbau pedamaian segera.")] == [("mengimbau", "027")]
    bad = tmp_path / "bad.yaml"
    bad.write_text("spelling_variants: {izin: ijin}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="spelling_variants"):
        Lexicon.load([bad], builtin=False)


def test_patrolling_verb_is_not_a_low_priority_mention(lex: Lexicon) -> None:
    # the bare noun stays low ("kapal patroli" is mostly a mention); the verb is an act of its own
    got = [(t, c) for t, c, *_ in find(lex, "Gubernur menyerukan warga tenang, sementara tentara berpatroli di kota.")]
    assert ("berpatroli", "150") in got


def test_web_spelling_of_a_lexicon_noun(lex: Lexicon) -> None:
    got = [(t, c) for t, c, *_ in find(lex, "Polda menerjunkan personil ke lokasi.")]
    assert ("menerjunkan personil", "151") in got


def test_web_spelling_is_named_in_the_rule(lex: Lexicon) -> None:
    (match,) = [m for *_, m in find(lex, "Gubernur menghimbau warga agar tenang.") if m.entry_id == "imbau"]
    assert match.rule.startswith("lexicon:imbau[spelling meN-]")
def test_outgoing_leader_is_no_resignation_and_the_resignation_noun_is_nominal(lex: Lexicon) -> None:
    assert all(m.entry_id != "undur-diri" for *_, m in find(lex, "Presiden yang akan segera lengser itu tiba."))
    assert [m.voice for *_, m in find(lex, "Pengunduran diri menteri itu mengejutkan.")
            if m.entry_id == "undur-diri"] == ["nominal"]
    assert [m.code for *_, m in find(lex, "Perdana menteri itu lengser pekan lalu.")] == ["0831"]


def test_event_noun_form_inside_a_verb_entry_is_nominal(lex: Lexicon) -> None:
    voices = {m.form: m.voice for *_, m in find(lex, "Penyelidikan pidana atas kasus itu berlanjut.")}
    assert voices.get("penyelidikan pidana") == "nominal", voices
    verbs = {m.form: m.voice for *_, m in find(lex, "Israel menolak keras usulan itu.")}
    assert verbs.get("menolak keras") == "active", verbs


def test_closing_or_blocking_internet_is_a_restriction_of_freedoms(extract):
    text = "Pemerintah Mesir menutup jaringan internet. Pemerintah China memblokir akses ke Twitter."
    doc = extract(text, "2011-06-01")
    assert [e.code for e in doc.events if e.sentence in (0, 1)] == ["1721", "1721"]


def test_commemoration_is_no_warning(extract):
    doc = extract("Ribuan orang menghadiri peringatan hari kemerdekaan di Dili.", "2011-06-01")
    assert not any(e.code.startswith("13") for e in doc.events)


def test_greeted_with_protests_is_a_protest_against_the_greeted(extract):
    doc = extract("Kunjungan Presiden Obama ke Kairo disambut protes oleh ribuan warga Mesir.", "2009-06-04")
    assert any(e.code == "140" and e.source.actor.country == "EGY" and e.target.actor.country == "USA"
               for e in doc.events if e.source and e.target)
