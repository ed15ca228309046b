"""Requests whose addressee the clause names only as a group, a role or a pronoun."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from storyline.records import Event
from tests.events.test_coding import _code


def _aimed(events: tuple[Event, ...], source: str) -> set[str]:
    """The ids of whom the source's requests are aimed at."""
    return {
        t.actor_id
        for e in events
        if e.type == "REQUEST" and e.source.actor_id == source
        for t in e.targets
    }


# -- the parties of a conflict addressed as a group ------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "targets"),
    [
        (
            "Clashes between Ethiopia and Eritrea went on along the border on Monday. "
            "The United Nations urged the warring parties to agree to a ceasefire.",
            "united-nations",
            {"eth-gov", "eri-gov"},
        ),
        (
            "Peruvian and Ecuadorean troops exchanged fire in the Cenepa valley. "
            "Brazil called on all sides to lay down their arms.",
            "BRA",
            {"per-gov", "ecu-gov"},
        ),
        (
            "Myanmar's army shelled positions of the Arakan Army in Rakhine state. "
            "Thailand said all factions must return to the negotiating table.",
            "THA",
            {"mmr-mil", "arakan-army"},
        ),
        (
            "Armenian forces attacked Azerbaijani positions near Lachin on Friday. "
            "Pope Francis appealed to the belligerents to spare civilians.",
            "pope-francis",
            {"arm-gov", "aze-gov"},
        ),
    ],
    ids=["warring-parties", "called-on-all-sides", "said-must", "appealed-to"],
)
def test_a_call_on_the_parties_as_a_group_is_aimed_at_each(
    resources: Resources, text: str, source: str, targets: set[str]
) -> None:
    events = _code(resources, text)
    assert targets <= _aimed(events, source), [
        (e.type, e.source.actor_id, [t.actor_id for t in e.targets]) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "source", "targets"),
    [
        (
            "Indian and Pakistani troops exchanged fire along the Line of Control on Sunday. "
            "The United Nations issued an appeal to all parties to show restraint.",
            "united-nations",
            {"ind-gov", "pak-gov"},
        ),
        (
            "Colombian troops clashed with FARC rebels in Cauca on Friday. Norway made a "
            "plea to the warring factions to spare civilians.",
            "NOR",
            {"col-mil", "revolutionary-armed-forces-of-colombia"},
        ),
        (
            "Thai and Cambodian soldiers exchanged fire near the Preah Vihear temple on "
            "Friday. Malaysia made an urgent appeal to the rival sides to hold their fire.",
            "MYS",
            {"tha-gov", "khm-gov"},
        ),
    ],
    ids=["issued-an-appeal-to", "made-a-plea-to", "made-an-appeal-to"],
)
def test_a_nominal_call_on_the_parties_as_a_group_is_aimed_at_each(
    resources: Resources, text: str, source: str, targets: set[str]
) -> None:
    events = _code(resources, text)
    assert targets <= _aimed(events, source), [
        (e.type, e.source.actor_id, [t.actor_id for t in e.targets]) for e in events
    ]


def test_a_party_to_the_conflict_asks_the_other(resources: Resources) -> None:
    text = (
        "Clashes between Ethiopia and Eritrea went on along the border on Monday. "
        "Eritrea urged all parties to respect the border."
    )
    assert _aimed(_code(resources, text), "ERI") == {"eth-gov"}


def test_parties_with_no_conflict_told_are_no_sides(resources: Resources) -> None:
    text = (
        "Voters in Zambia went to the polls on Thursday. "
        "The Commonwealth urged all parties to accept the results."
    )
    assert not [e for e in _code(resources, text) if e.type == "REQUEST" and e.targets]


