"""GET /api/events and /api/events/{event_id} over the examples."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import error, everything, ok

pytestmark = pytest.mark.slow


def people(event: dict) -> list[dict]:
    return [event["source"], *event["targets"]]


def first_day(event: dict) -> str | None:
    """The earliest day an event can have: its date, else the start of its window."""
    return event["date"] or (event["date_window"] or [None])[0]


def test_events_list_is_every_stored_event_as_contract_records(client: TestClient) -> None:
    events = everything(client, "/api/events")

    assert len(events) > 10
    assert len({e["event_id"] for e in events}) == len(events)
    files = {a["doc_id"]: a["file"] for a in everything(client, "/api/articles")}
    for e in events:
        assert e["file"] == files[e["doc_id"]]
        assert {"type", "source", "targets", "date", "evidence", "story_id", "quad"} <= set(e)


@pytest.mark.parametrize("country", ["SRB", "xkx"])
def test_country_filter_keeps_only_events_with_an_actor_of_that_country(
    client: TestClient, country: str
) -> None:
    everyone = everything(client, "/api/events")

    found = everything(client, "/api/events", country=country)

    assert found
    assert all(any(a["country"] == country.upper() for a in people(e)) for e in found)
    expected = [e for e in everyone if any(a["country"] == country.upper() for a in people(e))]
    assert found == expected
    assert len(found) < len(everyone)


def test_actor_filter_matches_a_name_in_any_role(client: TestClient) -> None:
    found = everything(client, "/api/events", actor="Vučić")

    assert found
    assert all(any("Vučić" in a["name"] for a in people(e)) for e in found)
    assert any(e["source"]["name"] == "Aleksandar Vučić" for e in found)


def test_type_filter_is_repeatable_and_case_insensitive(client: TestClient) -> None:
    assaults = everything(client, "/api/events", type="ASSAULT")
    mixed = everything(client, "/api/events", type=["assault", "Mobilize"])

    assert assaults and {e["type"] for e in assaults} == {"ASSAULT"}
    assert {e["type"] for e in mixed} == {"ASSAULT", "MOBILIZE"}
    assert "06_zvecan_clashes.txt" in {e["file"] for e in assaults}
    assert len(mixed) == len(assaults) + len(everything(client, "/api/events", type="MOBILIZE"))


def test_date_filters_bound_the_event_dates(client: TestClient) -> None:
    may = everything(client, "/api/events", since="2023-05")
    february = everything(client, "/api/events", until="2023-02")
    one_day = everything(client, "/api/events", since="2023-03-18", until="2023-03-18")

    assert may and all(first_day(e) >= "2023-05" for e in may)
    assert february and all(first_day(e)[:7] <= "2023-02" for e in february)
    assert one_day and all(first_day(e) == "2023-03-18" for e in one_day)
    assert "2023-05-29" in {e["date"] for e in may}  # the Zvečan clashes
    dated = [e for e in everything(client, "/api/events") if first_day(e)]
    assert len(may) == sum(first_day(e) >= "2023-05" for e in dated)


def test_doc_story_and_quad_filters(client: TestClient) -> None:
    everyone = everything(client, "/api/events")
    sample = next(e for e in everyone if e["type"] == "ASSAULT")

    in_doc = everything(client, "/api/events", doc_id=sample["doc_id"])
    in_story = everything(client, "/api/events", story_id=sample["story_id"])
    conflict = everything(client, "/api/events", quad="material_conflict")
    spaced = everything(client, "/api/events", quad="Material Conflict")

    assert in_doc == [e for e in everyone if e["doc_id"] == sample["doc_id"]]
    assert sample in in_story and all(e["story_id"] == sample["story_id"] for e in in_story)
    assert conflict == spaced == [e for e in everyone if e["quad"] == "material_conflict"]
    assert {"ASSAULT"} <= {e["type"] for e in conflict}


def test_filters_combine(client: TestClient) -> None:
    found = everything(client, "/api/events", country="SRB", type="ACCUSE", since="2023-03")

    assert found
    for e in found:
        assert e["type"] == "ACCUSE" and first_day(e) >= "2023-03"
        assert any(a["country"] == "SRB" for a in people(e))


def test_event_pages_add_up(client: TestClient) -> None:
    whole = everything(client, "/api/events")

    pages = [ok(client.get("/api/events", params={"limit": 7, "offset": o})) for o in (0, 7, 14)]

    assert {p["total"] for p in pages} == {len(whole)}
    assert [e for p in pages for e in p["items"]] == whole[:21]


def test_event_view_is_the_listed_record(client: TestClient) -> None:
    listed = everything(client, "/api/events")[3]

    assert ok(client.get(f"/api/events/{listed['event_id']}")) == listed


def test_unknown_event_is_a_404(client: TestClient) -> None:
    assert error(client.get("/api/events/e000"), 404) == "no event with id 'e000'"


def test_cursor_pages_list_every_event_once_in_order(client: TestClient) -> None:
    whole = everything(client, "/api/events")
    seen: list[dict] = []
    params: dict[str, object] = {"limit": 4}
    pages = 0
    while True:
        page = ok(client.get("/api/events", params=params))
        pages += 1
        assert page["total"] == len(whole)
        seen += page["items"]
        if page["next"] is None:
            break
        params = {"limit": 4, "after": page["next"]}

    assert seen == whole
    assert pages == -(-len(whole) // 4)


def test_a_cursor_filters_like_the_list_it_came_from(client: TestClient) -> None:
    whole = everything(client, "/api/events", country="SRB")
    first = ok(client.get("/api/events", params={"country": "SRB", "limit": 2}))
    rest = ok(
        client.get("/api/events", params={"country": "SRB", "limit": 500, "after": first["next"]})
    )

    assert first["items"] + rest["items"] == whole
    assert rest["next"] is None


@pytest.mark.parametrize("cursor", ["not-a-cursor", "WzBd", "e30"])
def test_a_bad_cursor_is_a_422_naming_the_parameter(client: TestClient, cursor: str) -> None:
    message = error(client.get("/api/events", params={"after": cursor}), 422)

    assert message.startswith("after: ") and "is not a page cursor" in message
