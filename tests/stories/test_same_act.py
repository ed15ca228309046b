"""Which two reports are one act: kinds of act, sides named at different grains, loose
dates, and clusters that never join two acts. Hand-built events, no spaCy model.

Every case is a pair of reports written for these tests (two outlets, one act or two),
in a table of at least three pairs with different actors and regions.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.records import Actor, ActorKind, DatePrecision, Event, EventDate, Evidence, Location
from storyline.stories.link import Linked, candidate_index, link_events, same_act
from tests.conftest import person


def country(code: str, name: str) -> Actor:
    """A country named as such."""
    return Actor(actor_id=code, name=name, kind=ActorKind.COUNTRY, country=code)


def body(code: str, sector: str | None, name: str, kind: ActorKind = ActorKind.ORG) -> Actor:
    """A body of a country: its government, army, police, or an unnamed group of it."""
    return Actor(
        actor_id=f"{code}-{sector}-{kind}", name=name, kind=kind, country=code, sector=sector
    )


def day(value: str) -> EventDate:
    """A date known to the day."""
    return EventDate(value=value, precision=DatePrecision.DAY)


def window(first: str, last: str) -> EventDate:
    """A date only known to fall in a window."""
    return EventDate(value=None, precision=DatePrecision.WINDOW, window=(first, last))


def report(
    doc_id: str,
    text: str,
    type_: str,
    source: Actor,
    targets: tuple[Actor, ...] = (),
    *,
    mode: str | None = None,
    cameo: str | None = None,
    when: EventDate | None = None,
    place: Location | None = None,
    start: int = 0,
) -> Event:
    """One outlet's report of an act, as the event coder would store it."""
    return Event(
        event_id=f"e-{doc_id}-{start}",
        type=type_,
        mode=mode,
        cameo=cameo,
        source=source,
        targets=targets,
        evidence=Evidence(doc_id=doc_id, start=start, end=start + len(text), text=text),
        date=when,
        location=place,
    )


VEN, MMR, TJK = country("VEN", "Venezuela"), country("MMR", "Myanmar"), country("TJK", "Tajikistan")
VEN_GOV = body("VEN", "GOV", "Government of Venezuela")
VEN_MIL = body("VEN", "MIL", "Venezuela armed forces")
MMR_MIL = body("MMR", "MIL", "Myanmar armed forces")
MMR_GOV = body("MMR", "GOV", "Government of Myanmar")
TJK_COP = body("TJK", "COP", "Tajikistan police")
TJK_GOV = body("TJK", "GOV", "Government of Tajikistan")
ORTEGA = person("Ramon Ortega", "VEN", "OPP")
THEIN = person("Aung Thein", "MMR", "MED")
NAZAROV = person("Farrukh Nazarov", "TJK", "OPP")

MLI, ARMED_GROUP = country("MLI", "Mali"), body("MLI", "REB", "Azawad rebels")
MLI_MIL = body("MLI", "MIL", "Mali armed forces")
YEM, HOUTHI = country("YEM", "Yemen"), body("YEM", "REB", "Houthis")
YEM_MIL = body("YEM", "MIL", "Yemen armed forces")
COL, ELN = country("COL", "Colombia"), body("COL", "REB", "ELN")
COL_MIL = body("COL", "MIL", "Colombia armed forces")

KAZ, UZB = country("KAZ", "Kazakhstan"), country("UZB", "Uzbekistan")
KAZ_GOV, UZB_GOV = (
    body("KAZ", "GOV", "Government of Kazakhstan"),
    body("UZB", "GOV", "Government of Uzbekistan"),
)
PRY, URY = country("PRY", "Paraguay"), country("URY", "Uruguay")
PRY_GOV, URY_GOV = (
    body("PRY", "GOV", "Government of Paraguay"),
    body("URY", "GOV", "Government of Uruguay"),
)
GHA, TGO = country("GHA", "Ghana"), country("TGO", "Togo")
GHA_GOV, TGO_GOV = (
    body("GHA", "GOV", "Government of Ghana"),
    body("TGO", "GOV", "Government of Togo"),
)

ON_TUESDAY = day("2024-02-13")


