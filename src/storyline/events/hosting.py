"""Whom a third party's part in a meeting of others is with: the meeting's parties.

"Norway presided over the talks between Colombia and Venezuela", "the Swiss envoy oversaw
the prisoner exchange between X and Y", "chaired a session of talks between ...", "hosted
the meeting of Mali and Niger": the host, chair or witness consults with each party the
meeting names. "Blinken witnessed the signing": a meeting that names no one is the one of the two
parties just told of, else of the article's two sides; "hosted the ministers of both
nations": of the article's two sides.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.actors.phrases import Phrases, unique
from storyline.events.lexicon import Trigger
from storyline.events.slots import BOTH
from storyline.records import Actor

# How a meeting noun names its parties: "talks between X and Y", "the meeting of X and
# Y", "the signing by X and Y", "talks with X".
_PARTIES = ("between", "of", "by", "with", "among")


def hosted_parties(
    token: Token, trigger: Trigger, phrases: Phrases, host: Actor
) -> tuple[Actor, ...]:
    """The parties of the meeting a third party hosts, chairs, presides over or
    witnesses; none for a trigger that is no such part. Two parties the text does not
    name are never the host's own country and another: a host does not host itself."""
    if trigger.mode not in ("third-party", "visit") or token.pos_ != "VERB":
        return ()
    meetings = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    meetings += [
        g
        for c in token.children
        if c.dep_ in ("prep", "prt") and c.lower_ == trigger.particle
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if trigger.mode == "third-party":
        for meeting in meetings:
            named = _named_parties(meeting, phrases)
            if named:
                return named
    both = any(_both(m) for m in meetings)
    # a host of visitors who are "both nations'" (a visit names its guests itself)
    if meetings and (trigger.mode == "third-party" or both):
        two = _the_two(token, phrases, both)
        return () if host.country and host.country in {p.country for p in two} else two
    return ()


def _named_parties(meeting: Token, phrases: Phrases, depth: int = 2) -> tuple[Actor, ...]:
    """The parties a meeting noun names, also one noun down ("a session of talks
    between X and Y", "the signing of the accord by X and Y")."""
    found: list[Actor] = list(phrases.actors_of(meeting)) if depth < 2 else []
    for prep in meeting.children:
        if prep.dep_ != "prep" or prep.lower_ not in _PARTIES:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            found += phrases.actors_of(pobj)
            if not found and depth > 1:
                found += _named_parties(pobj, phrases, depth - 1)
    return tuple(unique(found))


def _both(meeting: Token) -> bool:
    """ "the ministers of both nations", "the two delegations"."""
    return any(t.lower_ in BOTH for t in meeting.subtree)


def _the_two(token: Token, phrases: Phrases, both: bool) -> tuple[Actor, ...]:
    """The two parties just told of, else the article's two sides; "both nations" are
    the two sides first."""
    sides = tuple(phrases.sides(token.doc))
    if both and len(sides) == 2:
        return sides
    if len(phrases.last_pair) == 2:
        return tuple(phrases.last_pair)
    return sides if len(sides) == 2 else ()
