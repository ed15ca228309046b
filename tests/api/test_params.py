"""Bad parameters get clear 4xx JSON errors; an empty store gives empty pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import error, fresh_app, ok

LISTS = ["/api/articles", "/api/actors", "/api/events", "/api/quotes", "/api/stories"]
EVENT_FILTERED = ["/api/events", "/api/stories", "/api/timeline", "/api/network"]


@pytest.mark.parametrize("url", LISTS)
def test_an_empty_store_gives_an_empty_first_page(empty_client: TestClient, url: str) -> None:
    assert ok(empty_client.get(url)) == {
        "items": [],
        "total": 0,
        "limit": 50,
        "offset": 0,
        "next": None,
    }


def test_timeline_and_network_of_an_empty_store(empty_client: TestClient) -> None:
    timeline = ok(empty_client.get("/api/timeline"))
    assert {k: timeline[k] for k in ("news", "background", "undated", "total", "next")} == {
        "news": [],
        "background": [],
        "undated": [],
        "total": 0,
        "next": None,
    }
    network = ok(empty_client.get("/api/network"))
    assert {k: network[k] for k in ("nodes", "edges", "total_nodes", "total_edges")} == {
        "nodes": [],
        "edges": [],
        "total_nodes": 0,
        "total_edges": 0,
    }


@pytest.mark.parametrize("url", LISTS)
def test_page_size_above_the_maximum_is_refused(empty_client: TestClient, url: str) -> None:
    message = error(empty_client.get(url, params={"limit": 100000}), 400)

    assert message == "limit 100000 is larger than the maximum page size 500"
    assert ok(empty_client.get(url, params={"limit": 500}))["limit"] == 500


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"offset": -1}, "offset: Input should be greater than or equal to 0"),
        ({"limit": 0}, "limit: Input should be greater than or equal to 1"),
        ({"limit": "ten"}, "limit: Input should be a valid integer"),
    ],
)
def test_bad_limit_or_offset_is_a_422(
    empty_client: TestClient, url: str, params: dict, expected: str
) -> None:
    assert error(empty_client.get(url, params=params), 422).startswith(expected)


def test_the_maximum_page_size_is_the_servers_setting(tmp_path: Path) -> None:
    client = TestClient(fresh_app(tmp_path / "small.db", max_page_size=3))

    assert ok(client.get("/api/events", params={"limit": 3}))["limit"] == 3
    message = error(client.get("/api/events", params={"limit": 4}), 400)
    assert message == "limit 4 is larger than the maximum page size 3"
    assert error(client.get("/api/events"), 400).startswith("limit 50 is larger")


@pytest.mark.parametrize("url", EVENT_FILTERED)
@pytest.mark.parametrize("bound", ["since", "until"])
@pytest.mark.parametrize("value", ["2023-13-45", "yesterday", "2023-02-30", "23-01-01"])
def test_bad_dates_are_a_422_naming_the_parameter(
    empty_client: TestClient, url: str, bound: str, value: str
) -> None:
    message = error(empty_client.get(url, params={bound: value}), 422)

    assert message == f"{bound}: '{value}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"


@pytest.mark.parametrize("url", EVENT_FILTERED)
@pytest.mark.parametrize("value", ["2023", "2023-02", "2023-02-28"])
def test_partial_dates_are_accepted(empty_client: TestClient, url: str, value: str) -> None:
    ok(empty_client.get(url, params={"since": value, "until": value}))


@pytest.mark.parametrize("url", EVENT_FILTERED)
def test_unknown_event_type_is_a_422_listing_the_valid_ones(
    empty_client: TestClient, url: str
) -> None:
    message = error(empty_client.get(url, params={"type": ["ASSAULT", "Bombing"]}), 422)

    assert message.startswith("type: unknown PLOVER type 'BOMBING'; use one of ACCUSE, AGREE,")
    for known in ("ASSAULT", "CONSULT", "MOBILIZE", "THREATEN"):
        assert known in message
    ok(empty_client.get(url, params={"type": ["assault", "Consult"]}))


def test_unknown_quad_is_a_422_listing_the_categories(empty_client: TestClient) -> None:
    message = error(empty_client.get("/api/events", params={"quad": "war"}), 422)

    assert message == (
        "quad: 'war' is not a quad category; use one of material_conflict, "
        "material_cooperation, verbal_conflict, verbal_cooperation"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/actors?kind=robot", "kind: Input should be 'person', 'org', 'country' or 'group'"),
        ("/api/quotes?kind=loud", "kind: Input should be 'direct' or 'indirect'"),
    ],
)
def test_unknown_kind_is_a_422(empty_client: TestClient, url: str, expected: str) -> None:
    assert error(empty_client.get(url), 422) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/articles/d123", "no article with id 'd123'"),
        ("/api/actors/albin-kurti", "no actor with id 'albin-kurti'"),
        ("/api/events/e123", "no event with id 'e123'"),
        ("/api/stories/s123", "no story with id 's123'"),
    ],
)
def test_unknown_ids_are_a_404(empty_client: TestClient, url: str, expected: str) -> None:
    assert error(empty_client.get(url), 404) == expected


def test_unknown_path_is_a_json_404(empty_client: TestClient) -> None:
    assert error(empty_client.get("/api/no-such-thing"), 404) == "Not Found"


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?offset=9223372036854775808",
        "/api/corrections?offset=9223372036854775808",
        "/api/network?offset=1000000001",
        "/api/articles?offset=99999999999999999999",
    ],
)
def test_an_offset_past_any_list_is_a_422_not_a_server_error(
    empty_client: TestClient, url: str
) -> None:
    message = error(empty_client.get(url), 422)

    assert message == "offset: Input should be less than or equal to 1000000000"
