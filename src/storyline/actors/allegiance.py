"""Armed people described by the side they take: "a militia loyal to the ousted mayor",
"gunmen allied with a local warlord", "forces backing the general", "rebels aligned with
the exiled opposition leader" are an armed group of that side's country (of where they
act when the side is a foreign country, or not known); a state's troops loyal to its
sitting rulers ("soldiers loyal to President X") are its military.

Set off after a group's name ("the Lake Brigade, a militia loyal to the ex-governor,")
the description says what the named group is: the group itself, armed, of that side's
country. The whole phrase, the side with it, is one mention of the group; the side
stays a mention of its own.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from storyline.actors.armed import UNNAMED_ARMED
from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import Mention, MentionKind, span_mention
from storyline.actors.names import fold
from storyline.nlp.text import indices_where, nouns
from storyline.records import Actor, ActorKind

__all__ = ["allegiance_mentions", "allied"]

# Words saying whose side armed people are on, with the preposition naming the side
_SIDING = frozenset({"loyal", "allied", "aligned", "affiliated", "attached", "faithful"})
_TO = frozenset({"to", "with"})
_BACKING = frozenset({"backing", "supporting", "defending", "serving"})  # "forces backing X"
# A side that holds no power in the state: its troops are no longer the state's
_OUT_OF_POWER = frozenset(
    """former ousted deposed exiled toppled overthrown rival renegade rebel opposition
    dissident late ex""".split()
)
_STATE_SIDES = frozenset({"GOV", "MIL"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_MISREAD = frozenset({"VBD", "VBN", "JJ"})  # "allied", "loyal" read as the main verb


def allegiance_mentions(doc: Doc, mentions: list[Mention], kb: Knowledge) -> list[Mention]:
    """The mentions with each phrase of armed people described by their side made one
    mention of an armed group (replacing a mention of its head noun alone), or, set off
    after a named group the knowledge does not place, the named group's mentions made
    armed."""
    out = list(mentions)
    if not indices_where(doc, LOWER, _SIDING | _BACKING):
        return out  # most reports tell no one's side: no need to read every noun
    for tok in (doc[i] for i in nouns(doc)):
        sided = _sided(tok, kb)
        if sided is None:
            continue
        sector, side = sided
        ally = side[-1].idx  # where the side is named: resolved before the group
        start = min(t.i for t in tok.subtree if t.i <= tok.i)
        named = _named_before(doc, start, tok, out)
        if named:  # a group the knowledge does not place: armed, of its side's country
            end = tok.sent.end_char
            armed = {
                m: replace(m, sector=sector, ally=ally, scene_end=end) if m.country is None else m
                for m in named
            }
            out = [armed.get(m, m) for m in out if m in named or not m.start <= tok.idx < m.end]
            out += _whole(doc, armed[min(named, key=lambda m: m.end)], side[-1], out)
            continue
        mention = span_mention(doc, start, side[-1].i + 1, MentionKind.ORG, ActorKind.ORG)
        mention = replace(
            mention,
            sector=sector,
            name=UNNAMED_ARMED,
            anonymous=True,
            ally=ally,
            scene_end=tok.sent.end_char,
        )
        out = [m for m in out if not m.start <= tok.idx < m.end] + [mention]
    return sorted(out, key=lambda m: m.start)


def allied(m: Mention, done: list[tuple[Mention, Actor]], scene: str | None) -> Mention:
    """An armed group described by its side, with the country and sector it has: the
    side's country (where it acts, for a side that is a country), its sector armed
    rebels unless the side holds the state."""
    side = _actor_at(m.ally, done)
    own = side.country if side is not None and side.kind is not ActorKind.COUNTRY else None
    country = own or scene or (side.country if side is not None else None)
    sector = m.sector
    if sector == "MIL" and (side is None or side.sector not in _STATE_SIDES):
        sector = "REB"  # "forces loyal to the rebel commander"
    if m.name != UNNAMED_ARMED:  # a named group: its own name, now armed and placed
        return replace(m, country=m.country or country, sector=sector, ally=None)
    if country is None:
        return replace(m, sector=sector, ally=None)
    return replace(m, kind=MentionKind.INSTITUTION, country=country, sector=sector, ally=None)


def _actor_at(offset: int | None, done: list[tuple[Mention, Actor]]) -> Actor | None:
    """The actor of the narrowest mention resolved so far holding the offset."""
    holding = [(pm, a) for pm, a in done if offset is not None and pm.start <= offset < pm.end]
    if not holding:
        return None
    return min(holding, key=lambda pair: pair[0].end - pair[0].start)[1]


def _sided(tok: Token, kb: Knowledge) -> tuple[str, list[Token]] | None:
    """The sector of armed people headed by `tok` and the tokens naming their side, when
    the phrase says whose side they are on."""
    sector = _armed_sector(tok, kb)
    side = _side(tok) if sector is not None else None
    if sector is None or not side:
        return None
    if sector == "MIL" and any(fold(t.text) in _OUT_OF_POWER for t in side):
        sector = "REB"  # "troops loyal to the ousted president"
    return sector, side


def _armed_sector(tok: Token, kb: Knowledge) -> str | None:
    """ "militia", "armed group", "fighters" REB; "troops", "forces" MIL; "gunmen",
    "armed men" REB; else None."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    start = min((c.i for c in mods), default=tok.i)
    words = [fold(t.text) for t in tok.doc[start : tok.i + 1]]
    for forms in (words, [*words[:-1], fold(tok.lemma_)]):
        for k in range(len(forms)):
            inst = kb.institution_at(forms, k)
            if inst is not None and k + inst[1] == len(forms):
                sector = inst[0].sector
                return sector if sector in ("REB", "MIL") else None
    word = fold(tok.text)
    if word in kb.armed.get("armed_nouns", ()):
        return "REB"
    marks = kb.armed.get("armed_marks", frozenset())
    if word in kb.armed.get("armed_people", ()) and any(fold(m.text) in marks for m in mods):
        return "REB"  # "armed men loyal to X"
    return None


