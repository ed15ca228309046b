"""GET /api/quotes: quotations with their speakers and evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from storyline import export as contract
from storyline.api import responses
from storyline.api.shared import PageParams, Record, article_files, read_page, render_page
from storyline.query import QuoteFilter
from storyline.records import QuoteKind
from storyline.service import ReadStore

router = APIRouter(tags=["quotes"])


@router.get(
    "/quotes",
    summary="Quotations, filtered, in article and text order",
    responses=responses.LISTING,
)
def list_quotes(
    store: ReadStore,
    page: PageParams,
    speaker: Annotated[
        str | None,
        Query(description="Only quotes whose speaker's name, id or alias contains this."),
    ] = None,
    country: Annotated[
        str | None, Query(description="Only quotes whose speaker is of this country (alpha-3).")
    ] = None,
    doc_id: Annotated[str | None, Query(description="Only quotes from this article id.")] = None,
    kind: Annotated[
        QuoteKind | None, Query(description="Only direct or only indirect quotes.")
    ] = None,
) -> Record:
    """Quotes as the export contract's quote records: text and offsets, kind, speaker,
    cue and the chain they were passed on through."""
    wanted = QuoteFilter(
        speaker=speaker or None, country=country or None, kind=kind, doc_id=doc_id or None
    )
    found = read_page(store.quote_page, page, wanted)
    files = article_files(store, {q.evidence.doc_id for q in found.items})
    return render_page(found, lambda q: contract.quote_record(q, files[q.evidence.doc_id]))
