"""What `Store.ingest` and `analyse` accept, turned into articles or one-line failures.

Paths (files and folders) are read exactly as `storyline ingest PATH` reads them; a
text is one article, as a `.txt` file holding it would be; a mapping is one record
with the fields of a `.jsonl` line (`text`, and maybe `id`, `title`, `published`,
`outlet`, `url`), as `POST /api/articles` takes it. A string is a path when it names
an existing file or folder or holds no whitespace (a mistyped path is then reported
as a missing file, not analysed as text); otherwise it is a text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Union

from storyline.config import Settings
from storyline.errors import IngestError
from storyline.ingest import article_from_record, read_articles
from storyline.records import Article, IngestFailure

#: One input: a path, a text or a record.
Input = Union[str, "os.PathLike[str]", Mapping[str, object]]


def is_path(item: str | os.PathLike[str]) -> bool:
    """Whether an input names a file or folder rather than holding an article's text."""
    if isinstance(item, os.PathLike):
        return True
    if not item.strip() or "\n" in item:  # "" must not read as ".", the working folder
        return False
    if len(item.split()) == 1:
        return True
    try:
        return Path(item).exists()  # a folder name with spaces
    except (OSError, ValueError):  # a text too long to be a file name
        return False


def articles_from(
    inputs: Input | Iterable[Input], settings: Settings
) -> Iterator[Article | IngestFailure]:
    """The articles of the inputs in their order, with a failure for each one that
    cannot be read; texts and records are named "text N" and "record N" (1-based)."""
    if isinstance(inputs, str | os.PathLike | Mapping):
        inputs = [inputs]
    for n, item in enumerate(inputs, start=1):
        if isinstance(item, Mapping):
            yield _one(dict(item), f"record {n}", settings)
        elif isinstance(item, str | os.PathLike) and is_path(item):
            yield from read_articles([Path(item)], settings)
        elif isinstance(item, str):
            yield _one({"text": item}, f"text {n}", settings)
        else:
            reason = f"a {type(item).__name__} is not a path, a text or a record"
            yield IngestFailure(path=f"input {n}", reason=reason)


def _one(record: dict[str, object], label: str, settings: Settings) -> Article | IngestFailure:
    try:
        return article_from_record(record, label, settings)
    except IngestError as exc:
        return IngestFailure(path=exc.path, reason=exc.reason, line=exc.line)
