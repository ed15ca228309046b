"""The one owner of the database schema: numbered migrations, applied in order.

Each migration runs once, inside a transaction, and is recorded in
`schema_migrations`; add new ones at the end, never edit an applied one.
"""

from __future__ import annotations

import re

from storyline.store.dialect import SQLITE, Dialect


def _first_day(window: str, value: str) -> str:
    """SQL for the first day of an event's date: its window's, else its value's."""
    text = f"CASE WHEN date_precision = 'window' OR {value} IS NULL THEN {window} ELSE {value} END"
    return (
        f"CASE length({text}) WHEN 10 THEN {text} WHEN 7 THEN {text} || '-01' "
        f"WHEN 4 THEN {text} || '-01-01' END"
    )


def _last_day(d: Dialect, window: str, value: str) -> str:
    """SQL for the last day of an event's date (a month's last day, a year's 31 December)."""
    text = f"CASE WHEN date_precision = 'window' OR {value} IS NULL THEN {window} ELSE {value} END"
    month_end = d.month_end(f"{text} || '-01'")
    return (
        f"CASE length({text}) WHEN 10 THEN {text} "
        f"WHEN 7 THEN {month_end} "
        f"WHEN 4 THEN {text} || '-12-31' END"
    )


def migrations(d: Dialect) -> tuple[tuple[int, str, str], ...]:
    """Every migration (version, name, SQL) as the dialect spells it."""
    return (
        (
            1,
            "articles, entity mentions, actors, quotes, events, stories",
            f"""
        CREATE TABLE articles ({d.row_id}
            doc_id TEXT PRIMARY KEY,
            file TEXT NOT NULL,
            title TEXT,
            published TEXT,
            outlet TEXT,
            url TEXT,
            place TEXT,
            source_path TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT,
            minhash {d.blob},
            n_tokens INTEGER NOT NULL DEFAULT 0,
            n_sentences INTEGER NOT NULL DEFAULT 0,
            ingested_at TEXT NOT NULL DEFAULT {d.now}
        );
        CREATE INDEX articles_published ON articles (published);
        CREATE TABLE entity_mentions ({d.row_id}
            doc_id TEXT NOT NULL REFERENCES articles (doc_id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (doc_id, start, end, label)
        );
        CREATE TABLE actors ({d.row_id}
            actor_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            country TEXT,
            sector TEXT,
            role TEXT,
            aliases TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX actors_country ON actors (country);
        CREATE TABLE actor_mentions ({d.row_id}
            actor_id TEXT NOT NULL REFERENCES actors (actor_id),
            doc_id TEXT NOT NULL REFERENCES articles (doc_id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (doc_id, start, end, actor_id)
        );
        CREATE INDEX actor_mentions_actor ON actor_mentions (actor_id);
        CREATE TABLE quotes ({d.row_id}
            quote_id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES articles (doc_id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            speaker_id TEXT REFERENCES actors (actor_id),
            speaker_text TEXT,
            cue TEXT,
            via TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX quotes_doc ON quotes (doc_id);
        CREATE TABLE events ({d.row_id}
            event_id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES articles (doc_id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            mode TEXT,
            cameo TEXT,
            source_id TEXT NOT NULL REFERENCES actors (actor_id),
            target_ids TEXT NOT NULL DEFAULT '[]',
            date TEXT,
            date_precision TEXT,
            date_after TEXT,
            date_before TEXT,
            date_text TEXT,
            location TEXT,
            fatalities INTEGER,
            historical INTEGER NOT NULL DEFAULT 0,
            negated INTEGER NOT NULL DEFAULT 0,
            story_id TEXT,
            confidence {d.real} NOT NULL DEFAULT 0,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            evidence TEXT NOT NULL
        );
        CREATE INDEX events_doc ON events (doc_id);
        CREATE INDEX events_date ON events (date);
        CREATE TABLE stories ({d.row_id}
            story_id TEXT PRIMARY KEY,
            date TEXT,
            title TEXT NOT NULL,
            event_ids TEXT NOT NULL DEFAULT '[]',
            doc_ids TEXT NOT NULL DEFAULT '[]',
            types TEXT NOT NULL DEFAULT '[]'
        );
        """,
        ),
        (
            2,
            "event auxiliary modes, PLOVER quad category and score, further evidence",
            f"""
        ALTER TABLE events ADD COLUMN future INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE events ADD COLUMN contested INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE events ADD COLUMN quad TEXT;
        ALTER TABLE events ADD COLUMN score {d.real};
        ALTER TABLE events ADD COLUMN also TEXT NOT NULL DEFAULT '[]';
        CREATE INDEX events_type ON events (type);
        """,
        ),
        (
            3,
            "story precision, window, outlets, sources, contested, historical, participants",
            """
        ALTER TABLE stories ADD COLUMN precision TEXT;
        ALTER TABLE stories ADD COLUMN date_window TEXT;
        ALTER TABLE stories ADD COLUMN outlets TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE stories ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE stories ADD COLUMN contested INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE stories ADD COLUMN historical INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE stories ADD COLUMN participants TEXT NOT NULL DEFAULT '[]';
        CREATE INDEX stories_date ON stories (date);
        CREATE INDEX events_story ON events (story_id);
        """,
        ),
        (
            4,
            "quotes: the other parties of a joint statement",
            """
        ALTER TABLE quotes ADD COLUMN joint_ids TEXT NOT NULL DEFAULT '[]';
        """,
        ),
        (
            5,
            "story linking by index: event days, event participants, story articles",
            f"""
        ALTER TABLE events ADD COLUMN day_first TEXT;
        ALTER TABLE events ADD COLUMN day_last TEXT;
        UPDATE events SET
            day_first = {_first_day("coalesce(date_after, date)", "date")},
            day_last = {_last_day(d, "coalesce(date_before, date)", "date")};
        CREATE INDEX events_kind_days ON events (type, day_first, day_last);
        CREATE TABLE event_actors (
            event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL,
            PRIMARY KEY (event_id, actor_id)
        );
        CREATE INDEX event_actors_actor ON event_actors (actor_id);
        INSERT OR IGNORE INTO event_actors (event_id, actor_id)
            SELECT event_id, source_id FROM events
            UNION SELECT event_id, value FROM events, json_each(events.target_ids);
        CREATE TABLE story_docs (
            story_id TEXT NOT NULL REFERENCES stories (story_id) ON DELETE CASCADE,
            doc_id TEXT NOT NULL,
            PRIMARY KEY (story_id, doc_id)
        );
        CREATE INDEX story_docs_doc ON story_docs (doc_id);
        INSERT OR IGNORE INTO story_docs (story_id, doc_id)
            SELECT story_id, value FROM stories, json_each(stories.doc_ids);
        CREATE INDEX articles_duplicate ON articles (duplicate_of);
        """,
        ),
        (6, "listings by index: filters, orders and keyset pages", LISTING_INDEXES),
        (7, "stories and the timeline by index: date order, sections, types", STORY_INDEXES),
        (8, "story candidates by index: events whose days run into another month", LINK_INDEXES),
        (9, "near-duplicates by index: LSH band keys; actors pruned by index", BANDS),
        (10, "watch: items seen, the articles they gave, feed validators", watch_tables(d)),
        (11, "review: analysts' corrections, reviewed events", correction_tables(d)),
        (12, "search: full-text indexes of articles, quotes and event evidence", search_indexes(d)),
    )


