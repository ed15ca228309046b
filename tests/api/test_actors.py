"""GET /api/actors and /api/actors/{actor_id} over the examples."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import error, everything, ok

pytestmark = pytest.mark.slow


def test_actor_list_gives_counts_not_mention_lists(client: TestClient) -> None:
    actors = everything(client, "/api/actors")

    [kurti] = [a for a in actors if a["name"] == "Albin Kurti"]
    assert kurti["kind"] == "person" and kurti["country"] == "XKX"
    assert "Kurti" in kurti["aliases"]
    assert isinstance(kurti["mentions"], int) and isinstance(kurti["articles"], int)
    assert kurti["articles"] == 6  # Kurti is named in every example article
    assert kurti["mentions"] >= kurti["articles"]
    assert [a["name"] for a in actors] == sorted(a["name"] for a in actors)


def test_actor_counts_agree_with_the_actor_view(client: TestClient) -> None:
    [listed] = [a for a in everything(client, "/api/actors") if a["name"] == "Aleksandar Vučić"]

    view = ok(client.get(f"/api/actors/{listed['actor_id']}"))

    assert listed["mentions"] == len(view["mentions"])
    assert listed["articles"] == len({m["doc_id"] for m in view["mentions"]}) == view["articles"]


@pytest.mark.parametrize("needle", ["kurti", "KURTI", "albin-kurti"])
def test_actor_name_filter_matches_name_alias_or_id(client: TestClient, needle: str) -> None:
    found = everything(client, "/api/actors", name=needle)

    assert [a["name"] for a in found] == ["Albin Kurti"]


def test_actor_country_and_kind_filters(client: TestClient) -> None:
    everyone = everything(client, "/api/actors")
    serbian = everything(client, "/api/actors", country="srb")
    people = everything(client, "/api/actors", kind="person")
    countries = everything(client, "/api/actors", kind="country")

    assert serbian and all(a["country"] == "SRB" for a in serbian)
    assert {"Aleksandar Vučić", "Serbia"} <= {a["name"] for a in serbian}
    assert len(serbian) == sum(a["country"] == "SRB" for a in everyone)
    assert people and all(a["kind"] == "person" for a in people)
    assert {"Albin Kurti", "Josep Borrell"} <= {a["name"] for a in people}
    assert {"Serbia", "Kosovo"} <= {a["name"] for a in countries}
    assert all(a["kind"] == "country" for a in countries)
    both = everything(client, "/api/actors", country="SRB", kind="person")
    assert [a["name"] for a in both] == ["Aleksandar Vučić"]


def test_actor_pages_add_up(client: TestClient) -> None:
    whole = everything(client, "/api/actors")

    first = ok(client.get("/api/actors", params={"limit": 5}))
    rest = ok(client.get("/api/actors", params={"limit": 500, "offset": 5}))

    assert first["total"] == rest["total"] == len(whole) > 5
    assert first["items"] + rest["items"] == whole


def test_actor_view_has_mentions_with_offsets_and_its_events(client: TestClient) -> None:
    view = ok(client.get("/api/actors/albin-kurti"))

    assert view["name"] == "Albin Kurti"
    texts = {}
    for m in view["mentions"]:
        if m["doc_id"] not in texts:
            texts[m["doc_id"]] = ok(client.get(f"/api/articles/{m['doc_id']}"))["text"]
        assert texts[m["doc_id"]][m["start"] : m["end"]] == m["text"]
    assert "Kosovo Prime Minister Albin Kurti" in {m["text"] for m in view["mentions"]}
    assert view["events"]
    for e in view["events"]:
        assert "albin-kurti" in {e["source"]["actor_id"], *(t["actor_id"] for t in e["targets"])}
    kurti_events = [
        e
        for e in everything(client, "/api/events", actor="albin-kurti")
        if "albin-kurti" in {e["source"]["actor_id"], *(t["actor_id"] for t in e["targets"])}
    ]
    assert {e["event_id"] for e in view["events"]} == {e["event_id"] for e in kurti_events}


def test_unknown_actor_is_a_404(client: TestClient) -> None:
    assert error(client.get("/api/actors/nobody-at-all"), 404) == "no actor with id 'nobody-at-all'"


def test_actor_view_pages_its_events(client: TestClient) -> None:
    whole = ok(client.get("/api/actors/albin-kurti"))
    first = ok(client.get("/api/actors/albin-kurti", params={"limit": 2}))
    rest = ok(
        client.get("/api/actors/albin-kurti", params={"limit": 500, "after": first["events_next"]})
    )

    assert whole["events_total"] == len(whole["events"]) > 2
    assert first["events_total"] == whole["events_total"]
    assert first["events"] + rest["events"] == whole["events"]
    assert whole["events_next"] is None and first["events_next"]
