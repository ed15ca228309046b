"""The event trigger lexicon and PLOVER facts, read from `data/events.yaml` and
`data/plover.yaml`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING

import yaml
from spacy.tokens import Token

from storyline.events.quantities import counted
from storyline.events.victims import tells_harm

if TYPE_CHECKING:
    from storyline.events.verbs import VerbDictionary


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    """A word that, in the right frame, reports an event of a PLOVER type."""

    lemma: str
    pos: str
    type: str
    cameo: str | None
    mode: str | None = None
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()
    targets: tuple[str, ...] = ()
    reciprocal: bool = False
    weak: bool = False
    complement: bool = False  # only with a "to" clause of its own ("charged X to hold firm")
    intransitive: bool = False  # only with no object ("demonstrated", not "... an absence")
    converse: bool = False  # told from the recipient's side ("received arms from X"): X did it
    harming: bool = False  # only when the clause tells people it killed or hurt (victims.py)


@dataclass(frozen=True, slots=True, kw_only=True)
class PloverType:
    """A PLOVER event type: its quad category and score."""

    name: str
    quad: str
    score: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Intention:
    """How a stated intention to act is coded, by the type of the act."""

    type: str
    cameo: str
    refused: str | None = None  # the CAMEO REJECT code when the statement is negated


class Lexicon:
    """Triggers by (lemma, part of speech), the PLOVER types, and stated intentions; the
    CAMEO verb dictionary for verbs it has no trigger for."""

    def __init__(
        self,
        triggers: list[Trigger],
        types: dict[str, PloverType],
        intentions: dict[str, Intention] | None = None,
        *,
        ultimatum: Intention | None = None,
        obligation: Intention | None = None,
        domestic: frozenset[str] = frozenset(),
        verbs: VerbDictionary | None = None,
        everyday: frozenset[str] = frozenset(),
    ) -> None:
        self.types = types
        self.verbs = verbs
        self.intentions = intentions or {}
        self.ultimatum = ultimatum
        self.obligation = obligation
        self.domestic = domestic
        self.everyday = everyday  # verbs of force in the CAMEO dictionary, not force here
        self._index: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
        for trigger in triggers:
            self._index[(trigger.lemma, trigger.pos)].append(trigger)

    @classmethod
    def load(cls, *, verbs: bool = True) -> Lexicon:
        """The package's lexicon; with `verbs` (the default), the CAMEO verb dictionary
        as its fallback for verbs the curated triggers do not list."""
        from storyline.events.verbs import VerbDictionary  # it builds this module's Trigger

        data = resources.files("storyline.data")
        events = yaml.safe_load(data.joinpath("events.yaml").read_text("utf-8"))
        entries = events["triggers"]
        plover = yaml.safe_load(data.joinpath("plover.yaml").read_text("utf-8"))["types"]
        triggers = [
            Trigger(
                lemma=e["lemma"].lower(),
                pos=e["pos"],
                type=e["type"],
                cameo=str(e["cameo"]) if e.get("cameo") is not None else None,
                mode=e.get("mode"),
                particle=e.get("particle"),
                objects=frozenset(o.lower() for o in e.get("objects") or ()),
                needs=frozenset(n.lower() for n in e.get("needs") or ()),
                targets=tuple(e.get("targets") or ()),
                reciprocal=bool(e.get("reciprocal")),
                weak=bool(e.get("weak")),
                complement=bool(e.get("complement")),
                intransitive=bool(e.get("intransitive")),
                converse=bool(e.get("converse")),
                harming=bool(e.get("harming")),
            )
            for e in entries
        ]
        types = {
            name: PloverType(name=name, quad=t["quad"], score=t.get("score"))
            for name, t in plover.items()
        }
        intentions = {
            act: Intention(
                type=i["type"],
                cameo=str(i["cameo"]),
                refused=str(i["refused"]) if i.get("refused") else None,
            )
            for act, i in (events.get("intentions") or {}).items()
        }
        return cls(
            triggers,
            types,
            intentions,
            ultimatum=_statement(events.get("ultimatum")),
            obligation=_statement(events.get("obligation")),
            domestic=frozenset(events.get("domestic") or ()),
            verbs=VerbDictionary.load() if verbs else None,
            everyday=frozenset(events.get("everyday") or ()),
        )

    def obliging(self, token: Token) -> Trigger | None:
        """A verb of saying read as a demand ("said that Sudan must return ..."); the
        caller checks that it is one."""
        if self.obligation is None:
            return None
        return Trigger(
            lemma=token.lemma_.lower(),
            pos="VERB",
            type=self.obligation.type,
            cameo=self.obligation.cameo,
        )

    def intended(self, trigger: Trigger, negated: bool, ultimatum: bool = False) -> Trigger | None:
        """The statement an intention to act is coded as: the promise or threat of the
        act, the refusal of it when negated, a threat when held over the other side
        ("unless ..."); None when there is none to code (an act that is a statement
        already, a threat denied)."""
        intention = self.intentions.get(trigger.type)
        if intention is None:
            return None
        if ultimatum and not negated and self.ultimatum is not None:
            return replace(trigger, type=self.ultimatum.type, cameo=self.ultimatum.cameo, mode=None)
        if not negated:
            return replace(trigger, type=intention.type, cameo=intention.cameo, mode=None)
        if intention.refused is None:
            return None
        return replace(trigger, type="REJECT", cameo=intention.refused, mode=None)

    def triggers_for(self, token: Token) -> list[Trigger]:
        """The triggers this token satisfies (lemma, particle, object and modifier rules)."""
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_
        if pos == "ADJ" and token.dep_ not in ("acomp", "amod", "ROOT"):
            return []
        lemma = token.lemma_.lower()
        if pos == "NOUN" and token.tag_ == "NNS":
            lemma = token.lemma_.lower()
        found = []
        for trigger in self._index.get((lemma, pos), ()):
            if trigger.particle and not _has_particle(token, trigger.particle):
                continue
            if trigger.objects and not (_object_lemmas(token, trigger.particle) & trigger.objects):
                continue
            if trigger.needs and not ({c.lemma_.lower() for c in token.children} & trigger.needs):
                continue
            if trigger.complement and not _to_clause(token):
                continue
            if trigger.intransitive and _transitive(token):
                continue
            if trigger.harming and not tells_harm(token):
                continue
            found.append(trigger)
        # A trigger with a particle, object, clause or harm rule is more specific than a bare one.
        found.sort(
            key=lambda t: (
                -(bool(t.particle) + bool(t.objects) + bool(t.needs) + t.complement + t.harming)
            )
        )
        return found[:1]

    def may_be(self, token: Token, type_: str) -> bool:
        """Whether any trigger of the token's lemma has this type, whatever its rules ask
        of the clause: "the call" named again is the phone call told before."""
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_
        return any(t.type == type_ for t in self._index.get((token.lemma_.lower(), pos), ()))

    def fallback(self, token: Token) -> list[Trigger]:
        """The CAMEO verb dictionary's trigger for a verb this lexicon has no trigger for
        (the caller asks `triggers_for` first); none without the dictionary. A verb whose
        object is a trigger here ("intensified its attacks", "wrapped up the talks")
        leaves the act to that noun, whose entry knows where its participants are."""
        if self.verbs is None or token.pos_ != "VERB":
            return []
        if any(c.dep_ in ("dobj", "nsubjpass") and self.triggers_for(c) for c in token.children):
            return []
        return self.verbs.fallback(token, self.everyday)


def _statement(entry: dict | None) -> Intention | None:
    return Intention(type=entry["type"], cameo=str(entry["cameo"])) if entry else None


def _has_particle(token: Token, particle: str) -> bool:
    """Whether a verb has its particle, also as the mark of the clause it governs
    ("called for order to be restored", "asked for the two foreign ministers to meet")."""
    return any(
        (c.dep_ in ("prt", "prep", "advmod") and c.lower_ == particle)
        or (
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ == particle and m.i < c.i for m in c.children)
            and all(m.i > token.i for m in c.children if m.dep_ == "mark")
        )
        for c in token.children
    )


def _transitive(token: Token) -> bool:
    """Whether a verb has an object or a "that" clause ("demonstrated an absence of
    goodwill", "demonstrated that ..."): then a verb of protest means "show"."""
    return any(c.dep_ in ("dobj", "ccomp") for c in token.children)


def _to_clause(token: Token) -> bool:
    """Whether a verb governs a "to" clause of someone told to act ("charged the members
    to hold firm", "told Uganda to pull its troops out", "wants Putin to attack"), not of
    its own subject's act ("wants to attack")."""
    told = any(c.dep_ in ("dobj", "dative") for c in token.children)
    return any(
        (c.dep_ in ("xcomp", "ccomp") or (told and c.dep_ == "advcl"))  # parsed either way
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and (told or any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children))
        for c in token.children
    )


