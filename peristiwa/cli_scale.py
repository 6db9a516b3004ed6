"""Coding at scale: the engine options of `ingest`, and `code` (to Parquet) and `merge` (over Parquet).

`ingest` (cli_store.py) and `code` share everything here: input checks, the choice of
engine (`local`: `-j` processes on this machine; `dask`: a Dask cluster), the progress bar or
log lines, and the end-of-run summary. Only the sink differs: the SQLite store or a Parquet
dataset folder.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from peristiwa.cli_common import err, fail, parse_date, require_extra


class Engine(StrEnum):
    local = "local"
    dask = "dask"


EngineOpt = Annotated[Engine, typer.Option("--engine", help="local: -j processes here; dask: a Dask cluster "
                                                            "(needs the 'dask' extra).")]
SchedulerOpt = Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler tcp://HOST:PORT (default: "
                                                                       "start a local cluster of --workers).")]
WorkersOpt = Annotated[int, typer.Option("--workers", help="Worker processes of the local Dask cluster.")]
PartitionOpt = Annotated[int, typer.Option("--partition-size", help="Documents per Dask task (JSONL lines or "
                                                                     "files).")]
PathsArg = Annotated[list[str], typer.Argument(help="Files or directories (.txt .html .jsonl .json .warc.gz), "
                                                    "or - for JSONL on stdin (local engine only).")]
DateFromMetaOpt = Annotated[bool, typer.Option(
    "--date-from-metadata", help="When a document states no date, use its container's date "
                                 "(WARC-Date, file modification time).")]
DateOpt = Annotated[str | None, typer.Option(
    "--date", help="Publication date YYYY-MM-DD for documents that state none (a date in the file name, "
                   "e.g. 2023-03-21-slug.txt, is used first).")]
JobsOpt = Annotated[int, typer.Option("-j", "--jobs", help="Extraction processes (local engine).")]
LangOpt = Annotated[str, typer.Option("--lang", help="Language to extract; others are stored and skipped.")]
KbOpt = Annotated[list[Path] | None, typer.Option("--kb", help="Extra KB YAML file (repeatable).")]
LexiconOpt = Annotated[list[Path] | None, typer.Option("--lexicon", help="Extra event lexicon YAML.")]
NoNerOpt = Annotated[bool, typer.Option("--no-ner", help="Skip the statistical NER stage.")]
BatchOpt = Annotated[int, typer.Option("--batch", help="Documents per written batch.")]
MaxCharsOpt = Annotated[int, typer.Option("--max-chars", help="Longer articles are stored as skipped, not extracted "
                                                          "(bounds time and memory per worker).")]


@dataclass(frozen=True, slots=True)
class RunRequest:
    """Everything a coding run needs, checked once for `ingest` and `code` alike."""

    paths: list[str]
    ingest: Any  # store.ingest.IngestOptions
    reader: Any  # store.readers.ReaderOptions
    engine: Engine
    dask: Any | None  # scale.dask_engine.DaskOptions


def make_request(paths: list[str], *, date_from_metadata: bool, date_: str | None, jobs: int, language: str,
                 kb: list[Path] | None, lexicon: list[Path] | None, no_ner: bool, batch_size: int, engine: Engine,
                 scheduler: str | None, workers: int, partition_size: int,
                 max_chars: int = 1_000_000) -> RunRequest:
    """Validate the shared options (one readable error each) and build the run's options."""
    from peristiwa.store.ingest import IngestOptions
    from peristiwa.store.readers import ReaderOptions

    for path in paths:
        if path != "-" and not Path(path).exists():
            fail(f"{path}: no such file or directory")
    for path in [*(kb or []), *(lexicon or [])]:
        if not path.is_file():
            fail(f"{path}: no such file")
    if jobs < 1:
        fail("-j must be at least 1")
    dask_options = None
    if engine == Engine.dask:
        require_extra("distributed", "dask", "--engine dask")
        if "-" in paths:
            fail("--engine dask cannot read stdin (-): write the JSONL to a file the workers can read")
        if workers < 1 or partition_size < 1:
            fail("--workers and --partition-size must be at least 1")
        if scheduler is not None and not scheduler.startswith(("tcp://", "tls://", "inproc://", "ws://", "wss://")):
            fail(f"--scheduler must be an address such as tcp://HOST:8786, got {scheduler!r}")
        from peristiwa.scale.dask_engine import DaskOptions

        dask_options = DaskOptions(scheduler=scheduler, workers=workers, partition_size=partition_size)
    elif scheduler is not None:
        fail("--scheduler needs --engine dask")
    options = IngestOptions(jobs=jobs, language=language, kb_paths=tuple(kb or ()), lexicon_paths=tuple(lexicon or ()),
                            use_ner=not no_ner, batch_size=max(1, batch_size), max_chars=max(1, max_chars))
    reader = ReaderOptions(date_from_metadata=date_from_metadata, language=language,
                           default_date=parse_date(date_, "--date"))
    return RunRequest(paths, options, reader, engine, dask_options)


def run_request(sink: Any, request: RunRequest, label: str) -> Any:
    """Run the request into `sink` with a progress bar (terminal) or log lines; returns the summary."""
    from peristiwa.store.ingest import Ingestor, estimate_total

    def run(progress: Callable[[Any], None]) -> Any:
        if request.dask is not None:
            from peristiwa.scale.dask_engine import ingest_dask

            return ingest_dask(sink, request.paths, request.dask, request.ingest, request.reader, progress)
        from peristiwa.store.readers import iter_inputs

        return Ingestor(sink, request.ingest).run(iter_inputs(request.paths, request.reader), progress)

    total = estimate_total(request.paths)
    if err.is_terminal:
        return _run_with_bar(run, total, label)
    return run(_log_progress(total, label))


