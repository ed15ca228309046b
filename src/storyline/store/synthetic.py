"""A synthetic store for benchmarks: the real rows of a small store, copied with new ids.

`grow_store` copies every table of a seed store (built by the normal pipeline) into a
new store until it holds about N events. Copies come at three grains, so the shape is
that of a real store: events, their participants and stories are copied N / seed-events
times; articles with their mentions and quotes about N / 10 in all; actors about N / 10
in all. Event copy k lives in article copy a(k), whose rows name actor copy c(a(k)),
so every row points at stored rows. Copy 0 keeps the seed's ids and names; copy j of
an actor is named "<name> (<j>)" (searchable by its name and by the seed's aliases);
an article copy's id starts with four hex digits of its number, so that article copies
lie scattered in id order (and so in the listings' order) as real ones, named by a
hash of their text, do.
Each article copy is moved back in time by its own number of days (up to ten years),
dates of its events and stories with it. Near-duplicate signatures are random, so
no copy is a near-duplicate of another (nor of a new article).

Rows are written in bulk with the schema's own indexes dropped while writing and
created again at the end; the columns copied are those of the store's tables, so
tables and columns added by later migrations are copied too.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from storyline.errors import StoreError

#: Columns holding one id, and of what.
ID_COLUMNS = {
    "doc_id": "doc",
    "duplicate_of": "doc",
    "event_id": "event",
    "story_id": "story",
    "quote_id": "quote",
    "actor_id": "actor",
    "source_id": "actor",
    "speaker_id": "actor",
    "target_id": "actor",
}
#: Columns holding a JSON list whose items may be ids (others, e.g. countries, stay).
LIST_COLUMNS = {"target_ids", "joint_ids", "event_ids", "doc_ids", "participants"}
#: Columns holding an ISO date (day, month or year).
DATE_COLUMNS = {"published", "date", "date_after", "date_before"}
#: The grain of a row's copy: events (with stories), articles, actors; the rest once.
GRAINS = {"event": "event", "story": "event", "doc": "doc", "quote": "doc", "actor": "actor"}
SPREAD_DAYS = 3653  # article copies are spread over ten years back
Report = Callable[[int, int], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class GrowthSummary:
    """What a synthetic store holds."""

    events: int
    articles: int
    actors: int
    stories: int
    seconds: float


@dataclass(frozen=True, slots=True)
class _Copy:
    """One copy's id suffixes and day shift."""

    event: str
    doc: str
    actor: str
    days: int

    def id(self, kind: str, seed_id: str) -> str:
        """A seed id as this copy has it. An article copy's id also starts with a few
        hex digits of its number, so that copies lie scattered in id order as real
        articles (named by a hash of their text) do, not one seed's copies together."""
        if kind in ("event", "story"):
            return seed_id + self.event
        if kind == "doc" and self.doc:
            return f"{_scatter(self.doc)}{seed_id}{self.doc}"
        if kind in ("doc", "quote"):
            return seed_id + self.doc
        return seed_id + self.actor


def grow_store(
    seed: str, target: str, *, events: int, report: Report | None = None
) -> GrowthSummary:
    """Write a new store at `target` holding about `events` events copied from `seed`."""
    import time

    from storyline.store import open_store

    started = time.perf_counter()
    seed, target = _sqlite_path(seed), _sqlite_path(target)
    if not Path(seed).is_file():
        raise StoreError(f"{seed}: no seed store there")
    open_store(target).close()  # create and migrate
    db = sqlite3.connect(target, isolation_level=None)
    try:
        if db.execute("SELECT count(*) FROM articles").fetchone()[0]:
            raise StoreError(f"{target}: not empty; a synthetic store is built into a new file")
        seed_rows = _read_seed(seed, _tables(db))
        plan = _Plan.make(seed_rows, events)
        _bulk_write(db, seed_rows, plan, report)
        counts = {
            t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("events", "articles", "actors", "stories")
        }
    finally:
        db.close()
    return GrowthSummary(**counts, seconds=round(time.perf_counter() - started, 1))


