"""RSS and Atom feeds fetched over HTTP(S): entries, and the article each gives.

An entry carries its full text when it has content (Atom `content`, RSS
`content:encoded`) or a description long enough to be the article itself; an entry
with only a teaser is read from its linked page, whose main text trafilatura extracts.
The feed's own title, date and link win over what the page says of itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.config import Settings
from storyline.errors import IngestError
from storyline.ingest import article_from_record
from storyline.ingest.decode import decode_text
from storyline.ingest.fetch import is_url
from storyline.ingest.readers import _html_to_text, read_html
from storyline.records import Article, stable_id

# A description of at least this many words is the article, not a teaser of it.
FULL_TEXT_WORDS = 120

FetchPage = Callable[[str], bytes]


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedEntry:
    """One entry of a feed: who it is (its id, else its link, else a hash of it), where
    it links, its metadata, and its text when the feed carries the whole article."""

    key: str
    feed: str
    link: str | None
    title: str | None
    published: str | None
    outlet: str | None
    full_text: str | None
    summary: str

    @property
    def label(self) -> str:
        """How a failure names the entry: its link, else its id in the feed."""
        return self.link or f"{self.feed} (entry {self.key})"


def parse_feed(url: str, body: bytes) -> list[FeedEntry]:
    """The entries of an RSS or Atom document, in feed order; IngestError when the
    body is no feed at all (an empty feed has no entries)."""
    import feedparser  # heavy import: only when a feed is read

    feed = feedparser.parse(body)
    if not feed.entries and (feed.get("bozo") or not feed.get("version")):
        reason = getattr(feed, "bozo_exception", None) or "no RSS or Atom document"
        raise IngestError(url, f"not a readable RSS/Atom feed ({reason})")
    outlet = feed.feed.get("title") or None
    return [_entry(url, e, outlet) for e in feed.entries]


def _entry(url: str, entry: dict, outlet: str | None) -> FeedEntry:
    contents = [c.get("value") or "" for c in entry.get("content") or ()]
    body = _html_to_text("\n".join(c for c in contents if c.strip()))
    summary = _html_to_text(entry.get("summary") or "")
    if not body and len(summary.split()) >= FULL_TEXT_WORDS:
        body = summary
    # feedparser takes a permalink guid for the link; only a web address is one.
    link = entry.get("link") if is_url(entry.get("link") or "") else None
    key = entry.get("id") or link or stable_id("e", entry.get("title") or "", summary)
    day = entry.get("published_parsed") or entry.get("updated_parsed")
    return FeedEntry(
        key=str(key),
        feed=url,
        link=link,
        title=entry.get("title") or None,
        published=time.strftime("%Y-%m-%d", day) if day else None,
        outlet=outlet,
        full_text=body or None,
        summary=summary,
    )


def entry_article(entry: FeedEntry, settings: Settings, fetch_page: FetchPage) -> Article:
    """The article an entry gives: its own full text, else its linked page's main text,
    else (no link) its summary; IngestError naming the entry and the reason."""
    record: dict[str, object] = {
        "title": entry.title,
        "published": entry.published,
        "outlet": entry.outlet,
        "url": entry.link,
    }
    try:
        if entry.full_text:
            text = entry.full_text
        elif entry.link:
            page = read_html(Path("page.html"), decode_text(fetch_page(entry.link), entry.link))
            text = page.text
            found = {"title": page.meta.title, "published": page.meta.published}
            record |= {k: v for k, v in found.items() if not record.get(k)}
            record["outlet"] = record["outlet"] or page.meta.outlet
        elif entry.summary:
            text = entry.summary
        else:
            raise IngestError(entry.label, "feed entry has no text and no link")
        label = entry.link or f"{entry.feed}#{entry.key}"
        article = article_from_record(record | {"text": text}, label, settings)
        return replace(article, source_path=label)  # a URL, which a Path would mangle
    except IngestError as exc:
        raise IngestError(entry.label, exc.reason) from exc
