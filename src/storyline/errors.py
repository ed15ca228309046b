"""The one catalogue of errors storyline raises; each carries a one-line message."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class: a problem the user can act on, described in one line."""


class IngestError(StorylineError):
    """A file or record that cannot be ingested, naming it and the reason."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class StoreError(StorylineError):
    """The database cannot be opened, migrated or written."""


class GoldError(StorylineError):
    """A gold annotation file that cannot be read."""


class ConfigError(StorylineError):
    """A setting or option with an unusable value."""


class PatternError(StorylineError):
    """A patterns data file that breaks its schema, naming the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class ReviewError(StorylineError):
    """A correction that cannot be made or undone; `status` is the HTTP status that says
    why (404 unknown record, 409 not in a state to change that way, 422 a bad value)."""

    def __init__(self, message: str, status: int = 422) -> None:
        self.status = status
        super().__init__(message)
