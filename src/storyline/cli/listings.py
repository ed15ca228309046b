"""Commands that show what is stored: articles, actors, quotes, events, timeline.

Each listing streams from the store's SQL reads (filtered and ordered there), a batch
at a time, looking up only the article files and mentions the batch needs.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TypeVar

import click

from storyline import export as contract
from storyline.cli.main import db_option, friendly_errors, json_option, settings_for
from storyline.cli.render import clip, print_table
from storyline.query import ActorFilter, EventFilter, QuoteFilter, check_date, check_types
from storyline.records import Actor, ActorMention, Event, Quote
from storyline.store import SQLiteStore, open_store
from storyline.store.search import SEARCH_KINDS

T = TypeVar("T", Event, Quote)
U = TypeVar("U")


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD option value, refused otherwise."""
    if value is None:
        return None
    try:
        return check_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _check_types(
    ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...]:
    """PLOVER type option values, refused when unknown."""
    try:
        return check_types(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _store(db: str | None) -> SQLiteStore:
    return open_store(settings_for(db).db)


def _batched(items: Iterable[U], size: int = 500) -> Iterator[list[U]]:
    """The items in lists of `size`."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _print_json_list(records: Iterable[object]) -> None:
    """A JSON list on stdout, written an item at a time (as print_json would write it)."""
    out, first = sys.stdout, True
    for record in records:
        text = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(("[\n  " if first else ",\n  ") + text)
        first = False
    out.write("[]\n" if first else "\n]\n")


def _with_files(store: SQLiteStore, found: Iterable[T]) -> Iterator[tuple[T, str]]:
    """Each record with its article's file name, looked up a batch at a time."""
    for batch in _batched(found):
        files = store.files_of({r.evidence.doc_id for r in batch})
        yield from ((r, files[r.evidence.doc_id]) for r in batch)


@click.command()
@db_option
@click.option("--outlet", help="Only articles from outlets whose name contains this.")
@json_option
@friendly_errors
def articles(db: str | None, outlet: str | None, as_json: bool) -> None:
    """List the stored articles in publication order, with what was found in each."""
    stats = _store(db).iter_articles(outlet=outlet or None)
    if as_json:
        _print_json_list(contract.article_record(s.article) for s in stats)
        return
    rows = [
        (
            s.article.published or "undated",
            s.article.file,
            s.article.outlet,
            clip(s.article.title or "", 50),
            s.n_sentences,
            s.n_tokens,
            s.n_mentions,
            s.article.duplicate_of or "",
        )
        for s in stats
    ]
    headers = ("published", "file", "outlet", "title", "sents", "tokens", "entities", "dup of")
    print_table("Articles", headers, rows, "none stored; run `storyline ingest PATH`")


@click.command()
@db_option
@click.option("--name", help="Only actors whose name or alias contains this.")
@click.option("--country", help="Only actors of this ISO 3166 alpha-3 country (e.g. USA).")
@click.option("--mentions", "show_mentions", is_flag=True, help="Show every mention.")
@json_option
@friendly_errors
def actors(
    db: str | None, name: str | None, country: str | None, show_mentions: bool, as_json: bool
) -> None:
    """List canonical actors: kind, country, sector, role, mentions and aliases."""
    store = _store(db)
    found = store.iter_actors(ActorFilter(name=name or None, country=country or None))
    if as_json:
        _print_json_list(contract.actors_record(a, ms) for a, ms in _with_mentions(store, found))
        return
    rows = []
    for a, ms in _with_mentions(store, found):
        docs = len({m.evidence.doc_id for m in ms})
        rows.append(
            (
                a.name,
                a.kind.value,
                a.country,
                a.sector,
                a.role,
                len(ms),
                docs,
                clip(", ".join(a.aliases), 60),
            )
        )
        if show_mentions:
            rows += [
                (
                    "",
                    "",
                    "",
                    "",
                    "",
                    f"{m.evidence.doc_id}:{m.evidence.start}-{m.evidence.end}",
                    "",
                    m.evidence.text,
                )
                for m in ms
            ]
    headers = ("actor", "kind", "country", "sector", "role", "mentions", "articles", "aliases")
    print_table("Actors", headers, rows, "none found")


@click.command()
@db_option
@click.option("--speaker", help="Only quotes whose speaker's name or alias contains this.")
@click.option("--country", help="Only quotes whose speaker is of this country (ISO alpha-3).")
@click.option("--article", "doc_id", help="Only quotes from this article id.")
@json_option
@friendly_errors
def quotes(
    db: str | None, speaker: str | None, country: str | None, doc_id: str | None, as_json: bool
) -> None:
    """List quotations with speaker, role, country, reporting chain and evidence."""
    store = _store(db)
    wanted = QuoteFilter(speaker=speaker or None, country=country or None, doc_id=doc_id or None)
    found = _with_files(store, store.iter_quotes(wanted))
    if as_json:
        _print_json_list(contract.quote_record(q, file) for q, file in found)
        return
    rows = [
        (
            ", ".join(a.name for a in (q.speaker, *q.joint))
            if q.speaker
            else (q.speaker_text or "?"),
            q.speaker.role if q.speaker else None,
            q.speaker.country if q.speaker else None,
            q.kind.value,
            " > ".join(q.via),
            clip(q.evidence.text, 80),
            f"{file}:{q.evidence.start}-{q.evidence.end}",
        )
        for q, file in found
    ]
    headers = ("speaker", "role", "country", "kind", "via", "text", "evidence")
    print_table("Quotes", headers, rows, "none found")


@click.command()
@db_option
@click.option("--actor", help="Only events with an actor whose name contains this.")
@click.option("--country", help="Only events with an actor of this country (ISO alpha-3).")
@click.option(
    "--type",
    "types",
    multiple=True,
    callback=_check_types,
    help="Only this PLOVER type (repeatable).",
)
@click.option(
    "--since", callback=_check_date, help="Only events on or after this date (YYYY[-MM[-DD]])."
)
@click.option(
    "--until", callback=_check_date, help="Only events on or before this date (YYYY[-MM[-DD]])."
)
@click.option("--article", "doc_id", help="Only events from this article id.")
@json_option
@friendly_errors
def events(
    db: str | None,
    actor: str | None,
    country: str | None,
    types: tuple[str, ...],
    since: str | None,
    until: str | None,
    doc_id: str | None,
    as_json: bool,
) -> None:
    """List coded events: date, type, who did it to whom, and the evidence sentence."""
    store = _store(db)
    wanted = EventFilter(
        actor=actor or None,
        country=country or None,
        types=types,
        since=since,
        until=until,
        doc_id=doc_id or None,
    )
    found = _with_files(store, store.iter_events(wanted))
    if as_json:
        _print_json_list(contract.event_record(e, file) for e, file in found)
        return
    rows = [
        (
            e.date.value if e.date else "undated",
            e.type,
            e.source.name,
            ", ".join(t.name for t in e.targets),
            clip(e.evidence.text, 80),
            f"{file}:{e.evidence.start}-{e.evidence.end}",
        )
        for e, file in found
    ]
    print_table(
        "Events", ("date", "type", "source", "targets", "evidence", "where"), rows, "none found"
    )


@click.command()
@db_option
@click.option("--actor", help="Only stories with a participant whose name contains this.")
@click.option("--country", help="Only stories with a participant of this country (ISO alpha-3).")
@click.option("--since", callback=_check_date, help="Only stories on or after this date.")
@click.option("--until", callback=_check_date, help="Only stories on or before this date.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html"]),
    default="text",
    show_default=True,
    help="text for the terminal, json for programs, html for one self-contained page.",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file.")
