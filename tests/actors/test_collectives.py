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


# -- a nationality with a force, delegation or side is that country's body --------------


@pytest.mark.parametrize(
    ("text", "phrase", "bodies"),
    [
        pytest.param(
            "Two Kenyan peacekeepers were wounded when their convoy hit a mine near Kidal.",
            "Two Kenyan peacekeepers",
            [("KEN", "MIL")],
            id="counted-peacekeepers",
        ),
        pytest.param(
            "Residents said several Chadian peacekeepers had left the camp before dawn.",
            "several Chadian peacekeepers",
            [("TCD", "MIL")],
            id="quantified-peacekeepers",
        ),
        pytest.param(
            "Armenian and Azerbaijani negotiators met again in Almaty on Tuesday.",
            "Armenian and Azerbaijani negotiators",
            [("ARM", "GOV"), ("AZE", "GOV")],
            id="two-adjectives-negotiators",
        ),
        pytest.param(
            "The Serbian and Kosovar negotiating teams failed to agree on licence plates.",
            "The Serbian and Kosovar negotiating teams",
            [("SRB", "GOV"), ("XKX", "GOV")],
            id="two-adjectives-negotiating-teams",
        ),
        pytest.param(
            "Peruvian, Chilean and Bolivian delegations signed the lithium pact in Lima.",
            "Peruvian, Chilean and Bolivian delegations",
            [("PER", "GOV"), ("CHL", "GOV"), ("BOL", "GOV")],
            id="three-adjectives-delegations",
        ),
        pytest.param(
            "After the third round, the Iranians walked out and accused Washington of bad faith.",
            "the Iranians",
            [("IRN", "GOV")],
            id="definite-plural-demonym",
        ),
        pytest.param(
            "The Venezuelans have offered to reopen the consulate, a diplomat said.",
            "The Venezuelans",
            [("VEN", "GOV")],
            id="definite-plural-demonym-subject",
        ),
    ],
)
def test_a_nationality_with_a_collective_noun_is_each_countrys_body(
    resources: Resources, text: str, phrase: str, bodies: list[tuple[str, str]]
) -> None:
    result = analyse(resources, text)
    found = [actor_of(result, phrase, n) for n in range(len(bodies))]
    assert [(a.country, a.sector) for a in found] == bodies


def test_a_bare_plural_demonym_is_a_people_not_a_government(resources: Resources) -> None:
    result = analyse(resources, "Thousands of Sudanese fled to Chad as Ethiopians watched.")
    assert all(a.sector != "GOV" for a in result.actors)


# -- a junta and the leaders of a coup are the country's military ------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "country"),
    [
        pytest.param(
            "Soldiers seized the presidential palace in Conakry on Sunday. Guinea's military "
            "rulers later dissolved the government.",
            "Guinea's military rulers",
            "GIN",
            id="possessor-military-rulers",
        ),
        pytest.param(
            "Mali has been under army rule since 2020. Regional leaders meeting in Bamako urged "
            "the coup leaders to set an election date.",
            "the coup leaders",
            "MLI",
            id="coup-leaders-from-context",
        ),
        pytest.param(
            "Gabon's army took power after the vote in Libreville. The military junta named "
            "a general as interim president.",
            "The military junta",
            "GAB",
            id="junta-from-context",
        ),
        pytest.param(
            "In Burkina Faso, officers overthrew the president. The putschists suspended the "
            "constitution the same day.",
            "The putschists",
            "BFA",
            id="putschists-from-context",
        ),
    ],
)
def test_a_junta_or_coup_leaders_are_the_countrys_military(
    resources: Resources, text: str, phrase: str, country: str
) -> None:
    actor = actor_of(analyse(resources, text), phrase)
    assert (actor.country, actor.sector) == (country, "MIL")


# -- a title phrase with its possessor country and rank before a name is the person ------


