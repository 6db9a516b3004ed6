"""Actor mentions and KB linking on our own Indonesian sentences."""

from __future__ import annotations

import pytest


def actors(doc):
    return {m.span.text: m.actor for m in doc.mentions if m.actor is not None}


def test_full_name_links_person_with_role_at_date(extract):
    doc = extract("Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah.", "2019-05-01")
    actor = actors(doc)["Joko Widodo"]
    assert actor.kb_id == "joko-widodo"
    assert actor.code == "IDNGOV"


def test_role_changes_with_article_date(extract):
    before = actors(extract("Prabowo Subianto berbicara kepada wartawan.", "2021-06-01"))["Prabowo Subianto"]
    after = actors(extract("Prabowo Subianto berbicara kepada wartawan.", "2025-06-01"))["Prabowo Subianto"]
    assert before.title != after.title
    assert after.title == "Presiden"


def test_former_official_codes_as_elite(extract):
    actor = actors(extract("Antony Blinken menghadiri sebuah seminar di Washington.", "2025-08-01"))["Antony Blinken"]
    assert actor.role == "ELI"
    assert actor.code == "USAELI"


def test_country_name_and_short_forms(extract):
    doc = extract("AS dan RI menandatangani perjanjian dagang, kata pejabat Tiongkok.")
    codes = {text: a.code for text, a in actors(doc).items()}
    assert codes["AS"] == "USA"
    assert codes["RI"] == "IDN"
    assert codes["pejabat Tiongkok"] == "CHNGOV"  # role noun + country → the government


def test_lowercase_as_is_not_the_united_states(extract):
    doc = extract("Harga beras naik seperti as roda yang berputar.")
    assert not any(a.country == "USA" for a in actors(doc).values())


def test_capital_metonym_codes_as_government(extract):
    doc = extract("Kremlin menolak usulan tersebut.")
    assert actors(doc)["Kremlin"].code == "RUSGOV"


def test_ministry_by_pattern(extract):
    doc = extract("Kementerian Luar Negeri Prancis memanggil duta besar Iran.")
    found = [m for m in doc.mentions if m.span.text.lower().startswith("kementerian luar negeri")]
    assert found and found[0].actor.code == "FRAGOV"
    assert found[0].rule.startswith("pattern:")


def test_military_noun_with_country(extract):
    doc = extract("Pasukan Israel menyerbu kamp pengungsi di Jenin.")
    found = [m for m in doc.mentions if m.span.text.startswith("Pasukan")]
    assert found and found[0].actor.code == "ISRMIL"


def test_title_with_unknown_name_keeps_country_and_role(extract):
    doc = extract("Menteri Pertahanan Filipina Gilbertus Santoso Reyes tiba di Jakarta.")
    found = [m for m in doc.mentions if "Reyes" in m.span.text]
    assert found, "an unknown name after a title must not be dropped"
    actor = found[0].actor
    assert actor is not None and actor.kb_id is None
    assert actor.country == "PHL" and actor.role == "GOV"


def test_unknown_capitalised_name_is_kept_unlinked(extract):
    doc = extract("Warga desa bernama Sutrisno Wibisono melaporkan kejadian itu kepada polisi.")
    found = [m for m in doc.mentions if "Sutrisno" in m.span.text]
    assert found
    assert found[0].actor is None or found[0].actor.kb_id is None


def test_leader_description_resolves_to_named_head(extract):
    text = "Vladimir Putin tiba di Beijing. Pemimpin Rusia itu disambut dengan upacara militer."
    doc = extract(text)
    desc = [m for m in doc.mentions if m.span.text.lower().startswith("pemimpin rusia")]
    assert desc and desc[0].actor.kb_id == "vladimir-putin"


def test_leader_description_without_name_uses_kb_head_at_date(extract):
    doc = extract("Presiden Prancis mengunjungi Jakarta.", "2023-06-01")
    desc = [m for m in doc.mentions if m.span.text.startswith("Presiden Prancis")]
    assert desc and desc[0].actor.kb_id == "emmanuel-macron"


def test_short_name_links_to_full_name_in_document(extract):
    doc = extract("Benjamin Netanyahu berbicara di parlemen. Netanyahu kemudian meninggalkan ruangan.")
    shorts = [m for m in doc.mentions if m.span.text == "Netanyahu"]
    assert shorts and shorts[0].actor.kb_id == "benjamin-netanyahu"
    assert shorts[0].antecedent is not None
    assert doc.mentions[shorts[0].antecedent].span.text == "Benjamin Netanyahu"


