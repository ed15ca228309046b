"""Lookups that keep an article's analysis linear in its length: stretches inside
quotation marks answered in log time, entities near a phrase found by bisection, and
evidence no longer than MAX_EVIDENCE even when a "sentence" runs on for pages."""

from __future__ import annotations

import random

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from storyline.events.code import MAX_EVIDENCE
from storyline.nlp.text import entities_over, ents_within
from storyline.pipeline import Resources, process_article
from storyline.quotes.marks import inside
from storyline.spans import Marks
from tests.conftest import make_article


@pytest.mark.parametrize(
    "spans",
    [
        [(10, 20), (30, 45), (60, 61)],
        [(0, 100), (10, 20), (50, 60)],  # nested
        [(70, 90), (5, 15), (12, 40)],  # unordered, overlapping
        [],
    ],
)
def test_marks_answer_as_a_scan_of_every_span_would(spans: list[tuple[int, int]]) -> None:
    marks = Marks(spans)
    rng = random.Random(7)

    assert list(marks) == spans
    for _ in range(500):
        start = rng.randint(-3, 110)
        end = start + rng.randint(0, 25)
        assert marks.covers(start, end) == any(s <= start and end <= e for s, e in spans)
        assert inside(start, marks) == any(s <= start < e for s, e in spans)


def _doc_with_entities() -> Doc:
    words = "Envoys from Ghana and Togo met the Mayor of Lome at the Port of Lome on Friday".split()
    doc = Doc(Vocab(), words=words)
    doc.ents = [
        Span(doc, 2, 3, label="GPE"),  # Ghana
        Span(doc, 4, 5, label="GPE"),  # Togo
        Span(doc, 9, 10, label="GPE"),  # Lome
        Span(doc, 12, 15, label="FAC"),  # Port of Lome
        Span(doc, 15, 17, label="DATE"),  # on Friday
    ]
    return doc


@pytest.mark.parametrize(
    ("start", "end"), [(0, 3), (2, 5), (8, 13), (9, 11), (13, 16), (0, 17), (5, 9)]
)
def test_entities_over_are_those_sharing_a_token(start: int, end: int) -> None:
    doc = _doc_with_entities()

    found = entities_over(doc, start, end)

    expected = [(e.start, e.end, e.label_) for e in doc.ents if e.end > start and e.start < end]
    assert found == expected
    within = [(e.start, e.end, e.label_) for e in ents_within(doc[start:end])]
    assert within == [(e.start, e.end, e.label_) for e in doc[start:end].ents]


@pytest.mark.slow
def test_an_event_in_a_very_long_sentence_keeps_short_evidence(resources: Resources) -> None:
    goods = ", ".join(
        f"{n} tonnes of {crop} for the {place} district"
        for n, crop, place in zip(
            range(40, 400, 9),
            ["maize", "sorghum", "beans", "rice", "millet", "cassava"] * 7,
            ["Gulu", "Lira", "Arua", "Soroti", "Mbale", "Kasese", "Hoima"] * 6,
            strict=False,
        )
    )
    text = (
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Kampala "
        f"on Tuesday to agree a shipment of {goods} and the two leaders signed a deal."
    )
    article = make_article(text, "long-sentence", published="2024-05-02")
    doc = resources.nlp(text)
    assert max(len(s.text) for s in doc.sents) > MAX_EVIDENCE  # the case under test

    result = process_article(article, resources)

    assert result.events
    for event in result.events:
        evidence = event.evidence
        assert len(evidence.text) <= MAX_EVIDENCE
        assert text[evidence.start : evidence.end] == evidence.text
    [meeting] = [e for e in result.events if e.type == "CONSULT"]
    assert "met Ugandan President" in meeting.evidence.text
