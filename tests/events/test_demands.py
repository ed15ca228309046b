"""Demands told in other words: what someone says another should do, entreaties whose
"to" clause is the other's act, urging parsed as a clause of purpose, and rebels asking
things of their own state."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code, _dyads


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Norway said Israel should halt its strikes on Gaza.", ("REQUEST", "NOR", None, "ISR")),
        (
            "The EU said Serbia should withdraw its troops from the border.",
            ("REQUEST", None, "IGO", "SRB"),
        ),
        (
            "Japan said China should release the detained diplomats.",
            ("REQUEST", "JPN", None, "CHN"),
        ),
    ],
    ids=["halt", "withdraw", "release"],
)
def test_what_someone_says_another_should_do_is_a_demand(
    resources: Resources, text: str, dyad: tuple[str, str | None, str | None, str]
) -> None:
    assert dyad in _dyads(_code(resources, text))


@pytest.mark.parametrize(
    "text",
    [
        "Ghana implored Togo to withdraw its troops.",
        "Peru beseeched Chile to reopen the border.",
        "Egypt exhorted Sudan to accept the truce.",
    ],
    ids=["implored", "beseeched", "exhorted"],
)
def test_an_entreaty_is_no_act_of_the_one_who_makes_it(resources: Resources, text: str) -> None:
    events = _code(resources, text)
    assert any(e.type == "REQUEST" and e.targets for e in events)
    assert not any(e.type == "RETREAT" for e in events)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "The US pushed Uganda to withdraw its soldiers from Congo.",
            ("REQUEST", "USA", None, "UGA"),
        ),
        (
            "Britain pushed Rwanda to pull its troops out of Congo.",
            ("REQUEST", "GBR", None, "RWA"),
        ),
        ("Qatar pushed Hamas to release the hostages.", ("REQUEST", "QAT", None, "PSE")),
        ("Syrian rebels demanded the removal of President Bashar al-Assad.", None),
        ("The Kenyan opposition demanded the resignation of President William Ruto.", None),
    ],
    ids=["pushed-to", "pushed-out", "pushed-release", "rebels-removal", "opposition"],
)
def test_a_demand_on_another_found_however_parsed_or_whoever_asks(
    resources: Resources, text: str, dyad: tuple[str, str, None, str] | None
) -> None:
    events = _code(resources, text)
    requests = [e for e in events if e.type == "REQUEST"]
    assert requests
    if dyad is not None:
        assert dyad in _dyads(events)
    else:  # challengers of a state ask it of its rulers
        assert all(
            t.sector == "GOV" and t.country == e.source.country for e in requests for t in e.targets
        )
