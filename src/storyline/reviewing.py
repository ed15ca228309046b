"""Making and undoing analysts' corrections against the store: check what is asked,
store the correction with what it makes of its record, then link the stories of its
articles again. The API and the web pages both call these; a request that cannot be
honoured raises ReviewError with the status that says why.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from storyline import export as contract
from storyline.errors import ReviewError
from storyline.query import check_date, check_types
from storyline.records import ArticleResult, Event
from storyline.review import (
    ACTOR,
    EVENT,
    STORY,
    Correction,
    actor_merges,
    apply_corrections,
    day_date,
    event_fields,
    event_from_record,
    merged_result,
    named_actors,
    retyped,
    with_fields,
)
from storyline.store import SQLiteStore
from storyline.stories import relink

DEFAULT_WHO = "token"  # who a correction is by when the token carries no name
_MAX_REASON = 2000
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventChange:
    """What an analyst changes of an event: any of its type, source, targets and date
    (`date_given`: the date was named, None clearing it), or rejects (True) or restores
    (False) it; always with a reason."""

    reason: str
    type: str | None = None
    source: str | None = None
    targets: tuple[str, ...] | None = None
    date: str | None = None
    date_given: bool = False
    rejected: bool | None = None


def now() -> str:
    """The current time as stored with a correction (UTC, microseconds)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def correct_event(
    store: SQLiteStore, event_id: str, change: EventChange, who: str, when: str
) -> Correction:
    """Reject, restore or edit an event, store the correction, relink its stories."""
    _ids("event", event_id)
    reason = _reason(change.reason)
    event = store.event(event_id)
    snapshot = rejected_record(store, event_id) if event is None else None
    if event is None and snapshot is None:
        raise ReviewError(f"no event with id '{event_id}'", 404)
    edits = (change.type, change.source, change.targets)
    if change.rejected is not None and (any(v is not None for v in edits) or change.date_given):
        raise ReviewError("rejected: reject or restore an event on its own, not with edits")
    make = _new(EVENT, event_id, who, when, reason)
    if change.rejected is True:
        if event is None:
            raise ReviewError(f"event '{event_id}' is already rejected", 409)
        doc_id, file = event.evidence.doc_id, _file(store, event)
        before = {"rejected": False, "event": contract.event_record(event, file)}
        c = make(doc_id, "reject", before, {"rejected": True})
        store.save_correction(c, drop=event_id)
    elif change.rejected is False:
        if snapshot is None:
            raise ReviewError(f"event '{event_id}' is not rejected", 409)
        back = replace(event_from_record(snapshot), reviewed=True)
        c = make(back.evidence.doc_id, "restore", {"rejected": True}, {"rejected": False})
        store.save_correction(c, event=back)
    else:
        if event is None:
            raise ReviewError(f"event '{event_id}' is rejected: restore it first", 409)
        after = _edits(store, event, change)
        c = make(event.evidence.doc_id, "edit", event_fields(event, after), after)
        store.save_correction(c, event=replace(with_fields(event, after), reviewed=True))
    relink(store, {c.doc_id} if c.doc_id else set())
    return c


def corrected(store: SQLiteStore, result: ArticleResult) -> ArticleResult:
    """An article's new analysis as the analysts' corrections make it: merged actors
    replaced by those they were merged into, its events corrected (the ingest writer
    calls this before it stores the result, so corrections win over re-ingesting)."""
    merges: dict[str, str] = {}
    ids = named_actors(result)
    while True:  # chains of merges: follow each to its end
        merges = actor_merges(store.corrections_of(record_ids=ids | set(merges.values())))
        if set(merges.values()) <= ids | set(merges):
            break
        ids |= set(merges.values())
    if merges:
        known = store.actors_by_id(set(merges.values()))
        result = merged_result(result, {o: known[n] for o, n in merges.items() if n in known})
    events = apply_corrections(result.events, store.corrections_of(doc_ids=[result.article.doc_id]))
    return replace(result, events=tuple(events))


def merge_actor(
    store: SQLiteStore, actor_id: str, into: str, reason: str, who: str, when: str
) -> Correction:
    """Merge an actor into another (its mentions, quotes and events become the other's),
    keeping what it changed so that undoing puts it back; relink their stories."""
    _ids("actor", actor_id, into)
    reason = _reason(reason)
    actors = store.actors_by_id([actor_id, into])
    for ident in (actor_id, into):
        if ident not in actors:
            raise ReviewError(f"no actor with id '{ident}'", 404)
    if actor_id == into:
        raise ReviewError("into: an actor cannot be merged into itself")
    before = {"snapshot": store.actor_snapshot(actor_id, into)}
    after = {"merged_into": into, "name": actors[into].name}
    c = _new(ACTOR, actor_id, who, when, reason)(None, "merge", before, after)
    store.merge_actor(c, actor_id, into)
    relink(store, set(), {actor_id, into})
    return c


