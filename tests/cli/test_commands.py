"""The `storyline` command line: help, ingest runs, listings, export and errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from storyline.cli.main import cli
from storyline.records import (
    Actor,
    ActorKind,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    Quote,
    QuoteKind,
)
from storyline.store import open_store
from tests.conftest import EXAMPLES, make_article, make_result, write

COMMANDS = [
    "ingest",
    "articles",
    "actors",
    "events",
    "quotes",
    "timeline",
    "export",
    "eval",
    "bench",
]
CONTRACT_FILES = ["articles", "actors", "events", "quotes", "stories", "corrections"]


def run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    """Invoke the CLI in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(cli, list(args), env=env)


def listed(result: Result) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def failure_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("failed: ")]


# -- help ---------------------------------------------------------------------------------


def test_top_level_help_lists_every_command() -> None:
    result = run("--help")

    assert result.exit_code == 0
    for name in COMMANDS:
        assert re.search(rf"^\s+{name}\s", result.stdout, re.MULTILINE), name


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_explains_its_options(command: str) -> None:
    result = run(command, "--help")

    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: cli {command} ")
    params = cli.commands[command].params
    for param in params:
        if isinstance(param, click.Option):
            assert param.help, f"{command} {param.opts} has no help text"
            for opt in param.opts:
                assert opt in result.stdout
        elif isinstance(param, click.Argument):
            assert param.human_readable_name in result.stdout
    # The docstring's summary line is shown: a command says what it does.
    summary = (cli.commands[command].help or "").splitlines()[0]
    assert summary and summary[:40] in " ".join(result.stdout.split())


# -- listings on a store filled without spaCy ----------------------------------------------

TEXT = (
    "Doha, 2 May 2024 (HW): Qatar's foreign minister received negotiators from both sides "
    "on Thursday. The mediators will present a new draft next week, the minister said. "
    "Earlier, between 20 and 25 April, one delegation had refused to travel."
)
QATAR = Actor(actor_id="a-qat", name="Qatar", kind=ActorKind.COUNTRY, country="QAT", sector="GOV")
MINISTER = Actor(
    actor_id="a-min",
    name="Mohammed Al Khulaifi",
    kind=ActorKind.PERSON,
    country="QAT",
    sector="GOV",
    role="minister of state",
    aliases=("the minister",),
)
DELEGATION = Actor(actor_id="a-del", name="the delegation", kind=ActorKind.GROUP)


