"""The actor network: who acts on whom in a set of coded events.

Nodes are the actors taking part in the events. An edge joins an event's source to each
of its targets; edges are undirected (the pair of actor ids sorted), so A->B and B->A
events add up on one edge, counted by PLOVER quad category and by PLOVER type. An actor
acting on itself adds to its node's count but makes no edge.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from storyline.query import EventFilter
from storyline.records import Actor, Event
from storyline.store import SQLiteStore

# (name, count) pairs, most frequent first, ties in name order.
Tally = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """An actor and the number of the events it takes part in."""

    actor: Actor
    events: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Edge:
    """A dyad: two actor ids (sorted) and the events between them."""

    source: str
    target: str
    count: int
    quads: Tally  # events by quad category (events without one are left out)
    types: Tally  # events by PLOVER type

    @property
    def quad(self) -> str | None:
        """The dyad's most frequent quad category (ties: first in name order)."""
        return self.quads[0][0] if self.quads else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Network:
    """Nodes by number of events (then name), edges by number of events (then ids).

    Read from the store, it is one page of the busiest actors (`offset` of them left
    out before it) and the edges among them, of `total_nodes` and `total_edges` in all.
    """

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    total_nodes: int | None = None
    total_edges: int | None = None
    offset: int = 0


def network_of(store: SQLiteStore, wanted: EventFilter, *, limit: int, offset: int = 0) -> Network:
    """The network of the events the filter keeps, counted by the store: the `limit`
    busiest actors from `offset`, and the edges among them."""
    counts = store.network_counts(wanted, limit=limit, offset=offset)
    dyad_types: dict[tuple[str, str], Counter[str]] = {}
    dyad_quads: dict[tuple[str, str], Counter[str]] = {}
    for d in counts.dyads:
        dyad = (d.source, d.target)
        dyad_types.setdefault(dyad, Counter())[d.type] += d.events
        quads = dyad_quads.setdefault(dyad, Counter())
        if d.quad:
            quads[d.quad] += d.events
    edges = sorted(
        (
            Edge(
                source=dyad[0],
                target=dyad[1],
                count=sum(types.values()),
                quads=_tally(dyad_quads[dyad]),
                types=_tally(types),
            )
            for dyad, types in dyad_types.items()
        ),
        key=lambda edge: (-edge.count, edge.source, edge.target),
    )
    return Network(
        nodes=tuple(Node(actor=a, events=n) for a, n in counts.nodes),
        edges=tuple(edges),
        total_nodes=counts.total_nodes,
        total_edges=counts.total_edges,
        offset=offset,
    )


def build_network(events: Iterable[Event]) -> Network:
    """The network of the actors taking part in the events (held in memory)."""
    actors: dict[str, Actor] = {}
    node_events: Counter[str] = Counter()
    dyad_events: Counter[tuple[str, str]] = Counter()
    dyad_quads: dict[tuple[str, str], Counter[str]] = {}
    dyad_types: dict[tuple[str, str], Counter[str]] = {}
    for event in events:
        for actor in (event.source, *event.targets):
            actors.setdefault(actor.actor_id, actor)
        node_events.update({a.actor_id for a in (event.source, *event.targets)})
        for dyad in _dyads(event):
            dyad_events[dyad] += 1
            dyad_types.setdefault(dyad, Counter())[event.type] += 1
            quads = dyad_quads.setdefault(dyad, Counter())
            if event.quad:
                quads[event.quad] += 1
    nodes = sorted(
        (Node(actor=actors[i], events=n) for i, n in node_events.items()),
        key=lambda node: (-node.events, node.actor.name, node.actor.actor_id),
    )
    edges = sorted(
        (
            Edge(
                source=dyad[0],
                target=dyad[1],
                count=n,
                quads=_tally(dyad_quads[dyad]),
                types=_tally(dyad_types[dyad]),
            )
            for dyad, n in dyad_events.items()
        ),
        key=lambda edge: (-edge.count, edge.source, edge.target),
    )
    return Network(nodes=tuple(nodes), edges=tuple(edges))


def _dyads(event: Event) -> set[tuple[str, str]]:
    """The event's source paired with each other actor among its targets, pairs sorted."""
    source = event.source.actor_id
    return {
        (min(source, t.actor_id), max(source, t.actor_id))
        for t in event.targets
        if t.actor_id != source
    }


def _tally(counts: Counter[str]) -> Tally:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def render_json(network: Network) -> dict[str, object]:
    """The network as JSON: {"nodes": [...], "edges": [...]}, nodes and edges keyed by
    actor id; read from the store, with the totals of its page."""
    paging: dict[str, object] = {}
    if network.total_nodes is not None:
        paging = {
            "total_nodes": network.total_nodes,
            "total_edges": network.total_edges,
            "offset": network.offset,
        }
    return paging | {
        "nodes": [
            {
                "id": node.actor.actor_id,
                "name": node.actor.name,
                "kind": node.actor.kind.value,
                "country": node.actor.country,
                "sector": node.actor.sector,
                "events": node.events,
            }
            for node in network.nodes
        ],
        "edges": [
            {
                "source": edge.source,
                "target": edge.target,
                "count": edge.count,
                "quads": dict(edge.quads),
                "quad": edge.quad,
                "types": dict(edge.types),
            }
            for edge in network.edges
        ],
    }
