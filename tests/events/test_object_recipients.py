"""The recipient of an act named on the act's object rather than on its verb: what a
sanction stops was going to someone, and the pressure a country faces comes from
someone."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code, _dyads


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Germany suspended all flights to Iran on Monday.", ("SANCTION", "DEU", None, "IRN")),
        ("Japan announced the suspension of flights to Peru.", ("SANCTION", "JPN", None, "PER")),
        ("Russia cut gas supplies to Ukraine on Tuesday.", ("COERCE", "RUS", None, "UKR")),
        ("Algeria cut oil deliveries to Morocco last week.", ("COERCE", "DZA", None, "MAR")),
    ],
    ids=["suspended-flights", "suspension-of", "cut-supplies", "cut-deliveries"],
)
def test_what_a_sanction_stops_going_to_a_country_is_aimed_at_it(
    resources: Resources, text: str, dyad: tuple[str, str, None, str]
) -> None:
    assert dyad in _dyads(_code(resources, text))


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Pakistan faces pressure from the United States.", ("REQUEST", "USA", None, "PAK")),
        (
            "Egypt faces renewed pressure from Saudi Arabia to end the talks.",
            ("REQUEST", "SAU", None, "EGY"),
        ),
        (
            "Kenya faced mounting pressure from Uganda over the border.",
            ("REQUEST", "UGA", None, "KEN"),
        ),
    ],
    ids=["faces", "renewed", "mounting"],
)
def test_pressure_faced_comes_from_the_one_pressing(
    resources: Resources, text: str, dyad: tuple[str, str, None, str]
) -> None:
    assert dyad in _dyads(_code(resources, text))


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Britain advised against travel to Nigeria on Monday.", ("SANCTION", "GBR", None, "NGA")),
        ("Canada warned its citizens against travel to Haiti.", ("SANCTION", "CAN", None, "HTI")),
        ("Australia advised against all trips to Myanmar.", ("SANCTION", "AUS", None, "MMR")),
    ],
    ids=["advised-against", "warned-citizens-against", "all-trips"],
)
def test_a_travel_advisory_against_a_country_is_aimed_at_it(
    resources: Resources, text: str, dyad: tuple[str, str, None, str]
) -> None:
    assert dyad in _dyads(_code(resources, text))


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "Serbia came under pressure from the European Union on Monday.",
            ("REQUEST", None, "IGO", "SRB"),
        ),
        (
            "Ghana has come under heavy pressure from the IMF to cut spending.",
            ("REQUEST", None, "IGO", "GHA"),
        ),
        (
            "Nepal came under pressure from India over the border dispute.",
            ("REQUEST", "IND", None, "NPL"),
        ),
    ],
    ids=["eu-on-serbia", "imf-heavy-pressure", "india-over-border"],
)
def test_who_comes_under_pressure_is_pressed_by_whom_it_comes_from(
    resources: Resources, text: str, dyad: tuple[str | None, str | None, str | None, str]
) -> None:
    assert dyad in _dyads(_code(resources, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The World Health Organization sent a team to Guinea on Monday. Guinea agreed to "
            "open its laboratories in response to a request from the agency.",
            ("AGREE", "GIN", "IGO"),
        ),
        ("Peru sent troops at Bolivia's request.", ("MOBILIZE", "PER", "BOL")),
        ("Ghana agreed to resume talks following an appeal by Nigeria.", ("AGREE", "GHA", "NGA")),
    ],
    ids=["in-response-to-a-request-from", "at-possessor-request", "following-an-appeal-by"],
)
def test_an_act_done_at_someones_request_is_aimed_at_them(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    found = {
        (e.type, e.source.country, t.country or t.sector)
        for e in _code(resources, text)
        for t in e.targets
    }
    assert expected in found
