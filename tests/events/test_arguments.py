"""Argument structure: who does an act and whom it is aimed at, read through the argument
patterns (data/event_patterns.yaml) and the acts told before; on sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import PatternError
from storyline.events.patterns import ROLES, ArgumentPatterns
from storyline.pipeline import Resources
from tests.events.test_coding import _code, _dyads

# -- the patterns file ------------------------------------------------------------------------


def test_the_packaged_patterns_load_and_each_names_its_class() -> None:
    patterns = ArgumentPatterns.load()
    assert {p.role for p in patterns.patterns} == set(ROLES)  # every role has a pattern
    assert all(p.doc for p in patterns.patterns)


_GOOD_NODE = '{LEFT_ID: act, REL_OP: ">", RIGHT_ID: arg, RIGHT_ATTRS: {DEP: poss}}'


def _file(
    role: str = "doer",
    first: str = "{RIGHT_ID: act, RIGHT_ATTRS: {POS: NOUN}}",
    second: str = _GOOD_NODE,
    extra: str = "",
) -> str:
    return (
        "patterns:\n"
        f"  - name: one\n    role: {role}\n    doc: a class\n{extra}"
        f"    pattern:\n      - {first}\n      - {second}\n"
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("patterns: [\n", "not valid YAML"),
        ("rules: []\n", "top-level 'patterns' list"),
        (_file(role="victim"), "role must be one of"),
        (_file(extra="    colour: red\n"), "unknown keys"),
        (_file(first="{RIGHT_ID: trigger, RIGHT_ATTRS: {}}"), "RIGHT_ID 'act'"),
        (_file(second=_GOOD_NODE.replace('">"', '"->"')), "unknown REL_OP"),
        (_file(second=_GOOD_NODE.replace("LEFT_ID: act", "LEFT_ID: verb")), "names no earlier"),
        (_file(second=_GOOD_NODE.replace("RIGHT_ID: arg", "RIGHT_ID: obj")), "no node has"),
        (_file(second=_GOOD_NODE.replace("DEP: poss", "DEPENDENCY: poss")), "pattern 'one'"),
        (_file() + _file().removeprefix("patterns:\n"), "named twice"),
    ],
    ids=[
        "yaml",
        "no-list",
        "role",
        "unknown-key",
        "anchor",
        "operator",
        "left-id",
        "no-arg",
        "spacy-attribute",
        "twice",
    ],
)
def test_a_broken_patterns_file_fails_with_one_line_naming_it(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = tmp_path / "my_patterns.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PatternError) as caught:
        ArgumentPatterns.load(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and reason in message and "\n" not in message


# -- an attack told as a noun with its doer after it ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Twelve Kenyan soldiers were killed in an attack carried out by al-Shabaab near "
            "Garissa.",
            ("ASSAULT", "SOM", "KEN"),
        ),
        (
            "Nine Pakistani policemen died in an assault claimed by the Pakistani Taliban.",
            ("ASSAULT", "PAK", "PAK"),
        ),
        (
            "Three Colombian police officers died in an ambush carried out by FARC dissidents.",
            ("ASSAULT", "COL", "COL"),
        ),
        (
            "Four Nigerien soldiers were wounded in an attack by Boko Haram near Diffa.",
            ("ASSAULT", "NGA", "NER"),
        ),
    ],
    ids=["carried-out", "claimed", "ambush", "by"],
)
def test_victims_of_an_attack_done_by_someone_are_its_targets_not_its_doers(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    kind, source, target = expected
    dyads = _dyads(_code(resources, text))
    assert any(d[0] == kind and d[1] == source and d[3] == target for d in dyads)
    assert not any(d[0] == kind and d[1] == target and d[1] != source for d in dyads)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Sunday's raid by the Taliban on a police station in Kandahar killed nine officers.",
            "AFG",
        ),
        ("Friday's attack by Boko Haram on a market in Maiduguri killed 30 people.", "NGA"),
        ("An assault by al-Shabaab on a camp in Hiraan left eleven Ugandan soldiers dead.", "SOM"),
    ],
    ids=["raid-killed", "attack-killed", "assault-left"],
)
def test_an_attack_by_someone_is_theirs_and_so_is_the_harm_it_does(
    resources: Resources, text: str, doer: str
) -> None:
    events = [e for e in _code(resources, text) if e.type == "ASSAULT"]
    assert events and all(e.source.sector == "REB" or e.source.country == doer for e in events)
    assert all(e.source.kind.value != "country" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Six Kenyan soldiers died in an attack that al-Shabaab carried out near Lamu.",
            ("al-Shabaab", "KEN"),
        ),
        (
            "The raid, which Boko Haram later claimed, killed nine Nigerian soldiers.",
            ("Boko Haram", "NGA"),
        ),
        ("Three Afghan police officers died in an attack the Taliban claimed.", ("Taliban", "AFG")),
    ],
    ids=["that-carried-out", "which-claimed", "zero-relative"],
)
def test_an_attack_whose_doer_a_relative_clause_names_is_theirs_not_the_victims(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    doer, victims = expected
    attacks = [e for e in _code(resources, text) if e.type == "ASSAULT"]
    assert attacks and all(e.source.name == doer for e in attacks)
    assert all(victims in {t.country for t in e.targets} for e in attacks)


# -- a reaction to a named act ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Niger's government condemned the attack by Boko Haram on the convoy.", ("NER", "NGA")),
        ("Kenya denounced the bombing by al-Shabaab in Mandera.", ("KEN", "SOM")),
        (
            "The Pakistani foreign ministry condemned the assault carried out by the Pakistani "
            "Taliban.",
            ("PAK", "PAK"),
        ),
    ],
    ids=["by-on", "by-in", "carried-out-by"],
)
def test_condemning_an_attack_by_someone_accuses_its_doer(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    accuser, accused = expected
    accusations = [e for e in _code(resources, text) if e.type == "ACCUSE"]
    assert any(
        e.source.country == accuser
        and any(t.sector == "REB" and t.country == accused for t in e.targets)
        for e in accusations
    )


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        (
            "Al-Shabaab fighters attacked Kenyan troops near Kismayo on Monday. Somalia's "
            "president condemned the attack.",
            "SOM",
            "al-Shabaab",
        ),
        (
            "Hamas fired rockets at Israeli towns on Friday. Germany's foreign minister "
            "denounced the attacks on Saturday.",
            "DEU",
            "Hamas",
        ),
        (
            "Rebels of the M23 attacked Congolese soldiers near Goma. The attack was condemned "
            "by Angola.",
            "AGO",
            "M23",
        ),
    ],
    ids=["condemned", "denounced-plural", "passive"],
)
def test_condemning_an_attack_told_before_accuses_whoever_did_it(
    resources: Resources, text: str, accuser: str, accused: str
) -> None:
    accusations = [e for e in _code(resources, text) if e.type == "ACCUSE"]
    assert any(
        e.source.country == accuser and [t.name for t in e.targets] == [accused]
        for e in accusations
    )


# -- a retaliation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian forces shelled Kharkiv on Monday. Ukraine hit back with drone strikes on "
            "Tuesday.",
            ("UKR", "RUS"),
        ),
        (
            "Hamas fired rockets at Israel on Friday. Israel retaliated with air strikes.",
            ("ISR", "PSE"),
        ),
        (
            "Rebels of the M23 attacked Congolese soldiers near Goma. The Congolese army struck "
            "back on Sunday.",
            ("COD", "COD"),
        ),
    ],
    ids=["hit-back-with", "retaliated-with", "struck-back"],
)
def test_a_retaliation_is_aimed_at_whoever_last_attacked_its_doer(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    doer, attacker = expected
    events = [e for e in _code(resources, text) if e.type == "ASSAULT"]
    answer = events[-1]
    first = events[0]
    assert answer.source.country == doer
    assert [t.actor_id for t in answer.targets] == [first.source.actor_id]
    assert first.source.country == attacker


# -- sanctions told passively -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five Myanmar generals were placed under a travel ban by the EU.", ("IGO", "MMR")),
        (
            "The European Union imposed sanctions on Belarus on Monday. Twelve Belarusian "
            "officials were placed under a travel ban.",
            ("IGO", "BLR"),
        ),
        (
            "Washington imposed sanctions on Nicaragua. Three Nicaraguan judges were also put "
            "under a visa ban.",
            ("GOV", "NIC"),
        ),
        ("The EU placed four Iranian commanders under a travel ban.", ("IGO", "IRN")),
    ],
    ids=["by-agent", "sanctions-before", "visa-ban", "active"],
)
def test_people_placed_under_a_travel_ban_are_sanctioned(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    sector, target = expected
    bans = [e for e in _code(resources, text) if "ban" in e.evidence.text]
    assert any(
        e.type == "SANCTION"
        and e.source.sector == sector
        and any(t.country == target for t in e.targets)
        for e in bans
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The EU imposed sanctions on Belarus on Monday. The assets of three Russian banks "
            "were also frozen.",
            ("IGO", "RUS"),
        ),
        (
            "Washington imposed new sanctions on Venezuela. The accounts of two Cuban officials "
            "were frozen.",
            ("GOV", "CUB"),
        ),
        (
            "Britain announced sanctions against Iran on Tuesday. Syria's assets in London were "
            "frozen as well.",
            (None, "SYR"),
        ),
    ],
    ids=["of-banks", "accounts", "possessor"],
)
def test_holdings_told_frozen_are_a_sanction_on_their_holder_by_the_sanctioning_body(
    resources: Resources, text: str, expected: tuple[str | None, str]
) -> None:
    sector, holder = expected
    frozen = [e for e in _code(resources, text) if "frozen" in e.evidence.text]
    assert any(
        e.type == "SANCTION"
        and e.source.sector == sector
        and [t.country for t in e.targets] == [holder]
        for e in frozen
    )


# -- an act done to its possessor -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        (
            "Kenyan police arrested opposition leader Raila Odinga on Monday. The Orange "
            "Democratic Movement condemned Odinga's arrest.",
            "Orange Democratic Movement",
            ("KEN", "COP"),
        ),
        (
            "Algerian police arrested a French journalist in Algiers. France condemned the "
            "journalist's detention.",
            "France",
            ("DZA", "COP"),
        ),
        (
            "Israeli troops detained three Palestinian students in Hebron. The Palestinian "
            "Authority condemned the students' detention.",
            "Palestinian Authority",
            ("ISR", "MIL"),
        ),
    ],
    ids=["name", "role-noun", "plural"],
)
def test_condemning_an_act_named_by_whom_it_was_done_to_accuses_its_doer(
    resources: Resources, text: str, accuser: str, accused: tuple[str, str]
) -> None:
    accusations = [e for e in _code(resources, text) if e.type == "ACCUSE"]
    assert any(
        e.source.name == accuser and [(t.country, t.sector) for t in e.targets] == [accused]
        for e in accusations
    )


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        (
            "Uganda's opposition denounced Kizza Besigye's abduction by security agents in "
            "Nairobi.",
            "Kizza Besigye",
        ),
        ("Pakistan's army welcomed Imran Khan's arrest.", "Imran Khan"),
        ("Bolivia's president welcomed Jeanine Anez's imprisonment.", "Jeanine Anez"),
    ],
    ids=["abduction-by", "arrest", "imprisonment"],
)
def test_the_possessor_of_an_act_done_to_someone_neither_does_it_nor_is_addressed(
    resources: Resources, text: str, victim: str
) -> None:
    for event in _code(resources, text):
        assert event.source.name != victim
        if event.type in ("ACCUSE", "SUPPORT"):
            assert victim not in {t.name for t in event.targets}


def test_the_possessor_of_an_act_done_to_others_named_after_it_does_it(
    resources: Resources,
) -> None:
    text = "The Nigerian army's arrest of 40 protesters in Lagos drew criticism."
    arrests = [e for e in _code(resources, text) if e.type == "COERCE"]
    assert arrests and arrests[0].source.sector == "MIL"


# -- an attack or its doers tied to someone -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India's home minister linked the gunmen to Pakistan.", ("IND", "PAK")),
        ("The Nigerian army tied the kidnappers to Boko Haram.", ("NGA", "NGA")),
        ("The bombing, which Turkey attributed to the PKK, killed six people.", ("TUR", "TUR")),
        ("It was an attack Colombia attributed to the ELN.", ("COL", "COL")),
    ],
    ids=["linked-gunmen", "tied-kidnappers", "which-attributed", "attack-attributed"],
)
def test_tying_an_attack_or_its_doers_to_someone_accuses_them(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    accuser, accused = expected
    assert any(
        d[0] == "ACCUSE" and d[1] == accuser and d[3] == accused
        for d in _dyads(_code(resources, text))
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was an attack Nigeria attributed to backing from Niger.", ("NGA", "NER")),
        ("Kenya blamed the bombing on support from Eritrea.", ("KEN", "ERI")),
        ("Colombia tied the attackers to funding from Venezuela.", ("COL", "VEN")),
    ],
    ids=["attributed-to-backing", "blamed-on-support", "tied-to-funding"],
)
def test_an_attack_tied_to_help_from_someone_accuses_the_helper(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    accuser, accused = expected
    assert any(
        d[0] == "ACCUSE" and d[1] == accuser and d[3] == accused
        for d in _dyads(_code(resources, text))
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ghana attributed the delay to bad weather.",
        "Armenia linked its currency to the dollar.",
        "The comments were attributed to the Kenyan minister.",
    ],
    ids=["cause", "currency", "passive-quote"],
)
def test_tying_what_is_no_attack_to_something_accuses_no_one(
    resources: Resources, text: str
) -> None:
    assert "ACCUSE" not in {e.type for e in _code(resources, text)}


# -- an act told as someone's doing -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "accuser", "culprit"),
    [
        (
            "Somalia's government said al-Shabaab was behind the attack on Kenyan troops.",
            "SOM",
            "al-Shabaab",
        ),
        (
            "Yemen's government said Iran was behind the drone strikes on Aden.",
            "YEM",
            "Iran",
        ),
        (
            "Ethiopia held Eritrea responsible for the shelling of Tigrayan towns.",
            "ETH",
            "Eritrea",
        ),
        (
            '"Russian troops were responsible for the attack on Kharkiv," Ukraine\'s army said.',
            "UKR",
            "Russia armed forces",
        ),
    ],
    ids=["said-behind", "behind-plural", "held-responsible", "quoted-responsible"],
)
def test_an_act_told_as_someone_elses_doing_is_theirs_contested_and_accuses_them(
    resources: Resources, text: str, accuser: str, culprit: str
) -> None:
    events = _code(resources, text)
    acts = [e for e in events if e.type == "ASSAULT"]
    assert acts and all(e.source.name == culprit and e.contested for e in acts)
    assert any(
        e.type == "ACCUSE"
        and e.source.country == accuser
        and [t.name for t in e.targets] == [culprit]
        for e in events
    )


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Al-Shabaab claimed responsibility for the attack on Kenyan troops.", "al-Shabaab"),
        ("The Taliban claimed responsibility for the assault on Afghan soldiers.", "Taliban"),
        ("Boko Haram took credit for the attack on Nigerian soldiers.", "Boko Haram"),
    ],
    ids=["claimed", "assault", "took-credit"],
)
def test_an_act_claimed_by_its_doer_is_theirs_and_accuses_no_one(
    resources: Resources, text: str, doer: str
) -> None:
    events = _code(resources, text)
    assert [(e.type, e.source.name, e.contested) for e in events] == [("ASSAULT", doer, False)]


# -- an act done together, named by its parties -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "pair"),
    [
        (
            "Fighting between the Sudanese army and the RSF killed dozens in Khartoum.",
            "ASSAULT",
            {"Sudan armed forces", "Rapid Support Forces"},
        ),
        (
            "Two soldiers were killed in clashes between Armenian and Azerbaijani troops.",
            "ASSAULT",
            {"Armenia armed forces", "Azerbaijan armed forces"},
        ),
        (
            "Talks between Ethiopia and Egypt over the dam resumed on Monday.",
            "CONSULT",
            {"Ethiopia", "Egypt"},
        ),
        (
            "Negotiations between Peru and Chile began in Lima on Tuesday.",
            "CONSULT",
            {"Peru", "Chile"},
        ),
    ],
    ids=["fighting-killed", "killed-in-clashes", "talks-resumed", "negotiations-began"],
)
def test_an_act_done_together_told_by_its_parties_is_between_them(
    resources: Resources, text: str, kind: str, pair: set[str]
) -> None:
    assert any(
        e.type == kind and {e.source.name, *(t.name for t in e.targets)} == pair
        for e in _code(resources, text)
    )


def test_the_parties_of_an_act_others_work_towards_do_not_do_it(resources: Resources) -> None:
    text = (
        "The United States supports efforts to achieve a lasting agreement between Serbia "
        "and Kosovo."
    )
    assert all(e.source.country not in ("SRB", "XKX") for e in _code(resources, text))


# -- a message, demand or help from someone ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran rejected a request from the IAEA for more inspections.",
            ("REQUEST", "International Atomic Energy Agency", "IRN"),
        ),
        (
            "Mali ignored a warning from France about the Wagner group.",
            ("THREATEN", "France", "MLI"),
        ),
        ("Kenya welcomed an offer of mediation from Qatar.", ("AGREE", "Qatar", "KEN")),
        ("Venezuela responded to a request from Brazil.", ("REQUEST", "Brazil", "VEN")),
    ],
    ids=["rejected-request", "ignored-warning", "welcomed-offer", "responded-to"],
)
def test_a_message_from_someone_is_theirs_aimed_at_whoever_receives_it(
    resources: Resources, text: str, expected: tuple[str, str, str]
) -> None:
    kind, sender, receiver = expected
    events = [e for e in _code(resources, text) if e.type == kind]
    assert any(
        e.source.name == sender and [t.country for t in e.targets] == [receiver] for e in events
    )
    assert not any(e.source.country == receiver for e in events)


@pytest.mark.parametrize(
    ("text", "kind", "answered"),
    [
        (
            "Boko Haram fighters attacked a Nigerian army base on Monday. The Nigerian army "
            "deployed fighter jets in the wake of the raid.",
            "MOBILIZE",
            "Boko Haram",
        ),
        (
            "Kenya sent troops to the border in response to the attack by al-Shabaab.",
            "MOBILIZE",
            "al-Shabaab",
        ),
        (
            "Azerbaijani troops shelled Armenian positions. Armenia deployed artillery in "
            "response to the shelling.",
            "MOBILIZE",
            "Azerbaijan armed forces",
        ),
    ],
    ids=["in-the-wake-of", "in-response-to-by", "in-response-to-earlier"],
)
def test_force_used_in_answer_to_an_attack_is_aimed_at_its_doer(
    resources: Resources, text: str, kind: str, answered: str
) -> None:
    events = [e for e in _code(resources, text) if e.type == kind]
    assert events and [t.name for t in events[-1].targets] == [answered]


# -- harm told within an attack, or done by a weapon --------------------------------------------


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        (
            "At least three Iraqi civilians were killed in a suicide car bombing in central "
            "Baghdad on Monday.",
            "IRQ",
        ),
        ("Two Afghan policemen were killed in a roadside bombing in Kandahar.", "AFG"),
        (
            "Twelve Kenyan soldiers were killed in an attack carried out by al-Shabaab near "
            "Garissa.",
            "KEN",
        ),
    ],
    ids=["suicide-bombing", "roadside-bombing", "attack-by"],
)
def test_harm_done_in_an_attack_told_as_a_noun_is_that_one_attack(
    resources: Resources, text: str, victims: str
) -> None:
    attacks = [e for e in _code(resources, text) if e.type == "ASSAULT"]
    assert len(attacks) == 1 and [t.country for t in attacks[0].targets] == [victims]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Five Malian soldiers were killed by a roadside bomb near Gao.", "MLI"),
        ("Two Nigerian soldiers were wounded by a landmine near Maiduguri.", "NGA"),
        ("Four Syrian children were killed by a mortar shell in Idlib.", "SYR"),
    ],
    ids=["roadside-bomb", "landmine", "mortar-shell"],
)
def test_harm_done_by_a_weapon_no_one_is_named_as_using_is_the_country_s(
    resources: Resources, text: str, country: str
) -> None:
    attacks = [e for e in _code(resources, text) if e.type == "ASSAULT"]
    assert attacks and all(e.source.country == country for e in attacks)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A camp for Rwandan refugees was attacked by Burundian militiamen.", ("BDI", "RWA")),
        ("Russian missiles struck a shelter for Ukrainian civilians in Kharkiv.", ("RUS", "UKR")),
        ("Sudanese troops shelled a camp for Chadian refugees near the border.", ("SDN", "TCD")),
    ],
    ids=["camp-passive", "shelter", "camp-shelled"],
)
def test_an_attack_on_a_place_for_people_is_aimed_at_them(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    doer, target = expected
    assert ("ASSAULT", doer, target) in {(d[0], d[1], d[3]) for d in _dyads(_code(resources, text))}


# -- who an attack is not by --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "not_doer"),
    [
        (
            "An attack in the ethnic Russian north of Estonia left two Estonian police officers "
            "dead.",
            "RUS",
        ),
        ("A raid in the mostly Somali northeast of Kenya left four Kenyan soldiers dead.", "SOM"),
        (
            "An attack in the largely Uzbek south of Kyrgyzstan left three Kyrgyz soldiers dead.",
            "UZB",
        ),
    ],
    ids=["ethnic-russian", "mostly-somali", "largely-uzbek"],
)
def test_the_people_of_the_place_an_attack_happens_in_are_not_its_doers(
    resources: Resources, text: str, not_doer: str
) -> None:
    assert all(e.source.country != not_doer for e in _code(resources, text))


@pytest.mark.parametrize(
    "text",
    [
        "Nigerian troops deployed jets in the wake of Sunday's attack on Nigerian soldiers.",
        "Kenya sent troops to the border in response to Friday's attack on Kenyan police.",
        "The Ethiopian army mobilized reservists in the aftermath of Saturday's attack on "
        "Ethiopian police.",
    ],
    ids=["in-the-wake-of", "in-response-to", "in-the-aftermath-of"],
)
def test_an_attack_another_act_answers_is_not_the_answering_side_s(
    resources: Resources, text: str
) -> None:
    assert "ASSAULT" not in {e.type for e in _code(resources, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan troops came under attack from al-Shabaab near Lamu.", ("al-Shabaab", "KEN")),
        ("Somali police came under attack by al-Shabaab in Mogadishu.", ("al-Shabaab", "SOM")),
        (
            "Ukrainian positions in Bakhmut came under heavy shelling from Russian forces.",
            ("Russia armed forces", "UKR"),
        ),
        ("Israeli towns came under rocket attack from Hamas.", ("Hamas", "ISR")),
    ],
    ids=["attack-from", "attack-by", "shelling-from", "rocket-attack"],
)
def test_those_who_come_under_attack_are_its_targets_and_whom_it_is_from_its_doers(
    resources: Resources, text: str, expected: tuple[str, str]
) -> None:
    doer, target = expected
    attacks = [e for e in _code(resources, text) if e.type == "ASSAULT"]
    assert attacks and all(
        e.source.name == doer and [t.country for t in e.targets] == [target] for e in attacks
    )
