"""Ingest: read inputs, skip what is stored, extract in parallel, write in batches with one writer.

Why this shape:
- **Idempotent.** Every document is identified by the sha256 of its text (unreadable input:
  of its origin and error). A document whose hash is stored is counted as a duplicate and
  not extracted again, so re-running the same command adds nothing.
- **Resumable.** Results are written in batches, each batch one transaction that also
  updates merged events. An interruption (Ctrl-C, kill -9, power loss) loses at most the
  batch in flight; re-running continues after the last committed batch, with no duplicate
  and no half-written article. The final database equals a clean run's (same rows, same
  event ids) because merging depends only on the set of stored mentions.
- **One writer.** Extraction runs on N processes (`peristiwa.scale.parallel.extract_parallel`,
  input order kept); only this process touches the database.
- **Never abort on one document.** Reading and extraction failures become rows with
  status `failed` and a readable reason; unsupported languages and pages without text
  become `skipped`.
"""

from __future__ import annotations

import contextlib
import itertools
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from peristiwa.model import Article, Document
from peristiwa.store.base import IngestRecord, Store
from peristiwa.store.language import LanguageDetector, normalise_language
from peristiwa.store.readers import InputItem

DEFAULT_BATCH = 64
MAX_BATCH_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class IngestOptions:
    jobs: int = 1
    language: str = "id"
    kb_paths: tuple[Path, ...] = ()
    lexicon_paths: tuple[Path, ...] = ()
    use_ner: bool = True
    batch_size: int = DEFAULT_BATCH
    max_chars: int = 1_000_000  # longer articles are stored as skipped: time and memory per worker stay bounded


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did; `new` counts documents extracted and stored in this run."""

    new: int = 0
    duplicate: int = 0
    updated: int = 0  # of the duplicates: stored text whose metadata (title, URL, outlet, date, id) changed
    skipped: int = 0
    failed: int = 0
    event_mentions: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason), first few

    @property
    def seen(self) -> int:
        return self.new + self.duplicate + self.skipped + self.failed

    def line(self) -> str:
        rate = self.seen / self.seconds if self.seconds > 0 else 0.0
        return (f"{self.new} new, {self.duplicate} duplicate, {self.skipped} skipped, {self.failed} failed, "
                f"{self.updated} updated ({self.event_mentions} event mentions; {self.seconds:.1f} s, "
                f"{rate:.1f} docs/s)")


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during an ingest; `summary` counts what was committed before it (the batch in flight is not)."""

    def __init__(self, summary: IngestSummary) -> None:
        super().__init__("interrupted")
        self.summary = summary


ProgressFn = Callable[[IngestSummary], None]
MAX_LISTED_FAILURES = 20


@dataclass
class _Pending:
    record: IngestRecord
    needs_extraction: bool


class Ingestor:
    """Runs one ingest into a store; holds the language detector loaded once."""

    def __init__(self, store: Store, options: IngestOptions = IngestOptions(),
                 detector: LanguageDetector | None = None) -> None:
        self.store = store
        self.options = options
        self._detector = detector

    @property
    def detector(self) -> LanguageDetector:
        """Loaded on first use (about 1 s): a corpus that declares its language never needs it."""
        if self._detector is None:
            self._detector = LanguageDetector.load()
        return self._detector

    def classify(self, item: InputItem, seen: set[str]) -> IngestRecord | None:
        """Decide what becomes of one input item; None = duplicate (already stored or seen)."""
        identity = item.identity
        if identity in seen or self.store.has_content(identity):
            return None
        seen.add(identity)
        return classify_item(item, self.options.language, lambda: self.detector, self.options.max_chars)

    def run(self, items: Iterable[InputItem], progress: ProgressFn | None = None,
            extract: Callable[[Iterable[Article]], Iterator[tuple[Article, object, str | None]]] | None = None,
            ) -> IngestSummary:
        """Ingest every item; returns the summary. Ctrl-C raises `IngestInterrupted` carrying it."""
        summary = IngestSummary()
        start = time.perf_counter()
        try:
            return self._run(items, summary, start, progress, extract)
        except KeyboardInterrupt as exc:
            summary.seconds = time.perf_counter() - start
            raise IngestInterrupted(summary) from exc

    def _run(self, items: Iterable[InputItem], summary: IngestSummary, start: float, progress: ProgressFn | None,
             extract: Callable[[Iterable[Article]], Iterator[tuple[Article, object, str | None]]] | None,
             ) -> IngestSummary:
        queue: deque[_Pending] = deque()
        seen: set[str] = set()

        def articles() -> Iterator[Article]:
            for item in items:
                record = self.classify(item, seen)
                if record is None:
                    summary.duplicate += 1
                    if item.article is not None and self.store.update_metadata(item.identity, item.article):
                        summary.updated += 1
                    continue
                needs = record.status == "done"
                queue.append(_Pending(record, needs))
                if needs and record.article is not None:
                    yield record.article

        ready: list[IngestRecord] = []
        last_flush = time.perf_counter()

        def flush() -> None:
            nonlocal last_flush
            with ctrl_c_deferred():  # a Ctrl-C between the commit and the count would hide committed articles
                self.store.write_batch(ready)
                for record in ready:
                    count_record(summary, record)
                ready.clear()
            last_flush = time.perf_counter()
            summary.seconds = time.perf_counter() - start
            if progress:
                progress(summary)

        runner = extract or self._extractor()
        source = articles()
        first = next(source, None)  # nothing to extract (e.g. a re-run): do not load the pipeline at all
        results = runner(itertools.chain([first], source)) if first is not None else iter(())
        # Closed here on any exit: a generator left to the garbage collector (after Ctrl-C) would stop
        # its worker pool from whatever thread collects it, which cannot join the pool's own thread.
        with contextlib.closing(results) if hasattr(results, "close") else contextlib.nullcontext():
            for article, doc, error in results:
                while queue:
                    pending = queue.popleft()
                    ready.append(pending.record)
                    if pending.needs_extraction:
                        if pending.record.article is not article:
                            raise RuntimeError("extraction results came back out of order")
                        attach_result(pending.record, doc, error)  # type: ignore[arg-type]
                        break
                if len(ready) >= self.options.batch_size or time.perf_counter() - last_flush > MAX_BATCH_SECONDS:
                    flush()
        ready.extend(p.record for p in queue)
        queue.clear()
        flush()
        summary.seconds = time.perf_counter() - start
        return summary

    def _extractor(self) -> Callable[[Iterable[Article]], Iterator[tuple[Article, object, str | None]]]:
        options = self.options

        def run(articles: Iterable[Article]) -> Iterator[tuple[Article, object, str | None]]:
            from peristiwa.scale.parallel import extract_parallel

            return extract_parallel(articles, options.jobs, language=options.language, kb_paths=options.kb_paths,
                                    lexicon_paths=options.lexicon_paths, use_ner=options.use_ner)

        return run


