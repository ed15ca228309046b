"""The dated storyline: stories in date order, background apart, undated apart.

Rendered as text for the terminal, JSON for programs, or one self-contained HTML file
(no scripts or styles fetched from anywhere; every piece of article text escaped).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from storyline.query import EventFilter
from storyline.records import Actor, Article, Event, Story
from storyline.store import SQLiteStore
from storyline.store.reads import BATCH


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """A story with its events, participants and articles."""

    story: Story
    events: tuple[Event, ...]
    participants: tuple[Actor, ...]
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeline:
    """News of the period, historical background, and undated stories: one page of
    them (all of them when read without a limit), with how many match in each part
    and the cursor of the next page (None on the last)."""

    news: tuple[Entry, ...]
    background: tuple[Entry, ...]
    undated: tuple[Entry, ...]
    counts: tuple[int, int, int] = (0, 0, 0)
    offset: int = 0
    next: str | None = None

    @property
    def total(self) -> int:
        """How many stories match, on every page."""
        return sum(self.counts)


def build_timeline(
    store: SQLiteStore,
    *,
    actor: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    types: tuple[str, ...] = (),
    limit: int | None = None,
    offset: int = 0,
    after: str | None = None,
) -> Timeline:
    """The stored stories, filtered by participant, country, event type and date range:
    `limit` of them (all when None), `offset` after the cursor `after` (a page's `next`;
    the start when None).

    The actor and the country may match different participants of a story. Only the
    page's stories, events, actors and articles are read. Raises ValueError for a
    cursor that is not one of the timeline's."""
    wanted = EventFilter(actor=actor, country=country, types=types, since=since, until=until)
    parts: tuple[list[Entry], list[Entry], list[Entry]] = ([], [], [])
    cursor, skip = after, offset
    while True:
        size = limit if limit is not None else BATCH
        page = store.story_page(wanted, limit=size, offset=skip, after=cursor, timeline=True)
        for section, entry in zip(page.segments, _entries(store, page.stories), strict=True):
            parts[section].append(entry)
        if limit is not None or page.next is None:
            break
        cursor, skip = page.next, 0
    news, background, undated = parts
    return Timeline(
        news=tuple(news),
        background=tuple(background),
        undated=tuple(undated),
        counts=(page.counts[0], page.counts[1], page.counts[2]),
        offset=offset,
        next=page.next if limit is not None else None,
    )


def _entries(store: SQLiteStore, stories: tuple[Story, ...]) -> list[Entry]:
    """The stories with their events, participants and articles, read for them only."""
    events = {e.event_id: e for e in store.events_in(story_ids=[s.story_id for s in stories])}
    articles = store.story_articles([d for s in stories for d in s.doc_ids])
    entries = []
    for story in stories:
        members = tuple(events[i] for i in story.event_ids if i in events)
        entries.append(
            Entry(
                story=story,
                events=members,
                participants=_participants(members),
                articles=tuple(articles[d] for d in story.doc_ids if d in articles),
            )
        )
    return entries


