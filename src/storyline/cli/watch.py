"""The watch command: passes over folders and feeds, a progress line, one line per
failure and per pass, and a stop between articles on SIGTERM or Ctrl-C."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import click
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from storyline.cli.render import console
from storyline.config import DEFAULT_MAX_BYTES, Settings
from storyline.ingest.watch import PassSummary, Watcher, WatchOptions
from storyline.pipeline import Resources, load_resources
from storyline.records import Article, IngestStatus
from storyline.store import open_store


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH|URL...")
@click.option(
    "--interval",
    type=click.FloatRange(min=1),
    default=300,
    show_default=True,
    help="Seconds between passes (and the first wait after a failure, doubled per "
    "failure in a row, at most an hour).",
)
@click.option("--once", is_flag=True, help="Do one pass and exit (status 1 if anything failed).")
@click.option(
    "--db",
    "db",
    default=None,
    metavar="PATH|URL",
    help="SQLite database file or PostgreSQL URL (default: $STORYLINE_DB, else ./storyline.db).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse files, feeds and pages larger than this.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=20,
    show_default=True,
    help="Seconds to wait for a feed or page server to answer.",
)
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Actor dictionary to add or override actors (as for ingest); repeatable.",
)
@click.option("--quiet", is_flag=True, help="No progress line.")
def watch(
    sources: tuple[str, ...],
    interval: float,
    once: bool,
    db: str | None,
    max_bytes: int,
    timeout: float,
    actor_files: tuple[Path, ...],
    quiet: bool,
) -> None:
    """Ingest what is new in folders and RSS/Atom feeds, again every --interval seconds.

    Each PATH is a folder (searched recursively, as ingest reads it) or a file; each
    URL (http:// or https://) is an RSS or Atom feed. A pass ingests the files that are
    new or changed since the last pass (a changed file's new version replaces what its
    old one gave) and the feed entries not seen before; an entry with only a teaser is
    read from its linked page (its main text). Feeds are fetched conditionally
    (ETag, Last-Modified): an unchanged feed costs one 304.

    What was ingested is kept in the database, so a restarted watch ingests nothing
    twice. A failure is reported on one line and tried again later, waiting longer
    after each failure in a row. SIGTERM or Ctrl-C stops the watch between articles;
    every article is stored whole or not at all.
    """
    from storyline.cli.main import friendly_errors, settings_for

    @friendly_errors
    def run() -> int:
        settings = settings_for(db, max_bytes=max_bytes, actor_files=actor_files)
        options = WatchOptions(interval=interval, timeout=timeout)
        return run_watch(list(sources), settings, options, once=once, show_progress=not quiet)

    raise SystemExit(run())


def run_watch(
    sources: list[str],
    settings: Settings,
    options: WatchOptions,
    *,
    once: bool,
    show_progress: bool = True,
    load: Callable[[], Resources] | None = None,
) -> int:
    """Watch until stopped (or one pass with `once`); returns the exit status."""
    err = console(stderr=True)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.fields[counts]}"),
        TextColumn("{task.description}", style="dim"),
        TimeElapsedColumn(),
        console=err,
        disable=not show_progress,
        transient=True,
    )
    store = open_store(settings.db)
    stop = threading.Event()
    failures = 0
    with progress, _stop_on_signals(stop, lambda text: progress.console.print(text)):
        task = progress.add_task("starting", counts="pass 1")
        ui = _Progress(progress, task)
        watcher = Watcher(
            sources,
            store,
            load or (lambda: load_resources(settings)),
            settings,
            ui,
            options=options,
            stop=stop,
        )
        number = 0
        while not stop.is_set():
            number += 1
            ui.start(number)
            summary = watcher.run_pass()
            failures += summary.failures
            progress.console.print(_pass_line(number, summary), markup=False, soft_wrap=True)
            if once or stop.is_set():
                break
            ui.waiting(options.interval)
            stop.wait(options.interval)
    store.close()
    return 1 if once and failures else 0


class _Progress:
    """The progress line: what the watch is doing and what this pass stored."""

    def __init__(self, progress: Progress, task: object) -> None:
        self.progress, self.task = progress, task
        self.number, self.stored_count, self.failed_count = 0, 0, 0

    def start(self, number: int) -> None:
        """A pass begins."""
        self.number, self.stored_count, self.failed_count = number, 0, 0
        self._update("looking")

    def waiting(self, seconds: float) -> None:
        """Between passes."""
        at = time.strftime("%H:%M:%S", time.localtime(time.time() + seconds))
        self._update(f"waiting; next pass at {at}")

    def doing(self, what: str) -> None:
        """What the watch is busy with now."""
        self._update(what)

    def stored(self, status: IngestStatus, article: Article) -> None:
        """An article was handled."""
        if status is not IngestStatus.UNCHANGED:
            self.stored_count += 1
        self._update(None)

    def failed(self, label: str, reason: str, retry_in: float) -> None:
        """One line per failure."""
        self.failed_count += 1
        line = f"failed: {label}: {reason} (retry in {_duration(retry_in)})"
        self.progress.console.print(line, markup=False, emoji=False, soft_wrap=True)
        self._update(None)

    def _update(self, what: str | None) -> None:
        counts = f"pass {self.number}: {self.stored_count} stored, {self.failed_count} failed"
        if what is None:
            self.progress.update(self.task, counts=counts)  # type: ignore[arg-type]
        else:
            self.progress.update(self.task, counts=counts, description=what)  # type: ignore[arg-type]


@contextmanager
def _stop_on_signals(stop: threading.Event, say: Callable[[str], None]) -> Iterator[None]:
    """SIGTERM and SIGINT set `stop` (the watch ends between articles); a second one
    acts as it would have (the store's transactions keep every article whole)."""
    signals = (signal.SIGINT, signal.SIGTERM)
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in signals}

    def handle(number: int, frame: FrameType | None) -> None:
        stop.set()
        say("stopping after the current article (again to stop at once)")
        for s in signals:
            signal.signal(s, previous[s])

    for s in signals:
        signal.signal(s, handle)
    try:
        yield
    finally:
        for s in signals:
            signal.signal(s, previous[s])


def _pass_line(number: int, s: PassSummary) -> str:
    c = s.counts
    line = (
        f"pass {number}: {c[IngestStatus.INGESTED]} ingested, {c[IngestStatus.UPDATED]} "
        f"updated, {c[IngestStatus.UNCHANGED]} unchanged, {c[IngestStatus.DUPLICATE]} "
        f"near-duplicates, {s.failures} failed; {s.seen} seen before, "
        f"{s.not_modified} feeds not modified"
    )
    if s.retired:
        line += f", {s.retired} replaced articles retired"
    return line + (" (stopped)" if s.stopped else "")


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f}s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
