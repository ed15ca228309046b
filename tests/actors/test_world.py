"""World knowledge: lookups on the package's converted Phoenix files, the row checks of
the loader, and the converter (scripts/convert_phoenix.py) on made-up PETRARCH
snippets and, when ../shared is there, on the Phoenix dictionaries themselves."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from storyline.actors import petrarch
from storyline.actors.countries import CountryIndex
from storyline.actors.world import FILES, HEADERS, SECTORS, World
from storyline.errors import ConfigError
from storyline.records import ActorKind

ROOT = Path(__file__).resolve().parents[2]
PHOENIX = ROOT.parent / "shared" / "data" / "phoenix_dictionaries"


@pytest.fixture(scope="module")
def world() -> World:
    return World.load()


@pytest.fixture(scope="module")
def converter() -> ModuleType:
    """scripts/convert_phoenix.py imported as a module (scripts/ is not a package)."""
    path = ROOT / "scripts" / "convert_phoenix.py"
    spec = importlib.util.spec_from_file_location("convert_phoenix", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# -- lookups on the package files ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "on", "name", "country", "sector"),
    [
        ("Benjamin Netanyahu", date(2024, 11, 26), "Benjamin Netanyahu", "ISR", "GOV"),
        ("Netanyahu", date(1995, 6, 1), "Benjamin Netanyahu", "ISR", "ELI"),
        ("Bibi Netanyahu", date(1997, 3, 1), "Benjamin Netanyahu", "ISR", "GOV"),
        ("benjamin NETANYAHU", None, "Benjamin Netanyahu", "ISR", "ELI"),
        ("Kofi Annan", date(2000, 1, 1), "Kofi Annan", None, "IGO"),
        ("Kofi Annan", date(2010, 1, 1), "Kofi Annan", None, "ELI"),
        ("Charles Michel", date(2024, 1, 1), "Charles Michel", "BEL", "GOV"),
        ("Charles Michel", date(2005, 1, 1), "Charles Michel", None, None),
    ],
)
def test_a_person_is_coded_as_on_the_day_asked(world, text, on, name, country, sector):
    found = world.person(text, on)
    assert found is not None
    assert (found.name, found.kind, found.country, found.sector) == (
        name,
        ActorKind.PERSON,
        country,
        sector,
    )
    assert found.source.startswith("people.tsv:")


@pytest.mark.parametrize(
    "text",
    ["the", "police", "President", "Prime Minister", "Hezbollah", "Michel Charles",
     "Netanyahu government", "Israeli Prime Minister Netanyahu", ""],
)  # fmt: skip
def test_words_titles_bodies_and_parts_of_text_are_not_people(world, text):
    assert world.person(text, date(2020, 1, 1)) is None


@pytest.mark.parametrize(
    ("text", "name", "kind", "country", "sector"),
    [
        ("al-Shabaab", "Al-Shabaab", ActorKind.GROUP, "SOM", "REB"),
        ("Al Shabaab", "Al-Shabaab", ActorKind.GROUP, "SOM", "REB"),
        ("Harakat al-Shabaab al-Mujahideen", "Al-Shabaab", ActorKind.GROUP, "SOM", "REB"),
        ("Hezbollah", "Hezbollah", ActorKind.GROUP, "LBN", "REB"),
        ("the Taliban", "Taliban", ActorKind.GROUP, "AFG", "REB"),
        ("United Nations", "United Nations", ActorKind.ORG, None, "IGO"),
        ("Amnesty International", "Amnesty International", ActorKind.ORG, None, "NGO"),
    ],
)
def test_a_body_is_found_by_name_or_listed_alias(world, text, name, kind, country, sector):
    found = world.body(text)
    assert found is not None
    assert (found.name, found.kind, found.country, found.sector) == (name, kind, country, sector)


@pytest.mark.parametrize("text", ["the", "Shabaab fighters", "Kofi Annan", "Nations"])
def test_other_text_is_no_body(world, text):
    assert world.body(text) is None


@pytest.mark.parametrize(
    ("words", "i", "sectors", "span", "international"),
    [
        (["police"], 0, ("COP",), 1, False),
        (["protesters", "gathered"], 0, ("OPP",), 1, False),
        (["the", "coast", "guard"], 1, ("MIL",), 2, False),
        (["rebels"], 0, ("REB",), 1, False),
        (["police", "officers"], 0, ("COP",), 2, False),
        (["a", "spokesman"], 1, ("MED",), 1, False),
        (["communications", "bureau"], 0, ("GOV", "MED"), 2, False),
        (["truce", "monitors"], 0, ("IGO",), 2, True),
    ],
)
def test_the_longest_agent_noun_is_found(world, words, i, sectors, span, international):
    found = world.agent_at(words, i)
    assert found is not None
    agent, n = found
    assert (agent.sector, agent.sectors, agent.international, n) == (
        sectors[0],
        sectors,
        international,
        span,
    )


@pytest.mark.parametrize(("words", "i"), [(["the"], 0), (["police"], 1), (["Police"], 0)])
def test_no_agent_outside_the_folded_words(world, words, i):
    assert world.agent_at(words, i) is None


def test_country_names_and_adjectives_are_not_places(world):
    assert world.country("Hayastan") == "ARM"
    assert world.country("Armenian") == "ARM"
    assert world.country("Yerevan") is None
    assert world.place("Yerevan") == ("ARM", True)
    assert world.place("Gyumri") == ("ARM", False)
    assert world.place("Armenia") is None


def test_the_converter_sectors_are_the_loader_sectors():
    assert petrarch._SECTORS <= SECTORS


# -- the loader's checks ----------------------------------------------------------------

GOOD = {
    "people": "Zorvan Melik\tZ. Melik|Melik\tNOR ELI 1995-01-01..2001-12-31; NOR GOV\tmade:1",
    "organisations": "Northwind Relief Fund\tNRF\tNOR NGO\tmade:2",
    "groups": "Grey Ridge Front\tGRF\t- REB\tmade:3",
    "agents": "harbour warden\tCOP\t",
    "countries": "NOR\tNorlandia\tNorlandian\tPort Ardent\tLowmere\t\t\tmade:4",
}


def write_world(folder: Path, rows: dict[str, list[str]]) -> Path:
    """A knowledge folder: each file a comment, its header and the given rows."""
    for what, filename in FILES.items():
        lines = ["# made up for the tests", HEADERS[what], *rows.get(what, [GOOD[what]])]
        (folder / filename).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("what", "row", "reason"),
    [
        ("people", "Zorvan Melik\t\tXYZ GOV\tx", "bad country code 'XYZ'"),
        ("people", "Zorvan Melik\t\tNOR QQQ\tx", "bad sector 'QQQ'"),
        ("people", "Zorvan Melik\t\tNOR GOV 2001-13-01..\tx", "bad date '2001-13-01'"),
        ("people", "Zorvan Melik\t\tNOR GOV 20010101..\tx", "bad date '20010101'"),
        ("people", "Zorvan Melik\t\tNOR GOV 2003-01-01..2001-01-01\tx", "ends before it starts"),
        ("people", "Zorvan Melik\t\tNOR GOV 2001\tx", "bad date range '2001'"),
        ("people", "Zorvan Melik\t\tNOR\tx", "bad code 'NOR'"),
        ("people", "Zorvan Melik\tNOR GOV", "2 columns, expected 4"),
        ("organisations", "\tNRF\tNOR NGO\tx", "empty name"),
        ("groups", "Grey Ridge Front\tGRF\t\tx", "no codes"),
        ("groups", "Grey Ridge Front\tGRF||Ridge\t- REB\tx", "empty name in 'GRF||Ridge'"),
        ("agents", "harbour warden\tQQQ\t", "bad sector 'QQQ'"),
        ("agents", "harbour warden\tCOP\tmaybe", "bad international flag 'maybe'"),
        ("countries", "XYZ\tNowhere\t\t\t\t\t\tx", "bad country code 'XYZ'"),
        ("countries", "NOR\t\tNorlandian\t\t\t\t\tx", "empty name"),
    ],
)
def test_a_bad_row_names_file_line_and_reason(tmp_path, what, row, reason):
    write_world(tmp_path, {what: [row]})
    with pytest.raises(ConfigError) as error:
        World.from_dir(tmp_path)
    message = str(error.value)
    assert message.startswith(f"{FILES[what]}:3: ") and "\n" not in message
    assert reason in message


def test_a_bad_header_or_a_missing_file_is_named(tmp_path):
    write_world(tmp_path, {})
    (tmp_path / "groups.tsv").write_text("name\taliases\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^groups\.tsv:1: bad header 'name\\taliases'"):
        World.from_dir(tmp_path)
    (tmp_path / "groups.tsv").unlink()
    with pytest.raises(ConfigError, match=r"^groups\.tsv: knowledge file missing$"):
        World.from_dir(tmp_path)


def test_a_shared_key_answers_only_when_every_entry_agrees(tmp_path):
    people = [
        "Ardo Vesk\tVesk\tNOR GOV 2001-01-01..2004-12-31; NOR ELI\tmade:1",
        "Ardo Vesk\tVesk\tNOR GOV 2003-01-01..2006-12-31; NOR ELI\tmade:2",
        "Tamsin Orrel\tOrrel\tNOR GOV\tmade:3",
        "Bram Orrel\tOrrel\tSWE GOV\tmade:4",
    ]
    world = World.from_dir(write_world(tmp_path, {"people": people}))
    assert world.person("Vesk", date(2003, 6, 1)).sector == "GOV"  # both GOV that day
    assert world.person("Vesk", date(2002, 6, 1)) is None  # GOV and ELI
    assert world.person("Orrel") is None  # two people
    assert world.person("Tamsin Orrel").country == "NOR"


@pytest.mark.parametrize(
    ("people", "key", "on", "expected"),
    [
        # a leader listed under an old state, then under the new one: the new office
        (["Daru Ketem\t\tSDN GOV 2005-11-01..\tmade:1",
          "Daru Ketem Abol\tDaru Ketem\tSSD GOV 2011-07-09..; SSD ELI\tmade:2"],
         "Daru Ketem", date(2019, 4, 2), ("Daru Ketem Abol", "SSD")),
        # father and son listed: the one whose office began last that day
        (["Harlan Voss\tVoss\tUSA GOV 1989-01-20..1993-01-20; USA ELI\tmade:1",
          "Harlan T. Voss\tVoss\tUSA ELI 1964-01-01..2001-01-20; USA ELI\tmade:2"],
         "Voss", date(1991, 3, 1), ("Harlan Voss", "USA")),
        (["Mirela Soares\t\tIDN GOV 1998-01-01..\tmade:1",
          "Mirela Soares\t\tTLS GOV 2002-05-20..\tmade:2"],
         "Mirela Soares", date(2010, 5, 5), ("Mirela Soares", "TLS")),
        # one of them holds no dated office that day: still unknown
        (["Harlan Voss\tVoss\tUSA GOV 1989-01-20..1993-01-20; USA ELI\tmade:1",
          "Harlan T. Voss\tVoss\tUSA GOV 2001-01-20..2009-01-20; USA ELI\tmade:2"],
         "Voss", date(2004, 3, 1), None),
        (["Harlan Voss\tVoss\tUSA GOV 1989-01-20..1993-01-20; USA ELI\tmade:1",
          "Harlan T. Voss\tVoss\tUSA GOV 2001-01-20..2009-01-20; USA ELI\tmade:2"],
         "Voss", date(2015, 3, 1), None),
        (["Kofi Aduma\t\tGHA GOV 2001-01-01..\tmade:1",
          "Kofi Aduma\t\tNGA GOV 2001-01-01..\tmade:2"],
         "Kofi Aduma", date(2010, 5, 5), None),
    ],
)  # fmt: skip
def test_of_entries_disagreeing_the_office_begun_last_holds(tmp_path, people, key, on, expected):
    world = World.from_dir(write_world(tmp_path, {"people": people}))
    found = world.person(key, on)
    assert (found.name, found.country) == expected if expected else found is None
    assert world.person(key, None) is None  # no day: no office to compare


def test_agents_and_places_two_entries_disagree_on_are_unknown(tmp_path):
    agents = [
        "armed unit\tMIL\t",
        "armed unit\tREB\t",
        "armed guard\tCOP\t",
        "armed guard\tCOP MIL\t",
    ]
    countries = [
        "NOR\tNorlandia\t\tPort Ardent\tLowmere\t\t\tmade:1",
        "SWE\tSvealia\t\t\tLowmere\t\t\tmade:2",
    ]
    world = World.from_dir(write_world(tmp_path, {"agents": agents, "countries": countries}))
    assert world.agent_at(["armed", "unit"], 0) is None  # the longest form is ambiguous
    agent, span = world.agent_at(["armed", "guard"], 0)
    assert (agent.sector, agent.sectors, span) == ("COP", ("COP",), 2)  # agreed primary
    assert world.place("Lowmere") is None
    assert world.place("Port Ardent") == ("NOR", True)
    assert world.country("Svealia") == "SWE"


def test_common_words_and_two_letter_aliases_are_never_matched(tmp_path):
    people = ["Hollis Brand\tThe|Over|HB|Brand\tNOR GOV\tmade:1"]
    world = World.from_dir(write_world(tmp_path, {"people": people}))
    assert world.person("over") is None
    assert world.person("HB") is None
    assert world.person("Brand").name == "Hollis Brand"


# -- the converter ------------------------------------------------------------------------

COUNTRIES_SNIPPET = """\
# made-up entries in the PETRARCH actor format
ZORVAN_MELIK_  # a made-up prime minister
+Z._MELIK_
+MELIK
+PRIME_MINISTER_ZORVAN_MELIK
+NORLANDIAN_PRIME_MINISTER_ZORVAN_MELIK
+PRIME_MINISTER
\t[NORELI 950101-011231]
\t[NORGOV 020101-041231]
\t[NORELI]
NORTHERN_HARBOUR_AUTHORITY  [NORGOV]
OLD_FEDERATION_GUARD_ [USRMIL]
NOBODY_AT_ALL_ [---]
"""
INTERNATIONAL_SNIPPET = """\
ELSA_TARVOLD_\t[IGOUNO 990101-031231] [ELI]
NORTHWIND_RELIEF_FUND_\t[NGONORHRI]
ZORVAN_MELIK_\t[IGOUNO >050101]
"""
MILNONSTATE_SNIPPET = """\
GREY_RIDGE_FRONT_(GRF)_ [KSVREB]
+GREY_RIDGE_BRIGADES_
+ELSA_VARNHOLM
"""
AGENTS_SNIPPET = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
HARBOUR_WARDEN [~COP]
FERRY!PERSON! [~BUS]
STAFF_OF_THE_COUNCIL {} [~GOV]
DEPUTY_ENVOY {DEPUTIES_ENVOY} [~GOVMED]
RELIEF_AGENCY [NGO~]
LEADER_IN_EXILE [~OPP]
MYSTERY [~PPL]
"""


