"""The search page: articles, quotes and events holding the words asked for, best first,
each with its snippet (the matched words marked) linking to the article at that
passage. The snippet is cut into plain-text pieces here; the template escapes them."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from storyline.service import ReadStore
from storyline.store.search import SEARCH_KINDS, SearchHit, SearchPage
from storyline.web.templating import render

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20
MAX_PAGE = 10_000
KIND_LABELS = {"article": "Articles", "quote": "Quotes", "event": "Events"}


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a snippet, marked when it is a word that matched."""

    text: str
    marked: bool


@dataclass(frozen=True, slots=True)
class Shown:
    """A hit as the page shows it: the hit, its snippet's pieces, where its link goes."""

    hit: SearchHit
    pieces: list[Piece]
    start: int
    end: int


def pieces(hit: SearchHit) -> list[Piece]:
    """The snippet cut at the matched words (offsets into the article text)."""
    ev, out, at = hit.snippet, [], 0
    for start, end in hit.matches:
        a, b = start - ev.start, end - ev.start
        if a < at or b > len(ev.text):
            continue
        if a > at:
            out.append(Piece(ev.text[at:a], False))
        out.append(Piece(ev.text[a:b], True))
        at = b
    if at < len(ev.text):
        out.append(Piece(ev.text[at:], False))
    return out


def shown(hit: SearchHit) -> Shown:
    """A hit with its pieces and the passage its link opens at (its first match)."""
    start, end = hit.matches[0] if hit.matches else (hit.snippet.start, hit.snippet.end)
    return Shown(hit=hit, pieces=pieces(hit), start=start, end=end)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: ReadStore) -> HTMLResponse:
    """Search results for `q`, of one `kind` or all, a page at a time."""
    params = request.query_params
    query = params.get("q", "")
    kind = params.get("kind") or None
    problems: list[str] = []
    if kind is not None and kind not in SEARCH_KINDS:
        problems.append(f"kind: must be one of {', '.join(SEARCH_KINDS)}, not {kind!r}")
        kind = None
    number = params.get("page", "1")
    page = int(number) if number.isascii() and number.isdigit() else 0
    if not 1 <= page <= MAX_PAGE:
        problems.append(f"page: must be a whole number from 1 to {MAX_PAGE}, not {number!r}")
        page = 1
    found: SearchPage | None = None
    if not problems and query.strip():
        found = store.search(query, kind=kind, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render(
        "search.html",
        status=422 if problems else 200,
        page="search",
        search_query=query,
        kind=kind,
        number=page,
        size=PAGE_SIZE,
        problems=problems,
        found=found,
        hits=[shown(h) for h in found.items] if found else [],
        kinds=KIND_LABELS,
    )
