"""Which acts are coded and how they are typed: classes of sentences, on our own text."""

from __future__ import annotations

import pytest

from storyline.pipeline import Resources, process_article
from tests.conftest import make_article
from tests.events.test_coding import _code, _dyads

# -- background: habits, standing states, perfects that sum up the past ---------------------

_LEAD = "Peru and Chile held talks in Lima on Monday."


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"{_LEAD} Caracas backs both the Colombian rebels and the Bolivian militias.", "SUPPORT"),
        (f"{_LEAD} Argentina has long supported the Chilean opposition.", "SUPPORT"),
        (f"{_LEAD} Ecuador and Colombia have fought two border wars.", "ASSAULT"),
        (f"{_LEAD} Uruguay has also sent troops to serve with the mission.", "MOBILIZE"),
        (f"{_LEAD} Bolivia has repeatedly condemned Paraguay.", "ACCUSE"),
    ],
    ids=["standing-present", "long", "counted", "also-material", "repeatedly"],
)
def test_an_act_told_as_background_is_not_news_of_the_day(
    resources: Resources, text: str, kind: str
) -> None:
    assert kind not in {e.type for e in _code(resources, text)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"{_LEAD} Bolivian troops routinely shell Chilean villages.", "ASSAULT"),
        ("Ghanaian police regularly arrest Togolese traders at the border.", "COERCE"),
        ("Peruvian officials often accuse Ecuador of smuggling.", "ACCUSE"),
    ],
    ids=["routinely", "regularly", "often"],
)
def test_an_act_told_as_a_habit_is_coded_as_background(
    resources: Resources, text: str, kind: str
) -> None:
    events = [e for e in _code(resources, text) if e.type == kind]
    assert events and all(e.historical for e in events)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Kenya backs Somalia's bid for a council seat.", "SUPPORT"),
        (f"{_LEAD} Ghana has also agreed to a ceasefire with Togo.", "AGREE"),
        (f'{_LEAD} "We support Bolivia," the Chilean minister said.', "SUPPORT"),
        (f"{_LEAD} Bolivia condemned Paraguay on Tuesday.", "ACCUSE"),
        (f"{_LEAD} Bolivia accuses Paraguay of shelling its border posts.", "ACCUSE"),
    ],
    ids=["headline-present", "also-statement", "quoted-present", "past", "statement-present"],
)
def test_an_act_of_the_day_is_still_news(resources: Resources, text: str, kind: str) -> None:
    assert kind in {e.type for e in _code(resources, text)}


# -- a third party's part in a meeting of others; a meeting named by what was held ------------


@pytest.mark.parametrize(
    ("text", "host", "parties"),
    [
        (
            "The Turkish minister presided over the talks between Chile and Peru.",
            "TUR",
            {"CHL", "PER"},
        ),
        (
            "Norway chaired a session of talks between Colombia and Venezuela.",
            "NOR",
            {"COL", "VEN"},
        ),
        ("Ghana hosted the meeting of Mali and Niger in Accra.", "GHA", {"MLI", "NER"}),
        (
            "The Swiss envoy oversaw the prisoner exchange between Armenia and Azerbaijan.",
            "CHE",
            {"ARM", "AZE"},
        ),
        (
            "Peru and Bolivia signed a border treaty on Monday. "
            "The Brazilian president witnessed the ceremony in Brasilia.",
            "BRA",
            {"PER", "BOL"},
        ),
        (
            "Peru and Bolivia signed a trade pact in Lima. Chile's president then "
            "received the two countries' foreign ministers at his palace.",
            "CHL",
            {"PER", "BOL"},
        ),
        (
            "Fighting between Mali and Niger went on. Ghana hosted delegations "
            "of the two countries in Accra on Friday.",
            "GHA",
            {"MLI", "NER"},
        ),
    ],
    ids=[
        "presided-over",
        "chaired-session",
        "hosted-meeting-of",
        "oversaw-exchange",
        "witnessed",
        "hosted-both-nations",
        "hosted-two-countries",
    ],
)
def test_a_host_chair_or_witness_consults_with_each_party_of_the_meeting(
    resources: Resources, text: str, host: str, parties: set[str]
) -> None:
    dyads = _dyads(_code(resources, text))
    assert {t for kind, s, _, t in dyads if kind == "CONSULT" and s == host} >= parties


