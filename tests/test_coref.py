"""Pronouns and group expressions resolved inside one article."""

from __future__ import annotations

import pytest

from peristiwa.eval.knowledge import candidates


def test_pronoun_refers_to_subject_of_same_sentence(extract):
    doc = extract("Emmanuel Macron mengatakan dia akan datang ke Jakarta.")
    dia = [m for m in doc.mentions if m.span.text == "dia"]
    assert dia and dia[0].actor.kb_id == "emmanuel-macron"
    assert dia[0].rule.startswith("coref:pronoun")


def test_pronoun_refers_to_previous_sentence_subject(extract):
    doc = extract("Benjamin Netanyahu tiba di Washington. Ia langsung menuju Gedung Putih.")
    ia = [m for m in doc.mentions if m.span.text == "Ia"]
    assert ia and ia[0].actor.kb_id == "benjamin-netanyahu"


def test_beliau_is_a_pronoun(extract):
    doc = extract("Joko Widodo membuka acara itu. Beliau berpesan agar warga tetap tenang.", "2020-02-01")
    beliau = [m for m in doc.mentions if m.span.text == "Beliau"]
    assert beliau and beliau[0].actor.kb_id == "joko-widodo"


def test_kedua_negara_refers_to_two_countries(extract):
    doc = extract("Indonesia dan Malaysia membahas perbatasan. Kedua negara sepakat membentuk tim bersama.")
    group = [m for m in doc.mentions if m.kind == "group"]
    assert group
    assert {a.country for a in group[0].members} == {"IDN", "MYS"}


def test_keduanya_prefers_two_people_in_sentence(extract):
    doc = extract("Emmanuel Macron menjamu Joko Widodo, dan keduanya berjalan ke taman.", "2022-06-01")
    group = [m for m in doc.mentions if m.span.text == "keduanya"]
    assert group
    assert {a.kb_id for a in group[0].members} == {"emmanuel-macron", "joko-widodo"}


def test_unresolvable_pronoun_stays_unresolved(extract):
    doc = extract("Dia tidak mau berkomentar.")
    dia = [m for m in doc.mentions if m.span.text == "Dia"]
    assert dia and dia[0].actor is None


def test_role_noun_takes_the_country_of_a_recent_actor(extract):
    doc = extract("Pemerintah Mesir menutup jalan. Polisi kemudian menangkap para aktivis.")
    polisi = [m for m in doc.mentions if m.span.text == "Polisi"]
    assert polisi and polisi[0].actor.code == "EGYCOP"
    assert polisi[0].rule.endswith("anchored-by-recent-mention")


def test_role_noun_without_context_gets_no_country_by_default(extract):
    doc = extract("Seorang warga mengeluh. Polisi menangkap aktivis itu.")
    polisi = [m for m in doc.mentions if m.span.text == "Polisi"]
    assert polisi and polisi[0].actor.country is None
    assert not [e for e in doc.events if e.source is not None and e.source.actor.code]


def test_role_noun_far_from_the_country_stays_unanchored(extract):
    doc = extract("Jepang menggelar pemilu. Hujan turun. Angin bertiup. Jalanan sepi. "
                  "Demonstran berkumpul di alun-alun.")
    demonstran = [m for m in doc.mentions if m.span.text == "Demonstran"]
    assert demonstran and demonstran[0].actor.country is None


def test_surname_refers_to_the_earlier_full_name(extract):
    doc = extract("Menteri Dalam Negeri Peru Teodoro Quispe tiba di Lima pada Senin. "
                  "Quispe kemudian mengecam partai oposisi.", "2011-05-10")
    short = [m for m in doc.mentions if m.span.text == "Quispe"]
    assert short and short[0].rule == "coref:surname", [(m.span.text, m.rule) for m in doc.mentions]
    assert short[0].actor is not None and short[0].actor.country == "PER"
    assert doc.mentions[short[0].antecedent].span.text.endswith("Teodoro Quispe")


def test_surname_shared_by_two_people_stays_unlinked(extract):
    doc = extract("Presiden Peru Ana Quispe dan Menteri Luar Negeri Bolivia Luis Quispe bertemu di La Paz. "
                  "Quispe kemudian mengecam partai oposisi.", "2011-05-10")
    short = [m for m in doc.mentions if m.span.text == "Quispe"]
    assert short and all(m.rule != "coref:surname" for m in short), [(m.span.text, m.rule) for m in short]


