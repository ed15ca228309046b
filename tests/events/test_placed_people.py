"""People named by where they are ("students in Jakarta", "farmers across Punjab") act
for that place's country; those who flee an act did not do it."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code, _dyads


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Students in Jakarta staged protests on Saturday.", ("PROTEST", "IDN", "EDU", "IDN")),
        ("Workers in Lagos went on strike on Monday.", ("PROTEST", "NGA", "LAB", "NGA")),
        (
            "University students throughout Indonesia staged demonstrations on Saturday.",
            ("PROTEST", "IDN", "EDU", "IDN"),
        ),
        (
            "Hundreds of teachers across Oromia marched to demand higher pay.",
            ("PROTEST", "ETH", "EDU", "ETH"),
        ),
    ],
    ids=["in-city", "in-city-strike", "throughout-country", "across-region"],
)
def test_people_named_by_where_they_are_act_for_its_country(
    resources: Resources, text: str, dyad: tuple[str, str, str, str]
) -> None:
    assert dyad in _dyads(_code(resources, text))


@pytest.mark.parametrize(
    "text",
    [
        "Residents of Goma fled the fighting on Monday.",
        "Congolese civilians fled the fighting on Monday.",
        "Thousands of villagers fled the shelling in Kharkiv.",
        "Syrian families escaped the bombing of Aleppo last week.",
    ],
    ids=["fled-fighting", "demonym-fled", "fled-shelling", "escaped-bombing"],
)
def test_who_flees_an_attack_did_not_make_it(resources: Resources, text: str) -> None:
    assert not any(e.type == "ASSAULT" for e in _code(resources, text))
