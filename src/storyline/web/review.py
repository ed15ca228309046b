"""The review pages: one event with its corrections beside it and, for a token holder,
a small form to reject or restore it or correct its type or date with a reason, and
to undo a correction.

The forms post the server's token in a field (the page never stores it); the token is
checked as the API checks it, and every change goes through `storyline.reviewing`, the
same code as the API's. A refused change gives the page back with the reason.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from storyline.errors import ReviewError
from storyline.query import plover_types
from storyline.records import Event
from storyline.review import Correction, actor_from_json, date_from_json, event_from_record
from storyline.reviewing import (
    DEFAULT_WHO,
    EventChange,
    correct_event,
    has_control,
    now,
    rejected_record,
    undo,
)
from storyline.service import ReadStore, State, token_refusal
from storyline.store import SQLiteStore, open_store
from storyline.web.templating import render

router = APIRouter(include_in_schema=False)
_MAX_FORM = 20_000  # bytes of a review form: a reason and a few fields
# Fields a correction changes along with others, not shown on their own.
_SHOWN_WITH_TYPE = frozenset({"quad", "score", "cameo", "mode", "story_id"})


def event_url(event_id: str) -> str:
    """The review page of an event."""
    return "/events/" + quote(event_id, safe="")


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, store: ReadStore, state: State) -> HTMLResponse:
    """One event (or the record of a rejected one), its corrections and the review form."""
    return _event_page(store, event_id, state.settings.api_token is not None)


@router.post("/events/{event_id}/review", response_class=HTMLResponse)
async def review_event(event_id: str, request: Request, state: State) -> Response:
    """Apply the review form: reject, restore or correct type and date, with a reason."""
    form = await _form(request)
    action = form.get("action", "edit")
    change = EventChange(
        reason=form.get("reason", ""),
        type=(form.get("type") or None) if action == "edit" else None,
        date=(form.get("date") or None) if action == "edit" else None,
        date_given=action == "edit" and bool(form.get("date") or form.get("clear_date")),
        rejected={"reject": True, "restore": False}.get(action),
    )
    return _write(state, form, event_id, lambda s: correct_event(s, event_id, change, *_by(state)))


@router.post("/corrections/{correction_id}/undo", response_class=HTMLResponse)
async def undo_page(correction_id: str, request: Request, state: State) -> Response:
    """Undo a correction from the page of its event."""
    form = await _form(request)
    event_id = form.get("event_id", "")
    return _write(state, form, event_id, lambda s: undo(s, correction_id, *_by(state)))


def _by(state: Any) -> tuple[str, str]:
    """Who makes a change (the server's one token carries no name) and when."""
    return DEFAULT_WHO, now()


def _write(state: Any, form: dict[str, str], event_id: str, change: Any) -> Response:
    """Check the form's token, make the change; back to the event's page (303), or the
    page again with what was wrong."""
    refusal = token_refusal(state.settings.api_token, "Bearer " + form.get("token", ""))
    status, problem = (refusal.status, refusal.message) if refusal else (200, "")
    if refusal is None:
        with state.write_lock:
            store = open_store(state.settings.db)
            try:
                change(store)
            except ReviewError as exc:
                status, problem = exc.status, str(exc)
            finally:
                store.close()
    if not problem:
        return RedirectResponse(event_url(event_id) + "#corrections", status_code=303)
    store = open_store(state.settings.db, read_only=True)
    try:
        return _event_page(store, event_id, state.settings.api_token is not None, problem, status)
    finally:
        store.close()


def _event_page(
    store: SQLiteStore, event_id: str, writable: bool, problem: str = "", status: int = 200
) -> HTMLResponse:
    known = not has_control(event_id)
    event: Event | None = store.event(event_id) if known else None
    snapshot = None if event or not known else rejected_record(store, event_id)
    if event is None and snapshot is None:
        return render(
            "error.html",
            404,
            heading="Event not found",
            message=f"There is no event with the id {event_id!r}.",
        )
    shown = event or event_from_record(snapshot or {})
    corrections = store.correction_page(record_id=event_id, limit=200).items
    return render(
        "event.html",
        status,
        page="events",
        problems=[problem] if problem else [],
        event=shown,
        rejected=event is None,
        corrections=corrections,
        changes=changes,
        types=sorted(plover_types()),
        writable=writable,
        story=store.story(shown.story_id) if shown.story_id else None,
    )


def changes(c: Correction) -> list[tuple[str, str, str]]:
    """What a correction changed, as (field, before, after) in words."""
    return [
        (name, _words(name, c.before.get(name)), _words(name, value))
        for name, value in c.after.items()
        if name not in _SHOWN_WITH_TYPE
    ]


def _words(name: str, value: Any) -> str:
    """A field's JSON value as a page shows it."""
    if value is None:
        return "none"
    if name == "source":
        return actor_from_json(value).name
    if name == "targets":
        return ", ".join(actor_from_json(v).name for v in value) or "none"
    if name == "date":
        date = date_from_json(value)
        return (date.value or " – ".join(date.window or ())) if date else "none"
    if name == "rejected":
        return "rejected" if value else "kept"
    return str(value)


async def _form(request: Request) -> dict[str, str]:
    """An URL-encoded form's fields (the first of each), read up to a small limit."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > _MAX_FORM:
            break
    fields = parse_qs(body[:_MAX_FORM].decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in fields.items()}
