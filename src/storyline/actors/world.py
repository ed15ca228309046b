"""World knowledge from the Phoenix / PETRARCH-2 dictionaries: people, organisations,
armed groups, agent nouns and country names, read from `storyline/data/world/*.tsv`.

The files are made by `scripts/convert_phoenix.py` (MIT, Copyright (c) 2014 Open Event
Data Alliance; see their headers). `World.load()` reads and checks every row (a bad
one raises `ConfigError` naming file, line and reason) and is built once per process
and passed down; nothing loads at import time.

Lookups compare `name_key` of the whole text with whole names and listed aliases, never
a part of a name. Keys of two letters or fewer, and one-word keys that are English
common words, are never matched. A key several entries share answers only when they
all agree (for people: on the day asked), otherwise it is unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from storyline.actors.names import fold, name_key
from storyline.errors import ConfigError
from storyline.records import ActorKind


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FILES = {
    "people": "people.tsv",
    "organisations": "organisations.tsv",
    "groups": "groups.tsv",
    "agents": "agents.tsv",
    "countries": "countries.tsv",
}
_ACTOR_HEADER = "name\taliases\tcodes\torigin"
HEADERS = {
    "people": _ACTOR_HEADER,
    "organisations": _ACTOR_HEADER,
    "groups": _ACTOR_HEADER,
    "agents": "form\tsectors\tinternational",
    "countries": "country\tnames\tadjectives\tcapital\tcities\tregions\tother\torigin",
}
# CAMEO actor sectors (PETRARCH's set: IGO, NGO and MNC included).
SECTORS = _words(
    "COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI "
    "LAB LEG MED REF MOD RAD SET IGO NGO MNC"
)
# CAMEO religion codes (agent nouns such as "imam" or "bishop" carry them).
RELIGIONS = _words(
    "ADR ALE ATH BAH BUD CHR CON CPT CTH DOX HIN ITR JAN JEW JHW MOS MUS ORT PRO REL SFI "
    "SHI SHN SIK SUN TAO UDR ZRO"
)
_KINDS = {"people": ActorKind.PERSON, "organisations": ActorKind.ORG, "groups": ActorKind.GROUP}

Rule = tuple[str | None, str | None, date | None, date | None]  # country, sector, start, end
Entry = tuple[str, ActorKind, tuple[Rule, ...], str, int]  # name, kind, rules, file, line
Index = dict[str, "int | tuple[int, ...]"]


@dataclass(frozen=True, slots=True, kw_only=True)
class WorldActor:
    """A person, organisation or armed group the dictionaries know."""

    name: str  # display name ("Benjamin Netanyahu", "Al-Shabaab")
    kind: ActorKind
    country: str | None  # ISO alpha-3
    sector: str | None  # CAMEO sector valid on the day asked (GOV, ELI, REB, IGO, ...)
    source: str  # "people.tsv:1234"
    # Whether the code is known to hold that day: a dated code for it, or a day within
    # the dictionaries' years. An undated code after them (an opposition leader since
    # become prime minister) may be stale: its country holds, its sector may not.
    current: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Agent:
    """An agent noun's CAMEO codes ("police" -> COP; "official media" -> GOV, MED)."""

    sector: str  # primary sector
    sectors: tuple[str, ...]  # all of them, in order
    international: bool  # coded IGO~-style: the code goes before the actor's


