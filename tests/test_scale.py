"""Parallel batch extraction: same output as sequential, order kept, failures contained."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import date

import pytest

from peristiwa.api import Extractor
from peristiwa.model import Article, Document
from peristiwa.pipeline import FunctionStage
from peristiwa.scale.parallel import CRASH_MESSAGE, error_line, extract_parallel

# Our own sentences (not from ../shared), varied enough to exercise every stage.
TEXTS = [
    "Presiden Joko Widodo bertemu Perdana Menteri Jepang di Istana Merdeka, Jakarta, pada Senin (20/3). "
    "\"Kami sepakat memperkuat kerja sama,\" kata Jokowi.",
    "Menteri Luar Negeri Retno Marsudi mengecam serangan terhadap warga sipil di Gaza, Selasa lalu.",
    "Polisi menangkap tiga orang pengunjuk rasa di depan gedung DPR. "
    "Mereka menuntut pembatalan undang-undang.",
    "Pemerintah Malaysia menolak tuduhan itu. "
    "Juru bicara kementerian mengatakan tuduhan tersebut tidak berdasar.",
    "Kedua negara menandatangani perjanjian perdagangan baru di Singapura pada 2022.",
    "",
    "Hujan deras mengguyur Bandung sejak pagi.",
    "Vladimir Putin menyambut kunjungan Xi Jinping ke Moskwa. Keduanya membahas perang di Ukraina.",
    "TNI mengerahkan pasukan ke Papua setelah bentrokan bersenjata pekan lalu.",
    "Gubernur Jawa Tengah meresmikan jembatan baru. Ia berjanji akan memperbaiki jalan desa.",
]


def make_articles(n: int = 24) -> list[Article]:
    return [Article(id=f"a{i}", text=TEXTS[i % len(TEXTS)], published=date(2023, 3, 21)) for i in range(n)]


def as_json(results: Iterator[tuple[Article, Document | None, str | None]]) -> list[str]:
    out = []
    for article, doc, error in results:
        assert doc is not None, (article.id, error)
        out.append(json.dumps(doc.to_dict(), sort_keys=True, ensure_ascii=False))
    return out


# --- module-level factory and stage: pickled by reference into spawned workers --------------
def _tripwire(doc: Document) -> None:
    """Fails on marker words so tests can make one article crash, raise or hang."""
    if "MATIKAN-PROSES" in doc.text:
        os._exit(7)
    if "LEMPAR-GALAT" in doc.text:
        raise ValueError("galat buatan\nbaris kedua")
    if "TIDUR-LAMA" in doc.text:
        time.sleep(60)
    if "TIDUR-SEBENTAR" in doc.text:
        time.sleep(0.1)  # long enough that a late-starting worker still finds tasks on a loaded machine
    doc.warnings.append(f"pid={os.getpid()}")


def tripwire_extractor() -> Extractor:
    extractor = Extractor.load(use_ner=False)
    extractor.pipeline.stages.insert(0, FunctionStage("tripwire", _tripwire))
    return extractor


def test_parallel_equals_sequential() -> None:
    articles = make_articles(24)
    sequential = as_json(extract_parallel(articles, jobs=1))
    parallel = as_json(extract_parallel(articles, jobs=2, chunksize=3))
    assert len(sequential) == len(parallel) == len(articles)
    assert parallel == sequential


def test_order_kept_and_input_streamed() -> None:
    pulled: list[int] = []

    def source() -> Iterator[Article]:
        for i, article in enumerate(make_articles(40)):
            pulled.append(i)
            yield article

    results = extract_parallel(source(), jobs=2, chunksize=2, window=2, factory=tripwire_extractor)
    first = next(results)
    # Bounded window: after the first result only jobs*window chunks (+1 refill) were read.
    assert len(pulled) <= 2 * 2 * 2 + 2
    ids = [first[0].id] + [a.id for a, _, _ in results]
    assert ids == [f"a{i}" for i in range(40)]


def test_jobs_two_uses_two_processes() -> None:
    articles = [Article(id=a.id, text=a.text + " TIDUR-SEBENTAR", published=a.published) for a in make_articles(40)]
    pids = set()
    for _, doc, error in extract_parallel(articles, jobs=2, chunksize=1, factory=tripwire_extractor):
        assert error is None and doc is not None
        pids.update(w for w in doc.warnings if w.startswith("pid="))
    assert f"pid={os.getpid()}" not in pids
    assert len(pids) == 2


def test_sequential_runs_in_process() -> None:
    docs = [d for _, d, _ in extract_parallel(make_articles(3), jobs=1, factory=tripwire_extractor)]
    assert all(d is not None and d.warnings[-1] == f"pid={os.getpid()}" for d in docs)


@pytest.mark.parametrize("jobs", [1, 2])
def test_exception_reported_in_order(jobs: int) -> None:
    articles = make_articles(12)
    articles[5] = Article(id="bad", text="Ini LEMPAR-GALAT di tengah batch.")
    results = list(extract_parallel(articles, jobs=jobs, chunksize=4, factory=tripwire_extractor))
    assert [a.id for a, _, _ in results] == [a.id for a in articles]
    errors = {a.id: e for a, _, e in results if e is not None}
    assert errors == {"bad": "ValueError: galat buatan baris kedua"}
    assert all(d is not None for a, d, _ in results if a.id != "bad")


def test_dead_worker_reported_and_batch_goes_on() -> None:
    articles = make_articles(16)
    articles[6] = Article(id="crash", text="Proses ini MATIKAN-PROSES sekarang.")
    results = list(extract_parallel(articles, jobs=2, chunksize=3, factory=tripwire_extractor))
    assert [a.id for a, _, _ in results] == [a.id for a in articles]
    errors = {a.id: e for a, _, e in results if e is not None}
    assert errors == {"crash": CRASH_MESSAGE}


def test_hung_worker_times_out() -> None:
    articles = make_articles(6)
    articles[2] = Article(id="hang", text="Artikel ini TIDUR-LAMA.")
    t0 = time.perf_counter()
    results = list(extract_parallel(articles, jobs=2, chunksize=2, timeout=1.5, factory=tripwire_extractor))
    assert time.perf_counter() - t0 < 45
    errors = {a.id: e for a, _, e in results if e is not None}
    assert list(errors) == ["hang"] and "timed out" in errors["hang"]
    assert sum(d is not None for _, d, _ in results) == 5


def test_early_stop_does_not_hang() -> None:
    results = extract_parallel(make_articles(200), jobs=2, chunksize=2)
    got = [next(results) for _ in range(3)]
    results.close()  # must shut the pool down, not wait for 200 articles
    assert [a.id for a, _, _ in got] == ["a0", "a1", "a2"]


def test_error_line_is_one_bounded_line() -> None:
    message = error_line(RuntimeError("x\n" * 1000))
    assert "\n" not in message and len(message) <= 300 and message.startswith("RuntimeError: x x")


def broken_extractor() -> Extractor:
    raise FileNotFoundError("no such KB file")


def test_worker_start_failure_is_raised_not_hung() -> None:
    """A worker that cannot build its Extractor is a setup error for the whole batch (as with jobs=1)."""
    with pytest.raises(RuntimeError, match="could not build the extractor"):
        list(extract_parallel(make_articles(4), jobs=2, factory=broken_extractor))
    with pytest.raises(FileNotFoundError):
        list(extract_parallel(make_articles(4), jobs=1, factory=broken_extractor))
