"""Analysts' corrections in the store: each kept with who, when, why, before and after,
written in one transaction with what it makes of its event, listed a page at a time.

Mixed into the store, which provides `_db`, `transaction`, `_insert`, `_upsert_actor`,
`_actors_of` and `_prune_actors`. A corrected event is written as corrected (and
marked `reviewed`); a rejected one is deleted, its record kept in the correction's
`before` so that restoring or undoing puts it back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterator
from contextlib import AbstractContextManager
from typing import Any

from storyline.query import Page
from storyline.records import Actor, Event
from storyline.review import Correction
from storyline.store import rows

_BATCH = 500  # keys per IN list
_ORDER = " ORDER BY made_at, rowid"  # the order they were made (rowid: ties in one second)


class CorrectionMemory:
    """Corrections: saved with their effect on an event, undone, listed and looked up."""

    _db: Any
    transaction: Callable[[], AbstractContextManager[None]]
    _insert: Callable[[str, dict[str, object]], None]
    _upsert: Callable[..., None]
    _fold_actors: Callable[[dict[str, str]], None]
    _upsert_actor: Callable[[Actor], None]
    _actors_of: Callable[[Collection[str]], set[str]]
    _prune_actors: Callable[[Collection[str]], None]

    def save_correction(
        self, correction: Correction, *, event: Event | None = None, drop: str | None = None
    ) -> None:
        """Store a correction and, atomically, its event as corrected (`event`) or the
        event it rejects deleted (`drop`)."""
        with self.transaction():
            self._insert("corrections", _correction_row(correction))
            self._rewrite_event(event, drop)

    def undo_correction(
        self,
        correction_id: str,
        *,
        who: str,
        when: str,
        event: Event | None = None,
        drop: str | None = None,
    ) -> bool:
        """Mark a correction undone and, atomically, write its event back as it was
        (`event`) or delete it (`drop`); False (and nothing written) when it is unknown
        or already undone."""
        with self.transaction():
            done = self._db.execute(
                "UPDATE corrections SET undone_at = ?, undone_by = ? "
                "WHERE correction_id = ? AND undone_at IS NULL",
                (when, who, correction_id),
            )
            if done.rowcount != 1:
                return False
            self._rewrite_event(event, drop)
        return True

    def _rewrite_event(self, event: Event | None, drop: str | None) -> None:
        """Replace an event's row (and its participants) or delete it; actors nothing
        refers to any more go."""
        gone = {i for i in (drop, event.event_id if event else None) if i}
        named = self._actors_of(gone)
        for event_id in sorted(gone):
            self._db.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
        if event is not None:
            for actor in (event.source, *event.targets):
                self._upsert_actor(actor)
            self._insert("events", rows.event_row(event))
            self._db.executemany(
                "INSERT OR IGNORE INTO event_actors (event_id, actor_id) VALUES (?, ?)",
                [(event.event_id, a.actor_id) for a in (event.source, *event.targets)],
            )
        self._prune_actors(named)

    def merge_actor(self, correction: Correction, old_id: str, new_id: str) -> None:
        """Store an actor merge and fold `old_id` into `new_id`, atomically."""
        with self.transaction():
            self._insert("corrections", _correction_row(correction))
            self._fold_actors({old_id: new_id})

    def actor_snapshot(self, old_id: str, new_id: str) -> dict[str, Any]:
        """What merging `old_id` into `new_id` changes, as it is now (kept in the merge's
        `before` so that undoing puts it back): both actors' rows, and the events,
        participants, quotes and mentions that name the old one."""
        one = "SELECT * FROM actors WHERE actor_id = ?"
        actors = {
            i: rows.actor_row(rows.to_actor(r))
            for i in (old_id, new_id)
            if (r := self._db.execute(one, (i,)).fetchone())
        }
        named = sorted(self._actors_events(old_id))
        events = self._rows(
            "SELECT event_id, source_id, target_ids FROM events WHERE event_id IN ({})", named
        )
        participants = self._rows(
            "SELECT event_id, actor_id FROM event_actors WHERE event_id IN ({})", named
        )
        quotes = self._db.execute(
            "SELECT quote_id, speaker_id, joint_ids FROM quotes WHERE speaker_id = :a "
            "OR (joint_ids <> '[]' AND joint_ids LIKE :pattern)",
            {"a": old_id, "pattern": f'%"{old_id}"%'},
        ).fetchall()
        mentions = self._db.execute(
            """SELECT doc_id, start, end, text, EXISTS (SELECT 1 FROM actor_mentions n
                   WHERE n.actor_id = :new AND n.doc_id = m.doc_id AND n.start = m.start
                   AND n.end = m.end) AS shared
               FROM actor_mentions m WHERE actor_id = :old""",
            {"old": old_id, "new": new_id},
        ).fetchall()
        return {
            "old": old_id,
            "new": new_id,
            "actors": actors,
            "events": [list(r) for r in events],
            "participants": [list(r) for r in participants],
            "quotes": [list(r) for r in quotes],
            "mentions": [[r[0], r[1], r[2], r[3], bool(r[4])] for r in mentions],
        }

    def unmerge_actor(
        self, correction_id: str, *, who: str, when: str, snapshot: dict[str, Any]
    ) -> bool:
        """Mark an actor merge undone and put back what it changed (`actor_snapshot`),
        atomically; False when it is unknown or already undone."""
        with self.transaction():
            done = self._db.execute(
                "UPDATE corrections SET undone_at = ?, undone_by = ? "
                "WHERE correction_id = ? AND undone_at IS NULL",
                (when, who, correction_id),
            )
            if done.rowcount != 1:
                return False
            for row in snapshot["actors"].values():
                self._upsert("actors", row, key="actor_id")
            self._restore_references(snapshot)
        return True

    def _restore_references(self, snapshot: dict[str, Any]) -> None:
        """The old actor's events, participants, quotes and mentions as they were."""
        old_id, new_id = snapshot["old"], snapshot["new"]
        for event_id, source_id, target_ids in snapshot["events"]:
            self._db.execute(
                "UPDATE events SET source_id = ?, target_ids = ? WHERE event_id = ?",
                (source_id, target_ids, event_id),
            )
            self._db.execute("DELETE FROM event_actors WHERE event_id = ?", (event_id,))
        self._db.executemany(
            "INSERT OR IGNORE INTO event_actors (event_id, actor_id) "
            "SELECT event_id, ? FROM events WHERE event_id = ?",
            [(actor_id, event_id) for event_id, actor_id in snapshot["participants"]],
        )
        for quote_id, speaker_id, joint_ids in snapshot["quotes"]:
            self._db.execute(
                "UPDATE quotes SET speaker_id = ?, joint_ids = ? WHERE quote_id = ?",
                (speaker_id, joint_ids, quote_id),
            )
        for doc_id, start, end, text, shared in snapshot["mentions"]:
            span = {"d": doc_id, "s": start, "e": end, "old": old_id, "new": new_id, "t": text}
            if not shared:  # the merge moved it: the new actor's row goes back
                self._db.execute(
                    "DELETE FROM actor_mentions WHERE actor_id = :new AND doc_id = :d "
                    "AND start = :s AND end = :e",
                    span,
                )
            self._db.execute(
                "INSERT OR IGNORE INTO actor_mentions (actor_id, doc_id, start, end, text) "
                "SELECT :old, doc_id, :s, :e, :t FROM articles WHERE doc_id = :d",
                span,
            )

    def _actors_events(self, actor_id: str) -> set[str]:
        return {
            r[0]
            for r in self._db.execute(
                "SELECT event_id FROM event_actors WHERE actor_id = ?", (actor_id,)
            )
        }

    def _rows(self, sql: str, ids: list[str]) -> list[Any]:
        found: list[Any] = []
        for chunk in _chunks(ids):
            found += self._db.execute(sql.format(", ".join("?" * len(chunk))), chunk).fetchall()
        return found

    def correction(self, correction_id: str) -> Correction | None:
        """One correction, or None."""
        row = self._db.execute(
            "SELECT * FROM corrections WHERE correction_id = ?", (correction_id,)
        ).fetchone()
        return _to_correction(row) if row else None

    def corrections_of(
        self,
        *,
        doc_ids: Collection[str] = (),
        record_ids: Collection[str] = (),
        partner_ids: Collection[str] = (),
        live: bool = True,
    ) -> list[Correction]:
        """The corrections of these articles' records, of these records, or pinning
        an event to one of `partner_ids` (only those not undone unless `live` is
        False), in the order they were made."""
        found: dict[str, tuple[Any, Correction]] = {}
        for column, values in (
            ("doc_id", doc_ids),
            ("record_id", record_ids),
            ("partner_id", partner_ids),
        ):
            for chunk in _chunks(sorted(set(values))):
                marks = ", ".join("?" * len(chunk))
                sql = f"SELECT rowid AS seq, * FROM corrections WHERE {column} IN ({marks})"
                if live:
                    sql += " AND undone_at IS NULL"
                for r in self._db.execute(sql, chunk):
                    found[r["correction_id"]] = ((r["made_at"], r["seq"]), _to_correction(r))
        return [c for _, c in sorted(found.values(), key=lambda pair: pair[0])]

    def correction_page(
        self,
        *,
        record_id: str | None = None,
        record: str | None = None,
        live: bool | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Correction]:
        """A page of corrections, newest first, of one record, of one kind of record
        and undone or not, as asked."""
        where, args = ["1 = 1"], []
        for column, value in (("record_id", record_id), ("record", record)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        if live is not None:
            where.append("undone_at IS NULL" if live else "undone_at IS NOT NULL")
        condition = " AND ".join(where)
        total = self._db.execute(
            f"SELECT count(*) FROM corrections WHERE {condition}", args
        ).fetchone()[0]
        found = self._db.execute(
            f"SELECT * FROM corrections WHERE {condition} "
            "ORDER BY made_at DESC, rowid DESC LIMIT ? OFFSET ?",
            [*args, limit, offset],
        ).fetchall()
        return Page([_to_correction(r) for r in found], int(total), limit, offset)

    def iter_corrections(self) -> Iterator[Correction]:
        """Every correction in the order made, read a batch at a time (the export)."""
        last: tuple[str, int] | None = None
        while True:
            sql, args = "SELECT rowid AS seq, * FROM corrections", []
            if last is not None:
                sql += " WHERE made_at > ? OR (made_at = ? AND rowid > ?)"
                args = [last[0], last[0], last[1]]
            batch = self._db.execute(sql + _ORDER + " LIMIT ?", [*args, _BATCH]).fetchall()
            if not batch:
                return
            yield from (_to_correction(r) for r in batch)
            last = (batch[-1]["made_at"], batch[-1]["seq"])


def _correction_row(c: Correction) -> dict[str, object]:
    return {
        "correction_id": c.correction_id,
        "record": c.record,
        "record_id": c.record_id,
        "doc_id": c.doc_id,
        "action": c.action,
        "who": c.who,
        "made_at": c.made_at,
        "reason": c.reason,
        "before_json": json.dumps(c.before, ensure_ascii=False, sort_keys=True),
        "after_json": json.dumps(c.after, ensure_ascii=False, sort_keys=True),
        "undone_at": c.undone_at,
        "undone_by": c.undone_by,
        "partner_id": c.after.get("story_with") if c.record == "story" else None,
    }


def _to_correction(row: Any) -> Correction:
    return Correction(
        correction_id=row["correction_id"],
        record=row["record"],
        record_id=row["record_id"],
        doc_id=row["doc_id"],
        action=row["action"],
        who=row["who"],
        made_at=row["made_at"],
        reason=row["reason"],
        before=json.loads(row["before_json"]),
        after=json.loads(row["after_json"]),
        undone_at=row["undone_at"],
        undone_by=row["undone_by"],
    )


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(values), _BATCH):
        yield values[i : i + _BATCH]
