"""Export merged events: GDELT 2.0 TSV (+ mentions), CSV, JSONL and Parquet.

Why these formats: GDELT's 61-column layout lets existing GDELT tooling and habits read our
events unchanged; CSV/JSONL are for spreadsheets and scripts; Parquet (typed, columnar)
opens directly in pandas, DuckDB, Polars and R arrow. The Parquet schema is `PARQUET_SCHEMA`
below and documented in docs/store.md.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from peristiwa.store.base import EventFilter, Store
from peristiwa.store.gdelt import (
    FipsTable,
    GdeltActor,
    GdeltEvent,
    GdeltGeo,
    GdeltMention,
    gdelt_event_row,
    gdelt_mention_row,
)

# Columns of the csv / jsonl / parquet event export, in order.
EVENT_FIELDS: tuple[str, ...] = (
    "id", "global_event_id", "event_date", "event_date_last", "date_granularity", "event_code", "base_code",
    "root_code", "label", "quad_class", "goldstein", "source_code", "source_name", "target_code", "target_name",
    "place_name", "place_country", "place_geonames_id", "place_lat", "place_lon", "num_mentions", "num_sources",
    "num_articles", "avg_tone", "first_seen", "last_seen", "is_root_event", "source_url",
)
MENTION_FIELDS: tuple[str, ...] = (
    "id", "event_id", "global_event_id", "article_id", "doc_id", "url", "outlet", "published", "sentence",
    "event_code", "label", "trigger_text", "trigger_start", "trigger_end", "source_text", "source_start",
    "target_text", "target_start", "event_date", "place_name", "modality", "confidence", "rule",
)


def _parquet_schema() -> Any:
    import pyarrow as pa

    return pa.schema([
        ("id", pa.string()), ("global_event_id", pa.int64()), ("event_date", pa.string()),
        ("event_date_last", pa.string()), ("date_granularity", pa.string()), ("event_code", pa.string()),
        ("base_code", pa.string()), ("root_code", pa.string()), ("label", pa.string()), ("quad_class", pa.int8()),
        ("goldstein", pa.float64()), ("source_code", pa.string()), ("source_name", pa.string()),
        ("target_code", pa.string()), ("target_name", pa.string()), ("place_name", pa.string()),
        ("place_country", pa.string()), ("place_geonames_id", pa.int64()), ("place_lat", pa.float64()),
        ("place_lon", pa.float64()), ("num_mentions", pa.int32()), ("num_sources", pa.int32()),
        ("num_articles", pa.int32()), ("avg_tone", pa.float64()), ("first_seen", pa.date32()),
        ("last_seen", pa.date32()), ("is_root_event", pa.bool_()), ("source_url", pa.string()),
        ("day", pa.date32()),  # event_date as a date when it is day-resolved, else null
    ])


def _day(value: str | None) -> date | None:
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def period_start(value: str | None) -> date | None:
    """The first day of an event date of any granularity: ``2005`` → 2005-01-01, ``2022-02`` →
    2022-02-01, ``2023-W11`` → the Monday of ISO week 11, ``2023-03-20`` → itself.

    Why: GDELT's SQLDATE is the day the event took place and has no field for precision. Falling
    back to the publication date (as 0.1 did) moved "in 2005" to the day the article appeared,
    years later; the first day of the stated period keeps the event inside it, and `MonthYear` and
    `Year` stay exact. Our own `event_date` / `date_granularity` columns keep the real precision.
    """
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date(int(value[:4]), int(value[5:]), 1)
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            return date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
    except ValueError:
        return None
    return _day(value)


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    record = {k: row.get(k) for k in EVENT_FIELDS}
    record["is_root_event"] = bool(record["is_root_event"])
    return record


def to_gdelt_event(row: dict[str, Any]) -> GdeltEvent:
    """A stored event row (from `Store.events`) as a GDELT event."""
    day = period_start(row.get("event_date")) or _day(row.get("first_seen"))
    added = _day(row.get("first_seen")) or day
    return GdeltEvent(
        global_event_id=int(row["global_event_id"]), day=day,
        event_code=row["event_code"], base_code=row["base_code"], root_code=row["root_code"],
        quad_class=int(row["quad_class"] or 0), goldstein=float(row["goldstein"] or 0.0),
        actor1=GdeltActor.from_cameo(row.get("source_code"), row.get("source_name")),
        actor2=GdeltActor.from_cameo(row.get("target_code"), row.get("target_name")),
        is_root_event=bool(row.get("is_root_event")),
        num_mentions=int(row["num_mentions"]), num_sources=int(row["num_sources"]),
        num_articles=int(row["num_articles"]), avg_tone=row.get("avg_tone"),
        action_geo=GdeltGeo.from_place(row.get("place_name"), row.get("place_country"), row.get("place_feature"),
                                       row.get("place_lat"), row.get("place_lon"), row.get("place_geonames_id")),
        date_added=datetime(added.year, added.month, added.day) if added else None,
        source_url=row.get("source_url") or "",
    )


def to_gdelt_mention(row: dict[str, Any]) -> GdeltMention:
    """A stored event mention row (from `Store.event_mentions`) as a GDELT mention."""
    event_day = _day(row.get("merged_event_date"))
    published = _day(row.get("published"))
    return GdeltMention(
        global_event_id=int(row["global_event_id"]),
        event_time=datetime(event_day.year, event_day.month, event_day.day) if event_day else None,
        mention_time=datetime(published.year, published.month, published.day) if published else None,
        source_name=row.get("outlet") or "", identifier=row.get("url") or row.get("doc_id") or "",
        sentence_id=int(row["sentence"]) + 1,
        actor1_offset=row.get("source_start"), actor2_offset=row.get("target_start"),
        action_offset=int(row["trigger_start"]), confidence=float(row.get("confidence") or 1.0),
        doc_len=int(row.get("n_chars") or 0), doc_tone=row.get("tone"),
        extras=f"peristiwa:{row['id']}",
    )


def write_gdelt(rows: Iterable[dict[str, Any]], out: IO[str], fips: FipsTable) -> int:
    n = 0
    for row in rows:
        out.write("\t".join(gdelt_event_row(to_gdelt_event(row), fips)) + "\n")
        n += 1
    return n


def write_gdelt_mentions(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write("\t".join(gdelt_mention_row(to_gdelt_mention(row))) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str], fields: tuple[str, ...] = EVENT_FIELDS) -> int:
    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: row.get(k) for k in fields})
        n += 1
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str], fields: tuple[str, ...] = EVENT_FIELDS) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps({k: row.get(k) for k in fields}, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_parquet(rows: Iterable[dict[str, Any]], path: Path, batch: int = 50_000) -> int:
    """Events as Parquet with `PARQUET_SCHEMA` (written in row groups so memory stays flat)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for chunk in _chunks(rows, batch):
            records = []
            for row in chunk:
                record = event_record(row)
                record["first_seen"] = _day(record["first_seen"])
                record["last_seen"] = _day(record["last_seen"])
                record["day"] = _day(record["event_date"])
                records.append(record)
            writer.write_table(pa.Table.from_pylist(records, schema=schema))
            n += len(records)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def mentions_path(out: Path) -> Path:
    """Where the GDELT mentions table goes next to an events file: events.tsv → events.mentions.tsv."""
    suffix = out.suffix or ".tsv"
    return out.with_name(f"{out.name.removesuffix(out.suffix)}.mentions{suffix}")