def test_a_host_s_part_is_not_merged_into_the_meeting_of_its_guests(resources: Resources) -> None:
    text = "Sudan and Chad met in Doha on Monday. Qatar hosted talks between Sudan and Chad."
    dyads = _dyads(_code(resources, text))
    assert {t for kind, s, _, t in dyads if kind == "CONSULT" and s == "QAT"} == {"SDN", "TCD"}
    assert any(kind == "CONSULT" and {s, t} == {"SDN", "TCD"} for kind, s, _, t in dyads)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "The meeting that Kenya held with Ethiopia in Nairobi ended without agreement.",
            ("KEN", "ETH"),
        ),
        ("Officials praised the talks which Chile held with Peru on Monday.", ("CHL", "PER")),
        ("The negotiations Bolivia conducted with Brazil last week were fruitful.", ("BOL", "BRA")),
    ],
    ids=["that-held", "which-held", "conducted"],
)
def test_a_meeting_named_by_what_its_parties_held_is_a_meeting(
    resources: Resources, text: str, pair: tuple[str, str]
) -> None:
    dyads = _dyads(_code(resources, text))
    assert any(kind == "CONSULT" and (s, t) == pair for kind, s, _, t in dyads)


# -- agreements made together: one event for the pair ---------------------------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Sudan and Chad accepted the terms on Monday.", {"SDN", "TCD"}),
        ("Israel and Lebanon both accepted the terms of the deal.", {"ISR", "LBN"}),
        ("Ghana and Togo promised on Friday to withdraw their troops.", {"GHA", "TGO"}),
        ("The Ghanaian and Togolese delegations initialled a draft accord.", {"GHA", "TGO"}),
        ("Peru and Ecuador inked an accord in Lima on Friday.", {"PER", "ECU"}),
    ],
    ids=["accepted-terms", "both-accepted", "promised", "initialled", "inked-accord"],
)
def test_an_agreement_made_together_is_between_its_parties(
    resources: Resources, text: str, pair: set[str]
) -> None:
    agreements = [e for e in _code(resources, text) if e.type == "AGREE"]
    assert len(agreements) == 1
    (agreement,) = agreements
    assert {agreement.source.country, *(t.country for t in agreement.targets)} == pair


def test_an_agreement_with_someone_named_stays_with_them(resources: Resources) -> None:
    text = "Kenya and Uganda pledged aid to Somalia on Monday."
    dyads = _dyads(_code(resources, text))
    assert ("AGREE", "KEN", None, "UGA") not in dyads


# -- requests and proposals of an act: aimed at the act's parties ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru asked for a meeting with Chile on Monday.", ("REQUEST", "PER", "CHL")),
        ("Bolivia requested talks with Paraguay.", ("REQUEST", "BOL", "PRY")),
        ("Argentina called for negotiations with Britain.", ("REQUEST", "ARG", "GBR")),
        ("Chile asked Argentina for a meeting.", ("REQUEST", "CHL", "ARG")),
        ("Kenya suggested a direct meeting with Ethiopia's president.", ("AGREE", "KEN", "ETH")),
        (
            "Bolivia's proposal to restart negotiations with Paraguay came on Sunday.",
            ("AGREE", "BOL", "PRY"),
        ),
    ],
    ids=["asked-for", "requested", "called-for", "asked-x-for", "suggested", "proposal-to"],
)
def test_asking_for_or_proposing_talks_is_aimed_at_the_other_party(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    kind, source, target = expected
    events = _code(resources, text)
    assert any(d[0] == kind and d[1] == source and d[3] == target for d in _dyads(events))
    assert "CONSULT" not in {e.type for e in events}  # the meeting is asked for, not held


@pytest.mark.parametrize(
    ("text", "source", "targets"),
    [
        ("Ghana called for the presidents of Mali and Niger to hold talks.", "GHA", {"MLI", "NER"}),
        ("Senegal called for order to be restored in Gambia.", "SEN", {"GMB"}),
        (
            "Ecuador and Peru clashed on the border. The Ecuadorian side has asked "
            "for the two presidents to meet.",
            "ECU",
            {"PER"},
        ),
    ],
    ids=["who-is-to-act", "where", "the-two-less-the-asker"],
)
def test_a_call_for_others_to_act_is_aimed_at_them(
    resources: Resources, text: str, source: str, targets: set[str]
) -> None:
    events = _code(resources, text)
    asked = {d[3] for d in _dyads(events) if d[0] == "REQUEST" and d[1] == source}
    assert asked == targets
    assert "CONSULT" not in {e.type for e in events}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Kenya charged Uganda to hold firm on the accord.", ("KEN", "UGA")),
        ("Peru directed Bolivia to withdraw its envoy.", ("PER", "BOL")),
        ("Kenya told Uganda to pull its troops out of the border area.", ("KEN", "UGA")),
    ],
    ids=["charged-to", "directed-to", "told-to"],
)
def test_telling_someone_to_act_is_a_demand_on_them(
    resources: Resources, text: str, pair: tuple[str, str]
) -> None:
    events = _code(resources, text)
    assert any(d[0] == "REQUEST" and (d[1], d[3]) == pair for d in _dyads(events))
    assert not {"ACCUSE", "RETREAT"} & {e.type for e in events}


