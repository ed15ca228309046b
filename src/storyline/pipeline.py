"""The only place stages are composed: per-article analysis and batch ingest."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Protocol

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
from storyline.ingest.dedup import (
    NearDuplicateIndex,
    band_keys,
    from_bytes,
    signature,
    to_bytes,
)
from storyline.nlp import load_model, parse_doc, parse_text, parse_texts
from storyline.query import ActorFilter
from storyline.quotes import extract_quotes, find_quoted
from storyline.records import (
    Actor,
    ActorKind,
    Article,
    ArticleResult,
    Event,
    IngestFailure,
    IngestStatus,
)
from storyline.reviewing import corrected
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
    """Run the whole per-article pipeline on one article (a long one parsed in pieces)."""
    return analyse(article, parse_text(resources.nlp, article.text), resources, registry)


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


@dataclass(frozen=True, slots=True)
class Analysed:
    """The map step's answer for one article: what was found in it, or why it failed."""

    article: Article
    result: ArticleResult | None = None
    failure: IngestFailure | None = None


def analyse_batch(
    articles: Sequence[Article], resources: Resources, known: ActorRegistry
) -> list[Analysed]:
    """The map step: every per-article stage over a batch of articles, in their order.

    A pure function of the articles, the loaded resources and `known`, a read-only view of
    the actors learned before the batch; it writes nothing, so it can run in a worker
    process or on a cluster. An article a stage fails on is a failure; the rest go on.
    """
    try:
        texts = (a.text for a in articles)  # a long text is parsed in pieces (nlp/pieces.py)
        docs = list(parse_texts(resources.nlp, texts, batch_size=len(articles)))
    except Exception:  # one text the model refuses must not cost the batch: one at a time
        return [_analysed(a, None, resources, known) for a in articles]
    return [_analysed(a, doc, resources, known) for a, doc in zip(articles, docs, strict=True)]


def _analysed(
    article: Article, doc: Doc | None, resources: Resources, known: ActorRegistry
) -> Analysed:
    try:
        doc = doc if doc is not None else parse_text(resources.nlp, article.text)
        return Analysed(article, result=analyse(article, doc, resources, known))
    except Exception as exc:  # a stage failing on one article must not stop the batch
        log.debug("analysis failed for %s", article.file, exc_info=True)
        reason = f"analysis failed ({exc!r})"
        return Analysed(article, failure=IngestFailure(path=where_from(article), reason=reason))


class Mapper(Protocol):
    """Runs the map step over batches of articles, here or elsewhere (worker processes,
    a Ray cluster), and yields each article's answer in the order the batches came."""

    def map(self, batches: Iterable[list[Article]], known: ActorRegistry) -> Iterator[Analysed]: ...


