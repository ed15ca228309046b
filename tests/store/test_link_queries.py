"""The store's questions for story linking: candidates by type, days and participant
through indexes, the events and stories a change touches, and the migration that
fills those indexes for a database stored before them."""

from __future__ import annotations

import pytest

from storyline.records import (
    Actor,
    ActorKind,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    Story,
)
from storyline.store import SQLiteStore, open_store
from tests.conftest import make_article, make_result, person
from tests.store.conftest import patch_migrations, raw

GHANA = Actor(actor_id="GHA", name="Ghana", kind=ActorKind.COUNTRY, country="GHA")
TOGO_ARMY = Actor(
    actor_id="tgo-army", name="Togo armed forces", kind=ActorKind.ORG, country="TGO", sector="MIL"
)
MINISTER = person("Kwame Asante", "GHA", "GOV")
PERU = Actor(actor_id="PER", name="Peru", kind=ActorKind.COUNTRY, country="PER")
BOLIVIA = Actor(actor_id="BOL", name="Bolivia", kind=ActorKind.COUNTRY, country="BOL")
AU = Actor(actor_id="african-union", name="African Union", kind=ActorKind.ORG, sector="IGO")


def dated(value: str | None = None, window: tuple[str, str] | None = None) -> EventDate | None:
    """A day or month, a window, or no date."""
    if window:
        return EventDate(value=None, precision=DatePrecision.WINDOW, window=window)
    if value is None:
        return None
    precision = {10: DatePrecision.DAY, 7: DatePrecision.MONTH, 4: DatePrecision.YEAR}
    return EventDate(value=value, precision=precision[len(value)])


def event(
    name: str,
    type_: str,
    source: Actor,
    targets: tuple[Actor, ...],
    when: EventDate | None,
) -> Event:
    """An event of its own article (the article is named after the event)."""
    text = f"{source.name} and {', '.join(t.name for t in targets)}."
    return Event(
        event_id=f"e-{name}",
        type=type_,
        source=source,
        targets=targets,
        evidence=Evidence(doc_id=name, start=0, end=len(text), text=text),
        date=when,
    )


def save(store: SQLiteStore, *events: Event) -> None:
    """Each event saved with an article of its own."""
    for e in events:
        article = make_article(e.evidence.text, doc_id=e.evidence.doc_id)
        store.save_result(make_result(article, events=(e,)))


STORED = [
    event("talks-tue", "CONSULT", MINISTER, (TOGO_ARMY,), dated("2024-02-13")),
    event("talks-week", "CONSULT", GHANA, (TOGO_ARMY,), dated(window=("2024-02-08", "2024-02-15"))),
    event("talks-march", "CONSULT", GHANA, (TOGO_ARMY,), dated("2024-03")),
    event("talks-undated", "CONSULT", GHANA, (TOGO_ARMY,), None),
    event("strike-tue", "ASSAULT", GHANA, (TOGO_ARMY,), dated("2024-02-13")),
    event("andes-tue", "CONSULT", PERU, (BOLIVIA,), dated("2024-02-13")),
    event("au-tue", "SANCTION", AU, (PERU,), dated("2024-02-13")),
    event("truce-2023", "AGREE", GHANA, (TOGO_ARMY,), dated("2023")),
    event("truce-span", "AGREE", GHANA, (TOGO_ARMY,), dated(window=("2023-11-28", "2024-01-03"))),
    event("truce-dec", "AGREE", GHANA, (TOGO_ARMY,), dated("2023-12-05")),
]


@pytest.mark.parametrize(
    ("types", "actor_ids", "countries", "days", "expected"),
    [
        pytest.param(
            ["CONSULT"],
            [],
            ["GHA"],
            ("2024-02-13", "2024-02-13"),
            ["talks-tue", "talks-undated", "talks-week"],
            id="a-day-finds-the-same-day-a-window-over-it-and-the-undated",
        ),
        pytest.param(
            ["CONSULT"],
            [],
            ["TGO"],
            ("2024-03-01", "2024-03-31"),
            ["talks-march", "talks-undated"],
            id="a-month-finds-its-days-by-the-other-country",
        ),
        pytest.param(
            ["CONSULT", "ASSAULT"],
            [],
            ["GHA"],
            ("2024-02-13", "2024-02-13"),
            ["strike-tue", "talks-tue", "talks-undated", "talks-week"],
            id="several-types",
        ),
        pytest.param(
            ["CONSULT"],
            [],
            ["GHA", "PER"],
            None,
            ["andes-tue", "talks-march", "talks-tue", "talks-undated", "talks-week"],
            id="undated-finds-any-day",
        ),
        pytest.param(
            ["SANCTION"],
            ["african-union"],
            [],
            ("2024-02-13", "2024-02-13"),
            ["au-tue"],
            id="a-body-of-no-country-by-itself",
        ),
        pytest.param(["CONSULT"], [], ["BOL"], ("2024-02-14", "2024-02-20"), [], id="no-overlap"),
        pytest.param(
            ["AGREE"],
            [],
            ["GHA"],
            ("2023-12-20", "2023-12-20"),
            ["truce-2023", "truce-span"],
            id="days-running-into-other-months-found-from-any-of-their-months",
        ),
        pytest.param(
            ["AGREE"],
            [],
            ["TGO"],
            ("2024-01-02", "2024-01-09"),
            ["truce-span"],
            id="a-window-begun-the-month-before",
        ),
        pytest.param(["CONSULT"], [], [], None, [], id="no-participant-nothing"),
    ],
)
def test_events_sharing_finds_candidates_by_type_days_and_participant(
    store: SQLiteStore,
    types: list[str],
    actor_ids: list[str],
    countries: list[str],
    days: tuple[str, str] | None,
    expected: list[str],
) -> None:
    save(store, *STORED)
    found = store.events_sharing(types=types, actor_ids=actor_ids, countries=countries, days=days)
    assert [e.removeprefix("e-") for e in found] == expected
    assert found == sorted(found)