def export(store: Store, fmt: str, filters: EventFilter, out: Path | None, stdout: IO[str],
           limit: int | None = None) -> dict[str, Any]:
    """Write the export; returns what was written ({"events": n, "files": [...]})."""
    rows = store.events(filters, limit)
    written: dict[str, Any] = {"files": []}
    if fmt == "parquet":
        if out is None:
            raise ValueError("--format parquet needs --out PATH")
        written["events"] = write_parquet(rows, out)
        written["files"].append(str(out))
        return written
    handle = out.open("w", encoding="utf-8", newline="") if out else stdout
    try:
        if fmt == "gdelt":
            written["events"] = write_gdelt(rows, handle, FipsTable.load())
        elif fmt == "csv":
            written["events"] = write_csv(rows, handle)
        elif fmt == "jsonl":
            written["events"] = write_jsonl(rows, handle)
        else:
            raise ValueError(f"unknown export format {fmt!r}")
    finally:
        if out:
            handle.close()
    if out:
        written["files"].append(str(out))
    if fmt == "gdelt" and out is not None:
        mpath = mentions_path(out)
        with mpath.open("w", encoding="utf-8", newline="") as handle:
            written["mentions"] = write_gdelt_mentions(store.event_mentions(filters), handle)
        written["files"].append(str(mpath))
    return written


__all__ = [
    "EVENT_FIELDS",
    "MENTION_FIELDS",
    "event_record",
    "export",
    "mentions_path",
    "to_gdelt_event",
    "to_gdelt_mention",
    "write_csv",
    "write_gdelt",
    "write_gdelt_mentions",
    "write_jsonl",
    "write_parquet",
]
