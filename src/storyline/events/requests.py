"""Whom a request or a proposal of an act is aimed at when it addresses no one: the
parties of the act asked for or proposed.

"Peru asked for a meeting with Chile", "Bolivia's proposal to restart negotiations with
Paraguay": the meeting's other party. "Ghana called for the presidents of Mali and Niger
to hold talks", "Argentina asked for the two ministers to meet": whoever is to act, less
the side asking. "Senegal called for order to be restored in Gambia": the country where
the act is asked for. A stated readiness to act ("affirmed its readiness to continue
dialogue with X") is aimed the same way.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.actors.phrases import Phrases, unique
from storyline.events.lexicon import Trigger
from storyline.records import Actor

# Statements that ask for or put forward an act of others.
_ASKING = frozenset({"REQUEST", "AGREE"})
# How an act asked for names its parties: "talks with X", "a meeting between X and Y",
# "to be restored in X".
_PARTIES = frozenset({"with", "between", "of", "in"})
_CLAUSES = frozenset({"xcomp", "ccomp", "advcl", "acl"})


def requested_parties(
    token: Token, trigger: Trigger, source: Actor, phrases: Phrases
) -> tuple[Actor, ...]:
    """The parties of the act a request or a proposal is about, other than its source
    and the source's country; none for any other trigger."""
    if trigger.type not in _ASKING:
        return ()
    found: list[Actor] = []
    for asked in _asked(token):
        found += _parties(asked, phrases)
        if found:
            break
    return tuple(a for a in unique(found) if not _same_side(a, source))


def _asked(token: Token) -> list[Token]:
    """What a request asks for: its object ("asked for a meeting"), its clause ("called
    for X to hold talks", "proposal to restart negotiations")."""
    out = [c for c in token.children if c.dep_ == "dobj"]
    out += [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    out += [c for c in token.children if c.dep_ in _CLAUSES and _infinitive(c)]
    return out


def _parties(asked: Token, phrases: Phrases) -> list[Actor]:
    """Who is to act in a clause asked for, and with whom, or where; the parties a
    meeting noun names."""
    found: list[Actor] = []
    if asked.pos_ in ("VERB", "AUX"):
        for child in asked.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                found += phrases.actors_of(child)
            if child.dep_ in ("nsubj", "nsubjpass", "dobj"):  # not who is released
                found += _named(child, phrases)
    found += _named(asked, phrases)
    if asked.pos_ == "NOUN" and not found:  # "readiness to continue dialogue with X"
        for clause in asked.children:
            if clause.dep_ == "acl" and _infinitive(clause):
                found += _parties(clause, phrases)
    return found


def _infinitive(clause: Token) -> bool:
    return any(a.dep_ in ("aux", "mark") and a.lower_ in ("to", "for") for a in clause.children)


def _named(head: Token, phrases: Phrases) -> list[Actor]:
    """The actors in "with X", "between X and Y", "of X", "in X" after a word."""
    return [
        actor
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in _PARTIES
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for actor in phrases.actors_of(pobj)
    ]


def _same_side(actor: Actor, source: Actor) -> bool:
    """The one asking, or of its country ("Chile asked for the two ministers to meet")."""
    if actor.actor_id == source.actor_id:
        return True
    return source.country is not None and actor.country == source.country
