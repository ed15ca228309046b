"""Files to articles: every format, metadata precedence, and per-record failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.ingest import read_articles
from storyline.ingest.metadata import ArticleMeta
from storyline.records import Article, IngestFailure
from tests.conftest import write

TALKS = (
    "The foreign ministers of Serbia and Kosovo met in Brussels on Monday for talks hosted "
    "by the European Union's envoy. Both sides agreed to meet again next month, officials said."
)
CALL = (
    "The Ethiopian prime minister spoke by telephone with the Egyptian president on Sunday "
    "about the filling of the dam, his office said in a statement."
)
HTML = f"""<html><head><title>Talks resume | Example Times</title>
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2023-03-02T09:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks resume in Brussels</h1><p>{TALKS}</p><p>{CALL}</p></article>
<footer>Copyright Example Times</footer></body></html>"""
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Balkan Wire</title><link>https://example.org</link>
<item><title>Talks in Brussels</title><link>https://example.org/1</link>
<pubDate>Tue, 28 Feb 2023 08:00:00 GMT</pubDate>
<description>&lt;p&gt;{TALKS}&lt;/p&gt;</description></item>
<item><title>Dam call</title><link>https://example.org/2</link>
<pubDate>Mon, 06 Mar 2023 10:00:00 GMT</pubDate><description>{CALL}</description></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Nile Notes</title><id>urn:x</id>
<updated>2023-03-06T10:00:00Z</updated>
<entry><title>Dam call</title><id>urn:x:1</id><link href="https://example.org/dam"/>
<updated>2023-03-06T10:00:00Z</updated>
<content type="html">&lt;p&gt;{CALL}&lt;/p&gt;</content></entry>
</feed>"""


def read(*paths: Path, flags: ArticleMeta | None = None, **settings: object):
    items = list(read_articles(list(paths), Settings(**settings), flags))  # type: ignore[arg-type]
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, IngestFailure)],
    )


def test_text_file_keeps_its_exact_content_for_offsets(tmp_path: Path) -> None:
    content = "  " + TALKS + "\r\n\r\n" + CALL + "\n"
    (article,), failures = read(write(tmp_path, "talks.txt", content))
    assert failures == []
    assert article.text == content
    assert article.file == "talks.txt"
    assert article.published is None  # never the file's modification time


def test_html_page_gives_main_text_title_date_and_site(tmp_path: Path) -> None:
    (article,), _ = read(write(tmp_path, "page.html", HTML))
    assert TALKS in article.text and CALL in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.published == "2023-03-02"
    assert article.outlet == "Example Times"
    assert article.title and "Talks resume" in article.title


def test_html_without_main_text_is_a_failure(tmp_path: Path) -> None:
    _, (failure,) = read(write(tmp_path, "nav.html", "<html><body><nav>Home</nav></body></html>"))
    assert failure.reason == "HTML has no main text to extract"
    assert failure.path.endswith("nav.html")


def test_jsonl_bad_line_is_reported_with_its_number_and_others_are_kept(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": TALKS, "published": "2023-02-27", "outlet": "Wire"}),
        '{"id": "a2", "text": "unterminated',
        "",
        json.dumps({"text": CALL, "date": "March 6, 2023", "title": "Dam call"}),
        json.dumps({"id": "a4", "title": "no text here"}),
        json.dumps(["not", "an", "object"]),
    ]
    articles, failures = read(write(tmp_path, "batch.jsonl", "\n".join(lines)))
    assert articles[0].doc_id == "a1"
    assert articles[0].published == "2023-02-27" and articles[0].outlet == "Wire"
    assert articles[1].published == "2023-03-06" and articles[1].file == "batch.jsonl:4"
    assert [(f.line, f.reason.split(" (")[0]) for f in failures] == [
        (2, "malformed JSON line"),
        (5, "record has no 'text'"),
        (6, "record is not a JSON object"),
    ]
    assert failures[0].message().startswith(str(tmp_path / "batch.jsonl") + ":2: ")


