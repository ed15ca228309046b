"""Statements of readiness, support, praise and recognition, and agreements told by
the body they were made to."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources, process_article
from storyline.records import Event
from tests.conftest import make_article


def _code(resources: Resources, text: str) -> tuple[Event, ...]:
    """The events of a text published on a Friday (its weekdays are dates)."""
    return process_article(make_article(text, published="2024-03-08"), resources).events


def _dyads(events: tuple[Event, ...], types: set[str]) -> set[tuple[str, str]]:
    """(source name, target name) of every dyad of events of these types."""
    return {(e.source.name, t.name) for e in events if e.type in types for t in e.targets}


def _shown(events: tuple[Event, ...]) -> list[tuple[str, str, list[str]]]:
    return [(e.type, e.source.name, [t.name for t in e.targets]) for e in events]


# -- an agreement told by the international body it was made to -----------------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "IAEA Director General Rafael Grossi says Libya has agreed to open its storage "
            "sites to inspectors.",
            "Libya",
            "Rafael Grossi",
        ),
        (
            "The WTO Director-General Ngozi Okonjo-Iweala said Ghana had agreed to cut "
            "tariffs on imported rice.",
            "Ghana",
            "Ngozi Okonjo-Iweala",
        ),
        (
            "Sudan agreed to open two more border crossings, the World Food Programme said "
            "on Sunday.",
            "Sudan",
            "World Food Programme",
        ),
        (
            "Venezuela has agreed to free the detained observers, UN rights chief Volker "
            "Turk said.",
            "Venezuela",
            "Volker Turk",
        ),
        (
            "IAEA Director General Rafael Grossi says Libya has agreed to open its storage "
            "sites to inspectors. The International Atomic Energy Agency will send a team.",
            "Libya",
            "International Atomic Energy Agency",
        ),
    ],
    ids=[
        "agency-chief-says",
        "said-had-agreed",
        "body-said-after",
        "official-said-after",
        "the-body-the-chief-heads",
    ],
)
def test_an_agreement_told_by_a_body_is_made_to_it(
    resources: Resources, text: str, source: str, target: str
) -> None:
    events = _code(resources, text)
    assert (source, target) in _dyads(events, {"AGREE", "CONCEDE"}), _shown(events)


@pytest.mark.parametrize(
    "text",
    [
        "Reuters reported that Libya has agreed to open its storage sites to inspectors.",
        "Iran's foreign minister Abbas Araghchi said Tehran had agreed to freeze its stockpile.",
        "Venezuela has agreed to free the detained observers, Foreign Minister Yvan Gil said.",
    ],
    ids=["news-outlet", "own-country", "own-minister"],
)
def test_an_agreement_told_by_an_outlet_or_its_own_side_has_no_partner(
    resources: Resources, text: str
) -> None:
    events = _code(resources, text)
    assert not _dyads(events, {"AGREE", "CONCEDE"}), _shown(events)


def test_a_partner_the_clause_names_comes_first(resources: Resources) -> None:
    text = (
        "IAEA Director General Rafael Grossi says Libya has agreed with Russia to open its "
        "storage sites."
    )
    events = _code(resources, text)
    assert _dyads(events, {"AGREE"}) == {("Libya", "Russia")}, _shown(events)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Mali agreed with the African Union on Monday to hold elections next year. Mali "
            "has also agreed to free detained politicians, officials said on Thursday.",
            "Mali",
            "African Union",
        ),
        (
            "Haiti agreed with the IMF on Monday to cut fuel subsidies. Haiti also agreed on "
            "Wednesday to publish its budget accounts.",
            "Haiti",
            "International Monetary Fund",
        ),
    ],
    ids=["also-agreed", "has-also-agreed"],
)
def test_a_further_agreement_is_made_to_whom_the_first_was(
    resources: Resources, text: str, source: str, target: str
) -> None:
    events = _code(resources, text)
    further = [e for e in events if e.type == "AGREE" and e.evidence.text.startswith(source)][1:]
    assert further and target in {t.name for t in further[0].targets}, _shown(events)


def test_a_further_agreement_by_someone_else_has_no_partner(resources: Resources) -> None:
    text = (
        "Haiti agreed with the IMF on Monday to cut fuel subsidies. Jamaica also agreed on "
        "Wednesday to publish its budget accounts."
    )
    events = _code(resources, text)
    assert ("Jamaica", "International Monetary Fund") not in _dyads(events, {"AGREE"}), _shown(
        events
    )


# -- help toward peace between two parties -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "targets"),
    [
        (
            "Qatar's foreign minister said: \"We will keep doing everything we can to help "
            'bring about a lasting peace between Ethiopia and Eritrea."',
            "Foreign Minister of Qatar",
            {"Ethiopia", "Eritrea"},
        ),
        (
            "Norway will spare no effort to help bring about a lasting peace between Colombia "
            "and Venezuela, the Norwegian foreign minister said.",
            "Foreign Minister of Norway",
            {"Colombia", "Venezuela"},
        ),
        (
            "The Vatican helped bring about peace between Peru and Ecuador in 1998.",
            "Holy See (Vatican City State)",
            {"Peru", "Ecuador"},
        ),
    ],
    ids=["will-keep-doing-all-we-can", "spare-no-effort", "helped-bring-about"],
)
def test_help_toward_peace_between_two_parties_supports_both(
    resources: Resources, text: str, source: str, targets: set[str]
) -> None:
    events = _code(resources, text)
    backed = {t for s, t in _dyads(events, {"SUPPORT", "AGREE"}) if s == source}
    assert backed >= targets, _shown(events)
    assert not _dyads(events, {"AID"}), _shown(events)


def test_help_given_to_someone_named_stays_aid(resources: Resources) -> None:
    events = _code(resources, "Japan helped Ukraine with food and medicine last winter.")
    assert ("Japan", "Ukraine") in _dyads(events, {"AID"}), _shown(events)


# -- credit given for help ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "targets"),
    [
        (
            "Armenia owes the deal to the help of France, Prime Minister Nikol Pashinyan said.",
            "Armenia",
            {"France"},
        ),
        (
            "The Liberian president said Liberia owed its peace to the support of Ghana and "
            "Nigeria.",
            "President of Liberia",
            {"Ghana", "Nigeria"},
        ),
        (
            "Colombia owes its peace to the efforts of good friends like Norway and Cuba, "
            "President Petro said.",
            "Colombia",
            {"Norway", "Cuba"},
        ),
        (
            "Kenya credited Qatar for the breakthrough in the talks.",
            "Kenya",
            {"Qatar"},
        ),
    ],
    ids=["owes-to-the-help-of", "owed-to-the-support-of", "friends-like", "credited"],
)
def test_credit_for_help_is_support_for_the_helpers(
    resources: Resources, text: str, source: str, targets: set[str]
) -> None:
    events = _code(resources, text)
    backed = {t for s, t in _dyads(events, {"SUPPORT"}) if s == source}
    assert backed >= targets, _shown(events)


def test_an_outcome_owed_to_a_thing_is_no_credit(resources: Resources) -> None:
    events = _code(resources, "Ghana owes its growth to the price of cocoa.")
    assert not _dyads(events, {"SUPPORT"}), _shown(events)


# -- readiness for more talks, with the other side ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "source_country", "target_country"),
    [
        (
            "Greek and Turkish diplomats met in Athens on Monday. Ankara is ready for further "
            "talks, the Turkish foreign minister said.",
            "TUR",
            "GRC",
        ),
        (
            "Chile and Peru held talks in Lima on Friday. Chile is ready for further contacts, "
            "the Chilean foreign minister said.",
            "CHL",
            "PER",
        ),
        (
            "Kenyan and Ethiopian officials held a round of talks in Nairobi on Tuesday. Kenya "
            "remains open to further talks, the Kenyan foreign minister said.",
            "KEN",
            "ETH",
        ),
    ],
    ids=["ready-for-talks", "ready-for-contacts", "open-to-talks"],
)
def test_readiness_for_more_talks_is_an_offer_to_the_other_side(
    resources: Resources, text: str, source_country: str, target_country: str
) -> None:
    events = _code(resources, text)
    offers = {(e.source.country, t.country) for e in events if e.type == "AGREE" for t in e.targets}
    assert (source_country, target_country) in offers, _shown(events)


def test_open_to_what_is_no_talk_is_no_offer(resources: Resources) -> None:
    text = "Chile and Peru held talks in Lima on Friday. The border market remains open to buyers."
    events = _code(resources, text)
    assert not [e for e in events if e.type == "AGREE"], _shown(events)
