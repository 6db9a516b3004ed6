"""The SQLite schema as an ordered list of migrations, applied once each and recorded.

Why migrations rather than one CREATE script: a database written by an older peristiwa must
keep working after an upgrade. Each entry in `MIGRATIONS` moves the schema from version
N-1 to N; `schema_version` records what was applied, so opening an old file applies only
the missing steps, inside one transaction each (a failed upgrade leaves the old schema).

Table and column names are chosen to read well in Datasette or any SQLite browser:
plain nouns, `*_id` for keys, `start_char`/`end_char` for offsets into `articles.text`
(Python code points, end-exclusive; SQLite's `substr(text, start_char + 1, end_char -
start_char)` gives the surface back), and views (`events_readable`,
`event_mentions_readable`, `articles_overview`) that join names and labels.

The SQL lives in Python (not a .sql file) so that it ships with the package without
package-data changes and so each step can be reviewed next to its version number.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

_V1 = """
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per input document, whatever became of it (done / skipped / failed).
CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    doc_id            TEXT,              -- the id given by the input (JSON id, file stem, WARC URL)
    content_hash      TEXT NOT NULL UNIQUE, -- sha256 of the text (or of the origin for unreadable input)
    origin            TEXT NOT NULL,     -- where it came from: path, path:line, path#record
    url               TEXT,
    outlet            TEXT,              -- the news source (site name or host)
    title             TEXT,
    published         TEXT,              -- ISO date
    language          TEXT,              -- language used for extraction (declared or detected)
    detected_language TEXT,
    language_score    REAL,
    status            TEXT NOT NULL CHECK (status IN ('done', 'skipped', 'failed')),
    error             TEXT,              -- readable reason when skipped or failed
    text              TEXT,
    n_chars           INTEGER,
    tone              REAL,
    warnings          TEXT,              -- JSON list of pipeline warnings
    ingested_at       TEXT NOT NULL
);
CREATE INDEX articles_status ON articles(status);
CREATE INDEX articles_doc_id ON articles(doc_id);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE sentences (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

-- An actor as resolved on an article's date (KB-linked when kb_id is set, else unlinked).
CREATE TABLE actors (
    id      TEXT PRIMARY KEY,   -- hash of all the fields below
    kb_id   TEXT,
    name    TEXT NOT NULL,
    type    TEXT,
    code    TEXT,               -- CAMEO actor code, e.g. CHNGOV
    country TEXT,               -- ISO3 / CAMEO country
    role    TEXT,
    title   TEXT
);
CREATE INDEX actors_code ON actors(code);
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
CREATE INDEX actors_kb_id ON actors(kb_id);

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    sentence   INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    surface    TEXT NOT NULL,
    type       TEXT,
    kind       TEXT,
    actor_id   TEXT REFERENCES actors(id),
    members    TEXT,              -- JSON list of actor ids for group mentions
    antecedent INTEGER,
    confidence REAL,
    rule       TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE places (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    sentence    INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    surface     TEXT NOT NULL,
    name        TEXT NOT NULL,
    geonames_id INTEGER,
    lat         REAL,
    lon         REAL,
    country     TEXT,
    feature     TEXT,
    rule        TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX places_name ON places(name COLLATE NOCASE);

CREATE TABLE time_refs (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    sentence    INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    surface     TEXT NOT NULL,
    value       TEXT,
    granularity TEXT,
    rule        TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE quotes (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    sentence         INTEGER NOT NULL,
    start_char       INTEGER NOT NULL,
    end_char         INTEGER NOT NULL,
    text             TEXT NOT NULL,
    kind             TEXT,
    speaker_actor_id TEXT REFERENCES actors(id),
    speaker_mention  INTEGER,
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    evidence_text    TEXT,
    rule             TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);

-- Merged events: one row per real-world event, built from its event mentions (see merge.py).
CREATE TABLE events (
    id               TEXT PRIMARY KEY,      -- hash of the merge key and cluster anchor
    global_event_id  INTEGER NOT NULL UNIQUE, -- integer form of id (GDELT GLOBALEVENTID)
    merge_key        TEXT NOT NULL,
    event_code       TEXT NOT NULL,
    base_code        TEXT NOT NULL,
    root_code        TEXT NOT NULL,
    quad_class       INTEGER,
    goldstein        REAL,
    source_code      TEXT,
    target_code      TEXT,
    source_actor_id  TEXT REFERENCES actors(id),
    target_actor_id  TEXT REFERENCES actors(id),
    event_date       TEXT,     -- ISO day (first) or coarser ISO value (2023-06, 2023)
    event_date_last  TEXT,
    date_granularity TEXT,
    place_name       TEXT,
    place_country    TEXT,
    place_geonames_id INTEGER,
    place_lat        REAL,
    place_lon        REAL,
    place_feature    TEXT,
    num_mentions     INTEGER NOT NULL,
    num_sources      INTEGER NOT NULL,
    num_articles     INTEGER NOT NULL,
    avg_tone         REAL,
    first_seen       TEXT,     -- earliest publication date of a reporting article
    last_seen        TEXT,
    is_root_event    INTEGER NOT NULL DEFAULT 0,
    source_url       TEXT,     -- URL of the first reporting article
    first_article_id INTEGER REFERENCES articles(id)
);
CREATE INDEX events_merge_key ON events(merge_key);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_root ON events(root_code, base_code);
CREATE INDEX events_quad ON events(quad_class);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_country ON events(place_country);

-- One row per coded sentence-event, with all the coder's provenance.
CREATE TABLE event_mentions (
    id                TEXT PRIMARY KEY,      -- hash of article hash, sentence, trigger, actors, code
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx               INTEGER NOT NULL,
    sentence          INTEGER NOT NULL,
    event_code        TEXT NOT NULL,
    base_code         TEXT,
    root_code         TEXT,
    quad_class        INTEGER,
    goldstein         REAL,
    plover_type       TEXT,
    plover_mode       TEXT,
    label             TEXT,
    trigger_start     INTEGER NOT NULL,
    trigger_end       INTEGER NOT NULL,
    trigger_text      TEXT NOT NULL,
    source_actor_id   TEXT REFERENCES actors(id),
    source_start      INTEGER,
    source_end        INTEGER,
    source_text       TEXT,
    source_mention    INTEGER,
    target_actor_id   TEXT REFERENCES actors(id),
    target_start      INTEGER,
    target_end        INTEGER,
    target_text       TEXT,
    target_mention    INTEGER,
    event_date        TEXT,
    place_name        TEXT,
    place_geonames_id INTEGER,
    place_lat         REAL,
    place_lon         REAL,
    place_country     TEXT,
    place_feature     TEXT,
    lexicon_id        TEXT,
    rule              TEXT,
    modality          TEXT,     -- comma-separated flags (future, alleged, denied, ...)
    negated           INTEGER NOT NULL DEFAULT 0,
    confidence        REAL,
    resolved          INTEGER NOT NULL, -- 1 = exportable (coded source, not negated/denied)
    merge_key         TEXT,             -- NULL when not resolved
    merge_date        TEXT,             -- the date used for merging
    event_id          TEXT REFERENCES events(id) ON DELETE SET NULL,
    UNIQUE (article_id, idx)
);
CREATE INDEX event_mentions_event ON event_mentions(event_id);
CREATE INDEX event_mentions_merge_key ON event_mentions(merge_key);
CREATE INDEX event_mentions_source ON event_mentions(source_actor_id);
CREATE INDEX event_mentions_target ON event_mentions(target_actor_id);

-- Full-text search over article titles and text, and over quotes (external content).
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id');
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE VIEW events_readable AS
SELECT e.id, e.global_event_id, e.event_date, e.event_code, e.root_code, e.quad_class, e.goldstein,
       e.source_code, sa.name AS source_name, e.target_code, ta.name AS target_name,
       e.place_name, e.place_country, e.num_mentions, e.num_sources, e.num_articles, e.avg_tone,
       e.first_seen, e.last_seen, e.source_url,
       (SELECT em.label FROM event_mentions em WHERE em.event_id = e.id AND em.label != ''
         ORDER BY em.id LIMIT 1) AS label
FROM events e
LEFT JOIN actors sa ON sa.id = e.source_actor_id
LEFT JOIN actors ta ON ta.id = e.target_actor_id;

CREATE VIEW event_mentions_readable AS
SELECT em.id, em.event_id, a.id AS article_id, a.doc_id, a.outlet, a.published, em.sentence,
       em.event_code, em.label, em.trigger_text, sa.name AS source_name, sa.code AS source_code,
       ta.name AS target_name, ta.code AS target_code, em.event_date, em.place_name, em.modality,
       em.negated, em.resolved, em.rule,
       substr(a.text, s.start_char + 1, s.end_char - s.start_char) AS sentence_text
FROM event_mentions em
JOIN articles a ON a.id = em.article_id
LEFT JOIN sentences s ON s.article_id = em.article_id AND s.idx = em.sentence
LEFT JOIN actors sa ON sa.id = em.source_actor_id
LEFT JOIN actors ta ON ta.id = em.target_actor_id;

CREATE VIEW articles_overview AS
SELECT a.id, a.doc_id, a.status, a.error, a.outlet, a.published, a.language, a.title, a.url, a.n_chars,
       (SELECT count(*) FROM event_mentions em WHERE em.article_id = a.id) AS n_event_mentions,
       (SELECT count(*) FROM event_mentions em WHERE em.article_id = a.id AND em.resolved) AS n_resolved,
       a.origin, a.ingested_at
FROM articles a;
"""

#: v2 — the full-text tables re-declared with double-quoted `content="…"`: Datasette recognises an
#: FTS table's content table only in that form (with single quotes `?_search=` silently ignored the
#: query). Re-declaring an external-content table loses no data: 'rebuild' re-reads the content table.
_V2 = """
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content="articles", content_rowid="id");
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content="quotes", content_rowid="id");
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new, empty file)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, migrations: tuple[str, ...] = MIGRATIONS) -> int:
    """Apply every migration newer than the database's version; return the final version.

    Each step runs in its own transaction together with its `schema_version` row, so a crash
    during an upgrade leaves the database at the previous, consistent version.
    """
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    while True:
        # The version is read inside the write transaction: two processes opening a new file at once
        # would otherwise both see version 0 and the second would fail on "table already exists".
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = current_version(conn)
            if version > len(migrations):
                raise RuntimeError(f"database schema version {version} is newer than this peristiwa "
                                   f"({len(migrations)}); upgrade peristiwa")
            if version == len(migrations):
                conn.execute("COMMIT")
                break
            for statement in split_statements(migrations[version]):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version(version, applied_at) VALUES (?, ?)",
                         (version + 1, datetime.now(UTC).isoformat(timespec="seconds")))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(migrations)


def split_statements(script: str) -> list[str]:
    """Split a script into complete statements (triggers contain `;`, so use sqlite3's parser)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "current_version", "migrate", "split_statements"]
