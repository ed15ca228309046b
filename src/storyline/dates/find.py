"""Find the date expressions in a parsed article and resolve each one.

Candidates are spaCy's DATE entities plus a few regexes for what the small English
model misses or cuts short ("the month of June", "before the month was over",
"earlier this month", "in recent weeks", "recently", "last night"). Where candidates
overlap the longest wins. An entity cut off before a hyphen ("decades" in
"decades-long") or before "after"/"later" ("A day" in "A day after") is extended to the
whole expression first. Durations, ages and frequencies ("six-week", "two years",
"33-year-old", "annual") are not points in time and are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from storyline.dates.periods import Interpretation
from storyline.dates.resolve import interpret_date
from storyline.dates.vocabulary import MONTH, NUMBER, UNITS
from storyline.nlp.text import doc_text
from storyline.records import EventDate


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    """A date expression in the document, with its resolved date or why there is none."""

    start: int
    end: int
    text: str
    date: EventDate | None
    reason: str | None = None
    relative: bool = False  # the expression depends on the publication date


def plain(fragment: str) -> str:
    """A vocabulary fragment without its named groups, to combine with others."""
    return re.sub(r"\(\?P<\w+>", "(?:", fragment)


MISSED = re.compile(
    r"\b(?:"
    + "|".join(
        (
            rf"the month of {plain(MONTH)}(?:,? [12]\d{{3}})?",
            r"before the (?:week|month|year) (?:was|is) (?:over|out|up)",
            r"(?:before|by) the end of (?:the|this) (?:week|month|year)",
            r"(?:earlier|later) this (?:week|month|year)",
            r"(?:in |over |during )?(?:the )?(?:most )?recent (?:days|weeks|months|years)",
            r"recently",
            rf"(?:(?:in|over|during) )?(?:the|this) past (?:{NUMBER} )?{UNITS}",
            r"last night|tonight|this (?:morning|afternoon|evening)",
        )
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)
HYPHENATED = re.compile(r"-[\w-]*\w")
FOLLOWER = re.compile(r"\s+(?:after|later|earlier|before|afterwards|beforehand|ago|on)\b", re.I)
FUTURE_AUX = frozenset(
    {"will", "shall", "'ll", "’ll", "wo", "would"}
)  # "said they would meet in March"
FUTURE_HEADS = frozenset({"due", "expect", "schedule", "set", "plan", "intend"})
PRESENT = frozenset({"VBZ", "VBP"})


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    reading: Interpretation


def find_dates(doc: Doc, published: date | None) -> list[DateMention]:
    """The date expressions in `doc`, in text order and not overlapping, each resolved."""
    text = doc_text(doc)
    candidates = [
        *(
            read(doc, text, ent.start_char, ent.end_char, published)
            for ent in doc.ents
            if ent.label_ == "DATE"
        ),
        *(read(doc, text, m.start(), m.end(), published) for m in MISSED.finditer(text)),
    ]
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    return [
        DateMention(
            start=c.start,
            end=c.end,
            text=text[c.start : c.end],
            date=c.reading.date,
            reason=c.reading.reason,
            relative=c.reading.relative,
        )
        for c in sorted(kept, key=lambda c: c.start)
        if not c.reading.duration
    ]


def read(doc: Doc, text: str, start: int, end: int, published: date | None) -> Candidate:
    """Interpret one candidate span of the document (whose text is `text`), first
    extending it over a hyphen or an "after"."""
    hyphen = HYPHENATED.match(text, end)
    if hyphen is not None:  # "decades" + "-long"
        end = hyphen.end()
    reading = interpret(doc, text, start, end, published)
    follower = FOLLOWER.match(text, end)
    if reading.duration and follower is not None:  # "A day" + " after"
        end = follower.end()
        reading = interpret(doc, text, start, end, published)
    cut = text.rfind(",", start, end)
    if reading.date is None and not reading.duration and cut > start:
        # "October 10, days after ...": the entity ran on past the date
        trimmed = interpret(doc, text, start, cut, published)
        if trimmed.date is not None:
            return Candidate(start, cut, trimmed)
    return Candidate(start, end, reading)


def interpret(doc: Doc, text: str, start: int, end: int, published: date | None) -> Interpretation:
    """The span's meaning, looking ahead when its clause speaks of the future."""
    return interpret_date(text[start:end], published, future=speaks_of_future(doc, start, end))


def speaks_of_future(doc: Doc, start: int, end: int) -> bool:
    """Whether the verb the span hangs on is future: "will meet", "is due to meet"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb: Token = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if any(child.dep_ == "aux" and child.lower_ in FUTURE_AUX for child in verb.children):
        return True
    # "talks are due to / expected to / set to resume on Monday", in the present tense
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in FUTURE_HEADS and is_present(head)


def is_present(token: Token) -> bool:
    """Whether "expected", "set" or "due" hangs on a present-tense "is" or "are"."""
    helpers = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if token.dep_ == "acomp":  # "are due": the adjective hangs on the verb
        helpers.append(token.head)
    return any(h.tag_ in PRESENT for h in helpers)
