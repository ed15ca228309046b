"""A small HTTP(S) client for feeds and pages (the standard library's urllib): conditional
requests with a feed's validators, a timeout, a size limit, one-line errors."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from storyline.errors import IngestError
from storyline.store.seen import Validators

USER_AGENT = "storyline-watch/0.1 (+https://github.com/storyline)"
TIMEOUT = 20.0  # seconds to connect and between reads


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    """A server's answer: 200 with a body, or 304 (not modified) without one."""

    url: str  # where it came from, after redirects
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """Whether the server said nothing changed since the validators sent."""
        return self.status == 304

    def validators(self, asked: str) -> Validators:
        """The validators to send next time `asked` is fetched."""
        return Validators(url=asked, etag=self.etag, last_modified=self.last_modified)


def is_url(text: str) -> bool:
    """Whether a watch argument is an HTTP(S) URL (else it is a path)."""
    return urlsplit(text).scheme.lower() in ("http", "https")


def fetch(
    url: str,
    *,
    validators: Validators | None = None,
    max_bytes: int,
    timeout: float = TIMEOUT,
    accept: str = "*/*",
) -> Fetched:
    """GET a URL, conditionally when validators are given; IngestError naming the URL
    and the reason when it cannot be had (status, timeout, refused, too large)."""
    if not is_url(url):
        raise IngestError(url, "not an http:// or https:// URL")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
    if validators is not None and validators.etag:
        request.add_header("If-None-Match", validators.etag)
    if validators is not None and validators.last_modified:
        request.add_header("If-Modified-Since", validators.last_modified)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = _read_limited(response, url, max_bytes)
            return _fetched(response.geturl(), response.status, body, response.headers)
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return _fetched(url, 304, b"", exc.headers)
        raise IngestError(url, f"HTTP {exc.code} {exc.reason}".strip()) from exc
    except urllib.error.URLError as exc:
        raise IngestError(url, f"cannot fetch ({exc.reason})") from exc
    except TimeoutError as exc:
        raise IngestError(url, f"no answer within {timeout:g} s") from exc
    except OSError as exc:  # connection reset, and the like
        raise IngestError(url, f"cannot fetch ({exc.strerror or exc})") from exc


def _read_limited(response: object, url: str, max_bytes: int) -> bytes:
    """The body, refusing one above the limit without reading all of it."""
    body = response.read(max_bytes + 1)  # type: ignore[attr-defined]
    if len(body) > max_bytes:
        raise IngestError(url, f"answer is over the {max_bytes:,}-byte limit")
    return body


def _fetched(url: str, status: int, body: bytes, headers: Message | None) -> Fetched:
    get = headers.get if headers is not None else (lambda _name: None)
    return Fetched(
        url=url,
        status=status,
        body=body,
        etag=get("ETag") or None,
        last_modified=get("Last-Modified") or None,
    )