@pytest.mark.parametrize(
    ("text", "phrase", "name", "country"),
    [
        pytest.param(
            "Nigeria's President Bola Tinubu chaired the emergency summit in Abuja.",
            "Nigeria's President Bola Tinubu",
            "Bola Tinubu",
            "NGA",
            id="possessor-country",
        ),
        pytest.param(
            "Reporters were told that South Africa's Foreign Minister Naledi Pandor would "
            "fly to Moscow.",
            "South Africa's Foreign Minister Naledi Pandor",
            "Naledi Pandor",
            "ZAF",
            id="two-word-possessor",
        ),
        pytest.param(
            "South Sudan's First Vice President Riek Machar was placed under house arrest.",
            "South Sudan's First Vice President Riek Machar",
            "Riek Machar",
            "SSD",
            id="possessor-and-rank",
        ),
        pytest.param(
            "In Nairobi, Deputy National Minister of Trade Peter Odhiambo opened the fair.",
            "Deputy National Minister of Trade Peter Odhiambo",
            "Peter Odhiambo",
            None,
            id="ranks-before-title",
        ),
    ],
)
def test_a_title_phrase_reaches_over_its_possessor_and_rank(
    resources: Resources, text: str, phrase: str, name: str, country: str | None
) -> None:
    actor = actor_of(analyse(resources, text), phrase)
    assert (actor.kind, actor.name) == (ActorKind.PERSON, name)
    assert country is None or actor.country == country


# -- members or leaders of a body are the body; a leader's office is his country's body --


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        pytest.param(
            "Members of the Arab League condemned the air strike on the camp.",
            "Members of the Arab League",
            "Arab League",
            id="members-of-named-body",
        ),
        pytest.param(
            "The Southern African Development Community met in Harare. Leaders of the bloc "
            "agreed to send more troops.",
            "Leaders of the bloc",
            "Southern African Development Community",
            id="leaders-of-the-bloc",
        ),
        pytest.param(
            "Taliban leaders said on Friday that the ban on girls' schooling would stay.",
            "Taliban leaders",
            "Taliban",
            id="leaders-after-name",
        ),
    ],
)
def test_members_or_leaders_of_a_body_are_the_body(
    resources: Resources, text: str, phrase: str, name: str
) -> None:
    assert actor_of(analyse(resources, text), phrase).name == name


@pytest.mark.parametrize(
    ("text", "phrase", "country"),
    [
        pytest.param(
            "The office of Kenyan President William Ruto said the talks would resume.",
            "The office of Kenyan President William Ruto",
            "KEN",
            id="office-of-president",
        ),
        pytest.param(
            "A statement from the office of French President Emmanuel Macron welcomed the truce.",
            "the office of French President Emmanuel Macron",
            "FRA",
            id="office-after-statement",
        ),
        pytest.param(
            "Journalists were told by the office of Indian Prime Minister Narendra Modi that "
            "no meeting was planned.",
            "the office of Indian Prime Minister Narendra Modi",
            "IND",
            id="office-of-prime-minister",
        ),
    ],
)
def test_the_office_of_a_titled_leader_is_the_countrys_government(
    resources: Resources, text: str, phrase: str, country: str
) -> None:
    actor = actor_of(analyse(resources, text), phrase)
    assert (actor.kind, actor.country, actor.sector) == (ActorKind.ORG, country, "GOV")


@pytest.mark.parametrize(
    ("text", "phrase", "body"),
    [
        pytest.param(
            "Officials said the Democratic Republic of the Congo's army had retaken Sake.",
            "the Democratic Republic of the Congo's army",
            ("COD", "MIL"),
            id="five-words-with-of-the",
        ),
        pytest.param(
            "Analysts said the Islamic Republic of Iran's navy had seized a tanker.",
            "the Islamic Republic of Iran's navy",
            ("IRN", "MIL"),
            id="three-words-with-of",
        ),
        pytest.param(
            "Observers said the Republic of Niger's military rulers had shut the border.",
            "the Republic of Niger's military rulers",
            ("NER", "MIL"),
            id="alias-with-of",
        ),
    ],
)
def test_a_country_named_with_of_owns_the_body_after_it(
    resources: Resources, text: str, phrase: str, body: tuple[str, str]
) -> None:
    actor = actor_of(analyse(resources, text), phrase)
    assert (actor.country, actor.sector) == body


