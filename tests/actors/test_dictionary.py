"""User actor dictionaries: YAML files, PETRARCH imports, lookups and precedence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.actors.dictionary import (
    ActorDictionary,
    DictionaryEntry,
    default_dictionary_paths,
    dump_yaml_dictionary,
    load_dictionaries,
    load_dictionary,
    load_yaml_dictionary,
)
from storyline.actors.petrarch import load_petrarch_actors, read_petrarch_records
from storyline.errors import ConfigError
from storyline.records import ActorKind

SHARED = Path(__file__).resolve().parents[3] / "shared"
PETRARCH = SHARED / "data" / "petrarch_validation" / "dictionaries"
PETRARCH2 = PETRARCH / "petrarch2" / "PETR.Validate.actors.txt"
UDPETRARCH = PETRARCH / "udpetrarch_2_02" / "PETR_Validate_actors_2_02.txt"
needs_shared = pytest.mark.skipif(
    not PETRARCH.is_dir(), reason=f"PETRARCH validation dictionaries absent: {PETRARCH}"
)
BOTH_FILES = pytest.mark.parametrize("path", [PETRARCH2, UDPETRARCH], ids=["petrarch2", "ud2.02"])

PERSON, ORG, COUNTRY, GROUP = ActorKind.PERSON, ActorKind.ORG, ActorKind.COUNTRY, ActorKind.GROUP

SAMPLE = """\
actors:
  - name: Antony Blinken
    aliases: [Tony Blinken, Secretary Blinken]
    kind: person
    country: USA
    sector: GOV
    role: Secretary of State
  - name: Hamas
    kind: org
    country: Palestine
    sector: REB
  - name: Kosovo
    kind: country
"""


def write(folder: Path, name: str, text: str) -> Path:
    """A file with this text in the folder (parents made)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def entry(name: str, kind: ActorKind = ORG, **fields: object) -> DictionaryEntry:
    """An entry with defaults for what the test does not care about."""
    values: dict = {"aliases": (), "country": None, "sector": None} | fields
    return DictionaryEntry(name=name, kind=kind, **values)


def facts(e: DictionaryEntry | None) -> tuple | None:
    """What an entry says, without where it came from."""
    if e is None:
        return None
    return (e.name, e.aliases, e.kind, e.country, e.sector, e.role)


def import_line(tmp_path: Path, text: str) -> ActorDictionary:
    """A PETRARCH file holding just this text, imported."""
    return load_petrarch_actors(write(tmp_path, "one.actors.txt", text + "\n"))


# -- YAML ---------------------------------------------------------------------------------


def test_yaml_entries_carry_every_field_and_their_file(tmp_path: Path) -> None:
    path = write(tmp_path, "actors.yaml", SAMPLE)
    d = load_yaml_dictionary(path)
    assert [facts(e) for e in d.entries] == [
        (
            "Antony Blinken",
            ("Tony Blinken", "Secretary Blinken"),
            PERSON,
            "USA",
            "GOV",
            "Secretary of State",
        ),
        ("Hamas", (), ORG, "PSE", "REB", None),
        ("Kosovo", (), COUNTRY, "XKX", None, None),
    ]
    assert {e.source for e in d.entries} == {str(path)}
    assert len(d) == 3


def test_yaml_round_trip_keeps_every_entry(tmp_path: Path) -> None:
    first = load_yaml_dictionary(write(tmp_path, "a.yaml", SAMPLE))
    again = load_yaml_dictionary(write(tmp_path, "b.yaml", dump_yaml_dictionary(first)))
    assert [facts(e) for e in again.entries] == [facts(e) for e in first.entries]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("USA", "USA"),
        ("United States", "USA"),
        ("usa", "USA"),
        ("Palestine", "PSE"),
        ("PSE", "PSE"),
        ("Kosovo", "XKX"),
        ("XKX", "XKX"),
        ("Soviet Union", "SUN"),
    ],
)
def test_yaml_country_takes_a_code_or_a_name(tmp_path: Path, value: str, code: str) -> None:
    text = f"actors:\n  - name: Someone\n    kind: org\n    country: {value}\n"
    d = load_yaml_dictionary(write(tmp_path, "actors.yaml", text))
    assert d.entries[0].country == code


