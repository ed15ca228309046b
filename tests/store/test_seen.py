"""What a watch keeps in the store (migration 10): items seen with the articles they
gave, feed validators, and articles retired when the file that gave them changed.
Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.store import open_store
from storyline.store.schema import LATEST
from storyline.store.seen import SeenItem, Validators
from storyline.stories import relink
from tests.store.conftest import patch_migrations, raw, table_count
from tests.store.test_sqlite import full_result


def file_item(name: str, *docs: str, digest: str = "h1", size: int = 10) -> SeenItem:
    return SeenItem(
        key=f"file:/news/{name}",
        digest=digest,
        size=size,
        mtime_ns=1_700_000_000_123_456_789,
        doc_ids=docs,
    )


# -- items seen ---------------------------------------------------------------------------


def test_an_item_marked_seen_is_read_back_with_its_articles(store) -> None:
    store.mark_seen(file_item("harbour.txt", "d-2", "d-1"))

    found = store.seen_items(["file:/news/harbour.txt", "file:/news/other.txt"])

    assert list(found) == ["file:/news/harbour.txt"]
    item = found["file:/news/harbour.txt"]
    assert (item.digest, item.size, item.mtime_ns) == ("h1", 10, 1_700_000_000_123_456_789)
    assert item.doc_ids == ("d-1", "d-2")


def test_marking_an_item_again_replaces_what_was_kept_of_it(store, settings) -> None:
    store.mark_seen(file_item("ceasefire.md", "d-old", digest="v1", size=100))
    store.mark_seen(file_item("ceasefire.md", "d-new", digest="v2", size=120))

    item = store.seen_items(["file:/news/ceasefire.md"])["file:/news/ceasefire.md"]

    assert (item.digest, item.size, item.doc_ids) == ("v2", 120, ("d-new",))
    assert table_count(settings.db, "watch_seen") == 1
    assert table_count(settings.db, "watch_seen_docs") == 1


def test_a_feed_entry_is_kept_without_size_or_time(store) -> None:
    entry = SeenItem(key="entry:https://news.example/feed.xml#tag:1", digest="e1", doc_ids=())

    store.mark_seen(entry)

    found = store.seen_items([entry.key])[entry.key]
    assert (found.size, found.mtime_ns, found.doc_ids) == (None, None, ())


def test_many_keys_are_looked_up_in_pieces(store) -> None:
    for i in range(0, 1200, 100):
        store.mark_seen(file_item(f"report-{i:04d}.txt", f"d-{i}"))
    keys = [f"file:/news/report-{i:04d}.txt" for i in range(1200)]

    found = store.seen_items(keys)

    assert sorted(found) == [f"file:/news/report-{i:04d}.txt" for i in range(0, 1200, 100)]
    assert found["file:/news/report-1100.txt"].doc_ids == ("d-1100",)


def test_what_was_seen_survives_reopening_the_store(settings) -> None:
    first = open_store(settings.db)
    first.mark_seen(file_item("summit.txt", "d-summit"))
    first.save_validators(Validators(url="https://news.example/rss", etag='"abc"'))
    first.close()

    again = open_store(settings.db)

    assert again.seen_items(["file:/news/summit.txt"])["file:/news/summit.txt"].doc_ids == (
        "d-summit",
    )
    assert again.feed_validators("https://news.example/rss").etag == '"abc"'
    again.close()


def test_an_article_claimed_by_another_item_is_told_apart(store) -> None:
    store.mark_seen(file_item("a.txt", "d-shared", "d-only-a"))
    store.mark_seen(file_item("b.txt", "d-shared"))

    assert store.claimed(["d-shared", "d-only-a", "d-nowhere"], besides="file:/news/a.txt") == {
        "d-shared"
    }
    assert store.claimed(["d-shared"], besides="file:/news/b.txt") == {"d-shared"}
    assert store.claimed([], besides="file:/news/b.txt") == set()


# -- feed validators ------------------------------------------------------------------------


def test_a_feed_without_validators_has_none(store) -> None:
    assert store.feed_validators("https://nowhere.example/atom") is None


@pytest.mark.parametrize(
    ("etag", "modified"),
    [
        ('W/"5e1-17"', None),
        (None, "Wed, 02 Dec 2026 08:15:00 GMT"),
        ('"v9"', "Tue, 01 Dec 2026 23:59:59 GMT"),
    ],
)
def test_validators_are_kept_and_replaced(store, etag, modified) -> None:
    url = "https://wire.example/world.rss"
    store.save_validators(Validators(url=url, etag='"first"', last_modified="Mon, 30 Nov 2026"))

    store.save_validators(Validators(url=url, etag=etag, last_modified=modified))

    assert store.feed_validators(url) == Validators(url=url, etag=etag, last_modified=modified)


# -- retiring the articles a changed file replaced -----------------------------------------


def test_a_retired_article_leaves_nothing_behind(store) -> None:
    store.save_result(full_result("d-old"))
    store.save_result(full_result("d-kept"))

    store.retire_articles(["d-old"])

    assert store.article("d-old") is None
    assert store.events(doc_id="d-old") == []
    assert store.quotes(doc_id="d-old") == []
    assert store.entity_mentions("d-old") == []
    assert store.article("d-kept") is not None
    assert len(store.events(doc_id="d-kept")) == 2
    # The actors the kept article names stay.
    assert {a.actor_id for a in store.actors()} == {"a-kurti", "a-vucic", "a-eu"}


def test_retiring_the_only_article_prunes_its_actors(store) -> None:
    store.save_result(full_result("d-alone"))

    store.retire_articles(["d-alone"])

    assert store.actors() == []


def test_stories_citing_a_retired_article_are_linked_again_without_it(store) -> None:
    store.save_result(full_result("d-first"))
    store.save_result(full_result("d-second"))
    relink(store)
    before = {s.story_id for s in store.stories() if "d-first" in s.doc_ids}
    assert before and all("d-second" in s.doc_ids for s in store.stories() if s.story_id in before)

    store.retire_articles(["d-first"])
    assert all("d-first" not in s.doc_ids for s in store.stories())
    assert store.unlinked_events()  # the second article's events wait for the next relink
    relink(store, set())

    assert store.unlinked_events() == []
    assert {d for s in store.stories() for d in s.doc_ids} == {"d-second"}


def test_copies_of_a_retired_original_are_marked_to_be_analysed_again(store) -> None:
    store.save_result(full_result("d-original"))
    copy = full_result("d-copy")
    store.save_result(
        replace(
            copy,
            parsed=replace(copy.parsed, article=replace(copy.article, duplicate_of="d-original")),
        )
    )
    store.save_result(full_result("d-other"))
    assert store.stale_articles() == []

    store.retire_articles(["d-original"])

    stale = store.stale_articles()
    assert [a.doc_id for a in stale] == ["d-copy"]
    assert stale[0].duplicate_of is None
    assert store.content_hash("d-copy") == ""
    assert store.content_hash("d-other") == full_result("d-other").article.content_hash
    store.save_result(full_result("d-copy"))  # analysed again: no longer stale
    assert store.stale_articles() == []


def test_retiring_nothing_changes_nothing(store) -> None:
    store.save_result(full_result("d-here"))

    store.retire_articles([])
    store.retire_articles(["d-never-stored"])

    assert store.article("d-here") is not None


# -- the migration ---------------------------------------------------------------------------


def test_migration_10_adds_the_tables_to_a_store_holding_articles(settings, monkeypatch) -> None:
    with monkeypatch.context() as m:
        patch_migrations(m, upto=9)
        old = open_store(settings.db)
        assert old.schema_version() == 9
        old.close()
    with raw(settings.db) as db:  # an article stored before (as a store of v9 holds it)
        db.execute(
            "INSERT INTO articles (doc_id, file, text, content_hash) VALUES (?, ?, ?, ?)",
            ("d-before", "before.txt", "Talks resumed in Geneva.", "h-before"),
        )

    store = open_store(settings.db)

    assert store.schema_version() == LATEST >= 10
    assert store.seen_items(["file:/x"]) == {}
    assert store.stale_articles() == []  # stored articles are not stale
    assert store.content_hash("d-before") == "h-before"
    store.mark_seen(file_item("after.txt", "d-before"))
    store.close()
    with raw(settings.db) as db:
        versions = [r[0] for r in db.execute("SELECT version FROM schema_migrations")]
    assert sorted(versions) == list(range(1, LATEST + 1))
