"""Code a corpus on a Dask cluster: read and extract on the workers, write with one writer here.

    >>> summary = ingest_dask(store, ["corpus/"], DaskOptions(workers=2), IngestOptions())

How a run goes (why each step is where it is):

1. **Partitions are planned here, read there.** The input list is the one `iter_inputs`
   walks (`readers.input_files`); JSONL files are cut into blocks of `partition_size` lines
   (only newline offsets are found here, nothing is decoded), folders into groups of
   `partition_size` files; a WARC or JSON file is one partition. Workers read and decode
   their partition and keep the items in their memory (a Dask future).
2. **Idempotent before any extraction.** A small task returns each item's origin and content
   hash; the writer skips hashes already in the sink (or seen earlier in this run) and only
   then sends the wanted indices to be coded, on the worker that holds the items.
3. **One Extractor per worker.** `ExtractorPlugin` builds it (and, on demand, the language
   detector) once when a worker starts, including a worker that replaces a dead one; tasks
   carry only indices, never a pickled pipeline.
4. **Bounded and ordered.** At most `in_flight` partitions are between "submitted" and
   "written"; results arrive through `as_completed` and are written in input order in
   batches of `batch_size`, so article ids and event ids equal a `-j 1` run's.
5. **Crash tolerant.** A worker that dies loses only its in-memory results; Dask re-runs
   its tasks (reads included, from their lineage) on the other workers. Nothing is written
   twice because only this process writes, once per partition, after the hash check. A task
   that keeps killing workers (Dask gives up after `distributed.scheduler.allowed-failures`)
   is re-run one article at a time so only the culprit is reported as failed.
"""

from __future__ import annotations

import contextlib
import io
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from peristiwa.api import Extractor
from peristiwa.scale.parallel import CRASH_MESSAGE, ExtractorSpec, error_line, run_one
from peristiwa.store.base import IngestRecord
from peristiwa.store.ingest import (
    IngestInterrupted,
    IngestOptions,
    IngestSummary,
    attach_result,
    classify_item,
    count_record,
    ctrl_c_deferred,
)
from peristiwa.store.language import LanguageDetector
from peristiwa.store.readers import (
    JSON_EXTS,
    InputItem,
    ReaderOptions,
    file_ext,
    input_files,
    read_jsonl_stream,
    read_path,
)

PLUGIN_NAME = "peristiwa-extractor"
DEFAULT_PARTITION = 16


class Sink(Protocol):
    """Where coded records go: the part of `store.base.Store` a writer needs (SQLite, Parquet)."""

    def has_content(self, content_hash: str) -> bool: ...

    def write_batch(self, records: list[IngestRecord]) -> None: ...