def _side(tok: Token) -> list[Token]:
    """The tokens naming the side of armed people: "loyal to X", "aligned with X",
    "backing X"; also where the parser read "allied" as the sentence's verb ("Fighters
    allied to X shelled ...")."""
    for child in tok.children:
        word = fold(child.text)
        if child.dep_ in ("amod", "acl") and word in _SIDING:
            return _object_of(child)
        if child.dep_ == "acl" and word in _BACKING:
            return [t for c in child.children if c.dep_ == "dobj" for t in c.subtree]
    verb = tok.head
    misread = tok.dep_ == "nsubj" and fold(verb.text) in _SIDING and verb.tag_ in _MISREAD
    if misread and any(_predicate(c, verb) for c in verb.children):
        return _object_of(verb)
    return []


def _predicate(child: Token, verb: Token) -> bool:
    """Whether a clause after a misread verb of siding is the sentence's real predicate
    (a verb with no subject of its own: "Fighters allied to X shelled the town")."""
    return (
        child.dep_ in ("ccomp", "conj", "advcl")
        and child.i > verb.i
        and child.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
    )


def _object_of(word: Token) -> list[Token]:
    """What "to" or "with" after a word of siding names: the preposition's object, else
    the words after it up to a verb (the parser may hang the name elsewhere)."""
    prep = next((c for c in word.children if c.dep_ == "prep" and c.lower_ in _TO), None)
    if prep is None:
        return []
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is not None:
        return list(obj.subtree)
    after = []
    for t in prep.doc[prep.i + 1 : prep.sent.end]:
        if t.pos_ in ("VERB", "AUX", "PUNCT"):
            break
        after.append(t)
    return after if after and after[-1].pos_ in _NOUNS else []


def _whole(doc: Doc, name: Mention, last: Token, mentions: list[Mention]) -> list[Mention]:
    """The mention of a name with its description ("the Lake Brigade, a militia loyal to
    X"), when the appositive reading did not make it."""
    end = last.idx + len(last.text)
    if any(m.start == name.start and m.end == end for m in mentions):
        return []
    whole = doc.char_span(name.start, end, alignment_mode="expand")
    return [replace(name, end=end, text=whole.text)] if whole is not None else []


def _named_before(doc: Doc, start: int, tok: Token, mentions: list[Mention]) -> list[Mention]:
    """The mentions of a named group that a description set off after it follows ("the
    Lake Brigade, a militia ..."): its appositive, or the words right after its name and
    a comma, however the parser hung them."""
    if tok.dep_ == "appos":
        at = tok.head.idx
    elif start >= 2 and doc[start - 1].text == ",":
        at = doc[start - 2].idx
    else:
        return []
    return [m for m in mentions if m.kind is MentionKind.ORG and m.name and m.start <= at < m.end]
