"""What a noun that counts or groups is of: "a series of conditions", "a package of
sanctions on X", "a round of talks with X", "a number of agreements with X". The act is
the noun after "of", and so are its phrases. A mobilization or a threat takes the phrases
of the act it is for ("mobilized reservists for a war against X").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from storyline.actors.phrases import Phrases
from storyline.events.slots import slot_heads
from storyline.records import Actor

if TYPE_CHECKING:
    from storyline.events.lexicon import Trigger

QUANTITIES = frozenset(
    "series number set list raft string host range batch package round wave couple pair".split()
)
# Acts made ready for another, whose target is that act's ("for a war against X").
_PREPARING = frozenset({"MOBILIZE", "THREATEN"})
_AIMED = ("against", "on", "into")  # how a hostile act names whom it is aimed at
# Slots a counted act's phrases may fill (events.yaml `targets`, without "_owner").
_PREPOSITIONS = frozenset(
    {"with", "between", "to", "on", "against", "for", "from", "over", "at", "into"}
)


def counted(noun: Token) -> list[Token]:
    """The nouns a counting noun is of ("a series of conditions" -> conditions)."""
    if noun.lemma_.lower() not in QUANTITIES:
        return []
    return [
        g
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]


def counted_parties(token: Token, trigger: Trigger, phrases: Phrases) -> tuple[Actor, ...]:
    """The actors in a trigger's slots on the act its counted object is of ("held a round
    of talks with Chile" -> Chile), or whom the act a mobilization or threat is for is
    aimed at ("deployed troops for an offensive against X" -> X)."""
    acts = [a for c in token.children if c.dep_ in ("dobj", "nsubjpass") for a in counted(c)]
    found = _in_slots(acts, trigger.targets, phrases)
    if found or trigger.type not in _PREPARING:
        return found
    purposes = [
        g
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == "for"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    return _in_slots(purposes, _AIMED, phrases)


def _in_slots(acts: list[Token], slots: tuple[str, ...], phrases: Phrases) -> tuple[Actor, ...]:
    """The actors in the first of these slots that the acts fill, in the slots' order."""
    for slot in slots:
        if slot not in _PREPOSITIONS:
            continue
        for act in acts:
            found = [actor for head in slot_heads(act, slot) for actor in phrases.actors_of(head)]
            if found:
                return tuple(found)
    return ()