# Every filter the CLI, API and pages offer is served by an index, and so is each
# listing's order (article and text order; name; publication day), so that a page or
# a cursor seeks instead of sorting or scanning.
LISTING_INDEXES = """
        CREATE INDEX events_order ON events (doc_id, start, event_id, day_first);
        CREATE INDEX events_source ON events (source_id);
        CREATE INDEX events_day ON events (day_first);
        CREATE INDEX events_type_order ON events (type, doc_id, start, event_id);
        CREATE INDEX events_quad_order ON events (quad, doc_id, start, event_id);
        CREATE INDEX event_actors_actor_event ON event_actors (actor_id, event_id);
        CREATE INDEX quotes_order ON quotes (doc_id, start, quote_id);
        CREATE INDEX quotes_speaker ON quotes (speaker_id);
        CREATE INDEX quotes_kind_order ON quotes (kind, doc_id, start, quote_id);
        CREATE INDEX actors_name ON actors (name, actor_id);
        CREATE INDEX actors_kind_name ON actors (kind, name, actor_id);
        CREATE INDEX actor_mentions_actor_doc ON actor_mentions (actor_id, doc_id);
        CREATE INDEX articles_order ON articles (published, file, doc_id);
        """

# Story listings and timeline pages seek in (date, title, story id) order, within the
# timeline's sections (news or background: `historical`); a type filter reads the
# stories of events of a type off one index.
STORY_INDEXES = """
        CREATE INDEX stories_order ON stories (date, title, story_id);
        CREATE INDEX stories_timeline ON stories (historical, date, title, story_id);
        CREATE INDEX events_type_story ON events (type, story_id);
        """


