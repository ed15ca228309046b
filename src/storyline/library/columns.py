"""The columns of each kind of result: records flattened into values a user filters on.

An actor inside a record becomes `<role>_id`, `<role>_name`, `<role>_country`, ...; a
list of actors (an event's targets) becomes lists (`target_countries`), position by
position; evidence becomes `evidence_text`, `evidence_start` and `evidence_end`; a date
also gives the first and last day it allows (`day_first`, `day_last`), the days that
the filters' `since` and `until` compare.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from storyline.dates.span import day_span, text_span
from storyline.library.records import Dyad, TimelineEntry
from storyline.library.tables import Column, prefixed
from storyline.network import Node
from storyline.query import quad_categories
from storyline.records import Actor, Event, Evidence, Quote, Story
from storyline.store.reads import ActorStats, ArticleStats

ACTOR: list[Column[Actor]] = [
    Column("id", "str", lambda a: a.actor_id),
    Column("name", "str", lambda a: a.name),
    Column("kind", "str", lambda a: a.kind.value),
    Column("country", "str", lambda a: a.country),
    Column("sector", "str", lambda a: a.sector),
    Column("role", "str", lambda a: a.role),
]


def _actor_lists(prefix: str, actors: Callable[[Any], Sequence[Actor]]) -> list[Column[Any]]:
    """Columns of a list of actors: `<prefix>_ids`, `<prefix>_names`, ... (plural)."""
    return [
        Column(
            f"{prefix}_{c.name}s" if c.name != "country" else f"{prefix}_countries",
            "strs",
            lambda r, c=c: [c.get(a) for a in actors(r)],
        )
        for c in ACTOR
        if c.name in ("id", "name", "country", "sector")
    ]


def _evidence(part: Callable[[Any], Evidence]) -> list[Column[Any]]:
    return [
        Column("doc_id", "str", lambda r: part(r).doc_id),
        Column("evidence_text", "str", lambda r: part(r).text),
        Column("evidence_start", "int", lambda r: part(r).start),
        Column("evidence_end", "int", lambda r: part(r).end),
    ]


def _day(days: tuple[date, date] | None, index: int) -> date | None:
    return days[index] if days else None


EVENT: list[Column[Event]] = [
    Column("event_id", "str", lambda e: e.event_id),
    Column("type", "str", lambda e: e.type),
    Column("quad", "str", lambda e: e.quad),
    Column("mode", "str", lambda e: e.mode),
    Column("cameo", "str", lambda e: e.cameo),
    Column("score", "float", lambda e: e.score),
    Column("date", "str", lambda e: e.date.value if e.date else None),
    Column("date_precision", "str", lambda e: e.date.precision.value if e.date else None),
    Column("date_text", "str", lambda e: e.date.text if e.date else None),
    Column("day_first", "date", lambda e: _day(day_span(e.date), 0)),
    Column("day_last", "date", lambda e: _day(day_span(e.date), 1)),
    *prefixed("source_", ACTOR, lambda e: e.source),
    *_actor_lists("target", lambda e: e.targets),
    Column("location_name", "str", lambda e: e.location.name if e.location else None),
    Column("location_country", "str", lambda e: e.location.country if e.location else None),
    Column("lat", "float", lambda e: e.location.lat if e.location else None),
    Column("lon", "float", lambda e: e.location.lon if e.location else None),
    Column("fatalities", "int", lambda e: e.fatalities),
    Column("historical", "bool", lambda e: e.historical),
    Column("negated", "bool", lambda e: e.negated),
    Column("future", "bool", lambda e: e.future),
    Column("contested", "bool", lambda e: e.contested),
    *_evidence(lambda e: e.evidence),
    Column("story_id", "str", lambda e: e.story_id),
    Column("confidence", "float", lambda e: e.confidence),
]

QUOTE: list[Column[Quote]] = [
    Column("quote_id", "str", lambda q: q.quote_id),
    Column("kind", "str", lambda q: q.kind.value),
    *_evidence(lambda q: q.evidence),
    *prefixed("speaker_", ACTOR, lambda q: q.speaker),
    Column("speaker_text", "str", lambda q: q.speaker_text),
    Column("cue", "str", lambda q: q.cue),
    Column("via", "strs", lambda q: list(q.via)),
    *_actor_lists("joint", lambda q: q.joint),
]

ACTOR_ROW: list[Column[Actor]] = [
    *prefixed("actor_", ACTOR[:1], lambda a: a),
    *ACTOR[1:],
    Column("aliases", "strs", lambda a: list(a.aliases)),
]

ACTOR_STATS: list[Column[ActorStats]] = [
    *prefixed("", ACTOR_ROW, lambda s: s.actor),
    Column("mentions", "int", lambda s: s.mentions),
    Column("articles", "int", lambda s: s.articles),
]

ARTICLE: list[Column[ArticleStats]] = [
    Column("doc_id", "str", lambda s: s.article.doc_id),
    Column("file", "str", lambda s: s.article.file),
    Column("title", "str", lambda s: s.article.title),
    Column("published", "date", lambda s: _iso_day(s.article.published)),
    Column("outlet", "str", lambda s: s.article.outlet),
    Column("url", "str", lambda s: s.article.url),
    Column("place", "str", lambda s: s.article.place),
    Column("duplicate_of", "str", lambda s: s.article.duplicate_of),
    Column("tokens", "int", lambda s: s.n_tokens),
    Column("sentences", "int", lambda s: s.n_sentences),
    Column("entities", "int", lambda s: s.n_mentions),
]


def _iso_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _story_days(story: Story) -> tuple[date, date] | None:
    if story.precision == "window" and story.date_window:
        first, last = text_span(story.date_window[0]), text_span(story.date_window[1])
        return (first[0], last[1]) if first and last else None
    return text_span(story.date) if story.date else None


STORY: list[Column[Story]] = [
    Column("story_id", "str", lambda s: s.story_id),
    Column("date", "str", lambda s: s.date),
    Column("precision", "str", lambda s: s.precision),
    Column("day_first", "date", lambda s: _day(_story_days(s), 0)),
    Column("day_last", "date", lambda s: _day(_story_days(s), 1)),
    Column("title", "str", lambda s: s.title),
    Column("types", "strs", lambda s: list(s.types)),
    Column("sources", "int", lambda s: s.sources),
    Column("outlets", "strs", lambda s: list(s.outlets)),
    Column("contested", "bool", lambda s: s.contested),
    Column("historical", "bool", lambda s: s.historical),
    Column("participant_ids", "strs", lambda s: list(s.participants)),
    Column("event_ids", "strs", lambda s: list(s.event_ids)),
    Column("doc_ids", "strs", lambda s: list(s.doc_ids)),
]

TIMELINE: list[Column[TimelineEntry]] = [
    Column("section", "str", lambda t: t.section),
    *prefixed("", STORY[:-3], lambda t: t.story),
    *_actor_lists("participant", lambda t: t.participants),
    Column("evidence_texts", "strs", lambda t: [e.evidence.text for e in t.events]),
    Column("event_ids", "strs", lambda t: [e.event_id for e in t.events]),
    Column("doc_ids", "strs", lambda t: [a.doc_id for a in t.articles]),
]

NODE: list[Column[Node]] = [
    *prefixed("", ACTOR_ROW, lambda n: n.actor),
    Column("events", "int", lambda n: n.events),
]

DYAD: list[Column[Dyad]] = [
    *prefixed("source_", ACTOR[:4], lambda d: d.source),
    *prefixed("target_", ACTOR[:4], lambda d: d.target),
    Column("events", "int", lambda d: d.events),
    Column("quad", "str", lambda d: d.quad),
    *(Column(q, "int", lambda d, q=q: dict(d.quads).get(q, 0)) for q in quad_categories()),
    Column("types", "strs", lambda d: [t for t, _ in d.types]),
]