# -- verbs of urging, entreating and enjoining with a "to" clause -----------------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Chile beseeched Bolivia to reopen the border crossing.", "CHL", "BOL"),
        ("The Vatican entreated Colombia to spare the prisoners.", "VAT", "COL"),
        ("Vietnam enjoined Cambodia to respect the river treaty.", "VNM", "KHM"),
        ("Norway pleaded with Sri Lanka to halt the executions.", "NOR", "LKA"),
        ("Fiji prevailed on Tonga to postpone the vote.", "FJI", "TON"),
        ("Poland requested Ukraine to extradite the suspects.", "POL", "UKR"),
        ("Greece lobbied Cyprus to veto the deal.", "GRC", "CYP"),
    ],
    ids=[
        "beseech",
        "entreat",
        "enjoin",
        "plead-with",
        "prevail-on",
        "request",
        "lobby",
    ],
)
def test_a_verb_of_urging_with_a_to_clause_is_a_request(
    resources: Resources, text: str, source: str, target: str
) -> None:
    assert target in _aimed(_code(resources, text), source)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "The summit of SADC opened in Harare on Monday. Zimbabwe urged "
            "member states to lift the sanctions.",
            "ZWE",
            "southern-african-development-community",
        ),
        (
            "ASEAN foreign ministers gathered in Jakarta. Indonesia asked the members to "
            "keep the bloc united.",
            "IDN",
            "asean",
        ),
        (
            "The Arab League held an emergency session in Cairo. Jordan called on the member "
            "countries to send aid to Gaza.",
            "JOR",
            "arab-league",
        ),
    ],
    ids=["member-states", "the-members", "member-countries"],
)
def test_members_of_no_body_named_are_the_body_told(
    resources: Resources, text: str, source: str, target: str
) -> None:
    events = _code(resources, text)
    assert target in _aimed(events, source), [
        (e.type, e.source.actor_id, [t.actor_id for t in e.targets]) for e in events
    ]


# -- demands to undo a coup are aimed at the junta -------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "The coup in Guinea drew wide condemnation on Monday. The African Union called "
            "for civilian rule to be restored in the country.",
            "african-union",
            "gin-mil",
        ),
        (
            "Bolivia's junta dissolved congress on Friday. Argentina demanded that the "
            "deposed president be freed.",
            "ARG",
            "bol-mil",
        ),
        (
            "The putsch in Thailand was the second in a decade. Japan urged a swift return "
            "to democracy.",
            "JPN",
            "tha-mil",
        ),
        (
            "Fiji's coup leaders suspended the constitution. New Zealand demanded the "
            "immediate release of the prime minister.",
            "NZL",
            "fji-mil",
        ),
    ],
    ids=["restored-in-the-country", "be-freed", "return-to-democracy", "release-of"],
)
def test_a_demand_to_undo_a_coup_is_aimed_at_the_junta(
    resources: Resources, text: str, source: str, target: str
) -> None:
    events = _code(resources, text)
    assert _aimed(events, source) == {target}, [
        (e.type, e.source.actor_id, [t.actor_id for t in e.targets]) for e in events
    ]


def test_order_restored_with_no_coup_told_is_asked_of_the_country(resources: Resources) -> None:
    text = (
        "Protests spread across Gambia on Friday. "
        "Senegal called for order to be restored in Gambia."
    )
    assert _aimed(_code(resources, text), "SEN") == {"GMB"}


# -- "them" asked to give up: the group told before ------------------------------------------


def _asked_of(events: tuple[Event, ...]) -> set[str]:
    """The ids of whom any request is aimed at."""
    return {t.actor_id for e in events if e.type == "REQUEST" for t in e.targets}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            'Gunmen attacked a police station in Puno on Sunday. "These men in uniform are a '
            'trained unit that came to Peru to fight," President Boluarte said, urging them '
            "to surrender to the Peruvian police.",
            "per-reb",
        ),
        (
            "Kurdish militants ambushed a Turkish patrol near Hakkari. Turkey's interior "
            "minister addressed the militants on radio, urging them to lay down their arms.",
            "tur-reb",
        ),
        (
            "Armed rebels seized a bus near Bangui on Tuesday. The Central African army "
            "surrounded the area and called on them to free the passengers.",
            "caf-reb",
        ),
    ],
    ids=["said-urging-them", "addressed-urging-them", "called-on-them"],
)
def test_them_asked_to_give_up_is_the_group_told_before(
    resources: Resources, text: str, target: str
) -> None:
    events = _code(resources, text)
    assert _asked_of(events) == {target}, [
        (e.type, e.source.actor_id, [t.actor_id for t in e.targets]) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Mutinous soldiers detained President Alpha Conde on Sunday. The coup in Guinea "
            "drew wide condemnation. Ghana demanded that the president be freed.",
            "GHA",
            "gin-mil",
        ),
        (
            "Mutinous soldiers detained President Roch Kabore on Monday. The coup in Burkina "
            "Faso drew wide condemnation. France demanded that the president be freed.",
            "FRA",
            "bfa-mil",
        ),
        (
            "Army officers detained President Ali Bongo on Wednesday. The coup in Gabon drew "
            "wide condemnation. Canada demanded that the president be freed.",
            "CAN",
            "gab-mil",
        ),
    ],
    ids=["guinea", "burkina-faso", "gabon"],
)
def test_a_coup_s_detainers_of_no_country_are_its_junta(
    resources: Resources, text: str, source: str, target: str
) -> None:
    assert _aimed(_code(resources, text), source) == {target}
