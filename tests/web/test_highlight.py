"""Cutting an article's text into flat, highlighted segments by character offsets."""

from __future__ import annotations

from markupsafe import escape

from storyline.web.highlight import Span, segments
from storyline.web.templating import environment

TEXT = 'Kurti said "talks <b>will</b> go on" in Brussels.'


def test_segments_give_back_the_text_exactly() -> None:
    spans = [
        Span(start=0, end=5, kind="actor", label="actor: Albin Kurti"),
        Span(start=11, end=36, kind="quote"),
        Span(start=0, end=49, kind="event"),
    ]
    assert "".join(s.text for s in segments(TEXT, spans)) == TEXT


def test_overlapping_spans_become_flat_segments_with_every_covering_kind() -> None:
    spans = [
        Span(start=0, end=20, kind="event", label="event"),
        Span(start=11, end=36, kind="quote", label="quote"),
    ]
    cut = segments(TEXT, spans)
    assert [(s.text, s.kinds) for s in cut] == [
        (TEXT[0:11], ("event",)),
        (TEXT[11:20], ("event", "quote")),
        (TEXT[20:36], ("quote",)),
        (TEXT[36:], ()),
    ]
    assert cut[1].title == "event; quote"
    assert cut[1].classes == "hl-event hl-quote"


def test_each_span_start_is_an_anchor_even_after_trimming_whitespace() -> None:
    text = "One.\n\n  Two words here.\n"
    spans = [Span(start=4, end=24, kind="event"), Span(start=8, end=11, kind="actor")]
    cut = segments(text, spans)
    two = next(s for s in cut if s.text.startswith("Two"))
    assert two.anchors == ("c4", "c8")  # the event's own start was whitespace
    assert all(not s.kinds for s in cut if s.text.isspace())


def test_spans_outside_the_text_are_clipped_or_dropped() -> None:
    spans = [
        Span(start=-5, end=5, kind="actor"),
        Span(start=40, end=500, kind="quote"),
        Span(start=70, end=80, kind="event"),
        Span(start=9, end=9, kind="event"),
    ]
    cut = segments(TEXT, spans)
    assert "".join(s.text for s in cut) == TEXT
    assert cut[0].text == "Kurti" and cut[0].kinds == ("actor",)
    assert cut[-1].kinds == ("quote",) and cut[-1].text == TEXT[40:]
    assert not any("event" in s.kinds for s in cut)


def test_markup_in_the_text_is_escaped_in_every_segment() -> None:
    spans = [Span(start=11, end=25, kind="quote", label='<i onmouseover="x">')]
    env = environment()
    html = env.from_string(
        '{% for s in segs %}<span class="{{ s.classes }}" title="{{ s.title }}">'
        "{{ s.text }}</span>{% endfor %}"
    ).render(segs=segments(TEXT, spans))
    assert "<b>" not in html and "<i " not in html
    assert str(escape("<b>")) in html and "&lt;i onmouseover=&#34;x&#34;&gt;" in html
