"""The review flow in a real browser (Debian's headless Chromium): open an event from
the events page, correct its type with a reason and the token, see the correction
beside it, undo it, and find the original back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from storyline.config import Settings
from storyline.store import open_store
from tests.review_data import TEXTS, ingest_reports
from tests.web.harness import Tab, chromium, require_chromium, serve

pytestmark = [pytest.mark.slow, pytest.mark.enable_socket]

TOKEN = "browser-token-90fe"


@pytest.fixture(scope="module")
def review_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The four test reports served with a token, in a database of their own."""
    require_chromium()
    db = tmp_path_factory.mktemp("review") / "review.db"
    store = open_store(str(db))
    try:
        ingest_reports(store, Settings(db=str(db)), *TEXTS)
    finally:
        store.close()
    with serve(db, api_token=TOKEN) as url:
        yield url


@pytest.fixture
def review_tab(review_url: str) -> Iterator[Tab]:
    """A fresh browser page on the review server, recording what goes wrong."""
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(10_000)
        tab = Tab(page=page, base=review_url)
        page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: tab.errors.append(f"uncaught: {exc}"))
        yield tab


def test_an_analyst_corrects_an_event_sees_it_listed_and_undoes_it(review_tab: Tab) -> None:
    tab, page = review_tab, review_tab.page
    tab.open("/events?type=ACCUSE")
    page.click("tr.event-row a.review-link")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/events/e-report-d")
    expect(page.locator("h1 .type")).to_have_text("ACCUSE")
    expect(page.locator("#corrections .none")).to_be_visible()

    form = page.locator("form.review")
    form.locator("select[name=type]").select_option("THREATEN")
    form.locator("input[name=reason]").fill("the guild warned, it did not accuse")
    form.locator("input[name=token]").fill(TOKEN)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1 .type")).to_have_text("THREATEN")
    expect(page.locator("h1 .flag.reviewed")).to_be_visible()
    item = page.locator("#corrections li.correction")
    expect(item).to_have_count(1)
    expect(item.locator(".reason")).to_have_text("the guild warned, it did not accuse")
    expect(item.locator(".who")).to_have_text("token")
    expect(item.locator(".changes del")).to_have_text("ACCUSE")
    expect(item.locator(".changes ins")).to_have_text("THREATEN")

    tab.open("/events?type=THREATEN")
    expect(page.locator("tr.event-row .flag.reviewed")).to_have_count(1)

    tab.open("/events/e-report-d")
    undo = page.locator("#corrections form.undo")
    undo.locator("input[name=token]").fill(TOKEN)
    undo.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1 .type")).to_have_text("ACCUSE")
    expect(page.locator("h1 .flag.reviewed")).to_have_count(0)
    expect(page.locator("#corrections li.correction .flag")).to_contain_text("undone by token")
    tab.shot("review")
    assert tab.errors == []


def test_a_wrong_token_in_the_form_is_refused_on_the_page(review_tab: Tab) -> None:
    tab, page = review_tab, review_tab.page
    tab.open("/events/e-report-b")
    form = page.locator("form.review")
    form.locator("select[name=action]").select_option("reject")
    form.locator("input[name=reason]").fill("a duplicate")
    form.locator("input[name=token]").fill("not-the-token")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".problems")).to_contain_text("token")
    expect(page.locator("h1 .flag.rejected")).to_have_count(0)
    expect(page.locator("#corrections .none")).to_be_visible()
