"""What the API's endpoints share: pagination, the event filter parameters, 404s.

The filters themselves live in storyline.query (one meaning everywhere) and the store
answers them in SQL; this module only turns query parameters into them and refuses
bad values with a clear 4xx.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, HTTPException, Query

from storyline.export import Record
from storyline.query import EventFilter, FilterError, Page, check_cursor, read_event_filter
from storyline.service import State
from storyline.store import SQLiteStore

T = TypeVar("T")

DEFAULT_LIMIT = 50
# The largest offset: past any real list, and within what the store's integers hold.
MAX_OFFSET = 1_000_000_000
# The shape of a date bound, for the schema (a month or day that does not exist is a 422).
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


@dataclass(frozen=True, slots=True)
class Paging:
    """Which page a request asks for: `offset` items after the cursor `after` (the
    start when None)."""

    limit: int
    offset: int
    after: str | None = None


def paging(
    state: State,
    limit: Annotated[
        int,
        Query(ge=1, description="Items per page, 1 to the server's maximum page size."),
    ] = DEFAULT_LIMIT,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Items to skip from the start.")
    ] = 0,
    after: Annotated[
        str | None,
        Query(
            description="Start after this cursor: the `next` of the previous page (a seek, "
            "as fast deep in a long list as at its start); `offset` then counts from it."
        ),
    ] = None,
) -> Paging:
    """The page asked for; a limit above the server's maximum is refused (400)."""
    most = state.settings.max_page_size
    if limit > most:
        raise HTTPException(400, f"limit {limit} is larger than the maximum page size {most}")
    return Paging(limit, offset, checked("after", after or None, _cursor))


def _cursor(value: str) -> str:
    check_cursor(value)
    return value


PageParams = Annotated[Paging, Depends(paging)]


def render_page(found: Page[T], render: Callable[[T], Record]) -> Record:
    """A page as {"items", "total", "limit", "offset", "next"}; `next` is the cursor of
    the following page (null on the last)."""
    return {
        "items": [render(item) for item in found.items],
        "total": found.total,
        "limit": found.limit,
        "offset": found.offset,
        "next": found.next,
    }


def read_page(read: Callable[..., Page[T]], page: Paging, *args: object, **kw: object) -> Page[T]:
    """A store's page read with the request's paging; a cursor the store refuses is a 422."""
    try:
        return read(*args, limit=page.limit, offset=page.offset, after=page.after, **kw)
    except ValueError as exc:
        raise HTTPException(422, f"after: {exc}") from None


def checked(name: str, value: str | None, check: Callable[[str], str]) -> str | None:
    """A parameter's value passed through its check; a ValueError becomes a 422 naming
    the parameter."""
    if value is None:
        return None
    try:
        return check(value)
    except ValueError as exc:
        raise HTTPException(422, f"{name}: {exc}") from None


def event_filter(
    actor: Annotated[
        str | None,
        Query(description="Only with an actor whose name, id or alias contains this."),
    ] = None,
    country: Annotated[
        str | None,
        Query(description="Only with an actor of this country (ISO 3166 alpha-3, e.g. SRB)."),
    ] = None,
    types: Annotated[
        list[str] | None,
        Query(alias="type", description="Only of this PLOVER event type (repeatable)."),
    ] = None,
    since: Annotated[
        str | None,
        Query(
            description="Only on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.",
            json_schema_extra={"pattern": DATE_PATTERN},
        ),
    ] = None,
    until: Annotated[
        str | None,
        Query(
            description="Only on or before this date: YYYY, YYYY-MM or YYYY-MM-DD.",
            json_schema_extra={"pattern": DATE_PATTERN},
        ),
    ] = None,
) -> EventFilter:
    """The actor, country, type and date filters every event-based endpoint takes, read
    as the pages and the Python API read them; values that cannot be understood are a
    422 naming each."""
    try:
        return read_event_filter(
            actor=actor,
            country=country,
            types=types or (),
            since=since,
            until=until,
            blank_dates=False,
        )
    except FilterError as exc:
        raise HTTPException(422, str(exc)) from None


EventParams = Annotated[EventFilter, Depends(event_filter)]


def article_files(store: SQLiteStore, doc_ids: Collection[str]) -> dict[str, str]:
    """The file name of each of these articles (the contract records carry the file)."""
    return store.files_of(doc_ids)


def not_found(what: str, ident: str) -> HTTPException:
    """The 404 for an unknown id."""
    return HTTPException(404, f"no {what} with id '{ident}'")
