"""Full-text search in the store, on SQLite and PostgreSQL: words found in article text,
quote text and event evidence, ranked and paged, in step with every write and delete,
and no query (however hostile) an error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.records import (
    Actor,
    ActorKind,
    ArticleResult,
    Event,
    Evidence,
    Quote,
    QuoteKind,
)
from storyline.store import Store, open_store
from storyline.store.search import SearchPage, search_terms
from storyline.store.synthetic import grow_store
from tests.conftest import make_article, make_result
from tests.store.conftest import SQLITE_ONLY, patch_migrations

HARBOUR = (
    "Dockworkers in Valparaiso walked off the job on Monday. "
    '"We will not unload another ship until the wages are paid," the union leader said. '
    "The port authority accused the union of blocking relief cargo."
)
GLACIER = (
    "Scientists measuring the Tasman glacier reported a record retreat this summer. "
    "Farmers downstream fear the meltwater will flood their pastures."
)
ASSEMBLY = (
    "The regional assembly in Tromso voted to fund a new ferry line. "
    "Harbour officials welcomed the ferry decision and promised new moorings."
)
UNION = Actor(actor_id="a-union", name="Dockworkers' union", kind=ActorKind.ORG, country="CHL")
PORT = Actor(actor_id="a-port", name="Port authority", kind=ActorKind.ORG, country="CHL")


def _opened(settings: Settings) -> closing[Store]:
    """A store that is closed at the end of the block."""
    return closing(open_store(settings.db))


def _span(text: str, doc_id: str, part: str) -> Evidence:
    start = text.index(part)
    return Evidence(doc_id=doc_id, start=start, end=start + len(part), text=part)


def harbour_result(text: str = HARBOUR, doc_id: str = "harbour") -> ArticleResult:
    said = '"We will not unload another ship until the wages are paid,"'
    accused = text[text.index("The port authority") :]
    facts: dict[str, object] = {}
    if said in text:
        facts["quotes"] = (
            Quote(
                quote_id=f"{doc_id}-q1",
                evidence=_span(text, doc_id, said),
                kind=QuoteKind.DIRECT,
                speaker=UNION,
                speaker_text="the union leader",
            ),
        )
    if accused:
        facts["events"] = (
            Event(
                event_id=f"{doc_id}-e1",
                type="ACCUSE",
                source=PORT,
                targets=(UNION,),
                evidence=_span(text, doc_id, accused),
            ),
        )
    article = make_article(text, doc_id, title="Port strike", published="2026-11-02")
    return make_result(article, **facts)


def fill(store: Store) -> Store:
    """Store three articles of our own, one with a quote and an event."""
    store.save_result(harbour_result())
    store.save_result(make_result(make_article(GLACIER, "glacier", title="Glacier retreat")))
    store.save_result(make_result(make_article(ASSEMBLY, "assembly", title="Ferry vote")))
    return store


@pytest.fixture
def filled(settings: Settings) -> Iterator[Store]:
    """A store holding our three articles."""
    with _opened(settings) as store:
        yield fill(store)


def _found(page: SearchPage) -> list[tuple[str, str]]:
    return [(h.kind, h.record_id) for h in page.items]


@pytest.mark.parametrize(
    ("query", "kind", "expected"),
    [
        ("meltwater", None, [("article", "glacier")]),
        ("Tasman GLACIER", "article", [("article", "glacier")]),
        ("unload ship", "quote", [("quote", "harbour-q1")]),
        ("wages", None, [("article", "harbour"), ("quote", "harbour-q1")]),
        ("blocking relief", "event", [("event", "harbour-e1")]),
        ("moorings", "event", []),
        ("ferry", "quote", []),
    ],
)
def test_search_finds_words_in_articles_quotes_and_event_evidence(
    filled, query: str, kind: str | None, expected: list[tuple[str, str]]
) -> None:
    page = filled.search(query, kind=kind)
    assert sorted(_found(page)) == sorted(expected)
    assert page.total == len(expected)


@pytest.mark.parametrize(
    ("query", "doc_id"),
    [("walked", "harbour"), ("reports", "glacier"), ("welcoming", "assembly")],
)
def test_search_matches_other_forms_of_a_word(filled, query: str, doc_id: str) -> None:
    assert ("article", doc_id) in _found(filled.search(query, kind="article"))


@pytest.mark.parametrize(
    ("query", "word"),
    [("retreat", "retreat"), ("pastures", "pastures"), ("record summer", "record")],
)
def test_a_hit_marks_its_match_by_offsets_into_the_article(filled, query: str, word: str) -> None:
    hit = filled.search(query, kind="article").items[0]
    assert hit.snippet.doc_id == "glacier"
    assert GLACIER[hit.snippet.start : hit.snippet.end] == hit.snippet.text
    marked = [GLACIER[s:e].lower() for s, e in hit.matches]
    assert word in marked
    assert all(hit.snippet.start <= s < e <= hit.snippet.end for s, e in hit.matches)


def test_a_quote_or_event_hit_points_into_its_article(filled) -> None:
    quote = filled.search("wages", kind="quote").items[0]
    event = filled.search("cargo", kind="event").items[0]
    for hit, word in ((quote, "wages"), (event, "cargo")):
        assert hit.doc_id == "harbour" and hit.title == "Port strike"
        assert HARBOUR[hit.snippet.start : hit.snippet.end] == hit.snippet.text
        assert [HARBOUR[s:e] for s, e in hit.matches] == [word]
    assert quote.label == "the union leader" and event.label == "ACCUSE"


def test_a_long_article_gives_a_short_snippet_around_the_match(settings: Settings) -> None:
    filler = "Nothing of note happened in the valley that week. " * 60
    text = filler + "Then the old lighthouse keeper retired. " + filler
    with _opened(settings) as store:
        store.save_result(make_result(make_article(text, "long")))
        hit = store.search("lighthouse").items[0]
    assert len(hit.snippet.text) <= 220
    assert "lighthouse" in hit.snippet.text
    ((start, end),) = hit.matches
    assert text[start:end] == "lighthouse"


def test_search_ranks_the_closer_match_first(settings: Settings) -> None:
    with _opened(settings) as store:
        for doc_id, text in (
            ("once", "The council discussed roads. " * 8 + "A drought was mentioned once."),
            ("often", "Drought again. The drought deepens; drought relief is late."),
            ("title", "The council discussed roads and schools at length today."),
        ):
            title = "Drought in the north" if doc_id == "title" else "Council"
            store.save_result(make_result(make_article(text, doc_id, title=title)))
        ranked = [h.record_id for h in store.search("drought", kind="article").items]
        scores = [h.score for h in store.search("drought").items]
    assert ranked[0] == "often" and set(ranked) == {"once", "often", "title"}
    assert scores == sorted(scores, reverse=True)


def test_search_pages_through_every_hit_once(settings: Settings) -> None:
    with _opened(settings) as store:
        for n in range(7):
            text = f"Volunteers planted {n + 1} orchards near the river. " + "Rain fell. " * n
            store.save_result(make_result(make_article(text, f"d{n}")))
        pages = [store.search("orchards", limit=3, offset=o) for o in (0, 3, 6, 9)]
    ids = [h.record_id for p in pages for h in p.items]
    assert sorted(ids) == [f"d{n}" for n in range(7)]
    assert [len(p.items) for p in pages] == [3, 3, 1, 0]
    assert {p.total for p in pages} == {7}
    assert pages[0].counts == {"article": 7, "quote": 0, "event": 0}


def test_search_follows_an_article_replaced_and_deleted(filled) -> None:
    changed = HARBOUR.replace("relief cargo", "grain shipments").replace("Valparaiso", "Iquique")
    filled.save_result(harbour_result(changed))
    assert filled.search("Valparaiso").total == 0
    assert _found(filled.search("Iquique")) == [("article", "harbour")]
    assert _found(filled.search("grain", kind="event")) == [("event", "harbour-e1")]
    assert filled.search("cargo").total == 0
    filled.retire_articles(["harbour"])
    assert filled.search("Iquique").total == 0
    assert filled.search("wages").total == 0
    assert filled.search("grain").total == 0
    assert _found(filled.search("meltwater")) == [("article", "glacier")]


def test_search_forgets_dropped_events_and_keeps_the_others(filled) -> None:
    filled.demote("harbour", "glacier", ["harbour-e1"])
    assert filled.search("cargo", kind="event").total == 0
    assert filled.search("unload", kind="quote").total == 1


HOSTILE = [
    '"',
    '"unbalanced quote',
    "*",
    "harbour*",
    "NEAR(",
    "NEAR(wages ship)",
    "-",
    "-wages",
    ")",
    "(",
    "'",
    "' OR 1=1 --",
    "wages AND OR NOT",
    "title:wages",
    "^wages",
    "{wages}",
    "x" * 10_000,
    "wages " * 2_000,
    "\x00\x01\x1b[31m",
    "wa\x00ges",
    "",
    "   ",
    "%_\\",
    "🙂 Ω ß",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_query_gives_hits_or_none_never_an_error(filled, query: str) -> None:
    for kind in (None, "article", "quote", "event"):
        page = filled.search(query, kind=kind)
        assert page.total >= len(page.items)
    words = search_terms(query)
    assert all(w.isalnum() or "_" in w for w in words) and len(words) <= 16


@pytest.mark.parametrize(
    ("query", "total"), [("wages NEAR", 0), ("-wages", 2), ('"wages', 2), ("wages*", 2)]
)
def test_operators_are_read_as_words(filled, query: str, total: int) -> None:
    assert filled.search(query).total == total


def test_an_unknown_kind_is_refused(filled) -> None:
    with pytest.raises(ValueError, match="kind"):
        filled.search("wages", kind="story")


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("Harbour  strike", ("harbour", "strike")),
        ('"peace" -talks NEAR(x)', ("peace", "talks", "near", "x")),
        ("a a A", ("a",)),
        ("___ ---", ()),
    ],
)
def test_search_terms_are_the_query_words(query: str, terms: tuple[str, ...]) -> None:
    assert search_terms(query) == terms


@pytest.mark.parametrize(
    ("query", "word"),
    [("reports", "reported"), ("measure", "measuring"), ("farmer", "Farmers")],
)
def test_a_stemmed_match_is_marked_where_the_word_stands(filled, query: str, word: str) -> None:
    hit = filled.search(query, kind="article").items[0]
    assert [GLACIER[s:e] for s, e in hit.matches] == [word]


def test_migration_12_indexes_what_was_stored_before_it(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        patch_migrations(patched, upto=11)
        with _opened(settings) as old:
            old.save_result(harbour_result())
            old.save_result(make_result(make_article(GLACIER, "glacier")))
            assert old.schema_version() < 12
    with _opened(settings) as store:
        assert store.schema_version() >= 12
        assert _found(store.search("meltwater")) == [("article", "glacier")]
        assert _found(store.search("unload", kind="quote")) == [("quote", "harbour-q1")]
        assert _found(store.search("cargo", kind="event")) == [("event", "harbour-e1")]
        store.save_result(make_result(make_article(ASSEMBLY, "assembly")))
        assert _found(store.search("moorings")) == [("article", "assembly")]


@SQLITE_ONLY
def test_a_synthetic_store_is_searchable(settings: Settings, tmp_path: Path) -> None:
    with _opened(settings) as seed:
        fill(seed)
    target = str(tmp_path / "grown.db")
    summary = grow_store(settings.db, target, events=30)
    with closing(open_store(target)) as grown:
        page = grown.search("cargo", kind="event", limit=5)
        assert page.total == summary.events >= 20
        hit = page.items[0]
        article = grown.article(hit.doc_id)
        assert article is not None
        assert article.text[hit.snippet.start : hit.snippet.end] == hit.snippet.text
        assert grown.search("meltwater", kind="article").total >= 1


def test_a_very_long_article_of_distinct_words_is_stored_and_found(settings: Settings) -> None:
    words = " ".join(f"w{n:x}q" for n in range(60_000))  # about 420,000 characters
    text = "The lighthouse keeper wrote a list. " + words + " The list ends with farewell."
    with _opened(settings) as store:
        store.save_result(make_result(make_article(text, "long-list")))
        hit = store.search("lighthouse keeper").items[0]
        assert hit.record_id == "long-list"
        assert [text[s:e] for s, e in hit.matches] == ["lighthouse", "keeper"]
        assert store.search("w1f3q").total == 1