YAML_ERRORS = [
    ("invalid yaml", "actors:\n  - name: Blinken\n    kind: [person\n", ":3: invalid YAML"),
    ("tab indent", "actors:\n\t- name: Blinken\n", ":2: invalid YAML"),
    ("empty file", "", "expected a mapping with an 'actors' list"),
    ("top-level list", "- name: Blinken\n  kind: person\n", "an 'actors' list"),
    ("no actors key", "people: []\n", "expected a mapping with an 'actors' list"),
    ("extra top-level key", "actors: []\nversion: 2\n", "unknown top-level key 'version'"),
    ("actors not a list", "actors: Blinken\n", "'actors' must be a list"),
    ("entry not a mapping", "actors:\n  - Blinken\n", ":2: entry 1: expected a mapping"),
    ("entry without name", "actors:\n  - {name: A, kind: org}\n  - {kind: org}\n", ":3: entry 2"),
    ("blank name", "actors:\n  - {name: ' ', kind: org}\n", "entry 1: missing name"),
    ("name not text", "actors:\n  - {name: [A], kind: org}\n", "name must be text"),
    ("unknown kind", "actors:\n  - {name: A, kind: persn}\n", "unknown kind 'persn'"),
    ("missing kind", "actors:\n  - {name: A}\n", "entry 1 (A): missing kind"),
    ("bad country code", "actors:\n  - {name: A, kind: org, country: XYZ}\n", "'XYZ'"),
    ("unknown country", "actors:\n  - {name: A, kind: org, country: Narnia}\n", "'Narnia'"),
    ("lower-case sector", "actors:\n  - {name: A, kind: org, sector: gov}\n", "'gov' is not 3"),
    ("long sector", "actors:\n  - {name: A, kind: org, sector: GOVT}\n", "'GOVT' is not 3"),
    ("aliases not a list", "actors:\n  - {name: A, kind: org, aliases: B}\n", "aliases must be"),
    ("misspelt key", "actors:\n  - {name: A, kind: org, sectr: GOV}\n", "unknown key 'sectr'"),
    ("role not text", "actors:\n  - {name: A, kind: person, role: 5}\n", "role must be text"),
    ("country kind, no code", "actors:\n  - {name: Narnia, kind: country}\n", "needs a country"),
]


@pytest.mark.parametrize(
    ("text", "reason"), [c[1:] for c in YAML_ERRORS], ids=[c[0] for c in YAML_ERRORS]
)
def test_yaml_problems_raise_one_line_naming_the_file(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = write(tmp_path, "storyline-actors.yaml", text)
    with pytest.raises(ConfigError) as caught:
        load_yaml_dictionary(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and reason in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("name", "reason"),
    [("missing.yaml", "no such actor dictionary file"), ("missing.txt", "no such actor")],
)
def test_a_missing_file_is_a_config_error(tmp_path: Path, name: str, reason: str) -> None:
    with pytest.raises(ConfigError, match=reason) as caught:
        load_dictionary(tmp_path / name)
    assert str(tmp_path / name) in str(caught.value)


def test_a_directory_is_a_config_error(tmp_path: Path) -> None:
    folder = tmp_path / "actors.yaml"
    folder.mkdir()
    with pytest.raises(ConfigError, match="is a directory"):
        load_dictionary(folder)


# -- lookups ------------------------------------------------------------------------------

LOOKUP = ActorDictionary(
    [
        entry("U.S. State Department", country="USA", sector="GOV"),
        entry("Conor O'Brien", PERSON),
        entry("Antony Blinken", PERSON, aliases=("Tony Blinken",)),
        entry("Al-Qaeda", sector="REB"),
        entry("José Martí", PERSON),
    ]
)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("U.S. State Department", "U.S. State Department"),
        ("US State Department", "U.S. State Department"),
        ("u.s. state department", "U.S. State Department"),
        ("U.S.   State\tDepartment", "U.S. State Department"),
        ("the U.S. State Department", "U.S. State Department"),
        ("The US State Department", "U.S. State Department"),
        ("Conor O’Brien", "Conor O'Brien"),
        ("CONOR O'BRIEN", "Conor O'Brien"),
        ("Tony Blinken", "Antony Blinken"),
        ("Al Qaeda", "Al-Qaeda"),
        ("Jose Marti", "José Martí"),
        ("Blinken", None),
        ("Antony", None),
        ("State Department", None),
        ("US State Department spokesman", None),
        ("O'Brien", None),
        ("the", None),
        ("", None),
    ],
)
def test_lookup_folds_case_punctuation_and_the_but_matches_whole_names(
    text: str, name: str | None
) -> None:
    found = LOOKUP.lookup(text)
    assert (found.name if found else None) == name


