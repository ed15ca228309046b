"""`storyline bench serve`: a bounded load of many clients, its figures and its errors."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from storyline.bench.load import percentile, run_load
from storyline.cli.main import cli


class _Handler(BaseHTTPRequestHandler):
    """/ok answers 200, /missing 404, /broken 500, /slow after a pause."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        status = {"/ok": 200, "/missing": 404, "/broken": 500}.get(self.path, 200)
        if self.path == "/slow":
            threading.Event().wait(0.05)
        body = json.dumps({"path": self.path}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def port() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.enable_socket
def test_every_client_sends_its_requests_round_the_paths(port: int) -> None:
    result = run_load(port, ["/ok", "/slow", "/missing"], clients=12, requests=5)

    assert [p.requests for p in result.paths] == [20, 20, 20]  # 12 x 5, shared evenly
    assert result.errors == 0  # a 404 is an answer, not an error
    assert result.paths[2].statuses == {404: 20}
    slow = result.paths[1]
    assert slow.p50_ms is not None and slow.p50_ms >= 50
    assert slow.p50_ms <= slow.p99_ms <= slow.max_ms
    assert result.requests_per_s > 0


@pytest.mark.enable_socket
def test_server_errors_and_refused_connections_are_counted_and_shown(port: int) -> None:
    broken = run_load(port, ["/ok", "/broken"], clients=4, requests=4)

    assert [(p.path, p.errors) for p in broken.paths] == [("/ok", 0), ("/broken", 8)]
    assert broken.first_errors and broken.first_errors[0] == "/broken: HTTP 500"

    with ThreadingHTTPServer(("127.0.0.1", 0), _Handler) as closed:
        nobody = closed.server_address[1]  # bound, then closed: nothing listens there
    refused = run_load(nobody, ["/ok"], clients=3, requests=2, timeout=5)

    assert refused.errors == 6
    assert "ConnectionRefusedError" in refused.first_errors[0]


@pytest.mark.parametrize(
    ("values", "pct", "expected"),
    [([], 99, None), ([0.5], 99, 0.5), ([1.0, 2.0, 3.0], 50, 2.0), ([1.0] * 99 + [9.0], 99, 1.0)],
)
def test_percentiles_are_nearest_rank(values: list[float], pct: int, expected: float) -> None:
    assert percentile(values, pct) == expected


def test_bench_serve_help_explains_its_options() -> None:
    result = CliRunner().invoke(cli, ["bench", "serve", "--help"])

    assert result.exit_code == 0
    for option in ("--articles", "--db", "--clients", "--requests", "--path", "--json"):
        assert option in result.stdout


def test_bench_serve_refuses_a_load_without_clients() -> None:
    result = CliRunner().invoke(cli, ["bench", "serve", "--clients", "0"])

    assert result.exit_code == 2
    assert "--clients" in result.stderr
