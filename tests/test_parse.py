"""The packaged UDPipe parser, the "parse" stage and `peristiwa eval parse` (our own sentences)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED, require_shared

from peristiwa.api import Extractor
from peristiwa.eval.parse import read_trees, score_trees
from peristiwa.extract.parse import DependencyParser, ParseStage
from peristiwa.extract.triggers import Lexicon
from peristiwa.model import Article, Document
from peristiwa.text.segment import Segmenter, SegmentStage

ROOT = Path(__file__).resolve().parents[1]
TRIGGER = "Presiden Prabowo mengunjungi Jepang pada hari Senin."
NO_TRIGGER = "Cuaca di Bandung cerah sekali."


@pytest.fixture(scope="module")
def parser() -> DependencyParser:
    return DependencyParser.load()


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def segmented(text: str) -> Document:
    doc = Document(article=Article(id="t", text=text))
    SegmentStage(Segmenter("id"))(doc)
    return doc


def test_model_parses_a_simple_clause(parser: DependencyParser) -> None:
    words = ["Menteri", "itu", "mengunjungi", "Jepang", "."]
    deps = parser.parse(words)
    assert len(deps) == len(words)
    assert [d.head for d in deps].count(-1) == 1
    assert deps[2].head == -1 and deps[2].deprel == "root" and deps[2].upos == "VERB"
    # universal part only: this model labels the subject of "mengunjungi" nsubj:pass (a known voice error)
    assert deps[0].head == 2 and deps[0].deprel.split(":")[0] == "nsubj"


def test_stage_parses_only_sentences_with_a_trigger(parser: DependencyParser, lexicon: Lexicon) -> None:
    doc = segmented(f"{NO_TRIGGER} {TRIGGER} {NO_TRIGGER}")
    assert len(doc.sentences) == 3
    assert [lexicon.has_candidate(doc.sentence_tokens(s)) for s in doc.sentences] == [False, True, False]
    ParseStage(parser, lexicon)(doc)
    second = doc.sentences[1]
    assert sorted(doc.dependencies) == list(range(second.token_start, second.token_end))


def test_heads_stay_within_their_sentence(parser: DependencyParser, lexicon: Lexicon) -> None:
    doc = segmented(f"{TRIGGER} Menteri Luar Negeri Sugiono mengecam serangan itu. {TRIGGER}")
    ParseStage(parser, lexicon)(doc)
    for sentence in doc.sentences:
        rows = [doc.dependencies[i] for i in range(sentence.token_start, sentence.token_end)]
        assert sum(d.head == -1 for d in rows) == 1
        assert all(d.head == -1 or sentence.token_start <= d.head < sentence.token_end for d in rows)


def test_pipeline_runs_parse_before_events() -> None:
    extractor = Extractor.load(use_ner=False, use_parser=True)
    names = extractor.pipeline.names
    assert names.index("parse") < names.index("events")
    assert "parse" not in Extractor.load(use_ner=False).pipeline.names  # opt-in (docs/design.md "Parser")
    doc = extractor.extract(f"{NO_TRIGGER} {TRIGGER}")
    assert doc.dependencies and min(doc.dependencies) >= doc.sentences[1].token_start


def conllu(words: list[str], heads: list[int], deprels: list[str], upos: list[str]) -> str:
    rows = [f"{k + 1}\t{w}\t_\t{u}\t_\t_\t{h + 1}\t{r}\t_\t_"
            for k, (w, h, r, u) in enumerate(zip(words, heads, deprels, upos, strict=True))]
    return "# text = " + " ".join(words) + "\n" + "\n".join(rows) + "\n\n"


def test_score_is_perfect_on_the_parser_own_output(parser: DependencyParser) -> None:
    words = ["Jepang", "mengecam", "serangan", "itu", "."]
    deps = parser.parse(words)
    text = conllu(words, [d.head for d in deps], [d.deprel for d in deps], [d.upos for d in deps])
    result = score_trees("own", read_trees(text.splitlines(keepends=True)), parser)
    assert (result.sentences, result.words, result.uas, result.las, result.upos) == (1, 5, 1.0, 1.0, 1.0)


def test_score_arithmetic_and_subtypes(parser: DependencyParser) -> None:
    words = ["Jepang", "mengecam", "serangan", "itu", "."]
    deps = parser.parse(words)
    heads, rels, tags = [d.head for d in deps], [d.deprel for d in deps], [d.upos for d in deps]
    heads[0] = 3 if heads[0] != 3 else 4  # one wrong head
    rels[2] = rels[2] + ":extra"  # a subtype is ignored by LAS
    tags[4] = "X" if tags[4] != "X" else "PUNCT"  # one wrong tag
    text = conllu(words, heads, rels, tags)
    result = score_trees("edited", read_trees(text.splitlines(keepends=True)), parser)
    assert (result.uas, result.las, result.upos) == (0.8, 0.8, 0.8)


def test_reader_skips_multiword_lines() -> None:
    text = ("1-2\tmenyetujuinya\t_\t_\t_\t_\t_\t_\t_\t_\n1\tmenyetujui\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
            "2\tnya\t_\tPRON\t_\t_\t1\tobj\t_\t_\n\n")
    [tree] = read_trees(text.splitlines(keepends=True))
    assert tree.forms == ["menyetujui", "nya"] and tree.heads == [-1, 0]


def test_cli_eval_parse_prints_scores(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conllu"
    path.write_text(conllu(["Jepang", "mengecam", "Rusia", "."], [1, -1, 1, 1], ["nsubj", "root", "obj", "punct"],
                           ["PROPN", "VERB", "PROPN", "PUNCT"]), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "peristiwa.cli", "eval", "parse", str(path)], capture_output=True,
                          text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "UAS=" in proc.stdout and "LAS=" in proc.stdout and "sentences=1" in proc.stdout


def test_gsd_test_scores_are_plausible(parser: DependencyParser) -> None:
    path = require_shared(SHARED / "data" / "ud_indonesian_gsd" / "id_gsd-ud-test.conllu")
    with open(path, encoding="utf-8-sig") as handle:
        result = score_trees("gsd", read_trees(handle), parser)
    assert result.sentences == 557 and result.uas > 0.63 and result.upos > 0.84  # measured 0.661 / 0.864
