"""The Python API's filter arguments, turned into the store's filters.

The filters mean what they mean in the CLI and the REST API (`storyline.query` holds
their checks and meanings; the store answers them in SQL): this module only checks
the arguments with those same checks and refuses a bad one with a one-line
`ConfigError` naming the argument, as the API answers a 422 naming the parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from storyline.errors import ConfigError
from storyline.query import (
    ActorFilter,
    EventFilter,
    FilterError,
    QuoteFilter,
    read_event_filter,
)
from storyline.records import ActorKind, QuoteKind

E = TypeVar("E", bound=StrEnum)


def enum_of(name: str, value: str | None, kind: type[E]) -> E | None:
    """A closed-vocabulary value (a quote's or an actor's kind), refused when unknown."""
    if value is None or value == "":
        return None
    try:
        return kind(str(value).lower())
    except ValueError:
        known = ", ".join(k.value for k in kind)
        raise ConfigError(f"{name}: {value!r} is not one of {known}") from None


def event_filter(
    *,
    actor: str | None = None,
    country: str | None = None,
    type: str | Iterable[str] | None = None,
    quad: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
    story: str | None = None,
) -> EventFilter:
    """The event (and story, timeline, network) filter, read as the API and the pages
    read it (`storyline.query.read_event_filter`); a refusal names every bad argument."""
    try:
        return read_event_filter(
            actor=actor,
            country=country,
            types=[type] if isinstance(type, str) else list(type or ()),
            quad=quad,
            since=since,
            until=until,
            doc_id=article,
            story_id=story,
        )
    except FilterError as exc:
        raise ConfigError(str(exc)) from None


def quote_filter(
    *,
    speaker: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    article: str | None = None,
) -> QuoteFilter:
    """The quote filter of the CLI and the API."""
    return QuoteFilter(
        speaker=speaker or None,
        country=country or None,
        kind=enum_of("kind", kind, QuoteKind),
        doc_id=article or None,
    )


def actor_filter(
    *, name: str | None = None, country: str | None = None, kind: str | None = None
) -> ActorFilter:
    """The actor filter of the CLI and the API."""
    return ActorFilter(
        name=name or None, country=country or None, kind=enum_of("kind", kind, ActorKind)
    )
