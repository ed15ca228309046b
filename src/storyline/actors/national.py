"""A state body named without its country ("the National Security Service", "the
Interior Ministry", "the Ministry of Defence") in a report whose actors are all of one
country is that country's: a report on Kenya speaks of Kenya's ministries.

It is left without a country when the report names actors of two countries or more
(either could own the body), when it names none, and when the name marks a body above
states ("the Security Council", "the African Standby Force", "the International Court").
"""

from __future__ import annotations

from collections.abc import Iterable

from storyline.actors.mention import Mention, MentionKind
from storyline.actors.names import fold
from storyline.records import Actor, ActorKind

# A state's own institutions (the sectors an unlisted body's institution word gives).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})
# Words of names of bodies above states, or of organs more often a union's than a state's.
_ABOVE_STATES = frozenset(
    """international united nations world global regional continental european african
    arab asian american islamic commonwealth joint multinational peacekeeping""".split()
)
_ORGANS_ABOVE = ("security council", "general assembly", "human rights council")
_NOT_OWNERS = frozenset({"IGO", "NGO"})


def national_body(m: Mention) -> bool:
    """Whether a mention is a state body named without its country: an unlisted proper
    name whose institution word is a state's ("the National Security Service"), not
    unnamed people ("diplomats said")."""
    if m.kind is not MentionKind.ORG or m.country is not None or m.sector not in STATE_SECTORS:
        return False
    if not m.text.split()[-1][:1].isupper():
        return False
    name = fold(m.name or m.text)
    words = set(name.replace("-", " ").split())
    return not words & _ABOVE_STATES and not any(organ in name for organ in _ORGANS_ABOVE)


def named_countries(mentions: Iterable[Mention]) -> set[str]:
    """The countries a report's mentions name themselves ("Kenya", "the Ugandan army",
    "Nairobi said"), bodies above states aside."""
    return {m.country for m in mentions if m.country and m.sector not in _NOT_OWNERS}


def sole_country(named: set[str], people: Iterable[Actor]) -> str | None:
    """The one country of a report's actors: the countries its mentions name and those of
    the people it names; None when there are several or none."""
    countries = set(named)
    countries |= {a.country for a in people if a.kind is ActorKind.PERSON and a.country}
    return next(iter(countries)) if len(countries) == 1 else None
