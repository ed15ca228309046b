"""Long synthetic articles for the text-length tests and profiling: many distinct
paragraphs of our own wording (people, bodies, places, acts, dates and quotes vary), so
a long text exercises every stage the way a long report does, not one repeated line."""

from __future__ import annotations

import itertools

PEOPLE = [
    ("Foreign Minister", "Amara Okafor", "Nigeria"),
    ("President", "Lukas Brenner", "Austria"),
    ("Defence Minister", "Sofia Marquez", "Chile"),
    ("Prime Minister", "Tomas Lindqvist", "Sweden"),
    ("Interior Minister", "Farah Haddad", "Jordan"),
    ("Foreign Secretary", "Daniel Mwangi", "Kenya"),
    ("Trade Minister", "Ingrid Solberg", "Norway"),
    ("Chancellor", "Pavel Dvorak", "Czechia"),
]
PLACES = ["Lagos", "Vienna", "Santiago", "Stockholm", "Amman", "Nairobi", "Oslo", "Prague"]
ACTS = [
    "met {other} to discuss a new agreement on border trade",
    "accused {other} of blocking shipments of grain at the frontier",
    "signed a memorandum with {other} on joint patrols along the coast",
    "criticised {other} for expelling two diplomats last week",
    "called on {other} to release the detained journalists",
    "praised {other} for sending aid to the flooded provinces",
    "threatened to impose sanctions on {other} over the arrests",
    "hosted {other} for talks on the electricity grid",
]
DAYS = ["on Monday", "on Tuesday", "on 3 March", "last Friday", "on 12 April", "in May"]
SAYINGS = [
    "We will not accept delays that hurt ordinary families",
    "Our doors remain open to dialogue with every neighbour",
    "The agreement shows what patient diplomacy can achieve",
    "Nobody should doubt our resolve to protect the border",
]


def paragraph(k: int) -> str:
    """The k-th paragraph: its own combination of speaker, counterpart, act, day, place,
    quote and figures, so no two paragraphs of an article are the same."""
    title, name, country = PEOPLE[k % len(PEOPLE)]
    _, other, other_country = PEOPLE[(k * 3 + 1) % len(PEOPLE)]
    if other == name:
        _, other, other_country = PEOPLE[(k + 1) % len(PEOPLE)]
    act = ACTS[(k // len(PEOPLE)) % len(ACTS)].format(other=f"{other_country}'s {other}")
    day = DAYS[k % len(DAYS)]
    place = PLACES[(k * 5) % len(PLACES)]
    saying = SAYINGS[k % len(SAYINGS)]
    return (
        f"{country}'s {title} {name} {act} in {place} {day}, officials said. "
        f'"{saying}," {name.split()[-1]} told reporters after meeting number {k + 1}. '
        f"According to the ministry, {k % 40 + 2} delegations and {k % 17 + 3} observers "
        f"attended the session, which ended with a statement on item {k * 7 + 11}."
    )


def long_article(chars: int) -> str:
    """An article of about `chars` characters (at least that many), in paragraphs."""
    parts: list[str] = []
    size = 0
    for k in itertools.count():
        if size >= chars:
            break
        parts.append(paragraph(k))
        size += len(parts[-1]) + 2
    return "\n\n".join(parts)
