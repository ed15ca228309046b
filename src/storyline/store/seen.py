"""What `storyline watch` remembers in the store: the items it has ingested (files by
size, modification time and content hash; feed entries by id), the articles each gave,
and each feed's validators (ETag, Last-Modified) for conditional requests.

Mixed into the store, which provides `_db`, `transaction`, `_delete_facts` and
`_prune_actors`. Kept in the store so that a restarted watch, on any machine sharing
the database, ingests nothing twice.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from storyline.records import Article
from storyline.store import rows

_BATCH = 500  # keys per IN list
# An article to analyse again (its original was retired) has the content hash '',
# spelled as a literal in the SQL so that the partial index `articles_stale` serves it.


@dataclass(frozen=True, slots=True, kw_only=True)
class SeenItem:
    """An item a watch ingested: a file (with its size, modification time and content
    digest) or a feed entry (its digest only), and the articles it gave."""

    key: str
    digest: str
    size: int | None = None
    mtime_ns: int | None = None
    doc_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Validators:
    """What a feed's server said identifies its last answer."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


class WatchMemory:
    """Items seen, feed validators, and retiring the articles a changed file replaced."""

    _db: Any

    def seen_items(self, keys: Collection[str]) -> dict[str, SeenItem]:
        """The seen items among these keys, by key."""
        found: dict[str, SeenItem] = {}
        for chunk in _chunks(sorted(set(keys))):
            marks = ", ".join("?" * len(chunk))
            items = self._db.execute(
                f"SELECT * FROM watch_seen WHERE item IN ({marks})", chunk
            ).fetchall()
            docs: dict[str, list[str]] = {}
            for r in self._db.execute(
                f"SELECT item, doc_id FROM watch_seen_docs WHERE item IN ({marks}) "
                "ORDER BY item, doc_id",
                chunk,
            ):
                docs.setdefault(r["item"], []).append(r["doc_id"])
            for r in items:
                found[r["item"]] = SeenItem(
                    key=r["item"],
                    digest=r["digest"],
                    size=r["size"],
                    mtime_ns=r["mtime_ns"],
                    doc_ids=tuple(docs.get(r["item"], ())),
                )
        return found

    def mark_seen(self, item: SeenItem) -> None:
        """Record an item as ingested with the articles it gave, atomically."""
        with self.transaction():
            self._db.execute(
                """INSERT INTO watch_seen (item, digest, size, mtime_ns) VALUES (?, ?, ?, ?)
                   ON CONFLICT (item) DO UPDATE SET digest = excluded.digest,
                   size = excluded.size, mtime_ns = excluded.mtime_ns,
                   seen_at = excluded.seen_at""",
                (item.key, item.digest, item.size, item.mtime_ns),
            )
            self._db.execute("DELETE FROM watch_seen_docs WHERE item = ?", (item.key,))
            self._db.executemany(
                "INSERT INTO watch_seen_docs (item, doc_id) VALUES (?, ?)",
                [(item.key, d) for d in sorted(set(item.doc_ids))],
            )

    def claimed(self, doc_ids: Collection[str], *, besides: str) -> set[str]:
        """Those of these articles that a seen item other than `besides` gave."""
        found: set[str] = set()
        for chunk in _chunks(sorted(set(doc_ids))):
            marks = ", ".join("?" * len(chunk))
            sql = (
                f"SELECT DISTINCT doc_id FROM watch_seen_docs WHERE doc_id IN ({marks}) "
                "AND item <> ?"
            )
            found |= {r[0] for r in self._db.execute(sql, [*chunk, besides])}
        return found

    def feed_validators(self, url: str) -> Validators | None:
        """The validators a feed last answered with, or None."""
        row = self._db.execute(
            "SELECT url, etag, last_modified FROM feed_validators WHERE url = ?", (url,)
        ).fetchone()
        if row is None:
            return None
        return Validators(url=row["url"], etag=row["etag"], last_modified=row["last_modified"])

    def save_validators(self, validators: Validators) -> None:
        """Remember a feed's validators (after every entry of its answer was handled)."""
        with self.transaction():
            self._db.execute(
                """INSERT INTO feed_validators (url, etag, last_modified) VALUES (?, ?, ?)
                   ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,
                   last_modified = excluded.last_modified, checked_at = excluded.checked_at""",
                (validators.url, validators.etag, validators.last_modified),
            )

    def retire_articles(self, doc_ids: Collection[str]) -> None:
        """Delete articles a changed file no longer holds, atomically: their facts, the
        stories citing them (whose other events are linked again by the next relink),
        and their near-duplicate copies' link to them (each copy is marked to be
        analysed again, as the original it now is)."""
        if not doc_ids:
            return
        with self.transaction():
            for doc_id in sorted(set(doc_ids)):
                stories = [
                    r[0]
                    for r in self._db.execute(
                        "SELECT story_id FROM story_docs WHERE doc_id = ?", (doc_id,)
                    )
                ]
                for story_id in stories:
                    self._db.execute(
                        "UPDATE events SET story_id = NULL WHERE story_id = ?", (story_id,)
                    )
                    self._db.execute("DELETE FROM stories WHERE story_id = ?", (story_id,))
                self._db.execute(
                    "UPDATE articles SET duplicate_of = NULL, content_hash = '' "
                    "WHERE duplicate_of = ?",
                    (doc_id,),
                )
                named = self._delete_facts(doc_id)
                self._db.execute("DELETE FROM articles WHERE doc_id = ?", (doc_id,))
                self._prune_actors(named)

    def stale_articles(self, limit: int = 100) -> list[Article]:
        """Articles marked to be analysed again (copies of a retired original), in doc
        id order."""
        found = self._db.execute(
            "SELECT * FROM articles WHERE content_hash = '' ORDER BY doc_id LIMIT ?", (limit,)
        ).fetchall()
        return [rows.to_article(r) for r in found]


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(values), _BATCH):
        yield values[i : i + _BATCH]
