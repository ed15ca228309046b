"""An article's text cut into flat segments at every span boundary, for highlighting.

Facts (actor mentions, quotes, event evidence) are character spans that may overlap
or nest. Cutting the text at every start and end gives segments that each lie wholly
inside or outside every span, so each segment becomes one element carrying the
classes of all spans covering it: no nesting, so no overlap can break the markup.
The segments hold plain text; the template escapes it. A span starting at offset N
is reachable as #cN (the id of the segment where it starts).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A highlighted stretch: [start, end) in the text, a CSS class and a hover label."""

    start: int
    end: int
    kind: str  # "actor" | "quote" | "event" | "focus"
    label: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """A stretch of text between two consecutive boundaries and what covers it."""

    start: int
    text: str
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()  # element ids of the spans starting here

    @property
    def classes(self) -> str:
        """The segment's CSS classes (empty when nothing covers it)."""
        return " ".join(f"hl-{k}" for k in self.kinds)

    @property
    def title(self) -> str:
        """What covers the segment, for the hover text."""
        return "; ".join(self.labels)


def anchor_id(offset: int) -> str:
    """The element id of the segment starting at a character offset."""
    return f"c{offset}"


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """The text cut at every span boundary, each piece with the spans covering it.

    Spans are clipped to the text and trimmed of surrounding whitespace; empty ones
    are dropped. Joining the segments' texts gives back the text exactly."""
    size = len(text)
    kept: list[Span] = []
    anchors: dict[int, dict[str, None]] = {}  # where a span now starts -> ids of its start
    for s in spans:
        start, end = max(0, s.start), min(size, s.end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            kept.append(Span(start=start, end=end, kind=s.kind, label=s.label))
            anchors.setdefault(start, {})[anchor_id(s.start)] = None
    cuts = sorted({0, size} | set(anchors) | {s.end for s in kept})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        covering = [s for s in kept if s.start <= a and s.end >= b]
        kinds = tuple(sorted({s.kind for s in covering}))
        labels = tuple(dict.fromkeys(s.label for s in covering if s.label))
        out.append(
            Segment(
                start=a,
                text=text[a:b],
                kinds=kinds,
                labels=labels,
                anchors=tuple(anchors.get(a, ())),
            )
        )
    return out
