"""Mentions: the stretches of text that refer to an actor, before resolution, and the
claims that keep them from overlapping."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc

from storyline.actors.dictionary import DictionaryEntry
from storyline.actors.knowledge import Title
from storyline.records import ActorKind

# Entity labels that can name an actor.
NAME_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "WORK_OF_ART", "FAC", "LOC"})


class MentionKind(StrEnum):
    NAME = "name"
    ROLE = "role"
    ORG = "org"
    INSTITUTION = "institution"
    COUNTRY = "country"
    METONYM = "metonym"
    SOURCE = "source"
    PRONOUN = "pronoun"


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A reference to an actor, before it is resolved to a canonical actor."""

    start: int  # character offsets of the whole mention
    end: int
    text: str
    kind: MentionKind
    actor_kind: ActorKind
    name: str | None = None  # the name as written (persons, organisations)
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    family: str | None = None
    definite: bool = True
    subject: bool = False  # the mention is the subject of its clause
    speaking: bool = False  # ... and that clause's verb is one of speaking ("X said")
    owner: Title | None = None  # "the prime minister's press office": the owner's title
    anonymous: bool = False  # a title whose unnamed holder stands for a body ("an official")
    plural: bool = False  # several holders of a title ("the leaders")
    body: str | None = None  # the organisation an office belongs to ("the Kremlin spokesman")
    possessor: int | None = None  # where its owner is named: "Netanyahu's Cabinet", "his"
    refers: frozenset[str] = frozenset()  # "the agency": sectors of the body it refers to
    others: tuple[str, ...] = ()  # "Peruvian and Chilean delegations": the other countries
    other_than: int | None = None  # "X detained him": where X, whom "him" is not, is named
    scene_end: int | None = None  # "masked gunmen": of where they act, told up to here
    place: str | None = None  # "the mayor of Mombasa": the place whose office it is
    ally: int | None = None  # "a militia loyal to X": where X, whose side it is on, is named


class Claims:
    """Which tokens already belong to a mention; mentions never overlap."""

    def __init__(self, doc: Doc) -> None:
        self.taken = [False] * len(doc)
        self.found: list[Mention] = []

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def add(self, mention: Mention | None, start: int, end: int) -> None:
        if mention is None or not self.free(start, end):
            return
        for i in range(start, end):
            self.taken[i] = True
        self.found.append(mention)


def span_mention(doc: Doc, start: int, end: int, kind: MentionKind, actor_kind: ActorKind, **kw):
    """The mention of tokens [start, end)."""
    span = doc[start:end]
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        kind=kind,
        actor_kind=actor_kind,
        subject=span.root.dep_ in ("nsubj", "nsubjpass"),
        **kw,
    )


def body_mention(doc: Doc, start: int, end: int, body: DictionaryEntry) -> Mention:
    """The mention of a known organisation or group at tokens [start, end)."""
    return span_mention(
        doc,
        start,
        end,
        MentionKind.ORG,
        body.kind,
        name=body.name,
        country=body.country,
        sector=body.sector,
    )
