"""Make the README's screenshots of the web app over the examples.

    .venv/bin/python -m tests.web.screenshots

Ingests examples/ into a temporary database with the real pipeline, serves the app on
127.0.0.1 and saves docs/web-timeline.png and docs/web-network.png with Chromium.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from storyline.config import Settings
from storyline.pipeline import load_resources
from tests.web.harness import EXAMPLES, ROOT, build_db, chromium, serve

DOCS = ROOT / "docs"


def main() -> None:
    """Write the screenshots into docs/."""
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "examples.db"
        build_db(db, [EXAMPLES], load_resources(Settings()))
        with serve(db) as base, chromium() as browser:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(base + "/?type=CONSULT")
            page.wait_for_load_state("networkidle")
            several = page.locator("li.story", has=page.get_by_text(re.compile(r"^[2-9] sources")))
            story = several.first if several.count() else page.locator("li.story").first
            story.locator("summary").click()
            page.screenshot(path=str(DOCS / "web-timeline.png"))
            page.goto(base + "/network")
            page.wait_for_selector("#network[data-ready=true]")
            page.screenshot(path=str(DOCS / "web-network.png"))
    for name in ("web-timeline.png", "web-network.png"):
        print(DOCS / name)


if __name__ == "__main__":
    main()
