"""The CAMEO verb dictionary: the converter (scripts/convert_cameo_verbs.py) on made-up
snippets in the CAMEO format, the checks of the loader (data/cameo_verbs.tsv), how a
row applies to a verb, and the fallback through the pipeline on sentences of our own."""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from storyline.errors import ConfigError
from storyline.events.lexicon import Lexicon
from storyline.events.verbs import COLUMNS, VerbDictionary, parse_after
from storyline.pipeline import Resources, process_article
from tests.conftest import make_article

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
CAMEO_TXT = SHARED / "phoenix_dictionaries" / "CAMEO.2.0.txt"
TABLE_JSON = SHARED / "plover" / "cameo2plover.json"
HEADER = "\t".join(COLUMNS)
MODES = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "phone"}),
    "ACCUSE": frozenset({"disapprove", "allege"}),
    "COERCE": frozenset({"arrest", "seize"}),
    "ASSAULT": frozenset({"abduct", "aerial"}),
    "AID": frozenset(),
    "SANCTION": frozenset({"expel"}),
}


@pytest.fixture(scope="module")
def converter() -> ModuleType:
    """scripts/convert_cameo_verbs.py imported as a module (scripts/ is not a package)."""
    path = ROOT / "scripts" / "convert_cameo_verbs.py"
    spec = importlib.util.spec_from_file_location("convert_cameo_verbs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def plover(converter: ModuleType):
    """A small CAMEO -> PLOVER table of our own, with one 2.0 override."""
    table = {
        "04": ("CONSULT", ""),
        "042": ("CONSULT", "visit"),
        "11": ("ACCUSE", ""),
        "111": ("ACCUSE", "disapprove"),
        "112": ("ACCUSE", "disapprove"),
        "166": ("SANCTION", "expel"),
        "17": ("COERCE", ""),
        "173": ("COERCE", "arrest"),
        "18": ("ASSAULT", ""),
        "181": ("ASSAULT", "abduct"),
        "07": ("AID", ""),
        "070": ("AID", ""),
        "116": ("ACCUSE", "disapprove"),
    }
    targets = {"ACCUSE": "dobj", "COERCE": "dobj_owner,dobj", "AID": "dative,to"}
    return converter.Plover(table, {"116": "SANCTION"}, MODES, targets)


SNIPPET = """\
# a made-up verb dictionary in the CAMEO format
####### SYNONYM SETS #######

&CAPTIVE
+HOSTAGE
+PRISONER_OF_WAR
+X-RAY

####### VERB PATTERNS #######

---  REBUKE   [111]  ---
SCOLD
UPBRAID   [112]   # its own code
+TELL_OFF {+TOLD_OFF +TELLS_OFF}
WIRE_+TAP
- * (FOR {LATE REPLY})                       [112]   # SCOLD
- * ENVOY                                   [111]   # SCOLD
- * ENVOY                                   [116]   # the later line wins
- MINISTER * ENVOY                          [173]   # words before the verb
- * $ (FOR DELAY)                           [173]   # an actor marker

---  DETAIN  [173]  ---
IMPRISON
SCOLD     # listed again: the first block keeps it
- * &CAPTIVE                                [181]
- * (TO)                                    [042:043]
- * (AT HEARING)                            [:173]
- * PRESS                                   [010]
- * NOTHING                                 [---]

---  IDLE  [---]  ---
LOITER
"""


def test_the_converter_keeps_verbs_patterns_and_codes(converter, plover) -> None:
    rows, report = converter.convert(SNIPPET, plover)

    kept = {(r[0], r[1], r[2]): (r[3], r[4], r[5], r[6]) for r in rows}
    assert kept == {
        ("scold", "", ""): ("111", "ACCUSE", "disapprove", "dobj"),
        ("scold", "", "(for {late reply})"): ("112", "ACCUSE", "disapprove", "dobj"),
        ("scold", "", "envoy"): ("116", "SANCTION", "", "dobj"),  # the 2.0 override
        ("upbraid", "", ""): ("112", "ACCUSE", "disapprove", "dobj"),
        ("upbraid", "", "(for {late reply})"): ("112", "ACCUSE", "disapprove", "dobj"),
        ("upbraid", "", "envoy"): ("116", "SANCTION", "", "dobj"),
        ("tell", "off", ""): ("111", "ACCUSE", "disapprove", "dobj"),
        ("tell", "off", "(for {late reply})"): ("112", "ACCUSE", "disapprove", "dobj"),
        ("tell", "off", "envoy"): ("116", "SANCTION", "", "dobj"),
        ("imprison", "", ""): ("173", "COERCE", "arrest", "dobj_owner,dobj"),
        ("imprison", "", "hostage|prisoner_of_war"): ("181", "ASSAULT", "abduct", "dobj"),
        ("imprison", "", "(to)"): ("042", "CONSULT", "visit", "dobj"),
    }
    assert rows == sorted(rows)
    assert report["multi-word verb with words before the verb"] == 1
    assert report["verb listed again in a later block (the first wins)"] == 1
    assert report["pattern skipped: pattern with words before the verb"] == 1
    assert report["pattern skipped: pattern with an actor marker ($ + ^ %)"] == 1
    assert report["pattern repeated in its block (the later line wins, as in PETRARCH-2)"] == 1
    assert report["verb-and-pattern row skipped: CAMEO 01x has no PLOVER type"] == 1
    assert report["verb-and-pattern row skipped: null code (---, or only a passive ':X' code)"] == 2
    assert report["verb's own code skipped: null code (---, or only a passive ':X' code)"] == 1
    assert report["synset members left out (not plain words: 'cease-fire', 'f-16')"] == 1


def test_each_row_names_the_line_of_its_code(converter, plover) -> None:
    rows, _ = converter.convert(SNIPPET, plover)
    lines = SNIPPET.splitlines()
    for row in rows:
        source = lines[int(row[7]) - 1]
        assert f"[{row[3]}" in source or (row[2] == "" and "[" not in source), row


@pytest.mark.parametrize(
    ("pattern", "after"),
    [
        ("* AID", "aid"),
        ("* {HUMANITARIAN AID}", "{humanitarian aid}"),
        ("* (FOR {FINANCIAL AID})", "(for {financial aid})"),
        ("* POLICE (TO BORDER)", "police (to border)"),
        ("* (TO)", "(to)"),
        ("* AIR_STRIKE", "{air strike}"),
        ("* {&CAPTIVE CAMP}", "{hostage|prisoner_of_war camp}"),
    ],
)
def test_a_pattern_after_the_verb_is_written_as_it_reads(converter, pattern, after) -> None:
    synsets = {"&CAPTIVE": [["hostage"], ["prisoner", "of", "war"]]}
    assert converter.expand(pattern, synsets) == after
    parse_after(after)  # and the loader reads it


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("TROOPS * ATTACK", "pattern with words before the verb"),
        ("* + (TO)", "pattern with an actor marker ($ + ^ %)"),
        ("* (BY/WITH SANCTIONS)", "prepositional phrase without a preposition"),
        ("* SIT-IN", "pattern with a hyphenated word"),
        ("* &NOWHERE", "pattern with an undefined synset"),
        ("* (FOR AID", "unbalanced '('"),
    ],
)
def test_a_pattern_the_file_cannot_say_is_skipped_with_its_reason(converter, pattern, reason):
    with pytest.raises(converter.Unexpressible, match=re.escape(reason)):
        converter.expand(pattern, {})