def test_charging_someone_with_a_crime_is_still_an_accusation(resources: Resources) -> None:
    events = _code(resources, "Peru charged Chile with violating the treaty.")
    assert {e.type for e in events} == {"ACCUSE"}


# -- a stated readiness to act: a commitment toward whom the act would be with --------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Moscow stands ready to keep up contacts with Kyiv.", ("RUS", "UKR")),
        ("Chile affirmed its readiness to resume talks with Argentina.", ("CHL", "ARG")),
        ("Ghana expressed readiness to work with Togo.", ("GHA", "TGO")),
        ("Kenya reaffirmed its willingness to negotiate with Somalia.", ("KEN", "SOM")),
    ],
    ids=["stands-ready-contacts", "affirmed-readiness", "expressed-readiness", "willingness"],
)
def test_a_stated_readiness_to_act_is_a_commitment_toward_the_other_party(
    resources: Resources, text: str, pair: tuple[str, str]
) -> None:
    events = _code(resources, text)
    assert any(d[0] == "AGREE" and (d[1], d[3]) == pair for d in _dyads(events))
    assert "CONSULT" not in {e.type for e in events}  # the talks are not held


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Peru and Chile held talks in Lima on Friday. Lima stands ready to keep up "
            "contacts, the Peruvian envoy said.",
            ("PER", "CHL"),
        ),
        (
            "Ghana and Togo met in Accra on Monday. Togo is prepared to continue the "
            "negotiations, its minister said.",
            ("TGO", "GHA"),
        ),
        (
            "Sudan and Chad clashed on the border last week. Sudan is ready to hold talks, "
            "the Sudanese army said.",
            ("SDN", "TCD"),
        ),
    ],
    ids=["stands-ready", "prepared", "ready-to-hold"],
)
def test_a_side_ready_to_meet_with_no_partner_named_is_ready_to_meet_the_other(
    resources: Resources, text: str, pair: tuple[str, str]
) -> None:
    dyads = _dyads(_code(resources, text))
    assert any(d[0] == "AGREE" and (d[1], d[3]) == pair for d in dyads)


# -- an interview is no meeting ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Speaking to AFP on Tuesday, a Somali commander said the attack was repelled.",
        "The Kenyan minister spoke to the BBC on Monday.",
        "In a conversation with Reuters, the Peruvian president said talks would go on.",
    ],
    ids=["speaking-to", "spoke-to", "conversation-with"],
)
def test_speaking_to_a_news_outlet_is_no_consultation(resources: Resources, text: str) -> None:
    events = _code(resources, text)
    assert not any(t.sector in ("MED", "JRN") for e in events for t in e.targets)


def test_speaking_with_a_counterpart_is_still_a_consultation(resources: Resources) -> None:
    text = "The Kenyan minister spoke with Somalia's foreign minister on Monday."
    assert ("CONSULT", "KEN", "GOV", "SOM") in _dyads(_code(resources, text))


# -- what may be done or is feared is not done ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Israel retains the freedom to strike Hezbollah, the minister said.",
        "Chile keeps its right to attack Bolivian positions if the truce is broken.",
        "Chad retains the option to bomb rebel bases in Sudan.",
        "Kenya has the power to expel Somali diplomats.",
    ],
    ids=["freedom-to", "right-to", "option-to", "power-to"],
)
def test_a_noun_of_what_may_be_done_is_not_the_act(resources: Resources, text: str) -> None:
    events = _code(resources, text)
    assert not {"ASSAULT", "SANCTION"} & {e.type for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Poland fears a Russian invasion of Ukraine.",
        "Ghana fears an attack by Togo on its border posts.",
        "Peru fears Bolivian sanctions on its exports.",
    ],
    ids=["invasion", "attack", "sanctions"],
)
def test_a_feared_act_is_not_the_act(resources: Resources, text: str) -> None:
    events = _code(resources, text)
    assert not {"ASSAULT", "SANCTION"} & {e.type for e in events}


