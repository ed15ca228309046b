"""How long `World.load()` takes and how much memory it adds, each time in a fresh
process: `python -m storyline.bench.knowledge [RUNS]` (default 3; the median time and
the largest memory figure are reported)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from dataclasses import dataclass

# Run in a fresh interpreter: importing the module (which brings in spaCy through
# storyline.actors) is timed apart from the load itself.
_PROBE = """
import json, resource, time
t0 = time.perf_counter()
from storyline.actors.world import World
t1 = time.perf_counter()

def rss_mb():
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return float("nan")

before = rss_mb()
t2 = time.perf_counter()
world = World.load()
t3 = time.perf_counter()
print(json.dumps({
    "import_s": t1 - t0,
    "load_s": t3 - t2,
    "extra_rss_mb": rss_mb() - before,
}))
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class KnowledgeBench:
    """Figures of `World.load()` over fresh processes."""

    runs: int
    load_s: float  # median
    import_s: float  # median, importing storyline.actors.world (spaCy included)
    extra_rss_mb: float  # largest resident memory the load added (the World kept alive)


def measure(runs: int = 3) -> KnowledgeBench:
    """Load the knowledge files `runs` times, each in a new interpreter."""
    samples = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True
        )
        samples.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return KnowledgeBench(
        runs=runs,
        load_s=round(statistics.median(s["load_s"] for s in samples), 3),
        import_s=round(statistics.median(s["import_s"] for s in samples), 3),
        extra_rss_mb=round(max(s["extra_rss_mb"] for s in samples), 1),
    )


def main(argv: list[str]) -> int:
    """Print the figures (the command line entry point)."""
    runs = int(argv[0]) if argv else 3
    bench = measure(runs)
    print(f"World.load(): {bench.load_s:.3f} s (median of {bench.runs} fresh processes)")
    print(f"extra resident memory: {bench.extra_rss_mb:.1f} MB")
    print(f"importing storyline.actors.world first (spaCy included): {bench.import_s:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
