"""The CAMEO verb dictionary, `data/cameo_verbs.tsv`: some 1,600 verbs with CAMEO codes and
PLOVER types, and the phrases after a verb that pick its code ("stage a protest",
"put on trial"). The event coder asks it about a verb the curated trigger lexicon
(`data/events.yaml`) has no entry for.

The file is made by `scripts/convert_cameo_verbs.py` from PETRARCH-2's CAMEO.2.0.txt
(MIT, Copyright (c) 2014 Open Event Data Alliance), its PLOVER columns from the
CAMEO->PLOVER table (CC BY-SA 4.0); see its header. `VerbDictionary.load()` reads and
checks every row (a bad one raises `ConfigError` naming file, line and reason) and is
built once per process, by `Lexicon.load()`; nothing loads at import time.

How a row applies to a verb token (PETRARCH-2's patterns read on spaCy's parse):

- `lemma` is the token's lemma; a row with a `particle` needs that word attached to the
  verb ("carry out"); once a particle row applies, the verb's bare rows do not, and a
  verb with a particle (`prt`) the file does not list for it ("turn down") does not
  take the bare verb's own code.
- `after` lists what must follow: a noun is a word the verb governs (object, particle,
  complement, passive subject) whose lemma or form is the word, with the words of a
  `{...}` before it; `(p noun)` is a preposition p on the verb or its object with that
  noun as its object; `(p)` just the preposition. `a|b` are alternatives (a synset),
  `armed_forces` one alternative of two words.
- The most specific row that applies wins (more pieces in `after`), then the earlier
  line of the CAMEO dictionary; the row with an empty `after` is the verb's own code.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.tokens import Token

from storyline.errors import ConfigError
from storyline.events.lexicon import Trigger

FILE = "cameo_verbs.tsv"
COLUMNS = ("lemma", "particle", "after", "cameo", "plover", "mode", "targets", "source")
# The recipient slots the event coder reads (see data/events.yaml, `targets`).
_BASE_SLOTS = frozenset(
    """dobj dative with between to on against for of from over at into about regarding
    toward towards among""".split()
)
SLOTS = _BASE_SLOTS | {f"{s}_owner" for s in _BASE_SLOTS} | {"none"}
# Where a noun of a pattern may stand: what the verb governs after it.
_GOVERNED = frozenset("dobj dative attr oprd acomp nsubjpass prt advmod npadvmod xcomp".split())
_PREPOSITIONS = frozenset({"prep", "agent", "dative"})
_WORD = re.compile(r"[a-z][a-z']*")
_SLOT = re.compile(r"[a-z][a-z']*(?:[_|][a-z][a-z']*)*")
_CODE = re.compile(r"\d{2,4}")
_PIECE = re.compile(r"\([^()]*\)|\{[^{}]*\}|[^\s(){}]+")

Option = tuple[str, ...]  # the words of one alternative ("armed", "forces")
Slot = tuple[Option, ...]  # alternatives for one word of a pattern


@dataclass(frozen=True, slots=True)
class Noun:
    """A noun of a pattern: alternatives for its head word and words before it."""

    heads: frozenset[str]  # the last word of every head alternative, for a quick test
    head: Slot
    modifiers: tuple[Slot, ...] = ()


@dataclass(frozen=True, slots=True)
class Prep:
    """A prepositional phrase of a pattern: the preposition and, if given, its noun."""

    word: str
    noun: Noun | None = None


@dataclass(frozen=True, slots=True)
class Pattern:
    """What must follow a verb for a row to apply."""

    nouns: tuple[Noun, ...]
    preps: tuple[Prep, ...]

    @property
    def size(self) -> int:
        """How specific the pattern is: its words, a noun counting twice (a bare
        preposition, "(to)", says less than a noun, "aid")."""
        nouns = (*self.nouns, *(p.noun for p in self.preps if p.noun is not None))
        return 2 * len(nouns) + len(self.preps) + sum(len(n.modifiers) for n in nouns)


# A row as kept: particle, after, cameo, plover, mode, targets, line.
_Row = tuple[str | None, str, str, str, str, str, int]


class VerbDictionary:
    """Verb triggers by lemma from the CAMEO verb dictionary, and CAMEO -> PLOVER."""

    def __init__(
        self,
        rows: dict[str, list[_Row]],
        patterns: dict[str, tuple[Pattern, int]],
        plover: dict[str, tuple[str, str | None]],
    ) -> None:
        self._rows = rows
        self._patterns = patterns
        self._plover = plover
        self._particles = {
            lemma: frozenset(r[0] for r in found if r[0]) for lemma, found in rows.items()
        }
        self._triggers: dict[tuple[str, int], Trigger] = {}  # built when first used

    @classmethod
    def load(cls) -> VerbDictionary:
        """The package's verb dictionary, checked."""
        data = resources.files("storyline.data")
        return cls.parse(_read(data.joinpath(FILE).read_text), _modes(data.joinpath))

    @classmethod
    def from_file(
        cls, path: Path, modes: dict[str, frozenset[str]] | None = None
    ) -> VerbDictionary:
        """A verb dictionary file, checked (for tests and edited copies)."""
        path = Path(path)
        modes = modes or _modes(resources.files("storyline.data").joinpath)
        return cls.parse(_read(path.read_text, path.name), modes, path.name)

    @classmethod
    def parse(cls, text: str, modes: dict[str, frozenset[str]], name: str = FILE) -> VerbDictionary:
        """The rows of a verb dictionary text, checked against the PLOVER modes."""
        reader = _Reader(name, modes)
        rows: dict[str, list[_Row]] = {}
        with _bulk():
            for number, line in enumerate(text.splitlines(), 1):
                if not line or line[0] == "#":
                    continue
                if reader.header is None:
                    reader.read_header(number, line)
                    continue
                lemma, row = reader.row(number, line)
                found = rows.get(lemma)
                if found is None:
                    rows[lemma] = [row]
                else:
                    found.append(row)
        if reader.header is None:
            raise ConfigError(f"{name}: no header row ({chr(9).join(COLUMNS)})")
        size = {after: p[1] for after, p in reader.patterns.items()}
        size[""] = -1
        for found in rows.values():
            found.sort(key=lambda r: (r[0] is None, -size[r[1]], r[6]))
        return cls(rows, reader.patterns, reader.plover)

    def __len__(self) -> int:
        return sum(map(len, self._rows.values()))

    def plover(self, cameo: str) -> tuple[str, str | None] | None:
        """(PLOVER type, mode or None) of a CAMEO code by its longest prefix the file
        maps, or None when it maps none."""
        for size in range(len(cameo), 1, -1):
            found = self._plover.get(cameo[:size])
            if found is not None:
                return found
        return None

    def triggers_for(self, token: Token) -> list[Trigger]:
        """The trigger of the most specific row that applies to a verb token, or none."""
        found = self._match(token)
        return [self._trigger(*found)] if found else []

    def fallback(self, token: Token, everyday: frozenset[str] = frozenset()) -> list[Trigger]:
        """The trigger the event coder takes from the dictionary for a verb its curated
        lexicon does not code: a row that applies, where the clause names both sides
        (see `_both_sides`) and a code below its block's general one, whatever words
        follow ("wanted closer ties" is a wish, not an act); a block of force's own code
        only for a verb whose everyday sense is force (not one of `everyday`)."""
        found = self._match(token)
        if found is None:
            return []
        trigger = self._trigger(*found)
        if _general(trigger.cameo, trigger.lemma in everyday):
            return []
        return [trigger] if _both_sides(token, trigger) else []

    def _match(self, token: Token) -> tuple[str, _Row] | None:
        if token.pos_ != "VERB":
            return None
        lemma = next((w for w in _lemmas(token) if w in self._rows), None)
        if lemma is None:
            return None
        attached = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod")}
        listed = self._particles[lemma] & attached
        # "turn down", "shoot down": a phrasal use the file does not list is not the verb's
        phrasal = any(c.dep_ == "prt" and c.lower_ not in listed for c in token.children)
        context = _Context(token)
        for row in self._rows[lemma]:
            particle, after = row[0], row[1]
            if particle is not None and particle not in listed:
                continue
            if particle is None and listed:
                break  # the particle's rows come first; the bare verb's do not apply
            if after and context.matches(self._patterns[after][0]):
                return lemma, row
            if not after and not (phrasal and particle is None):
                return lemma, row
        return None

    def _trigger(self, lemma: str, row: _Row) -> Trigger:
        particle, after, cameo, kind, mode, targets, line = row
        found = self._triggers.get((lemma, line))
        if found is None:
            pattern = self._patterns[after][0] if after else None
            found = self._triggers[(lemma, line)] = Trigger(
                lemma=lemma,
                pos="VERB",
                type=kind,
                cameo=cameo,
                mode=mode or None,
                particle=particle,
                objects=frozenset(w for n in pattern.nouns for w in n.heads)
                if pattern
                else frozenset(),
                targets=tuple(targets.split(",")),
            )
        return found