def _span(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence(doc_id="doc-doha", start=start, end=start + len(needle), text=needle)


RECEIVED = Event(
    event_id="e-received",
    type="CONSULT",
    source=QATAR,
    targets=(DELEGATION,),
    evidence=_span("Qatar's foreign minister received negotiators from both sides"),
    date=EventDate(value="2024-05-02", precision=DatePrecision.DAY, text="on Thursday"),
)
REFUSED = Event(
    event_id="e-refused",
    type="REJECT",
    source=DELEGATION,
    targets=(QATAR,),
    evidence=_span("one delegation had refused to travel"),
    date=EventDate(
        value=None,
        precision=DatePrecision.WINDOW,
        window=("2024-04-20", "2024-04-25"),
        text="between 20 and 25 April",
    ),
)
DRAFT = Quote(
    quote_id="q-draft",
    evidence=_span("The mediators will present a new draft next week"),
    kind=QuoteKind.INDIRECT,
    speaker=MINISTER,
    speaker_text="the minister",
    cue="said",
)


@pytest.fixture
def filled_db(tmp_path: Path) -> str:
    """A database holding one article with two events and a quote."""
    path = str(tmp_path / "filled.db")
    store = open_store(path)
    store.save_result(
        make_result(
            make_article(TEXT, "doc-doha", file="doha.txt", published="2024-05-02"),
            actors=(QATAR, MINISTER, DELEGATION),
            quotes=(DRAFT,),
            events=(RECEIVED, REFUSED),
        )
    )
    store.close()
    return path


@pytest.mark.parametrize(
    "command, empty_line",
    [
        ("articles", "Articles: none stored"),
        ("actors", "Actors: none found"),
        ("events", "Events: none found"),
        ("quotes", "Quotes: none found"),
        ("timeline", "Timeline: no stories yet"),
    ],
)
def test_listings_of_an_empty_database_say_so(
    tmp_path: Path, command: str, empty_line: str
) -> None:
    db = str(tmp_path / "empty.db")

    table = run(command, "--db", db)
    as_json = run(command, "--db", db, "--json")

    assert table.exit_code == 0
    assert table.stdout.startswith(empty_line)
    assert len(table.stdout.splitlines()) == 1
    if command == "timeline":  # the timeline keeps news, background and undated apart
        assert listed(as_json) == {"news": [], "background": [], "undated": []}
    else:
        assert listed(as_json) == []


@pytest.mark.parametrize(
    "args, expected",
    [
        ((), ["e-received", "e-refused"]),
        (("--type", "consult"), ["e-received"]),
        (("--type", "REJECT", "--type", "CONSULT"), ["e-received", "e-refused"]),
        (("--actor", "delegation"), ["e-received", "e-refused"]),
        (("--country", "qat"), ["e-received", "e-refused"]),
        (("--country", "SRB"), []),
        (("--since", "2024-05-01"), ["e-received"]),
        (("--until", "2024-04"), ["e-refused"]),  # a window counts from its first day
        (("--article", "doc-doha"), ["e-received", "e-refused"]),
        (("--article", "doc-elsewhere"), []),
    ],
)
def test_events_filters(filled_db: str, args: tuple[str, ...], expected: list[str]) -> None:
    records = listed(run("events", "--db", filled_db, "--json", *args))

    assert sorted(r["event_id"] for r in records) == expected


def test_events_refuse_an_unknown_type_naming_the_valid_ones(filled_db: str) -> None:
    result = run("events", "--db", filled_db, "--type", "bombing")

    assert result.exit_code == 2
    assert "unknown PLOVER type 'BOMBING'; use one of ACCUSE" in result.output
    assert "Traceback" not in result.output


def test_events_json_follows_the_export_contract(filled_db: str) -> None:
    records = {r["event_id"]: r for r in listed(run("events", "--db", filled_db, "--json"))}

    refused = records["e-refused"]
    assert refused["file"] == "doha.txt"
    assert refused["source"] == {
        "actor_id": "a-del",
        "name": "the delegation",
        "kind": "group",
        "country": None,
        "sector": None,
        "role": None,
    }
    assert refused["date_precision"] == "window"
    assert refused["date_window"] == ["2024-04-20", "2024-04-25"]
    assert refused["evidence"] == {
        "text": "one delegation had refused to travel",
        "start": REFUSED.evidence.start,
        "end": REFUSED.evidence.end,
    }


def test_events_table_shows_who_did_what_and_where_it_was_read(filled_db: str) -> None:
    result = run("events", "--db", filled_db)

    assert result.exit_code == 0
    assert "Events (2)" in result.stdout
    assert "Qatar" in result.stdout
    assert f"doha.txt:{RECEIVED.evidence.start}-{RECEIVED.evidence.end}" in result.stdout


@pytest.mark.parametrize(
    "args, expected",
    [
        ((), ["q-draft"]),
        (("--speaker", "khulaifi"), ["q-draft"]),
        (("--speaker", "the minister"), ["q-draft"]),  # an alias
        (("--country", "QAT"), ["q-draft"]),
        (("--country", "USA"), []),
        (("--article", "doc-elsewhere"), []),
    ],
)
def test_quotes_filters(filled_db: str, args: tuple[str, ...], expected: list[str]) -> None:
    records = listed(run("quotes", "--db", filled_db, "--json", *args))

    assert [r["quote_id"] for r in records] == expected
    for record in records:
        assert record["speaker"]["name"] == "Mohammed Al Khulaifi"
        assert record["file"] == "doha.txt"


# -- the database location ------------------------------------------------------------------


@pytest.mark.parametrize(
    "flag, env, found",
    [
        (None, "filled", ["doc-doha"]),
        ("filled", None, ["doc-doha"]),
        ("filled", "empty", ["doc-doha"]),
        ("empty", "filled", []),
    ],
    ids=["env-only", "flag-only", "flag-over-env", "empty-flag-over-env"],
)
def test_database_comes_from_db_flag_else_storyline_db(
    filled_db: str, tmp_path: Path, flag: str | None, env: str | None, found: list[str]
) -> None:
    paths = {"filled": filled_db, "empty": str(tmp_path / "empty.db"), None: None}
    args = ["articles", "--json"] + (["--db", paths[flag]] if flag else [])

    records = listed(run(*args, env={"STORYLINE_DB": paths[env]}))

    assert [r["doc_id"] for r in records] == found


def test_without_flag_or_env_the_database_is_storyline_db_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    result = run("articles", "--json", env={"STORYLINE_DB": None})

    assert listed(result) == []
    assert (tmp_path / "storyline.db").is_file()


# -- export -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_command_writes_the_contract_files(filled_db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "export"

    result = run("export", "--db", filled_db, "--out", str(out), "--format", fmt)

    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.{fmt}" for n in CONTRACT_FILES)
    assert f"{out / f'events.{fmt}'}: 2 records" in result.stdout
    assert f"{out / f'quotes.{fmt}'}: 1 records" in result.stdout


def test_export_refuses_an_unknown_format(filled_db: str, tmp_path: Path) -> None:
    result = run("export", "--db", filled_db, "--out", str(tmp_path / "x"), "--format", "xlsx")

    assert result.exit_code == 2
    assert "xlsx" in result.stderr
    assert not (tmp_path / "x").exists()


# -- one-line errors --------------------------------------------------------------------------


def test_a_file_that_is_not_a_database_is_a_one_line_error(tmp_path: Path) -> None:
    db = write(tmp_path, "notes.db", "meeting notes, not a database\n" * 40)

    result = run("articles", "--db", str(db))

    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert "cannot open the database" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.output


def test_a_publication_date_that_is_not_a_date_is_a_one_line_error(tmp_path: Path) -> None:
    article = write(tmp_path, "note.txt", "The envoy arrived in Geneva on Monday for more talks.")

    result = run("ingest", str(article), "--db", str(tmp_path / "t.db"), "--published", "soonish")

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: --published: publication date 'soonish' is not a date (use YYYY-MM-DD)"
    ]


