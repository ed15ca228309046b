"""The words date expressions are made of: regex fragments, counts, reasons, normalising.

These fragments are grammar tied to the rules that use them, not a lexicon a user would
extend, so they live in code next to those rules rather than in `storyline/data/`.
"""

from __future__ import annotations

import re

from storyline.dates.periods import MONTHS

# Why an expression has no date. Callers and tests compare against these strings.
NO_PUBLICATION = "relative date and no publication date"
NO_YEAR = "no year and no publication date"
OTHER_EVENT = "relative to another event"
DURATION = "a duration, age or frequency, not a point in time"
SEASON = "a season, which depends on the hemisphere"
OPEN_BOUND = "an open-ended bound, not a point in time"
AMBIGUOUS_ORDER = "ambiguous day and month order"
DAY_WITHOUT_MONTH = "a day of the month without a month"
CENTURY_OR_DECADE = "may be a decade or a century"
WEEKDAY_MISMATCH = "weekday does not match the date"
NOT_A_DATE = "not a date expression storyline can resolve"
BACKWARDS_RANGE = "range ends before it starts"
NO_EARLIER_DAY = "no earlier day in that period"
NO_LATER_DAY = "no later day in that period"
SEVERAL_DATES = "several dates in one expression"

MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAY = (
    r"(?P<weekday>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
)
YEAR = r"(?P<year>[12]\d{3})"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "a couple of": 2,
    "couple of": 2,
    # Vague counts become the upper end of what they usually mean, so a window built
    # from them holds the real date: "the past few days" is the last five days.
    "a few": 5,
    "few": 5,
    "several": 7,
    "a dozen": 12,
}
NUMBER = r"(?:\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
COUNT = rf"(?P<n>{NUMBER})"
# Any amount, for recognising durations: counts plus words with no usable number.
AMOUNT = (
    r"(?:\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|some|many"
    r"|dozens of|hundreds of|thousands of|several)"
)
UNITS = (
    r"(?:seconds?|minutes?|hours?|nights?|days?|weeks?|fortnights?|months?|years?|decades?"
    r"|century|centuries)"
)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

LEADING = re.compile(r"^(?:on|in|during|at|over|for|of|around|about)\s+")
CUE = re.compile(
    rf"\b(?:{MONTH}|{WEEKDAY}|{YEAR}|today|yesterday|tomorrow|tonight|night|morning|afternoon|evening"
    r"|ago|week|month|year|fortnight)\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"
)
HAS_YEAR = re.compile(rf"\b{YEAR}\b")
HAS_MONTH = re.compile(rf"\b{MONTH}(?!\w)")
HAS_WEEKDAY = re.compile(rf"\b{WEEKDAY}(?!\w)")


def normalize(text: str) -> str:
    """Lower-case, single-spaced, plain dashes and apostrophes, without a leading preposition."""
    t = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    t = " ".join(t.split()).lower().strip(' ,;:!?"()')
    t = re.sub(r"'s$", "", t)
    t = re.sub(r"(?<=\d)\.$", "", t)
    return LEADING.sub("", t)


def month_number(name: str) -> int:
    """1-12 from a month name or abbreviation ("sept." -> 9)."""
    prefix = name.rstrip(".")[:3]
    return next(i for i, full in enumerate(MONTHS, start=1) if full.startswith(prefix))


def weekday_number(name: str) -> int:
    """0 (Monday) to 6 from a weekday name or abbreviation."""
    return WEEKDAYS.index(name.rstrip(".")[:3])


def count_of(word: str | None) -> int:
    """The number a count word or numeral stands for; none means one ("the past week")."""
    if word is None:
        return 1
    return int(word) if word.isdigit() else NUMBER_WORDS[word]
