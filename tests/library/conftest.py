"""Fixtures for the Python API's tests: a small store built from hand-made records (no
model needed), and the process's resource cache serving the session's resources."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.library import resources as library_resources
from storyline.library.resources import ResourceCache
from storyline.pipeline import Resources
from storyline.records import (
    Actor,
    ActorKind,
    ActorMention,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    Location,
    Quote,
    QuoteKind,
)
from storyline.store import open_store
from storyline.stories import relink
from tests.conftest import make_article, make_result

HALVORSEN = Actor(
    actor_id="mira-halvorsen",
    name="Mira Halvorsen",
    kind=ActorKind.PERSON,
    country="NOR",
    sector="GOV",
    role="Foreign Minister",
    aliases=("Halvorsen",),
)
AROLA = Actor(
    actor_id="jussi-arola", name="Jussi Arola", kind=ActorKind.PERSON, country="FIN", sector="GOV"
)
NORWAY = Actor(actor_id="NOR", name="Norway", kind=ActorKind.COUNTRY, country="NOR")
FINLAND = Actor(actor_id="FIN", name="Finland", kind=ActorKind.COUNTRY, country="FIN")
COUNCIL = Actor(actor_id="arctic-forum", name="Arctic Forum", kind=ActorKind.ORG, sector="IGO")

# Two short articles of our own, and what was "found" in them, by hand.
TEXT_A = (
    "Tromso, 6 May 2024: Mira Halvorsen met Jussi Arola on Monday to discuss fishing "
    'quotas. "We will not accept new limits," Halvorsen said. On Tuesday Norway accused '
    "Finland of stalling the talks."
)
TEXT_B = (
    "Arola agreed with Halvorsen on a joint patrol scheme in May, an aide said. The Arctic "
    "Forum consulted Norway and Finland about the plan."
)


def _ev(doc_id: str, text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(doc_id=doc_id, start=start, end=start + len(phrase), text=phrase)


def _day(value: str | None, precision: DatePrecision) -> EventDate | None:
    return EventDate(value=value, precision=precision, text=value) if value else None


EVENTS = {
    "doc-a": [
        ("ev-meet", "CONSULT", "verbal_cooperation", HALVORSEN, (AROLA,), "2024-05-06",
         "Mira Halvorsen met Jussi Arola on Monday"),
        ("ev-accuse", "ACCUSE", "verbal_conflict", NORWAY, (FINLAND,), "2024-05-07",
         "Norway accused Finland of stalling the talks"),
    ],
    "doc-b": [
        ("ev-agree", "AGREE", "verbal_cooperation", AROLA, (HALVORSEN,), "2024-05",
         "Arola agreed with Halvorsen on a joint patrol scheme"),
        ("ev-forum", "CONSULT", "verbal_cooperation", COUNCIL, (NORWAY, FINLAND), None,
         "The Arctic Forum consulted Norway and Finland"),
    ],
}  # fmt: skip


def _events(doc_id: str, text: str) -> list[Event]:
    return [
        Event(
            event_id=event_id,
            type=kind,
            quad=quad,
            source=source,
            targets=targets,
            evidence=_ev(doc_id, text, phrase),
            date=_day(day, DatePrecision.DAY if day and len(day) == 10 else DatePrecision.MONTH),
            location=Location(name="Tromso", country="NOR") if event_id == "ev-meet" else None,
            fatalities=None,
        )
        for event_id, kind, quad, source, targets, day, phrase in EVENTS[doc_id]
    ]


def _mentions(doc_id: str, text: str, names: dict[str, Actor]) -> list[ActorMention]:
    return [
        ActorMention(actor_id=actor.actor_id, evidence=_ev(doc_id, text, name))
        for name, actor in names.items()
    ]


def build_store(db: str) -> None:
    """Two articles with their events, quotes and mentions, linked into stories."""
    a = make_article(TEXT_A, doc_id="doc-a", published="2024-05-07", outlet="Polar Wire")
    b = make_article(TEXT_B, doc_id="doc-b", published="2024-05-20", outlet="North Desk")
    quote_a = Quote(
        quote_id="q-limits",
        evidence=_ev("doc-a", TEXT_A, "We will not accept new limits"),
        kind=QuoteKind.DIRECT,
        speaker=HALVORSEN,
        speaker_text="Halvorsen",
        cue="said",
    )
    quote_b = Quote(
        quote_id="q-aide",
        evidence=_ev("doc-b", TEXT_B, "Arola agreed with Halvorsen on a joint patrol scheme"),
        kind=QuoteKind.INDIRECT,
        speaker_text="an aide",
        via=("an aide",),
    )
    results = [
        make_result(
            a,
            actors=(HALVORSEN, AROLA, NORWAY, FINLAND),
            actor_mentions=tuple(
                _mentions(
                    "doc-a",
                    TEXT_A,
                    {"Mira Halvorsen": HALVORSEN, "Jussi Arola": AROLA, "Norway": NORWAY},
                )
            ),
            quotes=(quote_a,),
            events=tuple(_events("doc-a", TEXT_A)),
        ),
        make_result(
            b,
            actors=(HALVORSEN, AROLA, NORWAY, FINLAND, COUNCIL),
            actor_mentions=tuple(_mentions("doc-b", TEXT_B, {"Arola": AROLA})),
            quotes=(quote_b,),
            events=tuple(_events("doc-b", TEXT_B)),
        ),
    ]
    store = open_store(db)
    try:
        for result in results:
            store.save_result(result)
        relink(store)
    finally:
        store.close()


@pytest.fixture
def built_db(tmp_path: Path) -> str:
    """A SQLite store holding the two hand-made articles."""
    db = str(tmp_path / "built.db")
    build_store(db)
    return db


@pytest.fixture
def process_cache(
    resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[list[Settings], io.StringIO]]:
    """The process's resource cache replaced by one serving the session's resources (the
    model loads once for every test); yields the settings it loaded for and what it said."""
    asked: list[Settings] = []
    said = io.StringIO()

    def load(settings: Settings) -> Resources:
        asked.append(settings)
        return resources

    monkeypatch.setattr(library_resources, "PROCESS", ResourceCache(load=load, say=lambda: said))
    yield asked, said
