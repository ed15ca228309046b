"""A relative pronoun subject ("who", "which", "that") is a mention of its antecedent."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources
from tests.actors.test_resolve import actor_at, actor_of, analyse

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "antecedent", "pronoun"),
    [
        pytest.param(
            "Chile's navy, which seized two fishing boats in March, detained a Peruvian crew.",
            "Chile's navy",
            ", which",
            id="which-body",
        ),
        pytest.param(
            "President Ilham Aliyev, who visited Tbilisi in May, criticised the rebels on Tuesday.",
            "President Ilham Aliyev",
            ", who",
            id="who-person",
        ),
        pytest.param(
            "The European Union, which imposed sanctions on Minsk in June, warned Belarus again.",
            "The European Union",
            ", which",
            id="which-organisation",
        ),
        pytest.param(
            "The navy said it had sunk the Houthis that attacked a tanker off Yemen.",
            "Houthis",
            " that",
            id="that-restrictive",
        ),
    ],
)
def test_a_relative_pronoun_subject_is_its_antecedent(
    resources: Resources, text: str, antecedent: str, pronoun: str
) -> None:
    result = analyse(resources, text)
    start = text.index(pronoun) + len(pronoun) - len(pronoun.split()[-1])
    assert actor_at(result, start).actor_id == actor_of(result, antecedent).actor_id


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Officials in Lima said that Bolivia would reply.", id="conjunction-that"),
        pytest.param("Nobody knows who fired first near Goma.", id="interrogative-who"),
        pytest.param("Canada and Mexico, which share a border, met.", id="coordinated"),
    ],
)
def test_a_pronoun_that_opens_no_relative_clause_of_one_phrase_is_no_mention(
    resources: Resources, text: str
) -> None:
    result = analyse(resources, text)
    written = {m.evidence.text.lower() for m in result.actor_mentions}
    assert not written & {"who", "which", "that"}


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        pytest.param(
            "Prime Minister Narendra Modi, who met the Nepalese leaders last month, spoke.",
            "narendra-modi",
            id="person-meets",
        ),
        pytest.param(
            "Turkey's navy, which attacked a Greek patrol boat in May, returned home.",
            "tur-mil",
            id="navy-attacks",
        ),
        pytest.param(
            "Kenya's army, which sent troops to Haiti last year, returned home.",
            "ken-mil",
            id="army-deploys",
        ),
    ],
)
def test_the_act_of_a_relative_clause_is_its_antecedents(
    resources: Resources, text: str, doer: str
) -> None:
    events = analyse(resources, text).events
    relative = text.split(", ")[1]
    assert any(e.source.actor_id == doer and relative in e.evidence.text for e in events)


@pytest.mark.parametrize(
    ("text", "doers"),
    [
        pytest.param(
            "Egypt and Jordan, which hosted talks with Israeli officials in June, spoke.",
            {"EGY", "JOR"},
            id="two-countries",
        ),
        pytest.param(
            "Ghana and Togo, which accused Burkina Faso of harbouring rebels, met.",
            {"GHA", "TGO"},
            id="two-accusers",
        ),
        pytest.param(
            "Latvia and Estonia, which condemned Russia's drills last week, voted.",
            {"LVA", "EST"},
            id="two-condemners",
        ),
    ],
)
def test_the_act_of_a_relative_clause_on_coordinated_phrases_is_each_ones(
    resources: Resources, text: str, doers: set[str]
) -> None:
    events = analyse(resources, text).events
    relative = text.split(", ")[1]
    assert {e.source.country for e in events if relative in e.evidence.text} >= doers
