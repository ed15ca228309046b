"""The holder of a place's office ("the mayor of Mombasa", "the governor of the eastern
province of X"): a person of that place's country, named for the place, on our own text."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.actors.test_resolve import actor_of, analyse


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Kenyan police on Monday released the governor of Mombasa.",
            "the governor of Mombasa",
            ("Governor of Mombasa", "KEN", "GOV"),
        ),
        (
            "Ethiopia detained the mayor of the northern city of Mekelle on Friday.",
            "the mayor of the northern city of Mekelle",
            ("Mayor of Mekelle", "ETH", "GOV"),
        ),
        (
            "Protesters cheered the mayor of Porto Alegre outside city hall.",
            "the mayor of Porto Alegre",
            ("Mayor of Porto Alegre", "BRA", "GOV"),
        ),
    ],
    ids=["governor-city", "mayor-northern-city", "two-word-city"],
)
def test_the_holder_of_a_places_office_is_of_its_country(
    resources: Resources, text: str, phrase: str, expected: tuple[str, str, str]
) -> None:
    actor = actor_of(analyse(resources, text), phrase)
    assert (actor.name, actor.country, actor.sector) == expected


def test_two_mayors_of_one_country_are_two_people(resources: Resources) -> None:
    text = "The mayor of Lyon met the mayor of Marseille in Paris on Tuesday."
    result = analyse(resources, text)
    assert actor_of(result, "The mayor of Lyon") != actor_of(result, "the mayor of Marseille")
