"""The actor network: who acts on whom in a set of coded events.

Nodes are the actors taking part in the events. An edge joins an event's source to each
of its targets; edges are undirected (the pair of actor ids sorted), so A->B and B->A
events add up on one edge, counted by PLOVER quad category and by PLOVER type. An actor
acting on itself adds to its node's count but makes no edge.

With governments merged (`merge_governments`), a country and its government ("Kosovo"
and "Government of Kosovo") are one node, named and keyed by the country, listing both
ids in `members`; their links to others add up and the link between the two is gone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from storyline.query import EventFilter
from storyline.records import Actor, ActorKind, Event
from storyline.store import SQLiteStore

# (name, count) pairs, most frequent first, ties in name order.
Tally = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """An actor and the number of the events it takes part in."""

    actor: Actor
    events: int
    members: tuple[str, ...] = ()  # merged: the ids of the actors this node stands for


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
    merged: bool = False  # a country and its government are one node


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


def merge_governments(network: Network) -> Network:
    """The network with each country and its government (both among the nodes) as one
    node keyed by the country: its events those of either (an event between the two
    counted once), the link between them left out, their other links added up."""
    countries = {
        n.actor.country: n.actor.actor_id
        for n in network.nodes
        if n.actor.kind == ActorKind.COUNTRY and n.actor.country
    }
    into = {
        n.actor.actor_id: countries[n.actor.country]
        for n in network.nodes
        if n.actor.country in countries and _is_government(n.actor)
    }
    between = Counter[str]()
    edges: dict[tuple[str, str], tuple[int, Counter[str], Counter[str]]] = {}
    for edge in network.edges:
        a, b = into.get(edge.source, edge.source), into.get(edge.target, edge.target)
        if a == b:
            between[a] += edge.count
            continue
        count, quads, types = edges.get((min(a, b), max(a, b)), (0, Counter(), Counter()))
        edges[(min(a, b), max(a, b))] = (
            count + edge.count,
            quads + Counter(dict(edge.quads)),
            types + Counter(dict(edge.types)),
        )
    events = Counter[str]()
    members: dict[str, list[str]] = {}
    for node in network.nodes:
        key = into.get(node.actor.actor_id, node.actor.actor_id)
        events[key] += node.events
        members.setdefault(key, []).append(node.actor.actor_id)
    nodes = sorted(
        (
            Node(
                actor=n.actor,
                events=events[i] - between[i],
                members=(i, *(m for m in members[i] if m != i)),
            )
            for n in network.nodes
            if (i := n.actor.actor_id) not in into
        ),
        key=lambda node: (-node.events, node.actor.name, node.actor.actor_id),
    )
    merged_edges = sorted(
        (
            Edge(source=a, target=b, count=n, quads=_tally(quads), types=_tally(types))
            for (a, b), (n, quads, types) in edges.items()
        ),
        key=lambda edge: (-edge.count, edge.source, edge.target),
    )
    return replace(network, nodes=tuple(nodes), edges=tuple(merged_edges), merged=True)


def _is_government(actor: Actor) -> bool:
    """A country's government as the actor resolver names it ("Government of Kosovo")."""
    return (
        actor.kind != ActorKind.COUNTRY
        and actor.sector == "GOV"
        and actor.actor_id == f"{(actor.country or '').lower()}-gov"
    )


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
            | ({"members": list(node.members or (node.actor.actor_id,))} if network.merged else {})
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