def _lemmas(token: Token) -> Iterator[str]:
    """The token's lemma, then the base forms a regular inflection of its word may come
    from: the tagger's lemma may slip on a rarer verb ("staged" -> "stag")."""
    yield token.lemma_.lower()
    form = token.lower_
    for ending in ("ing", "ed", "es", "s", "d"):
        if form.endswith(ending) and len(form) > len(ending) + 2:
            stem = form[: -len(ending)]
            yield stem
            if ending in ("ing", "ed"):
                yield stem + "e"  # "staging", "staged" -> "stage"
                if len(stem) > 3 and stem[-1] == stem[-2]:
                    yield stem[:-1]  # "stopped" -> "stop"
            if ending in ("ed", "es") and stem.endswith("i"):
                yield stem[:-1] + "y"  # "allied" -> "ally"


# -- what the event coder takes -------------------------------------------------------------

# Named entities that name a party (a date or a number names no one).
_PARTIES = frozenset({"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"})
_WHEN = frozenset({"DATE", "TIME"})
_INHERITED = frozenset({"conj", "xcomp", "advcl", "relcl", "acl"})  # a subject from the head


def _general(cameo: str, everyday: bool = False) -> bool:
    """A cue category's own code ("030", "110"): what a block of loosely related verbs
    shares ("want", "aim", "vote" under 030; "argue", "lament" under 110), too broad to
    code a verb alone. The blocks of force (investigation, mobilization, coercion,
    assault, fighting: "inspect", "muster", "quell", "bombard") each name one kind of
    act, and their own code is the verb's, unless its everyday sense is not force
    ("hit a record", "dominated the talks")."""
    block = len(cameo) == 3 and cameo.endswith("0")
    return block and (everyday or cameo[:2] not in _FORCE)


