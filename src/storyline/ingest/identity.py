"""Article identity: deterministic ids from normalised text."""

from __future__ import annotations

import re
import unicodedata

from storyline.records import stable_id

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Text folded for identity: Unicode NFKC, lower case, whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().lower()


def doc_id_for(text: str, own_id: str | None = None) -> str:
    """The record's own id when it has one, else a hash of the normalised text."""
    if own_id is not None and str(own_id).strip():
        return str(own_id).strip()
    return stable_id("d", normalise_text(text))
