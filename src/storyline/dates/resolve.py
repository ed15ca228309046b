"""Resolve one date expression against the publication date.

Order: storyline's calendar rules, its publication-relative rules, its refusals, then
dateparser for the rest ("13 July 2023", "Sept. 14", "in June", "2020", "last year",
"next month", "yesterday", "two years ago"), using dateparser's own period for the
precision. Where dateparser parses a yearless date it is right about the month and day
but not always about the year (it skips a date falling on the publication day when
looking ahead, and goes back four years for 29 February), so the year is re-chosen
by `pick_year`.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache

from dateparser.date import DateDataParser

from storyline.dates.guards import GUARD_RULES
from storyline.dates.periods import (
    END,
    Interpretation,
    between,
    in_month,
    in_year,
    on_day,
    unresolved,
    week_of,
)
from storyline.dates.relative import RELATIVE_RULES
from storyline.dates.rules import (
    CALENDAR_RULES,
    Context,
    apply_rules,
    placed,
)
from storyline.dates.vocabulary import (
    CUE,
    HAS_MONTH,
    HAS_WEEKDAY,
    HAS_YEAR,
    NO_PUBLICATION,
    NO_YEAR,
    NOT_A_DATE,
    SEVERAL_DATES,
    WEEKDAY_MISMATCH,
    normalize,
    weekday_number,
)
from storyline.records import EventDate

RULES = (*CALENDAR_RULES, *RELATIVE_RULES, *GUARD_RULES)
# With no publication date dateparser still needs a base; only expressions that carry
# their own year reach it then, so which base is used cannot change the answer.
NEUTRAL_BASE = date(2000, 1, 1)
# Timestamps and digit runs ("20200101") are not how news writes dates.
PARSERS = ["relative-time", "custom-formats", "absolute-time"]


@lru_cache(maxsize=8192)  # a pure function of its arguments; dateparser is slow
def interpret_date(text: str, published: date | None, *, future: bool = False) -> Interpretation:
    """What `text` means as a date given the publication date, or why it means none."""
    if isinstance(published, datetime):
        published = published.date()
    normalized = normalize(text)
    if not normalized:
        return unresolved(NOT_A_DATE)
    ctx = Context(text=text, published=published, future=future)
    found = apply_rules(RULES, normalized, ctx)
    return found if found is not None else parse_with_dateparser(normalized, ctx)


def resolve_date(text: str, published: date | None, *, future: bool = False) -> EventDate | None:
    """The date `text` refers to, with its precision, or None when it cannot be placed."""
    return interpret_date(text, published, future=future).date


def parse_with_dateparser(normalized: str, ctx: Context) -> Interpretation:
    """dateparser's reading of what no rule knows, with the year of yearless dates re-chosen."""
    if not CUE.search(normalized):
        return unresolved(NOT_A_DATE)
    if " and " in normalized or " or " in normalized:
        return unresolved(SEVERAL_DATES)
    has_year = HAS_YEAR.search(normalized) is not None
    has_month = HAS_MONTH.search(normalized) is not None
    if not has_year and ctx.published is None:
        return unresolved(NO_YEAR if has_month else NO_PUBLICATION, relative=True)
    parsed = dateparser_reading(normalized, ctx.published or NEUTRAL_BASE, future=ctx.future)
    if parsed is None:
        return unresolved(NOT_A_DATE, relative=not has_year)
    day, period = parsed
    if has_month and not has_year:
        found = placed_again(day, period, ctx)
    else:
        found = Interpretation(date=from_period(day, period, ctx.text), relative=not has_year)
    return check_weekday(normalized, found)


def dateparser_reading(normalized: str, base: date, *, future: bool) -> tuple[date, str] | None:
    """dateparser's date and period ("day", "week", "month", "year") for the expression."""
    settings = {
        "RELATIVE_BASE": datetime.combine(base, time()),
        "PREFER_DATES_FROM": "future" if future else "past",
        "PARSERS": PARSERS,
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(normalized)
    if data.date_obj is None or data.period not in ("day", "week", "month", "year"):
        return None
    return data.date_obj.date(), data.period


def from_period(day: date, period: str, text: str) -> EventDate:
    """The EventDate for a dateparser date at its period's precision; a week is a window."""
    if period == "week":
        return between(*week_of(day), text)
    if period == "month":
        return in_month(day.year, day.month, text)
    if period == "year":
        return in_year(day.year, text)
    return on_day(day, text)


def placed_again(day: date, period: str, ctx: Context) -> Interpretation:
    """A yearless day or month from dateparser, put in the year `pick_year` chooses."""
    if period == "month":
        first, last = (day.month, 1), (day.month, END)
        return placed(first, last, lambda s: in_month(s[0].year, day.month, ctx.text), None, ctx)
    key = (day.month, day.day)
    return placed(key, key, lambda s: on_day(s[0], ctx.text), None, ctx)


def check_weekday(normalized: str, found: Interpretation) -> Interpretation:
    """Refuse "Tuesday, July 12, 2023" when 12 July 2023 was a Wednesday."""
    named = HAS_WEEKDAY.search(normalized)
    event = found.date
    if named is None or event is None or event.precision != "day" or event.value is None:
        return found
    if date.fromisoformat(event.value).weekday() != weekday_number(named["weekday"]):
        return unresolved(WEEKDAY_MISMATCH, relative=found.relative)
    return found
