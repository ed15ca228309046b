"""User actor dictionaries: add or override actors in YAML, or import PETRARCH actor files.

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

PETRARCH/TABARI actor files (`NAME_WITH_UNDERSCORES [CODE]`, `+SYNONYM` lines,
indented `[CODE <date]`, `[CODE >date]`, `[CODE date-date]` restrictions with YYYYMMDD
or YYMMDD dates, `#`, `;` and `<!-- -->` comments, `{plural}` braces) are read as
PETRARCH does: the first restriction valid on the day wins, else the first undated
code. Without a day the undated code is used, else the one that reaches latest. A code's
first three letters are an ISO alpha-3 country, or a CAMEO international code (IGO, NGO,
NGM->NGO, IMG->REB, MNC->BUS, UNO->IGO, UIS and INT with no sector); the first later
group that is a CAMEO sector becomes the sector. Entries with null codes (---, +++),
compound codes (A/B), agent codes (~GOV), unknown codes and `!PERSON!` substitution
patterns are skipped and listed in `ActorDictionary.skipped`, never fatal.

Kind: `country` for a bare country code whose name is that country's name or demonym;
`person` for entries with date restrictions or a known title before 2-4 name words
(PRESIDENT_GEORGE_W._BUSH -> "George W. Bush", role "President"); else `org` when the
code carries a sector and `group` when it does not.

Names: underscores become spaces and words are capitalised, except known acronyms
(NATO, UN, PLO, ...), dotted initials (U.S., W.), words with digits and words of up to
four letters without vowels (MSF, BBC), which stay in capitals; particles (of, the, al,
bin, de, ...) are lower case inside a name; "MC" and "O'" prefixes are capitalised
inside the word (McGonagall, O'Brien).
"""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pycountry
import yaml

from storyline.actors.countries import CountryIndex
from storyline.errors import ConfigError
from storyline.records import ActorKind

log = logging.getLogger(__name__)


def _set(words: str) -> frozenset[str]:
    """A set of words written as one string, for the long tables below."""
    return frozenset(words.split())


_EXTRA_COUNTRIES = frozenset({"XKX", "PSE"})
# CAMEO international / non-state first groups -> sector (None: no sector implied).
_INTERNATIONAL: dict[str, str | None] = {
    "IGO": "IGO",
    "NGO": "NGO",
    "NGM": "NGO",
    "IMG": "REB",
    "MNC": "BUS",
    "UNO": "IGO",
    "UIS": None,
    "INT": None,
}
# CAMEO actor type codes that can serve as a sector after the country.
_SECTORS = _set(
    "COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI "
    "LAB LEG MED REF MOD RAD SET IGO NGO MNC"
)
_PLAIN_TITLES = (
    "PRESIDENT", "VICE PRESIDENT", "PRIME MINISTER", "DEPUTY PRIME MINISTER", "FOREIGN MINISTER",
    "DEFENSE MINISTER", "DEFENCE MINISTER", "INTERIOR MINISTER", "FINANCE MINISTER", "MINISTER",
    "SECRETARY", "DEFENSE SECRETARY", "CHANCELLOR", "PREMIER", "KING", "QUEEN", "CROWN PRINCE",
    "PRINCE", "PRINCESS", "EMIR", "SHEIKH", "SHEIK", "SULTAN", "AYATOLLAH", "POPE", "GENERAL",
    "LIEUTENANT GENERAL", "MAJOR GENERAL", "BRIGADIER GENERAL", "COLONEL", "ADMIRAL",
    "FIELD MARSHAL", "MARSHAL", "SENATOR", "REPRESENTATIVE", "CONGRESSMAN", "CONGRESSWOMAN",
    "GOVERNOR", "MAYOR", "JUDGE", "CHIEF JUSTICE", "JUSTICE", "AMBASSADOR", "SPEAKER",
)  # fmt: skip
# Title words before a person's name -> role (None: an honorific, not an office).
_TITLES: dict[str, str | None] = {
    **{title: title.title() for title in _PLAIN_TITLES},
    "SECRETARY OF STATE": "Secretary of State",
    "SECRETARY GENERAL": "Secretary-General",
    "SECRETARY-GENERAL": "Secretary-General",
    "GEN.": "General",
    "COL.": "Colonel",
    "ADM.": "Admiral",
    "SEN.": "Senator",
    "REP.": "Representative",
    "GOV.": "Governor",
    **dict.fromkeys(("MR.", "MR", "MRS.", "MRS", "MS.", "MS", "DR.", "DR", "SIR"), None),
}
_TITLE_WORDS = sorted((tuple(t.split()) for t in _TITLES), key=len, reverse=True)
# Words that make a titled phrase an institution, not a person ("GENERAL ASSEMBLY").
_ORG_WORDS = _set(
    "AFFAIRS AGENCY AIRPORT ARMY ASSEMBLY ASSOCIATION AUTHORITY BANK BASE BOARD BRIGADE "
    "BRIGADES BUILDING BUREAU CABINET CENTER CENTRE CITY COALITION COLLEGE COMMAND "
    "COMMISSION COMMITTEE COMPANY CONGRESS CORP CORP. CORPORATION COUNCIL COURT DEPARTMENT "
    "DIVISION FORCE FORCES FOUNDATION FRONT FUND GOVERNMENT GROUP GUARD GUARDS HOSPITAL "
    "HOUSE INC INC. INSTITUTE LEAGUE LTD LTD. MINISTRY MOVEMENT NETWORK NEWS OFFICE "
    "ORGANISATION ORGANIZATION PALACE PARLIAMENT PARTY POLICE PRESS RADIO REGIME SCHOOL "
    "SERVICE SERVICES SQUARE STAFF STREET TELEVISION TIMES TRIBUNAL TROOPS UNION "
    "UNIVERSITY"
)
_ACRONYMS = _set(
    "AFP AMISOM ANC AQAP ASEAN AU BBC CIA CNN ECOWAS ELN ETA EU FARC FBI FSB GRU IAEA ICC "
    "ICJ ICRC IDF IGAD IGO IMF IRA ISIL ISIS KGB MONUSCO NATO NGO NSA OAS OAU OECD OPEC "
    "OSCE PKK PLO SADC SDF UAE UK UN UNAMA UNDP UNESCO UNHCR UNICEF UNIFIL UNRWA US USA "
    "USSR WFP WTO YPG"
)
_PARTICLES = _set("of the and for on in at to de del der van von al el bin ibn da dos")
_HONORIFICS = _set("MR MRS MS DR ST JR SR MT")
_DEMONYM_TAILS = _set("n ns an ans ian ians ean ese i is ish ic") | {""}
_APOSTROPHES = dict.fromkeys(map(ord, ".'’‘ʼ`´"), None)
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


