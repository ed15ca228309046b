"""What ingest accepts: paths read as the CLI reads them, texts and records as articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.library.inputs import articles_from, is_path
from storyline.records import Article, IngestFailure
from tests.conftest import write

HARBOUR = (
    "Port officials in Gdansk said on Thursday that two grain ships had been held at the "
    "harbour entrance while inspectors checked their papers, and that the ships would "
    "be allowed to sail once the checks were complete."
)
CUSTOMS = (
    "The customs agency of Estonia announced new checks on trucks crossing from Latvia, "
    "saying that the measure would last until the end of the summer season."
)
GERMAN = (
    "Die Regierung hat am Montag neue Regeln für den Handel beschlossen, die ab dem "
    "nächsten Monat für alle Unternehmen gelten werden."
)


@pytest.mark.parametrize(
    ("item", "path"),
    [
        ("examples", True),
        ("no-such-folder/", True),  # one word: a path, reported missing if it is not there
        (Path("a text with spaces.txt"), True),
        (HARBOUR, False),
        ("", False),
        ("two words", False),
        ("line one\nline two", False),
    ],
)
def test_a_string_is_a_path_when_it_looks_like_one(item: str | Path, path: bool) -> None:
    assert is_path(item) is path


def test_paths_texts_and_records_become_articles_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    write(folder, "harbour.txt", HARBOUR)
    record = {"text": CUSTOMS, "title": "Estonia adds truck checks", "published": "2024-06-03"}

    found = list(articles_from([folder, CUSTOMS, record], Settings()))

    assert [type(a) for a in found] == [Article, Article, Article]
    harbour, text, rec = found
    assert harbour.file == "harbour.txt" and harbour.text == HARBOUR
    assert text.text == CUSTOMS and text.file == "text 2" and text.published is None
    assert rec.title == "Estonia adds truck checks" and rec.published == "2024-06-03"
    assert text.doc_id == rec.doc_id  # identity is the text's, however it came


def test_one_text_alone_is_one_article() -> None:
    [article] = list(articles_from(HARBOUR, Settings()))
    assert isinstance(article, Article) and article.text == HARBOUR


@pytest.mark.parametrize(
    ("item", "where", "reason"),
    [
        (GERMAN + " " + GERMAN, "text 1", "text does not look English"),
        ({"title": "no body"}, "record 1", "record has no 'text'"),
        ({"text": CUSTOMS, "published": "next week maybe"}, "record 1", "is not a date"),
        ("missing-folder", "missing-folder", "no such file or directory"),
        (42, "input 1", "a int is not a path, a text or a record"),
    ],
)
def test_an_input_that_cannot_be_read_is_a_one_line_failure(
    item: object, where: str, reason: str
) -> None:
    [failure] = list(articles_from([item], Settings()))  # type: ignore[list-item]
    assert isinstance(failure, IngestFailure)
    assert failure.message().startswith(f"{where}: ")
    assert reason in failure.message() and "\n" not in failure.message()
