"""The request guard: the token of a write and the size of a body are checked before the
body is read; `Bearer` is required (any case); a method an endpoint does not take is a
405 naming the ones it does."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from storyline.service import bearer_token
from tests.api.conftest import TOKEN, error, fresh_app, ok


@dataclass
class Exchange:
    """What a raw ASGI request got back, and how many body chunks the app read."""

    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    chunks_read: int = 0

    def json(self) -> dict:
        return json.loads(self.body)


def send_raw(
    app: FastAPI, method: str, path: str, headers: dict[str, str], chunks: list[bytes]
) -> Exchange:
    """Call the app as a server would, feeding the body in chunks, counting what it reads."""
    got = Exchange()
    pending = list(chunks)

    async def receive() -> dict:
        got.chunks_read += 1
        if not pending:
            return {"type": "http.request", "body": b"", "more_body": False}
        chunk = pending.pop(0)
        return {"type": "http.request", "body": chunk, "more_body": bool(pending)}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            got.status = message["status"]
            got.headers = {k.decode(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            got.body += message.get("body", b"")

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }
    asyncio.run(app(scope, receive, send))
    return got


BIG = [b"x" * 65536] * 64  # 4 MiB in chunks, as a client streams it


@pytest.fixture
def small_app(tmp_path: Path) -> FastAPI:
    """An app with a token and a 2,000-byte body limit."""
    return fresh_app(tmp_path / "g.db", api_token=TOKEN, max_request_bytes=2000)


@pytest.mark.parametrize(
    "headers",
    [
        {"content-length": str(64 * 65536)},
        {"content-length": str(64 * 65536), "authorization": "Bearer not-the-token"},
        {"transfer-encoding": "chunked", "authorization": TOKEN},
    ],
)
def test_a_write_without_the_token_is_refused_before_its_body_is_read(
    small_app: FastAPI, headers: dict[str, str]
) -> None:
    got = send_raw(small_app, "POST", "/api/articles", headers, list(BIG))

    assert got.status == 401
    assert got.chunks_read == 0
    assert got.headers["www-authenticate"].startswith("Bearer")
    assert got.json()["error"] == "missing or wrong token: send 'Authorization: Bearer TOKEN'"


def test_a_write_to_a_server_without_a_token_is_refused_unread(tmp_path: Path) -> None:
    app = fresh_app(tmp_path / "n.db")

    got = send_raw(app, "POST", "/api/articles", {"content-length": "262144"}, list(BIG[:4]))

    assert (got.status, got.chunks_read) == (403, 0)
    assert "ingest is disabled" in got.json()["error"]


@pytest.mark.parametrize("path", ["/api/articles", "/api/events", "/articles"])
def test_a_body_declared_over_the_limit_is_a_413_unread(small_app: FastAPI, path: str) -> None:
    headers = {"authorization": f"Bearer {TOKEN}", "content-length": "2001"}

    got = send_raw(small_app, "POST", path, headers, [b"{" * 2001])

    assert (got.status, got.chunks_read) == (413, 0)
    assert got.json() == {
        "error": "request body of 2001 bytes is over the limit of 2000 bytes",
        "status": 413,
    }


@pytest.mark.parametrize("chunk", [700, 1000, 1999])
def test_a_body_without_a_length_is_counted_and_cut_at_the_limit(
    small_app: FastAPI, chunk: int
) -> None:
    headers = {"authorization": f"Bearer {TOKEN}", "content-type": "application/json"}

    got = send_raw(small_app, "POST", "/api/articles", headers, [b" " * chunk] * 20)

    assert got.status == 413
    assert got.json()["status"] == 413
    assert got.chunks_read <= 2000 // chunk + 1  # stops at the chunk that goes over


def test_a_body_under_the_limit_goes_through_to_validation(small_app: FastAPI) -> None:
    body = json.dumps({"text": "Rain fell on the harbour.", "url": "gopher://x"}).encode()
    headers = {
        "authorization": f"Bearer {TOKEN}",
        "content-type": "application/json",
        "content-length": str(len(body)),
    }

    got = send_raw(small_app, "POST", "/api/articles", headers, [body[:10], body[10:]])

    assert got.status == 422
    assert "url: 'gopher://x' is not an http or https URL" in got.json()["error"]


@pytest.mark.parametrize(
    "authorization",
    [TOKEN, "T", "Basic " + TOKEN, "Bearer", "Bearer ", f"Token {TOKEN}", f"Bearer{TOKEN}"],
)
def test_a_token_without_the_bearer_scheme_is_refused(
    empty_client: TestClient, authorization: str
) -> None:
    response = empty_client.post(
        "/api/articles",
        json={"text": "Storms closed the port."},
        headers={"Authorization": authorization},
    )

    assert error(response, 401) == "missing or wrong token: send 'Authorization: Bearer TOKEN'"
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="storyline"'


@pytest.mark.parametrize("scheme", ["bearer", "BEARER", "BeArEr"])
def test_the_bearer_scheme_is_read_in_any_case(empty_client: TestClient, scheme: str) -> None:
    # Past the token, a text in German is refused for its language: the token was taken.
    body = {"text": "Der Hafen wurde am Montag wegen des Sturms geschlossen und bleibt zu."}

    response = empty_client.post(
        "/api/articles", json=body, headers={"Authorization": f"{scheme} {TOKEN}"}
    )

    assert "does not look English" in error(response, 422)


@pytest.mark.parametrize(
    ("header", "token"),
    [
        ("Bearer abc", "abc"),
        ("bearer   abc  ", "abc"),
        ("  BEARER abc", "abc"),
        ("abc", None),
        ("Basic abc", None),
        ("Bearer", None),
        (None, None),
    ],
)
def test_bearer_token_reads_only_the_bearer_scheme(header: str | None, token: str | None) -> None:
    assert bearer_token(header) == token


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("TRACE", "/api/events", "GET"),
        ("PUT", "/api/articles", {"GET", "POST"}),
        ("DELETE", "/api/stories/some-id", "GET"),
        ("PATCH", "/api/timeline", "GET"),
    ],
)
def test_a_method_an_endpoint_does_not_take_is_a_405_with_allow(
    empty_client: TestClient, method: str, path: str, allowed: str | set[str]
) -> None:
    response = empty_client.request(method, path)

    error(response, 405)
    given = {m.strip() for m in response.headers["Allow"].split(",")}
    assert given == (allowed if isinstance(allowed, set) else {allowed})


def test_reads_need_no_token_and_pages_still_render(small_app: FastAPI) -> None:
    client = TestClient(small_app)

    assert ok(client.get("/api/articles"))["total"] == 0
    page = client.get("/")
    assert page.status_code == 200 and "<html" in page.text
