"""`storyline.open`: a store to ingest into and read from, as tables.

`Store` is a thin layer over the store the CLI and the REST API read: `ingest` runs the
CLI's ingest (the same reading, analysis, writer, failure lines and summary), and each
listing passes its arguments, checked as the CLI and the API check them, to the same
SQL reads (`store/reads.py`, `store/story_reads.py`), a page or a batch at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from storyline.config import DEFAULT_DB, Settings
from storyline.errors import StoreError
from storyline.library import columns, filters, resources
from storyline.library.inputs import Input, articles_from
from storyline.library.records import Dyad, TimelineEntry
from storyline.library.tables import Table
from storyline.network import Node, network_of
from storyline.records import Event, Quote, Story
from storyline.store import SQLiteStore, open_store
from storyline.store.connection import redact
from storyline.store.reads import BATCH, ActorStats, ArticleStats
from storyline.stories.timeline import build_timeline

if TYPE_CHECKING:
    from storyline.pipeline import IngestSummary

Types = str | Iterable[str] | None


class Store:
    """A storyline database (a SQLite file or a PostgreSQL URL), opened for ingest and
    reads; a context manager that closes it."""

    def __init__(self, db: str | os.PathLike[str] = DEFAULT_DB) -> None:
        self.db = str(db)
        self._store: SQLiteStore | None = open_store(self.db)

    def __repr__(self) -> str:
        state = "" if self._store is not None else ", closed"
        return f"<storyline.Store {redact(self.db)}{state}>"

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database (closing twice is harmless)."""
        if self._store is not None:
            self._store.close()
            self._store = None

    @property
    def _open(self) -> SQLiteStore:
        if self._store is None:
            raise StoreError(f"{redact(self.db)}: the store is closed; open it again")
        return self._store

    # -- writing ---------------------------------------------------------------------------

    def ingest(
        self,
        paths_or_texts: Input | Iterable[Input],
        *,
        progress: bool = True,
        actors: Iterable[str | os.PathLike[str]] = (),
        workers: int | None = None,
        engine: str = "local",
    ) -> IngestSummary:
        """Ingest files, folders, texts or records as `storyline ingest` does: each
        article in one transaction, unchanged ones skipped, near-duplicates linked; a
        progress bar (unless `progress=False`), one line on stderr for each input that
        fails and the CLI's summary line. `actors` are dictionary files (`--actors`),
        `workers` and `engine` as `--workers` and `--engine`. Returns the counts by
        outcome (`.counts`), the failures (`.failures`), words and seconds."""
        from storyline.cli.ingest_run import RunOptions, ingest_reported, mapper_for

        settings = Settings(db=self.db, actor_files=tuple(Path(p) for p in actors))
        run = RunOptions(engine=engine, workers=workers, show_progress=progress)
        mapper = mapper_for(settings, run, lambda: resources.PROCESS.get(settings))
        items = articles_from(paths_or_texts, settings)
        return ingest_reported(items, self._open, settings, mapper, progress)

    # -- reading ---------------------------------------------------------------------------

    def articles(
        self, *, outlet: str | None = None, limit: int | None = None
    ) -> Table[ArticleStats]:
        """Stored articles in publication order (undated last), with token, sentence and
        entity counts; `outlet` keeps those whose outlet contains it."""
        store = self._open
        if limit is not None:
            found = store.article_page(outlet=outlet or None, limit=limit).items
        else:
            found = list(store.iter_articles(outlet=outlet or None))
        return Table(found, columns.ARTICLE)

    def actors(
        self,
        *,
        name: str | None = None,
        country: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> Table[ActorStats]:
        """Canonical actors in name order with their mention and article counts;
        `name` matches a name, id or alias (part of it, any case), `country` an ISO
        alpha-3 code, `kind` person, org, country or group."""
        wanted = filters.actor_filter(name=name, country=country, kind=kind)
        store, found, after = self._open, [], None
        while True:  # a page at a time: the counts come with the page
            page = store.actor_page(wanted, limit=limit or BATCH, after=after)
            found += page.items
            if limit is not None or page.next is None:
                return Table(found, columns.ACTOR_STATS)
            after = page.next

    def quotes(
        self,
        *,
        speaker: str | None = None,
        country: str | None = None,
        kind: str | None = None,
        article: str | None = None,
        limit: int | None = None,
    ) -> Table[Quote]:
        """Quotations in article and text order: by the speaker's name, id or alias
        (`speaker`) and country, `kind` direct or indirect, `article` an article id."""
        wanted = filters.quote_filter(speaker=speaker, country=country, kind=kind, article=article)
        store = self._open
        if limit is not None:
            return Table(store.quote_page(wanted, limit=limit).items, columns.QUOTE)
        return Table(store.iter_quotes(wanted), columns.QUOTE)

    def events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        type: Types = None,
        quad: str | None = None,
        since: str | None = None,
        until: str | None = None,
        article: str | None = None,
        story: str | None = None,
        limit: int | None = None,
    ) -> Table[Event]:
        """Coded events in article and text order: `actor` (name, id or alias) and
        `country` (ISO alpha-3) of the source or a target, `type` one PLOVER type or
        several, `quad` a quad category, `since`/`until` YYYY[-MM[-DD]] bounds on the
        event's first possible day, `article` and `story` ids."""
        wanted = filters.event_filter(
            actor=actor,
            country=country,
            type=type,
            quad=quad,
            since=since,
            until=until,
            article=article,
            story=story,
        )
        store = self._open
        if limit is not None:
            return Table(store.event_page(wanted, limit=limit).items, columns.EVENT)
        return Table(store.iter_events(wanted), columns.EVENT)

    def stories(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        type: Types = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> Table[Story]:
        """Stories (one real event across articles) in date order, undated last,
        filtered as the timeline is: by a participant, a participant's country, any of
        their event types, and the story's date."""
        wanted = filters.event_filter(
            actor=actor, country=country, type=type, since=since, until=until
        )
        store = self._open
        if limit is not None:
            return Table(store.story_page(wanted, limit=limit).stories, columns.STORY)
        return Table(store.iter_stories(wanted), columns.STORY)

    def timeline(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        type: Types = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> Table[TimelineEntry]:
        """The timeline: news stories by date, then historical background, then
        undated ones (`section`), each with its events, participants and articles;
        filtered as `stories`."""
        wanted = filters.event_filter(
            actor=actor, country=country, type=type, since=since, until=until
        )
        built = build_timeline(
            self._open,
            actor=wanted.actor,
            country=wanted.country,
            since=wanted.since,
            until=wanted.until,
            types=wanted.types,
            limit=limit,
        )
        parts = (("news", built.news), ("background", built.background), ("undated", built.undated))
        entries = [
            TimelineEntry(
                section=section,
                story=e.story,
                events=e.events,
                participants=e.participants,
                articles=e.articles,
            )
            for section, found in parts
            for e in found
        ]
        return Table(entries, columns.TIMELINE)

    def network(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        type: Types = None,
        quad: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 200,
    ) -> tuple[Table[Node], Table[Dyad]]:
        """The actor network of the events these filters keep (those of `events`): the
        `limit` busiest actors with their numbers of events, and the dyads among them
        (an event's source with each target, either way), busiest first."""
        wanted = filters.event_filter(
            actor=actor, country=country, type=type, quad=quad, since=since, until=until
        )
        net = network_of(self._open, wanted, limit=limit)
        actors = {n.actor.actor_id: n.actor for n in net.nodes}
        dyads = [
            Dyad(
                source=actors[e.source],
                target=actors[e.target],
                events=e.count,
                quads=e.quads,
                types=e.types,
            )
            for e in net.edges
        ]
        return Table(net.nodes, columns.NODE), Table(dyads, columns.DYAD)


def open(db: str | os.PathLike[str] = DEFAULT_DB) -> Store:  # shadows the builtin here only
    """Open (creating and migrating if need be) the store at a SQLite path or a
    PostgreSQL URL (`postgresql://user@host/db`, with the `postgres` extra)."""
    return Store(db)
