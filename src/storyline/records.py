"""Typed records every stage exchanges: frozen dataclasses and closed vocabularies.

Stages pass these, never loose dicts. Each extracted fact holds its evidence
(article id and character offsets into the article text).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class ActorKind(StrEnum):
    PERSON = "person"
    ORG = "org"
    COUNTRY = "country"
    GROUP = "group"


class QuoteKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    WINDOW = "window"


class IngestStatus(StrEnum):
    INGESTED = "ingested"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    FAILED = "failed"


def stable_id(prefix: str, *parts: object) -> str:
    """A deterministic short id from its parts, so re-runs and exports are stable."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:16]}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """Where a fact was read: article id, character offsets and the text there."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One article as ingested: its exact text and its metadata."""

    doc_id: str
    file: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD"
    outlet: str | None = None
    url: str | None = None
    place: str | None = None  # from a dateline, when there is one
    source_path: str | None = None
    duplicate_of: str | None = None

    @property
    def content_hash(self) -> str:
        """Hash of the exact text and metadata: same hash means nothing to redo."""
        return stable_id("", self.text, self.title, self.published, self.outlet, self.url)


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestFailure:
    """A file or record that could not be read, and why, in one line."""

    path: str
    reason: str
    line: int | None = None

    def message(self) -> str:
        """The one-line message shown to the user."""
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """A sentence's character span in its article."""

    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityMention:
    """A named-entity mention found by the NLP pass."""

    evidence: Evidence
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedArticle:
    """The NLP pass over one article: sentences, token count, entity mentions."""

    article: Article
    sentences: tuple[Sentence, ...]
    n_tokens: int
    mentions: tuple[EntityMention, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A canonical actor: who someone is, across mentions and articles."""

    actor_id: str
    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # CAMEO-style: GOV, MIL, MED, ...
    role: str | None = None
    aliases: tuple[str, ...] = ()

    def merged(self, other: Actor) -> Actor:
        """This actor and another record of it as one: known values win over unknown ones,
        aliases add up, and where the two disagree the choice does not depend on which
        came first (the longer name and role; else the later in alphabetical order)."""
        return Actor(
            actor_id=self.actor_id,
            name=_fuller(self.name, other.name),
            kind=max(self.kind, other.kind, key=lambda k: k.value),
            country=_either(self.country, other.country),
            sector=_either(self.sector, other.sector),
            role=_fuller(self.role, other.role),
            aliases=tuple(sorted(set(self.aliases) | set(other.aliases))),
        )


def _fuller(a: str | None, b: str | None) -> str | None:
    """Of two values the longer, known one (a tie: the later alphabetically)."""
    known = [v for v in (a, b) if v]
    return max(known, key=lambda v: (len(v), v)) if known else (a or b)


def _either(a: str | None, b: str | None) -> str | None:
    """The known one of two values (both known: the later alphabetically)."""
    known = [v for v in (a, b) if v]
    return max(known) if known else None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorMention:
    """A stretch of text that refers to a canonical actor."""

    actor_id: str
    evidence: Evidence


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A quotation: its words, who said them and the chain it came through."""

    quote_id: str
    evidence: Evidence
    kind: QuoteKind
    speaker: Actor | None = None
    speaker_text: str | None = None
    cue: str | None = None
    via: tuple[str, ...] = ()
    # the other parties of a joint statement ("Hamas and Islamic Jihad said")
    joint: tuple[Actor, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDate:
    """When an event happened, with the precision the text gives."""

    value: str | None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None for a window
    precision: DatePrecision
    window: tuple[str, str] | None = None  # [after, before] as ISO days
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """Where an event happened."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A coded event: who did what to whom, when and where, with its evidence."""

    event_id: str
    type: str  # PLOVER type
    source: Actor
    targets: tuple[Actor, ...]
    evidence: Evidence
    mode: str | None = None
    cameo: str | None = None
    date: EventDate | None = None
    location: Location | None = None
    fatalities: int | None = None
    historical: bool = False
    negated: bool = False
    future: bool = False
    contested: bool = False  # sources disagree on who did it ("both blame the other")
    quad: str | None = None  # PLOVER quad category, e.g. "verbal_cooperation"
    score: float | None = None  # PLOVER's score of the type
    also: tuple[Evidence, ...] = ()  # further reports of the same act in the article
    story_id: str | None = None
    confidence: float = 0.0
    reviewed: bool = False  # an analyst corrected it (see storyline.review)


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    """One real event as reported across articles."""

    story_id: str
    date: str | None
    title: str
    event_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    types: tuple[str, ...]
    precision: str | None = None
    date_window: tuple[str, str] | None = None
    outlets: tuple[str, ...] = ()
    sources: int = 0  # independent reports: near-duplicates of one article count once
    contested: bool = False
    historical: bool = False
    participants: tuple[str, ...] = ()  # actor ids


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleResult:
    """Everything the per-article pipeline found in one article; saved atomically."""

    parsed: ParsedArticle
    actors: tuple[Actor, ...] = ()
    actor_mentions: tuple[ActorMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = field(default=())

    @property
    def article(self) -> Article:
        """The article these results belong to."""
        return self.parsed.article
