"""Matching rules (actors, dates, spans) and per-article scoring, as pure functions on records.

Matching is not one-to-one, as in the reference scorer: a gold dyad is found when any
output dyad matches it, and an output dyad is correct when it matches any gold dyad.
"""

from __future__ import annotations

import calendar
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from storyline.eval.report import (
    EventFalsePositive,
    EventMatch,
    EventMiss,
    EventScore,
    MentionScore,
    QuoteFalsePositive,
    QuoteMiss,
    QuoteScore,
    Ratio,
    Score,
    UnresolvedMention,
    WrongAttribution,
)
from storyline.records import (
    Actor,
    ActorKind,
    ActorMention,
    DatePrecision,
    Event,
    EventDate,
    Quote,
)

if TYPE_CHECKING:  # gold.py validates dates with this module, so import its types lazily
    from storyline.eval.gold import GoldActor, GoldArticle, GoldDate, GoldEvent, GoldQuote

DaySpan = tuple[int, int]  # first and last day (proleptic Gregorian ordinals), inclusive
_APOSTROPHES_AND_DOTS = str.maketrans("", "", "’‘'.")
_SAME_SECTOR = {"JRN": "MED"}  # the gold README takes PLOVER's JRN as CAMEO's MED


class MatchMode(StrEnum):
    """How an output actor is compared with a gold actor in events."""

    COUNTRY_SECTOR = "country+sector"
    PERSON = "person"


@dataclass(frozen=True, slots=True)
class GoldDyad:
    """One (source, target) pair of a gold event; target None for an event without targets."""

    event: GoldEvent
    target: GoldActor | None


@dataclass(frozen=True, slots=True)
class OutputDyad:
    """One (source, target) pair of a stored event; target None for an event without targets."""

    event: Event
    target: Actor | None


# -- names and actors ------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """A name without accents, case, apostrophes, dots or repeated spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().translate(_APOSTROPHES_AND_DOTS).split())


def same_person(a: str, b: str) -> bool:
    """Whether two person names agree: equal, or one's tokens within the other's, same surname."""
    ta, tb = normalise_name(a).split(), normalise_name(b).split()
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    return ta[-1] == tb[-1] and (set(ta) <= set(tb) or set(tb) <= set(ta))


def same_country_sector(output: Actor, gold: GoldActor) -> bool:
    """Whether (country, sector) agree; None equals None, JRN equals MED."""
    return output.country == gold.country and _sector(output.sector) == _sector(gold.sector)


def _sector(sector: str | None) -> str | None:
    return _SAME_SECTOR.get(sector, sector) if sector else sector


def actor_matches(output: Actor, gold: GoldActor, mode: MatchMode) -> bool:
    """An event actor match: by person when the mode asks and the output names one."""
    if mode is MatchMode.PERSON and output.kind is ActorKind.PERSON:
        return gold.kind is ActorKind.PERSON and same_person(output.name, gold.name)
    return same_country_sector(output, gold)


def speaker_matches(output: Actor | None, gold: GoldActor) -> bool:
    """A quote speaker match: persons by name, others by kind and (name or country+sector)."""
    if output is None:
        return False
    if gold.kind is ActorKind.PERSON:
        return output.kind is ActorKind.PERSON and same_person(output.name, gold.name)
    if output.kind != gold.kind:
        return False
    return normalise_name(output.name) == normalise_name(gold.name) or same_country_sector(
        output, gold
    )


def mention_actor_matches(output: Actor, gold: GoldActor) -> bool:
    """A mention's actor match: the same person for persons, else the same country+sector."""
    if gold.kind is ActorKind.PERSON:
        return output.kind is ActorKind.PERSON and same_person(output.name, gold.name)
    return same_country_sector(output, gold)


# -- dates -----------------------------------------------------------------------------


def day_span(text: str) -> DaySpan:
    """The days a "YYYY-MM-DD", "YYYY-MM" or "YYYY" string covers; ValueError otherwise."""
    parts = text.split("-")
    if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or any(not p.isdigit() for p in parts):
        raise ValueError(f"not a day, month or year: {text!r}")
    year = int(parts[0])
    if len(parts) == 3:
        day = date(year, int(parts[1]), int(parts[2])).toordinal()
        return (day, day)
    if len(parts) == 2:
        first = date(year, int(parts[1]), 1)
        last = calendar.monthrange(year, first.month)[1]
        return (first.toordinal(), first.replace(day=last).toordinal())
    return (date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal())