# -- kinds of act -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            report(
                "caracas-a",
                "Police arrested opposition leader Ramon Ortega at his home.",
                "COERCE",
                VEN_GOV,
                (ORTEGA,),
                mode="arrest",
                when=ON_TUESDAY,
            ),
            report(
                "caracas-b",
                "Masked soldiers took Ramon Ortega away from his home, his party said.",
                "ASSAULT",
                VEN_MIL,
                (ORTEGA,),
                mode="abduct",
                when=ON_TUESDAY,
            ),
            id="arrest-told-as-abduction-caracas",
        ),
        pytest.param(
            report(
                "yangon-a",
                "The army detained reporter Aung Thein in Yangon.",
                "COERCE",
                MMR_MIL,
                (THEIN,),
                mode="arrest",
                when=ON_TUESDAY,
            ),
            report(
                "yangon-b",
                "Aung Thein was seized by men in uniform, colleagues said.",
                "ASSAULT",
                MMR_GOV,
                (THEIN,),
                mode="abduct",
                when=ON_TUESDAY,
            ),
            id="arrest-told-as-abduction-yangon",
        ),
        pytest.param(
            report(
                "dushanbe-a",
                "Farrukh Nazarov was taken into custody by police on Tuesday.",
                "COERCE",
                TJK_COP,
                (NAZAROV,),
                mode="arrest",
                when=ON_TUESDAY,
            ),
            report(
                "dushanbe-b",
                "Security agents kidnapped the activist Farrukh Nazarov.",
                "ASSAULT",
                TJK_GOV,
                (NAZAROV,),
                mode="abduct",
                when=ON_TUESDAY,
            ),
            id="arrest-told-as-abduction-dushanbe",
        ),
        pytest.param(
            report(
                "gao-a",
                "Azawad rebels captured the garrison town from the army.",
                "COERCE",
                ARMED_GROUP,
                (MLI_MIL,),
                mode="seize",
                when=ON_TUESDAY,
            ),
            report(
                "gao-b",
                "Rebels stormed the army camp with machine guns.",
                "ASSAULT",
                ARMED_GROUP,
                (MLI,),
                mode="firearms",
                when=ON_TUESDAY,
            ),
            id="capture-told-as-attack-sahel",
        ),
        pytest.param(
            report(
                "marib-a",
                "Houthi fighters took control of a district held by government troops.",
                "COERCE",
                HOUTHI,
                (YEM_MIL,),
                mode="seize",
                when=ON_TUESDAY,
            ),
            report(
                "marib-b",
                "The Houthis shelled the positions of the Yemeni army.",
                "ASSAULT",
                HOUTHI,
                (YEM_MIL,),
                mode="heavy-weapons",
                when=ON_TUESDAY,
            ),
            id="capture-told-as-attack-yemen",
        ),
        pytest.param(
            report(
                "arauca-a",
                "ELN guerrillas overran a military outpost near the border.",
                "COERCE",
                ELN,
                (COL_MIL,),
                mode="seize",
                when=ON_TUESDAY,
            ),
            report(
                "arauca-b",
                "The ELN attacked soldiers guarding the outpost.",
                "ASSAULT",
                ELN,
                (COL,),
                when=ON_TUESDAY,
            ),
            id="capture-told-as-attack-andes",
        ),
        pytest.param(
            report(
                "astana-a",
                "Kazakhstan and Uzbekistan signed a water-sharing treaty.",
                "SUPPORT",
                KAZ_GOV,
                (UZB_GOV,),
                cameo="057",
                when=ON_TUESDAY,
            ),
            report(
                "tashkent-b",
                "Uzbekistan agreed with Kazakhstan on sharing river water.",
                "AGREE",
                UZB,
                (KAZ,),
                cameo="030",
                when=ON_TUESDAY,
            ),
            id="signed-accord-told-as-agreement-central-asia",
        ),
        pytest.param(
            report(
                "asuncion-a",
                "Paraguay and Uruguay inked a deal on river shipping.",
                "SUPPORT",
                PRY,
                (URY,),
                cameo="057",
                when=ON_TUESDAY,
            ),
            report(
                "montevideo-b",
                "Uruguay reached an agreement with Paraguay on barge traffic.",
                "AGREE",
                URY_GOV,
                (PRY_GOV,),
                when=ON_TUESDAY,
            ),
            id="signed-accord-told-as-agreement-south-america",
        ),
        pytest.param(
            report(
                "accra-a",
                "Ghana and Togo signed a border security pact in Lome.",
                "SUPPORT",
                GHA_GOV,
                (TGO_GOV,),
                cameo="057",
                when=ON_TUESDAY,
            ),
            report(
                "lome-b",
                "Togo and Ghana agreed to joint patrols of their border.",
                "AGREE",
                TGO_GOV,
                (GHA_GOV,),
                cameo="037",
                when=ON_TUESDAY,
            ),
            id="signed-accord-told-as-agreement-west-africa",
        ),
    ],
)
def test_one_act_told_as_two_kin_types_is_one_act(a: Event, b: Event) -> None:
    assert same_act(a, b) > 0
    assert same_act(a, b) == same_act(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            report(
                "gao-c",
                "Rebels blocked the road into the town with trucks.",
                "COERCE",
                ARMED_GROUP,
                (MLI_MIL,),
                mode="restrict",
                when=ON_TUESDAY,
            ),
            report(
                "gao-d",
                "Rebels fired on soldiers at the town's checkpoint.",
                "ASSAULT",
                ARMED_GROUP,
                (MLI_MIL,),
                mode="firearms",
                when=ON_TUESDAY,
            ),
            id="blockade-and-attack-sahel",
        ),
        pytest.param(
            report(
                "marib-c",
                "The Houthis closed the highway to army supply convoys.",
                "COERCE",
                HOUTHI,
                (YEM_MIL,),
                mode="restrict",
                when=ON_TUESDAY,
            ),
            report(
                "marib-d",
                "A Houthi drone struck an army base.",
                "ASSAULT",
                HOUTHI,
                (YEM_MIL,),
                mode="drone",
                when=ON_TUESDAY,
            ),
            id="blockade-and-attack-yemen",
        ),
        pytest.param(
            report(
                "caracas-c",
                "Police arrested Ramon Ortega.",
                "COERCE",
                VEN_GOV,
                (ORTEGA,),
                mode="arrest",
                when=ON_TUESDAY,
            ),
            report(
                "caracas-d",
                "Troops fired on supporters of Ramon Ortega.",
                "ASSAULT",
                VEN_MIL,
                (ORTEGA,),
                mode="firearms",
                when=ON_TUESDAY,
            ),
            id="arrest-and-shooting-caracas",
        ),
        pytest.param(
            report(
                "astana-c",
                "The Kazakh and Uzbek presidents spoke by phone.",
                "CONSULT",
                KAZ_GOV,
                (UZB_GOV,),
                mode="phone",
                when=ON_TUESDAY,
            ),
            report(
                "tashkent-d",
                "The Kazakh president met his Uzbek counterpart in Tashkent.",
                "CONSULT",
                KAZ_GOV,
                (UZB_GOV,),
                mode="visit",
                when=ON_TUESDAY,
            ),
            id="call-and-meeting-central-asia",
        ),
        pytest.param(
            report(
                "accra-c",
                "Ghana's foreign minister phoned his Togolese counterpart.",
                "CONSULT",
                GHA_GOV,
                (TGO_GOV,),
                mode="phone",
                when=ON_TUESDAY,
            ),
            report(
                "lome-d",
                "Ghana's foreign minister held talks with Togo's leaders in Lome.",
                "CONSULT",
                GHA_GOV,
                (TGO_GOV,),
                when=ON_TUESDAY,
            ),
            id="call-and-meeting-west-africa",
        ),
        pytest.param(
            report(
                "asuncion-c",
                "Paraguay praised Uruguay for its help after the floods.",
                "SUPPORT",
                PRY,
                (URY,),
                cameo="051",
                when=ON_TUESDAY,
            ),
            report(
                "montevideo-d",
                "Uruguay agreed with Paraguay on river shipping.",
                "AGREE",
                URY,
                (PRY,),
                when=ON_TUESDAY,
            ),
            id="praise-is-no-signed-accord",
        ),
    ],
)
def test_two_acts_of_different_kinds_on_one_day_stay_apart(a: Event, b: Event) -> None:
    assert same_act(a, b) == 0