def _sqlite_path(location: str) -> str:
    """The file of a SQLite store (a path or sqlite:// URL); other backends are refused."""
    if location.startswith("sqlite://"):
        return location.split("://", 1)[1]
    if "://" in location:
        raise StoreError(f"{location}: synthetic stores are SQLite files; give a path")
    return location


def _tables(db: sqlite3.Connection) -> dict[str, list[str]]:
    """The store's tables (bookkeeping and the search index, which its triggers fill
    from the rows written, aside) and their columns."""
    names = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'schema_migrations' AND name NOT LIKE '%\\_fts%' ESCAPE '\\' "
            "ORDER BY name"
        )
    ]
    return {t: [r[1] for r in db.execute(f"PRAGMA table_info({t})")] for t in names}


def _read_seed(seed: str, tables: dict[str, list[str]]) -> dict[str, tuple[list[str], list]]:
    """Every seed row of the target's tables, in the columns both have."""
    src = sqlite3.connect(Path(seed).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        have = _tables(src)
        if not src.execute("SELECT count(*) FROM events").fetchone()[0]:
            raise StoreError(f"{seed}: the seed store holds no events")
        found = {}
        for table, columns in tables.items():
            cols = [c for c in columns if c in have.get(table, [])]
            if cols:
                sql = f"SELECT {', '.join(cols)} FROM {table} ORDER BY rowid"
                found[table] = (cols, [list(r) for r in src.execute(sql)])
        return found
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{seed}: cannot read the seed store ({exc})") from exc
    finally:
        src.close()


@dataclass(frozen=True, slots=True)
class _Plan:
    """How many copies of each grain, and which ids the seed holds."""

    event_copies: int
    doc_copies: int
    actor_copies: int
    kinds: dict[str, str]  # seed id -> its kind

    @classmethod
    def make(cls, seed_rows: dict[str, tuple[list[str], list]], events: int) -> _Plan:
        n_events = len(seed_rows["events"][1])
        n_docs = len(seed_rows["articles"][1])
        n_actors = max(1, len(seed_rows["actors"][1]))
        event_copies = max(1, round(events / n_events))
        doc_copies = min(event_copies, max(1, round(events / 10 / n_docs)))
        actor_copies = min(doc_copies, max(1, round(events / 10 / n_actors)))
        kinds: dict[str, str] = {}
        for table, key, kind in (
            ("articles", "doc_id", "doc"),
            ("events", "event_id", "event"),
            ("stories", "story_id", "story"),
            ("quotes", "quote_id", "quote"),
            ("actors", "actor_id", "actor"),
        ):
            if table in seed_rows:
                cols, rows = seed_rows[table]
                i = cols.index(key)
                kinds |= {r[i]: kind for r in rows}
        return cls(event_copies, doc_copies, actor_copies, kinds)

    def doc_of(self, k: int) -> int:
        """The article copy that event copy k lives in."""
        return k * self.doc_copies // self.event_copies

    def copy(self, doc: int, event: int | None = None) -> _Copy:
        """Suffixes and day shift of article copy `doc` (and event copy `event`)."""
        actor = doc % self.actor_copies
        days = (doc * 7919) % SPREAD_DAYS
        return _Copy(event=_suffix(event or 0), doc=_suffix(doc), actor=_suffix(actor), days=days)


def _suffix(n: int) -> str:
    return f"-{n}" if n else ""


@lru_cache(maxsize=65536)
def _scatter(suffix: str) -> str:
    """Four hex digits drawn from a copy's suffix (the same suffix, the same digits)."""
    return hashlib.blake2b(suffix.encode(), digest_size=2).hexdigest()


def _grain(columns: list[str]) -> str | None:
    """The grain a table is copied at: that of the finest id it holds."""
    grains = {GRAINS[ID_COLUMNS[c]] for c in columns if c in ID_COLUMNS}
    for grain in ("event", "doc", "actor"):
        if grain in grains:
            return grain
    return None


def _bulk_write(
    db: sqlite3.Connection,
    seed_rows: dict[str, tuple[list[str], list]],
    plan: _Plan,
    report: Report | None,
) -> None:
    """Write every copy with the indexes dropped, then create them again."""
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -500000")
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in indexes:
        db.execute(f"DROP INDEX {name}")
    by_grain: dict[str | None, list[str]] = {}
    for table, (cols, _) in seed_rows.items():
        by_grain.setdefault(_grain(cols), []).append(table)
    total = plan.event_copies * len(seed_rows["events"][1])
    done = 0
    once = _Copy("", "", "", 0)
    rng = random.Random(12)
    copiers = {t: _Copier(t, *seed_rows[t], plan.kinds, rng) for t in seed_rows}
    db.execute("BEGIN")
    for table in by_grain.get(None, []):
        copiers[table].write(db, [once])
    for table in by_grain.get("actor", []):
        copiers[table].write(db, [plan.copy(j) for j in range(plan.actor_copies)])
    for table in by_grain.get("doc", []):
        copiers[table].write(db, [plan.copy(j) for j in range(plan.doc_copies)])
    db.execute("COMMIT")
    step = max(1, 20_000 // max(1, len(seed_rows["events"][1])))
    for start in range(0, plan.event_copies, step):
        ks = range(start, min(start + step, plan.event_copies))
        copies = [plan.copy(plan.doc_of(k), k) for k in ks]
        db.execute("BEGIN")
        for table in by_grain.get("event", []):
            copiers[table].write(db, copies)
        db.execute("COMMIT")
        done += len(ks) * len(seed_rows["events"][1])
        if report:
            report(done, total)
    for _, sql in indexes:
        db.execute(sql)
    db.execute("PRAGMA journal_mode = WAL")


class _Copier:
    """Writes copies of one table's seed rows, each column changed as its kind asks."""

    def __init__(
        self, table: str, columns: list[str], rows: list, kinds: dict[str, str], rng: random.Random
    ) -> None:
        self.rows = rows
        self.sql = (
            f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        self.changes = [
            (i, change)
            for i, column in enumerate(columns)
            if (change := _change(table, column, kinds, rng)) is not None
        ]
        self.fix = _fixup(columns)

    def write(self, db: sqlite3.Connection, copies: list[_Copy]) -> None:
        """Insert one copy of every seed row per copy."""
        db.executemany(self.sql, self._rows(copies))

    def _rows(self, copies: list[_Copy]) -> Iterator[list]:
        changes, fix = self.changes, self.fix
        for c in copies:
            for seed_row in self.rows:
                row = list(seed_row)
                for i, change in changes:
                    row[i] = change(row[i], c)
                if fix is not None and c.days:
                    fix(row, c.days)
                yield row


Change = Callable[[Any, _Copy], object]


def _change(table: str, column: str, kinds: dict[str, str], rng: random.Random) -> Change | None:
    """How a column's value changes in a copy (None: it stays)."""
    if column in ID_COLUMNS:
        kind = ID_COLUMNS[column]
        return lambda v, c: None if v is None else c.id(kind, v)
    if column in LIST_COLUMNS:
        return lambda v, c: _map_list(v, c, kinds)
    if column in DATE_COLUMNS:
        return lambda v, c: shift(v, c.days) if isinstance(v, str) else v
    if table == "actors" and column == "name":
        return lambda v, c: f"{v} ({c.actor[1:]})" if c.actor else v
    if column == "minhash":
        return lambda v, c: None if v is None else rng.randbytes(len(v))
    return None


def _fixup(columns: list[str]) -> Callable[[list, int], None] | None:
    """Days derived from a shifted date, read again from it: an event's first and last
    day, a story's window."""
    at = {c: i for i, c in enumerate(columns)}
    if {"day_first", "day_last", "date", "date_precision"} <= at.keys():
        first, last, value, precision = (
            at[c] for c in ("day_first", "day_last", "date", "date_precision")
        )
        after, before = at.get("date_after"), at.get("date_before")

        def event_days(row: list, days: int) -> None:
            window = row[precision] == "window" or row[value] is None
            lo = (row[after] if after is not None else None) if window else row[value]
            hi = (row[before] if before is not None else None) if window else row[value]
            lo, hi = lo or row[value], hi or row[value]
            row[first] = span(lo)[0] if lo else None
            row[last] = span(hi)[1] if hi else None

        return event_days
    if {"date_window", "date"} <= at.keys():
        window, value = at["date_window"], at["date"]
        precision = at.get("precision")

        def story_window(row: list, days: int) -> None:
            if not isinstance(row[window], str) or not row[value]:
                return
            if precision is not None and row[precision] in ("day", "month", "year"):
                row[window] = json.dumps(list(span(row[value])))
            else:  # a window: the window was shifted with the date
                row[window] = json.dumps([shift(d, days) for d in json.loads(row[window])])

        return story_window
    return None


def _map_list(value: object, c: _Copy, kinds: dict[str, str]) -> object:
    if not isinstance(value, str) or not value.startswith("["):
        return value
    items = json.loads(value)
    return json.dumps(
        [c.id(kinds[i], i) if isinstance(i, str) and i in kinds else i for i in items]
    )


def _shift_window(value: object, days: int) -> object:
    if not isinstance(value, str) or not value.startswith("["):
        return value
    return json.dumps([shift(v, days) for v in json.loads(value)])


@lru_cache(maxsize=65536)
def shift(value: str, days: int) -> str:
    """An ISO day, month or year moved back by `days` (a month or year: to where its
    first day lands); anything else as it is."""
    try:
        if len(value) == 10:
            return (date.fromisoformat(value) - timedelta(days=days)).isoformat()
        if len(value) == 7:
            return (date.fromisoformat(value + "-01") - timedelta(days=days)).isoformat()[:7]
        if len(value) == 4:
            return (date.fromisoformat(value + "-01-01") - timedelta(days=days)).isoformat()[:4]
    except ValueError:
        return value
    return value


@lru_cache(maxsize=65536)
def span(value: str) -> tuple[str | None, str | None]:
    """The first and last day of an ISO day, month or year (as the schema reads them)."""
    try:
        if len(value) == 10:
            return value, value
        if len(value) == 7:
            first = date.fromisoformat(value + "-01")
            following = (first + timedelta(days=32)).replace(day=1)
            return first.isoformat(), (following - timedelta(days=1)).isoformat()
        if len(value) == 4:
            return value + "-01-01", value + "-12-31"
    except ValueError:
        pass
    return None, None


@dataclass(frozen=True, slots=True, kw_only=True)
class BenchTargets:
    """What the store benchmark asks about: a busy actor, a country, a month, an event."""

    events: int
    articles: int
    actors: int
    stories: int
    actor_name: str
    country: str
    since: str
    until: str
    event_id: str


def bench_targets(path: str) -> BenchTargets:
    """The sizes of a store and the values its benchmark queries filter by: the actor in
    the most events (a copy, when the store is synthetic), the commonest actor country,
    the month of the median event date, the median event."""
    path = _sqlite_path(path)
    if not Path(path).is_file():
        raise StoreError(f"{path}: no store there")
    db = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        count = {
            t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("events", "articles", "actors", "stories")
        }
        if not count["events"]:
            raise StoreError(f"{path}: the store holds no events")
        actor = db.execute(
            """SELECT a.name FROM (SELECT actor_id, count(*) AS n FROM event_actors
                   GROUP BY actor_id) AS ea JOIN actors a USING (actor_id)
               ORDER BY a.name GLOB '* ([1-9]*)' DESC, ea.n DESC, a.actor_id LIMIT 1"""
        ).fetchone()
        country = db.execute(
            "SELECT country FROM actors WHERE country IS NOT NULL "
            "GROUP BY country ORDER BY count(*) DESC, country LIMIT 1"
        ).fetchone()
        day = db.execute(
            "SELECT date FROM events WHERE date >= '0000-00-00' AND length(date) = 10 "
            "ORDER BY date LIMIT 1 OFFSET ?",
            (count["events"] // 3,),
        ).fetchone()
        event = db.execute(
            "SELECT event_id FROM events ORDER BY rowid LIMIT 1 OFFSET ?",
            (count["events"] // 2,),
        ).fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot read the store ({exc})") from exc
    finally:
        db.close()
    since, until = span(day[0][:7]) if day else ("2000-01-01", "2000-01-31")
    return BenchTargets(
        **count,
        actor_name=actor[0] if actor else "",
        country=country[0] if country else "USA",
        since=since or "2000-01-01",
        until=until or "2000-01-31",
        event_id=event[0],
    )
