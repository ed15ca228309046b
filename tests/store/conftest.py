"""The store's tests run on both backends: every test that takes `settings` (and so
`store`) runs once on a SQLite file and once on a fresh PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from storyline.config import Settings
from storyline.store.connection import is_postgres, open_database

BACKENDS = ("sqlite", "postgresql")

# For a test of what only SQLite has (files, paths, WAL): `@SQLITE_ONLY`.
SQLITE_ONLY = pytest.mark.parametrize("backend", ["sqlite"])


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The backend a test runs on."""
    return str(request.param)


@pytest.fixture
def settings(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    """Settings pointing at a fresh database of the backend."""
    if backend == "sqlite":
        return Settings(db=str(tmp_path / "test.db"))
    return Settings(db=request.getfixturevalue("postgres_server").url())


@contextmanager
def raw(location: str) -> Iterator[Any]:
    """The database itself, past the store (statements in SQLite's dialect)."""
    opened = open_database(location, read_only=False)
    try:
        yield opened.db
    finally:
        opened.db.close()


def table_names(location: str) -> set[str]:
    """The tables of the database."""
    sql = (
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        if is_postgres(location)
        else "SELECT name FROM sqlite_master WHERE type = 'table'"
    )
    with raw(location) as db:
        return {r[0] for r in db.execute(sql).fetchall()}


def table_count(location: str, table: str) -> int:
    """How many rows a table holds."""
    with raw(location) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def patch_migrations(
    monkeypatch: pytest.MonkeyPatch, *, upto: int | None = None, extra: str | None = None
) -> int:
    """Make the store know only the migrations up to `upto`, or one `extra` after the
    real ones, on both backends; returns the version it then calls latest."""
    from storyline.store import schema
    from storyline.store import sqlite as store_module

    def chosen(dialect: Any) -> tuple[tuple[int, str, str], ...]:
        found = tuple(m for m in schema.migrations(dialect) if upto is None or m[0] <= upto)
        return (*found, (schema.LATEST + 1, "extra", extra)) if extra else found

    latest = chosen(schema.SQLITE)[-1][0]
    monkeypatch.setattr(store_module, "MIGRATIONS", chosen(schema.SQLITE))
    monkeypatch.setattr(store_module, "migrations", chosen)
    monkeypatch.setattr(store_module, "LATEST", latest)
    return latest