@pytest.mark.parametrize(("text", "pronoun", "rule"), [
    # the speaker of the previous sentence, not its subject
    ("Polisi menahan Menteri Luar Negeri Rusia Sergey Lavrov sebentar, kata Emmanuel Macron. "
     "Ia lalu pulang ke Paris.", "Ia", "coref:pronoun:previous-speaker"),
    # adverbs may stand between a speaker and the speech verb
    ("Polisi menahan Budi Santosa, dan Emmanuel Macron juga mengatakan hal itu. Ia menolak berkomentar lagi.",
     "Ia", "coref:pronoun:previous-speaker"),
    # "membalas Budi Santosa dengan mengatakan": the addressee is no speaker, the subject stays
    ("Emmanuel Macron membalas Budi Santosa dengan mengatakan bahwa pajak akan turun. "
     "Dia lalu meninggalkan ruangan.", "Dia", "coref:pronoun:previous-subject"),
])
def test_pronoun_takes_the_person_in_focus(extract, text, pronoun, rule):
    doc = extract(text, "2022-06-01")
    found = [m for m in doc.mentions if m.span.text == pronoun]
    assert found and found[0].actor is not None and found[0].actor.kb_id == "emmanuel-macron"
    assert found[0].rule == rule
    assert doc.mentions[found[0].antecedent].span.text == "Emmanuel Macron"


def test_pronoun_after_an_unknown_person_is_not_an_earlier_official(extract):
    doc = extract("Presiden Prancis Emmanuel Macron berkunjung ke Dakar. Blogger Budi Santosa menulis "
                  "kritik yang tajam. Dia mengatakan kunjungan itu sia-sia.", "2022-06-01")
    dia = [m for m in doc.mentions if m.span.text == "Dia"]
    assert dia and dia[0].antecedent is not None
    assert doc.mentions[dia[0].antecedent].span.text == "Budi Santosa"
    assert dia[0].actor is None or dia[0].actor.kb_id != "emmanuel-macron"


def test_a_quantified_institution_gets_no_country(extract):
    doc = extract("Pemerintah Mesir menutup jalan. Banyak pemerintah menyensor internet.")
    generic = [m for m in doc.mentions if m.span.text == "pemerintah"]
    assert generic and generic[0].actor.country is None
    assert generic[0].rule == "pattern:role-only:generic:pemerintah"


def test_a_surname_spelt_one_letter_differently_is_the_same_person(extract):
    doc = extract("Benjamin Netanyahu tiba di Berlin. Para wartawan menunggu Netanyehu di bandara.", "2022-06-01")
    variant = [m for m in doc.mentions if m.span.text == "Netanyehu"]
    assert variant and variant[0].rule == "coref:surname-variant"
    assert variant[0].actor is not None and variant[0].actor.kb_id == "benjamin-netanyahu"
    assert doc.mentions[variant[0].antecedent].span.text == "Benjamin Netanyahu"


def test_a_first_name_or_short_name_one_letter_off_is_not_linked(extract):
    doc = extract("Benjamin Netanyahu tiba di Berlin. Wartawan Benjamen Sutrisno menunggu di bandara.", "2022-06-01")
    assert not [m for m in doc.mentions if m.rule == "coref:surname-variant"]


def test_mereka_is_the_group_in_focus(extract):
    doc = extract("Polisi Mesir membubarkan demonstrasi di Kairo. Mereka juga menangkap tiga aktivis.")
    mereka = [m for m in doc.mentions if m.span.text == "Mereka"]
    assert mereka and mereka[0].actor is not None and mereka[0].actor.code == "EGYCOP"
    assert mereka[0].rule == "coref:plural:previous-subject"


def test_mereka_after_a_coordinated_subject_stands_for_all_of_it(extract):
    doc = extract("Jepang dan Vietnam menandatangani perjanjian dagang. Mereka juga membahas keamanan laut.")
    mereka = [m for m in doc.mentions if m.span.text == "Mereka"]
    assert mereka and {a.country for a in mereka[0].members} == {"JPN", "VNM"}
    assert mereka[0].rule.endswith(":coordinated")


def test_generic_and_possessor_mereka_are_not_anaphors(extract):
    doc = extract("Tentara Israel menembak warga. Dokter menolong mereka yang terluka dan mencatat nama mereka.")
    assert not [m for m in doc.mentions if m.span.text == "mereka"]


