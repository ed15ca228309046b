"""Spelling variants of one person's name: transliterations differ by a letter or two
(doubled letters, i/ie/y, s/z, ou/u, w/v, ph/f, kh/h, a final -ev/-ov), so two full
names whose words agree but for such variations, with a long enough surname, name the
same person when only one known person matches.

A known full name is also found written shorter or slightly wrong (`SpellingIndex.near`):
without its middle names ("Maria Lopez" for "Maria Elena Garcia Lopez"), with "el" for
"al" ("Ali el-Hassan"), or with a letter of a long surname dropped, added or changed
("Kwabena Asantee" for "Kwabena Asante").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from storyline.actors.names import fold

# (pattern, replacement), applied in order to a folded word
_VARIATIONS = (
    (re.compile("ph"), "f"),
    (re.compile("kh"), "h"),
    (re.compile("w"), "v"),
    (re.compile("y"), "i"),
    (re.compile("z"), "s"),
    (re.compile("ou"), "u"),
    (re.compile("ie"), "e"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile("ev$"), "ov"),
)
_SHORTEST_SURNAME = 5  # letters of the surname's key: shorter names collide too often
# A first name and surname alone stand for a longer listed name only when few listed
# names end in that surname.
_RARE_SURNAME = 3
_PARTICLES = frozenset("al ad as bin ibn bint abu de da del van von".split())


@cache
def spelling_key(word: str) -> str:
    """A word with its transliteration variations levelled ("Bazoum" -> "basum")."""
    key = fold(word)
    for pattern, replacement in _VARIATIONS:
        key = pattern.sub(replacement, key)
    return key


def name_key_of(name: str) -> tuple[str, ...]:
    """A full name's words as spelling keys."""
    return tuple(spelling_key(w) for w in name.split())


def variant_of(name: str, other: str) -> bool:
    """Whether two differently written full names are spellings of one name: as many
    words, each the same but for transliteration variations, the surname long enough."""
    a, b = name_key_of(name), name_key_of(other)
    if len(a) < 2 or a != b or fold(name) == fold(other):
        return False
    return len(a[-1]) >= _SHORTEST_SURNAME


def surname_keys(full_names: Iterable[str]) -> frozenset[str]:
    """The spelling keys of full names' surnames long enough to be told apart."""
    keys = (spelling_key(n.split()[-1]) for n in full_names if len(n.split()) > 1)
    return frozenset(k for k in keys if len(k) >= _SHORTEST_SURNAME)


def surname_of(word: str, full_names: Iterable[str]) -> str | None:
    """The one full name whose surname `word` is another spelling of ("Dialoh" of
    "Abdoulaye Dialloh"), if exactly one."""
    key = spelling_key(word)
    if len(key) < _SHORTEST_SURNAME or " " in word.strip():
        return None
    found = {
        n
        for n in full_names
        if len(n.split()) > 1
        and spelling_key(n.split()[-1]) == key
        and fold(n.split()[-1]) != fold(word)
    }
    return found.pop() if len(found) == 1 else None


def one_variant(name: str, known: Iterable[str]) -> str | None:
    """The one known name that is a spelling variant of `name`, if exactly one (two
    known people never join through a third spelling)."""
    found = {k for k in known if variant_of(name, k)}
    return found.pop() if len(found) == 1 else None


def _words(name: str) -> tuple[str, ...]:
    """A name's words as spelling keys, hyphens as spaces and "el" as "al"."""
    keys = (spelling_key(w) for w in fold(name).replace("-", " ").split())
    return tuple("al" if k == "el" else k for k in keys)


def _named(words: tuple[str, ...]) -> list[str]:
    """A name's words other than particles ("al", "bin")."""
    return [w for w in words if w not in _PARTICLES]


def _dropped(word: str) -> set[str]:
    """A word with each one of its letters left out."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_letter_off(a: str, b: str) -> bool:
    """Whether two different words differ by one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return short in _dropped(long)


def _inside(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the words of `short` are those of `full` in order, some left out."""
    rest = iter(full)
    return short != full and all(word in rest for word in short)


class SpellingIndex:
    """Full names by their spelling keys, to find a known name's variants at once."""

    def __init__(self, names: Iterable[str]) -> None:
        self._by_key: dict[tuple[str, ...], set[str]] = {}
        self._by_ends: dict[tuple[str, str], set[str]] = {}  # (first, last) word
        self._by_front: dict[tuple[str, ...], set[str]] = {}  # all words but the surname
        self._bearers: dict[str, set[str]] = {}  # names (aliases too) ending in each surname
        for name in names:
            key = name_key_of(name)
            if len(key) > 1:
                self._by_key.setdefault(key, set()).add(name)
            words = _words(name)
            if len(words) > 1:
                self._by_ends.setdefault((words[0], words[-1]), set()).add(name)
                self._by_front.setdefault(words[:-1], set()).add(name)
                self._bearers.setdefault(words[-1], set()).add(name)

    def variant(self, name: str) -> str | None:
        """The one indexed name that is a spelling variant of `name`, if exactly one."""
        return one_variant(name, self._by_key.get(name_key_of(name), ()))

    def bearers(self, surname: str) -> set[str]:
        """The indexed full names ending in this surname, when few do ("Kagame"); none
        for a common one ("Smith")."""
        words = _words(surname)
        if len(words) != 1 or len(words[0]) < _SHORTEST_SURNAME:
            return set()
        found = self._bearers.get(words[0], set())
        return found if len(found) <= _RARE_SURNAME else set()

    def near(self, name: str) -> set[str]:
        """The indexed full names `name` may be written for (see the module docstring):
        the same first and last words with middle ones left out (for a first name and
        surname alone, a rare surname), or the same words but a long surname one letter
        off; the caller checks they are one person."""
        words = _words(name)
        if len(words) < 2 or len(words[0]) < 3:
            return set()
        shorter = self._by_ends.get((words[0], words[-1]), set())
        if len(_named(words)) < 3 and len(self._bearers.get(words[-1], ())) > _RARE_SURNAME:
            shorter = set()  # "John Smith" is not the one John Hilary Smith listed
        found = {n for n in shorter if _inside(words, _words(n))}
        if len(words[-1]) >= _SHORTEST_SURNAME:
            fronted = self._by_front.get(words[:-1], ())
            found |= {n for n in fronted if _one_letter_off(words[-1], _words(n)[-1])}
        return found
