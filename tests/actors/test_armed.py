"""Unnamed armed people are an armed group of the country where they act; a country's
soldiers acting as a band or in mutiny are its military."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.actors.test_resolve import actor_of, analyse

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        pytest.param(
            "Hooded gunmen raided a gold mine near Kidal on Tuesday.",
            "Hooded gunmen",
            "MLI",
            "REB",
            id="armed-noun-near-a-town",
        ),
        pytest.param(
            "A gang of armed men abducted two engineers in southern Nigeria on Friday.",
            "A gang of armed men",
            "NGA",
            "REB",
            id="band-of-armed-people",
        ),
        pytest.param(
            "Police in Peru said individuals carrying rifles had stormed a bank in Cusco.",
            "individuals carrying rifles",
            "PER",
            "REB",
            id="people-carrying-gear",
        ),
        pytest.param(
            "Unknown assailants shot dead a mayor in western Mexico.",
            "Unknown assailants",
            "MEX",
            "REB",
            id="unknown-assailants",
        ),
        pytest.param(
            "A group of junior officers seized the presidential palace in Guinea.",
            "A group of junior officers",
            "GIN",
            "MIL",
            id="band-of-officers",
        ),
        pytest.param(
            "On Monday, renegade soldiers blocked the main road in Bamako.",
            "renegade soldiers",
            "MLI",
            "MIL",
            id="renegade-soldiers",
        ),
    ],
)
def test_unnamed_armed_people_are_a_group_of_where_they_act(
    resources: Resources, text: str, phrase: str, country: str, sector: str
) -> None:
    actor = actor_of(analyse(resources, text), phrase)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        pytest.param("Soldiers patrolled the streets of Bamako.", "Soldiers", id="plain-soldiers"),
        pytest.param("A group of students marched in Quito.", "A group of students", id="band"),
        pytest.param("Men and women queued to vote in Dakar.", "Men", id="plain-men"),
    ],
)
def test_people_with_no_mark_of_arms_or_mutiny_are_no_armed_group(
    resources: Resources, text: str, phrase: str
) -> None:
    result = analyse(resources, text)
    assert phrase not in {m.evidence.text for m in result.actor_mentions}


@pytest.mark.parametrize(
    ("text", "phrase", "group"),
    [
        pytest.param(
            "Al-Shabaab fighters overran an army post near Kismayo. The attackers burned "
            "two trucks.",
            "The attackers",
            "al-shabaab",
            id="attackers-after-a-group",
        ),
        pytest.param(
            "Boko Haram raided a market in Borno state, Nigeria. The gunmen seized cattle.",
            "The gunmen",
            "boko-haram",
            id="gunmen-after-a-group",
        ),
        pytest.param(
            "The M23 stormed a checkpoint in North Kivu. Those assailants later withdrew.",
            "Those assailants",
            "m23",
            id="assailants-after-a-group",
        ),
    ],
)
def test_definite_armed_people_are_the_armed_group_told_of_before(
    resources: Resources, text: str, phrase: str, group: str
) -> None:
    assert actor_of(analyse(resources, text), phrase).actor_id == group
