"""Results of the Python API: immutable sequences of records that flatten into tables.

A `Table` holds frozen records (events, quotes, actors, ...) and knows its columns:
each column a name, a type and how to read it off a record, nested values (the source
actor, the targets, the evidence) spread into columns of their own (`source_country`,
`target_countries`, `evidence_start`). The same columns make the rows of `to_dicts`,
the Arrow table of `to_arrow` and the DataFrame of `to_pandas`; pandas and pyarrow come
with the optional `dataframes` extra and are imported only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from storyline.errors import ConfigError

if TYPE_CHECKING:
    import pandas
    import pyarrow

T = TypeVar("T")

#: Column types: text, whole number, number, flag, day, list of texts.
KINDS = ("str", "int", "float", "bool", "date", "strs")
_EXTRA = "pip install 'storyline[dataframes]'"


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    """One column of a table: its name, its type (one of KINDS) and its value for a record."""

    name: str
    kind: str
    get: Callable[[T], Any]


def prefixed(
    prefix: str, columns: Sequence[Column[Any]], part: Callable[[T], Any]
) -> list[Column[T]]:
    """The columns of a part of a record (its source actor, its story), named with a
    prefix and empty when the record has no such part."""
    return [
        Column(prefix + c.name, c.kind, lambda r, c=c: None if (p := part(r)) is None else c.get(p))
        for c in columns
    ]


class Table(Sequence[T]):
    """An immutable sequence of records with `to_dicts`, `to_arrow` and `to_pandas`."""

    __slots__ = ("_columns", "_items")

    def __init__(self, items: Iterable[T], columns: Sequence[Column[T]]) -> None:
        object.__setattr__(self, "_items", tuple(items))
        object.__setattr__(self, "_columns", tuple(columns))

    _items: tuple[T, ...]
    _columns: tuple[Column[T], ...]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Table is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Table is immutable; cannot delete {name!r}")

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Table[T]: ...
    def __getitem__(self, index: int | slice) -> T | Table[T]:
        """A record, or a table of a slice of them."""
        if isinstance(index, slice):
            return Table(self._items[index], self._columns)
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Table) and self._items == other._items

    def __hash__(self) -> int:
        return hash(self._items)

    def __repr__(self) -> str:
        names = ", ".join(c.name for c in self._columns[:4])
        return f"<Table of {len(self)} rows; columns {names}, ...>"

    @property
    def columns(self) -> tuple[str, ...]:
        """The names of the table's columns, in order."""
        return tuple(c.name for c in self._columns)

    def to_dicts(self) -> list[dict[str, Any]]:
        """One flat dict per record, column name to value (days as ISO text)."""
        return [{c.name: _plain(c.get(item)) for c in self._columns} for item in self._items]

    def to_arrow(self) -> pyarrow.Table:
        """The records as a pyarrow Table, one typed column per column (needs the
        `dataframes` extra)."""
        pa = _import("pyarrow")
        types = {
            "str": pa.string(),
            "int": pa.int64(),
            "float": pa.float64(),
            "bool": pa.bool_(),
            "date": pa.date32(),
            "strs": pa.list_(pa.string()),
        }
        schema = pa.schema([pa.field(c.name, types[c.kind]) for c in self._columns])
        data = {
            c.name: [_arrow_value(c.get(i), c.kind) for i in self._items] for c in self._columns
        }
        return pa.table(data, schema=schema)

    def to_pandas(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame: days as datetime64, whole numbers and flags
        nullable, lists of texts as Python lists (needs the `dataframes` extra)."""
        pd = _import("pandas")
        pa = _import("pyarrow")
        frame = self.to_arrow().to_pandas(
            date_as_object=False,
            types_mapper={pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}.get,
        )
        for c in self._columns:
            if c.kind == "strs":
                frame[c.name] = [list(v) for v in (c.get(i) or () for i in self._items)]
        return frame


def _import(name: str) -> Any:
    """pandas or pyarrow, or a one-line error saying how to install them."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        raise ConfigError(f"{name} is not installed; {_EXTRA}") from None


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _arrow_value(value: Any, kind: str) -> Any:
    if kind == "strs":
        return list(value) if value is not None else []
    return value
