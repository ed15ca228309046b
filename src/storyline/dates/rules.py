"""storyline's own date rules: the machinery, and the calendar rules (no anchor needed).

Each rule is a regex that must match the whole normalised expression and a handler
that turns the match into an EventDate, an Interpretation saying why there is none,
or None to let the next rule try. `resolve.py` runs the rule lists in a fixed order;
the first rule that answers wins, and what none answers goes to dateparser.

The calendar rules here cover what dateparser gets wrong or does not know: decades
("the 1990s" becomes 1990 seconds ago), centuries, year and day ranges ("July 13-14"
becomes 13 July 2014), parts of months and years ("mid-March", "late 2022"), "the month
of June" and quarters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from storyline.dates.periods import (
    END,
    Interpretation,
    MonthDay,
    Span,
    between,
    in_month,
    month_end,
    pick_year,
    shift_months,
    span_in,
    unresolved,
    week_of,
)
from storyline.dates.vocabulary import (
    BACKWARDS_RANGE,
    CENTURY_OR_DECADE,
    MONTH,
    NO_PUBLICATION,
    NO_YEAR,
    NOT_A_DATE,
    SEVERAL_DATES,
    YEAR,
    month_number,
)
from storyline.records import EventDate


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule needs besides its match: the text as written and the anchor."""

    text: str
    published: date | None
    future: bool

    @property
    def anchor(self) -> date:
        """The publication date, for rules registered as relative (checked before the call)."""
        assert self.published is not None
        return self.published


Handler = Callable[[re.Match[str], Context], EventDate | Interpretation | None]


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: re.Pattern[str]
    handler: Handler
    relative: bool  # needs the publication date


def registrar(book: list[Rule]) -> Callable[..., Callable[[Handler], Handler]]:
    """A decorator factory adding rules, in the order written, to `book`."""

    def rule(pattern: str, *, relative: bool = False) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            book.append(Rule(re.compile(pattern), handler, relative))
            return handler

        return register

    return rule


def apply_rules(rules: Sequence[Rule], normalized: str, ctx: Context) -> Interpretation | None:
    """The first rule's answer for the expression, or None when no rule knows it."""
    for r in rules:
        match = r.pattern.fullmatch(normalized)
        if match is None:
            continue
        if r.relative and ctx.published is None:
            return unresolved(NO_PUBLICATION, relative=True)
        found = r.handler(match, ctx)
        if isinstance(found, EventDate):
            return Interpretation(date=found, relative=r.relative)
        if found is not None:
            return found
    return None


def placed(
    first: MonthDay,
    last: MonthDay,
    build: Callable[[Span], EventDate],
    year: str | None,
    ctx: Context,
) -> Interpretation:
    """The span `first`..`last` in the year written, or else the year `pick_year` gives."""
    relative = year is None
    if relative and ctx.published is None:
        return unresolved(NO_YEAR, relative=True)
    chosen = pick_year(first, last, ctx.anchor, future=ctx.future) if relative else int(year)
    span = span_in(chosen, first, last)
    if span is None:
        return unresolved(f"no such day in {chosen}", relative=relative)
    return Interpretation(date=build(span), relative=relative)


def current(anchor: date, unit: str) -> Span:
    """First and last day of the week, month or year holding `anchor`."""
    if unit == "week":
        return week_of(anchor)
    if unit == "month":
        return anchor.replace(day=1), month_end(anchor.year, anchor.month)
    return date(anchor.year, 1, 1), date(anchor.year, 12, 31)


CALENDAR_RULES: list[Rule] = []
rule = registrar(CALENDAR_RULES)

# --- whole periods: decades, centuries, ranges --------------------------------------