# -- one side named at different grains ---------------------------------------------------

NAIROBI = Location(name="Nairobi", country="KEN")
DOHA = Location(name="Doha", country="QAT")
MINSK = Location(name="Minsk", country="BLR")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            report(
                "horn-a",
                "Kenya's foreign minister met Ethiopian officials in Nairobi.",
                "CONSULT",
                person("Achieng Otieno", "KEN", "GOV"),
                (body("ETH", "GOV", "Government of Ethiopia"),),
                when=ON_TUESDAY,
            ),
            report(
                "horn-b",
                "The Kenyan government hosted an Ethiopian delegation for talks.",
                "CONSULT",
                body("KEN", "GOV", "Government of Kenya"),
                (body("ETH", None, "Ethiopian delegation", ActorKind.GROUP),),
                when=ON_TUESDAY,
            ),
            id="minister-and-government-delegation-and-country-horn",
        ),
        pytest.param(
            report(
                "gulf-a",
                "Qatar's emir received the Omani delegation in Doha.",
                "CONSULT",
                person("Hamad Al Thani", "QAT", "GOV"),
                (body("OMN", None, "Omani delegation", ActorKind.GROUP),),
                when=ON_TUESDAY,
            ),
            report(
                "gulf-b",
                "Oman and Qatar held talks on shipping lanes.",
                "CONSULT",
                country("OMN", "Oman"),
                (country("QAT", "Qatar"),),
                when=ON_TUESDAY,
            ),
            id="delegation-and-country-gulf",
        ),
        pytest.param(
            report(
                "sahel-a",
                "Mali's army clashed with Azawad rebels near Kidal.",
                "ASSAULT",
                MLI_MIL,
                (ARMED_GROUP,),
                when=ON_TUESDAY,
            ),
            report(
                "sahel-b",
                "Mali attacked rebel positions around Kidal.",
                "ASSAULT",
                MLI,
                (ARMED_GROUP,),
                when=ON_TUESDAY,
            ),
            id="country-and-its-army-sahel",
        ),
        pytest.param(
            report(
                "yemen-a",
                "The Yemeni government bombed Houthi positions.",
                "ASSAULT",
                body("YEM", "GOV", "Government of Yemen"),
                (HOUTHI,),
                when=ON_TUESDAY,
            ),
            report(
                "yemen-b",
                "Yemeni army jets struck Houthi fighters.",
                "ASSAULT",
                YEM_MIL,
                (HOUTHI,),
                mode="aerial",
                when=ON_TUESDAY,
            ),
            id="government-and-its-army-in-an-attack-yemen",
        ),
        pytest.param(
            report(
                "dushanbe-e",
                "Tajik police detained Farrukh Nazarov.",
                "COERCE",
                TJK_COP,
                (NAZAROV,),
                mode="arrest",
                when=ON_TUESDAY,
            ),
            report(
                "dushanbe-f",
                "The Tajik government arrested Farrukh Nazarov.",
                "COERCE",
                TJK_GOV,
                (NAZAROV,),
                mode="arrest",
                when=ON_TUESDAY,
            ),
            id="government-and-its-police-in-an-arrest-central-asia",
        ),
    ],
)
def test_one_side_named_at_different_grains_is_one_side(a: Event, b: Event) -> None:
    assert same_act(a, b) > 0