# Story candidates are events of a kind whose days overlap an event's. Most events lie
# within one month, and those are found off events_kind_days in a range that starts at
# the first of the month; the few whose days run into another month ("in 2023", a
# window across a month's end) have an index of their own.
LINK_INDEXES = """
        CREATE INDEX events_long_days ON events (type, day_first, day_last)
            WHERE substr(day_first, 1, 7) <> substr(day_last, 1, 7);
        CREATE INDEX events_undated ON events (type) WHERE day_first IS NULL;
        """


# A new article's near-duplicate candidates are the stored articles sharing one of its
# LSH band keys; `store_flags` records that every stored signature has its keys (a store
# from before this migration gets them on its next ingest). The few quotes with joint
# speakers are indexed so that an actor's last reference is found without a scan.
BANDS = """
        CREATE TABLE article_bands (
            band BIGINT NOT NULL,
            doc_id TEXT NOT NULL REFERENCES articles (doc_id) ON DELETE CASCADE
        );
        CREATE INDEX article_bands_band ON article_bands (band);
        CREATE INDEX article_bands_doc ON article_bands (doc_id);
        CREATE TABLE store_flags (name TEXT PRIMARY KEY);
        INSERT INTO store_flags (name) SELECT 'bands'
            WHERE NOT EXISTS (SELECT 1 FROM articles WHERE minhash IS NOT NULL);
        CREATE INDEX quotes_joint ON quotes (quote_id) WHERE joint_ids <> '[]';
        """


def watch_tables(d: Dialect) -> str:
    """What `storyline watch` keeps so that each item is ingested once across restarts:
    the items seen (a file by size, modification time and digest; a feed entry by its
    digest) with the articles each gave, and each feed's validators. An article whose
    original was retired (its file changed) is marked for analysis with the content
    hash '', found off a partial index."""
    return f"""
        CREATE TABLE watch_seen (
            item TEXT PRIMARY KEY,
            digest TEXT NOT NULL,
            size BIGINT,
            mtime_ns BIGINT,
            seen_at TEXT NOT NULL DEFAULT {d.now}
        );
        CREATE TABLE watch_seen_docs (
            item TEXT NOT NULL REFERENCES watch_seen (item) ON DELETE CASCADE,
            doc_id TEXT NOT NULL,
            PRIMARY KEY (item, doc_id)
        );
        CREATE INDEX watch_seen_docs_doc ON watch_seen_docs (doc_id);
        CREATE TABLE feed_validators (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            checked_at TEXT NOT NULL DEFAULT {d.now}
        );
        CREATE INDEX articles_stale ON articles (doc_id) WHERE content_hash = '';
        """


