"""The SQLite store: migrations, WAL, atomic per-article saves, typed reads."""

from __future__ import annotations

import sqlite3
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.errors import StoreError
from storyline.records import (
    Actor,
    ActorKind,
    ActorMention,
    Article,
    ArticleResult,
    DatePrecision,
    EntityMention,
    Event,
    EventDate,
    Evidence,
    Location,
    ParsedArticle,
    Quote,
    QuoteKind,
    Sentence,
)
from storyline.store import SQLiteStore, open_store, rows
from storyline.store.connection import open_database
from storyline.store.schema import LATEST, MIGRATIONS
from tests.conftest import make_article, make_result, person
from tests.store.conftest import patch_migrations, raw, table_count, table_names

DOC = "doc-brussels"
TEXT = (
    "Brussels, 20 March 2023: Kosovo's prime minister Albin Kurti and Serbian president "
    "Aleksandar Vučić met in Brussels on Monday under European Union mediation. "
    '"We made progress on the annex," Kurti told reporters afterwards. '
    "Vučić said, according to the broadcaster RTS, that Belgrade would not sign anything. "
    "Talks on the annex had taken place between 18 and 21 March, officials said."
)

KURTI = Actor(
    actor_id="a-kurti",
    name="Albin Kurti",
    kind=ActorKind.PERSON,
    country="XKX",
    sector="GOV",
    role="prime minister",
    aliases=("Kurti",),
)
VUCIC = Actor(
    actor_id="a-vucic",
    name="Aleksandar Vučić",
    kind=ActorKind.PERSON,
    country="SRB",
    sector="GOV",
    role="president",
    aliases=("Vučić",),
)
EU = Actor(actor_id="a-eu", name="European Union", kind=ActorKind.ORG, aliases=("EU",))


def span(needle: str, doc_id: str = DOC, text: str = TEXT) -> Evidence:
    """Evidence for the first occurrence of `needle` in `text`."""
    start = text.index(needle)
    return Evidence(doc_id=doc_id, start=start, end=start + len(needle), text=needle)


def consult_event(doc_id: str = DOC, **changes: object) -> Event:
    """Kurti and Vučić meet in Brussels on a known day."""
    event = Event(
        event_id=f"e-consult-{doc_id}",
        type="CONSULT",
        mode="visit",
        cameo="040",
        source=KURTI,
        targets=(VUCIC,),
        evidence=span("met in Brussels on Monday", doc_id),
        date=EventDate(value="2023-03-20", precision=DatePrecision.DAY, text="on Monday"),
        location=Location(name="Brussels", country="BEL", lat=50.85, lon=4.35),
        confidence=0.8,
    )
    return replace(event, **changes)


def reject_event(doc_id: str = DOC) -> Event:
    """Vučić rejects signing, dated only by a window; the EU is the target."""
    return Event(
        event_id=f"e-reject-{doc_id}",
        type="REJECT",
        source=VUCIC,
        targets=(EU, KURTI),
        evidence=span("Belgrade would not sign anything", doc_id),
        date=EventDate(
            value=None,
            precision=DatePrecision.WINDOW,
            window=("2023-03-18", "2023-03-21"),
            text="between 18 and 21 March",
        ),
        negated=True,
        historical=True,
        fatalities=0,
        story_id="s-brussels",
        confidence=0.55,
    )


def direct_quote(doc_id: str = DOC) -> Quote:
    return Quote(
        quote_id=f"q-direct-{doc_id}",
        evidence=span("We made progress on the annex,", doc_id),
        kind=QuoteKind.DIRECT,
        speaker=KURTI,
        speaker_text="Kurti",
        cue="told",
    )


def indirect_quote(doc_id: str = DOC) -> Quote:
    return Quote(
        quote_id=f"q-indirect-{doc_id}",
        evidence=span("that Belgrade would not sign anything", doc_id),
        kind=QuoteKind.INDIRECT,
        speaker=VUCIC,
        speaker_text="Vučić",
        cue="said",
        via=("RTS",),
    )


def unattributed_quote(doc_id: str = DOC) -> Quote:
    return Quote(
        quote_id=f"q-anon-{doc_id}",
        evidence=span("Talks on the annex had taken place between 18 and 21 March", doc_id),
        kind=QuoteKind.INDIRECT,
        speaker_text="officials",
        cue="said",
    )