def _participants(events: tuple[Event, ...]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for e in events:
        for a in (e.source, *e.targets):
            seen.setdefault(a.actor_id, a)
    return tuple(seen.values())


def story_when(story: Story, between: str = "..") -> str:
    """A story's date as shown: a day, month or year, its window, or "undated"."""
    if story.date is None:
        return "undated"
    if story.precision == "window" and story.date_window:
        return f"{story.date_window[0]}{between}{story.date_window[1]}"
    return story.date


def _sources(entry: Entry) -> str:
    outlets = ", ".join(entry.story.outlets) or "outlet unknown"
    n = entry.story.sources
    return f"{n} source{'s' if n != 1 else ''} ({outlets})"


def sections(timeline: Timeline) -> list[tuple[str, tuple[Entry, ...]]]:
    """The timeline's non-empty parts, headed: news, background, undated."""
    parts = (
        ("News", timeline.news),
        ("Background", timeline.background),
        ("Undated", timeline.undated),
    )
    return [(heading, entries) for heading, entries in parts if entries]


def render_text(timeline: Timeline) -> str:
    """The timeline for the terminal."""
    lines: list[str] = []
    for heading, entries in sections(timeline):
        lines.append(f"== {heading} ({len(entries)})")
        for entry in entries:
            story = entry.story
            flag = "  [contested]" if story.contested else ""
            lines.append(f"{story_when(story):24} {story.title}{flag}")
            lines.append(f"{'':24} {'/'.join(story.types)}; {_sources(entry)}")
            for event in entry.events:
                text = " ".join(event.evidence.text.split())
                lines.append(f"{'':24}   “{text[:150]}{'…' if len(text) > 150 else ''}”")
    return "\n".join(lines) if lines else "Timeline: no stories yet"


def entry_record(entry: Entry) -> dict[str, object]:
    """A timeline entry as JSON."""
    story = entry.story
    return {
        "story_id": story.story_id,
        "date": story.date,
        "precision": story.precision,
        "date_window": list(story.date_window) if story.date_window else None,
        "title": story.title,
        "types": list(story.types),
        "contested": story.contested,
        "historical": story.historical,
        "sources": story.sources,
        "outlets": list(story.outlets),
        "participants": [
            {"actor_id": a.actor_id, "name": a.name, "country": a.country, "sector": a.sector}
            for a in entry.participants
        ],
        "evidence": [
            {
                "doc_id": e.evidence.doc_id,
                "start": e.evidence.start,
                "end": e.evidence.end,
                "text": e.evidence.text,
            }
            for e in entry.events
        ],
    }


def render_json(timeline: Timeline) -> dict[str, list[dict[str, object]]]:
    """The timeline as JSON: news, background and undated stories."""
    return {
        "news": [entry_record(e) for e in timeline.news],
        "background": [entry_record(e) for e in timeline.background],
        "undated": [entry_record(e) for e in timeline.undated],
    }


_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;color:#555}
ol{list-style:none;padding-left:0;border-left:3px solid #bbb}
li{margin:0 0 1rem 0;padding-left:1rem;position:relative}
li::before{content:"";position:absolute;left:-.55rem;top:.45rem;width:.7rem;height:.7rem;
border-radius:50%;background:#3a6ea5}
.when{font-weight:600;color:#3a6ea5;margin-right:.5rem}.meta{color:#666;font-size:.85rem}
.contested{color:#b5461a;font-size:.8rem;margin-left:.4rem}
blockquote{margin:.3rem 0 .3rem 1rem;color:#444;font-size:.9rem}
summary{cursor:pointer}
"""


def render_html(timeline: Timeline, title: str = "storyline timeline") -> str:
    """One self-contained page: the stories in date order, each opening to its evidence."""
    e = html.escape
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{e(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{e(title)}</h1>",
    ]
    for heading, entries in sections(timeline):
        parts.append(f"<h2>{e(heading)}</h2><ol>")
        for entry in entries:
            story = entry.story
            flag = "<span class='contested'>contested</span>" if story.contested else ""
            people = ", ".join(a.name for a in entry.participants)
            parts.append(
                f"<li><details><summary><span class='when'>{e(story_when(story))}</span>"
                f"{e(story.title)}{flag}<div class='meta'>{e('/'.join(story.types))} · "
                f"{e(_sources(entry))} · {e(people)}</div></summary>"
            )
            titles = {a.doc_id: a.title or a.file for a in entry.articles}
            for event in entry.events:
                source = titles.get(event.evidence.doc_id, event.evidence.doc_id)
                parts.append(
                    f"<blockquote>{e(event.evidence.text)}<div class='meta'>{e(source)}, "
                    f"characters {event.evidence.start}–{event.evidence.end}</div></blockquote>"
                )
            parts.append("</details></li>")
        parts.append("</ol>")
    if len(parts) == 3:
        parts.append("<p>No stories yet.</p>")
    parts.append("</body></html>")
    return "\n".join(parts)
