"""An armed group's attack in its own country with no one named on the receiving end is
aimed at that country, also in a report told between two states; not when the clause
names people of another country."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code, _dyads


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "Gunmen stormed a hotel in Mogadishu on Friday. Kenya condemned the attack.",
            ("ASSAULT", "SOM", "REB", "SOM"),
        ),
        (
            "Kenya and Somalia held talks. Al-Shabaab fighters attacked a market in Baidoa "
            "on Sunday.",
            ("ASSAULT", "SOM", "REB", "SOM"),
        ),
        (
            "Chad and Niger signed a border pact. Boko Haram gunmen raided a village near "
            "Maiduguri, killing nine.",
            ("ASSAULT", "NGA", "REB", "NGA"),
        ),
    ],
    ids=["hotel-mogadishu", "market-baidoa", "village-maiduguri"],
)
def test_an_armed_group_s_attack_at_home_is_on_its_country(
    resources: Resources, text: str, dyad: tuple[str, str, str, str]
) -> None:
    dyads = _dyads(_code(resources, text))
    assert dyad in dyads
    assert not any(d[0] == "ASSAULT" and d[2] == "REB" and d[3] != dyad[3] for d in dyads)


def test_an_attack_at_home_on_people_of_another_country_is_not_on_its_own(
    resources: Resources,
) -> None:
    text = (
        "Afghanistan and Russia held talks. Afghan rebels kidnapped six Russian engineers "
        "in Kabul on Monday."
    )
    assert not any(
        e.source.sector == "REB" and t.country == "AFG"
        for e in _code(resources, text)
        for t in e.targets
    )


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("The M23 shelled Goma on Monday.", ("ASSAULT", "COD", "REB", "COD")),
        ("Al-Shabaab fighters attacked Baidoa on Sunday.", ("ASSAULT", "SOM", "REB", "SOM")),
        ("The TPLF shelled Mekelle, Ethiopia, on Monday.", ("ASSAULT", "ETH", "REB", "ETH")),
    ],
    ids=["shelled-goma", "attacked-baidoa", "shelled-mekelle"],
)
def test_an_armed_group_s_attack_on_a_town_at_home_is_on_its_country(
    resources: Resources, text: str, dyad: tuple[str, str, str, str]
) -> None:
    assert dyad in _dyads(_code(resources, text))
