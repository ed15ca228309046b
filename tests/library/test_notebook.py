"""examples/notebook.py runs headless on the examples and saves its plot."""

from __future__ import annotations

import io
import runpy
from pathlib import Path

import pytest

from storyline.config import Settings
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

matplotlib = pytest.importorskip("matplotlib")
pytest.importorskip("pandas")


def test_the_notebook_walks_from_the_examples_to_its_plot(
    process_cache: tuple[list[Settings], io.StringIO],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    matplotlib.use("Agg")  # no display
    plot = tmp_path / "plot.png"
    monkeypatch.setenv("STORYLINE_NOTEBOOK_DB", str(tmp_path / "notebook.db"))
    monkeypatch.setenv("STORYLINE_NOTEBOOK_PLOT", str(plot))

    ns = runpy.run_path(str(EXAMPLES / "notebook.py"))
    matplotlib.pyplot.close("all")

    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and plot.stat().st_size > 20_000
    assert ns["summary"].counts["ingested"] == 6 and ns["summary"].failed == 0
    events, weekly, top = ns["events"], ns["weekly"], ns["top"]
    assert {"source_name", "source_country", "target_countries", "evidence_text"} <= set(events)
    assert set(weekly.columns) <= {
        "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
    }  # fmt: skip
    dated = ns["news"].dropna(subset=["day"])
    assert int(weekly.to_numpy().sum()) == len(dated) > 20  # every dated news event, once
    assert list(top["events"]) == sorted(top["events"], reverse=True) and top["events"].iloc[0] > 1
    assert "Albin Kurti" in " ".join(top["dyad"])
    assert "plot saved to" in capsys.readouterr().out