def correction_tables(d: Dialect) -> str:
    """Analysts' corrections with who, when, why, before and after (JSON), listed by
    record and in the order made, found by article when it is ingested again, and a
    story correction by the event it pins its event to (`partner_id`); events an
    analyst corrected are marked `reviewed`."""
    return f"""
        CREATE TABLE corrections ({d.row_id}
            correction_id TEXT PRIMARY KEY,
            record TEXT NOT NULL,
            record_id TEXT NOT NULL,
            doc_id TEXT,
            action TEXT NOT NULL,
            who TEXT NOT NULL,
            made_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            before_json TEXT NOT NULL DEFAULT '{{}}',
            after_json TEXT NOT NULL DEFAULT '{{}}',
            undone_at TEXT,
            undone_by TEXT,
            partner_id TEXT
        );
        CREATE INDEX corrections_record ON corrections (record_id, made_at);
        CREATE INDEX corrections_partner ON corrections (partner_id) WHERE partner_id IS NOT NULL;
        CREATE INDEX corrections_doc ON corrections (doc_id);
        CREATE INDEX corrections_order ON corrections (made_at, correction_id);
        ALTER TABLE events ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;
        """


# The text each kind of record is searched by, as PostgreSQL indexes it (a query must
# spell the expression exactly so for the index to serve it). An article's text is
# indexed up to PG_SEARCHED characters: a tsvector holds at most 1 MB, and what a long
# text's first 200,000 characters give stays well under it whatever the words.
PG_SEARCHED = 200_000
PG_VECTORS = {
    "article": f"to_tsvector('english', coalesce(title, '') || ' ' || left(text, {PG_SEARCHED}))",
    "quote": "to_tsvector('english', text)",
    "event": "to_tsvector('english', evidence)",
}


def search_indexes(d: Dialect) -> str:
    """Full-text indexes kept in step with every write and delete: on SQLite, FTS5
    tables over the rows themselves (external content, joined by rowid, which the
    store never renumbers: it does not VACUUM) kept by triggers and filled from what
    is stored; on PostgreSQL, GIN expression indexes, which need no triggers."""
    if d.name != "sqlite":
        return "".join(
            f"CREATE INDEX {table}_search ON {table} USING GIN ({PG_VECTORS[kind]});"
            for kind, table in (("article", "articles"), ("quote", "quotes"), ("event", "events"))
        )
    return "".join(
        _fts_table(table, columns)
        for table, columns in (
            ("articles", ("title", "text")),
            ("quotes", ("text",)),
            ("events", ("evidence",)),
        )
    )


def _fts_table(table: str, columns: tuple[str, ...]) -> str:
    """An FTS5 table over a table's columns (stemmed words), its triggers, its rows."""
    fts, cols = f"{table}_fts", ", ".join(columns)
    new, old = (", ".join(f"{row}.{c}" for c in columns) for row in ("new", "old"))
    add = f"INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new});"
    drop = f"INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});"
    return f"""
        CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}',
            content_rowid='rowid', tokenize='porter unicode61');
        CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add} END;
        CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {drop} END;
        CREATE TRIGGER {fts}_update AFTER UPDATE OF {cols} ON {table} BEGIN {drop} {add} END;
        INSERT INTO {fts} ({fts}) VALUES ('rebuild');
        """


def statements(sql: str) -> list[str]:
    """A migration's statements: split at each `;`, except inside a trigger's body."""
    found: list[str] = []
    pending = ""
    for part in sql.split(";"):
        pending = f"{pending};{part}" if pending else part
        if _TRIGGER.match(pending) and not _BODY_END.search(pending):
            continue  # a trigger's body goes on to its END
        if pending.strip():
            found.append(pending)
        pending = ""
    return found


_TRIGGER = re.compile(r"\s*CREATE\s+TRIGGER\b", re.IGNORECASE)
_BODY_END = re.compile(r"\bEND\s*$")


def bookkeeping(d: Dialect) -> str:
    """The table recording which migrations were applied."""
    return f"""
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT {d.now}
)
"""


MIGRATIONS = migrations(SQLITE)
BOOKKEEPING = bookkeeping(SQLITE)

LATEST = MIGRATIONS[-1][0]
