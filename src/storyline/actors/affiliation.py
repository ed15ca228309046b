"""Whom an unnamed office holder belongs to: the body written before or after the title.

"the Kremlin spokesman", "a White House official" (a seat before the title); "a senior
officer in the Burundian military", "a source within Ukrainian diplomatic circles", "an
official at the Kremlin", "the Heads of State and Government of ECOWAS" (a phrase after
it). The body is a known organisation or seat, an organisation the NER names, or a
country with the institution noun that gives its sector.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.actors.knowledge import Knowledge
from storyline.actors.names import fold
from storyline.nlp.text import ents_within

# Prepositions that tie a person to the body they work in or speak for.
_OF_BODY = frozenset({"in", "within", "at", "from", "of", "inside"})
_SEAT_WORDS = 3  # "White House", "the Kremlin": seats of at most this many words


@dataclass(frozen=True, slots=True, kw_only=True)
class Affiliation:
    """The body a title's holder belongs to, and where its phrase ends (token index)."""

    end: int
    country: str | None = None
    sector: str | None = None
    organisation: str | None = None  # a named body: "ECOWAS", "the Kremlin"


def seat_before(doc: Doc, j: int, kb: Knowledge) -> tuple[int, str, str] | None:
    """A seat of government right at token j ("Kremlin", "White House"): the token
    after it, its country and sector."""
    for size in range(_SEAT_WORDS, 0, -1):
        span = doc[j : j + size]
        if len(span) == size and span[0].text[:1].isupper():
            seat = kb.seat(span.text)
            if seat is not None:
                return j + size, seat[0], seat[1]
    return None


def affiliation_after(doc: Doc, end: int, kb: Knowledge) -> Affiliation | None:
    """The body named in a phrase right after a title ending at token `end`, or None.

    "and Government" after "Heads of State" is part of the title and skipped.
    """
    k = end
    if k + 1 < len(doc) and doc[k].lower_ == "and" and doc[k + 1].is_title:
        k += 1
        while k < len(doc) and doc[k].is_title:
            k += 1
    if k >= len(doc) or doc[k].lower_ not in _OF_BODY or doc[k].dep_ != "prep":
        return None
    pobj = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase = doc[k + 1 : pobj.right_edge.i + 1]
    return _body_in(phrase, kb)


def _body_in(phrase: Span, kb: Knowledge) -> Affiliation | None:
    """The body a phrase names: an organisation, a seat, or a country's institution."""
    end, text = phrase.end, phrase.text
    for candidate in (text, *_parenthesised(phrase)):
        org = kb.organisation(candidate)
        if org is not None:
            return Affiliation(
                end=end, country=org.country, sector=org.sector, organisation=org.name
            )
    seat = kb.seat(text)
    if seat is not None:
        return Affiliation(end=end, country=seat[0], sector=seat[1], organisation=None)
    country = next((c for t in phrase if t.text[:1].isupper() and (c := kb.country(t.text))), None)
    words = [fold(t.text) for t in phrase]
    sector = next(
        (inst[0].sector for k in range(len(words)) if (inst := kb.institution_at(words, k))),
        None,
    )
    named = [e for e in ents_within(phrase) if e.label_ == "ORG" and not kb.is_place(e.text)]
    if country is None and named:
        name = named[0].text.removeprefix("the ").removeprefix("The ")
        return Affiliation(end=end, sector=sector, organisation=name)
    if country is None:
        return None
    return Affiliation(end=end, country=country, sector=sector)


def _parenthesised(phrase: Span) -> list[str]:
    """ "(ECOWAS)" at the end of a phrase: the abbreviation the body is known by."""
    toks = list(phrase)
    if len(toks) >= 3 and toks[-1].text == ")" and toks[-3].text == "(":
        return [toks[-2].text]
    return []


def speaks(tok: Token, kb: Knowledge) -> bool:
    """Whether a noun is the one who speaks in its clause: the subject of a verb of
    speaking ("diplomats told Reuters"), or the one a report quotes ("quoted sources
    as saying")."""
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return kb.says(head)
    return tok.dep_ == "dobj" and head.lemma_ in ("quote", "cite")
