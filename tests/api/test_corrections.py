"""Review through the API: PATCH /api/events/{id}, story moves and splits, undo, and
GET /api/corrections; corrections survive the article ingested again and relinking;
bad requests are JSON 4xx, never 500."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.config import Settings
from storyline.pipeline import Resources
from storyline.store import open_store
from storyline.stories import relink
from tests.api.conftest import TOKEN, error, fresh_app, ok
from tests.review_data import TEXTS, ingest_reports

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The four test reports stored and linked (a, b, c one meeting; d an accusation)."""
    path = tmp_path / "review.db"
    store = open_store(str(path))
    try:
        ingest_reports(store, Settings(db=str(path)), *TEXTS)
    finally:
        store.close()
    return path


@pytest.fixture
def api(db: Path) -> TestClient:
    """A client of the app over them, with a token."""
    return TestClient(fresh_app(db, api_token=TOKEN))


def patch(api: TestClient, event_id: str, body: dict, headers: dict | None = None):
    return api.patch(
        f"/api/events/{event_id}", json=body, headers=AUTH if headers is None else headers
    )


def test_a_corrected_event_survives_reingest_and_relink_and_is_listed(
    api: TestClient, db: Path
) -> None:
    answer = ok(patch(api, "e-report-a", {"type": "protest", "reason": "it was a walk-out"}))
    assert answer["event"]["type"] == "PROTEST" and answer["event"]["reviewed"] is True
    correction = answer["correction"]
    store = open_store(str(db))
    try:
        ingest_reports(store, Settings(db=str(db)), "report-a", title="Talks, retold")
        relink(store)
    finally:
        store.close()
    event = ok(api.get("/api/events/e-report-a"))
    assert event["type"] == "PROTEST" and event["reviewed"] is True
    listed = ok(api.get("/api/corrections", params={"record_id": "e-report-a"}))
    assert listed["total"] == 1 and listed["items"] == [correction]
    item = listed["items"][0]
    assert item["who"] == "token" and item["when"].startswith("20")
    assert item["reason"] == "it was a walk-out" and item["action"] == "edit"
    assert item["before"]["type"] == "CONSULT" and item["after"]["type"] == "PROTEST"
    assert ok(api.get(f"/api/corrections/{item['correction_id']}")) == item
    assert ok(api.get("/api/events/e-report-b"))["reviewed"] is False


def test_undo_through_the_api_brings_the_original_back(api: TestClient) -> None:
    original = ok(api.get("/api/events/e-report-c"))
    made = ok(patch(api, "e-report-c", {"date": None, "targets": [], "reason": "unsure"}))
    changed = made["event"]
    assert changed["date"] is None and changed["targets"] == []
    undone = ok(
        api.post(f"/api/corrections/{made['correction']['correction_id']}/undo", headers=AUTH)
    )
    assert undone["undone_by"] == "token" and undone["undone_at"]
    assert ok(api.get("/api/events/e-report-c")) == original
    assert ok(api.get("/api/corrections", params={"undone": "true"}))["total"] == 1
    assert ok(api.get("/api/corrections", params={"undone": "false"}))["total"] == 0


def test_reject_and_restore_through_the_api(api: TestClient) -> None:
    rejected = ok(patch(api, "e-report-d", {"rejected": True, "reason": "not news"}))
    assert rejected["event"] is None
    error(api.get("/api/events/e-report-d"), 404)
    assert rejected["correction"]["before"]["event"]["type"] == "ACCUSE"
    error(patch(api, "e-report-d", {"rejected": True, "reason": "again"}), 409)
    error(patch(api, "e-report-d", {"type": "AID", "reason": "edit it"}), 409)
    restored = ok(patch(api, "e-report-d", {"rejected": False, "reason": "it is news"}))
    assert restored["event"]["type"] == "ACCUSE" and restored["event"]["reviewed"] is True


