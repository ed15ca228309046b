"""The API's endpoints under /api: reads with filters and pagination, token-guarded ingest.

Each group lives in its own module; this router gathers them for the app factory.
"""

from __future__ import annotations

from fastapi import APIRouter

from storyline.api import (
    actors,
    articles,
    corrections,
    events,
    graph,
    ingest_route,
    quotes,
    search,
    stories,
)

router = APIRouter()
for _module in (articles, ingest_route, actors, events, quotes, stories, graph, corrections):
    router.include_router(_module.router)
router.include_router(search.router)  # full-text search over all three kinds
