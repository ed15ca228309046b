"""Decisions of a body told as measures: force decided, sanctions, demands to undo an act."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from storyline.records import Event
from tests.events.test_coding import _code


def _pairs(events: tuple[Event, ...]) -> set[tuple[str, str, str]]:
    """(type, source id, target id) of every dyad."""
    return {(e.type, e.source.actor_id, t.actor_id) for e in events for t in e.targets}


# -- force a body decides to use against someone: a threat, not the attack ----------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "The African Union resolved on Monday to take military action against the "
            "mutineers in Lesotho.",
            "african-union",
            "lso-mil",
        ),
        (
            "NATO decided that troops would be sent against the Serbian army unless it "
            "withdrew from Kosovo.",
            "nato",
            "srb-mil",
        ),
        (
            "Armed force will be used against the Venezuelan government if it does not "
            "free the prisoners by Friday, the Organization of American States said.",
            "organization-of-american-states",
            "ven-gov",
        ),
        (
            "The Arab League voted to launch air strikes against the Libyan army.",
            "arab-league",
            "lby-mil",
        ),
        (
            "Ethiopia said it would attack Eritrea unless Sudan closed the border.",
            "ETH",
            "ERI",
        ),
        (
            "The leaders of SADC warned Zimbabwe's generals that they would face military "
            "action unless they returned to barracks.",
            "southern-african-development-community",
            "ZWE",
        ),
    ],
    ids=[
        "resolved-to",
        "decided-that-unless",
        "will-if-said",
        "voted-to",
        "own-act-unless",
        "would-face",
    ],
)
def test_force_a_body_decides_on_is_its_threat(
    resources: Resources, text: str, source: str, target: str
) -> None:
    events = _code(resources, text)
    assert ("THREATEN", source, target) in _pairs(events)
    assert not {"ASSAULT", "COERCE", "MOBILIZE"} & {e.type for e in events}
    assert all(not e.future for e in events if e.type == "THREATEN")


def test_force_someone_faces_is_no_one_s_attack(resources: Resources) -> None:
    events = _code(resources, "The Malian junta faces military action.")
    assert "ASSAULT" not in {e.type for e in events}


def test_a_deployment_decided_against_no_one_stays_a_deployment(resources: Resources) -> None:
    events = _code(resources, "The African Union decided on Monday to deploy troops in Somalia.")
    assert "THREATEN" not in {e.type for e in events}


# -- sanctions told as measures -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The Arab League endorsed the closure of all borders with Syria.", "arab-league", "SYR"),
        (
            "ASEAN leaders approved the shutting of every land border linking Myanmar "
            "with ASEAN member states.",
            "asean",
            "MMR",
        ),
        (
            "Belarusian officials would be barred from all financial transactions, the "
            "European Union said.",
            "european-union",
            "blr-gov",
        ),
        ("The European Union agreed to impose sanctions on Belarus.", "european-union", "BLR"),
        (
            "NATO resolved to take military action against Serbia. Serbian officials were "
            "placed under a travel ban.",
            "nato",
            "srb-gov",
        ),
        (
            "The United States said Venezuelan officials were placed under a travel ban.",
            "USA",
            "ven-gov",
        ),
        (
            "The Arab League resolved that Syrian officials would be barred from all trade "
            "with its members.",
            "arab-league",
            "syr-gov",
        ),
        (
            "The assets of the Guinean generals would be frozen, ECOWAS said.",
            "economic-community-of-west-african-states",
            "GIN",
        ),
    ],
    ids=[
        "endorsed-closure",
        "approved-shutting",
        "would-be-barred",
        "agreed-to-impose",
        "ban-after-decision",
        "ban-said",
        "resolved-that-barred",
        "would-be-frozen",
    ],
)
def test_a_measure_decided_is_a_sanction_by_the_deciding_body(
    resources: Resources, text: str, source: str, target: str
) -> None:
    events = _code(resources, text)
    assert ("SANCTION", source, target) in _pairs(events)
    kinds = {e.type for e in events}  # no promise or threat of it, no approval of it
    assert not {"AGREE", "SUPPORT", "REJECT"} & kinds
    assert "THREATEN" not in kinds or "military action" in text


def test_lifting_sanctions_agreed_is_no_sanction(resources: Resources) -> None:
    events = _code(resources, "Canada has agreed to lift the sanctions on Cuba.")
    assert "SANCTION" not in {e.type for e in events}


# -- a demand to undo an act names no one to act: aimed at whoever did the act ------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Guinean soldiers detained President Alpha Conde on Monday. The African Union "
            "demanded that the president be freed at once.",
            "african-union",
            "gin-mil",
        ),
        (
            "Myanmar's military arrested Aung San Suu Kyi on Friday. The European Union "
            "called for the detained leader to be released.",
            "european-union",
            "mmr-mil",
        ),
        (
            "Myanmar's military ousted Aung San Suu Kyi on Friday. The United States urged "
            "that the ousted leader be reinstated.",
            "USA",
            "mmr-mil",
        ),
        (
            "Guinean soldiers detained President Alpha Conde on Monday. Ghana demanded the "
            "release of Conde.",
            "GHA",
            "gin-mil",
        ),
        (
            "Thai police detained the activist Arnon Nampa on Tuesday. Amnesty "
            "International demanded her immediate release.",
            "amnesty-international",
            "tha-cop",
        ),
    ],
    ids=["be-freed", "for-to-be-released", "be-reinstated", "release-of", "her-release"],
)
def test_a_demand_to_undo_an_act_is_aimed_at_its_doer(
    resources: Resources, text: str, source: str, target: str
) -> None:
    requests = {p for p in _pairs(_code(resources, text)) if p[0] == "REQUEST"}
    assert requests == {("REQUEST", source, target)}


def test_a_demand_to_free_people_no_one_was_told_to_hold_is_aimed_at_no_one(
    resources: Resources,
) -> None:
    text = "Ecuador called for the detained fishermen to be released."
    assert not {p for p in _pairs(_code(resources, text)) if p[0] == "REQUEST"}
