"""CAMEO conventions for sides a report leaves implicit (codebook/data/conventions.yaml); our own sentences."""

from __future__ import annotations


def coded(extract, text: str) -> list[tuple[str, str | None, str | None, str]]:
    doc = extract(text, published="2023-05-10")
    return [(e.code, e.source.actor.code if e.source else None, e.target.actor.code if e.target else None, e.rule)
            for e in doc.events if not e.negated]


def test_state_repression_of_an_unknown_name_is_domestic(extract) -> None:
    events = coded(extract, "Polisi Vietnam menangkap Lusiano Kerbatu di Hanoi pada Selasa.")
    assert any(code.startswith("17") and src.startswith("VNM") and tgt == "VNM" and "target=jurisdiction" in rule
               for code, src, tgt, rule in events), events


def test_unknown_name_met_by_a_foreign_envoy_gets_no_invented_country(extract) -> None:
    events = coded(extract, "Duta Besar Jepang bertemu dengan Budi Santoso di Jakarta pada Selasa.")
    assert all(tgt is None or not tgt.startswith("JPN") for _, _, tgt, _ in events), events


def test_agentless_protest_is_by_civilians_of_the_place_against_their_government(extract) -> None:
    events = coded(extract, "Unjuk rasa besar terjadi pada Senin di Surabaya.")
    assert [(c, s, t[:3]) for c, s, t, _ in events] == [("141", "IDNCVL", "IDN")], events
    assert "source=civilians-of-place" in events[0][3]
    headline = coded(extract, "Gelombang unjuk rasa melanda Surabaya sejak Senin.")
    assert [(c, s) for c, s, _, _ in headline] == [("141", "IDNCVL")], headline


def test_protest_without_addressee_is_against_own_government(extract) -> None:
    events = coded(extract, "Ribuan buruh Indonesia berunjuk rasa pada Senin.")
    assert ("141", "IDNLAB", "IDNGOV") in [(c, s, t) for c, s, t, _ in events] or \
        any(t == "IDNGOV" and "target=protest-own-government" in r for _, _, t, r in events), events


def test_stated_protest_target_is_kept(extract) -> None:
    events = coded(extract, "Ratusan mahasiswa Indonesia berunjuk rasa di depan Kedutaan Besar Australia di Jakarta.")
    assert all(t != "IDNGOV" for _, _, t, _ in events if t is not None) or events == [], events


def test_agentless_passive_arrest_is_by_the_patients_authorities(extract) -> None:
    events = coded(extract, "Dua wartawan Mesir ditangkap di Kairo pada Selasa.")
    assert any(c.startswith("17") and s == "EGYGOV" and t is not None and t.startswith("EGY")
               and "source=jurisdiction(agentless passive)" in r for c, s, t, r in events), events


def test_agentless_passive_with_an_agent_keeps_the_agent(extract) -> None:
    events = coded(extract, "Dua wartawan Mesir ditangkap oleh polisi Israel di Yerusalem.")
    assert all(s != "EGYGOV" for _, s, _, _ in events), events


def exported(extract, text: str) -> list[tuple[str, str | None, str | None]]:
    from peristiwa.extract.events import is_resolved

    doc = extract(text, published="2023-05-10")
    return [(e.code[:2], e.source.actor.code if e.source else None, e.target.actor.code if e.target else None)
            for e in doc.events if is_resolved(e)]


def test_unaddressed_demand_of_a_national_actor_is_domestic(extract) -> None:
    events = coded(extract, "Kementerian Kesehatan Malaysia menuntut penjelasan resmi pada Senin.")
    assert any(code.startswith("10") and src.startswith("MYS") and tgt == "MYS" and "target=domestic(no addressee)"
               in rule for code, src, tgt, rule in events), events


def test_meeting_without_a_partner_is_incomplete_and_not_exported(extract) -> None:
    doc = extract("Menteri Luar Negeri Thailand mengadakan pertemuan pada Kamis pagi.", published="2023-05-10")
    meetings = [e for e in doc.events if e.root_code == "04"]
    assert meetings, "the meeting is still coded, for provenance"
    assert all(e.target is None and "incomplete" in e.modality and "target=none(incomplete)" in e.rule
               for e in meetings), [(e.rule, e.modality) for e in meetings]
    assert all(root != "04" for root, _, _ in exported(extract, "Menteri Luar Negeri Thailand mengadakan "
                                                       "pertemuan pada Kamis pagi."))


