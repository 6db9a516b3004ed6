"""The event coder on our own Indonesian sentences: voice, arguments, modality, provenance."""

from __future__ import annotations

import pytest

from peristiwa.extract.events import is_resolved


def coded(doc, *, all_events=False):
    """(source code, target code or None, CAMEO code) for each exportable event."""
    events = doc.events if all_events else [e for e in doc.events if is_resolved(e)]
    return [(e.source.actor.code if e.source else None, e.target.actor.code if e.target else None, e.code)
            for e in events]


def roots(doc):
    return {(s, t, c[:2]) for s, t, c in coded(doc)}


def test_active_svo_accusation(extract):
    doc = extract("Amerika Serikat menuduh Iran memasok drone kepada Rusia.")
    assert ("USA", "IRN", "11") in roots(doc)


def test_passive_with_oleh_swaps_arguments(extract):
    doc = extract("Tuduhan itu dibantah oleh Iran.")
    assert any(s == "IRN" and c[:2] in {"01", "12"} for s, _, c in coded(doc))


def test_passive_object_first_di_verb(extract):
    doc = extract("Indonesia dikecam oleh Australia atas eksekusi tersebut.")
    assert ("AUS", "IDN", "11") in roots(doc)


def test_visit_nominal_with_possessor_and_ke(extract):
    doc = extract("Kunjungan Emmanuel Macron ke Indonesia berlangsung tiga hari.", "2023-06-01")
    assert ("FRAGOV", "IDN", "04") in roots(doc)


def test_active_visit_verb(extract):
    doc = extract("Joko Widodo mengunjungi Ukraina pada bulan Juni.", "2022-07-01")
    assert ("IDNGOV", "UKR", "04") in roots(doc)


def test_meeting_with_dengan(extract):
    doc = extract("Retno Marsudi bertemu dengan Antony Blinken di Washington.", "2022-11-01")
    assert ("IDNGOV", "USAGOV", "04") in roots(doc)


def test_coordinated_subjects_meet_each_other(extract):
    doc = extract("Vladimir Putin dan Recep Tayyip Erdogan bertemu di Sochi.", "2021-09-29")
    found = roots(doc)
    assert ("RUSGOV", "TURGOV", "04") in found
    assert ("TURGOV", "RUSGOV", "04") in found


def test_group_subject_signs_agreement(extract):
    text = "Indonesia dan Singapura membahas ekstradisi. Kedua negara menandatangani perjanjian itu."
    doc = extract(text)
    found = roots(doc)
    assert ("IDN", "SGP", "05") in found and ("SGP", "IDN", "05") in found


def test_nominal_attack_with_terhadap(extract):
    doc = extract("Serangan Israel terhadap Lebanon menewaskan puluhan orang.")
    assert any(s == "ISR" and t == "LBN" and c[:2] in {"18", "19", "20"} for s, t, c in coded(doc))


def test_light_verb_sanctions(extract):
    doc = extract("Uni Eropa menjatuhkan sanksi terhadap Belarus.")
    assert any(t == "BLR" and c.startswith("16") for _, t, c in coded(doc))


def test_negation_suppresses_event_but_keeps_it_for_inspection(extract):
    doc = extract("Malaysia tidak mengecam Myanmar dalam pernyataan itu.")
    assert not any(c.startswith("11") for _, _, c in coded(doc))
    negated = [e for e in doc.events if e.negated]
    assert negated and negated[0].code.startswith("11")


def test_alih_alih_is_negation(extract):
    doc = extract("Alih-alih mengutuk Rusia, India memilih abstain.")
    assert not any(c.startswith("11") for _, _, c in coded(doc))


def test_future_modality_flag(extract):
    """An announced act is coded as CAMEO's intent to do it (073 humanitarian aid → 0333)."""
    doc = extract("Jepang akan memberikan bantuan kemanusiaan kepada Turki.")
    events = [e for e in doc.events if e.code.startswith("033")]
    assert events and "future" in events[0].modality and "intent" in events[0].modality
    assert events[0].target.actor.code == "TUR"
    assert "modality:intent 073→0333" in events[0].rule


def test_denied_claim_is_not_coded_as_happened(extract):
    doc = extract("Amerika Serikat menuduh Korea Utara mengirim senjata ke Rusia, klaim yang dibantah oleh Pyongyang.")
    found = roots(doc)
    assert ("USA", "PRK", "11") in found
    deny = [e for e in doc.events if "denies-claim" in e.modality]
    assert deny and deny[0].target is not None and deny[0].target.actor.code == "USA"


