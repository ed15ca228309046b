"""The curated knowledge files in storyline/data: checked when they are loaded (a broken
file fails with its name, the line and the reason), and what the loaded knowledge
answers.

The schemas live in `storyline.actors.datafiles`; the broken files below are small
made-up texts, one rule each, so a rule that stops being checked fails here.
"""

from __future__ import annotations

from importlib import resources

import pycountry
import pytest

from storyline.actors import datafiles
from storyline.actors.countries import CountryIndex
from storyline.actors.knowledge import Knowledge
from storyline.errors import ConfigError

DATA = resources.files("storyline.data")
FILES = (
    "titles.yaml",
    "demonyms.yaml",
    "capitals.yaml",
    "organisations.yaml",
    "institutions.yaml",
    "speech.yaml",
)
UN_MEMBERS = """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
    BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
    CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
    FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
    IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
    LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
    NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
    MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
    ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
    UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
    """.split()


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.load()


# -- the shipped files -------------------------------------------------------------------


def test_shipped_files_load_and_pass_their_checks(kb: Knowledge) -> None:
    assert kb.titles and kb.demonyms and kb.capitals and kb.institutions
    assert CountryIndex.load().code("Kosovo") == "XKX"


@pytest.mark.parametrize("name", FILES)
def test_file_opens_with_a_comment_on_purpose_licence_and_extending(name: str) -> None:
    header = DATA.joinpath(name).read_text("utf-8").split("\n\n", 1)[0]
    assert header.startswith("# ")
    assert "storyline" in header and "MIT" in header
    assert "extend" in header.lower()


# -- broken files fail with file:line and the reason -------------------------------------

TITLE = "{role: Envoy, forms: [envoy], sector: GOV, family: envoy}"
ORG = "{name: Blue Crescent, aliases: [BC], kind: org, country: null, sector: NGO}"
SPEECH = "cue_verbs: [say]\nnot_cues: [urge]\nsource_nouns: [statement]\naccording_to: [per]\n"

