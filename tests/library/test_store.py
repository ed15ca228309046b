"""`storyline.open`: the listings of the CLI and the API, with the same filters, as tables."""

from __future__ import annotations

from typing import Any

import pytest

import storyline
from storyline.errors import ConfigError, StoreError
from storyline.query import EventFilter, QuoteFilter
from storyline.store import open_store
from tests.library.conftest import build_store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["ev-meet", "ev-accuse", "ev-agree", "ev-forum"]),
        ({"country": "FIN"}, ["ev-meet", "ev-accuse", "ev-agree", "ev-forum"]),
        ({"country": "nor", "type": "ACCUSE"}, ["ev-accuse"]),
        ({"actor": "halvor"}, ["ev-meet", "ev-agree"]),
        ({"actor": "arctic"}, ["ev-forum"]),
        ({"type": ["consult", "AGREE"]}, ["ev-meet", "ev-agree", "ev-forum"]),
        ({"quad": "verbal conflict"}, ["ev-accuse"]),
        ({"since": "2024-05-07"}, ["ev-accuse"]),
        ({"until": "2024-05-06"}, ["ev-meet", "ev-agree"]),  # May 2024 may begin on the 1st
        ({"since": "2024-05", "until": "2024-05"}, ["ev-meet", "ev-accuse", "ev-agree"]),
        ({"article": "doc-b"}, ["ev-agree", "ev-forum"]),
    ],
)
def test_events_keep_what_the_cli_and_api_filters_keep(
    built_db: str, filters: dict[str, Any], expected: list[str]
) -> None:
    with storyline.open(built_db) as store:
        found = [e.event_id for e in store.events(**filters)]

    assert found == expected
    raw = open_store(built_db)
    types = filters.get("type", ())
    wanted = EventFilter(
        actor=filters.get("actor"),
        country=filters.get("country"),
        types=tuple(t.upper() for t in ([types] if isinstance(types, str) else types)),
        quad=filters.get("quad", "").replace(" ", "_") or None,
        since=filters.get("since"),
        until=filters.get("until"),
        doc_id=filters.get("article"),
    )
    assert found == [e.event_id for e in raw.iter_events(wanted)]  # one implementation
    raw.close()


def test_events_of_a_story_and_a_limited_listing(built_db: str) -> None:
    with storyline.open(built_db) as store:
        story = store.events(type="ACCUSE")[0].story_id
        assert story is not None
        assert [e.event_id for e in store.events(story=story)] == ["ev-accuse"]
        assert [e.event_id for e in store.events(limit=2)] == ["ev-meet", "ev-accuse"]


@pytest.mark.parametrize(
    ("call", "kwargs", "message"),
    [
        ("events", {"since": "2024-13"}, "since: '2024-13' is not a date"),
        ("events", {"until": "May"}, "until: 'May' is not a date"),
        ("events", {"type": "HUG"}, "type: unknown PLOVER type 'HUG'"),
        ("events", {"quad": "lukewarm"}, "quad: 'lukewarm' is not a quad category"),
        ("stories", {"since": "20240"}, "since: '20240' is not a date"),
        ("timeline", {"type": ["AGREE", "WAVE"]}, "type: unknown PLOVER type 'WAVE'"),
        ("quotes", {"kind": "shouted"}, "kind: 'shouted' is not one of direct, indirect"),
        ("actors", {"kind": "robot"}, "kind: 'robot' is not one of person, org, country"),
    ],
)
def test_a_bad_argument_is_a_one_line_error_naming_it(
    built_db: str, call: str, kwargs: dict[str, Any], message: str
) -> None:
    with storyline.open(built_db) as store, pytest.raises(ConfigError) as raised:
        getattr(store, call)(**kwargs)
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


def test_quotes_by_speaker_country_kind_and_article(built_db: str) -> None:
    with storyline.open(built_db) as store:
        assert [q.quote_id for q in store.quotes()] == ["q-limits", "q-aide"]
        assert [q.quote_id for q in store.quotes(speaker="mira")] == ["q-limits"]
        assert [q.quote_id for q in store.quotes(country="NOR")] == ["q-limits"]
        assert [q.quote_id for q in store.quotes(kind="INDIRECT")] == ["q-aide"]
        assert [q.quote_id for q in store.quotes(article="doc-b")] == ["q-aide"]
        raw = open_store(built_db)
        same = [q.quote_id for q in raw.iter_quotes(QuoteFilter(speaker="mira"))]
        raw.close()
        assert same == ["q-limits"]


