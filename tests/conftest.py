"""Shared fixtures: one spaCy pipeline per session, temporary stores, small builders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.pipeline import Resources, load_resources
from storyline.records import (
    Actor,
    ActorKind,
    Article,
    ArticleResult,
    ParsedArticle,
)
from storyline.store import SQLiteStore, open_store
from tests.store.postgres import postgres_server  # noqa: F401 (a session's PostgreSQL)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="session")
def resources() -> Resources:
    """The real spaCy pipeline and knowledge files, loaded once for all tests."""
    return load_resources(Settings())


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings pointing at a fresh database in a temporary folder."""
    return Settings(db=str(tmp_path / "test.db"))


@pytest.fixture
def store(settings: Settings) -> Iterator[SQLiteStore]:
    """A fresh, migrated store."""
    s = open_store(settings.db)
    yield s
    s.close()


def make_article(text: str, doc_id: str = "doc-1", **meta: str | None) -> Article:
    """An article built in memory."""
    return Article(doc_id=doc_id, file=meta.pop("file", None) or f"{doc_id}.txt", text=text, **meta)


def make_result(article: Article, **facts: object) -> ArticleResult:
    """A result with no NLP output beyond what the test passes."""
    parsed = ParsedArticle(
        article=article, sentences=(), n_tokens=len(article.text.split()), mentions=()
    )
    return ArticleResult(parsed=parsed, **facts)  # type: ignore[arg-type]


def person(name: str, country: str | None = None, sector: str | None = None) -> Actor:
    """A person actor with an id made from the name."""
    return Actor(
        actor_id=name.lower().replace(" ", "-"),
        name=name,
        kind=ActorKind.PERSON,
        country=country,
        sector=sector,
    )


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write a file (text as UTF-8) and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
