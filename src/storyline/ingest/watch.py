"""Watching folders and feeds: each pass ingests what is new or changed, once.

A pass looks at every source: in a folder, the files whose size or modification time
differ from what the store remembers and whose content hash does too; from a feed
(fetched conditionally with the validators it last answered), the entries not seen
before. Then the pipeline ingests their articles one at a time, and each item is
marked seen in the store right after its articles were stored: a watch stopped or
killed in between finds the item again and ingests it again, which changes nothing
(an article's id is its content's, and a stored article with the same content is
skipped). A changed file replaces the articles it gave before: those the new version
no longer holds are retired (with their stories, which are linked again) before the
new version is ingested. A feed's validators are saved only once every entry of its
answer is stored, so a failed entry is fetched again.

Failures (a feed that does not answer, a page that cannot be had, a file that cannot
be read) are reported one line each and back off exponentially, per item.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from storyline.config import Settings
from storyline.errors import IngestError
from storyline.ingest import discover_files, read_articles
from storyline.ingest.feeds import FeedEntry, entry_article, parse_feed
from storyline.ingest.fetch import fetch, is_url
from storyline.pipeline import Resources, ingest
from storyline.records import Article, IngestFailure, IngestStatus
from storyline.store import Store
from storyline.store.seen import SeenItem, Validators
from storyline.stories import relink

FEED_TYPES = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
PAGE_TYPES = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


class WatchReport(Protocol):
    """What a watch tells whoever runs it (the CLI's progress line)."""

    def doing(self, what: str) -> None:
        """What the watch is busy with now."""

    def stored(self, status: IngestStatus, article: Article) -> None:
        """An article was ingested, updated, found unchanged or a near-duplicate."""

    def failed(self, label: str, reason: str, retry_in: float) -> None:
        """An item or source failed; it is tried again in `retry_in` seconds."""


@dataclass(slots=True)
class Backoff:
    """Per item, how long to wait after failures: `base` seconds doubled per failure
    in a row, at most `cap`; one success forgets them."""

    base: float
    cap: float
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, int] = field(default_factory=dict)
    _until: dict[str, float] = field(default_factory=dict)

    def ready(self, key: str) -> bool:
        """Whether the item may be tried now."""
        return self.clock() >= self._until.get(key, 0.0)

    def failed(self, key: str) -> float:
        """Note a failure; returns the seconds until the item is tried again."""
        n = self._failures.get(key, 0) + 1
        self._failures[key] = n
        delay = min(self.base * 2 ** (n - 1), self.cap)
        self._until[key] = self.clock() + delay
        return delay

    def succeeded(self, key: str) -> None:
        """Forget the item's failures."""
        self._failures.pop(key, None)
        self._until.pop(key, None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """Something to ingest: a file (new or changed) or a feed entry not seen before."""

    key: str
    label: str
    digest: str
    read: Callable[[], list[Article | IngestFailure]]
    size: int | None = None
    mtime_ns: int | None = None
    previous: SeenItem | None = None
    feed: str | None = None

    def seen(self, doc_ids: list[str]) -> SeenItem:
        """What the store keeps of the item once its articles are stored."""
        return SeenItem(
            key=self.key,
            digest=self.digest,
            size=self.size,
            mtime_ns=self.mtime_ns,
            doc_ids=tuple(doc_ids),
        )


@dataclass(slots=True)
class PassSummary:
    """What one pass did."""

    counts: dict[IngestStatus, int] = field(default_factory=lambda: dict.fromkeys(IngestStatus, 0))
    items: int = 0  # new or changed items handled
    seen: int = 0  # items skipped as seen before
    not_modified: int = 0  # feeds answering 304
    retired: int = 0  # articles a changed file no longer holds
    failures: int = 0  # items or sources that failed
    stopped: bool = False

    @property
    def stored(self) -> int:
        """Articles ingested, updated or stored as near-duplicates."""
        c = self.counts
        return c[IngestStatus.INGESTED] + c[IngestStatus.UPDATED] + c[IngestStatus.DUPLICATE]


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchOptions:
    """How a watch runs: seconds between passes, backoff limits, HTTP timeout."""

    interval: float = 300.0
    backoff_cap: float = 3600.0
    timeout: float = 20.0


class Watcher:
    """Passes over the sources (folders, files, feed URLs) into one store."""

    def __init__(
        self,
        sources: list[str],
        store: Store,
        resources: Callable[[], Resources],
        settings: Settings,
        report: WatchReport,
        *,
        options: WatchOptions | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.sources, self.store = sources, store
        self._load, self._resources = resources, None
        # One article at a time: the pipeline asks for the next article only once the
        # one before is stored, so a stop comes between articles, and an item is marked
        # seen as soon as its last article is stored.
        self.settings = replace(settings, batch_size=1)
        self.report = report
        self.options = options or WatchOptions()
        self.stop = stop or threading.Event()
        self.backoff = Backoff(base=max(self.options.interval, 1.0), cap=self.options.backoff_cap)
        if store.unlinked_events():  # a watch killed before it linked what it stored
            relink(store, set())

    # -- one pass --------------------------------------------------------------------------

    def run_pass(self) -> PassSummary:
        """Look at every source once and ingest what is new or changed."""
        summary = PassSummary()
        items: list[Item] = []
        feeds: dict[str, Validators] = {}  # saved once their entries are stored
        for source in self.sources:
            if self.stop.is_set():
                summary.stopped = True
                return summary
            if is_url(source):
                items += self._feed_items(source, summary, feeds)
            else:
                items += self._file_items(source, summary)
        stale = self.store.stale_articles()
        failed_feeds: set[str] = set()
        if items or stale:
            run = _Run(self, summary, failed_feeds)
            articles = run.articles(items, stale)
            ingest(articles, self.store, self.resources(), self.settings, run.note)
            if summary.retired and self.store.unlinked_events():
                relink(self.store, set())
        summary.stopped = self.stop.is_set()
        for url, validators in feeds.items():
            if url not in failed_feeds and not summary.stopped:
                self.store.save_validators(validators)
        return summary

    def resources(self) -> Resources:
        """The model and knowledge, loaded the first time a pass has something to ingest."""
        if self._resources is None:
            self.report.doing("loading the model")
            self._resources = self._load()
        return self._resources

    def fail(self, key: str, lines: list[tuple[str, str]], summary: PassSummary) -> None:
        """Back a failed item or source off and report it, one line per (label, reason)."""
        summary.failures += 1
        retry_in = self.backoff.failed(key)
        for label, reason in lines:
            self.report.failed(label, reason, retry_in)

    # -- folders and files -----------------------------------------------------------------

    def _file_items(self, source: str, summary: PassSummary) -> list[Item]:
        found = list(discover_files([Path(source)]))
        missing = [(f.path, f.reason) for f in found if isinstance(f, IngestFailure)]
        if missing and self.backoff.ready(source):
            self.fail(source, missing, summary)
        files = [f.resolve() for f in found if isinstance(f, Path)]
        self.report.doing(f"looking at {source} ({len(files)} files)")
        seen = self.store.seen_items([f"file:{f}" for f in files])
        items = []
        for path in files:
            item = self._file_item(path, seen.get(f"file:{path}"))
            if item is None:
                summary.seen += 1
            elif self.backoff.ready(item.key):
                items.append(item)
        return items

    def _file_item(self, path: Path, before: SeenItem | None) -> Item | None:
        """The file as an item to ingest, or None when it is as it was when seen."""
        try:
            stat = path.stat()
        except OSError:
            return None  # gone since it was listed: the next pass will know
        if before and (before.size, before.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            return None
        try:
            digest = _file_digest(path)
        except OSError:
            digest = ""  # unreadable: reading it fails, on one line, and backs off
        item = Item(
            key=f"file:{path}",
            label=str(path),
            digest=digest,
            size=stat.st_size,
            mtime_ns=stat.st_mtime_ns,
            previous=before,
            read=lambda: list(read_articles([path], self.settings)),
        )
        if before and before.digest == digest:  # touched, not changed
            self.store.mark_seen(item.seen(list(before.doc_ids)))
            return None
        return item

    # -- feeds -----------------------------------------------------------------------------

    def _feed_items(
        self, url: str, summary: PassSummary, feeds: dict[str, Validators]
    ) -> list[Item]:
        if not self.backoff.ready(url):
            return []
        self.report.doing(f"fetching {url}")
        try:
            answer = fetch(
                url,
                validators=self.store.feed_validators(url),
                max_bytes=self.settings.max_bytes,
                timeout=self.options.timeout,
                accept=FEED_TYPES,
            )
            if answer.not_modified:
                summary.not_modified += 1
                self.backoff.succeeded(url)
                return []
            entries = parse_feed(url, answer.body)
        except IngestError as exc:
            self.fail(url, [(url, exc.reason)], summary)
            return []
        self.backoff.succeeded(url)
        keys = {e.key: f"entry:{url}#{e.key}" for e in entries}
        seen = self.store.seen_items(keys.values())
        summary.seen += sum(1 for k in keys.values() if k in seen)
        unseen = [self._entry_item(e, keys[e.key]) for e in entries if keys[e.key] not in seen]
        ready = [item for item in unseen if self.backoff.ready(item.key)]
        if len(ready) == len(unseen):  # else the next answer must hold those held back
            feeds[url] = answer.validators(url)
        return ready

    def _entry_item(self, entry: FeedEntry, key: str) -> Item:
        def read() -> list[Article | IngestFailure]:
            return [entry_article(entry, self.settings, self._fetch_page)]

        digest = hashlib.sha256(f"{entry.key}\x1f{entry.link}".encode()).hexdigest()
        return Item(key=key, label=entry.label, digest=digest, read=read, feed=entry.feed)

    def _fetch_page(self, url: str) -> bytes:
        self.report.doing(f"fetching {url}")
        page = fetch(
            url, max_bytes=self.settings.max_bytes, timeout=self.options.timeout, accept=PAGE_TYPES
        )
        return page.body


class _Run:
    """One pass's ingest: hands the pipeline one article at a time, retires what a
    changed file no longer holds, and marks each item seen once its articles are stored."""

    def __init__(self, watcher: Watcher, summary: PassSummary, failed_feeds: set[str]) -> None:
        self.watcher, self.summary, self.failed_feeds = watcher, summary, failed_feeds
        self.failures: list[IngestFailure] = []  # the current item's

    def note(self, status: IngestStatus, item: Article | IngestFailure) -> None:
        """The pipeline's report of one article."""
        self.summary.counts[status] += 1
        if isinstance(item, IngestFailure):
            self.failures.append(item)
        else:
            self.watcher.report.stored(status, item)

    def articles(self, items: list[Item], stale: list[Article]) -> Iterator[Article]:
        """The articles to ingest, in order; stops between articles when asked."""
        stop = self.watcher.stop
        for item in items:
            if stop.is_set():
                return
            yield from self._item(item)
        if self.summary.retired:  # this pass's changed files had copies: theirs too
            stale = self.watcher.store.stale_articles()
        for article in stale:  # copies whose original was retired: analysed again
            if stop.is_set():
                return
            yield replace(article, duplicate_of=None)

    def _item(self, item: Item) -> Iterator[Article]:
        """An item's articles; once they are stored, the item is marked seen, unless a
        record of it failed (then it backs off and is read again)."""
        watcher, store = self.watcher, self.watcher.store
        watcher.report.doing(f"reading {item.label}")
        try:
            read = item.read()
        except IngestError as exc:
            read = [IngestFailure(path=item.label, reason=exc.reason)]
        self.failures = [r for r in read if isinstance(r, IngestFailure)]
        self.summary.counts[IngestStatus.FAILED] += len(self.failures)
        articles = [r for r in read if isinstance(r, Article)]
        if articles and item.previous and item.previous.doc_ids:
            gone = set(item.previous.doc_ids) - {a.doc_id for a in articles}
            gone -= store.claimed(gone, besides=item.key)
            store.retire_articles(gone)
            self.summary.retired += len(gone)
        for article in articles:
            if watcher.stop.is_set():
                return
            watcher.report.doing(f"analysing {article.title or item.label}")
            yield article
        if self.failures:
            if item.feed:
                self.failed_feeds.add(item.feed)
            lines = [(_where(f), f.reason) for f in self.failures]
            watcher.fail(item.key, lines, self.summary)
            return
        store.mark_seen(item.seen([a.doc_id for a in articles]))
        watcher.backoff.succeeded(item.key)
        self.summary.items += 1


def _where(failure: IngestFailure) -> str:
    return f"{failure.path}:{failure.line}" if failure.line is not None else failure.path


def _file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in pieces."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
