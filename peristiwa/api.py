"""Build the default pipeline and run it: the Python entry point behind the CLI.

    >>> from peristiwa.api import Extractor
    >>> extractor = Extractor.load()
    >>> doc = extractor.extract("Presiden Joko Widodo bertemu ...", published=date(2023, 3, 21))

Resources (KB, gazetteer, lexicon, NER and parser models) are loaded once per `Extractor` and shared by
its stages; nothing is cached in module globals, so two extractors with different user KB
files can live side by side.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from peristiwa.codebook import Codebook
from peristiwa.extract.arguments import CoderWords
from peristiwa.extract.coref import CorefStage
from peristiwa.extract.dates import TimeStage
from peristiwa.extract.events import EventStage
from peristiwa.extract.mentions import MentionStage
from peristiwa.extract.names import UnknownNameStage
from peristiwa.extract.ner import NerStage, NerTagger
from peristiwa.extract.parse import DependencyParser, ParseStage
from peristiwa.extract.places import Gazetteer, PlaceStage
from peristiwa.extract.quotes import QuoteStage
from peristiwa.extract.tone import SentimentLexicon, ToneStage
from peristiwa.extract.triggers import Lexicon
from peristiwa.kb.base import KnowledgeBase
from peristiwa.lang.pack import LanguagePack, load_pack
from peristiwa.model import Article, Document
from peristiwa.pipeline import Pipeline
from peristiwa.text.segment import Segmenter, SegmentStage

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Extractor:
    """A ready-to-use pipeline plus the resources it was built from."""

    pipeline: Pipeline
    kb: KnowledgeBase
    pack: LanguagePack
    segmenter: Segmenter

    @classmethod
    def load(cls, language: str = "id", kb_paths: Sequence[Path] = (), lexicon_paths: Sequence[Path] = (),
             use_ner: bool = True, use_parser: bool = False) -> Extractor:
        segmenter = Segmenter(language)
        pack = load_pack(language)
        kb = KnowledgeBase.load(lambda s: [(t.text, t.norm) for t in segmenter.segment(s)[1]], kb_paths)
        gazetteer = Gazetteer.load()
        stages = [SegmentStage(segmenter), MentionStage(kb, pack, city_country=gazetteer.city_country)]
        if use_ner:
            stages.append(NerStage(NerTagger.load()))
        lexicon = Lexicon.load(lexicon_paths)
        stages += [
            PlaceStage(gazetteer),
            UnknownNameStage(pack),
            CorefStage(kb, pack),
            TimeStage.load(language),
            QuoteStage(pack),
        ]
        # Before events, so arguments come from the parse (extract/depargs.py). Off by default for now:
        # with the CSUI-trained model, event F1 on the dev gold drops (0.856 -> 0.819) and CPU time per
        # article rises ~2.4x (docs/design.md "Parser").
        if use_parser:
            stages.append(ParseStage(DependencyParser.load(), lexicon))
        stages += [
            EventStage(lexicon, Codebook.load(), CoderWords.load(language)),
            ToneStage(SentimentLexicon.load(language)),
        ]
        return cls(Pipeline(stages), kb, pack, segmenter)

    def extract(self, text: str, published: date | None = None, *, article_id: str | None = None,
                title: str | None = None, url: str | None = None, language: str | None = None) -> Document:
        # A lone surrogate (legal in JSON: "\ud800") cannot be encoded, so the hash, the NER tagger and
        # SQLite would all fail on it; U+FFFD keeps every offset, since it replaces one character by one.
        text = LONE_SURROGATE.sub("\ufffd", text)
        title = LONE_SURROGATE.sub("\ufffd", title) if title else title
        article = Article(
            id=article_id or hashlib.sha1(text.encode()).hexdigest()[:12],
            text=text,
            title=title,
            url=url,
            published=published,
            language=language or self.pack.code,
        )
        return self.pipeline.run(article)

    def run(self, article: Article) -> Document:
        return self.pipeline.run(article)
