"""The store's listings in SQL: filtered, ordered, paged reads and get-by-id.

Every listing is answered by the database through an index: the filter picks the
rows, the ordering index serves the order, a page reads only the actors its rows
name. Pages take a plain offset, or a cursor (`after`, the sort key of the last item
seen) that seeks instead of counting rows off. The SQL is portable (`?` placeholders,
`lower(x) LIKE lower(?)`, row-value comparisons), for SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.query import (
    ActorFilter,
    EventFilter,
    MentionCount,
    Page,
    QuoteFilter,
    check_cursor,
    cursor_of,
    day_bounds,
)
from storyline.records import Actor, ActorMention, Article, Event, Evidence, Quote
from storyline.store import rows

BATCH = 500  # ids per IN list
# A filter keeping more rows than this walks the ordering index to fill a page rather
# than sort everything it keeps (a page then costs about limit x rows / kept); a
# listing read whole streams in batches of this many rows.
SORT_LIMIT = 5000
# The same column as an expression no index can serve: a test of it is made row by row
# (against a set the database builds once), so the plan walks the ordering index.
_NO_INDEX = "({} || '')"


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleStats:
    """An article with what was found in it, for listings."""

    article: Article
    n_tokens: int
    n_sentences: int
    n_mentions: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorStats:
    """An actor with how often it is mentioned, and in how many articles."""

    actor: Actor
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class _Segment:
    """One indexed run of a listing: its conditions and its sort columns (each output
    column named as the row holds it); a listing is one or more segments in order.

    `where` lets the filter's own index find the rows (then they are sorted); `scan`
    says the same, with the same arguments, as tests made row by row, so that the
    ordering index is walked instead: the better plan when the filter keeps many rows.
    """

    where: tuple[str, ...]
    args: tuple[object, ...]
    order: tuple[str, ...]
    keys: tuple[str, ...]
    scan: tuple[str, ...] = ()

    def conditions(self, walk: bool) -> tuple[str, ...]:
        """The conditions of the plan asked for."""
        return self.scan if walk and self.scan else self.where


# The actors a filter names: SQL giving their ids (a list of placeholders, or a query)
# and its arguments.
_Named = tuple[str, list[object]]
_NAMED_BY = "SELECT a.actor_id FROM actors a WHERE "

_ARTICLE_COLUMNS = """a.*, (SELECT count(*) FROM entity_mentions m WHERE m.doc_id = a.doc_id)
    AS n_mentions"""


class StoreReads:
    """Listings and get-by-id, mixed into the store (which provides `_db`)."""

    _db: Any

    # -- events ------------------------------------------------------------------------

    def event(self, event_id: str) -> Event | None:
        """One event, or None."""
        found = self._events_of(
            self._db.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchall()
        )
        return found[0] if found else None

    def event_page(
        self, wanted: EventFilter, *, limit: int, offset: int = 0, after: str | None = None
    ) -> Page[Event]:
        """One page of the events the filter keeps, in article and text order."""
        found, total, cursor = self._page(
            "events e", [self._event_segment(wanted)], limit, offset, after
        )
        return Page(self._events_of(found), total, limit, offset, cursor)

    def iter_events(self, wanted: EventFilter | None = None) -> Iterator[Event]:
        """Every event the filter keeps, in article and text order, read a batch at a time."""
        segment = self._event_segment(wanted or EventFilter())
        for batch in self._batches("events e", [segment]):
            yield from self._events_of(batch)

    def events(self, *, doc_id: str | None = None) -> list[Event]:
        """Coded events (of one article), in article and text order."""
        return list(self.iter_events(EventFilter(doc_id=doc_id)))

    def _events_of(self, found: list[Any]) -> list[Event]:
        ids = {r["source_id"] for r in found}
        ids |= {t for r in found for t in json.loads(r["target_ids"])}
        actors = self.actors_by_id(ids)
        return [rows.to_event(r, actors) for r in found]

    # -- quotes ------------------------------------------------------------------------

    def quote(self, quote_id: str) -> Quote | None:
        """One quote, or None."""
        found = self._quotes_of(
            self._db.execute("SELECT * FROM quotes WHERE quote_id = ?", (quote_id,)).fetchall()
        )
        return found[0] if found else None

    def quote_page(
        self, wanted: QuoteFilter, *, limit: int, offset: int = 0, after: str | None = None
    ) -> Page[Quote]:
        """One page of the quotes the filter keeps, in article and text order."""
        found, total, cursor = self._page(
            "quotes q", [self._quote_segment(wanted)], limit, offset, after
        )
        return Page(self._quotes_of(found), total, limit, offset, cursor)

    def iter_quotes(self, wanted: QuoteFilter | None = None) -> Iterator[Quote]:
        """Every quote the filter keeps, in article and text order, a batch at a time."""
        segment = self._quote_segment(wanted or QuoteFilter())
        for batch in self._batches("quotes q", [segment]):
            yield from self._quotes_of(batch)

    def quotes(self, *, doc_id: str | None = None) -> list[Quote]:
        """Quotes with their speakers (of one article), in article and text order."""
        return list(self.iter_quotes(QuoteFilter(doc_id=doc_id)))

    def _quotes_of(self, found: list[Any]) -> list[Quote]:
        ids = {r["speaker_id"] for r in found if r["speaker_id"]}
        ids |= {t for r in found for t in json.loads(r["joint_ids"])}
        actors = self.actors_by_id(ids)
        return [rows.to_quote(r, actors.get(r["speaker_id"] or ""), actors) for r in found]

    # -- actors ------------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor | None:
        """One actor, or None."""
        return self.actors_by_id([actor_id]).get(actor_id)

    def actors_by_id(self, actor_ids: Collection[str]) -> dict[str, Actor]:
        """These actors (those stored), by id."""
        found: dict[str, Actor] = {}
        for chunk in _chunks(sorted(actor_ids)):
            sql = f"SELECT * FROM actors WHERE actor_id IN ({_marks(chunk)})"
            found |= {r["actor_id"]: rows.to_actor(r) for r in self._db.execute(sql, chunk)}
        return found

    def actor_page(
        self, wanted: ActorFilter, *, limit: int, offset: int = 0, after: str | None = None
    ) -> Page[ActorStats]:
        """One page of the actors the filter keeps, in name order, with mention counts."""
        found, total, cursor = self._page(
            "actors a", [_actor_segment(wanted)], limit, offset, after
        )
        actors = [rows.to_actor(r) for r in found]
        counts = self.mention_counts([a.actor_id for a in actors])
        none = MentionCount(mentions=0, articles=0)
        items = [
            ActorStats(
                actor=a,
                mentions=counts.get(a.actor_id, none).mentions,
                articles=counts.get(a.actor_id, none).articles,
            )
            for a in actors
        ]
        return Page(items, total, limit, offset, cursor)

    def iter_actors(self, wanted: ActorFilter | None = None) -> Iterator[Actor]:
        """Every actor the filter keeps, in name order, a batch at a time."""
        for batch in self._batches("actors a", [_actor_segment(wanted or ActorFilter())]):
            yield from (rows.to_actor(r) for r in batch)

    def actors(self, *, name: str | None = None, country: str | None = None) -> list[Actor]:
        """Canonical actors in name order, filtered by (part of) name, id or alias and by
        country."""
        return list(self.iter_actors(ActorFilter(name=name, country=country)))

    def mention_counts(self, actor_ids: Collection[str]) -> dict[str, MentionCount]:
        """How often each of these actors is mentioned, and in how many articles."""
        found: dict[str, MentionCount] = {}
        for chunk in _chunks(sorted(actor_ids)):
            sql = f"""SELECT actor_id, count(*) AS n, count(DISTINCT doc_id) AS docs
                      FROM actor_mentions WHERE actor_id IN ({_marks(chunk)}) GROUP BY actor_id"""
            for r in self._db.execute(sql, chunk):
                found[r["actor_id"]] = MentionCount(mentions=r["n"], articles=r["docs"])
        return found

    def mentions_of(self, actor_ids: Collection[str]) -> dict[str, list[ActorMention]]:
        """Every mention of these actors, each actor's in article and text order."""
        found: dict[str, list[ActorMention]] = {a: [] for a in actor_ids}
        for chunk in _chunks(sorted(actor_ids)):
            sql = f"""SELECT * FROM actor_mentions WHERE actor_id IN ({_marks(chunk)})
                      ORDER BY actor_id, doc_id, start, end"""
            for r in self._db.execute(sql, chunk):
                found[r["actor_id"]].append(ActorMention(actor_id=r["actor_id"], evidence=_ev(r)))
        return found

    # -- articles ----------------------------------------------------------------------

    def article_page(
        self, *, outlet: str | None = None, limit: int, offset: int = 0, after: str | None = None
    ) -> Page[ArticleStats]:
        """One page of the articles, in publication order (undated last)."""
        found, total, cursor = self._page(
            "articles a", _article_segments(outlet), limit, offset, after, _ARTICLE_COLUMNS
        )
        return Page([_stats(r) for r in found], total, limit, offset, cursor)

    def iter_articles(self, *, outlet: str | None = None) -> Iterator[ArticleStats]:
        """Every article, in publication order (undated last), a batch at a time."""
        for batch in self._batches("articles a", _article_segments(outlet), _ARTICLE_COLUMNS):
            yield from (_stats(r) for r in batch)

    def articles(self, *, outlet: str | None = None) -> list[ArticleStats]:
        """Articles in publication order (undated last), with what was found in them."""
        return list(self.iter_articles(outlet=outlet))

    def files_of(self, doc_ids: Collection[str]) -> dict[str, str]:
        """The file name of each of these articles (an unknown id names itself)."""
        found = {d: d for d in doc_ids}
        for chunk in _chunks(sorted(doc_ids)):
            sql = f"SELECT doc_id, file FROM articles WHERE doc_id IN ({_marks(chunk)})"
            found |= {r["doc_id"]: r["file"] for r in self._db.execute(sql, chunk)}
        return found

    # -- the actors a filter names -------------------------------------------------------

    def _event_segment(self, wanted: EventFilter) -> _Segment:
        return _event_segment(wanted, self._named(wanted.actor, wanted.country))

    def _quote_segment(self, wanted: QuoteFilter) -> _Segment:
        return _quote_segment(wanted, self._named(wanted.speaker, wanted.country))

    def _named(self, needle: str | None, country: str | None) -> _Named | None:
        """The actors a needle and a country name: their ids when there are few (one
        scan of the actors for the request), else the query that finds them."""
        if not (needle or country):
            return None
        sql, args = _named_by_query(needle, country) or ("", [])
        ids = [r[0] for r in self._db.execute(f"{sql} LIMIT ?", [*args, BATCH + 1])]
        return _ids(ids) if len(ids) <= BATCH else (sql, args)

    # -- paging ------------------------------------------------------------------------

    def _page(
        self,
        table: str,
        segments: list[_Segment],
        limit: int,
        offset: int,
        after: str | None,
        columns: str = "",
    ) -> tuple[list[Any], int, str | None]:
        """Rows [offset, offset + limit) after the cursor, over the segments in order;
        the total the filter keeps; the cursor of the next page (None on the last)."""
        counts = [self._count(table, s) for s in segments]
        found, cursor = self._page_rows(
            table, segments, counts, limit, offset, after, columns, walk=True
        )
        return [r for _, r in found], sum(counts), cursor

    def _page_rows(
        self,
        table: str,
        segments: list[_Segment],
        counts: Sequence[int],
        limit: int,
        offset: int,
        after: str | None,
        columns: str,
        *,
        walk: bool,
    ) -> tuple[list[tuple[int, Any]], str | None]:
        """Rows [offset, offset + limit) after the cursor over the segments in order, each
        with its segment's index, and the cursor of the next page (None on the last).
        `counts` are each segment's rows; with `walk`, a segment keeping more than
        SORT_LIMIT rows is read along its ordering index instead of sorted."""
        start, key = _start(segments, after)
        found: list[tuple[int, Any]] = []
        skip = offset
        for i, seg in enumerate(segments[start:], start):
            where, args = _after(seg, key if i == start else None)
            if skip:
                seeks = i == start and key is not None
                n = self._count(table, seg, where, args) if seeks else counts[i]
                if skip >= n:
                    skip -= n
                    continue
            if walk and counts[i] > SORT_LIMIT:
                where, args = _after(seg, key if i == start else None, walk=True)
            got = self._select(table, seg, where, args, limit + 1 - len(found), skip, columns)
            found += [(i, r) for r in got]
            skip = 0
            if len(found) > limit:
                break
        cursor = None
        if len(found) > limit:
            found = found[:limit]
            i, last = found[-1]
            cursor = cursor_of([i, *_key(segments[i], last)])
        return found, cursor

    def _batches(
        self, table: str, segments: list[_Segment], columns: str = ""
    ) -> Iterator[list[Any]]:
        """A whole listing in order, SORT_LIMIT rows at a time, each batch seeking past
        the last (never holding the listing, never counting rows off)."""
        for seg in segments:
            walk = self._count(table, seg) > SORT_LIMIT
            key: list[object] | None = None
            while True:
                where, args = _after(seg, key, walk=walk)
                batch = self._select(table, seg, where, args, SORT_LIMIT, 0, columns)
                if batch:
                    yield batch
                if len(batch) < SORT_LIMIT:
                    break
                key = _key(seg, batch[-1])

    def _count(
        self,
        table: str,
        seg: _Segment,
        where: Sequence[str] | None = None,
        args: Sequence[object] | None = None,
    ) -> int:
        conds = seg.where if where is None else where
        sql = f"SELECT count(*) FROM {table} WHERE {' AND '.join(conds) or '1 = 1'}"
        return int(self._db.execute(sql, list(seg.args if args is None else args)).fetchone()[0])

    def _select(
        self,
        table: str,
        seg: _Segment,
        where: Sequence[str],
        args: Sequence[object],
        limit: int,
        offset: int,
        columns: str,
    ) -> list[Any]:
        alias = table.split()[-1]
        sql = (
            f"SELECT {columns or alias + '.*'} FROM {table} "
            f"WHERE {' AND '.join(where) or '1 = 1'} "
            f"ORDER BY {', '.join(seg.order)} LIMIT ? OFFSET ?"
        )
        return self._db.execute(sql, [*args, limit, offset]).fetchall()


