"""Reading the pages' filter forms, building links, and refusing unsafe addresses."""

from __future__ import annotations

import pytest
from starlette.datastructures import QueryParams

from storyline.web.forms import PAGE_SIZE, read_filters
from storyline.web.templating import article_url, external, url


def test_good_filters_are_read_and_normalised() -> None:
    f = read_filters(
        QueryParams("actor=+Kurti+&country=xkx&type=consult&type=AGREE,accuse&since=2023-02")
    )
    assert f.problems == []
    assert (f.actor, f.country, f.since, f.until) == ("Kurti", "XKX", "2023-02", None)
    assert f.types == ("CONSULT", "AGREE", "ACCUSE")
    assert (f.page, f.size, f.offset) == (1, PAGE_SIZE, 0)


def test_empty_values_mean_no_filter() -> None:
    f = read_filters(QueryParams("actor=&country=&type=&since=&until=&kind=&page="))
    assert f.problems == []
    assert f.query() == {}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("since=2023-13", "since: '2023-13' is not a date"),
        ("until=yesterday", "until: 'yesterday' is not a date"),
        ("country=Serbia", "country: 'Serbia' is not an ISO 3166 alpha-3 code"),
        ("type=PARTY", "type: unknown PLOVER type 'PARTY'"),
        ("kind=rumour", "kind: 'rumour' is neither 'direct' nor 'indirect'"),
        ("page=0", "page: '0' is not a whole number of at least 1"),
        ("size=5000", "size: '5000' is not a whole number of at least 1 and at most 200"),
        ("page=two", "page: 'two' is not a whole number"),
    ],
)
def test_bad_values_become_problems_not_errors(query: str, message: str) -> None:
    f = read_filters(QueryParams(query))
    assert len(f.problems) == 1 and f.problems[0].startswith(message), f.problems


def test_query_keeps_the_filters_for_the_next_page() -> None:
    f = read_filters(QueryParams("actor=kurti&type=CONSULT&page=2&size=10"))
    assert f.offset == 10
    assert f.query(page=3) == {"actor": "kurti", "type": ["CONSULT"], "page": 3, "size": 10}
    assert url("/events", f.query(page=3)) == "/events?actor=kurti&type=CONSULT&page=3&size=10"


def test_links_encode_ids_and_offsets() -> None:
    assert article_url("a/b c") == "/articles/a%2Fb%20c"
    assert article_url("d1", 10, 20) == "/articles/d1?start=10&end=20#c10"
    assert url("/", {"actor": "<x>&y", "country": None}) == "/?actor=%3Cx%3E%26y"


@pytest.mark.parametrize(
    ("link", "safe"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("http://example.org/", "http://example.org/"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example/", None),
        (None, None),
    ],
)
def test_only_web_addresses_become_links(link: str | None, safe: str | None) -> None:
    assert external(link) == safe
