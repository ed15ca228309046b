"""POST /api/articles refuses junk with a 422 naming the field, and stores nothing of it:
a text without a word, control characters in the short fields or the text, a `url`
that is not an http(s) URL."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import TOKEN, error, ok

GOOD = {"Authorization": f"Bearer {TOKEN}"}
# Written for these tests: an English text the body's rules let through.
TEXT = "Fishermen in the northern bay reported that the storm had wrecked three piers."


def refused(client: TestClient, body: dict) -> str:
    """The 422's message for this body; the store stays empty."""
    message = error(client.post("/api/articles", json=body, headers=GOOD), 422)
    assert ok(client.get("/api/articles"))["total"] == 0
    return message


@pytest.mark.parametrize("text", ["x", "?", "12 345 6789", " -- ... -- ", "7\n\n8", "€ 5"])
def test_a_text_without_a_word_is_refused(empty_client: TestClient, text: str) -> None:
    assert refused(empty_client, {"text": text}) == (
        "text: has no words (a word is two or more letters)"
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (TEXT + "\x00", "U+0000"),
        ("\x07" + TEXT, "U+0007"),
        (TEXT.replace(" ", "\x1b", 1), "U+001B"),
    ],
)
def test_a_text_with_a_control_character_is_refused(
    empty_client: TestClient, text: str, code: str
) -> None:
    assert refused(empty_client, {"text": text}) == f"text: holds the control character {code}"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("id", "bay\x00piers", "U+0000"),
        ("id", "storm\n17", "U+000A"),
        ("title", "Storm\twrecks piers", "U+0009"),
        ("title", "Piers \x9b lost", "U+009B"),
        ("outlet", "Bay\x7fNews", "U+007F"),
    ],
)
def test_a_control_character_in_a_short_field_is_refused(
    empty_client: TestClient, field: str, value: str, code: str
) -> None:
    message = refused(empty_client, {"text": TEXT, field: value})

    assert message == f"{field}: holds the control character {code}"


@pytest.mark.parametrize(
    "url",
    [
        "bay-news.example/storm",
        "ftp://bay-news.example/storm.txt",
        "javascript:alert(1)",
        "http://",
        "https://bay news.example/",
        "mailto:desk@bay-news.example",
    ],
)
def test_a_url_that_is_not_http_is_refused(empty_client: TestClient, url: str) -> None:
    assert refused(empty_client, {"text": TEXT, "url": url}) == (
        f"url: {url!r} is not an http or https URL"
    )


# German, so the language check (after the field rules) refuses it and no model is needed.
GERMAN = "Die Fischer in der Bucht meldeten, dass der Sturm drei Stege zerstört hat."


@pytest.mark.parametrize(
    "body",
    [
        {"text": GERMAN, "url": "https://bay-news.example/2024/storm?page=2#piers"},
        {"text": GERMAN, "url": "HTTP://192.0.2.7:8080/"},
        {"text": "  " + GERMAN + "\r\n\tMehr später.\n", "id": "bay-piers", "title": "Stege"},
    ],
)
def test_a_clean_body_passes_the_field_rules(empty_client: TestClient, body: dict) -> None:
    assert "does not look English" in refused(empty_client, body)
