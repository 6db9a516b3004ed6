"""Render query results, statistics and one article's extraction for people and scripts.

Backend-agnostic: everything here works on the plain dicts a `Store` returns, so the CLI
shows the same thing whatever database is behind it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.table import Table

QUERY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_date", "date"), ("event_code", "code"), ("label", "event"), ("source_code", "source"),
    ("source_name", "source name"), ("target_code", "target"), ("target_name", "target name"),
    ("place_name", "place"), ("num_mentions", "mentions"), ("num_sources", "sources"),
    ("num_articles", "articles"), ("id", "event id"), ("article_id", "article"), ("source_url", "url"),
    ("sentence_text", "sentence"),
)
QUERY_FIELDS = ("id", "global_event_id", "event_date", "event_code", "label", "quad_class", "goldstein",
                "source_code", "source_name", "target_code", "target_name", "place_name", "place_country",
                "num_mentions", "num_sources", "num_articles", "avg_tone", "first_seen", "last_seen", "source_url",
                "article_id", "sentence_text")


def _console(out: IO[str]) -> Console:
    """A console on `out`; wide when not a terminal so piped tables are not folded to 80 columns."""
    tty = hasattr(out, "isatty") and out.isatty()
    return Console(file=out, width=None if tty else 200)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _rows_table(name: str, cols: tuple[str, ...], rows: list[dict[str, Any]]) -> Table:
    """A titled table of `rows` (dicts) showing `cols`; long cells fold instead of being cut."""
    table = Table(title=f"{name} ({len(rows)})", header_style="bold")
    for col in cols:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in cols])
    return table


def render_events(rows: Iterable[dict[str, Any]], fmt: str, out: IO[str], console: Console | None = None) -> int:
    """Events as a Rich table, CSV or JSONL; returns the number of rows."""
    n = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(QUERY_FIELDS)
        for row in rows:
            writer.writerow([row.get(k) for k in QUERY_FIELDS])
            n += 1
        return n
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({k: row.get(k) for k in QUERY_FIELDS}, ensure_ascii=False) + "\n")
            n += 1
        return n
    table = Table(show_lines=False, header_style="bold")
    for _, title in QUERY_COLUMNS:
        table.add_column(title, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(row.get(k)) for k, _ in QUERY_COLUMNS])
        n += 1
    (console or _console(out)).print(table)
    return n


def render_stats(stats: dict[str, Any], fmt: str, out: IO[str], labels: dict[str, str] | None = None,
                 console: Console | None = None) -> None:
    """Totals (filtered, then the whole store's) and counts by root code, actor pair and period."""
    labels = labels or {}
    if fmt == "json":
        out.write(json.dumps(stats, ensure_ascii=False, indent=2) + "\n")
        return
    console = console or _console(out)
    totals = Table(title="totals", header_style="bold")
    totals.add_column("what")
    totals.add_column("count", justify="right")
    for key, value in stats["totals"].items():
        totals.add_row(key.replace("_", " "), str(value))
    for key, value in stats["store"].items():
        if key != "articles":
            totals.add_row(f"{key.replace('_', ' ')} (whole store)", str(value))
    console.print(totals)
    roots = Table(title="events by root code", header_style="bold")
    for col in ("root", "label", "events", "mentions"):
        roots.add_column(col, justify="right" if col in ("events", "mentions") else "left")
    for row in stats["by_root"]:
        roots.add_row(row["root_code"], labels.get(row["root_code"], ""), str(row["events"]), str(row["mentions"]))
    console.print(roots)
    pairs = Table(title="events by actor pair (top)", header_style="bold")
    for col in ("source", "target", "events", "mentions"):
        pairs.add_column(col)
    for row in stats["by_actor_pair"]:
        pairs.add_row(row["source_code"], row["target_code"], str(row["events"]), str(row["mentions"]))
    console.print(pairs)
    period = stats.get("period", "day")
    series = Table(title=f"events by {period} and QuadClass", header_style="bold")
    for col in (period, "events", "mentions", "Q1", "Q2", "Q3", "Q4"):
        series.add_column(col, justify="left" if col == period else "right")
    for row in stats["by_period"]:
        series.add_row(row["period"], *(str(row[k]) for k in ("events", "mentions", "q1", "q2", "q3", "q4")))
    console.print(series)


def render_event(event: dict[str, Any], fmt: str, out: IO[str], console: Console | None = None) -> None:
    """One merged event and every mention of it, each with its article id, URL and sentence."""
    if fmt == "json":
        out.write(json.dumps(event, ensure_ascii=False, indent=2) + "\n")
        return
    console = console or _console(out)
    console.print(f"[bold]event {event['id']}[/] {event.get('event_code')} {event.get('label') or ''}  "
                  f"{event.get('source_code') or '-'} → {event.get('target_code') or '-'}  "
                  f"date={event.get('event_date') or '?'}", highlight=False)
    cols = ("article_id", "doc_id", "published", "url", "sentence", "trigger_text", "rule", "sentence_text")
    console.print(_rows_table("mentions", cols, event["mentions"]))


def render_article(article: dict[str, Any], fmt: str, out: IO[str], console: Console | None = None) -> None:
    """One article's stored extraction: metadata, then events, actors, places, dates and quotes."""
    if fmt == "json":
        out.write(json.dumps(article, ensure_ascii=False, indent=2) + "\n")
        return
    console = console or _console(out)
    console.print(f"[bold]article {article['id']}[/] {article.get('doc_id') or ''}  status={article['status']}"
                  + (f"  error={article['error']}" if article.get("error") else ""), highlight=False)
    for key in ("title", "url", "outlet", "published", "language", "origin", "content_hash"):
        if article.get(key):
            console.print(f"  {key}: {article[key]}", highlight=False, markup=False)
    sections: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("event_mentions", ("sentence", "event_code", "label", "source_name", "source_code", "trigger_text",
                            "target_name", "target_code", "event_date", "place_name", "resolved", "event_id")),
        ("mentions", ("sentence", "surface", "type", "kind", "actor_name", "actor_code", "rule")),
        ("places", ("sentence", "surface", "name", "country", "lat", "lon", "rule")),
        ("time_refs", ("sentence", "surface", "value", "granularity", "rule")),
        ("quotes", ("sentence", "kind", "speaker_name", "text")),
    )
    for name, cols in sections:
        rows = article.get(name) or []
        if rows:
            console.print(_rows_table(name, cols, rows))


__all__ = ["QUERY_FIELDS", "render_article", "render_event", "render_events", "render_stats"]
