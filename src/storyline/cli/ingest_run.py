"""The ingest command's run: progress bar, one-line failures, closing summary."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from storyline.cli.render import console
from storyline.config import Settings
from storyline.engines import ProcessPool, default_workers
from storyline.ingest import read_articles
from storyline.ingest.metadata import ArticleMeta
from storyline.pipeline import IngestSummary, Mapper, Resources, ingest
from storyline.records import Article, IngestFailure, IngestStatus
from storyline.store import SQLiteStore, open_store


@dataclass(frozen=True, slots=True, kw_only=True)
class RunOptions:
    """How an ingest run goes: where the analysis runs, with how many workers, and
    whether a progress bar shows."""

    engine: str = "local"
    workers: int | None = None
    show_progress: bool = True


def mapper_for(
    settings: Settings, run: RunOptions, local: Callable[[], Resources] | None = None
) -> Mapper:
    """The engine that runs the analysis: worker processes here, or Ray; a run that
    stays in this process gets its resources from `local` (default: loads them)."""
    if run.engine == "ray":
        from storyline.engines.ray import RayData

        return RayData(settings, run.workers)
    return ProcessPool(settings, run.workers or default_workers(), local)


def run_ingest(paths: list[Path], settings: Settings, flags: ArticleMeta, run: RunOptions) -> int:
    """Ingest the paths; print failures as they come and a summary. Returns failures."""
    store = open_store(settings.db)
    mapper = mapper_for(settings, run)
    summary = ingest_reported(
        read_articles(paths, settings, flags), store, settings, mapper, run.show_progress
    )
    store.close()
    return summary.failed


def ingest_reported(
    items: Iterable[Article | IngestFailure],
    store: SQLiteStore,
    settings: Settings,
    mapper: Mapper,
    show_progress: bool = True,
) -> IngestSummary:
    """Ingest the items with a progress bar (unless not shown), each failure on one line
    of stderr as it comes and the summary line at the end (the CLI's and the Python
    API's ingest alike)."""
    err = console(stderr=True)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
        console=err,
        disable=not show_progress,
        transient=True,
    )
    with progress:
        task = progress.add_task("ingest", total=None, rate=0.0)

        def report(status: IngestStatus, item: Article | IngestFailure) -> None:
            if isinstance(item, IngestFailure):
                progress.console.print(
                    f"failed: {item.message()}", markup=False, emoji=False, soft_wrap=True
                )
            done = progress.tasks[task].completed + 1
            elapsed = progress.tasks[task].elapsed or 1e-9
            progress.update(task, completed=done, rate=done / elapsed)

        summary = ingest(items, store, None, settings, report, mapper=mapper)
    err.print(summary_line(summary, settings.db), markup=False, soft_wrap=True)
    return summary


def summary_line(summary: IngestSummary, db: str) -> str:
    """What a run did, in one line: counts by outcome, words, time and speed, where to."""
    c = summary.counts
    rate = summary.words / summary.seconds if summary.seconds else 0.0
    return (
        f"{c[IngestStatus.INGESTED]} ingested, {c[IngestStatus.UPDATED]} updated, "
        f"{c[IngestStatus.UNCHANGED]} unchanged, {c[IngestStatus.DUPLICATE]} near-duplicates, "
        f"{c[IngestStatus.FAILED]} failed ({summary.words:,} words in {summary.seconds:.1f}s, "
        f"{rate:,.0f} words/s) -> {db}"
    )
