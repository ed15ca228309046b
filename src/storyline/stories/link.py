"""Cross-article event linking: one story per real act, with all its reports.

Two events from different articles report the same act when their kinds of act agree
(an arrest may be told as an abduction, a signed accord as an agreement), they share
participants (either direction for acts that are mutual), their dates are compatible
(a day inside the other's window; two different days never are), their places do not
conflict, and, when their dates are only loosely known, their evidence sentences say
alike things or name the same place. Candidates come from an index (kind, days,
participants), never from all pairs. Clusters are built greedily from the strongest
pairs, in an order fixed by the events themselves, and two clusters join only when
every event of one could be the act of every event of the other, never when one
article tells two of their acts apart; so the result does not depend on the order of
ingest. The one act an article tells twice is a meeting and its host's or mediator's
part in it: one story, as the gold format counts a meeting with its host.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from storyline.dates.span import day_span
from storyline.records import Actor, ActorKind, Event, EventDate, stable_id
from storyline.stories.sides import participants_overlap, person_key, same_side

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
_HOSTED = 5.0  # a meeting and its host's part in it: one act, joined before any other pair
_LOOSE_SIMILARITY = 0.12  # evidence overlap needed when a date is only a window or month

# Kinds of act that several types can report; any other type is a kind of its own.
_KIND_TYPES = {
    "force": ("ASSAULT", "COERCE"),
    "detain": ("ASSAULT", "COERCE"),
    "accord": ("AGREE", "SUPPORT"),
    "ceasefire": ("AGREE", "RETREAT"),
    "call": ("CONSULT",),
}

_COERCE_MODES = (
    "arrest",
    "censor",
    "curfew",
    "cyber",
    "deport",
    "martial-law",
    "misinformation",
    "restrict",
    "seize",
    "withhold",
)

Neighbours = Callable[["Linked"], Iterable["Linked"]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Linked:
    """An event with what linking needs to know of its article."""

    event: Event
    outlet: str | None
    duplicate_of: str | None


def link_events(
    events: list[Linked], neighbours: Neighbours | None = None
) -> dict[str, list[Linked]]:
    """Story id -> its events, for every event (an unlinked event is its own story).

    `neighbours` gives an event's candidates (default: an in-memory index of `events`
    by kind and participant); only candidates in `events` are compared.
    """
    find = neighbours or candidate_index(events)
    known = {item.event.event_id for item in events}
    pairs = set()
    for a in events:
        for b in find(a):
            ida, idb = sorted((a.event.event_id, b.event.event_id))
            if ida == idb or idb not in known or ida not in known:
                continue
            score = same_act(a.event, b.event)
            if score > 0:
                pairs.add((-score, ida, idb))
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


def act_kinds(event: Event) -> frozenset[str]:
    """The kinds of act an event may be a report of; two events can be one act only when
    they share one. A ceasefire agreed (AGREE) or declared (RETREAT) is a ceasefire; an
    arrest (COERCE) may be told as an abduction (ASSAULT), the capture of a place as an
    attack on it; a signed accord (SUPPORT, CAMEO 057) as an agreement (AGREE); a phone
    call is never the meeting of the same two on the same day, nor an abduction an
    attack, nor one kind of coercion (an arrest, a curfew, a blockade) another."""
    kind, mode = event.type, event.mode
    if mode == "ceasefire":
        return frozenset({"ceasefire"})
    if kind == "ASSAULT":
        return frozenset({"detain"} if mode == "abduct" else {"force"})
    if kind == "COERCE":  # an arrest, a curfew and a blockade are different acts
        if mode is None:
            return frozenset(f"COERCE:{m}" for m in _COERCE_MODES)
        extra = {"arrest": "detain", "seize": "force"}.get(mode)
        return frozenset({f"COERCE:{mode}", extra} if extra else {f"COERCE:{mode}"})
    if kind == "CONSULT" and mode == "phone":
        return frozenset({"call"})
    if kind == "AGREE" or (kind == "SUPPORT" and (event.cameo or "").startswith("057")):
        return frozenset({kind, "accord"})
    return frozenset({kind})


def kin_types(event: Event) -> tuple[str, ...]:
    """The event types whose events may share a kind of act with this one."""
    kinds = act_kinds(event)
    return tuple(sorted({t for k in kinds for t in _KIND_TYPES.get(k, (k.split(":")[0],))}))


def participant_keys(event: Event) -> tuple[set[str], set[str]]:
    """What a candidate must share with the event: one of its countries, or (for an
    actor of no country, such as an international body) the actor itself."""
    actors = (event.source, *event.targets)
    return {a.actor_id for a in actors}, {a.country for a in actors if a.country}


def candidate_index(events: list[Linked]) -> Neighbours:
    """An in-memory index of events by type and participant: the candidates of an event
    are those of a kin type that share a country or an actor with it."""
    index: dict[tuple[str, str], list[Linked]] = defaultdict(list)
    for item in events:
        ids, countries = participant_keys(item.event)
        for key in ids | countries:
            index[item.event.type, key].append(item)

    def find(item: Linked) -> list[Linked]:
        ids, countries = participant_keys(item.event)
        found = {
            x.event.event_id: x
            for t in kin_types(item.event)
            for key in ids | countries
            for x in index.get((t, key), ())
        }
        return [found[k] for k in sorted(found)]

    return find


def reachable(seeds: list[Linked], neighbours: Neighbours) -> list[Linked]:
    """The seeds and every event linked to them through a chain of candidate pairs.

    Linking within this closed set decides exactly what linking everything would decide
    for its events: greedy merges only ever join clusters through a candidate pair, so
    sets no pair connects never affect each other. That is what makes linking
    incremental and still independent of the order of ingest.
    """
    found = {x.event.event_id: x for x in seeds}
    frontier = list(found.values())
    while frontier:
        x = frontier.pop()
        for y in neighbours(x):
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
    """How strongly two events look like one act (0: not): two reports from different
    articles, or a meeting and its host's part in it told in one."""
    if a.evidence.doc_id == b.evidence.doc_id:
        return _HOSTED if hosted(a, b) or hosted(b, a) else 0.0
    if not _may_be_one(a, b):
        return 0.0
    overlap = participants_overlap(a, b, act_kinds(a) & act_kinds(b))
    similarity = _similarity(a, b)
    place = _same_place(a, b)
    loose = not (_is_within_week(a.date) and _is_within_week(b.date))
    if loose and similarity < _LOOSE_SIMILARITY and not place:
        return 0.0
    days = 1.0 if _is_day(a.date) and _is_day(b.date) else 0.0
    return overlap + similarity + days + (0.5 if place else 0.0)


