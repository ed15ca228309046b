"""User actor dictionaries: add or override actors in YAML; lookups, merging, loading.

YAML format (one file, one top-level key)::

    actors:
      - name: Antony Blinken
        aliases: [Tony Blinken, Secretary Blinken]
        kind: person            # person | org | country | group
        country: USA            # ISO 3166 alpha-3 (XKX, PSE, ...) or a country name
        sector: GOV             # three capital letters, CAMEO style
        role: Secretary of State

`name` and `kind` are required; `aliases`, `country`, `sector` and `role` are optional.
A country name ("United States") is converted with `CountryIndex`. A `country` entry
without a country takes it from its name. Any problem raises `ConfigError` naming the
file, the line and the entry number.

Lookups fold case, accents, dots and apostrophes ("U.S." = "US", "O’Brien" =
"O'Brien"), treat other punctuation as spaces and drop one leading "the"; they match
whole names and aliases only, never a part of one.

Precedence: within a dictionary and when merging, later entries win. An entry that
reuses an earlier entry's name replaces it and inherits its aliases (so a user file that
only sets Blinken's role keeps "Tony Blinken" working); an alias reused by a later entry
moves to that entry. `default_dictionary_paths` lists, lowest precedence first, the user
file ($XDG_CONFIG_HOME or ~/.config)/storyline/actors.yaml, then $STORYLINE_ACTORS, then
./storyline-actors.yaml, so `load_dictionaries` lets the project file win.

PETRARCH/TABARI actor files are read by `storyline.actors.petrarch`; `load_dictionary`
picks the reader by the file suffix.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from storyline.actors.countries import CountryIndex
from storyline.actors.names import name_key
from storyline.errors import ConfigError
from storyline.records import ActorKind

log = logging.getLogger(__name__)


_EXTRA_COUNTRIES = frozenset({"XKX", "PSE"})
_YAML_KEYS = ("name", "aliases", "kind", "country", "sector", "role")
_SECTOR_RE = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True, kw_only=True)
class DictionaryEntry:
    """One actor a user or an imported dictionary defines."""

    name: str
    aliases: tuple[str, ...]
    kind: ActorKind
    country: str | None
    sector: str | None
    role: str | None = None
    source: str = ""


def _keys(entry: DictionaryEntry) -> list[str]:
    keys = [name_key(entry.name)] + [name_key(a) for a in entry.aliases]
    return [k for k in dict.fromkeys(keys) if k]


class ActorDictionary:
    """Actors by name and alias; later entries win (see the module docstring)."""

    def __init__(
        self, entries: Iterable[DictionaryEntry] = (), *, skipped: Iterable[str] = ()
    ) -> None:
        alive: list[DictionaryEntry | None] = []
        where: dict[str, int] = {}
        for entry in entries:
            here = len(alive)
            alive.append(entry)
            for key in _keys(entry):
                old = where.get(key)
                if old is not None and old != here and key == name_key(alive[old].name):
                    alive[here] = _inherit(alive[here], alive[old], where, old, here)
                    alive[old] = None
                where[key] = here
        self._entries = tuple(e for e in alive if e is not None)
        self._index = {key: alive[i] for key, i in where.items()}
        self.skipped: tuple[str, ...] = tuple(skipped)

    @property
    def entries(self) -> tuple[DictionaryEntry, ...]:
        """The entries in force, in the order they were given."""
        return self._entries

    def longest_from(self) -> dict[str, int]:
        """For each first word of a name or alias of several words (its `name_key`), the
        number of words of the longest one."""
        out: dict[str, int] = {}
        for key in self._index:
            words = key.split()
            if len(words) > 1:
                out[words[0]] = max(out.get(words[0], 0), len(words))
        return out

    def lookup(self, text: str) -> DictionaryEntry | None:
        """The entry whose name or alias is this text, compared with `name_key`."""
        return self._index.get(name_key(text))

    def merged(self, other: ActorDictionary) -> ActorDictionary:
        """This dictionary with `other` on top: `other` wins on shared names and aliases."""
        return ActorDictionary(
            (*self._entries, *other.entries), skipped=(*self.skipped, *other.skipped)
        )

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[DictionaryEntry]:
        return iter(self._entries)

    def __repr__(self) -> str:
        return f"ActorDictionary({len(self)} entries, {len(self.skipped)} skipped)"


def _inherit(
    new: DictionaryEntry, old: DictionaryEntry, where: dict[str, int], at: int, here: int
) -> DictionaryEntry:
    """`new` replacing `old`: old's keys point to new, and new lists old's names too."""
    own = set(_keys(new))
    extra = []
    for form in (old.name, *old.aliases):
        key = name_key(form)
        if where.get(key) == at:
            where[key] = here
            if key not in own:
                own.add(key)
                extra.append(form)
    return dataclasses.replace(new, aliases=(*new.aliases, *extra)) if extra else new


# -- YAML ------------------------------------------------------------------------------


def load_yaml_dictionary(path: Path) -> ActorDictionary:
    """The actors of a YAML dictionary file; ConfigError names the file and the entry."""
    text = _read_text(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        last = max(1, len(text.splitlines()))  # a mark at the end of the stream
        where = f"{path}:{min(mark.line + 1, last)}" if mark is not None else str(path)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{where}: invalid YAML: {reason}") from exc
    if not isinstance(data, dict) or "actors" not in data:
        raise ConfigError(f"{path}: expected a mapping with an 'actors' list")
    if unknown := sorted(set(data) - {"actors"}, key=str):
        raise ConfigError(f"{path}: unknown top-level key {unknown[0]!r} (only 'actors')")
    items = data["actors"] or []
    if not isinstance(items, list):
        raise ConfigError(f"{path}: 'actors' must be a list of entries")
    lines = _item_lines(root)
    countries = CountryIndex.load()
    entries = []
    for number, item in enumerate(items, 1):
        line = lines[number - 1] if number <= len(lines) else None
        where = f"{path}:{line}: entry {number}" if line else f"{path}: entry {number}"
        entries.append(_yaml_entry(item, where, countries, str(path)))
    log.debug("%s: %d actors", path, len(entries))
    return ActorDictionary(entries)


def _item_lines(root: yaml.Node | None) -> list[int]:
    """The line of each item of the `actors` list, for messages."""
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "actors" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _yaml_entry(item: object, where: str, countries: CountryIndex, source: str) -> DictionaryEntry:
    if not isinstance(item, dict):
        raise ConfigError(f"{where}: expected a mapping with name, kind, country, ...")
    name = item.get("name")
    if name is None or (isinstance(name, str) and not name_key(name)):
        raise ConfigError(f"{where}: missing name")
    if not isinstance(name, str):
        raise ConfigError(f"{where}: name must be text, not {name!r}")
    where = f"{where} ({name})"
    if unknown := [k for k in item if k not in _YAML_KEYS]:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} ({', '.join(_YAML_KEYS)})")
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise ConfigError(f"{where}: aliases must be a list of names")
    kinds = ", ".join(k.value for k in ActorKind)
    raw_kind = item.get("kind")
    if raw_kind is None:
        raise ConfigError(f"{where}: missing kind ({kinds})")
    try:
        kind = ActorKind(raw_kind.strip().lower() if isinstance(raw_kind, str) else raw_kind)
    except ValueError:
        raise ConfigError(f"{where}: unknown kind {raw_kind!r} ({kinds})") from None
    role = item.get("role")
    if role is not None and not isinstance(role, str):
        raise ConfigError(f"{where}: role must be text, not {role!r}")
    country = _yaml_country(item.get("country"), name, kind, where, countries)
    sector = item.get("sector")
    if sector is not None and not (isinstance(sector, str) and _SECTOR_RE.fullmatch(sector)):
        raise ConfigError(f"{where}: sector {sector!r} is not 3 capital letters (GOV, MIL, ...)")
    return DictionaryEntry(
        name=name.strip(),
        aliases=tuple(a.strip() for a in aliases),
        kind=kind,
        country=country,
        sector=sector,
        role=role.strip() or None if role else None,
        source=source,
    )


def _yaml_country(
    value: object, name: str, kind: ActorKind, where: str, countries: CountryIndex
) -> str | None:
    if value is None:
        code = countries.code(name) if kind is ActorKind.COUNTRY else None
        if kind is ActorKind.COUNTRY and code is None:
            raise ConfigError(f"{where}: a country entry needs a country code")
        return code
    if not isinstance(value, str):
        raise ConfigError(f"{where}: bad country code {value!r}")
    if _is_country_code(value, countries):
        return value
    code = countries.code(value)
    if code is None:
        raise ConfigError(f"{where}: bad country code {value!r} (ISO 3166 alpha-3 or a name)")
    return code


def _is_country_code(code: str, countries: CountryIndex) -> bool:
    """ISO 3166 alpha-3 (pycountry), XKX/PSE, or a code the curated names know."""
    if not re.fullmatch(r"[A-Z]{3}", code):
        return False
    return code in _EXTRA_COUNTRIES or countries.name(code) != code


def dump_yaml_dictionary(dictionary: ActorDictionary) -> str:
    """The dictionary in the YAML format `load_yaml_dictionary` reads (for editing)."""
    actors = []
    for e in dictionary.entries:
        row: dict[str, object] = {"name": e.name}
        if e.aliases:
            row["aliases"] = list(e.aliases)
        row["kind"] = e.kind.value
        for field in ("country", "sector", "role"):
            if getattr(e, field):
                row[field] = getattr(e, field)
        actors.append(row)
    return yaml.safe_dump({"actors": actors}, sort_keys=False, allow_unicode=True, width=100)


# -- files and locations ---------------------------------------------------------------


def _read_text(path: Path) -> str:
    """A dictionary file's text (UTF-8, else Latin-1), or ConfigError naming it."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such actor dictionary file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a directory, not an actor dictionary file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # old TABARI files; every byte decodes