def brussels_article(doc_id: str = DOC, **meta: str | None) -> Article:
    defaults: dict[str, str | None] = {
        "title": "Kurti and Vučić meet in Brussels",
        "published": "2023-03-20",
        "outlet": "Western Balkans Monitor",
        "url": "https://example.org/wbm/brussels",
        "place": "Brussels",
        "source_path": f"/corpus/{doc_id}.txt",
    }
    return make_article(TEXT, doc_id=doc_id, **(defaults | meta))


def full_result(doc_id: str = DOC, **changes: object) -> ArticleResult:
    """An article with every kind of fact: mentions, actors, quotes and events."""
    parsed = ParsedArticle(
        article=brussels_article(doc_id),
        sentences=(Sentence(start=0, end=150), Sentence(start=151, end=len(TEXT))),
        n_tokens=len(TEXT.split()),
        mentions=(
            EntityMention(evidence=span("Albin Kurti", doc_id), label="PERSON"),
            EntityMention(evidence=span("Aleksandar Vučić", doc_id), label="PERSON"),
            EntityMention(evidence=span("European Union", doc_id), label="ORG"),
        ),
    )
    result = ArticleResult(
        parsed=parsed,
        actors=(KURTI, VUCIC, EU),
        actor_mentions=(
            ActorMention(actor_id=KURTI.actor_id, evidence=span("Albin Kurti", doc_id)),
            ActorMention(actor_id=VUCIC.actor_id, evidence=span("Aleksandar Vučić", doc_id)),
            ActorMention(actor_id=EU.actor_id, evidence=span("European Union", doc_id)),
            ActorMention(actor_id=KURTI.actor_id, evidence=span("Kurti told", doc_id)),
        ),
        quotes=(direct_quote(doc_id), indirect_quote(doc_id), unattributed_quote(doc_id)),
        events=(consult_event(doc_id), reject_event(doc_id)),
    )
    return replace(result, **changes)


# -- schema and connection ------------------------------------------------------------


def test_new_database_records_every_migration(settings, backend: str) -> None:
    store = open_store(settings.db)
    assert store.schema_version() == LATEST
    store.close()
    with raw(settings.db) as db:
        versions = [r[0] for r in db.execute("SELECT version FROM schema_migrations")]
    assert versions == [version for version, _, _ in MIGRATIONS]
    if backend == "sqlite":
        with sqlite3.connect(settings.db) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_does_not_rerun_migrations(settings) -> None:
    first = open_store(settings.db)
    first.save_result(full_result())
    first.close()
    with raw(settings.db) as db:
        before = db.execute("SELECT version, applied_at FROM schema_migrations").fetchall()

    again = open_store(settings.db)

    assert again.schema_version() == LATEST
    assert again.content_hash(DOC) == brussels_article().content_hash  # data survived
    again.close()
    with raw(settings.db) as db:
        after = db.execute("SELECT version, applied_at FROM schema_migrations").fetchall()
    assert after == before


def test_missing_migrations_are_applied_on_open(settings, monkeypatch) -> None:
    open_store(settings.db).close()
    latest = patch_migrations(monkeypatch, extra="CREATE TABLE extra (x INTEGER)")

    store = open_store(settings.db)

    assert store.schema_version() == latest == LATEST + 1
    store.close()
    assert table_count(settings.db, "extra") == 0


def test_failed_migration_is_rolled_back_and_reported(settings, monkeypatch) -> None:
    open_store(settings.db).close()
    patch_migrations(monkeypatch, extra="CREATE TABLE half_done (x INTEGER); CREATE TABLE broken (")

    with pytest.raises(StoreError, match="cannot open the database") as caught:
        open_store(settings.db)

    assert "\n" not in str(caught.value)
    assert "half_done" not in table_names(settings.db)
    with raw(settings.db) as db:
        assert db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == LATEST


def test_newer_schema_is_refused_with_one_line_message(settings) -> None:
    open_store(settings.db).close()
    with raw(settings.db) as db:
        db.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (LATEST + 5, "future")
        )

    with pytest.raises(StoreError) as caught:
        open_store(settings.db)

    message = str(caught.value)
    assert "\n" not in message
    assert settings.db in message
    assert f"v{LATEST + 5}" in message
    assert "upgrade storyline" in message


