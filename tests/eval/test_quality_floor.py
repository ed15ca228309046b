"""The quality floor: the eval figures on the reference gold and on the broad gold may not fall
more than 0.02 below the figures recorded in `quality_floor.json`.

Each set is ingested once into a temporary store with the real pipeline and scored with
`evaluate`, as `storyline ingest ... && storyline eval --gold ...` does. After an
improvement, re-record the figures from the repository root:

    python -m tests.eval.test_quality_floor --write
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.eval import evaluate
from storyline.eval.report import Figures, Ratio, Score, StoryScore
from storyline.ingest import read_articles
from storyline.pipeline import Resources, ingest, load_resources
from storyline.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FLOOR_FILE = Path(__file__).with_name("quality_floor.json")
TOLERANCE = 0.02
# Absorbs float error at the boundary: 0.98 - 0.02 is not exactly 0.96.
_EPSILON = 1e-9
REFRESH = "python -m tests.eval.test_quality_floor --write"
HOW = (
    "Eval totals (rounded to 3 decimals) that tests/eval/test_quality_floor.py keeps from "
    f"falling more than {TOLERANCE} below. Refresh after an improvement, from the repository "
    f"root: {REFRESH} (without --write it only prints the comparison)."
)


@dataclass(frozen=True, slots=True)
class GoldSet:
    """Articles to ingest and the gold folder that annotates them."""

    articles: Path
    gold: Path

    def missing(self) -> list[Path]:
        """The folders of this set that do not exist."""
        return [p for p in (self.articles, self.gold) if not p.is_dir()]

    def commands(self) -> str:
        """The shell commands that give the same figures with every miss listed."""
        articles, gold = (os.path.relpath(p, ROOT) for p in (self.articles, self.gold))
        return (
            f"rm -f /tmp/floor.db* && storyline ingest {articles} --db /tmp/floor.db --quiet && "
            f"storyline eval --db /tmp/floor.db --gold {gold}"
        )


SETS = {
    "reference": GoldSet(SHARED / "seeds", SHARED / "eval" / "gold"),
    "broad": GoldSet(SHARED / "eval" / "broad" / "articles", SHARED / "eval" / "broad" / "gold"),
}


@dataclass(frozen=True, slots=True)
class Change:
    """A figure that moved past the tolerance; `current` is None when the run lacks it."""

    name: str
    recorded: float
    current: float | None

    def describe(self) -> str:
        """One line: the name, both values and the difference."""
        if self.current is None:
            return f"{self.name}: recorded {self.recorded:.3f}, missing from the current run"
        delta = self.current - self.recorded
        return f"{self.name}: recorded {self.recorded:.3f}, now {self.current:.3f} ({delta:+.3f})"


@dataclass(frozen=True, slots=True)
class Comparison:
    """Recorded figures that fell below the floor, and those that rose past the tolerance."""

    fallen: tuple[Change, ...]
    risen: tuple[Change, ...]


class FloorRisen(UserWarning):
    """Figures rose past the tolerance: the recorded floor should be raised."""


# -- figures and comparison ------------------------------------------------------------


def figures_of(totals: Figures) -> dict[str, float]:
    """Every ratio of the report's totals by name (P/R/F1 of each score), to 3 decimals."""
    figures: dict[str, float] = {}
    for field in fields(totals):
        value = getattr(totals, field.name)
        if isinstance(value, Score):
            for part in ("precision", "recall", "f1"):
                figures[f"{field.name}_{part}"] = round(getattr(value, part), 3)
        elif isinstance(value, Ratio):
            figures[field.name] = round(value.value, 3)
        elif isinstance(value, StoryScore):  # only where the gold has stories.json
            for part in ("precision", "recall", "f1", "b3_f1"):
                figures[f"stories_{part}"] = round(getattr(value, part), 3)
    return figures