def test_actors_in_name_order_with_mention_counts(built_db: str) -> None:
    with storyline.open(built_db) as store:
        everyone = store.actors()
        people = store.actors(kind="person")
        finns = store.actors(country="FIN", limit=1)

    assert [s.actor.name for s in everyone] == [
        "Arctic Forum", "Finland", "Jussi Arola", "Mira Halvorsen", "Norway",
    ]  # fmt: skip
    arola = everyone[2]
    assert (arola.mentions, arola.articles) == (2, 2)
    assert [s.actor.actor_id for s in people] == ["jussi-arola", "mira-halvorsen"]
    assert [s.actor.actor_id for s in finns] == ["FIN"]


def test_stories_and_timeline_by_date_undated_last(built_db: str) -> None:
    with storyline.open(built_db) as store:
        stories = store.stories()
        timeline = store.timeline()
        finnish = store.timeline(country="FIN", since="2024-05-07")

    assert [s.date for s in stories] == ["2024-05", "2024-05-06", "2024-05-07", None]
    assert [t.section for t in timeline] == ["news", "news", "news", "undated"]
    assert [t.story.story_id for t in timeline] == [s.story_id for s in stories]
    assert [t.story.types for t in finnish] == [("ACCUSE",)]
    assert [a.name for a in finnish[0].participants] == ["Norway", "Finland"]


def test_the_network_counts_dyads_either_way(built_db: str) -> None:
    with storyline.open(built_db) as store:
        nodes, dyads = store.network()
        conflict_nodes, conflict = store.network(quad="verbal_conflict")

    top = dyads[0]
    assert {top.source.name, top.target.name} == {"Jussi Arola", "Mira Halvorsen"}
    assert top.events == 2 and top.quad == "verbal_cooperation"
    assert dict(top.types) == {"AGREE": 1, "CONSULT": 1}
    assert nodes[0].events >= nodes[-1].events
    assert [(d.source.actor_id, d.target.actor_id) for d in conflict] == [("FIN", "NOR")]
    assert {n.actor.actor_id for n in conflict_nodes} == {"FIN", "NOR"}


def test_articles_in_publication_order(built_db: str) -> None:
    with storyline.open(built_db) as store:
        assert [s.article.doc_id for s in store.articles()] == ["doc-a", "doc-b"]
        assert [s.article.outlet for s in store.articles(outlet="desk")] == ["North Desk"]


def test_the_store_closes_with_its_block_and_refuses_reads_after(built_db: str) -> None:
    with storyline.open(built_db) as store:
        assert len(store.events()) == 4
    with pytest.raises(StoreError, match="the store is closed"):
        store.events()
    store.close()  # closing again is harmless
    assert "closed" in repr(store)


def test_opening_a_new_path_creates_an_empty_store(tmp_path: Any) -> None:
    db = tmp_path / "fresh.db"
    with storyline.open(db) as store:
        assert len(store.events()) == 0 and len(store.stories()) == 0
        assert store.events().to_dicts() == []
    assert db.exists()


def test_an_unsupported_location_is_a_one_line_error() -> None:
    with pytest.raises(StoreError, match="the 'mysql' store is not supported"):
        storyline.open("mysql://someone@db.example.org/news")


def test_a_postgresql_url_opens_a_store_answering_as_the_sqlite_one(
    postgres_server: Any, tmp_path: Any
) -> None:
    url = postgres_server.url()  # a fresh database on the session's server
    lite = str(tmp_path / "same.db")
    build_store(url)
    build_store(lite)

    with storyline.open(url) as pg, storyline.open(lite) as sqlite:
        for listing, kwargs in [
            ("events", {"country": "FIN", "since": "2024-05"}),
            ("quotes", {"speaker": "mira"}),
            ("actors", {}),
            ("stories", {"type": "CONSULT"}),
            ("timeline", {"actor": "arola"}),
        ]:
            answer = getattr(pg, listing)(**kwargs).to_dicts()
            assert answer == getattr(sqlite, listing)(**kwargs).to_dicts(), listing
            assert answer, listing
