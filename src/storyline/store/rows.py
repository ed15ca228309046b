"""Conversion between records and database rows (the only place that knows both)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping

from storyline.dates.span import day_span
from storyline.records import (
    Actor,
    ActorKind,
    Article,
    DatePrecision,
    EntityMention,
    Event,
    EventDate,
    Evidence,
    Location,
    Quote,
    QuoteKind,
    Story,
)


def article_row(article: Article) -> dict[str, object]:
    """An article's columns (without the NLP counts and signature)."""
    return {
        "doc_id": article.doc_id,
        "file": article.file,
        "title": article.title,
        "published": article.published,
        "outlet": article.outlet,
        "url": article.url,
        "place": article.place,
        "source_path": article.source_path,
        "text": article.text,
        "content_hash": article.content_hash,
        "duplicate_of": article.duplicate_of,
    }


def to_article(row: sqlite3.Row) -> Article:
    """An article read back."""
    return Article(
        doc_id=row["doc_id"],
        file=row["file"],
        text=row["text"],
        title=row["title"],
        published=row["published"],
        outlet=row["outlet"],
        url=row["url"],
        place=row["place"],
        source_path=row["source_path"],
        duplicate_of=row["duplicate_of"],
    )


def actor_row(actor: Actor) -> dict[str, object]:
    """An actor's columns."""
    return {
        "actor_id": actor.actor_id,
        "name": actor.name,
        "kind": actor.kind.value,
        "country": actor.country,
        "sector": actor.sector,
        "role": actor.role,
        "aliases": json.dumps(sorted(set(actor.aliases))),
    }


def to_actor(row: sqlite3.Row, prefix: str = "") -> Actor:
    """An actor read back; `prefix` selects joined columns such as `s_name`."""
    return Actor(
        actor_id=row[f"{prefix}actor_id"],
        name=row[f"{prefix}name"],
        kind=ActorKind(row[f"{prefix}kind"]),
        country=row[f"{prefix}country"],
        sector=row[f"{prefix}sector"],
        role=row[f"{prefix}role"],
        aliases=tuple(json.loads(row[f"{prefix}aliases"])),
    )


def to_mention(row: sqlite3.Row) -> EntityMention:
    """An entity mention read back."""
    return EntityMention(
        evidence=Evidence(
            doc_id=row["doc_id"], start=row["start"], end=row["end"], text=row["text"]
        ),
        label=row["label"],
    )


def quote_row(quote: Quote) -> dict[str, object]:
    """A quote's columns."""
    ev = quote.evidence
    return {
        "quote_id": quote.quote_id,
        "doc_id": ev.doc_id,
        "start": ev.start,
        "end": ev.end,
        "text": ev.text,
        "kind": quote.kind.value,
        "speaker_id": quote.speaker.actor_id if quote.speaker else None,
        "speaker_text": quote.speaker_text,
        "cue": quote.cue,
        "via": json.dumps(list(quote.via)),
        "joint_ids": json.dumps([a.actor_id for a in quote.joint]),
    }


def to_quote(row: sqlite3.Row, speaker: Actor | None, actors: Mapping[str, Actor]) -> Quote:
    """A quote read back, with its speaker already resolved and its joint parties."""
    return Quote(
        quote_id=row["quote_id"],
        evidence=Evidence(
            doc_id=row["doc_id"], start=row["start"], end=row["end"], text=row["text"]
        ),
        kind=QuoteKind(row["kind"]),
        speaker=speaker,
        speaker_text=row["speaker_text"],
        cue=row["cue"],
        via=tuple(json.loads(row["via"])),
        joint=tuple(actors[i] for i in json.loads(row["joint_ids"]) if i in actors),
    )