DECADE_PARTS = {None: (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}


@rule(r"(?:the )?(?:(?P<part>early|mid|late)[- ]?)?(?P<decade>1\d\d|20\d)0'?s")
def decade(m: re.Match[str], ctx: Context) -> EventDate | Interpretation:
    start = int(m["decade"]) * 10
    if start % 100 == 0:  # "the 1800s" is more often the century
        return unresolved(CENTURY_OR_DECADE)
    low, high = DECADE_PARTS[m["part"]]
    return between(date(start + low, 1, 1), date(start + high, 12, 31), ctx.text)


@rule(r"(?:the )?(?:(?P<part>early|mid|late)[- ]?)?(?P<n>\d{1,2})(?:st|nd|rd|th) century")
def century(m: re.Match[str], ctx: Context) -> EventDate | Interpretation:
    n = int(m["n"])
    if not 2 <= n <= 21:
        return unresolved(NOT_A_DATE)
    start = (n - 1) * 100  # as usually meant: the 19th century is 1800-1899
    low, high = {None: (0, 99), "early": (0, 33), "mid": (34, 66), "late": (67, 99)}[m["part"]]
    return between(date(start + low, 1, 1), date(start + high, 12, 31), ctx.text)


@rule(
    rf"(?P<between>between |from )?{YEAR}"
    r" ?(?P<sep>-|/|to|and|through|until) ?(?P<end>[12]\d{3}|\d{2})"
)
def year_range(m: re.Match[str], ctx: Context) -> EventDate | Interpretation:
    if m["sep"] == "and" and m["between"] != "between ":
        return unresolved(SEVERAL_DATES)  # "in 2019 and 2021" names two years
    first, end = int(m["year"]), m["end"]
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    if last <= first:
        return unresolved(BACKWARDS_RANGE)
    return between(date(first, 1, 1), date(last, 12, 31), ctx.text)


def day_range(m: re.Match[str], ctx: Context) -> Interpretation:
    month, first, last = month_number(m["month"]), int(m["first"]), int(m["last"])
    if last <= first:
        return unresolved(BACKWARDS_RANGE)
    return placed((month, first), (month, last), lambda s: between(*s, ctx.text), m["year"], ctx)


RANGE = r" ?(?:-|to|and|through) ?"
ORD = r"(?:st|nd|rd|th)?"
rule(rf"{MONTH} (?P<first>\d{{1,2}}){ORD}{RANGE}(?P<last>\d{{1,2}}){ORD}(?:,? {YEAR})?")(day_range)
rule(rf"(?:from )?(?P<first>\d{{1,2}}){ORD}{RANGE}(?P<last>\d{{1,2}}){ORD} {MONTH}(?:,? {YEAR})?")(
    day_range
)

# --- parts of a month or a year: "mid-March", "late 2022", "early last year" -------

PART = (
    r"(?P<part>early|mid|late|(?:the )?(?:beginning|start|middle|end) of"
    r"|(?:the )?(?:first|second) half of)[- ]?"
)
MONTH_PARTS = {
    "early": (1, 10),
    "mid": (11, 20),
    "late": (21, END),
    "first": (1, 15),
    "second": (16, END),
}
YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "first": (1, 6), "second": (7, 12)}


def part_name(part: str) -> str:
    """ "the end of" -> "late", "the first half of" -> "first", and so on."""
    for word, name in (("first", "first"), ("second", "second"), ("beginning", "early")):
        if word in part:
            return name
    for word, name in (("start", "early"), ("middle", "mid"), ("end", "late")):
        if word in part:
            return name
    return part


def month_part(year: int, month: int, part: str) -> Span:
    """Days 1-10, 11-20 or 21-end (or a half) of a month."""
    low, high = MONTH_PARTS[part_name(part)]
    span = span_in(year, (month, low), (month, high))
    assert span is not None  # parts start and end on days every month has
    return span


def year_part(year: int, part: str) -> Span:
    """January-April, May-August or September-December (or a half) of a year."""
    low, high = YEAR_PARTS[part_name(part)]
    return date(year, low, 1), month_end(year, high)


@rule(rf"{PART}{MONTH}(?:,? {YEAR})?")
def part_of_month(m: re.Match[str], ctx: Context) -> Interpretation:
    month = month_number(m["month"])
    low, high = MONTH_PARTS[part_name(m["part"])]
    return placed((month, low), (month, high), lambda s: between(*s, ctx.text), m["year"], ctx)


@rule(rf"{PART}{YEAR}")
def part_of_year(m: re.Match[str], ctx: Context) -> EventDate:
    return between(*year_part(int(m["year"]), m["part"]), ctx.text)


@rule(rf"{PART}(?P<which>this|last|next) (?P<unit>month|year)", relative=True)
def part_of_named_period(m: re.Match[str], ctx: Context) -> EventDate:
    step = {"this": 0, "last": -1, "next": 1}[m["which"]]
    if m["unit"] == "year":
        return between(*year_part(ctx.anchor.year + step, m["part"]), ctx.text)
    month = shift_months(ctx.anchor.replace(day=1), step)
    return between(*month_part(month.year, month.month, m["part"]), ctx.text)


@rule(rf"the month of {MONTH}(?:,? {YEAR})?")
def month_of(m: re.Match[str], ctx: Context) -> Interpretation:
    month = month_number(m["month"])
    return placed(
        (month, 1), (month, END), lambda s: in_month(s[0].year, month, ctx.text), m["year"], ctx
    )


QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def quarter(m: re.Match[str], ctx: Context) -> Interpretation:
    q = QUARTERS.get(m["q"]) or int(m["q"][0])
    return placed((3 * q - 2, 1), (3 * q, END), lambda s: between(*s, ctx.text), m["year"], ctx)


rule(
    rf"(?:the )?(?P<q>first|second|third|fourth|[1-4](?:st|nd|rd|th)) quarter(?: of)?(?:,? {YEAR})?"
)(quarter)
rule(rf"q(?P<q>[1-4])(?:,? {YEAR})?")(quarter)