_FORCE = frozenset({"09", "15", "17", "18", "19", "20"})


def _both_sides(verb: Token, trigger: Trigger) -> bool:
    """Whether the clause names both sides: the verb has a subject (its own, or the one
    of the clause it is joined to) and one of the trigger's recipient slots holds a name
    (a proper noun or a named party: "stormed the Bolivian camp", "put three Argentine
    smugglers on trial"). Without them a verb the curated lexicon does not know is more
    often background than an act ("verified that ...", "took office")."""
    subject = verb.dep_ in _INHERITED or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    )
    return subject and any(
        _names(t) for slot in trigger.targets if slot != "none" for t in _fillers(verb, slot)
    )


def _names(phrase: Token) -> bool:
    return any(
        (t.pos_ == "PROPN" or t.ent_type_ in _PARTIES) and t.ent_type_ not in _WHEN
        for t in phrase.subtree
    )


def _fillers(verb: Token, slot: str) -> list[Token]:
    """The phrases filling a recipient slot (data/events.yaml, `targets`): the object,
    the indirect object or "to X", or the object of that preposition on the verb or on
    its object."""
    name = slot.removesuffix("_owner")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if name == "dobj":
        return objects
    found = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    prep = "to" if name == "dative" else name
    found = found if name == "dative" else []
    return found + [
        g
        for head in (verb, *objects)
        for c in head.children
        if c.dep_ in _PREPOSITIONS and c.lower_ == prep
        for g in c.children
        if g.dep_ == "pobj"
    ]