@dataclass(frozen=True, slots=True)
class InProcess:
    """The map step in this process, one batch after another."""

    resources: Resources

    def map(self, batches: Iterable[list[Article]], known: ActorRegistry) -> Iterator[Analysed]:
        """Each batch's answers, in order."""
        for batch in batches:
            yield from analyse_batch(batch, self.resources, known)


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Articles in lists of `size` (the last may be shorter)."""
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    items: Iterable[Article | IngestFailure],
    store: SQLiteStore,
    resources: Resources | None,
    settings: Settings,
    report: Report | None = None,
    *,
    mapper: Mapper | None = None,
) -> IngestSummary:
    """Process and store new or changed articles, one transaction each; skip the rest.

    Map, then reduce: the articles' analysis runs through `mapper` (in this process by
    default, with `resources`) against a snapshot of the actors known before the run, and
    one writer here does every mutation, so the stored result does not depend on the
    order the articles come in.
    """
    if mapper is None:
        if resources is None:
            raise ValueError("ingest needs the resources or a mapper that has its own")
        mapper = InProcess(resources)
    known = ActorRegistry(store.iter_actors(ActorFilter(kind=ActorKind.PERSON)))
    writer = _Writer(store, settings, report)
    for analysed in mapper.map(batched(writer.triage(items), settings.batch_size), known):
        writer.write(analysed)
    return writer.finish(known)


class _Writer:
    """The reduce step: the one place an ingest run changes the store."""

    def __init__(self, store: SQLiteStore, settings: Settings, report: Report | None) -> None:
        self.store, self.report = store, report
        self.summary = IngestSummary()
        self.started = time.perf_counter()
        self.index = NearDuplicateIndex(settings.duplicate_threshold)  # this run's articles
        while unbanded := store.unbanded():  # a store from before band keys: once
            store.save_bands({d: band_keys(from_bytes(sig)) for d, sig in unbanded})
        self.pending: dict[str, tuple[IngestStatus, bytes, list[int]]] = {}
        self.changed: set[str] = set()
        self.firsts: dict[str, tuple[bool, str, str]] = {}  # this run's by _first_key
        self.demote: dict[str, str] = {}  # article -> the stored copy it is the original of
        self.learned: list[Actor] = []  # the people this run stored

    def note(self, status: IngestStatus, item: Article | IngestFailure) -> None:
        """Count an outcome and tell the caller."""
        self.summary.counts[status] += 1
        if isinstance(item, IngestFailure):
            self.summary.failures.append(item)
        if self.report is not None:
            self.report(status, item)

    def _first_key(self, doc_id: str) -> tuple[bool, str, str]:
        if doc_id not in self.firsts:
            stored = self.store.article(doc_id)
            self.firsts[doc_id] = _first_key(stored) if stored else (True, "", doc_id)
        return self.firsts[doc_id]

    def triage(self, items: Iterable[Article | IngestFailure]) -> Iterator[Article]:
        """The articles to analyse: new or changed ones, each marked as the near-duplicate
        of the stored original it repeats; failures and unchanged ones are noted here."""
        for item in items:
            if isinstance(item, IngestFailure):
                self.note(IngestStatus.FAILED, item)
                continue
            stored = self.store.content_hash(item.doc_id)
            if item.doc_id in self.pending or stored == item.content_hash:
                self.note(IngestStatus.UNCHANGED, item)
                continue
            mh = signature(item.text)
            bands = band_keys(mh)
            near = {d: from_bytes(sig) for d, sig in self.store.near_candidates(bands)}
            duplicate_of = self.index.find(item.doc_id, mh, bands, near)
            self.index.add(item.doc_id, mh, bands)
            self.firsts[item.doc_id] = _first_key(item)
            if duplicate_of and self.firsts[item.doc_id] < self._first_key(duplicate_of):
                # The stored one repeats this: it becomes the copy, whatever came first.
                self.demote[item.doc_id], duplicate_of = duplicate_of, None
            status = (
                IngestStatus.UPDATED
                if stored
                else IngestStatus.DUPLICATE
                if duplicate_of
                else IngestStatus.INGESTED
            )
            self.pending[item.doc_id] = (status, to_bytes(mh), bands)
            yield replace(item, duplicate_of=duplicate_of)

    def write(self, analysed: Analysed) -> None:
        """Store one article's answer, atomically, and what it changes of stored copies."""
        article, result = analysed.article, analysed.result
        if result is None:
            assert analysed.failure is not None
            self.note(IngestStatus.FAILED, analysed.failure)
            return
        store = self.store
        if article.duplicate_of:  # a copy adds its sources to stories, not its events again
            result = _without_restated(result, store.events(doc_id=article.duplicate_of))
        result = corrected(store, result)  # analysts' corrections win over the new analysis
        status, sig, bands = self.pending[article.doc_id]
        try:
            store.save_result(result, sig, bands)
        except StoreError as exc:
            self.note(IngestStatus.FAILED, IngestFailure(path=where_from(article), reason=str(exc)))
            return
        self.changed.add(article.doc_id)
        self.learned += [a for a in result.actors if a.kind is ActorKind.PERSON]
        if article.doc_id in self.demote:
            copy = self.demote[article.doc_id]
            restated = [e for e in store.events(doc_id=copy) if _restated(e, result.events)]
            store.demote(copy, article.doc_id, [e.event_id for e in restated])
            self.changed.add(copy)
        self.summary.words += result.parsed.n_tokens
        self.note(status, article)

    def finish(self, known: ActorRegistry) -> IngestSummary:
        """Fold what the run taught into the people known before it (the store's people:
        those known, and those this run stored), relink the stories it touched."""
        merges = plan_merges([*known.actors(), *self.learned])
        self.store.merge_actors(merges)
        if self.changed or merges:
            relink(self.store, self.changed, {*merges, *merges.values()})
        self.summary.seconds = time.perf_counter() - self.started
        return self.summary