def move_event(
    store: SQLiteStore, event_id: str, story_id: str | None, reason: str, who: str, when: str
) -> Correction:
    """Pin an event to another story (None: a story of its own), relink."""
    _ids("event", event_id)
    _ids("story", *filter(None, [story_id]))
    reason = _reason(reason)
    event = store.event(event_id)
    if event is None:
        raise ReviewError(f"no event with id '{event_id}'", 404)
    partner = None
    if story_id is not None:
        story = store.story(story_id)
        if story is None:
            raise ReviewError(f"no story with id '{story_id}'", 404)
        if event.story_id == story_id:
            raise ReviewError(f"event '{event_id}' is already in story '{story_id}'", 409)
        partner = next(e for e in story.event_ids if e != event_id)
    elif event.story_id is not None and len(_members(store, event.story_id)) <= 1:
        raise ReviewError(f"event '{event_id}' is already a story of its own", 409)
    before = {"story_id": event.story_id}
    after = {"story_with": partner, "story_id": story_id}
    c = _new(STORY, event_id, who, when, reason)(event.evidence.doc_id, "move", before, after)
    store.save_correction(c)
    _relink_with(store, [event_id, *([partner] if partner else [])])
    return c


def split_story(
    store: SQLiteStore, story_id: str, event_ids: Sequence[str], reason: str, who: str, when: str
) -> list[Correction]:
    """Split these events off their story into a story of their own, relink."""
    _ids("story", story_id)
    _ids("event", *event_ids)
    reason = _reason(reason)
    story = store.story(story_id)
    if story is None:
        raise ReviewError(f"no story with id '{story_id}'", 404)
    chosen = sorted(set(event_ids))
    strangers = [e for e in chosen if e not in story.event_ids]
    if not chosen or strangers:
        raise ReviewError(
            f"event_ids: name events of story '{story_id}' to split off"
            + (f" ({', '.join(strangers)} are not in it)" if strangers else "")
        )
    if len(chosen) == len(story.event_ids):
        raise ReviewError("event_ids: leave at least one event in the story")
    made = []
    events = {e.event_id: e for e in store.events_in(event_ids=chosen)}
    if len(events) < len(chosen):
        raise ReviewError(f"story '{story_id}' is out of date: reload it and try again", 409)
    for i, event_id in enumerate(chosen):
        partner = chosen[0] if i else None
        after = {"story_with": partner, "story_id": None}
        make = _new(STORY, event_id, who, when, reason)
        made.append(make(events[event_id].evidence.doc_id, "split", {"story_id": story_id}, after))
    for c in made:
        store.save_correction(c)
    _relink_with(store, [*chosen, *story.event_ids])
    return made


def undo(store: SQLiteStore, correction_id: str, who: str, when: str) -> Correction:
    """Undo a correction: its record back as it was before it, relinked."""
    _ids("correction", correction_id)
    c = store.correction(correction_id)
    if c is None:
        raise ReviewError(f"no correction with id '{correction_id}'", 404)
    if not c.live:
        raise ReviewError(f"correction '{correction_id}' is already undone", 409)
    live = store.corrections_of(record_ids=[c.record_id])
    later = [x for x in live[[x.correction_id for x in live].index(c.correction_id) + 1 :]]
    blocking = [x for x in later if x.record == c.record and set(x.after) & set(c.after)]
    if blocking:
        raise ReviewError(
            f"correction '{correction_id}' was corrected again later: undo "
            f"'{blocking[-1].correction_id}' first",
            409,
        )
    if c.record == ACTOR:
        if not store.unmerge_actor(
            correction_id, who=who, when=when, snapshot=c.before["snapshot"]
        ):
            raise ReviewError(f"correction '{correction_id}' is already undone", 409)
        relink(store, set(), {c.record_id, str(c.after["merged_into"])})
        return store.correction(correction_id) or c
    still = any(x.record == EVENT and x.correction_id != c.correction_id for x in live)
    event, drop = _undone_event(store, c, still)
    if not store.undo_correction(correction_id, who=who, when=when, event=event, drop=drop):
        raise ReviewError(f"correction '{correction_id}' is already undone", 409)
    if c.record == STORY:
        _relink_with(store, [c.record_id, *filter(None, [c.after.get("story_with")])])
    else:
        relink(store, {c.doc_id} if c.doc_id else set())
    found = store.correction(correction_id)
    assert found is not None
    return found


