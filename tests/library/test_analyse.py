"""`storyline.analyse`: one text in memory, nothing stored, the stage records as tables."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import storyline
from storyline.config import Settings
from storyline.errors import IngestError
from storyline.export import FIELDS

pytestmark = pytest.mark.slow

Cache = tuple[list[Settings], io.StringIO]

SUMMIT = (
    "Nairobi, 11 April 2024 (Lakeside Wire): Kenyan President William Ruto met Ugandan "
    "President Yoweri Museveni in Nairobi on Tuesday to discuss a new oil pipeline. "
    '"We have agreed to finish the route survey by June," Ruto told reporters after the '
    "talks. Uganda later accused Tanzania of delaying the customs agreement."
)
PATROL = (
    "Chile and Argentina signed an agreement on Friday to run joint patrols in the Beagle "
    "Channel, the foreign ministers of both countries said. Argentine Foreign Minister "
    "Diana Mondino said the deal would help fishermen on both sides."
)
RIVER = (
    "Egyptian Foreign Minister Sameh Shoukry met Sudanese Foreign Minister Ali Sadiq in "
    "Cairo on Sunday to discuss the dam on the Blue Nile."
)


def test_analyse_finds_events_quotes_and_actors_with_evidence(process_cache: Cache) -> None:
    found = storyline.analyse(SUMMIT)

    text = found.article.text
    assert text == SUMMIT
    assert [e.type for e in found.events] == ["CONSULT", "AGREE", "ACCUSE"]
    for event in found.events:
        ev = event.evidence
        assert text[ev.start : ev.end] == ev.text and ev.doc_id == found.article.doc_id
    meeting = found.events[0]
    assert (meeting.source.name, [t.name for t in meeting.targets]) == (
        "William Ruto", ["Yoweri Museveni"],
    )  # fmt: skip
    assert [q.speaker.name for q in found.quotes if q.speaker] == ["William Ruto"]
    names = {s.actor.name for s in found.actors}
    assert {"William Ruto", "Yoweri Museveni", "Uganda", "Tanzania"} <= names


def test_the_dateline_or_published_anchors_relative_dates(process_cache: Cache) -> None:
    dateline = storyline.analyse(SUMMIT)
    given = storyline.analyse(PATROL, published="2024-03-08", title="Beagle patrols", outlet="Sur")
    moved = storyline.analyse(RIVER, published="2023-07-11")

    assert dateline.article.published == "2024-04-11"  # "Nairobi, 11 April 2024 (...):"
    assert dateline.article.outlet == "Lakeside Wire"
    assert dateline.events[0].date is not None and dateline.events[0].date.value == "2024-04-09"
    assert given.article.title == "Beagle patrols" and given.article.outlet == "Sur"
    assert given.events[0].date is not None and given.events[0].date.value == "2024-03-08"
    assert moved.events[0].date is not None and moved.events[0].date.value == "2023-07-09"


def test_to_dict_gives_the_export_contract_records(process_cache: Cache) -> None:
    data = storyline.analyse(PATROL, published="2024-03-08").to_dict()

    assert set(data) == {"article", "actors", "quotes", "events"}
    assert data["article"]["text"] == PATROL
    assert all(list(e) == list(FIELDS["events"]) for e in data["events"])
    assert all(list(q) == list(FIELDS["quotes"]) for q in data["quotes"])
    assert all(list(a) == list(FIELDS["actors"]) for a in data["actors"])
    mondino = [a for a in data["actors"] if a["name"] == "Diana Mondino"]
    assert mondino and mondino[0]["mentions"][0]["text"].endswith("Diana Mondino")


def test_analyse_stores_nothing_and_loads_resources_once(
    process_cache: Cache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    asked, said = process_cache

    for text in (SUMMIT, PATROL, RIVER):
        storyline.analyse(text, published="2024-01-02")

    assert list(tmp_path.iterdir()) == []  # no storyline.db, nothing else
    assert len(asked) == 1
    assert said.getvalue().count("storyline: loading the spaCy model") == 1


@pytest.mark.parametrize(
    ("text", "published", "message"),
    [
        ("", None, "text: record has no 'text'"),
        ("Das Treffen in Berlin wurde am Montag ohne eine Einigung beendet, sagte die "
         "Sprecherin der Regierung.", None, "text: text does not look English"),
        (RIVER, "the day after", "text: publication date 'the day after' is not a date"),
    ],
)  # fmt: skip
def test_a_text_that_cannot_be_analysed_is_a_one_line_error(
    process_cache: Cache, text: str, published: str | None, message: str
) -> None:
    with pytest.raises(IngestError) as raised:
        storyline.analyse(text, published=published)
    assert str(raised.value).startswith(message) and "\n" not in str(raised.value)


def test_analysis_tables_flatten_like_the_store_s(process_cache: Cache) -> None:
    pytest.importorskip("pandas")
    frame = storyline.analyse(SUMMIT).events.to_pandas()

    accused = frame[frame["target_countries"].map(lambda cs: "TZA" in cs)]
    assert list(accused["type"]) == ["ACCUSE"]
    assert list(accused["source_country"]) == ["UGA"]
    assert accused["evidence_text"].iloc[0].startswith("Uganda later accused Tanzania")