@json_option
@friendly_errors
def timeline(
    db: str | None,
    actor: str | None,
    country: str | None,
    since: str | None,
    until: str | None,
    fmt: str,
    out: Path | None,
    as_json: bool,
) -> None:
    """Show the stories in date order: date and precision, title, participants, sources
    and evidence sentences; historical background and undated stories apart."""
    from storyline.stories import timeline as tl

    built = tl.build_timeline(_store(db), actor=actor, country=country, since=since, until=until)
    fmt = "json" if as_json else fmt
    if fmt == "json":
        text = json.dumps(tl.render_json(built), ensure_ascii=False, indent=2)
    elif fmt == "html":
        text = tl.render_html(built)
    else:
        text = tl.render_text(built)
    if out is not None:
        out.write_text(text + "\n", encoding="utf-8")
        click.echo(f"{out}: {len(built.news) + len(built.background) + len(built.undated)} stories")
    else:
        click.echo(text)


def _with_mentions(
    store: SQLiteStore, found: Iterable[Actor]
) -> Iterator[tuple[Actor, list[ActorMention]]]:
    """Each actor with every mention of it, read a batch of actors at a time."""
    for batch in _batched(found):
        mentions = store.mentions_of([a.actor_id for a in batch])
        yield from ((a, mentions[a.actor_id]) for a in batch)


@click.command()
@db_option
@click.argument("query")
@click.option(
    "--kind", type=click.Choice(SEARCH_KINDS), help="Only articles, only quotes or only events."
)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@json_option
@friendly_errors
def search(db: str | None, query: str, kind: str | None, limit: int, as_json: bool) -> None:
    """Find the articles, quotes and events holding every word of QUERY, best first."""
    found = _store(db).search(query, kind=kind, limit=limit)
    if as_json:
        _print_json_list(h.record() for h in found.items)
        return
    rows = [
        (
            h.kind,
            h.record_id,
            clip(h.snippet.text, 80),
            f"{h.doc_id}:{h.snippet.start}-{h.snippet.end}",
        )
        for h in found.items
    ]
    title = f"Search: {len(rows)} of {found.total}"
    print_table(title, ("kind", "id", "snippet", "evidence"), rows, "nothing holds these words")


COMMANDS = (articles, actors, quotes, events, timeline, search)