# -- matching --------------------------------------------------------------------------------


class _Context:
    """What follows one verb token, read once for all its rows."""

    def __init__(self, verb: Token) -> None:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        governed = [c for c in verb.children if c.dep_ in _GOVERNED]
        governed += [c for o in objects for c in o.conjuncts]
        # what is said of the object after it, however parsed: "held the army
        # responsible", "held three engineers captive"
        governed += [c for o in objects for c in o.rights if c.dep_ in ("amod", "acomp")]
        governed += [c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "ADJ"]
        self.governed = governed
        self.words = {w for t in governed for w in _forms(t)}
        self.preps = [c for h in (verb, *objects) for c in h.children if c.dep_ in _PREPOSITIONS]

    def matches(self, pattern: Pattern) -> bool:
        """Whether every noun and phrase of the pattern is there."""
        if any(not (n.heads & self.words) for n in pattern.nouns):
            return False
        return all(any(_noun_at(n, t) for t in self.governed) for n in pattern.nouns) and all(
            any(_phrase_at(p, t) for t in self.preps) for p in pattern.preps
        )


def _forms(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _noun_at(noun: Noun, token: Token) -> bool:
    forms = _forms(token)
    if not noun.heads.intersection(forms):
        return False
    before = {w for t in token.subtree if t.i < token.i for w in _forms(t)}
    head = any(o[-1] in forms and before.issuperset(o[:-1]) for o in noun.head)
    return head and all(any(before.issuperset(o) for o in slot) for slot in noun.modifiers)


def _phrase_at(prep: Prep, token: Token) -> bool:
    if token.lower_ != prep.word:
        return False
    if prep.noun is None:
        return True
    return any(_noun_at(prep.noun, g) for g in token.children if g.dep_ in ("pobj", "pcomp"))


# -- reading and checking -------------------------------------------------------------------


def _read(read_text: Callable[..., str], name: str = FILE) -> str:
    try:
        return read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{name}: knowledge file missing") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{name}: not UTF-8 ({exc.reason} at byte {exc.start})") from None


@contextmanager
def _bulk() -> Iterator[None]:
    """Reading some 30,000 rows makes as many tuples; the cyclic garbage collector,
    triggered again and again by them, would take longer than the reading (none of
    them can be part of a cycle), so it waits until the rows are read."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _modes(path: Callable[[str], object]) -> dict[str, frozenset[str]]:
    """PLOVER type -> its 2.0 modes, from data/plover.yaml."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = path("plover.yaml").read_text("utf-8")  # type: ignore[attr-defined]
    types = yaml.load(text, Loader=loader)["types"]
    return {name: frozenset(t.get("modes") or ()) for name, t in types.items()}


