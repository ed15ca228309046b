"""Arrests, detentions and captivity: who holds whom (COERCE 173), on our own text."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.events.test_coding import _code

# (type, source country, source sector, a word of the target's name)
Expected = tuple[str, str, str, str]


def _held(resources: Resources, text: str) -> set[tuple[str, str | None, str | None, str]]:
    """(type, source country, source sector, target name) of every event's dyads."""
    return {
        (e.type, e.source.country, e.source.sector, t.name)
        for e in _code(resources, text)
        for t in e.targets
    }


def _finds(found: set[tuple[str, str | None, str | None, str]], want: Expected) -> bool:
    kind, country, sector, name = want
    return any(f[:3] == (kind, country, sector) and name in f[3] for f in found)


# -- placed, kept or held under arrest, in detention or custody ------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Ethiopian soldiers held the journalist Jawar Mohammed in detention for months.",
            ("COERCE", "ETH", "MIL", "Jawar"),
        ),
        (
            "Opposition leader Kem Sokha was confined under house arrest by Cambodian police.",
            ("COERCE", "KHM", "COP", "Sokha"),
        ),
        (
            "Sudanese troops held Prime Minister Abdalla Hamdok under house arrest.",
            ("COERCE", "SDN", "MIL", "Hamdok"),
        ),
        (
            "Bolivian police put the opposition leader Luis Camacho under house arrest.",
            ("COERCE", "BOL", "COP", "Camacho"),
        ),
        (
            "Former prime minister Imran Khan was placed under arrest by Pakistani police.",
            ("COERCE", "PAK", "COP", "Imran Khan"),
        ),
    ],
    ids=["held-in-detention", "confined-passive", "held-under", "put-under", "placed-passive"],
)
def test_someone_placed_or_held_under_arrest_is_detained_by_who_holds_them(
    resources: Resources, text: str, want: Expected
) -> None:
    assert _finds(_held(resources, text), want)


# -- a vehicle or unit carrying troops: the troops' forces ----------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Police said a convoy carrying troops of the Chadian army and the gendarmerie "
            "forced its way into the house of opposition leader Succes Masra and put him "
            "under house arrest.",
            ("COERCE", "TCD", "MIL", "Masra"),
        ),
        (
            "A patrol carrying soldiers of the Malian army arrested the journalist "
            "Ousmane Diallo in Bamako.",
            ("COERCE", "MLI", "MIL", "Diallo"),
        ),
        (
            "Witnesses said a column of trucks carrying Nicaraguan police officers detained "
            "the bishop Rolando Alvarez on Friday.",
            ("COERCE", "NIC", "COP", "Alvarez"),
        ),
    ],
    ids=["convoy-noun", "patrol-verb", "column-of-trucks"],
)
def test_a_convoy_carrying_troops_arrests_as_the_troops_forces(
    resources: Resources, text: str, want: Expected
) -> None:
    assert _finds(_held(resources, text), want)


# -- an arrest told as a noun with no doer: the power the report tells ----------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Zambia's main opposition party said talks had collapsed after its leader "
            "Hakainde Hichilema's arrest a day earlier.",
            ("COERCE", "ZMB", "GOV", "Hichilema"),
        ),
        (
            "Soldiers seized power in Gabon on Wednesday. The African Union condemned the "
            "detention of President Ali Bongo.",
            ("COERCE", "GAB", "MIL", "Bongo"),
        ),
        (
            "Army officers overthrew the government of Burkina Faso. The leaders denounced "
            "the coup and the unlawful detention of President Roch Kabore.",
            ("COERCE", "BFA", "MIL", "Kabore"),
        ),
        (
            "Nicaraguan police detained the bishop Rolando Alvarez in Managua. Pope Francis "
            "said the detention of Alvarez saddened him.",
            ("COERCE", "NIC", "COP", "Alvarez"),
        ),
        (
            "Opposition leader Kizza Besigye was arrested in Kampala on Monday.",
            ("COERCE", "UGA", "GOV", "Besigye"),
        ),
        (
            "The Peruvian activist Hugo Blanco was detained in Bolivia on Friday.",
            ("COERCE", "BOL", "GOV", "Blanco"),
        ),
        (
            "Soldiers seized power in Gabon. President Ali Bongo was detained at his residence.",
            ("COERCE", "GAB", "MIL", "Bongo"),
        ),
    ],
    ids=[
        "government",
        "junta-seized-power",
        "junta-coup-listed",
        "named-elsewhere",
        "passive-in-place",
        "passive-foreigner-in-place",
        "passive-after-coup",
    ],
)
def test_an_arrest_with_no_doer_is_the_reports_power(
    resources: Resources, text: str, want: Expected
) -> None:
    assert _finds(_held(resources, text), want)


@pytest.mark.parametrize(
    "text",
    [
        "The United States and Russia clashed over the detention of Evan Gershkovich.",
        "Sri Lankan protesters called for the arrest of President Gotabaya Rajapaksa.",
    ],
    ids=["two-countries", "called-for"],
)
def test_an_arrest_with_no_doer_is_nobodys_when_the_power_is_unclear(
    resources: Resources, text: str
) -> None:
    assert not any(e.type == "COERCE" for e in _code(resources, text))


# -- held captive or seized: a state detains, armed groups and criminals abduct -------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "An opposition spokesman said Kizza Besigye was being held captive by the "
            "Ugandan government.",
            ("173", "UGA", "GOV", "Besigye"),
        ),
        (
            "Egyptian police seized the blogger Alaa Abdel Fattah at his home in Cairo.",
            ("173", "EGY", "COP", "Fattah"),
        ),
        (
            "Boko Haram fighters seized two Nigerian engineers near Maiduguri.",
            ("181", "NGA", "REB", "Nigeria"),
        ),
    ],
    ids=["held-captive-by-state", "seized-by-police", "seized-by-rebels"],
)
def test_holding_someone_is_detention_by_a_state_and_abduction_by_others(
    resources: Resources, text: str, want: Expected
) -> None:
    cameo, country, sector, name = want
    assert any(
        (e.cameo, e.source.country, e.source.sector) == (cameo, country, sector)
        and any(name in t.name for t in e.targets)
        for e in _code(resources, text)
    )
