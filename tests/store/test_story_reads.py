"""Story pages and the network, read in SQL: order, filters, paging by offset and by
cursor (nothing lost or repeated), and the indexes the plans use."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest

from storyline.dates.span import in_range
from storyline.network import build_network, network_of
from storyline.query import EventFilter, actor_matches
from storyline.records import Actor, ActorKind, DatePrecision, Event, EventDate, Evidence, Story
from storyline.store import SQLiteStore
from tests.conftest import make_article, make_result, person

MALI = Actor(actor_id="MLI", name="Mali", kind=ActorKind.COUNTRY, country="MLI")
NIGER_ARMY = Actor(
    actor_id="ner-army", name="Niger armed forces", kind=ActorKind.ORG, country="NER"
)
ENVOY = person("Amina Diallo", "MLI", "GOV")
UN = Actor(
    actor_id="un", name="United Nations", kind=ActorKind.ORG, aliases=("UN", "Nations Unies")
)
CHAD = Actor(actor_id="TCD", name="Tchad", kind=ActorKind.COUNTRY, country="TCD")
PEOPLE = (MALI, NIGER_ARMY, ENVOY, UN, CHAD)
TYPES = ("CONSULT", "ASSAULT", "AID", "ACCUSE")
DATES = ("2024-03-05", "2024-03", "2023", "2024-03-05", None, "1999-11-02", "2024-01-20")


def when(value: str | None) -> EventDate | None:
    if value is None:
        return None
    precision = {10: DatePrecision.DAY, 7: DatePrecision.MONTH, 4: DatePrecision.YEAR}
    return EventDate(value=value, precision=precision[len(value)])


def make_stories(n: int) -> tuple[list[Event], list[Story]]:
    """n stories of one or two events each (two articles), dated, undated or
    historical, of rotating types and participants; some share a date and a title."""
    events: list[Event] = []
    stories: list[Story] = []
    for i in range(n):
        date = DATES[i % len(DATES)]
        source, target = PEOPLE[i % 5], PEOPLE[(i + 2) % 5]
        kind = TYPES[i % len(TYPES)]
        members = []
        for j in range(1 + i % 2):
            text = f"{source.name} and {target.name}, story {i} report {j}."
            members.append(
                Event(
                    event_id=f"e{i:02d}-{j}",
                    type=kind,
                    source=source,
                    targets=(target,),
                    evidence=Evidence(doc_id=f"d{i:02d}-{j}", start=0, end=len(text), text=text),
                    date=when(date),
                    story_id=f"s{i:02d}",
                )
            )
        events += members
        stories.append(
            Story(
                story_id=f"s{i:02d}",
                date=date,
                title=f"{source.name} meets {target.name}" if i % 3 else "Same title",
                event_ids=tuple(e.event_id for e in members),
                doc_ids=tuple(e.evidence.doc_id for e in members),
                types=(kind,),
                historical=date is not None and date < "2000",
                participants=(source.actor_id, target.actor_id),
            )
        )
    return events, stories


@pytest.fixture
def stored(store: SQLiteStore) -> tuple[SQLiteStore, list[Event], list[Story]]:
    events, stories = make_stories(23)
    for e in events:
        article = make_article(e.evidence.text, doc_id=e.evidence.doc_id)
        store.save_result(make_result(article, events=(e,)))
    store.replace_stories(stories)
    return store, events, stories


def kept(stories: list[Story], events: list[Event], wanted: EventFilter) -> list[Story]:
    """The stories a filter keeps, as the timeline kept them in Python, in listing order."""
    people = {
        s.story_id: [a for e in events if e.story_id == s.story_id for a in (e.source, *e.targets)]
        for s in stories
    }
    found = [
        s
        for s in stories
        if (
            not wanted.actor
            or any(actor_matches(a, wanted.actor, None) for a in people[s.story_id])
        )
        and (
            not wanted.country
            or any(actor_matches(a, None, wanted.country) for a in people[s.story_id])
        )
        and (not wanted.types or set(wanted.types) & set(s.types))
        and in_range(s.date, wanted.since, wanted.until)
    ]
    return sorted(found, key=lambda s: (s.date is None, s.date or "", s.title, s.story_id))


def walk(store: SQLiteStore, wanted: EventFilter, size: int, **kw: bool) -> Iterator[Story]:
    """Every story of a listing, page after page by cursor."""
    after = None
    while True:
        page = store.story_page(wanted, limit=size, after=after, **kw)
        yield from page.stories
        if page.next is None:
            return
        after = page.next


FILTERS = [
    EventFilter(),
    EventFilter(actor="diallo"),
    EventFilter(actor="NATIONS"),  # an alias, in another case
    EventFilter(country="ner"),
    EventFilter(actor="mali", country="NER"),  # different participants
    EventFilter(types=("AID", "ACCUSE")),
    EventFilter(since="2024-03"),
    EventFilter(until="2024-03"),
    EventFilter(since="2023", until="2024-01-31"),
    EventFilter(actor="nobody"),
]


@pytest.mark.parametrize("wanted", FILTERS)
def test_a_filtered_listing_keeps_what_the_timeline_kept_in_date_order(
    stored: tuple[SQLiteStore, list[Event], list[Story]], wanted: EventFilter
) -> None:
    store, events, stories = stored
    expected = [s.story_id for s in kept(stories, events, wanted)]

    page = store.story_page(wanted, limit=100)

    assert [s.story_id for s in page.stories] == expected
    assert page.total == len(expected) and page.next is None


@pytest.mark.parametrize("wanted", FILTERS[:3] + FILTERS[6:8])
@pytest.mark.parametrize("size", [1, 4, 7])
def test_pages_by_cursor_and_by_offset_lose_and_repeat_nothing(
    stored: tuple[SQLiteStore, list[Event], list[Story]], wanted: EventFilter, size: int
) -> None:
    store, events, stories = stored
    expected = [s.story_id for s in kept(stories, events, wanted)]

    by_cursor = [s.story_id for s in walk(store, wanted, size)]
    by_offset = [
        s.story_id
        for offset in range(0, len(expected) + size, size)
        for s in store.story_page(wanted, limit=size, offset=offset).stories
    ]

    assert by_cursor == expected and by_offset == expected


def test_the_timeline_is_news_then_background_then_undated(
    stored: tuple[SQLiteStore, list[Event], list[Story]],
) -> None:
    store, _, stories = stored

    found = list(walk(store, EventFilter(), 3, timeline=True))
    page = store.story_page(EventFilter(), limit=5, offset=2, timeline=True)

    def section(s: Story) -> int:
        return 2 if s.date is None else int(s.historical)

    key = lambda s: (section(s), s.date or "", s.title, s.story_id)  # noqa: E731
    assert found == sorted(stories, key=key)
    assert {section(s) for s in found} == {0, 1, 2}
    assert page.counts == tuple(sum(section(s) == i for s in stories) for i in range(3))
    assert list(page.stories) == found[2:7]
    assert page.segments == tuple(section(s) for s in found[2:7])


def test_a_cursor_from_elsewhere_is_refused(stored: tuple[SQLiteStore, list, list]) -> None:
    store, _, _ = stored
    with pytest.raises(ValueError, match="is not a page cursor"):
        store.story_page(EventFilter(), limit=3, after="not-a-cursor")
    timeline = store.story_page(EventFilter(), limit=3, timeline=True, offset=20).next
    assert timeline is None or store.story_page(EventFilter(), limit=3, after=timeline)


def test_one_story_and_the_whole_listing(stored: tuple[SQLiteStore, list, list[Story]]) -> None:
    store, events, stories = stored
    assert store.story("s04") == stories[4]
    assert store.story("nope") is None
    assert [s.story_id for s in store.stories()] == [
        s.story_id for s in kept(stories, events, EventFilter())
    ]


@pytest.mark.parametrize(
    "wanted",
    [EventFilter(), EventFilter(actor="diallo"), EventFilter(country="NER", types=("AID",))],
)
def test_the_network_counted_in_sql_is_the_one_of_its_events(
    stored: tuple[SQLiteStore, list[Event], list[Story]], wanted: EventFilter
) -> None:
    store, _, _ = stored
    expected = build_network(store.iter_events(wanted))

    found = network_of(store, wanted, limit=100)

    assert found.nodes == expected.nodes and found.edges == expected.edges
    assert (found.total_nodes, found.total_edges) == (len(expected.nodes), len(expected.edges))
    top = network_of(store, wanted, limit=2)
    shown = {n.actor.actor_id for n in top.nodes}
    assert top.nodes == expected.nodes[:2] and top.total_nodes == len(expected.nodes)
    assert top.edges == tuple(e for e in expected.edges if {e.source, e.target} <= shown)


def plans(store: SQLiteStore, read: object) -> list[str]:
    """The query plans of every statement a read runs (SQLite's)."""
    if not isinstance(store._db, sqlite3.Connection):
        pytest.skip("the plans asked of SQLite")
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    try:
        read()  # type: ignore[operator]
    finally:
        store._db.set_trace_callback(None)
    # A comment of this call's own keeps sqlite3 from reusing a plan it prepared before
    # (an EXPLAIN is not prepared again when an index goes).
    fresh = f" /* {id(statements)} */"
    return [
        " | ".join(r[3] for r in store._db.execute("EXPLAIN QUERY PLAN " + sql + fresh))
        for sql in statements
        if sql.lstrip().upper().startswith(("SELECT", "WITH"))
    ]


def test_a_story_page_by_date_seeks_in_the_date_index_and_sorts_nothing(
    stored: tuple[SQLiteStore, list, list],
) -> None:
    store, _, _ = stored
    first = store.story_page(EventFilter(), limit=2)

    def read() -> None:
        store.story_page(EventFilter(since="2024"), limit=2, after=first.next)

    found = plans(store, read)
    pages = [p for p in found if "ORDER" not in p and "stories_order" in p and ">" in p]
    assert pages, found  # the page seeks after the cursor in (date, title, id) order
    assert not any("TEMP B-TREE FOR ORDER BY" in p for p in found), found
    store._db.execute("DROP INDEX stories_order")
    assert not any("stories_order" in p for p in plans(store, read))


def test_the_network_of_one_actor_reads_only_that_actors_events(
    stored: tuple[SQLiteStore, list, list],
) -> None:
    store, _, _ = stored

    def read() -> None:
        network_of(store, EventFilter(actor="diallo"), limit=10)

    found = plans(store, read)
    # The actor's events by the index on event_actors (actor_id ...), then each by id;
    # of the whole tables only the actors are scanned, for the name.
    assert found and all(re.search(r"INDEX event_actors_actor\w* \(actor_id=", p) for p in found)
    assert not any(re.search(r"SCAN (e|ea|events|event_actors)\b", p) for p in found), found
    for index in ("event_actors_actor", "event_actors_actor_event"):
        store._db.execute(f"DROP INDEX IF EXISTS {index}")
    assert not any("INDEX event_actors_actor" in p for p in plans(store, read))
