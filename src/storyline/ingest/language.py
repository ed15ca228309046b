"""A cheap, dependency-free check that a text is English.

English news prose is about 40-50% function words ("the", "of", "and", ...); other
languages written in Latin script share few of them, and other scripts none.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from storyline.errors import IngestError

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS = 8


@cache
def function_words() -> frozenset[str]:
    """The English function words listed in the package's data file."""
    text = resources.files("storyline.data").joinpath("english_function_words.txt").read_text()
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


def english_share(text: str) -> tuple[float, int]:
    """The share of words that are common English function words, and the word count."""
    vocabulary = function_words()
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in vocabulary) / len(words), len(words)


def require_english(text: str, label: str, min_share: float) -> None:
    """Refuse a text that has no words or is not English."""
    share, n_words = english_share(text)
    if n_words == 0:
        raise IngestError(label, "no words in the text")
    if n_words >= _MIN_WORDS and share < min_share:
        raise IngestError(
            label,
            f"text does not look English ({share:.0%} English function words, "
            f"need {min_share:.0%}); storyline reads English only",
        )
