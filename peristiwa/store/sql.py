"""The store's SQL, shared by the SQLite and the PostgreSQL backends (see `dialect.py`).

Why one class for both: the merge rule, the write order of a batch and every read query
must mean the same on either database, so they are written once here in the SQL both
understand (`?` parameters, `ON CONFLICT`, `RETURNING`); a backend only opens its
connection, says how a write transaction starts and which errors are the user's fault.
Each batch is one transaction: readers never see half of an article.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from peristiwa.model import Article, Document
from peristiwa.store.base import (
    ACTOR_KEY,
    PERIOD_GRANULARITIES,
    EventFilter,
    IngestRecord,
    Period,
    QueryError,
    StoreCounts,
    period_rows,
)
from peristiwa.store.dialect import Dialect, FtsTable
from peristiwa.store.merge import MergeMention, MergeParams, cluster_mentions
from peristiwa.store.rows import (
    EVENT_COLUMNS,
    EVENT_MENTION_COLUMNS,
    QUOTE_COLUMNS,
    actor_id,
    document_rows,
    event_mention_id,
)

#: the article, URL and sentence of an event's first mention: how `query` leads back to the text
FIRST_MENTION_CONTEXT = (
    ", (SELECT emr.article_id FROM event_mentions_readable emr WHERE emr.event_id = e.id ORDER BY emr.id LIMIT 1)"
    " AS article_id"
    ", (SELECT emr.sentence_text FROM event_mentions_readable emr WHERE emr.event_id = e.id ORDER BY emr.id LIMIT 1)"
    " AS sentence_text "
)


class SQLStore(ABC):
    """`Store` implementation over a DB-API connection (see `peristiwa.store.base.Store`).

    Subclasses set `conn` (rows must allow `row[0]`, `row["name"]` and `dict(row)`), `dialect`,
    `location` (for messages) and `merge_params`, and implement `is_query_error`.
    """

    conn: Any
    dialect: Dialect
    location: str
    merge_params: MergeParams

    @contextmanager
    def write_transaction(self) -> Iterator[None]:
        """One write transaction; only one writer at a time may hold it. BEGIN IMMEDIATE takes SQLite's
        write lock up front (two writers queue instead of failing); the PostgreSQL connection turns it
        into BEGIN plus the store's transaction-scoped advisory lock."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            # SQLite has already rolled back after some errors (a full disk); a second ROLLBACK would
            # replace the real reason with "no transaction is active"
            if getattr(self.conn, "in_transaction", True):
                self.conn.execute("ROLLBACK")
            raise

    @abstractmethod
    def is_query_error(self, exc: Exception) -> bool:
        """True when a failed full-text query is a syntax error in the user's query."""

    # --- settings ---------------------------------------------------------------------
    def settings(self) -> dict[str, str]:
        if not self.conn.execute(self.dialect.table_exists(), ("settings",)).fetchone():
            return {}
        return {r["key"]: r["value"] for r in self.conn.execute("SELECT key, value FROM settings")}

    def _merge_settings(self, requested: MergeParams | None) -> MergeParams:
        """The merge rule is fixed when the database is created; later runs reuse it."""
        stored = self.settings()
        if "merge.code_level" in stored:
            params = MergeParams.from_settings(stored)
            if requested is not None and requested != params:
                raise ValueError(f"{self.location} was built with merge parameters {params}; "
                                 f"cannot ingest with {requested} into it")
            return params
        params = requested or MergeParams()
        self.conn.executemany("INSERT INTO settings(key, value) VALUES (?, ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                              params.to_settings().items())
        return params

    # --- writing ----------------------------------------------------------------------
    def has_content(self, content_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone() \
            is not None

    def update_metadata(self, content_hash: str, article: Article) -> bool:
        values = (article.id, article.url, article.source, article.title,
                  article.published.isoformat() if article.published else None)
        columns = ("doc_id", "url", "outlet", "title", "published")
        changed = " OR ".join(f"(? IS NOT NULL AND ({c} IS NULL OR {c} <> ?))" for c in columns)
        cursor = self.conn.execute(
            f"UPDATE articles SET {', '.join(f'{c} = coalesce(?, {c})' for c in columns)} "
            f"WHERE content_hash = ? AND ({changed})",
            [*values, content_hash, *(v for value in values for v in (value, value))])
        return cursor.rowcount > 0

    def write_batch(self, records: Sequence[IngestRecord]) -> None:
        if not records:
            return
        with self.write_transaction():
            keys: set[str] = set()
            now = datetime.now(UTC).isoformat(timespec="seconds")
            for record in records:
                keys |= self._write_record(record, now)
            self._remerge(sorted(keys))

    def _write_record(self, record: IngestRecord, now: str) -> set[str]:
        article, doc = record.article, record.doc
        text = article.text if article else None
        row = self.conn.execute(
            "INSERT INTO articles(doc_id, content_hash, origin, url, outlet, title, published, language, "
            "detected_language, language_score, status, error, text, n_chars, tone, warnings, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(content_hash) DO NOTHING RETURNING id",
            (article.id if article else None, record.content_hash, record.origin,
             article.url if article else None, article.source if article else None,
             article.title if article else None,
             article.published.isoformat() if article and article.published else None,
             article.language if article else None, record.detected_language, record.language_score,
             record.status, record.error, text, len(text) if text is not None else None,
             doc.tone if doc else None, json.dumps(doc.warnings, ensure_ascii=False) if doc and doc.warnings
             else None, now)).fetchone()
        if row is None:
            return set()  # a concurrent writer stored the same text after our has_content(): already stored
        if doc is None or record.status != "done":
            return set()
        return self._write_document(int(row[0]), record.content_hash, doc)

    def _write_document(self, article_id: int, content_hash: str, doc: Document) -> set[str]:
        conn = self.conn
        rows = document_rows(article_id, content_hash, doc, self.merge_params.code_level)
        conn.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?)", rows.sentences)
        conn.executemany("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                         list(rows.actors.values()))
        conn.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.mentions)
        conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.places)
        conn.executemany("INSERT INTO time_refs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.times)
        conn.executemany(
            f"INSERT INTO quotes({', '.join(QUOTE_COLUMNS)}) VALUES ({', '.join(['?'] * len(QUOTE_COLUMNS))})",
            rows.quotes)
        conn.executemany(
            "INSERT INTO event_mentions VALUES (" + ", ".join(["?"] * len(EVENT_MENTION_COLUMNS)) + ", NULL)",
            rows.event_mentions)
        return rows.keys

    def _remerge(self, keys: Sequence[str]) -> None:
        """Recompute the events of every touched merge key from all of its mentions."""
        for key in keys:
            rows = self.conn.execute(
                "SELECT em.id, em.article_id, em.sentence, em.event_code, em.base_code, em.root_code, "
                "em.quad_class, em.goldstein, em.source_actor_id, em.target_actor_id, em.merge_date, "
                "em.place_name, em.place_country, em.place_geonames_id, em.place_lat, em.place_lon, "
                "em.place_feature, a.outlet, a.tone, a.published, a.url "
                "FROM event_mentions em JOIN articles a ON a.id = em.article_id "
                "WHERE em.merge_key = ? AND em.resolved = 1", (key,)).fetchall()
            merged = cluster_mentions(key, [MergeMention(*row) for row in rows], self.merge_params)
            self.conn.execute("DELETE FROM events WHERE merge_key = ?", (key,))
            self.conn.executemany(
                f"INSERT INTO events({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join(['?'] * len(EVENT_COLUMNS))})",
                [tuple(getattr(ev, c) for c in EVENT_COLUMNS) for ev in merged])
            self.conn.executemany("UPDATE event_mentions SET event_id = ? WHERE id = ?",
                                  [(ev.id, mid) for ev in merged for mid in ev.mention_ids])

    def remerge_all(self) -> int:
        """Rebuild every event from its mentions (after changing code or to check consistency)."""
        keys = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT merge_key FROM event_mentions WHERE merge_key IS NOT NULL ORDER BY 1")]
        with self.write_transaction():
            self._remerge(keys)
        return len(keys)

    # --- reading ----------------------------------------------------------------------
    def where_clause(self, f: EventFilter) -> tuple[str, list[Any]]:
        """SQL WHERE clause (with `?` parameters) over `events_readable` for a filter; public so that
        other front ends (the web app) mean exactly what `peristiwa query` means."""
        self._check_fts(f.text)
        clauses: list[str] = []
        params: list[Any] = []

        def side(value: str, columns: Sequence[tuple[str, str]]) -> None:
            parts = []
            for code_col, actor_col in columns:
                parts.append(f"{code_col} LIKE ?")
                params.append(value.upper() + "%")
                parts.append(f"{actor_col} IN (SELECT id FROM actors WHERE name LIKE ? OR kb_id = ?)")
                params.extend([f"%{value}%", value])
            clauses.append("(" + " OR ".join(parts) + ")")

        if f.actor:
            side(f.actor, [("e.source_code", "e.source_actor_id"), ("e.target_code", "e.target_actor_id")])
        if f.source:
            side(f.source, [("e.source_code", "e.source_actor_id")])
        if f.target:
            side(f.target, [("e.target_code", "e.target_actor_id")])
        if f.code:
            clauses.append("e.event_code LIKE ?")
            params.append(f.code + "%")
        if f.quad is not None:
            clauses.append("e.quad_class = ?")
            params.append(f.quad)
        if f.date_from:
            clauses.append("e.event_date >= ?")
            params.append(f.date_from.isoformat())
        if f.date_to:
            clauses.append("substr(e.event_date, 1, 10) <= ?")
            params.append(f.date_to.isoformat())
        if f.country:
            c = f.country.upper()
            clauses.append("(e.place_country = ? OR substr(e.source_code, 1, 3) = ? "
                           "OR substr(e.target_code, 1, 3) = ?)")
            params.extend([c, c, c])
        if f.place:
            clauses.append("(e.place_name LIKE ? OR e.id IN (SELECT event_id FROM event_mentions "
                           "WHERE place_name LIKE ? AND event_id IS NOT NULL))")
            params.extend([f"%{f.place}%", f"%{f.place}%"])
        if f.text:
            clauses.append(
                "e.id IN (SELECT event_id FROM event_mentions WHERE event_id IS NOT NULL AND article_id IN "
                f"({self.dialect.fts_ids('articles')} "
                f"UNION SELECT article_id FROM quotes WHERE id IN ({self.dialect.fts_ids('quotes')})))")
            params.extend([self.dialect.fts_param(f.text)] * 2)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _check_fts(self, query: str | None) -> None:
        """Run the FTS query alone first, so a syntax error reads as the user's mistake."""
        if not query:
            return
        self.check_fts("articles", query, "--text query")

    def check_fts(self, table: FtsTable, query: str, what: str = "full-text query") -> None:
        """Raise QueryError when `query` is not valid full-text syntax for this backend."""
        try:
            self.conn.execute(f"{self.dialect.fts_ids(table)} LIMIT 1", (self.dialect.fts_param(query),)).fetchall()
        except QueryError:
            raise
        except Exception as exc:
            if not self.is_query_error(exc):
                raise
            raise QueryError(f"invalid {what} {query!r}: {exc} ({self.dialect.syntax_help})") from exc

    def _run(self, sql: str, params: Sequence[Any]) -> Iterator[Any]:
        yield from self.conn.execute(sql, params)

    def events(self, filters: EventFilter, limit: int | None = None, *, context: bool = False
               ) -> Iterator[dict[str, Any]]:
        where, params = self.where_clause(filters)
        sql = (
            "SELECT e.*, sa.name AS source_name, ta.name AS target_name, "
            "(SELECT em.label FROM event_mentions em WHERE em.event_id = e.id AND em.event_code = e.event_code "
            " ORDER BY em.id LIMIT 1) AS label "
            f"{FIRST_MENTION_CONTEXT if context else ''}"
            "FROM events e LEFT JOIN actors sa ON sa.id = e.source_actor_id "
            f"LEFT JOIN actors ta ON ta.id = e.target_actor_id{where} "
            "ORDER BY e.event_date DESC NULLS LAST, e.num_mentions DESC, e.id")
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, limit]
        for row in self._run(sql, params):
            yield dict(row)

    def event_mentions(self, filters: EventFilter, limit: int | None = None) -> Iterator[dict[str, Any]]:
        where, params = self.where_clause(filters)
        sql = (
            "SELECT em.*, e.global_event_id, e.event_date AS merged_event_date, a.url, a.outlet, a.published, "
            "a.tone, a.n_chars, a.doc_id, a.ingested_at "
            "FROM event_mentions em JOIN events e ON e.id = em.event_id JOIN articles a ON a.id = em.article_id"
            f"{where} ORDER BY e.event_date DESC NULLS LAST, e.id, em.id")
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, limit]
        for row in self._run(sql, params):
            yield dict(row)

    def stats(self, filters: EventFilter, top: int = 20, period: Period = "day") -> dict[str, Any]:
        where, params = self.where_clause(filters)
        base = f"FROM events e{where}"

        def rows(sql: str) -> list[dict[str, Any]]:
            return [dict(r) for r in self._run(sql, params)]

        counts = self.counts()
        return {
            "totals": {
                **{f"articles_{k}": v for k, v in counts.articles.items()},
                "events": rows(f"SELECT count(*) AS n {base}")[0]["n"],
                "resolved_mentions": rows(f"SELECT coalesce(sum(e.num_mentions), 0) AS n {base}")[0]["n"],
            },
            "store": counts.as_dict(),
            "by_root": rows(f"SELECT e.root_code, count(*) AS events, sum(e.num_mentions) AS mentions {base} "
                            "GROUP BY e.root_code ORDER BY e.root_code"),
            "by_actor_pair": rows(
                f"SELECT coalesce(e.source_code, '') AS source_code, coalesce(e.target_code, '') AS target_code, "
                f"count(*) AS events, sum(e.num_mentions) AS mentions {base} "
                f"GROUP BY 1, 2 ORDER BY events DESC, mentions DESC, 1, 2 LIMIT {int(top)}"),
            "period": period,
            "by_period": self.timeline(filters, period),
        }

    def timeline(self, filters: EventFilter, period: Period = "day") -> list[dict[str, Any]]:
        where, params = self.where_clause(filters)
        granularities = PERIOD_GRANULARITIES[period]
        length = 7 if period == "month" else 10
        sql = (f"SELECT substr(e.event_date, 1, {length}), e.quad_class, count(*), sum(e.num_mentions) "
               f"FROM events e{where}{' AND' if where else ' WHERE'} "
               f"e.date_granularity IN ({', '.join('?' * len(granularities))}) GROUP BY 1, 2 ORDER BY 1, 2")
        return period_rows((tuple(r) for r in self._run(sql, [*params, *granularities])), period)

    def event(self, ref: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM events_readable WHERE id = ? OR CAST(global_event_id AS TEXT) = ?",
                                (ref, ref)).fetchone()
        if row is None:
            return None
        result = dict(row)
        result["mentions"] = [dict(r) for r in self.conn.execute(
            "SELECT emr.*, a.url, a.title FROM event_mentions_readable emr JOIN articles a ON a.id = emr.article_id "
            "WHERE emr.event_id = ? ORDER BY emr.id", (result["id"],))]
        return result

    def counts(self) -> StoreCounts:
        c = StoreCounts()
        c.articles = {r[0]: r[1] for r in self.conn.execute(
            "SELECT status, count(*) FROM articles GROUP BY status ORDER BY status")}
        c.event_mentions, c.resolved_mentions = self.conn.execute(
            "SELECT count(*), coalesce(sum(resolved), 0) FROM event_mentions").fetchone()
        c.events = self.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        c.actors = self.conn.execute(f"SELECT count(DISTINCT {ACTOR_KEY.format(a='a')}) FROM actors a").fetchone()[0]
        return c

    def article(self, ref: str) -> dict[str, Any] | None:
        row = None
        if ref.isdigit():
            row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (int(ref),)).fetchone()
        if row is None:
            row = self.conn.execute("SELECT * FROM articles WHERE doc_id = ? ORDER BY id LIMIT 1", (ref,)).fetchone()
        if row is None and len(ref) >= 6:
            row = self.conn.execute("SELECT * FROM articles WHERE content_hash LIKE ? ORDER BY id LIMIT 1",
                                    (ref + "%",)).fetchone()
        if row is None:
            return None
        aid = row["id"]
        result = dict(row)

        def table(sql: str) -> list[dict[str, Any]]:
            return [dict(r) for r in self.conn.execute(sql, (aid,))]

        result["sentences"] = table("SELECT idx, start_char, end_char FROM sentences WHERE article_id = ? ORDER BY idx")
        result["mentions"] = table(
            "SELECT m.idx, m.sentence, m.start_char, m.end_char, m.surface, m.type, m.kind, m.rule, m.confidence, "
            "a.name AS actor_name, a.code AS actor_code, a.kb_id FROM mentions m "
            "LEFT JOIN actors a ON a.id = m.actor_id WHERE m.article_id = ? ORDER BY m.idx")
        result["places"] = table("SELECT * FROM places WHERE article_id = ? ORDER BY idx")
        result["time_refs"] = table("SELECT * FROM time_refs WHERE article_id = ? ORDER BY idx")
        result["quotes"] = table(
            "SELECT q.idx, q.sentence, q.start_char, q.end_char, q.text, q.kind, q.evidence_text, q.rule, "
            "a.name AS speaker_name, a.code AS speaker_code FROM quotes q "
            "LEFT JOIN actors a ON a.id = q.speaker_actor_id WHERE q.article_id = ? ORDER BY q.idx")
        result["event_mentions"] = table(
            "SELECT em.id, em.event_id, em.sentence, em.event_code, em.label, em.trigger_text, "
            "sa.name AS source_name, sa.code AS source_code, ta.name AS target_name, ta.code AS target_code, "
            "em.event_date, em.place_name, em.modality, em.negated, em.resolved, em.rule "
            "FROM event_mentions em LEFT JOIN actors sa ON sa.id = em.source_actor_id "
            "LEFT JOIN actors ta ON ta.id = em.target_actor_id WHERE em.article_id = ? ORDER BY em.idx")
        return result

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["FIRST_MENTION_CONTEXT", "SQLStore", "actor_id", "event_mention_id"]
