"""Whom a request or a proposal of an act is aimed at when it addresses no one: the
parties of the act asked for or proposed.

"Peru asked for a meeting with Chile", "Bolivia's proposal to restart negotiations with
Paraguay": the meeting's other party. "Ghana called for the presidents of Mali and Niger
to hold talks", "Argentina asked for the two ministers to meet": whoever is to act, less
the side asking. "Senegal called for order to be restored in Gambia": the country where
the act is asked for. A stated readiness to act ("affirmed its readiness to continue
dialogue with X") is aimed the same way.

A demand to undo an act that names no one to undo it ("Chile demanded that the
journalists be freed", "called for the detained mayor to be released", "urged that the
deposed governor be reinstated", "demanded the release of the hostages") is aimed at
whoever did the act undone: the doer of the detention, abduction or ouster of those
named that the article told before, else of the last detention it told (of the last
coercion, for a reinstatement); else at no one ("Senegal called for order to be
restored in Gambia": at the country where it is asked for, as above); in a report on
a coup, at its junta (see coups.py).

A request to the parties of a conflict as a group is aimed at each (see warring.py);
to "the members" of no body named, at the body told last; to a "them" the pronoun
reading leaves unread ("addressed the gunmen, urging them to surrender"), at the group
the clause speaks to or of, else the one named last before (of those told attacking).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from storyline.actors.phrases import Phrases, unique
from storyline.events.coups import junta, order_returned
from storyline.events.lexicon import Trigger
from storyline.events.warring import addressees, warring_parties
from storyline.records import Actor, ActorKind, Event

# Statements that ask for or put forward an act of others.
_ASKING = frozenset({"REQUEST", "AGREE"})
# How an act asked for names its parties: "talks with X", "a meeting between X and Y",
# "to be restored in X".
_PARTIES = frozenset({"with", "between", "of", "in"})
_CLAUSES = frozenset({"xcomp", "ccomp", "advcl", "acl"})
# Acts that undo holding or removing someone ("be freed", "the release of", "be
# reinstated"), and the modes of the acts they undo.
_UNDOING = frozenset("free release reinstate restore".split())
_UNDOING_NOUNS = frozenset("release freeing reinstatement restoration".split())
_HOLDING = frozenset({"arrest", "abduct", "seize"})
_RESTORING = frozenset({"reinstate", "restore"})  # undo an ouster: any coercion told
_HARM = frozenset({"COERCE", "ASSAULT"})


def requested_parties(
    token: Token,
    trigger: Trigger,
    source: Actor,
    phrases: Phrases,
    events: Sequence[Event] | None = None,
) -> tuple[Actor, ...]:
    """The parties of the act a request or a proposal is about, other than its source
    and the source's country; for a demand to undo an act, its doer (among `events`,
    those told before); none for any other trigger."""
    if trigger.type not in _ASKING:
        return ()
    undone = _undoings(token) if trigger.type == "REQUEST" else []
    doers = _undoer(undone, source, events or (), phrases) if undone else ()
    unnamed = all(d.country is None for d in doers)  # "soldiers" of no country held him
    if unnamed and (undone or order_returned(token)):  # "... be restored": the junta
        doers = junta(token, undone, source, phrases, events or ()) or doers
    if doers:
        return doers
    if trigger.type == "REQUEST":  # "urged all sides to ...": the conflict's parties
        doers = (
            warring_parties(token, source, phrases, events or ())
            or _members(token, source, phrases)
            or _them(token, source, phrases, events or ())
        )
        if doers:
            return doers
    found: list[Actor] = []
    for asked in _asked(token):
        found += _parties(asked, phrases)
        if found:
            break
    return tuple(a for a in unique(found) if not _same_side(a, source))


def _members(token: Token, source: Actor, phrases: Phrases) -> tuple[Actor, ...]:
    """ "urged the members to stand together", "charged member states to apply the
    sanctions": members of no body named are those of the body told last before."""
    if not any(_of_no_body(t) for t in addressees(token)):
        return ()
    told = [
        actor
        for m in phrases.actors.mentions
        if m.evidence.end <= token.idx
        and (actor := phrases.actors.actor(m.actor_id)) is not None
        and actor.sector == "IGO"
        and actor.actor_id != source.actor_id
    ]
    return tuple(told[-1:])


def _of_no_body(tok: Token) -> bool:
    """ "the members", "member states", "the member countries": with no "of X" or "X's"."""
    member = tok.lemma_.lower() == "member" or any(
        c.dep_ == "compound" and c.lemma_.lower() == "member" for c in tok.children
    )
    named = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children)
    return member and tok.tag_ == "NNS" and not named


