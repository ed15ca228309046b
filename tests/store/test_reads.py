"""The store's listings in SQL (store/reads.py): each filter keeps what it means, pages
by offset and by cursor cover a listing once, get-by-id, and every filtered query is
served by an index (the plan names no full scan of events)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from storyline.query import ActorFilter, EventFilter, Page, QuoteFilter
from storyline.records import (
    Actor,
    ActorKind,
    ActorMention,
    Article,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    Quote,
    QuoteKind,
)
from storyline.store import SQLiteStore
from tests.conftest import make_article, make_result

KURTI = Actor(
    actor_id="a-kurti",
    name="Albin Kurti",
    kind=ActorKind.PERSON,
    country="XKX",
    aliases=("Kurti",),
)
VUCIC = Actor(
    actor_id="a-vucic",
    name="Aleksandar Vučić",
    kind=ActorKind.PERSON,
    country="SRB",
    aliases=("Vučić",),
)
EU = Actor(actor_id="a-eu", name="European Union", kind=ActorKind.ORG, aliases=("EU",))
SERBIA = Actor(actor_id="a-serbia", name="Serbia", kind=ActorKind.COUNTRY, country="SRB")
NATO = Actor(actor_id="a-nato", name="NATO", kind=ActorKind.ORG, aliases=("the Alliance",))
ACTORS = (KURTI, VUCIC, EU, SERBIA, NATO)

# (doc, published, type, quad, source, targets, date, window) per event; each article's
# events follow one another in its text.
DATES: list[tuple[str | None, tuple[str, str] | None]] = [
    ("2023-03-18", None),
    ("2023-03", None),
    ("2023", None),
    (None, ("2023-02-27", "2023-03-02")),
    ("2023-05-29", None),
    (None, None),
    ("2022-12-31", None),
]
TYPES = [
    ("CONSULT", "verbal_cooperation"),
    ("ACCUSE", "verbal_conflict"),
    ("ASSAULT", "material_conflict"),
    ("AGREE", "verbal_cooperation"),
]
PAIRS = [(KURTI, (VUCIC,)), (EU, (KURTI, VUCIC)), (SERBIA, ()), (NATO, (EU,)), (VUCIC, (EU,))]
PUBLISHED = ["2023-03-20", None, "2023-02-28", None, "2023-05-31", "2023-03-19"]


def _event(i: int, doc_id: str) -> Event:
    value, window = DATES[i % len(DATES)]
    date = None
    if value or window:
        precision = (
            DatePrecision.WINDOW
            if window
            else {10: DatePrecision.DAY, 7: DatePrecision.MONTH, 4: DatePrecision.YEAR}[
                len(value or "")
            ]
        )
        date = EventDate(value=value, precision=precision, window=window, text="then")
    kind, quad = TYPES[i % len(TYPES)]
    source, targets = PAIRS[i % len(PAIRS)]
    start = (i % 4) * 20
    return Event(
        event_id=f"e{i:02d}",
        type=kind,
        quad=quad,
        source=source,
        targets=targets,
        evidence=Evidence(doc_id=doc_id, start=start, end=start + 10, text="x" * 10),
        date=date,
        story_id=f"s{i % 3}",
    )


def _quote(i: int, doc_id: str) -> Quote:
    speaker = [KURTI, VUCIC, None, EU][i % 4]
    return Quote(
        quote_id=f"q{i:02d}",
        evidence=Evidence(doc_id=doc_id, start=i * 3, end=i * 3 + 2, text="yy"),
        kind=QuoteKind.DIRECT if i % 2 else QuoteKind.INDIRECT,
        speaker=speaker,
        speaker_text=speaker.name if speaker else "officials",
        joint=(NATO,) if i % 5 == 0 else (),
    )


def _articles() -> list[tuple[Article, list[Event], list[Quote], list[ActorMention]]]:
    found = []
    for n, published in enumerate(PUBLISHED):
        doc_id = f"doc-{'fedcba'[n]}"  # listed order differs from saving order
        article = make_article(
            "z" * 100,
            doc_id=doc_id,
            file=f"{n:02d}.txt",
            published=published,
            outlet=["Danube Post", "Balkan Press"][n % 2],
        )
        events = [_event(i, doc_id) for i in range(n * 4, n * 4 + 4)]
        quotes = [_quote(i, doc_id) for i in range(n * 3, n * 3 + 3)]
        mentions = [
            ActorMention(
                actor_id=a.actor_id, evidence=Evidence(doc_id=doc_id, start=k, end=k + 1, text="z")
            )
            for k, a in enumerate(ACTORS[: n % 4 + 1])
        ]
        found.append((article, events, quotes, mentions))
    return found


@pytest.fixture
def filled(store: SQLiteStore) -> SQLiteStore:
    """A store with six articles (two undated), 24 events and 18 quotes."""
    for article, events, quotes, mentions in _articles():
        store.save_result(
            make_result(
                article,
                actors=ACTORS,
                actor_mentions=tuple(mentions),
                events=tuple(events),
                quotes=tuple(quotes),
            )
        )
    return store


def _all_events() -> list[Event]:
    everything = [e for _, events, _, _ in _articles() for e in events]
    return sorted(everything, key=lambda e: (e.evidence.doc_id, e.evidence.start, e.event_id))


def _first_day(event: Event) -> str | None:
    if event.date is None:
        return None
    if event.date.window and (event.date.precision is DatePrecision.WINDOW or not event.date.value):
        return event.date.window[0]
    return event.date.value


def _named(actor: Actor, needle: str | None, country: str | None) -> bool:
    names = (actor.name, actor.actor_id, *actor.aliases)
    if needle and not any(needle.casefold() in n.casefold() for n in names):
        return False
    return not country or actor.country == country.upper()


def _kept(e: Event, f: EventFilter) -> bool:
    """The meaning of each filter, restated (query.py's docstrings)."""
    people = (e.source, *e.targets)
    day = _first_day(e)
    full = (day + "-01-01"[len(day) - 4 :]) if day and len(day) < 10 else day
    last = {4: "-12-31", 7: "-31", 10: ""}
    return (
        (not (f.actor or f.country) or any(_named(a, f.actor, f.country) for a in people))
        and (not f.types or e.type in f.types)
        and (not f.quad or e.quad == f.quad)
        and (not f.story_id or e.story_id == f.story_id)
        and (not f.doc_id or e.evidence.doc_id == f.doc_id)
        and (not f.since or (full is not None and full >= f.since))
        and (not f.until or (full is not None and full <= f.until + last[len(f.until)]))
    )


EVENT_FILTERS = [
    EventFilter(),
    EventFilter(actor="vučić"),
    EventFilter(actor="KURTI"),
    EventFilter(actor="eu"),  # an alias, and a part of an id
    EventFilter(actor="alliance"),  # an alias only
    EventFilter(actor="nobody"),
    EventFilter(country="srb"),
    EventFilter(country="XKX"),
    EventFilter(actor="kurti", country="SRB"),  # one actor must match both
    EventFilter(types=("ASSAULT",)),
    EventFilter(types=("ACCUSE", "AGREE")),
    EventFilter(quad="verbal_cooperation"),
    EventFilter(story_id="s1"),
    EventFilter(doc_id="doc-d"),
    EventFilter(since="2023-03"),
    EventFilter(until="2023-02"),
    EventFilter(since="2023-03-18", until="2023-03-18"),
    EventFilter(since="2023", until="2023"),
    EventFilter(country="SRB", types=("ACCUSE", "CONSULT"), since="2023-01"),
]


@pytest.mark.parametrize("wanted", EVENT_FILTERS, ids=repr)
def test_event_filters_keep_what_they_mean_in_article_and_text_order(
    filled: SQLiteStore, wanted: EventFilter
) -> None:
    expected = [e for e in _all_events() if _kept(e, wanted)]

    page = filled.event_page(wanted, limit=100)

    assert page.items == expected
    assert page.total == len(expected)
    assert page.next is None
    assert list(filled.iter_events(wanted)) == expected


@pytest.mark.parametrize("few_ids", [500, 1])
@pytest.mark.parametrize("wanted", EVENT_FILTERS, ids=repr)
def test_a_filter_keeping_many_walks_the_order_to_the_same_answer(
    filled: SQLiteStore, wanted: EventFilter, few_ids: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.store import reads

    monkeypatch.setattr(reads, "SORT_LIMIT", 2)  # every filter keeping 3 or more walks
    monkeypatch.setattr(reads, "BATCH", few_ids)  # 1: the actors named by a query, not ids
    expected = [e for e in _all_events() if _kept(e, wanted)]

    pages = list(_walk(lambda **kw: filled.event_page(wanted, **kw), 3))

    assert [e for p in pages for e in p.items] == expected
    assert list(filled.iter_events(wanted)) == expected
    assert filled.event_page(wanted, limit=3, offset=4).items == expected[4:7]


def test_each_filter_keeps_some_events_and_drops_others() -> None:
    none = [EventFilter(actor="nobody"), EventFilter(actor="kurti", country="SRB")]
    for wanted in EVENT_FILTERS[1:]:
        kept = sum(_kept(e, wanted) for e in _all_events())
        assert kept == 0 if wanted in none else 0 < kept < 24, wanted


def _walk(read: Callable[..., Page[Any]], size: int, **kw: Any) -> Iterator[Page[Any]]:
    """Every page of a listing, each asked after the previous page's cursor."""
    after = None
    while True:
        page = read(limit=size, after=after, **kw)
        yield page
        if page.next is None:
            return
        after = page.next


@pytest.mark.parametrize("size", [1, 3, 5, 24])
@pytest.mark.parametrize("wanted", [EventFilter(), EventFilter(country="SRB")], ids=repr)
def test_event_pages_by_offset_and_by_cursor_list_each_event_once(
    filled: SQLiteStore, wanted: EventFilter, size: int
) -> None:
    whole = [e for e in _all_events() if _kept(e, wanted)]

    by_offset = [
        filled.event_page(wanted, limit=size, offset=o) for o in range(0, len(whole) + 1, size)
    ]
    by_cursor = list(_walk(lambda **kw: filled.event_page(wanted, **kw), size))

    assert [e for p in by_offset for e in p.items] == whole
    assert [e for p in by_cursor for e in p.items] == whole
    assert {p.total for p in by_offset + by_cursor} == {len(whole)}
    assert all(len(p.items) == size for p in by_cursor[:-1])
    assert by_cursor[-1].next is None and (len(by_cursor) == 1) == (size >= len(whole))
    if by_cursor[0].next:  # a cursor and an offset combine: skip two after the first page
        later = filled.event_page(wanted, limit=size, offset=2, after=by_cursor[0].next)
        assert later.items == whole[size + 2 : 2 * size + 2]


def test_a_cursor_that_is_not_one_is_refused(filled: SQLiteStore) -> None:
    for bad in ("nonsense", "WzAsMV0", ""):
        with pytest.raises(ValueError, match="is not a page cursor"):
            filled.event_page(EventFilter(), limit=5, after=bad or "e30")


def test_get_by_id(filled: SQLiteStore) -> None:
    some = _all_events()[7]

    assert filled.event(some.event_id) == some
    assert filled.event("e-none") is None
    assert filled.quote("q04") == _quote(4, "doc-e")
    assert filled.quote("q-none") is None
    assert filled.actor("a-vucic") == VUCIC
    assert filled.actor("a-none") is None
    assert filled.files_of(["doc-f", "doc-x"]) == {"doc-f": "00.txt", "doc-x": "doc-x"}


def _all_quotes() -> list[Quote]:
    found = [q for _, _, quotes, _ in _articles() for q in quotes]
    return sorted(found, key=lambda q: (q.evidence.doc_id, q.evidence.start, q.quote_id))


@pytest.mark.parametrize(
    "wanted",
    [
        QuoteFilter(),
        QuoteFilter(speaker="vučić"),
        QuoteFilter(speaker="EU"),
        QuoteFilter(country="xkx"),
        QuoteFilter(kind=QuoteKind.DIRECT),
        QuoteFilter(doc_id="doc-c", kind=QuoteKind.INDIRECT),
        QuoteFilter(speaker="nobody"),
    ],
    ids=repr,
)
@pytest.mark.parametrize("few_ids", [500, 1])
def test_quote_filters(
    filled: SQLiteStore, wanted: QuoteFilter, few_ids: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.store import reads

    monkeypatch.setattr(reads, "BATCH", few_ids)  # 1: the speakers named by a query

    def kept(q: Quote) -> bool:
        if wanted.kind is not None and q.kind is not wanted.kind:
            return False
        if wanted.doc_id and q.evidence.doc_id != wanted.doc_id:
            return False
        if wanted.speaker or wanted.country:
            return q.speaker is not None and _named(q.speaker, wanted.speaker, wanted.country)
        return True

    expected = [q for q in _all_quotes() if kept(q)]
    pages = list(_walk(lambda **kw: filled.quote_page(wanted, **kw), 2))

    assert [q for p in pages for q in p.items] == expected
    assert {p.total for p in pages} == {len(expected)}
    assert filled.quotes(doc_id=wanted.doc_id) == [
        q for q in _all_quotes() if not wanted.doc_id or q.evidence.doc_id == wanted.doc_id
    ]


@pytest.mark.parametrize(
    "wanted, expected",
    [
        (ActorFilter(), ["a-kurti", "a-vucic", "a-eu", "a-nato", "a-serbia"]),
        (ActorFilter(name="eu"), ["a-eu"]),
        (ActorFilter(name="ALLIANCE"), ["a-nato"]),
        (ActorFilter(country="srb"), ["a-vucic", "a-serbia"]),
        (ActorFilter(kind=ActorKind.ORG), ["a-eu", "a-nato"]),
        (ActorFilter(name="a", kind=ActorKind.PERSON, country="XKX"), ["a-kurti"]),
    ],
    ids=repr,
)
def test_actor_filters_in_name_order_with_mention_counts(
    filled: SQLiteStore, wanted: ActorFilter, expected: list[str]
) -> None:
    pages = list(_walk(lambda **kw: filled.actor_page(wanted, **kw), 2))
    found = [s for p in pages for s in p.items]

    assert [s.actor.actor_id for s in found] == expected
    counts = {s.actor.actor_id: (s.mentions, s.articles) for s in found}
    # article n mentions the first n % 4 + 1 actors once: Kurti in all six, NATO in none
    assert counts.get("a-kurti", (6, 6)) == (6, 6)
    assert counts.get("a-vucic", (4, 4)) == (4, 4)
    assert counts.get("a-nato", (0, 0)) == (0, 0)


@pytest.mark.parametrize("size", [1, 2, 4, 6])
def test_articles_by_publication_day_undated_last_across_pages(
    filled: SQLiteStore, size: int
) -> None:
    expected = ["doc-d", "doc-a", "doc-f", "doc-b", "doc-e", "doc-c"]

    by_cursor = list(_walk(filled.article_page, size))
    by_offset = [filled.article_page(limit=size, offset=o) for o in range(0, 6, size)]

    assert [s.article.doc_id for p in by_cursor for s in p.items] == expected
    assert [s.article.doc_id for p in by_offset for s in p.items] == expected
    assert {p.total for p in by_cursor + by_offset} == {6}
    press = filled.article_page(outlet="press", limit=10)
    assert [s.article.doc_id for s in press.items] == ["doc-a", "doc-e", "doc-c"]


# -- plans: every filter is served by an index ---------------------------------------------


class _Recorder:
    """The store's connection, recording every statement it is given."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.seen: list[tuple[str, list[object]]] = []

    def execute(self, sql: str, args: Any = ()) -> Any:
        self.seen.append((sql, list(args)))
        return self.db.execute(sql, args)


EVENT_TABLES = ("e", "ea", "events", "event_actors")


def _scans(store: SQLiteStore, read: Callable[[], object], tables: tuple[str, ...]) -> list[str]:
    """The plan lines of the statements a read runs that scan one of these tables."""
    recorder = _Recorder(store._db)
    store._db = recorder
    try:
        read()
    finally:
        store._db = recorder.db
    full_scan = re.compile(rf"^SCAN ({'|'.join(tables)})( |$)")
    found = []
    for sql, args in recorder.seen:
        plan = [r[3] for r in recorder.db.execute("EXPLAIN QUERY PLAN " + sql, args)]
        found += [line for line in plan if full_scan.match(line)]
    return found


# Each read, and the tables it must not scan: a needle is a substring of a name, so the
# actors are scanned for it (the events never); a country is found by its index.
PLANNED: dict[str, tuple[Callable[[SQLiteStore], object], tuple[str, ...]]] = {
    "actor": (lambda s: s.event_page(EventFilter(actor="kurti"), limit=5), EVENT_TABLES),
    "country": (lambda s: s.event_page(EventFilter(country="SRB"), limit=5), (*EVENT_TABLES, "a")),
    "dates": (
        lambda s: s.event_page(EventFilter(since="2023-03", until="2023-04"), limit=5),
        EVENT_TABLES,
    ),
    "actor id": (lambda s: s.event_page(EventFilter(actor_id="a-eu"), limit=5), EVENT_TABLES),
    "event by id": (lambda s: s.event("e07"), (*EVENT_TABLES, "actors")),
    "quotes by speaker country": (
        lambda s: s.quote_page(QuoteFilter(country="SRB"), limit=5),
        ("q", "quotes", "a"),
    ),
    "actors by country": (lambda s: s.actor_page(ActorFilter(country="SRB"), limit=5), ("a",)),
    "articles": (lambda s: s.article_page(limit=5), ("a", "m")),
    "files": (lambda s: s.files_of(["doc-a"]), ("articles",)),
}


def _sqlite_only(store: SQLiteStore) -> None:
    """Plans are SQLite's (EXPLAIN QUERY PLAN); PostgreSQL plans by its statistics."""
    dialect = getattr(store, "dialect", None)
    if dialect is not None and dialect.name != "sqlite":
        pytest.skip("query plans are checked on SQLite")


@pytest.mark.parametrize("name", PLANNED)
def test_filtered_reads_scan_no_table_they_filter(filled: SQLiteStore, name: str) -> None:
    _sqlite_only(filled)
    read, tables = PLANNED[name]

    assert _scans(filled, lambda: read(filled), tables) == []


@pytest.mark.parametrize(
    "indexes, name",
    [
        (["events_day"], "dates"),
        (["actors_country"], "country"),
        (["event_actors_actor_event", "event_actors_actor"], "actor id"),
    ],
)
def test_a_missing_index_shows_as_a_scan(
    filled: SQLiteStore, indexes: list[str], name: str
) -> None:
    _sqlite_only(filled)
    for index in indexes:
        filled._db.execute(f"DROP INDEX {index}")
    read, tables = PLANNED[name]

    assert _scans(filled, lambda: read(filled), tables)