def test_every_mention_span_matches_text(extract):
    text = "Menteri Luar Negeri Retno Marsudi bertemu Sekjen PBB di New York, Senin (20/3)."
    doc = extract(text)
    assert doc.mentions
    for mention in doc.mentions:
        assert text[mention.span.start : mention.span.end] == mention.span.text


def test_igo_is_linked(extract):
    doc = extract("Dewan Keamanan PBB menggelar sidang darurat soal Gaza.")
    dk = [m for m in doc.mentions if m.span.text == "Dewan Keamanan PBB"]
    assert dk and dk[0].actor.country == "IGO"


def test_user_kb_file_adds_person(tmp_path):
    from datetime import date

    from peristiwa.api import Extractor

    extra = tmp_path / "lokal.yaml"
    extra.write_text(
        "- {id: budi-hartono-bupati, name: Budi Hartono Saputra, short: [Budi], country: IDN,\n"
        "   roles: [{role: GOV, title: Bupati Sleman, from: 2021-02-26}]}\n",
        encoding="utf-8",
    )
    extractor = Extractor.load(kb_paths=[extra], use_ner=False)
    doc = extractor.extract("Budi Hartono Saputra meninjau banjir. Budi meminta bantuan.", date(2022, 1, 5))
    linked = [m.actor.kb_id for m in doc.mentions if m.actor]
    assert linked.count("budi-hartono-bupati") == 2


def test_common_word_is_not_a_surname(extract):
    doc = extract("Yang lebih penting, kedua pihak sepakat melanjutkan dialog.", "2015-05-01")
    assert not any(m.span.text == "Yang" and m.actor is not None for m in doc.mentions)


def test_surname_inside_an_unknown_full_name_is_not_linked(extract):
    doc = extract("Jurnalis Euna Lee dibebaskan pekan ini.", "2009-08-05")
    assert not any(m.actor is not None and m.actor.kb_id and m.span.text == "Lee" for m in doc.mentions)


def test_orang_before_a_country_is_that_countrys_civilians(extract):
    doc = extract("Orang-orang Aljazair merusak toko milik orang Cina. Dua orang terluka.")
    codes = {m.span.text: m.actor.code for m in doc.mentions if m.actor is not None}
    assert codes.get("Orang-orang Aljazair") == "DZACVL"
    assert codes.get("orang Cina") == "CHNCVL"
    assert not [m for m in doc.mentions if m.span.text == "orang" and m.sentence == 1]


def test_a_known_first_name_starting_an_unknown_full_name_is_not_that_person(extract):
    """"Rustam Berdiyev" is nobody the KB knows, though "Rustam" alone would be a unique short name."""
    doc = extract("Polisi Moskwa menahan Rustam Berdiyev kemarin.")
    rustam = [m for m in doc.mentions if m.span.text.startswith("Rustam")]
    assert rustam and all(m.actor is None or m.actor.kb_id is None for m in rustam)


def test_a_number_that_shares_a_capitals_name_is_no_actor(extract):
    doc = extract("Protes ini menentang Undang-undang Institusional Nomor Lima dari kediktatoran Brasil.")
    assert not [m for m in doc.mentions if m.span.text == "Lima" and m.actor is not None]
    assert not [p for p in doc.places if p.country == "PER"]
def test_guessed_surname_followed_by_an_unknown_name_is_not_the_kb_person(extract):
    doc = extract("Nathan Charles menulis bahwa situasi di kota itu tenang.", "2010-03-16")
    assert all(m.actor is None or m.actor.kb_id != "sr-nathan" for m in doc.mentions)
    alone = extract("Nathan mengatakan bahwa Singapura siap membantu.", "2010-03-16")
    assert actors(alone)["Nathan"].kb_id == "sr-nathan"


def test_guessed_surname_followed_by_a_demonstrative_is_a_common_noun(extract):
    doc = extract("Novel tersebut pernah dilarang di Sudan karena isinya.", "2009-03-03")
    assert all(m.actor is None or m.actor.kb_id != "novel-baswedan" for m in doc.mentions), doc.mentions