def interrupted_exit(exc: KeyboardInterrupt, kept: str) -> None:
    """Ctrl-C: say what was kept and how to continue, then exit 130 (128 + SIGINT) without a traceback."""
    summary = getattr(exc, "summary", None)
    done = f" after {summary.line()}" if summary is not None else ""
    err.print(f"interrupted{done}: every {kept} is kept; run the same command again to continue.",
              highlight=False, soft_wrap=True)
    raise typer.Exit(130) from None


def is_storage_failure(exc: BaseException) -> bool:
    """A failure of the disk or database under a run (full disk, I/O error, lost server), not of our code:
    the user gets one line and the resume hint instead of a traceback."""
    return isinstance(exc, OSError) or type(exc).__module__.split(".")[0] in {"sqlite3", "psycopg"}


def storage_failure_exit(exc: BaseException, location: str, kept: str) -> None:
    """Say why writing stopped, that what was committed is kept, and how to continue; exit 1."""
    err.print(f"error: writing to {location} failed ({exc}); every {kept} is kept: free space or fix the "
              "database, then run the same command again to continue.", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def report(summary: Any, label: str, target: str | Path) -> None:
    for origin, reason in summary.failures:
        err.print(f"  [yellow]not extracted[/] {origin}: {reason}", highlight=False)
    typer.echo(f"{label}: {summary.line()} → {target}")


def _log_progress(total: int | None, label: str) -> Callable[[Any], None]:
    """Plain log lines (at most every 5 s) for non-terminal runs: CI logs, nohup, pipes."""
    state = {"last": 0.0}

    def log(summary: Any) -> None:
        now = time.monotonic()
        if now - state["last"] < 5.0:
            return
        state["last"] = now
        rate = summary.seen / summary.seconds if summary.seconds else 0.0
        eta = f", ETA {(total - summary.seen) / rate:.0f} s" if total and rate else ""
        of = f"/{total}" if total else ""
        print(f"{label}: {summary.seen}{of} documents ({summary.new} new, {summary.duplicate} duplicate, "
              f"{summary.skipped} skipped, {summary.failed} failed), {rate:.1f} docs/s{eta}", file=sys.stderr,
              flush=True)

    return log


def _run_with_bar(run: Callable[[Callable[[Any], None]], Any], total: int | None, label: str) -> Any:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = [TextColumn(label), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} docs/s"), TimeElapsedColumn(), TextColumn("ETA"),
               TimeRemainingColumn(), TextColumn("{task.fields[detail]}")]
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task(label, total=total, rate=0.0, detail="")

        def update(summary: Any) -> None:
            rate = summary.seen / summary.seconds if summary.seconds else 0.0
            progress.update(task, completed=summary.seen, rate=rate,
                            detail=f"{summary.new} new · {summary.duplicate} dup · {summary.skipped} skip · "
                                   f"{summary.failed} fail")

        summary = run(update)
        update(summary)
        return summary


scale_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Coding to Parquet datasets.")


@scale_app.command()
def code(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Dataset folder (created; re-running adds only new "
                                                          "documents).")],
    date_from_metadata: DateFromMetaOpt = False, date_: DateOpt = None, jobs: JobsOpt = 1, language: LangOpt = "id",
    kb: KbOpt = None, lexicon: LexiconOpt = None, no_ner: NoNerOpt = False, batch_size: BatchOpt = 256,
    engine: EngineOpt = Engine.local, scheduler: SchedulerOpt = None, workers: WorkersOpt = 2,
    partition_size: PartitionOpt = 16, max_chars: MaxCharsOpt = 1_000_000,
) -> None:
    """Code articles into a Parquet dataset (articles, mentions, event mentions…, by publication month)."""
    require_extra("pyarrow", "parquet", "peristiwa code")
    request = make_request(paths, date_from_metadata=date_from_metadata, date_=date_, jobs=jobs, language=language,
                           kb=kb, lexicon=lexicon, no_ner=no_ner, batch_size=batch_size, engine=engine,
                           scheduler=scheduler, workers=workers, partition_size=partition_size,
                           max_chars=max_chars)
    from peristiwa.store.parquet import ParquetDataset

    try:
        sink = ParquetDataset(out)
    except (OSError, ValueError) as exc:
        fail(f"{out}: cannot open dataset ({exc})")
    try:
        summary = run_request(sink, request, "code")
    except KeyboardInterrupt as exc:
        interrupted_exit(exc, "written batch")
    except Exception as exc:
        if not is_storage_failure(exc):
            raise
        storage_failure_exit(exc, str(out), "written batch")
    report(summary, "code", out)


@scale_app.command()
def merge(
    dataset: Annotated[Path, typer.Argument(help="Dataset folder written by `peristiwa code`.")],
    scheduler: SchedulerOpt = None,
) -> None:
    """Merge a dataset's event mentions into events (DIR/events), with the store's merge rule, on Dask
    (local threads, or the cluster at --scheduler; the dataset must be readable there at the same path)."""
    require_extra("dask", "dask", "peristiwa merge")
    require_extra("pyarrow", "parquet", "peristiwa merge")
    from peristiwa.scale.dataset import merge_dataset

    try:
        if scheduler is None:
            result = merge_dataset(dataset)
        else:
            from distributed import Client

            with Client(scheduler, timeout="30s"):
                result = merge_dataset(dataset)
    except (FileNotFoundError, ValueError) as exc:
        fail(str(exc))
        return
    typer.echo(f"merge: {result.mentions} resolved event mentions → {result.events} events "
               f"({result.keys} merge keys) → {result.folder}")


__all__ = ["Engine", "RunRequest", "interrupted_exit", "make_request", "report", "run_request", "scale_app"]
