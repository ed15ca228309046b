"""Named people: the NER's names (joined, without honorifics), names it missed (a known
surname, a speaker's full name, a name after an honorific), and the title phrase,
appositive or possessive that binds each to a country, a sector and an office."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from spacy.tokens import Doc, Span, Token

from storyline.actors.bodies import in_place_slot, names_a_place
from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import NAME_LABELS, Claims, Mention, MentionKind, span_mention
from storyline.actors.names import fold
from storyline.actors.titles import (
    DETERMINERS,
    POSSESSIVE,
    appositive_title,
    of_country,
    possessive_country,
    possessor_before,
    title_before,
    title_word,
)
from storyline.nlp.text import doc_text, ents_within
from storyline.records import ActorKind

_INITIAL = re.compile(r"^[A-Z]\.$")
_POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their"})


# Entity labels a person's name is never given, whatever a known name looks like ("one").
NOT_NAMES = frozenset(
    {"PERSON", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"}
)


def joined_names(doc: Doc, kb: Knowledge) -> list[Span]:
    """The NER's PERSON names, two that touch made one ("Bilawal Bhutto" + "Zardari"),
    and names of any label that an honorific introduces ("H.E. Dr. Riek Machar Teny"
    tagged ORG), without the honorifics."""
    names: list[Span] = []
    for ent in doc.ents:
        start = _after_honorifics(ent, kb)
        if ent.label_ != "PERSON" and (start == ent.start or ent.label_ not in NAME_LABELS):
            continue
        if start >= ent.end or not doc[start].text[:1].isupper():
            continue
        ent = doc[start : ent.end]
        if names and names[-1].end == ent.start and names[-1][-1].whitespace_ == " ":
            names[-1] = doc[names[-1].start : ent.end]
        else:
            names.append(ent)
    return names


def _after_honorifics(span: Span, kb: Knowledge) -> int:
    """Where a name starts after the honorifics written before it ("Hon. Oyet")."""
    i = span.start
    while i < span.end - 1 and kb.is_honorific(span.doc[i].text):
        i += 2 if span.doc[i + 1].text == "." else 1
    return i


def _honorifics_before(doc: Doc, start: int, kb: Knowledge) -> int:
    """A mention's start moved back over the honorifics before it ("Mr", "Hon.", "Dr.")."""
    while start > 0:
        prev = start - 1
        if (
            doc[prev].text == "."
            and prev > 0
            and doc[prev].idx == doc[prev - 1].idx + len(doc[prev - 1].text)
        ):
            prev -= 1  # "Hon" "." as two tokens
        if not kb.is_honorific(doc[prev].text) or not doc[prev].text[:1].isupper():
            return start
        start = prev
    return start


def name_forms(ent: Span, kb: Knowledge) -> list[str]:
    """The folded forms a later mention may use for a person named in full: the whole
    name and each of its words that is a name ("Oyet" of "Oyet Nathaniel Pierino",
    "Pelosi" of "Nancy Pelosi’s"), not common words, initials or honorifics."""
    words = [t for t in ent if t.text not in POSSESSIVE and not kb.is_honorific(t.text)]
    parts = [
        fold(t.text)
        for t in words
        if t.text[:1].isupper() and len(t.text) > 2 and not t.is_stop and "." not in t.text
    ]
    return [fold(" ".join(t.text for t in words)), *parts]


def the_secretary(tok: Token) -> bool:
    """ "the secretary" / "The Secretary" as the subject of a clause, not "the secretary
    general" or "the secretary of ...", which are titles of their own."""
    return (
        tok.lower_ == "secretary"
        and tok.i > 0
        and tok.doc[tok.i - 1].lower_ == "the"
        and tok.dep_ in ("nsubj", "nsubjpass")
        and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("general", "of"))
    )


def respectively(doc: Doc, kb: Knowledge, mentions: list[Mention]) -> list[Mention]:
    """ "foreign ministers of Armenia and Azerbaijan, Ararat Mirzoyan and Jeyhun
    Bayramov": the n-th name of a title naming n countries is of the n-th country."""
    people = [m for m in mentions if m.actor_kind is ActorKind.PERSON and m.name]
    found = {id(m): m for m in people}  # two mentions may start together ("X" and "X, ...")
    text = doc_text(doc)
    for i, m in enumerate(people):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.role is None:
            continue
        countries = list(dict.fromkeys(c for e in ents_within(span) if (c := kb.country(e.text))))
        group = [m]
        for later in islice(people, i + 1, None):  # "X and Y", "X, Y and Z"
            if later.start < group[-1].end:
                continue  # "X, a commander" is X again
            if text[group[-1].end : later.start].strip(" ,") not in ("", "and"):
                break
            group.append(later)
        if len(countries) < 2 or len(group) != len(countries):
            continue
        for person, country in zip(group, countries, strict=True):
            if person.country in (None, country):
                found[id(person)] = replace(
                    person,
                    country=country,
                    sector=person.sector or m.sector,
                    role=person.role or m.role,
                )
    return [found.get(id(m), m) for m in mentions]


