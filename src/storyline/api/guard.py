"""What every request passes before the app reads its body: the token of the API's write
endpoints, then the body's size.

FastAPI reads and parses a request's whole body before any dependency runs, so a check
made in a route comes too late: a large POST without a token would be read into memory
first. This pure ASGI middleware answers from the request line and headers alone: a
write to the API without the right token is refused (401, or 403 when the server has
no token), and a body whose Content-Length is over the limit is refused (413), both
without reading a byte of it. A body sent without a length (chunked) is counted while
it is read by Starlette's RequestBodyLimitMiddleware, which the app factory installs
inside this one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from storyline.service import Refusal, token_refusal

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def size_refusal(headers: Headers, max_bytes: int) -> Refusal | None:
    """A 413 when the declared Content-Length is over the limit (a bad one is a 400)."""
    declared = headers.get("content-length")
    if declared is None:
        return None
    if not declared.strip().isdigit():
        return Refusal(400, f"Content-Length {declared[:40]!r} is not a number of bytes")
    if int(declared) > max_bytes:
        return Refusal(
            413, f"request body of {int(declared)} bytes is over the limit of {max_bytes} bytes"
        )
    return None


class RequestGuard:
    """Refuses an API write without the token and a body declared too large, unread."""

    def __init__(self, app: ASGIApp, *, token: str | None, max_bytes: int) -> None:
        self.app, self.token, self.max_bytes = app, token, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer the refusal, if any, else pass the request on untouched."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = None
        if _is_api_write(scope):
            refusal = token_refusal(self.token, headers.get("authorization"))
        refusal = refusal or size_refusal(headers, self.max_bytes)
        if refusal is None:
            await self.app(scope, receive, send)
            return
        await _answer(send, refusal)


@dataclass(frozen=True, slots=True)
class Operation:
    """One path of the OpenAPI schema: its pattern, methods and those needing the token."""

    pattern: re.Pattern[str]
    methods: frozenset[str]
    secured: frozenset[str]


def operations_of(app: Any) -> tuple[Operation, ...]:
    """The API's operations as its OpenAPI schema lists them (built once per app): the
    schema, not the router, says which need the token and which methods a path takes."""
    found = getattr(app.state, "storyline_operations", None)
    if found is None:
        found = tuple(_operation(path, ops) for path, ops in app.openapi()["paths"].items())
        app.state.storyline_operations = found
    return found


def _operation(path: str, ops: dict[str, Any]) -> Operation:
    pattern = re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "$")
    methods = frozenset(m.upper() for m in ops)
    secured = frozenset(m.upper() for m, op in ops.items() if op.get("security"))
    return Operation(pattern, methods, secured)


def allowed_methods(app: Any, path: str) -> frozenset[str] | None:
    """The methods the API path takes (None when the schema has no such path)."""
    for operation in operations_of(app):
        if operation.pattern.match(path):
            return operation.methods
    return None


def _is_api_write(scope: Scope) -> bool:
    """Whether the request is a write the schema says needs the token (a method an
    endpoint does not take gets its 405 from the router, not a 401)."""
    if scope["method"] not in WRITE_METHODS or "app" not in scope:
        return False
    path = scope["path"]
    return any(
        scope["method"] in op.secured
        for op in operations_of(scope["app"])
        if op.pattern.match(path)
    )


async def _answer(send: Send, refusal: Refusal) -> None:
    body = json.dumps(
        {"error": refusal.message, "status": refusal.status}, separators=(",", ":")
    ).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        # The body was not read: the connection cannot carry another request.
        (b"connection", b"close"),
        *((k.encode(), v.encode()) for k, v in refusal.headers),
    ]
    await send({"type": "http.response.start", "status": refusal.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
