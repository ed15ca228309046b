"""The actor network: the library function on hand-made events, and GET /api/network."""

from __future__ import annotations

from collections import Counter

import pytest
from fastapi.testclient import TestClient

from storyline.network import build_network, render_json
from storyline.records import Actor, ActorKind, Event, Evidence
from tests.api.conftest import everything, ok
from tests.conftest import person

ANA = person("Ana Brnabic", "SRB")
BOJAN = person("Bojan Pajtic", "SRB")
CARA = person("Cara Quist", "NLD")
NATO = Actor(actor_id="nato", name="NATO", kind=ActorKind.ORG, sector="IGO")


def event(n: int, kind: str, quad: str | None, source: Actor, *targets: Actor) -> Event:
    return Event(
        event_id=f"e{n}",
        type=kind,
        quad=quad,
        source=source,
        targets=targets,
        evidence=Evidence(doc_id="d", start=n, end=n + 1, text="x"),
    )


def test_edges_are_undirected_and_counted_by_quad_and_type() -> None:
    network = build_network(
        [
            event(1, "CONSULT", "verbal_cooperation", ANA, BOJAN),
            event(2, "ACCUSE", "verbal_conflict", BOJAN, ANA),
            event(3, "ACCUSE", "verbal_conflict", ANA, BOJAN),
            event(4, "AID", "material_cooperation", NATO, ANA, CARA),
        ]
    )

    edges = {(e.source, e.target): e for e in network.edges}
    assert set(edges) == {
        ("ana-brnabic", "bojan-pajtic"),
        ("ana-brnabic", "nato"),
        ("cara-quist", "nato"),
    }
    dyad = edges[("ana-brnabic", "bojan-pajtic")]
    assert dyad.count == 3
    assert dict(dyad.quads) == {"verbal_conflict": 2, "verbal_cooperation": 1}
    assert dyad.quad == "verbal_conflict"
    assert dict(dyad.types) == {"ACCUSE": 2, "CONSULT": 1}
    assert network.edges[0] is dyad  # the busiest edge first
    # Targets of one event are not linked to each other.
    assert ("ana-brnabic", "cara-quist") not in edges
    nodes = {n.actor.actor_id: n.events for n in network.nodes}
    assert nodes == {"ana-brnabic": 4, "bojan-pajtic": 3, "nato": 1, "cara-quist": 1}
    assert [n.actor.actor_id for n in network.nodes][:2] == ["ana-brnabic", "bojan-pajtic"]


def test_self_action_counts_for_the_node_but_makes_no_edge() -> None:
    network = build_network([event(1, "PROTEST", "material_conflict", ANA, ANA)])

    assert network.edges == ()
    assert [(n.actor.name, n.events) for n in network.nodes] == [("Ana Brnabic", 1)]


def test_quad_ties_and_missing_quads() -> None:
    network = build_network(
        [
            event(1, "CONSULT", "verbal_cooperation", ANA, CARA),
            event(2, "ASSAULT", "material_conflict", CARA, ANA),
            event(3, "OTHER", None, ANA, CARA),
        ]
    )

    [edge] = network.edges
    assert edge.count == 3
    assert dict(edge.quads) == {"material_conflict": 1, "verbal_cooperation": 1}
    assert edge.quad == "material_conflict"  # a tie goes to the first in name order
    assert build_network([event(1, "OTHER", None, ANA, CARA)]).edges[0].quad is None


def test_render_json_has_the_shape_the_web_page_reads() -> None:
    data = render_json(build_network([event(1, "AID", "material_cooperation", NATO, CARA)]))

    assert data == {
        "nodes": [
            {
                "id": "cara-quist",
                "name": "Cara Quist",
                "kind": "person",
                "country": "NLD",
                "sector": None,
                "events": 1,
            },
            {
                "id": "nato",
                "name": "NATO",
                "kind": "org",
                "country": None,
                "sector": "IGO",
                "events": 1,
            },
        ],
        "edges": [
            {
                "source": "cara-quist",
                "target": "nato",
                "count": 1,
                "quads": {"material_cooperation": 1},
                "quad": "material_cooperation",
                "types": {"AID": 1},
            },
        ],
    }


def test_empty_network() -> None:
    assert render_json(build_network([])) == {"nodes": [], "edges": []}


def expected_network(events: list[dict]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Node and edge counts recomputed from event records."""
    nodes: Counter[str] = Counter()
    edges: Counter[tuple[str, str]] = Counter()
    for e in events:
        source = e["source"]["actor_id"]
        nodes.update({source, *(t["actor_id"] for t in e["targets"])})
        edges.update(
            {
                tuple(sorted((source, t["actor_id"])))
                for t in e["targets"]
                if t["actor_id"] != source
            }
        )
    return nodes, edges


@pytest.mark.slow
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"actor": "kurti"},
        {"country": "SRB", "type": ["ACCUSE", "REJECT"]},
        {"since": "2023-05"},
    ],
)
def test_network_is_made_of_the_filtered_events(client: TestClient, params: dict) -> None:
    events = everything(client, "/api/events", **params)

    network = ok(client.get("/api/network", params=params))

    nodes, edges = expected_network(events)
    assert {n["id"]: n["events"] for n in network["nodes"]} == dict(nodes)
    assert {(e["source"], e["target"]): e["count"] for e in network["edges"]} == dict(edges)
    for edge in network["edges"]:
        assert edge["source"] < edge["target"]
        assert sum(edge["types"].values()) == edge["count"]
        ranked = sorted(edge["quads"].items(), key=lambda item: (-item[1], item[0]))
        assert edge["quad"] == (ranked[0][0] if ranked else None)
    counts = [n["events"] for n in network["nodes"]]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.slow
def test_kurti_and_vucic_are_linked_by_their_meetings(client: TestClient) -> None:
    network = ok(client.get("/api/network", params={"actor": "Kurti"}))

    nodes = {n["id"]: n for n in network["nodes"]}
    assert nodes["albin-kurti"]["name"] == "Albin Kurti"
    assert nodes["albin-kurti"]["kind"] == "person" and nodes["albin-kurti"]["country"] == "XKX"
    [edge] = [
        e
        for e in network["edges"]
        if (e["source"], e["target"]) == ("albin-kurti", "aleksandar-vucic")
    ]
    assert edge["types"].get("CONSULT", 0) >= 1
    assert edge["quads"].get("verbal_cooperation", 0) >= 1


@pytest.mark.slow
def test_a_network_page_is_the_busiest_actors_and_the_edges_among_them(
    client: TestClient,
) -> None:
    whole = ok(client.get("/api/network", params={"limit": 1000}))
    top = ok(client.get("/api/network", params={"limit": 4}))
    rest = ok(client.get("/api/network", params={"limit": 1000, "offset": 4}))

    assert len(whole["nodes"]) == whole["total_nodes"] > 8
    assert len(whole["edges"]) == whole["total_edges"]
    assert top["nodes"] == whole["nodes"][:4] and rest["nodes"] == whole["nodes"][4:]
    shown = {n["id"] for n in top["nodes"]}
    expected = [e for e in whole["edges"] if {e["source"], e["target"]} <= shown]
    assert top["edges"] == expected and expected
    assert (top["total_nodes"], top["total_edges"]) == (whole["total_nodes"], whole["total_edges"])
    assert ok(client.get("/api/network"))["limit"] == 200
    assert client.get("/api/network", params={"limit": 1001}).status_code == 422
