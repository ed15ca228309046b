"""The pages' filter forms: GET parameters read, checked and kept for redisplay.

Every value arrives as text and is checked here, so a bad one becomes a message on
the page (status 422, as the API answers it) rather than an error document. The event
filters are read by `storyline.query.read_event_filter`, as the API reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.datastructures import QueryParams

from storyline.query import EventFilter, FilterError, read_event_filter
from storyline.records import QuoteKind

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


@dataclass(slots=True)
class Filters:
    """What a page was asked for; `problems` says what could not be understood."""

    actor: str | None = None
    country: str | None = None
    types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    speaker: str | None = None
    kind: str | None = None
    outlet: str | None = None
    page: int = 1
    size: int = PAGE_SIZE
    after: str | None = None  # the cursor a "next" link carries: the page starts after it
    problems: list[str] = field(default_factory=list)
    events: EventFilter = field(default_factory=EventFilter)  # the event filters, read

    @property
    def first(self) -> int:
        """The index of the page's first item in the whole listing."""
        return (self.page - 1) * self.size

    @property
    def offset(self) -> int:
        """Items to skip: none after a cursor, else those of the pages before."""
        return 0 if self.after else self.first

    def query(self, **changes: object) -> dict[str, object]:
        """The filters as GET parameters (unset ones left out), with changes."""
        params: dict[str, object] = {
            "actor": self.actor,
            "country": self.country,
            "type": list(self.types),
            "since": self.since,
            "until": self.until,
            "speaker": self.speaker,
            "kind": self.kind,
            "outlet": self.outlet,
            "page": self.page,
            "size": self.size,
            "after": self.after,
        }
        params.update(changes)
        defaults = {"page": 1, "size": PAGE_SIZE}
        return {k: v for k, v in params.items() if v not in (None, "", []) and v != defaults.get(k)}


def read_filters(params: QueryParams) -> Filters:
    """The filters in a page's GET parameters; problems are collected, not raised."""
    f = Filters()
    text = {k: (params.get(k) or "").strip() or None for k in params}
    f.actor, f.speaker, f.outlet = text.get("actor"), text.get("speaker"), text.get("outlet")
    f.country, f.since, f.until = text.get("country"), text.get("since"), text.get("until")
    f.types = tuple(v.strip() for v in params.getlist("type") if v.strip())
    try:  # read as the API reads them (kept as typed, for the form, when refused)
        f.events = read_event_filter(
            actor=f.actor, country=f.country, types=f.types, since=f.since, until=f.until
        )
        f.country, f.types = f.events.country, f.events.types
    except FilterError as exc:
        f.problems.extend(exc.problems)
    if kind := text.get("kind"):
        f.kind = kind.lower()
        if f.kind not in {k.value for k in QuoteKind}:
            f.problems.append(f"kind: {kind!r} is neither 'direct' nor 'indirect'")
    f.after = text.get("after")
    f.page = _number(text.get("page"), "page", 1, None, f.problems) or 1
    f.size = _number(text.get("size"), "size", 1, MAX_PAGE_SIZE, f.problems) or PAGE_SIZE
    return f


def _number(value: str | None, name: str, low: int, high: int | None, problems: list[str]) -> int:
    if value is None:
        return 0
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if number < low or (high is not None and number > high):
        most = f" and at most {high}" if high is not None else ""
        problems.append(f"{name}: {value!r} is not a whole number of at least {low}{most}")
        return 0
    return number
