"""Composable pipeline: a list of named stages run in order over one `Document`.

Why: each stage is small and testable on its own (spaCy's lesson), resources such as
the knowledge base are loaded once and passed in explicitly (no module-level global
state, PETRARCH2's lesson), and users can drop or add stages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from peristiwa.model import Article, Document


class Stage(Protocol):
    """A pipeline stage: reads and extends the document in place."""

    name: str

    def __call__(self, doc: Document) -> None: ...


@dataclass
class FunctionStage:
    """Adapter so a plain function can be a stage."""

    name: str
    func: Callable[[Document], None]

    def __call__(self, doc: Document) -> None:
        self.func(doc)


@dataclass
class Pipeline:
    """Ordered stages; `run` builds the Document from an Article and applies each stage."""

    stages: list[Stage] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def add(self, stage: Stage) -> Pipeline:
        self.stages.append(stage)
        return self

    def without(self, *names: str) -> Pipeline:
        return Pipeline([s for s in self.stages if s.name not in names])

    def run(self, article: Article) -> Document:
        doc = Document(article=article)
        for stage in self.stages:
            stage(doc)
        return doc

    def run_many(self, articles: Iterable[Article]) -> Iterable[Document]:
        for article in articles:
            yield self.run(article)
