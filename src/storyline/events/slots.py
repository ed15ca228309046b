"""Where the phrases around a trigger stand in the parse: the fillers of its argument
slots (the prepositions `events.yaml` names), the verb whose clause a noun sits in, and
the marks of a pair acting on each other ("both", "each other").
"""

from __future__ import annotations

from spacy.tokens import Token

BOTH = frozenset({"both", "two"})  # "both sides", "the two"
SLOT_PREPS = frozenset(
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


def bare_two(token: Token) -> bool:
    """ "The two discussed ...", "Both said ...": "two" or "both" standing alone."""
    return any(
        c.dep_ == "nsubj" and c.lower_ in BOTH and c.pos_ in ("NUM", "DET", "PRON")
        for c in token.children
    )


def at_each_other(token: Token) -> bool:
    """ "blame the other", "accused each other", "attacked one another"."""
    slots = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    slots += [g for c in token.children if c.dep_ == "prep" for g in c.children]
    return any(c.lower_ == "other" and c.dep_ in ("dobj", "dative", "pobj") for c in slots)


def slot_heads(token: Token, name: str) -> list[Token]:
    """The phrases filling an argument slot of a trigger (see events.yaml, `targets`)."""
    if name == "dobj":
        return [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if name == "clause":  # "allowed X to run", "ordered that X appear": who is to act
        return [
            s
            for c in token.children
            if c.dep_ in ("ccomp", "xcomp")
            for s in c.children
            if s.dep_ == "nsubj"
        ]
    if name == "dative":
        heads = [c for c in token.children if c.dep_ == "dative"]
        return heads + [
            g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"
        ]
    if name in SLOT_PREPS:
        return [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == name and not _co_doer(c)
            for g in c.children
            if g.dep_ in ("pobj", "pcomp")
        ]
    return []


def _co_doer(prep: Token) -> bool:
    """ "chaired the meeting together with X": X acts beside the doer; it is no party
    the act is with."""
    return prep.i > 0 and prep.doc[prep.i - 1].lower_ in ("together", "along", "jointly")


def clause_of(token: Token) -> list[Token]:
    """The words of the clause that tells an act: a verb's own, or those of the verb a
    noun of the act hangs on ("launched an attack on X")."""
    return list(token.subtree) if token.pos_ != "NOUN" else list(token.head.subtree)


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause a noun sits in."""
    head = token
    for _ in range(6):
        if head.head.i == head.i:
            return head if head.pos_ in ("VERB", "AUX") else None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def run_on(verb: Token) -> Token | None:
    """The clause a finite verb with no subject of its own continues, when the parser
    hung it loosely on a verb before it ("overran a base, then launched an attack on X",
    "the army shelled the town; stormed it at dawn"): the nearest finite verb before it
    under that verb, whose subject it shares as a coordinated verb does; else None."""
    if (
        verb.dep_ not in ("dep", "parataxis")
        or verb.tag_ not in _FINITE
        or verb.head.pos_ != "VERB"
        or verb.head.i > verb.i
        or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    ):
        return None
    doc = verb.doc
    before = (doc[i] for i in range(verb.i - 1, verb.head.i, -1))
    return next((t for t in before if t.pos_ == "VERB" and t.tag_ in _FINITE), verb.head)
