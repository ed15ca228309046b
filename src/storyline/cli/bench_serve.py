"""The `storyline bench serve` command: many clients at once against the real server."""

from __future__ import annotations

import click

from storyline.cli.bench_store import prepared_store
from storyline.cli.main import friendly_errors, json_option

DEFAULT_PATHS = ("/api/events?limit=50", "/api/timeline?limit=50", "/")


@click.command(name="serve")
@click.option(
    "--articles",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Articles of the synthetic store to build (about ten events each).",
)
@click.option(
    "--db",
    "db",
    default=None,
    metavar="PATH",
    help="Store to serve: reused when it holds events, else built there and kept "
    "(default: built in a temporary folder and deleted afterwards).",
)
@click.option(
    "--clients",
    type=click.IntRange(min=1, max=1000),
    default=100,
    show_default=True,
    help="Clients sending requests at the same time, each on its own connection.",
)
@click.option(
    "--requests",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Requests each client sends, one after another (the load is bounded).",
)
@click.option(
    "--path",
    "paths",
    multiple=True,
    metavar="PATH",
    help="A path to ask, repeatable; clients go round them in turn "
    f"(default: {', '.join(DEFAULT_PATHS)}).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=30.0,
    show_default=True,
    help="Seconds a request may take before it counts as an error.",
)
@click.option(
    "--server-workers",
    type=click.IntRange(min=1, max=64),
    default=1,
    show_default=True,
    help="Processes of the server under load (`storyline serve --workers`).",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@json_option
@friendly_errors
def serve(
    articles: int,
    db: str | None,
    clients: int,
    requests: int,
    paths: tuple[str, ...],
    timeout: float,
    server_workers: int,
    quiet: bool,
    as_json: bool,
) -> None:
    """Put the server under a bounded load: --clients at once, --requests each.

    Builds a synthetic store of about --articles articles (as `bench store` does, from
    examples/ and ../shared/seeds) or reuses --db, serves it with `storyline serve` on
    127.0.0.1 (in --server-workers processes), then lets the clients go round the
    paths (by default the event listing, a timeline page and the home page). Prints,
    per path, the requests, the errors (status 500 and over, dropped connections,
    timeouts) and p50, p99 and max latency; the requests per second and the server's
    peak memory. --json gives the same.
    """
    from storyline.bench.load import render_load, run_load
    from storyline.bench.store import StoreServer, default_seeds
    from storyline.cli.render import print_json

    with prepared_store(db, articles * 10, default_seeds(), quiet=quiet) as (path, _):
        say = (lambda line: None) if quiet else (lambda line: click.echo(line, err=True))
        with StoreServer(path, say, workers=server_workers) as server:
            result = run_load(
                server.port,
                list(paths) or list(DEFAULT_PATHS),
                clients=clients,
                requests=requests,
                timeout=timeout,
            )
            peak = server.peak_mb()
    if as_json:
        print_json({**result.to_dict(), "server_peak_mb": peak, "server_workers": server_workers})
    else:
        click.echo(render_load(result, store=path, peak_mb=peak))
