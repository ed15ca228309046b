"""A country and its bodies as canonical actors: "Armenia", "Government of Armenia",
"Armenia armed forces", one id per country and sector, whichever words named them."""

from __future__ import annotations

from storyline.actors.knowledge import Knowledge
from storyline.records import Actor, ActorKind

# The sectors of a state's own bodies: government, army, police, intelligence, courts,
# legislature.
STATE_BODIES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})

_SECTOR_NAMES = {
    "GOV": "Government of {}",
    "MIL": "{} armed forces",
    "LEG": "{} legislature",
    "JUD": "{} judiciary",
    "COP": "{} police",
    "SPY": "{} intelligence services",
    "MED": "{} state media",
    "OPP": "{} opposition",
    "REB": "{} rebels",
    "CVL": "{} civilians",
    "BUS": "{} businesses",
    "AGR": "{} farmers",
    "CRM": "{} criminal groups",
    "REL": "{} religious groups",
    "HLH": "{} health workers",
    "EDU": "{} students and teachers",
    "LAB": "{} labour",
    "REF": "{} refugees",
    "HRI": "{} human rights groups",
    "ENV": "{} environmental groups",
}


def country_actor(kb: Knowledge, code: str, alias: str | None = None) -> Actor:
    """A country as an actor."""
    return Actor(
        actor_id=code,
        name=kb.countries.name(code),
        kind=ActorKind.COUNTRY,
        country=code,
        aliases=(alias,) if alias else (),
    )


def country_body(kb: Knowledge, country: str, sector: str, alias: str) -> Actor:
    """The organisation that is a country's government, military, ... ("Government of Armenia")."""
    pattern = _SECTOR_NAMES.get(sector, "{} " + sector.lower())
    return Actor(
        actor_id=f"{country.lower()}-{sector.lower()}",
        name=pattern.format(kb.countries.name(country)),
        kind=ActorKind.ORG,
        country=country,
        sector=sector,
        aliases=(alias,),
    )
