"""`storyline search QUERY [--kind] [--limit] [--json]`: the store's hits as a table or
JSON, hostile queries answered, bad options refused on one line."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from storyline.cli.main import cli
from storyline.store import open_store
from tests.store.test_search import HARBOUR, fill


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A store of our three articles."""
    path = str(tmp_path / "search.db")
    with closing(open_store(path)) as store:
        fill(store)
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (("wages",), {"harbour", "harbour-q1"}),
        (("wages", "--kind", "quote"), {"harbour-q1"}),
        (("relief cargo", "--kind", "event"), {"harbour-e1"}),
        (("meltwater",), {"glacier"}),
    ],
)
def test_search_prints_hits_as_json(db: str, args: tuple[str, ...], ids: set[str]) -> None:
    result = run("search", "--db", db, "--json", *args)
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert {h["id"] for h in hits} == ids
    for h in hits:
        if h["doc_id"] == "harbour":
            s = h["snippet"]
            assert HARBOUR[s["start"] : s["end"]] == s["text"]


def test_search_prints_a_table(db: str) -> None:
    result = run("search", "--db", db, "unload ship")
    assert result.exit_code == 0, result.output
    assert "harbour-q1" in result.output and "harbour:" in result.output


@pytest.mark.parametrize("query", ['"', "NEAR(", "-", "*", "x" * 10_000, "'"])
def test_a_hostile_query_is_no_error(db: str, query: str) -> None:
    result = run("search", "--db", db, query)
    assert result.exit_code == 0, result.output
    assert "nothing holds these words" in result.output


@pytest.mark.parametrize(
    "args", [("wages", "--kind", "story"), ("wages", "--limit", "0"), ("--kind", "quote")]
)
def test_bad_options_are_refused(db: str, args: tuple[str, ...]) -> None:
    result = run("search", "--db", db, *args)
    assert result.exit_code == 2 and "Traceback" not in result.output
