"""The Python API's filter arguments, turned into the store's filters.

The filters mean what they mean in the CLI and the REST API (`storyline.query` holds
their checks and meanings; the store answers them in SQL): this module only checks
the arguments with those same checks and refuses a bad one with a one-line
`ConfigError` naming the argument, as the API answers a 422 naming the parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TypeVar

from storyline.errors import ConfigError
from storyline.query import (
    ActorFilter,
    EventFilter,
    QuoteFilter,
    check_date,
    check_quad,
    check_types,
)
from storyline.records import ActorKind, QuoteKind

E = TypeVar("E", bound=StrEnum)


def checked(name: str, value: str | None, check: Callable[[str], str]) -> str | None:
    """The value passed through its check; a refusal is a ConfigError naming the argument."""
    if value is None or value == "":
        return None
    try:
        return check(value)
    except ValueError as exc:
        raise ConfigError(f"{name}: {exc}") from None


def types_of(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """PLOVER types from one name or several (any case), refused when unknown."""
    names = [value] if isinstance(value, str) else list(value or ())
    try:
        return check_types(names)
    except ValueError as exc:
        raise ConfigError(f"type: {exc}") from None


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
    """The event (and story, timeline, network) filter of the CLI and the API."""
    return EventFilter(
        actor=actor or None,
        country=country or None,
        types=types_of(type),
        quad=checked("quad", quad, check_quad),
        since=checked("since", since, check_date),
        until=checked("until", until, check_date),
        doc_id=article or None,
        story_id=story or None,
    )


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