def test_no_domestic_default_when_the_sentence_names_another_country(extract) -> None:
    text = "Pemerintah Filipina menolak pada Rabu, sehari setelah kapal Vietnam berlabuh di Manila."
    events = exported(extract, text)
    assert all(not (root == "12" and tgt is not None and tgt.startswith("PHL")) for root, _, tgt in events), events


def test_unaddressed_statement_of_an_igo_gets_no_made_up_target(extract) -> None:
    """No country makes it domestic: exported with an empty target (conventions.yaml unaddressed_export)."""
    events = exported(extract, "Uni Eropa mengeluarkan pernyataan pada Jumat malam.")
    assert [(root, tgt) for root, src, tgt in events if src and src.startswith("IGO")] == [("01", None)], events


def test_stated_target_wins_over_the_domestic_default(extract) -> None:
    events = exported(extract, "Pemerintah Kenya mengkritik Uganda pada Senin.")
    assert ("11", "KENGOV", "UGA") in [(r, s, t[:3] if t else None) for r, s, t in events], events
    assert all(t != "KEN" for _, _, t in events), events


def test_violence_reported_as_happened_in_a_place_is_that_countrys_affair(extract) -> None:
    events = coded(extract, "Kekerasan yang terjadi di Medan pada Minggu menewaskan tiga orang.")
    assert [(c[:2], s, t) for c, s, t, _ in events] == [("18", "IDN", "IDN")], events
    assert "source=unattributed(place)" in events[0][3] and "target=domestic(unattributed)" in events[0][3]


FOCUS_ARTICLE = ("Pemerintah Indonesia menaikkan harga BBM pekan lalu. Warga Indonesia kecewa. Polisi Indonesia "
                 "berjaga di jalan-jalan. {}")


def test_unplaced_occurrence_is_coded_by_the_articles_focus_country(extract) -> None:
    events = coded(extract, FOCUS_ARTICLE.format("Bentrokan pecah di Desa Sukamaju pada Senin malam."))
    assert any(c.startswith("19") and s == "IDN" and t == "IDN" and "source=unattributed(focus)" in r
               for c, s, t, r in events), events


def test_unplaced_protest_that_broke_out_is_by_civilians_against_their_government(extract) -> None:
    events = coded(extract, FOCUS_ARTICLE.format("Protes meletus di Kampung Durian esok harinya."))
    assert any(c.startswith("14") and s == "IDNCVL" and t == "IDNGOV" and "source=unattributed(focus)" in r
               for c, s, t, r in events), events


def test_unplaced_arrests_that_happened_are_by_the_focus_countrys_authorities(extract) -> None:
    events = coded(extract, FOCUS_ARTICLE.format("Puluhan penangkapan terjadi pada Selasa."))
    assert any(c.startswith("17") and s == "IDNGOV" and t == "IDN" for c, s, t, _ in events), events


def test_negated_occurrence_and_a_topic_noun_get_no_unattributed_source(extract) -> None:
    for text in ("Bentrokan tidak terjadi di Medan pada Minggu.", "Para peneliti membahas kekerasan di Medan.",
                 FOCUS_ARTICLE.format("Bentrokan akan terjadi jika harga naik lagi.")):
        assert all("unattributed" not in r for _, _, _, r in coded(extract, text)), text


def test_no_focus_country_when_two_countries_are_named_alike(extract) -> None:
    text = ("Pemerintah Indonesia dan Pemerintah Malaysia bertemu. Warga Indonesia dan warga Malaysia menonton. "
            "Polisi Indonesia dan polisi Malaysia berjaga. Bentrokan pecah di Desa Sukamaju pada Senin malam.")
    assert all("unattributed" not in r for _, _, _, r in coded(extract, text))


def test_unattributed_event_abroad_in_an_article_about_another_country_is_not_coded(extract) -> None:
    events = coded(extract, FOCUS_ARTICLE.format("Perang yang berkecamuk di Suriah membuat harga minyak naik."))
    assert all("unattributed" not in r for _, _, _, r in events), events
    at_home = coded(extract, FOCUS_ARTICLE.format("Bentrokan yang pecah di Medan membuat harga beras naik."))
    assert any("unattributed(place)" in r and s == "IDN" for _, s, _, r in at_home), at_home


def test_generic_violence_noun_that_broke_out_counts_beside_a_stronger_event(extract) -> None:
    events = coded(extract, "Polisi Indonesia menangkap dua napi ketika kekerasan pecah di Medan.")
    assert any(c.startswith("17") for c, _, _, _ in events), events
    assert any(c.startswith("18") and s == "IDN" and "unattributed(place)" in r for c, s, _, r in events), events


