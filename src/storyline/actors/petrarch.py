"""PETRARCH/TABARI actor files imported as an `ActorDictionary`.

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

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pycountry

from storyline.actors.countries import CountryIndex
from storyline.actors.dictionary import (
    ActorDictionary,
    DictionaryEntry,
    _is_country_code,
    _read_text,
)
from storyline.actors.names import name_key
from storyline.errors import ConfigError
from storyline.records import ActorKind

log = logging.getLogger(__name__)


def _set(words: str) -> frozenset[str]:
    """A set of words written as one string, for the long tables below."""
    return frozenset(words.split())


# These word tables stay in code, not in storyline/data/: they are not world knowledge a
# user extends but the conventions of the PETRARCH/TABARI file format (its CAMEO code
# groups and how its upper-case phrases write titles, acronyms and particles).
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
    key = name_key(name)
    aliases = [a for a in dict.fromkeys(aliases) if name_key(a) != key]
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
    folded = name_key(name)
    return any(_is_demonym(folded, c) for c in _country_names(code, countries))


def _country_names(code: str, countries: CountryIndex) -> set[str]:
    names = {countries.name(code)}
    if found := pycountry.countries.get(alpha_3=code):
        names |= {getattr(found, a, "") or "" for a in ("name", "common_name", "official_name")}
    return {name_key(n.partition(",")[0]) for n in names if n}


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
