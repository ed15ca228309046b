"""Acts whose other party is read from the acts told before them.

Three classes of sentences: a condemnation of an act named again without its doer
("X condemned the attack", "the ambush was denounced by X") is aimed at whoever did the
last such act the article told of; a retaliation ("X hit back with drone strikes",
"X retaliated", "struck back", "deployed troops in response to the attack") is aimed
at the doer of the act it answers, else at whoever last attacked its doer; a sanction
told without its doer ("five officials were put under a visa ban") is the
sanctioning body's of the sanctions told in that sentence or the one before. The words
that mark a retaliation are argument patterns of role `answer` (data/event_patterns.yaml).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from storyline.actors.states import STATE_BODIES
from storyline.events.decisions import DECIDING
from storyline.events.frames import Framer
from storyline.events.lexicon import Trigger
from storyline.events.slots import governing_verb
from storyline.records import Actor, ActorKind, Event

_HARM = ("ASSAULT", "COERCE")  # acts a condemnation or a retaliation answers
_FORCE = ("ASSAULT", "MOBILIZE")  # acts of force that may answer them
_ATTEMPTS = frozenset({"attempt", "bid", "plot", "move", "effort", "conspiracy", "scheme"})
_NAMED_AGAIN = frozenset({"the", "this", "that", "these", "those", "such"})
_MEASURES = ("SANCTION", "THREATEN")  # a body's measures: a sanction, force decided
_DEPTH = 4  # how far up the verb of saying may be ("went on to say that ...")


def answered(
    token: Token, trigger: Trigger, source: Actor, events: Sequence[Event], framer: Framer
) -> tuple[Actor, ...]:
    """Whom an act that answers an earlier one is aimed at, or () when it is none."""
    if trigger.type == "ACCUSE":
        return _condemned(token, source, events, framer)
    marks = framer.arguments(token, "answer") if trigger.type in _FORCE else []
    if marks:
        return _answered_doer(marks, source, events, framer) or _attacker_of(source, events)
    return ()


def _answered_doer(
    marks: list[Token], source: Actor, events: Sequence[Event], framer: Framer
) -> tuple[Actor, ...]:
    """ "in response to the attack by X": X; "in the wake of the ambush": the doer of the
    last act of harm told before, not of the answering side."""
    lexicon = framer.lexicon
    for noun in marks:
        if lexicon is None or not any(t.type in _HARM for t in lexicon.triggers_for(noun)):
            continue
        named = [a for a in framer.doers(noun) if not _same_side(a, source)]
        if named:
            return tuple(named)
        earlier = [e for e in events if e.type in _HARM and not _same_side(e.source, source)]
        return (earlier[-1].source,) if earlier else ()
    return ()


def _condemned(
    token: Token, source: Actor, events: Sequence[Event], framer: Framer
) -> tuple[Actor, ...]:
    """ "Kenya condemned the attack", "the bombing was denounced by Ghana": the doer of
    the last act of harm told before, of the kind named if there is one."""
    lexicon = framer.lexicon
    if lexicon is None:
        return ()
    for noun in token.children:
        if noun.dep_ not in ("dobj", "nsubjpass") or noun.pos_ != "NOUN":
            continue
        noun_det, noun = noun, _attempted(noun) or noun  # "the bid to overthrow X"
        # "the attack", "this raid"; "Odinga's arrest": the act named by whom it was done to
        patients = framer.arguments(noun, "target")
        victims = {a.actor_id for h in patients for a in framer.phrases.actors_of(h)}
        if not patients and not any(
            c.dep_ == "det" and c.lower_ in _NAMED_AGAIN for c in noun_det.children
        ):
            continue
        kinds = [t.type for t in lexicon.triggers_for(noun) if t.type in _HARM]
        if not kinds:
            continue
        earlier = [e for e in events if e.type in _HARM and e.source.actor_id != source.actor_id]
        if victims:  # the act done to them, not any act
            earlier = [e for e in earlier if victims & {t.actor_id for t in e.targets}]
        same = [e for e in earlier if e.type == kinds[0]]
        last = (same or earlier)[-1:] if earlier else []
        return tuple(e.source for e in last)
    return ()


def _attempted(noun: Token) -> Token | None:
    """The act an attempt is made at ("the bid to overthrow the government", "the plot
    to kill the mayor", "an attempt to seize power"): the verb of its "to" clause."""
    if noun.lemma_.lower() not in _ATTEMPTS:
        return None
    clauses = [c for c in noun.children if c.dep_ == "acl"]  # or misparsed on the verb:
    clauses += [c for c in noun.head.children if c.dep_ in ("xcomp", "advcl") and c.i > noun.i]
    return next((c for c in clauses if c.pos_ == "VERB"), None)


def _attacker_of(source: Actor, events: Sequence[Event]) -> tuple[Actor, ...]:
    """The doer of the last attack or seizure told before on the actor or on its state
    (a government hits back for an attack on its army, or for a base overrun), not by
    its own side."""
    for event in reversed(events):
        if event.type not in _HARM or _same_side(event.source, source):
            continue
        if any(_same_side(t, source) for t in event.targets):
            return (event.source,)
    return ()


def _same_side(a: Actor, b: Actor) -> bool:
    """One actor, or two bodies of one state ("the government" and "its army")."""
    if a.actor_id == b.actor_id:
        return True
    return a.country is not None and a.country == b.country and _state(a) and _state(b)


def _state(actor: Actor) -> bool:
    return actor.kind is ActorKind.COUNTRY or actor.sector in STATE_BODIES


def sanctioner(
    token: Token, trigger: Trigger, events: Sequence[Event], framer: Framer | None = None
) -> Actor | None:
    """Who imposes a sanction told without its doer ("their accounts were frozen", "were
    put under a visa ban", "would be barred from all bank dealings"): the body that
    says it is done ("the generals were placed under a travel ban, the union
    said"); else the doer of a measure (a sanction, or force decided) told in the same
    sentence or the one before; else the person who says it."""
    if trigger.type != "SANCTION":
        return None
    speaker = _announcer(token, framer) if framer is not None else None
    if speaker is not None and speaker.kind is not ActorKind.PERSON:
        return speaker  # a body says it: its own measure
    sent = token.sent
    start = token.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    for event in reversed(events):
        if event.type in _MEASURES and start <= event.evidence.start <= sent.end_char:
            return event.source
    return speaker


def _announcer(token: Token, framer: Framer) -> Actor | None:
    """Who says or decides the clause of a measure: the subject of the verb of saying or
    deciding it is told by ("the union said the officers would be barred ...", "X went
    on to say that ...", "X resolved that the officers would be barred ...")."""
    node = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    if node is None:
        return None
    passive = token.pos_ == "ADJ" or any(c.dep_ == "nsubjpass" for c in node.children)
    if not passive:
        return None  # only a measure told in the passive ("were placed under a ban")
    for _ in range(_DEPTH):
        if node is None or node.head.i == node.i:
            return None
        told, node = node.dep_ == "ccomp", node.head
        if told and (framer.kb.says(node) or node.lemma_.lower() in DECIDING):
            speaker = framer.speaker(node)
            return speaker[0] if speaker else None
    return None
