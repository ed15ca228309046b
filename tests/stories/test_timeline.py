"""The timeline over stored stories: filters, background apart, and the three renderings."""

from __future__ import annotations

import json
import re

import pytest

from storyline.config import Settings
from storyline.pipeline import Resources, ingest
from storyline.store import SQLiteStore
from storyline.stories.timeline import (
    Timeline,
    build_timeline,
    render_html,
    render_json,
    render_text,
)
from tests.conftest import make_article

pytestmark = pytest.mark.slow

# 2024-01-24 was a Wednesday, 2023-12-07 a Thursday and 2023-06-09 a Friday.
WARSAW = make_article(
    "Ukrainian Foreign Minister Dmytro Kuleba met Polish Foreign Minister Radoslaw Sikorski in "
    "Warsaw on Wednesday. The two ministers discussed grain exports and air defence supplies. "
    "Kuleba said Kyiv counted on Warsaw to keep its border crossings open for trucks.",
    doc_id="warsaw",
    published="2024-01-25",
    outlet="Central Europe Today",
)
# Scraped text with markup left in it, as feeds sometimes deliver.
ATHENS = make_article(
    "Greek Prime Minister Kyriakos Mitsotakis met Turkish President Recep Tayyip Erdogan in "
    "Athens on Thursday, <b>the first such visit in six years</b>.<script>alert(1)</script> "
    "The two leaders signed a declaration on friendly relations. Erdogan said the two "
    "countries should settle their maritime dispute through dialogue.",
    doc_id="athens",
    published="2023-12-08",
    outlet="Aegean <b>Post</b>",
    title="<script>alert(1)</script>Erdogan in Athens",
)
BELGRADE = make_article(
    "Serbian President Aleksandar Vucic met Hungarian Prime Minister Viktor Orban in Belgrade "
    "on Friday. Vucic thanked Hungary for its support. The two leaders opened a new gas "
    "pipeline link between their countries. NATO bombed Serbia during the war in 1999, and "
    "Vucic said the country had not forgotten.",
    doc_id="belgrade",
    published="2023-06-10",
    outlet="Balkan Wire",
)
# No publication date and no date in the text: nothing places this meeting in time.
TBILISI = make_article(
    "Armenian Prime Minister Nikol Pashinyan met Georgian Prime Minister Irakli Kobakhidze in "
    "Tbilisi. The two leaders discussed rail links between their countries.",
    doc_id="tbilisi",
    outlet="Caucasus Monitor",
)


@pytest.fixture
def stored(resources: Resources, store: SQLiteStore, settings: Settings) -> SQLiteStore:
    """A store holding the four articles, ingested out of date order."""
    ingest([WARSAW, ATHENS, TBILISI, BELGRADE], store, resources, settings)
    return store


def dates(timeline: Timeline) -> dict[str, set[str | None]]:
    """Each section's story dates."""
    return {
        "news": {e.story.date for e in timeline.news},
        "background": {e.story.date for e in timeline.background},
        "undated": {e.story.date for e in timeline.undated},
    }


# -- filters ---------------------------------------------------------------------------------

BELGRADE_DAY, ATHENS_DAY, WARSAW_DAY = "2023-06-09", "2023-12-07", "2024-01-24"


@pytest.mark.parametrize(
    ("filters", "news", "background", "undated"),
    [
        pytest.param({}, {BELGRADE_DAY, ATHENS_DAY, WARSAW_DAY}, {"1999"}, {None}, id="none"),
        pytest.param({"actor": "Kuleba"}, {WARSAW_DAY}, set(), set(), id="actor-surname"),
        pytest.param({"actor": "sikorski"}, {WARSAW_DAY}, set(), set(), id="actor-any-case"),
        pytest.param({"actor": "Pashinyan"}, set(), set(), {None}, id="actor-undated"),
        pytest.param({"actor": "Lavrov"}, set(), set(), set(), id="actor-absent"),
        pytest.param({"country": "GRC"}, {ATHENS_DAY}, set(), set(), id="country"),
        pytest.param({"country": "srb"}, {BELGRADE_DAY}, {"1999"}, set(), id="country-any-case"),
        pytest.param({"since": "2023-12-01"}, {ATHENS_DAY, WARSAW_DAY}, set(), set(), id="since"),
        pytest.param({"until": "2023-12"}, {BELGRADE_DAY, ATHENS_DAY}, {"1999"}, set(), id="until"),
        pytest.param(
            {"since": "2023-12-01", "until": "2023-12-31"}, {ATHENS_DAY}, set(), set(), id="range"
        ),
        pytest.param(
            {"since": ATHENS_DAY, "until": ATHENS_DAY}, {ATHENS_DAY}, set(), set(), id="day"
        ),
        pytest.param({"actor": "Orban", "since": "2024-01-01"}, set(), set(), set(), id="both"),
    ],
)
def test_timeline_filters_by_actor_country_and_dates(
    stored: SQLiteStore,
    filters: dict[str, str],
    news: set[str],
    background: set[str],
    undated: set[None],
) -> None:
    timeline = build_timeline(stored, **filters)
    assert dates(timeline) == {"news": news, "background": background, "undated": undated}


