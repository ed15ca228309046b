"""Reads of stories and of the actor network, answered in SQL one page at a time.

Stories come in two orders, each a run of segments sorted by (date, title, story id)
through the index `stories_order`: the listing (dated stories, then undated ones) and
the timeline (news, historical background, undated; `stories_timeline`). A page is
read after a cursor (keyset: nothing before it is read) or at an offset. Filters are
those of `storyline.query.EventFilter`, meant as the timeline has always meant them:
a participant of the story (through `event_actors`) matches the actor needle, one
(maybe another) is of the country, one of its events is of a type asked for, and the
story's date lies within the bounds.

The network is counted in SQL: events per actor and per pair of actors (an event's
source with each of its other participants), by PLOVER type and quad category, over
the events a filter keeps (the filter of the event listings); for one actor, only
that actor's events are read.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from storyline.query import EventFilter, Page
from storyline.records import Actor, Article, Event, Story
from storyline.store import rows
from storyline.store.reads import (
    StoreReads,
    _actor_match,
    _chunks,
    _event_segment,
    _marks,
    _Segment,
)

#: Sections of the timeline, in order.
SECTIONS = ("news", "background", "undated")
_ORDER = ("s.date", "s.title", "s.story_id")
_KEYS = ("date", "title", "story_id")


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryPage:
    """One page of stories with the segment of each (listing: 0 dated, 1 undated;
    timeline: an index into SECTIONS), how many match in each segment, and the cursor
    of the next page (None on the last)."""

    stories: tuple[Story, ...]
    segments: tuple[int, ...]
    counts: tuple[int, ...]
    next: str | None

    @property
    def total(self) -> int:
        """How many stories the filter keeps."""
        return sum(self.counts)


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadCount:
    """Events between two actors (ids sorted) of one type and quad category."""

    source: str
    target: str
    type: str
    quad: str | None
    events: int


@dataclass(frozen=True, slots=True, kw_only=True)
class NetworkCounts:
    """One page of the network's actors (busiest first) with their numbers of events,
    the dyads among them, and how many actors and dyads the filtered events have."""

    nodes: tuple[tuple[Actor, int], ...]
    dyads: tuple[DyadCount, ...]
    total_nodes: int
    total_edges: int


class StoryReads(StoreReads):
    """Story, timeline and network reads, mixed into the store (which provides `_db`)."""

    def story(self, story_id: str) -> Story | None:
        """One story, or None."""
        row = self._db.execute("SELECT * FROM stories WHERE story_id = ?", (story_id,)).fetchone()
        return rows.to_story(row) if row else None

    def iter_stories(self, wanted: EventFilter | None = None) -> Iterator[Story]:
        """Every story the filter keeps in listing order, read a batch at a time."""
        listing = _listing(wanted or EventFilter(), False)
        for batch in self._batches(listing.table, listing.segments, "s.*"):
            yield from (rows.to_story(r) for r in batch)

    def stories(self) -> list[Story]:
        """Stories in date order (undated last)."""
        return list(self.iter_stories())

    def story_page(
        self,
        wanted: EventFilter,
        *,
        limit: int,
        offset: int = 0,
        after: str | None = None,
        timeline: bool = False,
    ) -> StoryPage:
        """The stories the filter keeps, in listing or timeline order: `limit` of them,
        `offset` after the cursor `after` (a page's `next`; the start when None).

        Raises ValueError for a cursor that is not one of this listing's."""
        listing = _listing(wanted, timeline)
        table, segments = listing.table, listing.segments
        counts = self._story_counts(listing)
        found, cursor = self._page_rows(
            table, segments, counts, limit, offset, after, "s.*", walk=False
        )
        return StoryPage(
            stories=tuple(rows.to_story(r) for _, r in found),
            segments=tuple(i for i, _ in found),
            counts=counts,
            next=cursor,
        )

    def actor_countries(self) -> list[str]:
        """The countries of the stored actors, sorted (read off their index)."""
        sql = "SELECT DISTINCT country FROM actors WHERE country IS NOT NULL ORDER BY country"
        return [r["country"] for r in self._db.execute(sql)]

    def _story_counts(self, listing: _Listing) -> tuple[int, ...]:
        """How many stories of the listing each run holds, each count read through an
        index: the picked stories are grouped by run in one pass; with nothing picked
        and no bounds, the first (largest) run is what the others leave of the table."""
        runs = listing.runs
        if listing.args:
            cases = " ".join(f"WHEN {run} THEN {i}" for i, run in enumerate(runs))
            sql = f"SELECT CASE {cases} END AS run, count(*) AS n FROM {listing.table}"
            sql += _and(listing.bounds) + " GROUP BY 1"
            found = dict.fromkeys(range(len(runs)), 0)
            for r in self._db.execute(sql, [*listing.args, *listing.bound_args]):
                found[r["run"]] = int(r["n"])
            return tuple(found[i] for i in range(len(runs)))
        counts = [self._count(listing.table, seg) for seg in listing.segments[1:]]
        if listing.bounds:
            return (self._count(listing.table, listing.segments[0]), *counts)
        total = int(self._db.execute("SELECT count(*) FROM stories").fetchone()[0])
        return (total - sum(counts), *counts)

    def story_articles(self, doc_ids: Collection[str]) -> dict[str, Article]:
        """These articles (those stored), by id."""
        found: dict[str, Article] = {}
        for chunk in _chunks(sorted(set(doc_ids))):
            sql = f"SELECT * FROM articles WHERE doc_id IN ({_marks(chunk)})"
            found |= {r["doc_id"]: rows.to_article(r) for r in self._db.execute(sql, chunk)}
        return found

    def network_counts(self, wanted: EventFilter, *, limit: int, offset: int = 0) -> NetworkCounts:
        """The actors of the events the filter keeps, busiest first (`limit` of them
        from `offset`), and the events between each two of them by type and quad."""
        seg = _event_segment(wanted)
        where, args = _and(seg.where), list(seg.args)
        counted = f"""SELECT ea.actor_id, count(*) AS n FROM events e
                      JOIN event_actors ea ON ea.event_id = e.event_id{where}
                      GROUP BY ea.actor_id"""
        sql = f"""SELECT a.*, c.n, count(*) OVER () AS total
                  FROM ({counted}) c JOIN actors a ON a.actor_id = c.actor_id
                  ORDER BY c.n DESC, a.name, a.actor_id LIMIT ? OFFSET ?"""
        found = self._db.execute(sql, [*args, limit, offset]).fetchall()
        nodes = tuple((rows.to_actor(r), int(r["n"])) for r in found)
        if found:
            total = int(found[0]["total"])
        else:
            total = int(self._db.execute(f"SELECT count(*) FROM ({counted}) c", args).fetchone()[0])
        shown = {a.actor_id for a, _ in nodes}
        dyads: list[DyadCount] = []
        edges: set[tuple[str, str]] = set()
        for r in self._db.execute(_DYADS.format(where=where), args):
            edges.add((r["lo"], r["hi"]))
            if r["lo"] in shown and r["hi"] in shown:
                dyads.append(
                    DyadCount(
                        source=r["lo"],
                        target=r["hi"],
                        type=r["type"],
                        quad=r["quad"],
                        events=r["n"],
                    )
                )
        return NetworkCounts(
            nodes=nodes, dyads=tuple(dyads), total_nodes=total, total_edges=len(edges)
        )

    def link_events(
        self,
        one: Collection[str],
        other: Collection[str],
        wanted: EventFilter,
        *,
        limit: int,
        offset: int = 0,
    ) -> Page[Event]:
        """One page of the events the filter keeps on a network link: the source one of
        the actors `one` and another participant one of `other`, or the other way round
        (the two sets apart), in article and text order."""
        a, b = sorted(set(one)), sorted(set(other))
        seg = _event_segment(wanted)
        of = "e.event_id IN (SELECT ea.event_id FROM event_actors ea WHERE ea.actor_id IN ({}))"
        pair = (of.format(_marks(a)), of.format(_marks(b)))
        source = f"e.source_id IN ({_marks([*a, *b])})"
        where = _and((*seg.where, *pair, source))
        args = [*seg.args, *a, *b, *a, *b]
        total = int(self._db.execute(f"SELECT count(*) FROM events e{where}", args).fetchone()[0])
        sql = f"""SELECT e.* FROM events e{where}
                  ORDER BY e.doc_id, e.start, e.event_id LIMIT ? OFFSET ?"""
        found = self._db.execute(sql, [*args, limit, offset]).fetchall()
        return Page(self._events_of(found), total, limit, offset)


# An event's source paired with each other participant, the pair's ids sorted.
_DYADS = """SELECT CASE WHEN e.source_id < ea.actor_id THEN e.source_id ELSE ea.actor_id END
                AS lo,
            CASE WHEN e.source_id < ea.actor_id THEN ea.actor_id ELSE e.source_id END AS hi,
            e.type AS type, e.quad AS quad, count(*) AS n
            FROM events e JOIN event_actors ea
              ON ea.event_id = e.event_id AND ea.actor_id <> e.source_id{where}
            GROUP BY 1, 2, 3, 4"""


def _and(conditions: Collection[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


@dataclass(frozen=True, slots=True)
class _Listing:
    """What a story listing reads: `stories s`, or the stories the filter's
    participants and types pick (`f`, joined in that order so that those few drive
    the read), with their parameters; its runs (dated then undated, or the timeline's
    news, background and undated); and the date bounds every run shares."""

    table: str
    args: tuple[object, ...]
    runs: tuple[str, ...]
    bounds: tuple[str, ...]
    bound_args: tuple[object, ...]

    @property
    def segments(self) -> list[_Segment]:
        """The runs as segments, each in (date, title, id) order."""
        values = (*self.args, *self.bound_args)
        found = [_Segment((r, *self.bounds), values, _ORDER, _KEYS) for r in self.runs[:-1]]
        undated = _Segment((self.runs[-1], *self.bounds), values, _ORDER[1:], _KEYS[1:])
        return [*found, undated]


def _listing(wanted: EventFilter, timeline: bool) -> _Listing:
    """The listing of the stories a filter keeps, in listing or timeline order."""
    table, args = "stories s", []
    picked = _picked(wanted)
    if picked:
        table = f"({' INTERSECT '.join(q for q, _ in picked)}) f CROSS JOIN stories s "
        table += "ON s.story_id = f.story_id"
        args = [a for _, values in picked for a in values]
    # Dates as dates.span.in_range compares them: as text, the first len(until)
    # characters not after `until` (all such texts sort before until + "~").
    bounds, bound_args = [], []
    if wanted.since:
        bounds.append("s.date >= ?")
        bound_args.append(wanted.since)
    if wanted.until:
        bounds.append("s.date < ?")
        bound_args.append(wanted.until + "~")
    runs = ("s.date IS NOT NULL", "s.date IS NULL")
    if timeline:
        runs = (
            "s.date IS NOT NULL AND s.historical = 0",
            "s.date IS NOT NULL AND s.historical = 1",
            "s.date IS NULL",
        )
    return _Listing(table, tuple(args), runs, tuple(bounds), tuple(bound_args))


def _picked(wanted: EventFilter) -> list[tuple[str, list[object]]]:
    """The ids of the stories each participant or type filter keeps, as SQL."""
    picked: list[tuple[str, list[object]]] = []
    if wanted.actor:
        names, values = _actor_match("a", wanted.actor, None)
        sql = """SELECT e.story_id FROM event_actors ea JOIN events e ON e.event_id = ea.event_id
                 WHERE ea.actor_id IN (SELECT a.actor_id FROM actors a WHERE {})"""
        picked.append((sql.format(names), values))
    if wanted.country:
        sql = """SELECT e.story_id FROM actors a JOIN event_actors ea ON ea.actor_id = a.actor_id
                 JOIN events e ON e.event_id = ea.event_id WHERE a.country = ?"""
        picked.append((sql, [wanted.country.upper()]))
    if wanted.types:
        types = sorted({t.upper() for t in wanted.types})
        sql = f"SELECT e.story_id FROM events e WHERE e.type IN ({_marks(types)})"
        picked.append((sql, list(types)))
    if len(picked) == 1:  # INTERSECT gives distinct ids; one query needs asking for them
        sql, values = picked[0]
        picked = [(sql.replace("SELECT e.story_id", "SELECT DISTINCT e.story_id", 1), values)]
    return picked
