"""Read-only queries the web app needs beyond `SQLiteStore`: pages, actors, quotes, graphs, maps.

Why a module of its own: the store answers the CLI's questions (filtered events, stats by
day, one article); the web app also needs pagination with totals, actor profiles, quotes,
actor-pair graphs and map points. Every statement here is a constant string with `?`
parameters; the only variable pieces are fragments picked from fixed tables in this file
(never text from a request), so nothing a user sends can change the SQL.

Event filters reuse `SQLiteStore.where_clause`, so `/api/events?actor=RUS` means exactly what
`peristiwa query --actor RUS` means.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from peristiwa.store.base import ACTOR_KEY, PERIODS, EventFilter, Period, QueryError
from peristiwa.store.sqlite import SQLiteStore

# Actor identity in the web app (ACTOR_KEY): the KB id when linked, else "name:<name>" (unlinked actors).
_KEY_SA = ACTOR_KEY.format(a="sa")
_KEY_TA = ACTOR_KEY.format(a="ta")
_KEY_A = ACTOR_KEY.format(a="a")

_EVENT_SELECT = (
    "SELECT e.id, e.global_event_id, e.event_date, e.event_date_last, e.date_granularity, e.event_code, "
    "e.base_code, e.root_code, e.quad_class, e.goldstein, e.source_code, e.target_code, "
    "sa.name AS source_name, ta.name AS target_name, "
    f"{_KEY_SA} AS source_key, {_KEY_TA} AS target_key, "
    "e.place_name, e.place_country, e.place_lat, e.place_lon, e.num_mentions, e.num_sources, e.num_articles, "
    "e.avg_tone, e.first_seen, e.last_seen, e.source_url, e.first_article_id, "
    "(SELECT em.label FROM event_mentions em WHERE em.event_id = e.id AND em.event_code = e.event_code "
    " ORDER BY em.id LIMIT 1) AS label "
    "FROM events e LEFT JOIN actors sa ON sa.id = e.source_actor_id "
    "LEFT JOIN actors ta ON ta.id = e.target_actor_id")


@dataclass(frozen=True, slots=True)
class Page:
    """One page of results plus the total, so clients can paginate without guessing."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


# One event mention with its provenance: shared by the event page and the annotated article view.
_MENTION_COLUMNS = (
    "em.id, em.idx, em.event_id, em.article_id, em.sentence, em.event_code, em.label, em.quad_class, "
    "em.goldstein, em.plover_type, em.trigger_start, em.trigger_end, em.trigger_text, "
    "sa.name AS source_name, sa.code AS source_code, em.source_text, em.source_start, em.source_end, "
    "ta.name AS target_name, ta.code AS target_code, em.target_text, em.target_start, em.target_end, "
    "em.event_date, em.place_name, em.modality, em.negated, em.resolved, em.lexicon_id, em.rule, em.confidence")
_MENTION_JOINS = ("event_mentions em LEFT JOIN actors sa ON sa.id = em.source_actor_id "
                  "LEFT JOIN actors ta ON ta.id = em.target_actor_id")


@dataclass(frozen=True, slots=True)
class GraphFilter:
    """What the network and map pages filter on (event date range, root codes, minimum mentions)."""

    date_from: date | None = None
    date_to: date | None = None
    roots: tuple[str, ...] = ()
    min_mentions: int = 1
    quad: int | None = None
    actor: str | None = None
    generic: bool = False  # network only: also draw generic and unresolved actors (`GENERIC_ACTOR`)


# Noise in an actor graph: an actor with no KB id that is unresolved (no CAMEO code), code-only (its
# name is its code, e.g. "IDN"), or a single word that is not a place ("pemerintah", "Polisi",
# "Dialog"): role nouns and sentence-initial common nouns that the coder could not tie to anyone.
# Such nodes collect edges from unrelated stories and hide the real actors (docs/web.md, "Network").
GENERIC_ACTOR = ("({a}.kb_id IS NULL AND ({a}.code IS NULL OR {a}.code = '' OR {a}.name = {a}.code "
                 "OR ({a}.name NOT LIKE '% %' AND coalesce({a}.type, '') <> 'LOC')))")


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    return [dict(r) for r in cursor]


