"""What a trigger reports: an act that happened, one still to come, or none.

An act is reported when it happened. What is asked for ("urged the troops to leave"),
prevented, threatened or refused, supposed ("if goods could be shipped") or claimed
("allegations that it had played a role in ...") is not. An act its actor says it will
do ("Syria says it is ready to withdraw its troops", "the rebels said they would boycott
the vote", "Obama agreed to lift the sanctions") is not news of its own: the statement
is, which the lexicon's `intentions` code as a promise, a threat or a refusal (or the
verb of intent, "agreed", "offered", when it is a trigger of its own), and the act lends
it its parties. A plan or decision told as fact ("Finland will give Tanzania a grant",
"is scheduled to visit", "announced it would suspend aid") is coded as the act, flagged
as still to come, with the statement. "would" counts only as the
reported "will" of a verb of saying ("said they would ..."). What an actor wants or
plans to do ("wants to attack Switzerland") is coded as the statement only. A verb of
saying whose reported clause says what someone must do is a demand on them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from storyline.actors.knowledge import Knowledge
from storyline.events.lexicon import Lexicon, Trigger
from storyline.events.when import background, habitual

_HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
_MODALS = frozenset({"would", "could", "might", "may", "should", "must"})
_OBLIGING = frozenset({"must", "should"})  # "said X must/should withdraw": a demand on X
# Verbs whose complement has not happened: requests, intentions, prevention, claims.
_UNREALISING = frozenset(
    """urge ask call demand request encourage press want plan hope aim seek intend propose
    suggest prevent avoid stop deter refrain need allege claim fear expect pressure push
    lobby insist implore exhort beseech entreat plead enjoin beg appeal""".split()
)
# Threats and refusals: the act in their "to" complement is not done; the verb itself
# is coded, with the complement's recipient ("threatened to break relations with X").
_WITHHOLDING = frozenset({"threaten", "refuse", "decline", "fail"})
_REFUSING = frozenset({"refuse", "decline", "fail"})
# "ordered the troops to withdraw": what is ordered is not yet done (a decision made
# known, "ordered that the border will close", is; see _DECIDING)
_ORDERING = frozenset(
    {"order", "instruct", "command", "charge", "direct", "tell", "task", "mandate"}
)
_SPEAKING = frozenset({"comment", "elaborate", "speculate", "respond", "discuss", "confirm"})
_ENDING = frozenset({"end", "halt", "stop", "cease", "suspend", "curb", "stem"})
# Nouns whose "that" or "to" clause is what someone claims, wants, agrees or tries to do,
# not what happened ("readiness to continue dialogue", "an understanding to hold another
# meeting", "a bid to seize the town").
_CLAIMS = frozenset(
    """allegation accusation claim charge rumor rumour suggestion demand call request
    proposal hope fear threat denial readiness willingness desire intention determination
    offer plan pressure understanding agreement accord deal decision pledge promise
    commitment vow bid attempt""".split()
)
# Nouns of what may be done, not of what was: "the freedom to strike", "the right of
# attack", "the risk of a war", "the prospect of talks", "the option of striking".
_POSSIBLE = frozenset(
    """freedom right option possibility prospect risk danger threat chance ability capacity
    power authority liberty potential likelihood spectre specter""".split()
)
_WILL = frozenset({"will", "'ll", "shall", "wo"})  # "wo" of "won't"
_READY = frozenset({"willing", "ready", "prepared", "determined", "eager"})
# Verbs of intent whose "to" complement is an act still to come; they are triggers
# themselves ("agree" AGREE). "threaten", "refuse" and "decline" are not here: what
# they are about does not happen, and the coder drops it.
_PROMISING = frozenset({"agree", "offer", "promise", "pledge", "vow", "swear"})
# "is scheduled to attend", "is due to visit", "is going to attack": a plan told as fact.
_DUE = frozenset({"scheduled", "due", "set", "slated", "going"})
# "wants to attack", "plans to build", "is seeking to deepen": what the actor means to
# do, said but not done, so the act is not coded, only the statement of it.
_WANTING = frozenset({"want", "plan", "intend", "hope", "aim", "seek", "wish", "expect"})
# "announced it would prohibit all aid", "decided it will close the border": a decision
# made known is the act itself, not a promise of it.
_DECIDING = frozenset({"announce", "decide", "order", "rule"})
_ENDINGS = frozenset({"", "s", "es", "d", "ed", "ing"})
_CHAIN = 4  # "will continue to provide", "is ready to continue supporting"
_DEPTH = 6  # how far up an act may sit below what makes it unreal


@dataclass(frozen=True, slots=True)
class Intention:
    """How an act is said to be coming: the verbs from the act up to the one saying so."""

    chain: tuple[Token, ...]
    by_verb: bool = False  # "agreed to lift": the verb of intent may code the statement
    wished: bool = False  # "wants to attack": only the statement is coded
    fact: bool = False  # "is scheduled to attend", "announced it would close": the act is told

    @property
    def denied(self) -> bool:
        """ "will not provide", "is not ready to withdraw"."""
        return any(c.dep_ == "neg" for node in self.chain for c in node.children)

    @property
    def on_condition(self) -> bool:
        """ "will withdraw its force unless the president arranges a ceasefire": an
        intention held over the other side is an ultimatum."""
        return any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
            for node in self.chain
            for c in node.children
        )


def stated_intention(token: Token, kb: Knowledge) -> Intention | None:
    """How a trigger is said to be coming ("will", "ready to", "said they would",
    "agreed to"), or None when it is not reported as an intention."""
    node = token.head if token.pos_ == "NOUN" and token.dep_ == "dobj" else token
    chain = [node]
    if node.pos_ not in ("VERB", "AUX"):
        return None
    for _ in range(_CHAIN):
        aux = {c.lower_ for c in node.children if c.dep_ == "aux"}
        if aux & _WILL:  # the narrator's own "will" tells a plan
            told = len(chain) == 1 and not (node.dep_ == "ccomp" and kb.says(node.head))
            return Intention(tuple(chain), fact=told or _decided(node))
        if "would" in aux:
            reported = node.dep_ == "ccomp" and kb.says(node.head)
            return Intention(tuple(chain), fact=_decided(node)) if reported else None
        if not _complement(node):
            return None
        node = node.head
        chain.append(node)
        if _is(node, _PROMISING):
            return Intention(tuple(chain), by_verb=True)
        if node.lower_ in _READY and node.pos_ == "ADJ":  # not "the army prepared to"
            return Intention(tuple(chain))
        if node.lower_ in _DUE and not any(c.dep_ == "prt" for c in node.children):
            return Intention(tuple(chain), fact=True)  # "is scheduled to attend", not "set up to"
        if _is(node, _WANTING):
            return Intention(tuple(chain), wished=True)
    return None


@dataclass(frozen=True, slots=True)
class Act:
    """One thing a trigger reports: how it is coded, whether it is denied, and whether
    it is only said to be coming."""

    trigger: Trigger
    negated: bool = False
    coming: bool = False  # the act said to be coming: flagged future
    said: bool = False  # the statement of it: dated when said, never future
    lends: bool = False  # only lends its parties to the statement of it: no event of its own
    habit: bool = False  # told as a habit ("routinely shells"): background, flagged historical


def _is(token: Token, words: frozenset[str]) -> bool:
    """Whether a word is one of these lemmas; the tagger's lemma may slip ("hopes" ->
    "hop"), so a regular inflection of a listed word counts too."""
    return token.lemma_.lower() in words or any(_inflects(token.lower_, w) for w in words)


def _inflects(form: str, word: str) -> bool:
    """ "hopes", "hoped", "hoping", "planned" of "hope" and "plan"; not "determined"."""
    if form.startswith(word):
        rest = form[len(word) :]
        return rest in _ENDINGS or (rest[:1] == word[-1] and rest[1:] in ("ed", "ing"))
    return word.endswith("e") and form == word[:-1] + "ing"


def _complement(node: Token) -> bool:
    """ "to fight" as the complement of its head, also when parsed as a purpose clause
    ("have sworn to fight")."""
    if node.head.i == node.i:
        return False
    if node.dep_ == "xcomp":
        return True
    return (
        node.dep_ == "advcl"
        and _is(node.head, _PROMISING)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    )


def reported_acts(token: Token, trigger: Trigger, kb: Knowledge, lexicon: Lexicon) -> list[Act]:
    """What a trigger reports: the act; for an act its actor says it will do, the act to
    come and the promise, threat or refusal of it; nothing for an act that is only asked
    for, prevented or supposed; an act told as a habit is flagged as background."""
    acts = _reported(token, trigger, kb, lexicon)
    return [replace(a, habit=True) for a in acts] if acts and habitual(token) else acts


def _reported(token: Token, trigger: Trigger, kb: Knowledge, lexicon: Lexicon) -> list[Act]:
    if _ended(token) or _no_comment(token, kb) or _background(token, trigger, lexicon):
        return []
    if not trigger.reciprocal and _setting(token):
        return []  # (fighting or a truce that times the clause: code.py's _timing_act)
    said = stated_intention(token, kb)
    if said is None:
        negated = any(c.dep_ == "neg" for c in token.children)
        return [] if _unreal(token) else [Act(trigger, negated)]
    if said.wished:  # the act is only wanted: the statement of it is all there is
        if _unreal(said.chain[-1], stated=True):
            return []
        intended = lexicon.intended(trigger, said.denied, ultimatum=said.on_condition)
        return [Act(intended, said=True)] if intended is not None else []
    if _unreal(token, stated=True):
        return []
    act = Act(trigger, said.denied, coming=True)
    if said.by_verb and lexicon.triggers_for(said.chain[-1]):
        return [replace(act, lends=True)]  # "agreed to lift": "agreed" is coded in its own right
    intended = lexicon.intended(trigger, said.denied, ultimatum=said.on_condition)
    if intended is None:
        return [act]
    # a promise or threat is the news, not the act it is of, unless the act is told as
    # a plan or a decision
    return [act if said.fact else replace(act, lends=True), Act(intended, said=True)]


def _background(token: Token, trigger: Trigger, lexicon: Lexicon) -> bool:
    """An act told as background (`when.background`): a material act summed up by
    "also" too; a statement (an act with no stated intention of its own: a demand, an
    accusation, a promise) is the day's in the present."""
    kind = lexicon.types.get(trigger.type)
    material = kind is not None and kind.quad.startswith("material")
    return background(token, material, statement=trigger.type not in lexicon.intentions)


