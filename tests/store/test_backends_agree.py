"""SQLite and PostgreSQL hold the same results: the examples ingested by the real
pipeline into each export the same records, and the CLI reads either by its --db."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli.main import cli
from storyline.config import Settings
from storyline.export import contract_records
from storyline.ingest import read_articles
from storyline.pipeline import Resources, ingest
from storyline.records import IngestStatus
from storyline.store import open_store
from tests.conftest import EXAMPLES
from tests.store.postgres import Server
from tests.store.test_sqlite import DOC, full_result


def _ingested(db: str, resources: Resources) -> dict[str, list[dict[str, object]]]:
    settings = Settings(db=db)
    store = open_store(db)
    try:
        summary = ingest(read_articles([EXAMPLES], settings), store, resources, settings)
        assert summary.counts[IngestStatus.INGESTED] == 6, summary.failures
        return contract_records(store)
    finally:
        store.close()


@pytest.mark.slow
def test_the_examples_ingested_into_either_backend_export_the_same_records(
    tmp_path: Path, resources: Resources, postgres_server: Server
) -> None:
    on_sqlite = _ingested(str(tmp_path / "examples.db"), resources)
    on_postgres = _ingested(postgres_server.url(), resources)

    for name in ("articles", "actors", "events", "quotes", "stories"):
        assert on_postgres[name] == on_sqlite[name], name
    assert len(on_sqlite["articles"]) == 6
    assert len(on_sqlite["events"]) >= 10
    assert len(on_sqlite["quotes"]) >= 10
    assert len(on_sqlite["stories"]) >= 5
    assert any(len(s["doc_ids"]) > 1 for s in on_sqlite["stories"])  # linked across articles


def test_every_command_reads_a_postgresql_store_named_by_db(postgres_server: Server) -> None:
    url = postgres_server.url()
    store = open_store(url)
    store.save_result(full_result())
    store.close()

    runner = CliRunner()
    articles = runner.invoke(cli, ["articles", "--json", "--db", url])
    events = runner.invoke(cli, ["events", "--json", "--db", url])
    actors = runner.invoke(cli, ["actors", "--country", "XKX", "--json", "--db", url])

    assert articles.exit_code == 0, articles.output
    assert [a["doc_id"] for a in json.loads(articles.output)] == [DOC]
    assert len(json.loads(events.output)) == len(full_result().events)
    assert [a["name"] for a in json.loads(actors.output)] == ["Albin Kurti"]


def test_a_command_on_an_unreachable_server_fails_in_one_line() -> None:
    pytest.importorskip("psycopg")
    url = "postgresql://reader:s3cret@/news?host=/nonexistent-socket-dir"

    result = CliRunner().invoke(cli, ["events", "--db", url])

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "s3cret" not in result.output
    assert "postgresql://reader@/news" in result.output
