"""Story records from linked events: date, title, sources, contested or not."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from dataclasses import replace

from storyline.dates.span import day_span
from storyline.records import Actor, ActorKind, Article, DatePrecision, Event, Story
from storyline.store import SQLiteStore
from storyline.stories.link import Linked, link_events, reachable

# How a story's title reads its main event: source, verb, targets.
_VERBS = {
    "AGREE": "agrees with",
    "CONSULT": "meets",
    "SUPPORT": "backs",
    "CONCEDE": "concedes to",
    "COOPERATE": "cooperates with",
    "AID": "aids",
    "RETREAT": "pulls back from",
    "REQUEST": "urges",
    "ACCUSE": "accuses",
    "REJECT": "rejects",
    "THREATEN": "threatens",
    "PROTEST": "protests against",
    "SANCTION": "sanctions",
    "MOBILIZE": "mobilizes against",
    "COERCE": "restricts",
    "ASSAULT": "attacks",
}
_MODE_VERBS = {
    ("CONSULT", "phone"): "speaks by phone with",
    ("CONSULT", "visit"): "hosts",
    ("CONSULT", "third-party"): "hosts talks between",
    ("CONSULT", "mediate"): "mediates between",
    ("COERCE", "restrict"): "blockades",
    ("AGREE", "ceasefire"): "agrees a ceasefire with",
    ("RETREAT", "ceasefire"): "agrees a ceasefire with",
    ("COERCE", "arrest"): "arrests",
}


def relink(
    store: SQLiteStore, changed: Collection[str] | None = None, moved: Collection[str] = ()
) -> list[Story]:
    """Link stored events into stories and store them; returns the stories rebuilt.

    Without `changed`, every story is rebuilt. With the ids of the articles ingested
    or replaced since the last linking (and `moved`, the actors merged into others
    since), only the stories their events can reach are rebuilt; the result is the
    one full linking gives, whatever the order the articles came in.
    """
    articles = {s.article.doc_id: s.article for s in store.articles()}
    copies: dict[str, list[Article]] = defaultdict(list)
    for article in articles.values():
        if article.duplicate_of:
            copies[article.duplicate_of].append(article)
    pool = [
        Linked(
            event=e,
            outlet=articles[e.evidence.doc_id].outlet,
            duplicate_of=articles[e.evidence.doc_id].duplicate_of,
        )
        for e in store.events()
    ]
    drop: set[str] | None = None
    if changed is not None:
        pool, drop = _affected(store.stories(), pool, set(changed), set(moved), articles)
    stories = [story(story_id, members, copies) for story_id, members in link_events(pool).items()]
    store.replace_stories(stories, drop=drop)
    return stories


def _affected(
    stored: list[Story],
    pool: list[Linked],
    changed: set[str],
    moved: set[str],
    articles: dict[str, Article],
) -> tuple[list[Linked], set[str]]:
    """The events whose stories may change, and the ids of the stories they are in now."""
    # A new copy of an article changes the sources of the original's stories.
    touched = changed | {articles[d].duplicate_of for d in changed if articles[d].duplicate_of}
    by_id = {x.event.event_id: x for x in pool}
    seeds = {
        x.event.event_id
        for x in pool
        if x.event.evidence.doc_id in touched
        or x.event.story_id is None
        or {a.actor_id for a in (x.event.source, *x.event.targets)} & moved
    }
    # Stories of replaced articles or moved actors fall apart and are linked anew.
    stale = [s for s in stored if set(s.doc_ids) & touched or set(s.event_ids) & seeds]
    seeds |= {e for s in stale for e in s.event_ids if e in by_id}
    members = reachable([by_id[e] for e in sorted(seeds)], pool)
    reached = {x.event.event_id for x in members}
    drop = {s.story_id for s in stored if set(s.event_ids) & reached} | {s.story_id for s in stale}
    return members, drop


def story(
    story_id: str, members: list[Linked], copies: Mapping[str, list[Article]] | None = None
) -> Story:
    """One story from the events that report it; near-duplicate copies of its articles
    (`copies`: original id -> copies) add their articles and outlets, not sources."""
    events = sorted((m.event for m in members), key=lambda e: (e.evidence.doc_id, e.evidence.start))
    main = _most_precise(events)
    date = main.date
    place = main.location or next((e.location for e in events if e.location), None)
    main = replace(main, location=place)
    window = day_span(date) if date else None
    originals = {m.duplicate_of or m.event.evidence.doc_id for m in members}
    repeats = [c for d in originals for c in (copies or {}).get(d, ())]
    outlets = {m.outlet for m in members} | {c.outlet for c in repeats}
    participants = Counter(a.actor_id for e in events for a in (e.source, *e.targets))
    return Story(
        story_id=story_id,
        date=(
            date.value
            if date and date.value
            else (date.window[0] if date and date.window else None)
        ),
        title=title(main),
        event_ids=tuple(e.event_id for e in events),
        doc_ids=tuple(sorted({e.evidence.doc_id for e in events} | {c.doc_id for c in repeats})),
        types=tuple(sorted({e.type for e in events})),
        precision=date.precision.value if date else None,
        date_window=(window[0].isoformat(), window[1].isoformat()) if window else None,
        outlets=tuple(sorted(o for o in outlets if o)),
        sources=len(originals),
        contested=_contested(events),
        historical=all(e.historical for e in events),
        participants=tuple(k for k, _ in participants.most_common()),
    )


def _most_precise(events: list[Event]) -> Event:
    """The event whose date says most (a day over a month over a window), then most targets."""
    rank = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}

    def key(e: Event) -> tuple[int, int]:
        precision = rank.get(e.date.precision, 3) if e.date else 4
        return precision, -len(e.targets)

    return min(events, key=key)


def _contested(events: list[Event]) -> bool:
    """Sources disagree on who did it, or the act is reported as contested."""
    if any(e.contested for e in events):
        return True
    sources = {(e.source.country, e.source.sector) for e in events}
    return len({country for country, _ in sources}) > 1 and events[0].type not in (
        "CONSULT",
        "AGREE",
        "COOPERATE",
    )


def title(event: Event) -> str:
    """A short title: "Blinken hosts talks between Pashinyan and Aliyev in Munich"."""
    verb = _MODE_VERBS.get((event.type, event.mode or ""), _VERBS.get(event.type, event.type))
    people = {t.country for t in event.targets if t.kind is ActorKind.PERSON}
    # "ministers of Armenia and Azerbaijan, Mirzoyan and Bayramov": name the people
    named = [t for t in event.targets if t.kind is ActorKind.PERSON or t.country not in people]
    targets = [short_name(t) for t in named]
    target_text = (
        " and ".join(targets)
        if len(targets) <= 2
        else ", ".join(targets[:-1]) + (f" and {targets[-1]}")
    )
    if not targets:  # "Vučić agrees", not "Vučić agrees with"
        verb = verb.removesuffix(" with").removesuffix(" to").removesuffix(" against")
        verb = verb.removesuffix(" from").removesuffix(" between").removesuffix(" talks")
    text = f"{short_name(event.source)} {verb} {target_text}".strip()
    if event.type == "ASSAULT" and event.contested and targets:
        text = f"Fighting between {short_name(event.source)} and {target_text}"
    if event.location is not None:
        text += f" in {event.location.name}"
    return text


def short_name(actor: Actor) -> str:
    """People by surname, everyone else by name."""
    if actor.kind is ActorKind.PERSON and not actor.actor_id.startswith("role-"):
        return actor.name.split()[-1]
    return actor.name