def speaking_name(tok: Token, kb: Knowledge) -> Span | None:
    """ "Petar Petković, the office's director, told reporters": a name of two to four
    capitalised proper nouns that is the subject of a verb of speaking."""
    if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or not kb.says(tok.head):
        return None
    start = tok.i
    while (
        start > 0 and tok.doc[start - 1].dep_ == "compound" and tok.doc[start - 1].pos_ == "PROPN"
    ):
        start -= 1
    span = tok.doc[start : tok.i + 1]
    if not 2 <= len(span) <= 4 or not all(t.text[:1].isupper() for t in span):
        return None
    if any(kb.country(t.text) or title_word(fold(t.text), kb) for t in span):
        return None  # "US Secretary": an office, not a name
    if kb.country(span.text) or kb.organisation(span.text) or kb.capital(span.text):
        return None
    return span


def honoured_name(tok: Token, kb: Knowledge) -> Span | None:
    """ "H.E. Dr. Amara Kallon Sesay", "Hon. Oyet": the capitalised proper nouns an
    honorific introduces name a person, whatever the NER made of them."""
    if not kb.is_honorific(tok.text) or not tok.text[:1].isupper():
        return None
    doc, i = tok.doc, tok.i
    while i < len(doc) and (kb.is_honorific(doc[i].text) or doc[i].text == "."):
        i += 1
    end = i
    while end < len(doc) and end - i < 4 and doc[end].pos_ == "PROPN" and doc[end].is_title:
        end += 1
    span = doc[i:end]
    if not len(span) or kb.country(span.text) or kb.organisation(span.text):
        return None
    if any(title_word(fold(t.text), kb) for t in span):
        return None  # "Mr President": an office
    return span


def is_person_name(ent: Span, kb: Knowledge) -> bool:
    """The NER's PERSON, unless it is a country, capital, organisation, "the X" or ends
    in a common word ("Controller BBC One")."""
    text = ent.text
    last = [t for t in ent if t.text not in POSSESSIVE][-1:]
    return not (
        ent[0].lower_ == "the"
        or (last and last[0].is_stop)
        or kb.country(text)
        or kb.capital(text)
        or kb.is_platform(text)
        or kb.organisation(text)
    )


def placed(ent: Span, kb: Knowledge) -> bool:
    """Whether a name the NER tags as a person may be a place: the gazetteer knows it
    ("Goma", "Rubio" in Venezuela), it stands where places stand ("sites in Wunliet,
    Aswa and Rejaf") or it names one ("the Jarinje crossing"), no title or honorific
    goes before it and the dictionaries know no such person."""
    text = _clean_name(ent, kb)
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and (kb.is_honorific(before.text) or title_word(before.lower_, kb)):
        return False  # "President Garcia", "Mr Goma": a person
    if kb.person(text, None) is not None:
        return False
    return kb.is_place(text) or in_place_slot(ent.root) or names_a_place(ent)


def claim_person(doc: Doc, ent: Span, words: list[str], kb: Knowledge, claims: Claims) -> None:
    if ent.start > 0 and _INITIAL.match(ent[0].text) and doc[ent.start - 1].text[:1].isupper():
        ent = doc[ent.start - 1 : ent.end]  # "Antony" before an entity "J. Blinken"
    if not claims.free(ent.start, ent.end):
        return
    start, end = ent.start, ent.end
    title, country, org_sector = None, None, None
    left = title_before(doc, start, words, kb, claims)
    if left is not None:
        start, title, country, org_sector = left
        owner = possessor_before(doc, start, kb)  # "Nigeria's President X"
        if owner is not None and doc[start].lower_ not in DETERMINERS:
            start, country = owner[0], country or owner[1]
        elif start > 0 and doc[start - 1].lower_ in _POSSESSIVE_PRONOUNS:
            start -= 1  # "its leader X", "his deputy Y": the title phrase's determiner
    of = of_country(doc, end, kb)
    if of is not None:
        end, country = of[0], country or of[1]
    country = country or possessive_country(doc, start, kb)
    appos = appositive_title(doc, ent, words, kb)
    if appos is not None:
        title, country = title or appos[0], country or appos[1]
    if not claims.free(start, end):
        start, end = ent.start, ent.end
    if left is None:
        start = _honorifics_before(doc, start, kb)
    sector = (title.sector if title and title.sector else None) or org_sector
    if title is not None and sector is None:
        sector = "GOV"  # a spokesperson or official of a country speaks for its government
    claims.add(
        span_mention(
            doc,
            start,
            end,
            MentionKind.NAME,
            ActorKind.PERSON,
            name=_clean_name(ent, kb),
            country=country or (title.country if title else None),
            sector=sector,
            role=title.role if title else None,
            family=title.family if title else None,
        ),
        start,
        end,
    )


def _clean_name(ent: Span, kb: Knowledge) -> str:
    """The person's name without honorifics, possessive endings or stray punctuation."""
    tokens = [t.text_with_ws for t in ent[_after_honorifics(ent, kb) - ent.start :]]
    tokens = [t for t in tokens if t.strip() not in POSSESSIVE]
    return "".join(tokens).strip(" ,")
