"""Gold annotations: read `seed-NNN.json` files into frozen records, or fail naming the file."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.errors import GoldError
from storyline.eval.match import window_span
from storyline.records import ActorKind, QuoteKind

# A gold date: a day, month or year string, an [after, before] window, or None (any date).
GoldDate = str | tuple[str | None, str | None] | None

_ISO3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldActor:
    """A canonical actor of one gold article (or a bare ISO3 code read as a country)."""

    actor_id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldEvent:
    """A coded gold event; each target makes one (source, target) dyad."""

    event_id: str
    types: tuple[str, ...]
    source: GoldActor
    targets: tuple[GoldActor, ...]
    date: GoldDate = None
    mode: str | None = None
    either_direction: bool = False
    historical: bool = False
    required: bool = True
    evidence: str = ""
    evidence_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldQuote:
    """A gold quotation with its speaker and character span."""

    quote_id: str
    speaker: GoldActor
    kind: QuoteKind
    text: str
    span: tuple[int, int]
    via: str | None = None
    required: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldArticle:
    """One gold file: the article it annotates, its actors, mentions, events and quotes."""

    path: str
    doc_id: str
    file: str
    published: str | None
    outlet: str | None
    actors: tuple[GoldActor, ...]
    mentions: tuple[tuple[GoldActor, str], ...]  # (actor, surface form)
    events: tuple[GoldEvent, ...]
    quotes: tuple[GoldQuote, ...]


STORIES_FILE = "stories.json"  # the gold stories beside the article files, not an article


def load_gold(gold_dir: Path) -> list[GoldArticle]:
    """Every gold file in a directory (`seed-*.json`, else `*.json`), in name order."""
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: not a directory")
    files = sorted(gold_dir.glob("seed-*.json")) or [
        path for path in sorted(gold_dir.glob("*.json")) if path.name != STORIES_FILE
    ]
    if not files:
        raise GoldError(f"{gold_dir}: no gold files (seed-*.json or *.json)")
    return [load_gold_file(path) for path in files]


def load_gold_file(path: Path) -> GoldArticle:
    """One gold file, or a GoldError naming the file and what is wrong with it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"{path}: cannot read file ({exc.strerror})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: not valid JSON ({exc})") from exc
    try:
        return _article(str(path), data)
    except (KeyError, TypeError, ValueError) as exc:
        reason = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise GoldError(f"{path}: {reason}") from exc


def validate_date(value: object, where: str) -> GoldDate:
    """A gold date as written (day, month, year, [after, before] or null), checked."""
    if value is None:
        return None
    date: GoldDate
    if isinstance(value, str):
        date = value
    elif (
        isinstance(value, list)
        and len(value) == 2
        and all(v is None or isinstance(v, str) for v in value)
    ):
        date = (value[0], value[1])
    else:
        raise ValueError(f"{where}: bad date {value!r}")
    try:
        window_span(date)
    except ValueError as exc:
        raise ValueError(f"{where}: bad date {value!r} ({exc})") from exc
    return date


def _article(path: str, data: Any) -> GoldArticle:
    if not isinstance(data, dict):
        raise ValueError("top level is not an object")
    actors = {
        actor_id: _actor(actor_id, fields) for actor_id, fields in _object(data, "actors").items()
    }
    mentions = tuple(
        (_resolve(actors, actor_id, "mentions"), str(surface))
        for actor_id, surfaces in _object(data, "mentions").items()
        for surface in _list(surfaces, f"mentions.{actor_id}")
    )
    return GoldArticle(
        path=path,
        doc_id=str(data.get("doc_id") or Path(path).stem),
        file=_text(data, "file"),
        published=data.get("published"),
        outlet=data.get("outlet"),
        actors=tuple(actors.values()),
        mentions=mentions,
        events=tuple(
            _event(actors, e, n) for n, e in enumerate(_list(data.get("events"), "events"))
        ),
        quotes=tuple(
            _quote(actors, q, n) for n, q in enumerate(_list(data.get("quotes"), "quotes"))
        ),
    )


def _actor(actor_id: str, fields: Any) -> GoldActor:
    if not isinstance(fields, dict):
        raise ValueError(f"actor {actor_id!r} is not an object")
    return GoldActor(
        actor_id=actor_id,
        name=_text(fields, "name"),
        kind=ActorKind(fields["kind"]),
        country=fields.get("country"),
        sector=fields.get("sector"),
        role=fields.get("role"),
    )


def _resolve(actors: dict[str, GoldActor], ref: Any, where: str) -> GoldActor:
    """An actor id of this file, or a bare ISO3 code read as that country."""
    if isinstance(ref, str) and ref in actors:
        return actors[ref]
    if isinstance(ref, str) and _ISO3.fullmatch(ref):
        return GoldActor(actor_id=ref, name=ref, kind=ActorKind.COUNTRY, country=ref)
    raise ValueError(f"{where}: unknown actor {ref!r}")


def _event(actors: dict[str, GoldActor], fields: Any, n: int) -> GoldEvent:
    if not isinstance(fields, dict):
        raise ValueError(f"events[{n}] is not an object")
    event_id = str(fields.get("id") or f"e{n + 1}")
    where = f"event {event_id}"
    types = tuple(str(t).upper() for t in _list(fields.get("types"), f"{where}.types"))
    if not types:
        raise ValueError(f"{where}: no types")
    return GoldEvent(
        event_id=event_id,
        types=types,
        source=_resolve(actors, fields.get("source"), where),
        targets=tuple(_resolve(actors, t, where) for t in _list(fields.get("target"), where)),
        date=validate_date(fields.get("date"), where),
        mode=fields.get("mode"),
        either_direction=bool(fields.get("either_direction", False)),
        historical=bool(fields.get("historical", False)),
        required=bool(fields.get("required", True)),
        evidence=str(fields.get("evidence") or ""),
        evidence_span=_span(span, where) if (span := fields.get("evidence_span")) else None,
    )


def _quote(actors: dict[str, GoldActor], fields: Any, n: int) -> GoldQuote:
    if not isinstance(fields, dict):
        raise ValueError(f"quotes[{n}] is not an object")
    quote_id = str(fields.get("id") or f"q{n + 1}")
    where = f"quote {quote_id}"
    return GoldQuote(
        quote_id=quote_id,
        speaker=_resolve(actors, fields.get("speaker"), where),
        kind=QuoteKind(fields.get("kind", "direct")),
        text=str(fields.get("text") or ""),
        span=_span(fields.get("span"), where),
        via=fields.get("via"),
        required=bool(fields.get("required", True)),
    )


def _span(value: Any, where: str) -> tuple[int, int]:
    ok = isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)
    if not ok or value[0] > value[1]:
        raise ValueError(f"{where}: bad span {value!r}")
    return (value[0], value[1])


def _object(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise ValueError(f"'{key}' is not an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{where}: expected a list, got {type(value).__name__}")
    return value


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value:
        raise ValueError(f"'{key}' is not a non-empty string")
    return value