def test_a_surname_matches_only_once_it_is_an_alias() -> None:
    user = ActorDictionary([entry("Antony Blinken", PERSON, aliases=("Blinken",))])
    assert LOOKUP.lookup("Blinken") is None
    assert LOOKUP.merged(user).lookup("Blinken").name == "Antony Blinken"


# -- precedence ---------------------------------------------------------------------------

OVERRIDE = """\
actors:
  - name: Antony Blinken
    kind: person
    country: USA
    sector: GOV
    role: Former Secretary of State
"""


@pytest.mark.parametrize(
    ("order", "role"),
    [(("base", "user"), "Former Secretary of State"), (("user", "base"), "Secretary of State")],
)
def test_the_later_file_wins(tmp_path: Path, order: tuple[str, str], role: str) -> None:
    files = {
        "base": write(tmp_path, "base.yaml", SAMPLE),
        "user": write(tmp_path, "user.yaml", OVERRIDE),
    }
    d = load_dictionaries([files[name] for name in order])
    assert d.lookup("Antony Blinken").role == role
    assert d.lookup("Tony Blinken").role == role  # the replaced entry's aliases follow it
    assert len(d) == 3


def test_an_override_replaces_the_entry_and_keeps_its_aliases(tmp_path: Path) -> None:
    base = load_yaml_dictionary(write(tmp_path, "base.yaml", SAMPLE))
    user = load_yaml_dictionary(write(tmp_path, "user.yaml", OVERRIDE))
    merged = base.merged(user)
    blinken = merged.lookup("Secretary Blinken")
    assert blinken.source == str(tmp_path / "user.yaml")
    assert blinken.aliases == ("Tony Blinken", "Secretary Blinken")
    assert base.lookup("Antony Blinken").role == "Secretary of State"  # inputs unchanged


def test_an_alias_reused_later_moves_to_the_later_entry() -> None:
    base = ActorDictionary([entry("US Government", aliases=("Washington",), country="USA")])
    user = ActorDictionary([entry("Washington State", aliases=("Washington",), country="USA")])
    merged = base.merged(user)
    assert merged.lookup("Washington").name == "Washington State"
    assert merged.lookup("US Government").name == "US Government"
    assert len(merged) == 2


# -- PETRARCH: the real validation files ----------------------------------------------------

