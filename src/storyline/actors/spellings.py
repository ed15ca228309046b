"""Spelling variants of one person's name: transliterations differ by a letter or two
(doubled letters, i/ie/y, s/z, ou/u, w/v, ph/f, kh/h, a final -ev/-ov), so two full
names whose words agree but for such variations, with a long enough surname, name the
same person when only one known person matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


class SpellingIndex:
    """Full names by their spelling keys, to find a known name's variants at once."""

    def __init__(self, names: Iterable[str]) -> None:
        self._by_key: dict[tuple[str, ...], set[str]] = {}
        for name in names:
            key = name_key_of(name)
            if len(key) > 1:
                self._by_key.setdefault(key, set()).add(name)

    def variant(self, name: str) -> str | None:
        """The one indexed name that is a spelling variant of `name`, if exactly one."""
        return one_variant(name, self._by_key.get(name_key_of(name), ()))
