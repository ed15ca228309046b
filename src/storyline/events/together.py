"""Acts done together: an agreement its several parties make with no one else named.

"Both nations promised to withdraw their backing", "Sudan and Chad accepted the terms",
"the Ghanaian and Togolese delegations initialled the text": an agreement by coordinated
parties, with no recipient named, is between them (one event for the pair, PLOVER's
AGREE with every party an actor), not one agreement per party with no one on the other
side.

"Russia stands ready to keep up contacts", "Kenya is ready to keep the dialogue going":
a meeting one of the article's two sides says it is ready for, with no partner named, is
with the other side; so is an agreement one side makes or a demand it puts with no one
named ("Iran agreed to freeze its stockpile", in a report on Iran and the agency; "the
rebels tabled conditions", in one on the rebels and the government).
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
    """The partner, when the clause names none, of a meeting one of the article's two
    sides says it is ready for or will hold, of an agreement it makes or a demand it
    puts ("Iran agreed to freeze its stockpile" in a report on Iran and the agency): the
    other side."""
    if trigger.type == "CONSULT":
        if not trigger.reciprocal or stated_intention(token, framer.kb) is None:
            return ()
    elif trigger.type not in ("AGREE", "REQUEST") or token.pos_ != "VERB":
        return ()  # an agreement or demand told as a verb, not one named ("its commitment")
    elif trigger.type == "REQUEST" and not (trigger.objects or token.lemma_ == "demand"):
        return ()  # a demand says what it is ("tabled conditions"); "urged them" is to them
    if framer.names_recipient(token, trigger):
        return ()  # someone the coder cannot read is named ("urging them to ...")
    sides = framer.phrases.sides(token.doc)
    if len(sides) != 2 or sum(_same_side(s, source) for s in sides) != 1:
        return ()
    return tuple(s for s in sides if not _same_side(s, source))


def _same_side(side: Actor, actor: Actor) -> bool:
    """An actor of one side: the side itself, or of its country."""
    if side.actor_id == actor.actor_id:
        return True
    return side.country is not None and side.country == actor.country