def window_span(value: GoldDate) -> DaySpan | None:
    """The days a gold date covers (None: any date); a window may be open at either end."""
    if value is None:
        return None
    if isinstance(value, str):
        return day_span(value)
    after, before = value
    first = day_span(after)[0] if after else date.min.toordinal()
    last = day_span(before)[1] if before else date.max.toordinal()
    if first > last:
        raise ValueError(f"window ends before it starts: {after}..{before}")
    return (first, last)


def output_span(value: EventDate | None) -> DaySpan | None:
    """The days an output date covers, or None when unknown or unreadable."""
    if value is None:
        return None
    try:
        if _uses_window(value):
            return window_span(value.window)
        return day_span(value.value) if value.value else None
    except ValueError:
        return None


def _uses_window(value: EventDate) -> bool:
    """Whether an output date is read from its window: a window date, or one with no value."""
    return value.window is not None and (value.precision == DatePrecision.WINDOW or not value.value)


def dates_compatible(gold: GoldDate, output: EventDate | None) -> bool:
    """Whether the day intervals overlap; a null gold date accepts anything, even no date."""
    gold_days = window_span(gold)
    if gold_days is None:
        return True
    out_days = output_span(output)
    return out_days is not None and out_days[0] <= gold_days[1] and gold_days[0] <= out_days[1]


# -- events ----------------------------------------------------------------------------


def gold_dyads(event: GoldEvent) -> list[GoldDyad]:
    """One dyad per target (one with target None when there are none)."""
    return [GoldDyad(event, t) for t in event.targets] or [GoldDyad(event, None)]


def output_dyads(event: Event) -> list[OutputDyad]:
    """One dyad per target (one with target None when there are none)."""
    return [OutputDyad(event, t) for t in event.targets] or [OutputDyad(event, None)]


def dyad_matches(output: OutputDyad, gold: GoldDyad, mode: MatchMode) -> bool:
    """Type among the gold types, source and target match (or swapped), dates compatible."""
    g = gold.event
    if output.event.type.upper() not in g.types or not dates_compatible(g.date, output.event.date):
        return False
    pairs: list[tuple[GoldActor | None, GoldActor | None]] = [(g.source, gold.target)]
    if g.either_direction:
        pairs.append((gold.target, g.source))
    return any(
        _side_matches(output.event.source, src, mode) and _side_matches(output.target, tgt, mode)
        for src, tgt in pairs
    )


def _side_matches(output: Actor | None, gold: GoldActor | None, mode: MatchMode) -> bool:
    if output is None or gold is None:
        return output is None and gold is None
    return actor_matches(output, gold, mode)


def score_events(gold: GoldArticle, events: Sequence[Event], mode: MatchMode) -> EventScore:
    """Dyad recall over required gold events, precision over all output dyads, and the lists."""
    golds = [d for e in gold.events for d in gold_dyads(e)]
    outs = [d for e in events for d in output_dyads(e)]
    matched = [(g, o) for g in golds for o in outs if dyad_matches(o, g, mode)]
    found_golds = {id(g) for g, _ in matched}
    correct_outs = {id(o) for _, o in matched}
    required = [g for g in golds if g.event.required]
    misses = [g for g in required if id(g) not in found_golds]
    wrong = [o for o in outs if id(o) not in correct_outs]
    return EventScore(
        mode=mode.value,
        score=Score(
            found=len(required) - len(misses),
            required=len(required),
            correct=len(outs) - len(wrong),
            output=len(outs),
        ),
        misses=tuple(_event_miss(g) for g in misses),
        false_positives=tuple(_event_false_positive(o) for o in wrong),
        matches=tuple(dict.fromkeys(_event_match(g, o) for g, o in matched)),
    )


def _event_match(gold: GoldDyad, output: OutputDyad) -> EventMatch:
    return EventMatch(
        gold_id=gold.event.event_id,
        gold_target=gold.target.actor_id if gold.target else None,
        event_id=output.event.event_id,
        story_id=output.event.story_id,
    )


def _event_miss(dyad: GoldDyad) -> EventMiss:
    g = dyad.event
    return EventMiss(
        gold_id=g.event_id,
        types=g.types,
        source=g.source.actor_id,
        target=dyad.target.actor_id if dyad.target else None,
        date=describe_gold_date(g.date),
        evidence=g.evidence,
    )


def _event_false_positive(dyad: OutputDyad) -> EventFalsePositive:
    e = dyad.event
    return EventFalsePositive(
        event_id=e.event_id,
        type=e.type,
        source=e.source.name,
        target=dyad.target.name if dyad.target else None,
        date=describe_output_date(e.date),
        evidence=e.evidence.text,
    )


