"""The curated knowledge files in storyline/data: schemas, codes and uniqueness.

These tests read the YAML files only (no spaCy, no pipeline), so a bad edit to a data
file fails here with the entry and the reason, not somewhere deep in a stage.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from importlib import resources
from typing import Any

import pycountry
import pytest
import yaml

DATA = resources.files("storyline.data")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FILES = (
    "titles.yaml",
    "demonyms.yaml",
    "capitals.yaml",
    "organisations.yaml",
    "institutions.yaml",
    "speech.yaml",
)

# CAMEO-style actor sectors the data files may use.
SECTORS = _words("GOV MIL LEG JUD COP SPY OPP REB MED IGO NGO CVL BUS EDU HLH REL")
FAMILIES = _words(
    """
    head_of_state head_of_government foreign_minister defence_minister minister
    deputy_minister diplomat envoy legislator military police intelligence judge
    prosecutor journalist spokesperson official rebel opposition party_leader
    religious business ngo igo_official monarch governor mayor source
    """
)
# Codes outside ISO 3166-1 that storyline uses: Kosovo (as the EU and IMF), Soviet Union.
EXTRA_CODES = frozenset({"XKX", "SUN"})
UN_MEMBERS = _words(
    """
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
    """
)
_PUNCT = re.compile(r"[.’'`\u2019]")


def fold(text: str) -> str:
    """The lookup key the knowledge loader uses: no accents, dots or apostrophes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(_PUNCT.sub("", ascii_text).lower().split())


def load(name: str) -> Any:
    return yaml.safe_load(DATA.joinpath(name).read_text("utf-8"))


def valid_code(code: object) -> bool:
    return isinstance(code, str) and (
        code in EXTRA_CODES or pycountry.countries.get(alpha_3=code) is not None
    )


def is_clean(text: object) -> bool:
    return isinstance(text, str) and text == text.strip() and bool(text) and "  " not in text


def is_lower_form(text: object) -> bool:
    return is_clean(text) and text == text.lower()  # type: ignore[union-attr]


def clashes(pairs: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Folded keys that lead to more than one target."""
    targets: dict[str, set[str]] = defaultdict(set)
    for key, target in pairs:
        targets[fold(key)].add(target)
    return {key: found for key, found in targets.items() if len(found) > 1}


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping with the same key twice."""


def _unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict:
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)

TITLES = load("titles.yaml")["titles"]
DEMONYMS = load("demonyms.yaml")["demonyms"]
PLACES = load("capitals.yaml")
ORGS = load("organisations.yaml")
INSTITUTIONS = load("institutions.yaml")["institutions"]
SPEECH = load("speech.yaml")


# -- every file --------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_file_opens_with_a_comment_on_purpose_licence_and_extending(name: str) -> None:
    text = DATA.joinpath(name).read_text("utf-8")
    header = text.split("\n\n", 1)[0]
    assert header.startswith("# ")
    assert "storyline" in header and "MIT" in header
    assert "extend" in header.lower()


@pytest.mark.parametrize("name", FILES)
def test_file_has_no_repeated_mapping_key(name: str) -> None:
    yaml.load(DATA.joinpath(name).read_text("utf-8"), Loader=_UniqueKeyLoader)


# -- titles ------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", TITLES, ids=lambda e: str(e.get("role")))
def test_title_entry(entry: dict) -> None:
    assert {"role", "forms", "sector", "family"} <= set(entry)
    assert set(entry) <= {"role", "forms", "sector", "family", "country", "anonymous"}
    assert is_clean(entry["role"])
    assert isinstance(entry["forms"], list) and entry["forms"]
    bad = [f for f in entry["forms"] if not is_lower_form(f)]
    assert not bad, f"forms must be lower case and trimmed: {bad}"
    assert entry["sector"] is None or entry["sector"] in SECTORS
    assert entry["family"] in FAMILIES
    if "country" in entry:
        assert valid_code(entry["country"])


def test_title_forms_are_unique_across_titles() -> None:
    # The loader also takes each role as a form, so roles count too.
    pairs = [(f, t["role"]) for t in TITLES for f in [t["role"], *t["forms"]]]
    assert clashes(pairs) == {}


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
def test_title_form_lookup(form: str, family: str, country: str | None) -> None:
    found = [t for t in TITLES if form in [fold(f) for f in [t["role"], *t["forms"]]]]
    assert len(found) == 1
    assert found[0]["family"] == family
    assert found[0].get("country") == country


# -- demonyms ----------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(DEMONYMS))
def test_demonym_entry(code: str) -> None:
    assert valid_code(code)
    forms = DEMONYMS[code]
    assert isinstance(forms, list)
    assert all(is_clean(f) for f in forms), forms


