"""The OpenAPI schema: every endpoint listed, summarised, and every parameter described."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import ok

ENDPOINTS = {
    ("get", "/api/articles"),
    ("post", "/api/articles"),
    ("get", "/api/articles/{doc_id}"),
    ("get", "/api/actors"),
    ("get", "/api/actors/{actor_id}"),
    ("get", "/api/events"),
    ("get", "/api/events/{event_id}"),
    ("get", "/api/quotes"),
    ("get", "/api/stories"),
    ("get", "/api/stories/{story_id}"),
    ("get", "/api/timeline"),
    ("get", "/api/network"),
}


def api_operations(schema: dict) -> dict[tuple[str, str], dict]:
    return {
        (method, path): op
        for path, ops in schema["paths"].items()
        if path.startswith("/api/")
        for method, op in ops.items()
    }


def test_schema_lists_every_endpoint(empty_client: TestClient) -> None:
    schema = ok(empty_client.get("/openapi.json"))

    assert set(api_operations(schema)) >= ENDPOINTS


def test_every_endpoint_has_a_summary_and_every_parameter_a_description(
    empty_client: TestClient,
) -> None:
    schema = ok(empty_client.get("/openapi.json"))

    for (method, path), op in api_operations(schema).items():
        assert op.get("summary"), f"{method} {path} has no summary"
        for param in op.get("parameters", []):
            assert param.get("description"), f"{method} {path}: {param['name']} undescribed"


def test_list_endpoints_take_limit_and_offset(empty_client: TestClient) -> None:
    ops = api_operations(ok(empty_client.get("/openapi.json")))

    for path in ("/api/articles", "/api/actors", "/api/events", "/api/quotes", "/api/stories"):
        names = {p["name"] for p in ops[("get", path)]["parameters"]}
        assert {"limit", "offset"} <= names, path
    events = {p["name"] for p in ops[("get", "/api/events")]["parameters"]}
    assert events == {
        "actor", "country", "type", "since", "until", "doc_id", "story_id", "quad", "limit",
        "offset", "after",
    }  # fmt: skip
    [type_param] = [p for p in ops[("get", "/api/events")]["parameters"] if p["name"] == "type"]
    assert type_param["schema"]["anyOf"][0]["type"] == "array"  # repeatable
