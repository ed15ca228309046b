"""Opening the database: a SQLite file or a PostgreSQL server, behind one small
interface (`execute`, `executemany`, `close`; rows read by column name or position).

A PostgreSQL connection takes the store's statements in SQLite's dialect and runs
them as PostgreSQL's (`dialect.POSTGRES.sql`); errors opening either become one-line
StoreErrors naming the database (a URL without its password).
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.errors import StoreError
from storyline.store.dialect import POSTGRES, SQLITE, Dialect

Params = Sequence[object] | Mapping[str, object]

# Writers take this lock for the length of a transaction, as SQLite's BEGIN IMMEDIATE
# does: one writer at a time keeps read-then-write steps (actor merges, story linking)
# consistent when several processes share one server.
_WRITE_LOCK = 0x5702_1100


@dataclass(frozen=True, slots=True)
class Opened:
    """An open database: the connection, its dialect and the errors its driver raises."""

    db: Any
    dialect: Dialect
    errors: tuple[type[BaseException], ...]
    name: str


def is_postgres(location: str) -> bool:
    """Whether a store location is a PostgreSQL URL."""
    return location.split("://", 1)[0] in ("postgresql", "postgres")


def open_database(location: str, *, read_only: bool) -> Opened:
    """Connect to the SQLite file or PostgreSQL URL (StoreError when it cannot)."""
    if is_postgres(location):
        return _open_postgres(location, read_only=read_only)
    return _open_sqlite(location, read_only=read_only)


def _open_sqlite(path: str, *, read_only: bool) -> Opened:
    try:
        if read_only:
            uri = Path(path).resolve().as_uri() + "?mode=ro"  # percent-encoded
            # A web request may open it in one thread and read in another; it is
            # still used by one request at a time.
            db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 10000")
        if not read_only:
            _use_wal(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open the database ({exc})") from exc
    return Opened(db=db, dialect=SQLITE, errors=(sqlite3.DatabaseError,), name=path)


def _use_wal(db: sqlite3.Connection, *, wait: float = 10.0) -> None:
    """Switch the file to write-ahead logging, once: the switch takes an exclusive lock
    that SQLite's busy handler does not wait for, so writers opening one new file at
    once retry it until one of them has made the change (then it is already WAL)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _open_postgres(url: str, *, read_only: bool) -> Opened:
    name = redact(url)
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError(
            f"{name}: PostgreSQL needs psycopg (pip install 'storyline[postgres]')"
        ) from exc
    try:
        db = psycopg.connect(url, autocommit=True, row_factory=_row_factory, connect_timeout=10)
        if read_only:
            db.execute("SET default_transaction_read_only = on")
    except psycopg.Error as exc:
        raise StoreError(f"{name}: cannot connect to PostgreSQL ({one_line(exc)})") from exc
    return Opened(db=PostgresConnection(db), dialect=POSTGRES, errors=(psycopg.Error,), name=name)


class PostgresConnection:
    """A psycopg connection that runs the store's statements in PostgreSQL's dialect."""

    def __init__(self, db: Any) -> None:
        self._db = db

    def execute(self, sql: str, params: Params = ()) -> Any:
        """Run one statement; the cursor holds its rows."""
        if sql == "BEGIN IMMEDIATE":
            self._db.execute("BEGIN")
            return self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
        return self._db.execute(POSTGRES.sql(sql), params)

    def executemany(self, sql: str, params: Iterable[Params]) -> None:
        """Run one statement once per parameter set."""
        batch = list(params)
        if batch:
            self._db.cursor().executemany(POSTGRES.sql(sql), batch)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


class Row(tuple):
    """A result row read by column name or position, as sqlite3.Row is."""

    index: dict[str, int]

    def __new__(cls, values: Sequence[object], index: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row.index = index
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return super().__getitem__(self.index[key])
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        """The column names (the first of two with one name)."""
        return list(self.index)


def _row_factory(cursor: Any) -> Any:
    index: dict[str, int] = {}
    for i, column in enumerate(cursor.description or ()):
        index.setdefault(column.name, i)
    return lambda values: Row(values, index)


def redact(url: str) -> str:
    """A URL without its password (in the authority or the query)."""
    scheme, sep, rest = url.partition("://")
    authority, tail = re.match(r"([^/?]*)(.*)", rest, re.DOTALL).groups()  # type: ignore[union-attr]
    if "@" in authority:
        user, host = authority.rsplit("@", 1)
        authority = f"{user.split(':', 1)[0]}@{host}"
    return scheme + sep + authority + re.sub(r"([?&]password=)[^&]*", r"\1***", tail)


def one_line(exc: BaseException) -> str:
    """An error message on one line."""
    return re.sub(r"\s+", " ", str(exc)).strip()
