"""Full-text search over articles, quotes and event evidence, ranked and paged.

A query is read as words (letters and digits); every word must occur, each searched
as a literal term, so that quotes, `*`, `-`, `NEAR(`, parentheses or an empty query
are never the search engine's syntax and never an error. SQLite answers from its FTS5
tables (stemmed words, ranked by bm25), PostgreSQL from its GIN expression indexes
(English stemming, ranked by ts_rank); both kept in step by the schema (migration 12).
Each hit carries its evidence: a short snippet of the article text with the offsets
of the words that matched, found by the database's own highlighter for the page's
hits only.

Mixed into the store, which provides `_db` and `dialect`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from storyline.records import Evidence
from storyline.store.dialect import SQLITE, Dialect
from storyline.store.schema import PG_SEARCHED, PG_VECTORS

SEARCH_KINDS = ("article", "quote", "event")
MAX_TERMS = 16  # a longer query keeps its first 16 words
SNIPPET = 200  # characters of text around the first match
_OPEN, _CLOSE = "\x02", "\x03"  # the highlighter's marks, taken out again
_WORD = re.compile(r"\w+")

# Per kind: the table, its FTS5 table, the searched column highlighted (its FTS5
# column number), the record id, where the column's text starts in the article, and
# what labels a hit (a quote's speaker as written, an event's type).
_KINDS = {
    "article": ("articles", "a.text", 1, "a.doc_id", "0", "NULL"),
    "quote": ("quotes", "r.text", 0, "r.quote_id", "r.start", "r.speaker_text"),
    "event": ("events", "r.evidence", 0, "r.event_id", "r.start", "r.type"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    """A record that matched: its kind and id, its article, its rank, and a snippet of
    the article text (doc id and offsets) with the offsets of the matched words."""

    kind: str  # "article" | "quote" | "event"
    record_id: str  # the article's doc id, the quote id or the event id
    doc_id: str
    title: str | None
    published: str | None
    label: str | None  # a quote's speaker as written, an event's type
    score: float  # higher is better (within one search)
    snippet: Evidence
    matches: tuple[tuple[int, int], ...]  # offsets into the article text, in the snippet

    def record(self) -> dict[str, object]:
        """The hit as JSON: what matched, its article, its rank, where in the text."""
        ev = self.snippet
        return {
            "kind": self.kind,
            "id": self.record_id,
            "doc_id": self.doc_id,
            "title": self.title,
            "published": self.published,
            "label": self.label,
            "score": self.score,
            "snippet": {"doc_id": ev.doc_id, "start": ev.start, "end": ev.end, "text": ev.text},
            "matches": [{"start": s, "end": e} for s, e in self.matches],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchPage:
    """One page of hits, best first, with how many match in all and of each kind."""

    items: list[SearchHit]
    total: int
    limit: int
    offset: int
    counts: dict[str, int]
    terms: tuple[str, ...]


def search_terms(query: str) -> tuple[str, ...]:
    """The words a query searches for: runs of letters and digits, lower-cased, once
    each, at most MAX_TERMS; everything else (quotes, operators, control characters)
    only separates them."""
    words = (w.lower() for w in _WORD.findall(query) if any(c.isalnum() for c in w))
    return tuple(dict.fromkeys(words))[:MAX_TERMS]


class SearchReads:
    """Searching the stored text."""

    _db: Any
    dialect: Dialect

    def search(
        self, query: str, *, kind: str | None = None, limit: int = 20, offset: int = 0
    ) -> SearchPage:
        """The articles, quotes and events (or one `kind` of them) holding every word of
        the query, best first, `limit` from `offset`; no words, no hits."""
        if kind is not None and kind not in SEARCH_KINDS:
            raise ValueError(f"kind must be one of {', '.join(SEARCH_KINDS)}, not {kind!r}")
        terms = search_terms(query)
        kinds = (kind,) if kind else SEARCH_KINDS
        limit, offset = max(0, limit), max(0, offset)
        counts = dict.fromkeys(kinds, 0)
        hits: list[SearchHit] = []
        if terms:
            text = self._search_text(terms)
            counts = {k: self._search_count(k, text) for k in kinds}
            ranked = self._search_ranked(kinds, text, limit, offset) if limit else []
            hits = self._search_hits(ranked, text, terms)
        return SearchPage(
            items=hits,
            total=sum(counts.values()),
            limit=limit,
            offset=offset,
            counts=counts,
            terms=terms,
        )

    def _search_text(self, terms: tuple[str, ...]) -> str:
        """The query in the database's terms: each word a quoted FTS5 term (all must
        occur), or the words for plainto_tsquery."""
        if self.dialect is SQLITE:
            return " ".join(f'"{t}"' for t in terms)
        return " ".join(terms)

    def _search_count(self, kind: str, text: str) -> int:
        """How many rows of a kind match."""
        table = _KINDS[kind][0]
        if self.dialect is SQLITE:
            sql = f"SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH :q"
        else:
            where = f"{PG_VECTORS[kind]} @@ plainto_tsquery('english', :q)"
            sql = f"SELECT count(*) FROM {table} WHERE {where}"
        return int(self._db.execute(sql, {"q": text}).fetchone()[0])

    def _search_ranked(
        self, kinds: tuple[str, ...], text: str, limit: int, offset: int
    ) -> list[tuple[str, int, float]]:
        """The page's (kind, rowid, score), best first; ties in kind and row order."""
        parts = []
        for kind in kinds:
            table = _KINDS[kind][0]
            if self.dialect is SQLITE:
                weights = ", 2.0, 1.0" if kind == "article" else ""  # a title counts twice
                parts.append(
                    f"SELECT '{kind}' AS kind, rowid AS rid, -bm25({table}_fts{weights}) "
                    f"AS score FROM {table}_fts WHERE {table}_fts MATCH :q"
                )
            else:
                vector = PG_VECTORS[kind]
                parts.append(
                    f"SELECT '{kind}' AS kind, rowid AS rid, ts_rank({vector}, tsq) AS score "
                    f"FROM {table}, plainto_tsquery('english', :q) tsq WHERE {vector} @@ tsq"
                )
        sql = (
            " UNION ALL ".join(parts)
            + " ORDER BY score DESC, kind, rid LIMIT :limit OFFSET :offset"
        )
        found = self._db.execute(sql, {"q": text, "limit": limit, "offset": offset})
        return [(r["kind"], int(r["rid"]), float(r["score"])) for r in found]

    def _search_hits(
        self, ranked: list[tuple[str, int, float]], text: str, terms: tuple[str, ...]
    ) -> list[SearchHit]:
        """The ranked rows as hits, each kind's read in one query with its highlights."""
        rows: dict[tuple[str, int], Any] = {}
        for kind in SEARCH_KINDS:
            ids = [rid for k, rid, _ in ranked if k == kind]
            if ids:
                rows |= {(kind, int(r["rid"])): r for r in self._search_details(kind, ids, text)}
        hits = []
        for kind, rid, score in ranked:
            row = rows.get((kind, rid))
            if row is not None:
                hits.append(_hit(kind, row, score, terms))
        return hits

    def _search_details(self, kind: str, ids: list[int], text: str) -> list[Any]:
        """A kind's rows by rowid, with their article and the text highlighted."""
        table, body, column, record, base, label = _KINDS[kind]
        alias = "a" if kind == "article" else "r"
        marks = ", ".join(f":r{i}" for i in range(len(ids)))
        args: dict[str, object] = {f"r{i}": v for i, v in enumerate(ids)}
        args |= {"q": text, "open": _OPEN, "close": _CLOSE}
        if self.dialect is SQLITE:
            marked = f"highlight({table}_fts, {column}, :open, :close)"
            source = f"{table}_fts JOIN {table} {alias} ON {alias}.rowid = {table}_fts.rowid"
            where = f"{table}_fts MATCH :q AND {table}_fts.rowid IN ({marks})"
        else:
            if kind == "article":
                body = f"left(a.text, {PG_SEARCHED})"
            marked = (
                f"ts_headline('english', {body}, plainto_tsquery('english', :q), "
                "'HighlightAll=true, StartSel=' || :open || ', StopSel=' || :close)"
            )
            source, where = f"{table} {alias}", f"{alias}.rowid IN ({marks})"
        if kind != "article":
            source += " JOIN articles a ON a.doc_id = r.doc_id"
        sql = (
            f"SELECT {alias}.rowid AS rid, {record} AS record_id, a.doc_id AS doc_id, "
            f"a.title AS title, a.published AS published, {label} AS label, {body} AS body, "
            f"{base} AS base, {marked} AS marked FROM {source} WHERE {where}"
        )
        return self._db.execute(sql, args).fetchall()


