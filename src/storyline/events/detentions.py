"""Arrests, detentions and captivity (PLOVER COERCE, CAMEO 173): who holds whom.

News may tell an arrest by the troops a vehicle or unit carries ("a convoy carrying
soldiers of the Chadian army put him under house arrest", "a patrol carrying police
officers detained two reporters"): the doer is those troops' forces, not the vehicle.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.actors.phrases import unique
from storyline.events.frames import Framer
from storyline.events.lexicon import Trigger
from storyline.events.slots import governing_verb
from storyline.records import Actor

__all__ = ["detainer"]

_ARREST = "173"
# Vehicles and units that carry the troops who act ("a convoy carrying troops of X").
_CARRIERS = frozenset(
    "convoy column patrol unit vehicle truck car team squad detachment motorcade "
    "contingent group helicopter".split()
)
_CARRY = frozenset({"carry", "transport", "ferry", "bear", "bring"})


def detainer(token: Token, trigger: Trigger, framer: Framer) -> Actor | None:
    """Who holds the person an arrest or detention with no doer read is done to: the
    forces a carrying convoy or unit names; None when it names none."""
    if trigger.cameo != _ARREST:
        return None
    forces = carried_forces(token, framer)
    return forces[0] if forces else None


def carried_forces(token: Token, framer: Framer) -> list[Actor]:
    """The forces of the troops a vehicle or unit doing the act carries ("a convoy
    carrying troops of X and Y ... put him under arrest"): those of a known country
    first, as the others' country the report does not tell, and the armed forces
    first among them."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    for _ in range(3):
        if verb is None:
            return []
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            break
        verb = verb.head if verb.dep_ == "conj" else None
    else:
        return []
    found: list[Actor] = []
    for subject in subjects:  # "a convoy carrying ...", "a column of trucks carrying ..."
        of = [g for c in subject.children if c.lower_ == "of" for g in c.children]
        for carrier in (subject, *of):
            if carrier.lemma_.lower() in _CARRIERS:
                found += [a for troops in _carried(carrier) for a in _forces(troops, framer)]
    found = sorted(unique(found), key=lambda a: a.sector != "MIL")  # troops: the army's
    return [a for a in found if a.country] or found


def _carried(carrier: Token) -> list[Token]:
    """The troops a vehicle or unit carries ("a convoy carrying troops of X")."""
    return [
        obj
        for verb in carrier.children
        if verb.dep_ == "acl" and verb.lemma_.lower() in _CARRY
        for obj in verb.children
        if obj.dep_ == "dobj"
    ]


def _forces(troops: Token, framer: Framer) -> list[Actor]:
    """The forces troops are of: the troops' own phrase, and each body after "of"."""
    found = list(framer.phrases.actors_of(troops))
    for prep in troops.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for body in prep.children:
                if body.dep_ == "pobj":
                    found += framer.phrases.actors_of(body)
    return found