# -- a reported act takes the date of its saying ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "month"),
    [
        (f"{_LEAD} Kenya accused Somalia of the attack, the minister said in May.", "2023-05"),
        (f"{_LEAD} The Chilean envoy said in March that Chile had condemned Bolivia.", "2023-03"),
        (
            f"{_LEAD} Ghana demanded that Togo reopen the border, its envoy said in April.",
            "2023-04",
        ),
    ],
    ids=["said-in-may", "said-in-march-that", "said-in-april"],
)
def test_a_reported_act_takes_the_date_of_its_saying(
    resources: Resources, text: str, month: str
) -> None:
    events = process_article(make_article(text, published="2023-07-31"), resources).events
    reported = [e for e in events if e.type in ("ACCUSE", "REQUEST")]
    assert reported and all(e.date and e.date.value == month for e in reported)


# -- what is provided for or shown is not done ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The deal provides for Peruvian troops to pull back from the border.",
        "The plan allows for Chilean forces to withdraw from the valley by May.",
        "The accord makes room for Togo to release the detainees.",
    ],
    ids=["provides-for", "allows-for", "makes-room-for"],
)
def test_an_act_in_a_for_to_clause_is_not_done(resources: Resources, text: str) -> None:
    assert "RETREAT" not in {e.type for e in _code(resources, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The arrest of the Kenyan opposition leader demonstrated an absence of goodwill.",
        "The Peruvian president rallied support for the reform.",
        "The vote demonstrated that Chile backs the plan.",
    ],
    ids=["demonstrated-absence", "rallied-support", "demonstrated-that"],
)
def test_a_verb_of_protest_with_an_object_is_no_protest(resources: Resources, text: str) -> None:
    assert "PROTEST" not in {e.type for e in _code(resources, text)}


def test_a_verb_of_protest_with_no_object_is_still_a_protest(resources: Resources) -> None:
    text = "Thousands of Kenyans demonstrated in Nairobi on Monday."
    assert "PROTEST" in {e.type for e in _code(resources, text)}


# -- support for an agreement, permission given, what one wants of another -------------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Ukrainian lawmakers endorsed an association agreement with the European Union.",
            ("UKR", None),
        ),
        ("The Kenyan parliament approved the trade deal with Uganda on Monday.", ("KEN", "UGA")),
        ("Chile's senate endorsed the border treaty with Peru.", ("CHL", "PER")),
    ],
    ids=["endorsed-with-eu", "approved-deal", "endorsed-treaty"],
)
def test_endorsing_an_agreement_supports_whom_it_is_with(
    resources: Resources, text: str, pair: tuple[str, str | None]
) -> None:
    events = _code(resources, text)
    assert any(e.type == "SUPPORT" and e.source.country == pair[0] and e.targets for e in events)
    assert any(d[0] == "SUPPORT" and (d[1], d[3]) == pair for d in _dyads(events))
    assert "AGREE" not in {e.type for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru gave Bolivia permission to use the port.", ("CONCEDE", "PER", "BOL")),
        ("Chile granted Argentina approval to fly over its territory.", ("CONCEDE", "CHL", "ARG")),
        (
            "Obama said he would not give permission to Russia to help Israel.",
            ("REJECT", "USA", "RUS"),
        ),
    ],
    ids=["gave-permission", "granted-approval", "would-not-give"],
)
def test_giving_permission_is_a_concession(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    kind, source, target = expected
    assert any(
        d[0] == kind and d[1] == source and d[3] == target for d in _dyads(_code(resources, text))
    )


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Obama wants Putin to attack Switzerland.", ("USA", "RUS")),
        ("Kenya expects Uganda to withdraw its troops.", ("KEN", "UGA")),
        ("Ghana wants Togo to reopen the border crossing.", ("GHA", "TGO")),
    ],
    ids=["wants", "expects", "wants-reopen"],
)
def test_wanting_another_to_act_is_a_demand_on_them(
    resources: Resources, text: str, pair: tuple[str, str]
) -> None:
    events = _code(resources, text)
    assert any(d[0] == "REQUEST" and (d[1], d[3]) == pair for d in _dyads(events))
    assert not {"ASSAULT", "RETREAT"} & {e.type for e in events}  # what is wanted is not done


def test_wanting_to_act_oneself_is_no_demand(resources: Resources) -> None:
    assert "REQUEST" not in {
        e.type for e in _code(resources, "Kenya wants to hold talks with Uganda.")
    }


