"""Sentence/token evaluation against UD CoNLL-U: a tiny file of our own, then the shared treebanks."""

from __future__ import annotations

from pathlib import Path

import pytest

from peristiwa.eval.sentences import build_stream, evaluate_conllu, format_table, main, read_conllu

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"

TINY = """# newdoc id = a
# sent_id = 1
# text = Rumahnya di Jl. Mawar.
1-2\tRumahnya\t_\t_\t_\t_\t_\t_\t_\t_
1\tRumah\trumah\tNOUN\t_\t_\t0\troot\t_\t_
2\tnya\tia\tPRON\t_\t_\t1\tnmod\t_\t_
3\tdi\tdi\tADP\t_\t_\t4\tcase\t_\t_
4\tJl.\tjalan\tNOUN\t_\t_\t1\tnmod\t_\t_
5\tMawar\tmawar\tPROPN\t_\t_\t4\tflat\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_

# sent_id = 2
# text = Ia pulang.
1\tIa\tia\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tpulang\tpulang\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# newpar
# sent_id = 3
# text = Judul Baru
1\tJudul\tjudul\tNOUN\t_\t_\t0\troot\t_\t_
2\tBaru\tbaru\tADJ\t_\t_\t1\tamod\t_\t_

"""


def test_read_and_rebuild_tiny(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conllu"
    path.write_text(TINY, encoding="utf-8")
    gold = read_conllu(path)
    assert gold[0].tokens == ["Rumahnya", "di", "Jl.", "Mawar", "."]  # surface MWT kept
    assert [g.new_par for g in gold] == [True, False, True]
    stream = build_stream(gold)
    assert stream.text == "Rumahnya di Jl. Mawar. Ia pulang.\n\nJudul Baru"
    assert stream.unaligned == 0
    results = evaluate_conllu([path])
    row = results["tiny.conllu"]
    assert row["boundary_f1"] == 1.0
    assert row["sentence_accuracy"] == 1.0
    assert row["token_f1"] == 1.0
    assert "tiny.conllu" in format_table(results)


def test_main_reports_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.conllu")]) == 2
    assert "no such file" in capsys.readouterr().err


# Floors = the test-split scores measured in docs/quality-sentences.md minus a margin of about 0.02.
FLOORS = [
    ("ud_indonesian_gsd/id_gsd-ud-test.conllu", 0.93, 0.98),
    ("ud_indonesian_csui/id_csui-ud-test.conllu", 0.95, 0.97),
    ("ud_pud_id_en/id/id_pud-ud-test.conllu", 0.97, 0.98),
]


@pytest.mark.parametrize(("relpath", "boundary_floor", "token_floor"), FLOORS)
def test_ud_test_split_floors(relpath: str, boundary_floor: float, token_floor: float) -> None:
    path = SHARED / relpath
    if not path.exists():
        pytest.skip(f"UD test file not available at {path} (../shared is absent)")
    row = evaluate_conllu([path])[path.name]
    assert row["boundary_f1"] >= boundary_floor, row
    assert row["token_f1"] >= token_floor, row
