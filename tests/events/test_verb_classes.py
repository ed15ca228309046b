"""Classes of verb knowledge (data/events.yaml, data/cameo_verbs.tsv): what a verb and the
words it governs say of the act, on sentences of our own."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code


def _acts(resources: Resources, text: str) -> set[tuple[str, str]]:
    """(type, source name) of every event coded in the text."""
    return {(e.type, e.source.name) for e in _code(resources, text)}


# -- an answer to a proposal, invitation or demand whose author is not named -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Karen National Union rejected the peace plan on Sunday.", "REJECT"),
        ("Venezuela has accepted an invitation to attend the regional summit.", "AGREE"),
        ("Somali elders declined the offer, a spokesman said.", "REJECT"),
        ("The Peruvian government accepted the strikers' demands on Friday.", "CONCEDE"),
        ("Hungary on Monday turned down the proposal and rejected the deal.", "REJECT"),
    ],
    ids=["reject-plan", "accept-invitation", "decline-offer", "accept-demands", "reject-deal"],
)
def test_an_answer_to_a_proposal_stands_without_its_author(
    resources: Resources, text: str, expected: str
) -> None:
    assert expected in {kind for kind, _ in _acts(resources, text)}


# -- ties, help or talks ended with any verb of stopping ---------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Japan ended its cooperation with Myanmar's military government.", "JPN", "MMR"),
        ("The European Union stopped aid deliveries to Eritrea on Monday.", None, "ERI"),
        ("Argentina halted flights to Venezuela after the dispute.", "ARG", "VEN"),
        ("Kenya stopped the talks with Somalia on Friday.", "KEN", "SOM"),
        ("Canada suspended its military links with Thailand.", "CAN", "THA"),
        ("Sweden ended its aid program for Zimbabwe.", "SWE", "ZWE"),
    ],
    ids=[
        "end-cooperation",
        "stop-deliveries",
        "halt-flights",
        "stop-talks",
        "suspend-links",
        "end-program",
    ],
)
def test_ending_ties_help_or_talks_is_a_sanction(
    resources: Resources, text: str, source: str | None, target: str
) -> None:
    sanctions = [e for e in _code(resources, text) if e.type == "SANCTION"]
    assert any(
        (source is None or e.source.country == source) and target in {t.country for t in e.targets}
        for e in sanctions
    )


# -- a verb only the CAMEO dictionary knows, from a block of force ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rwandan troops assailed the Congolese garrison near Goma on Monday.", "ASSAULT"),
        ("The Ugandan army decimated a Sudanese rebel column last week.", "ASSAULT"),
        ("Thai police flogged two Cambodian migrants, rights groups said.", "ASSAULT"),
        (
            "Egyptian security forces quelled a Libyan militia uprising in the border town.",
            "COERCE",
        ),
        ("Indonesian authorities audited the Australian mining company in Papua.", "ACCUSE"),
    ],
    ids=["assail", "decimate", "flog", "quell", "audit"],
)
def test_a_verb_of_a_block_of_force_codes_the_blocks_act(
    resources: Resources, text: str, expected: str
) -> None:
    assert expected in {kind for kind, _ in _acts(resources, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Brazil dominated Argentina in the final on Sunday.",
        "Japan overtook Germany as the third largest economy.",
        "Mexican officials checked the Guatemalan documents at the border.",
    ],
    ids=["dominate", "overtake", "check"],
)
def test_a_verb_whose_everyday_sense_is_not_force_needs_a_pattern(
    resources: Resources, text: str
) -> None:
    assert not {kind for kind, _ in _acts(resources, text)} & {"ASSAULT", "COERCE", "ACCUSE"}


# -- a CAMEO pattern that names the recipient after a preposition ("(INTO +)") ---------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Turkey moved troops into northern Iraq on Monday.", "TUR", "IRQ"),
        ("Ethiopia shifted troops into Somalia last week.", "ETH", "SOM"),
        ("Eritrean forces moved soldiers into Djibouti overnight.", "ERI", "DJI"),
    ],
    ids=["move-troops", "shift-troops", "move-soldiers"],
)
def test_a_pattern_marking_its_recipient_after_a_preposition_finds_it_there(
    resources: Resources, text: str, source: str, target: str
) -> None:
    assert any(
        e.source.country == source and target in {t.country for t in e.targets}
        for e in _code(resources, text)
    )


# -- a rule, order or agreement broken in defiance ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kosovo Serb leaders violated the ban on rallies in Mitrovica.",
        "The Zambian opposition flouted the court order and marched in Lusaka.",
        "Nepalese Maoists breached the curfew in Kathmandu.",
        "Venezuelan tankers violated the American embargo.",
    ],
    ids=["violate-ban", "flout-order", "breach-curfew", "violate-embargo"],
)
def test_breaking_a_rule_or_agreement_is_a_refusal_not_the_rule(
    resources: Resources, text: str
) -> None:
    kinds = {kind for kind, _ in _acts(resources, text)}
    assert "REJECT" in kinds and "COERCE" not in kinds


# -- help given by its measure ("500 tonnes of aid", "millions of dollars in aid") ----------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Japan sent 500 tonnes of food aid to North Korea.", "JPN", "PRK"),
        ("Qatar delivered millions of dollars in aid to Lebanon.", "QAT", "LBN"),
        ("Iran supplied a shipment of drones to Russia.", "IRN", "RUS"),
        ("Norway provided 2 million euros in assistance to Mali.", "NOR", "MLI"),
    ],
    ids=["tonnes-of", "dollars-in", "shipment-of", "euros-in"],
)
def test_help_given_by_its_measure_is_aid(
    resources: Resources, text: str, source: str, target: str
) -> None:
    assert any(
        e.type == "AID" and e.source.country == source and target in {t.country for t in e.targets}
        for e in _code(resources, text)
    )


# -- a request for protection: asylum or refuge sought ---------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Hundreds of Afghan soldiers sought refuge in Uzbekistan.", "AFG"),
        ("Two Eritrean pilots sought asylum in Saudi Arabia.", "ERI"),
        ("A Cuban diplomat applied for asylum in Sweden.", "CUB"),
    ],
    ids=["refuge", "asylum", "apply-for-asylum"],
)
def test_seeking_asylum_or_refuge_is_a_request(
    resources: Resources, text: str, source: str
) -> None:
    assert any(e.type == "REQUEST" and e.source.country == source for e in _code(resources, text))
