"""Review of what was coded, for holders of the server's token: correct, reject or
restore an event (PATCH /api/events/{event_id}), move an event to another story, split
a story, merge two actors, undo a correction; and the corrections themselves
(GET /api/corrections).

Every correction is stored with who made it, when, why, and the record before and
after; it wins over re-ingesting the article and over re-linking (`storyline.review`).
The token is checked by the same dependency as ingest (and by the request guard before
the body is read).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from storyline import export as contract
from storyline.api import responses
from storyline.api.ingest_route import require_token
from storyline.api.shared import MAX_OFFSET, Record, not_found
from storyline.errors import ReviewError
from storyline.reviewing import (
    DEFAULT_WHO,
    EventChange,
    correct_event,
    has_control,
    merge_actor,
    move_event,
    now,
    split_story,
    undo,
)
from storyline.service import ReadStore, State
from storyline.store import SQLiteStore, open_store

router = APIRouter(tags=["review"])

REVIEW = {
    **responses.WRITE,
    404: responses.NOT_FOUND,
    409: {
        "model": responses.ErrorOut,
        "description": "The record is not in a state to change that way (already rejected, "
        "not rejected, undone already, corrected again later).",
    },
}
_REASON = Field(
    min_length=1,
    max_length=2000,
    description="Why the record is corrected (required; kept with the correction).",
)
_ID = Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$")


class EventPatch(BaseModel):
    """The fields of an event to correct, and why: give one or more of type, source,
    targets and date (null clears the date), or `rejected` alone."""

    model_config = ConfigDict(extra="forbid")

    reason: str = _REASON
    type: str | None = Field(None, max_length=40, description="A PLOVER type, e.g. ACCUSE.")
    source: str | None = Field(None, max_length=200, description="The source's actor id.")
    targets: list[Annotated[str, _ID]] | None = Field(
        None, max_length=50, description="The targets' actor ids."
    )
    date: str | None = Field(
        None, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD; null: unknown."
    )
    rejected: bool | None = Field(None, description="true rejects the event, false restores it.")


class StoryMove(BaseModel):
    """The story an event belongs in (null: a story of its own), and why."""

    model_config = ConfigDict(extra="forbid")

    story_id: str | None = Field(description="The story's id, or null.", max_length=200)
    reason: str = _REASON


class StorySplit(BaseModel):
    """The events to split off their story into one of their own, and why."""

    model_config = ConfigDict(extra="forbid")

    event_ids: list[Annotated[str, _ID]] = Field(min_length=1, max_length=500)
    reason: str = _REASON


class ActorMerge(BaseModel):
    """The actor to merge this one into, and why."""

    model_config = ConfigDict(extra="forbid")

    into: Annotated[str, _ID] = Field(description="The id of the actor to merge into.")
    reason: str = _REASON


@contextmanager
def _writer(state: State) -> Iterator[SQLiteStore]:
    """The store, written by one request at a time; a refused correction is a 4xx."""
    with state.write_lock:
        store = open_store(state.settings.db)
        try:
            yield store
        except ReviewError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        finally:
            store.close()


def _who(state: State) -> str:
    """Who the token speaks for: the server has one token, which carries no name."""
    return DEFAULT_WHO


@router.patch(
    "/events/{event_id}",
    summary="Correct, reject or restore an event (needs the token)",
    responses=REVIEW,
    dependencies=[Depends(require_token)],
)
def patch_event(
    body: EventPatch,
    state: State,
    event_id: Annotated[str, Path(description="The event's id (event_id).")],
) -> Record:
    """Stores the correction (who, when, why, before, after) and answers it with the
    event as it now is (null when rejected); the event is marked `reviewed`."""
    change = EventChange(
        reason=body.reason,
        type=body.type,
        source=body.source,
        targets=tuple(body.targets) if body.targets is not None else None,
        date=body.date,
        date_given="date" in body.model_fields_set,
        rejected=body.rejected,
    )
    with _writer(state) as store:
        made = correct_event(store, event_id, change, _who(state), now())
        event = store.event(event_id)
        files = store.files_of([event.evidence.doc_id]) if event else {}
    return {
        "correction": contract.correction_record(made),
        "event": contract.event_record(event, files[event.evidence.doc_id]) if event else None,
    }


@router.post(
    "/events/{event_id}/story",
    summary="Move an event to another story, or to one of its own (needs the token)",
    responses=REVIEW,
    dependencies=[Depends(require_token)],
)
def move_to_story(
    body: StoryMove,
    state: State,
    event_id: Annotated[str, Path(description="The event's id (event_id).")],
) -> Record:
    """Pins the event to the story (kept through re-linking) and answers the correction
    with the id of the story the event is now in."""
    with _writer(state) as store:
        made = move_event(store, event_id, body.story_id, body.reason, _who(state), now())
        event = store.event(event_id)
    return {
        "correction": contract.correction_record(made),
        "story_id": event.story_id if event else None,
    }


@router.post(
    "/stories/{story_id}/split",
    summary="Split events off a story into a story of their own (needs the token)",
    responses=REVIEW,
    dependencies=[Depends(require_token)],
)
def split(
    body: StorySplit,
    state: State,
    story_id: Annotated[str, Path(description="The story's id (story_id).")],
) -> Record:
    """One correction per event split off; answers them and the new story's id."""
    with _writer(state) as store:
        made = split_story(store, story_id, body.event_ids, body.reason, _who(state), now())
        event = store.event(made[0].record_id)
    return {
        "corrections": [contract.correction_record(c) for c in made],
        "story_id": event.story_id if event else None,
    }


