"""Convert the CAMEO verb dictionary (PETRARCH-2 format) into storyline's verb data file.

    python scripts/convert_cameo_verbs.py [CAMEO_TXT] [CAMEO2PLOVER_JSON] [OUT_TSV]

Defaults, relative to the repository root: `../shared/data/phoenix_dictionaries/CAMEO.2.0.txt`,
`../shared/data/plover/cameo2plover.json` and `src/storyline/data/cameo_verbs.tsv`. The
output is sorted and stable: running the script again gives an identical file. A
report of what was kept and skipped, and why, is printed at the end.

The file (UTF-8, tab-separated, a header row after `#` lines with the licences and the
source) has one row per verb form and pattern, the block's code for the bare verb as
a row with an empty `after`:

    lemma  particle  after  cameo  plover  mode  targets  source

- lemma: the verb's base form, lower case (as spaCy lemmatises it); particle: the
  second word of a phrasal verb (`+STIR_UP` -> "stir", "up").
- after: what must follow the verb for the row to apply, the post-verb half of the
  CAMEO pattern in lower case with its synsets expanded: `aid` (a noun the verb
  governs), `{humanitarian aid}` (a noun and words before it), `(for aid)`,
  `(for {financial aid})` or `(to)` (a prepositional phrase); several in a row all
  must be there: `police (to border)`.
- cameo: the CAMEO code (the active part of PETRARCH's `active:passive` codes);
  plover, mode: its PLOVER type by the longest prefix in the CAMEO->PLOVER table,
  with `cameo_overrides` of data/plover.yaml applied, and the table's mode when it is
  a PLOVER 2.0 mode of that type (plover.yaml), else empty.
- targets: the argument slots where the coder looks for the recipient (see
  data/events.yaml): the choice events.yaml makes most often for verbs of the type,
  after the preposition a pattern marks the target actor after (`(INTO +)`: `into`).
- source: the line of CAMEO.2.0.txt the code comes from (the pattern, or the verb).

How the dictionary is read (dictionaries.rst upstream, and PETRARCH-2's reader):

- A verb belongs to the first block it is listed in (PETRARCH-2 keeps the first);
  its code is its own `[...]`, else the block's. Irregular forms in `{...}` are not
  needed (spaCy gives the lemma). Multi-word verbs are kept when they are a verb and
  one particle (`+CARRY_OUT`); words before the verb (`RE_+ARREST`), a noun after it
  (`+TAKE_NOTE`), longer phrases and forms of "be" (`+IS_DETERMINED`) are skipped.
- Patterns apply to every verb of their block. A code `A:B` is coded as A, the act
  of the verb's subject (`:B`, only a passive reading, is no code). Within a block
  the later of two identical patterns wins, as in PETRARCH-2's pattern tree.
- Synsets are expanded (one row per member, a member of several words becoming a
  noun with words before it); plurals are not generated, since the loader compares
  lemmas and the words as written.
- Skipped, and counted in the report: null codes (`---`), codes with no PLOVER type
  (CAMEO 01 statements and 02 appeals have none in the table), patterns with words
  before the verb (the subject), actor markers (`$`, `+`, `^`, `%`) other than the
  whole object of a preposition (`(TO +)` is written `(to)`), alternatives
  (`A/B`), hyphenated words (spaCy splits them), undefined synsets, and prepositional
  phrases holding more than one noun phrase. The transformations (`~`) are not
  patterns of one verb and are skipped.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
DEFAULT_CAMEO = SHARED / "phoenix_dictionaries" / "CAMEO.2.0.txt"
DEFAULT_TABLE = SHARED / "plover" / "cameo2plover.json"
DEFAULT_OUT = ROOT / "src" / "storyline" / "data" / "cameo_verbs.tsv"
DATA = ROOT / "src" / "storyline" / "data"

COLUMNS = ("lemma", "particle", "after", "cameo", "plover", "mode", "targets", "source")
# Words a phrasal verb may end in ("carry out", "call for", "come upon").
PARTICLES = frozenset(
    """up down out off on in over for at after away back forward upon into to with about
    around through by apart aside together along across against""".split()
)
_BE = frozenset({"is", "are", "am", "was", "were", "be", "been", "being"})
_WORD = re.compile(r"[a-z][a-z']*")
_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
_MARKERS = frozenset({"$", "+", "^", "%"})  # PETRARCH's actor markers
# "(INTO +)": the target actor ("+") as the object of a preposition
_RECIPIENT = re.compile(r"\(\s*([a-z]+)\s+\+\s*\)")
# Prepositions the loader reads as recipient slots (events.verbs.SLOTS).
_SLOT_PREPOSITIONS = frozenset(
    """with between to on against for of from over at into about regarding toward towards
    among""".split()
)
_LEFT_OUT: set[str] = set()  # synset members left out of the patterns, for the report

HEADER = """\
# CAMEO verb dictionary for storyline's event coder: verbs, the phrases that pick a
# code from the words after the verb, their CAMEO codes and PLOVER types.
# Converted by scripts/convert_cameo_verbs.py from CAMEO.2.0.txt of the PETRARCH-2
# dictionaries (openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf,
# petrarch2/data/dictionaries/CAMEO.2.0.txt). Do not edit by hand: change the
# converter and run it again.
#
# The MIT License (MIT). Copyright (c) 2014 Open Event Data Alliance (the dictionary
# itself says Copyright (c) 2015 Open Event Data Alliance).
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in the
# Software without restriction, including without limitation the rights to use, copy,
# modify, merge, publish, distribute, sublicense, and/or sell copies of the Software,
# and to permit persons to whom the Software is furnished to do so, subject to the
# following conditions: The above copyright notice and this permission notice shall
# be included in all copies or substantial portions of the Software. THE SOFTWARE IS
# PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
# NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE
# AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
# FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR
# OTHER DEALINGS IN THE SOFTWARE.
#
# The plover and mode columns map each CAMEO code with the CAMEO->PLOVER conversion
# table (CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8, openeventdata/PLOVER @
# 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f) by the Open Event Data Alliance / PLOVER
# authors (Schrodt, Halterman, Beger, Bagozzi, Scarborough et al.), licensed under
# Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0; see
# ../shared/data/plover/README.md), with the 2.0 overrides of plover.yaml; the
# targets column follows data/events.yaml (CC BY-SA 4.0). These columns re-express
# those mapping facts and are shared under CC BY-SA 4.0 as well.
#
# Columns: lemma (base form), particle (of a phrasal verb), after (what must follow
# the verb: a noun, `{modifier noun}`, `(preposition noun)`; empty for the bare
# verb), cameo, plover (PLOVER type), mode (PLOVER 2.0 mode or empty), targets
# (recipient slots, comma-separated), source (line of CAMEO.2.0.txt).
"""


# -- reading the dictionary ------------------------------------------------------------------


@dataclass(slots=True)
class Verb:
    """A verb form of a block: lemma, particle, its own code or None, and its line."""

    lemma: str
    particle: str
    code: str | None
    line: int


@dataclass(slots=True)
class Block:
    """A verb block: its default code, its verbs and its patterns (text, code, line)."""

    code: str
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass(slots=True)
class Dictionary:
    """The synsets and verb blocks of a CAMEO verb dictionary, and what was skipped."""

    synsets: dict[str, list[list[str]]] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def read_dictionary(text: str) -> Dictionary:
    """Synsets, verb blocks and patterns of the dictionary text."""
    out = Dictionary()
    synset: list[list[str]] | None = None
    block: Block | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = re.split(r"#|;", raw, maxsplit=1)[0].rstrip()  # ';' is TABARI's comment
        if not line.strip():
            continue
        if line.startswith("&"):
            synset = out.synsets.setdefault(line.strip().rstrip("_"), [])
        elif line.startswith("+") and block is None and synset is not None:
            synset.append(line[1:].strip().rstrip("_").lower().replace("_", " ").split())
        elif line.startswith("---"):
            code = re.search(r"\[([^\]]*)\]", line)
            block = Block(code=code.group(1).strip() if code else "---", line=number)
            out.blocks.append(block)
        elif line.startswith("~"):
            out.skipped["transformation (not a verb pattern)"] += 1
        elif line.startswith("-") and block is not None:
            code = re.search(r"\[([^\]]*)\]\s*$", line)
            if code is None:
                out.skipped["pattern without a code"] += 1
                continue
            block.patterns.append((line[1 : code.start()].strip(), code.group(1).strip(), number))
        elif block is not None:
            verb = _verb(line, number, out.skipped)
            if verb is not None:
                block.verbs.append(verb)
    return out


def _verb(line: str, number: int, skipped: Counter[str]) -> Verb | None:
    """A verb line: `WORD {forms} [code]` or a multi-word `+WORD_PARTICLE ...`."""
    code = re.search(r"\[([^\]]*)\]", line)
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
    if len(head) != 1:
        skipped["verb line not understood"] += 1
        return None
    words = head[0].lower().split("_")
    if len(words) == 1:
        lemma, particle = words[0].lstrip("+"), ""
    elif not words[0].startswith("+"):
        skipped["multi-word verb with words before the verb"] += 1
        return None
    elif len(words) > 2 or words[1] not in PARTICLES:
        skipped["multi-word verb that is not verb + particle"] += 1
        return None
    else:
        lemma, particle = words[0][1:], words[1]
    if lemma in _BE:
        skipped["multi-word verb with a form of 'be'"] += 1
        return None
    if not _WORD.fullmatch(lemma):
        skipped["verb that is not one plain word"] += 1
        return None
    return Verb(lemma, particle, code.group(1).strip() if code else None, number)


# -- patterns -----------------------------------------------------------------------------------


class Unexpressible(ValueError):
    """A pattern the verb data file cannot say; the message is the report's reason."""