@contextlib.contextmanager
def ctrl_c_deferred() -> Iterator[None]:
    """Hold a Ctrl-C until the block is done, then raise it: a batch is committed *and* counted, or neither.

    Only the main thread can take signals; elsewhere (a server thread) the block runs as it is."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        if callable(previous):
            previous(signal.SIGINT, None)  # Python's own handler raises KeyboardInterrupt
        else:
            raise KeyboardInterrupt


def classify_item(item: InputItem, language: str, detector: Callable[[], LanguageDetector],
                  max_chars: int = IngestOptions.max_chars) -> IngestRecord:
    """The record a new (not yet stored) item becomes: to extract (`done`), `skipped` or `failed`.

    An article longer than `max_chars` is stored but not extracted, so one huge input cannot take a
    worker's time and memory without bound.

    Pure apart from the language detector, which `detector()` loads only when an item declares
    no language; the Dask engine runs this on its workers, the local engine in the writer.
    """
    if item.article is None:
        return IngestRecord(item.origin, item.identity, "failed" if item.status == "failed" else "skipped",
                            error=item.error)
    if item.status != "ok":
        return IngestRecord(item.origin, item.identity, item.status, article=item.article, error=item.error)
    article = item.article
    declared = normalise_language(item.declared_language)
    detected, score = detector().detect(article.text) if declared is None else (None, None)
    article.language = declared or detected or "und"
    record = IngestRecord(item.origin, item.identity, "done", article=article, detected_language=detected,
                          language_score=score)
    if article.language != language:
        record.status = "skipped"
        how = f"detected, p={score:.2f}" if detected else "declared"
        record.error = (f"language {article.language!r} ({how}) is not extracted in this run "
                        f"(extracting {language!r})")
    elif len(article.text) > max_chars:
        record.status = "skipped"
        record.error = (f"article has {len(article.text):,} characters, above --max-chars {max_chars:,}; "
                        "stored, not extracted")
    return record


def attach_result(record: IngestRecord, doc: Document | None, error: str | None) -> None:
    """Put an extraction's outcome on its record: the document, or `failed` with the reason."""
    if error is not None or doc is None:
        record.status = "failed"
        record.error = f"extraction failed: {error or 'no document'}"
    else:
        record.doc = doc


def count_record(summary: IngestSummary, record: IngestRecord) -> None:
    """Add one written record to the run's summary."""
    if record.status == "done":
        summary.new += 1
        if record.doc is not None:
            summary.event_mentions += len(record.doc.events)
    elif record.status == "skipped":
        summary.skipped += 1
    else:
        summary.failed += 1
    if record.status != "done" and len(summary.failures) < MAX_LISTED_FAILURES:
        summary.failures.append((record.origin, record.error or ""))


def ingest(store: Store, items: Iterable[InputItem], options: IngestOptions = IngestOptions(),
           progress: ProgressFn | None = None) -> IngestSummary:
    """Convenience wrapper: `Ingestor(store, options).run(items, progress)`."""
    return Ingestor(store, options).run(items, progress)


def estimate_total(paths: Iterable[str]) -> int | None:
    """Number of documents under `paths` when cheap to know (txt/html files, JSONL lines), else None."""
    from peristiwa.store.readers import KNOWN_EXTS

    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            name = f.name.lower()
            if name.endswith((".warc", ".warc.gz", ".json")):
                return None
            if path.is_dir() and not name.endswith(KNOWN_EXTS):
                continue
            if name.endswith((".jsonl", ".ndjson")):
                try:
                    with f.open("rb") as stream:
                        total += sum(1 for line in stream if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def batched(records: Sequence[IngestRecord], size: int) -> Iterator[Sequence[IngestRecord]]:
    for i in range(0, len(records), size):
        yield records[i : i + size]


__all__ = [
    "IngestInterrupted",
    "IngestOptions",
    "IngestSummary",
    "Ingestor",
    "attach_result",
    "classify_item",
    "count_record",
    "ctrl_c_deferred",
    "estimate_total",
    "ingest",
]
