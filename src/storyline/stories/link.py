"""Cross-article event linking: one story per real event, with all its reports.

Two events from different articles report the same act when their types agree, they
share participants (either direction for acts PLOVER treats as reciprocal), their
dates are compatible (two different days never are), their places do not conflict,
and, when their dates are only loosely known, their evidence sentences say alike
things. Clusters are built greedily from the strongest pairs, in an order fixed by
the events themselves, never merging two acts one article tells apart or two events
whose dates disagree, so the result does not depend on the order of ingest.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from storyline.dates.span import day_span
from storyline.records import Actor, ActorKind, Event, EventDate, stable_id

RECIPROCAL = frozenset({"CONSULT", "COOPERATE", "AGREE", "ASSAULT"})
_WORD = re.compile(r"[a-z]{4,}")
_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "been",
        "were",
        "their",
        "they",
        "said",
        "also",
        "about",
        "after",
        "which",
        "would",
        "will",
        "between",
        "secretary",
        "minister",
        "president",
        "state",
        "states",
        "united",
    ]
)
_LOOSE_SIMILARITY = 0.12  # evidence overlap needed when a date is only a window or month


@dataclass(frozen=True, slots=True, kw_only=True)
class Linked:
    """An event with what linking needs to know of its article."""

    event: Event
    outlet: str | None
    duplicate_of: str | None


def link_events(events: list[Linked]) -> dict[str, list[Linked]]:
    """Story id -> its events, for every event (an unlinked event is its own story)."""
    pairs = []
    by_type: dict[str, list[Linked]] = defaultdict(list)
    for item in events:
        by_type[act_kind(item.event)].append(item)
    for group in by_type.values():
        group.sort(key=lambda x: x.event.event_id)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                score = same_act(a.event, b.event)
                if score > 0:
                    pairs.append((-score, a.event.event_id, b.event.event_id))
    clusters = {item.event.event_id: [item] for item in events}
    owner = {item.event.event_id: item.event.event_id for item in events}
    for _, a, b in sorted(pairs):
        ka, kb = owner[a], owner[b]
        if ka == kb or not _compatible(clusters[ka], clusters[kb]):
            continue
        keep, gone = sorted((ka, kb))
        clusters[keep] += clusters.pop(gone)
        for item in clusters[keep]:
            owner[item.event.event_id] = keep
    return {
        stable_id("s", *sorted(x.event.event_id for x in members)): members
        for members in clusters.values()
    }


def act_kind(event: Event) -> str:
    """What must agree for two events to be one act: the type, except that a ceasefire
    agreed (AGREE) and a ceasefire declared or observed (RETREAT) are one kind."""
    return "ceasefire" if event.mode == "ceasefire" else event.type


def reachable(seeds: list[Linked], pool: list[Linked]) -> list[Linked]:
    """The seeds and every pool event linked to them through a chain of candidate pairs.

    Linking within this closed set decides exactly what linking everything would decide
    for its events: greedy merges only ever join clusters through a candidate pair, so
    sets no pair connects never affect each other. That is what makes linking
    incremental and still independent of the order of ingest.
    """
    by_type: dict[str, list[Linked]] = defaultdict(list)
    for item in pool:
        by_type[act_kind(item.event)].append(item)
    found = {x.event.event_id: x for x in seeds}
    frontier = list(found.values())
    while frontier:
        x = frontier.pop()
        for y in by_type[act_kind(x.event)]:
            if y.event.event_id not in found and same_act(x.event, y.event) > 0:
                found[y.event.event_id] = y
                frontier.append(y)
    return sorted(found.values(), key=lambda x: x.event.event_id)


def restates(copy: Event, original: Event) -> bool:
    """Whether an event of a near-duplicate article restates one of its original: same
    type, mode, negation, participants (by person, else country and sector) and date."""
    return (
        copy.type == original.type
        and copy.mode == original.mode
        and copy.negated == original.negated
        and copy.date == original.date
        and _key(copy.source) == _key(original.source)
        and sorted(map(_key, copy.targets)) == sorted(map(_key, original.targets))
    )


def same_act(a: Event, b: Event) -> float:
    """How strongly two events from different articles look like one act (0: not)."""
    if a.evidence.doc_id == b.evidence.doc_id or act_kind(a) != act_kind(b):
        return 0.0
    if a.negated != b.negated:
        return 0.0
    if not _dates_agree(a.date, b.date):
        return 0.0
    if a.location and b.location and a.location.country != b.location.country:
        return 0.0
    overlap = _participants_overlap(a, b)
    if overlap == 0:
        return 0.0
    similarity = _similarity(a.evidence.text, b.evidence.text)
    loose = not (_is_within_week(a.date) and _is_within_week(b.date))
    if loose and similarity < _LOOSE_SIMILARITY:
        return 0.0
    return overlap + similarity + (1.0 if _is_day(a.date) and _is_day(b.date) else 0.0)


def _compatible(left: list[Linked], right: list[Linked]) -> bool:
    """Clusters may join when no article tells two of their acts apart and all dates agree."""
    docs = {x.event.evidence.doc_id for x in left}
    if any(x.event.evidence.doc_id in docs for x in right):
        return False
    return all(_dates_agree(x.event.date, y.event.date) for x in left for y in right)


def _participants_overlap(a: Event, b: Event) -> int:
    """Shared participants: by person, else by country and sector (a minister matches
    his government); direction matters only for acts that are not reciprocal."""
    if a.type in RECIPROCAL or act_kind(a) == "ceasefire":
        left, right = (a.source, *a.targets), (b.source, *b.targets)
        shared = sum(1 for x in left if any(_same_side(x, y) for y in right))
        return shared if shared >= 2 or (shared and min(len(left), len(right)) == 1) else 0
    if not _same_side(a.source, b.source):
        return 0
    targets = sum(1 for x in a.targets if any(_same_side(x, y) for y in b.targets))
    return 1 + targets if targets else 0


def _same_side(x: Actor, y: Actor) -> bool:
    """The same person, or (where either is not a named person) the same country and
    sector; a country named as such ("Armenia") is any of its bodies."""
    if _key(x) == _key(y):
        return True
    named = {a.kind.value == "person" and not a.actor_id.startswith("role-") for a in (x, y)}
    if named == {True} or x.country is None or x.country != y.country:
        return False
    return x.sector == y.sector or ActorKind.COUNTRY in (x.kind, y.kind)


def _key(actor: Actor) -> str:
    """People by identity; everyone else by country and sector."""
    if actor.kind.value == "person" and not actor.actor_id.startswith("role-"):
        return actor.actor_id
    return f"{actor.country}:{actor.sector}"


def _dates_agree(a: EventDate | None, b: EventDate | None) -> bool:
    if a is None or b is None:
        return True
    sa, sb = day_span(a), day_span(b)
    if sa is None or sb is None:
        return True
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def _is_within_week(d: EventDate | None) -> bool:
    """A day, or a window of at most a week ("last week"): precise enough that the same
    act by the same sides in it is one act, however differently it is told."""
    span = day_span(d)
    return span is not None and (span[1] - span[0]).days < 7


def _is_day(d: EventDate | None) -> bool:
    return d is not None and d.value is not None and len(d.value) == 10


def _similarity(a: str, b: str) -> float:
    wa = set(_WORD.findall(a.lower())) - _STOP
    wb = set(_WORD.findall(b.lower())) - _STOP
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0
