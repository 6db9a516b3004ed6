"""`peristiwa merge DIR`: the store's event-merging rule over a Parquet dataset, with Dask dataframes.

Why this is the same rule and not a second one: the SQLite store recomputes a merge key's
events from all of that key's resolved mentions with `store.merge.cluster_mentions`. Here the
resolved event mentions are joined with their articles' outlet, tone, date and URL, shuffled so
every merge key lands in one partition, and each partition calls that same function per key.
Clusters depend only on the set of a key's mentions, so the events (and their ids) equal the
SQLite store's for the same articles; only `first_article_id` differs in kind, since dataset
article ids are content-hash integers (`store.parquet.article_key`), not row numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from peristiwa.store.merge import MergedEvent, MergeMention, MergeParams, cluster_mentions
from peristiwa.store.parquet import month_of, read_params, schema
from peristiwa.store.rows import EVENT_COLUMNS

MENTION_FIELDS = tuple(f.name for f in fields(MergeMention))
ARTICLE_FIELDS = ("outlet", "tone", "published", "url")  # MergeMention fields that come from the article


@dataclass(frozen=True, slots=True)
class MergeResult:
    events: int
    mentions: int
    keys: int
    folder: Path


def merge_partition(frame: Any, params: MergeParams) -> Any:
    """Events of every merge key in one pandas partition (each key wholly inside it)."""
    import pandas as pd
    import pyarrow as pa

    events: list[MergedEvent] = []
    by_key: dict[str, list[MergeMention]] = {}
    for row in pa.Table.from_pandas(frame, preserve_index=False).to_pylist():
        by_key.setdefault(row["merge_key"], []).append(MergeMention(**{f: row[f] for f in MENTION_FIELDS}))
    for key in sorted(by_key):
        events.extend(cluster_mentions(key, by_key[key], params))
    rows = [{**{c: getattr(ev, c) for c in EVENT_COLUMNS}, "mention_ids": ev.mention_ids,
             "month": month_of(ev.event_date)} for ev in events]
    return pa.Table.from_pylist(rows, schema=schema("events")).to_pandas(types_mapper=pd.ArrowDtype)


def merge_dataset(root: str | Path) -> MergeResult:
    """Rebuild DIR/events from DIR/event_mentions and DIR/articles (replacing earlier events)."""
    import shutil

    import dask.dataframe as dd

    root = Path(root)
    params = read_params(root)
    folder = root / "events"
    mention_columns = ["merge_key", *(f for f in MENTION_FIELDS if f not in ARTICLE_FIELDS)]
    if not (root / "event_mentions").exists():
        shutil.rmtree(folder, ignore_errors=True)
        return MergeResult(0, 0, 0, folder)
    mentions = dd.read_parquet(root / "event_mentions", columns=[*mention_columns, "resolved"],
                               filters=[("resolved", "==", 1)], dtype_backend="pyarrow")
    mentions = mentions[mention_columns].drop_duplicates(subset=["id"])  # rows re-written after a crash
    articles = dd.read_parquet(root / "articles", columns=["id", *ARTICLE_FIELDS], dtype_backend="pyarrow")
    articles = articles.drop_duplicates(subset=["id"]).rename(columns={"id": "article_id"})
    joined = mentions.merge(articles, on="article_id", how="inner")  # orphans of a crashed batch drop out
    meta = merge_partition(joined._meta, params)
    events = joined.shuffle("merge_key").map_partitions(merge_partition, params, meta=meta)
    fresh = root / ".events-new"  # written aside, then swapped in: a failed merge keeps the old events
    shutil.rmtree(fresh, ignore_errors=True)
    events.to_parquet(fresh, partition_on=["month"], write_index=False, schema=schema("events"),
                      write_metadata_file=False,  # written by the workers, never collected here
                      compute_kwargs={"scheduler": _scheduler()})
    shutil.rmtree(folder, ignore_errors=True)
    fresh.rename(folder)
    return _summary(folder)


def _scheduler() -> Any:
    """The active distributed client when there is one (`merge --scheduler`), else local threads.

    Explicit, because a closed client can leave Dask's global setting pointing at "distributed"."""
    try:
        from distributed import default_client

        return default_client()
    except (ImportError, ValueError):
        return "threads"


def _summary(folder: Path) -> MergeResult:
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    if not folder.exists() or not any(folder.rglob("*.parquet")):
        return MergeResult(0, 0, 0, folder)
    table = ds.dataset(folder, format="parquet", partitioning="hive").to_table(columns=["merge_key", "num_mentions"])
    return MergeResult(table.num_rows, int(pc.sum(table.column("num_mentions")).as_py() or 0),
                       pc.count_distinct(table.column("merge_key")).as_py(), folder)

__all__ = ["MergeResult", "merge_dataset", "merge_partition"]
