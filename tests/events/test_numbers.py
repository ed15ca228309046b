"""Reading numbers, death counts and counts of things from an event's clause."""

from __future__ import annotations

import pytest

from storyline.events.numbers import count, fatalities, parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["45"], 45),
        (["6,700"], 6700),
        (["1,250,000"], 1_250_000),
        (["1.5", "million"], 1_500_000),
        (["Twenty", "-", "five"], 25),
        (["one", "hundred", "and", "twenty"], 120),
        (["three", "thousand"], 3000),
        (["two", "dozen"], 24),
        (["dozen"], 12),
        (["hundred"], 100),
        (["dozens"], None),
        (["hundreds"], None),
        (["several"], None),
        ([], None),
    ],
)
def test_parse_number_reads_digits_and_words(words: list[str], value: int | None) -> None:
    assert parse_number(words) == value


DEATHS = [
    # object of "kill"
    ("The air strike killed 150 fighters near the airport.", 150),
    ("A missile killed at least 9 and wounded dozens more.", 9),
    ("The shelling killed four soldiers and two civilians.", 6),  # a list adds up
    ("Gunmen killed a dozen villagers overnight.", 12),
    ("Insurgents executed two dozen prisoners.", 24),
    ("The strike killed a shepherd.", 1),
    # subject of a passive "kill", of "die", "lose their lives"
    ("At least 17 civilians were killed in the raid.", 17),
    ("More than 4,300 people died during the siege.", 4300),
    ("Nearly 2.5 million people died in the famine.", 2_500_000),
    ("Twenty-one recruits were killed when the barracks collapsed.", 21),
    ("Three hundred passengers lost their lives in the sinking.", 300),
    ("Police said 31 people had been killed.", 31),
    ("At least 6 were killed.", 6),
    ("A journalist was killed and three others were wounded.", 1),
    ("Eight members of one family were killed.", 8),
    # wounded counts are not deaths
    ("Four people were killed and 22 injured.", 4),
    ("Police said 11 were wounded and 3 were killed.", 3),
    # "left ... dead", deaths and the dead
    ("It was an ambush that left five guards dead.", 5),
    ("The blast left 19 people dead and 40 wounded.", 19),
    ("The raid left at least 7 dead.", 7),
    ("Officials counted 26 deaths in the province.", 26),
    ("The floods caused 64 fatalities.", 64),
    ("The fighting has claimed the lives of 52 people.", 52),
    # death tolls
    ("The death toll rose to 58 on Tuesday.", 58),
    ("The death toll climbed from 30 to 41.", 41),
    ("Health officials put the death toll at 2,150.", 2150),
    ("The toll reached 73 by Friday.", 73),
    ("Medics reported a death toll of 90.", 90),
    ("The number of dead rose to 14.", 14),
    ("A rocket killed 6 people, bringing the death toll to 27.", 6),  # the event's own
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "deaths"), DEATHS)
def test_fatalities_reads_the_deaths_the_clause_reports(
    resources, sentence: str, deaths: int
) -> None:
    assert fatalities(list(resources.nlp(sentence))) == deaths


NO_DEATHS = [
    "Dozens of people were killed in the attack.",  # vague
    "Hundreds died in the fighting.",  # vague
    "Scores of fighters were killed.",  # vague
    "Forty people were wounded in the blast.",  # injured only
    "The injury toll rose to 40.",
    "Casualties rose to 90.",  # casualties include the wounded
    "No one was killed in the attack.",
    "About 700 additional troops will be sent to the region.",
    "The army deployed 3,000 soldiers in 2022.",
    "Soldiers killed in the war were honoured.",  # no number
    "The talks lasted 12 hours.",
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence", NO_DEATHS)
def test_fatalities_is_none_without_a_death_count(resources, sentence: str) -> None:
    assert fatalities(list(resources.nlp(sentence))) is None


@pytest.mark.slow
def test_fatalities_reads_only_the_clause_it_is_given(resources) -> None:
    doc = resources.nlp("A bomb killed 12 people at the market. A second blast killed 30 more.")
    first, second = doc.sents
    assert fatalities(list(first)) == 12
    assert fatalities(list(second)) == 30
    assert fatalities(list(doc)) == 30  # two killings: the larger count


COUNTS = [
    ("The US will send about 700 additional troops.", {"troops"}, 700),
    ("The US will send about 700 additional troops.", {"troop"}, 700),  # lemma
    ("Nearly 1.5 million people fled the region.", {"people"}, 1_500_000),
    ("Some 300 soldiers and 40 tanks crossed the river.", {"tanks"}, 40),
    ("Two hundred prisoners were exchanged on Friday.", {"prisoners"}, 200),
    ("The US will send additional troops.", {"troops"}, None),
    ("About 700 troops and dozens of tanks arrived.", {"tanks"}, None),
    ("Some 300 soldiers crossed the river.", {"troops"}, None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "nouns", "value"), COUNTS)
def test_count_reads_the_number_of_a_given_noun(
    resources, sentence: str, nouns: set[str], value: int | None
) -> None:
    assert count(list(resources.nlp(sentence)), nouns) == value
