"""GET /api/network: the actor network of the filtered events."""

from __future__ import annotations

from fastapi import APIRouter

from storyline.api.app import ReadStore
from storyline.api.shared import EventParams
from storyline.network import build_network, render_json

router = APIRouter(tags=["network"])


@router.get("/network", summary="Actor network: who acts on whom in the filtered events")
def get_network(store: ReadStore, wanted: EventParams) -> dict[str, list[dict[str, object]]]:
    """`nodes`: the actors taking part in the matching events, each with its number of
    events. `edges`: one per pair of actors (undirected, ids sorted) joined by an event's
    source and target, with the number of events, their counts by quad category and by
    PLOVER type, and the most frequent quad category. Not paginated."""
    return render_json(build_network(e for e in store.events() if wanted(e)))
