"""Make the README's screenshots of the web app over the examples.

    .venv/bin/python -m tests.web.screenshots

Ingests examples/ into a temporary database with the real pipeline, serves the app on
127.0.0.1 and saves one screenshot of each page into docs/ with Chromium: the timeline
with a story opened, the network with the events of one link listed, the events,
quotes, articles and search listings, one article, and the events at a phone's width.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from storyline.config import Settings
from storyline.pipeline import load_resources
from tests.web.harness import EXAMPLES, ROOT, build_db, chromium, serve

DOCS = ROOT / "docs"
WIDE = {"width": 1200, "height": 900}


def main() -> None:
    """Write the screenshots into docs/."""
    DOCS.mkdir(exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "examples.db"
        build_db(db, [EXAMPLES], load_resources(Settings()))
        with serve(db) as base, chromium() as browser:
            page = browser.new_page(viewport=WIDE)

            def shot(name: str, path: str | None = None, *, full: bool = False) -> None:
                if path is not None:
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                target = DOCS / f"{name}.png"
                page.screenshot(path=str(target), full_page=full)
                made.append(target)

            page.goto(base + "/?type=CONSULT")
            page.wait_for_load_state("networkidle")
            several = page.locator("li.story", has=page.get_by_text(re.compile(r"^[2-9] sources")))
            story = several.first if several.count() else page.locator("li.story").first
            story.locator("summary").click()
            shot("web-timeline")

            page.goto(base + "/network")
            page.wait_for_selector("#network[data-ready=true]")
            shot("web-network")
            link = 'path.edge-hit[data-source="SRB"][data-target="XKX"]'
            page.locator(link if page.locator(link).count() else "path.edge-hit").first.click()
            page.wait_for_selector("#link-events[data-ready=true]")
            page.locator("#link-events").scroll_into_view_if_needed()
            shot("web-network-link")

            shot("web-events", "/events?country=XKX")
            shot("web-quotes", "/quotes")
            shot("web-articles", "/articles")
            page.goto(base + "/articles")
            page.locator("a.article-link", has_text="Ohrid").first.click()
            page.wait_for_load_state("networkidle")
            shot("web-article")
            shot("web-search", "/search?q=annex")

            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
            phone.goto(base + "/events")
            phone.wait_for_load_state("networkidle")
            target = DOCS / "web-phone-events.png"
            phone.screenshot(path=str(target))
            made.append(target)
    for path in made:
        print(path)


if __name__ == "__main__":
    main()
