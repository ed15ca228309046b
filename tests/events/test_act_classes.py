"""Which acts are coded and how they are typed: classes of sentences, on our own text."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code

# -- background: habits, standing states, perfects that sum up the past ---------------------

_LEAD = "Peru and Chile held talks in Lima on Monday."


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"{_LEAD} Caracas backs both the Colombian rebels and the Bolivian militias.", "SUPPORT"),
        (f"{_LEAD} Bolivian troops routinely shell Chilean villages.", "ASSAULT"),
        (f"{_LEAD} Argentina has long supported the Chilean opposition.", "SUPPORT"),
        (f"{_LEAD} Ecuador and Colombia have fought two border wars.", "ASSAULT"),
        (f"{_LEAD} Uruguay has also sent troops to serve with the mission.", "MOBILIZE"),
        (f"{_LEAD} Bolivia has repeatedly condemned Paraguay.", "ACCUSE"),
    ],
    ids=["standing-present", "habit", "long", "counted", "also-material", "repeatedly"],
)
def test_an_act_told_as_background_is_not_news_of_the_day(
    resources: Resources, text: str, kind: str
) -> None:
    assert kind not in {e.type for e in _code(resources, text)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Kenya backs Somalia's bid for a council seat.", "SUPPORT"),
        (f"{_LEAD} Ghana has also agreed to a ceasefire with Togo.", "AGREE"),
        (f'{_LEAD} "We support Bolivia," the Chilean minister said.', "SUPPORT"),
        (f"{_LEAD} Bolivia condemned Paraguay on Tuesday.", "ACCUSE"),
        (f"{_LEAD} Bolivia accuses Paraguay of shelling its border posts.", "ACCUSE"),
    ],
    ids=["headline-present", "also-statement", "quoted-present", "past", "statement-present"],
)
def test_an_act_of_the_day_is_still_news(resources: Resources, text: str, kind: str) -> None:
    assert kind in {e.type for e in _code(resources, text)}
