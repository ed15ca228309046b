"""Results as tables: nested values flattened into columns a user filters on."""

from __future__ import annotations

import sys
from datetime import date

import pytest

import storyline
from storyline.errors import ConfigError

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

EVENT_COLUMNS = {
    "event_id", "type", "quad", "date", "day_first", "day_last", "source_id", "source_name",
    "source_country", "source_sector", "target_ids", "target_names", "target_countries",
    "evidence_text", "evidence_start", "evidence_end", "doc_id", "story_id", "location_name",
}  # fmt: skip


def test_event_rows_spread_source_targets_and_evidence_into_columns(built_db: str) -> None:
    with storyline.open(built_db) as store:
        rows = store.events(type="CONSULT").to_dicts()

    assert set(rows[0]) >= EVENT_COLUMNS
    meet, forum = rows
    assert (meet["source_name"], meet["source_country"]) == ("Mira Halvorsen", "NOR")
    assert meet["target_countries"] == ["FIN"]
    assert meet["evidence_text"] == "Mira Halvorsen met Jussi Arola on Monday"
    assert meet["evidence_start"] == 20 and meet["evidence_end"] == 20 + 40
    assert meet["day_first"] == meet["day_last"] == "2024-05-06"
    assert meet["location_name"] == "Tromso"
    assert forum["target_names"] == ["Norway", "Finland"]
    assert forum["source_country"] is None and forum["day_first"] is None


def test_to_pandas_gives_columns_one_can_filter_on(built_db: str) -> None:
    with storyline.open(built_db) as store:
        frame = store.events().to_pandas()

    assert isinstance(frame, pd.DataFrame) and len(frame) == 4
    aimed_at_finland = frame[frame["target_countries"].map(lambda cs: "FIN" in cs)]
    assert list(aimed_at_finland["event_id"]) == ["ev-meet", "ev-accuse", "ev-forum"]
    by_norwegians = frame[frame["source_country"] == "NOR"]
    assert list(by_norwegians["event_id"]) == ["ev-meet", "ev-accuse"]
    assert str(frame["day_first"].dtype).startswith("datetime64")
    assert frame["evidence_start"].dtype == "Int64"
    weekly = frame.dropna(subset=["day_first"]).groupby(pd.Grouper(key="day_first", freq="W"))
    assert weekly.size().sum() == 3  # the undated event has no week


def test_to_arrow_types_each_column(built_db: str) -> None:
    with storyline.open(built_db) as store:
        table = store.events().to_arrow()
        quotes = store.quotes().to_arrow()

    assert table.schema.field("day_first").type == pa.date32()
    assert table.schema.field("target_countries").type == pa.list_(pa.string())
    assert table.schema.field("fatalities").type == pa.int64()
    assert table.column("day_first").to_pylist()[0] == date(2024, 5, 6)
    assert quotes.column("speaker_name").to_pylist() == ["Mira Halvorsen", None]
    assert quotes.column("via").to_pylist() == [[], ["an aide"]]


@pytest.mark.parametrize("listing", ["events", "quotes", "actors", "stories", "timeline"])
def test_an_empty_result_still_has_its_columns(tmp_path: object, listing: str) -> None:
    with storyline.open(str(tmp_path) + "/empty.db") as store:
        result = getattr(store, listing)()

    frame = result.to_pandas()
    assert len(frame) == 0 and list(frame.columns) == list(result.columns)
    assert result.to_arrow().num_rows == 0


def test_a_table_is_an_immutable_sequence_of_the_records(built_db: str) -> None:
    with storyline.open(built_db) as store:
        events = store.events()

    assert len(events) == 4 and events[0].event_id == "ev-meet"
    assert [e.event_id for e in events[1:3]] == ["ev-accuse", "ev-agree"]
    assert isinstance(events[1:3], storyline.Table)
    assert events == events[:]
    with pytest.raises(AttributeError, match="immutable"):
        events._items = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        events[0].type = "ASSAULT"  # type: ignore[misc]  # the records are frozen
    assert len(events) == 4


@pytest.mark.parametrize("missing", ["pandas", "pyarrow"])
def test_without_the_dataframes_extra_the_error_says_how_to_install_it(
    built_db: str, missing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # import then fails
    with storyline.open(built_db) as store:
        events = store.events()
    with pytest.raises(ConfigError) as raised:
        events.to_pandas()
    assert str(raised.value) == f"{missing} is not installed; pip install 'storyline[dataframes]'"