class World:
    """Lookups over the converted dictionaries; build with `load()` or `from_dir()`."""

    def __init__(self, read: Callable[[str], str]) -> None:
        check = _Checker()
        self._entries: list[Entry] = []
        self._people: Index = {}
        self._bodies: Index = {}
        for what in ("people", "organisations", "groups"):
            index = self._people if what == "people" else self._bodies
            self._read_actors(what, read(FILES[what]), index, check)
        self._agents: dict[tuple[str, ...], Agent | None] = {}
        self._read_agents(read(FILES["agents"]), check)
        self._agent_longest = max(map(len, self._agents), default=0)
        # the longest body name of several words starting with each word
        self._body_starts: dict[str, int] = {}
        for key in self._bodies:
            words = key.split()
            if len(words) > 1:
                self._body_starts[words[0]] = max(self._body_starts.get(words[0], 0), len(words))
        # the last day any code mentions: the dictionaries' years end there
        self.vintage = max(
            (d for e in self._entries for r in e[2] for d in r[2:] if d is not None),
            default=date.min,
        )
        self._countries: dict[str, str | None] = {}
        self._places: dict[str, tuple[str, bool] | None] = {}
        self._read_countries(read(FILES["countries"]), check)

    @classmethod
    def load(cls) -> World:
        """The package's knowledge files, checked."""
        folder = resources.files("storyline.data").joinpath("world")
        return cls(lambda name: _read(name, folder.joinpath(name).read_text))

    @classmethod
    def from_dir(cls, path: Path) -> World:
        """The knowledge files in a folder, checked (for tests and edited copies)."""
        return cls(lambda name: _read(name, (Path(path) / name).read_text))

    # -- lookups -------------------------------------------------------------------------

    def person(self, text: str, on: date | None = None) -> WorldActor | None:
        """A person by full name or listed alias, coded as on `on` (PETRARCH's rule: the
        first dated code valid that day, else the undated one; with no day, the undated
        one, else the one reaching latest). None when unknown or ambiguous; a known
        person with no code valid that day has no country and no sector."""
        return self._actor(self._people, text, on)

    def person_names(self) -> list[str]:
        """Every person's name and alias as a lookup key (for spelling variants)."""
        return list(self._people)

    def body(self, text: str) -> WorldActor | None:
        """An organisation or armed group by name or listed alias/abbreviation."""
        return self._actor(self._bodies, text, None)

    def longest_body_from(self, word: str) -> int:
        """How many words the longest body name of several words starting with this
        word (its `name_key`) has; 0 for none."""
        return self._body_starts.get(word, 0)

    def body_at(self, keys: Sequence[str], i: int) -> tuple[WorldActor, int] | None:
        """The longest organisation or group name starting at word i of a text's words
        (each word's `name_key`), and how many words it spans: for names the NER
        misses ("the Shining Path"). Names of one word are left to the caller."""
        first = self._body_starts.get(keys[i]) if i < len(keys) else None
        for n in range(min(first or 0, len(keys) - i), 1, -1):
            found = self.body(" ".join(keys[i : i + n]))
            if found is not None:
                return found, n
        return None

    def agent_at(self, words: Sequence[str], i: int) -> tuple[Agent, int] | None:
        """The longest agent noun starting at folded word i (singular or plural), and how
        many words it spans: ["police", "officers"] at 0 -> (COP, 2). An ambiguous
        longest form is unknown."""
        for n in range(min(self._agent_longest, len(words) - i), 0, -1):
            key = tuple(words[i : i + n])
            if key in self._agents:
                agent = self._agents[key]
                return None if agent is None else (agent, n)
        return None

    def country(self, text: str) -> str | None:
        """A country name or adjective Phoenix lists ("Hayastan", "Armenian") -> ISO alpha-3."""
        return self._countries.get(name_key(text))

    def place(self, text: str) -> tuple[str, bool] | None:
        """A city the country entries list -> (country, is_capital)."""
        return self._places.get(name_key(text))

    def _actor(self, index: Index, text: str, on: date | None) -> WorldActor | None:
        found = index.get(name_key(text))
        if found is None:
            return None
        ids = (found,) if isinstance(found, int) else found
        actors = {self._coded(self._entries[i], on) for i in ids}
        if len({(a.name, a.kind, a.country, a.sector) for a in actors}) != 1:
            newest = self._newest(ids, on)
            return None if newest is None else self._coded(self._entries[newest], on)
        return min(actors, key=lambda a: a.source)

    def _newest(self, ids: Sequence[int], on: date | None) -> int | None:
        """Of entries sharing a key that disagree on the day, the one whose office that
        day began last, when every one of them holds a dated office that day: a leader
        listed under an old state and again under a new one ("Sudan's vice-president"
        since 2005, then "South Sudan's president" since 2011), or a father and son both
        listed, the son in office since later. None when any of them holds no dated
        office that day, or two began on the same day."""
        if on is None:
            return None
        starts: list[tuple[date, int]] = []
        for i in ids:
            began = [a or date.min for _, _, a, b in self._entries[i][2] if _holds(a, b, on)]
            if not began:
                return None
            starts.append((max(began), i))
        starts.sort(reverse=True)
        return starts[0][1] if starts[0][0] > starts[1][0] else None

    def _coded(self, entry: Entry, on: date | None) -> WorldActor:
        name, kind, rules, file, line = entry
        country, sector = _code(rules, on) or (None, None)
        current = (
            on is None
            or on <= self.vintage
            or any(
                (a or b) and (a is None or on >= a) and (b is None or on <= b)
                for _, _, a, b in rules
            )
        )
        return WorldActor(
            name=name,
            kind=kind,
            country=country,
            sector=sector,
            source=f"{file}:{line}",
            current=current,
        )

    # -- reading -------------------------------------------------------------------------

    def _read_actors(self, what: str, text: str, index: Index, check: _Checker) -> None:
        file, kind = FILES[what], _KINDS[what]
        for line, (name, aliases, codes, _origin) in _rows(text, what):
            where = f"{file}:{line}"
            check.name(name, where)
            rules = check.codes(codes, where)
            entry_id = len(self._entries)
            self._entries.append((name, kind, rules, file, line))
            for form in [name, *check.forms(aliases, where)]:
                key = name_key(form)
                if check.usable(key):
                    _add(index, key, entry_id)

    def _read_agents(self, text: str, check: _Checker) -> None:
        known: dict[tuple[tuple[str, ...], bool], Agent] = {}
        for line, (form, sectors, international) in _rows(text, "agents"):
            where = f"{FILES['agents']}:{line}"
            check.name(form, where)
            codes = check.agent_sectors(sectors, where)
            if international not in ("", "yes"):
                raise ConfigError(f"{where}: bad international flag {international!r}")
            value = (codes, international == "yes")
            if value not in known:
                known[value] = Agent(sector=codes[0], sectors=codes, international=value[1])
            agent = known[value]
            words = fold(form).split()
            split = " ".join(words).replace("-", " - ").split()
            for key in {tuple(words), tuple(split)}:
                self._agents[key] = _agreed(self._agents, key, agent)

    def _read_countries(self, text: str, check: _Checker) -> None:
        for line, cells in _rows(text, "countries"):
            code, names, adjectives, capital, cities = cells[:5]
            where = f"{FILES['countries']}:{line}"
            if code not in check.iso:
                raise ConfigError(f"{where}: bad country code {code!r}")
            check.name(names, where)
            for form in [*check.forms(names, where), *check.forms(adjectives, where)]:
                _settle(self._countries, name_key(form), code, check)
            for form in check.forms(capital, where):
                _settle(self._places, name_key(form), (code, True), check)
            for form in check.forms(cities, where):
                _settle(self._places, name_key(form), (code, False), check)


