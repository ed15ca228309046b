"""The events on one network link, read in SQL (Store.link_events), on both backends:
the same as the network counts, either way round, page by page, and for merged ends."""

from __future__ import annotations

import pytest

from storyline.network import build_network
from storyline.query import EventFilter
from storyline.records import Event
from storyline.store import SQLiteStore
from tests.conftest import make_article, make_result
from tests.store.test_story_reads import make_stories


@pytest.fixture
def filled(store: SQLiteStore) -> tuple[SQLiteStore, list[Event]]:
    events, stories = make_stories(23)
    for e in events:
        store.save_result(
            make_result(make_article(e.evidence.text, e.evidence.doc_id), events=(e,))
        )
    store.replace_stories(stories)
    return store, events


def on_link(events: list[Event], one: set[str], other: set[str]) -> list[str]:
    """The ids of the events between the two sets, as the network pairs them."""
    found = []
    for e in events:
        targets = {t.actor_id for t in e.targets} - {e.source.actor_id}
        s = e.source.actor_id
        if (s in one and targets & other) or (s in other and targets & one):
            found.append(e)
    found.sort(key=lambda e: (e.evidence.doc_id, e.evidence.start, e.event_id))
    return [e.event_id for e in found]


@pytest.mark.parametrize(
    "wanted", [EventFilter(), EventFilter(types=("AID", "CONSULT")), EventFilter(since="2024")]
)
def test_each_link_holds_as_many_events_as_the_network_counts(
    filled: tuple[SQLiteStore, list[Event]], wanted: EventFilter
) -> None:
    store, _ = filled
    kept = list(store.iter_events(wanted))
    network = build_network(kept)
    assert network.edges
    for edge in network.edges:
        page = store.link_events([edge.source], [edge.target], wanted, limit=100)
        assert page.total == edge.count == len(page.items)
        assert [e.event_id for e in page.items] == on_link(kept, {edge.source}, {edge.target})
        back = store.link_events([edge.target], [edge.source], wanted, limit=100)
        assert [e.event_id for e in back.items] == [e.event_id for e in page.items]


def test_a_link_is_read_page_by_page(filled: tuple[SQLiteStore, list[Event]]) -> None:
    store, events = filled
    whole = on_link(events, {"MLI"}, {"un"})
    assert len(whole) >= 3
    pages = [
        store.link_events(["MLI"], ["un"], EventFilter(), limit=2, offset=o)
        for o in range(0, len(whole), 2)
    ]
    assert [e.event_id for p in pages for e in p.items] == whole
    assert {p.total for p in pages} == {len(whole)}
    assert store.link_events(["MLI"], ["un"], EventFilter(), limit=2, offset=99).items == []


def test_merged_ends_hold_the_events_of_any_member(filled: tuple[SQLiteStore, list[Event]]) -> None:
    store, events = filled
    one, other = {"MLI", "amina-diallo"}, {"un", "TCD"}
    found = store.link_events(sorted(one), sorted(other), EventFilter(), limit=100)
    assert [e.event_id for e in found.items] == on_link(events, one, other)
    assert found.total > len(on_link(events, {"MLI"}, {"un"}))
    assert store.link_events(["MLI"], ["nobody"], EventFilter(), limit=10).total == 0