@router.post(
    "/actors/{actor_id}/merge",
    summary="Merge an actor into another (needs the token)",
    responses=REVIEW,
    dependencies=[Depends(require_token)],
)
def merge(
    body: ActorMerge,
    state: State,
    actor_id: Annotated[str, Path(description="The id of the actor merged away.")],
) -> Record:
    """Its mentions, quotes and events become the other actor's, now and when their
    articles are ingested again; undoing the correction puts them back."""
    with _writer(state) as store:
        made = merge_actor(store, actor_id, body.into, body.reason, _who(state), now())
    return {"correction": contract.correction_record(made), "actor_id": body.into}


@router.post(
    "/corrections/{correction_id}/undo",
    summary="Undo a correction (needs the token)",
    responses=REVIEW,
    dependencies=[Depends(require_token)],
)
def undo_correction(
    state: State,
    correction_id: Annotated[str, Path(description="The correction's id.")],
) -> Record:
    """Puts the record back as it was before the correction; the correction stays
    listed, marked undone (who, when)."""
    with _writer(state) as store:
        return contract.correction_record(undo(store, correction_id, _who(state), now()))


@router.get(
    "/corrections",
    summary="Corrections, newest first, of one record or all",
    responses=responses.LISTING,
)
def list_corrections(
    store: ReadStore,
    state: State,
    record_id: Annotated[
        str | None, Query(description="Only corrections of this record (an event id).")
    ] = None,
    record: Annotated[
        Literal["event", "story", "actor"] | None,
        Query(description="Only of events, of events' stories, or of actors (merges)."),
    ] = None,
    undone: Annotated[
        bool | None, Query(description="Only undone ones (true) or those in force (false).")
    ] = None,
    limit: Annotated[int, Query(ge=1, description="Items per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
) -> Record:
    """A page {"items", "total", "limit", "offset", "next"} of corrections with who,
    when, reason, before and after."""
    most = state.settings.max_page_size
    if limit > most:
        raise HTTPException(400, f"limit {limit} is larger than the maximum page size {most}")
    if record_id is not None and has_control(record_id):
        raise HTTPException(422, "record_id: holds a control character")
    live = None if undone is None else not undone
    found = store.correction_page(
        record_id=record_id, record=record, live=live, limit=limit, offset=offset
    )
    return {
        "items": [contract.correction_record(c) for c in found.items],
        "total": found.total,
        "limit": found.limit,
        "offset": found.offset,
        "next": None,
    }


@router.get("/corrections/{correction_id}", summary="One correction", responses=responses.ONE)
def get_correction(
    store: ReadStore,
    correction_id: Annotated[str, Path(description="The correction's id.")],
) -> Record:
    """The correction with who, when, reason, before and after."""
    found = None if has_control(correction_id) else store.correction(correction_id)
    if found is None:
        raise not_found("correction", correction_id)
    return contract.correction_record(found)