def test_quote_speaker_is_source_of_first_person_event(extract):
    doc = extract("“Kami mengecam keras serangan itu,” kata Antony Blinken.", "2023-05-01")
    assert any(s == "USAGOV" and c.startswith("11") for s, _, c in coded(doc))


def test_pronoun_subject_resolves(extract):
    doc = extract("Emmanuel Macron tiba di Kyiv. Dia memuji keberanian Ukraina.")
    assert ("FRAGOV", "UKR", "05") in roots(doc)


def test_no_source_no_event(extract):
    doc = extract("Serangan itu menewaskan tiga orang.")
    assert coded(doc) == []


def test_unaddressed_criticism_of_a_country_is_domestic(extract):
    doc = extract("Indonesia mengecam keras aksi tersebut.")
    assert ("IDN", "IDN", "11") in roots(doc)
    assert ("IDN", None, "11") not in roots(doc)


def test_event_provenance(extract):
    text = "Filipina memprotes tindakan kapal China di Laut China Selatan."
    doc = extract(text)
    event = next(e for e in doc.events if is_resolved(e))
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text
    assert text[event.source.span.start : event.source.span.end] == event.source.span.text
    assert event.lexicon_id and event.rule.startswith("lexicon:")
    assert event.quad_class in {1, 2, 3, 4} and -10 <= event.goldstein <= 10
    assert event.date == "2023-03-21"


def test_event_date_from_sentence_time(extract):
    doc = extract("Pada hari Senin, Jepang memprotes Korea Selatan.", "2023-03-22")
    event = next(e for e in doc.events if is_resolved(e))
    assert event.date == "2023-03-20"


def test_characterisation_as_praise(extract):
    text = ("Joko Widodo melakukan kunjungan ke Australia. Pemerintah Australia menyebut kunjungan itu "
            "“bersejarah”.")
    doc = extract(text, "2020-02-10")
    assert any(c.startswith("05") and t == "IDNGOV" for _, t, c in coded(doc))


def test_shared_subject_across_coordinated_predicates(extract):
    doc = extract("Jepang mengirim kapal ke Filipina dan kemudian mengecam Korea Utara.")
    assert ("JPN", "PRK", "11") in roots(doc)


def test_own_forces_are_not_the_target(extract):
    doc = extract("Rusia mengerahkan puluhan tank di dekat perbatasan Finlandia.")
    events = [e for e in doc.events if e.code.startswith("15")]
    assert events and all(e.target is None or e.target.actor.country != "RUS" for e in events)


def test_arrival_in_a_country_is_a_visit_to_it(extract):
    doc = extract("Emmanuel Macron tiba di Indonesia pada hari Rabu.", "2023-06-01")
    assert ("FRAGOV", "IDN", "04") in roots(doc)


def test_purpose_noun_takes_the_clause_subject(extract):
    doc = extract("Retno Marsudi terbang ke Canberra untuk pembicaraan dengan Penny Wong.", "2023-06-01")
    assert ("IDNGOV", "AUSGOV", "04") in roots(doc)


def test_demanded_act_is_not_coded_as_done(extract):
    doc = extract("Ukraina mendesak Rusia menarik pasukannya dari Krimea.")
    found = roots(doc)
    assert ("UKR", "RUS", "10") in found
    assert not any(s == "RUS" for s, _, _ in found)


def test_nominal_with_oleh_agent_takes_its_possessor_as_target(extract):
    doc = extract("Penembakan para wartawan Filipina oleh tentara Myanmar memicu kecaman.")
    assert any(s == "MMRMIL" and t is not None and t.startswith("PHL") and c[:2] == "19" for s, t, c in coded(doc))


def test_every_member_of_a_target_list_is_a_target(extract):
    doc = extract("Jepang mengecam Rusia, China dan Iran.")
    assert {("JPN", "RUS", "11"), ("JPN", "CHN", "11"), ("JPN", "IRN", "11")} <= roots(doc)


def test_comma_without_closing_coordinator_is_no_list(extract):
    doc = extract("Jepang mengecam Rusia, kata Iran.")
    assert ("JPN", "IRN", "11") not in roots(doc)


def test_recall_of_envoys_from_countries_targets_them(extract):
    doc = extract("Amerika Serikat menarik duta besarnya dari Panama, Kolombia dan Venezuela.")
    assert {("USA", "PAN", "16"), ("USA", "COL", "16"), ("USA", "VEN", "16")} <= roots(doc)


