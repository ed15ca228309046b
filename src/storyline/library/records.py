"""Frozen records the Python API adds to the pipeline's: what a listing row needs that
no stage record holds (a timeline entry's section, a dyad's two actors)."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.records import Actor, Article, Event, Story


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    """A story on the timeline, in its section ("news", "background" or "undated"),
    with its events, participants and the articles that report it."""

    section: str
    story: Story
    events: tuple[Event, ...]
    participants: tuple[Actor, ...]
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Dyad:
    """Two actors of the network and the events between them (either way), counted by
    quad category and by PLOVER type (most frequent first)."""

    source: Actor
    target: Actor
    events: int
    quads: tuple[tuple[str, int], ...]
    types: tuple[tuple[str, int], ...]

    @property
    def quad(self) -> str | None:
        """The most frequent quad category of the events between them."""
        return self.quads[0][0] if self.quads else None
