"""A full name written in another transliteration, shorter, a letter off, or tagged as
something else by the NER, is the one listed person; a title and a rare surname too."""

from __future__ import annotations

import pytest

from storyline.actors.spellings import SpellingIndex, one_variant, variant_of
from storyline.pipeline import Resources, process_article
from storyline.records import ArticleResult
from tests.actors.test_resolve import actor_of, analyse
from tests.conftest import make_article


def analyse_on(resources: Resources, text: str, published: str) -> ArticleResult:
    """The pipeline over one short article published on that day."""
    return process_article(make_article(text, published=published), resources)


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


# -- a listed name written shorter or a letter off --------------------------------------

_LISTED = ["Amara Kofi Mensah Daboya", "Ines Maria Valdivieso", "Tomasz Pilarek",
           "John Peter Smith", "Anna Smith", "Mark Smith", "Paul Smith", "Lina Ortiz"]  # fmt: skip


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        pytest.param("Amara Daboya", "Amara Kofi Mensah Daboya", id="middle-names-left-out"),
        pytest.param("Ines Valdivieso", "Ines Maria Valdivieso", id="middle-name-left-out"),
        pytest.param("Tomasz Pilrek", "Tomasz Pilarek", id="letter-dropped"),
        pytest.param("Tomasz Pilarbek", "Tomasz Pilarek", id="letter-added"),
        pytest.param("Ines Maria Valdiviesa", "Ines Maria Valdivieso", id="letter-changed"),
    ],
)
def test_a_listed_name_is_found_written_shorter_or_a_letter_off(written: str, listed: str) -> None:
    assert SpellingIndex(_LISTED).near(written) == {listed}


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("John Smith", id="common-surname-alone"),
        pytest.param("Lina Ortis", id="short-surname"),
        pytest.param("Tomek Pilrek", id="first-name-differs-too"),
        pytest.param("Daboya", id="surname-alone"),
    ],
)
def test_other_writings_find_no_listed_name(written: str) -> None:
    assert SpellingIndex(_LISTED).near(written) == set()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type", "source", "country"),
    [
        pytest.param(
            "Jose Zapatero met Moroccan officials in Rabat to discuss migration.",
            "CONSULT", "Jose Zapatero", "ESP", id="spain-middle-names",
        ),
        pytest.param(
            "President Olusegun Obasanja urged Ghana to close its border.",
            "REQUEST", "Olusegun Obasanja", "NGA", id="nigeria-letter-changed",
        ),
        pytest.param(
            "Ellen Sirleaf urged the United Nations to keep its peacekeepers in Liberia.",
            "REQUEST", "Ellen Sirleaf", "LBR", id="liberia-middle-name",
        ),
    ],
)  # fmt: skip
def test_a_leader_written_shorter_or_misspelt_is_coded_as_listed(
    resources: Resources, text: str, event_type: str, source: str, country: str
) -> None:
    result = analyse_on(resources, text, "2005-06-01")
    found = [(e.source.name, e.source.country) for e in result.events if e.type == event_type]
    assert found == [(source, country)]


def test_a_rare_surname_names_its_few_listed_bearers_and_a_common_one_none() -> None:
    index = SpellingIndex(_LISTED)
    assert index.bearers("Daboya") == {"Amara Kofi Mensah Daboya"}
    assert index.bearers("Smith") == set()  # four listed Smiths: which one is unknown
    assert SpellingIndex(["Li Wen"]).bearers("Wen") == set()  # too short to tell apart


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type", "source", "country"),
    [
        pytest.param(
            "President Kagame accused Congo of backing rebels.",
            "ACCUSE", "Paul Kagame", "RWA", id="rwanda-president",
        ),
        pytest.param(
            "Prime Minister Zapatero met Moroccan officials in Rabat.",
            "CONSULT", "Jose Luis Rodriguez Zapatero", "ESP", id="spain-prime-minister",
        ),
        pytest.param(
            "President Obasanjo urged Ghana to close its border.",
            "REQUEST", "Olusegun Obasanjo", "NGA", id="nigeria-president",
        ),
    ],
)  # fmt: skip
def test_a_title_and_a_rare_listed_surname_are_that_listed_leader(
    resources: Resources, text: str, event_type: str, source: str, country: str
) -> None:
    result = analyse_on(resources, text, "2005-06-01")
    found = [(e.source.name, e.source.country) for e in result.events if e.type == event_type]
    assert found == [(source, country)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "event_type", "source", "country"),
    [
        pytest.param(
            "President Hashim Thaci accused Serbia of blocking trade.",
            "2009-12-01", "ACCUSE", "Hashim Thaci", "XKX", id="kosovo",
        ),
        pytest.param(
            "Minister Darmin Nasution urged Malaysia to release the fishermen.",
            "2009-12-01", "REQUEST", "Darmin Nasution", "IDN", id="indonesia",
        ),
        pytest.param(
            "President Mamadou Dallo Maiga accused Niger of harbouring rebels.",
            "2004-03-01", "ACCUSE", "Mamadou Dallo Maiga", "MLI", id="mali",
        ),
    ],
)  # fmt: skip
def test_a_listed_person_the_ner_tags_as_an_organisation_is_that_person(
    resources: Resources, text: str, published: str, event_type: str, source: str, country: str
) -> None:
    result = analyse_on(resources, text, published)
    found = [(e.source.name, e.source.country) for e in result.events if e.type == event_type]
    assert found == [(source, country)]