REAL_ENTRIES = [
    ("HAMAS", ("Hamas", ORG, "PSE", "REB", None)),
    ("Israeli troops", ("Israeli Troops", ORG, "ISR", "MIL", None)),
    ("Israel", ("Israel", COUNTRY, "ISR", None, None)),
    ("Israeli", ("Israeli", COUNTRY, "ISR", None, None)),
    ("Palestinian", ("Palestinian", COUNTRY, "PSE", None, None)),  # code written [pse]
    ("Hamas Military Command", ("Hamas Military Command", ORG, "PSE", "GOV", None)),
    ("Hamas wing", ("Hamas Wing", GROUP, "PSE", None, None)),  # [PSEHMSBRD]: no sector
    ("President George W. Bush", ("George W. Bush", PERSON, "USA", "GOV", "President")),
    ("George W. Bush", ("George W. Bush", PERSON, "USA", "GOV", "President")),
    ("al-Qaeda", ("Al-Qaeda", ORG, None, "REB", None)),  # [IMGMOSALQ]
    ("European Union", ("European Union", ORG, None, "IGO", None)),
    ("Amnesty International", ("Amnesty International", ORG, None, "NGO", None)),  # [NGM]
    ("Interpol", ("International Criminal Police Organization", ORG, None, "IGO", None)),
    ("U.S.", ("United States", COUNTRY, "USA", None, None)),
    ("the Hermit Kingdom", ("North Korea", COUNTRY, "PRK", None, None)),
    ("Danish", ("Denmark", COUNTRY, "DNK", None, None)),
    ("UN", ("United Nations", ORG, None, "IGO", None)),  # [UNO]
    ("White House", ("White House", ORG, "USA", "GOV", None)),
    ("Athens", ("Athens", GROUP, "GRC", None, None)),  # a city, not the country
]


@needs_shared
@BOTH_FILES
@pytest.mark.parametrize(("text", "expected"), REAL_ENTRIES, ids=[c[0] for c in REAL_ENTRIES])
def test_real_petrarch_entries_import_with_country_sector_and_kind(
    path: Path, text: str, expected: tuple
) -> None:
    found = load_petrarch_actors(path).lookup(text)
    assert found is not None
    assert (found.name, found.kind, found.country, found.sector, found.role) == expected


REAL_SKIPS = [
    ("AARDVARK", "code [SAF]: SAF is neither an ISO 3166 country"),
    ("EGYPT", "code [UAR]"),  # the old CAMEO code for Egypt is not ISO
    ("BOROMIR", "null code [---]"),
    ("ISILDUR", "null code [+++]"),
    ("LORIEN", "compound code [ELR/GAL]"),
    ("GOLLUM", "code [HOBREB]"),  # no undated code: the latest restriction
    ("SAM GAMGEE", "code [HOB]"),  # the undated code
]


@needs_shared
@BOTH_FILES
@pytest.mark.parametrize(("phrase", "reason"), REAL_SKIPS, ids=[c[0] for c in REAL_SKIPS])
def test_real_petrarch_entries_that_cannot_be_coded_are_listed(
    path: Path, phrase: str, reason: str
) -> None:
    d = load_petrarch_actors(path)
    assert any(f": {phrase}: {reason}" in note for note in d.skipped)
    assert d.lookup(phrase) is None


@needs_shared
@pytest.mark.parametrize(
    ("path", "imported", "skipped"), [(PETRARCH2, 57, 71), (UDPETRARCH, 60, 73)]
)
def test_real_petrarch_import_counts(path: Path, imported: int, skipped: int) -> None:
    d = load_petrarch_actors(path)
    assert (len(d), len(d.skipped)) == (imported, skipped)


@needs_shared
def test_the_ud_petrarch_file_adds_its_own_entries() -> None:
    ud = load_petrarch_actors(UDPETRARCH)
    assert (ud.lookup("Putin").country, ud.lookup("Putin").sector) == ("RUS", "GOV")
    assert ud.lookup("Zurich").name == "Switzerland"
    assert ud.lookup("International Criminal Court").sector == "IGO"
    assert any(": NASGUL: null code [+++]" in n for n in ud.skipped)
    assert not any("NASGUL" in n for n in load_petrarch_actors(PETRARCH2).skipped)  # "#" line


