"""Acts done together: an agreement its several parties make with no one else named.

"Both nations promised to withdraw their backing", "Sudan and Chad accepted the terms",
"the Ghanaian and Togolese delegations initialled the text": an agreement by coordinated
parties, with no recipient named, is between them (one event for the pair, PLOVER's
AGREE with every party an actor), not one agreement per party with no one on the other
side.

"Russia stands ready to keep up contacts", "Kenya is ready to keep the dialogue going":
a meeting one of the article's two sides says it is ready for, with no partner named, is
with the other side.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from storyline.events.acts import stated_intention
from storyline.events.frames import Frame, Framer
from storyline.events.lexicon import Trigger
from storyline.records import Actor

_TOGETHER = frozenset({"AGREE"})


def jointly(frame: Frame, trigger: Trigger) -> Frame:
    """The frame of an agreement made by several parties with no one else named: the
    first party's, with the others as its recipients; any other frame as it is."""
    if trigger.type not in _TOGETHER or frame.targets or not frame.others:
        return frame
    if any(other.targets for other in frame.others):
        return frame
    return replace(frame, targets=tuple(o.source for o in frame.others), others=())


def other_side(token: Token, trigger: Trigger, source: Actor, framer: Framer) -> tuple[Actor, ...]:
    """The partner of a meeting one of the article's two sides says it is ready for or
    will hold, when the clause names none: the other side; none otherwise."""
    if trigger.type != "CONSULT" or not trigger.reciprocal:
        return ()
    if stated_intention(token, framer.kb) is None:
        return ()
    sides = framer.phrases.sides(token.doc)
    countries = {s.country for s in sides}
    if len(sides) != 2 or None in countries or source.country not in countries:
        return ()
    return tuple(s for s in sides if s.country != source.country)