def _hit(kind: str, row: Any, score: float, terms: tuple[str, ...]) -> SearchHit:
    body, base = row["body"] or "", int(row["base"])
    local = _marked_spans(row["marked"] or "", body) or _term_spans(body, terms)
    start, end = _window(body, local[0] if local else None)
    snippet = Evidence(
        doc_id=row["doc_id"], start=base + start, end=base + end, text=body[start:end]
    )
    inside = tuple((base + s, base + e) for s, e in local if s >= start and e <= end)
    return SearchHit(
        kind=kind,
        record_id=row["record_id"],
        doc_id=row["doc_id"],
        title=row["title"],
        published=row["published"],
        label=row["label"],
        score=score,
        snippet=snippet,
        matches=inside,
    )


def _marked_spans(marked: str, body: str) -> list[tuple[int, int]]:
    """Where the highlighter's marks are, as offsets into the unmarked text; nothing
    when the marked text is not the text with marks (the text held a mark character,
    or the highlighter changed it)."""
    spans: list[tuple[int, int]] = []
    plain: list[str] = []
    at, opened = 0, None
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", marked):
        if piece == _OPEN:
            opened = at
        elif piece == _CLOSE and opened is not None:
            if at > opened:
                spans.append((opened, at))
            opened = None
        else:
            plain.append(piece)
            at += len(piece)
    return spans if "".join(plain) == body else []


def _term_spans(body: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Words of the text starting with a query term, for when the highlighter's
    answer cannot be used."""
    if not terms:
        return []
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(body)]


def _window(body: str, first: tuple[int, int] | None) -> tuple[int, int]:
    """About SNIPPET characters of the text around its first match (its start when
    none), cut at spaces and trimmed."""
    if len(body) <= SNIPPET:
        start, end = 0, len(body)
    else:
        start = max(0, (first[0] if first else 0) - SNIPPET // 3)
        if first and first[1] - start > SNIPPET:  # a very long word: start at it
            start = first[0]
        if start > 0:
            space = body.find(" ", start, first[0] if first else start + 30)
            start = space + 1 if space >= 0 else start
        end = min(len(body), start + SNIPPET)
        if end < len(body):
            space = body.rfind(" ", max(start, first[1] if first else start), end)
            end = space if space > start else end
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end
