"""Event coding on sentences of our own: who acts on whom, and what is not an event."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources, process_article
from storyline.records import Event
from tests.conftest import make_article


def _code(resources: Resources, text: str) -> tuple[Event, ...]:
    return process_article(make_article(text), resources).events


def _dyads(events: tuple[Event, ...]) -> set[tuple[str, str | None, str | None, str | None]]:
    """(type, source country, source sector, target country) of every dyad; '-' target
    for an event with no recipient."""
    out = set()
    for e in events:
        for target in e.targets or (None,):
            out.add((e.type, e.source.country, e.source.sector, target.country if target else "-"))
    return out


# -- plural nouns named by their countries ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senior Bolivian and Peruvian officials praised Chilean diplomats in Lima.",
            {("SUPPORT", "BOL", "GOV", "CHL"), ("SUPPORT", "PER", "GOV", "CHL")},
        ),
        (
            "Kenyan soldiers arrested 40 Somali fishermen near the coast.",
            {("COERCE", "KEN", "MIL", "SOM")},
        ),
        (
            "Nepalese rebels attacked Indian police at the border.",
            {("ASSAULT", "NPL", "REB", "IND")},
        ),
        (
            "Security forces in Chad detained dozens of Sudanese traders.",
            {("COERCE", "TCD", "COP", "SDN")},
        ),
        (
            "Opposition groups in Kenya criticized the Ugandan government.",
            {("ACCUSE", "KEN", "OPP", "UGA")},
        ),
        (
            "Armenians accused Azerbaijan of shelling villages.",
            {("ACCUSE", "ARM", None, "AZE")},
        ),
        (
            "The leaders of Norway and Denmark criticized the Swedish government.",
            {("ACCUSE", "NOR", "GOV", "SWE"), ("ACCUSE", "DNK", "GOV", "SWE")},
        ),
    ],
    ids=["demonyms", "troops", "rebels", "noun-in-country", "opposition", "people", "of"],
)
def test_plural_nouns_stand_for_the_bodies_of_their_countries(
    resources: Resources, text: str, expected: set
) -> None:
    assert expected <= _dyads(_code(resources, text))


def test_a_noun_the_knowledge_files_do_not_know_is_a_group_of_its_country(
    resources: Resources,
) -> None:
    events = _code(resources, "Greek and Turkish trawlers attacked Libyan fishing boats.")
    sources = {(e.source.country, e.source.kind.value, e.source.sector) for e in events}
    assert sources == {("GRC", "group", None), ("TUR", "group", None)}


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Greek and Turkish warships attacked Libyan fishing boats.", "GRC", "MIL"),
        ("Armed Colombian smugglers attacked a Venezuelan border post.", "COL", "CRM"),
        ("Indian farmers attacked Pakistani soldiers near the border.", "IND", "AGR"),
    ],
    ids=["warships", "smugglers", "farmers"],
)
def test_an_agent_noun_of_the_dictionaries_gives_the_sector_of_its_country(
    resources: Resources, text: str, country: str, sector: str
) -> None:
    sources = {(e.source.country, e.source.sector) for e in _code(resources, text)}
    assert (country, sector) in sources


@pytest.mark.parametrize(
    "text",
    [
        "Pro-Russian separatists attacked the town.",
        "Dozens of refugees attacked the guards.",
    ],
    ids=["pro-country", "no-country"],
)
def test_plural_nouns_without_a_country_of_their_own_are_no_actor(
    resources: Resources, text: str
) -> None:
    assert _code(resources, text) == ()


# -- acts with no recipient ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two hundred Nepalese rebels surrendered last week.", ("RETREAT", "NPL")),
        ("The Peruvian prime minister resigned on Sunday.", ("RETREAT", "PER")),
        ("Chilean troops completed their withdrawal from the town.", ("RETREAT", "CHL")),
    ],
    ids=["surrender", "resign", "withdrawal-from-a-place"],
)
def test_an_act_its_lexicon_lets_stand_alone_is_coded_without_recipient(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    events = _code(resources, text)
    assert any((e.type, e.source.country) == expected and not e.targets for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chilean students protested in Lima on Monday.", ("PROTEST", "CHL", "PER")),
        ("Peru's government lifted the curfew on Monday.", ("CONCEDE", "PER", "PER")),
        ("Kenyan authorities imposed a curfew on Sunday.", ("COERCE", "KEN", "KEN")),
    ],
    ids=["protest-where-held", "eased-at-home", "curfew-at-home"],
)
def test_a_domestic_act_with_no_one_named_is_aimed_at_the_country_where_it_happens(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in {
        (e.type, e.source.country, t.country) for e in _code(resources, text) for t in e.targets
    }


@pytest.mark.parametrize(
    "text",
    [
        "Peru's president reiterated his commitment to helping the region.",
        "Chile's government praised the decision on Monday.",
    ],
    ids=["named-slot-no-actor", "recipient-required"],
)
def test_no_event_without_a_recipient_when_the_clause_names_one_or_needs_one(
    resources: Resources, text: str
) -> None:
    assert _code(resources, text) == ()


# -- "it" and "they" ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway said it had expelled two Belgian diplomats.", ("SANCTION", "NOR", "BEL")),
        (
            "Chilean rebels said they attacked Bolivian border posts.",
            ("ASSAULT", "CHL", "BOL"),
        ),
        (
            "Portugal criticized Spain on Monday. It also accused Morocco of lying.",
            ("ACCUSE", "PRT", "MAR"),
        ),
    ],
    ids=["it-reported", "they-group", "it-previous-sentence"],
)
def test_it_and_they_stand_for_the_subject_that_reports_them(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    found = {
        (e.type, e.source.country, t.country) for e in _code(resources, text) for t in e.targets
    }
    assert expected in found


def test_it_is_never_a_person(resources: Resources) -> None:
    events = _code(resources, "President Ramos of Peru said it would attack Chilean ships.")
    assert all(e.source.kind.value != "person" or e.type != "ASSAULT" for e in events)


# -- what is said to be coming ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "statement", "act"),
    [
        ("Portugal said it would send weapons to Angola.", "AGREE", "AID"),
        ("Chile is ready to withdraw its troops from Bolivia.", "AGREE", "RETREAT"),
        ("Peru is determined to attack Ecuador.", "THREATEN", "ASSAULT"),
        ("Peru said it will attack Ecuador.", "THREATEN", "ASSAULT"),
        ("Kenya said it would not provide aid to Somalia.", "REJECT", "AID"),
        (
            "Chile said it will withdraw its troops from Peru unless Lima pays.",
            "THREATEN",
            "RETREAT",
        ),
    ],
    ids=["said-would", "ready-to", "determined-to", "threat", "refusal", "ultimatum"],
)
def test_an_act_an_actor_says_is_coming_is_coded_as_the_statement_with_its_parties(
    resources: Resources, text: str, statement: str, act: str
) -> None:
    """A promise, threat or refusal is the news; the act it is of has not happened and
    is no event of its own, but lends the statement its recipient."""
    types = {e.type: e for e in _code(resources, text)}
    assert statement in types and act not in types
    assert not types[statement].future
    assert types[statement].targets


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Signing the accord, Laos and Thailand pledged to pull troops back.", "RETREAT"),
        ("Kenya agreed to lift its sanctions on Somalia.", "RETREAT"),
        ("The Peruvian navy promised to release the Chilean fishermen.", "RETREAT"),
    ],
    ids=["pledged", "agreed", "promised"],
)
def test_an_act_promised_by_a_verb_of_intent_is_no_event_of_its_own(
    resources: Resources, text: str, act: str
) -> None:
    assert act not in {e.type for e in _code(resources, text)}


@pytest.mark.parametrize(
    ("text", "statement", "act"),
    [
        ("Norway will give Kenya a loan of 50 million dollars.", "AGREE", "AID"),
        ("Japan announced it would suspend all aid to Myanmar.", "AGREE", "SANCTION"),
        ("Ghana decided that it will expel two Togolese envoys.", "AGREE", "SANCTION"),
    ],
    ids=["narrator-will", "announced-would", "decided-will"],
)
def test_a_plan_or_decision_told_as_fact_is_coded_as_the_act_to_come(
    resources: Resources, text: str, statement: str, act: str
) -> None:
    types = {e.type: e for e in _code(resources, text)}
    assert act in types and types[act].future


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Norway threatened to cut ties with Belgium.", ("THREATEN", "BEL"), "SANCTION"),
        ("Chile refused to return the ships to Peru.", ("REJECT", "PER"), "RETREAT"),
        ("Kenya offered to send aid to Somalia.", ("AGREE", "SOM"), None),
    ],
    ids=["threatened-to", "refused-to", "offered-to"],
)
def test_a_verb_of_intent_takes_the_recipient_of_the_act_it_is_about(
    resources: Resources, text: str, expected: tuple[str, str], absent: str | None
) -> None:
    events = _code(resources, text)
    assert expected in {(e.type, t.country) for e in events for t in e.targets}
    assert absent not in {e.type for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Peru could attack Chile if talks fail.",
        "Analysts said Peru might attack Chile.",
        "France rejected allegations that it had attacked Mali.",
    ],
    ids=["condition", "might", "allegation"],
)
def test_what_is_supposed_or_alleged_is_not_an_act(resources: Resources, text: str) -> None:
    assert "ASSAULT" not in {e.type for e in _code(resources, text)}


# -- requests and obligations ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile demanded that Peru withdraw its troops.", ("REQUEST", "CHL", "PER")),
        ("Norway repeated its demand that Russia free the sailors.", ("REQUEST", "NOR", "RUS")),
        ("Kenya said Somalia must return the captured ship.", ("REQUEST", "KEN", "SOM")),
    ],
    ids=["demanded-that", "demand-noun", "must"],
)
def test_a_request_is_addressed_to_whoever_it_asks_to_act(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    events = _code(resources, text)
    assert expected in {(e.type, e.source.country, t.country) for e in events for t in e.targets}
    assert not {"RETREAT", "AID"} & {e.type for e in events}  # asked for, not done


def test_what_was_said_without_must_is_no_demand(resources: Resources) -> None:
    events = _code(resources, "Kenya said Somalia had returned the captured ship.")
    assert "REQUEST" not in {e.type for e in events}


# -- more ways of naming a group -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thousands of Kenyan farmers protested against Ugandan traders.",
            {("PROTEST", "KEN", "UGA")},
        ),
        ("A group of Peruvian diplomats met the Chilean president.", {("CONSULT", "PER", None)}),
        (
            "Bosnian Croats accused Serbian police of beatings.",
            {("ACCUSE", "BIH", "SRB")},
        ),
        (
            "Norway said its troops had attacked Russian positions.",
            {("ASSAULT", "NOR", "RUS")},
        ),
        (
            "Kenya praised US and British forces.",
            {("SUPPORT", "KEN", "USA"), ("SUPPORT", "KEN", "GBR")},
        ),
    ],
    ids=["thousands-of", "a-group-of", "demonym-people", "its-troops", "coordinated-modifier"],
)
def test_groups_counted_owned_or_named_by_people(
    resources: Resources, text: str, expected: set
) -> None:
    found = {
        (e.type, e.source.country, t.country if e.type != "CONSULT" else None)
        for e in _code(resources, text)
        for t in e.targets
    }
    assert expected <= found


def test_a_possessive_pronoun_does_not_make_partners_its_own(resources: Resources) -> None:
    events = _code(resources, "Greece demanded that its NATO partners reject the plan.")
    assert all(t.country != "GRC" for e in events for t in e.targets)


# -- threats and promises: who they are aimed at --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru threatened to close the border if Chile sent troops.", ("THREATEN", "CHL")),
        (
            "Kenya threatened to suspend talks unless Somalia freed the hostages.",
            ("THREATEN", "SOM"),
        ),
        ("Norway promised to continue military aid to Ukraine.", ("AGREE", "UKR")),
        ("Chilean rebels have sworn to fight Peruvian troops.", ("THREATEN", "PER")),
    ],
    ids=["if", "unless", "object-of-the-act", "sworn"],
)
def test_a_threat_or_promise_is_aimed_at_whom_its_act_or_condition_names(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    events = _code(resources, text)
    assert expected in {(e.type, t.country) for e in events for t in e.targets}


# -- lexicon entries -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan gave Kenya 5 million dollars of aid.", ("AID", "JPN", "KEN")),
        ("Chile opened its borders to Peruvian refugees.", ("RETREAT", "CHL", "PER")),
        ("North Korea hacked into the computers of Japanese banks.", ("COERCE", "PRK", "JPN")),
        ("Kenyan officials shared evidence with Uganda.", ("COOPERATE", "KEN", "UGA")),
        ("Norway will prohibit all aid to Sudanese militias.", ("SANCTION", "NOR", "SDN")),
        ("Peruvian rebels released President Garcia of Chile.", ("RETREAT", "PER", "CHL")),
    ],
    ids=["give-money", "open-borders", "hack-into", "share-evidence", "prohibit", "release"],
)
def test_lexicon_entries_for_common_news_acts(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in {
        (e.type, e.source.country, t.country) for e in _code(resources, text) for t in e.targets
    }


@pytest.mark.parametrize(
    "text",
    [
        "Japan gave a speech on the economy.",
        "Chile opened a new museum in Santiago.",
        "Kenya released its annual budget report.",
    ],
    ids=["give-speech", "open-museum", "release-report"],
)
def test_light_verbs_without_their_objects_are_no_event(resources: Resources, text: str) -> None:
    assert _code(resources, text) == ()


# -- plans, wishes and claims ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "statement", "act"),
    [
        ("Norway wants to attack Sweden.", "THREATEN", None),
        ("Kenya hopes to send aid to Somalia.", "AGREE", None),
        ("Peru is scheduled to visit Chile next week.", "AGREE", "CONSULT"),
        ("Chile is going to attack Bolivia.", "THREATEN", "ASSAULT"),
    ],
    ids=["wants-to", "hopes-to", "scheduled-to", "going-to"],
)
def test_a_planned_act_is_coded_as_the_statement_of_it(
    resources: Resources, text: str, statement: str, act: str | None
) -> None:
    types = {e.type for e in _code(resources, text)}
    assert statement in types
    assert (act in types) if act else types == {statement}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya claimed that Somalia had attacked its border posts.", ("ACCUSE", "KEN", "SOM")),
        ("Norway alleged that Russia had bombed the villages.", ("ACCUSE", "NOR", "RUS")),
        ("The US presented evidence against Iran.", ("ACCUSE", "USA", "IRN")),
        ("Evidence against Iran was presented by Britain.", ("ACCUSE", "GBR", "IRN")),
    ],
    ids=["claimed-that", "alleged-that", "evidence-against", "passive-evidence"],
)
def test_a_claim_of_wrongdoing_accuses_the_wrongdoer(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    events = _code(resources, text)
    assert expected in {(e.type, e.source.country, t.country) for e in events for t in e.targets}
    assert "ASSAULT" not in {e.type for e in events}  # claimed, not reported as done


def test_a_claim_of_no_wrongdoing_is_no_accusation(resources: Resources) -> None:
    events = _code(resources, "Kenya claimed that Somalia had praised the plan.")
    assert "ACCUSE" not in {e.type for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A court in Kenya issued arrest warrants for two Somali men.", ("COERCE", "KEN", "SOM")),
        ("Chilean rebels launched rockets at Peruvian troops.", ("ASSAULT", "CHL", "PER")),
        ("Israel mounted an invasion of South Lebanon.", ("ASSAULT", "ISR", "LBN")),
    ],
    ids=["court-in-country", "launch-rockets", "country-inside-a-place-name"],
)
def test_institutions_weapons_and_places_named_around_an_act(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    events = _code(resources, text)
    assert expected in {(e.type, e.source.country, t.country) for e in events for t in e.targets}


def test_talks_a_journey_is_for_are_an_act(resources: Resources) -> None:
    events = _code(resources, "Chilean and Peruvian negotiators returned to Quito for talks.")
    assert {"CHL", "PER"} <= {c for e in events if e.type == "CONSULT" for c in _countries(e)}


def test_talks_as_the_topic_of_a_noun_are_no_act(resources: Resources) -> None:
    events = _code(resources, "Kenya expressed support for peace talks with Somalia.")
    assert "CONSULT" not in {e.type for e in events}


def _countries(event: Event) -> set[str | None]:
    return {event.source.country, *(t.country for t in event.targets)}


# -- fighting each side blames on the other, or that only times another act -----------------


def test_both_blaming_the_other_is_two_accusations_and_a_contested_attack(
    resources: Resources,
) -> None:
    events = _code(
        resources,
        "Ethiopia and Eritrea exchanged no envoys this year. Both countries blame the other "
        "for the shelling of border posts near Zalambessa last week.",
    )
    assert {("ACCUSE", "ETH", "GOV", "ERI"), ("ACCUSE", "ERI", "GOV", "ETH")} <= _dyads(events)
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert {attack.source.country, *(t.country for t in attack.targets)} == {"ETH", "ERI"}
    assert attack.contested


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        pytest.param(
            "The foreign ministers of Kenya and Somalia met in Nairobi on Friday, the first "
            "talks between Kenya and Somalia since the border clashes last week.",
            True,
            id="dated-clashes",
        ),
        pytest.param(
            "The foreign ministers of Kenya and Somalia met in Nairobi on Friday, the first "
            "talks between Kenya and Somalia since the war.",
            False,
            id="undated-war",
        ),
    ],
)
def test_fighting_that_times_a_meeting_is_not_the_meeting_partys_act(
    resources: Resources, text: str, dated: bool
) -> None:
    events = process_article(make_article(text, published="2024-05-20"), resources).events
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert all(e.source.sector != "GOV" or e.contested for e in attacks)
    if dated:  # fighting between the two sides the article is about, neither named its doer
        (attack,) = attacks
        assert {attack.source.country, *(t.country for t in attack.targets)} == {"KEN", "SOM"}
        assert attack.contested
        assert attack.date is not None and attack.date.window == ("2024-05-13", "2024-05-19")
    else:  # which war? the text does not say: no event
        assert attacks == []


def test_the_attack_condemned_later_is_the_fighting_told_before(resources: Resources) -> None:
    text = (
        "The foreign ministers of Kenya and Somalia met in Nairobi on Monday for the first time "
        "since the border clashes last week. The talks came a day after a visit to Nairobi by "
        "the British foreign secretary, who condemned the Somali attack."
    )
    events = process_article(make_article(text, published="2024-05-21"), resources).events
    # One act, dated by the sentence that told of it, not by the day it was condemned.
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.date is not None and attack.date.window == ("2024-05-13", "2024-05-19")
    assert {attack.source.country, *(t.country for t in attack.targets)} == {"KEN", "SOM"}
    assert [a.text for a in attack.also] == [text[text.index("The talks") :]]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Ethnic Serb protesters attacked Kosovo police in Zubin Potok on Sunday. On Monday "
            "the European Union condemned the attacks as unprovoked.",
            id="condemned",
        ),
        pytest.param(
            "Rwanda denied the attacks on Congolese army positions near Goma.",
            id="denied",
        ),
    ],
)
def test_who_reacts_to_an_attack_is_not_its_attacker(resources: Resources, text: str) -> None:
    events = _code(resources, text)
    attackers = {e.source.name for e in events if e.type == "ASSAULT"}
    assert not attackers & {"European Union", "Rwanda", "Government of Rwanda"}


def test_a_war_that_only_sets_the_scene_is_not_an_act_of_the_day(resources: Resources) -> None:
    text = (
        "Croatian President Zoran Milanovic and Serbian President Aleksandar Vucic met in "
        "Zagreb on Tuesday, where families of those who went missing during the Croatian war "
        "asked them for help."
    )
    events = process_article(make_article(text, published="2024-04-10"), resources).events
    assert "ASSAULT" not in {e.type for e in events}
    assert "CONSULT" in {e.type for e in events}


def test_the_secretary_urging_the_parties_is_the_named_secretary_and_the_two_sides(
    resources: Resources,
) -> None:
    text = (
        "Secretary of State Marco Rubio hosted the foreign ministers of Rwanda and Burundi in "
        "Washington on Friday. The secretary urged the parties to sign a peace deal before the "
        "end of the month."
    )
    events = process_article(make_article(text, published="2025-06-02"), resources).events
    (request,) = [e for e in events if e.type == "REQUEST"]
    assert request.source.name == "Marco Rubio"
    assert {(t.country, t.sector) for t in request.targets} == {("RWA", "GOV"), ("BDI", "GOV")}
    # The deadline of what was asked is not the day it was asked.
    assert request.date is not None and request.date.value == "2025-05-30"


def test_parties_with_a_qualifier_are_not_the_two_sides(resources: Resources) -> None:
    text = (
        "Kenya and Somalia signed a border accord on Friday. Opposition parties in Nairobi "
        "criticized the parties to the accord."
    )
    events = process_article(make_article(text, published="2025-06-02"), resources).events
    assert not [e for e in events if e.type == "ACCUSE" and e.source.sector == "GOV"]


@pytest.mark.parametrize(
    ("text", "type_", "country", "when"),
    [
        pytest.param(
            "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in "
            "Beijing on Tuesday, two days after Lavrov's visit to North Korea.",
            "CONSULT",
            "PRK",
            ("2024-06-16", None),
            id="two-days-after",
        ),
        pytest.param(
            "Turkish President Recep Tayyip Erdogan hosted Hungarian Prime Minister Viktor "
            "Orban in Ankara on Friday, after talks with Swedish officials.",
            "CONSULT",
            "SWE",
            (None, ("2024-06-08", "2024-06-14")),
            id="after",
        ),
    ],
)
def test_an_act_the_clause_is_dated_after_is_dated_before_it(
    resources: Resources, text: str, type_: str, country: str, when: tuple
) -> None:
    events = process_article(make_article(text, published="2024-06-20"), resources).events
    (earlier,) = [
        e for e in events if e.type == type_ and country in {t.country for t in e.targets}
    ]
    assert earlier.date is not None
    assert (earlier.date.value, earlier.date.window) == when


def test_a_meeting_told_again_by_two_of_its_parties_is_the_same_meeting(
    resources: Resources,
) -> None:
    text = (
        "Norwegian Foreign Minister Jonas Store hosted Foreign Minister Ararat Mirzoyan of "
        "Armenia and Foreign Minister Jeyhun Bayramov of Azerbaijan in Oslo on Friday. Before "
        "the meeting, Bayramov stated that his face-to-face dialogue with Mirzoyan had been "
        "useful."
    )
    events = process_article(make_article(text, published="2024-06-10"), resources).events
    (meeting,) = [e for e in events if e.type == "CONSULT"]
    assert meeting.source.name == "Jonas Store"
    assert {t.name for t in meeting.targets} == {"Ararat Mirzoyan", "Jeyhun Bayramov"}
    assert len(meeting.also) == 1


def test_an_attack_told_as_fact_then_blamed_on_a_government_is_one_act(
    resources: Resources,
) -> None:
    text = (
        "Tensions rose in August 2022 when Somali militants attacked Kenyan police near "
        "Mandera, killing two officers. Kenya blamed Mogadishu for the attack, which Somalia "
        "denied."
    )
    events = process_article(make_article(text, published="2024-03-05"), resources).events
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.date is not None and attack.date.value == "2022-08"
    assert {attack.source.country, *(t.country for t in attack.targets)} == {"SOM", "KEN"}
    assert attack.contested  # one side blames the other's government, which denies it
    assert len(attack.also) == 1


def test_a_ceasefire_agreed_and_a_ceasefire_that_times_talks(resources: Resources) -> None:
    agreed = _code(resources, "India and Pakistan agreed to a ceasefire on Saturday.")
    assert [(e.type, e.mode) for e in agreed] == [("AGREE", "ceasefire")]
    text = (
        "The military operations chiefs of India and Pakistan spoke by hotline on Monday, their "
        "first contact following the ceasefire, the Indian army said."
    )
    events = process_article(make_article(text, published="2025-05-13"), resources).events
    (truce,) = [e for e in events if e.mode == "ceasefire"]  # one event, not one per side
    assert {truce.source.country, *(t.country for t in truce.targets)} == {"IND", "PAK"}
    assert not truce.contested
    # before the talks it times: within the week up to Monday
    assert truce.date is not None and truce.date.window == ("2025-05-06", "2025-05-12")


@pytest.mark.parametrize(
    "text",
    [
        "Late on Friday the Peruvian cabinet signed off on a ceasefire agreement with the rebels.",
        "Chad reached a truce deal with the Sudanese army on Monday.",
        "The Ethiopian government and the Tigrayan forces agreed to a ceasefire accord.",
    ],
    ids=["signed-off-on", "truce-deal", "ceasefire-accord"],
)
def test_an_agreement_named_a_ceasefire_is_a_ceasefire(resources: Resources, text: str) -> None:
    assert ("AGREE", "ceasefire") in {(e.type, e.mode) for e in _code(resources, text)}


def test_who_discusses_something_in_calls_is_a_party_to_the_calls(resources: Resources) -> None:
    text = (
        "Secretary of State Antony Blinken called the two leaders on Friday. A spokesman said "
        "that in telephone conversations with Armenian Prime Minister Nikol Pashinyan and "
        "Azerbaijani President Ilham Aliyev, Blinken discussed the border talks."
    )
    events = process_article(make_article(text, published="2023-12-04"), resources).events
    calls = [e for e in events if e.type == "CONSULT" and e.mode == "phone"]
    assert [c.source.name for c in calls] == ["Antony Blinken"]
    assert {t.name for t in calls[0].targets} == {"Nikol Pashinyan", "Ilham Aliyev"}


def test_a_known_body_named_before_the_thing_accepted_and_a_host_after_the_fact(
    resources: Resources,
) -> None:
    text = (
        "Kenyan President William Ruto accepted a European Union proposal on Monday. EU foreign "
        "policy chief Kaja Kallas spoke to reporters after hosting Ruto in Brussels."
    )
    events = process_article(make_article(text, published="2024-06-04"), resources).events
    pairs = {(e.type, e.source.name, tuple(t.name for t in e.targets)) for e in events}
    assert ("AGREE", "William Ruto", ("European Union",)) in pairs
    assert ("CONSULT", "Kaja Kallas", ("William Ruto",)) in pairs


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Serb protesters clashed with troops of the Kosovo Force in Zvecan.", "Kosovo Force"),
        ("Fighters from Islamic State attacked Syrian troops near Hasakah.", "Islamic State"),
        ("Al-Shabaab attacked soldiers of the African Union Mission in Somalia.", "African Union"),
    ],
    ids=["troops-of-a-force", "fighters-from-a-group", "soldiers-of-a-mission"],
)
def test_people_of_an_international_body_are_that_body(
    resources: Resources, text: str, body: str
) -> None:
    names = {a.name for e in _code(resources, text) for a in (e.source, *e.targets)}
    assert any(body in n for n in names), names
    assert not any(n in ("Kosovo armed forces", "Somalia armed forces") for n in names), names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Colombia and the ELN rebels signed a peace accord in Havana.", ("AGREE", "COL", "COL")),
        ("Serbia and Kosovo inked a peace deal in Brussels.", ("AGREE", "SRB", "XKX")),
        ("Ethiopia signed a peace agreement with Eritrea in Jeddah.", ("AGREE", "ETH", "ERI")),
        ("Greece and Turkey signed a trade agreement on Monday.", ("SUPPORT", "GRC", "TUR")),
    ],
    ids=["peace-accord", "inked-peace-deal", "peace-agreement-with", "cooperation-treaty"],
)
def test_a_signed_peace_accord_is_an_agreement_a_treaty_of_cooperation_support(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    found = {(t, s, r) for t, s, _, r in _dyads(_code(resources, text))}
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Sudan agreed to a ceasefire with the Rapid Support Forces.", "Rapid Support Forces"),
        ("Armenia agreed on a roadmap with Azerbaijan in Vienna.", "Azerbaijan"),
        ("The Israeli cabinet signed off on a truce deal with Lebanon.", "Lebanon"),
    ],
    ids=["agreed-to-with", "agreed-on-with", "signed-off-on-with"],
)
def test_what_is_agreed_to_brings_its_own_participants(
    resources: Resources, text: str, target: str
) -> None:
    targets = {t.name for e in _code(resources, text) for t in e.targets}
    assert target in targets, targets


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Mediators in Doha want to end Israel's offensive in Gaza.", "ASSAULT"),
        (
            "Chad and Sudan signed an accord on Friday aimed at halting the Sudanese shelling.",
            "ASSAULT",
        ),
        ("Norway suspended its aid to the Nicaraguan government in March.", "AID"),
    ],
    ids=["end-offensive", "halting-shelling", "suspended-aid"],
)
def test_an_act_named_as_what_is_ended_is_not_reported_as_done(
    resources: Resources, text: str, absent: str
) -> None:
    assert absent not in {e.type for e in _code(resources, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Somalia held talks on Friday. In a separate incident, Islamic State "
        "fighters attacked Kurds near Raqqa on Saturday.",
        "Ethiopia and Eritrea exchanged letters on Monday. Elsewhere, Boko Haram gunmen "
        "killed herders in a village.",
        "Uzbekistan and Kazakhstan met on Tuesday to settle the border. Separately, the "
        "Taliban raided villages overnight.",
    ],
    ids=["kurds", "herders", "villages"],
)
def test_a_third_partys_attack_does_not_take_the_articles_sides(
    resources: Resources, text: str
) -> None:
    sides = {"KEN", "SOM", "ETH", "ERI", "UZB", "KAZ"}
    for event in _code(resources, text):
        if event.type in ("ASSAULT", "COERCE"):
            assert not {t.country for t in event.targets} & sides, event


@pytest.mark.parametrize(
    "text",
    [
        "Azerbaijan's foreign minister spoke with Antony Blinken by phone on Monday. Two "
        "days later Azerbaijani troops shelled villages in the highlands.",
        "Peru and Chile met on Tuesday to discuss the border. The Shining Path later "
        "ambushed farmers in the highlands.",
        "Sudan and Chad held talks on Sunday. After the vote, Wagner mercenaries raided "
        "camps at dawn.",
    ],
    ids=["highlands", "ambush", "after-vote"],
)
def test_a_place_or_time_phrase_is_not_the_earlier_call_an_act_is_set_in(
    resources: Resources, text: str
) -> None:
    """Only "during the call", "at the meeting" set an act in an earlier meeting: the
    meeting's partner is not the target of an attack "in the highlands"."""
    partners = {"USA", "CHL", "TCD"}
    for event in _code(resources, text):
        if event.type in ("ASSAULT", "COERCE"):
            assert not {t.country for t in event.targets} & partners, event


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, Turkey said it would send 300 more troops to bolster the mission.",
        "Kenya says it will deploy 1,000 police officers to Haiti within weeks.",
        "The Pentagon said on Friday that it would send two additional brigades to Poland.",
    ],
    ids=["turkey", "kenya", "pentagon"],
)
def test_a_deployment_its_actor_says_it_will_make_is_a_mobilization_to_come(
    resources: Resources, text: str
) -> None:
    events = _code(resources, text)
    assert [(e.type, e.future) for e in events] == [("MOBILIZE", True)], events


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Russia threatened to send troops into Georgia on Monday.", "THREATEN", "GEO"),
        ("Turkey sent armoured units into Syria on Sunday.", "MOBILIZE", "SYR"),
        ("Ethiopia deployed soldiers into Somalia on Friday, officials said.", "MOBILIZE", "SOM"),
    ],
    ids=["threat", "turkey", "ethiopia"],
)
def test_forces_sent_into_a_country_are_aimed_at_it(
    resources: Resources, text: str, kind: str, target: str
) -> None:
    """A deployment "into" a country (an incursion, or the threat of one) is aimed at it;
    the threat of one carries that recipient."""
    events = [e for e in _code(resources, text) if e.type == kind]
    assert events and {t.country for t in events[0].targets} == {target}, events


@pytest.mark.parametrize(
    ("text", "host", "partner"),
    [
        (
            "Norway's foreign minister Espen Eide, who chaired the session together with "
            "Cuban envoy Carlos Diaz, said progress was made.",
            "NOR",
            "CUB",
        ),
        (
            "Egyptian President Abdel Fattah al-Sisi chaired the meeting along with "
            "Jordan's King Abdullah in Cairo on Monday.",
            "EGY",
            "JOR",
        ),
        (
            "The Swiss foreign minister presided over the talks jointly with Turkish "
            "Foreign Minister Hakan Fidan in Geneva on Friday.",
            "CHE",
            "TUR",
        ),
    ],
    ids=["together-with", "along-with", "jointly-with"],
)
def test_a_co_host_is_no_party_to_the_meeting_hosted(
    resources: Resources, text: str, host: str, partner: str
) -> None:
    """ "chaired the meeting together with X": X hosts beside the doer; neither the
    co-host nor the host's own country is whom the host meets."""
    for event in _code(resources, text):
        if event.source.country == host:
            assert not {t.country for t in event.targets} & {host, partner}, event
