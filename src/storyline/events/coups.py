"""Whom a demand to undo a coup is aimed at when it names no one to undo it and no
detention or ouster is coded before it, or only one by doers of no country ("mutinous
soldiers detained the president"): the junta of the coup the article tells.

"The Commonwealth called for civilian rule to be restored in the country", "Canada
demanded that the ousted premier be freed", "urged a return to constitutional order",
in a report on soldiers seizing power in Guinea: the demand is on Guinea's military,
the phrase the article calls its junta ("the junta", "the putschists", "the military
rulers"), else the military of the country where the order is to come back or of
those to be freed. A report that tells no coup has no junta to ask.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from storyline.actors.phrases import Phrases
from storyline.actors.states import country_body
from storyline.records import Actor, Event

# Words that tell a coup, and (verbs, objects) that do: "seized power", "toppled the
# government".
_COUP = frozenset("coup putsch junta putschist takeover".split())
_SEIZING = frozenset({"seize", "grab", "usurp", "take"})
_TOPPLING = frozenset({"overthrow", "topple", "oust", "depose", "unseat"})
_RULERS = frozenset("president government premier king ruler regime leader".split())
# Words of the phrase an article calls the junta by.
_JUNTA = ("junta", "putschist", "coup leader", "coup maker", "military ruler", "mutineer")
# Nouns of the order a coup overturned: "a return to constitutional order".
_ORDER = frozenset("order rule democracy government constitution".split())


def coup_told(doc: Doc) -> bool:
    """Whether an article tells a coup: names one ("the coup", "the junta") or tells
    power seized or a government toppled."""
    return any(_tells_coup(tok) for tok in doc)


def _tells_coup(tok: Token) -> bool:
    """ "coup", "putsch", "seized power", "toppled the president"."""
    lemma = tok.lemma_.lower()
    objects = {c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"}
    return (
        lemma in _COUP
        or (lemma in _SEIZING and "power" in objects)
        or (lemma in _TOPPLING and bool(objects & _RULERS))
    )


def order_returned(token: Token) -> bool:
    """ "urged a return to constitutional order", "called for a swift return to
    civilian rule": a request for the order a coup overturned to come back."""
    for asked in _asked_nouns(token):
        if asked.lemma_.lower() != "return":
            continue
        for prep in asked.children:
            if prep.dep_ == "prep" and prep.lower_ == "to" and _of_order(prep):
                return True
    return False


def _of_order(prep: Token) -> bool:
    """ "to constitutional order", "to civilian rule"."""
    return any(g.lemma_.lower() in _ORDER for g in prep.children if g.dep_ == "pobj")


def junta(
    token: Token,
    patients: list[Token],
    source: Actor,
    phrases: Phrases,
    events: Sequence[Event],
) -> tuple[Actor, ...]:
    """The military holding power by the coup the article tells: the one told seizing
    it, else the actor its junta phrase names, else the military of the country the
    undoing is asked in, of those to be freed or of the coup; none when it tells no
    coup or the junta is the one asking."""
    if not coup_told(token.doc):
        return ()
    found = (
        _coup_doer(events)
        or _named_junta(phrases)
        or _military(_country(token, patients, phrases), phrases)
    )
    if found is None or found.actor_id == source.actor_id:
        return ()
    return (found,)


def _coup_doer(events: Sequence[Event]) -> Actor | None:
    """The military of a country told seizing power before ("the Malian army seized
    power")."""
    seized = [
        e for e in events if e.mode == "seize" and e.source.sector == "MIL" and e.source.country
    ]
    return seized[-1].source if seized else None


def _named_junta(phrases: Phrases) -> Actor | None:
    """The military an article calls the junta or the putschists."""
    for mention in phrases.actors.mentions:
        actor = phrases.actors.actor(mention.actor_id)
        words = mention.evidence.text.lower()
        if actor is not None and actor.sector == "MIL" and any(w in words for w in _JUNTA):
            return actor
    return None


def _country(token: Token, patients: list[Token], phrases: Phrases) -> str | None:
    """Where the undoing is asked ("restored in Mali"), else the country of those to
    be freed or reinstated, else where the coup happened."""
    places = [
        pobj
        for head in [*(p.head for p in patients), token]
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for pobj in prep.children
    ]
    return _country_of([*places, *patients], phrases) or _coup_country(token.doc, phrases)


def _coup_country(doc: Doc, phrases: Phrases) -> str | None:
    """Where the article's coup happened: "the coup in Niger", "Mali's coup", "the
    Guinean putsch", "seized power in Gabon"."""
    for tok in doc:
        if not _tells_coup(tok):
            continue
        named = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod")]
        named += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("in", "of")
            for g in c.children
        ]
        country = _country_of(named, phrases)
        if country is not None:
            return country
    return None


def _country_of(heads: list[Token], phrases: Phrases) -> str | None:
    """The country of the first of these phrases to name an actor of one."""
    for head in heads:
        for actor in phrases.actors_of(head):
            if actor.country:
                return actor.country
    return None


def _military(country: str | None, phrases: Phrases) -> Actor | None:
    """A country's military as the article names it, else as a body of the country."""
    if country is None:
        return None
    for actor in phrases.actors.actors:
        if actor.country == country and actor.sector == "MIL":
            return actor
    return country_body(phrases.kb, country, "MIL", "junta")


def _asked_nouns(token: Token) -> list[Token]:
    """The nouns a request asks for: its object, the object of its "for"."""
    out = [c for c in token.children if c.dep_ == "dobj"]
    out += [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return out