def test_multiword_form_opening_with_a_verb_takes_subject_and_object(extract):
    doc = extract("Iran berencana mengunjungi Irak pekan depan.")
    assert ("IRN", "IRQ", "03") in roots(doc)
    assert ("IRQ", None, "03") not in roots(doc)


def test_act_under_harus_or_agar_is_demanded_not_done(extract):
    for text in ("Rusia harus menarik pasukan dari Ukraina.", "Mesir sebaiknya mengecam Israel.",
                 "Jepang mengirim utusan agar China mengecam Korea Utara.",
                 "Pemerintah Turki harusnya mengecam Suriah.", "Malaysia mestinya mengecam Myanmar."):
        doc = extract(text)
        assert not any(c[:2] in {"08", "11"} for _, _, c in coded(doc)), text
        assert any("requested" in e.modality for e in doc.events), text


def events_of(doc, root, *, resolved=False):
    """The document's events of one CAMEO root (or code prefix), only the exportable ones if asked."""
    return [e for e in doc.events if e.code.startswith(root) and (not resolved or is_resolved(e))]


def test_dan_before_an_actor_with_its_own_verb_opens_a_new_clause(extract):
    doc = extract("Jepang mengecam Tiongkok dan Rusia menuduh Amerika Serikat melakukan provokasi.")
    found = roots(doc)
    assert ("JPN", "CHN", "11") in found and ("RUS", "USA", "11") in found
    assert ("JPN", "RUS", "11") not in found and ("CHN", "USA", "11") not in found
    kecam = next(e for e in doc.events if e.code.startswith("111"))
    assert "list-cut(new-clause)" in kecam.rule


def test_object_before_dan_is_no_co_subject_of_the_next_clause(extract):
    doc = extract("Polisi Mesir menangkap aktivis Mesir dan pemerintah Mesir mengecam Amerika Serikat.")
    found = roots(doc)
    assert ("EGYGOV", "USA", "11") in found
    assert not any(s == "EGYOPP" for s, _, _ in found)
    kecam = next(e for e in doc.events if e.code.startswith("11"))
    assert "new-clause" in kecam.rule


@pytest.mark.parametrize(("text", "root", "source", "target", "rule"), [
    ("Aktivis Mesir itu ditangkap polisi Mesir di Kairo.", "17", "EGYCOP", "EGYOPP", "agent=bare"),
    ("Wartawan Filipina itu ditangkap secara paksa oleh tentara Myanmar.", "17", "MMRMIL", "PHLMED", "agent=oleh"),
    # an unknown name in apposition is the role's holder
    ("Presiden Guinea-Bissau, Joao Vieira, dibunuh oleh tentara pembelot.", "18", "GNBMIL", "GNBGOV", "apposition"),
    # coordinated passives share the last one's agent
    ("Wartawan Filipina itu ditahan dan kemudian diinterogasi oleh tentara Myanmar.", "17", "MMRMIL", "PHLMED",
     "agent=shared-oleh"),
])
def test_passive_agent_is_the_source_and_its_subject_the_target(extract, text, root, source, target, rule):
    found = events_of(extract(text), root)
    assert found and all(e.source.actor.code == source and e.target.actor.code == target for e in found)
    assert all(rule in e.rule for e in found)


def test_co_agents_of_a_passive_are_not_each_others_target(extract):
    doc = extract("Desa itu diserang Israel dan Amerika Serikat pada malam hari.")
    assert not {("ISR", "USA", "19"), ("USA", "ISR", "19")} & {(s, t, c[:2]) for s, t, c in coded(doc, all_events=True)}


def test_act_demanded_with_untuk_is_requested_and_done_by_the_one_asked(extract):
    doc = extract("Sekjen PBB menyerukan kepada Israel dan Hamas untuk segera menghentikan serangan.")
    assert {("IGOUNO", "ISR", "02")} <= roots(doc)
    embedded = events_of(doc, "08")
    assert embedded and all(e.source.actor.code in {"ISR", "PSEREB"} and "requested" in e.modality for e in embedded)
    assert all("object-of-demand" in e.rule and not is_resolved(e) for e in embedded)


def test_untuk_after_a_promise_keeps_the_promisers_subject(extract):
    doc = extract("Jepang memutuskan untuk bertemu dengan Korea Selatan.")
    met = events_of(doc, "04")
    assert met and all(e.source.actor.code == "JPN" and "requested" not in e.modality for e in met)


