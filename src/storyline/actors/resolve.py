"""Resolve entity mentions to canonical actors.

This first resolver links what the text names outright: people and organisations
by their name, and countries by pycountry and the curated aliases. Role nouns,
pronouns, metonyms and titles are resolved by later work on this module.
"""

from __future__ import annotations

import re
import unicodedata

from storyline.actors.countries import CountryIndex
from storyline.records import Actor, ActorKind, ActorMention, ParsedArticle

_KIND_BY_LABEL = {"PERSON": ActorKind.PERSON, "ORG": ActorKind.ORG}
_POSSESSIVE = re.compile(r"[’']s$")


def resolve_actors(
    parsed: ParsedArticle, countries: CountryIndex
) -> tuple[tuple[Actor, ...], tuple[ActorMention, ...]]:
    """The canonical actors an article names, and each of their mentions."""
    actors: dict[str, Actor] = {}
    mentions: list[ActorMention] = []
    for mention in parsed.mentions:
        actor = _actor_for(mention.evidence.text, mention.label, countries)
        if actor is None:
            continue
        known = actors.get(actor.actor_id)
        aliases = set(known.aliases if known else ()) | {mention.evidence.text}
        actors[actor.actor_id] = Actor(
            actor_id=actor.actor_id,
            name=actor.name,
            kind=actor.kind,
            country=actor.country,
            aliases=tuple(sorted(aliases)),
        )
        mentions.append(ActorMention(actor_id=actor.actor_id, evidence=mention.evidence))
    return tuple(actors.values()), tuple(mentions)


def _actor_for(text: str, label: str, countries: CountryIndex) -> Actor | None:
    name = _POSSESSIVE.sub("", text.strip())
    # A country name is a country whatever label the statistical NER gave it.
    code = countries.code(name) if label in ("GPE", "PERSON", "ORG") else None
    if code is not None:
        return Actor(actor_id=code, name=countries.name(code), kind=ActorKind.COUNTRY, country=code)
    kind = _KIND_BY_LABEL.get(label)
    if kind is None:
        return None
    return Actor(actor_id=slug(name), name=name, kind=kind)


def slug(name: str) -> str:
    """A readable id from a name: "James O’Brien" -> "james-obrien"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"['’.]", "", ascii_name.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "actor"