AU = Actor(actor_id="african-union", name="African Union", kind=ActorKind.ORG, sector="IGO")
ECOWAS = Actor(actor_id="ecowas", name="ECOWAS", kind=ActorKind.ORG, sector="IGO")
ASEAN = Actor(actor_id="asean", name="ASEAN", kind=ActorKind.ORG, sector="IGO")
OAS = Actor(
    actor_id="oas", name="Organization of American States", kind=ActorKind.ORG, sector="IGO"
)
SADC = Actor(actor_id="sadc", name="SADC", kind=ActorKind.ORG, sector="IGO")
EAC = Actor(actor_id="eac", name="East African Community", kind=ActorKind.ORG, sector="IGO")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            report(
                "niamey-a",
                "The African Union suspended Niger.",
                "SANCTION",
                AU,
                (country("NER", "Niger"),),
                when=ON_TUESDAY,
            ),
            report(
                "niamey-b",
                "ECOWAS suspended Niger from its bodies.",
                "SANCTION",
                ECOWAS,
                (country("NER", "Niger"),),
                when=ON_TUESDAY,
            ),
            id="two-regional-bodies-sanction-one-country",
        ),
        pytest.param(
            report(
                "naypyidaw-a",
                "ASEAN urged Myanmar's generals to free prisoners.",
                "REQUEST",
                ASEAN,
                (MMR_MIL,),
                when=ON_TUESDAY,
            ),
            report(
                "naypyidaw-b",
                "The OAS urged Myanmar's generals to free prisoners.",
                "REQUEST",
                OAS,
                (MMR_MIL,),
                when=ON_TUESDAY,
            ),
            id="two-bodies-of-no-country-urge",
        ),
        pytest.param(
            report("goma-a", "SADC leaders met in Windhoek.", "CONSULT", SADC, (), when=ON_TUESDAY),
            report(
                "goma-b",
                "East African Community leaders met in Arusha.",
                "CONSULT",
                EAC,
                (),
                when=ON_TUESDAY,
            ),
            id="two-summits-of-two-bodies",
        ),
        pytest.param(
            report(
                "minsk-a",
                "Belarus's defence chief met Russian generals in Minsk.",
                "CONSULT",
                body("BLR", "MIL", "Belarus armed forces"),
                (body("RUS", "MIL", "Russia armed forces"),),
                when=ON_TUESDAY,
                place=MINSK,
            ),
            report(
                "minsk-b",
                "Belarus's foreign minister met Russian diplomats in Minsk.",
                "CONSULT",
                body("BLR", "GOV", "Government of Belarus"),
                (body("RUS", "GOV", "Government of Russia"),),
                when=ON_TUESDAY,
                place=MINSK,
            ),
            id="generals-and-diplomats-meet-apart",
        ),
        pytest.param(
            report(
                "doha-a",
                "Qatar's emir met Hamas officials in Doha.",
                "CONSULT",
                person("Hamad Al Thani", "QAT", "GOV"),
                (body("PSE", "REB", "Hamas"),),
                when=ON_TUESDAY,
                place=DOHA,
            ),
            report(
                "doha-b",
                "Qatar's prime minister met Hamas officials in Doha.",
                "CONSULT",
                person("Khalid Al Nasr", "QAT", "GOV"),
                (body("PSE", "REB", "Hamas"),),
                when=ON_TUESDAY,
                place=DOHA,
            ),
            id="two-named-people-of-one-government",
        ),
    ],
)
def test_different_parties_are_not_one_side(a: Event, b: Event) -> None:
    assert same_act(a, b) == 0