@pytest.fixture
def snippet(tmp_path: Path, converter: ModuleType) -> Path:
    source = tmp_path / "phoenix"
    source.mkdir()
    texts = {
        converter.COUNTRIES_FILE: COUNTRIES_SNIPPET,
        converter.INTERNATIONAL_FILE: INTERNATIONAL_SNIPPET,
        converter.MILNONSTATE_FILE: MILNONSTATE_SNIPPET,
        converter.AGENTS_FILE: AGENTS_SNIPPET,
    }
    for name, text in texts.items():
        (source / name).write_text(text, encoding="utf-8")
    return source


def snippet_rows(converter: ModuleType, source: Path) -> tuple[dict, object]:
    report = converter.Report()
    index = CountryIndex({})
    coded = [
        entry
        for name in (
            converter.COUNTRIES_FILE,
            converter.INTERNATIONAL_FILE,
            converter.MILNONSTATE_FILE,
        )
        for entry in converter.coded_records(source / name, index, report)
    ]
    vocab = converter.Vocabulary(
        titles=frozenset({("PRIME", "MINISTER")}),
        qualifiers=frozenset({("NORLANDIAN",)}),
        given_names=frozenset({"ZORVAN", "ELSA"}),
    )
    rows = converter.actor_rows(coded, vocab, {}, report)
    rows["agents"] = converter.read_agents(source / converter.AGENTS_FILE, report)
    return rows, report