def lookup_key(text: str) -> str:
    """The form names are compared in: folded case, accents and punctuation, no "the"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_APOSTROPHES)
    text = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in text)
    words = text.casefold().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _keys(entry: DictionaryEntry) -> list[str]:
    keys = [lookup_key(entry.name)] + [lookup_key(a) for a in entry.aliases]
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
                if old is not None and old != here and key == lookup_key(alive[old].name):
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

    def lookup(self, text: str) -> DictionaryEntry | None:
        """The entry whose name or alias is this text, compared with `lookup_key`."""
        return self._index.get(lookup_key(text))

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
        key = lookup_key(form)
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
    if name is None or (isinstance(name, str) and not lookup_key(name)):
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


# -- PETRARCH --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeRule:
    """One code of a PETRARCH entry, with its date restriction (bounds inclusive)."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        """Whether this code is restricted to a period."""
        return self.start is not None or self.end is not None

    def applies(self, day: date) -> bool:
        """Whether the restriction holds on this day."""
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True, kw_only=True)
class PetrarchRecord:
    """An actor record as written: primary phrase, synonyms and codes in file order."""

    line: int
    phrase: str
    synonyms: tuple[str, ...]
    rules: tuple[CodeRule, ...]
    problem: str | None = None  # why the record cannot be imported, found while reading

    def code(self, at: date | None = None) -> str | None:
        """The code on day `at` as PETRARCH picks it; without a day the undated/latest one."""
        undated = next((r.code for r in self.rules if not r.dated), None)
        if at is not None:
            return next((r.code for r in self.rules if r.dated and r.applies(at)), undated)
        dated = [r for r in self.rules if r.dated]
        if undated is not None or not dated:
            return undated
        return max(reversed(dated), key=lambda r: r.end or date.max).code


def read_petrarch_records(path: Path) -> tuple[list[PetrarchRecord], list[str]]:
    """The records of a PETRARCH actor file and notes on lines that could not be read."""
    records: list[PetrarchRecord] = []
    notes: list[str] = []
    draft: dict | None = None
    for number, line in _content_lines(_read_text(path)):
        if "---STOP---" in line:
            break
        if line.startswith(("[", "+")) and draft is None:
            notes.append(f"{path}:{number}: {line}: not inside an entry; skipped")
        elif line.startswith("["):
            rule = _parse_rule(line[1:].partition("]")[0])
            if isinstance(rule, str):
                notes.append(f"{path}:{number}: [{line[1:].partition(']')[0]}]: {rule}; skipped")
            else:
                draft["rules"].append(rule)
        elif line.startswith("+"):
            draft["synonyms"].extend(_phrases(line[1:].partition("[")[0]))
        else:
            if draft is not None:
                records.append(_finish(draft))
            draft = _start_record(number, line)
            if draft is None:
                notes.append(f"{path}:{number}: {line}: substitution-marker definitions "
                             "(agents dictionaries) are not supported; skipped")  # fmt: skip
    if draft is not None:
        records.append(_finish(draft))
    return records, notes


def _finish(draft: dict) -> PetrarchRecord:
    return PetrarchRecord(
        **draft | {"synonyms": tuple(draft["synonyms"]), "rules": tuple(draft["rules"])}
    )


def _start_record(number: int, line: str) -> dict | None:
    if re.match(r"\s*!\w+!\s*=", line):
        return None
    phrase, bracket, rest = line.partition("[")
    names = _phrases(phrase)
    draft: dict = {"line": number, "phrase": names[0] if names else "", "problem": None}
    draft |= {"synonyms": names[1:], "rules": []}
    if not names:
        draft["problem"] = "no phrase before the code"
    elif re.search(r"!\w+!", phrase):
        draft["problem"] = "!MARKER! substitution patterns (agents dictionaries) are not supported"
    if bracket:
        rule = _parse_rule(rest.partition("]")[0])
        if isinstance(rule, str):
            draft["problem"] = draft["problem"] or rule
        else:
            draft["rules"].append(rule)
    return draft


def _phrases(raw: str) -> list[str]:
    """A phrase and the plural in its {braces}, underscores as spaces."""
    head, _, tail = raw.partition("{")
    out = [" ".join(head.replace("_", " ").split())]
    if tail:
        out.append(" ".join(tail.partition("}")[0].replace("_", " ").split()))
    return [p for p in out if p]


def _content_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of lines with comments removed; blank lines dropped."""
    in_comment = False
    for number, line in enumerate(text.splitlines(), 1):
        if in_comment:
            if "-->" not in line:
                continue
            in_comment, line = False, line.partition("-->")[2]
        while "<!" in line:
            head, _, tail = line.partition("<!")
            if "-->" not in tail:
                in_comment, line = True, head
                break
            line = head + tail.partition("-->")[2]
        line = line.partition("#")[0].partition(";")[0].strip()
        if line:
            yield number, line


