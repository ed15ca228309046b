"""A clause of purpose tells an aim, not an act; a verb joined to a coded one with an
object of its own does not take the first verb's object."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code, _dyads


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Chad asked France for drones so it can strike Boko Haram camps.",
            ("REQUEST", "TCD", None, "FRA"),
        ),
        (
            "Iran sent drones to Russia so it can bomb Ukrainian cities.",
            ("AID", "IRN", None, "RUS"),
        ),
        ("Mali hired Russian mercenaries so they will fight the jihadists in Gao.", None),
    ],
    ids=["so-it-can", "so-it-can-bomb", "so-they-will"],
)
def test_a_clause_of_purpose_is_no_attack(
    resources: Resources, text: str, kept: tuple[str, str, None, str] | None
) -> None:
    events = _code(resources, text)
    assert not any(e.type in ("ASSAULT", "THREATEN") for e in events)
    if kept is not None:
        assert kept in _dyads(events)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Al-Shabaab stormed a base near Baidoa. Somalia's government denounced the attack "
            "and urged the international community to give its forces more support.",
            "al-Shabaab",
        ),
        (
            "The M23 shelled Goma. Congo's government denounced the attack and urged "
            "the international community to send aid.",
            "M23",
        ),
        (
            "Jihadists ambushed a convoy near Gao. Mali's government condemned the ambush and "
            "urged the international community to share intelligence.",
            None,
        ),
    ],
    ids=["give-support", "send-aid", "share-intelligence"],
)
def test_a_joined_verb_with_its_own_object_keeps_it(
    resources: Resources, text: str, group: str | None
) -> None:
    events = _code(resources, text)
    requests = [e for e in events if e.type == "REQUEST"]
    assert not any(t.sector == "REB" for e in requests for t in e.targets)
    if group is not None:  # the condemnation is still aimed at the group
        assert any(e.type == "ACCUSE" and group in {t.name for t in e.targets} for e in events)
