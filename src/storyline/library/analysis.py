"""`storyline.analyse`: one article analysed in memory, nothing stored.

The text goes through what `storyline ingest` does to one article before storing it:
the checks and metadata of a `.jsonl` record (English, a dateline's date and outlet),
then every per-article stage (`pipeline.process_article`) with this process's
resources. What comes back is the stage records themselves, frozen, as tables.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from storyline import export as contract
from storyline.config import Settings
from storyline.ingest import article_from_record
from storyline.library import columns, resources
from storyline.library.tables import Table
from storyline.records import Actor, ActorMention, Article, Event, Quote
from storyline.store.reads import ActorStats


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """What one article holds: its actors (with their mentions), quotes and events, each
    with its evidence (offsets into `article.text`)."""

    article: Article
    actors: Table[ActorStats]
    mentions: tuple[ActorMention, ...]
    quotes: Table[Quote]
    events: Table[Event]

    def to_dict(self) -> dict[str, Any]:
        """The analysis as JSON-ready data: the article (with its text) and its actors,
        quotes and events as the export contract's records."""
        file = self.article.file
        by_actor: dict[str, list[ActorMention]] = {}
        for m in self.mentions:
            by_actor.setdefault(m.actor_id, []).append(m)
        return {
            "article": contract.article_record(self.article)
            | {"text": self.article.text, "place": self.article.place},
            "actors": [
                contract.actors_record(s.actor, by_actor.get(s.actor.actor_id, ()))
                for s in self.actors
            ],
            "quotes": [contract.quote_record(q, file) for q in self.quotes],
            "events": [contract.event_record(e, file) for e in self.events],
        }


def analyse(
    text: str,
    *,
    published: str | date | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> Analysis:
    """Analyse one article's text in memory (nothing is stored): actors, quotes and
    events with their evidence. `published` (YYYY-MM-DD) anchors relative dates ("on
    Tuesday"); without it a dateline's date is used, else dates stay relative.

    Raises IngestError (one line) for a text storyline cannot analyse: empty, not
    English, or a `published` that is not a date. The spaCy model and the knowledge
    load the first time, once per process."""
    from storyline.pipeline import process_article

    settings = Settings()
    record = {"text": text, "published": published, "title": title, "outlet": outlet}
    article = article_from_record(record, "text", settings)
    result = process_article(article, resources.PROCESS.get(settings))
    return Analysis(
        article=article,
        actors=Table(_with_counts(result.actors, result.actor_mentions), columns.ACTOR_STATS),
        mentions=result.actor_mentions,
        quotes=Table(result.quotes, columns.QUOTE),
        events=Table(result.events, columns.EVENT),
    )


def _with_counts(actors: tuple[Actor, ...], mentions: tuple[ActorMention, ...]) -> list[ActorStats]:
    """The actors in name order with how often the article mentions each."""
    counts = Counter(m.actor_id for m in mentions)
    ordered = sorted(actors, key=lambda a: (a.name.casefold(), a.actor_id))
    return [
        ActorStats(actor=a, mentions=counts[a.actor_id], articles=1 if counts[a.actor_id] else 0)
        for a in ordered
    ]
