"""A raid that kills or wounds is an attack, a raid on premises a seizure; an act blamed
on someone in the passive is the culprit's, contested, and its blamer accuses the
culprit. On sentences of our own."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code


def _dyads(resources: Resources, text: str) -> set[tuple[str, str | None, str | None]]:
    """(type, source country, target country) of every event's dyads."""
    return {
        (e.type, e.source.country, t.country) for e in _code(resources, text) for t in e.targets
    }


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        (
            "A dawn raid by Boko Haram on a Nigerian army post near Maiduguri left six "
            "Nigerian soldiers dead.",
            ("ASSAULT", "NGA", "NGA"),
        ),
        (
            "An Al-Shabaab raid on a Kenyan police camp in Mandera wounded nine Kenyan officers.",
            ("ASSAULT", "SOM", "KEN"),
        ),
        (
            "Russian troops raided a Ukrainian village near Kharkiv, killing four Ukrainian "
            "farmers.",
            ("ASSAULT", "RUS", "UKR"),
        ),
    ],
    ids=["noun-left-dead", "noun-wounded", "verb-killing"],
)
def test_a_raid_that_harms_people_is_an_attack(
    resources: Resources, text: str, attack: tuple[str, str, str]
) -> None:
    dyads = _dyads(resources, text)
    assert attack in dyads
    assert not {d for d in dyads if d[0] == "COERCE"}


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopian police raided the headquarters of the opposition party.",
        "Turkish police raided the offices of a Kurdish newspaper in Diyarbakir.",
        "Zimbabwean police raided the offices of the opposition MDC party.",
    ],
    ids=["party-offices", "newspaper", "opposition-party"],
)
def test_a_raid_on_premises_with_no_one_harmed_stays_a_seizure(
    resources: Resources, text: str
) -> None:
    events = _code(resources, text)
    assert events and {e.type for e in events} == {"COERCE"}


@pytest.mark.parametrize(
    ("text", "culprit", "accuser"),
    [
        (
            "The bombing of a police station in Peshawar was blamed on the Pakistani Taliban, "
            "Pakistani officials said.",
            "PAK",
            "PAK",
        ),
        (
            "The ambush on a Malian army convoy was blamed by Mali on JNIM.",
            "MLI",
            "MLI",
        ),
        (
            "An ambush on a Colombian army patrol has been blamed on the ELN, the Colombian "
            "defence ministry said.",
            "COL",
            "COL",
        ),
    ],
    ids=["said-after", "by-agent", "perfect"],
)
def test_an_act_blamed_on_someone_is_theirs_and_contested(
    resources: Resources, text: str, culprit: str, accuser: str
) -> None:
    events = _code(resources, text)
    attacks = [e for e in events if e.type == "ASSAULT"]
    charges = [e for e in events if e.type == "ACCUSE"]
    assert attacks and all(e.contested and e.source.country == culprit for e in attacks)
    assert charges and charges[0].source.country == accuser
    assert {t.actor_id for t in charges[0].targets} == {attacks[0].source.actor_id}
