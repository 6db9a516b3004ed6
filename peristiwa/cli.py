"""The `peristiwa` command line.

Every user-facing failure (missing file, binary input, bad date) ends in one readable line
on stderr and a non-zero exit code — never a traceback.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from peristiwa import __version__
from peristiwa.cli_common import fail, parse_date

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Political event data from Indonesian news: actors, places, dates, quotes, events.")


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    events = "events"


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False) -> None:
    if version:
        typer.echo(f"peristiwa {__version__}")
        raise typer.Exit()


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Text files (.txt, UTF-8 or a detectable encoding).")],
    date_: Annotated[str | None, typer.Option("--date", help="Publication date YYYY-MM-DD (anchors "
                                                            "relative dates and actor roles).")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.json,
    language: Annotated[str, typer.Option("--lang", help="Language of the articles (id, en, ms).")] = "id",
    kb: Annotated[list[Path] | None, typer.Option("--kb", help="Extra KB YAML file (repeatable).")] = None,
    lexicon: Annotated[list[Path] | None, typer.Option("--lexicon", help="Extra event lexicon YAML "
                                                                        "(repeatable).")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show why each event was coded.")] = False,
    include_unresolved: Annotated[bool, typer.Option("--include-unresolved",
                                                     help="Keep events whose source is unknown.")] = False,
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Skip the statistical NER stage.")] = False,
) -> None:
    """Extract actors, places, dates, quotes and events from article files."""
    from peristiwa.api import Extractor
    from peristiwa.cli_output import render
    from peristiwa.text.reader import InputError, read_article

    published = parse_date(date_)
    for path in [*(kb or []), *(lexicon or [])]:
        if not path.is_file():
            fail(f"{path}: no such file")
    articles = []
    for path in files:
        try:
            articles.append(read_article(path, published=published, language=language))
        except InputError as exc:
            fail(str(exc))
    try:
        extractor = Extractor.load(language, kb_paths=kb or (), lexicon_paths=lexicon or (), use_ner=not no_ner)
    except ValueError as exc:
        fail(str(exc))
    docs = [extractor.run(article) for article in articles]
    render(docs, fmt.value, explain=explain, include_unresolved=include_unresolved, out=sys.stdout)


@app.command("kb")
def kb_lookup(
    name: Annotated[str, typer.Argument(help="A name or alias, e.g. 'Xi Jinping' or 'Kremlin'.")],
    date_: Annotated[str | None, typer.Option("--date", help="Resolve the role on this date.")] = None,
    kb: Annotated[list[Path] | None, typer.Option("--kb", help="Extra KB YAML file (repeatable).")] = None,
) -> None:
    """Look a name up in the knowledge base and show what it codes as on a date."""
    from peristiwa.api import Extractor
    from peristiwa.model import to_jsonable

    day = parse_date(date_)
    extractor = Extractor.load(kb_paths=kb or (), use_ner=False)
    tokens = extractor.segmenter.segment(name)[1]
    n, hits = extractor.kb.match([t.norm for t in tokens], [t.text for t in tokens], 0)
    if not hits or n != len(tokens):
        fail(f"{name!r} is not in the knowledge base", code=1)
    for hit in hits:
        actor = extractor.kb.actor(hit.entry_id, day, hit.via)
        typer.echo(json.dumps({"via": hit.via, **to_jsonable(actor)}, ensure_ascii=False))


def _register_commands() -> None:
    """ingest/query/stats/show/export live in cli_store.py (the event store), code/merge in cli_scale.py,
    serve in cli_web.py."""
    from peristiwa.cli_scale import scale_app
    from peristiwa.cli_store import store_app
    from peristiwa.cli_web import web_app

    app.registered_commands += store_app.registered_commands + scale_app.registered_commands \
        + web_app.registered_commands


_register_commands()

eval_app = typer.Typer(help="Measure accuracy: events (gold YAML), NER (CoNLL), sentences and parses (UD).")
app.add_typer(eval_app, name="eval")
FORWARD = {"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []}


def _forward(module: str, ctx: typer.Context) -> None:
    """Each evaluator owns its argument parser (so `python -m peristiwa.eval …` behaves the same)."""
    import importlib

    raise typer.Exit(int(importlib.import_module(module).main(list(ctx.args)) or 0))


@eval_app.command("events", context_settings=FORWARD)
def eval_events(ctx: typer.Context) -> None:
    """Score events against gold YAML (default: the shipped dev gold). Options: see `--help`."""
    _forward("peristiwa.eval.events", ctx)


@eval_app.command("knowledge", context_settings=FORWARD)
def eval_knowledge(ctx: typer.Context) -> None:
    """Persons, organisations, places, quotes and dates against the whole-article gold."""
    _forward("peristiwa.eval.knowledge", ctx)


@eval_app.command("ner", context_settings=FORWARD)
def eval_ner(ctx: typer.Context) -> None:
    """Entity-level P/R/F1 on CoNLL files: `peristiwa eval ner FILE… --scheme nergrit|nerp`."""
    _forward("peristiwa.eval.ner", ctx)


@eval_app.command("parse", context_settings=FORWARD)
def eval_parse(ctx: typer.Context) -> None:
    """UAS/LAS/UPOS of the dependency parser on gold-tokenised UD CoNLL-U: `peristiwa eval parse FILE… [--json]`."""
    _forward("peristiwa.eval.parse", ctx)


@eval_app.command("sentences", context_settings=FORWARD)
def eval_sentences(ctx: typer.Context) -> None:
    """Sentence-split and tokenisation accuracy on UD CoNLL-U files."""
    _forward("peristiwa.eval.sentences", ctx)


if __name__ == "__main__":  # pragma: no cover
    app()
