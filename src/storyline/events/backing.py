"""Backing told through another act: help toward an act the lexicon codes itself.

"Norway will do all it can to help bring about peace between Chile and Bolivia", "the
Vatican helped broker the truce": help given to no one named, toward an act the lexicon
codes in its own right, is that act (support for the two parties of the peace, a
mediation), not aid with the act's recipients; help given to someone named ("helped
Ukraine rebuild its grid") stays aid to them.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.events.lexicon import Lexicon, Trigger

_HELPING = frozenset({"help", "assist"})
_GIVEN_TO = frozenset({"dobj", "dative"})
_AID_OR_PROMISE = frozenset({"AID", "AGREE"})  # help, or the promise of it ("will help")


def helps_another_act(token: Token, trigger: Trigger, lexicon: Lexicon | None) -> bool:
    """Whether a verb of help, with no one named as helped, is about an act its
    complement tells and the lexicon codes ("helped bring about peace between X and
    Y"): that act is the event, and the help has no recipient of its own."""
    if lexicon is None or trigger.lemma not in _HELPING or trigger.type not in _AID_OR_PROMISE:
        return False
    if any(c.dep_ in _GIVEN_TO for c in token.children):
        return False
    return any(
        c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and lexicon.triggers_for(c)
        for c in token.children
    )