def event_row(event: Event) -> dict[str, object]:
    """An event's columns; actors are stored by id."""
    ev, date, loc = event.evidence, event.date, event.location
    days = day_span(date)
    return {
        "event_id": event.event_id,
        "doc_id": ev.doc_id,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "source_id": event.source.actor_id,
        "target_ids": json.dumps([t.actor_id for t in event.targets]),
        "date": date.value if date else None,
        "date_precision": date.precision.value if date else None,
        "date_after": date.window[0] if date and date.window else None,
        "date_before": date.window[1] if date and date.window else None,
        "date_text": date.text if date else None,
        "day_first": days[0].isoformat() if days else None,
        "day_last": days[1].isoformat() if days else None,
        "location": json.dumps(
            {"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon}
        )
        if loc
        else None,
        "fatalities": event.fatalities,
        "historical": int(event.historical),
        "negated": int(event.negated),
        "future": int(event.future),
        "contested": int(event.contested),
        "quad": event.quad,
        "score": event.score,
        "also": json.dumps([[e.start, e.end, e.text] for e in event.also]),
        "story_id": event.story_id,
        "confidence": event.confidence,
        "reviewed": int(event.reviewed),
        "start": ev.start,
        "end": ev.end,
        "evidence": ev.text,
    }


def to_event(row: sqlite3.Row, actors: dict[str, Actor]) -> Event:
    """An event read back, its actor ids looked up in `actors`."""
    date = None
    if row["date_precision"]:
        window = (row["date_after"], row["date_before"]) if row["date_after"] else None
        date = EventDate(
            value=row["date"],
            precision=DatePrecision(row["date_precision"]),
            window=window,
            text=row["date_text"],
        )
    loc = json.loads(row["location"]) if row["location"] else None
    return Event(
        event_id=row["event_id"],
        type=row["type"],
        mode=row["mode"],
        cameo=row["cameo"],
        source=actors[row["source_id"]],
        targets=tuple(actors[a] for a in json.loads(row["target_ids"])),
        evidence=Evidence(
            doc_id=row["doc_id"], start=row["start"], end=row["end"], text=row["evidence"]
        ),
        date=date,
        location=Location(**loc) if loc else None,
        fatalities=row["fatalities"],
        historical=bool(row["historical"]),
        negated=bool(row["negated"]),
        future=bool(row["future"]),
        contested=bool(row["contested"]),
        quad=row["quad"],
        score=row["score"],
        also=tuple(
            Evidence(doc_id=row["doc_id"], start=a, end=b, text=t)
            for a, b, t in json.loads(row["also"])
        ),
        story_id=row["story_id"],
        confidence=row["confidence"],
        reviewed=bool(row["reviewed"]),
    )


def story_row(story: Story) -> dict[str, object]:
    """A story's columns."""
    return {
        "story_id": story.story_id,
        "date": story.date,
        "title": story.title,
        "event_ids": json.dumps(list(story.event_ids)),
        "doc_ids": json.dumps(list(story.doc_ids)),
        "types": json.dumps(list(story.types)),
        "precision": story.precision,
        "date_window": json.dumps(list(story.date_window)) if story.date_window else None,
        "outlets": json.dumps(list(story.outlets)),
        "sources": story.sources,
        "contested": int(story.contested),
        "historical": int(story.historical),
        "participants": json.dumps(list(story.participants)),
    }


def to_story(row: sqlite3.Row) -> Story:
    """A story read back."""
    window = json.loads(row["date_window"]) if row["date_window"] else None
    return Story(
        story_id=row["story_id"],
        date=row["date"],
        title=row["title"],
        event_ids=tuple(json.loads(row["event_ids"])),
        doc_ids=tuple(json.loads(row["doc_ids"])),
        types=tuple(json.loads(row["types"])),
        precision=row["precision"],
        date_window=tuple(window) if window else None,  # type: ignore[arg-type]
        outlets=tuple(json.loads(row["outlets"])),
        sources=row["sources"],
        contested=bool(row["contested"]),
        historical=bool(row["historical"]),
        participants=tuple(json.loads(row["participants"])),
    )
