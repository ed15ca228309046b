"""The only place stages are composed: per-article analysis and batch ingest."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from storyline.actors import ActorRegistry, Knowledge, Phrases, plan_merges, resolve_actors
from storyline.actors.dictionary import default_dictionary_paths, load_dictionaries
from storyline.config import Settings
from storyline.dates import find_dates
from storyline.errors import StoreError
from storyline.events import EventContext, Lexicon, code_events
from storyline.events.patterns import ArgumentPatterns
from storyline.gazetteer import Gazetteer
from storyline.ingest.dedup import NearDuplicateIndex, from_bytes, signature, to_bytes
from storyline.nlp import load_model, parse_doc
from storyline.quotes import extract_quotes, find_quoted
from storyline.records import Article, ArticleResult, Event, IngestFailure, IngestStatus
from storyline.store import SQLiteStore
from storyline.stories import relink, restates

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Resources:
    """What the stages need, loaded once per process and passed down."""

    nlp: Language
    kb: Knowledge
    lexicon: Lexicon
    gazetteer: Gazetteer
    patterns: ArgumentPatterns = field(default_factory=ArgumentPatterns.load)


def load_resources(settings: Settings) -> Resources:
    """Load the spaCy model, the knowledge files and the user's actor dictionaries."""
    paths = [*default_dictionary_paths(Path.cwd(), os.environ), *settings.actor_files]
    kb = Knowledge.load(load_dictionaries(paths))
    return Resources(
        nlp=load_model(settings.model), kb=kb, lexicon=Lexicon.load(), gazetteer=kb.places
    )


def analyse(
    article: Article, doc: Doc, resources: Resources, registry: ActorRegistry | None = None
) -> ArticleResult:
    """Every per-article stage over a parsed Doc, top to bottom."""
    parsed = parse_doc(article, doc)
    quoted = find_quoted(article.text)
    marks = [(q.open_mark, q.close_mark + 1) for q in quoted]
    published = date.fromisoformat(article.published) if article.published else None
    registry = registry or ActorRegistry()
    actors = resolve_actors(doc, article.doc_id, resources.kb, registry, marks, published)
    quotes = extract_quotes(doc, article.doc_id, quoted, actors, resources.kb)
    context = EventContext(
        doc_id=article.doc_id,
        published=published,
        actors=actors,
        quotes=quotes,
        dates=find_dates(doc, published),
        phrases=Phrases(actors, quotes, resources.kb),
    )
    events = code_events(
        doc, context, resources.kb, resources.lexicon, resources.gazetteer, resources.patterns
    )
    return ArticleResult(
        parsed=parsed,
        actors=actors.actors,
        actor_mentions=actors.mentions,
        quotes=quotes,
        events=events,
    )


def process_article(
    article: Article, resources: Resources, registry: ActorRegistry | None = None
) -> ArticleResult:
    """Run the whole per-article pipeline on one article."""
    return analyse(article, resources.nlp(article.text), resources, registry)


def _first_key(article: Article) -> tuple[bool, str, str]:
    """Of two near-duplicates, the original is the one published first (then the lower
    id): chosen so, not by which came first, the copy is the same in any ingest order."""
    return article.published is None, article.published or "", article.doc_id


def _restated(event: Event, original: Iterable[Event]) -> bool:
    return any(restates(event, o) for o in original)


def _without_restated(result: ArticleResult, original: list[Event]) -> ArticleResult:
    """A near-duplicate's result without the events its original already reports."""
    return replace(result, events=tuple(e for e in result.events if not _restated(e, original)))


