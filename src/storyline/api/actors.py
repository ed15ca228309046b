"""GET /api/actors and /api/actors/{actor_id}: canonical actors, their mentions and events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from storyline import export as contract
from storyline.api.app import ReadStore
from storyline.api.shared import PageParams, Record, article_files, not_found, page_of
from storyline.query import MentionCount, actor_matches, count_mentions
from storyline.records import ActorKind

router = APIRouter(tags=["actors"])

_NONE = MentionCount(mentions=0, articles=0)


@router.get("/actors", summary="Canonical actors with their mention and article counts")
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
    found = [a for a in store.actors() if actor_matches(a, name or None, country or None, kind)]
    counts = count_mentions(store.actor_mentions())
    return page_of(
        found,
        page,
        lambda a: (
            contract.actors_record(a, ())
            | {
                "mentions": counts.get(a.actor_id, _NONE).mentions,
                "articles": counts.get(a.actor_id, _NONE).articles,
            }
        ),
    )


@router.get("/actors/{actor_id}", summary="One actor: every mention of it and its events")
def get_actor(
    store: ReadStore,
    actor_id: Annotated[str, Path(description="The actor's id (actor_id).")],
) -> Record:
    """The actor's record with its mentions (article id, offsets, text) and the events it
    takes part in as source or target."""
    actor = next((a for a in store.actors() if a.actor_id == actor_id), None)
    if actor is None:
        raise not_found("actor", actor_id)
    mentions = store.actor_mentions(actor_id=actor_id)
    files = article_files(store)
    events = [
        e
        for e in store.events()
        if actor_id in (e.source.actor_id, *(t.actor_id for t in e.targets))
    ]
    return contract.actors_record(actor, mentions) | {
        "articles": len({m.evidence.doc_id for m in mentions}),
        "events": [contract.event_record(e, files[e.evidence.doc_id]) for e in events],
    }
