"""The corpus benchmark: the pipeline in one process and in worker processes, against
raw spaCy, with the figures the JSON report promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.bench import render_bench, run_bench
from storyline.config import Settings

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_bench_reports_one_process_and_two_workers() -> None:
    result = run_bench(EXAMPLES, Settings(batch_size=1), workers=2)

    figures = result.to_dict()
    assert figures["articles"] == 6 and figures["workers"] == 2
    assert figures["ratio"] > 0 and figures["speedup"] > 0
    assert result.parallel is not None and result.parallel.words_per_s > 0
    assert result.worker_peak_rss_mb is not None and result.worker_peak_rss_mb > 100  # a model
    assert "speed-up (2 workers / 1)" in render_bench(result)


def test_one_worker_skips_the_parallel_run() -> None:
    figures = run_bench(EXAMPLES, Settings(), limit=2, workers=1).to_dict()

    assert figures["parallel"] is None and figures["speedup"] is None