def test_event_noun_a_report_verb_reports_is_an_unattributed_event(extract) -> None:
    events = coded(extract, FOCUS_ARTICLE.format("Media setempat melaporkan penjarahan di Desa Sukamaju."))
    assert any(c.startswith("17") and s == "IDN" and "source=unattributed(focus)" in r for c, s, _, r in events), events


def test_event_noun_suffered_by_its_victims_is_reported_as_having_happened(extract) -> None:
    events = coded(extract, FOCUS_ARTICLE.format("Kekerasan yang dialami para petani di Desa Sukamaju memicu amarah."))
    assert any(c.startswith("18") and s == "IDN" and t is not None and t.startswith("IDN")
               and "unattributed(focus)" in r for c, s, t, r in events), events
    victims = coded(extract, FOCUS_ARTICLE.format("Kekerasan yang diderita warga Indonesia memicu amarah."))
    assert any(c.startswith("18") and t == "IDNCVL" and "target=suffered-by" in r for c, _, t, r in victims), victims


def test_state_violence_with_nobody_named_is_not_domestic_when_the_sentence_names_another_country(extract) -> None:
    events = exported(extract, "Pasukan Israel menyerang Gaza, membunuh dan melukai ratusan orang.")
    assert not [(r, s, t) for r, s, t in events if r == "18" and t and t.startswith("ISR")], events


def test_authorities_of_a_place_keep_their_domestic_act_beside_other_countries(extract) -> None:
    events = exported(extract, "Blogger Mesir itu mengutip surat kabar Kanada. Blog itu disensor di Mesir.")
    assert all(not (s or "").startswith("EGY") or (t or "").startswith("EGY") for _, s, t in events), events

def test_private_persons_unaddressed_statement_is_commentary(extract) -> None:
    text = "Seorang warga Thailand yang melihat kebakaran itu mengatakan bahwa api sangat besar."
    assert not [e for e in exported(extract, text) if e[0] == "01"], exported(extract, text)
    doc = extract(text, published="2023-05-10")
    assert any("commentary" in e.modality and "commentary(private speaker)" in e.rule for e in doc.events)
    journalist = "Wartawan Filipina itu menambahkan bahwa jalan menuju kota masih ditutup."
    assert not [e for e in exported(extract, journalist) if e[0] == "01"], exported(extract, journalist)


def test_officials_unaddressed_statement_is_still_an_event(extract) -> None:
    events = exported(extract, "Menteri Luar Negeri Thailand mengatakan bahwa perbatasan akan dibuka pekan depan.")
    assert any(root == "01" and src == "THAGOV" for root, src, _ in events), events


def test_co_agents_of_a_one_sided_act_do_not_act_on_each_other(extract) -> None:
    events = exported(extract, "Jepang dan Australia menggelar parade militer besar di dekat perairan sengketa.")
    assert not [e for e in events if {e[1], e[2]} == {"JPN", "AUS"}], events


def test_co_agents_of_a_mutual_act_or_marked_reciprocal_act_on_each_other(extract) -> None:
    met = exported(extract, "Jepang dan Australia bertemu di Canberra pada Senin.")
    assert ("04", "JPN", "AUS") in met and ("04", "AUS", "JPN") in met, met
    accused = exported(extract, "Jepang dan Australia saling menuduh soal penangkapan ikan ilegal.")
    assert ("11", "JPN", "AUS") in accused and ("11", "AUS", "JPN") in accused, accused


def test_quoted_name_after_an_event_noun_is_no_addressee(extract) -> None:
    events = exported(extract, "Menlu Jepang dan Australia mengadakan pertemuan “Forum Myanmar” di Tokyo.")
    assert events and all(tgt is None or not tgt.startswith("MMR") for _, _, tgt in events), events


def test_oleh_after_another_verb_is_not_the_event_nouns_agent(extract) -> None:
    doc = extract("Kekerasan politik di wilayah pesisir dikelilingi oleh Jepang sejak Senin.", published="2023-05-10")
    violence = [e for e in doc.events if e.trigger.text == "Kekerasan"]
    assert all(e.source is None or e.source.actor.code != "JPN" for e in violence), violence
    attack = coded(extract, "Serangan terhadap desa Palestina itu dilakukan oleh pasukan Israel.")
    assert any(code.startswith("19") and src == "ISRMIL" for code, src, _, _ in attack), attack


def test_capitalised_preposition_in_a_headline_ends_the_possessor_search(extract) -> None:
    events = coded(extract, "Warga Jepang Menulis Petisi Kepada Pemerintah Korea Selatan")
    petitions = [e for e in events if e[0].startswith("14")]
    assert all(src != "KORGOV" for _, src, _, _ in petitions), petitions


