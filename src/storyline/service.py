"""What the API and the web pages share at request time, so neither imports the other:
the app's state, the read-only store of one request, and the check of the token.

Reads open a read-only connection per request (WAL lets them run while an ingest
writes); the one writer is ingest (and review), serialised by the state's lock, which
loads the NLP resources the first time it is needed. `storyline.api.create_app` builds
the app that serves both.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from storyline.config import Settings
from storyline.pipeline import Resources, load_resources
from storyline.store import SQLiteStore, open_store

DISABLED = "ingest is disabled: start the server with a token (--token or STORYLINE_TOKEN)"
UNAUTHORISED = "missing or wrong token: send 'Authorization: Bearer TOKEN'"
# RFC 6750: a 401 names the scheme the client should use.
CHALLENGE = 'Bearer realm="storyline"'


@dataclass(slots=True)
class AppState:
    """What the app holds between requests: its settings and the writer's lock."""

    settings: Settings
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    _resources: Resources | None = None

    def resources(self) -> Resources:
        """The NLP resources, loaded on first use (only ingest needs them)."""
        if self._resources is None:
            self._resources = load_resources(self.settings)
        return self._resources


def app_state(request: Request) -> AppState:
    """The running app's state."""
    return request.app.state.storyline


def read_store(state: Annotated[AppState, Depends(app_state)]) -> Iterator[SQLiteStore]:
    """A read-only connection for one request."""
    store = open_store(state.settings.db, read_only=True)
    try:
        yield store
    finally:
        store.close()


ReadStore = Annotated[SQLiteStore, Depends(read_store)]
State = Annotated[AppState, Depends(app_state)]


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a request is refused before it is read: its status, message and headers."""

    status: int
    message: str
    headers: tuple[tuple[str, str], ...] = ()


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer TOKEN` header (the scheme in any case), or
    None when the header is missing or names another scheme or none."""
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        return None
    return credentials.strip()


def token_refusal(expected: str | None, authorization: str | None) -> Refusal | None:
    """None when the header carries the server's token; else why the write is refused."""
    if not expected:
        return Refusal(403, DISABLED)
    given = bearer_token(authorization)
    if given is None or not hmac.compare_digest(given.encode(), expected.encode()):
        return Refusal(401, UNAUTHORISED, (("www-authenticate", CHALLENGE),))
    return None