# -- an act told from its recipient's side ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sudanese rebels received weapons from the Eritrean government.", ("AID", "ERI", "SDN")),
        ("Kenya secured a loan from Japan on Monday.", ("AID", "JPN", "KEN")),
        ("Ukraine obtained security assurances from the United States.", ("AGREE", "USA", "UKR")),
    ],
    ids=["received-weapons", "secured-loan", "obtained-assurances"],
)
def test_an_act_received_is_the_giver_s(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    kind, giver, receiver = expected
    dyads = _dyads(_code(resources, text))
    assert any(d[0] == kind and (d[1], d[3]) == (giver, receiver) for d in dyads)
    assert not any(d[0] == kind and d[1] == receiver for d in dyads)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Obama ordered an investigation against Iran.", ("USA", "IRN")),
        ("Peru opened a probe against Chilean officials.", ("PER", "CHL")),
        ("Kenya launched an inquiry against Somalia over the attack.", ("KEN", "SOM")),
    ],
    ids=["investigation", "probe", "inquiry"],
)
def test_an_investigation_against_someone_is_aimed_at_them(
    resources: Resources, text: str, pair: tuple[str, str]
) -> None:
    dyads = _dyads(_code(resources, text))
    assert any(d[0] == "ACCUSE" and (d[1], d[3]) == pair for d in dyads)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Obama is being pressured by Congress to help Iran.", "AID"),
        ("Peru pushed Bolivia to release the Chilean prisoners.", "RETREAT"),
        ("Ghana faces pressure from Togo to send aid to Benin.", "AID"),
    ],
    ids=["pressured-to", "pushed-to", "pressure-to"],
)
def test_an_act_someone_is_pressed_to_do_is_not_done(
    resources: Resources, text: str, kind: str
) -> None:
    assert kind not in {e.type for e in _code(resources, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Chile, Peru and Bolivia intend to go ahead with the plan at Wednesday's meeting.",
        "Ghana hopes to push on with the reform after next week's talks with Togo.",
        "Kenya plans to move forward with the project at the summit with Uganda.",
    ],
    ids=["intend", "hope", "plan"],
)
def test_a_meeting_deep_in_what_is_intended_is_not_held(resources: Resources, text: str) -> None:
    assert "CONSULT" not in {e.type for e in _code(resources, text)}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Kenya and Somalia clashed on the border. Kenya agreed to withdraw its troops.",
            ("KEN", "SOM"),
        ),
        (
            "Peru and Chile held talks in Lima on Friday. Chile agreed to reopen the crossing.",
            ("CHL", "PER"),
        ),
        (
            "Ghana and Togo traded accusations on Monday. Togo has agreed to free the detainees.",
            ("TGO", "GHA"),
        ),
    ],
    ids=["withdraw", "reopen", "free"],
)
def test_an_agreement_one_side_makes_with_no_partner_named_is_with_the_other(
    resources: Resources, text: str, pair: tuple[str, str]
) -> None:
    dyads = _dyads(_code(resources, text))
    assert any(d[0] == "AGREE" and (d[1], d[3]) == pair for d in dyads)


# -- a weekday opening the text dates the news ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        (
            "Late Tuesday, Kenya's cabinet approved a deal with Somalia. The deal takes effect "
            "on Wednesday. Kenya and Somalia had both accepted the terms, the president said.",
            "AGREE",
            "2023-07-25",
        ),
        (
            "On Monday, Peru and Chile held talks in Lima. The talks resume on Thursday. "
            "Peru later praised Chile, its minister said.",
            "SUPPORT",
            "2023-07-24",
        ),
        (
            "Yesterday, Ghana condemned Togo over the border closure. The border reopens on "
            "Friday. Ghana also accused Benin of harassing traders.",
            "ACCUSE",
            "2023-07-26",
        ),
    ],
    ids=["late-tuesday", "on-monday", "yesterday"],
)
def test_a_weekday_opening_the_text_is_the_news_day(
    resources: Resources, text: str, kind: str, day: str
) -> None:
    events = process_article(make_article(text, published="2023-07-27"), resources).events
    undated = [e for e in events if e.type == kind and e.evidence.start > 0]
    assert undated and all(e.date and e.date.value == day for e in undated)


