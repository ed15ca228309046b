"""The map step on Ray: Ray Data `map_batches` over the articles, a model per worker actor.

The driver (this process) reads and triages the articles and keeps the one writer; Ray
runs `pipeline.analyse_batch` in worker actors that load the resources once each and
hands the answers back in order. `ray.init()` joins the cluster at $RAY_ADDRESS when it
is set, else starts a Ray on this machine for the run. Every node needs storyline
installed (`pip install 'storyline[ray]'`) and the actor dictionary files at the same
paths as the driver.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path
from typing import Any

from storyline.actors import ActorRegistry
from storyline.actors.dictionary import default_dictionary_paths
from storyline.config import Settings
from storyline.errors import ConfigError
from storyline.pipeline import Analysed, analyse_batch, load_resources
from storyline.records import Article

# Articles handed to Ray per dataset: bounds the driver's memory on long runs.
WINDOW = 10_000


class _Analyser:
    """A Ray worker actor: the resources loaded once, then batch after batch."""

    def __init__(self, settings: Settings, known: ActorRegistry) -> None:
        self.resources, self.known = load_resources(settings), known

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        articles = [pickle.loads(b) for b in batch["article"]]
        answers = analyse_batch(articles, self.resources, self.known)
        return {"analysed": np.array([pickle.dumps(a) for a in answers], dtype=object)}


class RayData:
    """The map step as a Ray Data pipeline on `workers` actors (default: every CPU Ray
    has), answers in the order the articles came."""

    def __init__(self, settings: Settings, workers: int | None = None) -> None:
        files = [*default_dictionary_paths(Path.cwd(), os.environ), *settings.actor_files]
        # workers elsewhere read the same dictionaries, by absolute path
        self.settings = replace(settings, actor_files=tuple(p.resolve() for p in files))
        self.workers = workers

    def map(self, batches: Iterable[list[Article]], known: ActorRegistry) -> Iterator[Analysed]:
        """Each article's answer, in order, a window of articles at a time."""
        try:
            import ray
        except ImportError:
            raise ConfigError("--engine ray needs Ray: pip install 'storyline[ray]'") from None
        started = not ray.is_initialized()
        if started:
            ray.init(include_dashboard=False, log_to_driver=False, logging_level="WARNING")
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.WARNING)
        try:
            articles = chain.from_iterable(batches)
            while window := list(islice(articles, WINDOW)):
                yield from self._window(ray, window, known)
        finally:
            if started:
                ray.shutdown()

    def _window(
        self, ray: Any, articles: list[Article], known: ActorRegistry
    ) -> Iterator[Analysed]:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False  # the ingest command shows its own
        workers = self.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        dataset = ray.data.from_items([{"article": pickle.dumps(a)} for a in articles])
        answers = dataset.map_batches(
            _Analyser,
            fn_constructor_kwargs={"settings": self.settings, "known": known},
            batch_size=self.settings.batch_size,
            batch_format="numpy",
            concurrency=min(workers, len(articles)),
            num_cpus=1,
        )
        for row in answers.iter_rows():
            yield pickle.loads(row["analysed"])
