"""A full name written in another transliteration is the same person."""

from __future__ import annotations

import pytest

from storyline.actors.spellings import one_variant, variant_of
from storyline.pipeline import Resources
from tests.actors.test_resolve import actor_of, analyse


@pytest.mark.parametrize(
    ("name", "other"),
    [
        pytest.param("Abdoulaye Dialloh", "Abdulaye Dialoh", id="ou-and-doubled-letters"),
        pytest.param("Tatyana Kuznetsova", "Tatiana Kusnetsova", id="y-i-and-z-s"),
        pytest.param("Yusuf Rakhmonov", "Yousuf Rahmonov", id="kh-h"),
        pytest.param("Pavel Grigoryev", "Pavel Grigoriev", id="y-and-ie"),
        pytest.param("Andrei Gorbachev", "Andrei Gorbachov", id="final-ev-ov"),
    ],
)
def test_transliterations_of_one_name_are_variants(name: str, other: str) -> None:
    assert variant_of(name, other)


@pytest.mark.parametrize(
    ("name", "other"),
    [
        pytest.param("Ivan Petrov", "Ivana Petrova", id="other-person"),
        pytest.param("Maria Sanz", "Maria Sans", id="short-surname"),
        pytest.param("Ahmed Karimi", "Ahmed Karimi", id="same-spelling"),
        pytest.param("Karimi", "Karimy", id="surname-alone"),
    ],
)
def test_other_names_are_no_variants(name: str, other: str) -> None:
    assert not variant_of(name, other)


def test_a_spelling_two_known_people_share_joins_neither() -> None:
    assert one_variant("Sergiy Bondarenko", ["Serhiy Bondarenko", "Sergei Bondarenko"]) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        pytest.param(
            "Foreign Minister Tatyana Kuznetsova arrived in Minsk on Monday. "
            "Tatiana Kusnetsova later met the Belarusian president.",
            "Foreign Minister Tatyana Kuznetsova",
            "Tatiana Kusnetsova",
            id="minister-in-minsk",
        ),
        pytest.param(
            "Opposition leader Abdoulaye Dialloh was arrested in Conakry. "
            "Supporters of Abdulaye Dialoh marched on the court.",
            "Opposition leader Abdoulaye Dialloh",
            "Abdulaye Dialoh",
            id="opposition-in-conakry",
        ),
        pytest.param(
            "General Yusuf Rakhmonov inspected the border posts near Khujand. "
            "Yousuf Rahmonov said the posts were secure.",
            "General Yusuf Rakhmonov",
            "Yousuf Rahmonov",
            id="general-near-khujand",
        ),
    ],
)
def test_an_article_spelling_a_name_two_ways_names_one_person(
    resources: Resources, text: str, first: str, second: str
) -> None:
    result = analyse(resources, text)
    assert actor_of(result, first).actor_id == actor_of(result, second).actor_id


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        pytest.param(
            "Opposition leader Abdoulaye Dialloh was arrested in Conakry on Monday. "
            "Police said Dialoh had been warned.",
            "Opposition leader Abdoulaye Dialloh",
            "Dialoh",
            id="doubled-letter",
        ),
        pytest.param(
            "Senator Tatyana Kuznetsova visited Vilnius. Lithuanian officials thanked "
            "Kusnetsova for her support.",
            "Senator Tatyana Kuznetsova",
            "Kusnetsova",
            id="z-s",
        ),
        pytest.param(
            "Governor Yusuf Rakhmonov toured the flooded valley near Osh. Villagers told "
            "Rahmonov that aid had not arrived.",
            "Governor Yusuf Rakhmonov",
            "Rahmonov",
            id="kh-h",
        ),
    ],
)
def test_a_surname_in_another_spelling_is_the_person_named_in_full(
    resources: Resources, text: str, full: str, short: str
) -> None:
    result = analyse(resources, text)
    assert actor_of(result, full).actor_id == actor_of(result, short).actor_id