def compare(
    recorded: Mapping[str, float], current: Mapping[str, float], tolerance: float = TOLERANCE
) -> Comparison:
    """Split the recorded figures into fallen (or missing) and risen, past the tolerance."""
    fallen: list[Change] = []
    risen: list[Change] = []
    for name, floor in recorded.items():
        now = current.get(name)
        if now is None or now < floor - tolerance - _EPSILON:
            fallen.append(Change(name, floor, now))
        elif now > floor + tolerance + _EPSILON:
            risen.append(Change(name, floor, now))
    return Comparison(fallen=tuple(fallen), risen=tuple(risen))


def _lines(changes: Sequence[Change]) -> str:
    return "\n".join(f"  {c.describe()}" for c in changes)


def fall_message(set_name: str, changes: Sequence[Change], gold_set: GoldSet) -> str:
    """Which figures fell below the floor and how to investigate."""
    return (
        f"{set_name} gold: {len(changes)} figure(s) fell more than {TOLERANCE} below the "
        f"record in {FLOOR_FILE.name}:\n{_lines(changes)}\n"
        "Investigate (every miss and false positive is listed), from the repository root:\n"
        f"  {gold_set.commands()}\n"
        f"If the fall is intended, re-record with: {REFRESH}"
    )


def rise_hint(set_name: str, changes: Sequence[Change]) -> str:
    """Which figures rose past the tolerance and how to raise the floor."""
    return (
        f"{set_name} gold: {len(changes)} figure(s) rose more than {TOLERANCE} above the "
        f"record:\n{_lines(changes)}\nRaise the floor with: {REFRESH}"
    )


# -- measuring and recording -----------------------------------------------------------


def measure(gold_set: GoldSet, db: Path, resources: Resources) -> dict[str, float]:
    """Ingest the set's articles into a new store at `db` and score it against its gold."""
    settings = Settings(db=str(db))
    store = open_store(settings.db)
    try:
        ingest(read_articles([gold_set.articles], settings), store, resources, settings)
        return figures_of(evaluate(store, gold_set.gold).totals())
    finally:
        store.close()


def load_floor(path: Path = FLOOR_FILE) -> dict[str, dict[str, float]]:
    """The recorded figures of each set (the `how` note left out)."""
    record = json.loads(path.read_text("utf-8"))
    return {name: figures for name, figures in record.items() if name != "how"}


def write_floor(current: Mapping[str, Mapping[str, float]], path: Path = FLOOR_FILE) -> None:
    """Record the figures of each set, with the note on how to refresh them."""
    record = {"how": HOW, **current}
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


# -- tests -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("recorded", "current", "fallen", "risen"),
    [
        ({"f1": 0.98}, {"f1": 0.95}, ["f1"], []),
        ({"f1": 0.98}, {"f1": 0.97}, [], []),
        ({"f1": 0.98}, {"f1": 0.96}, [], []),
        ({"f1": 0.98}, {"f1": 0.98}, [], []),
        ({"f1": 0.5, "mentions": 0.42}, {"f1": 0.5}, ["mentions"], []),
        ({"f1": 0.5}, {"f1": 0.53}, [], ["f1"]),
        ({"f1": 0.5}, {"f1": 0.51}, [], []),
        ({"f1": 0.5}, {"f1": 0.5, "new": 0.1}, [], []),
        ({"a": 0.9, "b": 0.9, "c": 0.2}, {"a": 0.8, "b": 0.91, "c": 0.3}, ["a"], ["c"]),
    ],
    ids=[
        "fall-of-0.03-fails",
        "fall-of-0.01-passes",
        "fall-of-exactly-0.02-passes",
        "unchanged-passes",
        "missing-figure-fails",
        "rise-of-0.03-is-reported",
        "rise-of-0.01-is-not",
        "unrecorded-figure-is-ignored",
        "mixed",
    ],
)
def test_compare_splits_figures_into_fallen_and_risen(
    recorded: dict[str, float], current: dict[str, float], fallen: list[str], risen: list[str]
) -> None:
    comparison = compare(recorded, current)

    assert [c.name for c in comparison.fallen] == fallen
    assert [c.name for c in comparison.risen] == risen