def test_actor_after_the_relative_di_mana_is_its_clause_subject(extract) -> None:
    events = coded(extract, "Ini adalah situasi di mana tentara Thailand menyerang Kamboja.")
    assert any(code.startswith("19") and src == "THAMIL" and tgt == "KHM" for code, src, tgt, _ in events), events


def test_unaddressed_statement_of_someone_known_only_by_country_is_commentary(extract) -> None:
    for text in ("Para narablog Vietnam mengatakan bahwa harga beras terus naik.",
                 "Sebuah komunitas Facebook Filipina menyatakan bahwa banjir itu sangat parah."):
        assert not [e for e in exported(extract, text) if e[0] == "01"], (text, exported(extract, text))
        doc = extract(text, published="2023-05-10")
        # "Para narablog Vietnam" is a blogger (a private speaker) since bloggers are titles; a Facebook community
        # is someone known only by a country: either way commentary, not Vietnam's statement
        assert any("commentary(" in e.rule for e in doc.events), doc.events
    for text in ("Vietnam mengatakan bahwa perbatasan akan dibuka pekan depan.",
                 "Pihak Vietnam mengatakan bahwa perbatasan akan dibuka pekan depan.",
                 "Sumber senior Vietnam mengakui bahwa perbatasan akan dibuka pekan depan.",
                 "Menurut laporan, kantor kepresidenan Vietnam menyatakan bahwa perbatasan akan dibuka pekan depan.",
                 "Komisi Perbatasan Nasional Vietnam menyatakan bahwa perbatasan akan dibuka pekan depan."):
        state = exported(extract, text)
        assert any(root == "01" and src == "VNM" for root, src, _ in state), (text, state)


def test_actor_after_the_preposition_dalam_is_no_subject(extract) -> None:
    text = "Pembahasan Rancangan Undang-Undang Pemilu dalam DPR mendorong para perempuan untuk mencalonkan diri."
    events = coded(extract, text)
    assert not [e for e in events if e[1] is not None and e[1].startswith("IDN")], events
    inside = coded(extract, "Polisi Indonesia di dalam gedung itu menangkap tiga orang.")
    assert any(code.startswith("17") and src == "IDNCOP" for code, src, _, _ in inside), inside


def test_actor_after_the_verb_of_a_named_clause_is_not_the_trigger_target(extract) -> None:
    text = "Kementerian Luar Negeri Jepang menegaskan Hiroshi Tanabe telah memasuki Kedutaan Besar Rusia."
    events = coded(extract, text)
    assert not [e for e in events if e[0].startswith("01") and e[2] is not None and e[2].startswith("RUS")], events
    direct = coded(extract, "Kementerian Luar Negeri Jepang mengecam Rusia pada Senin.")
    assert any(code.startswith("11") and tgt == "RUS" for code, _, tgt, _ in direct), direct


def test_patient_after_an_arrest_noun_is_the_target_not_the_source(extract):
    doc = extract("Amnesty International mengecam penangkapan para aktivis Mesir di Kairo.", "2011-01-01")
    arrests = [e for e in doc.events if e.code.startswith("17")]
    assert arrests and all(e.source is None or e.source.actor.code != "EGYOPP" for e in arrests)
    assert any(e.target is not None and e.target.actor.code == "EGYOPP" for e in arrests)


def test_transnational_actors_unaddressed_warning_is_about_the_country_its_sentence_names(extract):
    doc = extract("PBB memperingatkan bahwa krisis pangan di Somalia semakin memburuk.", "2011-01-01")
    warnings = [e for e in doc.events if e.source is not None and e.source.actor.code == "IGOUNO"]
    assert warnings and warnings[0].target is not None and warnings[0].target.actor.code == "SOM"
    assert "target=about(sentence)" in warnings[0].rule


def test_transnational_actors_act_naming_two_states_gets_no_guessed_target(extract):
    doc = extract("PBB memperingatkan bahwa krisis di Somalia dan Kenya semakin memburuk.", "2011-01-01")
    warnings = [e for e in doc.events if e.source is not None and e.source.actor.code == "IGOUNO"]
    assert warnings and all("target=about" not in e.rule for e in warnings)


def test_a_verb_that_is_also_a_preposition_does_not_govern_an_event_nouns_possessor(extract):
    doc = extract("Beijing menentang penjualan senjata AS ke Taiwan.", "2011-01-01")
    sales = [e for e in doc.events if e.code.startswith("06")]
    assert sales and sales[0].source.actor.code == "USA" and sales[0].target.actor.code == "TWN"


