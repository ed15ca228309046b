"""The people an attack harmed, as the attack's target when it names no one else.

An attack often names only the place it struck ("an ambush by the militia on a supply
convoy", "stormed an army camp", "a raid on a border post") and then the people it
harmed: "... killed four Ghanaian soldiers", "..., leaving six Chadian guards dead",
"three policemen died in the raid". Those people are the attack's target, also for the
country whose place it struck ("shelled Armenian positions, killing two Armenian
soldiers": Armenia's military). Where they stand in the parse is the argument patterns'
role `victims` (data/event_patterns.yaml). The harm told by a participle after the
attack ("attacked Ukraine, killing ten civilians") is that attack, coded once.

An attack is never coded as an actor's on itself through a fallback: a country's
attack with no one named on the receiving end is not aimed at that same country where
it happens ("Ghana launched air strikes near Tamale"), and an attack whose doer is named
but not read ("an ambush by insurgents") is no unknown attacker's, which alone is coded
as the country's where it happens (`Framer.unclaimed`: "a bomb near Herat killed two
Afghans", as PLOVER codes it).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from storyline.actors.phrases import unique
from storyline.events.patterns import ArgumentPatterns
from storyline.records import Actor, ActorKind

if TYPE_CHECKING:  # frames reads victims through its Framer: no import at run time
    from storyline.events.frames import Framer
    from storyline.events.lexicon import Trigger

# Acts whose victims are the ones they are aimed at: attacks, and raids told as seizures.
HARMFUL = frozenset({"ASSAULT", "COERCE"})
_TOLD_AFTER = frozenset({"advcl", "xcomp", "conj"})  # "stormed a camp, killing five"


def harmed(token: Token, trigger: Trigger, framer: Framer) -> list[Actor]:
    """The actors an attack killed or hurt, as the clause tells them ("the ambush
    killed five Malian soldiers", "stormed a base, leaving two Ugandan guards dead",
    "policemen died in the raid"); [] for an act that is no attack."""
    if trigger.type not in HARMFUL:
        return []
    return unique(
        a for head in framer.arguments(token, "victims") for a in framer.phrases.actors_of(head)
    )


def tells_harm(token: Token) -> bool:
    """Whether the clause tells people killed or hurt by the act of this word, named or
    not ("a raid on a village killed nine", "raided a post, leaving four guards dead"):
    a raid that does so is an attack, not a seizure (events.yaml `harming`)."""
    return bool(_patterns().arguments(token.sent).of(token, "victims"))


@cache
def _patterns() -> ArgumentPatterns:
    return ArgumentPatterns.load()


def harm_of_attack(token: Token, framer: Framer) -> bool:
    """Whether a verb of harm tells, as a participle, the harm done in the attack its
    head verb tells ("shelled the town, killing three Syrian soldiers", "attacked
    Ukraine, wounding ten Ukrainian civilians"): one act, coded once as the attack, whose
    target is the one it names, else those harmed. Not when the coder cannot read who
    was harmed ("killing dozens"): the harm is then coded on its own. A participle joined
    to such a one is the same attack's ("killing two soldiers and wounding others")."""
    head = token.head
    if token.tag_ != "VBG" or token.dep_ not in _TOLD_AFTER or head.i == token.i:
        return False
    if token.dep_ == "conj" and head.tag_ == "VBG" and harm_of_attack(head, framer):
        return True
    lexicon = framer.lexicon
    # "raided a village, killing ten": a seizure that kills is told as an attack too
    attacks = [t for t in lexicon.triggers_for(head) if t.type == "ASSAULT"] if lexicon else []
    return bool(attacks) and bool(harmed(head, attacks[0], framer))


def for_owners(owners: list[Actor], victims: list[Actor]) -> list[Actor]:
    """The people an attack on a country's place harmed, for that country ("shelled
    Armenian positions, killing two Armenian soldiers": Armenia's military); the owners
    when the people harmed are of another country or of none."""
    countries = {a.country for a in victims}
    if victims and all(o.kind is ActorKind.COUNTRY and o.country in countries for o in owners):
        return victims
    return owners


def on_itself(source: Actor, targets: tuple[Actor, ...]) -> bool:
    """Whether an act's only targets are its own doer (a fallback's dyad, no one's act)."""
    return bool(targets) and all(t.actor_id == source.actor_id for t in targets)