@pytest.mark.parametrize(("text", "root", "source", "target", "rule"), [
    ("Juru bicara Kementerian Luar Negeri China, Li Xiaoming, mengkritik Jepang.", "11", "CHNGOV", "JPN",
     "apposition"),
    # a role phrase after an unknown name says who the subject is
    ("Ahmad Sulaiman, seorang pemimpin oposisi Kamboja, mengecam Vietnam.", "11", "KHMOPP", "VNM", "subject=name"),
    # a known actor later in a title phrase heads it
    ("Para mahasiswa Kamboja berdemo terhadap Perdana Menteri sementara Kamboja Hun Sen di Bangkok.", "14",
     "KHMEDU", "KHMGOV", "phrase-head"),
])
def test_role_phrase_says_who_an_unknown_name_is(extract, text, root, source, target, rule):
    found = events_of(extract(text), root, resolved=True)
    assert found and all(e.source.actor.code == source and e.target.actor.code == target for e in found)
    assert all(rule in e.rule for e in found)


def test_comma_list_of_countries_is_no_apposition(extract):
    doc = extract("Jepang, Korea Selatan, dan China mengecam Korea Utara.")
    assert all("apposition" not in e.rule for e in doc.events)


def test_event_noun_between_two_sides_is_mutual(extract):
    doc = extract("Perundingan antara Israel dengan Hamas berlangsung di Kairo.")
    found = roots(doc)
    assert ("ISR", "PSEREB", "04") in found and ("PSEREB", "ISR", "04") in found
    assert all("antara(mutual)" in e.rule for e in doc.events if e.code.startswith("04"))


def test_between_skips_a_plural_marker(extract):
    doc = extract("Pertemuan antara Jepang dan para diplomat Korea Selatan berlangsung di Tokyo.")
    assert any(s == "JPN" and t is not None and t.startswith("KOR") and c[:2] == "04" for s, t, c in coded(doc))


def test_preposition_with_a_verb_prefix_does_not_open_a_clause(extract):
    doc = extract("Jepang mengecam Rusia dan Iran terkait serangan di Suriah.")
    assert {("JPN", "RUS", "11"), ("JPN", "IRN", "11")} <= roots(doc)


def test_serta_and_an_adverb_before_the_new_verb_also_open_a_clause(extract):
    doc = extract("Jepang mengecam Tiongkok serta Rusia juga mengkritik Amerika Serikat.")
    found = roots(doc)
    assert ("JPN", "CHN", "11") in found and ("RUS", "USA", "11") in found
    assert ("JPN", "RUS", "11") not in found and ("CHN", "USA", "11") not in found


def test_a_list_of_three_sides_after_antara_gives_every_pair(extract):
    doc = extract("Perundingan antara Jepang, Korea Selatan dan Tiongkok berlangsung di Seoul.")
    pairs = {(s[:3], t[:3]) for s, t, c in coded(doc) if c.startswith("04")}
    assert pairs == {(a, b) for a in ("JPN", "KOR", "CHN") for b in ("JPN", "KOR", "CHN") if a != b}, pairs


def test_meeting_noun_ending_in_a_list_of_parties_gives_every_pair(extract):
    doc = extract("Pertemuan tingkat menteri Jepang, Korea Selatan dan Tiongkok digelar di Seoul pada Senin.")
    pairs = {(s[:3], t[:3]) for s, t, c in coded(doc) if c.startswith("04")}
    assert pairs == {(a, b) for a in ("JPN", "KOR", "CHN") for b in ("JPN", "KOR", "CHN") if a != b}, pairs
    assert all("participants(mutual)" in e.rule for e in doc.events if e.code.startswith("04"))


def test_the_oleh_agent_of_a_later_verb_is_not_the_event_nouns(extract):
    doc = extract("Kekerasan di desa-desa perbatasan dipantau oleh Malaysia sejak Senin.")
    assert all(not (e.code.startswith("18") and e.source.actor.code == "MYS") for e in doc.events if e.source)
    agent = extract("Penembakan para demonstran oleh tentara Myanmar dikecam dunia.")
    assert any(e.code.startswith("19") and e.source.actor.code == "MMRMIL" for e in agent.events)


