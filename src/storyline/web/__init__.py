"""The web app: server-rendered pages over the store, served beside the API.

`mount(app)` adds the pages (timeline, actor network, events, quotes, articles, search), the
package's static CSS and JavaScript under /static, and HTML error pages for them.
Nothing is loaded from anywhere but this server.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parent / "static"


def mount(app: FastAPI) -> None:
    """Add the web pages, their static files and their HTML error pages to the app."""
    from storyline.web import errors, routes, search

    app.include_router(routes.router)
    app.include_router(search.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    errors.html_errors_for_pages(app)


__all__ = ["STATIC", "mount"]
