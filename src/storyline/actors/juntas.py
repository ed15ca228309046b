"""Coup-makers: soldiers named by the coup they make ("soldiers who seized power",
"officers who staged the putsch", "troops that toppled the president", "the army
officers behind the coup") are their country's military, as "the junta", "the
putschists" and "the coup leaders" are; the country is where the coup happens or
whose ruler it deposes ("ousted the president of X"). A junta's words with that
country after them ("the junta in X", "the coup leaders of X") are one mention of it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from storyline.actors.collectives import country_at
from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import Mention, MentionKind, span_mention
from storyline.actors.names import fold
from storyline.nlp.text import indices_where
from storyline.records import ActorKind

__all__ = ["coup_country", "junta_mentions", "makes_coup"]

# (verbs, their objects) that make a coup: "seized power", "staged a putsch", "ousted
# the president"
_COUP_ACTS = (
    (frozenset({"seize", "take", "grab", "usurp", "assume"}), frozenset({"power"})),
    (
        frozenset({"stage", "launch", "mount", "lead", "carry", "orchestrate", "attempt"}),
        frozenset({"coup", "putsch", "takeover", "mutiny", "overthrow"}),
    ),
    (
        frozenset({"oust", "topple", "overthrow", "depose", "unseat", "detain", "remove"}),
        frozenset({"president", "government", "premier", "king", "ruler", "regime"}),
    ),
)
_BEHIND = frozenset({"behind", "in"})  # "the officers behind the coup"
_COUPS = frozenset({"coup", "putsch", "takeover", "mutiny"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_RELATIVE = frozenset({"relcl", "acl"})
# words of a phrase that says its armed body holds power by a coup
_JUNTA_WORDS = frozenset({"junta", "juntas", "putschists", "coup", "rulers", "regime"})
_OF_COUNTRY = frozenset({"in", "of"})


def makes_coup(tok: Token) -> bool:
    """Whether the people a noun names make a coup: the subject of a coup act, or
    described by one in a relative clause ("soldiers who seized power") or a phrase
    ("the officers behind the coup")."""
    return any(_coup_act(v) for v in _acts_of(tok)) or any(
        c.dep_ == "prep"
        and c.lower_ in _BEHIND
        and any(fold(g.lemma_) in _COUPS for g in c.children if g.dep_ == "pobj")
        for c in tok.children
    )


def coup_country(tok: Token, kb: Knowledge) -> str | None:
    """The country the coup a noun's people make is named in: the first country in
    the act's words ("detained the president of X", "seized power in X")."""
    for verb in _acts_of(tok):
        if not _coup_act(verb):
            continue
        for t in verb.subtree:  # any name: the tagger may miss a country ("in Niger")
            if t.ent_iob_ in ("B", "O") and t.text[:1].isupper():
                named = country_at(tok.doc, t.i, kb)
                if named is not None:
                    return named[0]
    return None


def junta_mentions(doc: Doc, kb: Knowledge) -> list[tuple[int, int, Mention]]:
    """Each definite junta phrase followed by its country ("the junta in X", "the coup
    leaders of X") as one mention of that country's military, with the tokens it claims:
    its own words, not the country's, which stays a mention of its own."""
    out: list[tuple[int, int, Mention]] = []
    if not indices_where(doc, LOWER, _JUNTA_WORDS):
        return out  # most reports name no junta: no need to read every "the"
    for i in indices_where(doc, LOWER, ("the",)):
        tok = doc[i]
        if not 0 < tok.head.i - tok.i <= 3:
            continue
        head = tok.head
        words = [fold(t.text) for t in doc[tok.i + 1 : head.i + 1]]
        inst = kb.institution_at(words, 0)
        if inst is None or inst[1] != len(words) or inst[0].sector != "MIL":
            continue
        found = _country_after(head, kb) if _JUNTA_WORDS & set(words) else None
        if found is not None:
            mention = span_mention(doc, tok.i, found[1], MentionKind.INSTITUTION, ActorKind.ORG)
            out.append((tok.i, head.i + 1, replace(mention, country=found[0], sector="MIL")))
    return out


def _country_after(head: Token, kb: Knowledge) -> tuple[str, int] | None:
    """ "... in X", "... of X": the country named right after the preposition, and the
    token after it."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _OF_COUNTRY or prep.i != head.i + 1:
            continue
        named = country_at(head.doc, prep.i + 1, kb) if prep.i + 1 < len(head.doc) else None
        if named is not None:
            return named[0], prep.i + 1 + named[1]
    return None


def _acts_of(tok: Token) -> list[Token]:
    """The verbs whose doer a noun names: the verb it is the subject of (and verbs
    coordinated with it), or the verb of a relative clause on it."""
    verbs = [c for c in tok.children if c.dep_ in _RELATIVE and c.pos_ == "VERB"]
    if tok.dep_ in _SUBJECTS:
        verbs.append(tok.head)
    return verbs + [c for v in verbs for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]


def _coup_act(verb: Token) -> bool:
    """Whether a verb with its object is an act of a coup."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    said = {fold(verb.lemma_), _FORMS.get(fold(verb.text), "")}  # the lemmatiser: "stag"
    for verbs, things in _COUP_ACTS:
        if said & verbs and any(_names(o, things) for o in objects):
            return True
    return False


def _forms(verb: str) -> dict[str, str]:
    """The regular inflections of a verb, to the verb."""
    stem = verb[:-1] if verb.endswith("e") else verb
    past = verb + "d" if verb.endswith("e") else verb + "ed"
    return {verb + "s": verb, past: verb, stem + "ing": verb}


_IRREGULAR = {"took": "take", "taken": "take", "led": "lead", "overthrew": "overthrow"}
_FORMS = {f: v for verbs, _ in _COUP_ACTS for v in verbs for f, v in _forms(v).items()}
_FORMS.update(_IRREGULAR)


def _names(obj: Token, things: frozenset[str]) -> bool:
    """Whether an object, or a title before it, is one of `things` ("President X")."""
    return fold(obj.lemma_) in things or any(
        c.dep_ == "compound" and fold(c.lemma_) in things for c in obj.children
    )