@pytest.mark.parametrize(
    ("code", "mapped"),
    [
        ("111", ("ACCUSE", "disapprove")),
        ("1113", ("ACCUSE", "disapprove")),  # by its longest known prefix
        ("174", ("COERCE", "")),  # by the 2-digit root
        ("116", ("SANCTION", "")),  # overridden; the table's ACCUSE mode is not SANCTION's
        ("020", None),
    ],
)
def test_codes_map_to_plover_by_their_longest_prefix(plover, code, mapped) -> None:
    assert plover.of(code) == mapped


def test_recipient_slots_are_the_choice_events_yaml_makes_most_often(converter) -> None:
    triggers = [
        {"lemma": "a", "pos": "VERB", "type": "AID", "targets": ["to"]},
        {"lemma": "b", "pos": "VERB", "type": "AID", "targets": ["dative", "to"]},
        {"lemma": "c", "pos": "VERB", "type": "AID", "targets": ["dative", "to"]},
        {"lemma": "d", "pos": "NOUN", "type": "AID", "targets": ["to"]},
        {"lemma": "e", "pos": "NOUN", "type": "AID", "targets": ["to"]},
        {"lemma": "f", "pos": "VERB", "type": "ACCUSE", "targets": ["dobj"]},
        {"lemma": "g", "pos": "VERB", "type": "ACCUSE", "targets": ["against"]},
    ]
    assert converter._targets_by_type(triggers) == {"AID": "dative,to", "ACCUSE": "dobj"}


