"""The days an EventDate covers, as a closed interval."""

from __future__ import annotations

import calendar
from datetime import date

from storyline.records import DatePrecision, EventDate


def text_span(text: str) -> tuple[date, date] | None:
    """The days of "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None when it is none of these."""
    parts = text.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 3:
            day = date(year, int(parts[1]), int(parts[2]))
            return day, day
        if len(parts) == 2:
            month = int(parts[1])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def day_span(value: EventDate | None) -> tuple[date, date] | None:
    """First and last day an event date allows; None when unknown."""
    if value is None:
        return None
    if value.window is not None and (value.precision is DatePrecision.WINDOW or not value.value):
        first, last = text_span(value.window[0]), text_span(value.window[1])
        return (first[0], last[1]) if first and last else None
    return text_span(value.value) if value.value else None


def in_range(day: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date ("2023-03-20", "2023-03", "2023") lies within YYYY[-MM[-DD]]
    bounds; with a bound set, an undated item lies in no range."""
    if not (since or until):
        return True
    if day is None:
        return False
    return not ((since and day < since) or (until and day[: len(until)] > until))
