"""The export contract (shared/eval/README.md): five files, fixed fields, in three formats."""

from __future__ import annotations

import csv
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from storyline.errors import ConfigError
from storyline.export import export
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
from storyline.store import SQLiteStore
from tests.conftest import make_article, make_result

# The contract's fields, copied from shared/eval/README.md (not from export.FIELDS, so a
# renamed or dropped field in the code fails here).
# Fields storyline adds to the contract (allowed: "fields may be added").
ADDED: dict[str, list[str]] = {
    "events": ["future", "contested", "quad", "score", "also", "reviewed"],
    "quotes": ["joint_speakers"],
}
# Files storyline adds beside the contract's (allowed: an added file).
ADDED_FILES = ["corrections"]
CONTRACT: dict[str, list[str]] = {
    "articles": ["doc_id", "file", "title", "published", "outlet", "url", "duplicate_of"],
    "actors": ["actor_id", "name", "kind", "country", "sector", "role", "aliases", "mentions"],
    "events": [
        "event_id",
        "doc_id",
        "file",
        "type",
        "mode",
        "cameo",
        "source",
        "targets",
        "date",
        "date_precision",
        "date_window",
        "date_text",
        "location",
        "fatalities",
        "historical",
        "negated",
        "evidence",
        "story_id",
        "confidence",
    ],
    "quotes": [
        "quote_id",
        "doc_id",
        "file",
        "text",
        "start",
        "end",
        "kind",
        "speaker",
        "speaker_text",
        "cue",
        "via",
    ],
    "stories": ["story_id", "date", "title", "event_ids", "doc_ids", "types"],
}
FILES = [*CONTRACT, *ADDED_FILES]
ACTOR_FIELDS = {"actor_id", "name", "kind", "country", "sector", "role"}
FORMATS = ["jsonl", "csv", "parquet"]

DOC = "doc-ohrid"
TEXT = (
    "Ohrid, 18 March 2023 (BPS): The prime minister of North Macedonia, Dimitar Kovačevski, "
    "hosted Kosovo's Albin Kurti and Serbia's Aleksandar Vučić on Saturday. "
    '"This is a step forward," Kovačevski told the state agency MIA, according to Reuters. '
    "Vučić had ruled out a signature at some point between 10 and 17 March."
)

KOVACEVSKI = Actor(
    actor_id="a-kovacevski",
    name="Dimitar Kovačevski",
    kind=ActorKind.PERSON,
    country="MKD",
    sector="GOV",
    role="prime minister",
    aliases=("Kovačevski", "the prime minister"),
)
KURTI = Actor(actor_id="a-kurti", name="Albin Kurti", kind=ActorKind.PERSON, country="XKX")
SERBIA = Actor(actor_id="a-srb", name="Serbia", kind=ActorKind.COUNTRY, country="SRB")


def span(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence(doc_id=DOC, start=start, end=start + len(needle), text=needle)


HOSTED = Event(
    event_id="e-hosted",
    type="CONSULT",
    mode="mediate",
    cameo="043",
    source=KOVACEVSKI,
    targets=(KURTI, SERBIA),
    evidence=span("hosted Kosovo's Albin Kurti and Serbia's Aleksandar Vučić on Saturday"),
    date=EventDate(value="2023-03-18", precision=DatePrecision.DAY, text="on Saturday"),
    location=Location(name="Ohrid", country="MKD", lat=41.12, lon=20.8),
    confidence=0.9,
    story_id="s-ohrid",
)
RULED_OUT = Event(
    event_id="e-ruled-out",
    type="REJECT",
    source=SERBIA,
    targets=(KURTI,),
    evidence=span("Vučić had ruled out a signature"),
    date=EventDate(
        value=None,
        precision=DatePrecision.WINDOW,
        window=("2023-03-10", "2023-03-17"),
        text="between 10 and 17 March",
    ),
    historical=True,
    negated=True,
    fatalities=0,
    confidence=0.4,
)
STEP = Quote(
    quote_id="q-step",
    evidence=span("This is a step forward,"),
    kind=QuoteKind.DIRECT,
    speaker=KOVACEVSKI,
    speaker_text="Kovačevski",
    cue="told",
    via=("MIA", "Reuters"),
)
MENTIONS = (
    ActorMention(actor_id=KOVACEVSKI.actor_id, evidence=span("Dimitar Kovačevski")),
    ActorMention(actor_id=KOVACEVSKI.actor_id, evidence=span("Kovačevski told")),
    ActorMention(actor_id=KURTI.actor_id, evidence=span("Albin Kurti")),
    ActorMention(actor_id=SERBIA.actor_id, evidence=span("Serbia's")),
)
ARTICLE = make_article(
    TEXT,
    DOC,
    file="04_ohrid.txt",
    title="Ohrid hosts the Kosovo–Serbia talks",
    published="2023-03-18",
    outlet="Balkan Press Service",
    url="https://example.org/bps/ohrid",
)


def add_story(db: str) -> None:
    """Stories are written by the (future) story linker; the store has no writer yet."""
    with sqlite3.connect(db) as con:
        con.execute(
            "INSERT INTO stories (story_id, date, title, event_ids, doc_ids, types) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                "s-ohrid",
                "2023-03-18",
                "Ohrid talks",
                json.dumps(["e-hosted"]),
                json.dumps([DOC]),
                json.dumps(["CONSULT"]),
            ),
        )


