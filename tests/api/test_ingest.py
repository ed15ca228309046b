"""POST /api/articles: the token rule, clear refusals, and an ingest that shows up in reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.pipeline import Resources
from tests.api.conftest import TOKEN, error, everything, fresh_app, ok

# Written for this test; 2024-03-06 was a Wednesday, so "on Tuesday" is 2024-03-05.
CABLES = {
    "id": "gulf-cables",
    "title": "Finland and Estonia agree to guard undersea cables together",
    "published": "2024-03-06",
    "outlet": "Nordic Ledger",
    "text": (
        "Finnish Foreign Minister Elina Valtonen met Estonian Foreign Minister Margus Tsahkna "
        "in Helsinki on Tuesday. The two ministers signed an agreement on the joint protection "
        "of undersea cables in the Gulf of Finland. Valtonen said Finland would back Estonia's "
        "request for more naval patrols in the Baltic Sea."
    ),
}
GOOD = {"Authorization": f"Bearer {TOKEN}"}


def test_ingest_is_disabled_without_a_server_token(tmp_path: Path) -> None:
    client = TestClient(fresh_app(tmp_path / "t.db"))

    message = error(client.post("/api/articles", json=CABLES, headers=GOOD), 403)

    assert "ingest is disabled" in message and "token" in message
    assert ok(client.get("/api/articles"))["total"] == 0


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Bearer {TOKEN}x"}, {"X": TOKEN}],
)
def test_missing_or_wrong_token_is_refused(empty_client: TestClient, headers: dict) -> None:
    message = error(empty_client.post("/api/articles", json=CABLES, headers=headers), 401)

    assert message == "missing or wrong token: send 'Authorization: Bearer TOKEN'"
    assert ok(empty_client.get("/api/articles"))["total"] == 0


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"title": "no text"}, "text: Field required"),
        ({"text": ""}, "text: String should have at least 1 character"),
        ({"text": "   \n  "}, "text: has no words"),
        ({"text": CABLES["text"], "published": "2024-13-45"}, "'2024-13-45' is not a date"),
        (
            {
                "text": "Der Bundeskanzler hat am Dienstag in Berlin mit dem französischen "
                "Präsidenten gesprochen, und die beiden haben eine Erklärung unterzeichnet."
            },
            "does not look English",
        ),
        (["not", "an", "object"], "Input should be a valid dictionary"),
    ],
)
def test_bad_bodies_get_a_422_naming_the_reason(
    empty_client: TestClient, body: object, expected: str
) -> None:
    message = error(empty_client.post("/api/articles", json=body, headers=GOOD), 422)

    assert expected in message
    assert ok(empty_client.get("/api/articles"))["total"] == 0


@pytest.mark.slow
def test_ingested_article_shows_up_in_articles_and_its_events(
    tmp_path: Path, resources: Resources
) -> None:
    client = TestClient(fresh_app(tmp_path / "t.db", resources, api_token=TOKEN))

    response = client.post("/api/articles", json=CABLES, headers=GOOD)

    assert response.status_code == 201, response.text
    assert response.json() == {"doc_id": "gulf-cables", "status": "ingested"}
    [listed] = ok(client.get("/api/articles"))["items"]
    assert (listed["doc_id"], listed["title"], listed["published"], listed["outlet"]) == (
        "gulf-cables",
        CABLES["title"],
        "2024-03-06",
        "Nordic Ledger",
    )
    view = ok(client.get("/api/articles/gulf-cables"))
    assert view["text"] == CABLES["text"]
    events = everything(client, "/api/events", doc_id="gulf-cables")
    assert events and {e["doc_id"] for e in events} == {"gulf-cables"}
    [meeting] = [e for e in events if e["type"] == "CONSULT"]
    assert meeting["source"]["name"] == "Elina Valtonen"
    assert [t["name"] for t in meeting["targets"]] == ["Margus Tsahkna"]
    assert meeting["date"] == "2024-03-05"
    assert meeting["evidence"]["text"].startswith("Finnish Foreign Minister Elina Valtonen met")
    assert meeting in everything(client, "/api/events", country="EST")
    assert "Elina Valtonen" in {a["name"] for a in everything(client, "/api/actors", country="FIN")}

    again = client.post("/api/articles", json=CABLES, headers=GOOD)

    assert again.status_code == 201
    assert again.json() == {"doc_id": "gulf-cables", "status": "unchanged"}
    assert ok(client.get("/api/articles"))["total"] == 1