# -- dates and places -----------------------------------------------------------------------

LAST_WEEK = window("2024-02-08", "2024-02-15")


@pytest.mark.parametrize(
    ("a", "b", "linked"),
    [
        pytest.param(
            report(
                "kiev-a",
                "Delegations from the two sides wrapped up a round in Geneva.",
                "CONSULT",
                KAZ_GOV,
                (UZB_GOV,),
                when=ON_TUESDAY,
                place=Location(name="Geneva", country="CHE"),
            ),
            report(
                "kiev-b",
                "A spokesman said the sides would not comment on the round.",
                "CONSULT",
                KAZ,
                (UZB,),
                when=LAST_WEEK,
                place=Location(name="Geneva", country="CHE"),
            ),
            True,
            id="a-day-in-the-window-at-the-same-place",
        ),
        pytest.param(
            report(
                "lima-a",
                "Officials from both countries met in Nairobi on Tuesday.",
                "CONSULT",
                GHA_GOV,
                (TGO_GOV,),
                when=ON_TUESDAY,
                place=NAIROBI,
            ),
            report(
                "lima-b",
                "Ghana's envoy briefed reporters afterwards.",
                "CONSULT",
                GHA,
                (TGO,),
                when=LAST_WEEK,
                place=NAIROBI,
            ),
            True,
            id="a-day-in-the-window-at-the-same-place-africa",
        ),
        pytest.param(
            report(
                "rio-a",
                "The two governments reviewed river shipping quotas.",
                "CONSULT",
                PRY_GOV,
                (URY_GOV,),
                when=ON_TUESDAY,
            ),
            report(
                "rio-b",
                "Officials from the two countries discussed a football final.",
                "CONSULT",
                PRY,
                (URY,),
                when=LAST_WEEK,
            ),
            False,
            id="a-day-in-the-window-nothing-else-alike",
        ),
        pytest.param(
            report(
                "rio-c",
                "Paraguay's and Uruguay's ministers met.",
                "CONSULT",
                PRY,
                (URY,),
                when=ON_TUESDAY,
            ),
            report(
                "rio-d",
                "Uruguay hosted Paraguay, Uruguayan media reported.",
                "CONSULT",
                URY,
                (PRY,),
                when=LAST_WEEK,
            ),
            False,
            id="only-the-parties-names-alike",
        ),
        pytest.param(
            report(
                "astana-e",
                "Kazakhstan and Uzbekistan discussed a dam on the Syr Darya.",
                "CONSULT",
                KAZ,
                (UZB,),
                when=ON_TUESDAY,
            ),
            report(
                "astana-f",
                "Talks on a dam on the Syr Darya river went on.",
                "CONSULT",
                KAZ_GOV,
                (UZB_GOV,),
                when=LAST_WEEK,
            ),
            True,
            id="a-day-in-the-window-alike-wording",
        ),
    ],
)
def test_a_loose_date_links_on_the_same_place_or_alike_wording(
    a: Event, b: Event, linked: bool
) -> None:
    assert (same_act(a, b) > 0) is linked


# -- clusters ---------------------------------------------------------------------------------


def linked(*events: Event) -> list[Linked]:
    """Events as the linker takes them."""
    return [Linked(event=e, outlet=e.evidence.doc_id, duplicate_of=None) for e in events]


def groups(events: list[Linked]) -> set[frozenset[str]]:
    """The stories of the events, as sets of event ids."""
    return {frozenset(x.event.event_id for x in m) for m in link_events(events).values()}


