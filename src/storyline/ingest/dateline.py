"""Read a news dateline ("Washington D.C, 13 July 2023 (TDI): ...") for date, place, outlet."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_DATELINE = re.compile(
    r"""^\s*
    (?P<place>[A-Z][A-Za-z.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30}?)?)
    (?:\s*,\s*(?P<date>(?:[A-Za-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}\.?)(?:,?\s+\d{4})?))?
    \s*(?:\((?P<outlet>[^()\n]{1,40})\)|/(?P<outlet2>[^/\n]{1,30})/)?
    \s*(?::|—|–|--|-|(?<=/)\.)\s""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    """What a dateline says: place, date (ISO, only when it names a year) and outlet;
    `end` is where the article's first sentence starts after it."""

    place: str
    published: str | None
    outlet: str | None
    end: int = 0


def read_dateline(text: str) -> Dateline | None:
    """The dateline at the start of an article, or None when it has none.

    A dateline needs a date or an outlet beside the place, so an ordinary first
    sentence ("Blinken said: ...") is not mistaken for one.
    """
    match = _DATELINE.match(text[:200])
    if match is None:
        return None
    date_text = match.group("date")
    outlet = match.group("outlet") or match.group("outlet2")
    if date_text is None and outlet is None:
        return None
    published = _parse_full_date(date_text) if date_text else None
    if date_text and published is None and outlet is None:
        return None
    return Dateline(
        place=match.group("place").strip(),
        published=published,
        outlet=outlet.strip() if outlet else None,
        end=match.end(),
    )


@lru_cache(maxsize=256)
def _parse_full_date(text: str) -> str | None:
    """An ISO day when the text names day, month and year; a year-less date is unknown."""
    import dateparser  # slow to import: only when a dateline needs it

    parsed = dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False}
    )
    return parsed.date().isoformat() if parsed else None
