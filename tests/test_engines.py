"""Map and reduce: what is stored does not depend on the order articles come in, on
the number of worker processes, or on one article the analysis fails on."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.actors import ActorRegistry
from storyline.config import Settings
from storyline.engines import ProcessPool
from storyline.ingest import read_articles
from storyline.pipeline import Resources, analyse_batch, ingest
from storyline.records import Article
from storyline.store import open_store
from tests.conftest import make_article

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

_DUMPS = {
    "articles": "SELECT doc_id, duplicate_of, n_tokens FROM articles ORDER BY doc_id",
    "actors": "SELECT actor_id, name, kind, country, sector, role, aliases FROM actors "
    "ORDER BY actor_id",
    "quotes": "SELECT quote_id, speaker_id, joint_ids, start, end FROM quotes ORDER BY quote_id",
    "events": "SELECT event_id, type, mode, source_id, target_ids, date, story_id, also "
    "FROM events ORDER BY event_id",
    "stories": "SELECT story_id, date, title, event_ids, doc_ids FROM stories ORDER BY story_id",
}


def stored(db: str) -> dict[str, list[tuple[object, ...]]]:
    """Everything an ingest run stored, table by table, in a fixed order."""
    with sqlite3.connect(db) as conn:
        return {table: [tuple(r) for r in conn.execute(sql)] for table, sql in _DUMPS.items()}


def examples(settings: Settings) -> list[Article]:
    return [a for a in read_articles([EXAMPLES], settings) if isinstance(a, Article)]


def ingested(articles: list[Article], db: Path, resources: Resources, **kw: object) -> dict:
    settings = Settings(db=str(db), batch_size=2)
    store = open_store(settings.db)
    ingest(articles, store, resources, settings, **kw)  # type: ignore[arg-type]
    store.close()
    return stored(settings.db)


def test_stored_results_do_not_depend_on_ingest_order(
    resources: Resources, tmp_path: Path, settings: Settings
) -> None:
    articles = examples(settings)
    shuffled = articles[:]
    random.Random(7).shuffle(shuffled)
    first = ingested(articles, tmp_path / "forward.db", resources)
    assert first["events"] and first["stories"] and first["quotes"]
    assert ingested(articles[::-1], tmp_path / "backward.db", resources) == first
    assert ingested(shuffled, tmp_path / "shuffled.db", resources) == first


def test_worker_processes_store_what_one_process_stores(
    resources: Resources, tmp_path: Path, settings: Settings
) -> None:
    articles = examples(settings)
    alone = ingested(articles, tmp_path / "alone.db", resources)
    pool = ProcessPool(Settings(batch_size=2), workers=2, local=lambda: resources)
    pooled = ingested(articles, tmp_path / "pooled.db", None, mapper=pool)  # type: ignore[arg-type]
    assert pooled == alone


def test_an_article_over_the_models_limit_is_read_in_pieces_and_the_batch_goes_on(
    resources: Resources,
) -> None:
    short = make_article("Kenya and Uganda signed a trade accord in Nairobi on Friday.", "ok")
    long = make_article("The talks in Doha went on. " * 80, "too-long")
    later = make_article("Chile recalled its ambassador from Caracas on Monday.", "later")
    nlp = resources.nlp
    limit = nlp.max_length
    nlp.max_length = 1000  # the long text is over it, the others are not
    try:
        answers = analyse_batch([short, long, later], resources, ActorRegistry())
    finally:
        nlp.max_length = limit
    assert [a.article.doc_id for a in answers] == ["ok", "too-long", "later"]
    assert answers[0].result is not None and answers[2].result is not None
    # One text-length policy (nlp/pieces.py): parsed in pieces, not refused.
    assert answers[1].failure is None and answers[1].result is not None
    assert answers[1].result.parsed.sentences[-1].end <= len(long.text)
    assert len(answers[1].result.parsed.sentences) == 80
    assert replace(answers[2].result.article, text="") == replace(later, text="")


@pytest.mark.enable_socket  # Ray's processes talk over localhost
def test_the_ray_engine_stores_what_the_default_ingest_stores(
    resources: Resources, tmp_path: Path, settings: Settings
) -> None:
    from storyline.engines.ray import RayData

    articles = examples(settings)
    alone = ingested(articles, tmp_path / "alone.db", resources)
    on_ray = RayData(Settings(batch_size=2), workers=2)
    assert ingested(articles, tmp_path / "ray.db", None, mapper=on_ray) == alone  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("free_gb", "cores", "expected"),
    [(1.5, 8, 1), (3.2, 8, 3), (64, 4, 4), (0.2, 4, 1), (None, 6, 6)],
)
def test_default_workers_are_the_cores_the_free_memory_can_hold(
    monkeypatch: pytest.MonkeyPatch, free_gb: float | None, cores: int, expected: int
) -> None:
    from storyline.engines import pool

    free = None if free_gb is None else int(free_gb * (1 << 30))
    monkeypatch.setattr(pool, "_available_memory", lambda: free)
    monkeypatch.setattr(pool.os, "sched_getaffinity", lambda _pid: set(range(cores)))
    assert pool.default_workers() == expected