class _Checker:
    """Row checks (one-line ConfigError naming file:line and reason) and the common
    words that are never matched."""

    def __init__(self) -> None:
        self.iso = {c.alpha_3: c.alpha_3 for c in pycountry.countries} | {"XKX": "XKX"}
        self.sectors = {s: s for s in SECTORS}
        self._days: dict[str, date] = {}
        self._rules: dict[str, tuple[Rule, ...]] = {}  # codes cells repeat: check each once
        text = resources.files("storyline.data").joinpath("english_function_words.txt")
        lines = text.read_text("utf-8").splitlines()
        function_words = {w for line in lines if not line.startswith("#") for w in line.split()}
        self.common = frozenset(name_key(w) for w in STOP_WORDS | function_words)

    def usable(self, key: str) -> bool:
        """Whether a key may be matched: over two letters, not one common word."""
        return len(key) > 2 and not (" " not in key and key in self.common)

    @staticmethod
    def name(name: str, where: str) -> None:
        """A non-empty name."""
        if not name.strip():
            raise ConfigError(f"{where}: empty name")

    @staticmethod
    def forms(cell: str, where: str) -> list[str]:
        """The |-separated forms of a cell (none when empty), none of them empty."""
        if not cell:
            return []
        forms = cell.split("|")
        if not all(f.strip() for f in forms):
            raise ConfigError(f"{where}: empty name in {cell!r}")
        return forms

    def codes(self, cell: str, where: str) -> tuple[Rule, ...]:
        """The codes column: "ISR GOV 2009-04-01..; ISR ELI; - IGO 1997-01-01..2006-12-31"."""
        if not cell:
            raise ConfigError(f"{where}: no codes")
        rules = self._rules.get(cell)
        if rules is None:
            rules = self._rules[cell] = tuple(self._rule(p, where) for p in cell.split("; "))
        return rules

    def _rule(self, part: str, where: str) -> Rule:
        bits = part.split(" ")
        if len(bits) not in (2, 3):
            raise ConfigError(f"{where}: bad code {part!r} (COUNTRY SECTOR [START..END])")
        country = None if bits[0] == "-" else self.iso.get(bits[0])
        if country is None and bits[0] != "-":
            raise ConfigError(f"{where}: bad country code {bits[0]!r}")
        sector = None if bits[1] == "-" else self.sectors.get(bits[1])
        if sector is None and bits[1] != "-":
            raise ConfigError(f"{where}: bad sector {bits[1]!r} (a CAMEO sector)")
        if len(bits) == 2:
            return (country, sector, None, None)
        first, dots, last = bits[2].partition("..")
        if not dots or not (first or last):
            raise ConfigError(f"{where}: bad date range {bits[2]!r} (START..END)")
        start, end = self._day(first, where), self._day(last, where)
        if start and end and end < start:
            raise ConfigError(f"{where}: date range {bits[2]!r} ends before it starts")
        return (country, sector, start, end)

    def _day(self, text: str, where: str) -> date | None:
        if not text:
            return None
        if text not in self._days:
            try:
                if len(text) != 10 or text[4] != "-" or text[7] != "-":
                    raise ValueError
                self._days[text] = date.fromisoformat(text)
            except ValueError:
                raise ConfigError(f"{where}: bad date {text!r} (YYYY-MM-DD)") from None
        return self._days[text]

    @staticmethod
    def agent_sectors(cell: str, where: str) -> tuple[str, ...]:
        """Space-separated CAMEO sector or religion codes, at least one."""
        codes = tuple(cell.split(" ")) if cell else ()
        bad = [c for c in codes if c not in SECTORS and c not in RELIGIONS]
        if not codes or bad:
            raise ConfigError(f"{where}: bad sector {(bad or [cell])[0]!r} (a CAMEO code)")
        return codes