DATED = [
    ("GOLLUM", date(1990, 1, 1), "HOB"),
    ("GOLLUM", date(1995, 6, 1), "HOB"),  # "< 950601" and "19950601 -" both hold: first wins
    ("GOLLUM", date(1995, 6, 2), "HOBGOV"),
    ("GOLLUM", date(1999, 8, 15), "HOBGOV"),
    ("GOLLUM", date(1999, 8, 16), "HOBREB"),
    ("GOLLUM", None, "HOBREB"),
    ("SAM GAMGEE", date(2007, 1, 1), "HOBCIV"),
    ("SAM GAMGEE", date(2009, 6, 1), "HOBMIL"),
    ("SAM GAMGEE", date(2010, 1, 10), "ORCHOB"),  # listed before the HOBMIL period
    ("SAM GAMGEE", date(2012, 12, 1), "HOBGOV"),
    ("SAM GAMGEE", date(2014, 1, 1), "HOBELI"),
    ("SAM GAMGEE", None, "HOB"),
    ("HAMFAST GAMGEE", date(2013, 1, 1), "HOBGOV"),
    ("HAMFAST GAMGEE", date(2015, 1, 1), "HOB"),
    ("ZIMBABWE", date(1975, 1, 1), "RHO"),
    ("ZIMBABWE", date(1990, 1, 1), "ZBW"),
    ("PRINCE OF DOL AMROTH", date(1990, 1, 1), "---"),
    ("PRINCE OF DOL AMROTH", date(2000, 1, 1), "DOL"),
    ("ONODOHER", date(1991, 12, 26), "ONO"),
    ("ONODOHER", date(1992, 1, 1), None),
]


@needs_shared
@BOTH_FILES
@pytest.mark.parametrize(("phrase", "at", "code"), DATED)
def test_real_date_restrictions_pick_the_code_of_the_day(
    path: Path, phrase: str, at: date | None, code: str | None
) -> None:
    records, _ = read_petrarch_records(path)
    (record,) = [r for r in records if r.phrase == phrase]
    assert record.code(at) == code


@needs_shared
@pytest.mark.parametrize(
    ("at", "note"),
    [
        (date(1997, 1, 1), ": GOLLUM: code [HOBGOV]"),
        (date(1990, 1, 1), ": PRINCE OF DOL AMROTH: null code [---]"),
        (date(2000, 1, 1), ": ONODOHER: no code valid on 2000-01-01"),
    ],
)
def test_importing_at_a_day_codes_dated_entries_for_that_day(at: date, note: str) -> None:
    assert any(note in n for n in load_petrarch_actors(PETRARCH2, at=at).skipped)


@needs_shared
def test_a_real_import_round_trips_through_yaml(tmp_path: Path) -> None:
    imported = load_petrarch_actors(UDPETRARCH)
    path = write(tmp_path, "imported.yaml", dump_yaml_dictionary(imported))
    assert [facts(e) for e in load_yaml_dictionary(path).entries] == [
        facts(e) for e in imported.entries
    ]


# -- PETRARCH: format details ---------------------------------------------------------------

OBAMA = """\
BARACK_OBAMA_  ; CountryInfo.txt
+PRESIDENT_OBAMA
\t[USAELI 19610804-20090119]
\t[USAGOV 20090120-20170120]
\t[USAELI >20170121]
"""


@pytest.mark.parametrize(
    ("at", "sector"),
    [
        (date(2000, 1, 1), "ELI"),
        (date(2012, 5, 1), "GOV"),
        (date(2020, 1, 1), "ELI"),
        (None, "ELI"),
    ],
)
def test_a_dated_person_is_coded_for_the_day(tmp_path: Path, at: date | None, sector: str) -> None:
    d = load_petrarch_actors(write(tmp_path, "obama.txt", OBAMA), at=at)
    assert facts(d.lookup("President Obama")) == (
        "Barack Obama",
        ("President Obama",),
        PERSON,
        "USA",
        sector,
        None,
    )


