"""GET /api/network: the actor network of the filtered events, counted in SQL; and
GET /api/network/links: the events on one link, with their evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from storyline import export as contract
from storyline.api import responses
from storyline.api.shared import MAX_OFFSET, EventParams, Record, article_files, render_page
from storyline.network import merge_governments as merged
from storyline.network import network_of, render_json
from storyline.service import ReadStore

router = APIRouter(tags=["network"])

DEFAULT_NODES = 200
MAX_NODES = 1000
DEFAULT_LINK_EVENTS = 20
MAX_LINK_EVENTS = 100
MAX_LINK_ENDS = 50


@router.get(
    "/network",
    summary="Actor network: who acts on whom in the filtered events",
    responses=responses.FILTERED,
)
def get_network(
    store: ReadStore,
    wanted: EventParams,
    limit: Annotated[
        int,
        Query(
            ge=1,
            le=MAX_NODES,
            description=f"Actors to show, the busiest first; at most {MAX_NODES}.",
        ),
    ] = DEFAULT_NODES,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Busiest actors to leave out first.")
    ] = 0,
    merge_governments: Annotated[
        bool,
        Query(
            description="Show a country and its government (e.g. Kosovo and Government of "
            "Kosovo, both among the actors shown) as one node, keyed by the country, with "
            "both ids in its `members`."
        ),
    ] = False,
) -> Record:
    """`nodes`: the actors taking part in the matching events, busiest first (`limit`
    of them from `offset`), each with its number of events. `edges`: one per pair of
    those actors (undirected, ids sorted) joined by an event's source and target, with
    the number of events, their counts by quad category and by PLOVER type, and the
    most frequent quad category. `total_nodes` and `total_edges` count the whole
    network of the matching events (before any merging). With `merge_governments`,
    every node has `members`, the actor ids it stands for; a merged node's events are
    those of either actor, and the link between the two is left out."""
    network = network_of(store, wanted, limit=limit, offset=offset)
    if merge_governments:
        network = merged(network)
    return render_json(network) | {"limit": limit}


@router.get(
    "/network/links",
    summary="The events on one link of the network, with their evidence",
    responses=responses.FILTERED,
)
def get_link_events(
    store: ReadStore,
    wanted: EventParams,
    a: Annotated[
        list[str],
        Query(
            description="An actor id at one end of the link (repeatable: a merged node's members)."
        ),
    ],
    b: Annotated[
        list[str],
        Query(
            description="An actor id at the other end (repeatable); none of them in `a`; "
            f"at most {MAX_LINK_ENDS} at each end."
        ),
    ],
    limit: Annotated[
        int,
        Query(ge=1, le=MAX_LINK_EVENTS, description=f"Events to give; at most {MAX_LINK_EVENTS}."),
    ] = DEFAULT_LINK_EVENTS,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Events to leave out first.")
    ] = 0,
) -> Record:
    """The events the filters keep between an actor of `a` and one of `b` (the source
    on one side, a target on the other), in article and text order, as the export
    contract's event records with their evidence: `{"items", "total", "limit",
    "offset", "next"}` (`next` is always null: page with `offset`)."""
    ends = (set(a), set(b))
    if ends[0] & ends[1]:
        raise HTTPException(422, "b: an actor cannot be at both ends of a link")
    if max(len(ends[0]), len(ends[1])) > MAX_LINK_ENDS:
        raise HTTPException(422, f"a, b: at most {MAX_LINK_ENDS} actor ids at each end")
    found = store.link_events(a, b, wanted, limit=limit, offset=offset)
    files = article_files(store, {e.evidence.doc_id for e in found.items})
    return render_page(found, lambda e: contract.event_record(e, files[e.evidence.doc_id]))