@pytest.mark.parametrize(("text", "root", "dyad"), [
    ("Serangan yang dilancarkan oleh Israel terhadap Gaza menewaskan lima warga.", "19", ("ISR", "PSE")),
    ("Sanksi yang dijatuhkan oleh Amerika Serikat terhadap Iran mulai berlaku.", "16", ("USA", "IRN")),
    ("Unjuk rasa yang digelar para buruh Malaysia berlangsung damai.", "14", ("MYSLAB", "MYSGOV")),
])
def test_agent_of_the_verb_performing_an_event_noun_is_its_source(extract, text, root, dyad):
    doc = extract(text)
    assert (*dyad, root) in roots(doc), coded(doc)
    assert any("performed-by" in e.rule for e in doc.events if e.code.startswith(root))


def test_agent_of_another_verb_after_yang_is_not_the_event_nouns(extract):
    doc = extract("Serangan yang dikecam oleh Indonesia menewaskan lima warga Gaza.")
    assert all(not (e.code.startswith("19") and e.source.actor.code == "IDN") for e in doc.events if e.source)


def test_a_one_sided_act_of_listed_parties_is_not_mutual(extract):
    doc = extract("Dukungan Rusia dan China terus mengalir.")
    assert all("participants" not in e.rule for e in doc.events), [e.rule for e in doc.events]


def test_a_lone_actor_after_a_meeting_noun_is_no_list_of_parties(extract):
    doc = extract("Pertemuan Jepang membahas perdagangan pada Senin.")
    assert all("participants" not in e.rule for e in doc.events)


@pytest.mark.parametrize("text", [
    "Bentrokan terjadi di perbatasan antara tentara Thailand dan tentara Kamboja.",
    "Bentrokan pecah pada Senin malam antara tentara Thailand dengan tentara Kamboja.",
])
def test_antara_after_the_verb_saying_it_happened_names_both_sides(text, extract):
    doc = extract(text)
    assert {("THAMIL", "KHMMIL", "19"), ("KHMMIL", "THAMIL", "19")} <= roots(doc), coded(doc)


def test_di_antara_also_names_both_sides(extract):
    doc = extract("Bentrokan di antara warga Jepang dan warga Korea Selatan terjadi di Seoul.")
    clashes = [e for e in doc.events if e.code.startswith("14") or e.code.startswith("19")]
    assert {(e.source.actor.code, e.target.actor.code) for e in clashes} == {("JPNCVL", "KORCVL"), ("KORCVL", "JPNCVL")}


@pytest.mark.parametrize(("text", "root", "doers"), [
    ("Amnesti Internasional menuntut agar Yunani menghentikan pengiriman senjata ke Israel.", "16", {"GRC"}),
    ("Para aktivis ingin agar Thailand dan Malaysia membuka perbatasan mereka.", "08", {"THA", "MYS"}),
])
def test_act_after_agar_is_wished_and_done_by_its_own_subject(extract, text, root, doers):
    wished = events_of(extract(text), root)
    assert wished and {e.source.actor.code for e in wished} == doers
    assert all("requested" in e.modality and not is_resolved(e) for e in wished)


def test_passive_form_listed_in_an_active_entry_keeps_the_victim_as_target(extract):
    beatings = events_of(extract("Wartawan Filipina itu dipukuli oleh tentara Myanmar di Yangon."), "18")
    assert beatings and all(e.source.actor.code == "MMRMIL" and e.target.actor.country == "PHL" for e in beatings)


def test_a_target_that_is_the_source_itself_leaves_an_unaddressed_act(extract):
    """Both sides VENGOV: not dropped as self-directed, but coded as an announcement with no addressee."""
    doc = extract("Presiden Nicolás Maduro mengumumkan pengangkatan Wakil Presiden Tareck El Aissami.", "2017-01-05")
    assert ("VENGOV", "VEN", "01") in roots(doc)
    assert all(e.target.actor.code != "VENGOV" for e in doc.events if e.target and e.code.startswith("01"))
    assert any("target=self(dropped)" in e.rule for e in doc.events)


def test_a_self_target_is_dropped_when_another_party_is_addressed(extract):
    doc = extract("Presiden Joko Widodo bertemu Perdana Menteri Anwar Ibrahim dan Menteri Luar Negeri Retno Marsudi.",
                  "2023-01-09")
    assert ("IDNGOV", "MYSGOV", "04") in roots(doc)
    assert not any(s == "IDNGOV" and t in {"IDNGOV", "IDN"} for s, t, _ in coded(doc))


