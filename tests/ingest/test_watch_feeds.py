"""Feeds over HTTP for `storyline watch`: conditional fetches (ETag, Last-Modified, 304),
RSS and Atom entries, teasers read from their linked page, failures backing off.

A small HTTP server on 127.0.0.1 serves the feeds and pages inside each test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyline.config import Settings
from storyline.errors import IngestError
from storyline.ingest.feeds import FULL_TEXT_WORDS, entry_article, parse_feed
from storyline.ingest.fetch import fetch, is_url
from storyline.ingest.watch import Backoff
from storyline.store.seen import Validators

# -- articles of our own ------------------------------------------------------------------

HARBOUR = (
    "Port Louis, 30 November 2026 (Island Ledger): Mauritius and the Seychelles agreed on "
    "Monday to share coast guard patrols against illegal fishing in the waters between the "
    "two islands. The foreign ministers of both countries signed the accord in Port Louis "
    "after two days of talks, officials said."
)
PASS = (
    "Gilgit, 1 December 2026 (Mountain Wire): Pakistan reopened the Khunjerab Pass to trade "
    "with China on Tuesday after snow had closed it for a week. Customs officers said more "
    "than two hundred trucks crossed the border before nightfall."
)
DELTA = (
    "Yangon, 2 December 2026: The army of Myanmar arrested eleven protesters in the Irrawaddy "
    "delta on Wednesday, a local rights group said. The group called on the military "
    "government to release them and to allow journalists into the region."
)
LAKE = (
    "Kisumu, 3 December 2026: Uganda and Kenya met in Kisumu on Thursday to settle a quarrel "
    "over fishing rights on Lake Victoria. The two delegations promised to meet again in "
    "January, a spokesman for the Kenyan fisheries ministry told reporters."
)


def page(title: str, text: str) -> bytes:
    """A web page with a menu, the article and a footer."""
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip())
    return (
        f"<html><head><title>{title}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Copyright the Example Courier</footer></body></html>"
    ).encode()


def rss(*items: str, title: str = "Example Courier") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{title}</title><link>http://example.test/</link>{''.join(items)}"
        "</channel></rss>"
    ).encode()


def rss_item(guid: str, title: str, link: str, *, full: str | None = None, teaser: str = "") -> str:
    content = f"<content:encoded><![CDATA[<p>{full}</p>]]></content:encoded>" if full else ""
    return (
        f"<item><guid>{guid}</guid><title>{title}</title><link>{link}</link>"
        f"<description>{teaser}</description>{content}"
        "<pubDate>Wed, 02 Dec 2026 07:00:00 GMT</pubDate></item>"
    )


def atom(*entries: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Lakeside Atom</title><id>urn:lakeside</id>{''.join(entries)}</feed>"
    ).encode()


def atom_entry(entry_id: str, title: str, link: str, *, full: str | None = None) -> str:
    body = f'<content type="html">&lt;p&gt;{full}&lt;/p&gt;</content>' if full else ""
    summary = "" if full else "<summary>A short teaser.</summary>"
    return (
        f'<entry><id>{entry_id}</id><title>{title}</title><link href="{link}"/>'
        f"<updated>2026-12-03T09:30:00Z</updated>{summary}{body}</entry>"
    )


# -- a server on 127.0.0.1 -----------------------------------------------------------------


@dataclass
class Served:
    """One resource: its body, type and validators (None: the server sends none)."""

    body: bytes
    content_type: str = "application/rss+xml"
    etag: str | None = None
    last_modified: str | None = None
    status: int = 200


@dataclass
class FeedServer:
    """What the server serves (by path) and every request it got (path, headers)."""

    base: str = ""
    routes: dict[str, Served] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    answers: list[tuple[str, int]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[int]:
        """The statuses the server answered a path with, in order."""
        return [status for p, status in self.answers if p == path]


def _handler(state: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, dict(self.headers.items())))
            served = state.routes.get(self.path)
            if served is None:
                return self._send(404, b"not here", "text/plain")
            fresh = (served.etag and self.headers.get("If-None-Match") == served.etag) or (
                served.last_modified
                and self.headers.get("If-Modified-Since") == served.last_modified
            )
            if fresh:
                return self._send(304, b"", served.content_type, served)
            return self._send(served.status, served.body, served.content_type, served)

        def _send(self, status: int, body: bytes, ctype: str, served: Served | None = None) -> None:
            state.answers.append((self.path, status))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if served and served.etag:
                self.send_header("ETag", served.etag)
            if served and served.last_modified:
                self.send_header("Last-Modified", served.last_modified)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:  # quiet
            pass

    return Handler


@contextmanager
def running_server() -> Iterator[FeedServer]:
    """An HTTP server on 127.0.0.1 at a free port, serving its `routes`."""
    state = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    """A server for the test."""
    with running_server() as state:
        yield state


# -- fetching ---------------------------------------------------------------------------------

pytestmark_socket = pytest.mark.enable_socket


@pytestmark_socket
def test_a_fetch_returns_the_body_and_the_validators(server) -> None:
    when = formatdate(1_796_000_000, usegmt=True)
    server.routes["/world.rss"] = Served(rss(), etag='"w-1"', last_modified=when)

    got = fetch(server.url("/world.rss"), max_bytes=100_000)

    assert got.status == 200 and got.body.startswith(b"<?xml")
    assert got.validators("asked") == Validators(url="asked", etag='"w-1"', last_modified=when)


@pytestmark_socket
@pytest.mark.parametrize(
    ("etag", "modified", "sent"),
    [
        ('"v7"', None, Validators(url="", etag='"v7"')),
        (
            None,
            "Tue, 01 Dec 2026 10:00:00 GMT",
            Validators(url="", last_modified="Tue, 01 Dec 2026 10:00:00 GMT"),
        ),
        (
            '"v8"',
            "Wed, 02 Dec 2026 10:00:00 GMT",
            Validators(url="", etag='"v8"', last_modified="x"),
        ),
    ],
)
def test_a_conditional_fetch_of_an_unchanged_feed_is_a_304(server, etag, modified, sent) -> None:
    server.routes["/feed"] = Served(rss(), etag=etag, last_modified=modified)

    got = fetch(server.url("/feed"), validators=sent, max_bytes=100_000)

    assert got.not_modified and got.body == b""
    headers = server.requests[-1][1]
    if sent.etag:
        assert headers["If-None-Match"] == sent.etag
    if sent.last_modified:
        assert headers["If-Modified-Since"] == sent.last_modified


@pytestmark_socket
def test_a_changed_feed_is_sent_whole_despite_old_validators(server) -> None:
    server.routes["/feed"] = Served(rss(), etag='"new"')

    got = fetch(server.url("/feed"), validators=Validators(url="", etag='"old"'), max_bytes=10**6)

    assert got.status == 200 and got.etag == '"new"'


@pytestmark_socket
@pytest.mark.parametrize(
    ("path", "limit", "reason"),
    [
        ("/missing", 10_000, "HTTP 404"),
        ("/big", 50, "over the 50-byte limit"),
        ("/broken", 10_000, "HTTP 500"),
    ],
)
def test_a_fetch_that_fails_is_one_line_naming_the_url(server, path, limit, reason) -> None:
    server.routes["/big"] = Served(b"x" * 500, content_type="text/plain")
    server.routes["/broken"] = Served(b"oops", status=500)

    with pytest.raises(IngestError) as caught:
        fetch(server.url(path), max_bytes=limit)

    assert str(caught.value).startswith(server.url(path) + ": ")
    assert reason in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("https://news.example/rss", True),
        ("HTTP://x.example", True),
        ("ftp://x/y", False),
        ("feeds/world.xml", False),
        ("/srv/news", False),
    ],
)
def test_urls_are_told_from_paths(text: str, url: bool) -> None:
    assert is_url(text) is url


@pytestmark_socket
def test_a_server_that_is_not_there_is_a_one_line_failure() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(IngestError, match=r"cannot fetch"):
        fetch(f"http://127.0.0.1:{port}/feed", max_bytes=1000, timeout=2)


def test_only_http_urls_are_fetched() -> None:
    with pytest.raises(IngestError, match="not an http"):
        fetch("file:///etc/hostname", max_bytes=1000)


# -- entries ------------------------------------------------------------------------------------


def test_rss_entries_carry_their_full_text_or_are_teasers() -> None:
    body = rss(
        rss_item("g-1", "Patrols agreed", "http://x.test/a", full=HARBOUR, teaser="Patrols."),
        rss_item("g-2", "Pass reopens", "http://x.test/b", teaser="Trucks cross again."),
    )

    entries = parse_feed("http://x.test/rss", body)

    assert [e.key for e in entries] == ["g-1", "g-2"]
    assert entries[0].full_text and "coast guard patrols" in entries[0].full_text
    assert entries[1].full_text is None and entries[1].summary == "Trucks cross again."
    assert {e.outlet for e in entries} == {"Example Courier"}
    assert {e.published for e in entries} == {"2026-12-02"}


def test_atom_entries_are_read_with_their_ids_and_links() -> None:
    body = atom(
        atom_entry("urn:lake:1", "Lake talks", "http://x.test/lake", full=LAKE),
        atom_entry("urn:lake:2", "Delta arrests", "http://x.test/delta"),
    )

    entries = parse_feed("http://x.test/atom", body)

    assert [(e.key, e.link) for e in entries] == [
        ("urn:lake:1", "http://x.test/lake"),
        ("urn:lake:2", "http://x.test/delta"),
    ]
    assert entries[0].full_text and "Lake Victoria" in entries[0].full_text
    assert entries[1].full_text is None
    assert entries[0].published == "2026-12-03" and entries[0].outlet == "Lakeside Atom"


def test_a_long_description_is_the_article_itself() -> None:
    long = " ".join([PASS] * (FULL_TEXT_WORDS // len(PASS.split()) + 1))
    short = PASS

    entries = parse_feed(
        "http://x.test/rss",
        rss(
            rss_item("a", "t", "http://x.test/1", teaser=long),
            rss_item("b", "t", "http://x.test/2", teaser=short),
        ),
    )

    assert entries[0].full_text is not None
    assert entries[1].full_text is None


def test_an_entry_without_id_is_known_by_its_link_or_its_text() -> None:
    body = rss(
        "<item><title>No guid</title><link>http://x.test/only-link</link></item>",
        "<item><title>Nothing</title><description>Just words.</description></item>",
    )

    first, second = parse_feed("http://x.test/rss", body)

    assert first.key == "http://x.test/only-link"
    assert second.key.startswith("e") and second.link is None
    assert parse_feed("http://x.test/rss", body)[1].key == second.key  # stable


@pytest.mark.parametrize(
    "body", [b"<html><body>A page, not a feed</body></html>", b"\x00\x01binary", b""]
)
def test_a_document_that_is_no_feed_is_refused_naming_the_url(body: bytes) -> None:
    with pytest.raises(IngestError, match=r"^http://x.test/feed: not a readable RSS/Atom feed"):
        parse_feed("http://x.test/feed", body)


def test_an_empty_feed_has_no_entries() -> None:
    assert parse_feed("http://x.test/rss", rss()) == []


# -- the article an entry gives ----------------------------------------------------------------


@pytest.fixture
def no_fetch():
    def refuse(url: str) -> bytes:
        raise AssertionError(f"fetched {url}")

    return refuse


def test_an_entry_with_its_full_text_is_not_fetched(no_fetch) -> None:
    (entry,) = parse_feed(
        "http://x.test/rss", rss(rss_item("g", "Patrols", "http://x.test/a", full=HARBOUR))
    )

    article = entry_article(entry, Settings(), no_fetch)

    assert article.text.startswith("Port Louis, 30 November 2026")
    assert (article.title, article.url, article.outlet) == (
        "Patrols",
        "http://x.test/a",
        "Example Courier",
    )
    assert article.published == "2026-12-02"  # the feed's date wins over the dateline


def test_a_teaser_entry_is_read_from_its_linked_page() -> None:
    (entry,) = parse_feed(
        "http://x.test/rss",
        rss(rss_item("g", "Pass reopens", "http://x.test/pass", teaser="Trucks.")),
    )
    asked = []

    def pages(url: str) -> bytes:
        asked.append(url)
        return page("Khunjerab Pass open again", PASS)

    article = entry_article(entry, Settings(), pages)

    assert asked == ["http://x.test/pass"]
    assert "two hundred trucks crossed the border" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.title == "Pass reopens" and article.url == "http://x.test/pass"
    assert article.source_path == "http://x.test/pass"


def test_a_page_title_is_used_when_the_entry_has_none() -> None:
    (entry,) = parse_feed(
        "http://x.test/rss",
        rss(
            "<item><guid>q</guid><link>http://x.test/delta</link><description>t</description></item>"
        ),
    )

    article = entry_article(entry, Settings(), lambda url: page("Arrests in the delta", DELTA))

    assert article.title == "Arrests in the delta"
    assert "eleven protesters" in article.text


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (b"<html><body><nav>Home</nav></body></html>", "HTML has no main text"),
        (
            page(
                "Mots",
                "Le gouvernement a annonce hier une nouvelle loi sur la peche dans le lac. " * 3,
            ),
            "English",
        ),
    ],
)
def test_a_page_without_an_article_fails_naming_the_link(answer: bytes, reason: str) -> None:
    (entry,) = parse_feed(
        "http://x.test/rss", rss(rss_item("g", "t", "http://x.test/p", teaser="x"))
    )

    with pytest.raises(IngestError) as caught:
        entry_article(entry, Settings(), lambda url: answer)

    assert str(caught.value).startswith("http://x.test/p: ")
    assert reason in str(caught.value)


def test_an_entry_with_no_link_gives_its_summary(no_fetch) -> None:
    (entry,) = parse_feed(
        "http://x.test/rss", rss(f"<item><guid>z</guid><description>{LAKE}</description></item>")
    )

    article = entry_article(entry, Settings(), no_fetch)

    assert article.text.startswith("Kisumu, 3 December 2026")
    assert article.source_path == "http://x.test/rss#z"


# -- backoff ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "cap", "failures", "delay"),
    [(60, 3600, 1, 60), (60, 3600, 3, 240), (60, 3600, 10, 3600), (5, 100, 5, 80)],
)
def test_failures_in_a_row_wait_twice_as_long_up_to_a_cap(base, cap, failures, delay) -> None:
    now = [1000.0]
    backoff = Backoff(base=base, cap=cap, clock=lambda: now[0])

    delays = [backoff.failed("feed") for _ in range(failures)]

    assert delays[-1] == delay
    assert not backoff.ready("feed")
    now[0] += delay
    assert backoff.ready("feed")


def test_a_success_forgets_the_failures_and_others_are_not_held_back() -> None:
    now = [0.0]
    backoff = Backoff(base=10, cap=1000, clock=lambda: now[0])
    backoff.failed("a")
    backoff.failed("a")

    assert backoff.ready("b")
    backoff.succeeded("a")
    assert backoff.ready("a")
    assert backoff.failed("a") == 10


# -- the command line ----------------------------------------------------------------------------


def test_watch_help_explains_sources_and_every_option() -> None:
    from click.testing import CliRunner

    from storyline.cli.main import cli

    result = CliRunner().invoke(cli, ["watch", "--help"])

    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: cli watch [OPTIONS] PATH|URL...")
    for option in ("--interval", "--once", "--db", "--max-bytes", "--timeout", "--quiet"):
        assert option in result.stdout
    for idea in ("RSS or Atom", "ETag", "SIGTERM", "between articles"):
        assert idea in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("args", "status", "said"),
    [
        ([], 2, "Missing argument"),
        (["news", "--interval", "0"], 2, "--interval"),
        (["news", "--once", "--db", "mysql://db.example/news"], 1, "error: mysql://db.example"),
    ],
)
def test_watch_refuses_what_it_cannot_use_in_one_line(args, status, said) -> None:
    from click.testing import CliRunner

    from storyline.cli.main import cli

    result = CliRunner().invoke(cli, ["watch", *args])

    assert result.exit_code == status
    assert said in result.stderr and "Traceback" not in result.stderr
