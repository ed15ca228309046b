"""The pipeline on real text: NLP pass, actors, batch ingest outcomes, atomicity."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline import pipeline
from storyline.config import Settings
from storyline.pipeline import Resources, ingest, process_article
from storyline.records import ActorKind, IngestFailure, IngestStatus
from storyline.store import SQLiteStore
from tests.conftest import make_article

pytestmark = pytest.mark.slow

MEETING = (
    "Kosovo Prime Minister Albin Kurti and Serbian President Aleksandar Vucic met in "
    "Brussels on Monday. The talks were hosted by Josep Borrell, the European Union's "
    "foreign policy chief. Serbia said it would study the proposal."
)
CLASH = (
    "Protesters clashed with NATO peacekeepers in the town of Zvecan on Monday, and "
    "dozens of soldiers were hurt. Kurti blamed Belgrade for the violence, while Vucic "
    "put the Serbian army on alert."
)


def test_nlp_pass_finds_sentences_and_entities_with_exact_offsets(resources: Resources) -> None:
    result = process_article(make_article(MEETING), resources)
    assert len(result.parsed.sentences) == 3
    for mention in result.parsed.mentions:
        ev = mention.evidence
        assert MEETING[ev.start : ev.end] == ev.text
    people = {m.evidence.text for m in result.parsed.mentions if m.label == "PERSON"}
    assert {"Albin Kurti", "Josep Borrell"} <= people


def test_named_actors_are_resolved_to_people_and_countries(resources: Resources) -> None:
    result = process_article(make_article(MEETING), resources)
    by_id = {a.actor_id: a for a in result.actors}
    assert by_id["albin-kurti"].kind is ActorKind.PERSON
    assert by_id["SRB"].kind is ActorKind.COUNTRY and by_id["SRB"].name == "Serbia"
    assert "Brussels" not in {a.name for a in result.actors}  # a city is a place, not an actor
    srb = [m for m in result.actor_mentions if m.actor_id == "SRB"]
    assert [m.evidence.text for m in srb] == ["Serbia"]


def run(items: list, store: SQLiteStore, resources: Resources, settings: Settings):
    seen: list[tuple[IngestStatus, object]] = []
    summary = ingest(items, store, resources, settings, lambda s, i: seen.append((s, i)))
    return summary, seen


def test_ingest_counts_new_unchanged_updated_and_near_duplicates(
    resources: Resources, store: SQLiteStore, settings: Settings
) -> None:
    meeting = make_article(MEETING, doc_id="m", published="2023-02-27")
    clash = make_article(CLASH, doc_id="c")
    summary, _ = run([meeting, clash, meeting], store, resources, settings)
    assert summary.counts[IngestStatus.INGESTED] == 2
    assert summary.counts[IngestStatus.UNCHANGED] == 1  # the same article twice in one batch
    summary, _ = run([meeting, replace(clash, published="2023-05-29")], store, resources, settings)
    assert (summary.counts[IngestStatus.UNCHANGED], summary.counts[IngestStatus.UPDATED]) == (1, 1)
    repost = make_article(MEETING + " (Reporting by the Balkan desk.)", doc_id="r")
    summary, _ = run([repost], store, resources, settings)
    assert summary.counts[IngestStatus.DUPLICATE] == 1
    assert store.article("r").duplicate_of == "m"
    assert store.article("c").published == "2023-05-29"


def test_failures_are_reported_and_the_batch_goes_on(
    resources: Resources, store: SQLiteStore, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.resolve_actors

    def fragile(doc, doc_id, *args):
        if doc_id == "bad":
            raise RuntimeError("stage bug")
        return real(doc, doc_id, *args)

    monkeypatch.setattr(pipeline, "resolve_actors", fragile)
    items = [
        IngestFailure(path="broken.jsonl", reason="malformed JSON line", line=3),
        make_article(CLASH, doc_id="bad"),
        make_article(MEETING, doc_id="good"),
    ]
    summary, seen = run(items, store, resources, settings)
    assert summary.failed == 2 and summary.counts[IngestStatus.INGESTED] == 1
    assert "analysis failed (RuntimeError('stage bug'))" in summary.failures[1].reason
    assert store.article("good") is not None and store.article("bad") is None
    assert [s for s, _ in seen].count(IngestStatus.FAILED) == 2


def test_interrupted_ingest_keeps_whole_articles_only(
    resources: Resources, store: SQLiteStore, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_insert = store._insert
    calls = {"actors": 0}

    def interrupting(table, row):
        if table == "actor_mentions" and row["doc_id"] == "second":
            calls["actors"] += 1
            if calls["actors"] == 2:
                raise KeyboardInterrupt  # the user presses Ctrl-C mid-article
        return real_insert(table, row)

    monkeypatch.setattr(store, "_insert", interrupting)
    first, second = make_article(MEETING, doc_id="first"), make_article(CLASH, doc_id="second")
    with pytest.raises(KeyboardInterrupt):
        run([first, second], store, resources, settings)
    assert store.article("first") is not None
    assert store.article("second") is None
    assert store.entity_mentions("second") == []
    assert all(m.evidence.doc_id == "first" for m in store.actor_mentions())
