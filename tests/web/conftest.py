"""Fixtures of the web tests: one database of the examples plus a hostile article,
an in-process client, a served app and a browser tab that records console errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient

from storyline.api import create_app
from storyline.config import Settings
from storyline.pipeline import Resources
from storyline.records import IngestStatus
from storyline.store import SQLiteStore, open_store
from tests.web.harness import (
    EXAMPLES,
    HOSTILE,
    Tab,
    build_db,
    chromium,
    require_chromium,
    serve,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> Path:
    """The six example articles and the hostile one, through the real pipeline."""
    db = tmp_path_factory.mktemp("web") / "web.db"
    summary = build_db(db, [EXAMPLES, HOSTILE], resources)
    assert summary.counts[IngestStatus.INGESTED] == 7, summary.failures
    return db


@pytest.fixture(scope="session")
def hostile_id(web_db: Path) -> str:
    """The id of the article full of markup."""
    store = open_store(str(web_db), read_only=True)
    try:
        (doc_id,) = [s.article.doc_id for s in store.articles() if "hostile" in s.article.file]
    finally:
        store.close()
    return doc_id


@pytest.fixture
def reader(web_db: Path) -> Iterator[SQLiteStore]:
    """A read-only connection to the test database, for expectations."""
    store = open_store(str(web_db), read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(web_db: Path) -> TestClient:
    """The app in process (no sockets)."""
    return TestClient(create_app(Settings(db=str(web_db))))


@pytest.fixture(scope="module")
def base_url(web_db: Path) -> Iterator[str]:
    """The app served over HTTP on 127.0.0.1 (the browser tests enable sockets)."""
    require_chromium()
    with serve(web_db) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Browser]:
    """Headless Chromium, one per module (torn down before other tests run)."""
    with chromium() as b:
        yield b


@pytest.fixture
def tab(browser: Browser, base_url: str) -> Iterator[Tab]:
    """A fresh page; console errors, uncaught exceptions and failed requests are kept."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    t = Tab(page=page, base=base_url)
    page.on("console", lambda m: t.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: t.errors.append(f"uncaught: {exc}"))
    page.on("requestfailed", lambda r: t.errors.append(f"request failed: {r.url} {r.failure}"))
    yield t
    context.close()
