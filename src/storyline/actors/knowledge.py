"""The knowledge base the actor and quote stages read: titles, demonyms, capitals,
organisations, institution nouns and speech cues, from the data files in
`storyline/data/`; the Phoenix dictionaries (`World`: people with their dated offices,
bodies, armed groups, agent nouns); the gazetteer (places); pycountry and the user's
actor dictionaries (which win over built-in knowledge).

Built once per process (`Knowledge.load()`) and passed down; nothing here is global.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Token

from storyline.actors import datafiles
from storyline.actors.countries import CountryIndex
from storyline.actors.datafiles import Located
from storyline.actors.dictionary import ActorDictionary, DictionaryEntry
from storyline.actors.names import fold
from storyline.actors.spellings import SpellingIndex
from storyline.actors.world import World, WorldActor
from storyline.records import ActorKind

if TYPE_CHECKING:
    from storyline.gazetteer import Gazetteer


@dataclass(frozen=True, slots=True, kw_only=True)
class Title:
    """A role title: how it binds a person to a sector and an office."""

    role: str
    forms: tuple[tuple[str, ...], ...]  # folded token sequences
    sector: str | None
    family: str
    country: str | None = None
    anonymous: bool = False  # an unnamed holder stands for the body ("a senior official")


@dataclass(frozen=True, slots=True, kw_only=True)
class Institution:
    """An institution noun ("government", "troops") and the sector it stands for."""

    forms: tuple[tuple[str, ...], ...]
    sector: str


def _data(name: str) -> Located:
    """A knowledge file, checked against its schema (ConfigError naming file and line)."""
    return datafiles.load(name)


_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_POSSESSIVE_S = re.compile(r"(?<=\w)['’]s\b")


def _forms(values: list[str]) -> tuple[tuple[str, ...], ...]:
    """Forms as folded word sequences split the way spaCy splits text."""
    out = []
    for value in values:
        split = _POSSESSIVE_S.sub(" 's", _INNER_HYPHEN.sub(" - ", value))
        words = tuple(w for w in (fold(part) for part in split.split()) if w)
        if words:
            out.append(words)
    return tuple(out)


class Knowledge:
    """Lookups over the knowledge files; all keys are folded with `fold`."""

    def __init__(
        self,
        *,
        countries: CountryIndex,
        titles: list[Title],
        demonyms: dict[str, str],
        capitals: dict[str, str],
        seats: dict[str, tuple[str, str]],
        organisations: ActorDictionary,
        institutions: list[Institution],
        platforms: frozenset[str],
        cue_verbs: frozenset[str],
        speech_acts: frozenset[str],
        source_nouns: frozenset[str],
        according_to: tuple[tuple[str, ...], ...],
        honorifics: frozenset[str] = frozenset(),
        body_words: frozenset[str] = frozenset(),
        not_body_heads: frozenset[str] = frozenset(),
        member_nouns: frozenset[str] = frozenset(),
        country_nouns: frozenset[str] = frozenset(),
        anaphors: dict[str, frozenset[str]] | None = None,
        armed: dict[str, frozenset[str]] | None = None,
        world: World,
        places: Gazetteer,
        user: ActorDictionary | None = None,
    ) -> None:
        self.countries = countries
        self.titles = titles
        self.demonyms = demonyms
        self.capitals = capitals
        self.seats = seats
        self.organisations = organisations
        self.institutions = institutions
        self.platforms = platforms
        self.cue_verbs = cue_verbs
        self.speech_acts = speech_acts
        self.source_nouns = source_nouns
        self.according_to = according_to
        self.honorifics = honorifics
        self.body_words = body_words  # "Division", "Service": an unknown name is a body
        self.not_body_heads = not_body_heads  # "Agreement", "Summit": a name is no body
        self.member_nouns = member_nouns  # "Taliban fighters": the body itself
        self.country_nouns = country_nouns  # "the Andean nation": the country told of
        self.anaphors = anaphors or {}  # "the agency": the sectors it may refer back to
        self.armed = armed or {}  # word lists for unnamed armed people (actors/armed.py)
        self.world = world  # the Phoenix dictionaries: people, bodies, groups, agents
        self.places = places  # the gazetteer: a place is not an actor
        self.user = user or ActorDictionary()
        self._title_index: dict[str, list[tuple[tuple[str, ...], Title]]] = {}
        for title in titles:
            for form in title.forms:
                self._title_index.setdefault(form[0], []).append((form, title))
        for options in self._title_index.values():
            options.sort(key=lambda pair: -len(pair[0]))
        self._prefixes = self._title_prefixes(titles)
        self._starts = frozenset(form[0] for t in titles for form in t.forms)
        self._institution_index: dict[str, list[tuple[tuple[str, ...], Institution]]] = {}
        for inst in institutions:
            for form in inst.forms:
                self._institution_index.setdefault(form[0], []).append((form, inst))
        for options in self._institution_index.values():
            options.sort(key=lambda pair: -len(pair[0]))
        self._country_cache: dict[str, str | None] = {}
        self._spellings: SpellingIndex | None = None  # built when first asked
        self._curated_starts = self.organisations.longest_from()
        for word, size in self.user.longest_from().items():
            self._curated_starts[word] = max(size, self._curated_starts.get(word, 0))

    @classmethod
    def load(cls, user: ActorDictionary | None = None) -> Knowledge:
        """The package's knowledge files, with the user's dictionary on top."""
        title_data = _data("titles.yaml")
        titles = [
            Title(
                role=t["role"],
                forms=_forms([t["role"], *t.get("forms", [])]),
                sector=t.get("sector"),
                family=t["family"],
                country=t.get("country"),
                anonymous=bool(t.get("anonymous")),
            )
            for t in title_data["titles"]
        ]
        demonym_data = _data("demonyms.yaml")
        demonyms = {
            fold(form): code for code, forms in demonym_data["demonyms"].items() for form in forms
        }
        places = _data("capitals.yaml")
        datafiles.check_places(demonym_data, places)
        capitals = {fold(name): code for name, code in places["capitals"].items()}
        seats = {fold(name): (v[0], v[1]) for name, v in places.get("seats", {}).items()}
        orgs = _data("organisations.yaml")
        organisations = ActorDictionary(
            DictionaryEntry(
                name=o["name"],
                aliases=tuple(o.get("aliases") or ()),
                kind=ActorKind(o.get("kind") or "org"),
                country=o.get("country"),
                sector=o.get("sector"),
                source="organisations.yaml",
            )
            for o in orgs["organisations"]
        )
        institutions = [
            Institution(forms=_forms(i["forms"]), sector=i["sector"])
            for i in _data("institutions.yaml")["institutions"]
        ]
        speech = _data("speech.yaml")
        countries = CountryIndex.load()
        honorifics = frozenset(h.rstrip(".") for h in title_data.get("honorifics", []))
        return cls(
            countries=countries,
            titles=titles,
            demonyms=demonyms,
            capitals=capitals,
            seats=seats,
            organisations=organisations,
            institutions=institutions,
            platforms=frozenset(fold(p) for p in orgs.get("platforms", [])),
            cue_verbs=frozenset(fold(v) for v in speech["cue_verbs"]),
            speech_acts=frozenset(fold(v) for v in speech.get("speech_acts", [])),
            source_nouns=frozenset(fold(n) for n in speech["source_nouns"]),
            according_to=_forms(speech["according_to"]),
            honorifics=honorifics,
            body_words=frozenset(fold(w) for w in orgs.get("body_words", [])),
            not_body_heads=frozenset(fold(w) for w in orgs.get("not_body_heads", [])),
            member_nouns=frozenset(fold(w) for w in orgs.get("member_nouns", [])),
            country_nouns=frozenset(fold(w) for w in orgs.get("country_nouns", [])),
            anaphors={fold(k): frozenset(v) for k, v in orgs.get("anaphors", {}).items()},
            armed={k: frozenset(fold(w) for w in orgs.get(k, [])) for k in datafiles.ARMED_KEYS},
            world=World.load(),
            places=_gazetteer(countries),
            user=user,
        )

    # -- countries ------------------------------------------------------------------------

    def country(self, text: str) -> str | None:
        """The country a name, code or demonym stands for ("Armenia", "U.S.", "Azeri")."""
        if text not in self._country_cache:
            self._country_cache[text] = self._country(text)
        return self._country_cache[text]

    def _country(self, text: str) -> str | None:
        key = fold(text)
        if not key or (len(key) <= 3 and text.replace(".", "").upper() != text.replace(".", "")):
            return None  # "us", "eu" in lower case are words, not codes
        if key in self.demonyms:
            return self.demonyms[key]
        return self.countries.code(text)

    def country_name(self, text: str) -> str | None:
        """The country a name or code stands for, never a demonym ("Tajikistan", not
        "Tajik")."""
        return None if fold(text) in self.demonyms else self.country(text)

    def capital(self, text: str) -> str | None:
        """The country whose capital this is, for metonyms ("Yerevan", "Moscow")."""
        return self.capitals.get(fold(text))

    def seat(self, text: str) -> tuple[str, str] | None:
        """(country, sector) of a seat of government ("the Kremlin", "the Pentagon")."""
        return self.seats.get(fold(text).removeprefix("the "))

    # -- titles and institutions ------------------------------------------------------------

    def title_at(self, words: list[str], i: int) -> tuple[Title, int] | None:
        """The longest title starting at folded word i, and how many words it spans."""
        for form, title in self._title_index.get(words[i], ()):
            if tuple(words[i : i + len(form)]) == form:
                return title, len(form)
        return None

    @staticmethod
    def _title_prefixes(titles: list[Title]) -> dict[str, Title]:
        """First words of longer titles ("secretary" of "secretary of state"), each as a
        title with no office of its own and the sector all such titles share, if any."""
        starts: dict[str, list[Title]] = {}
        whole = {form[0] for t in titles for form in t.forms if len(form) == 1}
        for t in titles:
            for form in t.forms:
                # "Secretary" of "secretary of state", not "State" of "state minister"
                if len(form) > 2 and form[0] not in whole and form[1] in ("of", "-"):
                    starts.setdefault(form[0], []).append(t)
        out = {}
        for word, found in starts.items():
            sectors = {t.sector for t in found}
            out[word] = Title(
                role=word.capitalize(),
                forms=((word,),),
                sector=sectors.pop() if len(sectors) == 1 else None,
                family="",
            )
        return out

    def starts_title(self, word: str) -> bool:
        """Whether a word begins some title ("foreign" of "foreign minister")."""
        return word in self._starts

    def title_prefix(self, word: str) -> Title | None:
        """A word that only begins titles ("Secretary" in "Secretary Blinken")."""
        return self._prefixes.get(word)

    def institution_at(self, words: list[str], i: int) -> tuple[Institution, int] | None:
        """The longest institution noun starting at folded word i."""
        for form, inst in self._institution_index.get(words[i], ()):
            if tuple(words[i : i + len(form)]) == form:
                return inst, len(form)
        return None

    def organisation(self, text: str) -> DictionaryEntry | None:
        """A known organisation or armed group by name or alias: the user's dictionary
        first, then the curated organisations, then the Phoenix dictionaries."""
        found = self.user.lookup(text) or self.organisations.lookup(text)
        if found is not None:
            return found
        body = self.world.body(text)
        if body is None or self.is_office(body.name) or self.is_place(body.name):
            return None  # the dictionaries list offices and places as actors too
        return DictionaryEntry(
            name=body.name,
            aliases=(),
            kind=ActorKind.ORG,  # an armed group is an organisation, as a coder names it
            country=body.country,
            sector=body.sector,
            source=body.source,
        )

    def body_at(self, keys: list[str], i: int) -> tuple[DictionaryEntry, int] | None:
        """The longest organisation or armed group name of several words starting at
        word i of a text's words (each word's `name_key`), from every list the knowledge
        has (the user's first), and how many words it spans: for names the NER misses
        ("the SPLM-IO", "the Shining Path")."""
        longest = max(self._curated_starts.get(keys[i], 0), self.world.longest_body_from(keys[i]))
        for n in range(min(longest, len(keys) - i), 1, -1):
            found = self.organisation(" ".join(keys[i : i + n]))
            if found is not None:
                return found, n
        return None

    def is_office(self, name: str) -> bool:
        """Whether a name ends in a title: an office ("US Secretary of State", which the
        dictionaries list as a body), held by a person, not an organisation."""
        words = fold(name).replace("-", " - ").split()
        return any(
            (hit := self.title_at(words, k)) is not None and k + hit[1] == len(words)
            for k in range(len(words))
        )

    def person(self, text: str, on: date | None) -> WorldActor | None:
        """A person the Phoenix dictionaries know by full name or listed alias, coded as
        on the day (their office then)."""
        return self.world.person(text, on)

    def person_variant(self, text: str, on: date | None) -> WorldActor | None:
        """The one person the dictionaries know under another spelling of a full name
        ("Mohamad Nasir" for "Mohammed Nassir"), coded as on the day."""
        if self._spellings is None:
            self._spellings = SpellingIndex(self.world.person_names())
        key = self._spellings.variant(text)
        return self.world.person(key, on) if key is not None else None

    def person_near(self, text: str, on: date | None) -> WorldActor | None:
        """The one person the dictionaries know under a longer or slightly misspelt form
        of a full name (`SpellingIndex.near`: "Ellen Sirleaf", "Olusegun Obasanja"),
        coded as on the day."""
        if self._spellings is None:
            self._spellings = SpellingIndex(self.world.person_names())
        return self._one_person(self._spellings.near(text), on)

    def person_by_surname(self, text: str, on: date | None) -> WorldActor | None:
        """The one person the dictionaries know whose full name ends in this rare
        surname ("President Kagame"), coded as on the day."""
        if self._spellings is None:
            self._spellings = SpellingIndex(self.world.person_names())
        return self._one_person(self._spellings.bearers(text), on)

    def _one_person(self, names: set[str], on: date | None) -> WorldActor | None:
        """The person all these listed names stand for, if they are one."""
        found = [self.world.person(k, on) for k in names]
        if not found or None in found or len({a.name for a in found}) != 1:
            return None
        return found[0]

    def is_place(self, text: str) -> bool:
        """Whether a name is a place the gazetteer or the dictionaries know (a city, a
        region, a crossing), not a country."""
        place = self.places.find(text)
        if place is not None:
            # a venue ("the Kremlin") stands for its occupant; an alternate name of a city
            # ("Hamas" for Hamm) is too weak to make a name a place
            return place.kind not in ("country", "venue") and not place.alternate
        return self.world.place(text) is not None

    def says(self, verb: Token) -> bool:
        """Whether a verb is one of saying ("said", "added"), phrasal ones with their
        particle or complement ("pointed out", "made clear")."""
        return any(form in self.cue_verbs for form in _verb_forms(verb))

    def speaks(self, verb: Token) -> bool:
        """Whether a verb is one of saying or of an act done in words ("urged")."""
        return any(f in self.cue_verbs or f in self.speech_acts for f in _verb_forms(verb))

    def may_speak(self, noun: str) -> bool:
        """Whether a folded common noun can name who speaks: a title, an agent noun, a
        document, an institution ("the spokesman", "witnesses", "the statement",
        "the ministry"); a thing ("the toll", "the video") cannot."""
        words = [noun]
        return (
            self.starts_title(noun)
            or noun in self.source_nouns
            or self.world.agent_at(words, 0) is not None
            or self.institution_at(words, 0) is not None
            or noun in self.body_words
        )

    def is_honorific(self, text: str) -> bool:
        """A courtesy word before a name ("Mr", "Hon.", "H.E."), as written."""
        return text.rstrip(".") in self.honorifics

    def is_platform(self, text: str) -> bool:
        """Whether the name is a social platform (a channel, not a speaker)."""
        return fold(text).removeprefix("the ") in self.platforms


def _gazetteer(countries: CountryIndex) -> Gazetteer:
    """The gazetteer, imported here: it reads country names through this package."""
    from storyline.gazetteer import Gazetteer

    return Gazetteer.load(countries)


_PARTICLES = frozenset({"prt", "acomp", "oprd", "advmod", "ccomp"})  # "made (it) clear"


def _verb_forms(verb: Token) -> list[str]:
    """A verb's folded lemma, and with each particle or complement after it ("point
    out", "make clear"); read once per word and kept with its Doc (the stages ask of
    the same verbs many times)."""
    known = verb.doc.user_data.setdefault(_FORMS_KEY, {})
    forms = known.get(verb.i)
    if forms is None:
        lemma = fold(verb.lemma_)
        forms = known[verb.i] = [lemma] + [
            f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in _PARTICLES and c.i > verb.i
        ]
    return forms


_FORMS_KEY = "storyline.verb_forms"