def mentions_of(doc, text):
    """The document's mentions spelt exactly `text`."""
    return [m for m in doc.mentions if m.span.text == text]


def test_negara_itu_is_the_country_named_most_often_recently(extract):
    doc = extract("Pemerintah Suriah menangkap dua wartawan Suriah kemarin, lalu mengirim surat ke Moskow. "
                  "Negara itu membantah tuduhan penyiksaan.")
    anaphor = mentions_of(doc, "Negara itu")
    assert anaphor and anaphor[0].actor is not None and anaphor[0].actor.code == "SYR"
    assert anaphor[0].rule == "coref:country:most-named-recently"
    assert doc.mentions[anaphor[0].antecedent].actor.country == "SYR"


def test_negara_tersebut_without_an_earlier_country_stays_unresolved(extract):
    doc = extract("Hujan turun sepanjang hari. Negara tersebut membantah tuduhan penyiksaan.")
    anaphor = mentions_of(doc, "Negara tersebut")
    assert anaphor and anaphor[0].actor is None and anaphor[0].antecedent is None


def test_negara_itu_beyond_the_discourse_window_stays_unresolved(extract):
    doc = extract("Polisi Kenya menahan tiga orang. Hujan turun. Banjir datang. Sungai meluap. "
                  "Negara itu membantah tuduhan.")
    anaphor = mentions_of(doc, "Negara itu")
    assert anaphor and anaphor[0].actor is None


def test_negara_itu_owning_a_noun_is_not_an_actor(extract):
    doc = extract("Parlemen Brasil membahas undang-undang baru. Buku yang menghina moral negara itu akan disensor.")
    assert not [m for m in doc.mentions if m.kind == "anaphor"]


def test_a_possessive_role_noun_takes_its_owners_country_and_its_own_role(extract):
    doc = extract("Presiden Prancis Emmanuel Macron tiba di Dakar. Pemerintahnya mengecam kudeta itu.", "2022-06-01")
    owned = mentions_of(doc, "Pemerintahnya")
    assert owned and owned[0].kind == "possessive" and owned[0].actor.code == "FRAGOV"
    assert doc.mentions[owned[0].antecedent].actor.country == "FRA"


def test_a_possessive_takes_the_nearest_owner_in_its_sentence(extract):
    doc = extract("Polisi Mesir menemui Menteri Pertahanan Israel dan pasukannya di perbatasan.")
    owned = mentions_of(doc, "pasukannya")
    assert owned and owned[0].actor.code == "ISRMIL"
    assert owned[0].rule.endswith(":owner-sentence-nearest")


def test_a_possessive_owned_by_an_uncoded_body_stays_uncoded(extract):
    doc = extract("Pemerintah Mesir menutup jalan. Banyak pemerintah melarang rakyatnya berdemonstrasi.")
    owned = mentions_of(doc, "rakyatnya")
    assert owned and owned[0].actor is not None and owned[0].actor.country is None


def test_a_word_merely_ending_in_nya_is_no_possessive(extract):
    doc = extract("Pemerintah Mesir menutup jalan. Akhirnya warga pulang.")
    assert not [m for m in doc.mentions if m.kind == "possessive"]


def test_anaphoric_mentions_are_not_scored_as_named_organisations(extract):
    doc = extract("Polisi Kenya menahan wartawan. Mereka mengatakan pemerintahnya memerintahkan penahanan itu.")
    assert any(m.kind == "possessive" for m in doc.mentions) and any(m.kind == "pronoun" for m in doc.mentions)
    names = {n for c in candidates(doc, "orgs") for n in c.names}
    assert "pemerintahnya" not in names and "Mereka" not in names


def mention_codes(doc, text):
    return [m.actor.code if m.actor else None for m in doc.mentions if m.span.text == text]


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Tomasz Wrobelski, seorang wartawan asal Polandia, ditahan di Minsk.", "Tomasz Wrobelski", "POLMED"),
    ("Gugatan itu diajukan oleh seorang ibu rumah tangga asal Filipina, Maricel Dagohoy, pekan lalu.",
     "Maricel Dagohoy", "PHLCVL"),
    ("Polisi menahan Rustam Berdiyev, seorang Tajikistan pengangguran, di Moskwa.", "Rustam Berdiyev", "TJKCVL"),
    ("Polisi Maroko menangkap Rami Zakaria asal Mesir pekan lalu.", "Rami Zakaria", "EGYCVL"),
    ("Ahmed Kamaluddin, yang berasal dari Irak, mengecam Iran.", "Ahmed Kamaluddin", "IRQCVL"),
])
def test_an_unknown_person_described_by_seorang_and_a_country_is_of_that_country(extract, text, name, code):
    doc = extract(text)
    assert mention_codes(doc, name) == [code]
    assert any("described-person" in m.rule for m in doc.mentions if m.span.text == name)


