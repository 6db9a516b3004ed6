"""The Dask engine and Parquet datasets against the local engine, on real Dask workers.

A dozen real articles (the repo example, the seed article and Global Voices 2008–2013 read
from ../shared at run time) are coded four ways: `-j 1` into SQLite, `--engine dask` into
SQLite (a real LocalCluster of 2 worker processes), `--engine dask` into PostgreSQL (a real
throwaway server), `code` into Parquet on the same cluster and `merge` over it. Counts, event
mention ids and merged events must agree, and a worker killed with SIGKILL in the middle of a
task must cost nothing and double nothing.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from conftest import SHARED, CtrlCAfterCommit, require_shared
from typer.testing import CliRunner

from peristiwa.cli import app
from peristiwa.scale.corpora import globalvoices_articles, seed_article
from peristiwa.scale.dask_engine import DaskOptions, ingest_dask, plan_partitions, read_partition
from peristiwa.store.factory import open_store
from peristiwa.store.ingest import IngestInterrupted, IngestOptions, Ingestor
from peristiwa.store.readers import iter_inputs
from peristiwa.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
GV_YEARS = range(2008, 2014)  # Global Voices 2014+ is held out
N_GV = 10
EVENT_FIELDS = ("id", "global_event_id", "merge_key", "event_code", "base_code", "source_code", "target_code",
                "event_date", "event_date_last", "place_name", "place_country", "num_mentions", "num_sources",
                "num_articles", "avg_tone", "first_seen", "last_seen", "source_url")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Inputs of three kinds: a folder of .txt files, a JSONL file (with a broken line), the repo example."""
    require_shared(SHARED / "data" / "globalvoices_id")
    seed = seed_article()
    if seed is None:
        pytest.skip("../shared/seed not found: the seed article is only on developer and CI machines")
    base = tmp_path_factory.mktemp("corpus")
    texts = base / "texts"
    texts.mkdir()
    (texts / "2023-03-21-seed.txt").write_text(seed.text, encoding="utf-8")
    lines = []
    for article in globalvoices_articles():
        if article.published and article.published.year in GV_YEARS:
            lines.append(json.dumps({"id": article.id, "text": article.text, "title": article.title,
                                     "url": article.url, "published": article.published.isoformat(),
                                     "language": "id"}, ensure_ascii=False))
        if len(lines) == N_GV:
            break
    lines.insert(4, "{broken json")
    lines.insert(7, lines[2])  # an exact duplicate: stored once
    (base / "gv.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return [str(ROOT / "examples"), str(texts), str(base / "gv.jsonl")]


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local


@pytest.fixture(scope="module")
def reference(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The `-j 1` SQLite run everything else must equal."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    with SQLiteStore(db) as store:
        summary = Ingestor(store, IngestOptions(jobs=1)).run(iter_inputs(corpus))
    assert summary.new >= 11 and summary.duplicate == 1 and summary.failed == 1
    return snapshot(db)


def snapshot(db: str | Path) -> dict:
    store = open_store(db, readonly=True)
    conn = store.conn
    try:
        return {
            "articles": [tuple(r) for r in conn.execute(
                "SELECT id, content_hash, origin, status FROM articles ORDER BY id")],
            "mentions": [tuple(r) for r in conn.execute("SELECT id, event_id FROM event_mentions ORDER BY id")],
            "events": [tuple(r[f] for f in EVENT_FIELDS) for r in conn.execute("SELECT * FROM events ORDER BY id")],
        }
    finally:
        store.close()


def test_partitions_read_the_same_items_as_one_process(corpus: list[str]) -> None:
    """Blocks of JSONL lines and groups of files, read separately, give iter_inputs' items in its order."""
    parts = list(plan_partitions(corpus, size=3))
    assert len(parts) >= 5 and any(p.end is not None for p in parts)
    split = [(item.origin, item.identity, item.status) for p in parts for item in read_partition(p, _reader())]
    whole = [(item.origin, item.identity, item.status) for item in iter_inputs(corpus)]
    assert split == whole


def _reader():
    from peristiwa.store.readers import ReaderOptions

    return ReaderOptions()


def test_dask_sqlite_and_parquet_equal_local(corpus: list[str], cluster, reference: dict, tmp_path: Path) -> None:
    import duckdb
    import pandas as pd
    from distributed import Client, get_task_stream

    options = DaskOptions(scheduler=cluster.scheduler_address, partition_size=2)
    db = tmp_path / "dask.db"
    with SQLiteStore(db) as store:
        summary = ingest_dask(store, corpus, options, IngestOptions(batch_size=4))
    assert (summary.new, summary.duplicate, summary.failed) == (len(reference["articles"]) - 1, 1, 1)
    got = snapshot(db)
    assert got["articles"] == reference["articles"]
    assert got["mentions"] == reference["mentions"]
    assert got["events"] == reference["events"] and len(got["events"]) >= 10

    # idempotent, and decided before any extraction: a re-run sends no coding task at all
    with Client(cluster.scheduler_address) as watcher, get_task_stream(watcher) as stream, SQLiteStore(db) as store:
        again = ingest_dask(store, corpus, options)
    assert again.new == 0 and again.duplicate == summary.seen
    assert not [t for t in stream.data if str(t["key"]).startswith("code_items")]

    out = tmp_path / "dataset"
    runner = CliRunner()
    coded = runner.invoke(app, ["code", *corpus, "--out", str(out), "--engine", "dask", "--scheduler",
                                cluster.scheduler_address, "--partition-size", "3"])
    assert coded.exit_code == 0, coded.output
    merged = runner.invoke(app, ["merge", str(out), "--scheduler", cluster.scheduler_address])
    assert merged.exit_code == 0, merged.output

    con = duckdb.connect()
    glob = f"{out}/events/**/*.parquet"
    rows = con.execute(f"SELECT {', '.join(EVENT_FIELDS)} FROM read_parquet('{glob}', hive_partitioning=1) "
                       "ORDER BY id").fetchall()
    assert rows == reference["events"]
    articles = pd.read_parquet(out / "articles")
    assert len(articles) == len(reference["articles"])
    assert sorted(articles["content_hash"]) == sorted(r[1] for r in reference["articles"])
    assert set(articles["month"].astype(str)) >= {"2023-03"}  # hive partition by publication month
    mentions = con.execute(f"SELECT id FROM read_parquet('{out}/event_mentions/**/*.parquet') ORDER BY id").fetchall()
    assert [m[0] for m in mentions] == [r[0] for r in reference["mentions"]]
    links = con.execute(f"SELECT unnest(mention_ids) AS m, id FROM read_parquet('{glob}') ORDER BY m").fetchall()
    assert links == [(r[0], r[1]) for r in reference["mentions"] if r[1] is not None]


def test_dask_postgres_equals_local(corpus: list[str], cluster, reference: dict, pg_server_url: str) -> None:
    """The Dask writer's sink is a PostgreSQL store: the same articles, mention ids and merged events."""
    from pg_server import create_database

    db = create_database(pg_server_url, "dask")
    options = DaskOptions(scheduler=cluster.scheduler_address, partition_size=2)
    with open_store(db) as store:
        summary = ingest_dask(store, corpus, options, IngestOptions(batch_size=4))
    assert (summary.new, summary.duplicate, summary.failed) == (len(reference["articles"]) - 1, 1, 1)
    got = snapshot(db)
    assert got == reference and len(got["events"]) >= 10


def test_killed_worker_loses_and_doubles_nothing(corpus: list[str], reference: dict, tmp_path: Path) -> None:
    """SIGKILL a worker while it codes a partition: Dask re-runs its tasks, every article is stored once."""
    from distributed import Client, LocalCluster

    killed: list[int] = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        def kill_busy_worker() -> None:
            with Client(local.scheduler_address) as spy:
                deadline = time.monotonic() + 60
                while not killed and time.monotonic() < deadline:
                    busy = [w for w, keys in spy.processing().items()
                            if any(str(k).startswith("code_items") for k in keys)]
                    if busy:
                        pid = spy.run(os.getpid, workers=busy[:1])[busy[0]]
                        os.kill(pid, signal.SIGKILL)
                        killed.append(pid)
                    time.sleep(0.005)

        killer = threading.Thread(target=kill_busy_worker)
        killer.start()
        db = tmp_path / "killed.db"
        with SQLiteStore(db) as store:
            summary = ingest_dask(store, corpus, DaskOptions(scheduler=local.scheduler_address, partition_size=1),
                                  IngestOptions(batch_size=1))
        killer.join()
    assert killed, "no worker was caught in the middle of a coding task"
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0], 0)
    assert summary.failed == 1  # only the broken JSON line
    got = snapshot(db)
    assert sorted(r[1] for r in got["articles"]) == sorted(r[1] for r in reference["articles"])
    assert got["mentions"] == reference["mentions"]
    assert got["events"] == reference["events"]


