"""The `storyline` command: a thin click layer over the library.

Library errors (StorylineError) become one-line messages and exit status 1.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from storyline.config import DEFAULT_MAX_BYTES, DEFAULT_MAX_REQUEST_BYTES, Settings, db_from_env
from storyline.errors import StorylineError

F = Callable[..., Any]


def db_option(func: F) -> F:
    """The --db option every command shares (STORYLINE_DB, else ./storyline.db)."""
    return click.option(
        "--db",
        "db",
        default=None,
        metavar="PATH|URL",
        help="SQLite database file or PostgreSQL URL (postgresql://user@host/db) "
        "(default: $STORYLINE_DB, else ./storyline.db).",
    )(func)


def json_option(func: F) -> F:
    """The --json flag of listing commands."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(
        func
    )


def friendly_errors(func: F) -> F:
    """Turn library errors into a one-line message and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StorylineError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper


def settings_for(db: str | None, **overrides: Any) -> Settings:
    """Settings from the command line, the environment and the defaults."""
    return Settings(db=db_from_env(db), **overrides)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="storyline")
def cli() -> None:
    """storyline: sourced events, quotes, actors and a dated timeline from news reports.

    Typical use: `storyline ingest examples/` to read and analyse articles into the
    database, then `articles`, `actors`, `quotes`, `events` or `timeline` to look at
    what was found, `export` to write the data files other tools read, and `eval`
    to score the results against gold annotations.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--title", help="Title of the article (for a single file).")
@click.option("--published", help="Publication date YYYY-MM-DD (for a single file).")
@click.option("--outlet", help="Outlet that published it (for a single file).")
@click.option("--url", help="Where it was published (for a single file).")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse files larger than this.",
)
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Actor dictionary to add or override actors: YAML (.yaml/.yml) or a "
    "CAMEO/PETRARCH .txt actors file; repeatable, later files win. Also read by "
    "default: ./storyline-actors.yaml, $STORYLINE_ACTORS and "
    "~/.config/storyline/actors.yaml.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Worker processes analysing articles (default: this machine's cores, as many as "
    "its free memory holds at 1 GB each); the "
    "database is written by this process alone. Runs of fewer articles than "
    "the workers can share stay in one process.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where the analysis runs: worker processes on this machine, or Ray "
    "(`ray` extra; the cluster at $RAY_ADDRESS, else a local Ray started for the run; "
    "--workers then sets the number of Ray workers).",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@friendly_errors
def ingest(
    paths: tuple[Path, ...],
    db: str | None,
    title: str | None,
    published: str | None,
    outlet: str | None,
    url: str | None,
    max_bytes: int,
    actor_files: tuple[Path, ...],
    workers: int | None,
    engine: str,
    quiet: bool,
) -> None:
    """Read articles from PATHS and analyse them into the database.

    PATHS are files or directories (searched recursively): .txt/.md text,
    .html/.htm pages (main text, title, date and site are extracted), .json/.jsonl
    records with a `text` field (and optional id, title, published or date, url,
    outlet) and RSS/Atom feeds (.rss/.atom/.xml; each entry is an article). A
    `metadata.jsonl` beside the files (fields file, title, published, outlet, url)
    supplies their metadata; the flags do so for a single file and win over it.
    Without a publication date, a dateline ("Washington D.C, 13 July 2023 (TDI):")
    supplies date, place and outlet; otherwise the date stays unknown.

    Each article is stored in one transaction. Unchanged articles are skipped;
    near-duplicates are kept and linked to the article they repeat. A file that
    cannot be read is reported on one line and the batch goes on; the command
    exits with status 1 if anything failed.

    The analysis runs in --workers processes (or on Ray with --engine ray); what
    is stored does not depend on the engine, the number of workers or the order
    of the files.
    """
    from storyline.cli.ingest_run import RunOptions, run_ingest
    from storyline.ingest.metadata import ArticleMeta, normalise_published

    flags = ArticleMeta(
        title=title,
        published=normalise_published(published, "--published"),
        outlet=outlet,
        url=url,
    )
    settings = settings_for(db, max_bytes=max_bytes, actor_files=actor_files)
    run = RunOptions(engine=engine, workers=workers, show_progress=not quiet)
    failed = run_ingest(list(paths), settings, flags, run)
    sys.exit(1 if failed else 0)


