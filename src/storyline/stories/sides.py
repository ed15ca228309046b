"""Who counts as the same party when two reports of one act name it differently.

Outlets name one side of an act at different grains: a minister or his government, a
country or its army, a delegation or the country it speaks for. Two actors are one
side when they are the same person (also when one report leaves out a middle name),
or (where either is not a named person) the same
country and sector, or one of them stands for its whole country, or (for acts of force)
both are armed or governing bodies of one state. Two named people never are, and an
actor of no country (an international body) is only ever itself.
"""

from __future__ import annotations

from collections.abc import Set

from storyline.actors.names import fold
from storyline.records import Actor, ActorKind, Event

# Kinds of act where which side moved first is a matter of report, not of the act.
_MUTUAL = frozenset({"CONSULT", "call", "COOPERATE", "AGREE", "accord", "ceasefire", "force"})
# Kinds of act a state carries out through any of its armed or governing bodies.
_FORCE = frozenset({"force", "detain"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})


def reciprocal(kinds: Set[str]) -> bool:
    """Whether acts of these kinds read the same either way round (talks, accords,
    fighting): then participants match whatever side each report puts them on."""
    return bool(kinds & _MUTUAL)


def participants_overlap(a: Event, b: Event, kinds: Set[str]) -> int:
    """Shared participants of two events of these shared kinds (0: none that counts).

    For mutual acts, the sides of one must cover those of the other (two, or all of the
    one with a single side); otherwise the sources must be one side, and so must one of
    the targets when both name any.
    """
    force = bool(kinds & _FORCE) or any(k.startswith("COERCE") for k in kinds)
    if reciprocal(kinds):
        left, right = (a.source, *a.targets), (b.source, *b.targets)
        shared = sum(1 for x in left if any(same_side(x, y, force=force) for y in right))
        return shared if shared >= 2 or (shared and min(len(left), len(right)) == 1) else 0
    if not same_side(a.source, b.source, force=force):
        return 0
    if not a.targets and not b.targets:
        return 1
    targets = sum(1 for x in a.targets if any(same_side(x, y, force=force) for y in b.targets))
    return 1 + targets if targets else 0


def same_side(x: Actor, y: Actor, *, force: bool = False) -> bool:
    """Whether two actors named by two reports are one party to the act."""
    if x.actor_id == y.actor_id:
        return True
    if _named_person(x) and _named_person(y):
        return person_key(x) == person_key(y) and _countries_agree(x, y)
    if x.country is None or x.country != y.country:
        return False
    if x.sector == y.sector:
        return True  # a minister and his government, two offices of one ministry
    if _whole_country(x) or _whole_country(y):
        return True  # a country and its army; a delegation and its country
    return force and x.sector in _STATE_SECTORS and y.sector in _STATE_SECTORS


def person_key(actor: Actor) -> str:
    """Who a named person is, read from the first and last words of the name, so that one
    person written with and without middle names ("Maria Elena Duarte", "Maria Duarte")
    is one; anyone else is their id."""
    if not _named_person(actor):
        return actor.actor_id
    words = fold(actor.name).split()
    return f"{words[0]} {words[-1]}" if len(words) > 1 else actor.actor_id


def _countries_agree(x: Actor, y: Actor) -> bool:
    return x.country is None or y.country is None or x.country == y.country


def _named_person(actor: Actor) -> bool:
    return actor.kind is ActorKind.PERSON and not actor.actor_id.startswith("role-")


def _whole_country(actor: Actor) -> bool:
    """A country named as such, or an unnamed group of its people with no sector of its
    own (its delegation, its side, its teams): it stands for the whole country."""
    if actor.kind is ActorKind.COUNTRY:
        return True
    return actor.kind is ActorKind.GROUP and actor.sector is None
