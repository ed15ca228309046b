"""GET /api/network: the actor network of the filtered events, counted in SQL."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from storyline.api import responses
from storyline.api.app import ReadStore
from storyline.api.shared import MAX_OFFSET, EventParams, Record
from storyline.network import network_of, render_json

router = APIRouter(tags=["network"])

DEFAULT_NODES = 200
MAX_NODES = 1000


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
) -> Record:
    """`nodes`: the actors taking part in the matching events, busiest first (`limit`
    of them from `offset`), each with its number of events. `edges`: one per pair of
    those actors (undirected, ids sorted) joined by an event's source and target, with
    the number of events, their counts by quad category and by PLOVER type, and the
    most frequent quad category. `total_nodes` and `total_edges` count the whole
    network of the matching events."""
    network = network_of(store, wanted, limit=limit, offset=offset)
    return render_json(network) | {"limit": limit}
