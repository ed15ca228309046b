"""An article without a title is named by its opening words on the pages, never by
its file name (a hash for a text ingested without one); the export keeps `title` null."""

from __future__ import annotations

from contextlib import closing

import pytest
from fastapi.testclient import TestClient

from storyline.api import create_app
from storyline.config import Settings
from storyline.store import open_store
from storyline.web.present import article_name
from tests.conftest import make_article, make_result

HASHED = "d3f9a1c07be24e55"
HARBOUR = (
    "Lisbon, 4 March 2026 (Tagus Wire): The harbour authority and the fishermen's union "
    "signed a truce over berth fees on Tuesday. The union had blocked the quay for a week."
)
LONG_LINE = (
    "Negotiators from the two river provinces spent the whole of a wet afternoon arguing "
    "over the sluice gates without once mentioning the drought that had brought them there"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HARBOUR, "The harbour authority and the fishermen's union signed a truce over berth fees"),
        (
            "\n\n  Gen. Okafor met Dr. Lind in St. Paul. Talks went on.",
            "Gen. Okafor met Dr. Lind in St. Paul.",
        ),
        ("The U.S. envoy left early.\nA second line.", "The U.S. envoy left early."),
        ("Ferry strike ends\n\nThe crews went back to work.", "Ferry strike ends"),
        ('The mayor said "never." Nobody believed her.', 'The mayor said "never."'),
    ],
)
def test_an_untitled_article_is_named_by_its_first_sentence(text: str, expected: str) -> None:
    name = article_name(make_article(text, HASHED, file=f"{HASHED}.txt"))
    assert name.rstrip("…").startswith(expected[:60])
    assert HASHED not in name and len(name) <= 80


def test_a_long_opening_is_cut_at_a_word_with_an_ellipsis() -> None:
    name = article_name(make_article(LONG_LINE, HASHED))
    assert name.endswith("…") and len(name) <= 80
    assert LONG_LINE.startswith(name[:-1])
    assert not name[:-1].endswith(" ")


def test_a_title_wins_and_an_empty_text_falls_back_to_the_file() -> None:
    assert article_name(make_article(HARBOUR, HASHED, title="  Truce at the quay ")) == (
        "Truce at the quay"
    )
    assert article_name(make_article("   \n ", HASHED, file="blank.txt")) == "blank.txt"
    assert article_name(make_article(HARBOUR, HASHED, title="   ")).startswith("The harbour")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The app over one untitled article stored under a hash, and one with a title."""
    db = tmp_path_factory.mktemp("names") / "names.db"
    with closing(open_store(str(db))) as store:
        store.save_result(make_result(make_article(HARBOUR, HASHED, file=f"{HASHED}.txt")))
        store.save_result(make_result(make_article(LONG_LINE, "titled", title="Sluice talks")))
    return TestClient(create_app(Settings(db=str(db))))


def test_the_pages_name_an_untitled_article_by_its_opening(pages: TestClient) -> None:
    listing = pages.get("/articles").text
    assert "The harbour authority and the fishermen&#39;s union signed" in listing
    assert f">{HASHED}.txt<" not in listing
    assert "Sluice talks" in listing
    one = pages.get(f"/articles/{HASHED}").text
    assert "<title>The harbour authority" in one.replace("\n", "")
    assert "<h1>The harbour authority" in one
    assert f"{HASHED}.txt" in one  # still listed as its file, under "File"


def test_the_api_keeps_the_title_null(pages: TestClient) -> None:
    article = pages.get(f"/api/articles/{HASHED}").json()
    assert article.get("title") is None
