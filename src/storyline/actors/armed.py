"""Unnamed armed people: doers news describes without a name or a country ("masked
gunmen", "a group of armed men", "individuals carrying rifles") are an armed group of
the country where they act; a country's soldiers acting as a band or with a mark of
mutiny ("a band of army officers", "renegade soldiers", "the mutineers") are that
country's military. The word lists are organisations.yaml's `armed_*` lists.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import Mention, MentionKind, span_mention
from storyline.actors.names import fold
from storyline.records import ActorKind

UNNAMED_ARMED = "Unnamed armed group"
UNNAMED_SOLDIERS = "Unnamed soldiers"
_DEFINITE = frozenset({"the", "these", "those"})
_NAMED = frozenset({"GPE", "NORP", "ORG", "PERSON"})  # a phrase naming whose people they are


def armed_mentions(doc: Doc, kb: Knowledge) -> list[tuple[int, int, Mention]]:
    """Each noun phrase of unnamed armed people or a band of soldiers, as the tokens
    [start, end) of its mention: the phrase up to its head, with the band's members and
    the gear that arms them, without its relative clause."""
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.dep_ == "compound":
            continue
        sector, parts = _armed(tok, kb)
        if sector is None or _named(doc, tok, parts):
            continue
        start = min(t.i for t in tok.subtree)
        end = max([tok.i, *(t.i for p in parts for t in p.subtree)]) + 1
        mention = span_mention(doc, start, end, MentionKind.ORG, ActorKind.ORG, sector=sector)
        name = UNNAMED_SOLDIERS if sector == "MIL" else UNNAMED_ARMED
        definite = doc[start].lower_ in _DEFINITE  # "the gunmen": those told of before
        mention = replace(mention, name=name, anonymous=True, definite=definite)
        out.append((start, end, replace(mention, scene_end=_end(tok))))
    return out


def _armed(tok: Token, kb: Knowledge) -> tuple[str | None, list[Token]]:
    """The sector of a phrase of armed people headed by `tok` ("REB" armed, "MIL" soldiers
    on their own) and the children that make it so, or (None, [])."""
    word = fold(tok.text)
    members = _members(tok) if word in kb.armed["band_nouns"] else []
    if members:
        sector, _ = _armed(members[0], kb)
        if sector is None and _soldiers(members[0], kb):
            sector = "MIL"  # "a band of army officers": soldiers as a band
        return sector, ([members[0].head] if sector else [])
    if word in kb.armed["mutineer_nouns"]:
        return "MIL", []
    if word in kb.armed["soldier_nouns"]:
        return ("MIL", []) if _marked(tok, kb.armed["mutiny_marks"]) else (None, [])
    if word in kb.armed["armed_nouns"]:
        return "REB", []
    if word in kb.armed["armed_people"]:
        if _marked(tok, kb.armed["armed_marks"]):
            return "REB", []
        gear = _gear(tok, kb)
        if gear:
            return "REB", gear
    return None, []


def _marked(tok: Token, marks: frozenset[str]) -> bool:
    """Whether a modifier before the noun is one of `marks` ("masked men")."""
    return any(c.dep_ in ("amod", "compound") and fold(c.text) in marks for c in tok.children)


def _soldiers(tok: Token, kb: Knowledge) -> bool:
    return fold(tok.text) in kb.armed["soldier_nouns"] | kb.armed["mutineer_nouns"]


def _members(tok: Token) -> list[Token]:
    """ "a group of X": X."""
    return [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _gear(tok: Token, kb: Knowledge) -> list[Token]:
    """What arms people, after them: "men in masks", "men with rifles", "people carrying
    weapons" (the preposition or the verb)."""
    gear = kb.armed["armed_gear"]
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "with"):
            held = "pobj"
        elif c.dep_ == "acl" and c.tag_ == "VBG":
            held = "dobj"
        else:
            continue
        if any(fold(g.text) in gear for g in c.children if g.dep_ == held):
            out.append(c)
    return out


def _named(doc: Doc, tok: Token, parts: list[Token]) -> bool:
    """Whether the phrase names whose people they are ("Serbian gunmen", "the army's
    officers"), which other rules read."""
    tokens = [t for t in tok.subtree if t.i <= tok.i] + [t for p in parts for t in p.subtree]
    return any(t.ent_type_ in _NAMED or t.dep_ == "poss" for t in tokens)


def _end(tok: Token) -> int:
    """Where the phrase's sentence ends (a character offset)."""
    sent: Span = tok.sent
    return sent.end_char
