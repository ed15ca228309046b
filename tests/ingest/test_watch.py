"""`storyline watch`: folders and feeds ingested once across passes and restarts, a
changed file replacing its old analysis, failures backing off, and a watch stopped or
killed between articles losing and duplicating nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli.main import cli
from storyline.config import Settings
from storyline.ingest.watch import Watcher, WatchOptions
from storyline.records import Article, IngestStatus
from storyline.store import open_store
from tests.conftest import write
from tests.ingest.test_watch_feeds import (
    DELTA,
    HARBOUR,
    LAKE,
    PASS,
    Served,
    atom,
    atom_entry,
    page,
    rss,
    rss_item,
    running_server,
)

pytestmark = pytest.mark.slow

BRIDGE = (
    "Vientiane, 28 November 2026: Laos and Thailand opened a new bridge over the Mekong on "
    "Saturday. The prime minister of Laos thanked Thailand for its loan and said trade "
    "between the two countries would double within five years."
)
CREDIT = " (Reporting by the Mekong Desk; editing by the night editor.)"


class Report:
    """A WatchReport keeping what it was told; `after_stored` runs after each article."""

    def __init__(self) -> None:
        self.doings: list[str] = []
        self.articles: list[tuple[IngestStatus, str]] = []
        self.failures: list[tuple[str, str, float]] = []
        self.after_stored = lambda: None

    def doing(self, what: str) -> None:
        self.doings.append(what)

    def stored(self, status: IngestStatus, article: Article) -> None:
        self.articles.append((status, article.doc_id))
        self.after_stored()

    def failed(self, label: str, reason: str, retry_in: float) -> None:
        self.failures.append((label, reason, retry_in))


def watcher(sources, store, resources, settings: Settings, report=None, **kw) -> Watcher:
    """A watcher over the sources with the session's model, its report kept."""
    return Watcher(
        [str(s) for s in sources],
        store,
        lambda: resources,
        settings,
        report or Report(),
        options=WatchOptions(interval=30, timeout=5),
        **kw,
    )


def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    write(news, "harbour.txt", HARBOUR)
    write(news, "pass.md", PASS)
    write(news, "more/delta.txt", DELTA)
    return news


def doc_ids(store) -> list[str]:
    return sorted(s.article.doc_id for s in store.articles())


# -- folders --------------------------------------------------------------------------------


def test_a_pass_ingests_new_files_and_the_next_pass_nothing(tmp_path, store, resources, settings):
    news = folder(tmp_path)
    watch = watcher([news], store, resources, settings)

    first = watch.run_pass()
    second = watch.run_pass()

    assert first.counts[IngestStatus.INGESTED] == 3 and first.items == 3
    assert len(doc_ids(store)) == 3
    assert second.stored == 0 and second.items == 0 and second.seen == 3
    assert second.counts[IngestStatus.UNCHANGED] == 0  # not even read again


def test_a_restarted_watch_ingests_nothing_it_has_seen(tmp_path, settings, resources) -> None:
    news = folder(tmp_path)
    first = open_store(settings.db)
    watcher([news], first, resources, settings).run_pass()
    first.close()

    again = open_store(settings.db)
    summary = watcher([news], again, resources, settings).run_pass()

    assert summary.stored == 0 and summary.seen == 3
    assert len(doc_ids(again)) == 3
    again.close()


def test_a_touched_file_is_not_ingested_again(tmp_path, store, resources, settings) -> None:
    news = folder(tmp_path)
    watch = watcher([news], store, resources, settings)
    watch.run_pass()
    path = (news / "pass.md").resolve()
    os.utime(path, ns=(1_800_000_000_000_000_000, 1_800_000_000_000_000_000))

    summary = watch.run_pass()

    assert summary.stored == 0 and summary.items == 0
    kept = store.seen_items([f"file:{path}"])[f"file:{path}"]
    assert kept.mtime_ns == 1_800_000_000_000_000_000  # next time not even hashed


def test_a_file_added_later_is_ingested_alone(tmp_path, store, resources, settings) -> None:
    news = folder(tmp_path)
    watch = watcher([news], store, resources, settings)
    watch.run_pass()
    write(news, "lake.txt", LAKE)

    summary = watch.run_pass()

    assert summary.counts[IngestStatus.INGESTED] == 1 and summary.seen == 3
    assert len(doc_ids(store)) == 4


