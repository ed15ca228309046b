"""Armed people named by a creed or cause ("Islamist militants") are an armed group of
the country where they act: the creed names no country."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code, _dyads


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "Islamist militants stormed an army outpost near Gao in Mali on Sunday.",
            ("ASSAULT", "MLI", "REB", "MLI"),
        ),
        (
            "Islamist insurgents killed ten soldiers in northern Burkina Faso.",
            ("ASSAULT", "BFA", "REB", "BFA"),
        ),
        (
            "Islamist rebels attacked a police station in Cabo Delgado, Mozambique.",
            ("ASSAULT", "MOZ", "REB", "MOZ"),
        ),
    ],
    ids=["militants-mali", "insurgents-burkina", "rebels-mozambique"],
)
def test_armed_people_named_by_a_creed_are_of_where_they_act(
    resources: Resources, text: str, dyad: tuple[str, str, str, str]
) -> None:
    assert dyad in _dyads(_code(resources, text))