def test_moving_an_event_and_splitting_a_story_through_the_api(api: TestClient) -> None:
    meeting = ok(api.get("/api/events/e-report-a"))["story_id"]
    moved = ok(
        api.post(
            "/api/events/e-report-d/story",
            json={"story_id": meeting, "reason": "one quarrel"},
            headers=AUTH,
        )
    )
    story = ok(api.get(f"/api/stories/{moved['story_id']}"))
    assert "e-report-d" in story["event_ids"] and "e-report-a" in story["event_ids"]
    split = ok(
        api.post(
            f"/api/stories/{moved['story_id']}/split",
            json={"event_ids": ["e-report-d"], "reason": "two acts after all"},
            headers=AUTH,
        )
    )
    assert ok(api.get(f"/api/stories/{split['story_id']}"))["event_ids"] == ["e-report-d"]
    listed = ok(api.get("/api/corrections", params={"record": "story"}))
    assert [c["action"] for c in listed["items"]] == ["split", "move"]


@pytest.mark.parametrize(
    ("event_id", "body", "status", "words"),
    [
        ("e-missing", {"type": "AID", "reason": "x"}, 404, "no event"),
        ("e-report-a", {"type": "AID"}, 422, "reason"),
        ("e-report-a", {"type": "AID", "reason": ""}, 422, "reason"),
        ("e-report-a", {"type": "AID", "reason": "   "}, 422, "reason"),
        ("e-report-a", {"type": "HUGS", "reason": "x"}, 422, "unknown PLOVER type"),
        ("e-report-a", {"date": "yesterday", "reason": "x"}, 422, "date"),
        ("e-report-a", {"source": "nobody", "reason": "x"}, 422, "no actor"),
        ("e-report-a", {"reason": "nothing"}, 422, "nothing to change"),
        ("e-report-a", {"colour": "red", "reason": "x"}, 422, "colour"),
        ("e-report-a", {"targets": "p-ruud", "reason": "x"}, 422, "targets"),
    ],
)
def test_bad_corrections_are_json_4xx(
    api: TestClient, event_id: str, body: dict, status: int, words: str
) -> None:
    assert words in error(patch(api, event_id, body), status)
    assert ok(api.get("/api/corrections"))["total"] == 0


def test_corrections_need_the_token(api: TestClient, db: Path) -> None:
    body = {"type": "AID", "reason": "x"}
    for headers in ({}, {"Authorization": TOKEN}, {"Authorization": "Bearer wrong"}):
        response = patch(api, "e-report-a", body, headers)
        error(response, 401)
        assert response.headers["www-authenticate"].startswith("Bearer")
    error(api.post("/api/corrections/c123/undo"), 401)
    error(api.post("/api/stories/s1/split", json={"event_ids": ["x"], "reason": "r"}), 401)
    tokenless = TestClient(fresh_app(db))
    error(tokenless.patch("/api/events/e-report-a", json=body, headers=AUTH), 403)
    assert ok(api.get("/api/events/e-report-a"))["reviewed"] is False


def test_bad_undo_and_listing_requests(api: TestClient) -> None:
    assert "no correction" in error(api.post("/api/corrections/c-none/undo", headers=AUTH), 404)
    made = ok(patch(api, "e-report-b", {"type": "AID", "reason": "x"}))["correction"]
    api.post(f"/api/corrections/{made['correction_id']}/undo", headers=AUTH)
    assert "already undone" in error(
        api.post(f"/api/corrections/{made['correction_id']}/undo", headers=AUTH), 409
    )
    error(api.get("/api/corrections", params={"limit": 100000}), 400)
    error(api.get("/api/corrections", params={"record": "planet"}), 422)
    error(api.get("/api/corrections/c-none"), 404)
    error(api.get("/api/corrections/c%01"), 404)
    error(api.get("/api/corrections", params={"record_id": "e\x00"}), 422)
    error(patch(api, "e%00x", {"type": "AID", "reason": "x"}), 404)
    error(
        api.post(
            "/api/events/e-report-a/story", json={"story_id": "s-no", "reason": "r"}, headers=AUTH
        ),
        404,
    )
    error(
        api.post("/api/stories/s-no/split", json={"event_ids": ["e"], "reason": "r"}, headers=AUTH),
        404,
    )


