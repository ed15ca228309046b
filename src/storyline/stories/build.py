"""Story records from linked events: date, title, sources, contested or not."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from dataclasses import replace

from storyline.dates.span import day_span
from storyline.records import Actor, ActorKind, Article, DatePrecision, Event, Story, stable_id
from storyline.review import STORY, Correction, story_pins
from storyline.store import SQLiteStore
from storyline.stories.link import (
    Linked,
    Neighbours,
    kin_types,
    link_events,
    participant_keys,
    reachable,
)

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
    one full linking gives, whatever the order the articles came in. Candidate pairs
    come from the store's indexes (kind, days, participants), never from all pairs.
    """
    articles = _Articles(store)
    neighbours = _store_neighbours(store, articles)
    drop: set[str] | None = None
    if changed is None:
        pool = [articles.linked(e) for e in store.events()]
    else:
        pool, drop = _affected(store, articles, neighbours, set(changed), set(moved))
        pool, drop = _with_partners(store, articles, neighbours, pool, drop)
    originals = {x.duplicate_of or x.event.evidence.doc_id for x in pool}
    copies: dict[str, list[Article]] = defaultdict(list)
    for copy in store.copies_of(originals):
        copies[copy.duplicate_of or ""].append(copy)
    # An analyst's story corrections win over what linking finds.
    found = store.corrections_of(record_ids=[x.event.event_id for x in pool])
    linked = pinned(link_events(pool, neighbours), story_pins(found))
    stories = [story(story_id, members, copies) for story_id, members in linked.items()]
    store.replace_stories(stories, drop=drop)
    return stories


class _Articles:
    """The outlet and original of each article whose events are linked, read once."""

    def __init__(self, store: SQLiteStore) -> None:
        self._store = store
        self._known: dict[str, Article | None] = {}

    def linked(self, event: Event) -> Linked:
        """The event with what linking needs of its article."""
        doc_id = event.evidence.doc_id
        if doc_id not in self._known:
            self._known[doc_id] = self._store.article(doc_id)
        article = self._known[doc_id]
        return Linked(
            event=event,
            outlet=article.outlet if article else None,
            duplicate_of=article.duplicate_of if article else None,
        )


def _store_neighbours(store: SQLiteStore, articles: _Articles) -> Neighbours:
    """Candidates from the store: events of a kin type, of overlapping or unknown days,
    that name one of the event's actors or an actor of one of its countries."""

    read: dict[str, Linked] = {}  # each event read once, however many find it

    def find(item: Linked) -> list[Linked]:
        event = item.event
        ids, countries = participant_keys(event)
        span = day_span(event.date)
        days = (span[0].isoformat(), span[1].isoformat()) if span else None
        found = store.events_sharing(
            types=kin_types(event), actor_ids=ids, countries=countries, days=days
        )
        missing = [i for i in found if i not in read]
        read.update((e.event_id, articles.linked(e)) for e in store.events_in(event_ids=missing))
        return [read[i] for i in found if i != event.event_id and i in read]

    return find


def _affected(
    store: SQLiteStore,
    articles: _Articles,
    neighbours: Neighbours,
    changed: set[str],
    moved: set[str],
) -> tuple[list[Linked], set[str]]:
    """The events whose stories may change, and the ids of the stories they are in now."""
    # A new copy of an article changes the sources of the original's stories.
    originals = {a.duplicate_of for d in changed if (a := store.article(d)) and a.duplicate_of}
    touched = changed | originals
    seeds = {
        e.event_id: e
        for e in (
            *store.events_in(doc_ids=touched),
            *store.unlinked_events(),
            *store.events_naming(moved),
        )
    }
    # Stories of replaced articles or moved actors fall apart and are linked anew.
    stale = store.story_ids(doc_ids=touched, event_ids=seeds)
    seeds |= {e.event_id: e for e in store.events_in(story_ids=stale)}
    members = reachable([articles.linked(seeds[k]) for k in sorted(seeds)], neighbours)
    drop = stale | store.story_ids(event_ids=[x.event.event_id for x in members])
    return members, drop


def _with_partners(
    store: SQLiteStore,
    articles: _Articles,
    neighbours: Neighbours,
    pool: list[Linked],
    drop: set[str],
) -> tuple[list[Linked], set[str]]:
    """The pool with the events an analyst pinned its events to, or pinned to its
    events, and their stories (to drop and link anew), until none is missing."""
    while True:
        ids = {x.event.event_id for x in pool}
        pins = store.corrections_of(record_ids=ids, partner_ids=ids)
        missing = {i for c in pins if c.record == STORY for i in _pin_ends(c)} - ids
        if not missing:
            return pool, drop
        stories = store.story_ids(event_ids=missing)
        extra = store.events_in(event_ids=missing, story_ids=stories)
        pool = reachable([*pool, *(articles.linked(e) for e in extra)], neighbours)
        drop = drop | stories | store.story_ids(event_ids=[x.event.event_id for x in pool])
        if not extra:  # pinned to events no longer stored: nothing more to find
            return pool, drop


def _pin_ends(c: Correction) -> set[str]:
    return {c.record_id, *filter(None, [c.after.get("story_with")])}


def pinned(
    linked: dict[str, list[Linked]], pins: Mapping[str, str | None]
) -> dict[str, list[Linked]]:
    """Linked stories with the analyst's pins applied: a pinned event leaves the story
    linking gave it and joins the story of the event it is pinned to (following pins
    in turn), or makes a story of its own (pinned to none, or to an event not here).
    Story ids follow their events, as linking makes them."""
    if not any(
        p in pins for members in linked.values() for p in (m.event.event_id for m in members)
    ):
        return linked
    items = {m.event.event_id: m for members in linked.values() for m in members}
    clusters = [[m for m in members if m.event.event_id not in pins] for members in linked.values()]
    owner = {m.event.event_id: i for i, members in enumerate(clusters) for m in members}
    for event_id in sorted(e for e in pins if e in items):
        root = _pin_root(event_id, pins, items)
        if root not in owner:
            owner[root] = len(clusters)
            clusters.append([])
        clusters[owner[root]].append(items[event_id])
        owner[event_id] = owner[root]
    return {
        stable_id("s", *sorted(m.event.event_id for m in members)): members
        for members in clusters
        if members
    }


def _pin_root(event_id: str, pins: Mapping[str, str | None], items: Mapping[str, Linked]) -> str:
    """The event whose story a pinned event joins: its pins followed to an unpinned
    event, or to one pinned to none (or whose partner is gone, or a cycle)."""
    seen = {event_id}
    while event_id in pins:
        partner = pins[event_id]
        if partner is None or partner not in items or partner in seen:
            return event_id
        seen.add(partner)
        event_id = partner
    return event_id


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
    """The event whose date says most (a day over a month over a window), then the
    parties' own act over a host's or mediator's part in it ("Vučić meets Kurti", not
    "Kovačevski hosts talks between ..."), then most targets."""
    rank = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}

    def key(e: Event) -> tuple[int, bool, int]:
        precision = rank.get(e.date.precision, 3) if e.date else 4
        return precision, e.mode == "third-party", -len(e.targets)

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
