"""Arrests, detentions and captivity (PLOVER COERCE, CAMEO 173): who holds whom.

Three ways news tells a detention without naming its doer the way the frame reader
looks for one:

- by the troops a vehicle or unit carries ("a convoy carrying soldiers of the Chadian
  army put him under house arrest", "a patrol carrying police officers detained two
  reporters"): the doer is those troops' forces, not the vehicle;
- as a noun or a passive with no doer at all ("after the editor's arrest on Monday",
  "condemned the detention of the president", "was arrested in Kampala"): the
  detainer is the one the report names as arresting the same person elsewhere; else
  the power of the country where it happens, as PLOVER codes an unnamed doer, or of
  the report's one country (when the detained person is of that country or of none):
  its junta when the report tells a coup, else its government;
- with a verb that tells both arrest and abduction ("was being held captive by the
  government", "rebels seized two aid workers"): a state holding someone is detaining
  them, an armed group or criminals holding them are abducting them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from storyline.actors.phrases import unique
from storyline.actors.states import country_body
from storyline.events.acts import Act
from storyline.events.frames import Frame, Framer
from storyline.events.lexicon import Trigger
from storyline.events.places import event_location
from storyline.events.slots import clause_of, governing_verb
from storyline.gazetteer import Gazetteer
from storyline.records import Actor, ActorKind

__all__ = ["detainer", "held"]

_ARREST = "173"
# Vehicles and units that carry the troops who act ("a convoy carrying troops of X").
_CARRIERS = frozenset(
    "convoy column patrol unit vehicle truck car team squad detachment motorcade "
    "contingent group helicopter".split()
)
_CARRY = frozenset({"carry", "transport", "ferry", "bear", "bring"})
# Words a report tells a coup with: its armed body holds power.
_COUP = frozenset({"coup", "putsch", "junta", "putschist", "overthrow", "mutiny", "takeover"})
# Verbs that tell holding someone, whoever holds them (arrest or abduction).
_SEIZE = frozenset({"seize", "take", "grab", "usurp"})  # "seized power"
_HOLDING = frozenset({"hold", "keep", "seize"})
_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})  # a state's own bodies
_ARMED = frozenset({"REB", "CRM", "SEP", "UAF", "INS"})  # non-state armed groups, criminals


def detainer(
    token: Token, trigger: Trigger, framer: Framer, gazetteer: Gazetteer | None = None
) -> Actor | None:
    """Who holds the person an arrest or detention with no doer read is done to: the
    forces a carrying convoy or unit names, else the detainer the report names or
    implies (see the module's docstring); None when it cannot be told safely."""
    if trigger.cameo != _ARREST:
        return None
    forces = carried_forces(token, framer)
    if forces:
        return forces[0]
    if token.pos_ != "NOUN" and not _agentless(token):
        return None
    probe = framer.frame(token, trigger, _NOBODY)
    detained = [t for t in probe.targets if t is not _NOBODY] if probe else []
    if not detained:
        return None
    named = _named_elsewhere(token, detained, framer)
    return named or _authority(token, detained, framer, _country_where(token, gazetteer))


def carried_forces(token: Token, framer: Framer) -> list[Actor]:
    """The forces of the troops a vehicle or unit doing the act carries ("a convoy
    carrying troops of X and Y ... put him under arrest"): those of a known country
    first, as the others' country the report does not tell, and the armed forces
    first among them."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    for _ in range(3):
        if verb is None:
            return []
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            break
        verb = verb.head if verb.dep_ == "conj" else None
    else:
        return []
    found: list[Actor] = []
    for subject in subjects:  # "a convoy carrying ...", "a column of trucks carrying ..."
        of = [g for c in subject.children if c.lower_ == "of" for g in c.children]
        for carrier in (subject, *of):
            if carrier.lemma_.lower() in _CARRIERS:
                found += [a for troops in _carried(carrier) for a in _forces(troops, framer)]
    found = sorted(unique(found), key=lambda a: a.sector != "MIL")  # troops: the army's
    return [a for a in found if a.country] or found


def held(act: Act, frame: Frame, token: Token) -> Act:
    """An act told by a verb of holding or seizing someone, typed by who holds them: a
    state's is a detention ("held captive by the government"), an armed group's or
    criminals' an abduction ("militants seized two engineers"); seizing what someone
    owns ("seized the company's trucks") stays a seizure."""
    trigger = act.trigger
    if trigger.lemma not in _HOLDING or trigger.pos != "VERB" or not frame.targets:
        return act
    people = _people(token, frame.targets)
    state = _state(frame.source)
    if trigger.mode == "abduct" and state:
        coded = replace(trigger, type="COERCE", cameo=_ARREST, mode="arrest")
    elif trigger.mode == "seize" and people and (state or frame.source.sector in _ARMED):
        coded = (
            replace(trigger, cameo=_ARREST, mode="arrest")
            if state
            else replace(trigger, type="ASSAULT", cameo="181", mode="abduct")
        )
    else:
        return act
    return replace(act, trigger=coded)


# -- the detainer a report implies ----------------------------------------------------------

_NOBODY = Actor(actor_id="", name="", kind=ActorKind.ORG)  # a stand-in doer, to read targets


def _named_elsewhere(token: Token, detained: list[Actor], framer: Framer) -> Actor | None:
    """The doer the report names for an arrest or detention of the same person told
    elsewhere ("Police arrested the editor on Monday. ... the editor's arrest")."""
    ids = {a.actor_id for a in detained}
    triggers = framer.lexicon.triggers_for if framer.lexicon is not None else lambda _: []
    for other in token.doc:
        for trigger in triggers(other) if other.i != token.i else []:
            if trigger.cameo != _ARREST:
                continue
            frame = framer.frame(other, trigger)
            forces = carried_forces(other, framer) if frame is None else [frame.source]
            frame = frame or (framer.frame(other, trigger, _NOBODY) if forces else None)
            if frame is not None and ids & {t.actor_id for t in frame.targets}:
                return forces[0]
    return None


def _authority(
    token: Token, detained: list[Actor], framer: Framer, where: str | None
) -> Actor | None:
    """The power that holds people where the arrest happens, or in the one country a
    report is about: its junta when the report tells a coup, else its government; None
    when the clause names no country and the report's actors are of several, or the
    detained person is a foreigner in the one the report is about."""
    actors = framer.actors.actors
    countries = {where} if where else {a.country for a in actors if a.country}
    if len(countries) != 1:
        return None
    (country,) = countries
    if not where and any(a.country not in (None, country) for a in detained):
        return None
    if any(_tells_coup(t) for t in token.doc):
        armed = [a for a in actors if a.sector == "MIL" and a.kind is ActorKind.ORG]
        armed = [a for a in armed if a.country == country]
        return armed[0] if armed else country_body(framer.kb, country, "MIL", token.text)
    government = [a for a in actors if a.sector == "GOV" and a.kind is ActorKind.ORG]
    government = [a for a in government if a.country == country]
    return government[0] if government else country_body(framer.kb, country, "GOV", token.text)


def _agentless(verb: Token) -> bool:
    """A passive verb with no "by" agent ("was arrested in Kampala on Monday")."""
    deps = {c.dep_ for c in verb.children}
    return verb.pos_ == "VERB" and "nsubjpass" in deps and "agent" not in deps


def _country_where(token: Token, gazetteer: Gazetteer | None) -> str | None:
    """The country of the place the clause of an act names ("arrested in Beirut")."""
    if gazetteer is None:
        return None
    clause = clause_of(token)
    place = event_location(token.doc, clause, gazetteer)
    return place.country if place is not None else None


def _tells_coup(token: Token) -> bool:
    """A word that tells a coup: "coup", "the junta", "seized power"."""
    lemma = token.lemma_.lower()
    return lemma in _COUP or (lemma == "power" and token.head.lemma_.lower() in _SEIZE)


def _carried(carrier: Token) -> list[Token]:
    """The troops a vehicle or unit carries ("a convoy carrying troops of X")."""
    return [
        obj
        for verb in carrier.children
        if verb.dep_ == "acl" and verb.lemma_.lower() in _CARRY
        for obj in verb.children
        if obj.dep_ == "dobj"
    ]


def _forces(troops: Token, framer: Framer) -> list[Actor]:
    """The forces troops are of: the troops' own phrase, and each body after "of"."""
    found = list(framer.phrases.actors_of(troops))
    for prep in troops.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for body in prep.children:
                if body.dep_ == "pobj":
                    found += framer.phrases.actors_of(body)
    return found


def _people(verb: Token, targets: tuple[Actor, ...]) -> bool:
    """Whether a verb's object is people themselves ("two engineers", "the blogger X"),
    not a state, an armed body or what someone owns ("the company's trucks"); a head of
    state seized is a person seized."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    owned = any(g.dep_ == "poss" or g.lower_ == "of" for o in objects for g in o.children)
    bodies = [t for t in targets if t.kind is not ActorKind.PERSON]
    return bool(objects) and not owned and not any(_state(t) or t.sector in _ARMED for t in bodies)


def _state(actor: Actor) -> bool:
    """A state or one of its bodies (government, military, police, intelligence, courts)."""
    return actor.kind is ActorKind.COUNTRY or actor.sector in _STATE