def expand(pattern: str, synsets: dict[str, list[list[str]]]) -> str:
    """The `after` text of a pattern's post-verb half, synsets written out as
    alternatives."""
    before, star, after = pattern.partition("*")
    if not star:
        raise Unexpressible("pattern without '*'")
    if before.strip():
        raise Unexpressible("pattern with words before the verb")
    elements = _elements(_TOKEN.findall(after.lower()))
    if not elements:
        raise Unexpressible("pattern with nothing after the verb")
    return " ".join(_render(element, synsets) for element in elements)


Phrase = list[str]  # a noun phrase: modifiers, then the head
Element = tuple[str, Phrase | None]  # ("", noun phrase) or (preposition, noun phrase or None)


def _elements(tokens: list[str]) -> list[Element]:
    out: list[Element] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "(":
            close = _closing(tokens, i, "(", ")")
            inner = tokens[i + 1 : close]
            if not inner or not _plain(inner[0]):
                raise Unexpressible("prepositional phrase without a preposition")
            # "(TO +)", "(FROM $)": an actor marker as the whole object of a preposition
            # says only that someone follows it; the phrase is the bare preposition
            rest = [] if len(inner) == 2 and inner[1] in _MARKERS else inner[1:]
            nouns = _phrases(rest)
            if len(nouns) > 1:
                raise Unexpressible("prepositional phrase with several noun phrases")
            out.append((inner[0], nouns[0] if nouns else None))
            i = close + 1
        else:
            close = _closing(tokens, i, "{", "}") if tok == "{" else i
            out += [("", p) for p in _phrases(tokens[i : close + 1])]
            i = close + 1
    return out