# -- unnamed witnesses, residents and medics are people of the place it happened ---------


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        pytest.param(
            "Mortar rounds fell on a market in Mogadishu on Friday. Witnesses said at least "
            "ten people were hurt.",
            "Witnesses",
            "SOM",
            "CVL",
            id="witnesses-after-city",
        ),
        pytest.param(
            "Kenya and Ethiopia traded blame after the raid in southern Ethiopia on Monday. "
            "Doctors said four of the wounded were children.",
            "Doctors",
            "ETH",
            "HLH",
            id="doctors-where-it-happened",
        ),
        pytest.param(
            "A drone struck a fuel depot in Kyiv overnight, and a Russian official "
            "praised the strike. Eyewitnesses said the fire burned until dawn.",
            "Eyewitnesses",
            "UKR",
            "CVL",
            id="eyewitnesses-not-the-attacker",
        ),
    ],
)
def test_unnamed_people_at_the_scene_are_of_its_country(
    resources: Resources, text: str, phrase: str, country: str, sector: str
) -> None:
    actor = actor_of(analyse(resources, text), phrase)
    assert (actor.country, actor.sector) == (country, sector)


# -- "the country", "the Balkan nation": the country the article is about ----------------


@pytest.mark.parametrize(
    ("text", "phrase", "country"),
    [
        pytest.param(
            "Protests spread across Bolivia on Monday. The government of the country "
            "declared a curfew, and the army patrolled the country overnight.",
            "the country",
            "BOL",
            id="the-country",
        ),
        pytest.param(
            "Armenia opened its border posts on Friday. The South Caucasus nation had kept "
            "them shut for a month.",
            "The South Caucasus nation",
            "ARM",
            id="regional-nation",
        ),
        pytest.param(
            "Observers said Laos would host the summit. The landlocked nation has rarely "
            "welcomed so many leaders.",
            "The landlocked nation",
            "LAO",
            id="described-nation",
        ),
    ],
)
def test_the_country_described_is_the_country_told_of(
    resources: Resources, text: str, phrase: str, country: str
) -> None:
    actor = actor_of(analyse(resources, text), phrase)
    assert (actor.kind, actor.country) == (ActorKind.COUNTRY, country)


# -- a body named with its owner is one mention of the owner's country's body -----------


@pytest.mark.parametrize(
    ("text", "phrase", "country"),
    [
        pytest.param(
            "Hungarian Prime Minister Viktor Orban returned on Monday. Orban's Cabinet then "
            "approved the budget.",
            "Orban's Cabinet",
            "HUN",
            id="surname-possessor",
        ),
        pytest.param(
            "Japanese Prime Minister Fumio Kishida said his Cabinet would resign on Friday.",
            "his Cabinet",
            "JPN",
            id="pronoun-possessor",
        ),
        pytest.param(
            "Italian Prime Minister Giorgia Meloni flew to Tunis, where her Cabinet later "
            "met the president.",
            "her Cabinet",
            "ITA",
            id="feminine-possessor",
        ),
    ],
)
def test_a_body_named_with_its_owner_is_one_mention(
    resources: Resources, text: str, phrase: str, country: str
) -> None:
    result = analyse(resources, text)
    actor = actor_of(result, phrase)
    assert (actor.kind, actor.country, actor.sector) == (ActorKind.ORG, country, "GOV")


