"""`Store.ingest`: the CLI's ingest (outcomes, failure lines, summary) from Python."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

import storyline
from storyline.config import Settings
from storyline.records import IngestStatus
from tests.conftest import write
from tests.library.test_analyse import PATROL, RIVER, SUMMIT

pytestmark = pytest.mark.slow

Cache = tuple[list[Settings], io.StringIO]
SUMMARY = re.compile(
    r"^(\d+) ingested, (\d+) updated, (\d+) unchanged, (\d+) near-duplicates, (\d+) failed "
    r"\([\d,]+ words in [\d.]+s, [\d,]+ words/s\) -> (.+)$"
)
DUTCH = (
    "De minister van Buitenlandse Zaken heeft dinsdag in Den Haag zijn Belgische collega "
    "ontvangen om te praten over de haven van Antwerpen en de nieuwe regels."
)


def _summary(stderr: str) -> tuple[str, ...]:
    found = [m.groups() for line in stderr.splitlines() if (m := SUMMARY.match(line))]
    assert len(found) == 1, stderr
    return found[0]


def test_ingest_takes_paths_texts_and_records_and_reports_like_the_cli(
    process_cache: Cache, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "inbox"
    write(folder, "summit.txt", SUMMIT)
    write(folder, "empty.txt", "")
    db = tmp_path / "news.db"

    with storyline.open(db) as store:
        summary = store.ingest(
            [folder, PATROL, {"text": RIVER, "published": "2023-07-11"}, DUTCH], progress=False
        )
        articles = store.articles()
        events = store.events()

    err = capsys.readouterr().err
    assert summary.counts[IngestStatus.INGESTED] == 3 and summary.failed == 2
    messages = [f.message() for f in summary.failures]
    assert messages[0] == f"{folder / 'empty.txt'}: file is empty"
    assert messages[1].startswith("text 4: text does not look English")
    assert [line for line in err.splitlines() if line.startswith("failed: ")] == [
        f"failed: {m}" for m in messages
    ]
    assert _summary(err) == ("3", "0", "0", "0", "2", str(db))
    assert {a.article.file for a in articles} == {"summit.txt", "text 2", "record 3"}
    assert {"CONSULT", "ACCUSE"} <= {e.type for e in events}


def test_ingesting_the_same_texts_again_changes_nothing(
    process_cache: Cache, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with storyline.open(tmp_path / "again.db") as store:
        store.ingest([SUMMIT, PATROL], progress=False)
        before = store.events().to_dicts()
        capsys.readouterr()
        again = store.ingest([PATROL, SUMMIT], progress=False)
        after = store.events().to_dicts()

    assert again.counts[IngestStatus.UNCHANGED] == 2 and again.counts[IngestStatus.INGESTED] == 0
    assert after == before
    assert _summary(capsys.readouterr().err)[:3] == ("0", "0", "2")


def test_ingest_stores_what_analyse_finds(process_cache: Cache, tmp_path: Path) -> None:
    found = storyline.analyse(SUMMIT)

    with storyline.open(tmp_path / "same.db") as store:
        store.ingest(SUMMIT, progress=False)
        stored = store.events()

    def facts(events: storyline.Table) -> list[tuple[object, ...]]:
        return [(e.event_id, e.type, e.source.actor_id, e.evidence, e.date) for e in events]

    assert facts(stored) == facts(found.events)


def test_ingest_and_analyse_share_one_load_of_the_resources(
    process_cache: Cache, tmp_path: Path
) -> None:
    asked, said = process_cache

    storyline.analyse(RIVER, published="2023-07-11")
    with storyline.open(tmp_path / "shared.db") as store:
        store.ingest([SUMMIT, PATROL], progress=False, workers=1)

    assert len(asked) == 1
    assert said.getvalue().count("loading the spaCy model") == 1
