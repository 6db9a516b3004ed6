"""The event-store commands: `ingest`, `query`, `stats`, `show`, `export`.

Registered into the main CLI with::

    from peristiwa.cli_store import store_app
    app.registered_commands += store_app.registered_commands

Every command takes `--db` (default `peristiwa.db`). Failures end in one readable line on
stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from peristiwa.cli_common import err, fail, parse_date, require_extra
from peristiwa.cli_scale import (
    BatchOpt,
    DateFromMetaOpt,
    DateOpt,
    Engine,
    EngineOpt,
    JobsOpt,
    KbOpt,
    LangOpt,
    LexiconOpt,
    MaxCharsOpt,
    NoNerOpt,
    PartitionOpt,
    PathsArg,
    SchedulerOpt,
    WorkersOpt,
    interrupted_exit,
    is_storage_failure,
    make_request,
    report,
    run_request,
    storage_failure_exit,
)
from peristiwa.store.base import EventFilter, QueryError
from peristiwa.store.postgres import redact_url
from peristiwa.store.sqlite import DEFAULT_DB

store_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Event store commands.")

DbOption = Annotated[str, typer.Option("--db", help="SQLite database file, or a postgresql:// URL.")]


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"


class ShowFormat(StrEnum):
    table = "table"
    json = "json"


def _filters(actor: str | None, source: str | None, target: str | None, code: str | None, quad: int | None,
             date_from: str | None, date_to: str | None, country: str | None, place: str | None,
             text: str | None) -> EventFilter:
    if code is not None and not code.isdigit():
        fail(f"--code must be CAMEO digits such as 11 or 112, got {code!r}")
    if quad is not None and quad not in (1, 2, 3, 4):
        fail(f"--quad must be 1, 2, 3 or 4, got {quad}")
    return EventFilter(actor=actor, source=source, target=target, code=code, quad=quad,
                       date_from=parse_date(date_from, "--from"), date_to=parse_date(date_to, "--to"),
                       country=country, place=place, text=text)


def _open_readonly(db: str):
    from peristiwa.store.factory import open_store

    try:
        return open_store(db, readonly=True)
    except FileNotFoundError as exc:
        fail(str(exc))
    except Exception as exc:
        fail(f"{redact_url(db)}: cannot open database ({exc})")
    return None


# Filter options shared by query, stats and export.
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Actor on either side: CAMEO code prefix or name.")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Source actor: CAMEO code prefix or name.")]
TargetOpt = Annotated[str | None, typer.Option("--target", help="Target actor: CAMEO code prefix or name.")]
CodeOpt = Annotated[str | None, typer.Option("--code", help="CAMEO code prefix: 11 (root) or 112 (base).")]
QuadOpt = Annotated[int | None, typer.Option("--quad", help="Quad class 1-4.")]
FromOpt = Annotated[str | None, typer.Option("--from", help="Event date from (YYYY-MM-DD).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Event date to (YYYY-MM-DD).")]
CountryOpt = Annotated[str | None, typer.Option("--country", help="ISO3 country of the place or an actor.")]
PlaceOpt = Annotated[str | None, typer.Option("--place", help="Place name (substring).")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Full-text query over articles and quotes (FTS5 syntax: "
                                                           "words, \"phrases\", OR, NOT, prefix*).")]


@store_app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = DEFAULT_DB,
    date_from_metadata: DateFromMetaOpt = False, date_: DateOpt = None, jobs: JobsOpt = 1, language: LangOpt = "id",
    kb: KbOpt = None, lexicon: LexiconOpt = None, no_ner: NoNerOpt = False, batch_size: BatchOpt = 64,
    engine: EngineOpt = Engine.local, scheduler: SchedulerOpt = None, workers: WorkersOpt = 2,
    partition_size: PartitionOpt = 16, max_chars: MaxCharsOpt = 1_000_000,
) -> None:
    """Read articles into the event store (idempotent; re-run to resume after an interruption)."""
    from peristiwa.store.factory import open_store

    request = make_request(paths, date_from_metadata=date_from_metadata, date_=date_, jobs=jobs, language=language,
                           kb=kb, lexicon=lexicon, no_ner=no_ner, batch_size=batch_size, engine=engine,
                           scheduler=scheduler, workers=workers, partition_size=partition_size,
                           max_chars=max_chars)
    try:
        store = open_store(db)
    except Exception as exc:
        fail(f"{redact_url(db)}: cannot open database ({exc})")
        return
    stopped: BaseException | None = None
    try:
        summary = run_request(store, request, "ingest")
        totals = store.counts()
    except KeyboardInterrupt as exc:
        stopped = exc
    except Exception as exc:
        if not is_storage_failure(exc):
            raise
        stopped = exc
    finally:
        store.close()
    if isinstance(stopped, KeyboardInterrupt):
        interrupted_exit(stopped, "committed batch")
    elif stopped is not None:
        storage_failure_exit(stopped, store.location, "committed batch")
    report(summary, "ingest", store.location)
    typer.echo(f"store: {totals.line()}")


@store_app.command()
def query(
    db: DbOption = DEFAULT_DB,
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None, code: CodeOpt = None,
    quad: QuadOpt = None, date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    place: PlaceOpt = None, text: TextOpt = None,
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")] = QueryFormat.table,
    limit: Annotated[int, typer.Option("--limit", help="Maximum events (0 = all).")] = 50,
) -> None:
    """List merged events matching the filters (newest first)."""
    from peristiwa.store.query import render_events

    filters = _filters(actor, source, target, code, quad, date_from, date_to, country, place, text)
    store = _open_readonly(db)
    try:
        rows = list(store.events(filters, limit + 1 if limit else None, context=True))
        render_events(rows[:limit] if limit else rows, fmt.value, sys.stdout)
        if limit and len(rows) > limit:
            total = store.stats(filters, top=0)["totals"]["events"]
            err.print(f"showing {limit} of {total} events (use --limit N, or --limit 0 for all)", highlight=False)
    except QueryError as exc:
        fail(str(exc))
    finally:
        store.close()


@store_app.command()
def stats(
    db: DbOption = DEFAULT_DB,
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None, code: CodeOpt = None,
    quad: QuadOpt = None, date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    place: PlaceOpt = None, text: TextOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    top: Annotated[int, typer.Option("--top", help="Actor pairs to list.")] = 20,
    period: Annotated[Period, typer.Option("--period", help="Time series per day, ISO week or month "
                                                            "(the series of the web /timeline).")] = Period.day,
) -> None:
    """Counts of events by root code, by actor pair and by period (split by QuadClass)."""
    from peristiwa.codebook import Codebook
    from peristiwa.store.query import render_stats

    filters = _filters(actor, source, target, code, quad, date_from, date_to, country, place, text)
    store = _open_readonly(db)
    try:
        result = store.stats(filters, top, period.value)
    except QueryError as exc:
        fail(str(exc))
        return
    finally:
        store.close()
    labels = {info.code: info.label("en") for info in Codebook.load().roots()}
    render_stats(result, "json" if as_json else "table", sys.stdout, labels)


@store_app.command()
def show(
    ref: Annotated[str, typer.Argument(help="Article id (number), input id, content-hash prefix, or an event id "
                                            "as `query` prints it.")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] = ShowFormat.table,
) -> None:
    """Show one stored article's extraction (events, actors, places, dates, quotes), or one event's mentions."""
    from peristiwa.store.query import render_article, render_event

    store = _open_readonly(db)
    try:
        article = store.article(ref)
        event = store.event(ref) if article is None else None
    finally:
        store.close()
    if article is not None:
        render_article(article, fmt.value, sys.stdout)
    elif event is not None:
        render_event(event, fmt.value, sys.stdout)
    else:
        fail(f"no article or event {ref!r} in {redact_url(db)}", code=1)


@store_app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="gdelt, csv, jsonl or parquet.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (stdout if omitted; "
                                                                 "gdelt also writes <out>.mentions.tsv).")] = None,
    db: DbOption = DEFAULT_DB,
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None, code: CodeOpt = None,
    quad: QuadOpt = None, date_from: FromOpt = None, date_to: ToOpt = None, country: CountryOpt = None,
    place: PlaceOpt = None, text: TextOpt = None,
) -> None:
    """Export merged events (GDELT 2.0 TSV + mentions, CSV, JSONL or Parquet)."""
    from peristiwa.store.export import export as run_export

    filters = _filters(actor, source, target, code, quad, date_from, date_to, country, place, text)
    if fmt == ExportFormat.parquet:
        if out is None:
            fail("--format parquet needs --out PATH")
        require_extra("pyarrow", "parquet", "Parquet export")
    store = _open_readonly(db)
    try:
        written = run_export(store, fmt.value, filters, out, sys.stdout)
    except QueryError as exc:
        fail(str(exc))
        return
    except OSError as exc:
        fail(f"cannot write export ({exc})")
        return
    finally:
        store.close()
    if out is not None:
        err.print(f"export: {written.get('events', 0)} events"
                  + (f", {written['mentions']} resolved mentions" if "mentions" in written else "")
                  + f" → {', '.join(written['files'])}", highlight=False)


__all__ = ["store_app"]


if __name__ == "__main__":  # pragma: no cover - `python -m peristiwa.cli_store ingest …` until the lead registers it
    store_app()
