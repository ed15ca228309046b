"""Calendar arithmetic and EventDate builders shared by the date rules.

Pure functions over `datetime.date`: no parsing here, so every rule that picks a day,
a week or a window does it the same way.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.records import DatePrecision, EventDate

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Interpretation:
    """What a date expression means: the date, or why there is none."""

    date: EventDate | None
    reason: str | None = None
    relative: bool = False  # depends on the publication date
    duration: bool = False  # a length of time or an age, not a point in time


def unresolved(reason: str, *, relative: bool = False, duration: bool = False) -> Interpretation:
    """An interpretation with no date, and why."""
    return Interpretation(date=None, reason=reason, relative=relative, duration=duration)


def on_day(day: date, text: str) -> EventDate:
    """A single day."""
    return EventDate(value=day.isoformat(), precision=DatePrecision.DAY, text=text)


def in_month(year: int, month: int, text: str) -> EventDate:
    """A calendar month."""
    return EventDate(value=f"{year:04d}-{month:02d}", precision=DatePrecision.MONTH, text=text)


def in_year(year: int, text: str) -> EventDate:
    """A calendar year."""
    return EventDate(value=f"{year:04d}", precision=DatePrecision.YEAR, text=text)


def between(after: date, before: date, text: str) -> EventDate:
    """A window of days, both ends included."""
    return EventDate(
        value=None,
        precision=DatePrecision.WINDOW,
        window=(after.isoformat(), before.isoformat()),
        text=text,
    )


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def weekday_near(published: date, weekday: int, *, future: bool, strict: bool = False) -> date:
    """The latest `weekday` on or before publication (the first on or after, if future).

    With `strict` the publication day itself does not count ("last Monday", "next Monday").
    """
    if future:
        ahead = (weekday - published.weekday()) % 7
        return published + timedelta(days=ahead or (7 if strict else 0))
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back or (7 if strict else 0))


def shift_months(day: date, months: int) -> date:
    """The same day `months` later (earlier if negative), clamped to the month's end."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month0 + 1, min(day.day, month_end(year, month0 + 1).day))


def shift_years(day: date, years: int) -> date:
    """The same day `years` later (earlier if negative); 29 February becomes the 28th."""
    return shift_months(day, 12 * years)


Span = tuple[date, date]
MonthDay = tuple[int, int]  # (month, day); day END means the month's last day


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


END = 99  # a day of the month meaning "the month's last day"


def span_in(year: int, first: MonthDay, last: MonthDay) -> Span | None:
    """The days from `first` to `last` in `year`, or None if either does not exist."""
    start = safe_date(year, *first)
    end = month_end(year, last[0]) if last[1] == END else safe_date(year, *last)
    return (start, end) if start and end else None


def pick_year(first: MonthDay, last: MonthDay, published: date, *, future: bool) -> int:
    """The year for a yearless span running from `first` to `last` within one year.

    Past: the latest year in which the span starts on or before publication. Future:
    the earliest in which it ends on or after publication. Decided on month and day
    alone, so that 29 February is placed (and then found missing) like any other day.
    """
    today = (published.month, published.day)
    if future:
        return published.year if last >= today else published.year + 1
    return published.year if first <= today else published.year - 1
