"""The SQLite store: WAL, migrations, one transaction per article, typed reads."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import replace

from storyline.errors import StoreError
from storyline.records import (
    Actor,
    ActorMention,
    Article,
    ArticleResult,
    EntityMention,
    Event,
    Evidence,
    Story,
)
from storyline.store import rows
from storyline.store.connection import one_line, open_database
from storyline.store.corrections import CorrectionMemory
from storyline.store.dialect import SQLITE
from storyline.store.reads import ArticleStats as ArticleStats  # the listings' record
from storyline.store.schema import (
    BOOKKEEPING,
    LATEST,
    MIGRATIONS,
    bookkeeping,
    migrations,
    statements,
)
from storyline.store.search import SearchReads
from storyline.store.seen import WatchMemory
from storyline.store.story_reads import StoryReads


class Store(StoryReads, WatchMemory, CorrectionMemory, SearchReads):
    """All reads and writes of storyline's data; stage code never sees SQL."""

    def __init__(self, location: str, *, read_only: bool = False) -> None:
        opened = open_database(location, read_only=read_only)
        self._db, self.dialect, self._errors = opened.db, opened.dialect, opened.errors
        self.path = opened.name  # a file, or a URL without its password
        if read_only:
            return
        try:
            self._migrate()
        except self._errors as exc:
            self._db.close()
            raise StoreError(f"{self.path}: cannot open the database ({one_line(exc)})") from exc

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    # -- schema -------------------------------------------------------------------------

    def _migrate(self) -> None:
        sqlite = self.dialect is SQLITE
        # Processes opening a new database at once take turns (the write lock) and
        # each applies only what the others have not.
        with self.transaction():
            self._db.execute(BOOKKEEPING if sqlite else bookkeeping(self.dialect))
        done = {r[0] for r in self._db.execute("SELECT version FROM schema_migrations")}
        if done and max(done) > LATEST:
            self._db.close()
            raise StoreError(
                f"{self.path}: database schema v{max(done)} is newer than this storyline "
                f"(v{LATEST}); upgrade storyline"
            )
        for version, name, sql in MIGRATIONS if sqlite else migrations(self.dialect):
            if version in done:
                continue
            with self.transaction():
                applied = "SELECT 1 FROM schema_migrations WHERE version = ?"
                if self._db.execute(applied, (version,)).fetchone():
                    continue
                for statement in statements(sql):
                    self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (version, name)
                )

    def schema_version(self) -> int:
        """The newest migration applied."""
        row = self._db.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All of the block's writes, or none of them."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- writes -------------------------------------------------------------------------

    def save_result(
        self, result: ArticleResult, signature: bytes | None = None, bands: Collection[int] = ()
    ) -> None:
        """Replace everything stored for the article with this result, atomically, with
        its near-duplicate signature and the LSH band keys it is found by.

        Raises StoreError (and stores nothing of the article) when a fact cannot be
        stored, e.g. two facts with one id.
        """
        article, parsed = result.article, result.parsed
        try:
            with self.transaction():
                dropped = self._delete_facts(article.doc_id)
                row = rows.article_row(article) | {
                    "minhash": signature,
                    "n_tokens": parsed.n_tokens,
                    "n_sentences": len(parsed.sentences),
                }
                self._upsert("articles", row, key="doc_id")
                self._db.executemany(
                    "INSERT INTO article_bands (band, doc_id) VALUES (?, ?)",
                    [(b, article.doc_id) for b in sorted(set(bands))],
                )
                for m in parsed.mentions:
                    self._insert("entity_mentions", _evidence_row(m.evidence) | {"label": m.label})
                for actor in _referenced_actors(result):
                    self._upsert_actor(actor)
                for am in result.actor_mentions:
                    row = _evidence_row(am.evidence) | {"actor_id": am.actor_id}
                    self._insert("actor_mentions", row)
                for quote in result.quotes:
                    self._insert("quotes", rows.quote_row(quote))
                for event in result.events:
                    self._insert("events", rows.event_row(event))
                    self._db.executemany(
                        "INSERT OR IGNORE INTO event_actors (event_id, actor_id) VALUES (?, ?)",
                        [(event.event_id, a.actor_id) for a in (event.source, *event.targets)],
                    )
                self._prune_actors(dropped)
        except self._errors as exc:
            raise StoreError(f"{article.file}: cannot store the article ({one_line(exc)})") from exc

    def replace_stories(self, stories: list[Story], *, drop: Collection[str] | None = None) -> None:
        """Store stories and set each event's story id, atomically, in place of the
        stories `drop` names (default: all stories)."""
        with self.transaction():
            if drop is None:
                self._db.execute("DELETE FROM stories")
                self._db.execute("UPDATE events SET story_id = NULL")
            else:
                for story_id in drop:
                    self._db.execute("DELETE FROM stories WHERE story_id = ?", (story_id,))
                    self._db.execute(
                        "UPDATE events SET story_id = NULL WHERE story_id = ?", (story_id,)
                    )
            for story in stories:
                self._insert("stories", rows.story_row(story))
                self._db.executemany(
                    "INSERT INTO story_docs (story_id, doc_id) VALUES (?, ?)",
                    [(story.story_id, d) for d in story.doc_ids],
                )
                self._db.executemany(
                    "UPDATE events SET story_id = ? WHERE event_id = ?",
                    [(story.story_id, e) for e in story.event_ids],
                )

    def demote(self, copy: str, original: str, event_ids: Collection[str]) -> None:
        """Make a stored article (and its own copies) a near-duplicate of `original`,
        dropping the events of it that the original restates, atomically."""
        with self.transaction():
            self._db.execute(
                "UPDATE articles SET duplicate_of = ? WHERE doc_id = ? OR duplicate_of = ?",
                (original, copy, copy),
            )
            named = self._actors_of(event_ids)
            self._db.executemany("DELETE FROM events WHERE event_id = ?", [(e,) for e in event_ids])
            self._prune_actors(named)

    def _delete_facts(self, doc_id: str) -> set[str]:
        """Delete an article's facts; returns the actors they named."""
        named = {
            r[0]
            for r in self._db.execute(
                """SELECT actor_id FROM actor_mentions WHERE doc_id = :d
                   UNION SELECT speaker_id FROM quotes WHERE doc_id = :d
                   UNION SELECT ea.actor_id FROM events e JOIN event_actors ea
                       ON ea.event_id = e.event_id WHERE e.doc_id = :d""",
                {"d": doc_id},
            )
            if r[0]
        }
        named |= {
            a
            for r in self._db.execute("SELECT joint_ids FROM quotes WHERE doc_id = ?", (doc_id,))
            for a in json.loads(r[0])
        }
        for table in ("entity_mentions", "actor_mentions", "quotes", "article_bands", "events"):
            self._db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        return named

    def _actors_of(self, event_ids: Collection[str]) -> set[str]:
        """The actors these events name (source and targets)."""
        found: set[str] = set()
        for chunk in _chunks(sorted(event_ids)):
            sql = f"SELECT actor_id FROM event_actors WHERE event_id IN ({_marks(chunk)})"
            found |= {r[0] for r in self._db.execute(sql, chunk)}
        return found

    def _prune_actors(self, candidates: Collection[str]) -> None:
        """Drop those of these actors nothing refers to any more (after an article was
        replaced or events dropped), each looked up by index, never a scan."""
        for actor_id in sorted(candidates):
            if not self._referenced(actor_id):
                self._db.execute("DELETE FROM actors WHERE actor_id = ?", (actor_id,))

    def _referenced(self, actor_id: str) -> bool:
        row = self._db.execute(
            """SELECT EXISTS (SELECT 1 FROM actor_mentions WHERE actor_id = :a)
                   OR EXISTS (SELECT 1 FROM quotes WHERE speaker_id = :a)
                   OR EXISTS (SELECT 1 FROM event_actors WHERE actor_id = :a)
                   OR EXISTS (SELECT 1 FROM events WHERE source_id = :a)
                   OR EXISTS (SELECT 1 FROM quotes WHERE joint_ids <> '[]'
                       AND joint_ids LIKE :pattern)""",
            {"a": actor_id, "pattern": f'%"{actor_id}"%'},
        ).fetchone()
        return bool(row[0])

    def _upsert_actor(self, actor: Actor) -> None:
        """Store an actor; what is already known of it stays unless this says otherwise."""
        old = self._actor(actor.actor_id)
        self._upsert("actors", rows.actor_row(old.merged(actor) if old else actor), key="actor_id")

    def _actor(self, actor_id: str) -> Actor | None:
        row = self._db.execute("SELECT * FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
        return rows.to_actor(row) if row else None

    def merge_actors(self, plan: dict[str, str]) -> None:
        """Fold each actor `old` into `new` (old id -> new id): mentions, quotes, events."""
        if not plan:
            return
        with self.transaction():
            self._fold_actors(plan)

    def _fold_actors(self, plan: dict[str, str]) -> None:
        """merge_actors' writes, inside the caller's transaction."""
        if plan:
            for old_id, new_id in plan.items():
                old, new = self._actor(old_id), self._actor(new_id)
                if old is None or new is None:
                    continue
                both = replace(old.merged(new), actor_id=new_id, name=new.name, kind=new.kind)
                self._upsert("actors", rows.actor_row(both), key="actor_id")
                for sql in (
                    # Moved unless the new actor already has the span (the old row goes).
                    """UPDATE actor_mentions SET actor_id = :new WHERE actor_id = :old
                       AND NOT EXISTS (SELECT 1 FROM actor_mentions m WHERE m.actor_id = :new
                       AND m.doc_id = actor_mentions.doc_id AND m.start = actor_mentions.start
                       AND m.end = actor_mentions.end)""",
                    "DELETE FROM actor_mentions WHERE actor_id = :old",
                    "UPDATE quotes SET speaker_id = :new WHERE speaker_id = :old",
                    "UPDATE events SET source_id = :new WHERE source_id = :old",
                    """UPDATE event_actors SET actor_id = :new WHERE actor_id = :old
                       AND NOT EXISTS (SELECT 1 FROM event_actors m WHERE m.actor_id = :new
                       AND m.event_id = event_actors.event_id)""",
                    "DELETE FROM event_actors WHERE actor_id = :old",
                ):
                    self._db.execute(sql, {"old": old_id, "new": new_id})
                for table, key, column in (
                    ("events", "event_id", "target_ids"),
                    ("quotes", "quote_id", "joint_ids"),
                ):
                    self._replace_in_lists(table, key, column, old_id, new_id)
                self._db.execute("DELETE FROM actors WHERE actor_id = ?", (old_id,))

    def _replace_in_lists(self, table: str, key: str, column: str, old: str, new: str) -> None:
        """Replace an actor id inside a JSON list column (targets, joint speakers)."""
        for row in self._db.execute(
            f"SELECT {key}, {column} FROM {table} WHERE {column} LIKE ?", (f'%"{old}"%',)
        ).fetchall():
            ids = [new if t == old else t for t in json.loads(row[column])]
            self._db.execute(
                f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (json.dumps(ids), row[key])
            )

    def _insert(self, table: str, row: dict[str, object]) -> None:
        cols = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        self._db.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", row)

    def _upsert(self, table: str, row: dict[str, object], *, key: str) -> None:
        """Insert, or update in place (keeping the row's identity and insertion order)."""
        cols = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != key)
        self._db.execute(
            f"INSERT INTO {table} ({cols}) VALUES ({marks}) "
            f"ON CONFLICT ({key}) DO UPDATE SET {updates}",
            row,
        )

    # -- reads --------------------------------------------------------------------------

    def content_hash(self, doc_id: str) -> str | None:
        """The stored content hash of an article, or None when it is not stored."""
        row = self._db.execute(
            "SELECT content_hash FROM articles WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        return row["content_hash"] if row else None

    def near_candidates(self, bands: Collection[int]) -> list[tuple[str, bytes]]:
        """The stored articles sharing one of these LSH band keys, with their signatures,
        in doc id order."""
        found: dict[str, bytes] = {}
        for chunk in _chunks(sorted(set(bands))):
            sql = f"""SELECT DISTINCT a.doc_id, a.minhash FROM article_bands b
                      JOIN articles a ON a.doc_id = b.doc_id
                      WHERE b.band IN ({_marks(chunk)}) AND a.minhash IS NOT NULL"""
            found |= {r[0]: bytes(r[1]) for r in self._db.execute(sql, chunk)}
        return sorted(found.items())

    def unbanded(self, limit: int = 1000) -> list[tuple[str, bytes]]:
        """Stored signatures without band keys yet (a store from before band keys)."""
        if self._db.execute("SELECT 1 FROM store_flags WHERE name = 'bands'").fetchone():
            return []
        rows_ = self._db.execute(
            """SELECT doc_id, minhash FROM articles a WHERE minhash IS NOT NULL AND NOT EXISTS
               (SELECT 1 FROM article_bands b WHERE b.doc_id = a.doc_id) LIMIT ?""",
            (limit,),
        ).fetchall()
        if not rows_:
            with self.transaction():
                self._db.execute("INSERT INTO store_flags (name) VALUES ('bands')")
        return [(r[0], bytes(r[1])) for r in rows_]

    def save_bands(self, bands: dict[str, Collection[int]]) -> None:
        """Store the band keys of stored articles, atomically."""
        with self.transaction():
            for doc_id, keys in bands.items():
                self._db.executemany(
                    "INSERT INTO article_bands (band, doc_id) VALUES (?, ?)",
                    [(b, doc_id) for b in sorted(set(keys))],
                )

    def article(self, doc_id: str) -> Article | None:
        """One article, or None."""
        row = self._db.execute("SELECT * FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
        return rows.to_article(row) if row else None

    def entity_mentions(self, doc_id: str | None = None) -> list[EntityMention]:
        """Named-entity mentions, in article and text order."""
        sql = "SELECT * FROM entity_mentions"
        args: tuple[object, ...] = ()
        if doc_id:
            sql, args = sql + " WHERE doc_id = ?", (doc_id,)
        order = " ORDER BY doc_id, start, end, label"  # ties in one order on every backend
        return [rows.to_mention(r) for r in self._db.execute(sql + order, args)]

    def actor_mentions(
        self, actor_id: str | None = None, *, doc_id: str | None = None
    ) -> list[ActorMention]:
        """Mentions of canonical actors (of one actor, in one article), in article and
        text order."""
        sql, args = "SELECT * FROM actor_mentions WHERE 1 = 1", []
        if actor_id:
            sql, args = sql + " AND actor_id = ?", [*args, actor_id]
        if doc_id:
            sql, args = sql + " AND doc_id = ?", [*args, doc_id]
        return [
            ActorMention(actor_id=r["actor_id"], evidence=_evidence(r))
            for r in self._db.execute(sql + " ORDER BY doc_id, start, end, actor_id", args)
        ]

    # -- story linking: candidates through indexes, never a scan ---------------------------

    def events_sharing(
        self,
        *,
        types: Collection[str],
        actor_ids: Collection[str],
        countries: Collection[str],
        days: tuple[str, str] | None = None,
    ) -> list[str]:
        """Ids of the events of these types that name one of these actors or an actor of
        one of these countries, and (with `days`, first and last ISO day) whose days
        overlap them or are unknown; in event id order."""
        if not types or not (actor_ids or countries):
            return []
        named = f"""EXISTS (SELECT 1 FROM event_actors ea JOIN actors a USING (actor_id)
                    WHERE ea.event_id = e.event_id AND (ea.actor_id IN ({_marks(actor_ids)})
                    OR a.country IN ({_marks(countries)})))"""
        parties = [*actor_ids, *countries]
        kinds = f"type IN ({_marks(types)})"
        if days is None:  # an undated event may be any of them: driven by the participants
            sql = f"SELECT e.event_id FROM events e WHERE e.{kinds} AND {named} ORDER BY 1"
            return [r[0] for r in self._db.execute(sql, [*types, *parties])]
        first, last = days
        month = first[:8] + "01"
        # Candidates within a month (off events_kind_days), across months (off
        # events_long_days) and undated (off events_undated): bounded ranges, whatever
        # the store's size; then the participants of each.
        sql = f"""WITH days AS (
                      SELECT event_id FROM events WHERE {kinds}
                          AND day_first BETWEEN ? AND ? AND day_last >= ?
                      UNION SELECT event_id FROM events WHERE {kinds}
                          AND substr(day_first, 1, 7) <> substr(day_last, 1, 7)
                          AND day_first < ? AND day_last >= ?
                      UNION SELECT event_id FROM events WHERE {kinds} AND day_first IS NULL)
                  SELECT e.event_id FROM days CROSS JOIN events e ON e.event_id = days.event_id
                  WHERE {named} ORDER BY 1"""
        args = [*types, month, last, first, *types, month, first, *types, *parties]
        return [r[0] for r in self._db.execute(sql, args)]

    def unlinked_events(self) -> list[Event]:
        """Events in no story yet, in event id order."""
        return self._events("SELECT * FROM events WHERE story_id IS NULL ORDER BY event_id", [])

    def events_naming(self, actor_ids: Collection[str]) -> list[Event]:
        """Events one of these actors takes part in, in event id order."""
        found: dict[str, Event] = {}
        for chunk in _chunks(sorted(actor_ids)):
            sql = f"""SELECT DISTINCT e.* FROM events e JOIN event_actors ea USING (event_id)
                      WHERE ea.actor_id IN ({_marks(chunk)})"""
            found |= {e.event_id: e for e in self._events(sql, list(chunk))}
        return [found[k] for k in sorted(found)]

    def events_in(
        self,
        *,
        doc_ids: Collection[str] = (),
        story_ids: Collection[str] = (),
        event_ids: Collection[str] = (),
    ) -> list[Event]:
        """Events of these articles or stories, or with these ids, in event id order."""
        found: dict[str, Event] = {}
        for column, values in (
            ("doc_id", doc_ids),
            ("story_id", story_ids),
            ("event_id", event_ids),
        ):
            for chunk in _chunks(sorted(values)):
                sql = f"SELECT * FROM events WHERE {column} IN ({_marks(chunk)})"
                found |= {e.event_id: e for e in self._events(sql, list(chunk))}
        return [found[k] for k in sorted(found)]

    def story_ids(
        self, *, doc_ids: Collection[str] = (), event_ids: Collection[str] = ()
    ) -> set[str]:
        """Ids of the stories citing these articles or holding these events."""
        found: set[str] = set()
        for sql, values in (
            ("SELECT story_id FROM story_docs WHERE doc_id IN ({})", doc_ids),
            (
                "SELECT story_id FROM events WHERE story_id IS NOT NULL AND event_id IN ({})",
                event_ids,
            ),
        ):
            for chunk in _chunks(sorted(values)):
                found |= {r[0] for r in self._db.execute(sql.format(_marks(chunk)), chunk)}
        return found

    def copies_of(self, doc_ids: Collection[str]) -> list[Article]:
        """The stored near-duplicate copies of these articles, in doc id order."""
        found = []
        for chunk in _chunks(sorted(doc_ids)):
            sql = f"SELECT * FROM articles WHERE duplicate_of IN ({_marks(chunk)})"
            found += [rows.to_article(r) for r in self._db.execute(sql, chunk)]
        return sorted(found, key=lambda a: a.doc_id)

    def _events(self, sql: str, args: list[object]) -> list[Event]:
        """Events read by a query, with only the actors they name."""
        found = self._db.execute(sql, args).fetchall()
        ids = {r["source_id"] for r in found} | {
            t for r in found for t in json.loads(r["target_ids"])
        }
        actors: dict[str, Actor] = {}
        for chunk in _chunks(sorted(ids)):
            for r in self._db.execute(
                f"SELECT * FROM actors WHERE actor_id IN ({_marks(chunk)})", chunk
            ):
                actors[r["actor_id"]] = rows.to_actor(r)
        return [rows.to_event(r, actors) for r in found]


SQLiteStore = Store  # the name the rest of storyline imports


def _referenced_actors(result: ArticleResult) -> list[Actor]:
    """Every actor the result names: its own, and those its quotes and events refer to."""
    found: dict[str, Actor] = {a.actor_id: a for a in result.actors}
    for quote in result.quotes:
        for actor in (quote.speaker, *quote.joint):
            if actor is not None:
                found.setdefault(actor.actor_id, actor)
    for event in result.events:
        for actor in (event.source, *event.targets):
            found.setdefault(actor.actor_id, actor)
    return list(found.values())


def _marks(values: Collection[object]) -> str:
    """Placeholders for an IN list (an empty list matches nothing)."""
    return ", ".join("?" * len(values)) or "NULL"


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    """A long id list in pieces SQLite accepts as parameters."""
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _evidence_row(ev: Evidence) -> dict[str, object]:
    return {"doc_id": ev.doc_id, "start": ev.start, "end": ev.end, "text": ev.text}


def _evidence(row: sqlite3.Row) -> Evidence:
    return Evidence(doc_id=row["doc_id"], start=row["start"], end=row["end"], text=row["text"])
