"""The event-store commands: `ingest`, `query`, `stats`, `show`, `export`.

Registered into the main CLI with::

    from peristiwa.cli_store import store_app
    app.registered_commands += store_app.registered_commands

Every command takes `--db` (default `peristiwa.db`). Failures end in one readable line on
stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from peristiwa.cli_common import err, fail, parse_date, require_extra
from peristiwa.store.base import EventFilter, QueryError
from peristiwa.store.sqlite import DEFAULT_DB

store_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Event store commands.")

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]


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


def _open_readonly(db: Path):
    from peristiwa.store.sqlite import SQLiteStore

    try:
        return SQLiteStore(db, readonly=True)
    except FileNotFoundError as exc:
        fail(str(exc))
    except Exception as exc:
        fail(f"{db}: cannot open database ({exc})")
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
TextOpt = Annotated[str | None, typer.Option("--text", help="Full-text query (SQLite FTS5) over articles "
                                                           "and quotes.")]


@store_app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or directories (.txt .html .jsonl .json .warc.gz), "
                                                    "or - for JSONL on stdin.")],
    db: DbOption = Path(DEFAULT_DB),
    date_from_metadata: Annotated[bool, typer.Option(
        "--date-from-metadata", help="When a document states no date, use its container's date "
                                     "(WARC-Date, file modification time).")] = False,
    date_: Annotated[str | None, typer.Option(
        "--date", help="Publication date YYYY-MM-DD for documents that state none (a date in the file name, "
                       "e.g. 2023-03-21-slug.txt, is used first).")] = None,
    jobs: Annotated[int, typer.Option("-j", "--jobs", help="Extraction processes.")] = 1,
    language: Annotated[str, typer.Option("--lang", help="Language to extract; others are stored "
                                                         "and skipped.")] = "id",
    kb: Annotated[list[Path] | None, typer.Option("--kb", help="Extra KB YAML file (repeatable).")] = None,
    lexicon: Annotated[list[Path] | None, typer.Option("--lexicon", help="Extra event lexicon YAML.")] = None,
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Skip the statistical NER stage.")] = False,
    batch_size: Annotated[int, typer.Option("--batch", help="Documents per transaction.")] = 64,
    max_chars: Annotated[int, typer.Option("--max-chars", help="Longer articles are stored as skipped, not "
                                                               "extracted (bounds time and memory per worker).")]
    = 1_000_000,
) -> None:
    """Read articles into the event store (idempotent; re-run to resume after an interruption)."""
    from peristiwa.store.ingest import IngestOptions, Ingestor, IngestSummary, estimate_total
    from peristiwa.store.readers import ReaderOptions, iter_inputs
    from peristiwa.store.sqlite import SQLiteStore

    for path in paths:
        if path != "-" and not Path(path).exists():
            fail(f"{path}: no such file or directory")
    for path in [*(kb or []), *(lexicon or [])]:
        if not path.is_file():
            fail(f"{path}: no such file")
    if jobs < 1:
        fail("-j must be at least 1")
    try:
        store = SQLiteStore(db)
    except Exception as exc:
        fail(f"{db}: cannot open database ({exc})")
        return
    options = IngestOptions(jobs=jobs, language=language, kb_paths=tuple(kb or ()),
                            lexicon_paths=tuple(lexicon or ()), use_ner=not no_ner, batch_size=max(1, batch_size),
                            max_chars=max(1, max_chars))
    items = iter_inputs(paths, ReaderOptions(date_from_metadata=date_from_metadata, language=language,
                                             default_date=parse_date(date_, "--date")))
    ingestor = Ingestor(store, options)
    total = estimate_total(paths)
    summary = IngestSummary()
    interrupted = False
    try:
        if err.is_terminal:
            summary = _run_with_bar(ingestor, items, total)
        else:
            summary = ingestor.run(items, _log_progress(total))
        totals = store.counts()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        store.close()
    if interrupted:
        err.print("interrupted: every committed batch is kept; run the same command again to continue.")
        raise typer.Exit(130)
    for origin, reason in summary.failures:
        err.print(f"  [yellow]not extracted[/] {origin}: {reason}", highlight=False)
    typer.echo(f"ingest: {summary.line()} → {db}")
    typer.echo(f"store: {totals.line()}")


def _log_progress(total: int | None):
    """Plain log lines (at most every 5 s) for non-terminal runs: CI logs, nohup, pipes."""
    state = {"last": 0.0}

    def report(summary) -> None:
        now = time.monotonic()
        if now - state["last"] < 5.0:
            return
        state["last"] = now
        rate = summary.seen / summary.seconds if summary.seconds else 0.0
        eta = f", ETA {(total - summary.seen) / rate:.0f} s" if total and rate else ""
        of = f"/{total}" if total else ""
        print(f"ingest: {summary.seen}{of} documents ({summary.new} new, {summary.duplicate} duplicate, "
              f"{summary.skipped} skipped, {summary.failed} failed), {rate:.1f} docs/s{eta}", file=sys.stderr,
              flush=True)

    return report


def _run_with_bar(ingestor, items, total):
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = [TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} docs/s"), TimeElapsedColumn(), TextColumn("ETA"),
               TimeRemainingColumn(), TextColumn("{task.fields[detail]}")]
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingest", total=total, rate=0.0, detail="")

        def report(summary) -> None:
            rate = summary.seen / summary.seconds if summary.seconds else 0.0
            progress.update(task, completed=summary.seen, rate=rate,
                            detail=f"{summary.new} new · {summary.duplicate} dup · {summary.skipped} skip · "
                                   f"{summary.failed} fail")

        summary = ingestor.run(items, report)
        report(summary)
        return summary


@store_app.command()
def query(
    db: DbOption = Path(DEFAULT_DB),
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
    db: DbOption = Path(DEFAULT_DB),
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
    db: DbOption = Path(DEFAULT_DB),
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
        fail(f"no article or event {ref!r} in {db}", code=1)


@store_app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="gdelt, csv, jsonl or parquet.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (stdout if omitted; "
                                                                 "gdelt also writes <out>.mentions.tsv).")] = None,
    db: DbOption = Path(DEFAULT_DB),
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
