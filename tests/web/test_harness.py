"""Without Chromium the browser tests skip, or fail when CI says they are required."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web import harness


def test_missing_chromium_skips_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(harness, "CHROMIUM", tmp_path / "chromium")
    monkeypatch.delenv("STORYLINE_BROWSER_TESTS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium is missing"):
        harness.require_chromium()


def test_missing_chromium_fails_when_browser_tests_are_required(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(harness, "CHROMIUM", tmp_path / "chromium")
    monkeypatch.setenv("STORYLINE_BROWSER_TESTS", "required")
    with pytest.raises(pytest.fail.Exception, match="STORYLINE_BROWSER_TESTS=required"):
        harness.require_chromium()