def _parse_rule(content: str) -> CodeRule | str:
    """A code and its date restriction from the inside of [...], or why it cannot be read."""
    code, _, rest = content.strip().partition(" ")
    code, rest = code.upper(), rest.strip()
    if not code:
        return "empty code"
    if not rest:
        return CodeRule(code=code)
    try:
        if rest[0] in "<>":
            day = _parse_day(rest[1:])
            return (
                CodeRule(code=code, end=day) if rest[0] == "<" else CodeRule(code=code, start=day)
            )
        first, dash, last = rest.partition("-")
        if not dash:
            return f"unreadable date restriction {rest!r}"
        start, end = _parse_day(first), _parse_day(last)
    except ValueError as exc:
        return str(exc)
    if end < start:
        return f"date restriction {rest!r} ends before it starts"
    return CodeRule(code=code, start=start, end=end)


def _parse_day(text: str) -> date:
    """A YYYYMMDD or YYMMDD day; YY up to 30 is 20YY, else 19YY (as KEDS/TABARI)."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"unreadable date {digits!r} (YYYYMMDD or YYMMDD)")
    if len(digits) == 6:
        yy = int(digits[:2])
        digits = f"{2000 + yy if yy <= 30 else 1900 + yy}{digits[2:]}"
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise ValueError(f"impossible date {text.strip()!r}") from None


def load_petrarch_actors(path: Path, at: date | None = None) -> ActorDictionary:
    """Actors from a PETRARCH/TABARI actor file, coded as on day `at` (see module doc)."""
    records, notes = read_petrarch_records(path)
    if not records and not notes:
        raise ConfigError(f"{path}: no PETRARCH actor entries found")
    countries = CountryIndex.load()
    entries = []
    for record in records:
        entry = _petrarch_entry(record, at, countries, str(path))
        if isinstance(entry, str):
            notes.append(f"{path}:{record.line}: {record.phrase}: {entry}; skipped")
        else:
            entries.append(entry)
    notes.sort(key=_note_line)
    log.info("%s: imported %d actors, skipped %d lines", path, len(entries), len(notes))
    return ActorDictionary(entries, skipped=notes)


def _note_line(note: str) -> int:
    match = re.search(r":(\d+): ", note)
    return int(match.group(1)) if match else 0


def _petrarch_entry(
    record: PetrarchRecord, at: date | None, countries: CountryIndex, source: str
) -> DictionaryEntry | str:
    """The entry a record stands for, or why it is skipped."""
    if record.problem:
        return record.problem
    code = record.code(at)
    if code is None:
        return f"no code valid on {at.isoformat()}" if at else "no code"
    coded = _split_code(code, countries)
    if isinstance(coded, str):
        return coded
    country, sector = coded
    words = record.phrase.upper().split()
    titled = _person_title(words)
    name = _display(titled[1] if titled else words)
    aliases = [_display(s.upper().split()) for s in record.synonyms]
    if titled:
        aliases.insert(0, _display(words))
    if country and len(code) == 3 and _names_country(name, country, countries):
        kind = ActorKind.COUNTRY
    elif titled or any(r.dated for r in record.rules):
        kind = ActorKind.PERSON
    else:
        kind = ActorKind.ORG if sector else ActorKind.GROUP
    key = lookup_key(name)
    aliases = [a for a in dict.fromkeys(aliases) if lookup_key(a) != key]
    return DictionaryEntry(
        name=name,
        aliases=tuple(aliases),
        kind=kind,
        country=country,
        sector=sector,
        role=titled[0] if titled else None,
        source=source,
    )


def _split_code(code: str, countries: CountryIndex) -> tuple[str | None, str | None] | str:
    """(country, sector) of a CAMEO code, or why it cannot be used."""
    if "~" in code:
        return f"agent code [{code}]: agents are not actors (use an actors dictionary)"
    if not code.strip("-+#"):
        return f"null code [{code}]: PETRARCH does not code this actor"
    if "/" in code:
        return f"compound code [{code}] (several actors) is not supported"
    if not re.fullmatch(r"[A-Z0-9]+", code):
        return f"unreadable code [{code}]"
    groups = [code[i : i + 3] for i in range(0, len(code), 3)]
    later = [_INTERNATIONAL.get(g, g) for g in groups[1:]]
    sector = next((g for g in later if g in _SECTORS), None)
    if _is_country_code(groups[0], countries):
        return groups[0], sector
    if groups[0] in _INTERNATIONAL:
        return None, _INTERNATIONAL[groups[0]] or sector
    return (
        f"code [{code}]: {groups[0]} is neither an ISO 3166 country nor a CAMEO international code"
    )


def _person_title(words: list[str]) -> tuple[str | None, list[str]] | None:
    """(role, name words) when the phrase is a known title before 2-4 name words."""
    for title in _TITLE_WORDS:
        if tuple(words[: len(title)]) != title:
            continue
        rest = words[len(title) :]
        if not 2 <= len(rest) <= 4 or rest[0].lower() in _PARTICLES:
            return None
        if any(w in _ORG_WORDS or not re.fullmatch(r"[^\W\d_][\w.'’-]*", w) for w in rest):
            return None
        return _TITLES[" ".join(title)], rest
    return None


def _names_country(name: str, code: str, countries: CountryIndex) -> bool:
    """Whether a name is the country's name or a demonym of it ("Israeli" for ISR)."""
    if countries.code(name) == code:
        return True
    folded = lookup_key(name)
    return any(_is_demonym(folded, c) for c in _country_names(code, countries))


