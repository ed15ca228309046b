"""The web pages: timeline, actor network, events, quotes, articles and one article.

Server-rendered from Jinja2 templates over a read-only store connection per request.
Filters come as GET parameters (see `forms`); a value that cannot be understood gives
the page back with a message and status 400, never a traceback.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from storyline.api.app import ReadStore
from storyline.query import EventFilter, first_day, paginate, plover_types, quote_matches
from storyline.records import Actor, ActorMention, Article, Event, Quote, QuoteKind
from storyline.store import SQLiteStore
from storyline.stories.timeline import Entry, build_timeline, sections
from storyline.web.forms import Filters, read_filters
from storyline.web.highlight import Span, anchor_id, segments
from storyline.web.present import QUADS, quad_label
from storyline.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, store: ReadStore) -> HTMLResponse:
    """Stories in date order (news, background, undated), each opening to its sources."""
    f = read_filters(request.query_params)
    parts: list[tuple[str, tuple[Entry, ...]]] = []
    if not f.problems:
        timeline = build_timeline(
            store, actor=f.actor, country=f.country, since=f.since, until=f.until, types=f.types
        )
        parts = sections(timeline)
    return _page("timeline.html", "timeline", f, store, sections=parts)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: ReadStore) -> HTMLResponse:
    """The actor network; the script draws it from /api/network with the same filters."""
    f = read_filters(request.query_params)
    params = [("actor", f.actor), ("country", f.country), ("since", f.since), ("until", f.until)]
    params += [("type", t) for t in f.types]
    api_query = urlencode([(k, v) for k, v in params if v])
    chosen = next((a for a in store.actors() if a.actor_id == f.actor), None)
    return _page("network.html", "network", f, store, api_query=api_query, chosen=chosen)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: ReadStore) -> HTMLResponse:
    """Coded events in date order, filtered, one page at a time."""
    f = read_filters(request.query_params)
    articles = _articles(store)
    rows: list[Event] = []
    if not f.problems:
        keep = EventFilter(
            actor=f.actor, country=f.country, types=f.types, since=f.since, until=f.until
        )
        order = {doc_id: i for i, doc_id in enumerate(articles)}
        rows = sorted(
            (e for e in store.events() if keep(e)),
            key=lambda e: (
                first_day(e) is None,
                first_day(e) or "",
                order.get(e.evidence.doc_id, len(order)),
                e.evidence.start,
            ),
        )
    page = paginate(rows, f.size, f.offset)
    return _page("events.html", "events", f, store, rows=page, articles=articles)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, store: ReadStore) -> HTMLResponse:
    """Quotations by speaker, country and kind, one page at a time."""
    f = read_filters(request.query_params)
    articles = _articles(store)
    rows: list[Quote] = []
    if not f.problems:
        order = {doc_id: i for i, doc_id in enumerate(articles)}
        kind = QuoteKind(f.kind) if f.kind else None
        rows = sorted(
            (q for q in store.quotes() if quote_matches(q, f.speaker, f.country, kind)),
            key=lambda q: (order.get(q.evidence.doc_id, len(order)), q.evidence.start),
        )
    page = paginate(rows, f.size, f.offset)
    return _page("quotes.html", "quotes", f, store, rows=page, articles=articles)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: ReadStore) -> HTMLResponse:
    """The stored articles in publication order."""
    f = read_filters(request.query_params)
    stats = store.articles(outlet=f.outlet) if not f.problems else []
    return _page("articles.html", "articles", f, store, rows=paginate(stats, f.size, f.offset))


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
    actors = {a.actor_id: a for a in store.actors()}
    mentions = store.actor_mentions(doc_id=doc_id)
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
        400 if problems else 200,
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


def _page(
    template: str, name: str, f: Filters, store: SQLiteStore, **context: object
) -> HTMLResponse:
    """A listing page with its filter form's state and choices."""
    return render(
        template,
        400 if f.problems else 200,
        page=name,
        f=f,
        problems=f.problems,
        choices=_choices(store),
        **context,
    )


def _choices(store: SQLiteStore) -> dict[str, object]:
    """What the filter forms offer: known actors, countries and the PLOVER types by quad."""
    actors = store.actors()
    by_quad: dict[str, list[str]] = defaultdict(list)
    for name, quad in plover_types().items():
        by_quad[quad].append(name)
    return {
        "actors": actors,
        "countries": sorted({a.country for a in actors if a.country}),
        "type_groups": [(quad_label(q), sorted(by_quad[q])) for q in QUADS if q in by_quad],
    }


def _articles(store: SQLiteStore) -> dict[str, Article]:
    """The stored articles by id, in publication order."""
    return {s.article.doc_id: s.article for s in store.articles()}


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