def test_a_protest_verb_with_an_unplaced_crowd_is_by_the_civilians_of_the_place(extract):
    doc = extract("Ribuan orang berunjuk rasa di Bangkok pada hari Minggu.", "2020-10-18")
    assert any(s == "THACVL" and c.startswith("14") for s, _, c in coded(doc))
    assert any("civilians-of-place" in e.rule for e in doc.events)


def test_the_purpose_of_a_demanded_act_is_demanded_too(extract):
    doc = extract("Amnesti Internasional meminta agar Kenya mengambil langkah untuk melindungi wartawan Kenya.")
    protected = events_of(doc, "07")
    assert protected and all("requested" in e.modality and not is_resolved(e) for e in protected)


def test_the_purpose_of_a_done_act_is_a_fact(extract):
    doc = extract("Kenya mengambil langkah untuk melindungi wartawan Kenya.")
    protected = events_of(doc, "07")
    assert protected and all("requested" not in e.modality for e in protected)


def test_an_agentless_arrest_of_people_of_no_country_is_by_the_authorities_of_the_place(extract):
    doc = extract("Tiga pengguna internet di Vietnam ditangkap karena tulisan mereka.", "2012-05-01")
    assert any(s == "VNMGOV" and c.startswith("17") for s, _, c in coded(doc))
    assert any("source=jurisdiction(agentless passive, place)" in e.rule for e in doc.events)


def test_a_derived_act_noun_gets_the_authorities_but_a_topic_noun_does_not(extract):
    arrest = extract("Kabar penangkapan dua wartawan di Myanmar menyebar cepat.", "2012-05-01")
    assert any(s == "MMRGOV" and c.startswith("17") for s, _, c in coded(arrest))
    topic = extract("Seminar tentang terorisme di Myanmar berlangsung dua hari.", "2012-05-01")
    assert not [c for _, _, c in coded(topic) if c[:2] in {"17", "18"}]


def test_an_agentless_killing_noun_is_not_given_to_the_state(extract):
    doc = extract("Pembunuhan dua petani di Filipina mengejutkan warga.", "2012-05-01")
    assert not any(s and s.endswith("GOV") for s, _, c in coded(doc) if c.startswith("18"))


def test_throwing_is_a_protest_only_by_what_is_thrown(extract):
    doc = extract("Mahasiswa melemparkan telur ke arah Perdana Menteri Australia di Sydney.", "2015-03-01")
    assert any(t == "AUSGOV" and c == "145" for _, t, c in coded(doc))
    assert not extract("Anak itu melempar bola kepada temannya di Sydney.", "2015-03-01").events


def test_predicate_after_a_comma_shares_the_subject_beyond_the_word_window(extract):
    """Asides (a relative clause, a place, a date) push the subject out of any fixed window."""
    doc = extract("Perdana Menteri Jepang baru saja menyampaikan pidato yang berapi-api di stasiun televisi "
                  "nasional pada malam hari ini, Senin, mengecam Korea Utara dengan keras.")
    kecam = [e for e in events_of(doc, "11", resolved=True) if e.target and e.target.actor.code == "PRK"]
    assert kecam and kecam[0].source.actor.code.startswith("JPN")
    assert "comma-chain" in kecam[0].rule


def test_comma_chain_stops_at_a_clause_break(extract):
    doc = extract("Perdana Menteri Jepang baru saja menyampaikan pidato yang berapi-api di stasiun televisi "
                  "nasional, namun pada malam hari ini, Senin, mengecam Korea Utara dengan keras.")
    assert not any("comma-chain" in e.rule for e in doc.events)


@pytest.mark.parametrize(("text", "source", "root"), [
    ("Kecaman keras dari Uni Eropa terhadap Rusia terus mengalir.", "IGOEUREEC", "11"),
    ("Ancaman dari Korea Utara terhadap Jepang membuat Tokyo waspada.", "PRK", "13"),
])
def test_event_noun_with_dari_is_by_the_actor_after_it(extract, text, source, root):
    doc = extract(text)
    found = [e for e in events_of(doc, root) if e.source is not None]
    assert found and found[0].source.actor.code == source, coded(doc, all_events=True)
    assert "source=dari" in found[0].rule


def test_dari_after_a_withdrawal_is_where_from_not_who(extract):
    doc = extract("Penarikan duta besar dari Kolombia diumumkan kemarin.")
    assert not any("source=dari" in e.rule for e in doc.events)


