"""Recognition declared: what a body says it will recognise is its recognition now.

"The bloc will recognise only decrees signed by President X", "said it would recognise
only the elected government": recognition is done by saying so, so a "will" or a
reported "would" on the verb of recognition declares it (PLOVER SUPPORT, CAMEO 054), not
a promise of it; "is ready to recognise X" stays the promise it is. What is recognised
may be named by its author ("acts signed by President X", "orders issued by X"): the
author is recognised.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from storyline.events.acts import Act
from storyline.events.frames import Framer
from storyline.events.lexicon import Trigger
from storyline.records import Actor

_RECOGNITION = "054"
_WILL = frozenset({"will", "shall", "'ll", "would"})


def declared(token: Token, acts: list[Act]) -> list[Act]:
    """The acts a trigger reports, with a recognition its actor says it will give (not
    one it will not) told as given now, in place of the promise of it."""
    if len(acts) != 2 or not _recognition(acts[0].trigger) or acts[0].negated:
        return acts
    act, promise = acts
    if not (act.coming and promise.said and _willed(token)):
        return acts
    return [replace(act, lends=False, coming=False, said=True)]


def authors(token: Token, trigger: Trigger, framer: Framer) -> tuple[Actor, ...]:
    """Whom a recognition of acts or documents is of, when the clause names them as
    their authors ("recognise only acts signed by X", "decrees issued by X")."""
    if not _recognition(trigger):
        return ()
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        for clause in (c for c in obj.children if c.dep_ == "acl"):
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                found = [a for g in agent.children for a in framer.phrases.actors_of(g)]
                if found:
                    return tuple(found)
    return ()


def _recognition(trigger: Trigger) -> bool:
    return trigger.type == "SUPPORT" and trigger.cameo == _RECOGNITION


def _willed(token: Token) -> bool:
    """ "will recognise", "would recognise": the intention is on the verb itself."""
    return any(c.dep_ == "aux" and c.lower_ in _WILL for c in token.children)
