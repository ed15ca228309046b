"""An act told from its recipient's side: "Georgian demonstrators received weapons from
the government", "Kenya secured a loan from the World Bank", "Ukraine obtained assurances
from Washington". The subject receives the act; the "from" phrase names its doer, so the
frame is turned round (lexicon: `converse`).
"""

from __future__ import annotations

from dataclasses import replace

from storyline.events.frames import Frame
from storyline.events.lexicon import Trigger


def turned(frame: Frame, trigger: Trigger) -> Frame:
    """The frame of an act its recipient is told to receive, with the giver as the
    source and the receiver as the target; any other frame as it is."""
    if not trigger.converse or not frame.targets:
        return frame
    giver, receivers = frame.targets[0], (frame.source, *(o.source for o in frame.others))
    return replace(frame, source=giver, targets=receivers, others=())