def test_the_written_file_carries_the_licences_and_loads(converter, plover, tmp_path) -> None:
    rows, _ = converter.convert(SNIPPET, plover)
    out = tmp_path / "verbs.tsv"
    converter.write(rows, out)
    header = out.read_text("utf-8").split(HEADER)[0]
    assert "The MIT License (MIT)" in header and "Open Event Data Alliance" in header
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in header
    assert "petrarch2/data/dictionaries/CAMEO.2.0.txt" in header
    assert "CC BY-SA 4.0" in header and "Creative Commons Attribution-ShareAlike" in header

    verbs = VerbDictionary.from_file(out, MODES)
    assert len(verbs) == len(rows)
    assert verbs.plover("173") == ("COERCE", "arrest")


@pytest.mark.slow  # the whole conversion: about 1 s
@pytest.mark.skipif(
    not (CAMEO_TXT.is_file() and TABLE_JSON.is_file()), reason="../shared data not found"
)
def test_the_package_file_is_the_conversion_of_the_cameo_dictionary(converter) -> None:
    plover = converter.Plover.read(TABLE_JSON, converter.DATA)
    rows, report = converter.convert(CAMEO_TXT.read_text("utf-8"), plover)
    package = ROOT / "src" / "storyline" / "data" / "cameo_verbs.tsv"
    body = package.read_text("utf-8").split(HEADER + "\n", 1)[1]
    assert body == "".join("\t".join(r) + "\n" for r in rows), "run the converter again"
    assert report["verbs with a row"] > 1500


# -- the loader ------------------------------------------------------------------------------


GOOD = "scold\t\t\t111\tACCUSE\tdisapprove\tdobj\t7"


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        (["scold\t\t111\tACCUSE\tdisapprove\tdobj\t7"], "2: expected 8 tab-separated cells"),
        (["Scold\t\t\t111\tACCUSE\t\tdobj\t7"], "2: lemma 'Scold' is not one lower-case word"),
        (["tell\toff now\t\t111\tACCUSE\t\tdobj\t7"], "2: particle 'off now' is not one"),
        ([GOOD, GOOD], "3: repeats the row of line 2"),
        (["scold\t\t\t11a\tACCUSE\t\tdobj\t7"], "2: cameo '11a' is not a CAMEO code"),
        (["scold\t\t\t111\tBLAME\t\tdobj\t7"], "2: plover 'BLAME' is not a PLOVER type"),
        (["scold\t\t\t111\tACCUSE\tarrest\tdobj\t7"], "2: mode 'arrest' is not a mode of ACCUSE"),
        (
            [GOOD, "chide\t\t\t111\tCOERCE\t\tdobj\t9"],
            "3: cameo 111 is mapped otherwise on line 2",
        ),
        (["scold\t\t\t111\tACCUSE\t\tdobj,beside\t7"], "2: targets 'dobj,beside': unknown slot"),
        (["scold\t\tenvoy (for\t111\tACCUSE\t\tdobj\t7"], "2: after 'envoy (for': pieces must"),
        (["scold\t\t{envoy}\t111\tACCUSE\t\tdobj\t7"], "2: after '{envoy}': {...} needs words"),
        (["scold\t\tEnvoy\t111\tACCUSE\t\tdobj\t7"], "2: after 'Envoy': 'Envoy' is not a"),
        (["scold\t\t\t111\tACCUSE\t\tdobj\tline7"], "2: source 'line7' is not a line number"),
    ],
    ids=[
        "cells",
        "lemma",
        "particle",
        "repeated",
        "cameo",
        "plover",
        "mode",
        "mapping",
        "targets",
        "after",
        "braces",
        "case",
        "source",
    ],
)
def test_a_bad_row_is_a_one_line_error_naming_file_and_line(rows, reason) -> None:
    text = "\n".join([HEADER, *rows]) + "\n"
    with pytest.raises(ConfigError) as caught:
        VerbDictionary.parse(text, MODES)
    assert str(caught.value).startswith(f"cameo_verbs.tsv:{reason}")
    assert "\n" not in str(caught.value)


