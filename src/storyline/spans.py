"""Stretches of an article's text (quotations with their marks), asked about in log time."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


class Marks(tuple[tuple[int, int], ...]):
    """Spans of text (quotations with their marks) that answer whether an offset or a
    stretch lies within one of them in log time: a long article has thousands of
    quotations and asks about each of its words, which a scan of every span made cost
    the square of its length. Any order and nesting: a stretch lies within a span iff
    the furthest end of the spans starting at or before it reaches its end."""

    _starts: list[int]
    _reach: list[int]

    def __new__(cls, spans: Iterable[tuple[int, int]] = ()) -> Marks:
        """The spans (start, end), as given."""
        self = super().__new__(cls, spans)
        ordered = sorted(self)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))
        return self

    def covers(self, start: int, end: int) -> bool:
        """Whether text[start:end] lies within one of the spans."""
        i = bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end
