"""A coup told as power seized or a ruler overthrown, and the condemnation of a coup or
of an attempt at an act, aimed at whoever made it."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code, _dyads


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Soldiers seized power in Gabon on Wednesday.", "GAB"),
        ("Soldiers seized power in Niger on Wednesday.", "NER"),  # the tagger misses Niger
        ("Soldiers toppled President Kabore of Burkina Faso on Monday.", "BFA"),
        ("Mutinous troops grabbed power in Guinea on Sunday.", "GIN"),
        ("Soldiers overthrew the government of Sudan on Monday.", "SDN"),
    ],
    ids=["seized-power", "untagged-country", "toppled-president", "grabbed-power", "overthrew"],
)
def test_a_coup_is_the_military_s_act_against_its_state(
    resources: Resources, text: str, country: str
) -> None:
    coups = [e for e in _code(resources, text) if e.type == "COERCE"]
    assert coups and all(e.source.country == country for e in coups)
    assert all(e.source.sector == "MIL" for e in coups)
    assert all(t.country == country for e in coups for t in e.targets)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "Soldiers seized power in Gabon on Wednesday. The African Union condemned the coup.",
            ("ACCUSE", None, "IGO", "GAB"),
        ),
        (
            "Soldiers toppled President Kabore of Burkina Faso on Monday. Ghana condemned "
            "the putsch.",
            ("ACCUSE", "GHA", None, "BFA"),
        ),
        (
            "Soldiers seized power in Gabon on Wednesday. The African Union denounced the bid "
            "to overthrow the constitutional order.",
            ("ACCUSE", None, "IGO", "GAB"),
        ),
        (
            "Rebels shelled Goma on Monday. Kinshasa denounced the attempt to seize the city.",
            ("ACCUSE", "COD", "GOV", None),
        ),
    ],
    ids=["condemned-coup", "condemned-putsch", "bid-to-overthrow", "attempt-to-seize"],
)
def test_a_coup_or_an_attempt_condemned_is_aimed_at_its_maker(
    resources: Resources, text: str, dyad: tuple[str, str | None, str | None, str | None]
) -> None:
    accusations = [e for e in _code(resources, text) if e.type == "ACCUSE"]
    assert dyad in _dyads(tuple(accusations))
    assert all(t.sector in ("MIL", "REB") for e in accusations for t in e.targets)


@pytest.mark.parametrize(
    "text",
    [
        "Norway condemned the move to expel the Russian ambassador.",
        "Kenya condemned the plot to attack the Ugandan embassy.",
        "Chile denounced the plan to bomb Bolivian border posts.",
    ],
    ids=["move-to-expel", "plot-to-attack", "plan-to-bomb"],
)
def test_who_condemns_a_plan_did_not_make_it(resources: Resources, text: str) -> None:
    hostile = {"ASSAULT", "SANCTION", "COERCE"}
    assert not any(e.type in hostile for e in _code(resources, text))