# Nouns that measure what is given or sent: "500 tonnes of food aid", "millions of
# dollars in aid", "a shipment of drones" (the thing itself is after "of" or "in").
_MEASURES = frozenset(
    """ton tonne kilogram kilo pound barrel litre liter gallon dollar euro million billion
    shipment consignment load truckload planeload cargo crate batch worth""".split()
)


def _measured(noun: Token) -> list[Token]:
    """What a measuring noun is of: "tonnes of aid" -> aid, "millions of dollars in
    aid" -> dollars, aid; of a verb, what its "of" or "in" phrases hold."""
    if noun.lemma_.lower() not in _MEASURES and noun.pos_ != "VERB":
        return []
    found = [
        g
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in ("of", "in")
        for g in p.children
        if g.dep_ == "pobj"
    ]
    return found + [m for g in found for m in _measured(g)]


def _object_lemmas(token: Token, particle: str | None = None) -> set[str]:
    """Lemmas of a verb's direct object (and the nouns joined to it); with a particle
    that is a preposition, its object too ("went on strike", "took to the streets"); of
    a relative clause with no object of its own, the noun it qualifies ("the talks the
    agency held with Iran"); of a noun that counts or groups, what it is of ("tabled a
    series of conditions", "imposed a package of sanctions")."""
    out = set()
    if particle:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == particle:
                out.update(g.lemma_.lower() for g in prep.children if g.dep_ == "pobj")
    if token.pos_ == "ADJ":  # "ready for peace": the object of its preposition
        for prep in token.children:
            if prep.dep_ == "prep":
                out.update(g.lemma_.lower() for g in prep.children if g.dep_ == "pobj")
    for child in token.children:
        if child.dep_ in ("dobj", "attr", "nsubjpass", "pobj"):
            out.add(child.lemma_.lower())
            out.update(c.lemma_.lower() for c in child.conjuncts)
            out.update(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
            out.update(g.lemma_.lower() for g in counted(child))  # "a series of conditions"
            out.update(g.lemma_.lower() for g in _measured(child))  # "500 tonnes of aid"
            if child.dep_ == "dobj" and child.lemma_.lower() in _MEASURES:  # "$5m in aid"
                out.update(g.lemma_.lower() for g in _measured(token) if g.i > child.i)
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ == "relcl" and all(c.tag_ in ("WDT", "WP") for c in objects):
        out.add(token.head.lemma_.lower())  # "the talks (that) the agency held with Iran"
    return out
