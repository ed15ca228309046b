"""GET /api/stories, /api/stories/{story_id} and /api/timeline: events across articles.

Stories are filtered exactly as the timeline filters them (by participant, country,
type and date), so a story listed here is one the timeline shows and vice versa.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from fastapi import APIRouter, Path

from storyline import export as contract
from storyline.api.app import ReadStore
from storyline.api.shared import EventParams, PageParams, Record, not_found, page_of
from storyline.query import EventFilter
from storyline.records import Actor, Event, Story
from storyline.store import SQLiteStore
from storyline.stories.timeline import Timeline, build_timeline, render_json

router = APIRouter(tags=["stories"])


def _timeline(store: SQLiteStore, wanted: EventFilter) -> Timeline:
    return build_timeline(
        store,
        actor=wanted.actor,
        country=wanted.country,
        since=wanted.since,
        until=wanted.until,
        types=wanted.types,
    )


def story_item(story: Story, events: Iterable[Event]) -> Record:
    """The contract's story record with what the story table adds: date precision and
    window, outlets, independent sources, flags and the participants' names."""
    actors: dict[str, Actor] = {}
    for e in events:
        for a in (e.source, *e.targets):
            actors.setdefault(a.actor_id, a)
    return contract.story_record(story) | {
        "precision": story.precision,
        "date_window": list(story.date_window) if story.date_window else None,
        "outlets": list(story.outlets),
        "sources": story.sources,
        "contested": story.contested,
        "historical": story.historical,
        "participants": [
            {
                "actor_id": i,
                "name": actors[i].name if i in actors else None,
                "country": actors[i].country if i in actors else None,
            }
            for i in story.participants
        ],
    }


@router.get("/stories", summary="Stories (one real event across articles) in date order")
def list_stories(store: ReadStore, page: PageParams, wanted: EventParams) -> Record:
    """Stories in date order, undated last. Filtered like the timeline: `actor` and
    `country` by a participant (they may match different ones), `type` by any of the
    story's event types, `since` and `until` by the story's date."""
    built = _timeline(store, wanted)
    entries = sorted(
        (*built.news, *built.background, *built.undated),
        key=lambda e: (e.story.date is None, e.story.date or "", e.story.title),
    )
    return page_of(entries, page, lambda e: story_item(e.story, e.events))


@router.get("/stories/{story_id}", summary="One story with its events and articles")
def get_story(
    store: ReadStore,
    story_id: Annotated[str, Path(description="The story's id (story_id).")],
) -> Record:
    """The story's record, its events (contract event records) and the articles that
    report it (contract article records)."""
    story = next((s for s in store.stories() if s.story_id == story_id), None)
    if story is None:
        raise not_found("story", story_id)
    by_id = {e.event_id: e for e in store.events() if e.story_id == story_id}
    events = [by_id[i] for i in story.event_ids if i in by_id]
    articles = [a for a in map(store.article, story.doc_ids) if a is not None]
    files = {a.doc_id: a.file for a in articles}
    return story_item(story, events) | {
        "events": [
            contract.event_record(e, files.get(e.evidence.doc_id, e.evidence.doc_id))
            for e in events
        ],
        "articles": [contract.article_record(a) for a in articles],
    }


@router.get("/timeline", summary="The dated storyline: news, background and undated stories")
def get_timeline(store: ReadStore, wanted: EventParams) -> dict[str, list[dict[str, object]]]:
    """Every matching story (not paginated) in three date-ordered groups: `news`,
    historical `background`, and `undated`; each with participants and evidence."""
    return render_json(_timeline(store, wanted))
