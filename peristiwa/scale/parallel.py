"""Code many articles at once: a streaming, order-preserving, crash-tolerant batch runner.

    >>> from peristiwa.scale.parallel import extract_parallel
    >>> for article, doc, error in extract_parallel(articles, jobs=2):
    ...     if error: log(article.id, error)

Why this shape:
- **Streaming with a bounded window.** The input iterator is pulled lazily and at most
  `jobs * window` chunks are in flight, so coding 100k articles keeps memory flat instead of
  materialising the whole corpus (or all results) first.
- **Input order out.** Results are yielded in the order the articles came in, so output
  files are reproducible and `-j 1` and `-j 4` write the same bytes.
- **One bad article never kills the batch.** A Python exception becomes a one-line error
  message for that article. A worker that dies (segfault, `os._exit`, OOM kill) or hangs
  past `timeout` breaks only its pool: the pool is rebuilt and the articles that were in
  flight are re-run one at a time, so exactly the culprit is reported and the innocent ones
  are still coded.
- **Spawn-safe.** Workers are started with the ``spawn`` method by default (safe with
  threads, same behaviour on Linux/macOS/Windows); each builds its Extractor once in the pool
  initializer rather than receiving a pickled one per task.

`concurrent.futures.ProcessPoolExecutor` is used rather than `multiprocessing.Pool.imap`
because a Pool whose worker dies mid-task hangs forever, while the executor reports
`BrokenProcessPool`, which is what makes the crash report above possible.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from peristiwa.api import Extractor
from peristiwa.model import Article, Document

Result = tuple[Article, Document | None, str | None]
ExtractorFactory = Callable[[], Extractor]

# Worker start-up (imports + loading KB, lexicon, NER model) is not an article's fault: a new
# pool is waited for (up to this long) before any article's `timeout` starts to count.
STARTUP_TIMEOUT_S = 300.0
CRASH_MESSAGE = "worker process died while coding this article (segfault, out of memory or os._exit)"
MAX_ERROR_CHARS = 300


@dataclass(frozen=True)
class ExtractorSpec:
    """Everything a worker needs to build its own Extractor; small and picklable.

    `factory`, when given, must be a module-level callable (it is pickled by reference under
    spawn). It lets callers run a customised pipeline in parallel; otherwise
    `Extractor.load` is called with the other fields.
    """

    language: str = "id"
    kb_paths: tuple[Path, ...] = ()
    lexicon_paths: tuple[Path, ...] = ()
    use_ner: bool = True
    factory: ExtractorFactory | None = None

    def build(self) -> Extractor:
        if self.factory is not None:
            return self.factory()
        return Extractor.load(language=self.language, kb_paths=self.kb_paths,
                              lexicon_paths=self.lexicon_paths, use_ner=self.use_ner)


def error_line(exc: BaseException) -> str:
    """One-line, bounded description of an exception, fit for a log or a JSONL error field."""
    text = f"{type(exc).__name__}: {exc}".replace("\r", " ").replace("\n", " ")
    return text if len(text) <= MAX_ERROR_CHARS else text[: MAX_ERROR_CHARS - 1] + "…"


def run_one(extractor: Extractor, article: Article) -> tuple[Document | None, str | None]:
    """Code one article, turning any exception into an error message (never raises)."""
    try:
        return extractor.run(article), None
    except Exception as exc:  # the whole point is to contain any failure
        return None, error_line(exc)


def extract_parallel(
    articles: Iterable[Article],
    jobs: int,
    *,
    language: str = "id",
    kb_paths: Sequence[Path] = (),
    lexicon_paths: Sequence[Path] = (),
    use_ner: bool = True,
    chunksize: int = 8,
    window: int = 4,
    timeout: float | None = None,
    start_method: str = "spawn",
    factory: ExtractorFactory | None = None,
) -> Iterator[Result]:
    """Yield `(article, document, None)` or `(article, None, error)` for each article, in input order.

    `jobs <= 1` runs in this process (no pickling, easiest to debug). `jobs > 1` starts that
    many worker processes; `chunksize` articles travel per task and at most `jobs * window`
    tasks are in flight. `timeout` (seconds per article, None = no limit) stops a worker
    stuck on one article; the article is reported and the batch goes on.
    """
    spec = ExtractorSpec(language, tuple(Path(p) for p in kb_paths), tuple(Path(p) for p in lexicon_paths),
                         use_ner, factory)
    if jobs <= 1:
        return _sequential(articles, spec)
    runner = _PoolRunner(spec, jobs=jobs, chunksize=max(1, chunksize), window=max(1, window),
                         timeout=timeout, start_method=start_method)
    return runner.run(articles)


def _sequential(articles: Iterable[Article], spec: ExtractorSpec) -> Iterator[Result]:
    extractor = spec.build()
    for article in articles:
        doc, error = run_one(extractor, article)
        yield article, doc, error


# --- worker side -------------------------------------------------------------------------
# A worker process codes many tasks with one Extractor, so the initializer must leave it
# somewhere the task function can reach. This holder exists only inside pool workers (the
# parent never writes it); it is the standard multiprocessing pattern, not shared state.
_WORKER: dict[str, Extractor] = {}


def _init_worker(spec: ExtractorSpec) -> None:
    # Ctrl-C reaches the whole process group; only the parent acts on it (it stops the pool), so a
    # worker dying of it first cannot look like a crashed article that the parent would re-run.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["extractor"] = spec.build()


def _ready() -> bool:
    return "extractor" in _WORKER


def _run_chunk(chunk: list[Article]) -> list[tuple[Document | None, str | None]]:
    extractor = _WORKER["extractor"]
    return [run_one(extractor, article) for article in chunk]


# --- parent side -------------------------------------------------------------------------
@dataclass
class _PoolRunner:
    """Owns the executor; rebuilds it after a worker death or a timeout."""

    spec: ExtractorSpec
    jobs: int
    chunksize: int
    window: int
    timeout: float | None
    start_method: str
    pool: ProcessPoolExecutor | None = field(default=None, init=False)

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context(self.start_method)
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=context,
                                   initializer=_init_worker, initargs=(self.spec,))

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = self._new_pool()
            self._wait_ready(self.pool)
        return self.pool

    def _wait_ready(self, pool: ProcessPoolExecutor) -> None:
        """Start every worker and wait until each has built its Extractor.

        A failure here is a configuration problem (bad KB path, broken lexicon), not an
        article's fault, so it is raised like `Extractor.load` would raise with jobs=1.
        """
        try:
            for future in [pool.submit(_ready) for _ in range(self.jobs)]:
                future.result(timeout=STARTUP_TIMEOUT_S)
        except (BrokenProcessPool, FutureTimeout) as exc:
            self.pool = None
            pool.shutdown(wait=False, cancel_futures=True)
            raise RuntimeError(f"parallel workers could not build the extractor: {error_line(exc)}") from exc

    def _discard_pool(self, kill: bool) -> None:
        """Drop the current pool; `kill` also stops workers that may be stuck in a task."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        if kill:
            # No public API stops a running task; killing the processes is the only way to
            # free a worker hung on one article. The executor then marks itself broken.
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
        pool.shutdown(wait=True, cancel_futures=True)

    def _limit(self, n_articles: int) -> float | None:
        return None if self.timeout is None else self.timeout * n_articles

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        source = iter(articles)
        pending: deque[tuple[list[Article], Future]] = deque()
        try:
            while True:
                while len(pending) < self.jobs * self.window:
                    chunk = list(islice(source, self.chunksize))
                    if not chunk:
                        break
                    pending.append((chunk, self._pool().submit(_run_chunk, chunk)))
                if not pending:
                    return
                chunk, future = pending.popleft()
                try:
                    results = future.result(timeout=self._limit(len(chunk)))
                except (BrokenProcessPool, FutureTimeout):
                    # Every task in flight is lost with the pool: re-run them one by one.
                    suspects = [chunk] + [c for c, _ in pending]
                    pending.clear()
                    self._discard_pool(kill=True)
                    for suspect in suspects:
                        yield from self._isolate(suspect)
                    continue
                except Exception:  # e.g. a result that would not pickle
                    yield from self._isolate(chunk)
                    continue
                yield from ((a, d, e) for a, (d, e) in zip(chunk, results, strict=True))
        finally:
            # Done, or stopped early (Ctrl-C, the consumer closed the generator, a write failed): cancel
            # what has not started and let the running chunks finish. Killing here instead could cut a
            # worker off mid-way through writing its result, and the executor's reader thread would
            # then wait for the rest of that message forever (seen as a hang after Ctrl-C).
            self._discard_pool(kill=False)

    def _isolate(self, chunk: list[Article]) -> Iterator[Result]:
        """Code each article of a failed chunk alone so only the culprit is blamed."""
        for article in chunk:
            future = self._pool().submit(_run_chunk, [article])
            try:
                (doc, error), = future.result(timeout=self._limit(1))
            except BrokenProcessPool:
                self._discard_pool(kill=True)
                yield article, None, CRASH_MESSAGE
            except FutureTimeout:
                self._discard_pool(kill=True)
                yield article, None, f"timed out after {self.timeout:g} s; worker stopped"
            except Exception as exc:
                yield article, None, error_line(exc)
            else:
                yield article, doc, error


__all__ = ["CRASH_MESSAGE", "ExtractorSpec", "error_line", "extract_parallel", "run_one"]
