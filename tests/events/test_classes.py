"""Classes of sentences the event coder reads: each rule's class, on sentences of our own."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code, _dyads

# -- protests: strikes, street protests and road blockades ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan teachers went on strike on Monday.", ("PROTEST", "KEN", "KEN")),
        ("Some 2,000 dock workers in Peru stopped work on Tuesday.", ("PROTEST", "PER", "PER")),
        ("Chilean students took to the streets of Santiago.", ("PROTEST", "CHL", "CHL")),
        ("Angry Peruvian farmers blocked the main highway to Lima.", ("PROTEST", "PER", "PER")),
        ("Bolivian miners blocked roads into La Paz on Friday.", ("PROTEST", "BOL", "BOL")),
    ],
    ids=["went-on-strike", "stopped-work", "took-to-streets", "blocked-highway", "blocked-roads"],
)
def test_a_strike_a_street_protest_or_a_road_blockade_is_a_protest_at_home(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    kind, source, target = expected
    assert any(
        d[0] == kind and d[1] == source and d[3] == target for d in _dyads(_code(resources, text))
    )


def test_closing_a_border_to_another_country_is_still_coercion(resources: Resources) -> None:
    text = "Chad blocked the border crossing to Sudanese traders on Monday."
    assert "PROTEST" not in {e.type for e in _code(resources, text)}


# -- commitments, mediation, permission, orders -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kenya remains committed to the peace process.",
        "The finance minister said Ghana is fully committed to reform.",
        "The Peruvian government is committed to opening the mining sector.",
    ],
    ids=["remains", "fully", "is"],
)
def test_a_stated_commitment_is_an_agreement(resources: Resources, text: str) -> None:
    assert "AGREE" in {e.type for e in _code(resources, text)}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "The Chilean president launched a mediation effort on Monday between Peru and Bolivia.",
            {"PER", "BOL"},
        ),
        ("Norway began a mediation effort between Colombia and Venezuela.", {"COL", "VEN"}),
        ("Ghana's mediation mission between Mali and Niger began work last week.", {"MLI", "NER"}),
    ],
    ids=["launched", "began", "mission"],
)
def test_a_mediation_effort_between_two_sides_is_mediation(
    resources: Resources, text: str, pair: set[str]
) -> None:
    events = [e for e in _code(resources, text) if e.type == "CONSULT"]
    assert events and {t.country for t in events[0].targets} == pair


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Venezuela's supreme court allowed the Colombian government to reopen its consulate.",
            ("CONCEDE", "VEN", "COL"),
        ),
        ("Egypt permitted Mohamed ElBaradei to hold a rally in Cairo.", ("CONCEDE", "EGY", "EGY")),
        ("Israel allowed Turkey to open a consulate in Jerusalem.", ("CONCEDE", "ISR", "TUR")),
    ],
    ids=["court", "permitted", "country"],
)
def test_allowing_someone_to_act_is_a_concession_to_them(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    kind, source, target = expected
    assert any(
        d[0] == kind and d[1] == source and d[3] == target for d in _dyads(_code(resources, text))
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Kenyan judge ordered opposition leader Raila Odinga to appear in court.",
            ("REQUEST", "KEN", "KEN"),
        ),
        (
            "Russia ordered Ukraine to withdraw its troops from the border.",
            ("REQUEST", "RUS", "UKR"),
        ),
        ("Mali instructed France to recall its ambassador.", ("REQUEST", "MLI", "FRA")),
    ],
    ids=["judge", "withdraw", "instructed"],
)
def test_ordering_someone_to_act_is_a_demand_on_them(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    kind, source, target = expected
    events = _code(resources, text)
    assert any(d[0] == kind and d[1] == source and d[3] == target for d in _dyads(events))
    assert "RETREAT" not in {e.type for e in events}  # what is ordered is not done


# -- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya's president declined to resign despite the protests.", ("REJECT", "KEN")),
        ("Brazil has refused to send troops to Haiti.", ("REJECT", "BRA")),
        ("Ghana refused to deploy peacekeepers in Mali.", ("REJECT", "GHA")),
        ("Kenya's president reneged on his promise to the opposition.", ("REJECT", "KEN")),
    ],
    ids=["declined-to-resign", "refused-to-send", "refused-to-deploy", "reneged"],
)
def test_a_refusal_to_act_is_a_rejection(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    kind, source = expected
    assert any(d[0] == kind and d[1] == source for d in _dyads(_code(resources, text)))


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean foreign ministry declined to comment on the report.",
        "A spokesman for the Kenyan army refused to say where the troops were.",
        "Peru's embassy declined to elaborate.",
    ],
    ids=["comment", "say", "elaborate"],
)
def test_a_refusal_to_comment_is_no_event(resources: Resources, text: str) -> None:
    assert "REJECT" not in {e.type for e in _code(resources, text)}


def test_a_refusal_of_an_act_the_lexicon_does_not_code_is_no_event(resources: Resources) -> None:
    text = "Chile and Peru met on Monday. The leaders refused to accept any new name for the river."
    assert "REJECT" not in {e.type for e in _code(resources, text)}


# -- "the two" ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Serbia and Kosovo traded accusations. Police said two trucks were blocking a road.",
        "Peru and Chile held talks. Two buses were blocking the bridge, witnesses said.",
        "India and Pakistan exchanged fire. Both tractors blocked the highway for hours.",
    ],
    ids=["trucks", "buses", "tractors"],
)
def test_two_things_are_not_the_two_sides(resources: Resources, text: str) -> None:
    assert "PROTEST" not in {e.type for e in _code(resources, text)}


# -- attacks no doer is named of; attacks on people the coder cannot name ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A roadside bombing near Kandahar on Sunday killed one British soldier.",
            ("ASSAULT", "AFG", "GBR"),
        ),
        ("A landmine explosion near Mosul killed two Iraqi children.", ("ASSAULT", "IRQ", "IRQ")),
        (
            "At least five Afghan civilians were killed in a car bombing in central Kabul.",
            ("ASSAULT", "AFG", "AFG"),
        ),
    ],
    ids=["bombing-killed", "explosion-killed", "killed-in-bombing"],
)
def test_an_attack_no_doer_is_named_of_is_the_country_s_where_it_happens(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    kind, source, target = expected
    assert any(
        d[0] == kind and d[1] == source and d[3] == target for d in _dyads(_code(resources, text))
    )


def test_an_attack_no_doer_is_named_of_between_two_sides_is_not_guessed(
    resources: Resources,
) -> None:
    text = (
        "Serbia and Kosovo traded accusations on Monday. The overnight attack happened "
        "close to Zvecan, a town in northern Kosovo."
    )
    assert not [e for e in _code(resources, text) if e.type == "ASSAULT" and e.source.country]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenyan police fired tear gas to disperse protesters in Nairobi, killing one person.",
            ("ASSAULT", "KEN", "KEN"),
        ),
        ("Israeli tanks fired four shells at targets in Gaza.", ("ASSAULT", "ISR", "PSE")),
        ("Chilean police dispersed hundreds of students in Santiago.", ("COERCE", "CHL", "CHL")),
    ],
    ids=["killing-one-person", "fired-at-targets", "dispersed-students"],
)
def test_an_attack_on_people_the_coder_cannot_name_is_aimed_where_it_happens(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    kind, source, target = expected
    assert any(
        d[0] == kind and d[1] == source and d[3] == target for d in _dyads(_code(resources, text))
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Malian army's seizure of power in Bamako was condemned.",
        "Guinean soldiers completed their takeover of power in Conakry.",
        "The Burkinabe junta's seizure of control in Ouagadougou drew protests.",
    ],
    ids=["seizure-of-power", "takeover", "seizure-of-control"],
)
def test_an_abstract_noun_is_not_an_unnamed_victim(resources: Resources, text: str) -> None:
    assert not [e for e in _code(resources, text) if e.type == "COERCE" and e.targets]


# -- failures to cooperate ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Ghana and Togo failed to agree on a new border line.", {"GHA", "TGO"}),
        ("Peru and Ecuador failed to reach an agreement on fishing rights.", {"PER", "ECU"}),
        ("Sudan and Chad refused to meet in Addis Ababa on Friday.", {"SDN", "TCD"}),
    ],
    ids=["failed-to-agree", "failed-to-reach", "refused-to-meet"],
)
def test_a_failed_or_refused_cooperation_is_a_rejection_between_its_parties(
    resources: Resources, text: str, pair: set[str]
) -> None:
    events = _code(resources, text)
    assert "AGREE" not in {e.type for e in events}
    assert any(
        e.type == "REJECT" and {e.source.country, *(t.country for t in e.targets)} == pair
        for e in events
    )


def test_failing_to_stop_an_attack_is_no_rejection(resources: Resources) -> None:
    text = "The Kenyan army failed to stop the attack on the town."
    assert "REJECT" not in {e.type for e in _code(resources, text)}


# -- lists of three parties the parser reads as an apposition --------------------------------


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("The UAE, Egypt, and Jordan met on Sunday.", {"ARE", "EGY", "JOR"}),
        ("Angola, Zambia, and Namibia met on Friday.", {"AGO", "ZMB", "NAM"}),
        ("The UK, Kenya, and Ghana met yesterday.", {"GBR", "KEN", "GHA"}),
    ],
    ids=["the-first-named", "bare-names", "africa-and-europe"],
)
def test_every_party_of_a_listed_meeting_takes_part(
    resources: Resources, text: str, parties: set[str]
) -> None:
    (meeting,) = [e for e in _code(resources, text) if e.type == "CONSULT"]
    assert {meeting.source.country, *(t.country for t in meeting.targets)} == parties
