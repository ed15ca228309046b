"""Resolving one date expression against the publication date.

Each case reads "text published on X means Y". Results are written as
"<precision> <value>" or "window <after>..<before>" so a table row reads like the rule.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from storyline.dates import interpret_date, resolve_date
from storyline.dates.resolve import dateparser_reading
from storyline.dates.vocabulary import (
    AMBIGUOUS_ORDER,
    BACKWARDS_RANGE,
    CENTURY_OR_DECADE,
    DAY_WITHOUT_MONTH,
    DURATION,
    NO_EARLIER_DAY,
    NO_LATER_DAY,
    NO_PUBLICATION,
    NO_YEAR,
    NOT_A_DATE,
    OPEN_BOUND,
    OTHER_EVENT,
    SEASON,
    SEVERAL_DATES,
    WEEKDAY_MISMATCH,
)
from storyline.records import DatePrecision, EventDate

WED = date(2023, 7, 19)  # a Wednesday
MON = date(2023, 7, 17)  # a Monday
SUN = date(2023, 7, 16)  # a Sunday
NEW_YEAR = date(2024, 1, 2)  # a Tuesday, two days into a leap year


def described(event: EventDate | None) -> str | None:
    """ "day 2023-07-13", "month 2023-06", "year 2020" or "window 2023-07-10..2023-07-16"."""
    if event is None:
        return None
    if event.precision == DatePrecision.WINDOW:
        assert event.value is None and event.window is not None
        return f"window {event.window[0]}..{event.window[1]}"
    assert event.window is None
    return f"{event.precision} {event.value}"


def means(text: str, published: date | None, future: bool = False) -> str | None:
    """What the expression resolves to, as `described` writes it."""
    return described(resolve_date(text, published, future=future))


# -- read by dateparser (its date and its period), year re-chosen by storyline ---------

PARSED_BY_DATEPARSER = [
    ("13 July 2023", WED, "day 2023-07-13"),
    ("July 13, 2023", WED, "day 2023-07-13"),
    ("on April 29, 2023", WED, "day 2023-04-29"),
    ("Monday, July 17, 2023", WED, "day 2023-07-17"),
    ("13/4/2023", WED, "day 2023-04-13"),
    ("2023-04-03", WED, "day 2023-04-03"),
    ("Sept. 14", WED, "day 2022-09-14"),
    ("Sept. 14", date(2023, 9, 14), "day 2023-09-14"),
    ("February 18", WED, "day 2023-02-18"),
    ("14 September", WED, "day 2022-09-14"),
    ("Dec. 30", NEW_YEAR, "day 2023-12-30"),
    ("Jan. 2", NEW_YEAR, "day 2024-01-02"),
    ("Jan. 3", NEW_YEAR, "day 2023-01-03"),
    ("in June", WED, "month 2023-06"),
    ("in June", date(2023, 6, 1), "month 2023-06"),
    ("in August", WED, "month 2022-08"),
    ("in December", NEW_YEAR, "month 2023-12"),
    ("July 2023", WED, "month 2023-07"),
    ("in 1923", WED, "year 1923"),
    ("2020", WED, "year 2020"),
    ("the year 2020", WED, "year 2020"),
    ("last year", WED, "year 2022"),
    ("last year", NEW_YEAR, "year 2023"),
    ("this year", WED, "year 2023"),
    ("next month", WED, "month 2023-08"),
    ("next month", date(2023, 12, 31), "month 2024-01"),
    ("last month", date(2024, 1, 15), "month 2023-12"),
    ("this month", WED, "month 2023-07"),
    ("today", WED, "day 2023-07-19"),
    ("yesterday", WED, "day 2023-07-18"),
    ("yesterday", date(2024, 1, 1), "day 2023-12-31"),
    ("yesterday", date(2024, 3, 1), "day 2024-02-29"),
    ("the day before yesterday", WED, "day 2023-07-17"),
    ("last night", WED, "day 2023-07-18"),
    ("this morning", WED, "day 2023-07-19"),
    ("two years ago", WED, "year 2021"),
    ("a decade ago", WED, "year 2013"),
    ("three days ago", WED, "day 2023-07-16"),
    ("two months ago", WED, "month 2023-05"),
    ("last week", WED, "window 2023-07-10..2023-07-16"),
    ("last week", MON, "window 2023-07-10..2023-07-16"),
    ("last week", NEW_YEAR, "window 2023-12-25..2023-12-31"),
    ("next week", WED, "window 2023-07-24..2023-07-30"),
    ("a week ago", WED, "window 2023-07-10..2023-07-16"),
]


@pytest.mark.parametrize(("text", "published", "expected"), PARSED_BY_DATEPARSER)
def test_dateparser_reading_at_its_own_precision(text: str, published: date, expected: str) -> None:
    assert means(text, published) == expected


FUTURE = [
    ("Sept. 14", date(2023, 9, 14), "day 2023-09-14"),  # the publication day itself
    ("Sept. 13", date(2023, 9, 14), "day 2024-09-13"),
    ("Jan. 3", date(2023, 12, 30), "day 2024-01-03"),
    ("in June", date(2023, 6, 30), "month 2023-06"),
    ("in June", WED, "month 2024-06"),
    ("February 29", date(2023, 9, 14), "day 2024-02-29"),
    ("Monday", MON, "day 2023-07-17"),
    ("Monday", WED, "day 2023-07-24"),
    ("Friday", WED, "day 2023-07-21"),
    ("this week", WED, "window 2023-07-19..2023-07-23"),
    ("the weekend", WED, "window 2023-07-22..2023-07-23"),
    ("the weekend", SUN, "window 2023-07-15..2023-07-16"),
    ("mid-March", WED, "window 2024-03-11..2024-03-20"),
    ("early July", WED, "window 2024-07-01..2024-07-10"),  # this year's has passed
    ("late July", WED, "window 2023-07-21..2023-07-31"),
]


@pytest.mark.parametrize(("text", "published", "expected"), FUTURE)
def test_future_looks_ahead_from_the_publication_day(
    text: str, published: date, expected: str
) -> None:
    assert means(text, published, future=True) == expected


# -- storyline's own rules ------------------------------------------------------------

OWN_RULES = [
    # decades, centuries, ranges
    ("the 1990s", WED, "window 1990-01-01..1999-12-31"),
    ("in the 1990s", WED, "window 1990-01-01..1999-12-31"),
    ("the mid-1980s", WED, "window 1984-01-01..1986-12-31"),
    ("the late 2010s", WED, "window 2017-01-01..2019-12-31"),
    ("the 19th century", WED, "window 1800-01-01..1899-12-31"),
    ("2019-2021", WED, "window 2019-01-01..2021-12-31"),
    ("2022–23", WED, "window 2022-01-01..2023-12-31"),
    ("between 2015 and 2018", WED, "window 2015-01-01..2018-12-31"),
    ("July 13-14", WED, "window 2023-07-13..2023-07-14"),
    ("13-14 July 2022", WED, "window 2022-07-13..2022-07-14"),
    ("Feb. 28-29", date(2024, 3, 4), "window 2024-02-28..2024-02-29"),
    # months and parts of them
    ("the month of June", WED, "month 2023-06"),
    ("the month of September", WED, "month 2022-09"),
    ("the month of May 2021", WED, "month 2021-05"),
    ("mid-March", WED, "window 2023-03-11..2023-03-20"),
    ("mid-July", date(2023, 7, 5), "window 2022-07-11..2022-07-20"),
    ("early July", WED, "window 2023-07-01..2023-07-10"),
    ("late February", date(2024, 3, 10), "window 2024-02-21..2024-02-29"),
    ("late February", date(2023, 3, 10), "window 2023-02-21..2023-02-28"),
    ("the end of June", WED, "window 2023-06-21..2023-06-30"),
    ("late 2022", WED, "window 2022-09-01..2022-12-31"),
    ("early 2023", WED, "window 2023-01-01..2023-04-30"),
    ("mid-2021", WED, "window 2021-05-01..2021-08-31"),
    ("the first half of 2022", WED, "window 2022-01-01..2022-06-30"),
    ("late last year", NEW_YEAR, "window 2023-09-01..2023-12-31"),
    ("early next month", date(2023, 12, 12), "window 2024-01-01..2024-01-10"),
    ("Q3 2023", WED, "window 2023-07-01..2023-09-30"),
    ("the second quarter", WED, "window 2023-04-01..2023-06-30"),
    # weekdays: the latest such day on or before publication
    ("Monday", WED, "day 2023-07-17"),
    ("on Monday", WED, "day 2023-07-17"),
    ("Monday", MON, "day 2023-07-17"),
    ("Wednesday", WED, "day 2023-07-19"),
    ("Thursday", WED, "day 2023-07-13"),
    ("Thursday night", WED, "day 2023-07-13"),
    ("late Sunday", WED, "day 2023-07-16"),
    ("Wed.", WED, "day 2023-07-19"),
    ("this Monday", WED, "day 2023-07-17"),
    ("last Monday", WED, "day 2023-07-17"),
    ("last Monday", MON, "day 2023-07-10"),
    ("next Monday", MON, "day 2023-07-24"),
    ("Sunday", NEW_YEAR, "day 2023-12-31"),
    # weeks, weekends, months so far
    ("this week", WED, "window 2023-07-17..2023-07-19"),
    ("this week", MON, "window 2023-07-17..2023-07-17"),
    ("over the weekend", WED, "window 2023-07-15..2023-07-16"),
    ("over the weekend", MON, "window 2023-07-15..2023-07-16"),
    ("the weekend", SUN, "window 2023-07-15..2023-07-16"),
    ("last weekend", NEW_YEAR, "window 2023-12-30..2023-12-31"),
    ("earlier this month", WED, "window 2023-07-01..2023-07-18"),
    ("earlier this month", date(2024, 2, 29), "window 2024-02-01..2024-02-28"),
    ("earlier this week", WED, "window 2023-07-17..2023-07-18"),
    ("later this month", WED, "window 2023-07-20..2023-07-31"),
    ("earlier this year", NEW_YEAR, "window 2024-01-01..2024-01-01"),
    ("before the month was over", WED, "window 2023-07-19..2023-07-31"),
    ("before the month was over", date(2023, 2, 15), "window 2023-02-15..2023-02-28"),
    ("before the month was over", date(2024, 2, 15), "window 2024-02-15..2024-02-29"),
    ("by the end of the year", WED, "window 2023-07-19..2023-12-31"),
    # recent and past spans
    ("recent", WED, "window 2023-07-05..2023-07-19"),
    ("recently", WED, "window 2023-07-05..2023-07-19"),
    ("in recent days", WED, "window 2023-07-05..2023-07-19"),
    ("in recent days", date(2024, 3, 5), "window 2024-02-20..2024-03-05"),
    ("in recent weeks", WED, "window 2023-06-07..2023-07-19"),
    ("the past few days", WED, "window 2023-07-14..2023-07-19"),
    ("the past few days", date(2024, 3, 2), "window 2024-02-26..2024-03-02"),
    ("The past few days", NEW_YEAR, "window 2023-12-28..2024-01-02"),
    ("the past week", WED, "window 2023-07-12..2023-07-19"),
    ("over the past 24 hours", WED, "window 2023-07-18..2023-07-19"),
    ("the last two years", date(2024, 2, 29), "window 2022-02-28..2024-02-29"),
]


@pytest.mark.parametrize(("text", "published", "expected"), OWN_RULES)
def test_own_rules(text: str, published: date, expected: str) -> None:
    assert means(text, published) == expected


# dateparser 1.5.0 alone (RELATIVE_BASE, PREFER_DATES_FROM="past"): its date and period,
# against ours. If an upgrade fixes one, this fails and the rule may no longer be needed.
DATEPARSER_WRONG = [
    ("the 1990s", WED, False, ("2023-07-18", "day"), "window 1990-01-01..1999-12-31"),  # 1990 s ago
    ("Monday", MON, False, ("2023-07-10", "day"), "day 2023-07-17"),  # skips the publication day
    ("Wed", WED, False, ("2023-07-12", "day"), "day 2023-07-19"),
    ("this Monday", WED, False, ("2023-07-24", "day"), "day 2023-07-17"),  # ahead despite "past"
    ("July 13-14", WED, False, ("2014-07-13", "day"), "window 2023-07-13..2023-07-14"),
    ("2022/23", WED, False, ("2022-07-23", "day"), "window 2022-01-01..2023-12-31"),
    ("last week", WED, False, ("2023-07-12", "week"), "window 2023-07-10..2023-07-16"),  # one day
    ("a day after", WED, False, ("2023-07-20", "day"), None),  # counted from publication
    ("two days later", WED, False, ("2023-07-21", "day"), None),
    ("three days", WED, False, ("2023-07-16", "day"), None),  # a duration read as "ago"
    ("two years", WED, False, ("2021-07-19", "year"), None),
    ("two", WED, False, ("2023-02-19", "month"), None),  # February
    ("5", WED, False, ("2023-05-19", "month"), None),  # May
    ("3/4/2023", WED, False, ("2023-03-04", "day"), None),  # or 3 April
    ("February 29", date(2024, 2, 28), False, ("2020-02-29", "day"), None),  # four years back
    # looking ahead, it skips the publication day and its month
    ("Sept. 14", date(2023, 9, 14), True, ("2024-09-14", "day"), "day 2023-09-14"),
    ("in June", date(2023, 6, 30), True, ("2024-06-30", "month"), "month 2023-06"),
    ("Monday", MON, True, ("2023-07-24", "day"), "day 2023-07-17"),
]


@pytest.mark.parametrize(
    ("text", "published", "future", "dateparser_says", "we_say"), DATEPARSER_WRONG
)
def test_rules_fix_what_dateparser_gets_wrong(
    text: str,
    published: date,
    future: bool,
    dateparser_says: tuple[str, str],
    we_say: str | None,
) -> None:
    reading = dateparser_reading(text.lower(), published, future=future)
    assert reading is not None
    assert (reading[0].isoformat(), reading[1]) == dateparser_says
    assert means(text, published, future=future) == we_say


# -- no date, and why ----------------------------------------------------------------

REFUSED = [
    ("a day after", OTHER_EVENT),
    ("two days later", OTHER_EVENT),
    ("the next day", OTHER_EVENT),
    ("the following week", OTHER_EVENT),
    ("the day before", OTHER_EVENT),
    ("weeks earlier", OTHER_EVENT),
    ("that night", OTHER_EVENT),
    ("within hours", OTHER_EVENT),
    ("the first day", OTHER_EVENT),  # of something named elsewhere, not a duration
    ("the final week", OTHER_EVENT),
    ("mid-week", NOT_A_DATE),  # not a "-week" duration either
    ("this summer", SEASON),
    ("the winter of 2022", SEASON),
    ("since 2020", OPEN_BOUND),
    ("until March", OPEN_BOUND),
    ("3/4/2023", AMBIGUOUS_ORDER),
    ("the 14th", DAY_WITHOUT_MONTH),
    ("the 1800s", CENTURY_OR_DECADE),
    ("2021-2019", BACKWARDS_RANGE),
    ("2019 and 2021", SEVERAL_DATES),
    ("Monday and Tuesday", SEVERAL_DATES),
    ("Tuesday, July 12, 2023", WEEKDAY_MISMATCH),
    ("Tuesday, July 12", WEEKDAY_MISMATCH),
    ("earlier this month", NO_EARLIER_DAY),  # published on the 1st
    ("earlier this week", NO_EARLIER_DAY),  # published on a Monday
    ("5", NOT_A_DATE),
    ("two", NOT_A_DATE),
    ("1,000", NOT_A_DATE),
    ("the first round", NOT_A_DATE),
    ("", NOT_A_DATE),
]
PUBLISHED_FOR = {"earlier this month": date(2023, 7, 1), "earlier this week": MON}


@pytest.mark.parametrize(("text", "reason"), REFUSED)
def test_unplaceable_expressions_say_why(text: str, reason: str) -> None:
    found = interpret_date(text, PUBLISHED_FOR.get(text, WED))
    assert (found.date, found.reason, found.duration) == (None, reason, False)


def test_later_this_month_on_its_last_day_has_no_date() -> None:
    assert interpret_date("later this month", date(2023, 7, 31)).reason == NO_LATER_DAY


def test_a_missing_29_february_is_not_moved_to_another_leap_year() -> None:
    found = interpret_date("February 29", date(2024, 2, 28))
    assert (found.date, found.reason) == (None, "no such day in 2023")
    assert means("February 29", date(2024, 3, 5)) == "day 2024-02-29"
    assert means("February 29", date(2025, 1, 10)) == "day 2024-02-29"


@pytest.mark.parametrize(
    "text",
    [
        "two years",
        "six-week",
        "decades-long",
        "decades",
        "33-year-old",
        "a two-month-old",
        "aged 33",
        "annual",
        "weekly",
        "every year",
        "more than a decade",
        "a year and a half",
        "24-hour",
        "for two years",
        "one day",
    ],
)
def test_durations_ages_and_frequencies_are_not_points_in_time(text: str) -> None:
    found = interpret_date(text, WED)
    assert (found.date, found.reason, found.duration) == (None, DURATION, True)


# -- without a publication date ------------------------------------------------------

WITHOUT_PUBLICATION = [
    ("Monday", None, NO_PUBLICATION),
    ("yesterday", None, NO_PUBLICATION),
    ("last week", None, NO_PUBLICATION),
    ("last year", None, NO_PUBLICATION),
    ("earlier this month", None, NO_PUBLICATION),
    ("the past few days", None, NO_PUBLICATION),
    ("over the weekend", None, NO_PUBLICATION),
    ("late last year", None, NO_PUBLICATION),
    ("two years ago", None, NO_PUBLICATION),
    ("Sept. 14", None, NO_YEAR),
    ("in June", None, NO_YEAR),
    ("mid-March", None, NO_YEAR),
    ("the month of June", None, NO_YEAR),
    ("13 July 2023", "day 2023-07-13", None),
    ("on April 29, 2023", "day 2023-04-29", None),
    ("in 1923", "year 1923", None),
    ("2020", "year 2020", None),
    ("June 2021", "month 2021-06", None),
    ("the 1990s", "window 1990-01-01..1999-12-31", None),
    ("late 2022", "window 2022-09-01..2022-12-31", None),
    ("mid-March 2021", "window 2021-03-11..2021-03-20", None),
    ("the month of June 2020", "month 2020-06", None),
]


@pytest.mark.parametrize(("text", "expected", "reason"), WITHOUT_PUBLICATION)
def test_without_a_publication_date_only_dated_expressions_resolve(
    text: str, expected: str | None, reason: str | None
) -> None:
    found = interpret_date(text, None)
    assert (described(found.date), found.reason) == (expected, reason)
    assert found.relative is (reason is not None)


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("13 July 2023", False),
        ("late 2022", False),
        ("the 1990s", False),
        ("Sept. 14", True),
        ("Monday", True),
        ("in June", True),
        ("last week", True),
        ("recently", True),
        ("a day after", False),  # relative to another event, not to publication
    ],
)
def test_relative_marks_dependence_on_the_publication_date(text: str, relative: bool) -> None:
    assert interpret_date(text, WED).relative is relative


def test_the_date_keeps_the_expression_as_written() -> None:
    found = resolve_date("  Over the Weekend", WED)
    assert found is not None and found.text == "  Over the Weekend"


def test_a_publication_datetime_counts_as_its_day() -> None:
    assert resolve_date("Monday", datetime(2023, 7, 19, 23, 59)) == resolve_date("Monday", WED)
