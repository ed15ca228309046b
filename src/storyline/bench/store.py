"""The store at scale: query times of a large (synthetic) store through the real server,
and what ingesting one new article costs there against an empty store.

The server is `storyline serve` in a subprocess on 127.0.0.1 (its peak resident memory
read from /proc); each query runs once to warm up, then `repeat` times, and its median
is reported. A query whose warm-up takes longer than SLOW_S is measured once more only;
one that times out is reported as such (and the server restarted), one that fails
with its HTTP status.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from storyline.config import Settings
from storyline.errors import ConfigError, StorylineError
from storyline.records import Article

if TYPE_CHECKING:
    from storyline.pipeline import Resources

SLOW_S = 10.0
Log = Callable[[str], None]
Report = Callable[[int, int], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class QueryTiming:
    """One query's median time, or why there is none."""

    name: str
    path: str
    p50_ms: float | None
    status: str  # "ok", "timeout", "HTTP 500", "no answer: ..."
    runs: int
    kbytes: float


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreBenchResult:
    """Query times, server memory and ingest cost on one store, on this machine."""

    db: str
    events: int
    articles: int
    actors: int
    stories: int
    build_seconds: float | None
    queries: tuple[QueryTiming, ...]
    server_peak_mb: float | None
    ingest_ms_empty: float | None
    ingest_ms_large: float | None
    machine: str
    notes: tuple[str, ...] = field(default=())

    @property
    def ingest_ratio(self) -> float | None:
        """Ingest time into the large store as a multiple of that into an empty one."""
        if not self.ingest_ms_empty or self.ingest_ms_large is None:
            return None
        return round(self.ingest_ms_large / self.ingest_ms_empty, 2)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready figures: `p50_ms` (query -> ms, null when it has none), `status`
        (query -> ok, timeout or the failure), memory, ingest times and their ratio."""
        return {
            "events": self.events,
            "articles": self.articles,
            "actors": self.actors,
            "stories": self.stories,
            "p50_ms": {q.name: q.p50_ms for q in self.queries},
            "status": {q.name: q.status for q in self.queries},
            "paths": {q.name: q.path for q in self.queries},
            "runs": {q.name: q.runs for q in self.queries},
            "response_kb": {q.name: q.kbytes for q in self.queries},
            "server_peak_mb": self.server_peak_mb,
            "ingest_ms_empty": self.ingest_ms_empty,
            "ingest_ms_large": self.ingest_ms_large,
            "ingest_ratio": self.ingest_ratio,
            "build_seconds": self.build_seconds,
            "db": self.db,
            "machine": self.machine,
            "notes": list(self.notes),
        }


def queries_for(db: str) -> list[tuple[str, str]]:
    """The queries the benchmark times (name, path), with values read from the store."""
    from storyline.store.synthetic import bench_targets

    t = bench_targets(db)
    dates = {"since": t.since, "until": t.until, "limit": 50}
    return [
        ("events_by_actor", "/api/events?" + urlencode({"actor": t.actor_name, "limit": 50})),
        ("events_by_country", "/api/events?" + urlencode({"country": t.country, "limit": 50})),
        ("events_by_dates", "/api/events?" + urlencode(dates)),
        ("event_by_id", "/api/events/" + quote(t.event_id, safe="")),
        ("timeline_page", "/api/timeline?limit=50"),
        ("stories", "/api/stories?limit=50"),
        ("network_actor", "/api/network?" + urlencode({"actor": t.actor_name})),
        ("home_page", "/"),
        ("events_page", "/events"),
    ]


def run_store_bench(
    db: str,
    *,
    repeat: int = 5,
    timeout: float = 120.0,
    build_seconds: float | None = None,
    ingest_sample: Path | None = None,
    settings: Settings | None = None,
    resources: Resources | None = None,
    log: Log | None = None,
) -> StoreBenchResult:
    """Time the queries on the store at `db` through the real server, then ingest one
    new article (a changed copy of `ingest_sample`) into it and into an empty store."""
    from storyline.bench.run import _cpus
    from storyline.store.synthetic import bench_targets

    say = log or (lambda _: None)
    sizes = bench_targets(db)
    timings: list[QueryTiming] = []
    with StoreServer(db, say) as server:
        for name, path in queries_for(db):
            say(f"{name}: GET {path}")
            timings.append(server.time_query(name, path, repeat=repeat, timeout=timeout))
            q = timings[-1]
            say(f"{name}: {q.p50_ms} ms ({q.runs} runs)" if q.p50_ms else f"{name}: {q.status}")
        peak = server.peak_mb()
    say(f"server peak memory: {peak} MB")
    ingest_empty = ingest_large = None
    notes: list[str] = []
    if ingest_sample is not None:
        say("ingest: one new article into an empty store and into this one")
        ingest_empty, ingest_large, runs = _ingest_costs(
            db, ingest_sample, settings or Settings(), resources, say
        )
        notes.append(
            f"ingest: a changed copy of {ingest_sample.name}, median of 3 into empty stores, "
            f"of {runs} into this one"
        )
    import platform

    return StoreBenchResult(
        db=db,
        events=sizes.events,
        articles=sizes.articles,
        actors=sizes.actors,
        stories=sizes.stories,
        build_seconds=build_seconds,
        queries=tuple(timings),
        server_peak_mb=peak,
        ingest_ms_empty=ingest_empty,
        ingest_ms_large=ingest_large,
        machine=f"{platform.machine()}, {_cpus()} CPUs, Python {platform.python_version()}",
        notes=tuple(notes),
    )


class StoreServer:
    """`storyline serve` over the store in a subprocess, restarted when a request hangs."""

    def __init__(self, db: str, say: Log, *, workers: int = 1) -> None:
        self.db, self.say, self.workers = db, say, workers
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.peaks: list[float] = []

    def __enter__(self) -> StoreServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        """Start the server and wait until it answers."""
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        code = "from storyline.cli.main import cli; cli()"
        args = ["serve", "--db", self.db, "--host", "127.0.0.1", "--port", str(self.port)]
        args += ["--workers", str(self.workers)]
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode(errors="replace") if self.proc.stderr else ""
                raise ConfigError(f"the server did not start: {err.strip()[-300:]}")
            try:
                self._get("/openapi.json", 5)
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise ConfigError("the server did not answer within 300 s")

    def stop(self) -> None:
        """Note the server's peak memory, then end it."""
        if self.proc is None:
            return
        mb = _peak_mb(self.proc.pid)
        if mb is not None:
            self.peaks.append(mb)
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stderr:
            self.proc.stderr.close()
        self.proc = None

    def peak_mb(self) -> float | None:
        """The largest peak resident memory of the server (of each run of it), its
        worker processes added up when it has several."""
        if self.proc is not None:
            mb = _peak_mb(self.proc.pid)
            workers = [_peak_mb(pid) for pid in _children(self.proc.pid)]
            if mb is not None:
                self.peaks.append(mb + sum(w for w in workers if w is not None))
        return round(max(self.peaks), 1) if self.peaks else None

    def _get(self, path: str, timeout: float) -> int:
        url = f"http://127.0.0.1:{self.port}{path}"
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return len(response.read())

    def time_query(self, name: str, path: str, *, repeat: int, timeout: float) -> QueryTiming:
        """Warm up, then the median of `repeat` runs (of one, when the warm-up is slow)."""
        seconds: list[float] = []
        size = 0
        for i in range(repeat + 1):
            started = time.perf_counter()
            try:
                size = self._get(path, timeout)
            except urllib.error.HTTPError as exc:
                return QueryTiming(
                    name=name, path=path, p50_ms=None, status=f"HTTP {exc.code}", runs=i, kbytes=0
                )
            except TimeoutError:
                self.say(f"{name}: no answer in {timeout:.0f} s; restarting the server")
                self.stop()
                self.start()
                return QueryTiming(
                    name=name, path=path, p50_ms=None, status="timeout", runs=i, kbytes=0
                )
            except (urllib.error.URLError, OSError) as exc:
                self.say(f"{name}: {exc}; restarting the server")
                self.stop()
                self.start()
                return QueryTiming(
                    name=name, path=path, p50_ms=None, status=f"no answer: {exc}", runs=i, kbytes=0
                )
            took = time.perf_counter() - started
            if i:
                seconds.append(took)
            elif took > SLOW_S:
                repeat = 1
            if i >= repeat:
                break
        return QueryTiming(
            name=name,
            path=path,
            p50_ms=round(statistics.median(seconds) * 1000, 1),
            status="ok",
            runs=len(seconds),
            kbytes=round(size / 1024, 1),
        )


