"""Analysts' corrections of what was coded, and the one function that applies them.

A correction names a record (an event, or a story's event pinned elsewhere), what it
was before and what it is after, who made it, when and why. The corrections that are
not undone are applied, in the order they were made, wherever records are made anew:
by the ingest writer to an article's freshly analysed events before they are saved,
and by story linking to the events' story assignments. So a correction wins over
re-ingesting its article and over re-linking.

`before` and `after` hold only the fields a correction changes, as JSON values:
`type`, `quad`, `cameo`, `mode`, `score` (strings or numbers), `source` (an ACTOR
object), `targets` (a list of them), `date` (the contract's date fields, or null),
`rejected` (a boolean) and, for a story correction, `story_with` (an event id, or
null for a story of its own).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml

from storyline.records import (
    Actor,
    ActorKind,
    ActorMention,
    ArticleResult,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    Location,
)

EVENT, STORY, ACTOR = "event", "story", "actor"
# What an event correction may change (the PATCH body's fields).
EVENT_FIELDS = ("type", "source", "targets", "date", "rejected")


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction:
    """One analyst's correction of a record, with who, when, why, before and after."""

    correction_id: str
    record: str  # "event" or "story" (an event's story assignment)
    record_id: str  # the event's id
    doc_id: str | None  # the event's article: found again when it is ingested again
    action: str  # edit, reject, restore, move, split
    who: str
    made_at: str  # ISO 8601, UTC
    reason: str
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)
    undone_at: str | None = None
    undone_by: str | None = None

    @property
    def live(self) -> bool:
        """Whether it still applies (it was not undone)."""
        return self.undone_at is None


def apply_corrections(events: Iterable[Event], corrections: Iterable[Correction]) -> list[Event]:
    """The events as the live event corrections make them, in the order those were made:
    fields set to what the analyst said, rejected events left out, corrected ones marked
    `reviewed`. Corrections of other events are ignored."""
    by_event: dict[str, list[Correction]] = {}
    for c in corrections:
        if c.live and c.record == EVENT:
            by_event.setdefault(c.record_id, []).append(c)
    kept = []
    for event in events:
        rejected = False
        for c in by_event.get(event.event_id, ()):
            event = with_fields(event, c.after)
            rejected = bool(c.after.get("rejected", rejected))
        if event.event_id in by_event:
            event = replace(event, reviewed=True)
        if not rejected:
            kept.append(event)
    return kept


def story_pins(corrections: Iterable[Correction]) -> dict[str, str | None]:
    """Event id -> the event it is pinned to share a story with (None: a story of its
    own), from the live story corrections, the last one of each event winning."""
    pins: dict[str, str | None] = {}
    for c in corrections:
        if c.live and c.record == STORY:
            pins[c.record_id] = c.after.get("story_with")
    return pins


def actor_merges(corrections: Iterable[Correction]) -> dict[str, str]:
    """Actor id -> the actor it was merged into, from the live actor merges (a chain of
    merges followed to its end)."""
    plan = {
        c.record_id: str(c.after["merged_into"])
        for c in corrections
        if c.live and c.record == ACTOR and c.after.get("merged_into")
    }
    ends = {}
    for old in plan:
        seen, new = {old}, plan[old]
        while new in plan and new not in seen:
            seen.add(new)
            new = plan[new]
        ends[old] = new
    return ends


def merged_result(result: ArticleResult, into: Mapping[str, Actor]) -> ArticleResult:
    """An article's result with each merged actor (old id -> the actor it was merged
    into) replaced wherever it is named: actors, mentions, quotes, events."""
    if not into:
        return result

    def one(actor: Actor) -> Actor:
        return into.get(actor.actor_id, actor)

    def many(actors: Iterable[Actor]) -> tuple[Actor, ...]:
        return tuple({a.actor_id: a for a in map(one, actors)}.values())

    mentions: dict[tuple[int, int, str], ActorMention] = {}
    for m in result.actor_mentions:
        actor_id = into[m.actor_id].actor_id if m.actor_id in into else m.actor_id
        key = (m.evidence.start, m.evidence.end, actor_id)
        mentions.setdefault(key, ActorMention(actor_id=actor_id, evidence=m.evidence))
    return replace(
        result,
        actors=many(result.actors),
        actor_mentions=tuple(mentions.values()),
        quotes=tuple(
            replace(q, speaker=one(q.speaker) if q.speaker else None, joint=many(q.joint))
            for q in result.quotes
        ),
        events=tuple(
            replace(e, source=one(e.source), targets=many(e.targets)) for e in result.events
        ),
    )


def named_actors(result: ArticleResult) -> set[str]:
    """The ids of every actor an article's result names."""
    found = {a.actor_id for a in result.actors} | {m.actor_id for m in result.actor_mentions}
    for q in result.quotes:
        found |= {a.actor_id for a in (q.speaker, *q.joint) if a is not None}
    for e in result.events:
        found |= {a.actor_id for a in (e.source, *e.targets)}
    return found


