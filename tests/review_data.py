"""Four short reports of my own wording for the review tests, and a mapper standing in
for the NLP stages so that they run through the real ingest writer without spaCy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from storyline.config import Settings
from storyline.pipeline import Analysed, IngestSummary, ingest
from storyline.records import (
    Actor,
    ActorKind,
    ActorMention,
    Article,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
)
from storyline.store import SQLiteStore
from tests.conftest import make_article, make_result

ILVEN = Actor(
    actor_id="p-ilven", name="Mara Ilven", kind=ActorKind.PERSON, country="EST", sector="GOV"
)
RUUD = Actor(
    actor_id="p-ruud", name="Tomas Ruud", kind=ActorKind.PERSON, country="LVA", sector="GOV"
)
HARBOUR = Actor(actor_id="o-harbour", name="Harbour Guild", kind=ActorKind.ORG, country="EST")

TEXTS = {
    "report-a": "Tallinn, 4 May 2026: Foreign minister Mara Ilven met the envoy Tomas Ruud "
    "on Monday to settle the quarrel over fishing rights.",
    "report-b": "Mara Ilven and Tomas Ruud held talks on 4 May 2026, officials said, and "
    "both called the fishing quarrel close to settled.",
    "report-c": "On 4 May 2026 Ilven received Ruud for a meeting about fishing rights, a "
    "ministry statement said.",
    "report-d": "The Harbour Guild accused Tomas Ruud on 9 May 2026 of blocking the boats.",
}
WHO, WHEN = "analyst-1", "2026-12-03T10:00:00.000000Z"


def article(doc_id: str, title: str | None = None) -> Article:
    """One of the test reports."""
    return make_article(TEXTS[doc_id], doc_id, title=title, published="2026-05-04")


def event_of(doc_id: str) -> Event:
    """What the 'analysis' finds in a report: a meeting, or for report-d an accusation."""
    text = TEXTS[doc_id]
    kind, source, targets, day = "CONSULT", ILVEN, (RUUD,), "2026-05-04"
    if doc_id == "report-d":
        kind, source, targets, day = "ACCUSE", HARBOUR, (RUUD,), "2026-05-09"
    return Event(
        event_id=f"e-{doc_id}",
        type=kind,
        source=source,
        targets=targets,
        evidence=Evidence(doc_id=doc_id, start=0, end=len(text), text=text),
        date=EventDate(value=day, precision=DatePrecision.DAY, text=day),
        quad="verbal_cooperation" if kind == "CONSULT" else "verbal_conflict",
        cameo="040" if kind == "CONSULT" else "112",
        mode="visit" if kind == "CONSULT" else None,
    )


@dataclass(frozen=True)
class Analysis:
    """A mapper standing in for the NLP stages: each report gives its one event."""

    def map(self, batches: Iterable[list[Article]], known: object) -> Iterator[Analysed]:
        """Each article's made-up result, in order."""
        for batch in batches:
            for a in batch:
                result = make_result(
                    a,
                    actors=(ILVEN, RUUD, HARBOUR),
                    actor_mentions=mentions_of(a),
                    events=(event_of(a.doc_id),),
                )
                yield Analysed(a, result=result)


NAMES = {"Harbour Guild": HARBOUR, "Ilven": ILVEN, "Ruud": RUUD}


def mentions_of(article: Article) -> tuple[ActorMention, ...]:
    """Every mention of the test actors' names in a report."""
    found = []
    for name, actor in NAMES.items():
        at = article.text.find(name)
        while at >= 0:
            ev = Evidence(doc_id=article.doc_id, start=at, end=at + len(name), text=name)
            found.append(ActorMention(actor_id=actor.actor_id, evidence=ev))
            at = article.text.find(name, at + 1)
    return tuple(found)


def ingest_reports(
    store: SQLiteStore, settings: Settings, *docs: str, title: str | None = None
) -> IngestSummary:
    """Ingest reports through the real writer (its corrections step), not the NLP."""
    items = [article(d, title) for d in docs]
    return ingest(items, store, None, settings, mapper=Analysis())
