"""The export contract (shared/eval/README.md): JSON Lines, CSV or Parquet files.

Other tools read these files: fields may be added, never renamed or removed. The
export streams: each file is written as the store reads it, a batch at a time.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TypeVar

from storyline.errors import ConfigError
from storyline.records import Actor, ActorMention, Article, Event, Quote, Story
from storyline.review import Correction
from storyline.store import SQLiteStore

FORMATS = ("jsonl", "csv", "parquet")

# Field order of each contract file; the CSV and Parquet columns follow it.
FIELDS: dict[str, tuple[str, ...]] = {
    "articles": ("doc_id", "file", "title", "published", "outlet", "url", "duplicate_of"),
    "actors": ("actor_id", "name", "kind", "country", "sector", "role", "aliases", "mentions"),
    "events": (
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
        # added by storyline (the contract allows added fields)
        "future",
        "contested",
        "quad",
        "score",
        "also",
        "reviewed",  # an analyst corrected it (its corrections are in corrections.jsonl)
    ),
    "quotes": (
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
        # added by storyline (the contract allows added fields)
        "joint_speakers",
    ),
    "stories": ("story_id", "date", "title", "event_ids", "doc_ids", "types"),
    # added by storyline: analysts' corrections, in the order they were made
    "corrections": (
        "correction_id",
        "record",
        "record_id",
        "doc_id",
        "action",
        "who",
        "when",
        "reason",
        "before",
        "after",
        "undone_at",
        "undone_by",
    ),
}

Record = dict[str, object]
_T = TypeVar("_T", Event, Quote)
_U = TypeVar("_U")


def actor_record(actor: Actor) -> Record:
    """The contract's ACTOR object."""
    return {
        "actor_id": actor.actor_id,
        "name": actor.name,
        "kind": actor.kind.value,
        "country": actor.country,
        "sector": actor.sector,
        "role": actor.role,
    }


def article_record(article: Article) -> Record:
    """A line of articles.jsonl."""
    return {name: getattr(article, name) for name in FIELDS["articles"]}


def actors_record(actor: Actor, mentions: Iterable[ActorMention]) -> Record:
    """A line of actors.jsonl: the actor, its aliases and every mention."""
    return actor_record(actor) | {
        "aliases": list(actor.aliases),
        "mentions": [
            {
                "doc_id": m.evidence.doc_id,
                "start": m.evidence.start,
                "end": m.evidence.end,
                "text": m.evidence.text,
            }
            for m in mentions
        ],
    }