def test_a_changed_file_replaces_its_old_analysis(tmp_path, store, resources, settings) -> None:
    news = folder(tmp_path)
    watch = watcher([news], store, resources, settings)
    watch.run_pass()
    before = set(doc_ids(store))
    (news / "harbour.txt").write_text(HARBOUR.replace("two days", "three days"), "utf-8")

    summary = watch.run_pass()

    after = set(doc_ids(store))
    assert len(after) == 3 and summary.retired == 1
    (old,) = before - after
    (new,) = after - before
    assert store.article(new).duplicate_of is None  # not a near-duplicate of its old self
    assert "three days" in store.article(new).text
    assert store.events(doc_id=old) == [] and store.events(doc_id=new)
    assert all(old not in s.doc_ids for s in store.stories())
    assert store.unlinked_events() == []


def test_a_text_shared_by_two_files_stays_when_one_changes(tmp_path, store, resources, settings):
    news = tmp_path / "news"
    write(news, "a.txt", BRIDGE)
    write(news, "b.txt", BRIDGE)
    watch = watcher([news], store, resources, settings)
    watch.run_pass()
    (shared,) = doc_ids(store)

    (news / "a.txt").write_text(LAKE, "utf-8")
    watch.run_pass()

    assert shared in doc_ids(store) and len(doc_ids(store)) == 2


def test_the_copy_of_a_changed_original_is_analysed_as_an_original(
    tmp_path, store, resources, settings
) -> None:
    news = tmp_path / "news"
    write(news, "bridge.txt", BRIDGE)
    write(news, "wire/bridge-copy.txt", BRIDGE + CREDIT)  # published later: the copy
    write(news, "wire/metadata.jsonl", '{"file": "bridge-copy.txt", "published": "2026-11-30"}')
    watch = watcher([news], store, resources, settings)
    watch.run_pass()
    (copy,) = [s.article for s in store.articles() if s.article.duplicate_of]
    assert copy.file == "bridge-copy.txt" and store.events(doc_id=copy.doc_id) == []

    (news / "bridge.txt").write_text(DELTA, "utf-8")
    summary = watch.run_pass()

    again = store.article(copy.doc_id)
    assert again is not None and again.duplicate_of is None
    assert store.events(doc_id=copy.doc_id)  # its own events, no longer left to the original
    assert summary.counts[IngestStatus.INGESTED] == 2  # the new text, and the copy again
    assert store.stale_articles() == []


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "   \n", "file is empty"),
        (
            "french.txt",
            "Le gouvernement a annoncé hier une nouvelle loi sur la pêche. " * 4,
            "English",
        ),
        ("broken.json", '{"text": "unfinished', "malformed JSON"),
    ],
)
def test_a_file_that_fails_is_reported_once_and_backs_off(
    tmp_path, store, resources, settings, name, content, reason
) -> None:
    news = folder(tmp_path)
    write(news, name, content)
    report = Report()
    watch = watcher([news], store, resources, settings, report)
    now = [0.0]
    watch.backoff.clock = lambda: now[0]

    first = watch.run_pass()
    second = watch.run_pass()  # backing off: not tried
    now[0] += 30
    third = watch.run_pass()  # tried again, fails again, waits twice as long

    assert first.counts[IngestStatus.INGESTED] == 3 and first.failures == 1
    (label, said, retry_in), *rest = report.failures
    assert name in label and reason in said and retry_in == 30
    assert second.failures == 0
    assert third.failures == 1 and [r for _, _, r in rest] == [60]
    assert store.seen_items([f"file:{(news / name).resolve()}"]) == {}


def test_a_missing_folder_is_one_failure_line(tmp_path, store, resources, settings) -> None:
    report = Report()

    summary = watcher([tmp_path / "nowhere"], store, resources, settings, report).run_pass()

    assert summary.failures == 1
    assert report.failures[0][1] == "no such file or directory"


# -- feeds ------------------------------------------------------------------------------------


@pytest.fixture
def server():
    """An HTTP server on 127.0.0.1 for the test."""
    with running_server() as state:
        yield state


def serve_feeds(server) -> tuple[str, str]:
    """An RSS feed (a full entry and a teaser whose page is served) with an ETag, and an
    Atom feed with a Last-Modified date."""
    server.routes["/pass.html"] = Served(page("Khunjerab Pass open again", PASS), "text/html")
    server.routes["/world.rss"] = Served(
        rss(
            rss_item("w-1", "Patrols agreed", server.url("/harbour"), full=HARBOUR),
            rss_item("w-2", "Pass reopens", server.url("/pass.html"), teaser="Trucks cross."),
        ),
        etag='"world-1"',
    )
    server.routes["/lake.atom"] = Served(
        atom(atom_entry("urn:lake:1", "Lake talks", server.url("/lake"), full=LAKE)),
        "application/atom+xml",
        last_modified="Thu, 03 Dec 2026 09:30:00 GMT",
    )
    return server.url("/world.rss"), server.url("/lake.atom")


