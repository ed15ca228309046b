"""The curated knowledge files in `storyline/data/` (titles, demonyms, capitals,
organisations, institutions, speech cues, country aliases), read with the line of every
key and item and checked against their schemas when they are loaded.

A file a user has edited badly fails at once with a one-line `ConfigError` naming the
file, the line and the reason (``titles.yaml:57: entry 'President': sector 'GOVT' is
not a CAMEO sector (GOV, MIL, ...)``), not somewhere deep in a stage. Each file has one
check, listed in `CHECKS`; `load` reads a package file and checks it, `check` does the
same for a text (the tests give it small broken files). Names are compared the way the
loaders compare them: word forms with `fold`, organisation and country names with
`name_key`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from functools import cache
from importlib import resources
from typing import NoReturn

import pycountry
import yaml

from storyline.actors.names import fold, name_key
from storyline.errors import ConfigError

# CAMEO-style actor sectors the curated files use (the files' headers list them).
SECTORS = tuple("GOV MIL LEG JUD COP SPY OPP REB MED IGO NGO CVL BUS EDU HLH REL".split())
# Kinds of office a title holds (the header of titles.yaml lists them).
FAMILIES = frozenset(
    """
    head_of_state head_of_government foreign_minister defence_minister minister
    deputy_minister diplomat envoy legislator military police intelligence judge
    prosecutor journalist spokesperson official rebel opposition party_leader
    religious business ngo igo_official monarch governor mayor source
    """.split()
)
# Codes outside ISO 3166-1 that storyline uses: Kosovo (as the EU and IMF), Soviet Union.
EXTRA_CODES = frozenset({"XKX", "SUN"})
_ORG_KINDS = ("org", "group")


class Located(dict):
    """A YAML mapping that remembers its own line and the line of each key."""

    __slots__ = ("_lines", "line")

    def __init__(self, line: int = 1) -> None:
        super().__init__()
        self.line = line
        self._lines: dict[Hashable, int] = {}

    def line_of(self, key: Hashable) -> int:
        """The line a key is written on (the mapping's own line for a missing key)."""
        return self._lines.get(key, self.line)


class LocatedList(list):
    """A YAML list that remembers its own line and the line of each item."""

    __slots__ = ("_lines", "line")

    def __init__(self, line: int = 1) -> None:
        super().__init__()
        self.line = line
        self._lines: list[int] = []

    def line_of(self, index: int) -> int:
        """The line an item is written on."""
        return self._lines[index] if 0 <= index < len(self._lines) else self.line


# -- reading -----------------------------------------------------------------------------


class _DuplicateKey(yaml.constructor.ConstructorError):
    """A mapping with the same key twice (YAML would silently keep the last)."""

    def __init__(self, key: object, first: int, mark: yaml.Mark) -> None:
        super().__init__(None, None, f"duplicate key {key!r}", mark)
        self.key, self.first, self.line = key, first, mark.line + 1


# libyaml's parser when PyYAML has it (several times faster); the nodes carry lines either way
_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    """A safe loader building `Located` mappings and `LocatedList` lists, refusing a
    mapping key written twice."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Iterator[Located]:
    data = Located(node.start_mark.line + 1)
    yield data
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be text or a number", key_node.start_mark
            )
        if key in data:
            raise _DuplicateKey(key, data.line_of(key), key_node.start_mark)
        data[key] = loader.construct_object(value_node)
        data._lines[key] = key_node.start_mark.line + 1


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> Iterator[LocatedList]:
    data = LocatedList(node.start_mark.line + 1)
    yield data
    data.extend(loader.construct_object(child) for child in node.value)
    data._lines = [child.start_mark.line + 1 for child in node.value]


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def read(name: str) -> Located:
    """A knowledge file of the package, parsed with its lines (not checked)."""
    try:
        text = resources.files("storyline.data").joinpath(name).read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{name}: knowledge file missing") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{name}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return parse(name, text)


def parse(name: str, text: str) -> Located:
    """The YAML text of a knowledge file as a `Located` mapping (ConfigError naming the
    line when it is not valid YAML, repeats a key or is not a mapping)."""
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except _DuplicateKey as exc:
        where = f"{name}:{exc.line}"
        raise ConfigError(
            f"{where}: duplicate key {exc.key!r} (first on line {exc.first})"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        last = max(1, len(text.splitlines()))  # a mark at the end of the stream
        line = min(mark.line + 1, last) if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{name}:{line}: invalid YAML: {reason}") from None
    if not isinstance(data, Located):
        raise ConfigError(f"{name}:1: expected a mapping of top-level keys")
    return data


def load(name: str) -> Located:
    """A knowledge file of the package, read and checked against its schema."""
    return CHECKS[name](name, read(name))


def check(name: str, text: str) -> Located:
    """The YAML text of the knowledge file `name`, parsed and checked against its schema."""
    return CHECKS[name](name, parse(name, text))


# -- the pieces of a schema --------------------------------------------------------------


@cache
def _iso_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_CODES


def _code_problem(code: object) -> str | None:
    if isinstance(code, str) and code in _iso_codes():
        return None
    return f"country {code!r} is not an ISO 3166 alpha-3 code (nor XKX, SUN)"


def _sector_problem(sector: object) -> str | None:
    if sector in SECTORS:
        return None
    return f"sector {sector!r} is not a CAMEO sector ({', '.join(SECTORS)})"


def _text_problem(value: object, *, lower: bool = False) -> str | None:
    """Why a value is not clean text (trimmed, single spaces; lower case if asked)."""
    if not isinstance(value, str) or not value:
        return f"{value!r} is not text"
    if value != value.strip() or "  " in value:
        return f"{value!r} has stray spaces"
    if lower and value != value.lower():
        return f"{value!r} is not lower case"
    return None


class _File:
    """The file being checked (its name, for messages) and the checks files share;
    `label` prefixes a reason with the entry it is about ("entry 'President': ")."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, line: int, reason: str) -> NoReturn:
        """Raise the one-line ConfigError: file, line, reason."""
        raise ConfigError(f"{self.name}:{line}: {reason}")

    def check(self, line: int, problem: str | None, label: str = "") -> None:
        """Fail on the line when there is a problem."""
        if problem:
            self.fail(line, f"{label}{problem}")

    def keys(
        self,
        data: Located,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
        label: str = "",
    ) -> None:
        """Every required key present and no key but the optional ones."""
        allowed, what = (*required, *optional), "key" if label else "top-level key"
        for key in data:
            if key not in allowed:
                self.fail(
                    data.line_of(key), f"{label}unknown {what} {key!r} ({', '.join(allowed)})"
                )
        for key in required:
            if key not in data:
                self.fail(data.line, f"{label}missing {what} {key!r}")

    def sequence(self, data: Located, key: str, label: str = "") -> LocatedList:
        """The list under a key (an empty one when the key is absent)."""
        value = data.get(key, LocatedList(data.line))
        if not isinstance(value, LocatedList):
            self.fail(data.line_of(key), f"{label}{key} must be a list, not {value!r}")
        return value

    def mapping(self, data: Located, key: str) -> Located:
        """The mapping under a key (an empty one when the key is absent)."""
        value = data.get(key, Located(data.line))
        if not isinstance(value, Located):
            self.fail(data.line_of(key), f"{key} must be a mapping, not {value!r}")
        return value

    def texts(self, data: Located, key: str, label: str = "", *, lower: bool) -> LocatedList:
        """A list of clean text (lower case if asked)."""
        items = self.sequence(data, key, label)
        for i, item in enumerate(items):
            self.check(items.line_of(i), _text_problem(item, lower=lower), f"{label}{key}: ")
        return items

    def words(self, data: Located, key: str, *, lower: bool = True) -> LocatedList:
        """A list of clean text, not empty if given, each entry once (after folding)."""
        items = self.texts(data, key, lower=lower)
        if key in data and not items:
            self.fail(data.line_of(key), f"{key} is empty")
        self.once(items, key)
        return items

    def once(self, items: LocatedList, label: str, first: dict[str, int] | None = None) -> None:
        """Each item once after folding (in `first` too, which it adds to)."""
        first = {} if first is None else first
        for i, item in enumerate(items):
            line = items.line_of(i)
            if (key := fold(item)) in first:
                self.fail(line, f"{label}: {item!r} is listed twice (first on line {first[key]})")
            first[key] = line

    def entries(self, items: LocatedList, label_key: str | None) -> Iterator[tuple[Located, str]]:
        """The mappings of a list of entries, each with its label for messages."""
        for i, entry in enumerate(items):
            label = f"entry {i + 1}: "
            if not isinstance(entry, Located):
                self.fail(items.line_of(i), f"{label}expected a mapping, not {entry!r}")
            if label_key is not None and isinstance(entry.get(label_key), str):
                label = f"entry {entry[label_key]!r}: "
            yield entry, label


class _Owners:
    """Which entry each name belongs to (compared by `key`), refusing one name for two."""

    def __init__(self, file: _File, key: Callable[[str], str]) -> None:
        self.file, self.key = file, key
        self.seen: dict[str, tuple[object, int, int | None]] = {}

    def claim(self, form: str, owner: object, line: int, what: str, entry: int | None = None):
        """Record that `form` belongs to `owner` (and to the entry numbered `entry`, when
        two entries may not share a name), or fail when another has it."""
        other = self.seen.setdefault(self.key(form), (owner, line, entry))
        if (other[0], other[2]) != (owner, entry):
            reason = f"{what} {form!r} already belongs to {other[0]!r} (line {other[1]})"
            self.file.fail(line, reason)


# -- one check per file ------------------------------------------------------------------


def check_titles(name: str, data: Located) -> Located:
    """titles.yaml: honorifics, and titles with role, forms, sector, family and an
    optional country and anonymous flag; no form under two titles."""
    file = _File(name)
    file.keys(data, ("titles",), ("honorifics",))
    file.words(data, "honorifics", lower=False)
    owners = _Owners(file, fold)
    for n, (entry, label) in enumerate(file.entries(file.sequence(data, "titles"), "role")):
        _check_title(file, entry, label)
        role = entry["role"]
        owners.claim(role, role, entry.line_of("role"), f"{label}role", n)
        for i, form in enumerate(entry["forms"]):
            owners.claim(form, role, entry["forms"].line_of(i), f"{label}form", n)
    return data


def _check_title(file: _File, entry: Located, label: str) -> None:
    required = ("role", "forms", "sector", "family")
    file.keys(entry, required, ("country", "anonymous"), label)
    file.check(entry.line_of("role"), _text_problem(entry["role"]), label)
    if not file.texts(entry, "forms", label, lower=True):
        file.fail(entry.line_of("forms"), f"{label}no forms")
    if (sector := entry["sector"]) is not None:
        file.check(entry.line_of("sector"), _sector_problem(sector), label)
    if entry["family"] not in FAMILIES:
        reason = f"family {entry['family']!r} is not one of the families the header lists"
        file.fail(entry.line_of("family"), f"{label}{reason}")
    if "country" in entry:
        file.check(entry.line_of("country"), _code_problem(entry["country"]), label)
    if not isinstance(entry.get("anonymous", False), bool):
        file.fail(entry.line_of("anonymous"), f"{label}anonymous must be true or false")


def check_demonyms(name: str, data: Located) -> Located:
    """demonyms.yaml: country code -> the forms naming its people; no form under two."""
    file = _File(name)
    file.keys(data, ("demonyms",))
    owners = _Owners(file, fold)
    demonyms = file.mapping(data, "demonyms")
    for code, forms in demonyms.items():
        file.check(demonyms.line_of(code), _code_problem(code))
        if not isinstance(forms, LocatedList):
            file.fail(demonyms.line_of(code), f"{code}: expected a list of forms, not {forms!r}")
        for i, form in enumerate(forms):
            file.check(forms.line_of(i), _text_problem(form), f"{code}: ")
            owners.claim(form, code, forms.line_of(i), f"{code}: demonym")
    return data


def check_capitals(name: str, data: Located) -> Located:
    """capitals.yaml: capitals (name -> country) and seats (name -> [country, sector]);
    no name for two countries."""
    file = _File(name)
    file.keys(data, ("capitals",), ("seats",))
    owners = _Owners(file, fold)
    capitals = file.mapping(data, "capitals")
    for place, code in capitals.items():
        line = capitals.line_of(place)
        file.check(line, _text_problem(place) or _code_problem(code), f"capital {place!r}: ")
        owners.claim(place, code, line, "capital")
    seats = file.mapping(data, "seats")
    for place, value in seats.items():
        line, label = seats.line_of(place), f"seat {place!r}: "
        file.check(line, _text_problem(place), label)
        if not (isinstance(value, list) and len(value) == 2):
            file.fail(line, f"{label}expected [country, sector], not {value!r}")
        file.check(line, _code_problem(value[0]) or _sector_problem(value[1]), label)
        owners.claim(place, value[0], line, "seat")
    return data


def check_places(demonyms: Located, capitals: Located) -> None:
    """Across demonyms.yaml and capitals.yaml (both checked): a name is one country's."""
    countries: dict[str, tuple[str, int]] = {}
    for code, forms in demonyms["demonyms"].items():
        for i, form in enumerate(forms):
            countries.setdefault(fold(form), (code, forms.line_of(i)))
    for key, what in (("capitals", "capital"), ("seats", "seat")):
        places = capitals.get(key, Located())
        for place, value in places.items():
            code = value if key == "capitals" else value[0]
            other = countries.get(fold(place))
            if other is not None and other[0] != code:
                reason = (
                    f"{what} {place!r} is {code}, but demonyms.yaml:{other[1]} makes it {other[0]}"
                )
                _File("capitals.yaml").fail(places.line_of(place), reason)


# organisations.yaml's word lists for unnamed armed people (actors/armed.py)
ARMED_KEYS = (
    "armed_nouns",
    "armed_people",
    "armed_marks",
    "armed_gear",
    "band_nouns",
    "soldier_nouns",
    "mutiny_marks",
    "mutineer_nouns",
)


def check_organisations(name: str, data: Located) -> Located:
    """organisations.yaml: organisations (name, aliases, kind, country, sector), each
    name and alias one organisation's; platforms that are no organisation; body words,
    heads that make no body, nouns for a body's members, and anaphors (noun -> sectors)."""
    file = _File(name)
    optional = (
        "platforms",
        "body_words",
        "not_body_heads",
        "member_nouns",
        "country_nouns",
        "anaphors",
        *ARMED_KEYS,
    )
    file.keys(data, ("organisations",), optional)
    owners = _Owners(file, name_key)
    entries = file.entries(file.sequence(data, "organisations"), "name")
    for n, (entry, label) in enumerate(entries):
        _check_organisation(file, entry, label)
        org = entry["name"]
        owners.claim(org, org, entry.line_of("name"), f"{label}name", n)
        for i, alias in enumerate(entry["aliases"]):
            owners.claim(alias, org, entry["aliases"].line_of(i), f"{label}alias", n)
    platforms = file.words(data, "platforms", lower=False)
    for i, platform in enumerate(platforms):
        if (org := owners.seen.get(name_key(platform))) is not None:
            reason = f"platforms: {platform!r} is the organisation {org[0]!r} (line {org[1]})"
            file.fail(platforms.line_of(i), reason)
    file.words(data, "body_words")
    file.words(data, "not_body_heads")
    file.words(data, "member_nouns")
    file.words(data, "country_nouns")
    for key in ARMED_KEYS:
        file.words(data, key)
    anaphors = file.mapping(data, "anaphors")
    for noun, sectors in anaphors.items():
        line, label = anaphors.line_of(noun), f"anaphors: {noun!r}: "
        file.check(line, _text_problem(noun, lower=True), "anaphors: ")
        if not (isinstance(sectors, list) and sectors):
            file.fail(line, f"{label}expected a list of sectors, not {sectors!r}")
        file.check(line, next(filter(None, map(_sector_problem, sectors)), None), label)
    return data


def _check_organisation(file: _File, entry: Located, label: str) -> None:
    file.keys(entry, ("name", "aliases", "kind", "country", "sector"), (), label)
    file.check(entry.line_of("name"), _text_problem(entry["name"]), label)
    file.texts(entry, "aliases", label, lower=False)
    if entry["kind"] not in _ORG_KINDS:
        reason = f"kind {entry['kind']!r} is not one of {', '.join(_ORG_KINDS)}"
        file.fail(entry.line_of("kind"), f"{label}{reason}")
    if (country := entry["country"]) is not None:
        file.check(entry.line_of("country"), _code_problem(country), label)
    file.check(entry.line_of("sector"), _sector_problem(entry["sector"]), label)


def check_institutions(name: str, data: Located) -> Located:
    """institutions.yaml: institution nouns (forms) and their sector; every form once."""
    file = _File(name)
    file.keys(data, ("institutions",))
    first: dict[str, int] = {}
    for entry, label in file.entries(file.sequence(data, "institutions"), None):
        file.keys(entry, ("forms", "sector"), (), label)
        file.check(entry.line_of("sector"), _sector_problem(entry["sector"]), label)
        forms = file.texts(entry, "forms", label, lower=True)
        if not forms:
            file.fail(entry.line_of("forms"), f"{label}no forms")
        file.once(forms, f"{label}forms", first)
    return data


def check_speech(name: str, data: Located) -> Located:
    """speech.yaml: lists of lower-case words, each word once; no cue verb is also
    listed as a verb that is not a cue."""
    file = _File(name)
    required = ("cue_verbs", "not_cues", "source_nouns", "according_to")
    file.keys(data, required, ("speech_acts",))
    cue_verbs, not_cues = (file.words(data, key) for key in ("cue_verbs", "not_cues"))
    for key in ("source_nouns", "according_to", "speech_acts"):
        file.words(data, key)
    cues = {fold(verb): cue_verbs.line_of(i) for i, verb in enumerate(cue_verbs)}
    for i, verb in enumerate(not_cues):
        if (line := cues.get(fold(verb))) is not None:
            file.fail(not_cues.line_of(i), f"not_cues: {verb!r} is a cue verb (line {line})")
    return data


def check_countries(name: str, data: Located) -> Located:
    """countries.yaml: aliases (name -> country), each name one country's, and display
    names (country -> name)."""
    file = _File(name)
    file.keys(data, ("aliases",), ("names",))
    owners = _Owners(file, name_key)
    aliases = file.mapping(data, "aliases")
    for alias, code in aliases.items():
        line = aliases.line_of(alias)
        file.check(line, _text_problem(alias) or _code_problem(code), f"alias {alias!r}: ")
        owners.claim(alias, code, line, "alias")
    names = file.mapping(data, "names")
    for code, display in names.items():
        file.check(names.line_of(code), _code_problem(code) or _text_problem(display), "names: ")
    return data


CHECKS: dict[str, Callable[[str, Located], Located]] = {
    "titles.yaml": check_titles,
    "demonyms.yaml": check_demonyms,
    "capitals.yaml": check_capitals,
    "organisations.yaml": check_organisations,
    "institutions.yaml": check_institutions,
    "speech.yaml": check_speech,
    "countries.yaml": check_countries,
}
