"""The app of each server worker process of `storyline serve --workers N`.

uvicorn starts its worker processes from an import string, so the settings the CLI
built travel to them in one environment variable (JSON), read back here; one process
serving alone gets its app from `create_app` directly and never uses this.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, fields
from pathlib import Path

from fastapi import FastAPI

from storyline.api.app import create_app
from storyline.config import Settings
from storyline.errors import ConfigError

SETTINGS_ENV = "STORYLINE_SERVE_SETTINGS"


def settings_json(settings: Settings) -> str:
    """The settings as the JSON a worker reads back."""
    values = asdict(settings)
    values["actor_files"] = [str(p) for p in settings.actor_files]
    return json.dumps(values)


def settings_from_json(text: str) -> Settings:
    """Settings from `settings_json`'s text (ConfigError when it is not that)."""
    try:
        values = json.loads(text)
        known = {f.name for f in fields(Settings)}
        if not isinstance(values, dict) or not values.keys() <= known:
            raise ValueError("not the server's settings")
        values["actor_files"] = tuple(Path(p) for p in values.get("actor_files", ()))
        return Settings(**values)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"${SETTINGS_ENV}: cannot be read ({exc})") from exc


def app() -> FastAPI:
    """A worker's app, from the settings in $STORYLINE_SERVE_SETTINGS."""
    text = os.environ.get(SETTINGS_ENV)
    if text is None:
        raise ConfigError(f"${SETTINGS_ENV} is not set; start the server with `storyline serve`")
    return create_app(settings_from_json(text))