def _children(pid: int) -> list[int]:
    """The ids of a process's child processes (none when /proc cannot tell)."""
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        found = [Path(t, "children").read_text().split() for t in tasks]
    except OSError:
        return []
    return [int(c) for chunk in found for c in chunk]


def _peak_mb(pid: int) -> float | None:
    """A process's peak resident memory (VmHWM), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _ingest_costs(
    db: str, sample: Path, settings: Settings, resources: Resources | None, say: Log
) -> tuple[float, float, int]:
    """Median ms to ingest one new article into an empty store and into `db` (once
    only into `db` when that takes over SLOW_S), and the runs into `db`."""
    from storyline.ingest import read_articles
    from storyline.pipeline import ingest, load_resources
    from storyline.store import open_store

    found = [a for a in read_articles([sample], settings) if isinstance(a, Article)]
    if not found:
        raise ConfigError(f"{sample}: no article to ingest")
    resources = resources or load_resources(settings)
    token = f"{time.time_ns():x}"
    variants = _variants(found[0], token)

    def once(path: str, article: Article) -> float:
        store = open_store(path)
        try:
            started = time.perf_counter()
            ingest([article], store, resources, replace(settings, db=path))
            return (time.perf_counter() - started) * 1000
        finally:
            store.close()

    with tempfile.TemporaryDirectory() as tmp:
        once(str(Path(tmp) / "warm.db"), next(variants))  # loads what loads lazily
        empty = [once(str(Path(tmp) / f"empty{i}.db"), next(variants)) for i in range(3)]
    say(f"ingest into an empty store: {statistics.median(empty):.0f} ms")
    large = [once(db, next(variants))]
    if large[0] < SLOW_S * 1000:
        large += [once(db, next(variants)) for _ in range(2)]
    say(f"ingest into this store: {statistics.median(large):.0f} ms ({len(large)} runs)")
    return round(statistics.median(empty), 1), round(statistics.median(large), 1), len(large)


def _variants(article: Article, token: str) -> Iterator[Article]:
    """New articles from one: a new id, and text changed at its end (offsets hold)."""
    n = 0
    while True:
        n += 1
        yield replace(
            article,
            doc_id=f"bench-{token}-{n}",
            file=f"bench-{token}-{n}.txt",
            text=f"{article.text.rstrip()}\n\nUpdated ({token}, {n}).\n",
        )


@contextmanager
def seed_store(paths: list[Path], settings: Settings) -> Iterator[str]:
    """A temporary store of `paths` ingested by the normal pipeline."""
    from storyline.ingest import read_articles
    from storyline.pipeline import ingest, load_resources
    from storyline.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "seed.db")
        store = open_store(path)
        try:
            ingest(
                read_articles(paths, settings),
                store,
                load_resources(settings),
                replace(settings, db=path),
            )
        finally:
            store.close()
        yield path


def render_store_bench(result: StoreBenchResult) -> str:
    """A readable report of a store benchmark run."""
    lines = [
        f"store: {result.db} ({result.events:,} events, {result.articles:,} articles, "
        f"{result.actors:,} actors, {result.stories:,} stories)",
        f"machine: {result.machine}",
        f"{'query':18} {'p50 ms':>10} {'runs':>5} {'KB':>10}  path",
    ]
    for q in result.queries:
        ms = f"{q.p50_ms:10,.1f}" if q.p50_ms is not None else f"{q.status:>10}"
        lines.append(f"{q.name:18} {ms} {q.runs:5} {q.kbytes:10,.0f}  {q.path}")
    lines.append(f"server peak memory: {result.server_peak_mb or 0:,.0f} MB")
    if result.ingest_ms_large is not None:
        lines.append(
            f"ingest one article: {result.ingest_ms_empty:,.0f} ms into an empty store, "
            f"{result.ingest_ms_large:,.0f} ms into this one (x{result.ingest_ratio})"
        )
    if result.build_seconds is not None:
        lines.append(f"built in {result.build_seconds:,.0f} s")
    return "\n".join(lines)


def default_seeds() -> list[Path]:
    """examples/ and ../shared/seeds, those that exist (from here or the project)."""
    root = Path(__file__).resolve().parents[3]
    found = []
    for rel in ("examples", "../shared/seeds"):
        for base in (Path.cwd(), root):
            if (base / rel).is_dir():
                found.append((base / rel).resolve())
                break
    return list(dict.fromkeys(found))


def prepare_store(
    db: str, events: int, seeds: list[Path], settings: Settings, report: Report | None = None
) -> float | None:
    """Build a synthetic store of about `events` events at `db` from the `seeds` ingested
    by the normal pipeline, unless a store with events is there already (then reused).
    Returns the build's seconds (None when reused)."""
    from storyline.store import open_store
    from storyline.store.synthetic import bench_targets, grow_store

    if Path(db).is_file():
        try:
            if bench_targets(db).events:
                open_store(db).close()  # migrated (new indexes built) before any timing
                return None
        except StorylineError:
            pass
    if not seeds:
        raise ConfigError("no seed articles: give --seed PATH (e.g. examples/)")
    started = time.perf_counter()
    with seed_store(seeds, settings) as seed:
        grow_store(seed, db, events=events, report=report)
    return round(time.perf_counter() - started, 1)
