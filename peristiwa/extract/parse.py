"""Dependency parse of trigger sentences: UDPipe 1 over our own tokens (stage "parse").

Why UDPipe 1: a small (few MB), CPU-only, offline tagger+parser with a maintained PyPI wheel,
trained here on UD Indonesian-CSUI (scripts/train_parser.py, peristiwa/models/PARSER.md).
Why our own tokens: every stage indexes `Document.tokens`; letting UDPipe re-tokenise would
need an alignment step and would disagree with the event coder about what a word is.
Why only trigger sentences: the parse feeds argument finding (extract/depargs.py) and nothing
else, so sentences without a trigger candidate are not worth the parser's time.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ufal.udpipe import Model, Sentence

from peristiwa.extract.triggers import Lexicon
from peristiwa.model import Dependency, Document

DEFAULT_MODEL = "parser-id.udpipe"
_MODELS_PACKAGE = "peristiwa.models"


@dataclass
class DependencyParser:
    """A loaded UDPipe model that tags and parses pre-tokenised sentences."""

    model: Model
    source: str = ""

    @classmethod
    def load(cls, path: str | Path | None = None) -> DependencyParser:
        """Load a UDPipe model file (default: the packaged ``parser-id.udpipe``)."""
        if path is None:
            resource = importlib.resources.files(_MODELS_PACKAGE) / DEFAULT_MODEL
            with importlib.resources.as_file(resource) as model_path:
                return cls(_load_model(model_path), f"{_MODELS_PACKAGE}/{DEFAULT_MODEL}")
        return cls(_load_model(Path(path)), str(path))

    def parse(self, words: Sequence[str]) -> list[Dependency]:
        """One sentence's words -> one Dependency per word, heads sentence-local (-1 for the root)."""
        sentence = Sentence()
        for word in words:
            sentence.addWord(word or "_")  # UDPipe needs a non-empty form
        self.model.tag(sentence, Model.DEFAULT)
        self.model.parse(sentence, Model.DEFAULT)
        return [Dependency(w.head - 1, w.deprel, w.upostag) for w in list(sentence.words)[1:]]


def _load_model(path: Path) -> Model:
    model = Model.load(str(path))
    if model is None:
        raise ValueError(f"not a UDPipe model: {path}")
    return model


class ParseStage:
    """Pipeline stage "parse": fills `Document.dependencies` for sentences with a trigger candidate."""

    name = "parse"

    def __init__(self, parser: DependencyParser, lexicon: Lexicon) -> None:
        self.parser = parser
        self.lexicon = lexicon

    def __call__(self, doc: Document) -> None:
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            if not tokens or not self.lexicon.has_candidate(tokens):
                continue
            first, n = sentence.token_start, len(tokens)
            for k, dep in enumerate(self.parser.parse([t.text for t in tokens])):
                head = first + dep.head if 0 <= dep.head < n else -1
                doc.dependencies[first + k] = Dependency(head, dep.deprel, dep.upos)


__all__ = ["DependencyParser", "ParseStage"]