def actor_ids_sql(key: str) -> tuple[str, tuple[Any, ...]]:
    """SQL (a sub-select of actor row ids) and parameters for one web actor key."""
    if key.startswith("name:"):
        return "SELECT id FROM actors WHERE kb_id IS NULL AND name = ?", (key[5:],)
    return "SELECT id FROM actors WHERE kb_id = ?", (key,)


class WebQueries:
    """All reads of the web app over one read-only connection (open one per request or thread)."""

    def __init__(self, db: str | Path) -> None:
        self.store = SQLiteStore(db, readonly=True)
        # FastAPI opens a request's dependencies, runs the endpoint and closes them on different pool
        # threads (one after the other, never at once), so the connection must not be bound to its
        # creating thread. SQLiteStore has no switch for that, hence the swap of its read-only connection.
        self.store.conn.close()
        self.store.conn = sqlite3.connect(f"file:{Path(db)}?mode=ro", uri=True, isolation_level=None,
                                          check_same_thread=False)
        self.store.conn.row_factory = sqlite3.Row
        self.conn = self.store.conn

    def close(self) -> None:
        self.store.close()

    # --- events -------------------------------------------------------------------------
    def where(self, f: EventFilter) -> tuple[str, list[Any]]:
        """The store's own filter clause (raises QueryError for a bad FTS query)."""
        return self.store.where_clause(f)

    def count_events(self, f: EventFilter) -> int:
        where, params = self.where(f)
        return self.conn.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()[0]

    def events_page(self, f: EventFilter, limit: int, offset: int) -> Page:
        where, params = self.where(f)
        total = self.count_events(f)
        items = _rows(self.conn.execute(
            f"{_EVENT_SELECT}{where} ORDER BY e.event_date DESC, e.num_mentions DESC, e.id LIMIT ? OFFSET ?",
            [*params, limit, offset]))
        return Page(total, limit, offset, items)

    def event(self, event_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(f"{_EVENT_SELECT} WHERE e.id = ?", (event_id,)).fetchone()
        if row is None and event_id.isdigit():
            row = self.conn.execute(f"{_EVENT_SELECT} WHERE e.global_event_id = ?", (int(event_id),)).fetchone()
        if row is None:
            return None
        event = dict(row)
        event["mentions"] = self.event_mentions(event["id"])
        return event

    def event_mentions(self, event_id: str) -> list[dict[str, Any]]:
        """Every sentence-level mention of one event, with its full provenance and sentence text."""
        return _rows(self.conn.execute(
            f"SELECT {_MENTION_COLUMNS}, a.title AS article_title, a.outlet, a.published, a.url, em.plover_mode, "
            "s.start_char AS sentence_start, "
            "substr(a.text, s.start_char + 1, s.end_char - s.start_char) AS sentence_text "
            f"FROM {_MENTION_JOINS} JOIN articles a ON a.id = em.article_id "
            "LEFT JOIN sentences s ON s.article_id = em.article_id AND s.idx = em.sentence "
            "WHERE em.event_id = ? ORDER BY a.published, em.article_id, em.idx", (event_id,)))

    # --- articles -----------------------------------------------------------------------
    def articles_page(self, q: str | None, status: str | None, limit: int, offset: int) -> Page:
        clauses: list[str] = []
        params: list[Any] = []
        if q:
            self._check_fts("articles_fts", q)
            clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(q)
        if status:
            clauses.append("a.status = ?")
            params.append(status)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        total = self.conn.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0]
        items = _rows(self.conn.execute(
            "SELECT a.id, a.doc_id, a.title, a.published, a.outlet, a.url, a.status, a.error, a.language, "
            "a.n_chars, (SELECT count(*) FROM event_mentions em WHERE em.article_id = a.id) AS n_event_mentions "
            f"FROM articles a{where} ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset]))
        return Page(total, limit, offset, items)

    def article_events(self, article_id: int) -> list[dict[str, Any]]:
        """Every event mention of an article with spans, actors and provenance (for the annotated view)."""
        return _rows(self.conn.execute(
            f"SELECT {_MENTION_COLUMNS} FROM {_MENTION_JOINS} WHERE em.article_id = ? ORDER BY em.idx",
            (article_id,)))

    def article_mentions(self, article_id: int) -> list[dict[str, Any]]:
        return _rows(self.conn.execute(
            "SELECT m.idx, m.start_char, m.end_char, m.surface, m.type, m.kind, m.rule, a.name AS actor_name, "
            f"a.code AS actor_code, a.kb_id, CASE WHEN a.id IS NULL THEN NULL ELSE {_KEY_A} END AS actor_key "
            "FROM mentions m LEFT JOIN actors a ON a.id = m.actor_id WHERE m.article_id = ? ORDER BY m.idx",
            (article_id,)))

    def article_quotes(self, article_id: int) -> list[dict[str, Any]]:
        return _rows(self.conn.execute(
            "SELECT q.idx, q.start_char, q.end_char, q.text, q.kind, q.evidence_text, q.rule, "
            f"a.name AS speaker_name, a.code AS speaker_code, CASE WHEN a.id IS NULL THEN NULL ELSE {_KEY_A} END "
            "AS speaker_key FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_actor_id "
            "WHERE q.article_id = ? ORDER BY q.idx", (article_id,)))

    # --- actors -------------------------------------------------------------------------
    def actors_page(self, q: str | None, limit: int, offset: int) -> Page:
        """Actors grouped by identity (KB id, else name), most mentioned first."""
        clauses, params = "", []
        if q:
            clauses = " WHERE (a.name LIKE ? OR a.code LIKE ? OR a.kb_id = ?)"
            params = [f"%{q}%", q.upper() + "%", q]
        grouped = (
            f"SELECT {_KEY_A} AS key, max(a.name) AS name, group_concat(DISTINCT a.code) AS codes, "
            "max(a.type) AS type, max(a.kb_id) AS kb_id, max(a.country) AS country, count(m.actor_id) AS mentions "
            f"FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id{clauses} GROUP BY key")
        total = self.conn.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0]
        items = _rows(self.conn.execute(f"{grouped} ORDER BY mentions DESC, name LIMIT ? OFFSET ?",
                                        [*params, limit, offset]))
        return Page(total, limit, offset, items)

    def actor(self, key: str) -> dict[str, Any] | None:
        """One actor's profile from the store: names and codes seen, role over time, counts."""
        ids_sql, ids = actor_ids_sql(key)
        rows = _rows(self.conn.execute(
            f"SELECT id, kb_id, name, type, code, country, role, title FROM actors WHERE id IN ({ids_sql})", ids))
        if not rows:
            return None
        roles = _rows(self.conn.execute(
            "SELECT a.code, a.role, a.title, min(ar.published) AS first, max(ar.published) AS last, "
            "count(*) AS mentions FROM mentions m JOIN actors a ON a.id = m.actor_id "
            f"JOIN articles ar ON ar.id = m.article_id WHERE m.actor_id IN ({ids_sql}) "
            "GROUP BY a.code, a.role, a.title ORDER BY first, a.code", ids))
        counts = self.conn.execute(
            f"SELECT (SELECT count(*) FROM mentions WHERE actor_id IN ({ids_sql})), "
            f"(SELECT count(*) FROM events WHERE source_actor_id IN ({ids_sql})), "
            f"(SELECT count(*) FROM events WHERE target_actor_id IN ({ids_sql})), "
            f"(SELECT count(*) FROM quotes WHERE speaker_actor_id IN ({ids_sql}))", ids * 4).fetchone()
        return {
            "key": key, "name": rows[0]["name"], "kb_id": rows[0]["kb_id"], "type": rows[0]["type"],
            "country": rows[0]["country"], "variants": rows, "roles_seen": roles,
            "counts": {"mentions": counts[0], "events_as_source": counts[1], "events_as_target": counts[2],
                       "quotes": counts[3]},
        }

    def actor_events(self, key: str, side: str, limit: int, offset: int = 0) -> Page:
        """Events where the actor is the source (`side="source"`) or the target."""
        ids_sql, ids = actor_ids_sql(key)
        column = {"source": "e.source_actor_id", "target": "e.target_actor_id"}[side]
        total = self.conn.execute(f"SELECT count(*) FROM events e WHERE {column} IN ({ids_sql})", ids).fetchone()[0]
        items = _rows(self.conn.execute(
            f"{_EVENT_SELECT} WHERE {column} IN ({ids_sql}) ORDER BY e.event_date DESC, e.id LIMIT ? OFFSET ?",
            [*ids, limit, offset]))
        return Page(total, limit, offset, items)

    def counterparts(self, key: str, limit: int = 20) -> list[dict[str, Any]]:
        """Who the actor acts on and is acted on by: event counts and mean Goldstein per counterpart."""
        ids_sql, ids = actor_ids_sql(key)
        out: dict[str, dict[str, Any]] = {}
        for side, mine, other in (("as_source", "source_actor_id", "ta"), ("as_target", "target_actor_id", "sa")):
            join = "e.target_actor_id" if other == "ta" else "e.source_actor_id"
            sql = (f"SELECT {ACTOR_KEY.format(a=other)} AS key, max({other}.name) AS name, "
                   f"max({other}.code) AS code, count(*) AS n, sum(e.goldstein) AS g FROM events e "
                   f"JOIN actors {other} ON {other}.id = {join} WHERE e.{mine} IN ({ids_sql}) GROUP BY 1")
            for row in self.conn.execute(sql, ids):
                item = out.setdefault(row["key"], {"key": row["key"], "name": row["name"], "code": row["code"],
                                                   "as_source": 0, "as_target": 0, "goldstein_sum": 0.0})
                item[side] += row["n"]
                item["goldstein_sum"] += row["g"] or 0.0
        result = []
        for item in out.values():
            total = item["as_source"] + item["as_target"]
            result.append({**{k: v for k, v in item.items() if k != "goldstein_sum"}, "events": total,
                           "mean_goldstein": round(item["goldstein_sum"] / total, 2) if total else None})
        result.sort(key=lambda r: (-r["events"], r["name"] or ""))
        return result[:limit]

    def goldstein_series(self, key: str, counterpart: str) -> list[dict[str, Any]]:
        """Mean Goldstein by month of the events between two actors (either direction)."""
        a_sql, a_ids = actor_ids_sql(key)
        b_sql, b_ids = actor_ids_sql(counterpart)
        return _rows(self.conn.execute(
            "SELECT substr(e.event_date, 1, 7) AS month, count(*) AS events, round(avg(e.goldstein), 2) AS goldstein "
            f"FROM events e WHERE e.event_date IS NOT NULL AND ((e.source_actor_id IN ({a_sql}) AND "
            f"e.target_actor_id IN ({b_sql})) OR (e.source_actor_id IN ({b_sql}) AND e.target_actor_id IN ({a_sql}))) "
            "GROUP BY month ORDER BY month", [*a_ids, *b_ids, *b_ids, *a_ids]))

    # --- quotes -------------------------------------------------------------------------
    def quotes_page(self, q: str | None, speaker: str | None, limit: int, offset: int,
                    speaker_key: str | None = None) -> Page:
        clauses: list[str] = []
        params: list[Any] = []
        if q:
            self._check_fts("quotes_fts", q)
            clauses.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            params.append(q)
        if speaker:
            clauses.append("q.speaker_actor_id IN (SELECT id FROM actors WHERE name LIKE ? OR code LIKE ? "
                           "OR kb_id = ?)")
            params.extend([f"%{speaker}%", speaker.upper() + "%", speaker])
        if speaker_key:
            ids_sql, ids = actor_ids_sql(speaker_key)
            clauses.append(f"q.speaker_actor_id IN ({ids_sql})")
            params.extend(ids)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        total = self.conn.execute(f"SELECT count(*) FROM quotes q{where}", params).fetchone()[0]
        items = _rows(self.conn.execute(
            "SELECT q.id, q.article_id, q.idx, q.text, q.kind, q.evidence_text, q.start_char, q.end_char, q.rule, "
            f"sp.name AS speaker_name, sp.code AS speaker_code, CASE WHEN sp.id IS NULL THEN NULL ELSE "
            f"{ACTOR_KEY.format(a='sp')} END AS speaker_key, ar.title AS article_title, ar.published "
            "FROM quotes q LEFT JOIN actors sp ON sp.id = q.speaker_actor_id JOIN articles ar ON ar.id = q.article_id"
            f"{where} ORDER BY ar.published DESC, q.id DESC LIMIT ? OFFSET ?", [*params, limit, offset]))
        return Page(total, limit, offset, items)

    def _check_fts(self, table: str, q: str) -> None:
        """Run an FTS5 query alone so a syntax error reads as the user's mistake (QueryError → 400)."""
        sql = {"articles_fts": "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1",
               "quotes_fts": "SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT 1"}[table]
        try:
            self.conn.execute(sql, (q,)).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"invalid full-text query {q!r}: {exc} (SQLite FTS5 syntax: words, "
                             f'"phrases", OR, NOT, prefix*)') from exc

    def search_articles(self, q: str, limit: int) -> list[dict[str, Any]]:
        """Full-text hits with a highlighted snippet (FTS5 `snippet`, markers replaced when rendering)."""
        self._check_fts("articles_fts", q)
        return _rows(self.conn.execute(
            "SELECT a.id, a.title, a.published, a.outlet, "
            "snippet(articles_fts, 1, char(2), char(3), ' … ', 16) AS snippet "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? "
            "ORDER BY rank LIMIT ?", (q, limit)))

    # --- stats --------------------------------------------------------------------------
    def stats(self, f: EventFilter, period: Period, top: int) -> dict[str, Any]:
        """Totals (named as in `StoreCounts`); events by period split by QuadClass; by root, QuadClass, pair."""
        where, params = self.where(f)
        glue = " AND" if where else " WHERE"
        totals = self.conn.execute(
            f"SELECT count(*), coalesce(sum(e.num_mentions), 0), round(avg(e.goldstein), 3) FROM events e{where}",
            params).fetchone()
        counts = self.store.counts()
        return {
            "period": period,
            "totals": {"events": totals[0], "resolved_mentions": totals[1], "mean_goldstein": totals[2],
                       "articles": counts.articles.get("done", 0),
                       "quotes": self.conn.execute("SELECT count(*) FROM quotes").fetchone()[0]},
            "store": counts.as_dict(),
            "by_period": self.store.timeline(f, period),
            "by_root": _rows(self.conn.execute(
                f"SELECT e.root_code, count(*) AS events, sum(e.num_mentions) AS mentions, "
                f"round(avg(e.goldstein), 2) AS mean_goldstein FROM events e{where} GROUP BY 1 ORDER BY 2 DESC, 1",
                params)),
            "by_quad": _rows(self.conn.execute(
                f"SELECT e.quad_class, count(*) AS events, sum(e.num_mentions) AS mentions FROM events e{where} "
                "GROUP BY 1 ORDER BY 1", params)),
            "by_actor_pair": _rows(self.conn.execute(
                f"SELECT e.source_code, e.target_code, max(sa.name) AS source_name, max(ta.name) AS target_name, "
                f"count(*) AS events, sum(e.num_mentions) AS mentions, round(avg(e.goldstein), 2) AS mean_goldstein "
                f"FROM events e LEFT JOIN actors sa ON sa.id = e.source_actor_id "
                f"LEFT JOIN actors ta ON ta.id = e.target_actor_id{where}{glue} e.target_code IS NOT NULL "
                "GROUP BY 1, 2 ORDER BY events DESC, mentions DESC, 1, 2 LIMIT ?", [*params, top])),
            "by_event_code": _rows(self.conn.execute(
                "SELECT e.event_code, (SELECT em.label FROM event_mentions em WHERE em.event_code = e.event_code "
                f"LIMIT 1) AS label, count(*) AS events FROM events e{where} GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT ?",
                [*params, top])),
        }

    # --- network and map ----------------------------------------------------------------
    def _graph_where(self, g: GraphFilter) -> tuple[str, list[Any]]:
        """The store's event filter (dates, QuadClass, actor — so they mean what `peristiwa query` means)
        plus what only the network and map filter on: root codes and a minimum number of mentions."""
        where, params = self.where(EventFilter(actor=g.actor, quad=g.quad, date_from=g.date_from,
                                               date_to=g.date_to))
        clauses = [where.removeprefix(" WHERE ")] if where else []
        clauses.append("e.num_mentions >= ?")
        params = [*params, g.min_mentions]
        if g.roots:
            clauses.append(f"e.root_code IN ({', '.join('?' * len(g.roots))})")
            params.extend(g.roots)
        return " WHERE " + " AND ".join(clauses), params

    def network(self, g: GraphFilter, max_edges: int, top: int | None = None) -> dict[str, Any]:
        """Actor-to-actor edges (source → target) with event counts and mean Goldstein, among the `top`
        actors by events (of the `max_edges` busiest edges); generic actors are left out unless asked."""
        where, params = self._graph_where(g)
        if not g.generic:
            where += f" AND NOT {GENERIC_ACTOR.format(a='sa')} AND NOT {GENERIC_ACTOR.format(a='ta')}"
        edges = _rows(self.conn.execute(
            f"SELECT {_KEY_SA} AS source, {_KEY_TA} AS target, max(sa.name) AS source_name, "
            "max(ta.name) AS target_name, max(sa.code) AS source_code, max(ta.code) AS target_code, "
            "count(*) AS events, sum(e.num_mentions) AS mentions, round(avg(e.goldstein), 2) AS mean_goldstein "
            "FROM events e JOIN actors sa ON sa.id = e.source_actor_id JOIN actors ta ON ta.id = e.target_actor_id"
            f"{where} GROUP BY 1, 2 ORDER BY mentions DESC, events DESC, 1, 2 LIMIT ?", [*params, max_edges]))
        nodes = sorted(_graph_nodes(edges).values(), key=lambda n: (-n["events"], n["key"]))[:top]
        keep = {n["key"] for n in nodes}
        return {"nodes": nodes, "edges": [e for e in edges if e["source"] in keep and e["target"] in keep]}

    def edge_events(self, g: GraphFilter, source: str, target: str, limit: int) -> list[dict[str, Any]]:
        """The events behind one network edge (same filter as the graph)."""
        where, params = self._graph_where(g)
        s_sql, s_ids = actor_ids_sql(source)
        t_sql, t_ids = actor_ids_sql(target)
        return _rows(self.conn.execute(
            f"{_EVENT_SELECT}{where} AND e.source_actor_id IN ({s_sql}) AND e.target_actor_id IN ({t_sql}) "
            "ORDER BY e.event_date DESC, e.id LIMIT ?", [*params, *s_ids, *t_ids, limit]))

    def map_points(self, g: GraphFilter, limit: int) -> list[dict[str, Any]]:
        """Event places with coordinates, one point per place, with counts and mean Goldstein."""
        where, params = self._graph_where(g)
        return _rows(self.conn.execute(
            "SELECT e.place_name AS name, e.place_country AS country, round(e.place_lat, 4) AS lat, "
            "round(e.place_lon, 4) AS lon, count(*) AS events, sum(e.num_mentions) AS mentions, "
            "round(avg(e.goldstein), 2) AS mean_goldstein, min(e.event_date) AS first, max(e.event_date) AS last "
            f"FROM events e{where} AND e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL "
            "GROUP BY 1, 2, 3, 4 ORDER BY events DESC, 1 LIMIT ?", [*params, limit]))

    def place_events(self, g: GraphFilter, lat: float, lon: float, limit: int) -> list[dict[str, Any]]:
        where, params = self._graph_where(g)
        return _rows(self.conn.execute(
            f"{_EVENT_SELECT}{where} AND round(e.place_lat, 4) = ? AND round(e.place_lon, 4) = ? "
            "ORDER BY e.event_date DESC, e.id LIMIT ?", [*params, round(lat, 4), round(lon, 4), limit]))

    def roots(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT root_code FROM events ORDER BY 1")]

    def date_range(self) -> tuple[str | None, str | None]:
        row = self.conn.execute("SELECT min(substr(event_date, 1, 10)), max(substr(event_date, 1, 10)) FROM events "
                                "WHERE date_granularity = 'day'").fetchone()
        return row[0], row[1]


def _graph_nodes(edges: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The actors at either end of the edges, each with its number of events over all its edges."""
    nodes: dict[str, dict[str, Any]] = {}
    for edge in edges:
        for side in ("source", "target"):
            node = nodes.setdefault(edge[side], {"key": edge[side], "name": edge[f"{side}_name"],
                                                 "code": edge[f"{side}_code"], "events": 0})
            node["events"] += edge["events"]
    return nodes


__all__ = ["GENERIC_ACTOR", "PERIODS", "GraphFilter", "Page", "WebQueries", "actor_ids_sql"]