def _closing(tokens: list[str], i: int, opening: str, closing: str) -> int:
    for j in range(i + 1, len(tokens)):
        if tokens[j] == closing:
            return j
        if tokens[j] in ("(", opening) or (tokens[j] in "{}" and opening == "{"):
            break
    raise Unexpressible(f"unbalanced '{opening}'")


def _phrases(tokens: list[str]) -> list[Phrase]:
    """Noun phrases: single words and `{...}` groups; words joined by `_` (consecutive
    in PETRARCH: `AIR_STRIKE`) are a noun and the words before it."""
    out: list[Phrase] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "{":
            close = _closing(tokens, i, "{", "}")
            words = tokens[i + 1 : close]
            i = close + 1
        else:
            words = [tokens[i]]
            i += 1
        words = [w for word in words for w in (word.split("_") if word[:1] != "&" else [word])]
        for word in words:
            _check_word(word)
        if words:
            out.append(words)
    return out


def _check_word(word: str) -> None:
    if word in {"$", "+", "^", "%"} or word[:1] in "$+^%":
        raise Unexpressible("pattern with an actor marker ($ + ^ %)")
    if "/" in word:
        raise Unexpressible("pattern with alternatives (A/B)")
    if "-" in word:
        raise Unexpressible("pattern with a hyphenated word")
    if not (word.startswith("&") or _plain(word)):
        raise Unexpressible("pattern with a word that is not plain")