@pytest.mark.parametrize(("text", "source", "root"), [
    ("Ribuan buruh Korea Selatan mogok di Seoul.", "KORLAB", "14"),
    ("Pemerintah Jepang kecewa terhadap keputusan China.", "JPNGOV", "11"),
])
def test_bare_root_after_an_actor_is_its_predicate(extract, text, source, root):
    found = events_of(extract(text), root)
    assert found and found[0].source.actor.code == source
    assert "subject-of-bare-predicate" in found[0].rule
def test_non_standard_name_of_the_un_is_the_un(extract):
    doc = extract("Persatuan Bangsa-Bangsa mengecam Israel atas serangan ke sekolah itu.")
    assert ("IGOUNO", "ISR", "11") in roots(doc)


def test_web_spelling_of_a_role_noun_is_the_role(extract):
    doc = extract("Para aktifis Mesir mengecam pemerintah Mesir atas penangkapan itu.")
    assert ("EGYOPP", "EGYGOV", "11") in roots(doc)


def test_older_spelling_of_an_appeal_is_an_appeal_and_its_act_requested(extract):
    doc = extract("Amerika Serikat menghimbau Rusia menarik pasukan dari perbatasan Ukraina.")
    assert ("USA", "RUS", "02") in roots(doc)
    assert all("requested" in e.modality for e in events_of(doc, "08"))


def test_headline_bare_verb_of_condemnation(extract):
    doc = extract("Malaysia Kecam Serangan Rusia ke Pelabuhan Odesa")
    assert ("MYS", "RUS", "11") in roots(doc)


def test_joined_diantara_names_both_sides(extract):
    doc = extract("Bentrokan diantara polisi dan petani menewaskan dua orang di Paraguay.")
    assert {("PRYCOP", "PRYAGR", "14"), ("PRYAGR", "PRYCOP", "14")} <= roots(doc)


def test_act_appealed_for_with_menghimbau_untuk_is_not_done(extract):
    doc = extract("Wartawan itu menghimbau Presiden Vladimir Putin untuk menyelidiki korupsi di kepolisian.")
    assert not events_of(doc, "09", resolved=True)


def test_vow_to_attack_is_a_threat_not_an_attack(extract):
    doc = extract("Pemimpin Hamas bersumpah menyerang Israel.")
    assert ("13" in {c[:2] for *_, c in coded(doc)}) and not events_of(doc, "19")


def test_unaddressed_demand_of_an_ngo_is_exported_without_target(extract):
    """No country makes an NGO's unaddressed demand domestic, yet it is a complete act (GDELT: empty Actor2)."""
    doc = extract("Amnesti Internasional menuntut embargo senjata.")
    demand = [e for e in events_of(doc, "10", resolved=True)]
    assert demand and demand[0].target is None and "target=none(unaddressed)" in demand[0].rule


def test_unaddressed_meeting_of_an_igo_stays_incomplete(extract):
    doc = extract("Perserikatan Bangsa-Bangsa mengadakan pertemuan darurat.")
    assert not [e for e in doc.events if e.code.startswith("04") and is_resolved(e)]


def test_a_dare_with_biarkan_is_no_event(extract):
    doc = extract("Polisi Tunisia memblokir situs itu. Biarkan mereka menyensor blog ini juga!")
    dared = [e for e in doc.events if e.trigger.text == "menyensor"]
    assert dared and all("requested" in e.modality and not is_resolved(e) for e in dared)


def test_a_role_noun_after_dari_is_an_actor(extract):
    doc = extract("Kritik dari masyarakat Mesir terhadap pemerintah meningkat. Kritik dari mahasiswa terus datang.")
    assert [m.span.text for m in doc.mentions if m.span.text == "mahasiswa"] == ["mahasiswa"]
def test_insisting_that_is_a_statement_not_a_refusal(extract):
    doc = extract("Pemerintah Thailand bersikeras bahwa pemilu akan tetap digelar bulan depan.")
    assert any(e.code == "010" and e.trigger.text == "bersikeras" for e in doc.events), doc.events
    assert not any(e.root_code == "12" for e in doc.events)
    held = extract("Pemerintah Thailand tetap bersikeras dan menolak tuntutan oposisi.")
    assert any(e.code == "124" for e in held.events), held.events