class _Reader:
    """Checks rows one by one; remembers the header, the patterns read and the CAMEO
    -> PLOVER mapping the rows make (one PLOVER type and mode per code)."""

    def __init__(self, name: str, modes: dict[str, frozenset[str]]) -> None:
        self.name = name
        self.modes = modes
        self.header: tuple[str, ...] | None = None
        self.plover: dict[str, tuple[str, str | None]] = {}
        self._first: dict[str, int] = {}  # CAMEO code -> the line that mapped it
        self.patterns: dict[str, tuple[Pattern, int]] = {}
        self._seen: dict[str, int] = {}
        self._words: set[str] = set()  # checked already
        self._codes: set[tuple[str, str, str]] = set()
        self._targets: set[str] = set()

    def fail(self, line: int, reason: str) -> ConfigError:
        """The one-line error: file, line, reason."""
        return ConfigError(f"{self.name}:{line}: {reason}")

    def read_header(self, number: int, line: str) -> None:
        """The column names, exactly."""
        if tuple(line.split("\t")) != COLUMNS:
            raise self.fail(number, f"header must be the columns {', '.join(COLUMNS)}")
        self.header = COLUMNS

    def row(self, number: int, line: str) -> tuple[str, _Row]:
        """One row, checked: its lemma and what the dictionary keeps of it."""
        cells = line.split("\t")
        if len(cells) != 8:
            raise self.fail(
                number, f"expected {len(COLUMNS)} tab-separated cells, not {len(cells)}"
            )
        lemma, particle, after, cameo, kind, mode, targets, source = cells
        if lemma not in self._words:
            self._check_word(number, "lemma", lemma)
        if particle and particle not in self._words:
            self._check_word(number, "particle", particle)
        key = line[: len(lemma) + len(particle) + len(after) + 2]  # lemma, particle, after
        if key in self._seen:
            raise self.fail(number, f"repeats the row of line {self._seen[key]}")
        self._seen[key] = number
        if (cameo, kind, mode) not in self._codes:
            self._check_code(number, cameo, kind, mode)
        if targets not in self._targets:
            self._check_targets(number, targets)
        if after and after not in self.patterns:
            self._pattern(number, after)
        if not source.isdigit():
            raise self.fail(number, f"source {source!r} is not a line number")
        return lemma, (particle or None, after, cameo, kind, mode, targets, number)

    def _check_word(self, number: int, what: str, word: str) -> None:
        if not _WORD.fullmatch(word):
            raise self.fail(number, f"{what} {word!r} is not one lower-case word")
        self._words.add(word)

    def _check_targets(self, number: int, targets: str) -> None:
        bad = [s for s in targets.split(",") if s not in SLOTS]
        if bad or not targets:
            raise self.fail(number, f"targets {targets!r}: unknown slot {(bad or [''])[0]!r}")
        self._targets.add(targets)

    def _check_code(self, number: int, cameo: str, kind: str, mode: str) -> None:
        if not _CODE.fullmatch(cameo):
            raise self.fail(number, f"cameo {cameo!r} is not a CAMEO code (2-4 digits)")
        if kind not in self.modes:
            raise self.fail(number, f"plover {kind!r} is not a PLOVER type (plover.yaml)")
        if mode and mode not in self.modes[kind]:
            raise self.fail(number, f"mode {mode!r} is not a mode of {kind} (plover.yaml)")
        mapped = (kind, mode or None)
        if self.plover.setdefault(cameo, mapped) != mapped:
            first = self._first[cameo]
            raise self.fail(number, f"cameo {cameo} is mapped otherwise on line {first}")
        self._first.setdefault(cameo, number)
        self._codes.add((cameo, kind, mode))

    def _pattern(self, number: int, after: str) -> None:
        try:
            pattern = parse_after(after)
        except ValueError as exc:
            raise self.fail(number, f"after {after!r}: {exc}") from None
        self.patterns[after] = (pattern, pattern.size)


def parse_after(text: str) -> Pattern:
    """The pattern of an `after` cell: nouns `w`, `{w w}` and phrases `(p)`, `(p noun)`."""
    pieces = _PIECE.findall(text)
    if " ".join(pieces) != text:
        raise ValueError("pieces must be single-spaced words, {...} or (...)")
    nouns, preps = [], []
    for piece in pieces:
        if piece.startswith("("):
            word, _, noun = piece[1:-1].partition(" ")
            _check_words([word])
            preps.append(Prep(word, _noun(noun) if noun else None))
        else:
            nouns.append(_noun(piece))
    return Pattern(tuple(nouns), tuple(preps))


def _noun(text: str) -> Noun:
    slots = text[1:-1].split(" ") if text.startswith("{") else [text]
    if text.startswith("{") and len(slots) < 2:
        raise ValueError("{...} needs words before the noun")
    parsed = [_slot(slot) for slot in slots]
    head = parsed[-1]
    return Noun(frozenset(o[-1] for o in head), head, tuple(parsed[:-1]))


@cache
def _slot(text: str) -> Slot:
    """The alternatives of one word of a pattern (synsets recur: read each once)."""
    if not _SLOT.fullmatch(text):
        bad = next(w for o in text.split("|") for w in o.split("_") if not _WORD.fullmatch(w))
        raise ValueError(f"{bad!r} is not a lower-case word")
    return tuple(tuple(o.split("_")) for o in text.split("|"))


def _check_words(words: Iterable[str]) -> None:
    for word in words:
        if not _WORD.fullmatch(word):
            raise ValueError(f"{word!r} is not a lower-case word")
