"""A parsed document's text, read once, and its words found without reading each one.

spaCy builds `Doc.text` anew from every token at each access (a few milliseconds for a
long report); the stages read it many times per article, so it is built once and kept
in the Doc's own `user_data`, which travels with the Doc to worker processes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from numpy import flatnonzero, isin
from spacy.attrs import ENT_TYPE, POS
from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

_KEY = "storyline.text"
_ENTS = "storyline.ents"


def doc_text(doc: Doc) -> str:
    """The document's verbatim text (the same string as `doc.text`)."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def entities_over(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """The named entities (token start, end, label) sharing a token with doc[start:end].

    `doc.ents` builds a Span for every entity of the document at each access; a stage
    asking it about each candidate phrase would cost the document's length per phrase.
    The entities are read once (kept in the Doc's `user_data`) and found by bisection."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = [(e.start, e.end, e.label_) for e in doc.ents]
    found = []
    # Entities are sorted and never overlap, so their ends are sorted too.
    for ent in ents[bisect_right(ents, start, key=lambda e: e[1]) :]:
        if ent[0] >= end:
            break
        found.append(ent)
    return found


def ents_within(span: Span) -> list[Span]:
    """The named entities entirely within the span, as `span.ents` gives them, found by
    bisection (`span.ents` reads every entity of the document at each call)."""
    doc, start, end = span.doc, span.start, span.end
    return [
        Span(doc, s, e, label=label)
        for s, e, label in entities_over(doc, start, end)
        if s >= start and e <= end
    ]


def indices_where(doc: Doc, attr: int, values: Iterable[str]) -> list[int]:
    """The indices of the tokens whose attribute `attr` (a `spacy.attrs` id such as TAG
    or LOWER) is one of `values`, read from the Doc's arrays: a loop over the Doc builds
    a Token object for every word, which costs more than the test it is built for."""
    wanted = [doc.vocab.strings[v] for v in values]
    return [int(i) for i in flatnonzero(isin(doc.to_array(attr), wanted))]


def nouns(doc: Doc) -> list[int]:
    """The indices of the nouns and proper nouns, read from the Doc's arrays."""
    return [int(i) for i in flatnonzero(isin(doc.to_array(POS), (NOUN, PROPN)))]


def untagged_proper_nouns(doc: Doc) -> list[int]:
    """The indices of the proper nouns the NER left untagged, read from the Doc's arrays."""
    tags = doc.to_array([POS, ENT_TYPE])
    return [int(i) for i in flatnonzero((tags[:, 0] == PROPN) & (tags[:, 1] == 0))]


def name_ending(token: Token) -> str:
    """The words of a name ending in this token: "Lachin Corridor" of "Corridor"."""
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].dep_ == "compound"
        and token.doc[start - 1].head.i == token.i
    ):
        start -= 1
    return token.doc[start : token.i + 1].text
