"""Every page at a phone's width (390 x 844) in Chromium: nothing wider than the screen,
so no page scrolls sideways; wide tables stack each row into a block."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from storyline.store import SQLiteStore
from tests.web.harness import Tab

pytestmark = [pytest.mark.slow, pytest.mark.enable_socket]

WIDTH = 390
PAGES = ["/", "/network", "/events", "/quotes", "/articles", "/search?q=Kosovo"]


@pytest.fixture
def phone(browser: Browser, base_url: str) -> Iterator[Tab]:
    """A tab the size of a phone held upright, with a phone's scale and touch."""
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    t = Tab(page=page, base=base_url)
    page.on("pageerror", lambda exc: t.errors.append(f"uncaught: {exc}"))
    yield t
    context.close()


def overflow(tab: Tab) -> tuple[int, list[str]]:
    """The document's scroll width, and the elements sticking out past the screen."""
    width = tab.page.evaluate("document.documentElement.scrollWidth")
    wide = tab.page.evaluate(
        """(w) => [...document.querySelectorAll('body *')]
             .filter(e => e.getBoundingClientRect().right > w + 0.5)
             .filter(e => !e.closest('svg') || e.tagName === 'svg')
             .slice(0, 8)
             .map(e => e.tagName + '.' + e.className + ' '
                  + Math.round(e.getBoundingClientRect().right))""",
        WIDTH,
    )
    return width, wide


@pytest.mark.parametrize("path", PAGES)
def test_no_page_is_wider_than_a_phone(phone: Tab, path: str) -> None:
    assert phone.open(path).status == 200
    width, wide = overflow(phone)
    assert width <= WIDTH, wide
    assert phone.errors == []


def test_an_article_and_the_filtered_events_fit_a_phone(phone: Tab, reader: SQLiteStore) -> None:
    longest = max(reader.articles(), key=lambda s: len(s.article.text)).article
    for path in (f"/articles/{longest.doc_id}", "/events?country=XKX", "/network?actor=Kurti"):
        assert phone.open(path).status == 200
        width, wide = overflow(phone)
        assert width <= WIDTH, (path, wide)


def test_event_rows_stack_into_blocks_on_a_phone(phone: Tab) -> None:
    phone.open("/events")
    row = phone.page.locator("table.listing tbody tr").first
    cells = row.locator("td")
    assert cells.count() >= 4
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert first is not None and second is not None
    assert second["y"] >= first["y"] + first["height"] - 1  # one under the other
    assert phone.page.locator("table.listing thead").is_hidden()
    assert cells.nth(2).get_attribute("data-label") == "Source"  # named by its column
    shown = cells.nth(2).evaluate("el => getComputedStyle(el, '::before').content")
    assert "Source" in shown
    phone.page.set_viewport_size({"width": 1280, "height": 900})
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert first is not None and second is not None
    assert abs(second["y"] - first["y"]) < 2  # a wide screen keeps the table
