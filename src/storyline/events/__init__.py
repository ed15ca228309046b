"""Events: PLOVER/CAMEO coding of who did what to whom, when and where."""

from storyline.events.code import EventContext, code_events
from storyline.events.lexicon import Lexicon

__all__ = ["EventContext", "Lexicon", "code_events"]
