"""An act told as someone's doing by another: "Chad said Sudan was behind the attack",
"the rebels were responsible for the blast, the army said", "Kenya held the militia
responsible for the raid", "the blast was blamed on the militia by Kenya". The act is
the culprit's and contested (it is one side's word), and whoever tells it so accuses the
culprit. Who is said to have done an act is found by the argument patterns of role
`culprit` (data/event_patterns.yaml).
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.events.frames import Frame, Framer
from storyline.events.lexicon import Trigger
from storyline.records import Actor, Quote

# What telling an act as someone's doing is coded as: an accusation (CAMEO 112).
CHARGE = Trigger(lemma="responsible", pos="ADJ", type="ACCUSE", cameo="112", mode="allege")
_SAYING = frozenset({"hold", "consider", "deem", "find", "declare"})
_BLAMING = frozenset({"blame", "pin"})  # "the blast was blamed on X (by Y)"


def charged(token: Token, frame: Frame, quotes: tuple[Quote, ...], framer: Framer) -> Frame | None:
    """The accusation an act told as its culprit's carries: from whoever says so (the
    speaker of the words it is told in, or the subject of "held X responsible") to the
    culprit; None when the act is not told so, or no one else says it."""
    culprits = {a.actor_id for a in framer.culprits(token)}
    if frame.source.actor_id not in culprits:
        return None
    accuser = _holder(token, framer) or _speaker(token, quotes)
    if accuser is None or accuser.actor_id in culprits:
        return None
    return Frame(source=accuser, targets=(frame.source,))


def _holder(token: Token, framer: Framer) -> Actor | None:
    """ "Kenya held the militia responsible for the raid": the subject of the verb; "the
    blast was blamed on the militia by Kenya": the agent of the passive."""
    if token.dep_ == "nsubjpass" and token.head.lemma_.lower() in _BLAMING:
        agents = [g for c in token.head.children if c.dep_ == "agent" for g in c.children]
        found = framer.phrases.actors_of(agents[0]) if agents else []
        return found[0] if found else None
    for head in token.ancestors:
        if head.lemma_.lower() in _SAYING and head.pos_ == "VERB":
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            found = framer.phrases.actors_of(subjects[0]) if subjects else []
            return found[0] if found else None
    return None


def _speaker(token: Token, quotes: tuple[Quote, ...]) -> Actor | None:
    for quote in quotes:
        if quote.evidence.start <= token.idx < quote.evidence.end and quote.speaker:
            return quote.speaker
    return None