def test_the_converter_keeps_names_codes_and_dates(converter, snippet):
    rows, _ = snippet_rows(converter, snippet)
    assert rows["people"] == [
        ["Elsa Tarvold", "", "- IGO 1999-01-01..2003-12-31; - ELI", "International:1"],
        ["Elsa Varnholm", "", "XKX REB", "MilNonState:1"],  # a group's alias
        [
            "Zorvan Melik",  # and the IGO official of the same name
            "Z. Melik|Melik",
            "NOR ELI 1995-01-01..2001-12-31; NOR GOV 2002-01-01..2004-12-31; "
            "- IGO 2005-01-01..; NOR ELI",
            "Countries:2",
        ],
    ]
    assert rows["organisations"] == [
        ["Northern Harbour Authority", "", "NOR GOV", "Countries:11"],
        ["Northwind Relief Fund", "", "NOR NGO", "International:2"],
    ]
    assert rows["groups"] == [
        ["Grey Ridge Front", "GRF|Grey Ridge Brigades", "XKX REB", "MilNonState:1"]
    ]


def test_the_converter_reports_unusable_codes(converter, snippet):
    _, report = snippet_rows(converter, snippet)
    reasons = {reason for _, reason in report.skipped}
    assert any("code USR is neither" in r for r in reasons)
    assert any(r.startswith("null code") for r in reasons)
    assert ("agents", "not a CAMEO sector or religion code") in report.skipped


