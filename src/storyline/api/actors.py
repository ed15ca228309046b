"""GET /api/actors and /api/actors/{actor_id}: canonical actors, their mentions and events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from storyline import export as contract
from storyline.api import responses
from storyline.api.shared import (
    PageParams,
    Record,
    article_files,
    not_found,
    read_page,
    render_page,
)
from storyline.query import ActorFilter, EventFilter
from storyline.records import ActorKind
from storyline.service import ReadStore
from storyline.store.reads import ActorStats

router = APIRouter(tags=["actors"])


def _listed(found: ActorStats) -> Record:
    return contract.actors_record(found.actor, ()) | {
        "mentions": found.mentions,
        "articles": found.articles,
    }


@router.get(
    "/actors",
    summary="Canonical actors with their mention and article counts",
    responses=responses.LISTING,
)
def list_actors(
    store: ReadStore,
    page: PageParams,
    name: Annotated[
        str | None, Query(description="Only actors whose name, id or alias contains this.")
    ] = None,
    country: Annotated[
        str | None, Query(description="Only actors of this country (ISO 3166 alpha-3).")
    ] = None,
    kind: Annotated[ActorKind | None, Query(description="Only actors of this kind.")] = None,
) -> Record:
    """Actors in name order: the contract's actor fields and aliases, with `mentions` (how
    often the actor is mentioned) and `articles` (in how many articles)."""
    wanted = ActorFilter(name=name or None, country=country or None, kind=kind)
    return render_page(read_page(store.actor_page, page, wanted), _listed)


@router.get(
    "/actors/{actor_id}",
    summary="One actor: every mention of it and its events",
    responses=responses.ONE_PAGED,
)
def get_actor(
    store: ReadStore,
    page: PageParams,
    actor_id: Annotated[str, Path(description="The actor's id (actor_id).")],
) -> Record:
    """The actor's record with its mentions (article id, offsets, text) and the events it
    takes part in as source or target: one page of them (`limit`, `offset`, `after`),
    with `events_total` and `events_next` (the cursor of the following page)."""
    actor = store.actor(actor_id)
    if actor is None:
        raise not_found("actor", actor_id)
    mentions = store.actor_mentions(actor_id=actor_id)
    events = read_page(store.event_page, page, EventFilter(actor_id=actor_id))
    files = article_files(store, {e.evidence.doc_id for e in events.items})
    return contract.actors_record(actor, mentions) | {
        "articles": len({m.evidence.doc_id for m in mentions}),
        "events": [contract.event_record(e, files[e.evidence.doc_id]) for e in events.items],
        "events_total": events.total,
        "events_next": events.next,
    }