@pytest.mark.parametrize(
    "url, scheme",
    [
        ("mysql://db.example.org/news", "mysql"),
        ("duckdb:///tmp/x.duckdb", "duckdb"),
    ],
)
def test_unsupported_store_scheme_is_named_in_the_error(url: str, scheme: str) -> None:
    with pytest.raises(StoreError, match=f"'{scheme}'") as caught:
        open_store(url)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://reader:s3cret@/news?host=/nonexistent-socket-dir",
        "postgresql://reader@/news?host=/nonexistent-socket-dir&password=s3cret",
        "postgresql://reader@/news?host=/tmp&nonsense=1",
    ],
    ids=["server-down", "password-in-query", "bad-option"],
)
def test_a_postgresql_server_it_cannot_reach_is_one_line_without_the_password(url: str) -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match=r"^postgresql://reader@/news\?host=/") as caught:
        open_store(url)
    message = str(caught.value)
    assert "\n" not in message
    assert "s3cret" not in message
    assert "cannot connect to PostgreSQL (" in message


def test_without_psycopg_a_postgresql_url_says_what_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import fails
    with pytest.raises(StoreError, match=r"^postgresql://u@h/db: .*storyline\[postgres\]"):
        open_store("postgresql://u:pw@h/db")


def test_sqlite_url_opens_the_file_it_names(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "via-url.db"

    store = open_store(f"sqlite:///{path}")
    store.save_result(make_result(make_article("A short note.")))
    store.close()

    assert path.is_file()
    assert table_count(str(path), "articles") == 1


def test_in_memory_store_is_migrated() -> None:
    store = open_store(":memory:")
    assert store.schema_version() == LATEST
    assert store.articles() == []


def test_a_file_that_is_not_a_database_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")

    with pytest.raises(StoreError, match="cannot open the database") as caught:
        open_store(str(path))
    assert str(path) in str(caught.value)


# -- saving and reading back -------------------------------------------------------------


def test_saved_result_reads_back_equal(store: SQLiteStore) -> None:
    result = full_result()
    store.save_result(result, signature=b"\x01\x02minhash", bands=[5, -9])

    assert store.article(DOC) == result.article
    assert store.content_hash(DOC) == result.article.content_hash
    assert store.entity_mentions(DOC) == list(result.parsed.mentions)
    assert store.actors() == sorted(result.actors, key=lambda a: a.name)
    assert store.actor_mentions() == sorted(result.actor_mentions, key=lambda m: m.evidence.start)
    assert store.actor_mentions(KURTI.actor_id) == [
        m for m in result.actor_mentions if m.actor_id == KURTI.actor_id
    ]
    assert store.quotes(doc_id=DOC) == list(result.quotes)
    assert store.events(doc_id=DOC) == list(result.events)
    assert store.near_candidates([-9, 11]) == [(DOC, b"\x01\x02minhash")]
    assert store.near_candidates([11]) == []


def test_article_listing_counts_what_was_found(store: SQLiteStore) -> None:
    result = full_result()
    store.save_result(result)

    [stats] = store.articles()

    assert stats.article == result.article
    assert stats.n_tokens == result.parsed.n_tokens
    assert stats.n_sentences == 2
    assert stats.n_mentions == 3


@pytest.mark.parametrize(
    "date",
    [
        EventDate(value="2023-03-20", precision=DatePrecision.DAY, text="on Monday"),
        EventDate(value="2023-03", precision=DatePrecision.MONTH, text="in March"),
        EventDate(value="2023", precision=DatePrecision.YEAR),
        EventDate(
            value=None,
            precision=DatePrecision.WINDOW,
            window=("2023-03-18", "2023-03-21"),
            text="between 18 and 21 March",
        ),
        None,
    ],
    ids=["day", "month", "year", "window", "undated"],
)
@pytest.mark.parametrize(
    "location",
    [
        Location(name="Brussels", country="BEL", lat=50.85, lon=4.35),
        Location(name="the border crossing"),
        None,
    ],
    ids=["placed", "unplaced-name", "nowhere"],
)
def test_event_dates_and_locations_round_trip(
    store: SQLiteStore, date: EventDate | None, location: Location | None
) -> None:
    event = consult_event(date=date, location=location)
    store.save_result(full_result(events=(event,)))

    assert store.events() == [event]


@pytest.mark.parametrize(
    "quote",
    [direct_quote(), indirect_quote(), unattributed_quote()],
    ids=["direct", "indirect-via", "no-speaker"],
)
def test_quotes_round_trip(store: SQLiteStore, quote: Quote) -> None:
    store.save_result(full_result(quotes=(quote,)))

    assert store.quotes() == [quote]
    assert store.quotes(doc_id="some-other-doc") == []


def test_a_joint_statement_keeps_all_its_speakers_through_a_merge(store: SQLiteStore) -> None:
    joint = replace(indirect_quote(), speaker=VUCIC, joint=(KURTI,))
    store.save_result(full_result(quotes=(joint,)))
    assert store.quotes() == [joint]

    store.merge_actors({KURTI.actor_id: VUCIC.actor_id})

    [merged] = store.quotes()
    assert [a.actor_id for a in merged.joint] == [VUCIC.actor_id]


def test_resaving_an_article_replaces_its_facts(store: SQLiteStore) -> None:
    store.save_result(full_result())
    changed = consult_event(type="AGREE", confidence=0.9)
    article = replace(brussels_article(), title="Kurti and Vučić agree in Brussels")
    parsed = replace(full_result().parsed, article=article, mentions=())
    smaller = ArticleResult(
        parsed=parsed,
        actors=(KURTI, VUCIC),
        actor_mentions=(ActorMention(actor_id=KURTI.actor_id, evidence=span("Albin Kurti")),),
        quotes=(direct_quote(),),
        events=(changed,),
    )

    store.save_result(smaller)

    assert store.article(DOC) == article
    assert store.content_hash(DOC) == article.content_hash
    assert store.events() == [changed]
    assert store.quotes() == [direct_quote()]
    assert store.entity_mentions() == []
    assert store.actor_mentions() == list(smaller.actor_mentions)
    assert len(store.articles()) == 1


def test_resaving_prunes_actors_nothing_refers_to(store: SQLiteStore) -> None:
    store.save_result(full_result())
    assert EU in store.actors()

    store.save_result(
        full_result(
            actors=(KURTI, VUCIC),
            actor_mentions=(),
            quotes=(direct_quote(),),
            events=(consult_event(),),
        )
    )

    assert [a.actor_id for a in store.actors()] == [KURTI.actor_id, VUCIC.actor_id]


@pytest.mark.parametrize(
    "reference",
    ["actor mention", "quote speaker", "joint speaker", "event source", "event target"],
)
def test_pruning_keeps_an_actor_that_any_fact_refers_to(store: SQLiteStore, reference: str) -> None:
    text = "Kurti met Vučić on Monday, and Kurti said he was hopeful."
    doc = "doc-other"
    ev = span("Kurti met Vučić", doc, text)
    facts: dict[str, object] = {
        "actor mention": {"actor_mentions": (ActorMention(actor_id=KURTI.actor_id, evidence=ev),)},
        "quote speaker": {
            "quotes": (
                Quote(
                    quote_id="q-other",
                    evidence=span("he was hopeful", doc, text),
                    kind=QuoteKind.INDIRECT,
                    speaker=KURTI,
                ),
            )
        },
        "joint speaker": {
            "quotes": (
                Quote(
                    quote_id="q-joint",
                    evidence=span("he was hopeful", doc, text),
                    kind=QuoteKind.INDIRECT,
                    speaker=VUCIC,
                    joint=(KURTI,),
                ),
            )
        },
        "event source": {
            "events": (
                Event(event_id="e-src", type="CONSULT", source=KURTI, targets=(), evidence=ev),
            )
        },
        "event target": {
            "events": (
                Event(
                    event_id="e-tgt", type="CONSULT", source=VUCIC, targets=(KURTI,), evidence=ev
                ),
            )
        },
    }[reference]
    store.save_result(make_result(make_article(text, doc), actors=(KURTI, VUCIC), **facts))

    # Replacing another article runs the pruning; Kurti is still referred to by doc-other.
    store.save_result(make_result(make_article("Nothing of note happened.", "doc-quiet")))

    assert KURTI in store.actors()


def test_actor_aliases_accumulate_across_articles(store: SQLiteStore) -> None:
    first = replace(KURTI, aliases=("Kurti",))
    second = replace(KURTI, aliases=("the prime minister",))
    text_b = "The prime minister of Kosovo, Kurti, travelled to Ohrid."
    mention_b = ActorMention(actor_id=KURTI.actor_id, evidence=span("Kurti", "doc-b", text_b))
    mention_a = ActorMention(actor_id=KURTI.actor_id, evidence=span("Albin Kurti"))

    store.save_result(make_result(brussels_article(), actors=(first,), actor_mentions=(mention_a,)))
    store.save_result(
        make_result(make_article(text_b, "doc-b"), actors=(second,), actor_mentions=(mention_b,))
    )
    store.save_result(  # saving an article again adds nothing twice
        make_result(make_article(text_b, "doc-b"), actors=(second,), actor_mentions=(mention_b,))
    )

    [actor] = store.actors()
    assert actor.aliases == ("Kurti", "the prime minister")
    assert store.actor_mentions(KURTI.actor_id) == [mention_b, mention_a]  # doc-b < doc-brussels
    assert len(store.actor_mentions()) == 2


@pytest.mark.parametrize(
    "name, country, expected",
    [
        (None, None, ["a-kurti", "a-vucic", "a-eu"]),
        ("kurti", None, ["a-kurti"]),
        ("Vučić", None, ["a-vucic"]),
        ("EU", None, ["a-eu"]),  # an alias
        (None, "srb", ["a-vucic"]),
        (None, "XKX", ["a-kurti"]),
        ("kurti", "SRB", []),
    ],
)
def test_actor_filters(
    store: SQLiteStore, name: str | None, country: str | None, expected: list[str]
) -> None:
    store.save_result(full_result())

    found = store.actors(name=name, country=country)

    assert sorted(a.actor_id for a in found) == sorted(expected)


# -- atomicity ------------------------------------------------------------------------------


class Boom(RuntimeError):
    """A failure injected part-way through a save."""


def _explode(*_args: object, **_kwargs: object) -> dict[str, object]:
    raise Boom("disk on fire")


@pytest.mark.parametrize("failing", ["quote_row", "event_row"])
def test_a_save_that_fails_part_way_stores_nothing(
    store: SQLiteStore, monkeypatch, failing: str
) -> None:
    monkeypatch.setattr(rows, failing, _explode)

    with pytest.raises(Boom):
        store.save_result(full_result())

    assert store.content_hash(DOC) is None
    assert store.articles() == []
    assert store.entity_mentions() == []
    assert store.actors() == []
    assert store.actor_mentions() == []
    assert store.quotes() == []
    assert store.events() == []


def test_a_failed_replacement_keeps_the_stored_version(store: SQLiteStore, monkeypatch) -> None:
    other = full_result("doc-other")
    store.save_result(other)
    original = full_result()
    store.save_result(original)
    monkeypatch.setattr(rows, "event_row", _explode)
    newer = replace(brussels_article(), title="A new headline")

    with pytest.raises(Boom):
        store.save_result(replace(original, parsed=replace(original.parsed, article=newer)))

    assert store.content_hash(DOC) == original.article.content_hash
    assert store.article(DOC) == original.article
    assert store.events(doc_id=DOC) == list(original.events)
    assert store.quotes(doc_id=DOC) == list(original.quotes)
    assert store.events(doc_id="doc-other") == list(other.events)
    assert len(store.actor_mentions()) == len(original.actor_mentions) * 2


@pytest.mark.parametrize(
    "broken",
    [
        # Facts a faulty stage might produce; the foreign keys refuse them.
        {
            "actor_mentions": (
                ActorMention(actor_id=KURTI.actor_id, evidence=span("Albin Kurti")),
                ActorMention(actor_id="a-nobody", evidence=span("officials")),
            )
        },
        {"events": (consult_event(), consult_event("doc-never-stored"))},
    ],
    ids=["mention-of-an-undefined-actor", "event-read-in-another-article"],
)
def test_a_constraint_violation_stores_nothing_of_the_article(
    store: SQLiteStore, broken: dict[str, object]
) -> None:
    with pytest.raises(StoreError, match=r"^doc-brussels\.txt: cannot store the article"):
        store.save_result(full_result(**broken))

    assert store.content_hash(DOC) is None
    assert store.articles() == []
    assert store.actors() == []
    assert store.quotes() == []
    assert store.events() == []


@pytest.mark.parametrize("fact", ["event source", "quote speaker", "event target"])
def test_an_actor_a_fact_names_is_stored_with_it(store: SQLiteStore, fact: str) -> None:
    stranger = person("Unknown Envoy", "USA", "GOV")
    event, quote = consult_event(), direct_quote()
    if fact == "event source":
        event = replace(event, source=stranger)
    elif fact == "event target":
        event = replace(event, targets=(VUCIC, stranger))
    else:
        quote = replace(quote, speaker=stranger)
    result = full_result(events=(event,), quotes=(quote,))

    store.save_result(result)
    assert stranger in store.actors(name="Unknown Envoy")
    assert store.events() == [event]
    assert store.quotes() == [quote]


# -- read-only access -----------------------------------------------------------------------


def test_read_only_store_reads_but_cannot_write(settings) -> None:
    writer = open_store(settings.db)
    writer.save_result(full_result())
    writer.close()

    reader = open_store(settings.db, read_only=True)

    assert reader.schema_version() == LATEST
    assert [s.article.doc_id for s in reader.articles()] == [DOC]
    assert reader.events() == list(full_result().events)
    with pytest.raises((sqlite3.OperationalError, StoreError)):
        reader.save_result(make_result(make_article("A new short article.", "doc-new")))
    reader.close()
    assert table_count(settings.db, "articles") == 1


def test_read_only_store_refuses_a_missing_database(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"

    with pytest.raises(StoreError, match="cannot open the database"):
        open_store(str(path), read_only=True)
    assert not path.exists()


@pytest.mark.parametrize(
    "folder", ["plain", "with space", "hash#dir", "query?dir", "percent%41dir", "o'brien"]
)
def test_read_only_store_opens_the_named_file_whatever_its_path(
    tmp_path: Path, folder: str
) -> None:
    path = tmp_path / folder / "news.db"
    writer = open_store(str(path))
    writer.save_result(full_result())
    writer.close()
    before = {p.name for p in tmp_path.rglob("*")}

    reader = open_store(str(path), read_only=True)
    try:
        assert [s.article.doc_id for s in reader.articles()] == [DOC]
    finally:
        reader.close()
    # Opening read-only never creates a database anywhere (the -shm of WAL aside).
    created = {p.name for p in tmp_path.rglob("*")} - before
    assert created <= {"news.db-shm", "news.db-wal"}


# -- listings -----------------------------------------------------------------------------


def _dated(doc_id: str, published: str | None, outlet: str) -> ArticleResult:
    return make_result(
        make_article(f"Report {doc_id} on the talks.", doc_id, published=published, outlet=outlet)
    )


@pytest.fixture
def listed(store: SQLiteStore) -> SQLiteStore:
    for doc_id, published, outlet in [
        ("d-undated-b", None, "Danube Post"),
        ("d-march", "2023-03-19", "Balkan Press Service"),
        ("d-feb", "2023-02-28", "Europa Union Online"),
        ("d-undated-a", None, "Balkan Press Service"),
        ("d-may", "2023-05-31", "Danube Post"),
    ]:
        store.save_result(_dated(doc_id, published, outlet))
    return store


def test_articles_are_listed_by_publication_date_undated_last(listed: SQLiteStore) -> None:
    order = [s.article.doc_id for s in listed.articles()]
    assert order == ["d-feb", "d-march", "d-may", "d-undated-a", "d-undated-b"]


@pytest.mark.parametrize(
    "outlet, expected",
    [
        ("Danube Post", ["d-may", "d-undated-b"]),
        ("danube", ["d-may", "d-undated-b"]),
        ("Press", ["d-march", "d-undated-a"]),
        ("Reuters", []),
    ],
)
def test_articles_can_be_filtered_by_outlet(
    listed: SQLiteStore, outlet: str, expected: list[str]
) -> None:
    assert [s.article.doc_id for s in listed.articles(outlet=outlet)] == expected


def test_stores_opening_a_new_database_at_once_migrate_it_once(settings) -> None:
    start = threading.Barrier(4)
    failures: list[BaseException] = []

    def open_and_save(n: int) -> None:
        start.wait()
        try:
            store = open_store(settings.db)
            store.save_result(full_result(f"doc-{n}"))
            store.close()
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=open_and_save, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert table_count(settings.db, "schema_migrations") == len(MIGRATIONS)
    assert table_count(settings.db, "articles") == 4


def open_at_once(path: str, writers: int) -> tuple[list[str], list[BaseException]]:
    """Open one file from several threads at the same moment: their journal modes."""
    start = threading.Barrier(writers)
    modes: list[str] = []
    failures: list[BaseException] = []

    def open_file() -> None:
        start.wait()
        try:
            opened = open_database(path, read_only=False)
            modes.append(opened.db.execute("PRAGMA journal_mode").fetchone()[0])
            opened.db.close()
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=open_file) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return modes, failures


def test_writers_opening_one_new_file_at_once_all_get_it_in_wal_mode(tmp_path) -> None:
    # Switching a new file to WAL takes a lock SQLite's busy handler does not wait
    # for; a race lost here used to fail about one round in sixty.
    for round_ in range(30):
        modes, failures = open_at_once(str(tmp_path / f"new-{round_}.db"), writers=6)
        assert failures == []
        assert modes == ["wal"] * 6