def test_the_converter_makes_agent_forms_and_plurals(converter, snippet):
    rows, _ = snippet_rows(converter, snippet)
    assert rows["agents"] == [
        ["deputies envoy", "GOV MED", ""],
        ["deputy envoy", "GOV MED", ""],
        ["ferryman", "BUS", ""],
        ["ferrymen", "BUS", ""],
        ["ferryperson", "BUS", ""],
        ["ferrywoman", "BUS", ""],
        ["ferrywomen", "BUS", ""],
        ["harbour warden", "COP", ""],
        ["harbour wardens", "COP", ""],
        ["leader in exile", "OPP", ""],
        ["leaders in exile", "OPP", ""],
        ["relief agencies", "NGO", "yes"],
        ["relief agency", "NGO", "yes"],
        ["staff of the council", "GOV", ""],
    ]


@pytest.mark.parametrize(
    ("key", "column"),
    [
        ("norlandia", "names"),
        ("norlandian", "adjectives"),
        ("norlandiya", "names"),  # a spelling of the name
        ("vask", "names"),  # an unknown single word: a native name
        ("port ardent", "capital"),
        ("lowmere", "cities"),
        ("lowmeer", "cities"),  # a close spelling of a city
        ("north march province", "regions"),
        ("graveyard of kings", "other"),
        ("france", "other"),  # another country's name
    ],
)
def test_a_country_phrase_goes_to_its_column(converter, key, column):
    facts = converter.CountryFacts(
        names=frozenset({"norlandia"}),
        adjectives=frozenset(),
        cities={"port ardent": 1, "lowmere": 2},
        capital=1,
        regions=frozenset({"north march"}),
        initials={"p": ["port ardent"], "l": ["lowmere"]},
    )
    assert converter.sort_country_phrase(key, "NOR", facts, CountryIndex({})) == column


