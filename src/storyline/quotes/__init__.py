"""Quotes: direct and indirect quotations, their speakers and reporting chains."""

from storyline.quotes.extract import extract_quotes
from storyline.quotes.marks import QuotedSpan, find_quoted

__all__ = ["QuotedSpan", "extract_quotes", "find_quoted"]
