"""Reads use read-only connections and go on while a write transaction is open."""

from __future__ import annotations

import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.errors import StoreError
from storyline.service import read_store
from storyline.store import open_store
from tests.api.conftest import fresh_app, ok
from tests.conftest import make_article, make_result


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database holding one article, stored without the NLP pipeline."""
    path = str(tmp_path / "one.db")
    store = open_store(path)
    store.save_result(make_result(make_article("Talks resumed in Geneva.", doc_id="doc-1")))
    store.close()
    return path


def test_reads_succeed_while_a_write_transaction_is_open(db: str) -> None:
    client = TestClient(fresh_app(Path(db)))
    writer = open_store(db)
    try:
        with writer.transaction():  # holds SQLite's write lock until the block ends
            started = time.monotonic()
            page = ok(client.get("/api/articles"))
            view = ok(client.get("/api/articles/doc-1"))
            ok(client.get("/api/events"))
            ok(client.get("/api/timeline"))
            # A reader blocked by the writer would wait for the 10 s busy timeout.
            assert time.monotonic() - started < 5
    finally:
        writer.close()

    assert page["total"] == 1
    assert view["text"] == "Talks resumed in Geneva."


def test_readers_see_the_last_commit_not_a_write_in_progress(db: str) -> None:
    client = TestClient(fresh_app(Path(db)))
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE articles SET title = 'half-written'")
        other.execute(
            "INSERT INTO articles (doc_id, file, text, content_hash, n_tokens, n_sentences) "
            "VALUES ('doc-2', 'doc-2.txt', 'Not yet committed.', 'x', 3, 1)"
        )

        page = ok(client.get("/api/articles"))

        assert [a["doc_id"] for a in page["items"]] == ["doc-1"]
        assert page["items"][0]["title"] is None
        assert client.get("/api/articles/doc-2").status_code == 404
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_the_request_connection_cannot_write(db: str) -> None:
    app = fresh_app(Path(db))
    connection = read_store(app.state.storyline)
    store = next(connection)
    try:
        with pytest.raises(StoreError, match="readonly"):
            store.save_result(make_result(make_article("Another text.", doc_id="doc-2")))
    finally:
        connection.close()

    check = open_store(db, read_only=True)
    assert [s.article.doc_id for s in check.articles()] == ["doc-1"]
    check.close()


def test_a_read_only_store_cannot_write(db: str) -> None:
    store = open_store(db, read_only=True)
    try:
        with pytest.raises(StoreError, match="readonly"):
            store.save_result(make_result(make_article("Changed text.", doc_id="doc-1")))
        assert store.article("doc-1").text == "Talks resumed in Geneva."
    finally:
        store.close()


def test_a_request_connection_may_be_used_from_another_worker_thread(db: str) -> None:
    connection = read_store(fresh_app(Path(db)).state.storyline)
    store = next(connection)
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            stats = pool.submit(store.articles).result()
    finally:
        connection.close()

    assert [s.article.doc_id for s in stats] == ["doc-1"]
