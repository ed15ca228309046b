"""Who did it and to whom: the source and targets of a trigger, read from the parse.

Sources are subjects (through coordination and control: "Blinken thanked X and
encouraged ..."), passive agents ("agreed upon by both countries"), possessors of a
nominal event ("Azerbaijan's blockade") or the subject of the clause a nominal event
sits in ("In telephone conversations with X, Blinken discussed ..."). Targets come
from the argument slots the lexicon lists for the trigger ("with", "between", the
direct object, the owner of the object: "welcomed Aliyev's commitment"), also on the
trigger's object ("hosted talks between X and Y"). Plural office nouns stand for the
governments they name ("the leaders of Armenia and Azerbaijan"); "I" and "we" inside
a quotation are its speaker.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.actors.knowledge import Knowledge
from storyline.actors.resolve import ArticleActors
from storyline.events.groups import country_actor, group_actors
from storyline.events.lexicon import Trigger
from storyline.records import Actor, ActorKind, Quote, QuoteKind

_SUBJECT = ("nsubj",)
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_BOTH = frozenset({"both", "two"})
_SLOT_PREPS = frozenset(
    {
        "with",
        "between",
        "to",
        "on",
        "against",
        "for",
        "of",
        "from",
        "over",
        "at",
        "into",
        "about",
        "regarding",
        "toward",
        "towards",
        "among",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """A trigger's source and targets."""

    source: Actor
    targets: tuple[Actor, ...]
    both_ways: bool = False  # "Both nations blame the other": each side against the other


class Framer:
    """Reads frames in one article: its actors, its quotations, its main pair of sides."""

    def __init__(self, actors: ArticleActors, quotes: tuple[Quote, ...], kb: Knowledge) -> None:
        self.actors = actors
        self.kb = kb
        self.direct = [q for q in quotes if q.kind is QuoteKind.DIRECT]
        self.sides: tuple[Actor, ...] = ()

    def frame(self, token: Token, trigger: Trigger) -> Frame | None:
        """The source and targets of a trigger token, or None without a source."""
        if not self.sides:
            self.sides = _main_pair(token.doc, self.actors)
        sources = self._source(token)
        both_ways = False
        if not sources and self._both_sides(token):
            sources, both_ways = list(self.sides), True
        if not sources:
            return None
        source = sources[0]
        targets = [a for a in self._targets(token, trigger)]
        if trigger.reciprocal or both_ways:
            targets = sources[1:] + targets
        if not targets and both_ways and len(sources) > 1:
            targets = sources[1:]
        targets = _unique(t for t in targets if t.actor_id != source.actor_id)
        return Frame(source=source, targets=tuple(targets), both_ways=both_ways)

    # -- sources ----------------------------------------------------------------------------

    def _source(self, token: Token) -> list[Actor]:
        if token.pos_ == "NOUN":
            owner = self._owner(token)
            if owner:
                return owner
            agent = self._slot(token, "by")
            if agent:
                return agent
            verb = _governing_verb(token)
            return self._verb_subject(verb) if verb is not None else []
        return self._verb_subject(token)

    def _verb_subject(self, verb: Token) -> list[Actor]:
        for child in verb.children:
            if child.dep_ in _SUBJECT:
                return self._actors_of(child)
            if child.dep_ == "agent":
                return [a for g in child.children for a in self._actors_of(g)]
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            return self._verb_subject(verb.head)
        if verb.dep_ in ("acl", "relcl"):
            return self._issuer(verb.head)
        return []

    def _issuer(self, noun: Token) -> list[Actor]:
        """ "the US issued a press release expressing ...": whoever the noun's clause is about."""
        owner = self._own_owner(noun)
        if owner:
            return owner
        if noun.dep_ == "nsubj":
            return self._actors_of(noun)
        return self._verb_subject(noun.head) if noun.head.pos_ == "VERB" else []

    def _owner(self, noun: Token, depth: int = 1) -> list[Actor]:
        """ "Azerbaijan's blockade", "the Azeri attack", "Armenia's commitment"; also one
        level down: "the increase in Azerbaijan's rhetoric"."""
        found = self._own_owner(noun)
        if found or depth == 0:
            return found
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        found = self._owner(pobj, depth - 1)
                        if found:
                            return found
        return []

    def _own_owner(self, noun: Token) -> list[Actor]:
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
                return self._actors_of(child)
        # "the Azeri attack", "Armenia-Azerbaijan peace talks": countries named before it
        out = []
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "nmod"):
                for tok in child.subtree:
                    code = self.kb.country(tok.text) if tok.text[:1].isupper() else None
                    if code:
                        out.append(self.actors.actor(code) or country_actor(self.kb, code))
        return _unique(out)

    def _both_sides(self, token: Token) -> bool:
        """ "Both nations blame ...", "agreed upon by both countries", "the two sides"."""
        heads = [c for c in token.children if c.dep_ in ("nsubj", "poss")]
        heads += [g for c in token.children if c.dep_ == "agent" for g in c.children]
        for head in heads:
            marks = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet")}
            if (marks | {head.lower_}) & _BOTH and len(self.sides) == 2:
                return True
        return False

    # -- targets ----------------------------------------------------------------------------

    def recipients(self, verb: Token) -> list[Actor]:
        """Whom a verb is addressed to ("reaffirmed ... to the Prime Minister")."""
        for slot in ("dative", "to", "with"):
            found = self._slot(verb, slot)
            if found:
                return found
        return []

    def _targets(self, token: Token, trigger: Trigger) -> Iterator[Actor]:
        objects = [c for c in token.children if c.dep_ in ("dobj", "attr")]
        # The object the lexicon names first ("reaffirmed ... support for X").
        objects.sort(key=lambda c: c.lemma_.lower() not in trigger.objects)
        for slot in trigger.targets:
            found = self._slot(token, slot)
            if not found and slot not in ("dobj", "dobj_owner"):
                for obj in objects:
                    found = self._slot(obj, slot)
                    if found:
                        break
            if found:
                yield from found
                return

    def _slot(self, token: Token, slot: str) -> list[Actor]:
        owner = slot.endswith("_owner")
        name = slot.removesuffix("_owner")
        heads: list[Token] = []
        if name == "dobj":
            heads = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        elif name == "dative":
            heads = [c for c in token.children if c.dep_ == "dative"]
            heads += [
                g
                for c in token.children
                if c.lower_ == "to"
                for g in c.children
                if g.dep_ == "pobj"
            ]
        elif name in _SLOT_PREPS:
            heads = [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == name
                for g in c.children
                if g.dep_ == "pobj"
            ]
        found: list[Actor] = []
        for head in heads:
            found += self._owner(head) if owner else self._actors_of(head)
        return found

    # -- actors of a phrase -------------------------------------------------------------------

    def _actors_of(self, head: Token) -> list[Actor]:
        """The actors a noun phrase names, with its coordinated and appositive phrases."""
        out: list[Actor] = []
        for tok in [head, *head.conjuncts]:
            out += self._one(tok)
        return _unique(out)

    def _one(self, tok: Token) -> list[Actor]:
        if tok.lower_ in _FIRST_PERSON and tok.pos_ == "PRON":  # "us", not "US"
            speaker = self._speaker_at(tok.idx)
            return [speaker] if speaker else []
        appos = [c for c in tok.children if c.dep_ == "appos"]
        if tok.tag_ in ("NNS", "NNPS") and appos:
            return [a for c in appos for a in self._actors_of(c)]
        actor = self.actors.at(tok.idx, tok.idx + len(tok.text), head=tok.idx)
        if actor is not None:
            return [actor]
        groups = group_actors(tok, self.kb, self.actors)
        if groups:
            return groups
        span = list(tok.subtree)
        actor = self.actors.at(span[0].idx, tok.idx + len(tok.text), head=tok.idx)
        if actor is not None:
            return [actor]
        return self._of_whom(tok)

    def _of_whom(self, tok: Token, depth: int = 2) -> list[Actor]:
        """ "the sovereignty and territorial integrity of Armenia": the actor an abstract
        noun belongs to, through "of" (also on its coordinated nouns)."""
        if depth == 0 or tok.pos_ != "NOUN":
            return []
        for noun in [tok, *tok.conjuncts]:
            for prep in noun.children:
                if prep.dep_ != "prep" or prep.lower_ != "of":
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        actor = self.actors.at(pobj.idx, pobj.idx + len(pobj.text), head=pobj.idx)
                        found = [actor] if actor else self._of_whom(pobj, depth - 1)
                        if found:
                            return found
        return []

    def _speaker_at(self, pos: int) -> Actor | None:
        for quote in self.direct:
            if quote.evidence.start <= pos < quote.evidence.end:
                return quote.speaker
        return None