def refused(token: Token) -> Token | None:
    """The act a verb of refusal is about ("refused to resign", "declined to send
    troops"), or None."""
    if not _is(token, _REFUSING):
        return None
    return next(
        (c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None
    )


def _no_comment(token: Token, kb: Knowledge) -> bool:
    """ "declined to comment", "refused to say where": a refusal to speak is no act."""
    act = refused(token)
    return act is not None and (kb.says(act) or act.lemma_.lower() in _SPEAKING)


def _decided(node: Token) -> bool:
    """ "announced it would prohibit", "decided that it will close": a decision told."""
    return node.dep_ == "ccomp" and _is(node.head, _DECIDING)


def _ended(token: Token) -> bool:
    """An act named as what is ended or halted ("to end Israel's offensive", "aimed at
    halting the conflict", "to bring the fighting to a stop") is not reported as done:
    what ends it is the news, coded by its own trigger if it has one."""
    return token.pos_ == "NOUN" and token.dep_ == "dobj" and _is(token.head, _ENDING)


def _unreal(token: Token, stated: bool = False) -> bool:
    """Not an act that happened: a condition ("if goods could be shipped"), a supposition
    ("Peru could attack Chile"), what someone asks for ("urged the troops to leave",
    "said Sudan must return ...") or claims ("alleged that ..."), what is to be
    prevented ("to prevent further hostilities"), threatened or refused. A `stated`
    intention ("said they would boycott") is coded as such, not dropped as a
    hypothesis."""
    for node in (token, token.head):
        if node.dep_ in ("xcomp", "ccomp", "dobj", "pobj") and _is(node.head, _UNREALISING):
            return True
        if node.dep_ == "xcomp" and _is(node.head, _WITHHOLDING | _ORDERING):
            return True
        if node.dep_ == "advcl" and _is(node.head, _UNREALISING) and _infinitive(node):
            return True  # "called for the two presidents to hold talks"
        if node.dep_ == "advcl" and _infinitive(node) and _of_claim(node.head):
            return True  # "reached an understanding to hold another meeting"
    node = token
    for _ in range(_DEPTH):  # "intend to go ahead with the plan at the meeting"
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL_MARKS for c in node.children):
            return True
        if _for_to(node):
            return True  # "the deal provides for troops to pull back": what is to be done
        if _purpose(node):
            return True  # "more backing so they can fight the militants": an aim
        if (
            not stated
            and (node.dep_ in ("advcl", "ccomp") or node is token)
            and any(c.lower_ in _MODALS for c in node.children if c.dep_ == "aux")
        ):
            return True  # "Peru could attack Chile", "... said talks might resume"
        if node.dep_ in ("xcomp", "ccomp") and _is(node.head, _UNREALISING):
            return True  # "demanded that the US cancel plans to sell ...": inside a request
        if node.dep_ == "acl" and _is(node.head, _CLAIMS):
            return True  # "allegations that it had played a role in ...": a claim's content
        if _possible(node):
            return True  # "keeps the freedom to strike", "the risk of a war"
        if node.head.i == node.i:
            break
        node = node.head
    return False


