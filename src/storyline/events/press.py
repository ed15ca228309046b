"""An interview is not a consultation.

"Speaking to AFP, the commander said ...", "the minister told the BBC", "talked to
reporters": speaking to a news outlet or to journalists is how a statement is made, not
a meeting with them; PLOVER's CONSULT is between the parties of the news.
"""

from __future__ import annotations

from storyline.events.lexicon import Trigger
from storyline.records import Actor

_PRESS = frozenset({"MED", "JRN"})  # CAMEO's and PLOVER's codes for the media


def without_press(trigger: Trigger, targets: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The recipients of an act, less the media when the act is a consultation."""
    if trigger.type != "CONSULT":
        return targets
    return tuple(t for t in targets if t.sector not in _PRESS)