def _read(name: str, read_text: Callable[..., str]) -> str:
    try:
        return read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{name}: knowledge file missing") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{name}: not UTF-8 ({exc.reason} at byte {exc.start})") from None


def _rows(text: str, what: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a knowledge file's data rows, after its header."""
    file, header = FILES[what], HEADERS[what]
    columns = header.count("\t") + 1
    seen_header = False
    for number, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line or line.startswith("#"):
            continue
        if not seen_header:
            if line != header:
                raise ConfigError(f"{file}:{number}: bad header {line!r} (expected {header!r})")
            seen_header = True
            continue
        cells = line.split("\t")
        if len(cells) != columns:
            raise ConfigError(f"{file}:{number}: {len(cells)} columns, expected {columns}")
        yield number, cells
    if not seen_header:
        raise ConfigError(f"{file}: no header row")


def _add(index: Index, key: str, entry_id: int) -> None:
    found = index.get(key)
    if found is None:
        index[key] = entry_id
    elif isinstance(found, int):
        if found != entry_id:
            index[key] = (found, entry_id)
    elif entry_id not in found:
        index[key] = (*found, entry_id)


def _settle(table: dict, key: str, value: object, check: _Checker) -> None:
    """One value per key; a key given two different values answers None."""
    if check.usable(key):
        table[key] = value if table.get(key, value) == value else None


def _agreed(table: dict, key: tuple[str, ...], agent: Agent) -> Agent | None:
    """The agent a form stands for: entries agreeing on the primary sector share it
    (with the sectors they have in common), otherwise the form is ambiguous."""
    if key not in table:
        return agent
    other = table[key]
    if other is None or other.sector != agent.sector or other.international != agent.international:
        return None
    common = 0
    while common < min(len(other.sectors), len(agent.sectors)):
        if other.sectors[common] != agent.sectors[common]:
            break
        common += 1
    if common == len(other.sectors):
        return other
    return Agent(
        sector=agent.sector, sectors=agent.sectors[:common], international=agent.international
    )


def _holds(start: date | None, end: date | None, on: date) -> bool:
    """Whether a dated code (one with a start or an end) is valid on the day."""
    return (
        (start or end) is not None and (start is None or on >= start) and (end is None or on <= end)
    )


def _code(rules: tuple[Rule, ...], on: date | None) -> tuple[str | None, str | None] | None:
    """(country, sector) as PETRARCH picks the code on day `on` (see `World.person`)."""
    undated = next(((c, s) for c, s, a, b in rules if a is None and b is None), None)
    if on is not None:
        for country, sector, start, end in rules:
            if (start or end) and (start is None or on >= start) and (end is None or on <= end):
                return country, sector
        return undated
    if undated is not None:
        return undated
    latest = max(reversed(rules), key=lambda r: r[3] or date.max)
    return latest[0], latest[1]
