"""Actors: named-entity mentions resolved to canonical actors (person, org, country)."""

from storyline.actors.countries import CountryIndex
from storyline.actors.resolve import resolve_actors

__all__ = ["CountryIndex", "resolve_actors"]
