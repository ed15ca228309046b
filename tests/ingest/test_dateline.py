"""Datelines give date, place and outlet; ordinary first sentences are not datelines."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.ingest.dateline import Dateline, read_dateline
from storyline.pipeline import Resources


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Washington D.C, 13 July 2023 (TDI): In a recent call, the minister said",
            Dateline(place="Washington D.C", published="2023-07-13", outlet="TDI"),
        ),
        (
            "BRUSSELS, 27 February 2023 (EUO) — The two leaders met",
            Dateline(place="BRUSSELS", published="2023-02-27", outlet="EUO"),
        ),
        (
            "MOSCOW, March 3, 2023 /TASS/. Russia's foreign ministry said",
            Dateline(place="MOSCOW", published="2023-03-03", outlet="TASS"),
        ),
        (
            "YEREVAN, Armenia (AP) — Protesters gathered on Tuesday",
            Dateline(place="YEREVAN, Armenia", published=None, outlet="AP"),
        ),
        # A date without a year gives the place and outlet but no date.
        (
            "GENEVA, Sept. 19 (Reuters) - Talks resumed",
            Dateline(place="GENEVA", published=None, outlet="Reuters"),
        ),
    ],
)
def test_datelines_are_read(text: str, expected: Dateline) -> None:
    found = read_dateline(text)
    assert found is not None and replace(found, end=0) == expected
    # The first sentence starts right after it (the parser is told so).
    first_words = {"In", "The", "Russia's", "Protesters", "Talks"}
    assert text[found.end :].split()[0] in first_words


@pytest.mark.parametrize(
    "text",
    [
        "US Secretary of State Antony Blinken has stepped up diplomatic efforts.",
        "Blinken said: we are encouraged by the progress.",
        "Following a telephone call with the prime minister - a rare event - talks resumed.",
        "Kurti and Vučić back EU plan\n\nThe leaders of Kosovo and Serbia",
    ],
)
def test_ordinary_openings_are_not_datelines(text: str) -> None:
    assert read_dateline(text) is None


@pytest.mark.slow
def test_the_first_sentence_after_a_dateline_is_parsed_on_its_own(resources: Resources) -> None:
    text = (
        "Nairobi, 4 June 2024 (EAW): Kenyan President William Ruto and Somali President Hassan "
        "Sheikh Mohamud have accepted an African Union plan for the border."
    )
    first, second = list(resources.nlp(text).sents)[:2]
    assert first.text.strip() == "Nairobi, 4 June 2024 (EAW):"
    assert second.root.lemma_ == "accept"