@pytest.mark.parametrize(
    "gold_files, message",
    [
        ({}, "no gold files"),
        ({"seed-000.json": "{ not json"}, "seed-000.json: not valid JSON"),
    ],
    ids=["no-gold-files", "malformed-gold-file"],
)
def test_eval_with_unusable_gold_is_a_one_line_error(
    tmp_path: Path, gold_files: dict[str, str], message: str
) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for name, content in gold_files.items():
        write(gold, name, content)

    result = run("eval", "--gold", str(gold), "--db", str(tmp_path / "t.db"))

    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ")
    assert message in lines[0]
    assert "Traceback" not in result.output


# -- ingest (loads spaCy) -------------------------------------------------------------------

SUMMARY = re.compile(
    r"(?P<ingested>\d+) ingested, (?P<updated>\d+) updated, (?P<unchanged>\d+) unchanged, "
    r"(?P<duplicates>\d+) near-duplicates, (?P<failed>\d+) failed \("
)


def summary_counts(result: Result) -> dict[str, int]:
    found = [m for line in result.stderr.splitlines() if (m := SUMMARY.search(line))]
    assert len(found) == 1, result.stderr
    return {k: int(v) for k, v in found[0].groupdict().items()}


@pytest.fixture(scope="module")
def examples_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Result]:
    """The examples folder ingested once into a fresh database."""
    db = str(tmp_path_factory.mktemp("examples") / "examples.db")
    return db, run("ingest", str(EXAMPLES), "--db", db, "--quiet")


