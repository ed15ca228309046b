"""An act told in a statement the text dates ("in a statement released on Wednesday")
is on the statement's day, also when the statement is named on a verb joined to it."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources, process_article
from tests.conftest import make_article


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        (
            "Al-Shabaab attacked a base near Baidoa on Tuesday. The African Union condemned "
            "the raid and, in a statement released on Wednesday, paid tribute to the dead.",
            "ACCUSE",
            "2023-07-26",
        ),
        (
            "Rebels shelled Goma on Monday. Rwanda denied the charge and, in a statement "
            "issued Thursday, accused Kinshasa of lying.",
            "ACCUSE",
            "2023-07-27",
        ),
        (
            "Gunmen stormed a hotel in Mogadishu on Friday. Kenya condemned the attack in a "
            "statement on Saturday.",
            "ACCUSE",
            "2023-07-29",
        ),
    ],
    ids=["joined-verb", "issued-statement", "on-the-verb"],
)
def test_an_act_told_in_a_dated_statement_is_on_its_day(
    resources: Resources, text: str, kind: str, day: str
) -> None:
    coded = process_article(make_article(text, published="2023-07-31"), resources).events
    events = [e for e in coded if e.type == kind]
    assert events and all(e.date is not None and e.date.value == day for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Mali and Niger agreed to a truce on Monday. Ghana welcomed the truce on Tuesday.",
        "Peru and Chile declared a ceasefire. Brazil welcomed the ceasefire.",
        "Armenia and Azerbaijan agreed on a cease-fire. The EU hailed the cease-fire.",
    ],
    ids=["welcomed-truce", "welcomed-ceasefire", "hailed"],
)
def test_who_welcomes_a_truce_does_not_make_it(resources: Resources, text: str) -> None:
    coded = process_article(make_article(text, published="2023-07-31"), resources).events
    welcomers = {"GHA", "BRA", None}
    assert not any(e.mode == "ceasefire" and e.source.country in welcomers for e in coded)
