"""The shared reader filters the API adds to storyline.query."""

from __future__ import annotations

import pytest

from storyline.query import (
    actor_matches,
    check_cursor,
    check_quad,
    check_types,
    cursor_of,
    day_bounds,
    plover_types,
    quad_categories,
)
from storyline.records import (
    ActorKind,
    Evidence,
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


@pytest.mark.parametrize(
    "since, until, expected",
    [
        ("2023", "2023", ("2023-01-01", "2023-12-31")),
        ("2023-02", "2024-02", ("2023-02-01", "2024-02-29")),
        ("2023-03-18", None, ("2023-03-18", None)),
        (None, "2023-04", (None, "2023-04-30")),
        (None, None, (None, None)),
    ],
)
def test_date_bounds_are_the_first_and_last_day_they_cover(
    since: str | None, until: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert day_bounds(since, until) == expected


def test_a_cursor_holds_its_key_and_nothing_else_is_one() -> None:
    key = [0, "doc-ü", 12, "e1"]

    assert check_cursor(cursor_of(key)) == key
    for bad in ("", "e30", "not base64!", cursor_of([])):
        with pytest.raises(ValueError, match="is not a page cursor"):
            check_cursor(bad)