# -- a title "of" an international body is its holder, else the body -------------------


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        pytest.param(
            "WHO Director-General Tedros Adhanom Ghebreyesus landed in Kinshasa. The "
            "Director-General of the WHO said the outbreak was contained.",
            "The Director-General of the WHO",
            "Tedros Adhanom Ghebreyesus",
            id="holder-named-before",
        ),
        pytest.param(
            "The Secretary-General of the Arab League called the raid a crime.",
            "The Secretary-General of the Arab League",
            "Arab League",
            id="no-holder-named",
        ),
        pytest.param(
            "Observers said the chairman of the African Union had been told of the plan.",
            "the chairman of the African Union",
            "African Union",
            id="chairman-no-holder",
        ),
    ],
)
def test_a_title_of_an_international_body_is_its_holder_or_the_body(
    resources: Resources, text: str, phrase: str, name: str
) -> None:
    assert actor_of(analyse(resources, text), phrase).name == name


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        pytest.param(
            "The Arab League statement called for an immediate truce.",
            "The Arab League statement",
            "Arab League",
            id="statement",
        ),
        pytest.param(
            "An ECOWAS communique issued in Accra urged the soldiers to return to barracks.",
            "An ECOWAS communique",
            "Economic Community of West African States",
            id="communique",
        ),
        pytest.param(
            "Reporters were shown the Hezbollah statement before it was read out.",
            "the Hezbollah statement",
            "Hezbollah",
            id="statement-object",
        ),
    ],
)
def test_a_document_named_with_its_issuer_is_the_issuer(
    resources: Resources, text: str, phrase: str, name: str
) -> None:
    assert actor_of(analyse(resources, text), phrase).name == name


def test_a_title_of_a_body_before_the_holders_name_is_not_the_body(
    resources: Resources,
) -> None:
    result = analyse(
        resources,
        "The Secretary-General of the Arab League (AL), Ahmed Aboul Gheit, condemned the raid.",
    )
    titles = [m.evidence.text for m in result.actor_mentions if "Secretary" in m.evidence.text]
    assert titles == []  # the title is the person's, not a mention of the League
    assert actor_of(result, "Ahmed Aboul Gheit").kind is ActorKind.PERSON


# -- an armed body with no country is the one told of; unnamed speakers of no state ------


@pytest.mark.parametrize(
    ("text", "phrase", "body"),
    [
        pytest.param(
            "Fighting flared again in Myanmar's Shan state. Clashes between government "
            "forces and ethnic militias killed dozens.",
            "government forces",
            ("MMR", "MIL"),
            id="government-forces",
        ),
        pytest.param(
            "Boko Haram overran a village near Maiduguri. Survivors said the fighters "
            "burned every house.",
            "the fighters",
            ("NGA", "REB"),
            id="the-fighters-after-a-group",
        ),
        pytest.param(
            "Colombia deployed more soldiers to Cauca after government troops came under "
            "fire from dissidents.",
            "government troops",
            ("COL", "MIL"),
            id="government-troops",
        ),
    ],
)
def test_an_armed_body_without_a_country_is_the_one_told_of(
    resources: Resources, text: str, phrase: str, body: tuple[str, str]
) -> None:
    actor = actor_of(analyse(resources, text), phrase)
    assert (actor.country, actor.sector) == body


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        pytest.param(
            "Media outlets reported that the convoy had been turned back at the border.",
            "Media outlets",
            "MED",
            id="media-outlets",
        ),
        pytest.param(
            "Broadcasters reported long queues at polling stations in Lagos.",
            "Broadcasters",
            "MED",
            id="broadcasters",
        ),
        pytest.param(
            "Newspapers claimed that the minister had resigned overnight.",
            "Newspapers",
            "MED",
            id="newspapers",
        ),
    ],
)
def test_unnamed_speakers_of_no_state_are_an_unnamed_body(
    resources: Resources, text: str, phrase: str, sector: str
) -> None:
    actor = actor_of(analyse(resources, text), phrase)
    assert (actor.kind, actor.country, actor.sector) == (ActorKind.ORG, None, sector)