def load_dictionary(path: Path) -> ActorDictionary:
    """A dictionary file: .yaml/.yml as YAML, anything else as a PETRARCH actor file."""
    from storyline.actors.petrarch import load_petrarch_actors  # petrarch imports us

    path = Path(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        return load_yaml_dictionary(path)
    return load_petrarch_actors(path)


def load_dictionaries(paths: Sequence[Path]) -> ActorDictionary:
    """The files merged in order, each later one winning over the earlier ones."""
    merged = ActorDictionary()
    for path in paths:
        merged = merged.merged(load_dictionary(path))
    return merged


def default_dictionary_paths(cwd: Path, env: Mapping[str, str]) -> list[Path]:
    """Existing default dictionary files, lowest precedence first (user, env, project)."""
    candidates: list[Path] = []
    config_home = env.get("XDG_CONFIG_HOME", "")
    if config_home and Path(config_home).is_absolute():  # XDG: relative paths are invalid
        candidates.append(Path(config_home) / "storyline" / "actors.yaml")
    elif env.get("HOME"):
        candidates.append(Path(env["HOME"]) / ".config" / "storyline" / "actors.yaml")
    if explicit := env.get("STORYLINE_ACTORS", "").strip():
        if explicit == "~" or explicit.startswith("~/"):
            explicit = env.get("HOME", "~") + explicit[1:]
        candidates.append(Path(cwd) / explicit)  # an absolute path replaces cwd
    candidates.append(Path(cwd) / "storyline-actors.yaml")
    found: dict[Path, Path] = {}
    for path in candidates:
        if path.is_file():
            found.setdefault(path.resolve(), path)
    return list(found.values())
