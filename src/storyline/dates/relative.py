"""Rules for expressions anchored on the publication date that dateparser gets wrong.

dateparser puts "Monday" a week back when the article is published on a Monday, reads
"this Monday" as next week even when preferring the past, gives one day for a week,
and knows nothing of "earlier this month", "recent days", "the past few days",
"over the weekend" or "before the month was over". These follow news usage instead:
a bare weekday is the latest such day on or before publication (the first on or
after, for an event still to come), and vague spans become windows wide enough to
hold the day meant.
"""

from __future__ import annotations

import math
import re
from datetime import timedelta

from storyline.dates.periods import (
    Interpretation,
    between,
    on_day,
    shift_months,
    shift_years,
    unresolved,
    week_of,
    weekday_near,
)
from storyline.dates.rules import Context, Rule, current, registrar
from storyline.dates.vocabulary import (
    COUNT,
    NO_EARLIER_DAY,
    NO_LATER_DAY,
    WEEKDAY,
    count_of,
    weekday_number,
)
from storyline.records import EventDate

DAY = timedelta(days=1)

RELATIVE_RULES: list[Rule] = []
rule = registrar(RELATIVE_RULES)

PAST_WORDS = ("last", "past", "this past")
NEXT_WORDS = ("next", "coming", "this coming")


@rule(
    rf"(?:(?P<which>this|last|next|this past|this coming|past|coming) )?"
    rf"(?:(?:early|late)(?: on)? )?{WEEKDAY}(?: (?:morning|afternoon|evening|night))?",
    relative=True,
)
def weekday(m: re.Match[str], ctx: Context) -> EventDate:
    day, which = weekday_number(m["weekday"]), m["which"]
    if which in PAST_WORDS:
        found = weekday_near(ctx.anchor, day, future=False, strict=True)
    elif which in NEXT_WORDS:
        found = weekday_near(ctx.anchor, day, future=True, strict=True)
    else:
        found = weekday_near(ctx.anchor, day, future=ctx.future)
    return on_day(found, ctx.text)


@rule(r"this week", relative=True)
def this_week(m: re.Match[str], ctx: Context) -> EventDate:
    monday, sunday = week_of(ctx.anchor)
    if ctx.future:
        return between(ctx.anchor, sunday, ctx.text)
    return between(monday, ctx.anchor, ctx.text)


@rule(r"(?:(?P<which>the|this|last|next|this past|this coming) )?weekend", relative=True)
def weekend(m: re.Match[str], ctx: Context) -> EventDate:
    which, anchor = m["which"], ctx.anchor
    if which == "last":  # the weekend before the publication's week
        saturday = week_of(anchor)[0] - 2 * DAY
    elif which in NEXT_WORDS:
        saturday = weekday_near(anchor, 5, future=True, strict=True)
    elif ctx.future and which != "this past":
        saturday = weekday_near(anchor, 6, future=True) - DAY
    else:
        saturday = weekday_near(anchor, 5, future=False)
    return between(saturday, saturday + DAY, ctx.text)


@rule(
    r"(?:the )?(?:most )?recent(?:ly)?(?: (?P<unit>days|weeks|months|years|times))?", relative=True
)
def recent(m: re.Match[str], ctx: Context) -> EventDate:
    anchor = ctx.anchor
    start = {
        None: anchor - 14 * DAY,
        "days": anchor - 14 * DAY,
        "times": anchor - 14 * DAY,
        "weeks": anchor - 42 * DAY,
        "months": shift_months(anchor, -6),
        "years": shift_years(anchor, -5),
    }[m["unit"]]
    return between(start, anchor, ctx.text)


@rule(
    rf"(?:(?:the|this) past|past|the last) (?:{COUNT} )?"
    r"(?P<unit>hour|day|night|week|fortnight|month|year|decade)s?",
    relative=True,
)
def past_count(m: re.Match[str], ctx: Context) -> EventDate:
    n, unit, anchor = count_of(m["n"]), m["unit"], ctx.anchor
    if unit in ("month", "year", "decade"):
        months = n * {"month": 1, "year": 12, "decade": 120}[unit]
        return between(shift_months(anchor, -months), anchor, ctx.text)
    days = {"hour": math.ceil(n / 24), "day": n, "night": n, "week": 7 * n, "fortnight": 14 * n}
    return between(anchor - days[unit] * DAY, anchor, ctx.text)


@rule(r"(?P<side>earlier|later) this (?P<unit>week|month|year)", relative=True)
def earlier_or_later(m: re.Match[str], ctx: Context) -> EventDate | Interpretation:
    first, last = current(ctx.anchor, m["unit"])
    if m["side"] == "earlier":
        if ctx.anchor == first:
            return unresolved(NO_EARLIER_DAY, relative=True)
        return between(first, ctx.anchor - DAY, ctx.text)
    if ctx.anchor == last:
        return unresolved(NO_LATER_DAY, relative=True)
    return between(ctx.anchor + DAY, last, ctx.text)


def until_end(m: re.Match[str], ctx: Context) -> EventDate:
    return between(ctx.anchor, current(ctx.anchor, m["unit"])[1], ctx.text)


# "before the month was over", "before the year is out", "by the end of this week"
rule(r"before (?:the|this) (?P<unit>week|month|year) (?:was|is) (?:over|out|up)", relative=True)(
    until_end
)
rule(r"(?:before|by) the end of (?:the|this) (?P<unit>week|month|year)", relative=True)(until_end)