@pytest.mark.slow
def test_ingesting_the_examples_reports_six_ingested(examples_run: tuple[str, Result]) -> None:
    db, result = examples_run

    assert result.exit_code == 0, result.stderr
    assert summary_counts(result) == {
        "ingested": 6,
        "updated": 0,
        "unchanged": 0,
        "duplicates": 0,
        "failed": 0,
    }
    assert failure_lines(result) == []
    assert result.stderr.rstrip().endswith(f"-> {db}")


@pytest.mark.slow
def test_ingesting_the_examples_again_changes_nothing(examples_run: tuple[str, Result]) -> None:
    db, _ = examples_run
    before = listed(run("articles", "--db", db, "--json"))

    again = run("ingest", str(EXAMPLES), "--db", db, "--quiet")

    assert again.exit_code == 0, again.stderr
    assert summary_counts(again)["unchanged"] == 6
    assert summary_counts(again)["ingested"] == 0
    assert listed(run("articles", "--db", db, "--json")) == before


@pytest.mark.slow
def test_examples_get_dates_from_metadata_or_dateline_and_outlets_from_metadata(
    examples_run: tuple[str, Result],
) -> None:
    db, _ = examples_run
    sidecar = {
        m["file"]: m
        for m in map(json.loads, (EXAMPLES / "metadata.jsonl").read_text("utf-8").splitlines())
    }
    # 01 has no date in its metadata: the dateline "Brussels, 28 February 2023 (EUO):" gives it.
    assert sidecar["01_brussels_talks_dateline.txt"]["published"] is None
    expected = {
        name: (meta["published"] or "2023-02-28", meta["outlet"], meta["title"])
        for name, meta in sidecar.items()
    }

    records = listed(run("articles", "--db", db, "--json"))

    assert {r["file"]: (r["published"], r["outlet"], r["title"]) for r in records} == expected
    dates = [r["published"] for r in records]
    assert dates == sorted(dates)  # listed in publication order


@pytest.mark.slow
def test_examples_actors_include_albin_kurti_as_a_person(examples_run: tuple[str, Result]) -> None:
    db, _ = examples_run

    actors = listed(run("actors", "--db", db, "--json"))

    [kurti] = [a for a in actors if a["name"] == "Albin Kurti"]
    assert kurti["kind"] == "person"
    assert kurti["mentions"], "an actor is listed with where it was mentioned"
    assert {"doc_id", "start", "end", "text"} == set(kurti["mentions"][0])


@pytest.mark.slow
@pytest.mark.parametrize("country", ["SRB", "srb"])
def test_actors_country_filter_lists_only_that_country(
    examples_run: tuple[str, Result], country: str
) -> None:
    db, _ = examples_run

    actors = listed(run("actors", "--db", db, "--json", "--country", country))

    assert actors, "the examples mention Serbia"
    assert {a["country"] for a in actors} == {"SRB"}


@pytest.mark.slow
def test_actors_name_filter_matches_names_and_aliases(examples_run: tuple[str, Result]) -> None:
    db, _ = examples_run

    actors = listed(run("actors", "--db", db, "--json", "--name", "kurti"))

    assert actors
    for actor in actors:
        names = [actor["name"], *actor["aliases"]]
        assert any("kurti" in n.casefold() for n in names)


@pytest.mark.slow
def test_export_after_ingest_writes_every_article(
    examples_run: tuple[str, Result], tmp_path: Path
) -> None:
    db, _ = examples_run
    out = tmp_path / "out"

    result = run("export", "--db", db, "--out", str(out))

    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.jsonl" for n in CONTRACT_FILES)
    articles = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(articles) == 6
    actors = [json.loads(line) for line in (out / "actors.jsonl").open(encoding="utf-8")]
    assert "Albin Kurti" in {a["name"] for a in actors}


