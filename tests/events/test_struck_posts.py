"""Attacks told by the military post they struck, by a clause the parser hangs loosely on
the one before, and the retaliation they draw."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code, _dyads


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "Boko Haram fighters attacked a military base in Borno state on Friday.",
            ("ASSAULT", "NGA", "REB", "NGA"),
        ),
        ("Gunmen stormed an army outpost near Gao on Sunday.", ("ASSAULT", "MLI", "REB", "MLI")),
        (
            "Ukrainian drones struck an air base in the Kursk region overnight.",
            ("ASSAULT", "UKR", None, "RUS"),
        ),
        (
            "Insurgents shelled a garrison in Oromia on Tuesday.",
            ("ASSAULT", "ETH", "REB", "ETH"),
        ),
    ],
    ids=["base-in-state", "outpost-near-town", "foreign-drones", "garrison-in-region"],
)
def test_a_military_post_struck_stands_for_the_military_where_it_is(
    resources: Resources, text: str, dyad: tuple[str, str, str | None, str]
) -> None:
    events = _code(resources, text)
    assert dyad in _dyads(events)
    targets = [t for e in events for t in e.targets if t.country == dyad[3]]
    assert targets and all(t.sector == "MIL" for t in targets)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled a refugee camp near Goma on Monday.",  # a camp that is no army's
        "Gunmen attacked a rebel base in Borno state on Friday.",  # an armed group's own
        "The army shelled a military base in Borno state held by the rebels.",  # at home
    ],
    ids=["refugee-camp", "rebel-base", "own-army-at-home"],
)
def test_a_post_that_is_no_foreign_or_state_military_post_gives_no_military_target(
    resources: Resources, text: str
) -> None:
    events = _code(resources, text)
    assert not any(t.sector == "MIL" for e in events for t in e.targets)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "The Allied Democratic Forces stormed a clinic near Beni, then attacked a "
            "MONUSCO patrol.",
            ("ASSAULT", "UGA", "REB", None),
        ),
        (
            "Taliban fighters seized a checkpoint in Kunduz on Monday, then ambushed an "
            "Afghan army convoy.",
            ("ASSAULT", "AFG", "GOV", "AFG"),
        ),
        (
            "Tension grew in May when al-Shabaab fighters raided a village near Baidoa, "
            "then attacked a Kenyan army convoy.",
            ("ASSAULT", "SOM", "REB", "KEN"),
        ),
    ],
    ids=["then-attacked", "then-ambushed", "under-another-clause"],
)
def test_a_subjectless_verb_hung_on_the_clause_before_shares_its_subject(
    resources: Resources, text: str, dyad: tuple[str, str, str, str | None]
) -> None:
    assert dyad in _dyads(_code(resources, text))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Rebels overran an army base in Borno state on Monday. The government hit back "
            "with air strikes on Tuesday.",
            "NGA",
        ),
        (
            "Militants seized a military outpost near Gao. The government retaliated with "
            "drone strikes the next day.",
            "MLI",
        ),
        (
            "Al-Shabaab fighters overran a garrison near Baidoa. The government struck back "
            "with artillery fire.",
            "SOM",
        ),
    ],
    ids=["hit-back", "retaliated", "struck-back"],
)
def test_a_retaliation_answers_the_seizure_of_a_post(
    resources: Resources, text: str, country: str
) -> None:
    events = _code(resources, text)
    answer = [e for e in events if e.source.sector == "GOV" and e.type == "ASSAULT"]
    assert answer and all(e.source.country == country for e in answer)
    assert all(t.sector == "REB" for e in answer for t in e.targets)
    assert all(e.targets for e in answer)
