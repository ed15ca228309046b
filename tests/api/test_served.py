"""The settings `storyline serve --workers N` hands to each worker process."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.api import served
from storyline.config import Settings
from storyline.errors import ConfigError


@pytest.mark.parametrize(
    "settings",
    [
        Settings(db="/srv/news/store.db", api_token="s3cret", max_page_size=200),
        Settings(db="postgresql://reader@db.example/news", max_request_bytes=1_000_000),
        Settings(actor_files=(Path("/etc/storyline/militias.yaml"), Path("extra.txt"))),
    ],
)
def test_a_worker_reads_back_the_settings_it_was_given(settings: Settings) -> None:
    assert served.settings_from_json(served.settings_json(settings)) == settings


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "cannot be read"),
        ('["db", "x.db"]', "not the server's settings"),
        ('{"db": "x.db", "colour": "blue"}', "not the server's settings"),
    ],
)
def test_settings_a_worker_cannot_read_are_one_line_errors(text: str, reason: str) -> None:
    with pytest.raises(ConfigError, match=reason) as raised:
        served.settings_from_json(text)
    assert served.SETTINGS_ENV in str(raised.value) and "\n" not in str(raised.value)


def test_a_worker_started_without_the_settings_says_how_to_start_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(served.SETTINGS_ENV, raising=False)
    with pytest.raises(ConfigError, match="storyline serve"):
        served.app()


def test_a_worker_serves_the_store_its_settings_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = tmp_path / "worker.db"
    monkeypatch.setenv(served.SETTINGS_ENV, served.settings_json(Settings(db=str(db))))
    app = served.app()
    assert app.state.storyline.settings.db == str(db)
    assert db.is_file()  # created and migrated before any request


@pytest.mark.parametrize("threads", [1, 4, 12])
def test_a_running_server_answers_as_many_requests_at_once_as_its_threads(
    tmp_path: Path, threads: int
) -> None:
    import anyio.to_thread
    from fastapi.testclient import TestClient

    from storyline.api import create_app

    app = create_app(Settings(db=str(tmp_path / "s.db"), server_threads=threads))

    @app.get("/threads-now")
    async def threads_now() -> dict[str, float]:
        return {"tokens": anyio.to_thread.current_default_thread_limiter().total_tokens}

    with TestClient(app) as client:  # the lifespan runs on entering
        assert client.get("/threads-now").json() == {"tokens": threads}
