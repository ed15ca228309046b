"""Dates: find date expressions in a Doc and resolve them against the publication date."""

from storyline.dates.find import DateMention, find_dates
from storyline.dates.periods import Interpretation
from storyline.dates.resolve import interpret_date, resolve_date

__all__ = ["DateMention", "Interpretation", "find_dates", "interpret_date", "resolve_date"]
