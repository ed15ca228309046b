"""Jinja2 rendering for the pages: autoescaped templates, URL helpers, safe headers.

Every value a template prints is escaped (autoescape is on for all templates), and
pages go out with a Content-Security-Policy that allows only this server's own
scripts, styles and fetches: no inline script or style runs even if markup got in.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.responses import HTMLResponse

from storyline.web import present

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def url(path: str, params: dict[str, object] | None = None) -> str:
    """A site path with GET parameters (lists repeat their key; empty ones are left out)."""
    pairs: list[tuple[str, str]] = []
    for key, value in (params or {}).items():
        for v in value if isinstance(value, list | tuple) else [value]:
            if v is not None and v != "":
                pairs.append((key, str(v)))
    return f"{path}?{urlencode(pairs)}" if pairs else path


def article_url(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    """The article view, opened at a stretch of text when start and end are given."""
    path = "/articles/" + quote(doc_id, safe="")
    if start is None or end is None:
        return path
    return url(path, {"start": start, "end": end}) + f"#c{start}"


def external(link: str | None) -> str | None:
    """An article's own web address when it is an http(s) one, else None: a stored
    `javascript:` or `data:` address must never become a link."""
    if not link:
        return None
    return link if urlsplit(link.strip()).scheme.lower() in ("http", "https") else None


@cache
def environment() -> Environment:
    """The pages' template environment (built once)."""
    env = Environment(
        loader=PackageLoader("storyline.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        url=url,
        article_url=article_url,
        external=external,
        story_when=present.story_when,
        event_when=present.event_when,
        quad_label=present.quad_label,
        quad_class=present.quad_class,
        type_class=present.type_class,
        actor_line=present.actor_line,
        article_name=present.article_name,
        plural=present.plural,
        QUADS=present.QUADS,
    )
    return env


def render(template: str, status: int = 200, **context: object) -> HTMLResponse:
    """A page from its template, with the security headers."""
    body = environment().get_template(template).render(**context)
    return HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)