@pytest.mark.parametrize(
    ("first", "second", "other"),
    [
        pytest.param(
            report(
                "horn-c",
                "Kenya's foreign minister met Ethiopia's in Nairobi on Tuesday.",
                "CONSULT",
                KAZ_GOV,
                (UZB_GOV,),
                when=ON_TUESDAY,
                place=NAIROBI,
            ),
            report(
                "horn-c",
                "Kenya's foreign minister later met Ethiopia's army chief.",
                "CONSULT",
                KAZ_GOV,
                (UZB_GOV,),
                when=ON_TUESDAY,
                start=80,
            ),
            report(
                "horn-d",
                "Ethiopian and Kenyan ministers met in Nairobi.",
                "CONSULT",
                UZB_GOV,
                (KAZ_GOV,),
                when=ON_TUESDAY,
                place=NAIROBI,
            ),
            id="two-meetings-of-one-article",
        ),
        pytest.param(
            report(
                "gao-e",
                "Rebels attacked the army in Gao at dawn.",
                "ASSAULT",
                ARMED_GROUP,
                (MLI_MIL,),
                when=ON_TUESDAY,
            ),
            report(
                "gao-e",
                "Rebels ambushed an army convoy near Menaka in the evening.",
                "ASSAULT",
                ARMED_GROUP,
                (MLI_MIL,),
                when=ON_TUESDAY,
                start=60,
            ),
            report(
                "gao-f",
                "The army repelled a dawn rebel attack in Gao.",
                "ASSAULT",
                MLI_MIL,
                (ARMED_GROUP,),
                when=ON_TUESDAY,
            ),
            id="two-attacks-of-one-article",
        ),
        pytest.param(
            report(
                "accra-e",
                "Ghana and Togo signed a trade pact.",
                "SUPPORT",
                GHA_GOV,
                (TGO_GOV,),
                cameo="057",
                when=ON_TUESDAY,
            ),
            report(
                "accra-e",
                "Ghana and Togo also agreed on a power line.",
                "AGREE",
                GHA_GOV,
                (TGO_GOV,),
                when=ON_TUESDAY,
                start=50,
            ),
            report(
                "lome-f",
                "Togo and Ghana inked a trade pact.",
                "SUPPORT",
                TGO_GOV,
                (GHA_GOV,),
                cameo="057",
                when=ON_TUESDAY,
            ),
            id="two-agreements-of-one-article",
        ),
    ],
)
def test_two_acts_one_article_tells_apart_never_share_a_story(
    first: Event, second: Event, other: Event
) -> None:
    stories = groups(linked(first, second, other))
    assert not any({first.event_id, second.event_id} <= s for s in stories)
    assert {first.event_id, other.event_id} in stories  # the closer report joins one of them


OMAN = country("OMN", "Oman")
ALBUQUERQUE = person("Rosa Albuquerque", "PRT", "GOV")
HOST_NORWAY = body("NOR", "GOV", "Government of Norway")


@pytest.mark.parametrize(
    ("host", "meeting", "other"),
    [
        pytest.param(
            report(
                "muscat-a",
                "Oman hosted the talks between Yemen's government and the Houthis.",
                "CONSULT",
                OMAN,
                (YEM_MIL, HOUTHI),
                mode="third-party",
                when=ON_TUESDAY,
            ),
            report(
                "muscat-a",
                "The Houthis and government envoys met for six hours.",
                "CONSULT",
                HOUTHI,
                (YEM,),
                when=ON_TUESDAY,
                start=70,
            ),
            report(
                "muscat-b",
                "Houthi negotiators held talks with Yemeni officials in Muscat.",
                "CONSULT",
                HOUTHI,
                (YEM_MIL,),
                when=ON_TUESDAY,
            ),
            id="hosted-talks",
        ),
        pytest.param(
            report(
                "lisbon-a",
                "Foreign Minister Rosa Albuquerque, who chaired the session, praised both.",
                "CONSULT",
                ALBUQUERQUE,
                (PRY_GOV, URY_GOV),
                mode="third-party",
                when=ON_TUESDAY,
            ),
            report(
                "lisbon-a",
                "Paraguayan and Uruguayan ministers discussed the river dispute.",
                "CONSULT",
                PRY_GOV,
                (URY_GOV,),
                when=ON_TUESDAY,
                start=90,
            ),
            report(
                "lisbon-b",
                "Uruguay and Paraguay held talks on the river in Lisbon.",
                "CONSULT",
                URY,
                (PRY,),
                when=ON_TUESDAY,
            ),
            id="chaired-session",
        ),
        pytest.param(
            report(
                "oslo-a",
                "Norway mediated between the Colombian army and the ELN.",
                "CONSULT",
                HOST_NORWAY,
                (COL_MIL, ELN),
                cameo="045",
                when=ON_TUESDAY,
            ),
            report(
                "oslo-a",
                "ELN commanders and army officers sat down in Oslo.",
                "CONSULT",
                ELN,
                (COL_MIL,),
                when=ON_TUESDAY,
                start=60,
            ),
            report(
                "oslo-b",
                "Colombia's military met the ELN.",
                "CONSULT",
                COL_MIL,
                (ELN,),
                when=ON_TUESDAY,
            ),
            id="mediated",
        ),
    ],
)
def test_a_meeting_and_its_hosts_part_told_in_one_article_are_one_story(
    host: Event, meeting: Event, other: Event
) -> None:
    stories = groups(linked(host, meeting, other))
    assert {host.event_id, meeting.event_id, other.event_id} in stories


