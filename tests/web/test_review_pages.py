"""The review pages in process (no browser): an event with its corrections beside it,
the review form for a token holder, a refused change given back with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.api import create_app
from storyline.config import Settings
from storyline.store import open_store
from tests.review_data import TEXTS, ingest_reports

TOKEN = "page-token-51ab"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The four test reports, stored and linked."""
    path = tmp_path / "pages.db"
    store = open_store(str(path))
    try:
        ingest_reports(store, Settings(db=str(path)), *TEXTS)
    finally:
        store.close()
    return path


@pytest.fixture
def pages(db: Path) -> TestClient:
    """The app with a token."""
    return TestClient(create_app(Settings(db=str(db), api_token=TOKEN)))


def review(pages: TestClient, event_id: str, **fields: str):
    """Post the review form (not following the redirect)."""
    return pages.post(f"/events/{event_id}/review", data=fields, follow_redirects=False)


def test_the_event_page_offers_the_review_form_to_a_server_with_a_token(
    pages: TestClient, db: Path
) -> None:
    page = pages.get("/events/e-report-a")
    assert page.status_code == 200
    assert 'action="/events/e-report-a/review"' in page.text and "No corrections yet" in page.text
    readonly = TestClient(create_app(Settings(db=str(db))))
    assert 'class="review' not in readonly.get("/events/e-report-a").text
    assert pages.get("/events/e-none").status_code == 404


def test_a_correction_made_on_the_page_is_shown_beside_the_event_and_can_be_undone(
    pages: TestClient,
) -> None:
    done = review(
        pages, "e-report-a", action="edit", type="PROTEST", reason="a walk-out", token=TOKEN
    )
    assert done.status_code == 303 and done.headers["location"] == "/events/e-report-a#corrections"
    page = pages.get("/events/e-report-a").text
    assert "reviewed" in page and "a walk-out" in page and "<del>CONSULT</del>" in page
    listing = pages.get("/events").text
    assert "flag reviewed" in listing
    (item,) = pages.get("/api/corrections").json()["items"]
    undone = pages.post(
        f"/corrections/{item['correction_id']}/undo",
        data={"event_id": "e-report-a", "token": TOKEN},
        follow_redirects=False,
    )
    assert undone.status_code == 303
    assert pages.get("/api/events/e-report-a").json()["type"] == "CONSULT"
    assert "undone by token" in pages.get("/events/e-report-a").text


def test_rejecting_on_the_page_leaves_the_record_to_restore(pages: TestClient) -> None:
    assert (
        review(pages, "e-report-d", action="reject", reason="spam", token=TOKEN).status_code == 303
    )
    page = pages.get("/events/e-report-d")
    assert page.status_code == 200 and "flag rejected" in page.text
    assert 'value="restore"' in page.text
    assert (
        review(pages, "e-report-d", action="restore", reason="real", token=TOKEN).status_code == 303
    )
    assert pages.get("/api/events/e-report-d").json()["reviewed"] is True


@pytest.mark.parametrize(
    ("fields", "status", "words"),
    [
        ({"action": "edit", "type": "AID", "reason": "x", "token": "wrong"}, 401, "token"),
        ({"action": "edit", "type": "AID", "reason": "x"}, 401, "token"),
        ({"action": "edit", "type": "AID", "reason": " ", "token": TOKEN}, 422, "reason"),
        ({"action": "edit", "date": "soon", "reason": "x", "token": TOKEN}, 422, "date"),
        ({"action": "restore", "reason": "x", "token": TOKEN}, 409, "not rejected"),
    ],
)
def test_a_refused_change_gives_the_page_back_with_the_reason(
    pages: TestClient, fields: dict, status: int, words: str
) -> None:
    answer = review(pages, "e-report-b", **fields)
    assert answer.status_code == status and words in answer.text
    assert 'role="alert"' in answer.text
    assert pages.get("/api/corrections").json()["total"] == 0
