"""The event trigger lexicon (data/events.yaml) and the PLOVER facts (data/plover.yaml).

These tests read the YAML files only (no spaCy, no pipeline). Where the PLOVER data in
../shared is present, the types, scores and modes are compared with the ontology
extracted from the PLOVER 2.0 manual, and each trigger's CAMEO code with the
CAMEO->PLOVER table; without it those checks are skipped.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = resources.files("storyline.data")
SHARED = Path(__file__).resolve().parents[3] / "shared"
PLOVER_DIR = SHARED / "data" / "plover"
ONTOLOGY_JSON = PLOVER_DIR / "plover_ontology.json"
CAMEO_JSON = PLOVER_DIR / "cameo2plover.json"


def _words(text: str) -> list[str]:
    return text.split()


TYPES = _words(
    """AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST
    ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT"""
)
QUADS = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}
AUXILIARY_MODES = ["historical", "future", "hypothetical", "negation"]

# Argument slots the coder can read (storyline.events.frames).
PREPOSITION_SLOTS = frozenset(
    _words(
        "with between to on against for of from over at into about regarding toward towards among"
    )
)
BASE_SLOTS = PREPOSITION_SLOTS | {"dobj", "dative", "clause"}
SLOTS = BASE_SLOTS | {f"{slot}_owner" for slot in BASE_SLOTS} | {"none"}
PARTICLES = frozenset(_words("out down on off up back over for at together to against under about"))
FIELDS = frozenset(
    _words(
        "lemma pos type cameo mode particle objects needs targets reciprocal weak complement "
        "intransitive converse harming"
    )
)
REQUIRED = frozenset(_words("lemma pos type cameo targets"))
WORD = re.compile(r"[a-z]+")
CAMEO_CODE = re.compile(r"\d{2,4}")
MIN_PER_TYPE = 5

PLOVER: dict[str, Any] = yaml.safe_load(DATA.joinpath("plover.yaml").read_text("utf-8"))
TRIGGERS: list[dict[str, Any]] = yaml.safe_load(DATA.joinpath("events.yaml").read_text("utf-8"))[
    "triggers"
]
MODES = {name: set(t["modes"]) for name, t in PLOVER["types"].items()}
OVERRIDES: dict[str, str] = PLOVER.get("cameo_overrides") or {}


def _entry_id(entry: dict[str, Any]) -> str:
    parts = [str(entry.get("lemma")), str(entry.get("pos"))]
    if entry.get("particle"):
        parts.append(str(entry["particle"]))
    parts.append(str(entry.get("type")))
    if entry.get("objects"):
        parts.append(str(entry["objects"][0]))
    if entry.get("needs"):
        parts.append(str(entry["needs"][0]))
    return "-".join(parts)


ENTRIES = [pytest.param(entry, id=_entry_id(entry)) for entry in TRIGGERS]


def _cameo_table() -> dict[str, set[str]]:
    """CAMEO code -> PLOVER types in the CAMEO->PLOVER table (some codes appear twice)."""
    rows = json.loads(CAMEO_JSON.read_text("utf-8"))["rows"]
    table: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["plover_event"]:
            table[row["cameo"]].add(row["plover_event"])
    return table


needs_shared = pytest.mark.skipif(
    not (ONTOLOGY_JSON.is_file() and CAMEO_JSON.is_file()),
    reason=f"PLOVER data not found under {PLOVER_DIR}",
)


# -- plover.yaml ---------------------------------------------------------------------------


def test_plover_has_the_16_types_in_order() -> None:
    assert list(PLOVER["types"]) == TYPES


@pytest.mark.parametrize("name", TYPES)
def test_plover_type_has_quad_score_and_modes(name: str) -> None:
    kind = PLOVER["types"][name]
    assert kind["quad_code"] in QUADS
    assert kind["quad"] == QUADS[kind["quad_code"]]
    assert isinstance(kind["score"], int | float) and -10 <= kind["score"] <= 10
    modes = kind["modes"]
    assert isinstance(modes, list) and len(modes) == len(set(modes))
    assert all(isinstance(m, str) and m == m.lower() for m in modes)
    assert set(kind["mode_scores"]) <= set(modes)
    assert all(-10 <= s <= 10 for s in kind["mode_scores"].values())
    assert isinstance(kind["requires_recipient"], bool)


def test_plover_quad_categories_and_auxiliary_modes() -> None:
    assert PLOVER["quad_categories"] == QUADS
    assert PLOVER["auxiliary_modes"] == AUXILIARY_MODES


def test_plover_file_credits_the_manual_and_its_licence() -> None:
    header = DATA.joinpath("plover.yaml").read_text("utf-8").split("\n\n", 1)[0]
    assert "CC BY-SA 4.0" in header and "Open Event Data Alliance" in header
    assert "extend" in header.lower()


@needs_shared
@pytest.mark.parametrize("name", TYPES)
def test_plover_type_matches_the_manual(name: str) -> None:
    source = json.loads(ONTOLOGY_JSON.read_text("utf-8"))["event_types"][name]
    kind = PLOVER["types"][name]
    assert kind["quad_code"] == source["quad_code"]
    assert kind["quad"] == source["quad_category"].lower().replace(" ", "_")
    assert kind["score"] == source["score"]
    assert kind["modes"] == [m["name"] for m in source["modes"]]
    assert kind["mode_scores"] == {
        m["name"]: m["score"] for m in source["modes"] if m["score"] is not None
    }
    assert kind["requires_recipient"] == source["requires_recipient"]


@needs_shared
def test_plover_auxiliary_modes_match_the_manual() -> None:
    source = json.loads(ONTOLOGY_JSON.read_text("utf-8"))
    assert PLOVER["auxiliary_modes"] == source["auxiliary_modes"]


@needs_shared
@pytest.mark.parametrize("code", sorted(OVERRIDES))
def test_cameo_override_changes_a_code_of_the_table(code: str) -> None:
    table = _cameo_table()
    assert isinstance(code, str) and code in table
    assert OVERRIDES[code] in TYPES
    assert OVERRIDES[code] not in table[code], "not an override: the table agrees already"


# -- events.yaml: one entry at a time ------------------------------------------------------


@pytest.mark.parametrize("entry", ENTRIES)
def test_trigger_fields(entry: dict[str, Any]) -> None:
    assert set(entry) <= FIELDS, f"unknown fields {set(entry) - FIELDS}"
    assert set(entry) >= REQUIRED, f"missing fields {REQUIRED - set(entry)}"
    assert isinstance(entry["lemma"], str) and WORD.fullmatch(entry["lemma"])
    assert entry["pos"] in ("VERB", "NOUN", "ADJ")
    assert entry["type"] in TYPES
    # Quoted in the YAML: an unquoted "040" would load as the number 40.
    assert isinstance(entry["cameo"], str) and CAMEO_CODE.fullmatch(entry["cameo"])
    for flag in ("reciprocal", "weak"):
        assert entry.get(flag, True) is True, f"{flag}: write `true` or leave it out"


@pytest.mark.parametrize("entry", ENTRIES)
def test_trigger_mode_is_a_mode_of_its_type(entry: dict[str, Any]) -> None:
    if "mode" in entry:
        assert entry["mode"] in MODES[entry["type"]], (
            f"{entry['type']} has modes {sorted(MODES[entry['type']])}"
        )


@pytest.mark.parametrize("entry", ENTRIES)
def test_trigger_particle_objects_and_needs(entry: dict[str, Any]) -> None:
    if "particle" in entry:
        # An unquoted `on` or `off` loads as a boolean.
        assert entry["pos"] == "VERB" and isinstance(entry["particle"], str)
        assert entry["particle"] in PARTICLES
    if "objects" in entry:
        assert entry["pos"] in ("VERB", "ADJ"), (
            "objects are for verbs and adjectives; nouns use needs"
        )
    if "needs" in entry:
        assert entry["pos"] == "NOUN", "needs are for nouns; verbs use objects"
    for field in ("objects", "needs"):
        if field in entry:
            words = entry[field]
            assert isinstance(words, list) and words, f"{field}: a non-empty list"
            assert all(isinstance(w, str) and WORD.fullmatch(w) for w in words), words
            assert len(words) == len(set(words)), f"{field} repeats a word"


@pytest.mark.parametrize("entry", ENTRIES)
def test_trigger_targets(entry: dict[str, Any]) -> None:
    targets = entry["targets"]
    assert isinstance(targets, list) and targets
    assert all(isinstance(t, str) for t in targets), "quote on/off in targets"
    assert set(targets) <= SLOTS, f"unknown slots {set(targets) - SLOTS}"
    assert len(targets) == len(set(targets))
    if "none" in targets:
        assert targets[-1] == "none", "none comes last"
        assert not PLOVER["types"][entry["type"]]["requires_recipient"], (
            f"{entry['type']} requires a recipient"
        )
        assert not entry.get("weak"), "a weak trigger needs an actor on both sides"


@needs_shared
@pytest.mark.parametrize("entry", ENTRIES)
def test_trigger_cameo_maps_to_its_type(entry: dict[str, Any]) -> None:
    table = _cameo_table()
    code = entry["cameo"]
    assert code in table, f"CAMEO {code} is not in the CAMEO->PLOVER table"
    allowed = {OVERRIDES[code]} if code in OVERRIDES else table[code]
    assert entry["type"] in allowed, f"CAMEO {code} maps to {sorted(allowed)}"


# -- events.yaml: the whole list -----------------------------------------------------------


def test_no_duplicate_trigger() -> None:
    seen: dict[tuple, int] = {}
    for number, entry in enumerate(TRIGGERS):
        key = (
            entry["lemma"],
            entry["pos"],
            entry.get("particle"),
            tuple(sorted(entry.get("objects") or ())),
            tuple(sorted(entry.get("needs") or ())),
            bool(entry.get("complement")),
            bool(entry.get("harming")),
        )
        assert key not in seen, f"entries {seen[key]} and {number} are the same trigger"
        seen[key] = number


def test_triggers_sharing_a_lemma_do_not_overlap() -> None:
    """Same lemma, pos and particle: the objects lists (and the needs lists) are disjoint
    and at most one entry is the bare fallback, so a token matches one entry at most
    besides the fallback."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for entry in TRIGGERS:
        groups[(entry["lemma"], entry["pos"], entry.get("particle"))].append(entry)
    for key, entries in groups.items():
        bare = [
            e
            for e in entries
            if not e.get("objects")
            and not e.get("needs")
            and not e.get("complement")
            and not e.get("harming")
        ]
        assert len(bare) <= 1, f"{key}: {len(bare)} entries without objects or needs"
        for field in ("objects", "needs"):
            for a, b in combinations([e for e in entries if e.get(field)], 2):
                common = set(a[field]) & set(b[field])
                assert not common, f"{key}: {field} {sorted(common)} in two entries"


@pytest.mark.parametrize("name", TYPES)
def test_every_type_has_triggers(name: str) -> None:
    count = sum(entry["type"] == name for entry in TRIGGERS)
    assert count >= MIN_PER_TYPE, f"{name}: only {count} triggers"


def test_events_file_credits_its_sources_and_says_how_to_extend() -> None:
    header = DATA.joinpath("events.yaml").read_text("utf-8").split("\ntriggers:", 1)[0]
    assert "CC BY-SA 4.0" in header and "PLOVER" in header and "CAMEO" in header
    assert "extend" in header.lower()
