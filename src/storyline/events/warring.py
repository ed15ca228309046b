"""Whom a request addressed to the parties of a conflict as a group is aimed at: each of
the parties, less the one asking.

"The Arab League urged all parties to show restraint", "Brazil called on the warring
sides to lay down their arms", "the envoy appealed to the belligerents to spare the
harvest", "Norway said all factions must return to the table": the group names no one,
so it is read as the article's two sides (their governments) when the conflict told
before is between them, else as the two parties of the last conflict told before ("the
army shelled rebel positions ... The Pope urged all sides to ..."). A group named as
others' ("the opposition parties", "political parties in the north") is no such group,
and with no conflict told before there is none to address.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from storyline.actors.phrases import Phrases, unique
from storyline.actors.states import country_body
from storyline.records import Actor, Event

# Nouns for the parties of a conflict, and words that make any of them the warring ones.
_GROUP = frozenset("party side belligerent combatant faction camp protagonist".split())
_WARRING = frozenset("warring rival opposing conflicting feuding belligerent fighting".split())
_ALL = frozenset({"all", "both", "each", "either", "the"})
# Prepositions after which a call names whom it addresses ("called on", "appealed to").
_ADDRESS = frozenset({"on", "upon", "to"})
_REQUESTS = frozenset("call appeal plea demand request ultimatum".split())  # "issued a call"
# Acts of a conflict whose two parties the group may be.
_CONFLICT = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "SANCTION", "ACCUSE"})
_STATE = frozenset({None, "GOV", "MIL", "LEG", "COP"})  # a country's state, not its people


def warring_parties(
    token: Token, source: Actor, phrases: Phrases, events: Sequence[Event]
) -> tuple[Actor, ...]:
    """The parties of the conflict told before when a request is addressed to them as a
    group ("urged all sides to ..."), other than the side asking; else none."""
    if not any(_is_group(t) for t in addressees(token)):
        return ()
    parties = _conflict_parties(token, source, phrases, events)
    return tuple(p for p in parties if not _of_side(p, source))


def addressees(token: Token) -> list[Token]:
    """Whom a request names as asked: its object ("urged all sides to"), the object of
    its "on" or "to" ("called on the parties", "appealed to the factions"), or of its
    object's when that is the request ("issued an appeal to all parties"), the subject
    of its reported clause ("said all parties must ...")."""
    out = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    heads = [token, *(c for c in out if c.lemma_.lower() in _REQUESTS)]
    if token.pos_ == "NOUN" and token.dep_ == "dobj":  # "made a plea to the factions"
        heads.append(token.head)
    out += [
        g
        for head in heads
        for c in head.children
        if c.dep_ in ("prep", "prt") and c.lower_ in _ADDRESS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    out += [
        s
        for c in token.children
        if c.dep_ == "ccomp" and c.i > token.i
        for s in c.children
        if s.dep_ == "nsubj"
    ]
    return out


def _is_group(tok: Token) -> bool:
    """ "all parties", "the warring sides", "both camps", "the belligerents", "each
    side": the parties of a conflict as a group, not a kind of them ("the opposition
    parties", "political parties")."""
    if tok.lemma_.lower() not in _GROUP:
        return False
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    if any(m.lower_ not in _WARRING for m in mods):
        return False
    marks = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod")}
    singular = tok.tag_ == "NN" and marks & {"each", "either"}
    plural = tok.tag_ == "NNS" and (marks & _ALL or tok.lemma_.lower() != "party" or mods)
    return bool(singular or plural)


def _conflict_parties(
    token: Token, source: Actor, phrases: Phrases, events: Sequence[Event]
) -> list[Actor]:
    """The two sides' governments when the last conflict told before is between their
    countries, else that conflict's doer and its first target."""
    told = [
        e
        for e in events
        if e.type in _CONFLICT
        and e.evidence.start < token.idx
        and e.targets
        and e.source.actor_id != e.targets[0].actor_id
    ]
    if not told:
        return []
    last = told[-1]
    sides = phrases.sides(token.doc)
    countries = {s.country for s in sides}
    if len(sides) == 2 and {last.source.country, last.targets[0].country} == countries:
        return [country_body(phrases.kb, s.country, "GOV", token.text) for s in sides if s.country]
    return unique((last.source, last.targets[0]))


def _of_side(actor: Actor, source: Actor) -> bool:
    """The one asking, or the same state as the one asking ("Kenya urged all sides":
    not the Government of Kenya); rebels or a church of a country are not its state."""
    if actor.actor_id == source.actor_id:
        return True
    same = source.country is not None and actor.country == source.country
    return same and actor.sector in _STATE and source.sector in _STATE