def test_the_surname_alone_later_is_the_described_person(extract):
    doc = extract("Tomasz Wrobelski, seorang wartawan asal Polandia, ditahan di Minsk. "
                  "Wrobelski kemudian mengecam pemerintah Belarus.")
    assert mention_codes(doc, "Wrobelski") == ["POLMED"]


@pytest.mark.parametrize("text", [
    "Tomasz Wrobelski mengunjungi seorang teman di Polandia.",  # a verb: no description
    "Tomasz Wrobelski, yang menulis tentang Polandia, ditahan di Minsk.",  # no opener
])
def test_a_country_elsewhere_in_the_sentence_does_not_describe_the_name(extract, text):
    doc = extract(text)
    assert mention_codes(doc, "Tomasz Wrobelski") in ([None], [])


def test_a_hortative_at_a_sentence_start_is_not_a_short_name(extract):
    doc = extract("Mari kita bersama menolak kekerasan di Jakarta.", "2009-07-14")
    assert not [m for m in doc.mentions if m.span.text == "Mari"]


def test_a_name_two_states_share_is_the_one_the_article_names(extract):
    doc = extract("Ribuan warga Korea Selatan berunjuk rasa di Seoul. Pemerintah Korea menolak tuntutan mereka.")
    assert mention_codes(doc, "Korea") == ["KOR"]
    assert any("shared-country-name" in m.rule for m in doc.mentions if m.span.text == "Korea")


def test_a_shared_name_stays_unlinked_when_the_article_names_both_states(extract):
    doc = extract("Korea Utara menembakkan rudal ke arah Korea Selatan. Korea menjadi sorotan dunia.")
    assert all(m.actor is None for m in doc.mentions if m.span.text == "Korea")
def test_bracketed_name_after_a_pronoun_is_its_referent_and_later_mereka_keep_it(extract):
    doc = extract("Media Jepang menulis bahwa mereka (Tiongkok) menangkap nelayan, mereka juga menyita kapal.")
    plural = [m for m in doc.mentions if m.span.text == "mereka"]
    assert [m.actor.code if m.actor else None for m in plural] == ["CHN", "CHN"], [(m.rule, m.actor) for m in plural]
    assert plural[0].rule == "coref:plural:parenthetical" and plural[1].rule == "coref:plural:sentence-chain"
    person = extract("Menteri itu bertemu Joko Widodo, lalu dia (Emmanuel Macron) berbicara kepada wartawan.")
    dia = [m for m in person.mentions if m.span.text == "dia"]
    assert dia and dia[0].actor.kb_id == "emmanuel-macron", [(m.rule, m.actor) for m in dia]


def test_role_noun_is_not_anchored_to_a_region(extract):
    doc = extract("Kirgizstan adalah negara di Asia Tengah. Revolusi itu meluas ke Asia. "
                  "Kemudian polisi menangkap aktivis.")
    police = [m for m in doc.mentions if m.span.text == "polisi"]
    assert police and police[0].actor.country == "KGZ", [(m.rule, m.actor) for m in police]


def test_a_region_gives_no_country_to_a_later_role_noun(extract):
    doc = extract("Para pemimpin Afrika mengecam kudeta itu. Polisi kemudian menangkap puluhan demonstran.")
    polisi = [m for m in doc.mentions if m.span.text == "Polisi"]
    assert polisi and (polisi[0].actor is None or polisi[0].actor.country != "AFR")


