"""Acts done together: an agreement its several parties make with no one else named.

"Both nations promised to withdraw their backing", "Sudan and Chad accepted the terms",
"the Ghanaian and Togolese delegations initialled the text": an agreement by coordinated
parties, with no recipient named, is between them (one event for the pair, PLOVER's
AGREE with every party an actor), not one agreement per party with no one on the other
side.

"Russia stands ready to keep up contacts", "Kenya is ready for further talks":
a meeting one of the article's two sides says it is ready for, with no partner named, is
with the other side; so is an agreement one side makes or a demand it puts with no one
named ("Iran agreed to freeze its stockpile", in a report on Iran and the agency; "the
rebels tabled conditions", in one on the rebels and the government).

"The agency chief says Libya has agreed to open its sites", "Ghana agreed to cut tariffs,
the WTO said": an agreement or concession with no partner named, told by an
international body or its official, is made to that body (the one who reports it is the
one it was made to); not when a news outlet or someone of the agreeing country tells it.
A further one ("Libya has also agreed to ...") is made to whom its earlier one was.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from storyline.events.acts import stated_intention
from storyline.events.frames import Frame, Framer
from storyline.events.lexicon import Trigger
from storyline.records import Actor, ActorKind, Event

_TOGETHER = frozenset({"AGREE"})
_CONCEDING = frozenset({"AGREE", "CONCEDE"})
_READY = frozenset({"ready", "prepared", "open", "willing"})
_BODIES = frozenset({"IGO"})  # the sectors of bodies an agreement told by them is made to
_NAMING = frozenset({"compound", "nmod", "poss"})  # "IAEA chief X", "the agency's head"


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
    elif trigger.type not in ("AGREE", "REQUEST") or not _told_as_act(token):
        return ()  # an agreement or demand told as a verb, not one named ("its commitment")
    elif trigger.type == "REQUEST" and not (trigger.objects or token.lemma_ == "demand"):
        return ()  # a demand says what it is ("tabled conditions"); "urged them" is to them
    if framer.names_recipient(token, trigger):
        return ()  # someone the coder cannot read is named ("urging them to ...")
    sides = framer.phrases.sides(token.doc)
    if len(sides) != 2 or sum(_same_side(s, source) for s in sides) != 1:
        return ()
    return tuple(s for s in sides if not _same_side(s, source))


def _told_as_act(token: Token) -> bool:
    """A verb, or a readiness told as an adjective ("is ready for more talks", "remains
    open to dialogue")."""
    return token.pos_ == "VERB" or (token.pos_ == "ADJ" and token.lemma_.lower() in _READY)


def _same_side(side: Actor, actor: Actor) -> bool:
    """An actor of one side: the side itself, or of its country."""
    if side.actor_id == actor.actor_id:
        return True
    return side.country is not None and side.country == actor.country


def reporting_body(
    token: Token, trigger: Trigger, source: Actor, framer: Framer
) -> tuple[Actor, ...]:
    """The partner, when the clause names none, of an agreement or concession told in a
    clause an international body or its official reports ("the agency chief says Libya
    has agreed to open its sites"): the reporter."""
    if trigger.type not in _CONCEDING or token.pos_ != "VERB":
        return ()
    if framer.names_recipient(token, trigger):
        return ()
    verb = _saying(token, framer)
    if verb is None:
        return ()
    return tuple(
        _body_of(r, verb, framer) for r in framer.speaker(verb)[:1] if _body_apart(r, source)
    )


def _body_of(reporter: Actor, verb: Token, framer: Framer) -> Actor:
    """The body an official who reports heads, when the article names it and the subject
    says it ("IAEA Director General Rafael Grossi says"); else the reporter."""
    if reporter.kind is not ActorKind.PERSON:
        return reporter
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for word in subject.subtree:
            entry = framer.kb.organisation(word.text) if word.dep_ in _NAMING else None
            body = entry and next((a for a in framer.actors.actors if a.name == entry.name), None)
            if body is not None and body.sector in _BODIES:
                return body
    return reporter


def _saying(token: Token, framer: Framer) -> Token | None:
    """The verb of saying whose clause a verb is ("X says Y agreed"), or that follows
    it ("Y agreed ..., X said")."""
    if token.dep_ == "ccomp" and framer.kb.says(token.head):
        return token.head
    after = (c for c in token.children if c.dep_ in ("ccomp", "parataxis") and c.i > token.i)
    return next((c for c in after if framer.kb.says(c)), None)


def _body_apart(reporter: Actor, source: Actor) -> bool:
    """An international body or its official, not the agreeing actor or of its country."""
    if reporter.actor_id == source.actor_id or reporter.sector not in _BODIES:
        return False
    return reporter.country is None or reporter.country != source.country


def also_agreed(
    token: Token, trigger: Trigger, source: Actor, framer: Framer, events: list[Event]
) -> tuple[Actor, ...]:
    """The partner, when the clause names none, of a further agreement or concession
    ("Libya has also agreed to ..."): the one its actor's last agreement was made to."""
    if trigger.type not in _CONCEDING or token.pos_ != "VERB":
        return ()
    if not any(c.dep_ == "advmod" and c.lower_ == "also" for c in token.children):
        return ()
    if framer.names_recipient(token, trigger):
        return ()
    earlier = [
        e for e in events if e.type in _CONCEDING and e.targets and _same_side(e.source, source)
    ]
    return earlier[-1].targets if earlier else ()
