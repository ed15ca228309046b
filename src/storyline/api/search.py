"""GET /api/search: full-text search over articles, quotes and event evidence."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from storyline.api import responses
from storyline.api.shared import PageParams, Record
from storyline.service import ReadStore

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    summary="Full-text search over articles, quotes and event evidence, best first",
    responses=responses.LISTING,
)
def search(
    store: ReadStore,
    page: PageParams,
    q: Annotated[
        str,
        Query(
            description="Words to find (every one must occur; other forms of a word match "
            "too). Quotes, `*`, `-` and other operators are read as spaces."
        ),
    ],
    kind: Annotated[
        Literal["article", "quote", "event"] | None,
        Query(description="Only articles, only quotes or only events."),
    ] = None,
) -> Record:
    """Hits ranked by relevance, each with a snippet of its article's text (doc id and
    character offsets) and the offsets of the words that matched; `counts` gives the
    hits of each kind. Pages by `offset` (a cursor `after` is refused with 422)."""
    if page.after is not None:
        raise HTTPException(422, "after: search results are paged by offset only")
    found = store.search(q, kind=kind, limit=page.limit, offset=page.offset)
    return {
        "items": [h.record() for h in found.items],
        "total": found.total,
        "limit": found.limit,
        "offset": found.offset,
        "next": None,
        "counts": found.counts,
        "terms": list(found.terms),
    }