def event_record(event: Event, file: str) -> Record:
    """A line of events.jsonl."""
    date, loc, ev = event.date, event.location, event.evidence
    return {
        "event_id": event.event_id,
        "doc_id": ev.doc_id,
        "file": file,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "source": actor_record(event.source),
        "targets": [actor_record(t) for t in event.targets],
        "date": date.value if date else None,
        "date_precision": date.precision.value if date else None,
        "date_window": list(date.window) if date and date.window else None,
        "date_text": date.text if date else None,
        "location": (
            {"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon}
            if loc
            else None
        ),
        "fatalities": event.fatalities,
        "historical": event.historical,
        "negated": event.negated,
        "evidence": {"text": ev.text, "start": ev.start, "end": ev.end},
        "story_id": event.story_id,
        "confidence": event.confidence,
        "future": event.future,
        "contested": event.contested,
        "quad": event.quad,
        "score": event.score,
        "also": [{"text": e.text, "start": e.start, "end": e.end} for e in event.also],
        "reviewed": event.reviewed,
    }


def quote_record(quote: Quote, file: str) -> Record:
    """A line of quotes.jsonl."""
    ev = quote.evidence
    return {
        "quote_id": quote.quote_id,
        "doc_id": ev.doc_id,
        "file": file,
        "text": ev.text,
        "start": ev.start,
        "end": ev.end,
        "kind": quote.kind.value,
        "speaker": actor_record(quote.speaker) if quote.speaker else None,
        "speaker_text": quote.speaker_text,
        "cue": quote.cue,
        "via": list(quote.via),
        "joint_speakers": [actor_record(a) for a in quote.joint],
    }


def story_record(story: Story) -> Record:
    """A line of stories.jsonl."""
    return {
        "story_id": story.story_id,
        "date": story.date,
        "title": story.title,
        "event_ids": list(story.event_ids),
        "doc_ids": list(story.doc_ids),
        "types": list(story.types),
    }


def correction_record(correction: Correction) -> Record:
    """A line of corrections.jsonl: what was corrected, by whom, when, why, before and
    after, and whether (by whom, when) it was undone."""
    c = correction
    return {
        "correction_id": c.correction_id,
        "record": c.record,
        "record_id": c.record_id,
        "doc_id": c.doc_id,
        "action": c.action,
        "who": c.who,
        "when": c.made_at,
        "reason": c.reason,
        "before": dict(c.before),
        "after": dict(c.after),
        "undone_at": c.undone_at,
        "undone_by": c.undone_by,
    }


def contract_streams(store: SQLiteStore) -> dict[str, Iterator[Record]]:
    """Every contract file's records, streamed from the store a batch at a time (the
    file names of a batch's articles, the mentions of a batch's actors)."""
    return {
        "articles": (article_record(s.article) for s in store.iter_articles()),
        "actors": _actors_records(store),
        "events": (event_record(e, f) for e, f in _with_files(store, store.iter_events())),
        "quotes": (quote_record(q, f) for q, f in _with_files(store, store.iter_quotes())),
        "stories": (story_record(s) for s in store.stories()),
        "corrections": (correction_record(c) for c in store.iter_corrections()),
    }


def contract_records(store: SQLiteStore) -> dict[str, list[Record]]:
    """Every contract file's records, read from the store (held in memory: for tests and
    small stores; `export` streams)."""
    return {name: list(records) for name, records in contract_streams(store).items()}


def _actors_records(store: SQLiteStore) -> Iterator[Record]:
    for batch in _batched(store.iter_actors()):
        mentions = store.mentions_of([a.actor_id for a in batch])
        yield from (actors_record(a, mentions[a.actor_id]) for a in batch)


def _with_files(store: SQLiteStore, found: Iterable[_T]) -> Iterator[tuple[_T, str]]:
    """Each event or quote with its article's file name, looked up a batch at a time."""
    for batch in _batched(found):
        files = store.files_of({r.evidence.doc_id for r in batch})
        yield from ((r, files[r.evidence.doc_id]) for r in batch)


def _batched(items: Iterable[_U], size: int = 500) -> Iterator[list[_U]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def export(store: SQLiteStore, out: Path, fmt: str = "jsonl") -> dict[str, int]:
    """Write the contract files to `out`, streaming each; returns the record count of
    each file."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, records in contract_streams(store).items():
        path = out / f"{name}.{fmt}"
        tmp = path.with_name(path.name + ".tmp")
        counts[name] = _WRITERS[fmt](tmp, FIELDS[name], records)
        tmp.replace(path)  # readers never see a half-written file
    return counts


def _write_jsonl(path: Path, fields: tuple[str, ...], records: Iterable[Record]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def _flat(value: object) -> object:
    """A cell value: nested objects become JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


def _write_csv(path: Path, fields: tuple[str, ...], records: Iterable[Record]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for record in records:
            writer.writerow({k: _flat(record[k]) for k in fields})
            n += 1
    return n


def _write_parquet(path: Path, fields: tuple[str, ...], records: Iterable[Record]) -> int:
    import duckdb

    con = duckdb.connect()
    n = 0
    try:
        columns = ", ".join(f'"{f}" {_PARQUET_TYPES.get(f, "VARCHAR")}' for f in fields)
        con.execute(f"CREATE TABLE t ({columns})")
        marks = ", ".join("?" for _ in fields)
        for batch in _batched(records, 5000):
            con.executemany(
                f"INSERT INTO t VALUES ({marks})",
                [tuple(_flat(r[f]) for f in fields) for r in batch],
            )
            n += len(batch)
        quoted = path.as_posix().replace("'", "''")
        con.execute(f"COPY t TO '{quoted}' (FORMAT parquet)")
    finally:
        con.close()
    return n


# Scalar columns that are not text; nested values are stored as JSON text.
_PARQUET_TYPES = {
    "start": "BIGINT",
    "end": "BIGINT",
    "fatalities": "BIGINT",
    "confidence": "DOUBLE",
    "historical": "BOOLEAN",
    "negated": "BOOLEAN",
    "future": "BOOLEAN",
    "contested": "BOOLEAN",
    "reviewed": "BOOLEAN",
    "score": "DOUBLE",
}

_WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}
