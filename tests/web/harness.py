"""What the web tests and the screenshot script share: a database built by the real
pipeline, the app served by uvicorn in a thread, and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import uvicorn

from storyline.api import create_app
from storyline.config import Settings
from storyline.ingest import read_articles
from storyline.pipeline import IngestSummary, Resources, ingest
from storyline.store import open_store

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Response

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build_db(db: Path, folders: list[Path], resources: Resources) -> IngestSummary:
    """Ingest the folders into a new database with the real pipeline."""
    settings = Settings(db=str(db))
    store = open_store(settings.db)
    try:
        return ingest(read_articles(folders, settings), store, resources, settings)
    finally:
        store.close()


@contextmanager
def serve(db: Path, **settings: object) -> Iterator[str]:
    """The app over the database (with these settings), served on 127.0.0.1 at a free
    port; yields its base URL."""
    app = create_app(Settings(db=str(db), **settings))  # type: ignore[arg-type]
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def require_chromium() -> None:
    """Skip (or, with STORYLINE_BROWSER_TESTS=required, fail) without Chromium/Playwright."""
    required = os.environ.get("STORYLINE_BROWSER_TESTS") == "required"
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (install Debian's chromium: apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is not installed (pip install -e '.[dev]')"
    if problem is None:
        return
    if required:
        pytest.fail(f"browser tests are required (STORYLINE_BROWSER_TESTS=required): {problem}")
    pytest.skip(f"browser tests skipped: {problem}; set STORYLINE_BROWSER_TESTS=required to fail")


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium driven by Playwright (no browser is downloaded)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Tab:
    """A browser page on the served app, with what went wrong in it."""

    page: Page
    base: str
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Response:
        """Load a page of the app; returns the main response."""
        response = self.page.goto(self.base + path)
        assert response is not None
        self.page.wait_for_load_state("networkidle")
        return response

    def shot(self, name: str) -> Path:
        """A full-page screenshot in artifacts/screenshots/."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path