def _governing_verb(token: Token) -> Token | None:
    """The verb whose clause a noun sits in."""
    head = token
    for _ in range(6):
        if head.head.i == head.i:
            return head if head.pos_ in ("VERB", "AUX") else None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


def _main_pair(doc: Doc, actors: ArticleActors) -> tuple[Actor, ...]:
    """The two countries an article is about, for "both sides" and "the other side": the
    pair it names together most ("Armenia-Azerbaijan", "Armenia and Azerbaijan"), else
    the two it names most."""
    countries: dict[int, Actor] = {}
    counts: Counter[str] = Counter()
    for m in actors.mentions:
        actor = actors.actor(m.actor_id)
        if actor is not None and actor.kind is ActorKind.COUNTRY:
            span = doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
            if span is not None:
                countries[span.root.i] = actor
            counts[actor.actor_id] += 1
    pairs: Counter[tuple[str, str]] = Counter()
    for i, actor in countries.items():
        for j in (i + 2, *(c.i for c in doc[i].conjuncts)):
            other = countries.get(j)
            if other is not None and other.actor_id != actor.actor_id:
                pairs[tuple(sorted((actor.actor_id, other.actor_id)))] += 1  # type: ignore[arg-type]
    best = pairs.most_common(1)[0][0] if pairs else tuple(k for k, _ in counts.most_common(2))
    ids: tuple[str, ...] = best
    return tuple(a for a in (actors.actor(k) for k in ids) if a is not None)


def _unique(actors) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        if a.actor_id not in seen:
            seen.add(a.actor_id)
            out.append(a)
    return out
