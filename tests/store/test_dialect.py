"""The store's statements as PostgreSQL spells them (SQLite's are left as they are)."""

from __future__ import annotations

import pytest

from storyline.store.connection import redact
from storyline.store.dialect import POSTGRES, SQLITE
from storyline.store.schema import MIGRATIONS, migrations


@pytest.mark.parametrize(
    "sqlite, postgres",
    [
        ("SELECT * FROM events WHERE doc_id = ?", "SELECT * FROM events WHERE doc_id = %s"),
        (
            "UPDATE quotes SET speaker_id = :new WHERE speaker_id = :old",
            "UPDATE quotes SET speaker_id = %(new)s WHERE speaker_id = %(old)s",
        ),
        (
            "INSERT OR IGNORE INTO story_docs (story_id, doc_id) VALUES (?, ?)",
            "INSERT INTO story_docs (story_id, doc_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
        ),
        ("SELECT 1 WHERE name LIKE ?", "SELECT 1 WHERE name ILIKE %s"),
        ("SELECT 1 WHERE name NOT LIKE ?", "SELECT 1 WHERE name NOT ILIKE %s"),
        ("SELECT 1 WHERE title = '50% off?'", "SELECT 1 WHERE title = '50%% off?'"),
        ("SELECT 1 WHERE note = 'a :name'", "SELECT 1 WHERE note = 'a :name'"),
        ("SELECT start, end FROM quotes", 'SELECT start, "end" FROM quotes'),
        ("SELECT m.end FROM actor_mentions m", 'SELECT m."end" FROM actor_mentions m'),
        ("SELECT 1 WHERE x = :end", "SELECT 1 WHERE x = %(end)s"),
        (
            "SELECT CASE WHEN a THEN 1 END, ending FROM t",
            "SELECT CASE WHEN a THEN 1 END, ending FROM t",
        ),
        (
            "SELECT value FROM quotes, json_each(quotes.joint_ids)",
            "SELECT value FROM quotes, "
            "jsonb_array_elements_text(CAST(quotes.joint_ids AS jsonb)) AS json_each(value)",
        ),
        (
            "SELECT j.value FROM quotes q, json_each(q.joint_ids) j WHERE j.value = ?",
            "SELECT j.value FROM quotes q, "
            "jsonb_array_elements_text(CAST(q.joint_ids AS jsonb)) AS j(value) WHERE j.value = %s",
        ),
        (
            "SELECT e.* FROM named CROSS JOIN events e ON e.event_id = named.event_id WHERE 1",
            "SELECT e.* FROM named JOIN events e ON e.event_id = named.event_id WHERE 1",
        ),
        (
            "SELECT * FROM a CROSS JOIN b WHERE a.x = b.x",
            "SELECT * FROM a CROSS JOIN b WHERE a.x = b.x",
        ),
        (
            "SELECT IFNULL(a, 0) FROM t WHERE b IS ?",
            "SELECT coalesce(a, 0) FROM t WHERE b IS NOT DISTINCT FROM %s",
        ),
        (
            "ALTER TABLE events ADD COLUMN day_first TEXT",
            'ALTER TABLE events ADD COLUMN day_first TEXT COLLATE "C"',
        ),
        ("SELECT 1 -- a comment's 100%", "SELECT 1 "),
    ],
)
def test_a_statement_is_spelled_for_postgresql(sqlite: str, postgres: str) -> None:
    assert POSTGRES.sql(sqlite) == postgres
    assert SQLITE.sql(sqlite) == sqlite


def test_sqlite_migrations_are_the_ones_applied_before_postgresql_existed() -> None:
    assert migrations(SQLITE) == MIGRATIONS
    assert "date(" in MIGRATIONS[4][2] and "BLOB" in MIGRATIONS[0][2]


def test_postgresql_migrations_use_its_types_and_date_arithmetic() -> None:
    sql = " ".join(POSTGRES.sql(s) for _, _, m in migrations(POSTGRES) for s in m.split(";"))
    assert "BYTEA" in sql and "BLOB" not in sql
    assert "DOUBLE PRECISION" in sql and " REAL" not in sql
    assert "strftime" not in sql and "date(" not in sql and "json_each(events" not in sql
    assert "INTERVAL '1 month'" in sql


@pytest.mark.parametrize(
    "url, shown",
    [
        (
            "postgresql://u:secret@db.example.org:5432/news",
            "postgresql://u@db.example.org:5432/news",
        ),
        (
            "postgresql://u@/news?host=/run/pg&password=secret",
            "postgresql://u@/news?host=/run/pg&password=***",
        ),
        ("postgresql:///news", "postgresql:///news"),
    ],
)
def test_a_url_is_shown_without_its_password(url: str, shown: str) -> None:
    assert redact(url) == shown
