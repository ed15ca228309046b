"""The ingest command's run: progress bar, one-line failures, closing summary."""

from __future__ import annotations

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
from storyline.ingest import read_articles
from storyline.ingest.metadata import ArticleMeta
from storyline.pipeline import IngestSummary, ingest, load_resources
from storyline.records import Article, IngestFailure, IngestStatus
from storyline.store import open_store


def run_ingest(
    paths: list[Path], settings: Settings, flags: ArticleMeta, *, show_progress: bool
) -> int:
    """Ingest the paths; print failures as they come and a summary. Returns failures."""
    store = open_store(settings.db)
    resources = load_resources(settings)
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
                progress.console.print(f"failed: {item.message()}", markup=False, soft_wrap=True)
            done = progress.tasks[task].completed + 1
            elapsed = progress.tasks[task].elapsed or 1e-9
            progress.update(task, completed=done, rate=done / elapsed)

        summary = ingest(read_articles(paths, settings, flags), store, resources, settings, report)
    err.print(_summary_line(summary, settings.db), markup=False, soft_wrap=True)
    store.close()
    return summary.failed


def _summary_line(summary: IngestSummary, db: str) -> str:
    c = summary.counts
    rate = summary.words / summary.seconds if summary.seconds else 0.0
    return (
        f"{c[IngestStatus.INGESTED]} ingested, {c[IngestStatus.UPDATED]} updated, "
        f"{c[IngestStatus.UNCHANGED]} unchanged, {c[IngestStatus.DUPLICATE]} near-duplicates, "
        f"{c[IngestStatus.FAILED]} failed ({summary.words:,} words in {summary.seconds:.1f}s, "
        f"{rate:,.0f} words/s) -> {db}"
    )