@dataclass(frozen=True, slots=True)
class DaskOptions:
    """`scheduler` None starts a LocalCluster of `workers` processes; else connect to that address."""

    scheduler: str | None = None
    workers: int = 2
    partition_size: int = DEFAULT_PARTITION
    in_flight: int | None = None  # partitions between submitted and written; default 2 per worker thread


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of reading: a block of JSONL lines (`start`..`end` bytes) or a group of files."""

    index: int
    files: tuple[str, ...]
    start: int = 0
    end: int | None = None
    first_line: int = 1

    def describe(self) -> str:
        if self.end is not None:
            return f"{self.files[0]}:{self.first_line}+"
        return self.files[0] if len(self.files) == 1 else f"{self.files[0]} (+{len(self.files) - 1} files)"


# --- planning (writer side) ----------------------------------------------------------------
def plan_partitions(paths: Iterable[str], size: int = DEFAULT_PARTITION) -> Iterator[Partition]:
    """Partitions in `iter_inputs` order; stdin cannot be split across machines, so it is refused."""
    size = max(1, size)
    group: list[str] = []
    index = 0
    for source in input_files(paths):
        if source == "-":
            raise ValueError("reading from stdin (-) is not supported with --engine dask; write the JSONL to a file")
        ext = file_ext(source)
        if ext in JSON_EXTS and ext != ".json" and source.is_file():
            if group:
                yield Partition(index, tuple(group))
                index, group = index + 1, []
            for start, end, first_line in jsonl_blocks(source, size):
                yield Partition(index, (str(source),), start, end, first_line)
                index += 1
        elif ext in (".json", ".warc", ".warc.gz"):
            if group:
                yield Partition(index, tuple(group))
                index, group = index + 1, []
            yield Partition(index, (str(source),))
            index += 1
        else:
            group.append(str(source))
            if len(group) >= size:
                yield Partition(index, tuple(group))
                index, group = index + 1, []
    if group:
        yield Partition(index, tuple(group))


def jsonl_blocks(path: Path, lines: int) -> Iterator[tuple[int, int, int]]:
    """(start byte, end byte, first line number) of consecutive blocks of `lines` lines."""
    start = offset = 0
    first = number = 1
    with path.open("rb") as stream:
        for raw in stream:
            offset += len(raw)
            if number - first + 1 >= lines:
                yield start, offset, first
                start, first = offset, number + 1
            number += 1
    if offset > start:
        yield start, offset, first


# --- worker side ---------------------------------------------------------------------------
try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the `dask` extra is not installed: the CLI says so before anything runs
    WorkerPlugin = object  # type: ignore[assignment,misc]


class ExtractorPlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Holds a worker's one Extractor (built in `setup`) and its language detector (built on demand).

    Only the small `ExtractorSpec` travels to the worker. The lock serialises coding on a
    worker started with several threads: extraction is pure Python (GIL-bound), so threads
    would not run it faster, and the pipeline is not promised to be thread-safe.
    """

    name = PLUGIN_NAME

    def __init__(self, spec: ExtractorSpec) -> None:
        self.spec = spec
        self.extractor: Extractor | None = None
        self._detector: LanguageDetector | None = None
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"spec": self.spec}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["spec"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        self.extractor = self.spec.build()

    def detector(self) -> LanguageDetector:
        if self._detector is None:
            self._detector = LanguageDetector.load()
        return self._detector


def read_partition(part: Partition, options: ReaderOptions) -> list[InputItem]:
    """Read one partition with the same readers (and so the same origins) as `iter_inputs`."""
    if part.end is not None:
        with open(part.files[0], "rb") as stream:
            stream.seek(part.start)
            block = stream.read(part.end - part.start)
        return list(read_jsonl_stream(io.BytesIO(block), part.files[0], options, part.first_line))
    return [item for name in part.files for item in read_path(Path(name), options)]


def item_identities(items: list[InputItem]) -> list[tuple[str, str]]:
    """(origin, content hash) of each item: all the writer needs to decide what to code."""
    return [(item.origin, item.identity) for item in items]


def code_items(items: list[InputItem], indices: list[int], language: str, max_chars: int) -> list[IngestRecord]:
    """Classify (language) and extract the chosen items with this worker's plugin."""
    from distributed import get_worker

    plugin: ExtractorPlugin = get_worker().plugins[PLUGIN_NAME]
    records = []
    for i in indices:
        record = classify_item(items[i], language, plugin.detector, max_chars)
        if record.status == "done" and record.article is not None:
            with plugin.lock:
                doc, error = run_one(plugin.extractor, record.article)  # type: ignore[arg-type]
            attach_result(record, doc, error)
        records.append(record)
    return records


# --- writer side ---------------------------------------------------------------------------
@contextlib.contextmanager
def dask_client(options: DaskOptions) -> Iterator[Any]:
    """A client on the user's scheduler, or on a LocalCluster of worker processes started here."""
    import logging

    from distributed import Client, LocalCluster

    if options.scheduler:
        with Client(options.scheduler, timeout="30s") as client:
            yield client
        return
    with LocalCluster(n_workers=max(1, options.workers), threads_per_worker=1, processes=True,
                      dashboard_address=":0", silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


@dataclass
class _Slot:
    """One partition's state between submission and writing."""

    part: Partition
    read: Any  # the future holding the items on a worker
    identities: list[tuple[str, str]] | None = None
    wanted: list[int] = field(default_factory=list)
    records: list[IngestRecord] | None = None


@dataclass
class DaskRunner:
    """The single writer: plans, submits, decides what to code, writes in order."""

    client: Any
    sink: Sink
    ingest: IngestOptions
    reader: ReaderOptions
    options: DaskOptions
    progress: Callable[[IngestSummary], None] | None = None
    summary: IngestSummary = field(default_factory=IngestSummary)

    def run(self, partitions: Iterable[Partition]) -> IngestSummary:
        """Code and write every partition; Ctrl-C raises `IngestInterrupted` with what was committed."""
        start = time.perf_counter()
        try:
            return self._run(partitions, start)
        except KeyboardInterrupt as exc:
            self.summary.seconds = time.perf_counter() - start
            raise IngestInterrupted(self.summary) from exc

    def _run(self, partitions: Iterable[Partition], start: float) -> IngestSummary:
        from distributed import as_completed

        threads = sum(self.client.nthreads().values()) or 1
        limit = self.options.in_flight or 2 * threads
        source = iter(partitions)
        slots: dict[int, _Slot] = {}
        seen: set[str] = set()
        ready: list[IngestRecord] = []
        cursor = {"submit": 0, "decide": 0, "write": 0}
        futures = as_completed(with_results=False)
        stage: dict[str, tuple[str, int]] = {}

        def fill() -> None:
            while cursor["submit"] - cursor["write"] < limit:
                part = next(source, None)
                if part is None:
                    return
                read = self.client.submit(read_partition, part, self.reader, pure=False)
                ids = self.client.submit(item_identities, read, pure=False)
                slots[part.index] = _Slot(part, read)
                stage[ids.key] = ("ids", part.index)
                futures.add(ids)
                cursor["submit"] += 1

        def decide() -> None:
            while (slot := slots.get(cursor["decide"])) is not None and slot.identities is not None:
                for i, (_, identity) in enumerate(slot.identities):
                    if identity in seen or self.sink.has_content(identity):
                        self.summary.duplicate += 1
                    else:
                        seen.add(identity)
                        slot.wanted.append(i)
                if slot.wanted:
                    coded = self.client.submit(code_items, slot.read, slot.wanted, self.ingest.language,
                                      self.ingest.max_chars, pure=False)
                    stage[coded.key] = ("code", slot.part.index)
                    futures.add(coded)
                else:
                    slot.records = []
                cursor["decide"] += 1

        def write() -> None:
            while (slot := slots.get(cursor["write"])) is not None and slot.records is not None:
                ready.extend(slot.records)
                del slots[cursor["write"]]
                cursor["write"] += 1
                if len(ready) >= self.ingest.batch_size:
                    self._flush(ready, start)

        fill()
        for future in futures:
            kind, index = stage.pop(future.key)
            slot = slots[index]
            if kind == "ids":
                slot.identities = self._identities(future, slot)
                decide()
            else:
                slot.records = self._records(future, slot)
                slot.read = None  # the items may leave the worker's memory now
            write()
            fill()
        self._flush(ready, start)
        return self.summary

    def _identities(self, future: Any, slot: _Slot) -> list[tuple[str, str]]:
        try:
            return future.result()
        except Exception as exc:  # the read itself kept failing (e.g. it killed its workers)
            import hashlib

            origin = slot.part.describe()
            reason = f"partition could not be read: {error_line(exc)}"
            identity = hashlib.sha256(f"failed\x1f{origin}\x1f{reason}".encode()).hexdigest()
            slot.read = self.client.submit(lambda: [InputItem(origin, status="failed", error=reason)], pure=False)
            return [(origin, identity)]

    def _records(self, future: Any, slot: _Slot) -> list[IngestRecord]:
        try:
            return future.result()
        except Exception:
            return [self._isolate(slot, i) for i in slot.wanted]

    def _isolate(self, slot: _Slot, i: int) -> IngestRecord:
        """Code one item of a failed partition alone, so only the item that kills workers fails."""
        origin, identity = (slot.identities or [])[i]
        single = self.client.submit(code_items, slot.read, [i], self.ingest.language,
                                      self.ingest.max_chars, pure=False)
        try:
            (record,) = single.result()
            return record
        except Exception as exc:
            from distributed import KilledWorker

            reason = CRASH_MESSAGE if isinstance(exc, KilledWorker) else error_line(exc)
            return IngestRecord(origin, identity, "failed", error=f"extraction failed: {reason}")

    def _flush(self, ready: list[IngestRecord], start: float) -> None:
        if ready:
            with ctrl_c_deferred():  # committed and counted, or neither: the Ctrl-C summary must be exact
                self.sink.write_batch(list(ready))
                for record in ready:
                    count_record(self.summary, record)
                ready.clear()
        self.summary.seconds = time.perf_counter() - start
        if self.progress:
            self.progress(self.summary)


def ingest_dask(sink: Sink, paths: Iterable[str], options: DaskOptions, ingest: IngestOptions | None = None,
                reader: ReaderOptions | None = None, progress: Callable[[IngestSummary], None] | None = None,
                ) -> IngestSummary:
    """Ingest `paths` into `sink` on a Dask cluster (see the module docstring)."""
    ingest = ingest or IngestOptions()
    reader = reader or ReaderOptions()
    spec = ExtractorSpec(ingest.language, ingest.kb_paths, ingest.lexicon_paths, ingest.use_ner)
    partitions = list(plan_partitions(paths, options.partition_size))  # small: offsets only, never text
    with dask_client(options) as client:
        client.register_plugin(ExtractorPlugin(spec), name=PLUGIN_NAME)
        runner = DaskRunner(client, sink, ingest, reader, options, progress)
        return runner.run(partitions)


__all__ = ["DaskOptions", "DaskRunner", "ExtractorPlugin", "Partition", "Sink", "dask_client", "ingest_dask",
           "jsonl_blocks", "plan_partitions", "read_partition"]
