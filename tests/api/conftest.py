"""Fixtures for the API tests: the examples ingested once, clients over it or an empty store.

Tests that need the examples (or ingest through the API) load spaCy and are marked slow;
tests of bad parameters, tokens and the schema run against an empty store.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from storyline.api import create_app
from storyline.config import Settings
from storyline.ingest import read_articles
from storyline.pipeline import Resources, ingest
from storyline.records import IngestStatus
from storyline.store import open_store
from tests.conftest import EXAMPLES

TOKEN = "test-token-7c1f"


@pytest.fixture(scope="package")
def examples_db(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> str:
    """A database holding the six example articles, built by the real pipeline."""
    db = str(tmp_path_factory.mktemp("api") / "examples.db")
    settings = Settings(db=db)
    store = open_store(db)
    try:
        summary = ingest(read_articles([EXAMPLES], settings), store, resources, settings)
    finally:
        store.close()
    assert summary.counts[IngestStatus.INGESTED] == 6, summary.failures
    return db


@pytest.fixture(scope="package")
def client(examples_db: str) -> TestClient:
    """A client of the API over the examples (ingest disabled: no token)."""
    return TestClient(create_app(Settings(db=examples_db)))


def fresh_app(db: Path, resources: Resources | None = None, **settings: object) -> FastAPI:
    """An app over a new database; with resources, ingest uses them instead of loading
    the model again."""
    app = create_app(Settings(db=str(db), **settings))  # type: ignore[arg-type]
    if resources is not None:
        app.state.storyline._resources = resources
    return app


@pytest.fixture
def empty_client(tmp_path: Path) -> TestClient:
    """A client over an empty database, with an ingest token set."""
    return TestClient(fresh_app(tmp_path / "empty.db", api_token=TOKEN))


def ok(response: Response) -> dict:
    """The JSON body of a 200 response (the test fails with the body otherwise)."""
    assert response.status_code == 200, response.text
    return response.json()


def error(response: Response, status: int) -> str:
    """The message of a JSON error response with this status."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "status"}
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    return body["error"]


def everything(client: TestClient, url: str, **params: object) -> list[dict]:
    """All items of a paginated list, fetched page by page."""
    items: list[dict] = []
    while True:
        page = ok(client.get(url, params={**params, "limit": 500, "offset": len(items)}))
        assert page["items"] or len(items) == page["total"], "a page came back empty"
        items += page["items"]
        if len(items) >= page["total"]:
            assert len(items) == page["total"]
            return items