# -- "him" and "her" as objects are the last person named, not their clause's subject ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in "
            "Arusha and told her the border would reopen.",
            "Samia Suluhu Hassan",
            id="coordinated-verb",
        ),
        pytest.param(
            "Police arrested opposition leader Kizza Besigye in Nairobi and flew him to Kampala.",
            "Kizza Besigye",
            id="object-after-arrest",
        ),
        pytest.param(
            "Pope Francis received Argentine President Javier Milei, who thanked him for the "
            "audience.",
            "Francis",
            id="not-the-relative-clause-subject",
        ),
    ],
)
def test_an_object_pronoun_is_the_last_person_other_than_its_subject(
    resources: Resources, text: str, name: str
) -> None:
    result = analyse(resources, text)
    pronoun = "her" if " her " in text else "him"
    assert actor_of(result, pronoun).name == name


# -- a name with a description in apposition is also one mention of its whole -----------


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        pytest.param(
            "Speaking to Reuters, Hassan Farah, a district commissioner, said the road was closed.",
            "Hassan Farah, a district commissioner",
            "Hassan Farah",
            id="person-with-office",
        ),
        pytest.param(
            "Volker Turk, head of the UN human rights office, called for an inquiry.",
            "Volker Turk, head of the UN human rights office",
            "Volker Turk",
            id="person-with-head-of",
        ),
        pytest.param(
            "Residents said the Wagner Group, a private army close to the Kremlin, had "
            "left Bangui.",
            "the Wagner Group, a private army close to the Kremlin",
            "Wagner Group",
            id="body-with-description",
        ),
    ],
)
def test_a_name_with_its_appositive_is_one_mention(
    resources: Resources, text: str, phrase: str, name: str
) -> None:
    result = analyse(resources, text)
    assert name in actor_of(result, phrase).name


def test_a_name_inside_an_appositive_keeps_its_own_actor(resources: Resources) -> None:
    result = analyse(
        resources,
        "Jake Sullivan, US President Joe Biden's national security adviser, flew to Riyadh.",
    )
    assert actor_of(result, "US President Joe Biden").name == "Joe Biden"
    assert actor_of(result, "Jake Sullivan").name == "Jake Sullivan"


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        pytest.param(
            "Hamas said its leader Yahya Sinwar was unharmed.",
            "its leader Yahya Sinwar",
            "Yahya Sinwar",
            id="its-leader",
        ),
        pytest.param(
            "Prime Minister Benjamin Netanyahu and his spokesman Omer Dostri flew to Washington.",
            "his spokesman Omer Dostri",
            "Omer Dostri",
            id="his-spokesman",
        ),
        pytest.param(
            "The rebels said their commander Sultani Makenga had left Goma.",
            "their commander Sultani Makenga",
            "Sultani Makenga",
            id="their-commander",
        ),
    ],
)
def test_a_title_phrase_with_a_possessive_pronoun_is_the_person(
    resources: Resources, text: str, phrase: str, name: str
) -> None:
    assert actor_of(analyse(resources, text), phrase).name == name


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        pytest.param(
            "The Arab League met in Cairo on Sunday. They appealed for an immediate truce.",
            "They",
            "Arab League",
            id="they-appealed-for",
        ),
        pytest.param(
            "The African Union held an emergency session. It urged both armies to stand down.",
            "It",
            "African Union",
            id="it-urged",
        ),
        pytest.param(
            "ECOWAS leaders gathered in Abuja, where they appealed for calm in Niamey.",
            "they",
            "Economic Community of West African States",
            id="they-appealed",
        ),
    ],
)
def test_it_or_they_doing_an_act_in_words_is_the_body_told_of(
    resources: Resources, text: str, phrase: str, name: str
) -> None:
    assert actor_of(analyse(resources, text), phrase).name == name