@pytest.mark.parametrize(
    ("restriction", "start", "end"),
    [
        ("[USAGOV 450703-470121]", date(1945, 7, 3), date(1947, 1, 21)),
        ("[USAGOV 300101-310101]", date(2030, 1, 1), date(1931, 1, 1)),  # ends before: dropped
        ("[USAGOV < 300101]", None, date(2030, 1, 1)),
        ("[USAGOV >310101]", date(1931, 1, 1), None),
        ("[USAGOV 19970101 - 20010101]", date(1997, 1, 1), date(2001, 1, 1)),
    ],
)
def test_six_digit_years_up_to_30_are_this_century(
    tmp_path: Path, restriction: str, start: date | None, end: date | None
) -> None:
    records, notes = read_petrarch_records(write(tmp_path, "a.txt", f"X_Y\n\t{restriction}\n"))
    if start and end and end < start:
        assert records[0].rules == () and "ends before it starts" in notes[0]
    else:
        assert (records[0].rules[0].start, records[0].rules[0].end) == (start, end)


QUIRKS = """\
<!-- header -->
<!-- a comment
HIDDEN [USA]
-->
NATO <!-- inline --> [IGO]   # trailing comment
+NORTH_ATLANTIC_TREATY_ORGANIZATION ; legacy comment
GOLDEN_GOOSE {GOLDEN_GEESE} [USABUS]
!PERSON! = MAN, MEN
CONGRESS!PERSON! [~LEG]
PARLIAMENTARY_OPPOSITION {} [~OPP]
SECURITY_SERVICE
\t[GBRSPY 2020-01-01]
\t[GBRSPY]
---STOP---
AFTER_STOP [USA]
"""


def test_comments_braces_agents_and_stop_are_handled(tmp_path: Path) -> None:
    path = write(tmp_path, "quirks.txt", QUIRKS)
    d = load_petrarch_actors(path)
    assert facts(d.lookup("North Atlantic Treaty Organization")) == (
        "NATO",
        ("North Atlantic Treaty Organization",),
        ORG,
        None,
        "IGO",
        None,
    )
    assert d.lookup("Golden Geese").name == "Golden Goose"
    assert facts(d.lookup("Security Service"))[2:5] == (ORG, "GBR", "SPY")
    assert d.lookup("Hidden") is None and d.lookup("After Stop") is None
    assert len(d) == 3
    reasons = [  # in line order
        ":8: !PERSON! = MAN, MEN: substitution-marker definitions",
        ":9: CONGRESS!PERSON!: !MARKER! substitution patterns",
        ":10: PARLIAMENTARY OPPOSITION: agent code [~OPP]",
        ":12: [GBRSPY 2020-01-01]: unreadable date '2020'",
    ]
    assert len(d.skipped) == len(reasons)
    for note, reason in zip(d.skipped, reasons, strict=True):
        assert note.startswith(f"{path}:") and reason in note


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("PRESIDENT_GEORGE_W._BUSH [USAGOV]", "George W. Bush"),
        ("AL-QAEDA [IMGMOSALQ]", "Al-Qaeda"),
        ("ABU_BAKR_AL-BAGHDADI [IMGMOS]", "Abu Bakr al-Baghdadi"),
        ("OSAMA_BIN_LADEN [IMGMOS]", "Osama bin Laden"),
        ("NATO [IGO]", "NATO"),
        ("MSF [NGO]", "MSF"),
        ("HAMAS [PSEREB]", "Hamas"),
        ("U.S._STATE_DEPARTMENT [USAGOV]", "U.S. State Department"),
        ("CONOR_O'BRIEN [IRLGOV]", "Conor O'Brien"),
        ("MCGONAGALL [GBREDU]", "McGonagall"),
        ("MINISTRY_OF_DEFENCE [GBRMIL]", "Ministry of Defence"),
        ("GROUP_OF_77 [IGO]", "Group of 77"),
        ("XI_JINPING [CHNGOV]", "Xi Jinping"),
        ("ITHILEN_GOVERNMENT_RADIO_ [USAMED]", "Ithilen Government Radio"),
    ],
)
def test_names_are_cased_for_display(tmp_path: Path, line: str, name: str) -> None:
    assert import_line(tmp_path, line).entries[0].name == name


