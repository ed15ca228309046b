"""Story assignment against gold stories: pairwise and B-cubed over the gold events found."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storyline.errors import GoldError
from storyline.eval import EvalReport, evaluate, load_gold, load_gold_stories
from storyline.eval.report import StoryScore, render_text, report_to_dict
from storyline.eval.stories import GoldStory, score_stories
from storyline.records import ArticleResult
from storyline.store.sqlite import SQLiteStore
from tests.eval.test_evaluate import GOLD_A, result_a, result_other, write_gold


def story(story_id: str, *events: str) -> GoldStory:
    return GoldStory(story_id=story_id, date=None, title=story_id, events=events)


# Three acts: one told three times (twice in article b), one twice, one once: 4 gold pairs.
STORIES = (
    story("s1", "a:e1", "b:e1", "b:e2"),
    story("s2", "a:e2", "b:e3"),
    story("s3", "a:e3"),
)
AS_GOLD = {
    "a:e1": {"x"},
    "b:e1": {"x"},
    "b:e2": {"x"},
    "a:e2": {"y"},
    "b:e3": {"y"},
    "a:e3": {"z"},
}

# (case, gold event -> output stories of the events that matched it,
#  expected (found events, linked, gold pairs, output pairs, unjudged gold pairs))
CASES = [
    ("output stories as the gold ones", AS_GOLD, (6, 4, 4, 4, 0)),
    ("one output story for everything", {k: {"x"} for k in AS_GOLD}, (6, 4, 4, 15, 0)),
    ("every event a story of its own", {k: {k} for k in AS_GOLD}, (6, 0, 4, 0, 0)),
    (
        "an event not found is left out and its gold pairs are counted apart",
        {k: v for k, v in AS_GOLD.items() if k != "b:e2"},
        (5, 2, 2, 2, 2),
    ),
    (
        "an event found only by output events in no story is with nothing",
        AS_GOLD | {"a:e1": set()},
        (6, 2, 4, 2, 0),
    ),
    (
        "an event found by output events of two stories is with both",
        AS_GOLD | {"a:e1": {"x", "y"}},
        (6, 4, 4, 6, 0),
    ),
    ("events in no gold story are not judged", AS_GOLD | {"c:e9": {"x"}}, (6, 4, 4, 4, 0)),
    ("nothing found", {}, (0, 0, 0, 0, 4)),
]


@pytest.mark.parametrize(("found", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_pairs_are_judged_over_the_gold_events_found(
    found: dict[str, set[str]], expected: tuple[int, int, int, int, int]
) -> None:
    score = score_stories(STORIES, found)

    counts = (
        score.found_events,
        score.linked,
        score.gold_pairs,
        score.output_pairs,
        score.unjudged_pairs,
    )
    assert counts == expected
    assert score.story_events == 6


def test_pairwise_precision_and_recall_count_wrong_merges_and_splits() -> None:
    # a:e2 put with s1's events (3 wrong pairs), b:e3 alone (s2's pair split)
    found = AS_GOLD | {"a:e2": {"x"}, "b:e3": {"w"}}

    score = score_stories(STORIES, found)

    assert (score.linked, score.output_pairs, score.gold_pairs) == (3, 6, 4)
    assert (score.precision, score.recall) == (0.5, 0.75)
    assert score.f1 == pytest.approx(0.6)


def test_b_cubed_is_averaged_over_the_events_found() -> None:
    score = score_stories(STORIES, {k: {"x"} for k in AS_GOLD})

    # each event's output story holds all 6; its gold story 3, 3, 3, 2, 2, 1 of them
    assert score.b3_precision == pytest.approx((3 * 3 + 2 * 2 + 1) / 6 / 6)
    assert score.b3_recall == 1.0
    assert score_stories(STORIES, AS_GOLD).b3_f1 == 1.0


def test_story_scores_add_up_and_are_zero_without_pairs() -> None:
    half = score_stories(STORIES, AS_GOLD)

    assert (half + half).linked == 8
    assert (half + half).precision == 1.0
    assert StoryScore().precision == StoryScore().recall == StoryScore().b3_f1 == 0.0


# -- evaluate() with a stories.json ------------------------------------------------------

GOLD_C: dict[str, Any] = {
    "file": "c.txt",
    "actors": {
        "blinken": {"name": "Antony Blinken", "kind": "person", "country": "USA", "sector": "GOV"}
    },
    "events": [
        {"id": "e1", "types": ["CONSULT"], "source": "blinken", "target": [], "date": None},
        {"id": "e2", "types": ["ASSAULT"], "source": "AZE", "target": ["ARM"], "date": None},
    ],
}

# seed-000 is GOLD_A (doc_id seed-000), seed-001 is GOLD_C (doc_id from the file name)
GOLD_STORIES = [
    {"id": "s1", "date": "2023-03-20", "title": "talks", "events": ["seed-000:e1", "seed-001:e1"]},
    {"id": "s2", "date": None, "title": "support", "events": ["seed-000:e2", "seed-000:e3"]},
    {"id": "s3", "date": "2023-03", "title": "dispute", "events": ["seed-000:e4", "seed-001:e2"]},
]
# The stored events of a.txt (o1-o5) and c.txt (oc) with their stories: o1 and oc together
# (right), o2 and o3 apart (a split: o3 is in no story), o4 in no story either, which puts
# it with nothing (not with o3); o5 matches nothing.
OUTPUT_STORIES = {"o1": "st-1", "oc": "st-1", "o2": "st-2"}


def with_stories(result: ArticleResult) -> ArticleResult:
    events = tuple(replace(e, story_id=OUTPUT_STORIES.get(e.event_id)) for e in result.events)
    return replace(result, events=events)


def scored(gold_dir: Path) -> EvalReport:
    store = SQLiteStore(":memory:")
    store.save_result(with_stories(result_a()))
    store.save_result(with_stories(result_other()))
    try:
        return evaluate(store, gold_dir)
    finally:
        store.close()


def write_stories(gold_dir: Path, content: Any) -> Path:
    path = gold_dir / "stories.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return path


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    return write_gold(tmp_path / "gold", GOLD_A, GOLD_C)


def test_evaluate_scores_stories_of_events_matched_by_country_and_sector(gold_dir: Path) -> None:
    write_stories(gold_dir, GOLD_STORIES)

    stories = scored(gold_dir).totals().stories

    assert stories is not None
    assert (stories.story_events, stories.found_events) == (6, 5)  # seed-001:e2 not found
    assert (stories.linked, stories.gold_pairs, stories.output_pairs) == (1, 2, 1)
    assert stories.unjudged_pairs == 1
    assert (stories.precision, stories.recall) == (1.0, 0.5)
    assert (stories.b3_precision, stories.b3_recall) == (1.0, pytest.approx(0.8))


def test_text_and_json_give_the_story_figures(gold_dir: Path) -> None:
    write_stories(gold_dir, GOLD_STORIES)
    report = scored(gold_dir)

    last = render_text(report).splitlines()[-1]
    data = report_to_dict(report)

    assert last == (
        "stories pairwise P/R/F1 1.00/0.50/0.67 (2 gold pairs judged, 1 not judged: events not"
        " found; 1 output pairs) | B-cubed P/R/F1 1.00/0.80/0.89 | 5 of 6 story events found"
    )
    assert json.loads(json.dumps(data)) == data
    assert data["total"]["stories"]["pairwise"] == {
        "linked": 1,
        "gold_pairs": 2,
        "output_pairs": 1,
        "unjudged_pairs": 1,
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
    }
    assert data["total"]["stories"]["events"] == {"in_stories": 6, "found": 5}
    matches = data["articles"][1]["events"]["country+sector"]["matches"]
    assert matches == [{"gold_id": "e1", "gold_target": None, "event_id": "oc", "story_id": "st-1"}]


def test_gold_without_stories_reports_no_story_figures(gold_dir: Path) -> None:
    report = scored(gold_dir)

    assert report.stories is None
    assert report.totals().stories is None
    assert not any(line.startswith("stories") for line in render_text(report).splitlines())
    assert report_to_dict(report)["total"]["stories"] is None
    assert render_text(report).splitlines()[-1].startswith("TOTAL")


MALFORMED = [
    ("not JSON", "[{'id': 's1'", "not valid JSON"),
    ("an object", {"s1": GOLD_STORIES[0]}, "top level is not a list of stories"),
    ("a story not an object", ["s1"], "stories[0] is not an object"),
    ("no id", [{"events": ["seed-000:e1"]}], "stories[0]: 'id' is not a non-empty string"),
    ("no events", [{"id": "s1"}], "story 's1': 'events' is not a non-empty list"),
    ("events not a list", [{"id": "s1", "events": "seed-000:e1"}], "is not a non-empty list"),
    (
        "an unknown event",
        [{"id": "s1", "events": ["seed-000:e1", "seed-000:e9"]}],
        "story 's1': 'seed-000:e9' names no gold event",
    ),
    (
        "an unknown article",
        [{"id": "s1", "events": ["seed-009:e1"]}],
        "'seed-009:e1' names no gold event",
    ),
    ("a key that is no string", [{"id": "s1", "events": [1]}], "1 names no gold event"),
    (
        "an event in two stories",
        [{"id": "s1", "events": ["seed-000:e1"]}, {"id": "s2", "events": ["seed-000:e1"]}],
        "event 'seed-000:e1' is in story 's1' and story 's2'",
    ),
    (
        "a story id twice",
        [{"id": "s1", "events": ["seed-000:e1"]}, {"id": "s1", "events": ["seed-000:e2"]}],
        "story 's1' is given twice",
    ),
    ("a bad date", [{"id": "s1", "date": "2023-13", "events": ["seed-000:e1"]}], "bad date"),
]


@pytest.mark.parametrize(
    ("content", "reason"), [c[1:] for c in MALFORMED], ids=[c[0] for c in MALFORMED]
)
def test_malformed_stories_file_is_a_one_line_gold_error_naming_it(
    gold_dir: Path, content: Any, reason: str
) -> None:
    path = write_stories(gold_dir, content)

    with pytest.raises(GoldError) as caught:
        load_gold_stories(gold_dir, load_gold(gold_dir))

    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message


def test_evaluate_refuses_a_malformed_stories_file(gold_dir: Path) -> None:
    write_stories(gold_dir, {"not": "a list"})

    with pytest.raises(GoldError, match=r"stories\.json: top level is not a list"):
        scored(gold_dir)


def test_stories_file_is_read_into_records(gold_dir: Path) -> None:
    write_stories(gold_dir, GOLD_STORIES)

    stories = load_gold_stories(gold_dir, load_gold(gold_dir))

    assert stories is not None
    assert [(s.story_id, s.date, s.events) for s in stories][:2] == [
        ("s1", "2023-03-20", ("seed-000:e1", "seed-001:e1")),
        ("s2", None, ("seed-000:e2", "seed-000:e3")),
    ]
    assert load_gold_stories(gold_dir.parent, []) is None