@pytest.mark.parametrize(
    ("text", "surname", "name"),
    [
        pytest.param(
            "Opposition leader Bobi Wine was at home. Guards broke into Bobi’s house and held him.",
            "Bobi",
            "Bobi Wine",
            id="name-tagged-with-its-clitic",
        ),
        pytest.param(
            "Vice President Kembo Dugish was abroad. Troops searched Dugish’s residence at night.",
            "Dugish",
            "Kembo Dugish",
            id="curly-clitic",
        ),
        pytest.param(
            "Opposition leader Nelson Chamisa was in Harare. Police raided Chamisa's office "
            "and seized laptops.",
            "Chamisa",
            "Nelson Chamisa",
            id="straight-clitic",
        ),
    ],
)
def test_a_known_name_with_a_possessive_is_the_person(
    resources: Resources, text: str, surname: str, name: str
) -> None:
    assert actor_of(analyse(resources, text), surname).name == name


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        pytest.param(
            "Speaker Jacob Oulanyah said the bill would pass. The First Deputy Speaker of "
            "Parliament then told reporters that the vote was set for Monday.",
            "The First Deputy Speaker of Parliament",
            "Jacob Oulanyah",
            id="first-deputy-speaker",
        ),
        pytest.param(
            "Foreign Minister Sergey Lavrov arrived in Ankara. The veteran foreign minister "
            "said talks would be hard.",
            "The veteran foreign minister",
            "Sergey Lavrov",
            id="veteran-minister",
        ),
        pytest.param(
            "Prime Minister Ariel Henry left Port-au-Prince. The outgoing prime minister "
            "said he would not return.",
            "The outgoing prime minister",
            "Ariel Henry",
            id="outgoing-prime-minister",
        ),
    ],
)
def test_a_role_noun_with_ranks_before_its_title_is_the_holder(
    resources: Resources, text: str, phrase: str, name: str
) -> None:
    assert actor_of(analyse(resources, text), phrase).name == name


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        pytest.param(
            "The Economic Community of West African States met in Abuja on Sunday. Niger's "
            "junta refused to attend. The West African leaders then closed the borders.",
            "The West African leaders",
            "Economic Community of West African States",
            id="west-african-leaders",
        ),
        pytest.param(
            "The Association of Southeast Asian Nations gathered in Jakarta, and Myanmar's "
            "army stayed away. The Southeast Asian ministers issued a statement.",
            "The Southeast Asian ministers",
            "ASEAN",
            id="southeast-asian-ministers",
        ),
        pytest.param(
            "The Arab League opened its summit in Jeddah as Syria's army shelled Idlib. The "
            "Arab leaders called for a ceasefire.",
            "The Arab leaders",
            "Arab League",
            id="arab-leaders",
        ),
    ],
)
def test_holders_named_by_region_are_the_regional_body(
    resources: Resources, text: str, phrase: str, name: str
) -> None:
    assert actor_of(analyse(resources, text), phrase).name == name


@pytest.mark.parametrize(
    ("text", "phrase", "body"),
    [
        pytest.param(
            "The Ugandan army said on Monday that five of its soldiers had been wounded.",
            "its soldiers",
            ("UGA", "MIL"),
            id="its-soldiers-of-an-army",
        ),
        pytest.param(
            "Chad announced that its troops would leave the border town by Friday.",
            "its troops",
            ("TCD", "MIL"),
            id="its-troops-of-a-country",
        ),
        pytest.param(
            "The Southern African Development Community said its peacekeepers would stay "
            "in Cabo Delgado.",
            "its peacekeepers",
            (None, "IGO"),
            id="its-peacekeepers-of-a-bloc",
        ),
    ],
)
def test_its_force_is_the_force_of_whom_its_stands_for(
    resources: Resources, text: str, phrase: str, body: tuple[str | None, str]
) -> None:
    actor = actor_of(analyse(resources, text), phrase)
    assert (actor.country, actor.sector) == body
