"""POST /api/articles: ingest one article, for holders of the server's token only."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException
from pydantic import BaseModel, Field

from storyline.api.app import State
from storyline.errors import IngestError
from storyline.ingest import article_from_record
from storyline.pipeline import ingest
from storyline.records import IngestFailure, IngestStatus
from storyline.store import open_store

router = APIRouter(tags=["ingest"])


class ArticleIn(BaseModel):
    """An article to ingest: its text and what is known about it."""

    text: str = Field(min_length=1, description="The article's plain text (English).")
    id: str | None = Field(None, description="Your id for it (else one is derived).")
    title: str | None = Field(None, description="The headline.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    outlet: str | None = Field(None, description="The outlet that published it.")
    url: str | None = Field(None, description="Where it was published.")


@router.post("/articles", status_code=201, summary="Ingest one article (needs the token)")
def ingest_article(
    body: ArticleIn,
    state: State,
    authorization: Annotated[
        str | None, Header(description="'Bearer TOKEN', the token the server was started with.")
    ] = None,
) -> dict[str, object]:
    """Run the pipeline over the article and store it; answers its id and whether it was
    ingested, updated, unchanged or a near-duplicate. Disabled (403) unless the server
    has a token; a missing or wrong token is refused (401)."""
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
