"""GET /api/events and /api/events/{event_id}: coded events with their evidence."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Path, Query

from storyline import export as contract
from storyline.api import responses
from storyline.api.shared import (
    EventParams,
    PageParams,
    Record,
    article_files,
    checked,
    not_found,
    read_page,
    render_page,
)
from storyline.query import check_quad
from storyline.service import ReadStore

router = APIRouter(tags=["events"])


@router.get(
    "/events",
    summary="Coded events, filtered, in article and text order",
    responses=responses.LISTING,
)
def list_events(
    store: ReadStore,
    page: PageParams,
    wanted: EventParams,
    doc_id: Annotated[str | None, Query(description="Only events from this article id.")] = None,
    story_id: Annotated[str | None, Query(description="Only events of this story id.")] = None,
    quad: Annotated[
        str | None,
        Query(
            description="Only events of this PLOVER quad category: verbal_cooperation, "
            "material_cooperation, verbal_conflict or material_conflict."
        ),
    ] = None,
) -> Record:
    """Events as the export contract's event records (source, targets, date, location,
    evidence offsets, story id, quad category, ...)."""
    wanted = replace(
        wanted,
        story_id=story_id or None,
        doc_id=doc_id or None,
        quad=checked("quad", quad, check_quad),
    )
    found = read_page(store.event_page, page, wanted)
    files = article_files(store, {e.evidence.doc_id for e in found.items})
    return render_page(found, lambda e: contract.event_record(e, files[e.evidence.doc_id]))


@router.get("/events/{event_id}", summary="One coded event", responses=responses.ONE)
def get_event(
    store: ReadStore,
    event_id: Annotated[str, Path(description="The event's id (event_id).")],
) -> Record:
    """The event as the export contract's event record."""
    event = store.event(event_id)
    if event is None:
        raise not_found("event", event_id)
    files = article_files(store, [event.evidence.doc_id])
    return contract.event_record(event, files[event.evidence.doc_id])