@pytest.mark.parametrize(
    ("text", "kind", "role"),
    [
        ("PRESIDENT_GEORGE_W._BUSH [USAGOV]", PERSON, "President"),
        ("SECRETARY_OF_STATE_JOHN_KERRY [USAGOV]", PERSON, "Secretary of State"),
        ("GENERAL_ASSEMBLY [IGO]", ORG, None),  # one word after the title
        ("GENERAL_MOTORS [USABUS]", ORG, None),  # one word after the title
        ("GENERAL_ELECTRIC_COMPANY [USABUS]", ORG, None),
        ("PRIME_MINISTER_OF_ISRAEL [ISRGOV]", ORG, None),
        ("PUTIN [RUSGOV]", ORG, None),  # conservative: nothing says a surname is a person
        ("HAMFAST_GAMGEE [USA]\n\t[USAGOV 20121109-20130119]", PERSON, None),  # dated
        ("ISRAEL [ISR]", COUNTRY, None),
        ("ISRAELIS [ISR]", COUNTRY, None),
        ("EGYPTIAN [EGY]", COUNTRY, None),
        ("NORTH_KOREA [PRK]", COUNTRY, None),
        ("TUNIS [TUN]", GROUP, None),  # the capital is not the country
        ("KUWAIT_CITY [KWT]", GROUP, None),
        ("ARGENTIN [ARG]", GROUP, None),  # a TABARI stem is not a name
        ("GAZA_CITY [PSEGZA]", GROUP, None),
    ],
)
def test_kind_and_role_follow_code_title_and_dates(
    tmp_path: Path, text: str, kind: ActorKind, role: str | None
) -> None:
    (found,) = import_line(tmp_path, text).entries
    assert (found.kind, found.role) == (kind, role)


@pytest.mark.parametrize(
    ("code", "country", "sector"),
    [
        ("PSEREBHMS", "PSE", "REB"),
        ("PSEHMSGOV", "PSE", "GOV"),  # HMS names the group; the sector comes after
        ("ISRMIL", "ISR", "MIL"),
        ("pse", "PSE", None),
        ("XKXGOV", "XKX", "GOV"),
        ("IGOUNO", None, "IGO"),
        ("NGO", None, "NGO"),
        ("NGM", None, "NGO"),
        ("IMGMOSALQ", None, "REB"),
        ("MNC", None, "BUS"),
        ("UNO", None, "IGO"),
        ("UISMIL", None, "MIL"),
    ],
)
def test_codes_give_country_and_sector(
    tmp_path: Path, code: str, country: str | None, sector: str | None
) -> None:
    (found,) = import_line(tmp_path, f"SOME_ACTOR [{code}]").entries
    assert (found.country, found.sector) == (country, sector)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("---", "null code"),
        ("+++", "null code"),
        ("ELR/GAL", "compound code [ELR/GAL]"),
        ("~GOV", "agent code [~GOV]"),
        ("NGO~", "agent code [NGO~]"),
        ("HOB", "code [HOB]: HOB is neither an ISO 3166 country nor a CAMEO international code"),
        ("ROM", "code [ROM]: ROM is neither"),  # Romania's withdrawn code
    ],
)
def test_uncodable_entries_are_skipped_with_the_reason(
    tmp_path: Path, code: str, reason: str
) -> None:
    d = import_line(tmp_path, f"SOME_ACTOR [{code}]")
    assert len(d) == 0
    assert len(d.skipped) == 1 and f":1: SOME ACTOR: {reason}" in d.skipped[0]