def test_the_header_row_is_checked() -> None:
    with pytest.raises(ConfigError, match=r"cameo_verbs.tsv:2: header must be the columns"):
        VerbDictionary.parse("# comment\nlemma\tcameo\n", MODES)
    with pytest.raises(ConfigError, match=r"cameo_verbs.tsv: no header row"):
        VerbDictionary.parse("# only comments\n", MODES)


def test_an_edited_copy_is_named_by_its_file(tmp_path) -> None:
    path = tmp_path / "my_verbs.tsv"
    path.write_text(f"{HEADER}\nscold\t\t\t111\tACCUSE\t\tdobj\tseven\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^my_verbs.tsv:2: source 'seven'"):
        VerbDictionary.from_file(path, MODES)


def test_the_package_file_loads_with_its_cameo_to_plover_mapping() -> None:
    verbs = VerbDictionary.load()
    assert len(verbs) > 30_000
    assert verbs.plover("190") == ("ASSAULT", None)
    assert verbs.plover("0841") == ("RETREAT", "release")
    assert verbs.plover("163") == ("SANCTION", None)  # the 2.0 override of plover.yaml
    assert verbs.plover("1734") == verbs.plover("173") == ("COERCE", "arrest")
    assert verbs.plover("020") is None  # CAMEO appeals have no PLOVER type in the table


# -- how a row applies to a verb ---------------------------------------------------------------

OWN = f"""{HEADER}
patrol\t\t\t190\tASSAULT\t\tdobj\t1
patrol\t\t(to)\t042\tCONSULT\tvisit\tto\t2
patrol\t\tborder\t173\tCOERCE\tarrest\tdobj\t3
patrol\t\t{{northern border}}\t181\tASSAULT\tabduct\tdobj\t4
patrol\t\ttruck|lorry (to)\t070\tAID\t\tto\t5
stage\t\traid\t1711\tCOERCE\tseize\tdobj\t6
scold\t\tenvoy (for delay)\t111\tACCUSE\tdisapprove\tdobj\t7
scold\t\t\t112\tACCUSE\tdisapprove\tdobj\t8
round\tup\t\t173\tCOERCE\tarrest\tdobj\t9
round\t\t\t042\tCONSULT\tvisit\tdobj\t10
"""


@pytest.fixture(scope="module")
def own() -> VerbDictionary:
    return VerbDictionary.parse(OWN, MODES)


def _verb(resources: Resources, text: str, word: str):
    doc = resources.nlp(text)
    return next(t for t in doc if t.lower_ == word)