def _plain(word: str) -> bool:
    return bool(_WORD.fullmatch(word))


def _render(element: Element, synsets: dict[str, list[list[str]]]) -> str:
    prep, phrase = element
    noun = _noun_text(phrase, synsets) if phrase is not None else ""
    if prep:
        return f"({prep} {noun})" if noun else f"({prep})"
    return noun


def _noun_text(phrase: Phrase, synsets: dict[str, list[list[str]]]) -> str:
    """A noun phrase: `word`, `{modifier head}`; a synset becomes its members as
    alternatives (`army|armed_forces`)."""
    slots = []
    for word in phrase:
        if not word.startswith("&"):
            slots.append(word)
            continue
        members = synsets.get(word.upper())
        if members is None:
            raise Unexpressible("pattern with an undefined synset")
        # a member spaCy cannot give as one word each ("cease-fire", "f-16") is left out
        options = ["_".join(m) for m in members if all(_plain(w) for w in m)]
        _LEFT_OUT.update(" ".join(m) for m in members if not all(_plain(w) for w in m))
        if not options:
            raise Unexpressible("synset with no member of plain words")
        slots.append("|".join(dict.fromkeys(options)))
    return slots[0] if len(slots) == 1 else "{" + " ".join(slots) + "}"


# -- CAMEO -> PLOVER ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Plover:
    """CAMEO codes to PLOVER types and modes, and the recipient slots of each type."""

    table: dict[str, tuple[str, str]]  # CAMEO prefix -> (type, table mode)
    overrides: dict[str, str]
    modes: dict[str, frozenset[str]]
    targets: dict[str, str]

    @classmethod
    def read(cls, table_json: Path, data: Path) -> Plover:
        """The CAMEO->PLOVER table, plover.yaml and events.yaml."""
        table: dict[str, tuple[str, str]] = {}
        for row in json.loads(table_json.read_text("utf-8"))["rows"]:
            if row["plover_event"]:  # the first row of a code wins ("08": CONCEDE)
                table.setdefault(str(row["cameo"]), (row["plover_event"], row["mode"] or ""))
        plover = yaml.safe_load((data / "plover.yaml").read_text("utf-8"))
        modes = {name: frozenset(t["modes"]) for name, t in plover["types"].items()}
        overrides = {str(k): v for k, v in (plover.get("cameo_overrides") or {}).items()}
        triggers = yaml.safe_load((data / "events.yaml").read_text("utf-8"))["triggers"]
        return cls(table, overrides, modes, _targets_by_type(triggers))

    def of(self, code: str) -> tuple[str, str] | None:
        """(PLOVER type, mode) of a CAMEO code by its longest known prefix, or None."""
        for size in range(len(code), 1, -1):
            if code[:size] in self.overrides:
                kind = self.overrides[code[:size]]
                mode = self.table.get(code[:size], ("", ""))[1]
                return kind, mode if mode in self.modes.get(kind, ()) else ""
            if code[:size] in self.table:
                kind, mode = self.table[code[:size]]
                return kind, mode if mode in self.modes.get(kind, ()) else ""
        return None


def _targets_by_type(triggers: list[dict[str, object]]) -> dict[str, str]:
    """The recipient slots events.yaml lists most often for verbs of each type (the first
    listed of equally common ones)."""
    counts: dict[str, Counter[str]] = {}
    for entry in triggers:
        if entry.get("pos") == "VERB":
            slots = ",".join(str(s) for s in entry.get("targets") or ())  # type: ignore[union-attr]
            counts.setdefault(str(entry["type"]), Counter())[slots] += 1
    return {kind: c.most_common(1)[0][0] for kind, c in counts.items()}


# -- rows -----------------------------------------------------------------------------------------