def _country_names(code: str, countries: CountryIndex) -> set[str]:
    names = {countries.name(code)}
    if found := pycountry.countries.get(alpha_3=code):
        names |= {getattr(found, a, "") or "" for a in ("name", "common_name", "official_name")}
    return {lookup_key(n.partition(",")[0]) for n in names if n}


def _is_demonym(name: str, country: str) -> bool:
    """A country name plus a demonym ending: Israel-i, Egypt-ian, Palestin-ian."""
    common = 0
    while common < min(len(name), len(country)) and name[common] == country[common]:
        common += 1
    if common < max(4, len(country) - 2):
        return False
    if common < len(country) and len(name) <= len(country):
        return False  # a stem or a shortening ("Argentin", "Tunis"), not a demonym
    return name[common:] in _DEMONYM_TAILS


def _display(words: Sequence[str]) -> str:
    """Display form of a dictionary phrase (the casing rule in the module docstring)."""
    return " ".join(_cased(w, i == 0) for i, w in enumerate(words))


def _cased(word: str, first: bool) -> str:
    upper = word.upper()
    letters = re.sub(r"[^A-Z]", "", upper)
    if upper in _ACRONYMS or any(c.isdigit() for c in word):
        return upper
    if "." in word and all(len(p) == 1 for p in upper.split(".") if p):
        return upper
    if "-" in word:
        parts = word.split("-")
        return "-".join([_cased(parts[0], first), *(_cased(p, True) for p in parts[1:])])
    if not first and upper.lower() in _PARTICLES:
        return upper.lower()
    if len(letters) <= 4 and not re.search("[AEIOUY]", letters) and letters not in _HONORIFICS:
        return upper
    if "'" in word:
        head, _, tail = word.partition("'")
        return head.capitalize() + "'" + (tail.capitalize() if len(head) == 1 else tail.lower())
    if upper.startswith("MC") and len(letters) > 3:
        return "Mc" + upper[2:].capitalize()
    return word.capitalize()


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
