"""The store: where results live. SQLite by default; the URL scheme picks the backend."""

from __future__ import annotations

from storyline.errors import StoreError
from storyline.store.sqlite import ArticleStats, SQLiteStore

__all__ = ["ArticleStats", "SQLiteStore", "open_store"]


def open_store(location: str, *, read_only: bool = False) -> SQLiteStore:
    """Open (and migrate) the store at a path or URL."""
    if "://" in location:
        scheme = location.split("://", 1)[0]
        if scheme == "sqlite":
            return SQLiteStore(location.split("://", 1)[1], read_only=read_only)
        raise StoreError(
            f"{location}: the {scheme!r} store is not supported yet; use a SQLite path"
        )
    return SQLiteStore(location, read_only=read_only)