def test_victims_of_a_relative_clause_on_an_attack_noun_are_its_target(extract):
    doc = extract("Presiden Afghanistan Hamid Karzai mengkritik serangan udara NATO yang menewaskan warga sipil.",
                  "2011-01-01")
    strikes = [e for e in doc.events if e.code.startswith("19")]
    assert strikes and strikes[0].target is not None and strikes[0].target.actor.country == "AFG"


def test_receiving_criticism_from_someone_is_their_criticism_of_the_receiver(extract):
    for text, dyad in (("Keputusan pemerintah Israel itu menuai kecaman dari Turki.", ("TUR", "ISRGOV")),
                       ("Presiden Mesir mendapat kritik keras dari Amerika Serikat.", ("USA", "EGYGOV"))):
        doc = extract(text, "2011-01-01")
        assert [(e.source.actor.code, e.target.actor.code) for e in doc.events if e.code.startswith("11")] == [dyad]


def test_agentless_arrest_of_foreigners_is_by_the_authorities_where_it_happened(extract) -> None:
    events = coded(extract, "Tiga nelayan Vietnam ditahan di Pontianak karena mencuri ikan.")
    assert any(c.startswith("17") and s == "IDNGOV" and t is not None and t.startswith("VNM")
               and "source=jurisdiction(agentless passive, foreign patient, place)" in r
               for c, s, t, r in events), events


def test_agentless_arrest_of_foreigners_in_an_article_about_a_country_is_by_its_authorities(extract) -> None:
    events = coded(extract, FOCUS_ARTICLE.format("Dua turis Australia ditangkap karena membawa narkoba."))
    assert any(c.startswith("17") and s == "IDNGOV" and "foreign patient, focus" in r
               for c, s, t, r in events), events


def test_agentless_arrest_of_the_focus_countrys_own_citizens_stays_theirs(extract) -> None:
    events = coded(extract, FOCUS_ARTICLE.format("Dua mahasiswa Indonesia ditangkap setelah unjuk rasa."))
    assert any(c.startswith("17") and s == "IDNGOV" and "source=jurisdiction(agentless passive)" in r
               for c, s, t, r in events), events


def test_a_place_no_locative_governs_is_not_where_the_arrest_happened(extract) -> None:
    events = coded(extract, "Seorang wartawan Mesir ditangkap di bandara sepulang dari Amman.")
    assert any(c.startswith("17") and s == "EGYGOV" and "foreign patient" not in r
               for c, s, _, r in events), events


def test_passive_prison_sentence_of_a_foreigner_is_detention_by_the_court_country(extract) -> None:
    events = coded(extract, "Seorang wartawan Jepang divonis sepuluh tahun penjara di Kairo pada Selasa.")
    assert any(c == "173" and s == "EGYGOV" and t is not None and t.startswith("JPN")
               and "foreign patient, place" in r for c, s, t, r in events), events


def test_passive_prison_sentence_of_a_citizen_with_no_place_is_by_their_authorities(extract) -> None:
    events = coded(extract, "Seorang wartawan Mesir dijatuhi hukuman penjara pada Selasa.")
    assert any(c == "173" and s == "EGYGOV" and "source=jurisdiction(agentless passive)" in r
               for c, s, _, r in events), events


def test_agentless_execution_of_foreign_men_is_by_the_country_where_it_happened(extract) -> None:
    events = coded(extract, "Tiga pria Yaman dieksekusi di kota Riyadh.")
    assert any(c.startswith("18") and s == "SAUGOV" and "foreign patient, place" in r
               for c, s, _, r in events), events


def test_a_protests_purpose_clause_names_its_addressee(extract) -> None:
    """"turun ke jalan untuk memprotes X": the protest is against X, and the verb is no second act."""
    events = coded(extract, "Ribuan warga Malaysia turun ke jalan di Kuala Lumpur untuk memprotes Singapura.")
    assert [(c[:2], s[:3], t) for c, s, t, _ in events] == [("14", "MYS", "SGP")], events
    assert "target=grievance(memprotes)" in events[0][3]


def test_a_protest_with_an_empty_purpose_clause_keeps_its_own_government(extract) -> None:
    events = coded(extract, "Ribuan warga Malaysia turun ke jalan di Kuala Lumpur untuk memprotes.")
    protest = [e for e in events if e[0].startswith("14")]
    assert protest and protest[0][2] == "MYSGOV" and "grievance" not in protest[0][3], events
