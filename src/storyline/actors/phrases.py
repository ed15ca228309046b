"""The actors a noun phrase names: a mention, a group named by its countries ("Hungarian
and Romanian officials"), the people counted by a number ("thousands of Iraqi Kurds"),
"I" and "we" in a quotation (its speaker), "it" and "they" (what they stand for), or
the owner of an abstract noun ("the sovereignty of Armenia"); with its coordinated and
appositive phrases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from storyline.actors.groups import antecedent, counted, country_word, group_actors
from storyline.actors.knowledge import Knowledge
from storyline.actors.relatives import relative_antecedent
from storyline.actors.resolve import ArticleActors
from storyline.actors.states import country_actor, country_body
from storyline.records import Actor, ActorKind, Quote, QuoteKind

_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_THIRD_PERSON = frozenset({"it", "they", "them"})
_PEOPLE = frozenset({"leader", "minister", "president"})
_SIDES = frozenset(
    "leader side country nation party state government minister president delegation".split()
)


class Phrases:
    """Reads the actors of noun phrases in one article."""

    def __init__(self, actors: ArticleActors, quotes: tuple[Quote, ...], kb: Knowledge) -> None:
        self.actors = actors
        self.kb = kb
        self.direct = [q for q in quotes if q.kind is QuoteKind.DIRECT]
        self._pair: tuple[Actor, ...] | None = None
        self.last_pair: tuple[Actor, ...] = ()  # the two parties of the last event told

    def actors_of(self, head: Token) -> list[Actor]:
        """The actors a noun phrase names, with its coordinated and appositive phrases."""
        out: list[Actor] = []
        for tok in [head, *head.conjuncts]:
            out += self._one(tok)
            for joined in _misparsed_conjuncts(tok):
                out += [a for a in self._one(joined) if a.kind is ActorKind.PERSON]
            for listed in _misparsed_list(tok):
                out += self._one(listed)
        return unique(out)

    def _one(self, tok: Token) -> list[Actor]:
        if tok.lower_ in _FIRST_PERSON and tok.pos_ == "PRON":  # "us", not "US"
            speaker = self._speaker_at(tok.idx)
            return [speaker] if speaker else []
        if tok.lower_ in _THIRD_PERSON and tok.pos_ == "PRON":
            found = antecedent(tok, self.actors_of)
            return found[:1] if tok.lower_ == "it" else found
        noun = relative_antecedent(tok)
        if noun is not None and self.actors.at(tok.idx, tok.idx + len(tok.text)) is None:
            return self.actors_of(noun)  # "Chile and Peru, which ...": both
        appos = [c for c in tok.children if c.dep_ == "appos"]
        if tok.tag_ in ("NNS", "NNPS") and appos:
            return [a for c in appos for a in self.actors_of(c)]
        actor = self.actors.at(tok.idx, tok.idx + len(tok.text), head=tok.idx)
        groups = group_actors(tok, self.kb, self.actors, self.actors_of)
        if actor is not None and not _people_as_person(tok, actor):
            # "US and British forces": the mention holds "British forces" only
            return groups if len(groups) > 1 else [actor]
        many = counted(tok)
        if many is not None:
            return self.actors_of(many)
        if groups:
            return groups
        span = list(tok.subtree)
        actor = self.actors.at(span[0].idx, tok.idx + len(tok.text), head=tok.idx)
        if actor is not None:
            return [actor]
        pair = self._the_two(tok)
        if pair:
            return pair
        code = country_word(tok, self.kb)  # "South Lebanon": a name no mention covers
        if code is not None:
            return [self.actors.actor(code) or country_actor(self.kb, code)]
        return self._of_whom(tok)

    def _the_two(self, tok: Token) -> list[Actor]:
        """ "the two leaders", "both sides", "the parties": the governments of the article's
        two sides."""
        marks = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet")}
        bare = (
            marks == {"the"}
            and tok.lemma_ in ("party", "side")
            and not any(
                c.dep_ in ("amod", "compound", "nmod", "prep", "relcl") for c in tok.children
            )
        )  # "urged the parties to meet" (not "the opposition parties", "the parties in ...")
        if tok.tag_ != "NNS" or not (marks & {"two", "both"} or bare) or tok.lemma_ not in _SIDES:
            return []
        people = [a for a in self.last_pair if a.kind is ActorKind.PERSON]
        if tok.lemma_ in _PEOPLE and len(people) == 2:
            return people  # "Pashinyan met Kobakhidze ... The two leaders discussed ..."
        sides = self.sides(tok.doc)
        if len(sides) != 2:
            return []
        return [country_body(self.kb, a.country, "GOV", tok.text) for a in sides if a.country]

    def sides(self, doc: Doc) -> tuple[Actor, ...]:
        """The article's two sides (see main_pair), found once per article."""
        if self._pair is None:
            self._pair = main_pair(doc, self.actors, self.kb)
        return self._pair

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