def event_fields(event: Event, names: Iterable[str]) -> dict[str, Any]:
    """These fields of an event as JSON values (a correction's before or after)."""
    values: dict[str, Any] = {
        "type": event.type,
        "quad": event.quad,
        "cameo": event.cameo,
        "mode": event.mode,
        "score": event.score,
        "source": actor_json(event.source),
        "targets": [actor_json(t) for t in event.targets],
        "date": date_json(event.date),
        "rejected": False,
    }
    return {n: values[n] for n in names}


def with_fields(event: Event, values: Mapping[str, Any]) -> Event:
    """The event with these fields (JSON values, as `event_fields` gives them) set."""
    changes: dict[str, Any] = {}
    for name, value in values.items():
        if name in ("type", "quad", "cameo", "mode", "score"):
            changes[name] = value
        elif name == "source":
            changes["source"] = actor_from_json(value)
        elif name == "targets":
            changes["targets"] = tuple(actor_from_json(v) for v in value)
        elif name == "date":
            changes["date"] = date_from_json(value)
    return replace(event, **changes) if changes else event


def retyped(event: Event, new_type: str) -> dict[str, Any]:
    """What changes when an event's type is corrected: the type, its quad category and
    PLOVER score; the CAMEO code and mode, which belonged to the old type, are cleared."""
    quad, score = plover_facts()[new_type]
    return {"type": new_type, "quad": quad, "score": score, "cameo": None, "mode": None}


@cache
def plover_facts() -> dict[str, tuple[str, float | None]]:
    """Every PLOVER type's quad category and base score."""
    text = resources.files("storyline.data").joinpath("plover.yaml").read_text("utf-8")
    types = yaml.safe_load(text)["types"]
    return {name: (facts["quad"], facts.get("score")) for name, facts in types.items()}


def actor_json(actor: Actor) -> dict[str, Any]:
    """An actor as the contract's ACTOR object."""
    return {
        "actor_id": actor.actor_id,
        "name": actor.name,
        "kind": actor.kind.value,
        "country": actor.country,
        "sector": actor.sector,
        "role": actor.role,
    }


def actor_from_json(value: Mapping[str, Any]) -> Actor:
    """An ACTOR object back as an actor."""
    return Actor(
        actor_id=value["actor_id"],
        name=value["name"],
        kind=ActorKind(value["kind"]),
        country=value.get("country"),
        sector=value.get("sector"),
        role=value.get("role"),
    )


def date_json(date: EventDate | None) -> dict[str, Any] | None:
    """An event's date as the contract's date fields (null when unknown)."""
    if date is None:
        return None
    return {
        "value": date.value,
        "precision": date.precision.value,
        "window": list(date.window) if date.window else None,
        "text": date.text,
    }


def date_from_json(value: Mapping[str, Any] | None) -> EventDate | None:
    """The date fields back as an event date."""
    if value is None:
        return None
    window = value.get("window")
    return EventDate(
        value=value.get("value"),
        precision=DatePrecision(value["precision"]),
        window=(window[0], window[1]) if window else None,
        text=value.get("text"),
    )


def day_date(value: str | None, old: EventDate | None) -> EventDate | None:
    """The date an analyst gives (YYYY, YYYY-MM or YYYY-MM-DD, or none), keeping the
    words the article used for it."""
    if value is None:
        return None
    precision = {4: DatePrecision.YEAR, 7: DatePrecision.MONTH}.get(len(value), DatePrecision.DAY)
    return EventDate(value=value, precision=precision, text=old.text if old else None)


def event_from_record(record: Mapping[str, Any]) -> Event:
    """An event back from its contract record (a rejected event's snapshot)."""
    doc_id, ev, loc = record["doc_id"], record["evidence"], record.get("location")
    date = None
    if record.get("date_precision"):
        window = record.get("date_window")
        date = EventDate(
            value=record.get("date"),
            precision=DatePrecision(record["date_precision"]),
            window=(window[0], window[1]) if window else None,
            text=record.get("date_text"),
        )
    return Event(
        event_id=record["event_id"],
        type=record["type"],
        source=actor_from_json(record["source"]),
        targets=tuple(actor_from_json(t) for t in record["targets"]),
        evidence=Evidence(doc_id=doc_id, start=ev["start"], end=ev["end"], text=ev["text"]),
        mode=record.get("mode"),
        cameo=record.get("cameo"),
        date=date,
        location=Location(**loc) if loc else None,
        fatalities=record.get("fatalities"),
        historical=bool(record.get("historical")),
        negated=bool(record.get("negated")),
        future=bool(record.get("future")),
        contested=bool(record.get("contested")),
        quad=record.get("quad"),
        score=record.get("score"),
        also=tuple(
            Evidence(doc_id=doc_id, start=a["start"], end=a["end"], text=a["text"])
            for a in record.get("also", ())
        ),
        story_id=record.get("story_id"),
        confidence=float(record.get("confidence") or 0.0),
    )


def touched(corrections: Sequence[Correction]) -> set[str]:
    """The fields a list of corrections changes."""
    return {name for c in corrections for name in c.after}
