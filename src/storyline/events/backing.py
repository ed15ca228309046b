"""Backing told through another act: help toward an act the lexicon codes itself.

"Norway will do all it can to help bring about peace between Chile and Bolivia", "the
Vatican helped broker the truce": help given to no one named, toward an act the lexicon
codes in its own right, is that act (support for the two parties of the peace, a
mediation), not aid with the act's recipients; help given to someone named ("helped
Ukraine rebuild its grid") stays aid to them.

Credit given for help is praise of the helpers: "Colombia owes its peace to the efforts of
friends like Norway and Cuba", "owed the truce to the help of Egypt" (the lexicon's
"owe", whose "to" names the help, not the helpers).
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.events.frames import Framer
from storyline.events.lexicon import Lexicon, Trigger
from storyline.records import Actor

_HELPING = frozenset({"help", "assist"})
_GIVEN_TO = frozenset({"dobj", "dative"})
_AID_OR_PROMISE = frozenset({"AID", "AGREE"})  # help, or the promise of it ("will help")
_OWING = frozenset({"owe"})
_HELP = frozenset(
    """help support assistance aid effort contribution backing mediation cooperation
    friendship solidarity""".split()
)


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


def credited(token: Token, trigger: Trigger, framer: Framer) -> tuple[Actor, ...]:
    """Whom an outcome is owed to, when the clause names their help, not them ("owes
    its peace to the help of X and Y", "owed the deal to the efforts of partners like
    X"): the helpers."""
    if trigger.type != "SUPPORT" or trigger.lemma not in _OWING or token.pos_ != "VERB":
        return ()
    nouns = [g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return tuple(a for n in nouns for a in _helpers(n, framer))


def _helpers(noun: Token, framer: Framer) -> list[Actor]:
    """Whose help a noun of help is: "the help of X", "the efforts of friends like X"."""
    if noun.lemma_.lower() not in _HELP:
        return []
    named = [g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return [a for g in named for a in framer.phrases.actors_of(_listed(g))]


def _listed(noun: Token) -> Token:
    """ "good friends like X and Y", "partners such as X": the ones named."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("like", "as", "including"):
            for g in prep.children:
                if g.dep_ == "pobj":
                    return g
    return noun