@cli.command()
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Folder to write.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="File format.",
)
@db_option
@friendly_errors
def export(out: Path, fmt: str, db: str | None) -> None:
    """Write articles, actors, events, quotes and stories files to --out.

    The files and fields follow storyline's export contract (see the README):
    one record per line in JSON Lines, or one row per record in CSV / Parquet
    with nested values as JSON text.
    """
    from storyline.export import export as write_export
    from storyline.store import open_store

    store = open_store(settings_for(db).db)
    counts = write_export(store, out, fmt)
    for name, count in counts.items():
        click.echo(f"{out / f'{name}.{fmt}'}: {count} records")


@cli.command(name="eval")
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of gold annotation files (the format of shared/eval/gold).",
)
@db_option
@json_option
@friendly_errors
def eval_command(gold: Path, db: str | None, as_json: bool) -> None:
    """Score what is stored against gold annotations.

    Prints per-article and total precision, recall and F1 for events (matched by
    country and sector, and by person) and quotes (with attribution accuracy),
    and lists every miss and false positive.
    """
    from storyline.cli.render import print_json
    from storyline.eval import evaluate
    from storyline.eval.report import render_text, report_to_dict
    from storyline.store import open_store

    report = evaluate(open_store(settings_for(db).db), gold)
    if as_json:
        print_json(report_to_dict(report))
    else:
        click.echo(render_text(report))


@cli.command(name="eval-suite")
@click.argument("suite", type=click.Choice(["plover", "petrarch", "ecbplus"]))
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    default=Path("../shared/data"),
    show_default=True,
    help="Folder holding plover/ and petrarch_validation/.",
)
@click.option(
    "--split",
    type=click.Choice(["odd", "even", "all"]),
    default="odd",
    show_default=True,
    help="PLOVER records to use: odd-numbered (development), even-numbered (held out).",
)
@click.option("--failures", "show_failures", is_flag=True, help="List every failed record.")
@json_option
@friendly_errors
def eval_suite(suite: str, data: Path, split: str, show_failures: bool, as_json: bool) -> None:
    """Score event coding on a sentence suite: the PLOVER gold sentences (share whose
    gold type is produced; share whose actor and recipient countries are produced) or
    the PETRARCH real-actor validation records (pass rate at the CAMEO root and at the
    PLOVER level), or ECB+ test topics 36-45 (documents grouped by shared stories against
    the gold same-event sub-topics: pairwise and B-cubed precision, recall, F1)."""
    from storyline.cli.render import print_json
    from storyline.eval import sentences
    from storyline.pipeline import load_resources, process_article

    resources = load_resources(Settings())

    def process(article):
        return process_article(article, resources)

    if suite == "ecbplus":
        from dataclasses import asdict

        from storyline.eval import clusters

        articles, gold = clusters.ecbplus_articles(data / "ecbplus" / "documents.jsonl")
        score = clusters.score_clusters(clusters.cluster_documents(articles, resources), gold)
        if as_json:
            print_json(asdict(score))
        else:
            click.echo(
                f"ecbplus ({score.documents} documents, {score.clusters} clusters, "
                f"{score.gold_clusters} gold): pairwise P {score.pairwise_precision:.3f} "
                f"R {score.pairwise_recall:.3f} F1 {score.pairwise_f1:.3f}; B3 P "
                f"{score.b3_precision:.3f} R {score.b3_recall:.3f} F1 {score.b3_f1:.3f}"
            )
        return
    if suite == "plover":
        records = sentences.pick(
            sentences.load_jsonl(data / "plover" / "plover_gsr_cameo.jsonl"), split
        )
        result = sentences.run_plover(records, process, split)
    else:
        table = sentences.cameo_table(data / "plover" / "cameo2plover.json")
        records = sentences.load_jsonl(data / "petrarch_validation" / "petr2_gsr_real_actors.jsonl")
        result = sentences.run_petrarch(records, process, table)
    if as_json:
        print_json(result.to_dict())
        return
    if show_failures:
        for f in result.failures:
            click.echo(f"{f['id']}: gold {f['gold']} | output {f['output']} | {f['text']}")
    shares = ", ".join(f"{k} {result.share(k):.3f}" for k in result.hits)
    click.echo(f"{suite} ({result.split}, {result.records} records): {shares}")


