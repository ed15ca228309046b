"""Where the map step runs: worker processes on this machine, or a Ray cluster.

Each engine is a `pipeline.Mapper`: it runs `pipeline.analyse_batch` over batches of
articles and yields the answers in order; `pipeline.ingest` keeps the one writer.
"""

from __future__ import annotations

from storyline.engines.pool import ProcessPool, default_workers

__all__ = ["ProcessPool", "default_workers"]