# -- conditions and demands put to the other side; what a counting noun is of ----------------


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Russia and Ukraine held talks in Istanbul on Friday. The Russian delegation "
            "tabled a series of conditions.",
            ("RUS", "UKR"),
        ),
        ("Sudan and Chad clashed on the border. Sudan set conditions for talks.", ("SDN", "TCD")),
        (
            "Mali and Niger traded accusations on Monday. Mali demanded the release of its "
            "soldiers.",
            ("MLI", "NER"),
        ),
    ],
    ids=["tabled-conditions", "set-conditions", "demanded"],
)
def test_a_demand_one_side_puts_with_no_one_named_is_on_the_other(
    resources: Resources, text: str, pair: tuple[str, str]
) -> None:
    dyads = _dyads(_code(resources, text))
    assert any(d[0] == "REQUEST" and (d[1], d[3]) == pair for d in dyads)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The EU imposed a package of sanctions on Belarus.", ("SANCTION", None, "BLR")),
        ("Kenya signed a number of agreements with Uganda.", ("SUPPORT", "KEN", "UGA")),
        ("Peru held a round of talks with Chile.", ("CONSULT", "PER", "CHL")),
    ],
    ids=["package-of-sanctions", "number-of-agreements", "round-of-talks"],
)
def test_an_act_counted_by_a_noun_is_the_act_with_its_phrases(
    resources: Resources, text: str, expected: tuple[str, str | None, str]
) -> None:
    kind, source, target = expected
    dyads = _dyads(_code(resources, text))
    assert any(d[0] == kind and (d[1], d[3]) == (source, target) for d in dyads)


# -- what is agreed, insisted on or tried is not done; an act that times another ------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Peru and Chile reached an understanding to hold another round of talks.",
            "CONSULT",
        ),
        ("Kenya and Uganda struck a deal to withdraw troops from the border.", "RETREAT"),
        ("Kenya made a bid to seize the border town from Somalia.", "COERCE"),
        (
            "The Peruvian delegation insisted that no Bolivian officials be present at its "
            "talks with Chile.",
            "CONSULT",
        ),
    ],
    ids=["understanding-to", "deal-to", "bid-to", "insisted-that"],
)
def test_what_is_agreed_tried_or_insisted_on_is_not_done(
    resources: Resources, text: str, kind: str
) -> None:
    assert kind not in {e.type for e in _code(resources, text)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Kenyan troops deployed gunships in the wake of Monday's raid on a camp in Somalia.",
            "COERCE",
        ),
        ("Chad closed the border after the bombing of its villages.", "ASSAULT"),
        ("Ghana recalled its envoy in response to the shelling of its embassy.", "ASSAULT"),
    ],
    ids=["in-the-wake-of", "after", "in-response-to"],
)
def test_an_act_that_times_another_is_not_the_clause_subject_s(
    resources: Resources, text: str, kind: str
) -> None:
    events = _code(resources, text)
    subject = events[0].source.country if events else None
    assert not any(e.type == kind and e.source.country == subject for e in events)


def test_an_act_that_times_another_by_a_named_doer_is_theirs(resources: Resources) -> None:
    events = _code(resources, "Peru and Chile met after Peru's attack on the border post.")
    assert ("ASSAULT", "PER", None, "CHL") in _dyads(events)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Kenya and Uganda held joint military exercises near the border on Monday.",
            {"KEN", "UGA"},
        ),
        ("Chile held joint naval drills with Peru.", {"CHL", "PER"}),
        ("India and Bangladesh launched joint patrols along the river.", {"IND", "BGD"}),
    ],
    ids=["joint-exercises", "joint-drills-with", "joint-patrols"],
)
def test_exercises_held_together_are_military_cooperation(
    resources: Resources, text: str, pair: set[str]
) -> None:
    events = [e for e in _code(resources, text) if e.type == "COOPERATE"]
    assert events and {events[0].source.country, *(t.country for t in events[0].targets)} == pair
    assert "MOBILIZE" not in {e.type for e in _code(resources, text)}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Britain mobilized army reservists for a possible war against Iraq on Tuesday.",
            ("GBR", "IRQ"),
        ),
        ("Kenya deployed troops for an offensive against Somalia.", ("KEN", "SOM")),
        ("The Chadian army sent troops for an assault on Sudan.", ("TCD", "SDN")),
    ],
    ids=["for-war-against", "for-offensive-against", "sent-for-assault-on"],
)
def test_a_mobilization_is_aimed_at_the_target_of_the_act_it_is_for(
    resources: Resources, text: str, pair: tuple[str, str]
) -> None:
    dyads = _dyads(_code(resources, text))
    assert any(d[0] == "MOBILIZE" and (d[1], d[3]) == pair for d in dyads)