def test_sentence_initial_mari_is_no_name(extract):
    doc = extract("Mari kita lihat bagaimana pemerintah Cina menanggapi kritik itu.", "2012-05-25")
    assert "Mari" not in actors(doc)


def test_persatuan_negara_negara_afrika_is_the_african_union(extract):
    doc = extract("Persatuan Negara-Negara Afrika mengecam kudeta di Madagaskar.", "2009-05-06")
    assert actors(doc)["Persatuan Negara-Negara Afrika"].code.startswith("IGOAFR")


def test_language_after_berbahasa_is_no_actor(extract):
    doc = extract("Harian Jepang berbahasa Inggris itu mengecam Korea Utara.", "2020-01-01")
    assert all(m.actor is None or m.actor.kb_id != "country:GBR" for m in doc.mentions), doc.mentions


def test_human_rights_group_and_social_organisation_are_actors(extract):
    doc = extract("Organisasi sosial dan kelompok hak asasi manusia di Bolivia mengecam menteri itu.")
    codes = {text: a.code for text, a in actors(doc).items()}
    assert codes["Organisasi sosial"] == "BOLNGO"
    assert codes["kelompok hak asasi manusia"] == "BOLHRI"


def test_death_squad_is_an_unidentified_armed_force(extract):
    doc = extract("Gerombolan pembunuh menculik dua wartawan di Mogadishu.")
    assert actors(doc)["Gerombolan pembunuh"].role == "UAF"


def test_guards_are_security_actors(extract):
    doc = extract("Penjaga keamanan mengusir wartawan dari gedung itu di Beijing.")
    assert actors(doc)["Penjaga keamanan"].code == "CHNCOP"


def test_personnel_of_an_organisation_take_its_role(extract):
    doc = extract("Personel TNI membantu korban banjir.")
    assert actors(doc)["Personel TNI"].role == "MIL"


def test_supporters_of_a_person_are_not_the_person(extract):
    doc = extract("Pendukung Joko Widodo berkumpul di depan gedung KPU.", "2019-05-01")
    found = [m for m in doc.mentions if m.span.text == "Pendukung Joko Widodo"]
    assert found and found[0].actor.code == "IDNCVL"
    assert found[0].actor.kb_id is None
    assert found[0].rule == "pattern:group+person:pendukung"


def test_role_noun_after_a_collective_or_unit_noun_is_the_actor(extract):
    doc = extract("Satuan penjaga dan kelompok mahasiswa di Yangon bentrok semalam.")
    codes = {text: a.code for text, a in actors(doc).items()}
    assert codes["penjaga"] == "MMRCOP"
    assert codes["mahasiswa"] == "MMREDU"


def test_pro_person_names_that_persons_supporters(extract):
    text = "Presiden Ali Abdullah Saleh berpidato. Kelompok pro-Saleh menyerang demonstran di jalan."
    doc = extract(text, "2011-03-01")
    found = [m for m in doc.mentions if m.span.text == "pro-Saleh"]
    assert found and found[0].actor.code == "YEMCVL"
    assert found[0].rule.startswith("pattern:supporters:pro-")


def test_pro_state_or_body_takes_no_country_from_what_it_supports(extract):
    doc = extract("Kelompok pro-Rusia menduduki gedung pemerintah.")
    found = [m for m in doc.mentions if m.span.text == "pro-Rusia"]
    assert found and found[0].actor.country is None
    assert not [m for m in extract("Saya punya pro-akun di situs itu.").mentions if "pro-" in m.span.text]


def test_looters_thugs_and_bombers_are_actors(extract):
    doc = extract("Para penjarah dan preman merusak toko di Bishkek, sementara pelaku pengeboman melarikan diri.")
    roles = {text: a.role for text, a in actors(doc).items()}
    assert roles["penjarah"] == "CRM"
    assert roles["preman"] == "CRM"
    assert roles["pelaku pengeboman"] == "UAF"


def test_capitalised_role_noun_mid_sentence_is_an_actor_unless_a_name_follows(extract):
    doc = extract("Setelah sidang itu, Pengadilan menolak gugatan sang wartawan di Manila.")
    assert actors(doc)["Pengadilan"].code == "PHLJUD"
    named = extract("Setelah sidang itu, Komisi Penyelidik Khusus menolak gugatan sang wartawan di Manila.")
    assert "Komisi" not in actors(named)


