"""Benchmark: the full pipeline's speed and memory against raw spaCy on one corpus."""

from storyline.bench.run import BenchResult, render_bench, run_bench

__all__ = ["BenchResult", "render_bench", "run_bench"]