_TIMES = frozenset({"after", "following", "since", "amid", "before"})


_PURPOSE_MARKS = frozenset({"so", "lest"})
_ABLE = _MODALS | {"can", "will"}


def _purpose(clause: Token) -> bool:
    """A clause of purpose ("so they can fight terrorism", "so that the army could
    retake the town"): what someone wants to make possible, not what happened."""
    return any(c.dep_ == "mark" and c.lower_ in _PURPOSE_MARKS for c in clause.children) and any(
        c.dep_ == "aux" and c.lower_ in _ABLE for c in clause.children
    )


def _setting(token: Token) -> bool:
    """An act named as what another follows or answers, with no doer of its own ("AU
    forces deployed gunships in the wake of Tuesday's raid", "closed the border after
    the attack", "in response to the shelling"): the clause's subject did not do it,
    and it is told where it happened, if at all."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj":
        return False
    prep = token.head
    timed = prep.lower_ in _TIMES or (
        (prep.lower_ == "of" and prep.head.lower_ == "wake")
        or (prep.lower_ == "to" and prep.head.lemma_.lower() == "response")
    )
    if not timed:
        return False
    named = any(
        (c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")) or c.lower_ == "by"
        for c in token.children
    )
    return not named


def _of_claim(verb: Token) -> bool:
    """Whether a verb's object is a noun of what is agreed, claimed or wanted, whose
    "to" clause the parser may hang from the verb ("reached an understanding to ...")."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _CLAIMS for c in verb.children)


