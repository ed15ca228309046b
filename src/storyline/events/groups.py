"""Actors a plural noun names through the countries around it.

The actor stage reads one actor per mention and leaves plural role nouns alone ("foreign
ministers" are several people); in an event's argument such a phrase stands for the
bodies of the countries it names, one per country:

- a demonym or country before the noun: "Senior Hungarian and Romanian officials",
  "U.S. and Russian negotiators", "Ugandan rebels", "French and Egyptian warships";
- a country after it, for a noun with a known sector: "the leaders of Armenia and
  Azerbaijan", "foreign ministers from X and Y", "opposition groups in Zimbabwe";
- the plural demonym itself: "Palestinians", "Israelis" (the country).

The sector comes from the noun as the knowledge files know it (institution nouns, then
role titles: "officials" GOV, "troops" MIL, "rebels" REB, "security forces" COP); a noun
they do not know ("warships", "farmers") makes a group of that country without one.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.actors.knowledge import Knowledge, fold
from storyline.actors.resolve import ArticleActors, country_body
from storyline.records import Actor, ActorKind

_PLURAL = frozenset({"NNS", "NNPS"})
_MODIFIERS = frozenset({"amod", "compound", "nmod"})
_WHERE = frozenset({"of", "from", "in"})
_AGAINST = frozenset({"pro", "anti", "non"})  # "pro-Russia separatists" are not Russia's


def group_actors(tok: Token, kb: Knowledge, actors: ArticleActors) -> list[Actor]:
    """The bodies a plural noun names by country, one per country; [] for any other noun."""
    if tok.tag_ not in _PLURAL:
        return []
    code = _country_word(tok, kb)
    if code is not None:
        return [actors.actor(code) or country_actor(kb, code)]
    sector = noun_sector(tok, kb)
    codes = _named_before(tok, kb) or (_named_after(tok, kb) if sector else [])
    return [_body(kb, c, sector, tok) for c in dict.fromkeys(codes)]


def country_actor(kb: Knowledge, code: str) -> Actor:
    """A country as an actor."""
    return Actor(actor_id=code, name=kb.countries.name(code), kind=ActorKind.COUNTRY, country=code)


def noun_sector(tok: Token, kb: Knowledge) -> str | None:
    """The sector a noun with its modifiers stands for ("security forces" COP, "rebels"
    REB, "negotiators" GOV), or None when the knowledge files do not know it."""
    doc = tok.doc
    mods = [c for c in tok.children if c.dep_ in _MODIFIERS and c.i < tok.i]
    start = min((c.left_edge.i for c in mods), default=tok.i)
    words = [fold(t.text) for t in doc[start : tok.i + 1]]
    for forms in (words, [*words[:-1], fold(tok.lemma_)]):
        for k in range(len(forms)):
            inst = kb.institution_at(forms, k)
            if inst is not None and k + inst[1] == len(forms):
                return inst[0].sector
            title = kb.title_at(forms, k)
            if title is not None and k + title[1] == len(forms):
                return title[0].sector or "GOV"
    return None


def _country_word(tok: Token, kb: Knowledge) -> str | None:
    """A capitalised country word: "Palestinians", "Armenia"."""
    if not tok.text[:1].isupper() or _negated(tok):
        return None
    return kb.country(tok.text)


def _negated(tok: Token) -> bool:
    """ "pro-Russia", "anti-American": a country word inside an attitude adjective."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in _AGAINST


def _named_before(tok: Token, kb: Knowledge) -> list[str]:
    """ "Hungarian and Romanian officials", "Sierra Leonean refugees": demonyms and
    country names modifying the noun, with those coordinated with them."""
    out = []
    for child in tok.children:
        if child.dep_ not in _MODIFIERS or child.i > tok.i:
            continue
        for word in [child, *child.conjuncts]:
            whole = tok.doc[word.left_edge.i : word.i + 1]
            code = (kb.country(whole.text) if len(whole) > 1 else None) or _country_word(word, kb)
            if code is not None:
                out.append(code)
    return out


def _named_after(tok: Token, kb: Knowledge) -> list[str]:
    """ "the leaders of Armenia and Azerbaijan", "opposition groups in Zimbabwe"."""
    out = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in _WHERE:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for place in [pobj, *pobj.conjuncts]:
                whole = tok.doc[place.left_edge.i : place.i + 1]
                code = kb.country(whole.text) or kb.country(place.text)
                if code is not None and place.text[:1].isupper():
                    out.append(code)
    return out


def _body(kb: Knowledge, code: str, sector: str | None, tok: Token) -> Actor:
    if sector is not None:
        return country_body(kb, code, sector, tok.text)
    noun = fold(tok.text)
    return Actor(
        actor_id=f"{code.lower()}-{noun.replace(' ', '-')}",
        name=f"{kb.countries.name(code)} {noun}",
        kind=ActorKind.GROUP,
        country=code,
        aliases=(tok.text,),
    )
