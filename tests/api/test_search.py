"""GET /api/search: hits of each kind with their evidence, paging, bad parameters as
documented 4xx, and hostile queries answered, never a 500."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.store import open_store
from tests.api.conftest import fresh_app, ok
from tests.store.test_search import GLACIER, HARBOUR, HOSTILE, fill


@pytest.fixture(scope="module")
def searched(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """A client over a store of our three articles (no model needed)."""
    db = tmp_path_factory.mktemp("search") / "search.db"
    with closing(open_store(str(db))) as store:
        fill(store)
    return TestClient(fresh_app(Path(db)))


def test_search_answers_hits_with_offsets_into_their_article(searched: TestClient) -> None:
    body = ok(searched.get("/api/search", params={"q": "wages"}))
    assert body["total"] == 2 and body["counts"] == {"article": 1, "quote": 1, "event": 0}
    assert {(h["kind"], h["id"]) for h in body["items"]} == {
        ("article", "harbour"),
        ("quote", "harbour-q1"),
    }
    for hit in body["items"]:
        snippet = hit["snippet"]
        assert HARBOUR[snippet["start"] : snippet["end"]] == snippet["text"]
        assert [HARBOUR[m["start"] : m["end"]] for m in hit["matches"]] == ["wages"]
        assert hit["doc_id"] == "harbour" and hit["title"] == "Port strike"


@pytest.mark.parametrize(
    ("kind", "query", "ids"),
    [
        ("event", "blocking cargo", ["harbour-e1"]),
        ("quote", "unload", ["harbour-q1"]),
        ("article", "meltwater pastures", ["glacier"]),
        ("event", "meltwater", []),
    ],
)
def test_kind_keeps_one_kind(searched: TestClient, kind: str, query: str, ids: list[str]) -> None:
    body = ok(searched.get("/api/search", params={"q": query, "kind": kind}))
    assert [h["id"] for h in body["items"]] == ids
    assert all(h["kind"] == kind for h in body["items"]) and list(body["counts"]) == [kind]


def test_search_pages_by_offset(searched: TestClient) -> None:
    pages = [
        ok(searched.get("/api/search", params={"q": "the", "limit": 2, "offset": o}))
        for o in (0, 2, 4)
    ]
    ids = [(h["kind"], h["id"]) for p in pages for h in p["items"]]
    assert len(ids) == len(set(ids)) == pages[0]["total"] >= 4
    assert [p["offset"] for p in pages] == [0, 2, 4] and pages[0]["limit"] == 2


def test_a_stemmed_word_is_found_and_marked(searched: TestClient) -> None:
    body = ok(searched.get("/api/search", params={"q": "reports", "kind": "article"}))
    (hit,) = body["items"]
    assert [GLACIER[m["start"] : m["end"]] for m in hit["matches"]] == ["reported"]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({}, 422),
        ({"q": "wages", "kind": "story"}, 422),
        ({"q": "wages", "limit": 0}, 422),
        ({"q": "wages", "limit": 100_000}, 400),
        ({"q": "wages", "offset": -1}, 422),
        ({"q": "wages", "after": "abc"}, 422),
    ],
)
def test_bad_parameters_are_a_json_4xx(searched: TestClient, params: dict, status: int) -> None:
    response = searched.get("/api/search", params=params)
    assert response.status_code == status, response.text
    assert response.json()["status"] == status and response.json()["error"]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_query_is_answered(searched: TestClient, query: str) -> None:
    response = searched.get("/api/search", params={"q": query})
    if "\x00" in query:  # some clients refuse to send NUL; the server must not care
        assert response.status_code in (200, 422), response.text
        return
    body = ok(response)
    assert body["total"] >= len(body["items"])


def test_the_schema_documents_search_and_its_refusals(searched: TestClient) -> None:
    schema = ok(searched.get("/openapi.json"))
    op = schema["paths"]["/api/search"]["get"]
    assert {"200", "400", "422"} <= set(op["responses"])
    names = {p["name"] for p in op["parameters"]}
    assert {"q", "kind", "limit", "offset"} <= names
    assert all(p.get("description") for p in op["parameters"])
