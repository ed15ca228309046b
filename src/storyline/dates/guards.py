"""Rules that refuse: expressions that are not a date storyline can place.

They run after the rules that resolve and before dateparser, which would otherwise
read "two days later" as two days after publication, "three days" as three days ago,
"two" as February and "3/4/2023" as 4 March without a word of doubt.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.dates.periods import Interpretation, unresolved
from storyline.dates.rules import Context, Rule, registrar
from storyline.dates.vocabulary import (
    AMBIGUOUS_ORDER,
    AMOUNT,
    DAY_WITHOUT_MONTH,
    DURATION,
    NOT_A_DATE,
    OPEN_BOUND,
    OTHER_EVENT,
    SEASON,
    UNITS,
    YEAR,
)

GUARD_RULES: list[Rule] = []
rule = registrar(GUARD_RULES)

TIMES_OF_DAY = r"(?:morning|afternoon|evening|night|time)"


def refuse(reason: str, **flags: bool) -> Callable[[re.Match[str], Context], Interpretation]:
    """A handler that always answers `reason`."""

    def handler(m: re.Match[str], ctx: Context) -> Interpretation:
        return unresolved(reason, **flags)

    return handler


OTHER_EVENT_PATTERNS = (
    # "a day after", "two days later", "the week before", "weeks earlier", "hours on"
    rf"(?:(?:the|{AMOUNT}) )?{UNITS}"
    r" (?:after|later|earlier|before|afterwards?|beforehand|prior|previously|on)",
    # "the next day", "the following week", "the same night", "next morning"; not "next
    # week", which is the week after publication
    rf"(?:the )?(?:following|previous|preceding|same|prior|that same)"
    rf" (?:{UNITS}|{TIMES_OF_DAY}|weekend)",
    rf"the next (?:{UNITS}|{TIMES_OF_DAY}|weekend)",
    rf"next (?:day|{TIMES_OF_DAY})",
    rf"(?:that|the) (?:{UNITS}|{TIMES_OF_DAY}|weekend)",
    rf"(?:earlier|later) (?:that|in the|on that) (?:{UNITS}|{TIMES_OF_DAY})",
    rf"within (?:{AMOUNT} )?{UNITS}",
    # "the first day" (of the talks), "the final week", "the opening hours"
    rf"the (?:first|second|third|fourth|fifth|last|final|opening|closing) (?:{AMOUNT} )?{UNITS}",
)
DURATION_PATTERNS = (
    # ages: "33-year-old", "a two-month-old girl", "aged 33"
    r".*\b[\w.]+[- ](?:years?|months?|weeks?|days?)[- ]olds?\b.*",
    r"aged? \d+.*",
    # compounds: "six-week", "24-hour", "decades-long", "yearlong"
    rf"(?!mid-)[\w.]+(?:-[\w.]+)*-(?:{UNITS}|long|old)",
    rf"{UNITS}-?long",
    # frequencies: "annual", "weekly", "every year", "twice a month"
    r"(?:bi|semi-?)?(?:annual(?:ly)?|yearly|monthly|weekly|daily|nightly|hourly|quarterly"
    r"|fortnightly|biennial)",
    rf"(?:every|each|once a|twice a|per|a) (?:other )?{UNITS}",
    # amounts: "two years", "more than a decade", "decades", "a year and a half"
    rf"(?:(?:about|around|nearly|almost|more than|less than|over|under|at least|up to|just"
    rf"|only|roughly|another|a further|an additional|the better part of) )*(?:{AMOUNT} )?"
    rf"(?:and a half )?{UNITS}(?: and a half)?(?: long| old| running| straight| in a row)?",
)

for pattern in OTHER_EVENT_PATTERNS:
    rule(pattern)(refuse(OTHER_EVENT))
for pattern in DURATION_PATTERNS:
    rule(pattern)(refuse(DURATION, duration=True))
rule(r"(?:.*\b)?(?:spring|summer|autumn|fall|winter)(?:time)?\b.*")(refuse(SEASON))
rule(
    r"(?:since|until|till|before|after|by|from|through|throughout|up to|as of|no later than"
    r"|not before|not until|prior to|ahead of) .+"
)(refuse(OPEN_BOUND))
rule(r"(?:the )?\d{1,2}(?:st|nd|rd|th)")(refuse(DAY_WITHOUT_MONTH))


@rule(r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?:\d{2}|\d{4})")
def numeric_date(m: re.Match[str], ctx: Context) -> Interpretation | None:
    """Refuse 3/4/2023 (March or April?); let 13/4/2023 through to dateparser."""
    a, b = int(m["a"]), int(m["b"])
    return unresolved(AMBIGUOUS_ORDER) if a <= 12 and b <= 12 and a != b else None


@rule(r"[\d,.]+")
def bare_number(m: re.Match[str], ctx: Context) -> Interpretation | None:
    """A four-digit year goes on to dateparser; any other bare number is not a date."""
    return None if re.fullmatch(YEAR, m[0]) else unresolved(NOT_A_DATE)
