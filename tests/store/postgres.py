"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, listening
only on a unix socket there, stopped (and the folder removed) at the end of the session.

Run as root (as CI may be), initdb refuses; the server then runs as the unprivileged
`postgres` user (Debian's package creates it) owning the folder. Without PostgreSQL the
tests that need it are skipped, or fail when STORYLINE_POSTGRES_TESTS=required.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

USER = "storyline"


def _bindir() -> Path | None:
    """Where initdb and pg_ctl are: `pg_config --bindir`, Debian's folder, or PATH."""
    candidates: list[str] = []
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(found.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(initdb).resolve().parent))
    for folder in candidates:
        if folder and (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    return None


@dataclass
class Server:
    """A running server; `url(name)` makes a fresh database and returns its URL."""

    folder: Path
    bindir: Path
    prefix: list[str]
    _names: Iterator[int] = field(default_factory=itertools.count)

    def run(self, *args: str) -> None:
        """Run a PostgreSQL program as the server's user; its output on failure."""
        done = subprocess.run([*self.prefix, *args], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stderr.strip() or done.stdout.strip()}")

    def base_url(self, database: str = "postgres") -> str:
        """The URL of a database on the server's socket."""
        return f"postgresql://{USER}@/{database}?host={self.folder}"

    def url(self) -> str:
        """A fresh, empty database (one per test keeps tests apart)."""
        import psycopg

        name = f"t{next(self._names)}"
        with psycopg.connect(self.base_url(), autocommit=True) as db:
            db.execute(f"CREATE DATABASE {name}")
        return self.base_url(name)

    def stop(self) -> None:
        """Stop the server at once and remove its folder."""
        try:
            self.run(
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> Server:
    """initdb and start a server on a unix socket in a new temporary folder."""
    bindir = _bindir()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL is not installed (no initdb; apt install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, user="postgres", group="postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    server = Server(folder=folder, bindir=bindir, prefix=prefix)
    data = folder / "data"
    try:
        server.run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            USER,
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        )
        options = (
            f"-k {folder} -c listen_addresses='' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        server.run(
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "-w",
            "start",
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    """The session's PostgreSQL server (skipped without PostgreSQL unless required)."""
    try:
        import psycopg  # noqa: F401

        server = start_server()
    except (ImportError, OSError, RuntimeError, LookupError) as exc:
        reason = f"no PostgreSQL server for the tests: {exc}"
        if os.environ.get("STORYLINE_POSTGRES_TESTS") == "required":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    yield server
    server.stop()
