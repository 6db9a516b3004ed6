"""The pipeline is composable: stages can be removed, and a user's own stage can be added."""

from __future__ import annotations

from datetime import date

from peristiwa.api import Extractor
from peristiwa.model import Article, Document
from peristiwa.pipeline import FunctionStage, Pipeline


def test_default_stage_order(extractor: Extractor):
    names = extractor.pipeline.names
    assert names[0] == "segment"
    assert names.index("mentions") < names.index("coref") < names.index("quotes") < names.index("events")


def test_a_user_stage_runs_after_the_default_ones(extractor: Extractor):
    def count_capitalised(doc: Document) -> None:
        doc.warnings.append(f"capitalised={sum(t.text[:1].isupper() for t in doc.tokens)}")

    pipeline = Pipeline(list(extractor.pipeline.stages)).add(FunctionStage("count", count_capitalised))
    doc = pipeline.run(Article("a", "Presiden Prancis tiba di Jakarta.", published=date(2023, 6, 1)))
    assert doc.warnings == ["capitalised=3"]
    assert doc.mentions, "the default stages still ran"


def test_dropping_a_stage(extractor: Extractor):
    pipeline = extractor.pipeline.without("events", "tone")
    doc = pipeline.run(Article("b", "Indonesia mengecam Israel.", published=date(2024, 1, 1)))
    assert doc.mentions and not doc.events and doc.tone is None
