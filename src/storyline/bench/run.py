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
from storyline.ingest import read_articles
from storyline.pipeline import ingest, load_resources
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

    @property
    def ratio(self) -> float:
        """Pipeline speed as a share of raw spaCy speed (1.0 = no overhead)."""
        return self.pipeline.words_per_s / self.raw_spacy.words_per_s

    def to_dict(self) -> dict[str, object]:
        """JSON-ready figures."""
        return asdict(self) | {"ratio": round(self.ratio, 3)}


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timing(seconds: float, words: int, articles: int) -> Timing:
    return Timing(
        seconds=round(seconds, 3),
        words_per_s=round(words / seconds, 1),
        articles_per_s=round(articles / seconds, 2),
        peak_rss_mb=round(_peak_rss_mb(), 1),
    )


def run_bench(corpus: Path, settings: Settings, limit: int | None = None) -> BenchResult:
    """Measure the full pipeline (into a temporary store), then raw nlp.pipe."""
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
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        run_settings = replace(settings, db=store.path)
        started = time.perf_counter()
        ingest(articles, store, resources, run_settings)
        pipeline = _timing(time.perf_counter() - started, words, len(articles))
        store.close()
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
    )


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
    for name, t in (("pipeline", result.pipeline), ("raw spaCy", result.raw_spacy)):
        lines.append(
            f"{name:12} {t.seconds:9.2f} {t.words_per_s:10,.0f} {t.articles_per_s:11.2f} "
            f"{t.peak_rss_mb:12.0f}"
        )
    lines.append(f"ratio (pipeline / raw spaCy words/s): {result.ratio:.2f}")
    return "\n".join(lines)
