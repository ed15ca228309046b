"""The NLP resources of the Python API: loaded once per process, then reused.

`storyline.analyse` and `Store.ingest` are free-standing calls, so what they need (the
spaCy model, the knowledge files, the user's actor dictionaries) cannot be passed down
from a CLI or an app factory: a `ResourceCache` holds it instead, keyed by what it was
loaded from. The one per-process instance, `PROCESS`, is the only state the Python API
keeps between calls (as `api.app.AppState` keeps the server's and `engines.pool` a
worker's); the API's modules look it up when called, so a test can put in its place a
cache serving resources it has already loaded.

The line saying what is being loaded goes to stderr, not to a logger: loading takes
seconds and a notebook shows stderr, while its logging is unconfigured (warnings only);
the CLI's progress and failure lines go to stderr too.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from storyline.config import Settings

if TYPE_CHECKING:  # the pipeline imports spaCy: only when something is loaded
    from storyline.pipeline import Resources

# What the resources were loaded from: the model and the dictionary files, in order.
Key = tuple[str, tuple[str, ...]]


def _load(settings: Settings) -> Resources:
    from storyline.pipeline import load_resources

    return load_resources(settings)


class ResourceCache:
    """NLP resources by what they are loaded from, each loaded the first time it is
    asked for (saying so in one line on `say`) and shared by every later call."""

    def __init__(
        self,
        load: Callable[[Settings], Resources] = _load,
        say: Callable[[], TextIO] = lambda: sys.stderr,
    ) -> None:
        self._load, self._say = load, say
        self._loaded: dict[Key, Resources] = {}
        self._lock = threading.Lock()  # two threads asking at once load once

    def get(self, settings: Settings) -> Resources:
        """The resources for these settings, loaded now if this process has not yet."""
        key = key_of(settings)
        with self._lock:
            if key not in self._loaded:
                self._say().write(f"storyline: {describe(key)} (once per process)\n")
                self._loaded[key] = self._load(settings)
            return self._loaded[key]

    def loaded(self) -> int:
        """How many sets of resources this cache holds."""
        return len(self._loaded)


def key_of(settings: Settings) -> Key:
    """The model and every dictionary file the settings load, as `load_resources`
    finds them (the defaults beside the working directory and in the environment,
    then the settings' own)."""
    from storyline.actors.dictionary import default_dictionary_paths

    paths = [*default_dictionary_paths(Path.cwd(), os.environ), *settings.actor_files]
    return settings.model, tuple(str(Path(p).resolve()) for p in paths)


def describe(key: Key) -> str:
    """What loading these resources loads, for the one line said before it."""
    model, dictionaries = key
    extra = f" and the actor dictionaries {', '.join(dictionaries)}" if dictionaries else ""
    return f"loading the spaCy model {model}, the knowledge files{extra}"


#: This process's resources: what `storyline.analyse` and `Store.ingest` use.
PROCESS = ResourceCache()
