"""Classes of actor mentions news writes without a plain name: a country the NER takes
for a nationality, a nationality's force or delegation, a junta, an organisation named
with a descriptor, a title before a name."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from storyline.records import ActorKind
from tests.actors.test_resolve import actor_of, analyse

pytestmark = pytest.mark.slow


# -- a country's own name the NER tags as a nationality is still the country -------------


@pytest.mark.parametrize(
    ("text", "phrase", "country"),
    [
        pytest.param(
            "Tajikistan said on Thursday that its border guards had been fired upon.",
            "Tajikistan",
            "TJK",
            id="subject-of-speech",
        ),
        pytest.param(
            "Ghana urged Togo to release the detained journalists.",
            "Togo",
            "TGO",
            id="object",
        ),
        pytest.param(
            "Diplomats said the talks with Togo collapsed after a week of haggling.",
            "Togo",
            "TGO",
            id="after-with",
        ),
    ],
)
def test_a_country_name_tagged_as_a_nationality_is_the_country(
    resources: Resources, text: str, phrase: str, country: str
) -> None:
    actor = actor_of(analyse(resources, text), phrase)
    assert (actor.kind, actor.country) == (ActorKind.COUNTRY, country)


# -- a named body with what news writes around its name is one mention of it -------------


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        pytest.param(
            "The Southern African Development Community (SADC) extended its mission in "
            "Mozambique by a year.",
            "The Southern African Development Community (SADC)",
            "Southern African Development Community",
            id="bracketed-acronym",
        ),
        pytest.param(
            "Diplomats said the Organisation of Islamic Cooperation (OIC) would meet in Jeddah.",
            "the Organisation of Islamic Cooperation (OIC)",
            "Organisation of Islamic Cooperation",
            id="bracketed-acronym-object",
        ),
        pytest.param(
            "Witnesses said Boko Haram fighters burned the market in Gwoza on Sunday.",
            "Boko Haram fighters",
            "Boko Haram",
            id="members-after-name",
        ),
        pytest.param(
            "The Taliban movement announced a new cabinet in Kabul.",
            "The Taliban movement",
            "Taliban",
            id="kind-after-name",
        ),
        pytest.param(
            "Residents fled as the Boko Haram jihadist group overran the town.",
            "the Boko Haram jihadist group",
            "Boko Haram",
            id="kind-with-modifier",
        ),
        pytest.param(
            "Officials said Afghanistan's Taliban had closed girls' schools again.",
            "Afghanistan's Taliban",
            "Taliban",
            id="possessive-country",
        ),
        pytest.param(
            "Analysts expect Nigeria's Boko Haram to regroup after the rains.",
            "Nigeria's Boko Haram",
            "Boko Haram",
            id="possessive-country-object",
        ),
    ],
)
def test_a_named_body_reaches_over_its_acronym_kind_and_country(
    resources: Resources, text: str, phrase: str, name: str
) -> None:
    assert actor_of(analyse(resources, text), phrase).name == name


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        pytest.param(
            "Tehran said on Monday it would not let the UN nuclear watchdog's inspectors in.",
            "the UN nuclear watchdog",
            "International Atomic Energy Agency",
            id="descriptor-alias",
        ),
        pytest.param(
            "WHO chief Tedros Adhanom Ghebreyesus visited Goma. The agency said cholera "
            "cases were rising in the camps.",
            "The agency",
            "World Health Organization",
            id="agency-after-title-acronym",
        ),
        pytest.param(
            "IAEA head Rafael Grossi flew to Tehran, where Iran's leaders met him. The "
            "agency later said its cameras had been removed.",
            "The agency",
            "International Atomic Energy Agency",
            id="agency-not-the-capital",
        ),
    ],
)
def test_a_descriptor_names_the_body_it_describes(
    resources: Resources, text: str, phrase: str, name: str
) -> None:
    assert actor_of(analyse(resources, text), phrase).name == name