class _BenchGroup(click.Group):
    """`bench CORPUS` times the pipeline; `bench store` and `bench serve` a large store."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["corpus", *args]  # `storyline bench CORPUS` as before
        return super().parse_args(ctx, args)


@cli.group(cls=_BenchGroup)
def bench() -> None:
    """Benchmarks: `bench CORPUS` (pipeline against raw spaCy), `bench store` (query
    times and ingest cost on a large store) or `bench serve` (many clients at once)."""


@bench.command(name="corpus")
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="Use only the first N articles.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Also run the pipeline in this many worker processes and report the speed-up "
    "over one (default: this machine's cores; 1 skips it).",
)
@json_option
@friendly_errors
def bench_corpus(corpus: Path, limit: int | None, workers: int | None, as_json: bool) -> None:
    """Measure the full pipeline's speed and memory on CORPUS, against raw spaCy
    (also run as `storyline bench CORPUS`).

    CORPUS is anything `ingest` reads. The pipeline runs into a temporary
    database, in this process and then in --workers processes; then `nlp.pipe` of
    the same model runs over the same texts. Prints words/s, articles/s and peak
    memory of each, their ratio (one process) and the workers' speed-up.
    """
    from storyline.bench import render_bench, run_bench
    from storyline.cli.render import print_json
    from storyline.engines import default_workers

    result = run_bench(corpus, Settings(), limit=limit, workers=workers or default_workers())
    if as_json:
        print_json(result.to_dict())
    else:
        click.echo(render_bench(result))


def _register_bench_store() -> None:
    from storyline.cli.bench_serve import serve as bench_serve
    from storyline.cli.bench_store import store

    bench.add_command(store)
    bench.add_command(bench_serve)


_register_bench_store()


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    envvar="STORYLINE_TOKEN",
    help="Enables POST /api/articles (ingest) for clients sending 'Authorization: Bearer "
    "TOKEN' (default: $STORYLINE_TOKEN; without one, ingest over HTTP is disabled).",
)
@click.option(
    "--max-request-bytes",
    default=DEFAULT_MAX_REQUEST_BYTES,
    show_default=True,
    type=click.IntRange(1),
    help="Largest request body the server reads; a larger one is refused (413) unread.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes answering at once (each reads the store on its own; use about "
    "one per core when many clients ask at the same time).",
)
@click.option(
    "--threads",
    default=4,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Requests each server process answers at once; the others wait their turn.",
)
@friendly_errors
def serve(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    max_request_bytes: int,
    workers: int,
    threads: int,
) -> None:
    """Serve the web app (timeline, actor network, events, quotes, articles) and the
    REST API (under /api; schema at /openapi.json) over the database."""
    import uvicorn

    from storyline.api import create_app
    from storyline.api.served import SETTINGS_ENV, settings_json

    settings = settings_for(
        db, api_token=token, max_request_bytes=max_request_bytes, server_threads=threads
    )
    app = create_app(settings)  # also creates and migrates the store before any worker
    click.echo(f"storyline: http://{host}:{port}/ (API at /api, schema at /openapi.json)")
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ[SETTINGS_ENV] = settings_json(settings)  # read by each worker process
    uvicorn.run(
        "storyline.api.served:app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


def _register_listings() -> None:
    from storyline.cli import listings

    for command in listings.COMMANDS:
        cli.add_command(command)


_register_listings()


def _register_watch() -> None:
    from storyline.cli.watch import watch

    cli.add_command(watch)


_register_watch()
