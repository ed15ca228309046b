"""GET /api/articles and /api/articles/{doc_id}: stored articles and what was found in each."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from storyline import export as contract
from storyline.api import responses
from storyline.api.shared import PageParams, Record, not_found, read_page, render_page
from storyline.service import ReadStore
from storyline.store import ArticleStats

router = APIRouter(tags=["articles"])


def _listed(stats: ArticleStats) -> Record:
    return contract.article_record(stats.article) | {
        "n_tokens": stats.n_tokens,
        "n_sentences": stats.n_sentences,
        "n_mentions": stats.n_mentions,
    }


@router.get(
    "/articles", summary="Stored articles in publication order", responses=responses.LISTING
)
def list_articles(
    store: ReadStore,
    page: PageParams,
    outlet: Annotated[str | None, Query(description="Outlet name contains this.")] = None,
) -> Record:
    """Articles, undated last, with their token, sentence and entity-mention counts."""
    return render_page(read_page(store.article_page, page, outlet=outlet or None), _listed)


@router.get(
    "/articles/{doc_id}",
    summary="One article: its text and every fact found in it, with offsets",
    responses=responses.ONE,
)
def get_article(
    store: ReadStore,
    doc_id: Annotated[str, Path(description="The article's id (doc_id).")],
) -> Record:
    """The article's record and text, its actor mentions, named entities, quotes and
    events; every fact's start and end are character offsets into `text`."""
    article = store.article(doc_id)
    if article is None:
        raise not_found("article", doc_id)
    mentions = store.actor_mentions(doc_id=doc_id)
    actors = store.actors_by_id({m.actor_id for m in mentions})
    return contract.article_record(article) | {
        "place": article.place,
        "text": article.text,
        "actor_mentions": [
            {
                "actor": contract.actor_record(actors[m.actor_id]),
                "start": m.evidence.start,
                "end": m.evidence.end,
                "text": m.evidence.text,
            }
            for m in mentions
            if m.actor_id in actors
        ],
        "entities": [
            {
                "label": m.label,
                "start": m.evidence.start,
                "end": m.evidence.end,
                "text": m.evidence.text,
            }
            for m in store.entity_mentions(doc_id)
        ],
        "quotes": [contract.quote_record(q, article.file) for q in store.quotes(doc_id=doc_id)],
        "events": [contract.event_record(e, article.file) for e in store.events(doc_id=doc_id)],
    }
