"""The force whose post an attack struck, when the attack names no one else.

News often tells an attack by the military place it struck and where that place is:
"rebels overran a military base in Borno state", "militants stormed an army outpost
near Gao", "drones hit an air base in Kursk region". A country's military post with no
owner named is that country's armed forces', the country being where the post is. An
owner named on the post ("a French base in Niger", "a rebel camp") and the people the
attack harmed ("..., killing four Burundian peacekeepers", events/victims.py) tell it
better, so this is the last fallback; a camp, post or checkpoint counts only when the
words make it military ("an army camp", not "a refugee camp").
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.actors.knowledge import Knowledge
from storyline.actors.states import country_body
from storyline.events.lexicon import Trigger
from storyline.events.places import event_location
from storyline.events.slots import clause_of, slot_heads
from storyline.gazetteer import Gazetteer
from storyline.records import Actor

# Places that are a military's by themselves, and those that are when a word says so.
_MILITARY_PLACES = frozenset({"base", "bases", "barracks", "garrison", "outpost", "airbase"})
_PLACES = frozenset({"camp", "post", "checkpoint", "position", "positions", "installation"})
_MILITARY = frozenset({"military", "army", "air", "naval", "navy", "troop", "defence"})
_NOT_STATE = frozenset({"rebel", "militia", "militant", "insurgent", "jihadist", "terrorist"})
_ATTACKS = frozenset({"ASSAULT", "COERCE"})
_STATE = frozenset({None, "GOV", "MIL", "COP", "SPY"})


def struck_force(
    token: Token, trigger: Trigger, source: Actor, kb: Knowledge, gazetteer: Gazetteer
) -> tuple[Actor, ...]:
    """The armed forces of the country where the military post an attack struck is
    ("overran an army base in Upper Nile": South Sudan's), or () when the attack struck
    no such post or its country is unknown; not for a state's own forces at home."""
    if trigger.type not in _ATTACKS:
        return ()
    clause = clause_of(token)
    for post in _posts(token, trigger):
        place = event_location(token.doc, list(post.subtree), gazetteer) or event_location(
            token.doc, clause, gazetteer
        )
        if place is None or place.country is None:
            continue
        if source.country == place.country and source.sector in _STATE:
            return ()  # a state's attack at home, or an unknown one coded as the state's
        return (country_body(kb, place.country, "MIL", post.text),)
    return ()


def _posts(token: Token, trigger: Trigger) -> list[Token]:
    """The military posts the act is done to: its object or the heads of its target
    slots ("stormed a base", "an attack on an army outpost")."""
    heads = [c for c in token.children if c.dep_ == "dobj"]
    heads += [h for slot in trigger.targets for h in slot_heads(token, slot.removesuffix("_owner"))]
    return [h for h in heads if h.pos_ == "NOUN" and _military_post(h)]


def _military_post(noun: Token) -> bool:
    words = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if words & _NOT_STATE:
        return False
    lemma = noun.lower_
    return lemma in _MILITARY_PLACES or (lemma in _PLACES and bool(words & _MILITARY))
