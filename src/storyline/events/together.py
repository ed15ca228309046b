"""Acts done together: an agreement its several parties make with no one else named.

"Both nations promised to withdraw their backing", "Sudan and Chad accepted the terms",
"the Ghanaian and Togolese delegations initialled the text": an agreement by coordinated
parties, with no recipient named, is between them (one event for the pair, PLOVER's
AGREE with every party an actor), not one agreement per party with no one on the other
side.
"""

from __future__ import annotations

from dataclasses import replace

from storyline.events.frames import Frame
from storyline.events.lexicon import Trigger

_TOGETHER = frozenset({"AGREE"})


def jointly(frame: Frame, trigger: Trigger) -> Frame:
    """The frame of an agreement made by several parties with no one else named: the
    first party's, with the others as its recipients; any other frame as it is."""
    if trigger.type not in _TOGETHER or frame.targets or not frame.others:
        return frame
    if any(other.targets for other in frame.others):
        return frame
    return replace(frame, targets=tuple(o.source for o in frame.others), others=())
