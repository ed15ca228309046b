"""Relative pronouns: "who", "which" or "that" as the subject of a relative clause
stands for the noun phrase the clause describes, so what the clause tells is done by the
actor that phrase names."""

from __future__ import annotations

from spacy.attrs import TAG
from spacy.tokens import Doc, Token

from storyline.actors.mention import Mention, MentionKind, span_mention
from storyline.nlp.text import indices_where
from storyline.records import Actor

_RELATIVE = frozenset({"who", "which", "that"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def relative_mentions(
    doc: Doc, resolved: list[tuple[Mention, Actor]]
) -> list[tuple[Mention, Actor]]:
    """A relative pronoun subject is a mention of the actor its antecedent's mention names
    (the narrowest holding the antecedent's head); an antecedent of several coordinated
    phrases or actors, or one no mention holds, gives none (the events stage then reads
    the antecedent's phrase through `Phrases`)."""
    out = []
    for i in indices_where(doc, TAG, _WH):
        tok = doc[i]
        noun = _antecedent(tok)
        if noun is None:
            continue
        holding = [(m, a) for m, a in resolved if m.start <= noun.idx < m.end]
        if not holding:
            continue
        width = min(m.end - m.start for m, _ in holding)
        narrowest = {a.actor_id: a for m, a in holding if m.end - m.start == width}
        if len(narrowest) != 1:  # "Chilean and Peruvian envoys": the phrase reads both
            continue
        actor = next(iter(narrowest.values()))
        pronoun = span_mention(doc, tok.i, tok.i + 1, MentionKind.PRONOUN, actor.kind)
        out.append((pronoun, actor))
    return out


def _antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun subject stands for, when it is one phrase ("Chile and
    Peru, which ...": no one mention holds both)."""
    noun = relative_antecedent(tok)
    return None if noun is None or noun.conjuncts else noun


def relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun subject stands for: the head of its clause's verb."""
    if tok.lower_ not in _RELATIVE or tok.dep_ not in _SUBJECTS or tok.tag_ not in _WH:
        return None
    verb = tok.head
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return verb.head


_WH = frozenset({"WP", "WDT"})  # "that" as a relative pronoun, not as a demonstrative