def test_converted_rows_load_and_answer(tmp_path, converter, snippet):
    rows, _ = snippet_rows(converter, snippet)
    rows["countries"] = [GOOD["countries"].split("\t")]
    out = tmp_path / "world"
    out.mkdir()
    for what, filename in FILES.items():
        converter.write_tsv(out / filename, what, rows.get(what, []))
    world = World.from_dir(out)
    assert world.person("Melik", date(2003, 1, 1)).sector == "GOV"
    assert world.person("Zorvan Melik", date(2006, 1, 1)).sector == "IGO"
    assert world.person("Zorvan Melik").sector == "ELI"
    assert world.body("Elsa Varnholm") is None
    assert world.person("Norlandian Prime Minister Zorvan Melik") is None
    assert world.body("GRF").country == "XKX"
    assert world.agent_at(["ferrymen"], 0)[0].sector == "BUS"
    text = (out / "people.tsv").read_text(encoding="utf-8")
    assert "Copyright (c) 2014 Open Event Data Alliance" in text
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in text


@pytest.mark.slow  # the whole conversion: about 4 s
@pytest.mark.skipif(not PHOENIX.is_dir(), reason=f"no Phoenix dictionaries at {PHOENIX}")
def test_the_package_files_are_what_the_converter_makes(tmp_path, converter):
    converter.convert(PHOENIX, tmp_path)
    package = resources.files("storyline.data").joinpath("world")
    for filename in FILES.values():
        made = (tmp_path / filename).read_text(encoding="utf-8")
        assert made == package.joinpath(filename).read_text(encoding="utf-8"), filename
