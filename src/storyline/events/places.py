"""Where an event happened: the rules that read an event's location from the words of
its clause, over the gazetteer (`storyline.gazetteer`).

`event_location` keeps the rules few (see its docstring): a place counts only when it
is the object of a locative preposition ("in", "at", "near", ...), directly or through
a place noun ("the outskirts of Kharkiv", "the Nagorno-Karabakh region"), and the most
specific such place wins.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline.actors.names import fold
from storyline.gazetteer import SPECIFICITY, Gazetteer, Place, place_key
from storyline.nlp.text import entities_over
from storyline.records import Location

# -- reading the location of an event ------------------------------------------------------

# Word lists are grammar, not knowledge, so they live here rather than in data/.
# Prepositions whose object is where something happened ("through": the crossing used).
_AT = frozenset(
    {"in", "at", "near", "outside", "inside", "within", "across", "throughout", "around",
     "off", "over", "through", "via"}
)  # fmt: skip
# Prepositions whose object is a destination ("a visit to Armenia").
_TO = frozenset({"to", "into", "toward", "towards", "onto"})
# Nouns that pass the location through "of" or a possessive ("the outskirts of Kyiv",
# "Kyiv's outskirts", "the city of Bakhmut", "the sidelines of the UNGA").
_PLACE_NOUNS = frozenset(
    {"city", "town", "village", "region", "province", "district", "area", "capital", "port",
     "outskirts", "suburb", "suburbs", "centre", "center", "heart", "part", "parts", "north",
     "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "coast",
     "island", "islands", "peninsula", "state", "county", "governorate", "oblast", "enclave",
     "territory", "strip", "waters", "shores", "shore", "vicinity", "edge", "sidelines",
     "margins", "margin", "streets", "border", "frontline", "front", "fringes", "banks"}
)  # fmt: skip
# The place nouns that also take "on" ("on the outskirts of"); others with "on" are
# targets ("an attack on the city of Kharkiv").
_ON_NOUNS = frozenset(
    {"outskirts", "sidelines", "margins", "margin", "edge", "island", "islands", "coast",
     "shores", "shore", "banks", "border", "frontline", "front", "fringes", "peninsula"}
)  # fmt: skip
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)  # fmt: skip
_MODIFIERS = frozenset({"compound", "amod", "nmod", "appos"})
# Verbs whose object is a place left behind ("left Moscow"): an origin, never a place.
_LEAVE_VERBS = frozenset({"leave", "flee", "depart", "quit", "exit", "evacuate", "abandon"})
# Lower-case words a place name may run through ("Dar es Salaam", "Strait of Hormuz").
_CONNECTORS = frozenset(
    {"of", "the", "and", "de", "del", "da", "do", "dos", "das", "es", "el", "al", "la", "le",
     "les", "der", "den", "di", "du", "y", "sur", "en", "am", "an", "upon", "-", "'s"}
)  # fmt: skip
# Entity labels that a place name inside them does not survive ("Kyiv Post",
# "Washington University"); and labels that are never places ("March" is a town).
_NOT_PLACE = frozenset(
    {"PERSON", "ORG", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}
)  # fmt: skip
_NEVER_PLACE = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_CALENDAR = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday"}
)  # fmt: skip
_MAX_WORDS = 10


def event_location(
    doc: Doc, tokens: Sequence[Token], gazetteer: Gazetteer, destination_ok: bool = False
) -> Location | None:
    """Where the event in these clause tokens happened, or None.

    Rules, in order:
    1. Place names are found in the clause by the gazetteer, longest first, starting at
       a capitalised word; a name inside a longer person, organisation or other
       non-place entity, or in a date, does not count.
    2. A name counts as the location when it is the object of "in", "at", "near",
       "outside", "across", "off", "through" and the like, directly or through a
       modifier, a conjunct or a place noun ("in the Nagorno-Karabakh region", "on the
       outskirts of Kharkiv", "on the sidelines of the UNGA", "20 km north of Kyiv").
    3. A destination ("a visit to Armenia", "visited Armenia") or a target counts only
       when `destination_ok` is set (for movement events); an origin ("from") never.
    4. The most specific place wins (city, venue or crossing; then region or corridor;
       then sea; then country; then a broad area); then a location over a destination;
       then the first in the text.
    A place where something was said ("said in Pristina") is a location like any other.
    """
    best: tuple[tuple[int, int, int], Location] | None = None
    for span, place in _names(doc, tokens, gazetteer):
        role = _role(span)
        if role == "at" or (role == "to" and destination_ok):
            rank = (SPECIFICITY[place.kind], role == "at", -span.start)
            if best is None or rank > best[0]:
                best = (rank, place.location)
    return best[1] if best else None


def _names(doc: Doc, tokens: Sequence[Token], gazetteer: Gazetteer) -> list[tuple[Span, Place]]:
    """Place names in the clause, longest first, left to right, none overlapping."""
    inside = {t.i for t in tokens}
    found = []
    i = min(inside, default=0)
    end = max(inside, default=-1) + 1
    while i < end:
        match = _name_at(doc, i, inside, gazetteer) if _starts_name(doc[i]) else None
        if match is None:
            i += 1
            continue
        found.append(match)
        i = match[0].end
    return found


def _starts_name(token: Token) -> bool:
    return token.text[:1].isupper() and token.lower_ not in _CALENDAR


def _name_at(doc: Doc, i: int, inside: set[int], gazetteer: Gazetteer) -> tuple[Span, Place] | None:
    j = i
    while j < len(doc) and j in inside and j - i < _MAX_WORDS and _may_continue(doc[j], gazetteer):
        j += 1
    for stop in range(j, i, -1):
        span = doc[i:stop]
        last = span[-1]
        if last.is_punct or last.lower_ in _CONNECTORS:
            continue
        if not last.text[:1].isupper() and place_key(span.text) not in gazetteer.curated:
            continue  # only curated names end in a lower-case word ("Lachin corridor")
        place = gazetteer.find(span.text)
        if place is not None and _plausible(span, place):
            return span, place
    return None


def _may_continue(token: Token, gazetteer: Gazetteer) -> bool:
    """Whether a name may run through this token: capitalised, a connector, or a word
    of a curated name ("crossing", "corridor", "region")."""
    return (
        token.text[:1].isupper()
        or token.lower_ in _CONNECTORS
        or fold(token.text) in gazetteer.vocabulary
    )


def _plausible(span: Span, place: Place) -> bool:
    """Whether NER lets this match stand: not in a date, not part of a longer non-place
    name ("Kyiv Post"), and not a person or organisation if only an alternate city name."""
    doc = span.doc
    for ent_start, ent_end, label in entities_over(doc, span.start, span.end):
        if label in _NEVER_PLACE:
            return False
        if label not in _NOT_PLACE:
            continue
        start = ent_start + (1 if doc[ent_start].lower_ == "the" else 0)
        same = (start, ent_end) == (span.start, span.end)
        if (same and place.alternate) or (not same and start <= span.start and span.end <= ent_end):
            return False
    return True


def _role(span: Span) -> str | None:
    """ "at" when the name is where the clause happened, "to" when it is a destination or
    a direct object, else None; climbs through modifiers, conjuncts and place nouns."""
    token = span.root
    for _ in range(12):  # a few hops up the tree are enough
        dep, head = token.dep_, token.head
        if head.i == token.i:
            return None
        noun_head = head.pos_ in ("NOUN", "PROPN")
        poss = dep == "poss" and _is(head, _PLACE_NOUNS)
        if (dep in _MODIFIERS and noun_head) or dep == "conj" or poss:
            token = head
        elif dep == "pobj":
            word = head.lower_
            if word == "of" and _is(head.head, _PLACE_NOUNS):
                token = head.head
            elif word in _AT or (word == "on" and _is(token, _ON_NOUNS)):
                return "at"
            else:
                return "to" if word in _TO else None
        elif token.lower_ in _DIRECTIONS and dep in ("advmod", "npadvmod"):
            return "at"  # "20 km north of Kyiv"
        else:
            if dep == "dobj" and head.pos_ == "VERB" and not _is(head, _LEAVE_VERBS):
                return "to"
            return None
    return None


def _is(token: Token, words: frozenset[str]) -> bool:
    """Whether the word or its lemma is one of these ("outskirts", lemma "outskirt")."""
    return token.lower_ in words or token.lemma_.lower() in words
