"""What a noun that counts or groups is of: "a series of conditions", "a package of
sanctions on X", "a round of talks with X", "a number of agreements with X". The act is
the noun after "of", and so are its phrases.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.actors.phrases import Phrases
from storyline.records import Actor

QUANTITIES = frozenset(
    "series number set list raft string host range batch package round wave couple pair".split()
)
# Slots a counted act's phrases may fill (events.yaml `targets`, without "_owner").
_PREPOSITIONS = frozenset({"with", "between", "to", "on", "against", "for", "from", "over", "at"})


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


def counted_parties(token: Token, slots: tuple[str, ...], phrases: Phrases) -> tuple[Actor, ...]:
    """The actors in a trigger's slots on the act its counted object is of ("held a round
    of talks with Chile" -> Chile), in the order of the slots."""
    acts = [a for c in token.children if c.dep_ in ("dobj", "nsubjpass") for a in counted(c)]
    for slot in slots:
        if slot not in _PREPOSITIONS:
            continue
        for act in acts:
            found = [
                actor
                for prep in act.children
                if prep.dep_ == "prep" and prep.lower_ == slot
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for actor in phrases.actors_of(pobj)
            ]
            if found:
                return tuple(found)
    return ()