@pytest.mark.enable_socket
def test_feeds_are_ingested_once_then_answered_304(server, store, resources, settings) -> None:
    feeds = serve_feeds(server)
    watch = watcher(feeds, store, resources, settings)

    first = watch.run_pass()
    second = watch.run_pass()

    assert first.counts[IngestStatus.INGESTED] == 3 and first.failures == 0
    assert server.hits("/pass.html") == [200]  # the teaser's page, once
    assert second.not_modified == 2 and second.stored == 0
    assert server.hits("/world.rss") == [200, 304] and server.hits("/lake.atom") == [200, 304]
    texts = [store.article(d).text for d in doc_ids(store)]
    assert any("two hundred trucks" in t for t in texts)
    assert store.feed_validators(feeds[0]).etag == '"world-1"'


@pytest.mark.enable_socket
def test_a_restarted_watch_asks_with_the_stored_validators(server, settings, resources) -> None:
    feeds = serve_feeds(server)
    first = open_store(settings.db)
    watcher(feeds, first, resources, settings).run_pass()
    first.close()

    again = open_store(settings.db)
    summary = watcher(feeds, again, resources, settings).run_pass()

    assert summary.not_modified == 2 and summary.stored == 0
    last = {path: headers for path, headers in server.requests}
    assert last["/world.rss"]["If-None-Match"] == '"world-1"'
    assert last["/lake.atom"]["If-Modified-Since"] == "Thu, 03 Dec 2026 09:30:00 GMT"
    again.close()


@pytest.mark.enable_socket
def test_a_feed_without_validators_skips_the_entries_it_has_seen(
    server, store, resources, settings
) -> None:
    server.routes["/plain.rss"] = Served(
        rss(rss_item("p-1", "Bridge", "http://x.test/b", full=BRIDGE))
    )
    watch = watcher([server.url("/plain.rss")], store, resources, settings)
    watch.run_pass()
    server.routes["/plain.rss"] = Served(
        rss(
            rss_item("p-2", "Delta", "http://x.test/d", full=DELTA),
            rss_item("p-1", "Bridge", "http://x.test/b", full=BRIDGE),
        )
    )

    summary = watch.run_pass()

    assert server.hits("/plain.rss") == [200, 200]
    assert summary.counts[IngestStatus.INGESTED] == 1 and summary.seen == 1
    assert len(doc_ids(store)) == 2


@pytest.mark.enable_socket
def test_an_entry_whose_page_fails_is_tried_again_and_the_feed_refetched(
    server, store, resources, settings
) -> None:
    feeds = serve_feeds(server)
    del server.routes["/pass.html"]
    report = Report()
    watch = watcher(feeds, store, resources, settings, report)
    now = [0.0]
    watch.backoff.clock = lambda: now[0]

    first = watch.run_pass()
    assert first.counts[IngestStatus.INGESTED] == 2 and first.failures == 1
    assert report.failures == [(server.url("/pass.html"), "HTTP 404 Not Found", 30)]
    assert store.feed_validators(feeds[0]) is None  # so the next fetch is whole
    assert store.feed_validators(feeds[1]) is not None

    server.routes["/pass.html"] = Served(page("Pass open", PASS), "text/html")
    held = watch.run_pass()  # the entry is backing off: its page is not asked for
    assert held.stored == 0 and server.hits("/pass.html") == [404]
    assert store.feed_validators(feeds[0]) is None
    now[0] += 30
    second = watch.run_pass()
    third = watch.run_pass()

    assert second.counts[IngestStatus.INGESTED] == 1 and second.seen == 1
    assert server.hits("/pass.html") == [404, 200]
    assert server.hits("/world.rss") == [200, 200, 200, 304]
    assert third.stored == 0 and len(doc_ids(store)) == 3


@pytest.mark.enable_socket
def test_a_feed_that_does_not_answer_backs_off(server, store, resources, settings) -> None:
    report = Report()
    watch = watcher([server.url("/gone.rss")], store, resources, settings, report)
    now = [0.0]
    watch.backoff.clock = lambda: now[0]

    watch.run_pass()
    watch.run_pass()
    now[0] += 30
    watch.run_pass()

    assert [(label, reason) for label, reason, _ in report.failures] == [
        (server.url("/gone.rss"), "HTTP 404 Not Found")
    ] * 2
    assert server.hits("/gone.rss") == [404, 404]


# -- stopped or killed between articles ----------------------------------------------------------