def _may_be_one(a: Event, b: Event) -> bool:
    """Nothing tells the two apart: a shared kind of act, the same negation, dates that
    agree, places in one country, shared participants."""
    kinds = act_kinds(a) & act_kinds(b)
    if not kinds or a.negated != b.negated or not _dates_agree(a.date, b.date):
        return False
    if a.location and b.location and a.location.country != b.location.country:
        return False
    return participants_overlap(a, b, kinds) > 0


def _compatible(left: list[Linked], right: list[Linked]) -> bool:
    """Clusters may join when no article tells two of their acts apart (the one act an
    article tells twice is a meeting and its host's part in it) and every event of one
    could be the act of every event of the other (a chain of near matches is no licence
    to join two ends that differ)."""
    for x in left:
        for y in right:
            a, b = x.event, y.event
            if a.evidence.doc_id == b.evidence.doc_id and not (hosted(a, b) or hosted(b, a)):
                return False
    return all(_may_be_one(x.event, y.event) for x in left for y in right)


def hosted(host: Event, meeting: Event) -> bool:
    """Whether `host` is a host's or mediator's part in `meeting` ("Qatar hosted the talks
    between X and Y", "the minister who chaired the session"), both told the same day:
    one act, as a trilateral meeting is, so one story (a host never meets itself)."""
    return (
        host.type == meeting.type == "CONSULT"
        and _hosting(host)
        and not _hosting(meeting)
        and host.negated == meeting.negated
        and _dates_agree(host.date, meeting.date)
        and bool(host.targets)
        and all(
            any(same_side(party, t) for t in host.targets)
            for party in (meeting.source, *meeting.targets)
        )
    )


def _hosting(event: Event) -> bool:
    """A third party's part in a meeting: hosting, chairing, mediating (CAMEO 044, 045)."""
    return event.mode == "third-party" or (event.cameo or "").startswith("045")


def _key(actor: Actor) -> str:
    """People by identity; everyone else by country and sector."""
    if actor.kind is ActorKind.PERSON and not actor.actor_id.startswith("role-"):
        return person_key(actor)
    return f"{actor.country}:{actor.sector}"


def _dates_agree(a: EventDate | None, b: EventDate | None) -> bool:
    """Unknown dates agree with anything; otherwise the days they allow overlap (a day
    inside the other's window, a day inside a month)."""
    sa, sb = day_span(a), day_span(b)
    if sa is None or sb is None:
        return True
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def _same_place(a: Event, b: Event) -> bool:
    """Both name a place, and it is the same one."""
    if a.location is None or b.location is None:
        return False
    return a.location.name.casefold() == b.location.name.casefold()


def _is_within_week(d: EventDate | None) -> bool:
    """A day, or a window of at most a week ("last week"): precise enough that the same
    act by the same sides in it is one act, however differently it is told."""
    span = day_span(d)
    return span is not None and (span[1] - span[0]).days < 7


def _is_day(d: EventDate | None) -> bool:
    return d is not None and d.value is not None and len(d.value) == 10


def _similarity(a: Event, b: Event) -> float:
    """How alike the two evidence sentences read, leaving out the parties' own names
    ("Russia", "Russian", "Kuleba"): the participants are matched already, so sharing
    them says nothing more of whether the act is the same."""
    names = {w for e in (a, b) for x in (e.source, *e.targets) for w in _words(x.name)}
    stems = {n[: max(4, len(n) - 1)] for n in names}
    wa = {w for w in _words(a.evidence.text) if not w.startswith(tuple(stems))}
    wb = {w for w in _words(b.evidence.text) if not w.startswith(tuple(stems))}
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _words(text: str) -> set[str]:
    """The content words of a text (four letters or more, not on the stop list)."""
    return set(_WORD.findall(text.lower())) - _STOP