def _misparsed_conjuncts(tok: Token) -> list[Token]:
    """ "Minister X of Armenia and Minister Y of Azerbaijan", parsed with Y as an
    appositive of X: an appositive after an "and" is a second party, not X again."""
    out = []
    for child in tok.children:
        if child.dep_ != "appos" or child.i < tok.i:
            continue
        between = tok.doc[tok.i + 1 : min(t.i for t in child.subtree)]
        if any(t.lower_ == "and" and t.dep_ == "cc" for t in between):
            out.append(child)
    return out


def _misparsed_list(tok: Token) -> list[Token]:
    """ "Chad, Niger, and Mali" parsed with Niger as an appositive of Chad (and Mali as
    the conjunct of either): a name set off after another name, in a list closed by
    "and", is the list's second item, not the first named again."""
    for child in tok.children:
        if child.dep_ != "appos" or child.i < tok.i or not tok.pos_ == child.pos_ == "PROPN":
            continue
        closed = [c for t in (tok, child) for c in t.children if c.dep_ == "cc" and c.i > child.i]
        if closed and (child.conjuncts or tok.conjuncts):
            return [child, *child.conjuncts]
    return []


def _people_as_person(tok: Token, actor: Actor) -> bool:
    """ "Bosnian Serbs" read as one person's name: a plural proper noun is a people."""
    return tok.tag_ == "NNPS" and actor.kind is ActorKind.PERSON and actor.country is None


def unique(actors: Iterable[Actor]) -> list[Actor]:
    """The actors without repeats, in order."""
    seen, out = set(), []
    for a in actors:
        if a.actor_id not in seen:
            seen.add(a.actor_id)
            out.append(a)
    return out


_NOT_A_SIDE = frozenset({"MED", "JRN"})  # an outlet reports; it does not take a side
_JOINERS = frozenset({"-", "–", "—", "/", "and", "&", ","})


def main_pair(doc: Doc, actors: ArticleActors, kb: Knowledge) -> tuple[Actor, ...]:
    """The two countries an article is about, for "both sides" and "the other side": the
    pair it names together most ("Armenia-Azerbaijan", "Armenia and Azerbaijan", "Ararat
    Mirzoyan and Jeyhun Bayramov" of the two), else the two countries whose people,
    bodies or names it mentions most (first mentioned first on a tie)."""
    at: dict[int, str] = {}
    counts: Counter[str] = Counter()
    for m in actors.mentions:
        actor = actors.actor(m.actor_id)
        if actor is None or actor.country is None or actor.sector in _NOT_A_SIDE:
            continue
        span = doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
        if span is not None:
            at[span.root.i] = actor.country
        counts[actor.country] += 1
    pairs: Counter[tuple[str, str]] = Counter()
    for i, code in at.items():
        joined = i + 2 < len(doc) and doc[i + 1].text in _JOINERS  # "Armenia-Azerbaijan"
        for j in ((i + 2,) if joined else ()) + tuple(c.i for c in doc[i].conjuncts):
            other = at.get(j)
            if other is not None and other != code:
                pairs[tuple(sorted((code, other)))] += 1  # type: ignore[index]
    best = pairs.most_common(1)[0][0] if pairs else tuple(k for k, _ in counts.most_common(2))
    return tuple(actors.actor(code) or country_actor(kb, code) for code in best)
