"""Datelines give date, place and outlet; ordinary first sentences are not datelines."""

from __future__ import annotations

import pytest

from storyline.ingest.dateline import Dateline, read_dateline


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
    assert read_dateline(text) == expected


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
