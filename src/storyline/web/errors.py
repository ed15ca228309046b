"""Errors outside the API as HTML pages; the API's own errors stay JSON.

The app's handlers answer every error with JSON. For a page (any path outside /api
and the schema) a person is reading, so the same error is shown as a page instead.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from http import HTTPStatus

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response

from storyline.web.templating import render

Handler = Callable[[Request, Exception], Response | Awaitable[Response]]


def is_api(request: Request) -> bool:
    """Whether the request is for the API (JSON) rather than a page."""
    path = request.url.path
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


def html_errors_for_pages(app: FastAPI) -> None:
    """Wrap the app's error handlers: pages get an HTML error page, the API its JSON."""
    for kind in (StarletteHTTPException, RequestValidationError):
        api_handler = app.exception_handlers.get(kind)
        if api_handler is not None:
            app.add_exception_handler(kind, _either(api_handler))


def _either(api_handler: Handler) -> Callable[[Request, Exception], Awaitable[Response]]:
    async def handle(request: Request, exc: Exception) -> Response:
        if is_api(request):
            response = api_handler(request, exc)
            return await response if inspect.isawaitable(response) else response
        return error_page(exc)

    return handle


def error_page(exc: Exception) -> Response:
    """The HTML page for an HTTP or validation error."""
    if isinstance(exc, StarletteHTTPException):
        status = exc.status_code
        try:
            heading = HTTPStatus(status).phrase
        except ValueError:
            heading = "Error"
        message = "There is no page at this address." if status == 404 else str(exc.detail)
        response = render("error.html", status, heading=heading, message=message)
        for key, value in (exc.headers or {}).items():
            response.headers.setdefault(key, value)
        return response
    assert isinstance(exc, RequestValidationError)
    problems = [
        f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'query')}: {e.get('msg', 'invalid')}"
        for e in exc.errors()
    ]
    return render("error.html", 422, heading="Bad request", message="; ".join(problems))