def test_the_schema_lists_the_review_endpoints_with_their_statuses(api: TestClient) -> None:
    paths = ok(api.get("/openapi.json"))["paths"]
    op = paths["/api/events/{event_id}"]["patch"]
    assert {"401", "403", "404", "409", "422"} <= set(op["responses"])
    assert op.get("security")
    assert "get" in paths["/api/corrections"]
    assert "post" in paths["/api/corrections/{correction_id}/undo"]


def test_merging_actors_through_the_api_and_undoing_it(api: TestClient) -> None:
    url = "/api/actors/o-harbour/merge"
    made = ok(api.post(url, json={"into": "p-ilven", "reason": "one voice"}, headers=AUTH))
    assert made["correction"]["record"] == "actor" and made["actor_id"] == "p-ilven"
    error(api.get("/api/actors/o-harbour"), 404)
    assert ok(api.get("/api/events/e-report-d"))["source"]["actor_id"] == "p-ilven"
    assert ok(api.get("/api/corrections", params={"record": "actor"}))["total"] == 1
    undo = f"/api/corrections/{made['correction']['correction_id']}/undo"
    ok(api.post(undo, headers=AUTH))
    assert ok(api.get("/api/events/e-report-d"))["source"]["actor_id"] == "o-harbour"
    assert ok(api.get("/api/actors/o-harbour"))["name"] == "Harbour Guild"
    error(api.post(url, json={"into": "p-nobody", "reason": "x"}, headers=AUTH), 404)
    error(api.post(url, json={"into": "p-ilven"}, headers=AUTH), 422)
    error(api.post(url, json={"into": "p-ilven", "reason": "x"}), 401)


ARTICLE = (
    "Tallinn, 4 May 2026 (Baltic Wire): Estonian Foreign Minister Mara Ilven met the "
    "Latvian foreign minister Tomas Ruud in Tallinn on Monday to discuss fishing rights "
    "in the Gulf of Riga. On Tuesday Ilven accused Latvia of breaking the 2019 fishing "
    "agreement, and the Latvian government rejected the charge."
)


@pytest.mark.slow
def test_a_correction_survives_the_real_pipeline_reingesting_its_article(
    tmp_path: Path, resources: Resources
) -> None:
    api = TestClient(fresh_app(tmp_path / "real.db", resources, api_token=TOKEN))
    body = {"id": "baltic-1", "text": ARTICLE, "title": "Talks in Tallinn"}
    assert api.post("/api/articles", json=body, headers=AUTH).status_code == 201
    events = ok(api.get("/api/events", params={"doc_id": "baltic-1"}))["items"]
    assert events, "the pipeline coded no event in the test article"
    first = events[0]
    other = "AID" if first["type"] != "AID" else "PROTEST"
    ok(patch(api, first["event_id"], {"type": other, "date": "2026-05-06", "reason": "checked"}))
    again = api.post(
        "/api/articles", json=body | {"title": "Talks in Tallinn, updated"}, headers=AUTH
    )
    assert again.json()["status"] == "updated"  # analysed again and stored anew
    store = open_store(str(tmp_path / "real.db"))
    try:
        relink(store)
    finally:
        store.close()
    kept = ok(api.get(f"/api/events/{first['event_id']}"))
    assert (kept["type"], kept["date"], kept["reviewed"]) == (other, "2026-05-06", True)
    listed = ok(api.get("/api/corrections", params={"record_id": first["event_id"]}))
    assert listed["total"] == 1 and listed["items"][0]["after"]["type"] == other
