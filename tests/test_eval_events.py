"""Tests for the event-coding evaluation harness (peristiwa/eval/events.py) and the dev gold."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from peristiwa.codebook import Codebook
from peristiwa.eval.events import (
    PredEvent,
    actor_key,
    actor_matches,
    main,
    max_matching,
    root_matches,
    run_events_eval,
    score_document,
    summarize,
)
from peristiwa.eval.gold import (
    DEV_GOLD,
    DatasetResolver,
    GoldDoc,
    GoldError,
    find_data_root,
    load_gold,
    parse_event,
)
from peristiwa.model import Actor

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def pred(source: str | None, target: str | None, code: str) -> PredEvent:
    return PredEvent(source, target, code[:2], code, 0, "trigger", "test")


def gold_doc(events: list[dict], allowed: list[dict] | None = None,
             forbidden: list[dict] | None = None) -> GoldDoc:
    return GoldDoc("t", "teks", date(2024, 1, 1), [parse_event(e) for e in events],
                   [parse_event(e) for e in allowed or []], [parse_event(e) for e in forbidden or []])


# -- matching semantics ---------------------------------------------------------------------------------


def test_wildcard_target_matches_any_target_including_none() -> None:
    assert actor_matches("*", None)
    assert actor_matches("*", "UKR")
    assert not actor_matches(None, "UKR")
    assert actor_matches(None, None)
    assert actor_matches("IGO", "IGOUNO") and actor_matches("IGOUNO", "IGOUNOHRI")
    assert not actor_matches("IDN", "IGOSEAASN")


def test_actor_key_uses_country_for_states_and_code_for_igos() -> None:
    assert actor_key(Actor("jokowi", "Joko Widodo", "PER", code="IDNGOV", country="IDN", role="GOV")) == "IDN"
    assert actor_key(Actor("un", "United Nations", "IGO", code="IGOUNO", country="IGO")) == "IGOUNO"
    assert actor_key(None) is None


def test_root_list_and_code_parse() -> None:
    event = parse_event({"source": "rus", "target": "*", "code": ["195", "190"]})
    assert event.roots == ("19",) and event.source == "RUS" and event.target == "*"
    with pytest.raises(GoldError):
        parse_event({"source": "RUS", "target": "UKR", "root": ["04"], "code": "190"})
    with pytest.raises(GoldError):
        parse_event({"target": "UKR", "root": "19"})


def test_scores_dyads_codes_allowed_and_forbidden() -> None:
    doc = gold_doc(
        events=[{"source": "RUS", "target": "UKR", "root": ["19"], "code": "195"},
                {"source": "IDN", "target": "MYS", "root": ["04"]}],
        allowed=[{"source": "UKR", "target": "*", "root": ["01"]}],
        forbidden=[{"source": "IDN", "target": "MYS", "root": ["19"]}],
    )
    preds = [
        pred("RUS", "UKR", "190"),  # right dyad and root, wrong code
        pred("RUS", "UKR", "190"),  # duplicate: counted once
        pred("UKR", None, "010"),  # allowed: neither TP nor FP
        pred("IDN", "MYS", "190"),  # forbidden and a false positive
    ]
    result = score_document(doc, preds)
    assert (result.tp, result.fp, result.fn, result.allowed) == (1, 1, 1, 1)
    assert result.forbidden_hits == ["IDN→MYS 19"]
    assert result.code_gold == 1 and result.code_tp == 0
    assert result.missed == ["IDN→MYS 04"]
    summary = summarize([result])
    assert summary["dyad"]["precision"] == 0.5 and summary["dyad"]["recall"] == 0.5
    assert summary["forbidden"] == {"hits": 1, "checked": 1}
    # the gold IDN→MYS 04 dyad was found with root 19: the confusion records it
    assert ("04", "19") in result.confusion and ("19", "19") in result.confusion


def test_acceptable_roots_and_matching_is_maximal() -> None:
    # gold A accepts 04 or 03, gold B only 04: the matcher must give 04 to B and 03 to A
    gold = [parse_event({"source": "IDN", "target": "*", "root": ["04", "03"]}),
            parse_event({"source": "IDN", "target": "SGP", "root": ["04"]})]
    preds = [pred("IDN", "SGP", "040"), pred("IDN", None, "036")]
    assert len(max_matching(gold, preds, root_matches)) == 2


def test_no_event_document_counts_every_prediction_as_false_positive() -> None:
    result = score_document(gold_doc(events=[]), [pred("IDN", "VNM", "190")])
    assert (result.tp, result.fp, result.fn) == (0, 1, 0)


# -- gold file -------------------------------------------------------------------------------------------


def _raw_gold() -> list[dict]:
    return yaml.safe_load(DEV_GOLD.read_text(encoding="utf-8"))


def test_dev_gold_is_large_enough_and_covers_every_root() -> None:
    docs, _ = load_gold([DEV_GOLD], data_root="/nonexistent")
    assert len(_raw_gold()) >= 60
    roots = Counter(e.roots[0] for d in docs for e in d.events)
    for root in range(1, 21):
        assert roots[f"{root:02d}"] >= 2, f"root {root:02d} has fewer than 2 gold events"
    tags = {t for d in docs for t in d.tags}
    for tag in ("passive", "negation", "nominal", "coordination", "group-anaphora", "reported-speech",
                "modality"):
        assert tag in tags


def test_dev_gold_codes_exist_and_split_is_about_a_fifth() -> None:
    codebook = Codebook.load()
    raw = _raw_gold()
    for entry in raw:
        for kind in ("events", "allowed", "forbidden"):
            for event in entry.get(kind) or []:
                for code in parse_event(event).codes:
                    assert code in codebook, f"{entry['id']}: unknown CAMEO code {code}"
    test_share = sum(1 for e in raw if e.get("split") == "test") / len(raw)
    assert 0.15 <= test_share <= 0.3


def test_dev_gold_references_no_held_out_data() -> None:
    for entry in _raw_gold():
        ref = entry.get("ref")
        if not ref:
            continue
        assert ref["dataset"] in ("ud_pud_id", "sib200", "globalvoices")
        if ref["dataset"] == "globalvoices":
            assert int(str(ref["file"])[:4]) <= 2013


def test_resolver_refuses_held_out_sets() -> None:
    resolver = DatasetResolver(Path("/nonexistent"))
    with pytest.raises(GoldError):
        resolver.resolve({"dataset": "ntrex", "line": 1})
    with pytest.raises(GoldError):
        resolver.resolve({"dataset": "globalvoices", "file": "2015_01_01_x_", "sentence": "1.1"})


def test_missing_data_root_skips_referenced_documents(tmp_path: Path) -> None:
    gold = tmp_path / "g.yaml"
    gold.write_text(yaml.safe_dump([
        {"id": "a", "text": "Rusia menyerang Ukraina.", "published": "2022-02-24",
         "events": [{"source": "RUS", "target": "UKR", "root": "19"}]},
        {"id": "b", "ref": {"dataset": "sib200", "index_id": 1022}, "events": []},
    ]), encoding="utf-8")
    docs, skipped = load_gold([gold], data_root=tmp_path / "none")
    assert [d.id for d in docs] == ["a"] and [s["id"] for s in skipped] == ["b"]


@pytest.mark.skipif(not (SHARED / "data" / "sib200_id").is_dir(), reason="../shared data not available")
def test_references_resolve_from_shared() -> None:
    assert find_data_root() is not None
    docs, skipped = load_gold([DEV_GOLD])
    assert not skipped
    by_id = {d.id: d for d in docs}
    assert "Trump" in by_id["sib-trump-erdogan-call"].text
    assert by_id["gv-ttp-threat"].text.count(".") >= 2  # two sentences joined


@pytest.mark.skipif(not (SHARED / "seed" / "xi-putin-id.txt").is_file(), reason="seed article not available")
def test_gold_does_not_copy_the_seed_article() -> None:
    seed = (SHARED / "seed" / "xi-putin-id.txt").read_text(encoding="utf-8")
    for entry in _raw_gold():
        text = entry.get("text")
        if text:
            for sentence in str(text).split(". "):
                assert sentence.strip()[:60] not in seed or len(sentence.strip()) < 30


# -- end to end with the real extractor ----------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor():
    from peristiwa.api import Extractor

    return Extractor.load()


def test_run_events_eval_end_to_end(tmp_path: Path, extractor) -> None:
    gold = tmp_path / "g.yaml"
    gold.write_text(yaml.safe_dump([
        {"id": "attack", "text": "Rusia menyerang Ukraina pada Kamis pagi.", "published": "2022-02-24",
         "events": [{"source": "RUS", "target": "UKR", "root": ["19"]}]},
        {"id": "nothing", "text": "Cuaca di Jakarta cerah sepanjang hari.", "published": "2022-02-24",
         "events": [], "split": "test"},
    ], allow_unicode=True), encoding="utf-8")
    result = run_events_eval([gold], extractor=extractor)
    assert result["documents_scored"] == 2
    assert result["summary"]["g/dev"]["documents"] == 1 and result["summary"]["g/test"]["documents"] == 1
    assert result["summary"]["all"]["dyad"]["tp"] == 1
    assert result["by_root"]["19"]["tp"] == 1
    json.dumps(result)  # JSON-ready


def test_cli_writes_json(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "g.yaml"
    gold.write_text(yaml.safe_dump([
        {"id": "x", "text": "Jepang mengecam Korea Utara.", "published": "2023-01-01",
         "events": [{"source": "JPN", "target": "PRK", "root": "11"}]}]), encoding="utf-8")
    out = tmp_path / "out.json"
    assert main([str(gold), "--json", str(out), "--errors", "0"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"][0]["id"] == "x"
    assert "Event coding vs gold" in capsys.readouterr().out


def test_forbidden_pattern_with_codes_forbids_those_codes_only() -> None:
    doc = gold_doc(events=[{"source": "PAK", "target": "PAK", "root": ["19"]}],
                   forbidden=[{"source": "*", "target": "*", "root": ["19"], "code": "195"}])
    assert score_document(doc, [pred("PAK", "PAK", "190")]).forbidden_hits == []
    assert score_document(doc, [pred("PAK", "PAK", "190"), pred("PAK", "PAK", "195")]).forbidden_hits == [
        "*→* 19 [195]"]