def test_a_file_without_entries_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", "<!-- nothing here -->\n# nor here\n")
    with pytest.raises(ConfigError, match="no PETRARCH actor entries"):
        load_petrarch_actors(path)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.yaml", SAMPLE),
        ("a.yml", SAMPLE),
        ("A.YAML", SAMPLE),
        ("a.actors.txt", "HAMAS [PSEREB]\nISRAEL [ISR]\n"),
        ("actors", "HAMAS [PSEREB]\nISRAEL [ISR]\n"),
    ],
)
def test_load_dictionary_reads_by_suffix(tmp_path: Path, name: str, text: str) -> None:
    d = load_dictionary(write(tmp_path, name, text))
    assert d.lookup("Hamas").sector == "REB"


# -- default locations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "env", "expected"),
    [
        ((), {"HOME": "home"}, []),
        (
            ("xdg/storyline/actors.yaml", "env.yaml", "project/storyline-actors.yaml"),
            {"HOME": "home", "XDG_CONFIG_HOME": "xdg", "STORYLINE_ACTORS": "../env.yaml"},
            ["xdg/storyline/actors.yaml", "env.yaml", "project/storyline-actors.yaml"],
        ),
        (
            ("home/.config/storyline/actors.yaml",),
            {"HOME": "home"},
            ["home/.config/storyline/actors.yaml"],
        ),
        (  # XDG_CONFIG_HOME moves the user file: ~/.config is not read then
            ("home/.config/storyline/actors.yaml",),
            {"HOME": "home", "XDG_CONFIG_HOME": "xdg"},
            [],
        ),
        (  # a relative XDG_CONFIG_HOME is invalid and ignored (XDG spec)
            ("home/.config/storyline/actors.yaml",),
            {"HOME": "home", "XDG_CONFIG_HOME": "relative/xdg"},
            ["home/.config/storyline/actors.yaml"],
        ),
        (  # a relative STORYLINE_ACTORS is relative to the working folder
            ("project/mine.yaml",),
            {"STORYLINE_ACTORS": "mine.yaml"},
            ["project/mine.yaml"],
        ),
        (("home/mine.txt",), {"HOME": "home", "STORYLINE_ACTORS": "~/mine.txt"}, ["home/mine.txt"]),
        (
            ("project/storyline-actors.yaml",),
            {"STORYLINE_ACTORS": "gone.yaml"},
            ["project/storyline-actors.yaml"],
        ),
    ],
)
def test_default_dictionary_paths_lists_existing_files_lowest_precedence_first(
    tmp_path: Path, files: tuple[str, ...], env: dict[str, str], expected: list[str]
) -> None:
    for name in files:
        write(tmp_path, name, "actors: []\n")
    absolute = {
        k: v if k == "STORYLINE_ACTORS" or not v or v.startswith("relative") else str(tmp_path / v)
        for k, v in env.items()
    }
    project = tmp_path / "project"
    project.mkdir(exist_ok=True)
    found = default_dictionary_paths(project, absolute)
    assert [p.resolve() for p in found] == [(tmp_path / name).resolve() for name in expected]


def test_the_project_file_wins_over_env_and_user_files(tmp_path: Path) -> None:
    for name, role in [
        ("xdg/storyline/actors.yaml", "user"),
        ("env.yaml", "env"),
        ("project/storyline-actors.yaml", "project"),
    ]:
        write(
            tmp_path, name, f"actors:\n  - {{name: Antony Blinken, kind: person, role: {role}}}\n"
        )
    env = {"XDG_CONFIG_HOME": str(tmp_path / "xdg"), "STORYLINE_ACTORS": str(tmp_path / "env.yaml")}
    paths = default_dictionary_paths(tmp_path / "project", env)
    assert load_dictionaries(paths).lookup("Antony Blinken").role == "project"
    assert load_dictionaries(paths[:2]).lookup("Antony Blinken").role == "env"
