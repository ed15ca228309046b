"""A country and its government as one network node (merge_governments), and the
events on one link with their evidence (GET /api/network/links)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from storyline.network import build_network, merge_governments, render_json
from storyline.records import Actor, ActorKind, Event, Evidence
from tests.api.conftest import error, ok
from tests.conftest import person

ERIADOR = Actor(actor_id="ERI", name="Eriador", kind=ActorKind.COUNTRY, country="ERI")
ERI_GOV = Actor(
    actor_id="eri-gov",
    name="Government of Eriador",
    kind=ActorKind.ORG,
    country="ERI",
    sector="GOV",
)
ERI_MIL = Actor(
    actor_id="eri-mil", name="Eriador armed forces", kind=ActorKind.ORG, country="ERI", sector="MIL"
)
GONDOR_GOV = Actor(
    actor_id="gon-gov", name="Government of Gondor", kind=ActorKind.ORG, country="GON", sector="GOV"
)
MAYOR = person("Tobold Hornblower", "ERI")


def event(n: int, kind: str, quad: str | None, source: Actor, *targets: Actor) -> Event:
    return Event(
        event_id=f"e{n}",
        type=kind,
        quad=quad,
        source=source,
        targets=targets,
        evidence=Evidence(doc_id="d", start=n, end=n + 1, text="x"),
    )


def hand_made() -> list[Event]:
    return [
        event(1, "CONSULT", "verbal_cooperation", ERIADOR, GONDOR_GOV),
        event(2, "ACCUSE", "verbal_conflict", ERI_GOV, GONDOR_GOV),
        event(3, "AID", "material_cooperation", GONDOR_GOV, ERI_GOV),
        event(4, "DEMAND", "verbal_conflict", ERI_GOV, ERIADOR),  # between the two
        event(5, "FIGHT", "material_conflict", ERI_MIL, MAYOR),
        event(6, "PRAISE", "verbal_cooperation", MAYOR, ERI_GOV),
    ]


def test_a_country_and_its_government_become_one_node_listing_both() -> None:
    merged = merge_governments(build_network(hand_made()))

    nodes = {n.actor.actor_id: n for n in merged.nodes}
    assert "eri-gov" not in nodes
    assert nodes["ERI"].actor.name == "Eriador"
    assert nodes["ERI"].members == ("ERI", "eri-gov")
    assert nodes["ERI"].events == 5  # events 1-4 and 6; the one between them counted once
    assert nodes["eri-mil"].members == ("eri-mil",)  # its armed forces stay apart
    assert nodes["gon-gov"].members == ("gon-gov",)  # a government without its country


def test_merged_links_add_up_and_the_one_between_the_two_is_gone() -> None:
    apart = build_network(hand_made())
    merged = merge_governments(apart)

    edges = {(e.source, e.target): e for e in merged.edges}
    assert ("ERI", "eri-gov") not in edges and ("eri-gov", "gon-gov") not in edges
    gondor = edges[("ERI", "gon-gov")]
    assert gondor.count == 3
    assert dict(gondor.types) == {"CONSULT": 1, "ACCUSE": 1, "AID": 1}
    assert sum(dict(gondor.quads).values()) == 3
    assert edges[("ERI", "tobold-hornblower")].count == 1
    assert sum(e.count for e in merged.edges) == sum(e.count for e in apart.edges) - 1


def test_the_json_lists_members_only_when_merged() -> None:
    apart = render_json(build_network(hand_made()))
    merged = render_json(merge_governments(build_network(hand_made())))

    assert all("members" not in n for n in apart["nodes"])
    members = {n["id"]: n["members"] for n in merged["nodes"]}
    assert members["ERI"] == ["ERI", "eri-gov"] and members["tobold-hornblower"] == [
        "tobold-hornblower"
    ]
    assert merge_governments(build_network([])).nodes == ()


@pytest.mark.slow
def test_the_api_merges_kosovo_and_its_government_when_asked(client: TestClient) -> None:
    apart = ok(client.get("/api/network", params={"limit": 1000}))
    merged = ok(client.get("/api/network", params={"limit": 1000, "merge_governments": "true"}))

    ids = {n["id"] for n in apart["nodes"]}
    assert {"XKX", "xkx-gov"} <= ids  # the default is unchanged: both apart
    nodes = {n["id"]: n for n in merged["nodes"]}
    assert "xkx-gov" not in nodes and nodes["XKX"]["members"] == ["XKX", "xkx-gov"]
    between = sum(
        e["count"] for e in apart["edges"] if {e["source"], e["target"]} == {"XKX", "xkx-gov"}
    )
    alone = {n["id"]: n["events"] for n in apart["nodes"]}
    assert nodes["XKX"]["events"] == alone["XKX"] + alone["xkx-gov"] - between
    assert all(e["source"] != e["target"] for e in merged["edges"])
    assert "merge_governments" in str(client.get("/openapi.json").json()["paths"]["/api/network"])


@pytest.mark.slow
def test_a_link_lists_its_events_with_their_evidence(client: TestClient) -> None:
    network = ok(client.get("/api/network", params={"actor": "Kurti"}))
    pair = ("albin-kurti", "aleksandar-vucic")
    [edge] = [e for e in network["edges"] if (e["source"], e["target"]) == pair]

    found = ok(client.get("/api/network/links", params={"a": pair[0], "b": pair[1]}))["items"]
    paged = [
        e
        for offset in range(0, edge["count"], 2)
        for e in ok(
            client.get(
                "/api/network/links",
                params={"a": pair[1], "b": pair[0], "limit": 2, "offset": offset},
            )
        )["items"]
    ]
    assert paged == found  # either way round, page by page

    assert len(found) == edge["count"] >= 1
    for e in found:
        ids = {e["source"]["actor_id"], *(t["actor_id"] for t in e["targets"])}
        assert set(pair) <= ids and e["source"]["actor_id"] in pair
        article = ok(client.get(f"/api/articles/{e['doc_id']}"))
        start, end = e["evidence"]["start"], e["evidence"]["end"]
        assert article["text"][start:end] == e["evidence"]["text"]
    types = {}
    for e in found:
        types[e["type"]] = types.get(e["type"], 0) + 1
    assert types == edge["types"]


@pytest.mark.slow
def test_a_merged_link_holds_the_events_of_either_member(client: TestClient) -> None:
    merged = ok(client.get("/api/network", params={"limit": 1000, "merge_governments": "true"}))
    nodes = {n["id"]: n for n in merged["nodes"]}
    edge = next(e for e in merged["edges"] if "XKX" in (e["source"], e["target"]))
    other = edge["target"] if edge["source"] == "XKX" else edge["source"]

    page = ok(
        client.get(
            "/api/network/links",
            params={"a": nodes["XKX"]["members"], "b": nodes[other]["members"], "limit": 100},
        )
    )
    assert page["total"] == edge["count"] == len(page["items"])


@pytest.mark.slow
def test_a_link_with_an_actor_at_both_ends_or_no_end_is_refused(client: TestClient) -> None:
    both = client.get("/api/network/links", params={"a": ["XKX", "SRB"], "b": "SRB"})
    assert "both ends" in error(both, 422)
    assert client.get("/api/network/links", params={"a": "XKX"}).status_code == 422
    over = client.get("/api/network/links", params={"a": "XKX", "b": "SRB", "limit": 101})
    assert over.status_code == 422
    many = client.get("/api/network/links", params={"a": [f"x{i}" for i in range(51)], "b": "SRB"})
    assert "at most 50" in error(many, 422)
    empty = ok(client.get("/api/network/links", params={"a": "XKX", "b": "no-such-actor"}))
    assert empty["items"] == [] and empty["total"] == 0