def test_fall_message_names_each_fallen_figure_and_how_to_investigate() -> None:
    comparison = compare({"quotes_f1": 0.94, "mentions": 0.42}, {"quotes_f1": 0.9})

    message = fall_message("broad", comparison.fallen, SETS["broad"])

    assert "quotes_f1: recorded 0.940, now 0.900 (-0.040)" in message
    assert "mentions: recorded 0.420, missing from the current run" in message
    assert "storyline eval --db /tmp/floor.db --gold ../shared/eval/broad/gold" in message
    assert REFRESH in message


def test_figures_cover_every_ratio_of_the_report_totals() -> None:
    totals = Figures(
        quotes=Score(found=1, required=2, correct=1, output=1), mentions=Ratio(hits=1, total=3)
    )

    figures = figures_of(totals)

    assert figures["quotes_precision"] == 1.0
    assert figures["quotes_recall"] == 0.5
    assert figures["quotes_f1"] == 0.667
    assert figures["mentions"] == 0.333
    assert set(figures) >= {"events_country_sector_f1", "events_person_f1", "attribution"}
    assert not any(name.startswith("stories") for name in figures)  # no stories.json


def test_figures_cover_the_story_scores_where_the_gold_has_stories() -> None:
    stories = StoryScore(story_events=4, found_events=4, linked=1, gold_pairs=2, output_pairs=1)
    figures = figures_of(Figures(stories=stories))
    assert (figures["stories_precision"], figures["stories_recall"]) == (1.0, 0.5)


def test_the_record_holds_every_figure_of_both_sets() -> None:
    record = load_floor()

    assert set(record) == set(SETS)
    for name, figures in record.items():
        # the story figures are there only for gold with stories.json (the broad set)
        expected = set(figures_of(Figures(stories=StoryScore() if name == "broad" else None)))
        assert set(figures) == expected, f"{name}: re-record with {REFRESH}"


@pytest.fixture(scope="module", params=list(SETS))
def measured(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, float]]:
    """One gold set ingested once with the real pipeline and scored: (set name, figures)."""
    name: str = request.param
    if missing := SETS[name].missing():
        pytest.skip(f"{name} gold set absent ({', '.join(map(str, missing))}): needs ../shared")
    resources: Resources = request.getfixturevalue("resources")
    return name, measure(SETS[name], tmp_path_factory.mktemp(name) / "floor.db", resources)


@pytest.mark.slow
def test_eval_figures_stay_above_the_recorded_floor(
    measured: tuple[str, dict[str, float]],
) -> None:
    name, current = measured
    comparison = compare(load_floor()[name], current)

    if comparison.risen:
        warnings.warn(rise_hint(name, comparison.risen), FloorRisen, stacklevel=1)
    assert not comparison.fallen, fall_message(name, comparison.fallen, SETS[name])


# -- refresh entry point ---------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Measure both sets; print them against the record, or with --write record them."""
    parser = argparse.ArgumentParser(prog="python -m tests.eval.test_quality_floor")
    parser.add_argument("--write", action="store_true", help=f"rewrite {FLOOR_FILE.name}")
    args = parser.parse_args(argv)
    if missing := [p for s in SETS.values() for p in s.missing()]:
        print(f"error: gold sets absent: {', '.join(map(str, missing))}")
        return 1
    resources = load_resources(Settings())
    with tempfile.TemporaryDirectory() as tmp:
        current = {n: measure(s, Path(tmp) / f"{n}.db", resources) for n, s in SETS.items()}
    if args.write:
        write_floor(current)
        print(f"wrote {FLOOR_FILE}")
    recorded = load_floor() if FLOOR_FILE.exists() else {}
    for name, figures in current.items():
        floor = recorded.get(name, {})
        print(f"{name}:")
        for figure, value in figures.items():
            print(f"  {figure:<32} {value:.3f}  (recorded {floor.get(figure, float('nan')):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
