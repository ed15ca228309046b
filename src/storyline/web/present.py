"""How records read on the pages: dates with their precision, actors, quad names."""

from __future__ import annotations

import re

from storyline.ingest.dateline import read_dateline
from storyline.query import plover_types
from storyline.records import Actor, Article, Event, Story
from storyline.stories import timeline

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?(?=\s+[\"'“‘(]?[A-Z0-9])")
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def story_when(story: Story) -> str:
    """A story's date as shown on a page (a window's ends joined by a dash)."""
    return timeline.story_when(story, " – ")


def event_when(event: Event) -> str:
    """An event's date as shown, or "" when the text gives none."""
    d = event.date
    if d is None:
        return ""
    if d.value:
        return d.value
    return f"{d.window[0]} – {d.window[1]}" if d.window else ""


def quad_label(quad: str | None) -> str:
    """ "verbal_cooperation" -> "verbal cooperation"; "" when unknown."""
    return (quad or "").replace("_", " ")


def quad_class(quad: str | None) -> str:
    """The CSS class colouring a quad category (an unknown one gets a neutral one)."""
    return f"quad-{quad}" if quad in QUADS else "quad-none"


def type_class(event_type: str) -> str:
    """The CSS class colouring a PLOVER type by its quad category."""
    return quad_class(plover_types().get(event_type))


def actor_line(actor: Actor | None) -> str:
    """An actor's name with country and sector, e.g. "Albin Kurti (XKX, GOV)"."""
    if actor is None:
        return "unknown"
    extra = ", ".join(x for x in (actor.country, actor.sector) if x)
    return f"{actor.name} ({extra})" if extra else actor.name


def plural(n: int, word: str) -> str:
    """ "1 source", "3 sources", "2 stories"."""
    if n == 1:
        return f"{n} {word}"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return f"{n} {word[:-1]}ies"
    return f"{n} {word}s"


def article_name(article: Article, width: int = 80) -> str:
    """An article's title, else its opening words (after any dateline), shortened to
    about `width` characters: an untitled text's file name is often a hash."""
    if article.title and article.title.strip():
        return article.title.strip()
    text = article.text[:2000]
    dateline = read_dateline(text)
    if dateline is not None:
        text = text[dateline.end :]
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if not line:
        return article.file
    line = " ".join(_first_sentence(line).split())
    if len(line) <= width:
        return line
    cut = line[: width - 1].rsplit(" ", 1)[0] if " " in line[: width - 1] else line[: width - 1]
    return cut.rstrip(" ,;:-–—") + "…"


_ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr gen col lt sgt prof gov sen rep no vs".split())


def _first_sentence(line: str) -> str:
    """A line up to its first sentence end (not after an initial, "U.S." or "Mr.")."""
    for end in _SENTENCE_END.finditer(line):
        word = line[: end.start()].rsplit(None, 1)[-1].rsplit(".", 1)[-1]
        if len(word) > 1 and word.lower() not in _ABBREVIATIONS:
            return line[: end.end()]
    return line
