"""The dated storyline: stories in date order, background apart, undated apart.

Rendered as text for the terminal, JSON for programs, or one self-contained HTML file
(no scripts or styles fetched from anywhere; every piece of article text escaped).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from storyline.dates.span import in_range
from storyline.query import actor_matches
from storyline.records import Actor, Article, Event, Story
from storyline.store import SQLiteStore


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """A story with its events, participants and articles."""

    story: Story
    events: tuple[Event, ...]
    participants: tuple[Actor, ...]
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeline:
    """News of the period, historical background, and undated stories."""

    news: tuple[Entry, ...]
    background: tuple[Entry, ...]
    undated: tuple[Entry, ...]


def build_timeline(
    store: SQLiteStore,
    *,
    actor: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    types: tuple[str, ...] = (),
) -> Timeline:
    """The stored stories, filtered by participant, country, event type and date range.

    The actor and the country may match different participants of a story."""
    events = {e.event_id: e for e in store.events()}
    articles = {s.article.doc_id: s.article for s in store.articles()}
    news, background, undated = [], [], []
    for story in store.stories():
        members = tuple(events[i] for i in story.event_ids if i in events)
        people = _participants(members)
        if not _wanted(story, people, actor, country, since, until, types):
            continue
        entry = Entry(
            story=story,
            events=members,
            participants=people,
            articles=tuple(articles[d] for d in story.doc_ids if d in articles),
        )
        if story.date is None:
            undated.append(entry)
        elif story.historical:
            background.append(entry)
        else:
            news.append(entry)
    return Timeline(news=tuple(news), background=tuple(background), undated=tuple(undated))


def _participants(events: tuple[Event, ...]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for e in events:
        for a in (e.source, *e.targets):
            seen.setdefault(a.actor_id, a)
    return tuple(seen.values())


def _wanted(
    story: Story,
    people: tuple[Actor, ...],
    actor: str | None,
    country: str | None,
    since: str | None,
    until: str | None,
    types: tuple[str, ...],
) -> bool:
    if actor and not any(actor_matches(a, actor, None) for a in people):
        return False
    if country and not any(actor_matches(a, None, country) for a in people):
        return False
    if types and not {t.upper() for t in types} & set(story.types):
        return False
    return in_range(story.date, since, until)


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