def test_a_merge_moves_the_events_an_actor_takes_part_in(store: SQLiteStore) -> None:
    save(store, *STORED)
    full = person("Kwame Nana Asante", "GHA", "GOV")
    save(store, event("later", "CONSULT", full, (TOGO_ARMY,), dated("2024-02-20")))
    store.merge_actors({MINISTER.actor_id: full.actor_id})
    assert store.events_naming([MINISTER.actor_id]) == []
    moved = store.events_naming([full.actor_id])
    assert [e.event_id for e in moved] == ["e-later", "e-talks-tue"]


def test_replacing_stories_keeps_which_articles_each_cites(store: SQLiteStore) -> None:
    save(store, *STORED[:2])
    talks = Story(
        story_id="s-talks",
        date="2024-02-13",
        title="Ghana meets Togo",
        event_ids=("e-talks-tue", "e-talks-week"),
        doc_ids=("talks-tue", "talks-week"),
        types=("CONSULT",),
    )
    store.replace_stories([talks])
    assert store.story_ids(doc_ids=["talks-week"]) == {"s-talks"}
    assert store.story_ids(event_ids=["e-talks-tue"]) == {"s-talks"}
    assert [e.event_id for e in store.events_in(story_ids=["s-talks"])] == [
        "e-talks-tue",
        "e-talks-week",
    ]
    assert store.unlinked_events() == []
    store.replace_stories([], drop={"s-talks"})
    assert store.story_ids(doc_ids=["talks-week", "talks-tue"]) == set()
    assert len(store.unlinked_events()) == 2


def test_copies_of_an_article_are_found_by_their_original(store: SQLiteStore) -> None:
    save(store, *STORED[:1])
    copy = make_article("Ghana and Togo.", doc_id="copy", outlet="Syndicate")
    store.save_result(make_result(copy))
    store.demote("copy", "talks-tue", [])
    assert [a.doc_id for a in store.copies_of(["talks-tue"])] == ["copy"]
    assert store.copies_of(["copy"]) == []


def test_the_migration_fills_the_linking_indexes_of_a_stored_database(
    settings, monkeypatch
) -> None:
    patch_migrations(monkeypatch, upto=4)
    open_store(settings.db).close()
    with raw(settings.db) as db:
        db.execute(
            "INSERT INTO articles (doc_id, file, text, content_hash) VALUES ('d', 'd', '', '')"
        )
        db.executemany(
            "INSERT INTO actors (actor_id, name, kind, country) VALUES (?, ?, 'country', ?)",
            [("GHA", "Ghana", "GHA"), ("TGO", "Togo", "TGO")],
        )
        for event_id, date, precision, after, before in [
            ("e-day", "2024-02-13", "day", None, None),
            ("e-month", "2024-02", "month", None, None),
            ("e-year", "2024", "year", None, None),
            ("e-window", None, "window", "2024-02-08", "2024-02-15"),
            ("e-none", None, None, None, None),
        ]:
            db.execute(
                "INSERT INTO events (event_id, doc_id, type, source_id, target_ids, date, "
                "date_precision, date_after, date_before, start, end, evidence) "
                "VALUES (?, 'd', 'CONSULT', 'GHA', '[\"TGO\"]', ?, ?, ?, ?, 0, 1, 'x')",
                (event_id, date, precision, after, before),
            )
        db.execute(
            "INSERT INTO stories (story_id, title, event_ids, doc_ids) "
            "VALUES ('s', 't', '[\"e-day\"]', '[\"d\"]')"
        )
    monkeypatch.undo()
    store = open_store(settings.db)
    try:
        with raw(settings.db) as db:
            found = db.execute("SELECT event_id, day_first, day_last FROM events").fetchall()
        days = {r[0]: (r[1], r[2]) for r in found}
        assert days == {
            "e-day": ("2024-02-13", "2024-02-13"),
            "e-month": ("2024-02-01", "2024-02-29"),
            "e-year": ("2024-01-01", "2024-12-31"),
            "e-window": ("2024-02-08", "2024-02-15"),
            "e-none": (None, None),
        }
        assert len(store.events_naming(["TGO"])) == 5
        assert store.story_ids(doc_ids=["d"]) == {"s"}
    finally:
        store.close()
