"""Gold stories (`stories.json`): which gold events report one real act, and how the
output's stories agree with them, pairwise and B-cubed over the gold events found.

A gold event is found when an output event matched one of its dyads (country+sector
mode); its output stories are those of the output events that matched it. Gold events
not named in any gold story are not annotated for stories and are left out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from itertools import combinations
from math import comb
from pathlib import Path
from typing import Any

from storyline.errors import GoldError
from storyline.eval.gold import STORIES_FILE, GoldArticle, GoldDate, validate_date
from storyline.eval.report import ArticleScore, StoryScore


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldStory:
    """One real act: the gold events, as `doc_id:event id` keys, that report it."""

    story_id: str
    date: GoldDate
    title: str
    events: tuple[str, ...]


def event_key(doc_id: str, event_id: str) -> str:
    """How a gold story names a gold event: `doc_id:event id`."""
    return f"{doc_id}:{event_id}"


def load_gold_stories(gold_dir: Path, golds: Sequence[GoldArticle]) -> tuple[GoldStory, ...] | None:
    """The gold stories of a folder (None without stories.json), checked against its events."""
    path = gold_dir / STORIES_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"{path}: cannot read file ({exc.strerror})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: not valid JSON ({exc})") from exc
    known = {event_key(g.doc_id, e.event_id) for g in golds for e in g.events}
    try:
        return _stories(data, known)
    except ValueError as exc:
        raise GoldError(f"{path}: {exc}") from exc


def _stories(data: Any, known: Set[str]) -> tuple[GoldStory, ...]:
    """Every story checked: an object with an id and event keys naming gold events, once each."""
    if not isinstance(data, list):
        raise ValueError(f"top level is not a list of stories, got {type(data).__name__}")
    stories = tuple(_story(fields, n, known) for n, fields in enumerate(data))
    seen_ids: set[str] = set()
    story_of: dict[str, str] = {}
    for story in stories:
        if story.story_id in seen_ids:
            raise ValueError(f"story {story.story_id!r} is given twice")
        seen_ids.add(story.story_id)
        for key in story.events:
            if key in story_of:
                raise ValueError(
                    f"event {key!r} is in story {story_of[key]!r} and story {story.story_id!r}"
                )
            story_of[key] = story.story_id
    return stories


def _story(fields: Any, n: int, known: Set[str]) -> GoldStory:
    if not isinstance(fields, dict):
        raise ValueError(f"stories[{n}] is not an object")
    story_id = fields.get("id")
    if not isinstance(story_id, str) or not story_id:
        raise ValueError(f"stories[{n}]: 'id' is not a non-empty string")
    where = f"story {story_id!r}"
    events = fields.get("events")
    if not isinstance(events, list) or not events:
        raise ValueError(f"{where}: 'events' is not a non-empty list")
    for key in events:
        if not isinstance(key, str) or key not in known:
            raise ValueError(f"{where}: {key!r} names no gold event (doc_id:event id)")
    return GoldStory(
        story_id=story_id,
        date=validate_date(fields.get("date"), where),
        title=str(fields.get("title") or ""),
        events=tuple(events),
    )


def found_stories(
    golds: Sequence[GoldArticle], scores: Sequence[ArticleScore]
) -> dict[str, frozenset[str]]:
    """Each found gold event's key -> the stories of the output events that matched it.

    `scores` are the gold articles' scores in the same order; an event found only by
    output events in no story maps to an empty set.
    """
    found: dict[str, set[str]] = {}
    for gold, score in zip(golds, scores, strict=True):
        for match in score.events_country_sector.matches:
            stories = found.setdefault(event_key(gold.doc_id, match.gold_id), set())
            if match.story_id is not None:
                stories.add(match.story_id)
    return {key: frozenset(stories) for key, stories in found.items()}


def score_stories(stories: Sequence[GoldStory], found: Mapping[str, Set[str]]) -> StoryScore:
    """Pairwise and B-cubed agreement of output stories with gold stories on found events."""
    story_of = {key: story.story_id for story in stories for key in story.events}
    judged = [key for key in story_of if key in found]
    gold_same = {key: {k for k in judged if story_of[k] == story_of[key]} for key in judged}
    output_same = {key: {k for k in judged if k == key or found[k] & found[key]} for key in judged}
    pairs = [(story_of[a] == story_of[b], b in output_same[a]) for a, b in combinations(judged, 2)]
    gold_pairs = sum(g for g, _ in pairs)
    all_gold_pairs = sum(comb(len(story.events), 2) for story in stories)
    return StoryScore(
        story_events=len(story_of),
        found_events=len(judged),
        linked=sum(g and o for g, o in pairs),
        gold_pairs=gold_pairs,
        output_pairs=sum(o for _, o in pairs),
        unjudged_pairs=all_gold_pairs - gold_pairs,
        b3_precision_sum=sum(
            len(output_same[k] & gold_same[k]) / len(output_same[k]) for k in judged
        ),
        b3_recall_sum=sum(len(output_same[k] & gold_same[k]) / len(gold_same[k]) for k in judged),
    )