def where_from(article: Article) -> str:
    """How a failure names the article: its file (and record) as the user gave it."""
    if article.source_path and article.file != Path(article.source_path).name:
        return f"{article.source_path} ({article.file})"
    return article.source_path or article.file


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did, counted by outcome."""

    counts: dict[IngestStatus, int] = field(default_factory=lambda: dict.fromkeys(IngestStatus, 0))
    failures: list[IngestFailure] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        """How many files or records could not be ingested."""
        return self.counts[IngestStatus.FAILED]


Report = Callable[[IngestStatus, Article | IngestFailure], None]


def ingest(
    items: Iterable[Article | IngestFailure],
    store: SQLiteStore,
    resources: Resources,
    settings: Settings,
    report: Report | None = None,
) -> IngestSummary:
    """Process and store new or changed articles, one transaction each; skip the rest."""
    summary = IngestSummary()
    started = time.perf_counter()
    index = NearDuplicateIndex(settings.duplicate_threshold)
    for doc_id, sig in store.signatures():
        index.add(doc_id, from_bytes(sig))
    registry = ActorRegistry(store.actors())
    pending: dict[str, tuple[IngestStatus, bytes]] = {}
    changed: set[str] = set()
    firsts: dict[str, tuple[bool, str, str]] = {}  # this batch's articles by _first_key
    demote: dict[str, str] = {}  # article -> the stored near-duplicate it is the original of

    def first_key(doc_id: str) -> tuple[bool, str, str]:
        if doc_id not in firsts:
            stored = store.article(doc_id)
            firsts[doc_id] = _first_key(stored) if stored else (True, "", doc_id)
        return firsts[doc_id]

    def note(status: IngestStatus, item: Article | IngestFailure) -> None:
        summary.counts[status] += 1
        if isinstance(item, IngestFailure):
            summary.failures.append(item)
        if report is not None:
            report(status, item)

    def to_process() -> Iterator[Article]:
        for item in items:
            if isinstance(item, IngestFailure):
                note(IngestStatus.FAILED, item)
                continue
            stored = store.content_hash(item.doc_id)
            if item.doc_id in pending or stored == item.content_hash:
                note(IngestStatus.UNCHANGED, item)
                continue
            mh = signature(item.text)
            duplicate_of = index.find(item.doc_id, mh)
            index.add(item.doc_id, mh)
            firsts[item.doc_id] = _first_key(item)
            if duplicate_of and firsts[item.doc_id] < first_key(duplicate_of):
                # The stored one repeats this: it becomes the copy, whatever came first.
                demote[item.doc_id], duplicate_of = duplicate_of, None
            status = (
                IngestStatus.UPDATED
                if stored
                else IngestStatus.DUPLICATE
                if duplicate_of
                else IngestStatus.INGESTED
            )
            pending[item.doc_id] = (status, to_bytes(mh))
            yield replace(item, duplicate_of=duplicate_of)

    stream = resources.nlp.pipe(
        ((a.text, a) for a in to_process()), as_tuples=True, batch_size=settings.batch_size
    )
    for doc, article in stream:
        try:
            result = analyse(article, doc, resources, registry)
        except Exception as exc:  # a stage failing on one article must not stop the batch
            log.debug("analysis failed for %s", article.file, exc_info=True)
            where = article.source_path or article.file
            note(
                IngestStatus.FAILED, IngestFailure(path=where, reason=f"analysis failed ({exc!r})")
            )
            continue
        if article.duplicate_of:  # a copy adds its sources to stories, not its events again
            result = _without_restated(result, store.events(doc_id=article.duplicate_of))
        status, sig = pending[article.doc_id]
        try:
            store.save_result(result, sig)
        except StoreError as exc:
            note(IngestStatus.FAILED, IngestFailure(path=where_from(article), reason=str(exc)))
            continue
        registry.add(result.actors)
        changed.add(article.doc_id)
        if article.doc_id in demote:
            copy = demote[article.doc_id]
            restated = [e for e in store.events(doc_id=copy) if _restated(e, result.events)]
            store.demote(copy, article.doc_id, [e.event_id for e in restated])
            changed.add(copy)
        summary.words += result.parsed.n_tokens
        note(status, article)
    # What later articles taught (a full name, an office holder) now joins earlier ones.
    merges = plan_merges(store.actors())
    store.merge_actors(merges)
    if changed or merges:
        relink(store, changed, {*merges, *merges.values()})
    summary.seconds = time.perf_counter() - started
    return summary
