"""Actors: mentions of people, organisations and countries resolved to canonical actors."""

from storyline.actors.countries import CountryIndex
from storyline.actors.knowledge import Knowledge
from storyline.actors.phrases import Phrases
from storyline.actors.registry import ActorRegistry, plan_merges
from storyline.actors.resolve import ArticleActors, resolve_actors

__all__ = [
    "ActorRegistry",
    "ArticleActors",
    "CountryIndex",
    "Knowledge",
    "Phrases",
    "plan_merges",
    "resolve_actors",
]
