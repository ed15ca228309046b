"""Find the stretches of text that refer to actors, with what the text says of them.

A mention is a named person with its title phrase ("Armenian Prime Minister Nikol
Pashinyan"), a role noun ("the Secretary of State", "a top US diplomat"), an
organisation ("the State Department"), an institution of a country ("the Armenian
government", "Azerbaijani troops", "the prime minister's press office"), a country,
a capital or seat standing for its government ("Yerevan asked ...", "the Kremlin"),
a document that speaks for its issuer ("the statement added") or a pronoun subject.

The statistical NER is a hint, not the truth: a name it tags as a place elsewhere in
the article ("Blinken" as GPE) is still the person once the article names him.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from storyline.actors.affiliation import speaks
from storyline.actors.allegiance import allegiance_mentions
from storyline.actors.armed import armed_holders, armed_mentions
from storyline.actors.bodies import listed_bodies, named_non_person
from storyline.actors.extents import widen_bodies
from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import (
    NAME_LABELS,
    Claims,
    Mention,
    MentionKind,
    body_mention,
    span_mention,
)
from storyline.actors.names import fold
from storyline.actors.people import (
    NOT_NAMES,
    claim_person,
    honoured_name,
    is_person_name,
    joined_names,
    name_forms,
    placed,
    respectively,
    speaking_name,
    the_secretary,
)
from storyline.actors.roles import noun_phrase_at
from storyline.actors.spellings import spelling_key, surname_keys
from storyline.actors.titles import DETERMINERS
from storyline.records import ActorKind

__all__ = ["find_mentions"]

_PRONOUNS = frozenset({"he", "she"})
_COLLECTIVE = frozenset({"it", "they"})


def find_mentions(
    doc: Doc, kb: Knowledge, known_names: frozenset[str] = frozenset()
) -> list[Mention]:
    """Every actor mention in the document, in text order, without overlaps.

    `known_names` are folded names and surnames of people known from other articles.
    """
    tokens = list(doc)  # Token objects are built anew at every doc[i]: once here
    words = [fold(t.text) for t in tokens]
    claims = Claims(doc)
    people = [e for e in joined_names(doc, kb) if is_person_name(e, kb)]
    # a name that is also a place ("Rubio", "Goma") is a person only once the article
    # names that person in full elsewhere
    # ... and one in a headline only when the dictionaries or the story itself name them
    headline = headline_tokens(tokens)
    sure = [e for e in people if not placed(e, kb) and e.start not in headline]
    names = known_names | {n for e in sure for n in name_forms(e, kb)}
    people = [
        e
        for e in people
        if e in sure or name_forms(e, kb)[0] in names or kb.person(e.text, None) is not None
    ]
    for ent in people:
        claim_person(doc, ent, words, kb, claims)
    # a surname the article names in full, written in another spelling ("Dialoh")
    spelled = surname_keys(name_forms(e, kb)[0] for e in sure)
    for ent in doc.ents:  # a known name the NER labelled as something else (even EVENT)
        if len(ent) > 1 and ent[-1].tag_ == "POS":
            ent = doc[ent.start : ent.end - 1]  # "Bobi’s" taken with its clitic
        known = fold(ent.text) in names or (len(ent) == 1 and _spelled_surname(ent[0], spelled))
        known = known or _listed_person(ent, kb)  # "Vice-President X Y" tagged ORG
        if ent.label_ not in NOT_NAMES and ent.text[:1].isupper() and known:
            claim_person(doc, ent, words, kb, claims)
    for tok in tokens:  # a known surname or first name the NER missed (even as a noun)
        if (
            tok.pos_ in ("PROPN", "NOUN")
            and tok.ent_type_ == ""
            and tok.text[:1].isupper()
            and not tok.is_stop
            and (fold(tok.text) in names or _spelled_surname(tok, spelled))
        ):
            claim_person(doc, doc[tok.i : tok.i + 1], words, kb, claims)
    for tok in tokens:  # a full name the NER missed, as the subject of a speech verb
        name = speaking_name(tok, kb) or honoured_name(tok, kb)
        if name is not None:
            claim_person(doc, name, words, kb, claims)
    for i, tok in enumerate(tokens):
        # a phrase starts with a determiner, a capital (a country, a body) or a title
        opens = (
            tok.text[:1].isupper()
            or words[i] in DETERMINERS
            or words[i] in _BODY_POSSESSIVES
            or kb.starts_title(words[i])
        )
        if opens and claims.free(i, i + 1):
            found = noun_phrase_at(doc, i, words, kb, claims)
            if found is not None:
                claims.add(found[1], *found[0])
    for start, end, body in listed_bodies(doc, tokens, kb):  # a body the NER missed
        if claims.free(start, end):
            claims.add(body_mention(doc, start, end, body), start, end)
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS and claims.free(ent.start, ent.end):
            mention = named_non_person(ent, words, kb)
            if ent.start in headline and mention is not None and mention.country is None:
                continue  # a headline's capitals make any words look like a name
            claims.add(mention, ent.start, ent.end)
    for start, end, armed in armed_mentions(doc, kb):  # "masked gunmen", "a band of ..."
        claims.add(armed, start, end)
    for tok in tokens:
        if tok.lower_ in _PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
            claims.add(
                span_mention(doc, tok.i, tok.i + 1, MentionKind.PRONOUN, ActorKind.PERSON),
                tok.i,
                tok.i + 1,
            )
        elif _object_pronoun(tok):  # "soldiers detained him": someone named before
            subject = _subject_of(tok.head)
            him = span_mention(doc, tok.i, tok.i + 1, MentionKind.PRONOUN, ActorKind.PERSON)
            him = replace(him, other_than=subject.idx if subject is not None else None)
            claims.add(him, tok.i, tok.i + 1)
        elif tok.lower_ in _COLLECTIVE and (speaks(tok, kb) or _acts_in_words(tok, kb)):
            # "..., they said", "It added", "They appealed for": a body or group speaking
            claims.add(
                span_mention(doc, tok.i, tok.i + 1, MentionKind.PRONOUN, ActorKind.ORG),
                tok.i,
                tok.i + 1,
            )
        elif the_secretary(tok) and claims.free(tok.i - 1, tok.i + 1):
            # "the secretary urged ...": the Secretary named before, like a pronoun
            secretary = span_mention(
                doc, tok.i - 1, tok.i + 1, MentionKind.PRONOUN, ActorKind.PERSON, role="secretary"
            )
            claims.add(secretary, tok.i - 1, tok.i + 1)
    found = widen_bodies(doc, sorted(_each_country(claims.found), key=lambda m: m.start), kb)
    found = allegiance_mentions(doc, found, kb)  # "a militia loyal to X"
    found = armed_holders(doc, found, kb)  # "the rebels", "the soldiers who seized power"
    found = [_with_speaking(doc, m, kb) for m in found]
    return respectively(doc, kb, found)


def _listed_person(ent: Span, kb: Knowledge) -> bool:
    """Whether a name of several words the NER took for something else is a person the
    dictionaries list, and no body, country or place they know."""
    text = ent.text
    if len(ent) < 2 or kb.person(text, None) is None:
        return False
    return not (kb.organisation(text) or kb.country(text) or kb.is_place(text))


def _each_country(mentions: list[Mention]) -> list[Mention]:
    """ "Peruvian and Chilean delegations": one mention of the phrase per country."""
    out = []
    for m in mentions:
        out.append(replace(m, others=()) if m.others else m)
        out += [replace(m, country=code, others=()) for code in m.others]
    return out


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_BODY_POSSESSIVES = frozenset({"its", "their"})  # "its soldiers", "their forces"


def _acts_in_words(tok: Token, kb: Knowledge) -> bool:
    """Whether a pronoun is the subject of an act done in words ("they appealed for",
    "it urged", "they denounced")."""
    return tok.dep_ == "nsubj" and kb.speaks(tok.head)


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with ("met X and told
    him"), or of the verb a preposition hangs from."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
            return verb.head  # "Milei, who thanked him": Milei
        if subject is not None or verb.dep_ not in ("conj", "prep", "xcomp"):
            return subject
        verb = verb.head
    return None


def _spelled_surname(tok: Token, spelled: frozenset[str]) -> bool:
    """A surname in another spelling standing alone, not the end of a fuller name
    ("Yousuf Rahmonov" is found whole by the full-name rules)."""
    after_name = tok.i > 0 and tok.nbor(-1).pos_ == "PROPN"
    return not after_name and spelling_key(tok.text) in spelled


def _object_pronoun(tok: Token) -> bool:
    """ "him", "her" as the object of a verb or preposition (not "her" as a possessive)."""
    if tok.lower_ not in ("him", "her") or tok.tag_ != "PRP":
        return False
    return tok.dep_ in ("dobj", "pobj", "dative", "iobj")


def headline_tokens(tokens: list[Token]) -> frozenset[int]:
    """The tokens of headline lines: a line of three or more words with no closing
    full stop, whose words (other than short function words) all start with a capital
    ("Ethiopia, Tigray Rebels Agree Truce After Talks In Pretoria")."""
    found: set[int] = set()
    line: list[Token] = []
    for tok in [*tokens, None]:
        if tok is not None and "\n" not in tok.text:
            line.append(tok)
            if "\n" not in tok.whitespace_:
                continue
        words = [t for t in line if t.is_alpha]
        content = [t for t in words if not (t.is_stop and len(t) <= 3)]
        if (
            len(words) >= 3
            and line[-1].text not in (".", "!", "?", ":", '"', "”")
            and content
            and all(t.text[:1].isupper() for t in content)
        ):
            found.update(t.i for t in line)
        line = []
    return frozenset(found)


def _with_speaking(doc: Doc, m: Mention, kb: Knowledge) -> Mention:
    """The mention marked when it is the subject of a verb of speaking, also through a
    verb it controls ("X said", "X went on to assert")."""
    if not m.subject:
        return m
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return m
    verbs = _controlled(span.root.head)
    return replace(m, speaking=any(kb.speaks(v) for v in verbs))


def _controlled(verb: Token) -> list[Token]:
    """A verb and the infinitives its subject does ("went on to assert", "was quick to
    add", "proceeded to warn")."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    return [verb] + [
        c for h in heads for c in h.children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB"
    ]
