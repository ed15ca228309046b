"""The app factory: settings in, a FastAPI app out (the API under /api, the web pages
mounted at /); no module-level state. What both read at request time (the state, a
read-only store, the token check) is in `storyline.service`, so neither imports the
other.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.body_limit import RequestBodyLimitMiddleware

from storyline.api.guard import RequestGuard, allowed_methods
from storyline.config import Settings
from storyline.errors import StorylineError
from storyline.service import AppState
from storyline.store import open_store


def create_app(settings: Settings) -> FastAPI:
    """The API under /api, the web pages at /, the OpenAPI schema at /openapi.json."""
    open_store(settings.db).close()  # create and migrate the database before any read
    app = FastAPI(
        lifespan=_threads(settings.server_threads),
        title="storyline",
        summary="Sourced events, quotes, actors and stories from news reports.",
        version="1",
        docs_url=None,  # the interactive docs pages fetch scripts from a CDN
        redoc_url=None,
    )
    app.state.storyline = AppState(settings=settings)
    _add_error_handlers(app)
    from storyline import web
    from storyline.api import routes

    app.include_router(routes.router, prefix="/api")
    web.mount(app)
    # The last added runs first: the guard refuses from the headers alone, then a body
    # sent without a length is counted as it is read.
    app.add_middleware(RequestBodyLimitMiddleware, max_body_size=settings.max_request_bytes)
    app.add_middleware(RequestGuard, token=settings.api_token, max_bytes=settings.max_request_bytes)
    app.openapi = lambda: _schema(app, settings)  # type: ignore[method-assign]
    return app


def _threads(count: int) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A lifespan giving the running server `count` threads for its requests (anyio's
    default is 40, and forty requests taking turns on one interpreter each take far
    longer than a few served at a time: 31.5 against 83.6 requests/s at 100 clients,
    BENCHMARKS.md)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = count
        yield

    return lifespan


def _schema(app: FastAPI, settings: Settings) -> dict[str, object]:
    """The OpenAPI schema, with the server's own maximum page size as the maximum of every
    `limit` that has none (the routes are declared before the settings are known)."""
    if app.openapi_schema is None:
        schema = FastAPI.openapi(app)  # builds and keeps app.openapi_schema
        for ops in schema.get("paths", {}).values():
            for op in ops.values():
                for param in op.get("parameters", ()):
                    if param["name"] == "limit" and "maximum" not in param["schema"]:
                        param["schema"]["maximum"] = settings.max_page_size
    return app.openapi_schema


def _add_error_handlers(app: FastAPI) -> None:
    """Every error is JSON: {"error": one line, "status": code}."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(exc.headers or {})  # a 401's WWW-Authenticate, a 405's Allow
        if exc.status_code == 405:  # the router names only the first route's methods
            allowed = allowed_methods(request.app, request.url.path)
            if allowed:
                headers["Allow"] = ", ".join(sorted(allowed))
        return _error(exc.status_code, str(exc.detail), headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body"))
            message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
            problems.append(f"{where or 'request'}: {message}")
        return _error(422, "; ".join(problems))

    @app.exception_handler(StorylineError)
    async def storyline_error(request: Request, exc: StorylineError) -> JSONResponse:
        return _error(400, str(exc))


def _error(status: int, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)


__all__ = ["create_app"]
