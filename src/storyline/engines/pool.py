"""The map step in worker processes on this machine, the writer staying in the parent.

Each worker loads the resources (the spaCy model, the knowledge) once, when it starts,
and receives the snapshot of known actors once; it then analyses batch after batch.
A run too small to keep the workers busy stays in this process: starting them costs
more than they save.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from pathlib import Path

from storyline.actors import ActorRegistry
from storyline.config import Settings
from storyline.pipeline import (
    Analysed,
    InProcess,
    Resources,
    analyse_batch,
    load_resources,
    where_from,
)
from storyline.records import Article, IngestFailure

log = logging.getLogger(__name__)

# A worker process's own resources and snapshot, set once by `_start` when it begins;
# never set in the parent.
_WORKER: dict[str, object] = {}


# Memory set aside per worker: the model and knowledge peak at about 520 MB (BENCHMARKS.md).
WORKER_MEMORY = 1 << 30


def default_workers() -> int:
    """The cores this process may use, as many as the free memory holds workers."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    cores = cores or os.cpu_count() or 1
    free = _available_memory()
    return cores if free is None else max(1, min(cores, free // WORKER_MEMORY))


def _available_memory() -> int | None:
    """Bytes the system can give new processes (Linux's MemAvailable), if it says."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _start(settings: Settings, known: ActorRegistry) -> None:
    _WORKER["resources"] = load_resources(settings)
    _WORKER["known"] = known


def _analyse(batch: list[Article]) -> list[Analysed]:
    resources, known = _WORKER["resources"], _WORKER["known"]
    assert isinstance(resources, Resources) and isinstance(known, ActorRegistry)
    return analyse_batch(batch, resources, known)


class ProcessPool:
    """The map step in `workers` processes, batches in flight at most twice the workers,
    answers in the order the batches came."""

    def __init__(
        self, settings: Settings, workers: int, local: Callable[[], Resources] | None = None
    ) -> None:
        self.settings, self.workers = settings, max(1, workers)
        self._local = local or (lambda: load_resources(settings))

    def map(self, batches: Iterable[list[Article]], known: ActorRegistry) -> Iterator[Analysed]:
        """Each batch's answers, in order."""
        batches = iter(batches)
        first = list(islice(batches, self.workers))
        if self.workers == 1 or len(first) < self.workers:
            yield from InProcess(self._local()).map(chain(first, batches), known)
        else:
            yield from self._pooled(chain(first, batches), known)

    def _pooled(self, batches: Iterator[list[Article]], known: ActorRegistry) -> Iterator[Analysed]:
        pool = self._new_pool(known)
        in_flight: deque[tuple[list[Article], Future[list[Analysed]]]] = deque()
        try:
            for batch in chain(batches, [None]):
                if batch is not None:
                    in_flight.append((batch, pool.submit(_analyse, batch)))
                while in_flight and (batch is None or len(in_flight) >= 2 * self.workers):
                    done, future = in_flight.popleft()
                    try:
                        answers = future.result()
                    except BrokenProcessPool:  # a worker died: this batch fails, the rest go on
                        log.warning("a worker process died; starting new ones")
                        answers = [_died(a) for a in done]
                        pool.shutdown(cancel_futures=True)
                        pool = self._new_pool(known)
                        in_flight = deque((b, pool.submit(_analyse, b)) for b, _ in in_flight)
                    yield from answers
        finally:
            pool.shutdown(cancel_futures=True)

    def _new_pool(self, known: ActorRegistry) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),  # no inherited locks or threads
            initializer=_start,
            initargs=(self.settings, known),
        )


def _died(article: Article) -> Analysed:
    reason = "a worker process died while analysing its batch"
    return Analysed(article, failure=IngestFailure(path=where_from(article), reason=reason))
