"""The pages over HTTP, in process: status codes, headers, error pages and escaping."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from storyline.store import SQLiteStore
from storyline.web import STATIC

pytestmark = pytest.mark.slow

PAGES = ["/", "/timeline", "/network", "/events", "/quotes", "/articles"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_html_with_the_nav_and_a_strict_policy(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    html = response.text
    for link in ('href="/"', 'href="/network"', 'href="/events"', 'href="/quotes"'):
        assert link in html
    assert "<script>" not in html and " style=" not in html  # nothing inline
    assert not re.search(r'src="(https?:)?//', html)  # no script or image from elsewhere
    assert not re.search(r'<link[^>]+href="(https?:)?//', html)  # no stylesheet or font


def test_pages_show_the_examples(client: TestClient) -> None:
    assert "Albin Kurti" in client.get("/").text
    assert "Aleksandar Vučić" in client.get("/events").text
    assert "Josep Borrell" in client.get("/quotes").text
    assert "Dozens of NATO peacekeepers hurt in northern Kosovo clashes" in (
        client.get("/articles").text
    )


def test_an_article_page_and_a_missing_one(client: TestClient, reader: SQLiteStore) -> None:
    stats = next(s for s in reader.articles() if s.article.file.startswith("06_"))
    response = client.get(f"/articles/{stats.article.doc_id}")
    assert response.status_code == 200
    assert 'class="hl-actor"' in response.text and "Danube Post" in response.text
    missing = client.get("/articles/no-such-id")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("text/html")
    assert "There is no article with the id &#39;no-such-id&#39;" in missing.text


def test_unknown_pages_are_html_but_the_api_stays_json(client: TestClient) -> None:
    page = client.get("/no/such/page")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "There is no page at this address." in page.text
    api = client.get("/api/no/such/thing")
    assert api.status_code == 404 and api.json()["status"] == 404
    assert client.get("/api/events?since=2023-13").headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/?since=2023-13", "since: &#39;2023-13&#39; is not a date"),
        ("/timeline?until=2023-02-30", "until: &#39;2023-02-30&#39; is not a date"),
        ("/events?since=last+week", "since: &#39;last week&#39; is not a date"),
        ("/network?since=2023-1", "since: &#39;2023-1&#39; is not a date"),
        ("/events?country=Kosovo", "is not an ISO 3166 alpha-3 code"),
        ("/events?type=WAR", "unknown PLOVER type &#39;WAR&#39;"),
        ("/quotes?kind=hearsay", "neither &#39;direct&#39; nor &#39;indirect&#39;"),
        ("/events?page=-1", "page: &#39;-1&#39;"),
    ],
)
def test_bad_filter_values_give_a_4xx_page_with_the_reason(
    client: TestClient, path: str, message: str
) -> None:
    response = client.get(path)
    assert response.status_code == 422  # as the API answers the same values
    assert response.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in response.text and message in response.text
    assert "Traceback" not in response.text


def test_a_bad_offset_on_an_article_is_a_422_page(client: TestClient, hostile_id: str) -> None:
    response = client.get(f"/articles/{hostile_id}?start=9&end=3")
    assert response.status_code == 422 and "not a stretch of the text" in response.text


def test_filters_change_the_rows(client: TestClient) -> None:
    def rows(path: str, cls: str) -> int:
        return client.get(path).text.count(f'<tr class="{cls}"')

    assert 0 < rows("/events?type=ASSAULT", "event-row") < rows("/events", "event-row")
    assert 0 < rows("/quotes?kind=indirect", "quote-row") < rows("/quotes", "quote-row")
    assert rows("/events?size=5", "event-row") == 5
    assert rows("/events?since=2030", "event-row") == 0
    assert "No events match these filters." in client.get("/events?since=2030").text


def test_the_hostile_article_is_escaped_on_every_page(client: TestClient, hostile_id: str) -> None:
    for path in (
        f"/articles/{hostile_id}",
        "/?since=2023-06",
        "/events?since=2023-06",
        "/quotes?size=200",
        "/articles",
    ):
        html = client.get(path).text
        assert "<script>window" not in html, path
        assert "<img" not in html and "<iframe" not in html and "<b>any" not in html, path
        assert 'href="javascript' not in html, path
    html = client.get(f"/articles/{hostile_id}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;" in html
    assert "Hostile &lt;i&gt;Markup&lt;/i&gt; Review" in html


def test_static_files_ship_in_the_package(client: TestClient) -> None:
    for name in ("style.css", "app.js", "network.js", "favicon.svg"):
        assert (STATIC / name).is_file()
        assert client.get(f"/static/{name}").status_code == 200
    script = (STATIC / "network.js").read_text("utf-8")
    assert "innerHTML" not in script and "fetch(" in script
    css = (STATIC / "style.css").read_text("utf-8")
    assert "@import" not in css and "url(" not in css  # nothing fetched from elsewhere


def follow(client: TestClient, path: str, item: str) -> list[list[str]]:
    """The items of every page of a listing, following each page's next link."""
    pages: list[list[str]] = []
    while path:
        html = client.get(path).text
        pages.append(re.findall(item, html))
        found = re.search(r'<a rel="next" href="([^"]+)"', html)
        path = found.group(1).replace("&amp;", "&") if found else ""
        assert len(pages) < 100
    return pages


@pytest.mark.parametrize(
    ("path", "item", "everything"),
    [
        ("/?size=4", r'<li class="story" id="s-([^"]+)"', "/?size=200"),
        ("/?size=3&type=CONSULT", r'<li class="story" id="s-([^"]+)"', "/?size=200&type=CONSULT"),
        ("/events?size=5", r'class="evidence-link" href="([^"]+)"', "/events?size=200"),
        ("/quotes?size=7", r'class="evidence-link" href="([^"]+)"', "/quotes?size=200"),
        ("/articles?size=2", r'class="article-link" href="([^"]+)"', "/articles?size=200"),
    ],
)
def test_pages_show_a_bounded_number_of_items_and_next_links_reach_every_one(
    client: TestClient, path: str, item: str, everything: str
) -> None:
    size = int(re.search(r"size=(\d+)", path).group(1))  # type: ignore[union-attr]
    pages = follow(client, path, item)
    whole = re.findall(item, client.get(everything).text)

    assert len(pages) > 1 and all(len(p) == size for p in pages[:-1]) and 0 < len(pages[-1]) <= size
    assert [i for p in pages for i in p] == whole  # nothing lost or repeated, in order
    last = client.get(path + "&page=2").text  # by offset: the second page again
    assert re.findall(item, last) == pages[1]


def test_the_timeline_pager_counts_all_and_a_bad_cursor_is_a_422_page(client: TestClient) -> None:
    html = client.get("/?size=3&page=2").text
    total = len(re.findall(r'<li class="story"', client.get("/?size=200").text))
    assert f"4–6 of {total} stories" in html
    assert 'rel="prev" href="/?size=3"' in html
    response = client.get("/?after=bogus")
    assert (
        response.status_code == 422
        and "after: &#39;bogus&#39; is not a page cursor" in response.text
    )