def test_event_noun_heading_the_subject_of_a_same_root_verb_is_one_act(extract):
    doc = extract("Ribuan demonstran berunjuk rasa di depan gedung parlemen Thailand di Bangkok.")
    protests = [e for e in doc.events if e.root_code == "14"]
    assert len(protests) == 1 and "one-act:noun=ribuan demonstran" in protests[0].rule, protests
    separate = extract("Unjuk rasa mahasiswa berlangsung di Jakarta, lalu buruh berdemonstrasi di Bandung.")
    assert len([e for e in separate.events if e.root_code == "14"]) == 2, separate.events


def test_event_noun_classifying_an_abstract_noun_is_no_event(extract):
    doc = extract("Warga Jepang kecewa dengan sistem petisi di Tokyo.")
    assert not [e for e in doc.events if e.trigger.text == "petisi"], doc.events
    real = extract("Warga Jepang mengajukan petisi di Tokyo.")
    assert [e for e in real.events if "petisi" in e.trigger.text], real.events


def test_dari_inside_a_later_phrase_is_not_the_event_nouns_source(extract):
    doc = extract("Terjadi protes di Korea Selatan terhadap impor daging sapi dari Amerika Serikat.")
    assert not [e for e in doc.events if e.source is not None and e.source.actor.code == "USA"]


@pytest.mark.parametrize(("text", "expected"), [
    # the envoy or the troops withdrawn are the subject's own (lexicon `theme`); the target is whom they leave
    ("Kanada menarik duta besar Kanada dari Riyadh.", {("161", "CAN", "SAU")}),
    ("Vietnam memanggil pulang atase militernya dari Beijing dan Phnom Penh.",
     {("161", "VNM", "CHN"), ("161", "VNM", "KHM")}),
    ("Turki menarik pasukan Turki dari Irak utara.", {("0874", "TUR", "IRQ")}),
])
def test_withdrawn_theme_is_not_the_target(extract, text, expected) -> None:
    doc = extract(text)
    got = {(e.code, e.source.actor.country, e.target.actor.country) for e in doc.events
           if is_resolved(e) and e.target is not None}
    assert got == expected, [(e.code, e.rule) for e in doc.events]
    assert all("target=dari(theme)" in e.rule for e in doc.events if e.code in {"161", "0874"})


def test_statement_about_an_actor_targets_it(extract) -> None:
    # syntax.yaml topic_preps: a comment or concern "mengenai/tentang X" with no addressee is about X
    doc = extract("Presiden Chili menyatakan keprihatinan mendalam mengenai Bolivia.")
    assert ("CHLGOV", "BOL") in {(s, t) for s, t, c in coded(doc) if c[:2] in {"01", "11"}}, coded(doc, all_events=True)


def test_withdrawal_from_nowhere_said_gets_no_domestic_target(extract) -> None:
    doc = extract("Turki menarik pasukannya pekan lalu.")
    withdrawals = [e for e in doc.events if e.code == "0874"]
    assert withdrawals and all(not is_resolved(e) and e.target is None for e in withdrawals), withdrawals


def test_every_member_of_a_counted_target_list_is_a_target(extract):
    doc = extract("Pasukan Sudan menembak tiga warga negara Perancis dan seorang warga Mali.", "2011-01-01")
    assert {("SDNMIL", "FRACVL"), ("SDNMIL", "MLICVL")} <= {(s, t) for s, t, _ in coded(doc)}


def test_private_persons_unaddressed_offer_is_commentary(extract):
    doc = extract("Seorang blogger Mesir menawarkan bantuan.", "2011-01-01")
    assert not coded(doc)
    assert any("commentary" in e.rule for e in doc.events)


def test_unknown_name_after_a_mutual_act_does_not_hide_the_co_agents(extract):
    doc = extract("Pasukan Armenia dan Azerbaijan bertempur di Nagorno Karabakh.", "2010-04-07")
    assert {("ARMMIL", "AZE"), ("AZE", "ARMMIL")} <= {(s, t) for s, t, _ in coded(doc)}


def test_force_after_an_instrumental_preposition_is_the_means_not_a_second_act(extract):
    doc = extract("Tentara Thailand membubarkan demonstran Kaus Merah di Bangkok dengan gas air mata.", "2010-05-18")
    assert len(doc.events) == 1
    assert "one-act:instrument=gas air mata" in doc.events[0].rule


def test_force_used_for_a_purpose_is_the_means_of_the_purposed_act(extract):
    doc = extract("Kepolisian Malaysia menggunakan meriam air untuk membubarkan ribuan demonstran di Kuala Lumpur.",
                  "2012-06-01")
    assert len(doc.events) == 1 and "one-act:instrument=meriam air" in doc.events[0].rule
