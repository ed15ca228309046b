"""The `storyline bench store` command: build or reuse a large store, time it, report."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from storyline.cli.main import friendly_errors, json_option
from storyline.cli.render import console
from storyline.config import Settings


@click.command(name="store")
@click.option(
    "--events",
    type=click.IntRange(min=1),
    default=1_000_000,
    show_default=True,
    help="Events of the synthetic store to build (articles and actors: a tenth as many).",
)
@click.option(
    "--db",
    "db",
    default=None,
    metavar="PATH",
    help="Store to measure: reused when it holds events, else built there and kept "
    "(default: built in a temporary folder and deleted afterwards).",
)
@click.option(
    "--seed",
    "seeds",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Articles the normal pipeline ingests first, whose rows the synthetic store "
    "copies; repeatable (default: examples/ and ../shared/seeds).",
)
@click.option(
    "--repeat",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Timed runs per query after one warm-up (one when the warm-up takes over 10 s).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=120.0,
    show_default=True,
    help="Seconds a request may take before it is reported as a timeout.",
)
@click.option("--no-ingest", is_flag=True, help="Do not time the ingest of a new article.")
@click.option("--quiet", is_flag=True, help="No progress bar or progress lines.")
@json_option
@friendly_errors
def store(
    events: int,
    db: str | None,
    seeds: tuple[Path, ...],
    repeat: int,
    timeout: float,
    no_ingest: bool,
    quiet: bool,
    as_json: bool,
) -> None:
    """Time the API's and the pages' queries on a large store, through the real server.

    Builds a synthetic store of about --events events (the real rows of the --seed
    articles copied with new ids, their dates spread over ten years), or reuses --db.
    Serves it with `storyline serve` on 127.0.0.1 and times (median of --repeat runs)
    the event listing filtered by actor, by country and by a month, one event, a
    timeline page, the stories, one actor's network, the home page and the events
    page; reads the server's peak memory; then times ingesting one new article into
    an empty store and into this one (which adds up to three articles to it). --json gives
    p50_ms (query -> ms), server_peak_mb, ingest_ms_empty, ingest_ms_large,
    ingest_ratio and events.
    """
    from storyline.bench.store import default_seeds, render_store_bench, run_store_bench
    from storyline.cli.render import print_json

    seed_paths = list(seeds) or default_seeds()
    with prepared_store(db, events, seed_paths, quiet=quiet) as (path, built):
        result = run_store_bench(
            path,
            repeat=repeat,
            timeout=timeout,
            build_seconds=built,
            ingest_sample=None if no_ingest else _ingest_sample(seed_paths),
            log=None if quiet else (lambda line: click.echo(line, err=True)),
        )
    if as_json:
        print_json(result.to_dict())
    else:
        click.echo(render_store_bench(result))


@contextmanager
def prepared_store(
    db: str | None, events: int, seeds: list[Path], *, quiet: bool
) -> Iterator[tuple[str, float | None]]:
    """The store to measure and the seconds its build took (None when reused): `db` when
    it holds events, else about `events` events built there (or in a temporary folder,
    deleted afterwards, without `db`) under a progress bar of the events written."""
    from storyline.bench.store import prepare_store

    progress = Progress(
        TextColumn("building the store"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("events"),
        TimeElapsedColumn(),
        console=console(stderr=True),
        disable=quiet,
        transient=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = db or str(Path(tmp) / "store.db")
        with progress:
            task = progress.add_task("build", total=None)

            def report(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            built = prepare_store(path, events, seeds, Settings(), report)
        yield path, built


def _ingest_sample(seeds: list[Path]) -> Path | None:
    """The article whose changed copies are ingested: the first text file of the seeds."""
    for seed in seeds:
        files = [seed] if seed.is_file() else sorted(seed.glob("*.txt"))
        if files:
            return files[0]
    return None
