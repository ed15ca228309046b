"""What readers ask of the store: filters shared by the CLI listings, the API and the web.

One meaning for every filter wherever it is used: an actor needle matches a name, an
id or an alias (case-insensitive substring); a country is an ISO 3166 alpha-3 code; a
date bound is YYYY, YYYY-MM or YYYY-MM-DD and an undated item lies in no bounded range;
an event type is a PLOVER type name and a quad one of PLOVER's four quad categories.
The store answers these filters in SQL (store/reads.py); this module holds their
checks and meanings, and the page a listing returns.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Generic, TypeVar

import yaml

from storyline.dates.span import text_span
from storyline.records import Actor, ActorKind, QuoteKind

T = TypeVar("T")

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD bound, or ValueError saying what is wrong."""
    try:
        if not _PARTIAL_DATE.match(value):
            raise ValueError(value)
        date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


@cache
def plover_types() -> dict[str, str]:
    """Every PLOVER event type and its quad category (e.g. "ASSAULT": "material_conflict")."""
    text = resources.files("storyline.data").joinpath("plover.yaml").read_text("utf-8")
    return {name: facts["quad"] for name, facts in yaml.safe_load(text)["types"].items()}


def quad_categories() -> tuple[str, ...]:
    """The PLOVER quad categories, sorted: material_conflict ... verbal_cooperation."""
    return tuple(sorted(set(plover_types().values())))


def check_types(values: Iterable[str]) -> tuple[str, ...]:
    """PLOVER type names (any case) upper-cased, or ValueError listing the valid ones."""
    known = plover_types()
    types = tuple(v.strip().upper() for v in values)
    unknown = [v for v in types if v not in known]
    if unknown:
        raise ValueError(
            f"unknown PLOVER type {', '.join(map(repr, unknown))}; "
            f"use one of {', '.join(sorted(known))}"
        )
    return types


def check_quad(value: str) -> str:
    """A PLOVER quad category (any case, space or underscore), or ValueError listing them."""
    quad = value.strip().lower().replace(" ", "_")
    if quad not in quad_categories():
        raise ValueError(
            f"{value!r} is not a quad category; use one of {', '.join(quad_categories())}"
        )
    return quad


def actor_matches(
    actor: Actor | None,
    needle: str | None,
    country: str | None,
    kind: ActorKind | None = None,
) -> bool:
    """Whether the actor's name, id or an alias contains the needle, its country is the
    one asked for and it is of the kind asked for (each test skipped when not asked)."""
    if actor is None:
        return needle is None and country is None and kind is None
    if needle:
        names = (actor.name, actor.actor_id, *actor.aliases)
        if not any(needle.casefold() in n.casefold() for n in names):
            return False
    if kind is not None and actor.kind is not kind:
        return False
    return not country or (actor.country or "").upper() == country.upper()


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events to keep; an unset field keeps everything.

    `actor` is a needle (name, id or alias) and `country` an alpha-3 code, both of the
    source or a target (one actor matching both when both are set); `actor_id` is one
    actor's exact id; `since`/`until` bound the event's first possible day.
    """

    actor: str | None = None
    country: str | None = None
    types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    story_id: str | None = None
    quad: str | None = None
    doc_id: str | None = None
    actor_id: str | None = None


class FilterError(ValueError):
    """Filter values that cannot be understood: one line each, naming its parameter."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(self.problems))


_COUNTRY = re.compile(r"^[A-Za-z]{3}$")
DATES = ("since", "until")


def check_country(value: str) -> str:
    """An ISO 3166 alpha-3 code (any case) upper-cased, or ValueError saying so."""
    if not _COUNTRY.match(value.strip()):
        raise ValueError(f"{value!r} is not an ISO 3166 alpha-3 code (e.g. SRB, XKX)")
    return value.strip().upper()


def read_event_filter(
    *,
    actor: str | None = None,
    country: str | None = None,
    types: Iterable[str] = (),
    quad: str | None = None,
    since: str | None = None,
    until: str | None = None,
    doc_id: str | None = None,
    story_id: str | None = None,
    blank_dates: bool = True,
) -> EventFilter:
    """The event filter of a request's values as text, read the one way the API, the
    pages and the Python API all read it: blank values are unset, a type value may
    name several types (comma-separated), and every value that cannot be understood
    is reported at once (FilterError, one line per parameter). Without `blank_dates` a
    blank date bound is refused rather than unset (the API's schema gives dates a
    pattern; a form sends its empty fields)."""
    problems: list[str] = []

    def read(name: str, value: str | None, check: Callable[[str], str]) -> str | None:
        if value is None or (not value.strip() and (blank_dates or name not in DATES)):
            return None
        try:
            return check(value.strip())
        except ValueError as exc:
            problems.append(f"{name}: {exc}")
            return None

    names = [t for value in types for t in value.split(",") if t.strip()]
    try:
        kinds = check_types(dict.fromkeys(t.strip().upper() for t in names))
    except ValueError as exc:
        problems.append(f"type: {exc}")
        kinds = ()
    wanted = EventFilter(
        actor=(actor or "").strip() or None,
        country=read("country", country, check_country),
        types=kinds,
        quad=read("quad", quad, check_quad),
        since=read("since", since, check_date),
        until=read("until", until, check_date),
        doc_id=doc_id or None,
        story_id=story_id or None,
    )
    if problems:
        raise FilterError(problems)
    return wanted


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteFilter:
    """Which quotes to keep: by the speaker (needle, country), kind and article."""

    speaker: str | None = None
    country: str | None = None
    kind: QuoteKind | None = None
    doc_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorFilter:
    """Which actors to keep: name, id or alias needle, country and kind."""

    name: str | None = None
    country: str | None = None
    kind: ActorKind | None = None


def day_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """The first and last ISO day of YYYY[-MM[-DD]] bounds: an event lies within them when
    its first possible day does (the store compares them with `day_first`)."""
    first = span_of(since)[0] if since else None
    last = span_of(until)[1] if until else None
    return first, last


def span_of(value: str) -> tuple[str, str]:
    """First and last ISO day of a checked YYYY, YYYY-MM or YYYY-MM-DD bound."""
    days = text_span(check_date(value))
    assert days is not None  # check_date accepted it
    return days[0].isoformat(), days[1].isoformat()


def cursor_of(key: Sequence[object]) -> str:
    """An opaque page cursor holding the sort key of a page's last item."""
    text = json.dumps(list(key), ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def check_cursor(value: str) -> list[object]:
    """The sort key a cursor holds, or ValueError saying it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        key = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        key = None
    if not isinstance(key, list) or not key:
        raise ValueError(f"{value!r} is not a page cursor; pass the `next` of a page")
    return key


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionCount:
    """How often an actor is mentioned, and in how many articles."""

    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a longer list."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next: str | None = None  # the cursor of the following page, None on the last