@pytest.fixture
def filled(store: SQLiteStore) -> SQLiteStore:
    """A store with one article holding every kind of record, and one story."""
    store.save_result(
        make_result(
            ARTICLE,
            actors=(KOVACEVSKI, KURTI, SERBIA),
            actor_mentions=MENTIONS,
            quotes=(STEP,),
            events=(HOSTED, RULED_OUT),
        )
    )
    add_story(store.path)
    return store


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The export folder (the test database lives beside it, in tmp_path)."""
    return tmp_path / "export"


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def read_parquet(path: Path) -> tuple[list[str], list[dict[str, object]]]:
    relation = duckdb.sql(f"SELECT * FROM '{path}'")
    columns = list(relation.columns)
    return columns, [dict(zip(columns, row, strict=True)) for row in relation.fetchall()]


def columns_of(path: Path, fmt: str) -> list[str]:
    if fmt == "jsonl":
        return list(read_jsonl(path)[0])
    if fmt == "csv":
        return read_csv(path)[0]
    return read_parquet(path)[0]


def by_id(records: list[dict[str, object]], key: str) -> dict[object, dict[str, object]]:
    return {r[key]: r for r in records}


# -- files and fields -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_writes_exactly_the_five_contract_files_and_the_corrections(
    filled: SQLiteStore, out: Path, fmt: str
) -> None:

    counts = export(filled, out, fmt)

    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.{fmt}" for n in FILES)
    assert counts == {
        "articles": 1,
        "actors": 3,
        "events": 2,
        "quotes": 1,
        "stories": 1,
        "corrections": 0,
    }


@pytest.mark.parametrize("name", list(CONTRACT))
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_files_have_exactly_the_contract_fields(
    filled: SQLiteStore, out: Path, fmt: str, name: str
) -> None:
    export(filled, out, fmt)

    columns = columns_of(out / f"{name}.{fmt}", fmt)

    # Fields may be added (after the contract's own), never renamed or removed.
    added = [c for c in columns if c not in CONTRACT[name]]
    assert sorted(set(columns) - set(added)) == sorted(CONTRACT[name])
    assert added == ADDED.get(name, [])
    if fmt != "jsonl":  # tabular files keep the contract's column order
        assert columns == CONTRACT[name] + ADDED.get(name, [])


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_of_an_empty_store_writes_empty_files_with_their_columns(
    store: SQLiteStore, out: Path, fmt: str
) -> None:
    counts = export(store, out, fmt)

    assert counts == dict.fromkeys(FILES, 0)
    for name, fields in CONTRACT.items():
        path = out / f"{name}.{fmt}"
        if fmt == "jsonl":
            assert path.read_text(encoding="utf-8") == ""
        elif fmt == "csv":
            assert read_csv(path) == (fields + ADDED.get(name, []), [])
        else:
            assert read_parquet(path) == (fields + ADDED.get(name, []), [])


# -- values ---------------------------------------------------------------------------------


def actor_object(actor: Actor) -> dict[str, object]:
    return {
        "actor_id": actor.actor_id,
        "name": actor.name,
        "kind": actor.kind.value,
        "country": actor.country,
        "sector": actor.sector,
        "role": actor.role,
    }


def mention_object(mention: ActorMention) -> dict[str, object]:
    ev = mention.evidence
    return {"doc_id": ev.doc_id, "start": ev.start, "end": ev.end, "text": ev.text}


def test_events_jsonl_holds_actor_objects_dates_location_and_evidence(
    filled: SQLiteStore, out: Path
) -> None:
    export(filled, out)

    events = by_id(read_jsonl(out / "events.jsonl"), "event_id")

    assert events["e-hosted"] == {
        "event_id": "e-hosted",
        "doc_id": DOC,
        "file": "04_ohrid.txt",
        "type": "CONSULT",
        "mode": "mediate",
        "cameo": "043",
        "source": actor_object(KOVACEVSKI),
        "targets": [actor_object(KURTI), actor_object(SERBIA)],
        "date": "2023-03-18",
        "date_precision": "day",
        "date_window": None,
        "date_text": "on Saturday",
        "location": {"name": "Ohrid", "country": "MKD", "lat": 41.12, "lon": 20.8},
        "fatalities": None,
        "historical": False,
        "negated": False,
        "evidence": {
            "text": HOSTED.evidence.text,
            "start": HOSTED.evidence.start,
            "end": HOSTED.evidence.end,
        },
        "story_id": "s-ohrid",
        "confidence": 0.9,
        "future": False,
        "contested": False,
        "quad": None,
        "score": None,
        "also": [],
        "reviewed": False,
    }
    ruled_out = events["e-ruled-out"]
    assert set(ruled_out["source"]) == ACTOR_FIELDS
    assert ruled_out["date"] is None
    assert ruled_out["date_precision"] == "window"
    assert ruled_out["date_window"] == ["2023-03-10", "2023-03-17"]
    assert ruled_out["location"] is None
    assert (ruled_out["historical"], ruled_out["negated"], ruled_out["fatalities"]) == (
        True,
        True,
        0,
    )


def test_evidence_offsets_point_into_the_article_text(filled: SQLiteStore, out: Path) -> None:
    export(filled, out)

    for event in read_jsonl(out / "events.jsonl"):
        ev = event["evidence"]
        assert TEXT[ev["start"] : ev["end"]] == ev["text"]
    for quote in read_jsonl(out / "quotes.jsonl"):
        assert TEXT[quote["start"] : quote["end"]] == quote["text"]


def test_quotes_jsonl_holds_speaker_object_and_via_list(filled: SQLiteStore, out: Path) -> None:
    export(filled, out)

    [quote] = read_jsonl(out / "quotes.jsonl")

    assert quote == {
        "quote_id": "q-step",
        "doc_id": DOC,
        "file": "04_ohrid.txt",
        "text": STEP.evidence.text,
        "start": STEP.evidence.start,
        "end": STEP.evidence.end,
        "kind": "direct",
        "speaker": actor_object(KOVACEVSKI),
        "speaker_text": "Kovačevski",
        "cue": "told",
        "via": ["MIA", "Reuters"],
        "joint_speakers": [],
    }


def test_quote_without_speaker_exports_null_speaker_and_empty_via(
    store: SQLiteStore, out: Path
) -> None:
    anonymous = Quote(
        quote_id="q-anon", evidence=span("Vučić had ruled out"), kind=QuoteKind.INDIRECT
    )
    store.save_result(make_result(ARTICLE, quotes=(anonymous,)))

    export(store, out)

    [quote] = read_jsonl(out / "quotes.jsonl")
    assert (quote["speaker"], quote["speaker_text"], quote["via"]) == (None, None, [])
    assert quote["kind"] == "indirect"


def test_actors_jsonl_lists_aliases_and_every_mention(filled: SQLiteStore, out: Path) -> None:
    export(filled, out)

    actors = by_id(read_jsonl(out / "actors.jsonl"), "actor_id")

    assert actors["a-kovacevski"] == actor_object(KOVACEVSKI) | {
        "aliases": ["Kovačevski", "the prime minister"],
        "mentions": [mention_object(m) for m in MENTIONS[:2]],
    }
    assert actors["a-srb"] == actor_object(SERBIA) | {
        "aliases": [],
        "mentions": [mention_object(MENTIONS[3])],
    }


def test_articles_and_stories_jsonl_values(filled: SQLiteStore, out: Path) -> None:
    export(filled, out)

    assert read_jsonl(out / "articles.jsonl") == [
        {
            "doc_id": DOC,
            "file": "04_ohrid.txt",
            "title": "Ohrid hosts the Kosovo–Serbia talks",
            "published": "2023-03-18",
            "outlet": "Balkan Press Service",
            "url": "https://example.org/bps/ohrid",
            "duplicate_of": None,
        }
    ]
    assert read_jsonl(out / "stories.jsonl") == [
        {
            "story_id": "s-ohrid",
            "date": "2023-03-18",
            "title": "Ohrid talks",
            "event_ids": ["e-hosted"],
            "doc_ids": [DOC],
            "types": ["CONSULT"],
        }
    ]


def test_jsonl_is_utf8_not_ascii_escaped(filled: SQLiteStore, out: Path) -> None:
    export(filled, out)

    raw = (out / "actors.jsonl").read_bytes()

    assert "Kovačevski".encode() in raw


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tabular_exports_hold_nested_values_as_json_text(
    filled: SQLiteStore, out: Path, fmt: str
) -> None:
    export(filled, out, fmt)
    read = read_csv if fmt == "csv" else read_parquet

    events = by_id(read(out / f"events.{fmt}")[1], "event_id")
    quotes = read(out / f"quotes.{fmt}")[1]
    actors = by_id(read(out / f"actors.{fmt}")[1], "actor_id")

    hosted, ruled_out = events["e-hosted"], events["e-ruled-out"]
    assert json.loads(hosted["source"]) == actor_object(KOVACEVSKI)
    assert json.loads(hosted["targets"]) == [actor_object(KURTI), actor_object(SERBIA)]
    assert json.loads(ruled_out["date_window"]) == ["2023-03-10", "2023-03-17"]
    assert json.loads(hosted["evidence"])["start"] == HOSTED.evidence.start
    assert json.loads(hosted["location"])["name"] == "Ohrid"
    assert json.loads(quotes[0]["via"]) == ["MIA", "Reuters"]
    assert len(json.loads(actors["a-kovacevski"]["mentions"])) == 2


def test_parquet_keeps_numbers_and_flags_typed(filled: SQLiteStore, out: Path) -> None:
    export(filled, out, "parquet")

    events = by_id(read_parquet(out / "events.parquet")[1], "event_id")
    [quote] = read_parquet(out / "quotes.parquet")[1]

    ruled_out = events["e-ruled-out"]
    assert ruled_out["historical"] is True
    assert ruled_out["negated"] is True
    assert ruled_out["fatalities"] == 0
    assert ruled_out["confidence"] == pytest.approx(0.4)
    assert events["e-hosted"]["fatalities"] is None
    assert (quote["start"], quote["end"]) == (STEP.evidence.start, STEP.evidence.end)


# -- rewriting and errors -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_second_export_overwrites_the_files_cleanly(
    filled: SQLiteStore, out: Path, fmt: str
) -> None:
    export(filled, out, fmt)
    # The article is re-analysed and now has one event and no quote.
    filled.save_result(
        make_result(
            replace(ARTICLE, title="Ohrid talks, revised"),
            actors=(KOVACEVSKI, KURTI, SERBIA),
            actor_mentions=MENTIONS,
            events=(HOSTED,),
        )
    )

    counts = export(filled, out, fmt)

    assert counts["events"] == 1
    assert counts["quotes"] == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.{fmt}" for n in FILES)
    if fmt == "jsonl":
        assert [e["event_id"] for e in read_jsonl(out / "events.jsonl")] == ["e-hosted"]
        assert read_jsonl(out / "quotes.jsonl") == []
        [article] = read_jsonl(out / "articles.jsonl")
        assert article["title"] == "Ohrid talks, revised"
    else:
        read = read_csv if fmt == "csv" else read_parquet
        assert [e["event_id"] for e in read(out / f"events.{fmt}")[1]] == ["e-hosted"]
        assert read(out / f"quotes.{fmt}")[1] == []


@pytest.mark.parametrize("fmt", ["xlsx", "JSONL", "", "json"])
def test_unknown_format_raises_config_error_and_writes_nothing(
    filled: SQLiteStore, out: Path, fmt: str
) -> None:

    with pytest.raises(ConfigError, match="unknown export format") as caught:
        export(filled, out, fmt)

    assert "jsonl, csv, parquet" in str(caught.value)
    assert not out.exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_to_a_folder_with_an_apostrophe(
    filled: SQLiteStore, tmp_path: Path, fmt: str
) -> None:
    folder = tmp_path / "o'brien's exports"

    counts = export(filled, folder, fmt)

    assert counts["events"] == 2
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.{fmt}" for n in FILES)


def test_export_streams_in_batches_never_reading_a_whole_table(
    filled: SQLiteStore, out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = export(filled, tmp_path / "at-once")
    whole = {n: (tmp_path / "at-once" / f"{n}.jsonl").read_text("utf-8") for n in expected}

    def refused(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("the export read a whole table")

    from storyline.store import reads

    monkeypatch.setattr(reads, "SORT_LIMIT", 1)  # a batch per row: every seek is exercised
    for name in ("events", "quotes", "actors", "articles", "actor_mentions"):
        monkeypatch.setattr(filled, name, refused)
    counts = export(filled, out)

    assert counts == expected and counts["events"] >= 2 and counts["actors"] >= 2
    assert {n: (out / f"{n}.jsonl").read_text("utf-8") for n in counts} == whole