def test_demonyms_cover_every_un_member() -> None:
    assert sorted(UN_MEMBERS - set(DEMONYMS)) == []
    assert {"XKX", "PSE", "TWN", "VAT"} <= set(DEMONYMS)


def test_no_demonym_names_two_countries() -> None:
    assert clashes([(f, code) for code, forms in DEMONYMS.items() for f in forms]) == {}


# -- capitals and seats ------------------------------------------------------------------


def test_capitals_map_to_valid_codes() -> None:
    capitals = PLACES["capitals"]
    assert len(capitals) >= 190
    bad = {name: code for name, code in capitals.items() if not valid_code(code)}
    assert bad == {}
    assert all(is_clean(name) for name in capitals)


def test_no_capital_names_two_countries() -> None:
    assert clashes(list(PLACES["capitals"].items())) == {}


def test_seats_map_to_country_and_sector() -> None:
    seats = PLACES["seats"]
    bad = {
        name: value
        for name, value in seats.items()
        if not (
            isinstance(value, list)
            and len(value) == 2
            and valid_code(value[0])
            and value[1] in SECTORS
        )
    }
    assert bad == {}
    assert clashes([(name, repr(value)) for name, value in seats.items()]) == {}


def test_place_names_agree_across_files() -> None:
    pairs = [(f, code) for code, forms in DEMONYMS.items() for f in forms]
    pairs += list(PLACES["capitals"].items())
    pairs += [(name, value[0]) for name, value in PLACES["seats"].items()]
    assert clashes(pairs) == {}


# -- organisations -----------------------------------------------------------------------


@pytest.mark.parametrize("entry", ORGS["organisations"], ids=lambda e: str(e.get("name")))
def test_organisation_entry(entry: dict) -> None:
    assert set(entry) == {"name", "aliases", "kind", "country", "sector"}
    assert is_clean(entry["name"])
    assert isinstance(entry["aliases"], list)
    assert all(is_clean(a) for a in entry["aliases"]), entry["aliases"]
    assert entry["kind"] in ("org", "group")
    assert entry["country"] is None or valid_code(entry["country"])
    assert entry["sector"] in SECTORS


def test_organisation_names_and_aliases_are_unique() -> None:
    pairs = [(a, o["name"]) for o in ORGS["organisations"] for a in [o["name"], *o["aliases"]]]
    assert clashes(pairs) == {}


def test_platforms_are_names_and_not_organisations() -> None:
    platforms = ORGS["platforms"]
    assert isinstance(platforms, list) and all(is_clean(p) for p in platforms)
    assert len({fold(p) for p in platforms}) == len(platforms)
    names = {fold(a) for o in ORGS["organisations"] for a in [o["name"], *o["aliases"]]}
    assert sorted(p for p in platforms if fold(p) in names) == []


# -- institutions ------------------------------------------------------------------------


@pytest.mark.parametrize("entry", INSTITUTIONS, ids=lambda e: f"{e.get('sector')}")
def test_institution_entry(entry: dict) -> None:
    assert set(entry) == {"forms", "sector"}
    assert entry["sector"] in SECTORS
    assert isinstance(entry["forms"], list) and entry["forms"]
    bad = [f for f in entry["forms"] if not is_lower_form(f)]
    assert not bad, f"forms must be lower case and trimmed: {bad}"


def test_institution_forms_are_unique() -> None:
    pairs = [(f, i["sector"] + str(n)) for n, i in enumerate(INSTITUTIONS) for f in i["forms"]]
    assert clashes(pairs) == {}
    assert len([fold(f) for i in INSTITUTIONS for f in i["forms"]]) == len(
        {fold(f) for i in INSTITUTIONS for f in i["forms"]}
    )


def test_institutions_cover_the_main_sectors() -> None:
    covered = {i["sector"] for i in INSTITUTIONS}
    assert {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "MED", "CVL", "REB"} <= covered


# -- speech ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["cue_verbs", "not_cues", "source_nouns", "according_to"])
def test_speech_list(key: str) -> None:
    values = SPEECH[key]
    assert isinstance(values, list) and values
    bad = [v for v in values if not is_lower_form(v)]
    assert not bad, f"entries must be lower case and trimmed: {bad}"
    assert len({fold(v) for v in values}) == len(values), "repeated entry"


def test_speech_cues_and_non_cues_are_apart() -> None:
    assert set(SPEECH["cue_verbs"]) & set(SPEECH["not_cues"]) == set()


def test_speech_has_the_core_words() -> None:
    assert {"say", "tell", "add", "state", "note"} <= set(SPEECH["cue_verbs"])
    assert {"urge", "accuse"} <= set(SPEECH["not_cues"])
    assert {"statement", "report", "readout", "transcript"} <= set(SPEECH["source_nouns"])
    assert "according to" in SPEECH["according_to"]
