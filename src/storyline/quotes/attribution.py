"""Who said it, with which verb, and through which channel.

Attribution reads the clause around a quotation: the subject of a speech verb ("Miller
said", "said State Department spokesperson Vedant Patel", "he added", "the statement
added"), "according to X", and "a report cited X as saying" (the speaker is X; the
report is the channel). Channels ("as reported by Aljazeera", "in a Twitter post",
"a transcript released by the DOS") become the quote's `via`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from storyline.actors.knowledge import Knowledge
from storyline.actors.names import fold
from storyline.actors.resolve import ArticleActors
from storyline.quotes.marks import inside
from storyline.records import Actor, ActorKind

_SUBJECTS = ("nsubj", "nsubjpass")
_PRONOUNS = frozenset({"he", "she", "they", "it"})
_CITE_VERBS = frozenset({"cite", "quote"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    """A speaker (resolved where possible), the cue word and the channels."""

    speaker: Actor | None
    speaker_text: str | None
    cue: str | None
    via: tuple[str, ...] = ()
    anaphoric: bool = False  # the speaker was a pronoun or "the statement"
    mute: bool = False  # the subject is a thing, which says nothing ("the toll")
    joint: tuple[Actor, ...] = ()  # the other parties speaking together ("A and B said")


def is_cue(token: Token, kb: Knowledge) -> bool:
    """Whether a token is a speech verb ("said", "added", "told")."""
    return token.pos_ in ("VERB", "AUX") and kb.says(token)


def is_speech_act(token: Token, kb: Knowledge) -> bool:
    """Whether a token is a verb of speaking or of an act done in words ("urged")."""
    return token.pos_ == "VERB" and kb.speaks(token)


def attribute(
    cue: Token, kb: Knowledge, actors: ArticleActors, quoted: list[tuple[int, int]]
) -> Attribution:
    """The speaker of a speech verb, and the channels its clause names."""
    subject = _subject(cue)
    via = channels(cue.sent, kb, actors, quoted)
    cited = _cited_speaker(cue)
    if cited is not None:
        # "A Deutsche Welle report cited X as saying": X speaks, the report is the channel.
        speaker_token, cite_verb = cited
        reporter = _subject(cite_verb)
        if reporter is not None:
            channel = actors.at(*_chars(_phrase(reporter)), head=reporter.idx)
            via = _with(via, channel.name if channel else _phrase(reporter).text)
        return _attribution(_phrase(speaker_token), cue, kb, actors, via)
    according = according_to(cue.sent, kb, actors)
    if subject is None:
        if according is not None:
            return Attribution(
                speaker=according[0], speaker_text=according[1], cue="according to", via=via
            )
        return Attribution(speaker=None, speaker_text=None, cue=cue.text, via=via)
    if according is not None and according[0] is not None:
        via = _with(via, according[0].name)  # "According to the report, X urged ..."
    return _attribution(_phrase(subject), cue, kb, actors, via)


def _attribution(
    span: Span, cue: Token, kb: Knowledge, actors: ArticleActors, via: tuple[str, ...]
) -> Attribution:
    speaker = _named_in_apposition(span.root, actors) or actors.at(
        *_chars(span), head=span.root.idx
    )
    anaphoric = span.root.lower_ in _PRONOUNS or (
        span.root.lower_ in ("statement", "report") and span[0].lower_ == "the"
    )
    if speaker is not None and speaker.name in via:
        via = tuple(v for v in via if v != speaker.name)
    root = span.root
    mute = (
        speaker is None
        and not anaphoric
        and root.pos_ == "NOUN"
        and not kb.may_speak(fold(root.lemma_))
    )
    return Attribution(
        speaker=speaker,
        speaker_text=span.text,
        cue=cue.text,
        via=via,
        anaphoric=anaphoric,
        mute=mute,
        joint=_joint(root, speaker, actors),
    )


def _joint(head: Token, speaker: Actor | None, actors: ArticleActors) -> tuple[Actor, ...]:
    """ "Hamas and Islamic Jihad said in a joint statement": the other subjects that
    speak together with the first."""
    found = [actors.at(c.idx, c.idx + len(c.text), head=c.idx) for c in head.conjuncts]
    kept = {a.actor_id: a for a in found if a is not None and a != speaker}
    return tuple(kept.values())


def _named_in_apposition(head: Token, actors: ArticleActors) -> Actor | None:
    """ "The Director General of the agency, Rafael Grossi, stated": the person named
    beside a title that no mention covers is the speaker, not the body in the title."""
    if actors.at(head.idx, head.idx + len(head.text), head=head.idx) is not None:
        return None
    for child in head.children:
        if child.dep_ == "appos":
            found = actors.at(child.idx, child.idx + len(child.text), head=child.idx)
            if found is not None and found.kind is ActorKind.PERSON:
                return found
    return None


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, also through coordination ("stated ... and added")."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    if verb.dep_ == "conj":
        head = verb.head
        if head.dep_ == "ccomp" and any(c.dep_ == "ccomp" for c in verb.children):
            # "X said A had not been easy and noted that B": hung on the clause X reports,
            # a verb reporting its own clause goes on with X's words
            return _subject(head.head)
        return _subject(head)
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
        return _subject(verb.head)  # "cited Price as saying": handled by _cited_speaker
    if verb.dep_ in ("xcomp", "advcl") and verb.tag_ == "VB":
        # "X went on to assert", "X was quick to add": the one who goes on; "urged Y to
        # say": the one urged
        told = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        return told if told is not None and verb.dep_ == "xcomp" else _subject(verb.head)
    if verb.dep_ == "acomp":
        return _subject(verb.head)  # "was quick (to add)"
    return None


def _cited_speaker(cue: Token) -> tuple[Token, Token] | None:
    """ "X cited Y as saying", "X quoted Y as saying": Y and the verb "cited"."""
    head = cue.head if cue.dep_ in ("pcomp", "advcl", "xcomp") else cue
    head = head.head if head.dep_ == "prep" else head
    if fold(head.lemma_) in _CITE_VERBS:
        for child in head.children:
            if child.dep_ == "dobj":
                return child, head
    return None


def _phrase(token: Token) -> Span:
    """The noun phrase a head token stands for, without trailing clauses."""
    doc = token.doc
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "appos") or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            right = max(right, child.right_edge.i)
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1  # '" Molly Phee': a closing mark the parser hung on the name
    return doc[left : right + 1]


def _chars(span: Span) -> tuple[int, int]:
    return span.start_char, span.end_char


def according_to(
    sent: Span, kb: Knowledge, actors: ArticleActors, documents: bool = True
) -> tuple[Actor | None, str] | None:
    """ "According to X, ...": X, resolved, and as written. With `documents` false, an
    X that is a document ("the report") is left out: it is a channel, not a speaker."""
    words = [fold(t.text) for t in sent]
    for i in range(len(words)):
        if words[i : i + 2] == ["according", "to"] and i + 2 < len(sent):
            obj = next((c for c in sent[i + 1].children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            span = _phrase(obj)
            if fold(obj.lemma_) in kb.source_nouns:
                if not documents:
                    return None
                issuer = _issued_by(obj)  # "a statement released by the PM's office"
                if issuer is not None:
                    span = _phrase(issuer)
                    return actors.at(*_chars(span), head=issuer.idx), span.text
            return actors.at(*_chars(span), head=obj.idx), span.text
    return None


def _issued_by(document: Token) -> Token | None:
    """Who issued a document: "a statement released by X", "a report issued by X", "a
    statement from X"."""
    for child in document.children:
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ == "from":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def channels(
    sent: Span, kb: Knowledge, actors: ArticleActors, quoted: list[tuple[int, int]]
) -> tuple[str, ...]:
    """Outlets and platforms a sentence names as the route of what is said.

    "as reported by Aljazeera", "as cited by Reuters", "in a Twitter post", "according
    to a transcript ... released by the DOS", "the Associated Press reports".
    """
    found: list[str] = []
    doc = sent.doc
    for tok in sent:
        if inside(tok.idx, quoted):
            continue
        name = tok.text.rstrip(".")  # "... in a post on X." ends the sentence on the name
        if kb.is_platform(name) and name[:1].isupper():
            found.append(name)
        elif tok.lower_ == "by" and tok.head.lemma_ in ("report", "cite", "quote", "release"):
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is not None:
                found.append(_name(_phrase(obj), actors))
        elif tok.lemma_ == "report" and tok.pos_ == "VERB" and _subject(tok) is not None:
            subj = _phrase(_subject(tok))  # type: ignore[arg-type]
            actor = actors.at(*_chars(subj))
            if actor is not None and actor.sector == "MED":
                found.append(actor.name)
        elif tok.lower_ == "according" and tok.i + 2 < len(doc):
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None and fold(obj.lemma_) in kb.source_nouns | {"transcript"}:
                by = [t for t in obj.subtree if t.lower_ == "by"]
                for b in by:
                    pobj = next((c for c in b.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        found.append(_name(_phrase(pobj), actors))
    return tuple(dict.fromkeys(found))


def _name(span: Span, actors: ArticleActors) -> str:
    actor = actors.at(*_chars(span))
    if actor is not None and actor.kind is not ActorKind.PERSON:
        return actor.name
    return span.text.removeprefix("the ").removeprefix("The ")


def _with(via: tuple[str, ...], name: str) -> tuple[str, ...]:
    return via if name in via else (name, *via)