BROKEN = [
    # -- any file: YAML itself
    (
        "invalid YAML",
        "titles.yaml",
        f"titles:\n  - {TITLE}\n  - {{role: Judge, forms: [judge\n",
        "titles.yaml:3: invalid YAML: did not find expected ',' or ']'",
    ),
    ("tab indentation", "speech.yaml", "cue_verbs:\n\t- say\n", "speech.yaml:2: invalid YAML: "),
    (
        "duplicate mapping key",
        "demonyms.yaml",
        "demonyms:\n  FRA: [French]\n  FRA: [Gallic]\n",
        "demonyms.yaml:3: duplicate key 'FRA' (first on line 2)",
    ),
    (
        "duplicate key in a flow entry",
        "titles.yaml",
        "titles:\n  - {role: Envoy, forms: [envoy], sector: GOV, sector: MIL, family: envoy}\n",
        "titles.yaml:2: duplicate key 'sector' (first on line 2)",
    ),
    (
        "not a mapping",
        "capitals.yaml",
        "- Paris\n- Rome\n",
        "capitals.yaml:1: expected a mapping of top-level keys",
    ),
    # -- titles.yaml
    (
        "wrong top-level key",
        "titles.yaml",
        f"# header\n\ntitle:\n  - {TITLE}\n",
        "titles.yaml:3: unknown top-level key 'title' (titles, honorifics)",
    ),
    (
        "missing top-level key",
        "titles.yaml",
        "honorifics: [Mr]\n",
        "titles.yaml:1: missing top-level key 'titles'",
    ),
    (
        "missing entry key",
        "titles.yaml",
        "titles:\n  - {role: Envoy, forms: [envoy], family: envoy}\n",
        "titles.yaml:2: entry 'Envoy': missing key 'sector'",
    ),
    (
        "unknown entry key",
        "titles.yaml",
        "titles:\n  - {role: Envoy, forms: [envoy], sector: GOV, family: envoy, rank: 2}\n",
        "titles.yaml:2: entry 'Envoy': unknown key 'rank' (role, forms, sector, family, country, "
        "anonymous)",
    ),
    (
        "form not lower case",
        "titles.yaml",
        "titles:\n  - role: Envoy\n    forms:\n      - envoy\n      - Special Envoy\n"
        "    sector: GOV\n    family: envoy\n",
        "titles.yaml:5: entry 'Envoy': forms: 'Special Envoy' is not lower case",
    ),
    (
        "form with stray spaces",
        "titles.yaml",
        "titles:\n  - {role: Envoy, forms: ['special  envoy'], sector: GOV, family: envoy}\n",
        "titles.yaml:2: entry 'Envoy': forms: 'special  envoy' has stray spaces",
    ),
    (
        "form under two titles",
        "titles.yaml",
        f"titles:\n  - {TITLE}\n  - {{role: Emissary, forms: [emissary, envoy], sector: GOV, "
        "family: envoy}\n",
        "titles.yaml:3: entry 'Emissary': form 'envoy' already belongs to 'Envoy' (line 2)",
    ),
    (
        "form under two titles once folded",
        "titles.yaml",
        "titles:\n  - {role: Chargé d'Affaires, forms: [chargé d’affaires], sector: GOV,"
        " family: diplomat}\n  - {role: Head of Mission, forms: [head of mission,"
        " charge d'affaires], sector: GOV, family: diplomat}\n",
        "titles.yaml:3: entry 'Head of Mission': form \"charge d'affaires\" already belongs to"
        ' "Chargé d\'Affaires" (line 2)',
    ),
    (
        "role under two titles",
        "titles.yaml",
        f"titles:\n  - {TITLE}\n  - {{role: Envoy, forms: [special envoy], sector: GOV,"
        " family: envoy}\n",
        "titles.yaml:3: entry 'Envoy': role 'Envoy' already belongs to 'Envoy' (line 2)",
    ),
    (
        "sector not CAMEO",
        "titles.yaml",
        "titles:\n  - {role: Mayor, forms: [mayor], sector: GOVT, family: mayor}\n",
        "titles.yaml:2: entry 'Mayor': sector 'GOVT' is not a CAMEO sector (GOV, MIL, ",
    ),
    (
        "family not known",
        "titles.yaml",
        "titles:\n  - {role: Vice Mayor, forms: [vice mayor], sector: GOV, family: vice}\n",
        "titles.yaml:2: entry 'Vice Mayor': family 'vice' is not one of the families",
    ),
    (
        "title country not alpha-3",
        "titles.yaml",
        "titles:\n  - {role: Taoiseach, forms: [taoiseach], sector: GOV,"
        " family: head_of_government, country: IE}\n",
        "titles.yaml:2: entry 'Taoiseach': country 'IE' is not an ISO 3166 alpha-3 code",
    ),
    (
        "anonymous not a flag",
        "titles.yaml",
        "titles:\n  - {role: Aide, forms: [aide], sector: null, family: official,"
        " anonymous: often}\n",
        "titles.yaml:2: entry 'Aide': anonymous must be true or false",
    ),
    (
        "title without forms",
        "titles.yaml",
        "titles:\n  - {role: Aide, forms: [], sector: null, family: official}\n",
        "titles.yaml:2: entry 'Aide': no forms",
    ),
    (
        "honorifics not a list",
        "titles.yaml",
        f"honorifics: Mr\ntitles:\n  - {TITLE}\n",
        "titles.yaml:1: honorifics must be a list, not 'Mr'",
    ),
    # -- demonyms.yaml
    (
        "bad ISO code",
        "demonyms.yaml",
        "demonyms:\n  FRA: [French]\n  XYZ: [Xyzian]\n",
        "demonyms.yaml:3: country 'XYZ' is not an ISO 3166 alpha-3 code",
    ),
    (
        "lower-case ISO code",
        "demonyms.yaml",
        "demonyms:\n  fra: [French]\n",
        "demonyms.yaml:2: country 'fra' is not an ISO 3166 alpha-3 code",
    ),
    (
        "demonym naming two countries",
        "demonyms.yaml",
        "demonyms:\n  NER: [Nigerien]\n  NGA:\n    - Nigerian\n    - Nigérien\n",
        "demonyms.yaml:5: NGA: demonym 'Nigérien' already belongs to 'NER' (line 2)",
    ),
    (
        "demonyms not a list",
        "demonyms.yaml",
        "demonyms:\n  FRA: French\n",
        "demonyms.yaml:2: FRA: expected a list of forms, not 'French'",
    ),
    # -- capitals.yaml
    (
        "capital with a bad code",
        "capitals.yaml",
        "capitals:\n  Lima: PE\n",
        "capitals.yaml:2: capital 'Lima': country 'PE' is not an ISO 3166 alpha-3 code",
    ),
    (
        "capital naming two countries",
        "capitals.yaml",
        "capitals:\n  Sana'a: YEM\n  Sanaa: OMN\n",
        "capitals.yaml:3: capital 'Sanaa' already belongs to 'YEM' (line 2)",
    ),
    (
        "seat that is not a pair",
        "capitals.yaml",
        "capitals:\n  Moscow: RUS\nseats:\n  Kremlin: RUS\n",
        "capitals.yaml:4: seat 'Kremlin': expected [country, sector], not 'RUS'",
    ),
    (
        "seat with three values",
        "capitals.yaml",
        "capitals: {}\nseats:\n  Kremlin: [RUS, GOV, MIL]\n",
        "capitals.yaml:3: seat 'Kremlin': expected [country, sector]",
    ),
    (
        "seat with sector first",
        "capitals.yaml",
        "capitals: {}\nseats:\n  Pentagon: [MIL, USA]\n",
        "capitals.yaml:3: seat 'Pentagon': country 'MIL' is not an ISO 3166 alpha-3 code",
    ),
    (
        "seat with a bad sector",
        "capitals.yaml",
        "capitals: {}\nseats:\n  Langley: [USA, CIA]\n",
        "capitals.yaml:3: seat 'Langley': sector 'CIA' is not a CAMEO sector",
    ),
    (
        "seat and capital disagree",
        "capitals.yaml",
        "capitals:\n  Westminster: USA\nseats:\n  Westminster: [GBR, LEG]\n",
        "capitals.yaml:4: seat 'Westminster' already belongs to 'USA' (line 2)",
    ),
    # -- organisations.yaml
    (
        "missing organisation key",
        "organisations.yaml",
        "organisations:\n  - {name: Blue Crescent, aliases: [], kind: org, sector: NGO}\n",
        "organisations.yaml:2: entry 'Blue Crescent': missing key 'country'",
    ),
    (
        "unknown organisation key",
        "organisations.yaml",
        "organisations:\n  - {name: Blue Crescent, aliases: [], kind: org, country: null, "
        "sector: NGO, founded: 1990}\n",
        "organisations.yaml:2: entry 'Blue Crescent': unknown key 'founded'",
    ),
    (
        "organisation kind",
        "organisations.yaml",
        "organisations:\n  - {name: Blue Crescent, aliases: [], kind: person, country: null, "
        "sector: NGO}\n",
        "organisations.yaml:2: entry 'Blue Crescent': kind 'person' is not one of org, group",
    ),
    (
        "organisation sector missing",
        "organisations.yaml",
        "organisations:\n  - {name: Blue Crescent, aliases: [], kind: org, country: null, "
        "sector: null}\n",
        "organisations.yaml:2: entry 'Blue Crescent': sector None is not a CAMEO sector",
    ),
    (
        "organisation country",
        "organisations.yaml",
        "organisations:\n  - {name: Blue Crescent, aliases: [], kind: org, country: Kenya, "
        "sector: NGO}\n",
        "organisations.yaml:2: entry 'Blue Crescent': country 'Kenya' is not an ISO 3166",
    ),
    (
        "alias of two organisations",
        "organisations.yaml",
        f"organisations:\n  - {ORG}\n  - {{name: Baltic Council, aliases: [B.C.], kind: org, "
        "country: null, sector: IGO}\n",
        "organisations.yaml:3: entry 'Baltic Council': alias 'B.C.' already belongs to "
        "'Blue Crescent' (line 2)",
    ),
    (
        "name of one organisation is another's alias",
        "organisations.yaml",
        f"organisations:\n  - {ORG}\n  - {{name: The BC, aliases: [], kind: org, country: GBR, "
        "sector: MED}\n",
        "organisations.yaml:3: entry 'The BC': name 'The BC' already belongs to 'Blue Crescent'",
    ),
    (
        "organisation listed twice",
        "organisations.yaml",
        f"organisations:\n  - {ORG}\n  - {ORG}\n",
        "organisations.yaml:3: entry 'Blue Crescent': name 'Blue Crescent' already belongs to",
    ),
    (
        "platform that is an organisation",
        "organisations.yaml",
        f"organisations:\n  - {ORG}\nplatforms: [Chirp, Blue Crescent]\n",
        "organisations.yaml:3: platforms: 'Blue Crescent' is the organisation 'Blue Crescent' "
        "(line 2)",
    ),
    (
        "body word repeated",
        "organisations.yaml",
        f"organisations:\n  - {ORG}\nbody_words:\n  - agency\n  - bureau\n  - agency\n",
        "organisations.yaml:6: body_words: 'agency' is listed twice (first on line 4)",
    ),
    (
        "member noun repeated",
        "organisations.yaml",
        f"organisations:\n  - {ORG}\nmember_nouns:\n  - fighters\n  - group\n  - fighters\n",
        "organisations.yaml:6: member_nouns: 'fighters' is listed twice (first on line 4)",
    ),
    (
        "country noun not in lower case",
        "organisations.yaml",
        f"organisations:\n  - {ORG}\ncountry_nouns: [country, Nation]\n",
        "organisations.yaml:3: country_nouns",
    ),
    (
        "armed noun repeated",
        "organisations.yaml",
        f"organisations:\n  - {ORG}\narmed_nouns:\n  - raiders\n  - gunmen\n  - raiders\n",
        "organisations.yaml:6: armed_nouns: 'raiders' is listed twice (first on line 4)",
    ),
    (
        "mutiny mark not in lower case",
        "organisations.yaml",
        f"organisations:\n  - {ORG}\nmutiny_marks: [rogue, Renegade]\n",
        "organisations.yaml:3: mutiny_marks",
    ),
    (
        "anaphor with a bad sector",
        "organisations.yaml",
        f"organisations:\n  - {ORG}\nanaphors:\n  agency: [IGO, UNO]\n",
        "organisations.yaml:4: anaphors: 'agency': sector 'UNO' is not a CAMEO sector",
    ),
    (
        "anaphor without sectors",
        "organisations.yaml",
        f"organisations:\n  - {ORG}\nanaphors:\n  bloc: IGO\n",
        "organisations.yaml:4: anaphors: 'bloc': expected a list of sectors, not 'IGO'",
    ),
    # -- institutions.yaml
    (
        "institution forms repeated",
        "institutions.yaml",
        "institutions:\n  - sector: MIL\n    forms: [troops, army]\n"
        "  - sector: COP\n    forms: [police, army]\n",
        "institutions.yaml:5: entry 2: forms: 'army' is listed twice (first on line 3)",
    ),
    (
        "institution form repeated in its entry",
        "institutions.yaml",
        "institutions:\n  - sector: MED\n    forms:\n      - state tv\n      - state t.v.\n",
        "institutions.yaml:5: entry 1: forms: 'state t.v.' is listed twice (first on line 4)",
    ),
    (
        "institution sector",
        "institutions.yaml",
        "institutions:\n  - {sector: ARMY, forms: [troops]}\n",
        "institutions.yaml:2: entry 1: sector 'ARMY' is not a CAMEO sector",
    ),
    (
        "institution unknown key",
        "institutions.yaml",
        "institutions:\n  - {sector: MIL, forms: [troops], country: RUS}\n",
        "institutions.yaml:2: entry 1: unknown key 'country' (forms, sector)",
    ),
    # -- speech.yaml
    (
        "cues and non-cues overlap",
        "speech.yaml",
        "cue_verbs:\n  - say\n  - urge\nnot_cues: [warn, urge]\nsource_nouns: [statement]\n"
        "according_to: [per]\n",
        "speech.yaml:4: not_cues: 'urge' is a cue verb (line 3)",
    ),
    (
        "speech list missing",
        "speech.yaml",
        "cue_verbs: [say]\nnot_cues: [urge]\nsource_nouns: [x]\n",
        "speech.yaml:1: missing top-level key 'according_to'",
    ),
    (
        "speech list empty",
        "speech.yaml",
        SPEECH.replace("[statement]", "[]"),
        "speech.yaml:3: source_nouns is empty",
    ),
    (
        "speech entry repeated",
        "speech.yaml",
        SPEECH + "speech_acts: [urge, demand, urge]\n",
        "speech.yaml:5: speech_acts: 'urge' is listed twice (first on line 5)",
    ),
    (
        "speech entry not lower case",
        "speech.yaml",
        SPEECH.replace("[say]", "[say, Tell]"),
        "speech.yaml:1: cue_verbs: 'Tell' is not lower case",
    ),
    (
        "speech wrong top-level key",
        "speech.yaml",
        SPEECH + "cues: [say]\n",
        "speech.yaml:5: unknown top-level key 'cues'",
    ),
    # -- countries.yaml
    (
        "country alias with a bad code",
        "countries.yaml",
        "aliases:\n  Holland: NLX\n",
        "countries.yaml:2: alias 'Holland': country 'NLX' is not an ISO 3166 alpha-3 code",
    ),
    (
        "country alias for two countries",
        "countries.yaml",
        "aliases:\n  US: USA\n  U.S.: GBR\n",
        "countries.yaml:3: alias 'U.S.' already belongs to 'USA' (line 2)",
    ),
    (
        "display name of a bad code",
        "countries.yaml",
        "aliases: {}\nnames:\n  KOS: Kosovo\n",
        "countries.yaml:3: names: country 'KOS' is not an ISO 3166 alpha-3 code",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "message"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN]
)
def test_broken_file_fails_with_file_line_and_reason(name: str, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        datafiles.check(name, text)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_a_capital_named_like_a_demonym_of_another_country_fails() -> None:
    demonyms = datafiles.check("demonyms.yaml", "demonyms:\n  LUX: [Luxembourger, Luxembourg]\n")
    capitals = datafiles.check("capitals.yaml", "capitals:\n  Brussels: BEL\n  Luxembourg: BEL\n")
    with pytest.raises(
        ConfigError,
        match=r"^capitals\.yaml:3: capital 'Luxembourg' is BEL, but "
        r"demonyms\.yaml:2 makes it LUX$",
    ):
        datafiles.check_places(demonyms, capitals)


def test_a_good_small_file_passes_with_the_line_of_each_key_and_item() -> None:
    text = "# a header\n\ntitles:\n  - role: Envoy\n    forms:\n      - envoy\n      - emissary\n"
    text += "    sector: GOV\n    family: envoy\n    country: XKX\n"
    data = datafiles.check("titles.yaml", text)
    entry = data["titles"][0]
    assert (data.line_of("titles"), entry.line, entry.line_of("sector")) == (3, 4, 8)
    assert entry["forms"].line_of(1) == 7
    assert entry["forms"] == ["envoy", "emissary"]


# -- what the loaded knowledge answers ---------------------------------------------------


@pytest.mark.parametrize(
    ("form", "family", "country"),
    [
        ("prime minister", "head_of_government", None),
        ("secretary of state", "foreign_minister", "USA"),
        ("head of diplomacy", "foreign_minister", None),
        ("top diplomat", "foreign_minister", None),
        ("chief diplomat", "foreign_minister", None),
        ("head of state", "head_of_state", None),
        ("head of government", "head_of_government", None),
        ("top general", "military", None),
        ("army chief", "military", None),
        ("spokesman", "spokesperson", None),
        ("undersecretary of state", "deputy_minister", "USA"),
        ("ambassador", "diplomat", None),
    ],
)
def test_title_lookup(kb: Knowledge, form: str, family: str, country: str | None) -> None:
    words = form.split()
    found = kb.title_at(words, 0)
    assert found is not None and found[1] == len(words)
    assert (found[0].family, found[0].country) == (family, country)


def test_every_un_member_and_observer_is_known_by_its_names(kb: Knowledge) -> None:
    codes = [*UN_MEMBERS, "VAT", "PSE", "XKX", "TWN"]
    unnamed = [c for c in codes if kb.country(kb.countries.name(c)) != c]
    official = [c for c in UN_MEMBERS if kb.country(pycountry.countries.get(alpha_3=c).name) != c]
    assert (unnamed, official) == ([], [])


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Armenian", "ARM"),
        ("Azerbaijanis", "AZE"),
        ("Kosovar", "XKX"),
        ("U.S.", "USA"),
        ("Dominican", "DOM"),
        ("Congolese", "COD"),
        ("us", None),
    ],
)
def test_demonyms_name_one_country(kb: Knowledge, text: str, code: str | None) -> None:
    assert kb.country(text) == code