def _them(
    token: Token, source: Actor, phrases: Phrases, events: Sequence[Event]
) -> tuple[Actor, ...]:
    """ "addressed the gunmen, urging them to surrender", "'These men came to fight,' he
    said, urging them to give up": a "them" asked that the pronoun reading leaves
    unread (it looks to the speaker) is the group the clause speaks to or of, else the
    group named last in the sentence or the two before it; not the one asking."""
    if not any(t.lower_ == "them" for t in addressees(token)):  # "urged them", "called on them"
        return ()
    told = token.head if token.dep_ in ("advcl", "conj", "xcomp") else token
    near = [c for c in told.children if c.dep_ == "dobj"]
    near += [g for c in told.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
    for phrase in near:
        found = [a for a in phrases.actors_of(phrase) if _a_group(a, source)]
        if found:
            return tuple(found)
    return _named_last(token, source, phrases, events)


def _named_last(
    token: Token, source: Actor, phrases: Phrases, events: Sequence[Event]
) -> tuple[Actor, ...]:
    """The group named last before a word, in its sentence or the two before it: of
    those told attacking or coercing before, if any."""
    start = token.sent.start
    for _ in range(2):
        start = token.doc[max(start - 1, 0)].sent.start
    begin = token.doc[start].idx
    named = [
        actor
        for m in phrases.actors.mentions
        if begin <= m.evidence.start < token.idx
        and (actor := phrases.actors.actor(m.actor_id)) is not None
        and _a_group(actor, source)
    ]
    doers = {e.source.actor_id for e in events if e.type in _HARM}  # whom "give up" fits
    return tuple(([a for a in named if a.actor_id in doers] or named)[-1:])


def _a_group(actor: Actor, source: Actor) -> bool:
    """An organisation or group other than the one asking: what "them" may stand for."""
    return actor.kind in (ActorKind.ORG, ActorKind.GROUP) and actor.actor_id != source.actor_id


def _asked(token: Token) -> list[Token]:
    """What a request asks for: its object ("asked for a meeting"), its clause ("called
    for X to hold talks", "proposal to restart negotiations")."""
    out = [c for c in token.children if c.dep_ == "dobj"]
    out += [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    out += [c for c in token.children if c.dep_ in _CLAUSES and _infinitive(c)]
    return out


def _parties(asked: Token, phrases: Phrases) -> list[Actor]:
    """Who is to act in a clause asked for, and with whom, or where; the parties a
    meeting noun names."""
    found: list[Actor] = []
    if asked.pos_ in ("VERB", "AUX"):
        undoing = asked.lemma_.lower() in _UNDOING  # who is freed is not asked to act
        for child in asked.children:
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and not undoing):
                found += phrases.actors_of(child)
            if child.dep_ in ("nsubj", "nsubjpass", "dobj"):  # not who is released
                found += _named(child, phrases)
    found += _named(asked, phrases)
    if asked.pos_ == "NOUN" and not found:  # "readiness to continue dialogue with X"
        for clause in asked.children:
            if clause.dep_ == "acl" and _infinitive(clause):
                found += _parties(clause, phrases)
    return found


def _infinitive(clause: Token) -> bool:
    return any(a.dep_ in ("aux", "mark") and a.lower_ in ("to", "for") for a in clause.children)


def _named(head: Token, phrases: Phrases) -> list[Actor]:
    """The actors in "with X", "between X and Y", "of X", "in X" after a word."""
    return [
        actor
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in _PARTIES
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for actor in phrases.actors_of(pobj)
    ]


_CHALLENGERS = frozenset({"REB", "OPP"})  # who ask things of their own country's state


def _same_side(actor: Actor, source: Actor) -> bool:
    """The one asking, or of its country ("Chile asked for the two ministers to meet");
    rebels or an opposition asking of their own state are not on its side ("rebels
    demanded the removal of the president")."""
    if actor.actor_id == source.actor_id:
        return True
    if (source.sector in _CHALLENGERS) != (actor.sector in _CHALLENGERS):
        return False
    return source.country is not None and actor.country == source.country


def _undoings(token: Token) -> list[Token]:
    """The patients of an act of undoing a request asks for with no one named to do it:
    "that the journalists be freed", "for the mayor to be released", "the release of
    the hostages", "her immediate release"."""
    found: list[Token] = []
    for asked in (*_asked(token), *(c for c in token.children if c.dep_ == "ccomp")):
        lemma = asked.lemma_.lower()
        if asked.pos_ in ("VERB", "AUX") and lemma in _UNDOING:
            if not any(c.dep_ in ("nsubj", "agent") for c in asked.children):
                found += [c for c in asked.children if c.dep_ == "nsubjpass"]
        elif asked.pos_ == "NOUN" and lemma in _UNDOING_NOUNS:
            preps = [c for c in asked.children if c.dep_ == "prep"]
            if not any(p.lower_ == "by" for p in preps):  # "the release of X", "his release"
                found += [g for p in preps if p.lower_ == "of" for g in p.children]
                found += [c for c in asked.children if c.dep_ == "poss"]
    return [t for t in found if t.dep_ in ("nsubjpass", "pobj", "poss")]


def _undoer(
    patients: list[Token], source: Actor, events: Sequence[Event], phrases: Phrases
) -> tuple[Actor, ...]:
    """Who did the act a demand asks to undo: whoever last held or harmed those named,
    else whoever last held someone; not the side asking."""
    named = {a.actor_id for p in patients for a in phrases.actors_of(p)}
    done = [e for e in events if e.type in _HARM and not _same_side(e.source, source)]
    to_them = [e for e in done if named & {t.actor_id for t in e.targets}]
    restored = any(p.head.lemma_.lower() in _RESTORING for p in patients)
    held = [e for e in done if e.mode in _HOLDING or (restored and e.type == "COERCE")]
    last = (to_them or held)[-1:]
    return tuple(e.source for e in last)
