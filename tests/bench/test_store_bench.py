"""`storyline bench store`: every figure reported on a small synthetic store (no timing asserts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.bench.store import StoreServer, run_store_bench
from storyline.cli.main import cli
from storyline.config import Settings
from storyline.ingest import read_articles
from storyline.pipeline import Resources, ingest
from storyline.store import open_store
from storyline.store.synthetic import bench_targets, grow_store
from tests.conftest import EXAMPLES

QUERIES = {
    "events_by_actor",
    "events_by_country",
    "events_by_dates",
    "event_by_id",
    "timeline_page",
    "stories",
    "network_actor",
    "home_page",
    "events_page",
}


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> str:
    """About 2,000 events copied from the examples stored by the real pipeline."""
    folder = tmp_path_factory.mktemp("bench")
    seed = str(folder / "seed.db")
    store = open_store(seed)
    try:
        ingest(read_articles([EXAMPLES], Settings(db=seed)), store, resources, Settings(db=seed))
    finally:
        store.close()
    db = str(folder / "store.db")
    grow_store(seed, db, events=2000)
    return db


@pytest.mark.slow
@pytest.mark.enable_socket
def test_the_store_bench_reports_every_query_memory_and_ingest_cost(
    small_db: str, resources: Resources
) -> None:
    before = bench_targets(small_db).articles
    sample = sorted(EXAMPLES.glob("*.txt"))[0]

    result = run_store_bench(
        small_db, repeat=1, timeout=60, ingest_sample=sample, resources=resources
    ).to_dict()

    assert {
        "p50_ms",
        "server_peak_mb",
        "ingest_ms_empty",
        "ingest_ms_large",
        "ingest_ratio",
        "events",
    } <= result.keys()
    assert result["status"] == dict.fromkeys(QUERIES, "ok")
    assert all(ms is not None and ms > 0 for ms in result["p50_ms"].values())
    assert result["response_kb"]["events_by_actor"] > 0
    assert result["server_peak_mb"] > 10
    assert result["ingest_ms_empty"] > 0 and result["ingest_ms_large"] > 0
    assert result["ingest_ratio"] == round(result["ingest_ms_large"] / result["ingest_ms_empty"], 2)
    assert result["events"] >= 1900
    assert bench_targets(small_db).articles == before + 3  # the new articles it ingested


@pytest.mark.slow
@pytest.mark.enable_socket
def test_a_request_that_takes_too_long_is_reported_as_a_timeout_then_the_server_answers(
    small_db: str,
) -> None:
    with StoreServer(small_db, lambda _: None) as server:
        slow = server.time_query("home_page", "/", repeat=1, timeout=0.001)
        fine = server.time_query("event_by_id", "/api/events/nothing", repeat=1, timeout=60)
        peak = server.peak_mb()

    assert (slow.status, slow.p50_ms) == ("timeout", None)
    assert (fine.status, fine.p50_ms) == ("HTTP 404", None)  # its status, not a traceback
    assert peak is not None and peak > 10


def test_bench_store_help_explains_its_options() -> None:
    result = CliRunner().invoke(cli, ["bench", "store", "--help"])

    assert result.exit_code == 0
    for option in ("--events", "--db", "--seed", "--repeat", "--timeout", "--json"):
        assert option in result.stdout


def test_bench_lists_both_benchmarks() -> None:
    result = CliRunner().invoke(cli, ["bench", "--help"])

    assert result.exit_code == 0
    assert "store" in result.stdout and "corpus" in result.stdout


def test_bench_corpus_is_still_run_as_bench_corpus(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.jsonl"

    result = CliRunner().invoke(cli, ["bench", str(missing), "--json"])

    assert result.exit_code == 2
    assert "nothing.jsonl" in result.stderr and "does not exist" in result.stderr


def test_bench_store_refuses_a_seed_that_is_not_there(small_db: str) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "bench",
            "store",
            "--db",
            str(Path(small_db).parent / "x.db"),
            "--seed",
            str(Path(small_db).parent / "missing"),
            "--json",
        ],
    )

    assert result.exit_code == 2  # a seed that is not there is refused before anything runs
    assert "missing" in result.stderr


@pytest.mark.slow
@pytest.mark.enable_socket
def test_bench_serve_puts_the_real_server_under_load(small_db: str) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "bench",
            "serve",
            "--db",
            small_db,
            "--clients",
            "6",
            "--requests",
            "3",
            "--server-workers",
            "2",
            "--json",
        ],
    )

    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["clients"] == 6 and figures["errors"] == 0
    assert [p["path"] for p in figures["paths"]] == [
        "/api/events?limit=50",
        "/api/timeline?limit=50",
        "/",
    ]
    assert all(p["requests"] == 6 and p["statuses"] == {"200": 6} for p in figures["paths"])
    assert figures["server_workers"] == 2
    assert figures["server_peak_mb"] > 20  # the supervisor and its two workers