@pytest.mark.parametrize(("actor", "country"), [("Kuleba", None), (None, "GRC")])
def test_every_entry_a_filter_keeps_has_that_participant(
    stored: SQLiteStore, actor: str | None, country: str | None
) -> None:
    timeline = build_timeline(stored, actor=actor, country=country)
    entries = [*timeline.news, *timeline.background, *timeline.undated]
    assert entries
    for entry in entries:
        if actor:
            assert any(actor in p.name for p in entry.participants)
        if country:
            assert country in {p.country for p in entry.participants}


# -- background --------------------------------------------------------------------------------


def test_a_war_in_1999_is_background_not_news(stored: SQLiteStore) -> None:
    timeline = build_timeline(stored)
    assert all(e.story.date >= "2023" for e in timeline.news)
    (bombing,) = [
        e for e in timeline.background if "SRB" in {p.country or p.actor_id for p in e.participants}
    ]
    assert bombing.story.date == "1999" and bombing.story.historical
    assert bombing.story.types == ("ASSAULT",)
    assert "NATO bombed Serbia" in bombing.events[0].evidence.text


def test_the_1999_bombing_is_the_only_background(stored: SQLiteStore) -> None:
    background = build_timeline(stored).background
    assert [e.story.title for e in background] == ["NATO attacks Serbia"]


def test_an_article_with_no_date_at_all_is_undated(stored: SQLiteStore) -> None:
    (entry,) = build_timeline(stored).undated
    assert entry.story.doc_ids == ("tbilisi",)
    assert {p.name for p in entry.participants} >= {"Nikol Pashinyan", "Irakli Kobakhidze"}


# -- renderings --------------------------------------------------------------------------------


def test_text_lists_news_in_date_order_then_background_then_undated(stored: SQLiteStore) -> None:
    text = render_text(build_timeline(stored))
    headings = [line for line in text.splitlines() if line.startswith("== ")]
    assert [h.split()[1] for h in headings] == ["News", "Background", "Undated"]
    news = text.split("== Background")[0]
    when = re.findall(r"^(\d{4}-\d{2}-\d{2}) ", news, flags=re.MULTILINE)
    assert when == sorted(when)
    assert set(when) == {BELGRADE_DAY, ATHENS_DAY, WARSAW_DAY}
    assert text.index("Kuleba") > text.index("Mitsotakis") > text.index("Vucic meets")


def test_text_of_an_empty_store_says_so(store: SQLiteStore) -> None:
    assert render_text(build_timeline(store)) == "Timeline: no stories yet"


def test_json_has_news_background_and_undated(stored: SQLiteStore) -> None:
    data = json.loads(json.dumps(render_json(build_timeline(stored))))
    assert set(data) == {"news", "background", "undated"}
    news_dates = [entry["date"] for entry in data["news"]]
    assert news_dates == sorted(news_dates) and WARSAW_DAY in news_dates
    assert {entry["date"] for entry in data["background"]} == {"1999"}
    assert [entry["date"] for entry in data["undated"]] == [None]
    for entry in data["news"]:
        for evidence in entry["evidence"]:
            source = {"warsaw": WARSAW, "athens": ATHENS, "belgrade": BELGRADE}[evidence["doc_id"]]
            assert source.text[evidence["start"] : evidence["end"]].strip() == evidence["text"]


def test_html_escapes_article_markup_and_loads_nothing(stored: SQLiteStore) -> None:
    page = render_html(build_timeline(stored))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the text is there, escaped
    assert "&lt;b&gt;" in page
    assert "<script" not in page.lower()
    assert "<b>" not in page.lower()
    assert not re.search(r"https?://|\bsrc\s*=|\bhref\s*=|url\(|@import", page, re.IGNORECASE)


def test_html_of_a_page_title_is_escaped(stored: SQLiteStore) -> None:
    page = render_html(build_timeline(stored), title="Aegean <i>talks</i>")
    assert "<i>" not in page and "Aegean &lt;i&gt;talks&lt;/i&gt;" in page


# -- pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 2, 3])
def test_timeline_pages_by_cursor_cut_the_whole_timeline_in_order(
    stored: SQLiteStore, size: int
) -> None:
    whole = build_timeline(stored)
    pages = [build_timeline(stored, limit=size)]
    while pages[-1].next:
        pages.append(build_timeline(stored, limit=size, after=pages[-1].next))

    for part in ("news", "background", "undated"):
        assert [e for p in pages for e in getattr(p, part)] == list(getattr(whole, part))
    sizes = (len(whole.news), len(whole.background), len(whole.undated))
    assert all(p.counts == whole.counts == sizes for p in pages) and min(sizes) > 0
    assert len(pages) == -(-whole.total // size)


def test_a_timeline_page_at_an_offset_reads_only_its_stories(stored: SQLiteStore) -> None:
    whole = build_timeline(stored)
    everything = [*whole.news, *whole.background, *whole.undated]

    page = build_timeline(stored, limit=2, offset=2)

    assert [*page.news, *page.background, *page.undated] == everything[2:4]
    assert page.total == len(everything) > 4 and page.offset == 2 and page.next is not None
    assert build_timeline(stored, limit=2, offset=len(everything) - 2).next is None