# -- the listings' SQL ---------------------------------------------------------------------


def _event_segment(w: EventFilter, named: _Named | None = None) -> _Segment:
    """Events the filter keeps, by the indexes of events and event_actors; `named` is
    the actors the filter's needle and country name (or None when it names none)."""
    where: list[str] = []
    scan: list[str] = []
    args: list[object] = []
    named = named or _named_by_query(w.actor, w.country)
    chosen = [n for n in (named, _ids([w.actor_id]) if w.actor_id else None) if n]
    for actors, found in chosen:
        # Seek: the events of these actors, then sorted. Walk: each event in order is
        # looked up among its own actors: in a short list of ids, else by the condition
        # naming them, tested on the event's own few actors (the set of all their events
        # would be built first, and a query nested in EXISTS runs again for every row).
        events = f"SELECT ea.event_id FROM event_actors ea WHERE ea.actor_id IN ({actors})"
        where.append(f"e.event_id IN ({events})")
        if actors.startswith(_NAMED_BY):
            scan.append(
                "EXISTS (SELECT 1 FROM event_actors ea JOIN actors a ON a.actor_id = ea.actor_id "
                f"WHERE ea.event_id = e.event_id AND {actors.removeprefix(_NAMED_BY)})"
            )
        else:
            # (the list tested on the event's own rows, not probed id by id)
            scan.append(
                "EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.event_id "
                f"AND {_NO_INDEX.format('ea.actor_id')} IN ({actors}))"
            )
        args += found
    plain: list[str] = []
    for column, value in (("doc_id", w.doc_id), ("story_id", w.story_id), ("quad", w.quad)):
        if value:
            plain.append(f"e.{column} = ?")
            args.append(value)
    if w.types:
        types = sorted({t.upper() for t in w.types})
        plain.append(f"e.type IN ({_marks(types)})")
        args += types
    first, last = day_bounds(w.since, w.until)
    if first:
        plain.append("e.day_first >= ?")
        args.append(first)
    if last:
        plain.append("e.day_first <= ?")
        args.append(last)
    order = ("e.doc_id", "e.start", "e.event_id")
    keys = ("doc_id", "start", "event_id")
    return _Segment((*where, *plain), tuple(args), order, keys, (*scan, *plain))