def test_loyalists_of_a_named_leader_are_his_followers(extract):
    doc = extract("Muammar Gaddafi berpidato di televisi. Para loyalis Gaddafi menyerang kota itu.", "2011-03-01")
    found = [m for m in doc.mentions if m.span.text == "loyalis Gaddafi"]
    assert found and found[0].actor.code == "LBYCVL"


def test_one_word_alias_inside_an_unknown_full_name_is_not_that_person(extract):
    # "Ariza" is a KB alias of an Indonesian official; "Carlos Ariza Pinto" is somebody else
    doc = extract("Polisi Peru menahan Carlos Ariza Pinto di Lima.", "2021-06-01")
    assert all(m.actor is None or m.actor.country != "IDN" for m in doc.mentions), doc.mentions
    alone = extract("Ariza meresmikan jembatan di Jakarta.", "2021-06-01")
    assert any(m.actor is not None and m.actor.country == "IDN" and m.span.text == "Ariza" for m in alone.mentions)


def test_country_name_inside_an_outlet_or_blog_name_is_not_the_state(extract):
    doc = extract("Kemarin, Radio France Internationale dan blog Saudi Jeans mengutip BBC Azeri.", "2011-01-01")
    countries = {m.span.text for m in doc.mentions if m.actor is not None and m.actor.type == "GPE"}
    assert not countries & {"France", "Saudi", "Azeri"}
    assert actors(doc)["BBC"].code == "GBRMED"


def test_country_before_a_name_or_region_word_stays_the_country(extract):
    doc = extract("Kapal berlabuh di pelabuhan Yunani Astakos, dekat Irak Utara dan Konstitusi Mesir.", "2011-01-01")
    codes = {m.span.text: m.actor.code for m in doc.mentions if m.actor is not None}
    assert codes.get("Yunani") == "GRC"
    assert codes.get("Mesir") == "EGY"
    assert "IRQ" in {a.code for a in actors(doc).values()}


def test_sentence_opening_word_the_article_writes_in_lower_case_is_no_one_word_name(extract):
    doc = extract("Lima pria Yaman dipancung di Riyadh. Pengadilan menghukum lima orang lainnya.", "2013-05-26")
    assert not any(m.actor is not None and m.actor.country == "PER" for m in doc.mentions)
    assert any(e.code.startswith("18") for e in doc.events)  # "dipancung": an execution is a killing


def test_one_word_capital_name_opening_a_sentence_stays_a_name(extract):
    doc = extract("Lima menolak tuduhan Santiago.", "2009-12-12")
    assert any(m.actor is not None and m.actor.country == "PER" for m in doc.mentions)


def test_hyphenated_country_pair_names_both_sides(extract):
    doc = extract("Perundingan Israel-Palestina dilanjutkan di Washington.", "2010-09-02")
    pair = next(m for m in doc.mentions if m.rule == "pattern:country-pair")
    assert {a.code for a in pair.members} == {"ISR", "PSE"}
    assert {(e.source.actor.code, e.target.actor.code) for e in doc.events if e.code.startswith("04")} == {
        ("ISR", "PSE"), ("PSE", "ISR")}


def test_title_before_a_city_is_that_citys_office_not_a_person(extract):
    doc = extract("Polisi Dubai membubarkan demonstrasi warga Iran. Gubernur Istanbul melarang pawai itu.",
                  "2011-01-01")
    offices = {m.span.text: m.actor.code for m in doc.mentions if m.rule.startswith("pattern:title+city")}
    assert offices == {"Polisi": "ARECOP", "Gubernur": "TURGOV"}
    assert {p.span.text for p in doc.places} >= {"Dubai", "Istanbul"}
    assert not any(e.code.startswith("14") for e in doc.events)  # the banned march is no protest event


@pytest.mark.parametrize("link", ["asal", "berkebangsaan", "berasal dari"])
def test_a_nationality_link_gives_a_persons_role_its_country(extract, link):
    doc = extract(f"Seorang guru {link} Kanada ditahan di Nairobi.", "2012-05-01")
    role = next(m for m in doc.mentions if m.span.text.startswith("guru"))
    assert role.actor is not None and role.actor.country == "CAN", role


def test_a_nationality_link_before_no_country_links_nothing(extract):
    doc = extract("Seorang guru asal desa itu ditahan di Nairobi.", "2012-05-01")
    assert not any(m.span.text.startswith("guru asal") for m in doc.mentions)