def test_capitals_and_seats_stand_for_their_country(kb: Knowledge) -> None:
    assert (kb.capital("Yerevan"), kb.capital("Chișinău"), kb.capital("Sanaa")) == (
        "ARM",
        "MDA",
        "YEM",
    )
    assert kb.seat("the Kremlin") == ("RUS", "GOV")
    assert kb.seat("Pentagon") == ("USA", "MIL")


def test_organisations_and_platforms(kb: Knowledge) -> None:
    cia = kb.organisation("the CIA")
    assert cia is not None and (cia.country, cia.sector) == ("USA", "SPY")
    assert kb.is_platform("Telegram") and kb.is_platform("the X")
    assert not kb.is_platform("Reuters")


@pytest.mark.parametrize(
    ("noun", "sector"),
    [
        ("foreign ministry", "GOV"),
        ("troops", "MIL"),
        ("parliament", "LEG"),
        ("constitutional court", "JUD"),
        ("riot police", "COP"),
        ("security services", "SPY"),
        ("opposition", "OPP"),
        ("state media", "MED"),
        ("civilians", "CVL"),
        ("rebels", "REB"),
    ],
)
def test_institution_nouns_cover_the_main_sectors(kb: Knowledge, noun: str, sector: str) -> None:
    words = noun.split()
    found = kb.institution_at(words, 0)
    assert found is not None and found[1] == len(words)
    assert found[0].sector == sector


def test_speech_knows_the_core_words(kb: Knowledge) -> None:
    assert {"say", "tell", "add", "state", "note"} <= kb.cue_verbs
    assert not {"urge", "accuse"} & kb.cue_verbs
    assert {"urge", "accuse"} <= kb.speech_acts
    assert {"statement", "report", "readout", "transcript"} <= kb.source_nouns
    assert ("according", "to") in kb.according_to
    assert kb.is_honorific("Mr.") and kb.is_honorific("H.E.")