def _quote_segment(w: QuoteFilter, named: _Named | None = None) -> _Segment:
    """Quotes the filter keeps: the speaker among the actors `named` (those the speaker
    needle and country name, or None when they name none), kind and article."""
    where: list[str] = []
    scan: list[str] = []
    args: list[object] = []
    named = named or _named_by_query(w.speaker, w.country)
    if named:
        actors, found = named
        where.append(f"q.speaker_id IN ({actors})")
        scan.append(f"{_NO_INDEX.format('q.speaker_id')} IN ({actors})")
        args += found
    plain: list[str] = []
    if w.kind is not None:
        plain.append("q.kind = ?")
        args.append(w.kind.value)
    if w.doc_id:
        plain.append("q.doc_id = ?")
        args.append(w.doc_id)
    order = ("q.doc_id", "q.start", "q.quote_id")
    keys = ("doc_id", "start", "quote_id")
    return _Segment((*where, *plain), tuple(args), order, keys, (*scan, *plain))


def _actor_segment(w: ActorFilter) -> _Segment:
    """Actors the filter keeps, in name order."""
    where: list[str] = []
    args: list[object] = []
    if w.name or w.country:
        cond, args = _actor_match("a", w.name, w.country)
        where.append(cond)
    if w.kind is not None:
        where.append("a.kind = ?")
        args.append(w.kind.value)
    return _Segment(tuple(where), tuple(args), ("a.name", "a.actor_id"), ("name", "actor_id"))