@pytest.mark.parametrize(
    ("text", "word", "cameo"),
    [
        ("The guards patrolled the village at night.", "patrolled", "190"),
        ("The guards patrolled to the village at night.", "patrolled", "042"),
        ("The guards patrolled the border at night.", "patrolled", "173"),
        ("The guards patrolled the northern border at night.", "patrolled", "181"),
        ("The guards patrolled the trucks to the port.", "patrolled", "070"),
        ("The militia staged a raid on the depot.", "staged", "1711"),  # lemma "stag"
        ("The minister scolded the envoy for the delay.", "scolded", "111"),
        ("The minister scolded the envoy.", "scolded", "112"),
        ("The police rounded up forty traders.", "rounded", "173"),
        ("The minister rounded the corner.", "rounded", "042"),
        ("The minister staged nothing.", "staged", None),
    ],
    ids=[
        "own-code",
        "preposition",
        "noun",
        "words-before-noun",
        "alternatives-and-phrase",
        "lemma-slip",
        "noun-and-phrase",
        "without-the-phrase",
        "particle",
        "bare-verb",
        "no-row-applies",
    ],
)
def test_the_most_specific_row_that_applies_codes_the_verb(resources, own, text, word, cameo):
    found = own.triggers_for(_verb(resources, text, word))
    assert [t.cameo for t in found] == ([cameo] if cameo else [])


def test_a_phrasal_use_the_file_does_not_list_is_not_the_bare_verb(resources, own) -> None:
    assert own.triggers_for(_verb(resources, "The mayor rounded off the evening.", "rounded")) == []


def test_a_trigger_carries_type_mode_objects_and_slots(resources, own) -> None:
    (trigger,) = own.triggers_for(_verb(resources, "They patrolled the border.", "patrolled"))
    assert (trigger.lemma, trigger.pos, trigger.type, trigger.mode) == (
        "patrol",
        "VERB",
        "COERCE",
        "arrest",
    )
    assert trigger.objects == frozenset({"border"}) and trigger.targets == ("dobj",)


# -- the fallback through the pipeline ---------------------------------------------------------


@pytest.fixture(scope="module")
def curated_only(resources: Resources) -> Resources:
    """The pipeline with the curated trigger lexicon alone."""
    return replace(resources, lexicon=Lexicon.load(verbs=False))


def _dyads(resources: Resources, text: str) -> set[tuple[str, str | None, str | None, str]]:
    events = process_article(make_article(text), resources).events
    return {(e.type, e.mode, e.source.country, t.country or "-") for e in events for t in e.targets}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kazakh foreign minister reprimanded the Kyrgyz ambassador.",
            ("ACCUSE", "disapprove", "KAZ", "KGZ"),
        ),
        (
            "The Laotian authorities banished three Vietnamese monks.",
            ("COERCE", "deport", "LAO", "VNM"),
        ),
        ("Ugandan soldiers butchered Congolese villagers.", ("ASSAULT", None, "UGA", "COD")),
    ],
    ids=["reprimand", "banish", "butcher"],
)
def test_a_verb_only_the_cameo_dictionary_knows_codes_its_plover_type(
    curated_only, resources, text, expected
) -> None:
    assert _dyads(resources, text) == {expected}
    assert _dyads(curated_only, text) == set()  # the fallback is what codes it


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ethiopian officials held the Eritrean army responsible for the shelling.",
            ("ACCUSE", "disapprove", "ETH", "ERI"),
        ),
        (
            "Rebels in Mali held three Algerian engineers captive for a month.",
            ("ASSAULT", "abduct", "MLI", "DZA"),
        ),
        (
            "Cuban police put two Mexican activists on trial in Havana.",
            ("COERCE", "arrest", "CUB", "MEX"),
        ),
    ],
    ids=["hold-responsible", "hold-captive", "put-on-trial"],
)
def test_a_pattern_picks_the_code_from_the_words_after_the_verb(resources, text, expected):
    assert _dyads(resources, text) == {expected}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Kazakh foreign minister reprimanded his staff.",  # no one named to receive it
        "Two Chilean officials died in Bolivia last week.",  # a general code: 190
        "The Estonian delegation went to Latvia.",  # a general code: 040
    ],
    ids=["no-named-recipient", "general-code-die", "general-code-go"],
)
def test_the_fallback_needs_both_sides_named_and_a_specific_code(resources, text) -> None:
    assert _dyads(resources, text) == set()


@pytest.mark.slow
def test_the_curated_lexicon_comes_first(curated_only, resources) -> None:
    text = "The Egyptian army stormed a Libyan militia camp."
    assert (
        _dyads(resources, text) == _dyads(curated_only, text) == {("ASSAULT", None, "EGY", "LBY")}
    )
