"""Format readers: each turns one file into raw records (or per-record failures)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import IngestError
from storyline.ingest.decode import decode_text
from storyline.ingest.metadata import ArticleMeta, meta_from_record

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
MIN_HTML_WORDS = 8
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES


@dataclass(frozen=True, slots=True, kw_only=True)
class RawRecord:
    """Text read from a file or record, before identity and checks."""

    text: str
    file: str  # the file name, or the record's id / name:line for multi-record files
    source_path: str
    meta: ArticleMeta
    own_id: str | None = None
    line: int | None = None


Read = Iterator[RawRecord | IngestError]


def read_file(path: Path, data: bytes) -> Read:
    """Dispatch on the file's kind: text, HTML, JSON / JSON Lines or RSS/Atom feed."""
    suffix = path.suffix.lower()
    text = decode_text(data, str(path))
    if suffix in FEED_SUFFIXES or (suffix in HTML_SUFFIXES and _is_feed(text)):
        yield from read_feed(path, data)
    elif suffix in HTML_SUFFIXES:
        yield read_html(path, text)
    elif suffix == ".json":
        yield from read_json(path, text)
    elif suffix in JSON_SUFFIXES:
        yield from read_jsonl(path, text)
    else:
        yield RawRecord(text=text, file=path.name, source_path=str(path), meta=ArticleMeta())


def read_html(path: Path, html: str) -> RawRecord:
    """The main text, title, date and site name of a web page (trafilatura)."""
    import trafilatura  # heavy import: only when there is HTML

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    # Trafilatura falls back to any text at all (a menu's "Home"): that is not an article.
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise IngestError(str(path), "HTML has no main text to extract")
    title = getattr(doc, "title", None)
    meta = ArticleMeta(
        title=title,
        # `date` is what the page says; trafilatura's `filedate` (today) is never used.
        published=getattr(doc, "date", None),
        outlet=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None),
    )
    return RawRecord(text=text, file=path.name, source_path=str(path), meta=meta)


def read_json(path: Path, text: str) -> Read:
    """A JSON file: one record, or a list of records."""
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(str(path), f"malformed JSON ({exc.msg})", exc.lineno) from exc
    records = payload if isinstance(payload, list) else [payload]
    for index, record in enumerate(records, start=1):
        yield from_record(path, record, index if len(records) > 1 else None)


def read_jsonl(path: Path, text: str) -> Read:
    """JSON Lines: one record per line; a bad line is reported and the others kept."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(str(path), f"malformed JSON line ({exc.msg})", number)
            continue
        yield from_record(path, record, number)


def from_record(path: Path, record: object, line: int | None) -> RawRecord | IngestError:
    label = str(path)
    if not isinstance(record, dict):
        return IngestError(label, "record is not a JSON object", line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestError(label, "record has no 'text'", line)
    try:
        meta = meta_from_record(record, label)
    except IngestError as exc:
        return IngestError(label, exc.reason, line)
    own_id = record.get("id")
    own = str(own_id) if own_id not in (None, "") else None
    name = own or (f"{path.name}:{line}" if line is not None else path.name)
    return RawRecord(text=text, file=name, source_path=label, meta=meta, own_id=own, line=line)


def read_feed(path: Path, data: bytes) -> Read:
    """An RSS or Atom feed: each entry an article, its HTML reduced to text."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None) or "no entries"
        raise IngestError(str(path), f"not a readable RSS/Atom feed ({reason})")
    outlet = feed.feed.get("title")
    for index, entry in enumerate(feed.entries, start=1):
        body = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
        text = _html_to_text(body)
        if not text.strip():
            yield IngestError(str(path), f"feed entry {index} has no text", index)
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        meta = ArticleMeta(
            title=entry.get("title"),
            published=(
                f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}"
                if published
                else None
            ),
            outlet=outlet,
            url=entry.get("link"),
        )
        yield RawRecord(
            text=text, file=f"{path.name}:{index}", source_path=str(path), meta=meta, line=index
        )


def _html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, paragraphs on their own lines."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    root = lxml.html.fromstring(f"<div>{fragment}</div>")
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def _is_feed(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head)
