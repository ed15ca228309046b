"""The shared reader filters the API adds to storyline.query."""

from __future__ import annotations

import pytest

from storyline.query import (
    EventFilter,
    MentionCount,
    actor_matches,
    check_quad,
    check_types,
    count_mentions,
    plover_types,
    quad_categories,
    quote_matches,
)
from storyline.records import (
    ActorKind,
    ActorMention,
    Event,
    Evidence,
    Quote,
    QuoteKind,
)
from tests.conftest import person

KURTI = person("Albin Kurti", "XKX")


def evidence(doc_id: str = "d", start: int = 0) -> Evidence:
    return Evidence(doc_id=doc_id, start=start, end=start + 1, text="x")


def test_plover_types_have_one_of_the_four_quads() -> None:
    types = plover_types()

    assert len(types) == 16
    assert types["ASSAULT"] == "material_conflict"
    assert types["CONSULT"] == "verbal_cooperation"
    assert set(types.values()) == set(quad_categories())
    assert quad_categories() == (
        "material_conflict",
        "material_cooperation",
        "verbal_conflict",
        "verbal_cooperation",
    )


def test_check_types_upper_cases_known_types_and_names_the_unknown() -> None:
    assert check_types([" assault", "Consult"]) == ("ASSAULT", "CONSULT")
    assert check_types([]) == ()
    with pytest.raises(ValueError, match=r"unknown PLOVER type 'BOMB', 'X'; use one of ACCUSE, "):
        check_types(["bomb", "AGREE", "x"])


def test_check_quad_accepts_spaces_and_any_case() -> None:
    assert check_quad("Verbal Cooperation") == "verbal_cooperation"
    assert check_quad("material_conflict") == "material_conflict"
    with pytest.raises(ValueError, match="'peace' is not a quad category; use one of"):
        check_quad("peace")


def test_actor_kind_filter() -> None:
    assert actor_matches(KURTI, "kurti", "xkx", ActorKind.PERSON)
    assert not actor_matches(KURTI, None, None, ActorKind.ORG)
    assert not actor_matches(None, None, None, ActorKind.PERSON)
    assert actor_matches(None, None, None)


def test_event_filter_by_quad() -> None:
    event = Event(
        event_id="e1",
        type="ASSAULT",
        quad="material_conflict",
        source=KURTI,
        targets=(),
        evidence=evidence(),
    )

    assert EventFilter(quad="material_conflict")(event)
    assert not EventFilter(quad="verbal_conflict")(event)


def test_quote_kind_filter() -> None:
    quote = Quote(quote_id="q1", evidence=evidence(), kind=QuoteKind.DIRECT, speaker=KURTI)

    assert quote_matches(quote, None, None, QuoteKind.DIRECT)
    assert quote_matches(quote, "kurti", None, QuoteKind.DIRECT)
    assert not quote_matches(quote, None, None, QuoteKind.INDIRECT)
    assert not quote_matches(quote, "vucic", None, QuoteKind.DIRECT)


def test_count_mentions_counts_mentions_and_distinct_articles() -> None:
    mentions = [
        ActorMention(actor_id="a", evidence=evidence("d1", 0)),
        ActorMention(actor_id="a", evidence=evidence("d1", 5)),
        ActorMention(actor_id="a", evidence=evidence("d2", 0)),
        ActorMention(actor_id="b", evidence=evidence("d2", 9)),
    ]

    assert count_mentions(mentions) == {
        "a": MentionCount(mentions=3, articles=2),
        "b": MentionCount(mentions=1, articles=1),
    }
    assert count_mentions([]) == {}
