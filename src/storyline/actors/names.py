"""The one place names are normalised: lookup keys, word folding, display names, ids.

- `name_key`: how names are compared everywhere (dictionaries, the knowledge, the
  registry): accents, dots and apostrophes dropped, other punctuation as spaces, case
  folded, one leading "the" dropped ("The U.S." = "us", "al-Shabaab" = "al shabaab").
- `fold`: one word (or a run of words) folded the same way but keeping hyphens, for
  matching token sequences such as titles ("secretary-general").
- `canonical_name`, `surname`, `slug`: a person's display name, the word a second
  mention may use, and a readable id.
"""

from __future__ import annotations

import re
import unicodedata

_DROPPED = dict.fromkeys(map(ord, ".'’‘ʼ`´"), None)
_INITIAL = re.compile(r"^[A-Z]\.?$")
# "al-Sisi" is "Sisi" on second mention
_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "bin", "ibn"})


def _bare(text: str) -> str:
    """Text without accents (combining marks), dots and apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_DROPPED)


# ASCII text (most words) takes a table: dots and apostrophes dropped, other
# punctuation and symbols as spaces; the same result as the general path, faster.
_ASCII_KEY = str.maketrans(
    {c: ("" if c in ".'`" else " ") for c in map(chr, range(128)) if not c.isalnum() and c != " "}
)
_ASCII_FOLD = str.maketrans("", "", ".'`")


def name_key(text: str) -> str:
    """The form names are compared in (see the module docstring)."""
    if text.isascii():
        words = text.translate(_ASCII_KEY).lower().split()
        if len(words) > 1 and words[0] == "the":
            words = words[1:]
        return " ".join(words)
    spaced = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in _bare(text))
    words = spaced.casefold().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def fold(text: str) -> str:
    """Words folded for lookups: accents, dots, apostrophes and typographic marks
    (curly quotes, dashes) dropped, lower case; ASCII punctuation such as hyphens kept
    ("Secretary-General" -> "secretary-general", "“" -> "")."""
    if text.isascii():
        return " ".join(text.translate(_ASCII_FOLD).lower().split())
    kept = "".join(c for c in _bare(text) if c.isascii() or unicodedata.category(c)[0] not in "PS")
    return " ".join(kept.casefold().split())


def canonical_name(name: str) -> str:
    """A person's name without middle initials ("Antony J. Blinken" -> "Antony Blinken")."""
    words = name.split()
    inner = range(1, len(words) - 1)
    return " ".join(w for i, w in enumerate(words) if not (i in inner and _INITIAL.match(w)))


def surname(name: str) -> str:
    """The folded last word of a person's name ("al-Sisi" -> "sisi")."""
    words = fold(name).split()
    if not words:
        return ""
    head, _, rest = words[-1].partition("-")
    # "Vucic-Kurti" is no one's name: only a particle before a hyphen is dropped
    return rest if head in _PARTICLES and rest else words[-1]


def same_person(short: str, full: str) -> bool:
    """Whether one name is part of the other, as a second mention shortens a person's
    name: a whole word of it ("Oyet" of "Oyet Nathaniel Pierino", "Lula" of "Luiz
    Inácio Lula da Silva") or a run of its words ("Riek Machar" of "Riek Machar Teny").
    Never a particle or an initial alone ("da", "J.")."""
    a, b = fold(short).split(), fold(full).split()
    if len(a) > len(b):
        a, b = b, a
    if not a or a == b or (len(a) == 1 and (len(a[0]) < 3 or a[0] in _PARTICLES)):
        return False
    if len(a) == 1 and "-" not in a[0]:
        a = [a[0]]
        b = [p for w in b for p in (w, *w.split("-")[1:])]  # "Sisi" of "al-Sisi"
    return any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1))


def slug(name: str) -> str:
    """A readable id from a name: "James O’Brien" -> "james-obrien"."""
    ascii_name = _bare(name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "actor"
