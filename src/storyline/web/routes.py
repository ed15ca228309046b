"""The web pages: timeline, actor network, events, quotes, articles and one article.

Server-rendered from Jinja2 templates over a read-only store connection per request.
Filters come as GET parameters (see `forms`); a value that cannot be understood gives
the page back with a message and status 422 (as the API answers it), never a traceback.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from storyline.query import Page, QuoteFilter, plover_types
from storyline.records import Actor, ActorMention, Event, Quote, QuoteKind
from storyline.service import ReadStore
from storyline.store import ArticleStats, SQLiteStore
from storyline.stories.timeline import Entry, build_timeline, sections
from storyline.web.forms import Filters, read_filters
from storyline.web.highlight import Span, anchor_id, segments
from storyline.web.present import QUADS, quad_label
from storyline.web.review import router as review_router
from storyline.web.templating import render

T = TypeVar("T")
router = APIRouter(include_in_schema=False)
router.include_router(review_router)  # one event, its corrections and the review form


@router.get("/", response_class=HTMLResponse)
@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, store: ReadStore) -> HTMLResponse:
    """Stories in date order (news, background, undated), a page at a time, each
    opening to its sources."""
    f = read_filters(request.query_params)
    timeline = None
    if not f.problems:
        try:
            timeline = build_timeline(
                store,
                actor=f.actor,
                country=f.country,
                since=f.since,
                until=f.until,
                types=f.types,
                limit=f.size,
                offset=f.offset,
                after=f.after,
            )
        except ValueError as exc:
            f.problems.append(f"after: {exc}")
    parts: list[tuple[str, tuple[Entry, ...], int]] = []
    rows: Page[Entry] = Page([], 0, f.size, f.offset)
    if timeline is not None:
        counts = dict(zip(("News", "Background", "Undated"), timeline.counts, strict=True))
        parts = [(heading, entries, counts[heading]) for heading, entries in sections(timeline)]
        entries = [e for _, part, _ in parts for e in part]
        rows = Page(entries, timeline.total, f.size, f.offset, timeline.next)
    people = {a.actor_id: a for _, part, _ in parts for e in part for a in e.participants}
    return _page("timeline.html", "timeline", f, store, people.values(), sections=parts, rows=rows)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: ReadStore) -> HTMLResponse:
    """The actor network; the script draws it from /api/network with the same filters."""
    f = read_filters(request.query_params)
    params = [("actor", f.actor), ("country", f.country), ("since", f.since), ("until", f.until)]
    params += [("type", t) for t in f.types]
    api_query = urlencode([(k, v) for k, v in params if v])
    chosen = store.actor(f.actor) if f.actor else None
    return _page(
        "network.html",
        "network",
        f,
        store,
        [chosen] if chosen else [],
        api_query=api_query,
        chosen=chosen,
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: ReadStore) -> HTMLResponse:
    """Coded events in article and text order, filtered, one page at a time."""
    f = read_filters(request.query_params)
    rows: Page[Event] = Page([], 0, f.size, f.offset)
    if not f.problems:
        rows = _read(f, store.event_page, f.events) or rows
    articles = store.story_articles({e.evidence.doc_id for e in rows.items})
    people = {a.actor_id: a for e in rows.items for a in (e.source, *e.targets)}
    return _page("events.html", "events", f, store, people.values(), rows=rows, articles=articles)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, store: ReadStore) -> HTMLResponse:
    """Quotations by speaker, country and kind, one page at a time."""
    f = read_filters(request.query_params)
    rows: Page[Quote] = Page([], 0, f.size, f.offset)
    if not f.problems:
        kind = QuoteKind(f.kind) if f.kind else None
        keep = QuoteFilter(speaker=f.speaker, country=f.country, kind=kind)
        rows = _read(f, store.quote_page, keep) or rows
    articles = store.story_articles({q.evidence.doc_id for q in rows.items})
    people = {a.actor_id: a for q in rows.items for a in (q.speaker, *q.joint) if a}
    return _page("quotes.html", "quotes", f, store, people.values(), rows=rows, articles=articles)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: ReadStore) -> HTMLResponse:
    """The stored articles in publication order, one page at a time."""
    f = read_filters(request.query_params)
    rows: Page[ArticleStats] = Page([], 0, f.size, f.offset)
    if not f.problems:
        found = None
        try:
            found = store.article_page(
                outlet=f.outlet, limit=f.size, offset=f.offset, after=f.after
            )
        except ValueError as exc:
            f.problems.append(f"after: {exc}")
        rows = found or rows
    return _page("articles.html", "articles", f, store, [], rows=rows)


@router.get("/articles/{doc_id:path}", response_class=HTMLResponse)
def article_page(doc_id: str, request: Request, store: ReadStore) -> HTMLResponse:
    """One article with its actor mentions, quotes and events highlighted in the text."""
    article = store.article(doc_id)
    if article is None:
        return render(
            "error.html",
            404,
            heading="Article not found",
            message=f"There is no article with the id {doc_id!r}.",
        )
    problems: list[str] = []
    focus = _focus(request, problems)
    mentions = store.actor_mentions(doc_id=doc_id)
    actors = store.actors_by_id({m.actor_id for m in mentions})
    quotes = store.quotes(doc_id=doc_id)
    events = store.events(doc_id=doc_id)
    spans = _spans(mentions, quotes, events, actors)
    if focus is not None:
        spans.append(Span(start=focus[0], end=focus[1], kind="focus", label="linked evidence"))
    found: dict[str, list[ActorMention]] = defaultdict(list)
    for m in mentions:
        found[m.actor_id].append(m)
    return render(
        "article.html",
        422 if problems else 200,
        page="articles",
        problems=problems,
        article=article,
        duplicate_of=store.article(article.duplicate_of) if article.duplicate_of else None,
        segments=segments(article.text, spans),
        found_actors=sorted(
            ((actors.get(i), ms) for i, ms in found.items()),
            key=lambda pair: (-len(pair[1]), pair[0].name if pair[0] else ""),
        ),
        quotes=quotes,
        events=events,
        anchor=anchor_id,
    )


def _read(f: Filters, read: Callable[..., Page[T]], wanted: object) -> Page[T] | None:
    """One page of a store listing for the form's paging; a cursor the store refuses
    becomes a problem on the page."""
    try:
        return read(wanted, limit=f.size, offset=f.offset, after=f.after)
    except ValueError as exc:
        f.problems.append(f"after: {exc}")
        return None


def _page(
    template: str,
    name: str,
    f: Filters,
    store: SQLiteStore,
    actors: Iterable[Actor],
    **context: object,
) -> HTMLResponse:
    """A listing page with its filter form's state and choices (the actors offered
    are those the page shows)."""
    return render(
        template,
        422 if f.problems else 200,
        page=name,
        f=f,
        problems=f.problems,
        choices=_choices(store, actors),
        **context,
    )


def _choices(store: SQLiteStore, actors: Iterable[Actor]) -> dict[str, object]:
    """What the filter forms offer: these actors, the known countries and the PLOVER
    types by quad."""
    by_quad: dict[str, list[str]] = defaultdict(list)
    for name, quad in plover_types().items():
        by_quad[quad].append(name)
    return {
        "actors": sorted(actors, key=lambda a: (a.name, a.actor_id)),
        "countries": store.actor_countries(),
        "type_groups": [(quad_label(q), sorted(by_quad[q])) for q in QUADS if q in by_quad],
    }


def _focus(request: Request, problems: list[str]) -> tuple[int, int] | None:
    """The stretch of text a link points at (?start=&end=), when it gives a valid one."""
    start, end = request.query_params.get("start"), request.query_params.get("end")
    if start is None and end is None:
        return None
    try:
        first, last = int(start or ""), int(end or "")
    except ValueError:
        first, last = -1, -1
    if first < 0 or last <= first:
        problems.append(
            f"start {start!r} and end {end!r} are not a stretch of the text "
            "(two character offsets, start before end)"
        )
        return None
    return first, last


def _spans(
    mentions: list[ActorMention],
    quotes: list[Quote],
    events: list[Event],
    actors: dict[str, Actor],
) -> list[Span]:
    """The highlights: actor mentions, quotes and every report of each event."""
    spans = [
        Span(
            start=m.evidence.start,
            end=m.evidence.end,
            kind="actor",
            label=f"actor: {actors[m.actor_id].name if m.actor_id in actors else m.actor_id}",
        )
        for m in mentions
    ]
    for q in quotes:
        who = q.speaker.name if q.speaker else (q.speaker_text or "unknown speaker")
        label = f"{q.kind.value} quote by {who}"
        spans.append(Span(start=q.evidence.start, end=q.evidence.end, kind="quote", label=label))
    for e in events:
        targets = ", ".join(t.name for t in e.targets)
        label = f"event {e.type}: {e.source.name}" + (f" → {targets}" if targets else "")
        for ev in (e.evidence, *e.also):
            spans.append(Span(start=ev.start, end=ev.end, kind="event", label=label))
    return spans
