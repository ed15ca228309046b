"""Attacks told as nouns, and the people an attack harmed as its target when it names no
one else it was aimed at; on sentences of our own."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from storyline.records import Event
from tests.events.test_coding import _code


def _attacks(resources: Resources, text: str) -> list[Event]:
    return [e for e in _code(resources, text) if e.type == "ASSAULT"]


def _harmed(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    """(source name, target country, target sector) of every attack's target."""
    return {(e.source.name, t.country, t.sector) for e in events for t in e.targets}


# -- an attack told as a noun with a "by" doer and an "on"/"against" place --------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Saturday's ambush by al-Shabaab on a supply convoy near Baidoa killed five "
            "Ethiopian soldiers.",
            ("al-Shabaab", "ETH", "MIL"),
        ),
        (
            "A rocket attack by Hezbollah on an army base in the Galilee injured three Israeli "
            "soldiers.",
            ("Hezbollah", "ISR", "MIL"),
        ),
        (
            "Thursday's raid by the Taliban on a remote checkpoint in Kunar wounded four Afghan "
            "policemen.",
            ("Taliban", "AFG", "COP"),
        ),
        (
            "An assault carried out by Boko Haram against a police post in Yobe left six "
            "Nigerian policemen dead.",
            ("Boko Haram", "NGA", "COP"),
        ),
        (
            "Three Burkinabe soldiers died in Sunday's ambush by JNIM on a convoy near Djibo.",
            ("Jama'at Nasr al-Islam wal Muslimin", "BFA", "MIL"),
        ),
    ],
    ids=["ambush-killed", "rocket-attack-injured", "raid-wounded", "assault-left-dead", "died-in"],
)
def test_an_attack_noun_on_a_place_is_aimed_at_the_people_it_harmed(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    attacks = _attacks(resources, text)
    assert attacks and _harmed(attacks) == {expected}


# -- a verb of attack on an unnamed place, and the people it harmed -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Islamic State fighters attacked a checkpoint near Kirkuk, killing three Iraqi "
            "soldiers.",
            ("IRQ", "MIL"),
        ),
        (
            "Al-Shabaab militants stormed a military base in Lower Shabelle, leaving several "
            "Ugandan soldiers dead.",
            ("UGA", "MIL"),
        ),
        (
            "Hamas gunmen ambushed a patrol near Hebron, wounding two Israeli police officers.",
            ("ISR", "COP"),
        ),
    ],
    ids=["attacked-killing", "stormed-leaving-dead", "ambushed-wounding"],
)
def test_an_attack_on_an_unnamed_place_is_aimed_at_the_people_it_harmed(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    attacks = _attacks(resources, text)
    assert attacks and {(t.country, t.sector) for e in attacks for t in e.targets} == {expected}


# -- no attack of an actor on itself through a fallback ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sunday's ambush by insurgents on a convoy near Gao killed four Malian soldiers.",
        "A bombing by militants at a market in Peshawar wounded twenty Pakistanis.",
        "The raid by bandits on a farm near Eldoret killed two Kenyans.",
    ],
    ids=["ambush-by-insurgents", "bombing-by-militants", "raid-by-bandits"],
)
def test_an_attack_is_never_coded_as_an_actor_s_own_on_itself(
    resources: Resources, text: str
) -> None:
    for event in _attacks(resources, text):
        assert event.source.actor_id not in {t.actor_id for t in event.targets}


# -- an attack on a country's place: the people of that country it harmed --------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Azerbaijani troops shelled Armenian positions near Jermuk, killing two Armenian "
            "soldiers.",
            ("ARM", "MIL"),
        ),
        (
            "Russian forces shelled a Ukrainian checkpoint near Kharkiv, wounding three "
            "Ukrainian soldiers.",
            ("UKR", "MIL"),
        ),
        (
            "Pakistani troops fired on an Indian border post in Kashmir, killing two Indian "
            "soldiers.",
            ("IND", "MIL"),
        ),
    ],
    ids=["positions", "checkpoint", "border-post"],
)
def test_an_attack_on_a_country_s_place_is_aimed_at_its_people_it_harmed(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    attacks = _attacks(resources, text)
    assert len(attacks) == 1 and [(t.country, t.sector) for t in attacks[0].targets] == [expected]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Russia attacked Ukraine, killing ten Ukrainian civilians.", "UKR"),
        ("Eritrea shelled Ethiopia overnight, wounding six Ethiopian soldiers.", "ETH"),
        ("North Korea attacked South Korea, killing two South Korean marines.", "KOR"),
    ],
    ids=["attacked-killing", "shelled-wounding", "attacked-marines"],
)
def test_the_harm_told_after_an_attack_on_a_country_is_that_one_attack_on_it(
    resources: Resources, text: str, target: str
) -> None:
    attacks = _attacks(resources, text)
    assert len(attacks) == 1 and [t.actor_id for t in attacks[0].targets] == [target]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Boko Haram fighters attacked a military base in Borno, killing at least ten "
            "Nigerian soldiers and wounding several others.",
            ("NGA", "MIL"),
        ),
        (
            "Taliban fighters stormed a police compound in Helmand, killing four Afghan "
            "policemen and injuring many others.",
            ("AFG", "COP"),
        ),
        (
            "ELN rebels ambushed an army patrol in Arauca, killing two Colombian soldiers and "
            "wounding three others.",
            ("COL", "MIL"),
        ),
    ],
    ids=["killing-and-wounding", "killing-and-injuring", "ambushed"],
)
def test_every_harm_told_after_an_attack_is_that_one_attack(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    attacks = _attacks(resources, text)
    assert len(attacks) == 1 and [(t.country, t.sector) for t in attacks[0].targets] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Boko Haram fighters raided a village in Borno State, killing twelve Nigerian "
            "civilians.",
            ("NGA", "CVL"),
        ),
        (
            "Al-Shabaab militants raided a police station in Gedo, killing three Somali policemen.",
            ("SOM", "COP"),
        ),
        (
            "Taliban fighters raided a checkpoint in Ghazni, wounding five Afghan soldiers.",
            ("AFG", "MIL"),
        ),
    ],
    ids=["village", "police-station", "checkpoint"],
)
def test_a_raid_that_kills_is_an_attack_on_the_people_it_harmed(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    attacks = _attacks(resources, text)
    assert attacks and {(t.country, t.sector) for e in attacks for t in e.targets} == {expected}
