"""storyline: sourced events, quotes, actors and timelines from news reports.

The Python API, the one documented surface (everything else is private):

- ``storyline.analyse(text, published=..., title=..., outlet=...) -> Analysis``: one
  article analysed in memory, nothing stored; ``Analysis.events``, ``.quotes`` and
  ``.actors`` are tables of frozen records, ``.to_dict()`` gives them as JSON data.
- ``storyline.open(db="storyline.db") -> Store``: a SQLite file or a PostgreSQL URL,
  used as a context manager; ``Store.ingest(paths_or_texts)`` does what
  ``storyline ingest`` does; ``Store.events``, ``.quotes``, ``.actors``,
  ``.stories``, ``.timeline``, ``.articles`` and ``.network`` take the filters of the
  CLI and the REST API.
- Every result is a ``Table``: a sequence of records with ``.to_pandas()``,
  ``.to_arrow()`` (``pip install 'storyline[dataframes]'``) and ``.to_dicts()``.

Importing storyline loads nothing else: the API's modules are imported the first
time one of these names is used, and the spaCy model the first time something is
analysed (once per process).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> the module that defines it (imported on first use).
_LAZY = {
    "analyse": "storyline.library.analysis",
    "Analysis": "storyline.library.analysis",
    "open": "storyline.library.store",
    "Store": "storyline.library.store",
    "Table": "storyline.library.tables",
}

__all__ = ["Analysis", "Store", "Table", "__version__", "analyse", "open"]

if TYPE_CHECKING:
    from storyline.library.analysis import Analysis, analyse
    from storyline.library.store import Store, open
    from storyline.library.tables import Table


def __getattr__(name: str) -> Any:
    """The public names, each imported the first time it is asked for."""
    if name not in _LAZY:
        raise AttributeError(f"module 'storyline' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