def _article_segments(outlet: str | None) -> list[_Segment]:
    """Dated articles by publication day, then the undated, each by file."""
    where: tuple[str, ...] = ()
    args: tuple[object, ...] = ()
    if outlet:
        where, args = ("a.outlet LIKE ? ESCAPE '\\'",), (_contains(outlet),)
    return [
        _Segment(
            (*where, "a.published IS NOT NULL"),
            args,
            ("a.published", "a.file", "a.doc_id"),
            ("published", "file", "doc_id"),
        ),
        _Segment((*where, "a.published IS NULL"), args, ("a.file", "a.doc_id"), ("file", "doc_id")),
    ]


def _named_by_query(needle: str | None, country: str | None) -> _Named | None:
    """The query finding the actors a needle and a country name (None: no filter)."""
    if not (needle or country):
        return None
    cond, args = _actor_match("a", needle, country)
    return _NAMED_BY + cond, args


def _ids(ids: Sequence[object]) -> _Named:
    """A list of actor ids as SQL (placeholders) and its arguments."""
    return _marks(ids), list(ids)


def _actor_match(alias: str, needle: str | None, country: str | None) -> tuple[str, list[object]]:
    """SQL keeping the actors whose name, id or an alias contains the needle
    (case-insensitive) and who are of the country."""
    conds: list[str] = []
    args: list[object] = []
    if needle:
        like = _contains(needle)
        conds.append(
            f"({alias}.name LIKE ? ESCAPE '\\' OR {alias}.actor_id LIKE ? ESCAPE '\\' "
            f"OR {alias}.aliases LIKE ? ESCAPE '\\')"
        )
        args += [like, like, like]
    if country:
        conds.append(f"{alias}.country = ?")
        args.append(country.upper())
    return " AND ".join(conds), args


