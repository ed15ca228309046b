"""GET /api/stories, /api/stories/{story_id} and /api/timeline: events across articles.

Stories are filtered exactly as the timeline filters them (by participant, country,
type and date), so a story listed here is one the timeline shows and vice versa. Both
are read a page at a time (`limit` up to the server's maximum page size, `offset`,
and the cursor `after`: a page's `next`), in SQL.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path

from storyline import export as contract
from storyline.api import responses
from storyline.api.shared import EventParams, PageParams, Record, not_found, read_page, render_page
from storyline.query import EventFilter, Page
from storyline.records import Actor, Story
from storyline.service import ReadStore
from storyline.store import SQLiteStore
from storyline.store.story_reads import SECTIONS
from storyline.stories.timeline import build_timeline, render_json

router = APIRouter(tags=["stories"])


def story_item(story: Story, actors: Mapping[str, Actor]) -> Record:
    """The contract's story record with what the story table adds: date precision and
    window, outlets, independent sources, flags and the participants' names."""
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


def _stories(
    store: SQLiteStore, wanted: EventFilter, *, limit: int, offset: int, after: str | None
) -> Page[Story]:
    found = store.story_page(wanted, limit=limit, offset=offset, after=after)
    return Page(list(found.stories), found.total, limit, offset, found.next)


@router.get(
    "/stories",
    summary="Stories (one real event across articles) in date order",
    responses=responses.LISTING,
)
def list_stories(store: ReadStore, page: PageParams, wanted: EventParams) -> Record:
    """Stories in date order, undated last, a page at a time. Filtered like the
    timeline: `actor` and `country` by a participant (they may match different ones),
    `type` by any of the story's event types, `since` and `until` by the story's date."""
    found = read_page(_stories, page, store, wanted)
    actors = store.actors_by_id({i for s in found.items for i in s.participants})
    return render_page(found, lambda s: story_item(s, actors))


@router.get(
    "/stories/{story_id}",
    summary="One story with its events and articles",
    responses=responses.ONE,
)
def get_story(
    store: ReadStore,
    story_id: Annotated[str, Path(description="The story's id (story_id).")],
) -> Record:
    """The story's record, its events (contract event records) and the articles that
    report it (contract article records)."""
    story = store.story(story_id)
    if story is None:
        raise not_found("story", story_id)
    by_id = {e.event_id: e for e in store.events_in(story_ids=[story_id])}
    events = [by_id[i] for i in story.event_ids if i in by_id]
    found = store.story_articles(story.doc_ids)
    articles = [found[d] for d in story.doc_ids if d in found]
    files = {a.doc_id: a.file for a in articles}
    actors = store.actors_by_id(story.participants)
    return story_item(story, actors) | {
        "events": [
            contract.event_record(e, files.get(e.evidence.doc_id, e.evidence.doc_id))
            for e in events
        ],
        "articles": [contract.article_record(a) for a in articles],
    }


@router.get(
    "/timeline",
    summary="The dated storyline: news, background and undated stories",
    responses=responses.LISTING,
)
def get_timeline(store: ReadStore, page: PageParams, wanted: EventParams) -> Record:
    """One page of the matching stories in three date-ordered groups: `news`, historical
    `background`, then `undated`; each with participants and evidence. `total` and
    `counts` (per group) tell how many match in all; `next` is the cursor of the
    following page (null on the last)."""
    try:
        timeline = build_timeline(
            store,
            actor=wanted.actor,
            country=wanted.country,
            since=wanted.since,
            until=wanted.until,
            types=wanted.types,
            limit=page.limit,
            offset=page.offset,
            after=page.after,
        )
    except ValueError as exc:
        raise HTTPException(422, f"after: {exc}") from None
    return render_json(timeline) | {
        "total": timeline.total,
        "counts": dict(zip(SECTIONS, timeline.counts, strict=True)),
        "limit": page.limit,
        "offset": page.offset,
        "next": timeline.next,
    }