@pytest.mark.parametrize(
    ("host", "meeting"),
    [
        pytest.param(
            report(
                "muscat-c",
                "Oman hosted talks between Yemen and the Houthis on Tuesday.",
                "CONSULT",
                OMAN,
                (YEM, HOUTHI),
                mode="third-party",
                when=ON_TUESDAY,
            ),
            report(
                "muscat-c",
                "The Houthis met Saudi envoys a day later.",
                "CONSULT",
                HOUTHI,
                (country("SAU", "Saudi Arabia"),),
                when=day("2024-02-14"),
                start=70,
            ),
            id="another-meeting-another-day",
        ),
        pytest.param(
            report(
                "lisbon-c",
                "Rosa Albuquerque chaired talks between Paraguay and Uruguay.",
                "CONSULT",
                ALBUQUERQUE,
                (PRY, URY),
                mode="third-party",
                when=ON_TUESDAY,
            ),
            report(
                "lisbon-c",
                "Paraguay's minister then met Ghana's.",
                "CONSULT",
                PRY_GOV,
                (GHA_GOV,),
                when=ON_TUESDAY,
                start=80,
            ),
            id="one-party-meets-someone-else",
        ),
        pytest.param(
            report(
                "oslo-c",
                "Norway mediated between Colombia and the ELN.",
                "CONSULT",
                HOST_NORWAY,
                (COL, ELN),
                cameo="045",
                when=ON_TUESDAY,
            ),
            report(
                "oslo-c",
                "Colombia and the ELN agreed to a ceasefire.",
                "AGREE",
                COL,
                (ELN,),
                mode="ceasefire",
                when=ON_TUESDAY,
                start=60,
            ),
            id="the-outcome-is-another-act",
        ),
    ],
)
def test_a_host_is_not_joined_to_another_act_of_its_article(host: Event, meeting: Event) -> None:
    stories = groups(linked(host, meeting))
    assert not any({host.event_id, meeting.event_id} <= s for s in stories)


@pytest.mark.parametrize(
    "chain",
    [
        pytest.param(
            [
                report(
                    "c1",
                    "The two governments discussed fishing rights in Accra.",
                    "CONSULT",
                    GHA_GOV,
                    (TGO_GOV,),
                    when=ON_TUESDAY,
                ),
                report(
                    "c2",
                    "Ghana and Togo discussed fishing rights.",
                    "CONSULT",
                    GHA,
                    (TGO,),
                    when=ON_TUESDAY,
                ),
                report(
                    "c3",
                    "The army chiefs of Ghana and Togo discussed fishing patrols.",
                    "CONSULT",
                    body("GHA", "MIL", "Ghana armed forces"),
                    (body("TGO", "MIL", "Togo armed forces"),),
                    when=ON_TUESDAY,
                ),
            ],
            id="government-country-army-west-africa",
        ),
        pytest.param(
            [
                report(
                    "d1",
                    "Uzbekistan agreed with Kazakhstan on water.",
                    "AGREE",
                    UZB,
                    (KAZ,),
                    when=ON_TUESDAY,
                ),
                report(
                    "d2",
                    "Kazakhstan and Uzbekistan signed a water treaty.",
                    "SUPPORT",
                    KAZ_GOV,
                    (UZB_GOV,),
                    cameo="057",
                    when=ON_TUESDAY,
                ),
                report(
                    "d3",
                    "Kazakhstan praised Uzbekistan for the water treaty.",
                    "SUPPORT",
                    KAZ_GOV,
                    (UZB_GOV,),
                    cameo="051",
                    when=ON_TUESDAY,
                ),
            ],
            id="agreement-signed-treaty-praise-central-asia",
        ),
        pytest.param(
            [
                report(
                    "f1",
                    "Talks between the two ran on Tuesday.",
                    "CONSULT",
                    PRY_GOV,
                    (URY_GOV,),
                    when=ON_TUESDAY,
                ),
                report(
                    "f2",
                    "Talks between the two ran this week.",
                    "CONSULT",
                    PRY_GOV,
                    (URY_GOV,),
                    when=window("2024-02-12", "2024-02-18"),
                ),
                report(
                    "f3",
                    "Talks between the two ran on Saturday.",
                    "CONSULT",
                    PRY_GOV,
                    (URY_GOV,),
                    when=day("2024-02-17"),
                ),
            ],
            id="a-window-between-two-days-south-america",
        ),
    ],
)
def test_a_chain_of_near_matches_never_joins_two_ends_that_differ(chain: list[Event]) -> None:
    first, middle, last = chain
    assert same_act(first, middle) > 0 and same_act(middle, last) > 0
    assert same_act(first, last) == 0
    stories = groups(linked(*chain))
    assert not any({first.event_id, last.event_id} <= s for s in stories)


