"""The search page and the header's search box: hits listed with the matched words
marked (escaped), links to the article at the passage, bad values a 422 page."""

from __future__ import annotations

import re
from contextlib import closing

import pytest
from fastapi.testclient import TestClient

from storyline.api import create_app
from storyline.config import Settings
from storyline.store import open_store
from tests.conftest import make_article, make_result
from tests.store.test_search import HOSTILE, fill

MARKUP = (
    "The envoy wrote <script>alert('x')</script> in the margin & signed the armistice "
    'with a flourish: <b onclick="evil()">done</b>.'
)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The app over our three articles and one full of markup."""
    db = tmp_path_factory.mktemp("search-page") / "pages.db"
    with closing(open_store(str(db))) as store:
        fill(store)
        store.save_result(make_result(make_article(MARKUP, "markup", title="<i>Armistice</i>")))
    return TestClient(create_app(Settings(db=str(db))))


def _page(client: TestClient, status: int = 200, **params: str) -> str:
    response = client.get("/search", params=params)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


@pytest.mark.parametrize(
    ("query", "marked"),
    [("meltwater", "meltwater"), ("unload", "unload"), ("blocking cargo", "blocking")],
)
def test_search_lists_hits_with_the_words_marked(
    pages: TestClient, query: str, marked: str
) -> None:
    html = _page(pages, q=query)
    assert f"<mark>{marked}</mark>" in html
    assert 'class="search-hit"' in html


@pytest.mark.parametrize(
    ("query", "word"), [("wages", "wages"), ("retreat", "retreat"), ("moorings", "moorings")]
)
def test_a_hit_links_to_the_article_at_its_match(pages: TestClient, query: str, word: str) -> None:
    html = _page(pages, q=query, kind="article")
    link = re.search(r'href="/articles/(\w+)\?start=(\d+)&amp;end=(\d+)#c\d+"', html)
    assert link is not None
    doc_id, start, end = link.group(1), int(link.group(2)), int(link.group(3))
    article = pages.get(f"/api/articles/{doc_id}").json()
    assert article["text"][start:end] == word


def test_article_text_and_titles_are_escaped(pages: TestClient) -> None:
    html = _page(pages, q="armistice")
    assert "<script>alert" not in html and "<b onclick" not in html and "<i>Armistice" not in html
    assert "&lt;script&gt;" in html and "&lt;i&gt;Armistice&lt;/i&gt;" in html
    assert "<mark>armistice</mark>" in html


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"q": "wages", "kind": "story"}, "kind"),
        ({"q": "wages", "page": "0"}, "page"),
        ({"q": "wages", "page": "x"}, "page"),
    ],
)
def test_a_bad_value_is_a_422_page_naming_it(pages: TestClient, params: dict, reason: str) -> None:
    html = _page(pages, 422, **params)
    assert f"{reason}:" in html and 'class="problems"' in html


def test_the_kind_counts_and_pages(pages: TestClient) -> None:
    html = _page(pages, q="wages")
    assert "articles (1)" in html and "quotes (1)" in html and "events (0)" in html
    assert 'rel="next"' not in html


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_query_gives_a_page(pages: TestClient, query: str) -> None:
    response = pages.get("/search", params={"q": query})
    assert response.status_code in (200, 422) if "\x00" in query else response.status_code == 200


@pytest.mark.parametrize("path", ["/", "/events", "/search?q=ferry"])
def test_every_page_has_the_search_box(pages: TestClient, path: str) -> None:
    html = pages.get(path).text
    assert re.search(r'<form class="site-search" action="/search" method="get"', html)


def test_the_search_box_keeps_the_query_escaped(pages: TestClient) -> None:
    html = _page(pages, q='"><script>x</script>')
    assert "<script>x</script>" not in html
    assert 'value="&#34;&gt;&lt;script&gt;x&lt;/script&gt;"' in html


def test_an_empty_query_asks_for_words(pages: TestClient) -> None:
    assert "Give at least one word" in _page(pages, q="*** ---")
    assert "search-hit" not in _page(pages)