def test_a_role_noun_takes_the_country_where_it_acts_over_where_someone_comes_from(extract):
    doc = extract("Polisi menyelidiki penyerangan seorang wanita dari Filipina di Manama.")
    assert [m.actor.code for m in doc.mentions if m.span.text == "Polisi"] == ["BHRCOP"]


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Kemarin Dmitri Orlovsky, wartawan senior Ukraina, ditahan di Minsk.", "Dmitri Orlovsky", "UKRMED"),
    ("Wilhelm Straub, menteri dalam negeri Austria, mengumumkan audit itu.", "Wilhelm Straub", "AUTGOV"),
    ("Fiona Galloway dari Partai Buruh Inggris mengecam keputusan itu di Kenya.", "Fiona Galloway", "GBRPTY"),
])
def test_a_role_word_apposition_or_org_membership_gives_an_unknown_person_its_country(extract, text, name, code):
    doc = extract(text)
    assert mention_codes(doc, name) == [code]
    assert any(":coref:" in m.rule or ";coref:" in m.rule for m in doc.mentions if m.span.text == name)


def test_a_title_naming_no_country_takes_the_country_of_its_own_apposition_not_a_nearby_one(extract):
    doc = extract("Jaksa Martin Kowalczyk, jaksa Pengadilan Distrik Polandia, menuntut seorang warga Irak.")
    assert mention_codes(doc, "Martin Kowalczyk") == ["POLJUD"]
    assert any("described-person" in m.rule for m in doc.mentions if m.span.text == "Martin Kowalczyk")


def test_membership_needs_origin_words_alone(extract):
    doc = extract("Fiona Galloway mengkritik Partai Buruh Inggris di Nairobi.")
    assert mention_codes(doc, "Fiona Galloway") in ([None], [])


def test_a_role_noun_does_not_take_an_earlier_same_role_country_when_its_sentence_names_another(extract):
    doc = extract("Kabinet Etiopia menyetujui anggaran baru. Media Kenya melaporkan bahwa kabinet akan bersidang lagi.")
    assert mention_codes(doc, "kabinet") == ["KENGOV"]


def test_a_role_noun_takes_no_country_its_sentence_names_by_guess(extract):
    doc = extract("Polisi menangkap seorang warga negara Amerika di rumahnya.")
    assert mention_codes(doc, "Polisi") in ([None], [])


def test_a_role_noun_keeps_the_earlier_same_role_country_when_its_sentence_names_it(extract):
    doc = extract("Kabinet Etiopia menyetujui anggaran baru. Media Kenya mengatakan kabinet itu mengecam Etiopia.")
    assert mention_codes(doc, "kabinet itu") == ["ETHGOV"]


def test_a_group_noun_with_its_country_right_before_an_unknown_name_gives_the_person_that_country(extract):
    doc = extract("Polisi Mesir menahan seorang warga negara Kanada John Mitchell di Kairo. "
                  "Mitchell dibebaskan kemarin.")
    assert mention_codes(doc, "John Mitchell") == ["CANCVL"]
    assert mention_codes(doc, "Mitchell") == ["CANCVL"]
    assert any("owned-role-before" in m.rule for m in doc.mentions if m.span.text == "John Mitchell")


def test_an_unknown_name_after_a_titled_country_and_a_comma_holds_that_role(extract):
    doc = extract("Para pemberontak dibayar oleh mantan perdana menteri Nepal, Ramesh Adhikari, pada tahun 2001.")
    assert mention_codes(doc, "Ramesh Adhikari") == ["NPLELI"]


def test_a_name_before_the_sentence_that_describes_it_is_the_described_person(extract):
    doc = extract("Tomasz Wrobelski mengecam pemerintah Belarus. "
                  "Tomasz Wrobelski, seorang wartawan asal Polandia, ditahan di Minsk sejak Mei.")
    assert mention_codes(doc, "Tomasz Wrobelski") == ["POLMED", "POLMED"]
    assert any("same-person-elsewhere" in m.rule for m in doc.mentions)


def test_country_owned_by_another_title_does_not_anchor_an_unknown_titled_name(extract):
    doc = extract("Duta Besar AS bertatap muka dengan Presiden Ravalomanana.", "2009-02-03")
    name = next(m for m in doc.mentions if m.span.text == "Ravalomanana")
    assert name.actor is None or name.actor.country != "USA"


def test_repeated_title_shares_the_country_it_names(extract):
    doc = extract("Senator Pakistan Mushahid Hussain dan Senator Talha Mehmood mengecam serangan itu.", "2009-02-03")
    name = next(m for m in doc.mentions if m.span.text == "Talha Mehmood")
    assert name.actor is not None and name.actor.country == "PAK"
