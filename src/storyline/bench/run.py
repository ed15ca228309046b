"""Run the pipeline and raw `nlp.pipe` over the same texts and compare them."""

from __future__ import annotations

import platform
import resource
import tempfile
import time
from dataclasses import asdict, dataclass, replace
from itertools import islice
from pathlib import Path

from storyline.config import Settings
from storyline.engines import ProcessPool
from storyline.ingest import read_articles
from storyline.pipeline import InProcess, Mapper, ingest, load_resources
from storyline.records import Article
from storyline.store import open_store


@dataclass(frozen=True, slots=True, kw_only=True)
class Timing:
    """One measured run."""

    seconds: float
    words_per_s: float
    articles_per_s: float
    peak_rss_mb: float


@dataclass(frozen=True, slots=True, kw_only=True)
class BenchResult:
    """The pipeline and raw spaCy over the same texts, on this machine."""

    corpus: str
    articles: int
    words: int
    model: str
    load_seconds: float
    pipeline: Timing
    raw_spacy: Timing
    machine: str
    workers: int = 1
    # The pipeline in `workers` worker processes (None: not measured), and the largest
    # peak memory of one of them.
    parallel: Timing | None = None
    worker_peak_rss_mb: float | None = None

    @property
    def ratio(self) -> float:
        """Pipeline speed as a share of raw spaCy speed (1.0 = no overhead)."""
        return self.pipeline.words_per_s / self.raw_spacy.words_per_s

    @property
    def speedup(self) -> float | None:
        """The pipeline's speed in `workers` processes against one."""
        if self.parallel is None:
            return None
        return self.parallel.words_per_s / self.pipeline.words_per_s

    def to_dict(self) -> dict[str, object]:
        """JSON-ready figures."""
        speedup = self.speedup
        return asdict(self) | {
            "ratio": round(self.ratio, 3),
            "speedup": round(speedup, 3) if speedup is not None else None,
        }


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timing(seconds: float, words: int, articles: int) -> Timing:
    return Timing(
        seconds=round(seconds, 3),
        words_per_s=round(words / seconds, 1),
        articles_per_s=round(articles / seconds, 2),
        peak_rss_mb=round(_peak_rss_mb(), 1),
    )


def run_bench(
    corpus: Path, settings: Settings, limit: int | None = None, workers: int = 1
) -> BenchResult:
    """Measure the full pipeline (into a temporary store) in this process, then in
    `workers` worker processes (when more than one), then raw nlp.pipe."""
    articles = [a for a in read_articles([corpus], settings) if isinstance(a, Article)]
    articles = list(islice(articles, limit))
    if not articles:
        from storyline.errors import ConfigError

        raise ConfigError(f"{corpus}: no readable articles to benchmark")
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    resources = load_resources(settings)
    load_seconds = time.perf_counter() - started
    list(resources.nlp.pipe(a.text for a in articles[:3]))  # warm-up, not measured
    pipeline = _ingest_timing(articles, words, settings, InProcess(resources))
    parallel = worker_peak = None
    if workers > 1:
        pool = ProcessPool(settings, workers, local=lambda: resources)
        # timed from the start of the workers: loading their model is part of the cost
        parallel = _ingest_timing(articles, words, settings, pool)
        worker_peak = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    started = time.perf_counter()
    for _ in resources.nlp.pipe((a.text for a in articles), batch_size=settings.batch_size):
        pass
    raw = _timing(time.perf_counter() - started, words, len(articles))
    return BenchResult(
        corpus=str(corpus),
        articles=len(articles),
        words=words,
        model=settings.model,
        load_seconds=round(load_seconds, 2),
        pipeline=pipeline,
        raw_spacy=raw,
        machine=f"{platform.machine()}, {_cpus()} CPUs, Python {platform.python_version()}",
        workers=workers,
        parallel=parallel,
        worker_peak_rss_mb=worker_peak,
    )


def _ingest_timing(
    articles: list[Article], words: int, settings: Settings, mapper: Mapper
) -> Timing:
    """One ingest of the articles into a new temporary store, timed."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        started = time.perf_counter()
        ingest(articles, store, None, replace(settings, db=store.path), mapper=mapper)
        timing = _timing(time.perf_counter() - started, words, len(articles))
        store.close()
    return timing


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def render_bench(result: BenchResult) -> str:
    """A readable report of a benchmark run."""
    lines = [
        f"corpus: {result.corpus} ({result.articles} articles, {result.words:,} words)",
        f"machine: {result.machine}; model {result.model} loaded in {result.load_seconds}s",
        f"{'':12} {'seconds':>9} {'words/s':>10} {'articles/s':>11} {'peak RSS MB':>12}",
    ]
    runs = [("pipeline", result.pipeline), ("raw spaCy", result.raw_spacy)]
    if result.parallel is not None:
        runs.insert(1, (f"{result.workers} workers", result.parallel))
    for name, t in runs:
        lines.append(
            f"{name:12} {t.seconds:9.2f} {t.words_per_s:10,.0f} {t.articles_per_s:11.2f} "
            f"{t.peak_rss_mb:12.0f}"
        )
    lines.append(f"ratio (pipeline / raw spaCy words/s): {result.ratio:.2f}")
    if result.speedup is not None:
        lines.append(
            f"speed-up ({result.workers} workers / 1): {result.speedup:.2f}; "
            f"peak RSS of one worker {result.worker_peak_rss_mb:.0f} MB"
        )
    return "\n".join(lines)
