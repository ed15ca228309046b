"""A synthetic store: real rows copied with new ids, every reference kept, every page answering."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.api import create_app
from storyline.bench.store import queries_for
from storyline.config import Settings
from storyline.errors import StoreError
from storyline.ingest import read_articles
from storyline.pipeline import Resources, ingest
from storyline.store import open_store
from storyline.store.synthetic import bench_targets, grow_store, shift, span
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> str:
    """The six examples stored by the real pipeline."""
    db = str(tmp_path_factory.mktemp("seed") / "seed.db")
    store = open_store(db)
    try:
        ingest(read_articles([EXAMPLES], Settings(db=db)), store, resources, Settings(db=db))
    finally:
        store.close()
    return db


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory, seed_db: str) -> str:
    """About 2,000 events copied from the seed."""
    db = str(tmp_path_factory.mktemp("big") / "big.db")
    summary = grow_store(seed_db, db, events=2000)
    assert summary.events > 0
    return db


def rows(db: str, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def count(db: str, sql: str) -> int:
    return rows(db, sql)[0][0]


def test_sizes_follow_the_asked_number_of_events(seed_db: str, big_db: str) -> None:
    seed_events = count(seed_db, "SELECT count(*) FROM events")
    events = count(big_db, "SELECT count(*) FROM events")

    assert abs(events - 2000) <= seed_events
    assert 100 <= count(big_db, "SELECT count(*) FROM articles") <= 400  # about a tenth
    assert 100 <= count(big_db, "SELECT count(*) FROM actors") <= 400
    assert count(big_db, "SELECT count(*) FROM stories") >= count(
        seed_db, "SELECT count(*) FROM stories"
    ) * (events // seed_events)


def test_every_reference_points_at_a_stored_row(big_db: str) -> None:
    assert rows(big_db, "PRAGMA foreign_key_check") == []
    checks = {
        "event articles": "SELECT count(*) FROM events WHERE doc_id NOT IN "
        "(SELECT doc_id FROM articles)",
        "event sources": "SELECT count(*) FROM events WHERE source_id NOT IN "
        "(SELECT actor_id FROM actors)",
        "event targets": "SELECT count(*) FROM events e, json_each(e.target_ids) t "
        "WHERE t.value NOT IN (SELECT actor_id FROM actors)",
        "event participants": "SELECT count(*) FROM event_actors WHERE actor_id NOT IN "
        "(SELECT actor_id FROM actors) OR event_id NOT IN (SELECT event_id FROM events)",
        "story events": "SELECT count(*) FROM stories s, json_each(s.event_ids) t "
        "WHERE t.value NOT IN (SELECT event_id FROM events WHERE story_id = s.story_id)",
        "story articles": "SELECT count(*) FROM stories s, json_each(s.doc_ids) t "
        "WHERE t.value NOT IN (SELECT doc_id FROM articles)",
        "event stories": "SELECT count(*) FROM events WHERE story_id IS NOT NULL "
        "AND story_id NOT IN (SELECT story_id FROM stories)",
        "quote speakers": "SELECT count(*) FROM quotes WHERE speaker_id NOT IN "
        "(SELECT actor_id FROM actors)",
        "actor mentions": "SELECT count(*) FROM actor_mentions WHERE actor_id NOT IN "
        "(SELECT actor_id FROM actors)",
    }
    broken = {name: n for name, sql in checks.items() if (n := count(big_db, sql))}
    assert broken == {}


def test_copies_keep_the_seed_rows_and_their_dates_relative_to_the_article(
    seed_db: str, big_db: str
) -> None:
    # Each copy is moved in time as a whole: an event is as many days before its
    # article's publication as in the seed.
    gap = """SELECT e.evidence, julianday(a.published) - julianday(e.date) FROM events e
             JOIN articles a USING (doc_id) WHERE length(e.date) = 10"""
    seed_gaps = set(rows(seed_db, gap))
    big_gaps = set(rows(big_db, gap))

    assert big_gaps == seed_gaps
    years = {r[0][:4] for r in rows(big_db, "SELECT published FROM articles")}
    assert len(years) >= 5  # spread over years, not all on the seed's days
    assert count(big_db, "SELECT count(DISTINCT text) FROM articles") == count(
        seed_db, "SELECT count(*) FROM articles"
    )


def test_event_days_are_read_from_the_moved_dates(big_db: str) -> None:
    for value, precision, after, before, first, last in rows(
        big_db,
        "SELECT date, date_precision, date_after, date_before, day_first, day_last FROM events",
    ):
        window = precision == "window" or value is None
        lo, hi = (after or value, before or value) if window else (value, value)
        assert (first, last) == (span(lo)[0] if lo else None, span(hi)[1] if hi else None)


def test_copied_actors_are_found_by_their_names(big_db: str) -> None:
    targets = bench_targets(big_db)
    store = open_store(big_db)
    try:
        found = store.actors(name=targets.actor_name)
    finally:
        store.close()

    assert targets.actor_name.endswith(")")  # a copy, named "<name> (<j>)"
    assert [a.name for a in found] == [targets.actor_name]


def test_every_benchmarked_page_and_a_copied_article_answer(big_db: str) -> None:
    client = TestClient(create_app(Settings(db=big_db)))
    doc_id = rows(big_db, "SELECT doc_id FROM articles ORDER BY rowid DESC LIMIT 1")[0][0]
    story_id = rows(big_db, "SELECT story_id FROM stories ORDER BY rowid DESC LIMIT 1")[0][0]
    paths = [p for _, p in queries_for(big_db)]
    paths += [f"/articles/{doc_id}", f"/api/stories/{story_id}", "/quotes", "/articles"]

    statuses = {path: client.get(path).status_code for path in paths}

    assert statuses == dict.fromkeys(paths, 200)
    by_actor = client.get(paths[0]).json()
    assert by_actor["items"], paths[0]


def test_a_synthetic_store_is_built_into_a_new_file_only(big_db: str, seed_db: str) -> None:
    with pytest.raises(StoreError, match="not empty"):
        grow_store(seed_db, big_db, events=100)
    with pytest.raises(StoreError, match="no seed store"):
        grow_store(str(Path(big_db).parent / "missing.db"), big_db + ".new", events=100)
    with pytest.raises(StoreError, match="SQLite files"):
        grow_store(seed_db, "postgresql://localhost/storyline", events=100)


@pytest.mark.parametrize(
    ("value", "days", "moved"),
    [
        ("2023-03-01", 1, "2023-02-28"),
        ("2024-03-01", 1, "2024-02-29"),
        ("2023-03", 1, "2023-02"),
        ("2023", 1, "2022"),
        ("2023-06", 0, "2023-06"),
        ("soon", 5, "soon"),
    ],
)
def test_shift_moves_days_months_and_years_back(value: str, days: int, moved: str) -> None:
    assert shift(value, days) == moved


def test_span_gives_first_and_last_day() -> None:
    assert span("2024-02") == ("2024-02-01", "2024-02-29")
    assert span("2023") == ("2023-01-01", "2023-12-31")
    assert span(date(2023, 5, 6).isoformat()) == ("2023-05-06", "2023-05-06")
