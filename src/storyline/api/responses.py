"""The API's error body and the statuses each kind of endpoint can answer, for the schema.

Every error the API sends is `{"error": one line, "status": code}`; these tables put it
in the OpenAPI schema beside each status an endpoint can send, so a client (or a
schema-driven fuzzer) knows every answer it may get.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    """Every error response: what went wrong in one line, and the status again."""

    error: str = Field(description="What was wrong, in one line.")
    status: int = Field(description="The HTTP status code of the response.")


Responses = dict[int | str, dict[str, Any]]


def _error(description: str, **extra: Any) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description, **extra}


BAD_VALUE = _error("A parameter's value cannot be understood (a date, type or cursor).")
TOO_LARGE_PAGE = _error("`limit` is over the server's maximum page size.")
NOT_FOUND = _error("No record with this id.")
TOO_LARGE = _error("The request body is over the server's limit (`serve --max-request-bytes`).")
UNAUTHORISED = _error(
    "No token, or not the server's: send `Authorization: Bearer TOKEN`.",
    headers={
        "WWW-Authenticate": {
            "description": "The scheme to use: Bearer.",
            "schema": {"type": "string"},
        }
    },
)
DISABLED = _error("Writing is disabled: the server was started without a token.")
BAD_BODY = _error("The body is not what the endpoint takes, or the article is refused.")

LISTING: Responses = {400: TOO_LARGE_PAGE, 422: BAD_VALUE}
"""A paginated listing: a page too large, or a filter value that is not one."""

FILTERED: Responses = {422: BAD_VALUE}
"""An endpoint with filters but no server-bounded page."""

ONE: Responses = {404: NOT_FOUND, 422: BAD_VALUE}
"""One record by id."""

ONE_PAGED: Responses = {400: TOO_LARGE_PAGE, 404: NOT_FOUND, 422: BAD_VALUE}
"""One record by id with a page of what it holds."""

WRITE: Responses = {
    400: _error("The body cannot be read (bad framing or Content-Length)."),
    401: UNAUTHORISED,
    403: DISABLED,
    413: TOO_LARGE,
    422: BAD_BODY,
}
"""A write: token, size and body refusals."""
