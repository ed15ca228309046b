"""The server under load: many clients at once against `storyline serve` on 127.0.0.1.

Each client is a thread with its own keep-alive connection that sends a fixed number
of requests, one after another, going round the paths in turn (client k starts at path
k, so every path is asked at every moment); the load is bounded by the clients and the
requests each sends, never open-ended. Every answer is read to the end and timed; a
status of 500 or more, a refused or dropped connection and a timeout are errors.
Latencies are reported per path (p50, p99, max) with the requests per second of the
whole run and the server's peak memory.
"""

from __future__ import annotations

import http.client
import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Log = Callable[[str], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class PathLoad:
    """What one path's requests took under the load."""

    path: str
    requests: int
    errors: int
    p50_ms: float | None
    p99_ms: float | None
    max_ms: float | None
    statuses: dict[int, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """The figures as JSON-ready values."""
        return {
            "path": self.path,
            "requests": self.requests,
            "errors": self.errors,
            "p50_ms": self.p50_ms,
            "p99_ms": self.p99_ms,
            "max_ms": self.max_ms,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadResult:
    """A whole run: each path's figures, the clients, the wall time and the rate."""

    paths: tuple[PathLoad, ...]
    clients: int
    seconds: float
    errors: int
    requests_per_s: float
    first_errors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The figures as JSON-ready values."""
        return {
            "clients": self.clients,
            "seconds": self.seconds,
            "errors": self.errors,
            "requests_per_s": self.requests_per_s,
            "paths": [p.to_dict() for p in self.paths],
            "first_errors": list(self.first_errors),
        }


@dataclass(slots=True)
class _Tally:
    """What the clients saw, added to under a lock."""

    seconds: dict[str, list[float]]
    statuses: dict[str, dict[int, int]]
    errors: dict[str, int]
    first_errors: list[str]
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, took: float, status: int | None, problem: str | None) -> None:
        with self.lock:
            self.seconds[path].append(took)
            if status is not None:
                by_status = self.statuses[path]
                by_status[status] = by_status.get(status, 0) + 1
            if problem is not None:
                self.errors[path] += 1
                if len(self.first_errors) < 5:
                    self.first_errors.append(f"{path}: {problem}")


def run_load(
    port: int,
    paths: Sequence[str],
    *,
    clients: int,
    requests: int,
    timeout: float = 30.0,
    host: str = "127.0.0.1",
) -> LoadResult:
    """`clients` threads at once, each sending `requests` requests round the `paths`."""
    if not paths:
        raise ValueError("no paths to ask")
    tally = _Tally(
        seconds={p: [] for p in paths},
        statuses={p: {} for p in paths},
        errors=dict.fromkeys(paths, 0),
        first_errors=[],
    )
    start = threading.Barrier(clients + 1)

    def client(k: int) -> None:
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
        start.wait()
        for n in range(requests):
            path = paths[(k + n) % len(paths)]
            began = time.perf_counter()
            status, problem = _ask(connection, path)
            tally.add(path, time.perf_counter() - began, status, problem)
            if problem is not None and status is None:  # a broken connection: a new one
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=timeout)
        connection.close()

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    loads = tuple(
        _path_load(p, tally.seconds[p], tally.errors[p], tally.statuses[p]) for p in paths
    )
    total = sum(p.requests for p in loads)
    return LoadResult(
        paths=loads,
        clients=clients,
        seconds=round(seconds, 2),
        errors=sum(p.errors for p in loads),
        requests_per_s=round(total / seconds, 1) if seconds else 0.0,
        first_errors=tuple(tally.first_errors),
    )


def _ask(connection: http.client.HTTPConnection, path: str) -> tuple[int | None, str | None]:
    """One GET read to the end: its status, and what went wrong (None when nothing)."""
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
    except (OSError, http.client.HTTPException) as exc:
        return None, f"{type(exc).__name__}: {exc}"
    if response.status >= 500:
        return response.status, f"HTTP {response.status}"
    return response.status, None


def _path_load(path: str, seconds: list[float], errors: int, statuses: dict[int, int]) -> PathLoad:
    ordered = sorted(seconds)
    return PathLoad(
        path=path,
        requests=len(ordered),
        errors=errors,
        p50_ms=_ms(percentile(ordered, 50)),
        p99_ms=_ms(percentile(ordered, 99)),
        max_ms=_ms(ordered[-1] if ordered else None),
        statuses=dict(statuses),
    )


def percentile(ordered: Sequence[float], pct: float) -> float | None:
    """The nearest-rank percentile of sorted values (None when there are none).

    >>> percentile([0.1, 0.2, 0.3, 0.4], 50)
    0.2
    >>> percentile([0.1, 0.2, 0.3, 0.4], 99)
    0.4
    """
    if not ordered:
        return None
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 1)


def render_load(result: LoadResult, *, store: str, peak_mb: float | None) -> str:
    """The run as a short table."""
    lines = [
        f"{result.clients} clients at once on {store}: {sum(p.requests for p in result.paths)} "
        f"requests in {result.seconds} s ({result.requests_per_s}/s), {result.errors} errors; "
        f"server peak {peak_mb if peak_mb is not None else '?'} MB",
        f"{'path':<40} {'requests':>8} {'errors':>6} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9}",
    ]
    for p in result.paths:
        lines.append(
            f"{p.path:<40} {p.requests:>8} {p.errors:>6} {_cell(p.p50_ms):>9} "
            f"{_cell(p.p99_ms):>9} {_cell(p.max_ms):>9}"
        )
    lines += [f"error: {e}" for e in result.first_errors]
    return "\n".join(lines)


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f}"