def reference_facts(tmp_path: Path, news: Path, resources) -> tuple[list[str], set[str]]:
    """What an uninterrupted watch stores: doc ids and event ids."""
    settings = Settings(db=str(tmp_path / "reference.db"))
    store = open_store(settings.db)
    watcher([news], store, resources, settings).run_pass()
    facts = doc_ids(store), {e.event_id for e in store.events()}
    store.close()
    return facts


def test_a_stop_comes_between_articles_and_the_next_pass_finishes(
    tmp_path, store, resources, settings
) -> None:
    news = folder(tmp_path)
    report = Report()
    watch = watcher([news], store, resources, settings, report)
    report.after_stored = watch.stop.set

    stopped = watch.run_pass()

    assert stopped.stopped and stopped.items == 1 and len(doc_ids(store)) == 1
    finished = watcher([news], store, resources, settings).run_pass()
    assert finished.counts[IngestStatus.INGESTED] == 2 and finished.seen == 1
    assert (doc_ids(store), {e.event_id for e in store.events()}) == reference_facts(
        tmp_path, news, resources
    )


def test_a_kill_between_storing_and_marking_seen_duplicates_nothing(
    tmp_path, settings, resources, monkeypatch
) -> None:
    news = folder(tmp_path)
    store = open_store(settings.db)
    marked = []
    real = store.mark_seen

    def mark_then_die(item):
        if len(marked) == 1:
            raise KeyboardInterrupt  # the process dies after the 2nd article is stored
        marked.append(item)
        real(item)

    monkeypatch.setattr(store, "mark_seen", mark_then_die)
    with pytest.raises(KeyboardInterrupt):
        watcher([news], store, resources, settings).run_pass()
    store.close()
    assert len(marked) == 1

    again = open_store(settings.db)
    summary = watcher([news], again, resources, settings).run_pass()

    assert summary.counts[IngestStatus.UNCHANGED] == 1  # stored, not yet marked: read again
    assert summary.counts[IngestStatus.INGESTED] == 1 and summary.seen == 1
    assert (doc_ids(again), {e.event_id for e in again.events()}) == reference_facts(
        tmp_path, news, resources
    )
    assert again.unlinked_events() == []
    again.close()


def _stored_count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT count(*) FROM watch_seen").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_sigterm_stops_a_running_watch_between_articles(tmp_path, resources) -> None:
    news = tmp_path / "news"
    texts = [HARBOUR, PASS, DELTA, LAKE, BRIDGE]
    for i in range(10):
        write(news, f"{i:02d}.txt", texts[i % 5].replace("2026", str(2000 + i)))
    db = tmp_path / "watch.db"
    command = [sys.executable, "-c", "from storyline.cli.main import cli; cli()"]
    process = subprocess.Popen(
        [*command, "watch", str(news), "--db", str(db), "--interval", "600", "--quiet"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 300
        while _stored_count(db) < 1 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "stopping after the current article" in err
    assert "Traceback" not in err

    settings = Settings(db=str(db))
    store = open_store(settings.db)
    done = len(store.seen_items([f"file:{p.resolve()}" for p in news.iterdir()]))
    assert 1 <= done <= 10
    summary = watcher([news], store, resources, settings).run_pass()
    assert summary.seen == done and summary.items == 10 - done
    assert (doc_ids(store), {e.event_id for e in store.events()}) == reference_facts(
        tmp_path, news, resources
    )
    store.close()


# -- the command ----------------------------------------------------------------------------------


def test_watch_once_twice_ingests_then_nothing(tmp_path, resources, monkeypatch) -> None:
    monkeypatch.setattr("storyline.cli.watch.load_resources", lambda settings: resources)
    news = folder(tmp_path)
    db = str(tmp_path / "cli.db")

    first = CliRunner().invoke(cli, ["watch", str(news), "--once", "--db", db, "--quiet"])
    second = CliRunner().invoke(cli, ["watch", str(news), "--once", "--db", db, "--quiet"])

    assert first.exit_code == 0, first.stderr
    assert "pass 1: 3 ingested, 0 updated, 0 unchanged" in first.stderr
    assert second.exit_code == 0, second.stderr
    assert "pass 1: 0 ingested" in second.stderr and "3 seen before" in second.stderr


def test_watch_once_exits_1_after_a_failure(tmp_path, resources, monkeypatch) -> None:
    monkeypatch.setattr("storyline.cli.watch.load_resources", lambda settings: resources)
    news = folder(tmp_path)
    write(news, "empty.txt", "")
    db = str(tmp_path / "cli.db")

    result = CliRunner().invoke(cli, ["watch", str(news), "--once", "--db", db, "--quiet"])

    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 1 and "empty.txt: file is empty (retry in" in failed[0]
