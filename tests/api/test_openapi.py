"""The OpenAPI schema: every endpoint listed, summarised, and every parameter described."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from tests.api.conftest import fresh_app, ok

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


ERROR_REF = "#/components/schemas/ErrorOut"


def error_statuses(op: dict) -> set[int]:
    """The error statuses an operation documents with the shared error body."""
    return {
        int(status)
        for status, answer in op["responses"].items()
        if answer.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
        == ERROR_REF
    }


def test_every_status_an_endpoint_sends_is_in_the_schema(empty_client: TestClient) -> None:
    ops = api_operations(ok(empty_client.get("/openapi.json")))

    assert error_statuses(ops[("post", "/api/articles")]) == {400, 401, 403, 413, 422}
    for path in ("/api/articles", "/api/actors", "/api/events", "/api/quotes", "/api/stories"):
        assert error_statuses(ops[("get", path)]) == {400, 422}, path
    assert error_statuses(ops[("get", "/api/timeline")]) == {400, 422}
    assert error_statuses(ops[("get", "/api/network")]) == {422}
    for path in ("/api/articles/{doc_id}", "/api/events/{event_id}", "/api/stories/{story_id}"):
        assert error_statuses(ops[("get", path)]) == {404, 422}, path
    assert error_statuses(ops[("get", "/api/actors/{actor_id}")]) == {400, 404, 422}
    for (method, path), op in ops.items():  # no endpoint keeps FastAPI's own 422 body
        assert "HTTPValidationError" not in str(op["responses"]), f"{method} {path}"


def test_the_401_names_its_challenge_and_the_write_its_scheme(empty_client: TestClient) -> None:
    schema = ok(empty_client.get("/openapi.json"))
    post = api_operations(schema)[("post", "/api/articles")]

    assert "WWW-Authenticate" in post["responses"]["401"]["headers"]
    assert post["security"] == [{"HTTPBearer": []}]
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert set(schema["components"]["schemas"]["ErrorOut"]["required"]) == {"error", "status"}


def test_limit_has_the_servers_maximum_page_size(tmp_path: Path) -> None:
    client = TestClient(fresh_app(tmp_path / "s.db", max_page_size=37))
    ops = api_operations(ok(client.get("/openapi.json")))

    for path in ("/api/articles", "/api/events", "/api/quotes", "/api/timeline"):
        [limit] = [p for p in ops[("get", path)]["parameters"] if p["name"] == "limit"]
        assert (limit["schema"]["minimum"], limit["schema"]["maximum"]) == (1, 37), path
    [nodes] = [p for p in ops[("get", "/api/network")]["parameters"] if p["name"] == "limit"]
    assert nodes["schema"]["maximum"] == 1000  # the network's own bound, not the page size


def test_the_article_body_documents_its_rules(empty_client: TestClient) -> None:
    schema = ok(empty_client.get("/openapi.json"))
    fields = schema["components"]["schemas"]["ArticleIn"]["properties"]

    def accepts(name: str, value: str) -> bool:
        [pattern] = [
            v["pattern"] for v in [fields[name], *fields[name].get("anyOf", [])] if "pattern" in v
        ]
        return re.search(pattern, value) is not None

    assert accepts("text", "Ferries resumed.") and not accepts("text", "1 2 3 ?!")
    assert accepts("id", "wire-2024-17") and not accepts("id", "wire\x002024")
    assert accepts("title", "Ferries resume") and not accepts("title", "Ferries\x1bresume")
    assert accepts("url", "HTTPS://port.example/news?id=4")
    assert not accepts("url", "ftp://port.example/") and not accepts("url", "port.example/news")
    assert fields["published"]["format"] == "date"