def _for_to(clause: Token) -> bool:
    """ "for Israeli troops to pull back", "for order to be restored": a clause of what
    is to be done (provided for, called for, waited for), never of what was."""
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "aux")}
    return {"for", "to"} <= marks


def _possible(node: Token) -> bool:
    """An act named as what may be done ("the freedom to strike", "the right of
    attack", "the risk of a war between X and Y", "the option of striking"): a noun of
    possibility's "to" clause or "of" complement."""
    if node.dep_ == "acl" and node.head.lemma_.lower() in _POSSIBLE:
        return True
    if node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "of":
        return node.head.head.lemma_.lower() in _POSSIBLE
    return False


def _infinitive(clause: Token) -> bool:
    """ "for X to hold talks", "to restart negotiations": a clause of what is to be done."""
    return any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "for") for c in clause.children)


def obliging(token: Token, kb: Knowledge, lexicon: Lexicon) -> list[Trigger]:
    """ "Russia said that Sudan must return the helicopter", "said all parties should
    show restraint": a verb of saying whose reported clause tells someone what they
    must or should do is a demand on them."""
    if token.pos_ != "VERB" or not kb.says(token):
        return []
    for clause in token.children:
        if clause.dep_ == "ccomp" and any(
            c.dep_ == "aux" and c.lower_ in _OBLIGING for c in clause.children
        ):
            trigger = lexicon.obliging(token)
            return [trigger] if trigger else []
    return []