def convert(text: str, plover: Plover) -> tuple[list[tuple[str, ...]], Counter[str]]:
    """The rows of the verb data file, sorted, and the counts of the report."""
    dictionary = read_dictionary(text)
    report = dictionary.skipped
    coded: dict[tuple[str, str, str], tuple[str, int, str]] = {}  # (lemma, particle, after)
    owners: dict[tuple[str, str], int] = {}  # verb -> the block it belongs to
    for n, block in enumerate(dictionary.blocks):
        patterns = list(_patterns(block, dictionary.synsets, report))
        for verb in block.verbs:
            key = (verb.lemma, verb.particle)
            if owners.setdefault(key, n) != n:
                report["verb listed again in a later block (the first wins)"] += 1
                continue
            report["verb forms read"] += 1
            coded[(*key, "")] = (verb.code or block.code, verb.line, "")
            for after, code, line, slot in patterns:
                coded[(*key, after)] = (code, line, slot)
    rows = []
    for (lemma, particle, after), (code, line, slot) in coded.items():
        row = _row(lemma, particle, after, code, line, plover, report, slot)
        if row is not None:
            rows.append(row)
    report["synset members left out (not plain words: 'cease-fire', 'f-16')"] = len(_LEFT_OUT)
    roots = {r[3] for r in rows if r[3] not in plover.table and r[3] not in plover.overrides}
    report[f"codes mapped by their 2-digit root only ({' '.join(sorted(roots))})"] = len(roots)
    report["rows written"] = len(rows)
    report["verbs with a row"] = len({(r[0], r[1]) for r in rows})
    report["rows with a pattern"] = sum(1 for r in rows if r[2])
    return sorted(rows), report


def _patterns(
    block: Block, synsets: dict[str, list[list[str]]], report: Counter[str]
) -> Iterator[tuple[str, str, int, str]]:
    """Each pattern's `after` text, code, line and the preposition it marks the
    recipient after ("(INTO +)": "into"), or ""."""
    seen: set[str] = set()
    for pattern, code, line in block.patterns:
        report["patterns read"] += 1
        try:
            after = expand(pattern, synsets)
        except Unexpressible as exc:
            report[f"pattern skipped: {exc}"] += 1
            continue
        if after in seen:
            report["pattern repeated in its block (the later line wins, as in PETRARCH-2)"] += 1
        seen.add(after)
        marked = _RECIPIENT.search(pattern.lower())
        slot = marked.group(1) if marked and marked.group(1) in _SLOT_PREPOSITIONS else ""
        yield after, code, line, slot


def _row(
    lemma: str,
    particle: str,
    after: str,
    code: str,
    line: int,
    plover: Plover,
    report: Counter[str],
    slot: str = "",
) -> tuple[str, ...] | None:
    what = "verb-and-pattern row" if after else "verb's own code"
    active = code.split(":", 1)[0].strip()
    if not active or active == "---":
        report[f"{what} skipped: null code (---, or only a passive ':X' code)"] += 1
        return None
    if not active.isdigit():
        report[f"{what} skipped: code that is not a CAMEO code"] += 1
        return None
    mapped = plover.of(active)
    if mapped is None:
        report[f"{what} skipped: CAMEO {active[:2]}x has no PLOVER type"] += 1
        return None
    kind, mode = mapped
    targets = plover.targets.get(kind, "dobj")
    if slot:  # the preposition the pattern marks the recipient after comes first
        targets = ",".join(dict.fromkeys([slot, *targets.split(",")]))
    return (lemma, particle, after, active, kind, mode, targets, str(line))


def write(rows: list[tuple[str, ...]], out: Path) -> None:
    """The TSV file: header comments, the column names and the rows."""
    body = "\n".join("\t".join(r) for r in rows)
    out.write_text(f"{HEADER}{chr(9).join(COLUMNS)}\n{body}\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    """Convert, write and print the report."""
    if len(argv) > 3:
        print(__doc__.split("\n\n", 2)[1], file=sys.stderr)
        return 2
    paths = [Path(a) for a in argv] + list(DEFAULT_ARGS[len(argv) :])
    cameo, table, out = paths
    rows, report = convert(cameo.read_text("utf-8"), Plover.read(table, DATA))
    write(rows, out)
    print(f"{out}: {len(rows)} rows")
    for reason, count in sorted(report.items()):
        print(f"  {count:7,d}  {reason}")
    return 0


DEFAULT_ARGS = (DEFAULT_CAMEO, DEFAULT_TABLE, DEFAULT_OUT)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
