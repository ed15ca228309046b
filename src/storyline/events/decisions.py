"""Decisions of a body told as measures: force decided against someone, and sanctions.

Three classes of sentences. Force a body resolves, decides, votes or approves to use
against someone ("the alliance voted to launch air strikes against the militia", "the
council approved military action against the regime", "the summit decided that troops
would be sent against the mutineers"), or says will be used, with no one else named
to use it, unless they act ("armed force will be used against the rebels if they do
not withdraw by Friday, the bloc said", "warned the generals that they would face
military action unless ...") is a threat of force by the deciding body against them
(an ultimatum when it is held over a condition), not the attack itself. A sanction
decided ("the ministers agreed to freeze the generals' accounts") or told in the
passive as what will be done ("the officers would be barred from all bank
transactions, the union said") is the sanction itself, not a promise of it: the doer
is the deciding body (`reactions.sanctioner` for a passive one). The closing of
borders a body endorses or approves ("the members backed the sealing of all frontiers
with Eritrea") is a sanction by that body against the country the borders are shared
with. The verb of deciding itself ("agreed", "resolved") is no act of its own there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from storyline.actors.phrases import unique
from storyline.events.acts import Act, reported_acts
from storyline.events.frames import Frame, Framer
from storyline.events.lexicon import Trigger
from storyline.records import Actor

# Verbs by which a body decides an act of its own ("resolved to", "decided that ...
# would", "voted to", "approved military action").
DECIDING = frozenset(
    "resolve decide vote agree determine authorize authorise approve endorse adopt mandate".split()
)
# Verbs by which a body approves a measure named as a noun ("endorsed the closure of");
# their lexicon entries (data/events.yaml) name the nouns of closing.
_APPROVING = frozenset("approve endorse back adopt".split())
_FORCE = frozenset({"ASSAULT", "MOBILIZE"})
# Verbs whose subject is to undergo the act their object names ("will face military action").
_FACING = frozenset({"face", "risk", "incur"})
# Shutting people out of dealings or travel ("barred from all bank transactions").
_BARRING = frozenset("bar ban exclude".split())
_DEALINGS = frozenset(
    "transaction trade travel business dealing banking payment transfer export import".split()
)
_WILL = frozenset({"will", "would", "shall", "'ll"})
_OBJECTS = ("dobj", "nsubjpass")
_CONDITIONS = frozenset({"if", "unless"})
_AIMED = frozenset({"against", "on"})
# Nouns of closing a border ("the closure of all borders with X").
_CLOSING = frozenset("closure closing shutting shutdown sealing".split())
_BORDERS = frozenset("border frontier airspace crossing boundary".split())


@dataclass(frozen=True, slots=True)
class Decision:
    """What a word in a body's decision reports: its acts, and their frame when the
    decision gives it (else the coder reads it from the clause)."""

    acts: tuple[Act, ...]
    frame: Frame | None = None


def decided(token: Token, trigger: Trigger, framer: Framer) -> Decision | None:
    """How a trigger told in a body's decision is coded, or None when it is told in no
    decision (the coder's usual reading applies)."""
    if trigger.type in _FORCE and not trigger.reciprocal:
        return _force(token, trigger, framer)
    if token.pos_ == "VERB" and _barred(token):  # "were barred from all bank dealings"
        trigger = replace(trigger, type="SANCTION", cameo="163", mode="discontinue")
        kb, lexicon = framer.kb, framer.lexicon
        found = _sanction(token, trigger, framer)
        return found or Decision(
            tuple(reported_acts(token, trigger, kb, lexicon)) if lexicon else ()
        )
    if trigger.type == "SANCTION" and token.pos_ == "VERB" and _is(token, _APPROVING):
        return _closing(token, trigger, framer) or Decision(())  # "endorsed the closure of"
    if trigger.type == "SANCTION":
        return _sanction(token, trigger, framer)
    if token.pos_ in ("VERB", "AUX"):
        return _decider(token, framer)
    return None


def _force(token: Token, trigger: Trigger, framer: Framer) -> Decision | None:
    """ "resolved to take military action against X", "troops would be sent against X
    unless ...": a threat of force by the deciding body against X."""
    verb = _verb_of(token)
    if verb is None:
        return None
    decider, condition = _deciding(token, verb, framer)
    if decider is None:  # "the junta faces military action": no one's act told
        return Decision(()) if _is(verb, _FACING) and token is not verb else None
    if _negated(verb, decider):
        return Decision(())
    own = framer.frame(token, trigger) if not _is(verb, _FACING) else None
    targets = (
        (list(own.targets) if own else [])  # "voted to strike X": the act's own recipient
        or _facing(verb, framer)  # "they will face military action": they
        or _aimed_at(token, verb, framer)
        or _conditioned(condition, framer)
    )
    if not targets:  # "decided to deploy troops in Mali": a deployment, aimed at no one
        return None
    sources = _subject(decider, framer)
    targets = [t for t in targets if sources and t.actor_id != sources[0].actor_id]
    lexicon = framer.lexicon
    threat = (
        lexicon.intended(replace(trigger, type="ASSAULT"), False, condition is not None)
        if lexicon
        else None
    )
    if not sources or not targets or threat is None:
        return Decision(())
    frame = Frame(source=sources[0], targets=tuple(targets))
    return Decision((Act(threat, said=True),), frame)


def _deciding(token: Token, verb: Token, framer: Framer) -> tuple[Token | None, Token | None]:
    """The verb of the decision an act of force is told in, and its condition: "resolved
    to launch", "decided that troops would be sent", "approved military action"; "will
    be used ... unless they withdraw, the bloc said" when held over a condition."""
    condition = _condition(verb)
    if token is not verb and token.dep_ == "dobj" and _is(verb, DECIDING):
        return verb, condition  # "approved military action against X"
    head, told = _teller(verb)
    if head is None or (not _is(head, DECIDING) and not framer.kb.speaks(head)):
        return None, None
    if verb.dep_ in ("xcomp", "advcl") and _to(verb) and _is(head, DECIDING):
        return head, condition
    if told and _will(verb) and _is(head, DECIDING):
        return head, condition
    if told and _will(verb) and _agentless(verb) and (condition or _is(verb, _FACING)):
        return head, condition  # "force will be used against X unless ..., the bloc said"
    return None, None


def _teller(verb: Token) -> tuple[Token | None, bool]:
    """The verb a clause is told or decided by, and whether it is its "that" clause:
    "said (that) X would ...", also when parsed as a clause of the addressee ("warned
    the generals that they would face ...")."""
    head = verb.head
    if head.i == verb.i:
        return None, False
    if verb.dep_ == "acl" and any(m.lower_ == "that" for m in verb.children if m.dep_ == "mark"):
        return (head.head, True) if head.head.pos_ in ("VERB", "AUX") else (None, False)
    return head, verb.dep_ == "ccomp"


def _agentless(verb: Token) -> bool:
    """A passive that names no doer ("troops will be sent"), or an act someone is to
    face ("they will face military action"): the act is the teller's."""
    if _is(verb, _FACING):
        return True
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    return passive and not any(c.dep_ in ("nsubj", "agent") for c in verb.children)


def _facing(verb: Token, framer: Framer) -> list[Actor]:
    """Who is to face an act ("they will face military action")."""
    if not _is(verb, _FACING):
        return []
    return [a for c in verb.children if c.dep_ == "nsubj" for a in framer.phrases.actors_of(c)]


def _sanction(token: Token, trigger: Trigger, framer: Framer) -> Decision | None:
    """ "agreed to freeze the assets of X", "X would be barred from all transactions, the
    bloc said": the sanction itself, framed as the clause tells it."""
    verb = _verb_of(token)
    if verb is None or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ in ("xcomp", "advcl") and _to(verb) and _is(head, DECIDING):
        return Decision(() if _negated(verb, head) else (Act(trigger),))
    # "would be barred", "their assets would be frozen" (a passive adjective)
    passive = token.pos_ == "ADJ" or any(c.dep_ == "nsubjpass" for c in verb.children)
    agent = any(c.dep_ == "agent" for c in verb.children)
    told = _is(head, DECIDING) or framer.kb.says(head)
    if verb.dep_ == "ccomp" and passive and not agent and _will(verb) and told:
        return Decision(() if _negated(verb, head) else (Act(trigger),))
    return None


def _barred(verb: Token) -> bool:
    """ "would be barred from all financial transactions", "banned them from trade with
    the bloc": people shut out of dealings or travel."""
    return _is(verb, _BARRING) and any(
        prep.dep_ == "prep" and prep.lower_ == "from" and g.lemma_.lower() in _DEALINGS
        for prep in verb.children
        for g in prep.children
    )


def _closing(verb: Token, trigger: Trigger, framer: Framer) -> Decision | None:
    """ "endorsed the closure of all borders with X", "backed sealing every crossing
    linking X with its members": a sanction by the subject against the other country
    the borders are shared with."""
    for noun in verb.children:
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in _CLOSING:
            continue
        if not any(t.lemma_.lower() in _BORDERS for t in noun.subtree):
            continue
        sources = _subject(verb, framer)
        targets = [  # "borders with X", "every border linking X with its members"
            a
            for t in noun.subtree
            if t.dep_ in ("pobj", "dobj") and t.i != noun.i
            for a in framer.phrases.actors_of(t)
            if sources and a.actor_id != sources[0].actor_id
        ]
        if sources and targets:
            frame = Frame(source=sources[0], targets=tuple(unique(targets)))
            return Decision((Act(trigger),), frame)
    return None


def _decider(verb: Token, framer: Framer) -> Decision | None:
    """A verb of deciding whose complement is a measure decided ("agreed to impose
    sanctions on X", "resolved to take military action"): no act of its own; one whose
    object is the measure ("endorsed sanctions against X") tells the measure."""
    lexicon = framer.lexicon
    if lexicon is None or not _is(verb, DECIDING):
        return None
    for clause in verb.children:
        if clause.dep_ not in ("xcomp", "advcl", "ccomp", "dobj"):
            continue
        own = lexicon.triggers_for(clause)
        # the measure is the clause's own act, or the object of a verb of no act of its
        # own ("agreed to take military action"), not what another act is done to
        # ("agreed to lift the sanctions")
        parts = [clause] if own else [clause, *(c for c in clause.children if c.dep_ in _OBJECTS)]
        for tok in parts:
            triggers = own if tok is clause else lexicon.triggers_for(tok)
            kind = triggers[0].type if triggers else None
            if kind == "SANCTION" and tok is clause and clause.dep_ == "dobj":
                return Decision((Act(triggers[0]),))  # "endorsed sanctions against X"
            if kind == "SANCTION" or (kind in _FORCE and _force(tok, triggers[0], framer)):
                return Decision(())
    return None


# -- the clause --------------------------------------------------------------------------


def _verb_of(token: Token) -> Token | None:
    """The verb that tells an act: itself, or the verb a noun of the act is the object
    or passive subject of ("take military action", "troops would be sent")."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    if token.dep_ in ("dobj", "nsubjpass", "acomp") and token.head.pos_ in ("VERB", "AUX"):
        return token.head  # "were frozen" read as an adjective: its "be"
    return None


def _condition(verb: Token) -> Token | None:
    """The "if" or "unless" clause an act is held over."""
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in clause.children
        ):
            return clause
    return None


def _conditioned(condition: Token | None, framer: Framer) -> list[Actor]:
    """Who a condition is on ("unless the junta steps down")."""
    if condition is None:
        return []
    for subject in condition.children:
        if subject.dep_ in ("nsubj", "nsubjpass"):
            return framer.phrases.actors_of(subject)
    return []


def _aimed_at(token: Token, verb: Token, framer: Framer) -> list[Actor]:
    """Whom an act of force is aimed at: its "against" or "on" phrase."""
    found: list[Actor] = []
    for head in unique_tokens(token, verb):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in _AIMED:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        found += framer.phrases.actors_of(pobj)
    return unique(found)


def unique_tokens(*tokens: Token) -> list[Token]:
    """The tokens, each once, in the order given."""
    out: list[Token] = []
    for tok in tokens:
        if all(t.i != tok.i for t in out):
            out.append(tok)
    return out


def _subject(verb: Token, framer: Framer) -> list[Actor]:
    """Who decides: the subject of the verb of deciding, or of the verb it is joined to
    ("met and resolved to ...")."""
    for node in (verb, verb.head):
        for child in node.children:
            if child.dep_ == "nsubj":
                return framer.phrases.actors_of(child)
            if child.dep_ == "agent":
                return [a for g in child.children for a in framer.phrases.actors_of(g)]
        if verb.dep_ not in ("conj", "xcomp"):
            break
    return []


def _negated(*nodes: Token) -> bool:
    return any(c.dep_ == "neg" for node in nodes for c in node.children)


def _will(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children)


def _to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is(token: Token, words: frozenset[str]) -> bool:
    return token.lemma_.lower() in words