def rejected_record(store: SQLiteStore, event_id: str) -> dict[str, object] | None:
    """The record of an event its live corrections leave rejected, or None."""
    snapshot = None
    for c in store.corrections_of(record_ids=[event_id]):
        if c.record == EVENT and c.action == "reject":
            snapshot = c.before.get("event")
        elif c.record == EVENT and c.action == "restore":
            snapshot = None
    return snapshot if isinstance(snapshot, dict) else None


def _undone_event(
    store: SQLiteStore, c: Correction, still: bool
) -> tuple[Event | None, str | None]:
    """What undoing an event correction writes: the event back, or its id to drop."""
    if c.record != EVENT:
        return None, None
    if c.action == "reject":
        return replace(event_from_record(c.before["event"]), reviewed=still), None
    if c.action == "restore":
        return None, c.record_id
    event = store.event(c.record_id)
    if event is None:
        raise ReviewError(f"event '{c.record_id}' is rejected: restore it first", 409)
    return replace(with_fields(event, c.before), reviewed=still), None


def _edits(store: SQLiteStore, event: Event, change: EventChange) -> dict[str, object]:
    """The fields an edit changes, as JSON values; a bad value is a 422 naming it."""
    after: dict[str, object] = {}
    if change.type is not None:
        try:
            (kind,) = check_types([change.type])
        except ValueError as exc:
            raise ReviewError(f"type: {exc}") from None
        if kind != event.type:
            after |= retyped(event, kind)
    actors = store.actors_by_id([*(change.targets or ()), *filter(None, [change.source])])
    if change.source is not None and change.source != event.source.actor_id:
        if change.source not in actors:
            raise ReviewError(f"source: no actor with id '{change.source}'")
        after["source"] = event_fields(replace(event, source=actors[change.source]), ["source"])[
            "source"
        ]
    if change.targets is not None:
        unknown = [t for t in change.targets if t not in actors]
        if unknown:
            raise ReviewError(f"targets: no actor with id {', '.join(map(repr, unknown))}")
        if list(change.targets) != [t.actor_id for t in event.targets]:
            moved = replace(event, targets=tuple(actors[t] for t in dict.fromkeys(change.targets)))
            after["targets"] = event_fields(moved, ["targets"])["targets"]
    if change.date_given:
        try:
            value = check_date(change.date) if change.date is not None else None
        except ValueError as exc:
            raise ReviewError(f"date: {exc}") from None
        dated = replace(event, date=day_date(value, event.date))
        if dated.date != event.date:
            after["date"] = event_fields(dated, ["date"])["date"]
    if not after:
        raise ReviewError("nothing to change: give a type, source, targets or date that differ")
    return after


def _reason(reason: str) -> str:
    """The reason, trimmed (line breaks and tabs as spaces); none, a blank one or one
    with control characters is a 422."""
    text = " ".join((reason or "").split())
    if not text:
        raise ReviewError("reason: say why the record is corrected")
    if len(text) > _MAX_REASON:
        raise ReviewError(f"reason: at most {_MAX_REASON} characters")
    if _CONTROL.search(text):
        raise ReviewError("reason: holds a control character")
    return text


def has_control(value: str) -> bool:
    """Whether a value holds a control character (no stored id or name does)."""
    return bool(_CONTROL.search(value))


def _ids(what: str, *idents: str) -> None:
    """An id with control characters names nothing (404), before any database sees it."""
    for ident in idents:
        if _CONTROL.search(ident):
            raise ReviewError(f"no {what} with id {ident[:80]!r}", 404)


Maker = Callable[[str | None, str, dict[str, object], dict[str, object]], Correction]


def _new(record: str, record_id: str, who: str, when: str, reason: str) -> Maker:
    """A maker of corrections of one record by one analyst at one time."""

    def make(
        doc_id: str | None, action: str, before: dict[str, object], after: dict[str, object]
    ) -> Correction:
        return Correction(
            correction_id="c" + uuid.uuid4().hex[:16],
            record=record,
            record_id=record_id,
            doc_id=doc_id,
            action=action,
            who=who,
            made_at=when,
            reason=reason,
            before=before,
            after=after,
        )

    return make


def _file(store: SQLiteStore, event: Event) -> str:
    return store.files_of([event.evidence.doc_id]).get(event.evidence.doc_id, "")


def _members(store: SQLiteStore, story_id: str) -> tuple[str, ...]:
    story = store.story(story_id)
    return story.event_ids if story else ()


def _relink_with(store: SQLiteStore, event_ids: Sequence[str]) -> None:
    """Link again the stories of these events' articles."""
    docs = {e.evidence.doc_id for e in store.events_in(event_ids=event_ids)}
    relink(store, docs)
