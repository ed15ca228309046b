"""Evaluation: score what is stored against gold annotations (events, quotes, mentions, stories)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from storyline.eval.gold import GoldArticle, load_gold
from storyline.eval.match import MatchMode, score_events, score_mentions, score_quotes
from storyline.eval.report import ArticleScore, EvalReport, render_text, report_to_dict
from storyline.eval.stories import found_stories, load_gold_stories, score_stories
from storyline.records import ActorMention, Article
from storyline.store.sqlite import SQLiteStore

__all__ = [
    "EvalReport",
    "evaluate",
    "load_gold",
    "load_gold_stories",
    "render_text",
    "report_to_dict",
]


def evaluate(store: SQLiteStore, gold_dir: Path) -> EvalReport:
    """Score every gold article in `gold_dir` against the store's records for it.

    With a `stories.json` in the folder, the output's stories are scored against it too.
    """
    golds = load_gold(gold_dir)
    stories = load_gold_stories(gold_dir, golds)
    stored = [stats.article for stats in store.articles()]
    actors = {actor.actor_id: actor for actor in store.actors()}
    mentions: dict[str, list[ActorMention]] = {}
    for m in store.actor_mentions():
        mentions.setdefault(m.evidence.doc_id, []).append(m)
    scores = []
    for gold in golds:
        article = find_article(gold, stored)
        doc_id = article.doc_id if article else None
        events = store.events(doc_id=doc_id) if doc_id else []
        quotes = store.quotes(doc_id=doc_id) if doc_id else []
        own_mentions = mentions.get(doc_id, []) if doc_id else []
        scores.append(
            ArticleScore(
                file=gold.file,
                gold_path=gold.path,
                doc_id=doc_id,
                events_country_sector=score_events(gold, events, MatchMode.COUNTRY_SECTOR),
                events_person=score_events(gold, events, MatchMode.PERSON),
                quotes=score_quotes(gold, quotes),
                mentions=score_mentions(gold, own_mentions, actors),
            )
        )
    return EvalReport(
        gold_dir=str(gold_dir),
        articles=tuple(scores),
        stories=None if stories is None else score_stories(stories, found_stories(golds, scores)),
    )


def find_article(gold: GoldArticle, stored: Sequence[Article]) -> Article | None:
    """The stored article a gold file annotates: same file name, else one ending with it.

    Among several candidates an original is preferred to a near-duplicate.
    """
    exact = [a for a in stored if a.file == gold.file]
    candidates = exact or [a for a in stored if a.file.endswith(gold.file)]
    candidates.sort(key=lambda a: a.duplicate_of is not None)
    return candidates[0] if candidates else None
