"""Run every quality evaluation and write docs/quality-eval.md (and optionally the events baseline).

    python scripts/eval_all.py [--data-root ../shared] [--out docs/quality-eval.md] [--update-baseline]

* events: the three packaged gold sets (own sentences, real sentences, real whole articles), each with
  its dev and held-back test parts; knowledge (persons, orgs, places, quotes, dates) on real articles;
* sentences: UD Indonesian GSD / CSUI / PUD **test** files (`peristiwa.eval.sentences.evaluate_conllu`);
* NER: IndoNLU NERGrit and NERP **test** files (`peristiwa.eval.ner.evaluate_conll`).

Evaluators or data that are missing are skipped with a note in the report, so the script runs on a
machine without ../shared (events on our own sentences only). `--update-baseline` rewrites
`peristiwa/eval/data/baseline.json`, which `tests/test_regression_guard.py` compares against: run it
after an intended change of the coder, and commit the new baseline with that change.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from peristiwa.eval import report
from peristiwa.eval.events import BASELINE, find_data_root, run_events_eval, write_baseline

ROOT = Path(__file__).resolve().parents[1]
UD_TEST_FILES = (
    ("ud_indonesian_gsd", "id_gsd-ud-test.conllu"),
    ("ud_indonesian_csui", "id_csui-ud-test.conllu"),
    ("ud_pud_id_en/id", "id_pud-ud-test.conllu"),
)
NER_TEST_FILES = (
    ("nergrit", "indonlu/nergrit_ner-grit/test_preprocess.txt"),
    ("nerp", "indonlu/nerp_ner-prosa/test_preprocess.txt"),
)


def _optional(module: str, attr: str) -> Any | None:
    """An evaluator owned by another module, or None if it is not there (yet)."""
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError):
        return None


def events_section(data_root: Path | None) -> tuple[str, dict[str, Any]]:
    result = run_events_eval(None, data_root)
    body = [
        f"Gold: the three sets in `peristiwa/eval/data/`, {result['documents_scored']} documents scored "
        f"({len(result['skipped'])} referenced documents skipped for lack of data). Subsets are "
        "`<gold set>/<split>`: `own` = one-line sentences written for the project (unit/regression set), "
        "`real-sentences` = UD-PUD and SIB-200 news sentences, `real-articles` = whole Global Voices "
        "articles (**the headline is `real-articles/test`**). `dev` is what rules may be tuned on; `test` "
        "is never tuned on. Scores are document-level on (source, target, root) dyads; `code` scores only "
        "gold events that give full codes. Method: docs/evaluation.md.",
        "",
        report.events_markdown(result),
    ]
    return "\n".join(body), result


def knowledge_section(data_root: Path | None) -> str:
    from peristiwa.eval.knowledge import run_knowledge_eval

    result = run_knowledge_eval(None, data_root)
    if not result["documents_scored"]:
        return "_skipped: no whole-article gold with a knowledge block could be read._"
    rows = [[kind, k["gold"], k["predicted"], k["found"], k["recall"], k["precision"], k["attribute"],
             k["linked"] if kind in ("persons", "orgs") else ""] for kind, k in result["kinds"].items()]
    return (f"`peristiwa eval knowledge` on {result['documents_scored']} whole articles (dev + test). "
            "*attribute* = right country (persons, places), code (orgs), speaker (quotes) or value (dates) "
            "among found items; *linked* = tied to a knowledge-base entry.\n\n"
            + report.md_table(["kind", "gold", "pred", "found", "recall", "precision", "attribute", "linked"],
                              rows))


def sentences_section(data_root: Path | None) -> str:
    evaluate = _optional("peristiwa.eval.sentences", "evaluate_conllu")
    if evaluate is None:
        return "_skipped: `peristiwa.eval.sentences.evaluate_conllu` not available._"
    files = [data_root / folder / name for folder, name in UD_TEST_FILES] if data_root else []
    files = [f for f in files if f.is_file()]
    if not files:
        return "_skipped: UD test files not found under the data root._"
    return ("UD Indonesian **test** splits, sentences of a file joined with a space (see "
            "docs/quality-sentences.md).\n\n" + report.sentences_markdown(evaluate(files)))


def ner_section(data_root: Path | None) -> str:
    evaluate = _optional("peristiwa.eval.ner", "evaluate_conll")
    tagger_cls = _optional("peristiwa.extract.ner", "NerTagger")
    if evaluate is None or tagger_cls is None:
        return "_skipped: `peristiwa.eval.ner.evaluate_conll` or the NER tagger not available._"
    present = [(scheme, data_root / path) for scheme, path in NER_TEST_FILES
               if data_root and (data_root / path).is_file()]
    if not present:
        return "_skipped: IndoNLU test files not found under the data root._"
    tagger = tagger_cls.load()
    results = {f"{scheme} test": evaluate(path, scheme, tagger) for scheme, path in present}
    return ("IndoNLU **test** splits, entity level (exact span and type) with the packaged model.\n\n"
            + report.ner_markdown(results))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-root", default=None, help="shared data folder (default: ../shared)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "quality-eval.md"))
    parser.add_argument("--json", dest="json_out", default=None, help="also write the events result as JSON")
    parser.add_argument("--update-baseline", action="store_true", help=f"rewrite {BASELINE.name}")
    args = parser.parse_args(argv)

    data_root = find_data_root(args.data_root)
    events_body, events = events_section(data_root)
    sections = [
        ("Event coding (three gold sets)", events_body),
        ("Knowledge on real articles", knowledge_section(data_root)),
        ("Sentence splitting and tokenisation", sentences_section(data_root)),
        ("Named-entity recognition", ner_section(data_root)),
    ]
    preamble = (f"Generated by `scripts/eval_all.py` (`make eval`) on {date.today().isoformat()}; "
                f"data root: `{'../shared' if data_root else 'not found'}`. Do not edit by hand.")
    Path(args.out).write_text(report.quality_document(sections, preamble), encoding="utf-8")
    print(f"wrote {args.out}")
    summary = events["summary"]
    for name, s in summary.items():
        if s["documents"] and name != "all":
            d = s["dyad"]
            print(f"events {name}: P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f} "
                  f"forbidden {s['forbidden']['hits']}")
    if args.json_out:
        text = json.dumps(events, indent=2, ensure_ascii=False) + "\n"
        Path(args.json_out).write_text(text, encoding="utf-8")
    if args.update_baseline:
        if events["skipped"]:
            print("refusing to update the baseline: referenced documents were skipped (no ../shared)",
                  file=sys.stderr)
            return 1
        write_baseline(events)
        print(f"wrote {BASELINE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
