"""SQLite and PostgreSQL hold the same results: the examples ingested by the real
pipeline into each export the same records, and the CLI reads either by its --db."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from storyline.api import create_app
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


@pytest.fixture(scope="module")
def both(
    tmp_path_factory: pytest.TempPathFactory, resources: Resources, postgres_server: Server
) -> dict[str, str]:
    """The examples ingested by the real pipeline into a SQLite file and a PostgreSQL
    database."""
    found = {
        "sqlite": str(tmp_path_factory.mktemp("agree") / "examples.db"),
        "postgresql": postgres_server.url(),
    }
    for db in found.values():
        settings = Settings(db=db)
        store = open_store(db)
        try:
            summary = ingest(read_articles([EXAMPLES], settings), store, resources, settings)
        finally:
            store.close()
        assert summary.counts[IngestStatus.INGESTED] == 6, summary.failures
    return found


def _records(db: str) -> dict[str, list[dict[str, object]]]:
    store = open_store(db, read_only=True)
    try:
        return contract_records(store)
    finally:
        store.close()


@pytest.mark.slow
def test_the_examples_ingested_into_either_backend_export_the_same_records(
    both: dict[str, str],
) -> None:
    on_sqlite, on_postgres = _records(both["sqlite"]), _records(both["postgresql"])

    for name in ("articles", "actors", "events", "quotes", "stories"):
        assert on_postgres[name] == on_sqlite[name], name
    assert len(on_sqlite["articles"]) == 6
    assert len(on_sqlite["events"]) >= 10
    assert len(on_sqlite["quotes"]) >= 10
    assert len(on_sqlite["stories"]) >= 5
    assert any(len(s["doc_ids"]) > 1 for s in on_sqlite["stories"])  # linked across articles


@pytest.mark.slow
@pytest.mark.parametrize(
    "url",
    [
        "/api/events?limit=5",
        "/api/events?actor=Kurti",
        "/api/events?country=SRB&since=2023-01-01&until=2023-12-31",
        "/api/quotes?speaker=Vu",
        "/api/actors?country=XKX",
        "/api/articles",
        "/api/stories",
        "/api/timeline",
        "/api/network",
        "/",
        "/events?type=CONSULT",
        "/quotes",
    ],
)
def test_the_api_and_pages_answer_the_same_on_either_backend(
    both: dict[str, str], url: str
) -> None:
    answers = {}
    for name, db in both.items():
        response = TestClient(create_app(Settings(db=db))).get(url)
        assert response.status_code == 200, (name, response.text[:300])
        answers[name] = response.text
    assert answers["postgresql"] == answers["sqlite"]
    assert len(answers["sqlite"]) > 200  # not an empty listing


@pytest.mark.slow
def test_keyset_pages_walk_the_same_events_on_either_backend(both: dict[str, str]) -> None:
    walked = {}
    for name, db in both.items():
        client, ids, after = TestClient(create_app(Settings(db=db))), [], ""
        while True:
            body = client.get(
                "/api/events", params={"limit": 4, "after": after} if after else {"limit": 4}
            ).json()
            ids += [e["event_id"] for e in body["items"]]
            if not body["next"]:
                break
            after = body["next"]
        walked[name] = ids
    assert walked["postgresql"] == walked["sqlite"]
    assert len(walked["sqlite"]) == len(set(walked["sqlite"])) > 8


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
