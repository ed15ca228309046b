"""One text-length policy: a text longer than the model takes is parsed in pieces cut
between paragraphs, joined into one Doc whose offsets point into the whole text; the
pipeline, the batch around it and the API never fail for a text's length."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.actors import ActorRegistry
from storyline.config import Settings
from storyline.nlp.pieces import parse_text, parse_texts, pieces
from storyline.pipeline import Resources, analyse_batch, ingest, process_article
from storyline.records import IngestStatus
from storyline.store import open_store
from tests.conftest import make_article
from tests.longtext import long_article, paragraph

# Paragraphs of our own wording for the cut rules (no model needed).
HARBOUR = "The harbour reopened after the storm. Ferries left at dawn."
MARKET = "Traders in the old market said prices of rice had doubled."
COUNCIL = "The council met on Friday and approved the new budget."


@pytest.mark.parametrize(
    ("text", "most", "first"),
    [
        (f"{HARBOUR}\n\n{MARKET}\n\n{COUNCIL}", 130, f"{HARBOUR}\n\n{MARKET}\n\n"),
        (f"{HARBOUR}\n{MARKET}\n{COUNCIL}", 130, f"{HARBOUR}\n{MARKET}\n"),
        (f"{HARBOUR} {MARKET} {COUNCIL}", 130, f"{HARBOUR} {MARKET} "),
        (f"{HARBOUR}\n\n{MARKET} {COUNCIL}", 150, f"{HARBOUR}\n\n{MARKET} "),
    ],
)
def test_a_long_text_is_cut_after_the_best_break_that_fits(
    text: str, most: int, first: str
) -> None:
    parts = pieces(text, most)

    assert "".join(parts) == text
    assert parts[0] == first
    assert all(len(p) <= most for p in parts)


@pytest.mark.parametrize(
    ("text", "most"),
    [("x" * 1000, 300), ("word " * 400, 120), (long_article(20_000), 3000), ("short", 10)],
)
def test_pieces_join_back_into_the_text_and_fit(text: str, most: int) -> None:
    parts = pieces(text, most)

    assert "".join(parts) == text
    assert all(0 < len(p) <= most for p in parts)
    assert all(len(p) > most // 2 for p in parts[:-1])  # no needless small pieces


@contextmanager
def model_limit(resources: Resources, chars: int) -> Iterator[None]:
    """The session's model with a lower max_length, as if texts were that much longer."""
    before = resources.nlp.max_length
    resources.nlp.max_length = chars
    try:
        yield
    finally:
        resources.nlp.max_length = before


@pytest.mark.slow
def test_a_text_over_the_models_limit_is_one_doc_with_offsets_into_it(
    resources: Resources,
) -> None:
    text = long_article(9_000)

    with model_limit(resources, 2_500):
        doc = parse_text(resources.nlp, text)

    assert doc.text == text
    assert len(pieces(text, 2_500)) >= 4
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)
    assert "Amara Okafor" in {e.text for e in doc.ents if e.label_ == "PERSON"}
    # No sentence runs over a cut: each lies within one paragraph.
    assert all("\n\n" not in s.text.strip() for s in doc.sents)


@pytest.mark.slow
def test_texts_of_mixed_lengths_come_back_in_order(resources: Resources) -> None:
    texts = [paragraph(3), long_article(6_000), paragraph(8), long_article(4_000)]

    with model_limit(resources, 1_500):
        docs = list(parse_texts(resources.nlp, texts, batch_size=3))

    assert [d.text for d in docs] == texts


@pytest.mark.slow
def test_a_long_article_is_analysed_with_evidence_in_the_full_text(
    resources: Resources,
) -> None:
    article = make_article(long_article(8_000), "long-1", published="2024-06-01")

    with model_limit(resources, 2_000):
        result = process_article(article, resources)

    text = article.text
    assert result.events and result.quotes
    late = [e for e in result.events if e.evidence.start > 4_000]
    assert late, "events past the first pieces are found"
    for fact in (*result.events, *result.quotes):
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
    assert result.parsed.sentences[-1].end <= len(text)


@pytest.mark.slow
def test_a_long_article_in_a_batch_costs_none_of_the_others(resources: Resources) -> None:
    good = [make_article(paragraph(k), f"good-{k}") for k in (1, 2)]
    long = make_article(long_article(7_000), "long-2")

    with model_limit(resources, 2_000):
        answers = analyse_batch([good[0], long, good[1]], resources, ActorRegistry())

    assert [a.article.doc_id for a in answers] == ["good-1", "long-2", "good-2"]
    assert all(a.failure is None and a.result is not None for a in answers)


@pytest.mark.slow
def test_ingest_stores_a_long_article_and_the_good_ones_beside_it(
    resources: Resources, tmp_path: Path
) -> None:
    settings = Settings(db=str(tmp_path / "long.db"))
    articles = [
        make_article(paragraph(5), "good-5"),
        make_article(long_article(10_000), "long-3"),
        make_article(paragraph(6), "good-6"),
    ]
    store = open_store(settings.db)
    try:
        with model_limit(resources, 3_000):
            summary = ingest(articles, store, resources, settings)
        stored = store.article("long-3")
    finally:
        store.close()

    assert summary.counts[IngestStatus.INGESTED] == 3 and summary.failed == 0
    assert stored is not None and stored.text == articles[1].text


@pytest.mark.slow
def test_the_api_ingests_a_long_article_as_json(resources: Resources, tmp_path: Path) -> None:
    from tests.api.conftest import TOKEN, fresh_app

    client = TestClient(fresh_app(tmp_path / "api.db", resources, api_token=TOKEN))
    body = {"id": "long-api", "text": long_article(6_000), "published": "2024-06-01"}

    with model_limit(resources, 2_000):
        response = client.post(
            "/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"}
        )

    assert response.status_code == 201, response.text
    assert response.json() == {"doc_id": "long-api", "status": "ingested"}
    events = client.get("/api/events", params={"doc_id": "long-api", "limit": 500}).json()
    assert events["total"] > 0
    assert all(
        body["text"][e["evidence"]["start"] : e["evidence"]["end"]] == e["evidence"]["text"]
        for e in events["items"]
    )