def test_json_file_holds_one_record_or_a_list(tmp_path: Path) -> None:
    one, _ = read(write(tmp_path, "one.json", json.dumps({"text": TALKS})))
    many, _ = read(write(tmp_path, "many.json", json.dumps([{"text": TALKS}, {"text": CALL}])))
    assert len(one) == 1 and len(many) == 2
    _, (bad,) = read(write(tmp_path, "bad.json", '{"text": "x",\n "id": }'))
    assert bad.line == 2 and "malformed JSON" in bad.reason


def test_bad_publication_date_in_a_record_is_refused(tmp_path: Path) -> None:
    line = json.dumps({"text": TALKS, "published": "sometime soon-ish"})
    _, (failure,) = read(write(tmp_path, "bad.jsonl", line))
    assert "is not a date" in failure.reason and failure.line == 1


@pytest.mark.parametrize(
    ("name", "feed", "outlet"),
    [("wire.rss", RSS, "Balkan Wire"), ("notes.atom", ATOM, "Nile Notes")],
)
def test_feed_entries_become_articles(tmp_path: Path, name: str, feed: str, outlet: str) -> None:
    articles, failures = read(write(tmp_path, name, feed))
    assert failures == []
    assert all(a.outlet == outlet for a in articles)
    dam = next(a for a in articles if a.title == "Dam call")
    assert dam.text == CALL and dam.published == "2023-03-06"
    assert dam.url and dam.url.startswith("https://example.org/")
    if name == "wire.rss":
        talks = next(a for a in articles if a.title == "Talks in Brussels")
        assert talks.text == TALKS  # HTML in the description is reduced to text


def test_sidecar_metadata_applies_and_flags_win_over_it(tmp_path: Path) -> None:
    write(tmp_path, "talks.txt", TALKS)
    write(tmp_path, "call.txt", CALL)
    sidecar = [
        {"file": "talks.txt", "title": "Talks", "published": "2023-02-28", "outlet": "Wire"},
        {"file": "call.txt", "published": "2023-03-06", "url": "https://example.org/c"},
    ]
    write(tmp_path, "metadata.jsonl", "\n".join(json.dumps(r) for r in sidecar))
    articles, failures = read(tmp_path)
    assert failures == []
    by_file = {a.file: a for a in articles}
    assert set(by_file) == {"talks.txt", "call.txt"}  # the sidecar itself is not an article
    assert (by_file["talks.txt"].title, by_file["talks.txt"].outlet) == ("Talks", "Wire")
    assert by_file["call.txt"].url == "https://example.org/c"
    (flagged,), _ = read(tmp_path / "talks.txt", flags=ArticleMeta(outlet="Override"))
    assert (flagged.outlet, flagged.published) == ("Override", "2023-02-28")


def test_dateline_supplies_date_place_and_outlet_when_metadata_has_none(tmp_path: Path) -> None:
    text = "Addis Ababa, 6 March 2023 (ENA): " + CALL
    (article,), _ = read(write(tmp_path, "ena.txt", text))
    assert (article.published, article.place, article.outlet) == (
        "2023-03-06",
        "Addis Ababa",
        "ENA",
    )
    write(tmp_path, "metadata.jsonl", json.dumps({"file": "ena.txt", "published": "2023-03-07"}))
    (article,), _ = read(tmp_path / "ena.txt")
    assert article.published == "2023-03-07"  # metadata wins over the dateline


def test_directory_walk_skips_readmes_hidden_files_and_unknown_suffixes(tmp_path: Path) -> None:
    write(tmp_path, "a/talks.txt", TALKS)
    write(tmp_path, "a/README.md", "# About these files\nThey are test articles.")
    write(tmp_path, ".cache/call.txt", CALL)
    write(tmp_path, "a/photo.jpg", b"\xff\xd8\xff\xe0")
    articles, failures = read(tmp_path)
    assert [a.file for a in articles] == ["talks.txt"] and failures == []


def test_missing_path_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    articles, (failure,) = read(tmp_path / "nope.txt")
    assert articles == [] and failure.reason == "no such file or directory"