def _contains(needle: str) -> str:
    """A LIKE pattern (escape character backslash) matching text containing the needle.

    LIKE ignores case in SQLite (ASCII letters) and the PostgreSQL dialect runs it as
    ILIKE, so the pattern keeps the needle's case."""
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _start(segments: list[_Segment], after: str | None) -> tuple[int, list[object] | None]:
    """The segment a cursor points into and the sort key after which to go on."""
    if after is None:
        return 0, None
    key = check_cursor(after)
    index = key[0]
    if (
        not isinstance(index, int)
        or not 0 <= index < len(segments)
        or len(key) != 1 + len(segments[index].keys)
    ):
        raise ValueError(f"{after!r} is not a page cursor; pass the `next` of a page")
    return index, key[1:]


def _after(
    seg: _Segment, key: list[object] | None, *, walk: bool = False
) -> tuple[list[str], list[object]]:
    """The segment's conditions (of the plan that walks the ordering index, with
    `walk`), and `after the key` when there is one."""
    where = list(seg.conditions(walk))
    if key is None:
        return where, list(seg.args)
    return [*where, f"({', '.join(seg.order)}) > ({_marks(key)})"], [*seg.args, *key]


def _key(seg: _Segment, row: Any) -> list[object]:
    return [row[k] for k in seg.keys]


def _marks(values: Collection[object]) -> str:
    """Placeholders for an IN list (an empty list matches nothing)."""
    return ", ".join("?" * len(values)) or "NULL"


def _chunks(values: list[str], size: int = BATCH) -> Iterator[list[str]]:
    """A long id list in pieces every backend accepts as parameters."""
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _stats(row: Any) -> ArticleStats:
    return ArticleStats(
        article=rows.to_article(row),
        n_tokens=row["n_tokens"],
        n_sentences=row["n_sentences"],
        n_mentions=row["n_mentions"],
    )


def _ev(row: Any) -> Evidence:
    return Evidence(doc_id=row["doc_id"], start=row["start"], end=row["end"], text=row["text"])
