"""The API's endpoints under /api: reads with filters and pagination, token-guarded ingest."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query
from pydantic import BaseModel, Field

from storyline import export as contract
from storyline.api.app import ReadStore, State
from storyline.errors import IngestError
from storyline.ingest import article_from_record
from storyline.pipeline import ingest
from storyline.query import paginate
from storyline.records import IngestFailure, IngestStatus
from storyline.store import open_store

router = APIRouter()

Limit = Annotated[int, Query(ge=1, description="Items per page (at most the server's maximum).")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]


def _limit(state: State, limit: int) -> int:
    if limit > state.settings.max_page_size:
        most = state.settings.max_page_size
        raise HTTPException(400, f"limit {limit} is larger than the maximum page size {most}")
    return limit


@router.get("/articles", summary="Stored articles in publication order")
def list_articles(
    store: ReadStore,
    state: State,
    outlet: Annotated[str | None, Query(description="Outlet name contains this.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, object]:
    stats = store.articles(outlet=outlet)
    page = paginate(stats, _limit(state, limit), offset)
    return {
        "items": [
            {
                **contract.article_record(s.article),
                "n_tokens": s.n_tokens,
                "n_sentences": s.n_sentences,
                "n_mentions": s.n_mentions,
            }
            for s in page.items
        ],
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
    }


class ArticleIn(BaseModel):
    """An article to ingest: its text and what is known about it."""

    text: str = Field(min_length=1, description="The article's plain text.")
    id: str | None = Field(None, description="Your id for it (else one is derived).")
    title: str | None = None
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    outlet: str | None = None
    url: str | None = None


@router.post("/articles", status_code=201, summary="Ingest one article (needs the token)")
def ingest_article(
    body: ArticleIn,
    state: State,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
) -> dict[str, object]:
    token = state.settings.api_token
    if not token:
        raise HTTPException(
            403, "ingest is disabled: start the server with a token (--token or STORYLINE_TOKEN)"
        )
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer TOKEN'")
    try:
        article = article_from_record(body.model_dump(), "request body", state.settings)
    except IngestError as exc:
        raise HTTPException(422, str(exc)) from None
    outcome: list[tuple[IngestStatus, object]] = []
    with state.write_lock:
        store = open_store(state.settings.db)
        try:
            ingest(
                [article],
                store,
                state.resources(),
                state.settings,
                lambda status, item: outcome.append((status, item)),
            )
        finally:
            store.close()
    status, item = outcome[0]
    if isinstance(item, IngestFailure):
        raise HTTPException(422, item.message())
    return {"doc_id": article.doc_id, "status": status.value}