def test_the_candidate_index_finds_every_pair_all_pairs_would_link() -> None:
    events = [
        replace(e, event_id=f"{e.event_id}-{n}")
        for n, e in enumerate(
            [
                report(
                    "x1",
                    "Rebels captured the garrison town.",
                    "COERCE",
                    ARMED_GROUP,
                    (MLI_MIL,),
                    mode="seize",
                    when=ON_TUESDAY,
                ),
                report(
                    "x2",
                    "Rebels stormed the army camp.",
                    "ASSAULT",
                    ARMED_GROUP,
                    (MLI,),
                    when=ON_TUESDAY,
                ),
                report(
                    "x3",
                    "Kazakhstan and Uzbekistan signed a treaty.",
                    "SUPPORT",
                    KAZ_GOV,
                    (UZB_GOV,),
                    cameo="057",
                    when=ON_TUESDAY,
                ),
                report(
                    "x4",
                    "Uzbekistan agreed with Kazakhstan.",
                    "AGREE",
                    UZB,
                    (KAZ,),
                    when=ON_TUESDAY,
                ),
                report(
                    "x5",
                    "The African Union suspended Niger.",
                    "SANCTION",
                    AU,
                    (country("NER", "Niger"),),
                    when=ON_TUESDAY,
                ),
                report(
                    "x6",
                    "The AU suspended Niger from its bodies.",
                    "SANCTION",
                    AU,
                    (body("NER", "MIL", "Niger armed forces"),),
                    when=ON_TUESDAY,
                ),
            ]
        )
    ]
    items = linked(*events)
    find = candidate_index(items)
    everything = {
        frozenset((a.event_id, b.event_id))
        for a in events
        for b in events
        if a is not b and same_act(a, b) > 0
    }
    found = {
        frozenset((a.event.event_id, b.event.event_id))
        for a in items
        for b in find(a)
        if a is not b and same_act(a.event, b.event) > 0
    }
    assert found == everything
    assert len(everything) == 3


# -- one person, with and without a middle name -----------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            report(
                "lima-a",
                "Peru's foreign minister Ana Lucia Quispe received Chile's envoy in Lima.",
                "CONSULT",
                person("Ana Lucia Quispe", "PER", "GOV"),
                (body("CHL", "GOV", "Government of Chile"),),
                when=ON_TUESDAY,
            ),
            report(
                "lima-b",
                "Ana Quispe held talks with the Chilean ambassador on Tuesday.",
                "CONSULT",
                person("Ana Quispe", "PER", "GOV"),
                (body("CHL", "GOV", "Government of Chile"),),
                when=ON_TUESDAY,
            ),
            id="middle-name-left-out-lima",
        ),
        pytest.param(
            report(
                "hanoi-a",
                "Defence minister Tran Van Minh visited troops at the border.",
                "CONSULT",
                person("Tran Van Minh", "VNM", "GOV"),
                (body("LAO", "GOV", "Government of Laos"),),
                when=ON_TUESDAY,
            ),
            report(
                "hanoi-b",
                "Tran Minh, Vietnam's defence chief, met Lao officials.",
                "CONSULT",
                person("Tran Minh", None, "GOV"),
                (body("LAO", "GOV", "Government of Laos"),),
                when=ON_TUESDAY,
            ),
            id="middle-name-left-out-no-country-hanoi",
        ),
        pytest.param(
            report(
                "oslo-a",
                "Mediator Ingrid Marie Solberg Hauge met both delegations.",
                "MEDIATE",
                person("Ingrid Marie Solberg Hauge", "NOR", "GOV"),
                (body("SDN", "GOV", "Government of Sudan"),),
                when=ON_TUESDAY,
            ),
            report(
                "oslo-b",
                "Norway's envoy Ingrid Hauge mediated between the Sudanese sides.",
                "MEDIATE",
                person("Ingrid Hauge", "NOR", "GOV"),
                (body("SDN", "GOV", "Government of Sudan"),),
                when=ON_TUESDAY,
            ),
            id="two-middle-names-left-out-oslo",
        ),
    ],
)
def test_one_person_written_with_and_without_middle_names_is_one_side(a: Event, b: Event) -> None:
    assert same_act(a, b) > 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            report(
                "quito-a",
                "Interior minister Jorge Paredes met police chiefs.",
                "CONSULT",
                person("Jorge Paredes", "ECU", "GOV"),
                (body("ECU", "COP", "Ecuador police"),),
                when=ON_TUESDAY,
            ),
            report(
                "quito-b",
                "Lawmaker Rosa Paredes met police chiefs.",
                "CONSULT",
                person("Rosa Paredes", "ECU", "LEG"),
                (body("ECU", "COP", "Ecuador police"),),
                when=ON_TUESDAY,
            ),
            id="same-surname-other-first-name",
        ),
        pytest.param(
            report(
                "accra-a",
                "Kofi Mensah of Ghana met Togo's ministers.",
                "CONSULT",
                person("Kofi Mensah", "GHA", "GOV"),
                (TGO_GOV,),
                when=ON_TUESDAY,
            ),
            report(
                "lome-b",
                "Kofi Asante Mensah, a Nigerian official, met Togo's ministers.",
                "CONSULT",
                person("Kofi Asante Mensah", "NGA", "GOV"),
                (TGO_GOV,),
                when=ON_TUESDAY,
            ),
            id="same-first-and-last-name-other-country",
        ),
    ],
)
def test_people_sharing_a_surname_are_not_one_side(a: Event, b: Event) -> None:
    assert same_act(a, b) == 0