def describe_gold_date(value: GoldDate) -> str:
    """A gold date for reading: the string, "after..before", or "any"."""
    if value is None:
        return "any"
    if isinstance(value, str):
        return value
    return f"{value[0] or ''}..{value[1] or ''}"


def describe_output_date(value: EventDate | None) -> str:
    """An output date for reading: the value, "after..before", or "none"."""
    if value is None or not (value.value or value.window):
        return "none"
    if value.window and _uses_window(value):
        return f"{value.window[0]}..{value.window[1]}"
    return str(value.value)


# -- quotes ----------------------------------------------------------------------------


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many characters two [start, end) spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans overlap by at least half of the shorter one."""
    overlap = span_overlap(a, b)
    return overlap > 0 and 2 * overlap >= min(a[1] - a[0], b[1] - b[0])


def _quote_span(quote: Quote) -> tuple[int, int]:
    return (quote.evidence.start, quote.evidence.end)


def score_quotes(gold: GoldArticle, quotes: Sequence[Quote]) -> QuoteScore:
    """Span recall and precision, attribution and direct/indirect agreement, and the lists."""
    required = [g for g in gold.quotes if g.required]
    misses: list[QuoteMiss] = []
    wrong: list[WrongAttribution] = []
    attributed = same_kind = 0
    for g in required:
        best = _best_quote(g, quotes)
        if best is None:
            misses.append(QuoteMiss(gold_id=g.quote_id, speaker=g.speaker.actor_id, text=g.text))
            continue
        same_kind += best.kind == g.kind
        if speaker_matches(best.speaker, g.speaker):
            attributed += 1
        else:
            wrong.append(_wrong_attribution(g, best))
    stray = [q for q in quotes if not any(spans_match(_quote_span(q), g.span) for g in gold.quotes)]
    found = len(required) - len(misses)
    return QuoteScore(
        score=Score(
            found=found,
            required=len(required),
            correct=len(quotes) - len(stray),
            output=len(quotes),
        ),
        attribution=Ratio(hits=attributed, total=found),
        kind_agreement=Ratio(hits=same_kind, total=found),
        misses=tuple(misses),
        false_positives=tuple(
            QuoteFalsePositive(quote_id=q.quote_id, speaker=_speaker(q), text=q.evidence.text)
            for q in stray
        ),
        wrong_attributions=tuple(wrong),
    )


def _best_quote(gold: GoldQuote, quotes: Iterable[Quote]) -> Quote | None:
    """The matching output quote that overlaps the gold span most (first on ties)."""
    found = [q for q in quotes if spans_match(_quote_span(q), gold.span)]
    return max(found, key=lambda q: span_overlap(_quote_span(q), gold.span), default=None)


def _speaker(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else quote.speaker_text


def _wrong_attribution(gold: GoldQuote, output: Quote) -> WrongAttribution:
    return WrongAttribution(
        gold_id=gold.quote_id,
        gold_speaker=gold.speaker.actor_id,
        output_speaker=_speaker(output),
        text=gold.text,
    )


# -- actor mentions --------------------------------------------------------------------


def score_mentions(
    gold: GoldArticle, mentions: Sequence[ActorMention], actors: Mapping[str, Actor]
) -> MentionScore:
    """Gold surface forms found verbatim as mentions of the right actor in the article
    (a leading "the" aside: annotators write both "the EU" and "EU" for "the EU")."""
    by_text: dict[str, list[Actor]] = {}
    for m in mentions:
        if m.actor_id in actors:
            by_text.setdefault(_surface(m.evidence.text), []).append(actors[m.actor_id])
    unresolved = [
        UnresolvedMention(actor_id=actor.actor_id, text=surface)
        for actor, surface in gold.mentions
        if not any(mention_actor_matches(a, actor) for a in by_text.get(_surface(surface), []))
    ]
    total = len(gold.mentions)
    return MentionScore(
        resolved=Ratio(hits=total - len(unresolved), total=total), unresolved=tuple(unresolved)
    )


def _surface(text: str) -> str:
    """A surface form as compared: spaces collapsed, without a leading definite article
    or a trailing possessive ending ("Chile's" is a mention "Chile" and its clitic)."""
    words = text.split()
    if len(words) > 1 and words[0] in ("the", "The"):
        words = words[1:]
    joined = " ".join(words)
    for ending in ("'s", "’s"):
        if joined.endswith(ending) and len(joined) > len(ending):
            return joined[: -len(ending)]
    return joined