def test_code_locally_is_idempotent_and_drops_crash_leftovers(corpus: list[str], reference: dict,
                                                               tmp_path: Path) -> None:
    """`code` with the local engine; a re-run adds nothing; rows re-written after a crash merge once."""
    import shutil

    import pyarrow.dataset as ds

    out = tmp_path / "local"
    runner = CliRunner()
    first = runner.invoke(app, ["code", *corpus, "--out", str(out), "--batch", "5"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["code", *corpus, "--out", str(out)])
    assert again.exit_code == 0 and " 0 new" in again.output
    assert ds.dataset(out / "articles", partitioning="hive").count_rows() == len(reference["articles"])
    # what a crash between the extraction tables and `articles` leaves: event mentions written twice
    leftover = next((out / "event_mentions").rglob("*.parquet"))
    shutil.copy(leftover, leftover.with_name("part-crashed-0.parquet"))
    merged = runner.invoke(app, ["merge", str(out)])
    assert merged.exit_code == 0, merged.output
    events = ds.dataset(out / "events", partitioning="hive").to_table().to_pylist()
    assert sorted(tuple(e[f] for f in EVENT_FIELDS) for e in events) == reference["events"]


def _said(result) -> str:
    return " ".join(result.output.split())  # the error console wraps long lines


def test_ctrl_c_summary_counts_exactly_what_was_committed(corpus: list[str], cluster, tmp_path: Path) -> None:
    """Ctrl-C right after a batch commit: the interrupted summary (what the CLI prints) equals the store."""
    options = DaskOptions(scheduler=cluster.scheduler_address, partition_size=2)
    with CtrlCAfterCommit(tmp_path / "c.db") as store:
        with pytest.raises(IngestInterrupted) as interrupted:
            ingest_dask(store, corpus, options, IngestOptions(batch_size=1))
        done = store.conn.execute("SELECT count(*) FROM articles WHERE status = 'done'").fetchone()[0]
    assert done >= 1
    assert interrupted.value.summary.new == done


def test_clear_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["merge", str(tmp_path)])
    assert result.exit_code == 2 and "not a peristiwa Parquet dataset" in _said(result)
    result = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--db", str(tmp_path / "x.db"),
                                 "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in _said(result)
    result = runner.invoke(app, ["ingest", "-", "--engine", "dask", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "cannot read stdin" in _said(result)
