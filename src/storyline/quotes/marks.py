"""Find the stretches of text inside quotation marks, tolerating broken marks.

Straight and curly double marks are both used, often mixed in one quotation
(“...," or "...”). Marks are paired within a paragraph; a quotation still open at
a paragraph's end continues only when the next paragraph opens with a mark (the
convention for quotations of several paragraphs), otherwise it is dropped, so an
unbalanced mark never disturbs the rest of the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from storyline.spans import Marks

OPENING = frozenset("“„«")
CLOSING = frozenset("”»")
STRAIGHT = '"'
_MARK = re.compile(r"[\"“”„«»]")
_PARAGRAPH = re.compile(r"\n")
_TRAILING = " \t\n,;:"


@dataclass(frozen=True, slots=True, kw_only=True)
class QuotedSpan:
    """The words between a pair of marks (marks and trailing commas excluded)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset of the closing mark
    continued: bool = False  # the quotation goes on in the next paragraph


def find_quoted(text: str) -> list[QuotedSpan]:
    """Every quotation in the text, in order; unpaired marks are ignored."""
    spans: list[QuotedSpan] = []
    opened: int | None = None
    paragraph_end = _next_break(text, 0)
    for match in _MARK.finditer(text):
        pos, mark = match.start(), match.group()
        while pos > paragraph_end:
            if opened is not None and _continues(text, paragraph_end):
                # a quotation of several paragraphs: this paragraph's part is one span
                span = _span(text, opened, paragraph_end)
                if span is not None:
                    spans.append(replace(span, continued=True))
            opened = None  # closed above, or unbalanced: drop it and keep going
            paragraph_end = _next_break(text, paragraph_end + 1)
        if opened is None:
            if mark not in CLOSING:
                opened = pos
            continue
        opens = mark in OPENING or (mark == STRAIGHT and _opens(text, pos))
        if opens and not _ends_utterance(text, opened, pos):
            opened = pos  # a new quotation: the earlier mark was never closed
            continue
        span = _span(text, opened, pos)
        if span is not None:
            spans.append(span)
        opened = None
    return spans


def _span(text: str, open_mark: int, close_mark: int) -> QuotedSpan | None:
    start = open_mark + 1
    end = close_mark
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    if end <= start:
        return None
    return QuotedSpan(start=start, end=end, open_mark=open_mark, close_mark=close_mark)


def _ends_utterance(text: str, opened: int, pos: int) -> bool:
    """An opening-shaped mark right after words and punctuation closes a quotation."""
    before = text[opened + 1 : pos].rstrip()
    return (
        bool(before)
        and before[-1] in ".,!?…"
        and pos + 1 < len(text)
        and (text[pos + 1].isspace() or text[pos + 1] in ",.;")
    )


def _opens(text: str, pos: int) -> bool:
    """A straight mark shaped like an opening one: after a space, before a word."""
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([") and after.isalnum()


def _next_break(text: str, start: int) -> int:
    match = _PARAGRAPH.search(text, start)
    return match.start() if match else len(text)


def _continues(text: str, paragraph_end: int) -> bool:
    """Whether the next paragraph opens with a quotation mark (a multi-paragraph quote)."""
    rest = text[paragraph_end:].lstrip()
    return bool(rest) and rest[0] in OPENING | {STRAIGHT}


def inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether an offset falls within one of the spans (quotations with their marks)."""
    if isinstance(spans, Marks):
        return spans.covers(pos, pos + 1)
    return any(start <= pos < end for start, end in spans)
