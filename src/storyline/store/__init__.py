"""The store: where results live. SQLite by default; the URL scheme picks the backend."""

from __future__ import annotations

from storyline.errors import StoreError
from storyline.store.connection import is_postgres
from storyline.store.sqlite import ArticleStats, SQLiteStore, Store

__all__ = ["ArticleStats", "SQLiteStore", "Store", "open_store"]


def open_store(location: str, *, read_only: bool = False) -> Store:
    """Open (and migrate) the store at a path, a sqlite:// URL or a postgresql:// URL."""
    if "://" in location:
        scheme = location.split("://", 1)[0]
        if scheme == "sqlite":
            return Store(location.split("://", 1)[1], read_only=read_only)
        if is_postgres(location):
            return Store(location, read_only=read_only)
        raise StoreError(
            f"{location}: the {scheme!r} store is not supported; use a SQLite path "
            "or a postgresql:// URL"
        )
    return Store(location, read_only=read_only)