VIENNA = (
    "Vienna, 12 April 2024 (DPW): Austria's foreign minister met his Slovak counterpart in "
    "Vienna on Friday to discuss gas transit through Ukraine. The two ministers said they "
    "would ask the European Commission for help in finding new suppliers before the winter.\n"
)
DOHA = {
    "title": "Ceasefire talks resume in Doha",
    "published": "2024-05-02",
    "outlet": "Harbour Wire",
    "text": (
        "Negotiators from both sides returned to Doha on Thursday to resume talks on a "
        "ceasefire and the release of detainees. A Qatari official said the meeting lasted "
        "four hours and that the mediators would present a new draft next week."
    ),
}
FRENCH = (
    "Le ministre des Affaires étrangères a rencontré mardi son homologue allemand à Paris "
    "pour discuter de la sécurité en Europe. Les deux responsables ont annoncé une nouvelle "
    "réunion au mois de juin.\n"
)
GENEVA = "The delegations met again in Geneva on Tuesday and agreed to keep talking. " * 60
NAV_ONLY = (
    "<html><head><title>Menu</title></head><body>"
    '<nav><a href="/">Home</a> <a href="/about">About</a></nav></body></html>'
)
BAD_FILES: list[tuple[str, str | bytes, str]] = [
    ("empty.txt", "", "file is empty"),
    ("scan.txt", b"PK\x03\x04\x00\x00\x08\x00binary\x00\x00\xff\xfe", "binary file, not text"),
    ("paris.txt", FRENCH, "text does not look English"),
    ("geneva_long.txt", GENEVA, "above the 3,000-byte limit"),
    ("menu.html", NAV_ONLY, "HTML has no main text to extract"),
]


@pytest.mark.slow
def test_ingest_reports_each_bad_file_on_one_line_and_keeps_the_good_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # relative paths keep the failure lines short
    batch = Path("batch")
    write(batch, "vienna.txt", VIENNA)
    write(batch, "wire.jsonl", '{"text": "The talks in Doha\n' + json.dumps(DOHA) + "\n")
    for name, content, _ in BAD_FILES:
        write(batch, name, content)
    assert len(GENEVA.encode()) > 3000 > len(VIENNA.encode())

    result = run("ingest", "batch", "--db", "t.db", "--quiet", "--max-bytes", "3000")

    assert result.exit_code == 1
    expected = {f"batch/{name}": reason for name, _, reason in BAD_FILES}
    expected["batch/wire.jsonl:1"] = "malformed JSON line"
    lines = failure_lines(result)
    assert len(lines) == len(expected), result.stderr
    for where, reason in expected.items():
        named = [line for line in lines if line.startswith(f"failed: {where}: ")]
        assert len(named) == 1, (where, result.stderr)
        assert reason in named[0]
    assert summary_counts(result) == {
        "ingested": 2,
        "updated": 0,
        "unchanged": 0,
        "duplicates": 0,
        "failed": 6,
    }
    assert "Traceback" not in result.output

    stored = listed(run("articles", "--db", "t.db", "--json"))
    assert {r["file"]: (r["published"], r["outlet"]) for r in stored} == {
        "vienna.txt": ("2024-04-12", "DPW"),
        "wire.jsonl:2": ("2024-05-02", "Harbour Wire"),
    }


@pytest.mark.slow
def test_ingest_of_a_missing_path_is_a_one_line_failure(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"

    result = run("ingest", str(missing), "--db", str(tmp_path / "t.db"), "--quiet")

    assert result.exit_code == 1
    assert failure_lines(result) == [f"failed: {missing}: no such file or directory"]
    assert summary_counts(result)["failed"] == 1
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


@pytest.mark.slow
def test_failure_lines_are_never_wrapped_even_for_long_paths(tmp_path: Path) -> None:
    deep = tmp_path / ("archive_of_regional_press_reports_" * 4) / ("year_2024_" * 5)
    article = write(deep, "paris.txt", FRENCH)

    result = run("ingest", str(article), "--db", str(tmp_path / "t.db"), "--quiet")

    assert result.exit_code == 1
    [line] = failure_lines(result)
    assert line.startswith(f"failed: {article}: ")
    assert line.endswith("storyline reads English only")
