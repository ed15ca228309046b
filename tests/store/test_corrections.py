"""Analysts' corrections in the store (both backends): kept with who, when, why, before
and after; applied again when the article is ingested again and when stories are
linked again; undone back to the original."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.errors import ReviewError
from storyline.export import export
from storyline.records import IngestStatus
from storyline.review import Correction, apply_corrections
from storyline.reviewing import (
    EventChange,
    correct_event,
    merge_actor,
    move_event,
    split_story,
    undo,
)
from storyline.store import SQLiteStore
from storyline.stories import relink
from tests.review_data import HARBOUR, TEXTS, WHEN, WHO, event_of, ingest_reports


@pytest.fixture
def stored(store: SQLiteStore, settings: Settings) -> SQLiteStore:
    """The four reports ingested and linked: a, b and c tell one meeting; d another act."""
    summary = ingest_reports(store, settings, *TEXTS)
    assert summary.counts[IngestStatus.INGESTED] == 4, summary.failures
    return store


def story_of(store: SQLiteStore, event_id: str) -> set[str]:
    """The events sharing a story with this one (itself included)."""
    event = store.event(event_id)
    assert event is not None and event.story_id is not None
    story = store.story(event.story_id)
    assert story is not None
    return set(story.event_ids)


def test_the_reports_of_one_meeting_share_a_story_before_any_correction(
    stored: SQLiteStore,
) -> None:
    assert story_of(stored, "e-report-a") == {"e-report-a", "e-report-b", "e-report-c"}
    assert story_of(stored, "e-report-d") == {"e-report-d"}


def test_a_retyped_event_is_stored_reviewed_with_who_when_why_before_and_after(
    stored: SQLiteStore,
) -> None:
    change = EventChange(reason="  the envoy was summoned,\n not met ", type="coerce")
    made = correct_event(stored, "e-report-a", change, WHO, WHEN)
    event = stored.event("e-report-a")
    assert event is not None and event.type == "COERCE" and event.reviewed
    assert event.quad == "material_conflict" and event.cameo is None and event.mode is None
    (listed,) = stored.correction_page(record_id="e-report-a").items
    assert listed == made
    assert (listed.who, listed.made_at, listed.action) == (WHO, WHEN, "edit")
    assert listed.reason == "the envoy was summoned, not met"
    assert listed.before["type"] == "CONSULT" and listed.after["type"] == "COERCE"
    assert listed.before["cameo"] == "040"
    assert not stored.event("e-report-b").reviewed  # type: ignore[union-attr]


def test_a_correction_survives_the_same_article_ingested_again(
    stored: SQLiteStore, settings: Settings
) -> None:
    correct_event(
        stored,
        "e-report-a",
        EventChange(reason="wrong day", date="2026-05-05", date_given=True),
        WHO,
        WHEN,
    )
    again = ingest_reports(stored, settings, "report-a", title="A new headline")
    assert again.counts[IngestStatus.UPDATED] == 1  # analysed and saved anew
    event = stored.event("e-report-a")
    assert event is not None and event.reviewed
    assert event.date is not None and event.date.value == "2026-05-05"
    unchanged = ingest_reports(stored, settings, "report-a", title="A new headline")
    assert unchanged.counts[IngestStatus.UNCHANGED] == 1
    assert stored.event("e-report-a").date.value == "2026-05-05"  # type: ignore[union-attr]


def test_a_rejected_event_stays_out_after_reingest_and_relink(
    stored: SQLiteStore, settings: Settings
) -> None:
    correct_event(stored, "e-report-b", EventChange(reason="a rumour", rejected=True), WHO, WHEN)
    assert stored.event("e-report-b") is None
    assert story_of(stored, "e-report-a") == {"e-report-a", "e-report-c"}
    ingest_reports(stored, settings, "report-b", title="Retitled")
    relink(stored)
    assert stored.event("e-report-b") is None
    assert all("e-report-b" not in s.event_ids for s in stored.stories())
    correct_event(stored, "e-report-b", EventChange(reason="confirmed", rejected=False), WHO, WHEN)
    back = stored.event("e-report-b")
    assert back is not None and back.reviewed and back.type == "CONSULT"
    assert story_of(stored, "e-report-a") == {"e-report-a", "e-report-b", "e-report-c"}


def test_undo_puts_the_original_back(stored: SQLiteStore, settings: Settings) -> None:
    original = stored.event("e-report-c")
    made = correct_event(
        stored,
        "e-report-c",
        EventChange(reason="the guild hosted it", source="o-harbour"),
        WHO,
        WHEN,
    )
    assert stored.event("e-report-c").source.actor_id == "o-harbour"  # type: ignore[union-attr]
    undone = undo(stored, made.correction_id, "analyst-2", "2026-12-03T11:00:00.000000Z")
    assert undone.undone_by == "analyst-2" and not undone.live
    back = stored.event("e-report-c")
    assert back is not None and back == replace(original, story_id=back.story_id)
    assert not back.reviewed
    ingest_reports(stored, settings, "report-c", title="After the undo")
    assert stored.event("e-report-c").source.actor_id == "p-ilven"  # type: ignore[union-attr]
    with pytest.raises(ReviewError) as again:
        undo(stored, made.correction_id, WHO, WHEN)
    assert again.value.status == 409


def test_undoing_a_rejection_restores_the_event(stored: SQLiteStore) -> None:
    made = correct_event(stored, "e-report-d", EventChange(reason="spam", rejected=True), WHO, WHEN)
    assert stored.event("e-report-d") is None
    undo(stored, made.correction_id, WHO, WHEN)
    back = stored.event("e-report-d")
    assert back is not None and back.type == "ACCUSE" and not back.reviewed
    assert stored.actor("o-harbour") is not None


def test_a_moved_event_stays_in_its_story_through_relinking(stored: SQLiteStore) -> None:
    story_id = stored.event("e-report-a").story_id  # type: ignore[union-attr]
    made = move_event(stored, "e-report-d", story_id, "the same quarrel", WHO, WHEN)
    assert story_of(stored, "e-report-d") == {f"e-report-{x}" for x in "abcd"}
    relink(stored)
    assert story_of(stored, "e-report-d") == {f"e-report-{x}" for x in "abcd"}
    relink(stored, {"report-a"})
    assert story_of(stored, "e-report-d") == {f"e-report-{x}" for x in "abcd"}
    undo(stored, made.correction_id, WHO, WHEN)
    assert story_of(stored, "e-report-d") == {"e-report-d"}


def test_a_split_story_stays_split_after_reingest_and_relink(
    stored: SQLiteStore, settings: Settings
) -> None:
    story_id = stored.event("e-report-a").story_id  # type: ignore[union-attr]
    made = split_story(stored, story_id, ["e-report-c"], "a second meeting", WHO, WHEN)
    assert [c.action for c in made] == ["split"]
    assert story_of(stored, "e-report-c") == {"e-report-c"}
    assert story_of(stored, "e-report-a") == {"e-report-a", "e-report-b"}
    ingest_reports(stored, settings, "report-c", "report-a", title="Once more")
    relink(stored)
    assert story_of(stored, "e-report-c") == {"e-report-c"}
    assert story_of(stored, "e-report-a") == {"e-report-a", "e-report-b"}


@pytest.mark.parametrize(
    ("event_id", "change", "status", "words"),
    [
        ("e-nowhere", EventChange(reason="x", type="AID"), 404, "no event"),
        ("e-report\x00a", EventChange(reason="x", type="AID"), 404, "no event"),
        ("e-report-a", EventChange(reason="why\x00", type="AID"), 422, "control character"),
        ("e-report-a", EventChange(reason="   ", type="AID"), 422, "reason"),
        ("e-report-a", EventChange(reason="why", type="HUG"), 422, "unknown PLOVER type"),
        ("e-report-a", EventChange(reason="why", source="p-nobody"), 422, "no actor"),
        ("e-report-a", EventChange(reason="why", date="May", date_given=True), 422, "date"),
        ("e-report-a", EventChange(reason="why", type="consult"), 422, "nothing to change"),
        ("e-report-a", EventChange(reason="why", rejected=False), 409, "not rejected"),
        ("e-report-a", EventChange(reason="why", rejected=True, type="AID"), 422, "own"),
    ],
)
def test_a_correction_that_cannot_be_made_says_why_and_changes_nothing(
    stored: SQLiteStore, event_id: str, change: EventChange, status: int, words: str
) -> None:
    before = stored.event("e-report-a")
    with pytest.raises(ReviewError) as refused:
        correct_event(stored, event_id, change, WHO, WHEN)
    assert refused.value.status == status and words in str(refused.value)
    assert stored.event("e-report-a") == before
    assert stored.correction_page().total == 0


def test_corrections_page_newest_first_filtered_by_record_and_state(stored: SQLiteStore) -> None:
    first = correct_event(stored, "e-report-a", EventChange(reason="1", type="AID"), WHO, WHEN)
    later = "2026-12-03T12:00:00.000000Z"
    second = correct_event(stored, "e-report-b", EventChange(reason="2", type="AID"), WHO, later)
    page = stored.correction_page(limit=1)
    assert page.total == 2 and [c.correction_id for c in page.items] == [second.correction_id]
    assert stored.correction_page(limit=1, offset=1).items[0].correction_id == first.correction_id
    undo(stored, first.correction_id, WHO, later)
    assert [c.correction_id for c in stored.correction_page(live=True).items] == [
        second.correction_id
    ]
    assert stored.correction_page(live=False).items[0].undone_at == later
    assert stored.correction_page(record_id="e-report-c").total == 0
    assert [c.correction_id for c in stored.iter_corrections()] == [
        first.correction_id,
        second.correction_id,
    ]


def test_apply_corrections_follows_the_order_they_were_made() -> None:
    event = event_of("report-a")

    def made(n: int, action: str, after: dict) -> Correction:
        return Correction(
            correction_id=f"c{n}",
            record="event",
            record_id=event.event_id,
            doc_id="report-a",
            action=action,
            who=WHO,
            made_at=WHEN,
            reason="r",
            after=after,
        )

    rejected = [made(1, "reject", {"rejected": True})]
    assert apply_corrections([event], rejected) == []
    restored = [*rejected, made(2, "restore", {"rejected": False})]
    assert apply_corrections([event], restored) == [replace(event, reviewed=True)]
    retyped = [made(3, "edit", {"type": "AID"}), made(4, "edit", {"type": "REJECT"})]
    (out,) = apply_corrections([event], retyped)
    assert out.type == "REJECT" and out.reviewed
    undone = replace(retyped[1], undone_at=WHEN)
    assert apply_corrections([event], [retyped[0], undone])[0].type == "AID"
    assert apply_corrections([event], []) == [event]


def test_the_export_carries_the_reviewed_flag_and_the_corrections_file(
    stored: SQLiteStore, tmp_path: Path
) -> None:
    made = correct_event(
        stored, "e-report-a", EventChange(reason="a threat", type="THREATEN"), WHO, WHEN
    )
    correct_event(stored, "e-report-d", EventChange(reason="noise", rejected=True), WHO, WHEN)
    counts = export(stored, tmp_path / "out")
    assert counts["corrections"] == 2
    events = {
        r["event_id"]: r
        for r in map(json.loads, (tmp_path / "out" / "events.jsonl").read_text().splitlines())
    }
    assert events["e-report-a"]["reviewed"] is True and events["e-report-a"]["type"] == "THREATEN"
    assert events["e-report-b"]["reviewed"] is False and "e-report-d" not in events
    lines = (tmp_path / "out" / "corrections.jsonl").read_text().splitlines()
    first = json.loads(lines[0])
    assert first["correction_id"] == made.correction_id
    assert (first["who"], first["when"], first["reason"]) == (WHO, WHEN, "a threat")
    assert first["before"]["type"] == "CONSULT" and first["after"]["type"] == "THREATEN"
    assert json.loads(lines[1])["before"]["event"]["event_id"] == "e-report-d"
    export(stored, tmp_path / "csv", "csv")
    assert (tmp_path / "csv" / "corrections.csv").read_text().startswith("correction_id,record,")


def test_a_merged_actor_stays_merged_after_reingest_and_undo_restores_it(
    stored: SQLiteStore, settings: Settings
) -> None:
    made = merge_actor(stored, "o-harbour", "p-ilven", "the guild spoke for Ilven", WHO, WHEN)
    assert stored.actor("o-harbour") is None
    assert stored.event("e-report-d").source.actor_id == "p-ilven"  # type: ignore[union-attr]
    assert [m.actor_id for m in stored.actor_mentions(doc_id="report-d")].count("p-ilven") == 1
    assert made.before["snapshot"]["events"] == [["e-report-d", "o-harbour", '["p-ruud"]']]
    ingest_reports(stored, settings, "report-d", title="Guild again")
    assert stored.actor("o-harbour") is None
    assert stored.event("e-report-d").source.actor_id == "p-ilven"  # type: ignore[union-attr]
    undone = undo(stored, made.correction_id, WHO, WHEN)
    assert not undone.live
    assert stored.actor("o-harbour") == HARBOUR
    assert stored.event("e-report-d").source.actor_id == "o-harbour"  # type: ignore[union-attr]
    names = {m.evidence.text: m.actor_id for m in stored.actor_mentions(doc_id="report-d")}
    assert names == {"Harbour Guild": "o-harbour", "Ruud": "p-ruud"}


@pytest.mark.parametrize(
    ("old", "into", "status"),
    [("o-none", "p-ilven", 404), ("o-harbour", "p-none", 404), ("p-ruud", "p-ruud", 422)],
)
def test_a_merge_that_cannot_be_made_says_why(
    stored: SQLiteStore, old: str, into: str, status: int
) -> None:
    with pytest.raises(ReviewError) as refused:
        merge_actor(stored, old, into, "why", WHO, WHEN)
    assert refused.value.status == status
    assert stored.correction_page().total == 0
