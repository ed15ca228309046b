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

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from spacy.tokens import Doc, Span, Token

from storyline.actors.affiliation import affiliation_after, seat_before, speaks
from storyline.actors.dictionary import DictionaryEntry
from storyline.actors.knowledge import Knowledge, Title
from storyline.actors.names import fold, name_key
from storyline.actors.titles import (
    DETERMINERS,
    POSSESSIVE,
    appositive_title,
    attaches_back,
    match_title,
    of_country,
    possessive_country,
    title_before,
    title_word,
    with_determiner,
)
from storyline.actors.world import WorldActor
from storyline.records import ActorKind


class MentionKind(StrEnum):
    NAME = "name"
    ROLE = "role"
    ORG = "org"
    INSTITUTION = "institution"
    COUNTRY = "country"
    METONYM = "metonym"
    SOURCE = "source"
    PRONOUN = "pronoun"


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A reference to an actor, before it is resolved to a canonical actor."""

    start: int  # character offsets of the whole mention
    end: int
    text: str
    kind: MentionKind
    actor_kind: ActorKind
    name: str | None = None  # the name as written (persons, organisations)
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    family: str | None = None
    definite: bool = True
    subject: bool = False  # the mention is the subject of its clause
    speaking: bool = False  # ... and that clause's verb is one of speaking ("X said")
    owner: Title | None = None  # "the prime minister's press office": the owner's title
    anonymous: bool = False  # a title whose unnamed holder stands for a body ("an official")
    plural: bool = False  # several holders of a title ("the leaders")
    body: str | None = None  # the organisation an office belongs to ("the Kremlin spokesman")


_INDEFINITE = frozenset({"a", "an"})
# Plural titles that stand for a country's body: "Ethiopian officials", "US diplomats".
_PLACE_NOUNS = frozenset(
    "region province district area territory county valley corridor crossing border "
    "enclave oblast governorate strip peninsula basin plateau".split()
)
_ANYONE = frozenset({"last", "every", "each", "any", "no", "single", "lone", "ordinary"})
_OFFICES = frozenset({"office", "offices", "cabinet", "staff", "aides", "camp"})
_SPEAKING_FOR = frozenset({"official", "diplomat", "spokesperson"})
# Entity labels a person's name is never given, whatever a known name looks like ("one").
_NOT_NAMES = frozenset(
    {"PERSON", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"}
)
_PRONOUNS = frozenset({"he", "she"})
_NAME_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "WORK_OF_ART", "FAC", "LOC"})
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent", "ROOT"})
_ACTOR_PREPS = frozenset({"between", "with", "by", "against"})
_INITIAL = re.compile(r"^[A-Z]\.$")


class Claims:
    """Which tokens already belong to a mention; mentions never overlap."""

    def __init__(self, doc: Doc) -> None:
        self.taken = [False] * len(doc)
        self.found: list[Mention] = []

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def add(self, mention: Mention | None, start: int, end: int) -> None:
        if mention is None or not self.free(start, end):
            return
        for i in range(start, end):
            self.taken[i] = True
        self.found.append(mention)


def find_mentions(
    doc: Doc, kb: Knowledge, known_names: frozenset[str] = frozenset()
) -> list[Mention]:
    """Every actor mention in the document, in text order, without overlaps.

    `known_names` are folded names and surnames of people known from other articles.
    """
    words = [fold(t.text) for t in doc]
    claims = Claims(doc)
    people = [e for e in _joined_names(doc, kb) if _is_person_name(e, kb)]
    names = known_names | {n for e in people for n in _name_forms(e, kb)}
    for ent in people:
        _claim_person(doc, ent, words, kb, claims)
    for ent in doc.ents:  # a known name the NER labelled as something else (even EVENT)
        if ent.label_ not in _NOT_NAMES and ent.text[:1].isupper() and fold(ent.text) in names:
            _claim_person(doc, ent, words, kb, claims)
    for tok in doc:  # a known surname or first name the NER missed (even as a noun)
        if (
            tok.pos_ in ("PROPN", "NOUN")
            and tok.ent_type_ == ""
            and tok.text[:1].isupper()
            and not tok.is_stop
            and fold(tok.text) in names
        ):
            _claim_person(doc, doc[tok.i : tok.i + 1], words, kb, claims)
    for tok in doc:  # a full name the NER missed, as the subject of a speech verb
        name = _speaking_name(tok, kb) or _honoured_name(tok, kb)
        if name is not None:
            _claim_person(doc, name, words, kb, claims)
    for i in range(len(doc)):
        if claims.free(i, i + 1):
            found = _noun_phrase_at(doc, i, words, kb, claims)
            if found is not None:
                claims.add(found[1], *found[0])
    for start, end, body in _listed_bodies(doc, kb):  # a body the NER missed
        if claims.free(start, end):
            mention = _mention(doc, start, end, MentionKind.ORG, ActorKind.ORG, name=body.name)
            claims.add(replace(mention, country=body.country, sector=body.sector), start, end)
    for ent in doc.ents:
        if ent.label_ in _NAME_LABELS and claims.free(ent.start, ent.end):
            claims.add(_named_non_person(ent, words, kb), ent.start, ent.end)
    for tok in doc:
        if tok.lower_ in _PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
            claims.add(
                _mention(doc, tok.i, tok.i + 1, MentionKind.PRONOUN, ActorKind.PERSON),
                tok.i,
                tok.i + 1,
            )
        elif _the_secretary(tok) and claims.free(tok.i - 1, tok.i + 1):
            # "the secretary urged ...": the Secretary named before, like a pronoun
            secretary = _mention(
                doc, tok.i - 1, tok.i + 1, MentionKind.PRONOUN, ActorKind.PERSON, role="secretary"
            )
            claims.add(secretary, tok.i - 1, tok.i + 1)
    found = [_with_speaking(doc, m, kb) for m in sorted(claims.found, key=lambda m: m.start)]
    return _respectively(doc, kb, found)


def _with_speaking(doc: Doc, m: Mention, kb: Knowledge) -> Mention:
    """The mention marked when it is the subject of a verb of speaking, also through a
    verb it controls ("X said", "X went on to assert")."""
    if not m.subject:
        return m
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return m
    verbs = _controlled(span.root.head)
    speech = kb.cue_verbs | kb.speech_acts
    return replace(m, speaking=any(fold(v.lemma_) in speech for v in verbs))


def _joined_names(doc: Doc, kb: Knowledge) -> list[Span]:
    """The NER's PERSON names, two that touch made one ("Bilawal Bhutto" + "Zardari"),
    and names of any label that an honorific introduces ("H.E. Dr. Riek Machar Teny"
    tagged ORG), without the honorifics."""
    names: list[Span] = []
    for ent in doc.ents:
        start = _after_honorifics(ent, kb)
        if ent.label_ != "PERSON" and (start == ent.start or ent.label_ not in _NAME_LABELS):
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


def _name_forms(ent: Span, kb: Knowledge) -> list[str]:
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


def _the_secretary(tok: Token) -> bool:
    """ "the secretary" / "The Secretary" as the subject of a clause, not "the secretary
    general" or "the secretary of ...", which are titles of their own."""
    return (
        tok.lower_ == "secretary"
        and tok.i > 0
        and tok.doc[tok.i - 1].lower_ == "the"
        and tok.dep_ in ("nsubj", "nsubjpass")
        and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("general", "of"))
    )


def _respectively(doc: Doc, kb: Knowledge, mentions: list[Mention]) -> list[Mention]:
    """ "foreign ministers of Armenia and Azerbaijan, Ararat Mirzoyan and Jeyhun
    Bayramov": the n-th name of a title naming n countries is of the n-th country."""
    people = [m for m in mentions if m.actor_kind is ActorKind.PERSON and m.name]
    found = {m.start: m for m in mentions}
    text = doc.text  # built anew at every access
    for i, m in enumerate(people):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.role is None:
            continue
        countries = list(dict.fromkeys(c for e in span.ents if (c := kb.country(e.text))))
        group = [m]
        for later in people[i + 1 :]:  # "X and Y", "X, Y and Z"
            if text[group[-1].end : later.start].strip(" ,") not in ("", "and"):
                break
            group.append(later)
        if len(countries) < 2 or len(group) != len(countries):
            continue
        for person, country in zip(group, countries, strict=True):
            if person.country in (None, country):
                found[person.start] = replace(
                    person,
                    country=country,
                    sector=person.sector or m.sector,
                    role=person.role or m.role,
                )
    return [found[m.start] for m in mentions]


def _speaking_name(tok: Token, kb: Knowledge) -> Span | None:
    """ "Petar Petković, the office's director, told reporters": a name of two to four
    capitalised proper nouns that is the subject of a verb of speaking."""
    if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or fold(tok.head.lemma_) not in kb.cue_verbs:
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


def _listed_bodies(doc: Doc, kb: Knowledge) -> list[tuple[int, int, WorldActor]]:
    """Organisations and armed groups of several words that the dictionaries list and
    the text writes with capitals ("the Shining Path", "Abu Sayyaf Group"), as token
    ranges; a leading "the" is part of the mention."""
    kept = [t for t in doc if name_key(t.text)]  # words as names are compared
    keys = [name_key(t.text) for t in kept]
    found = []
    k = 0
    while k < len(kept):
        hit = kb.world.body_at(keys, k) if kept[k].text[:1].isupper() else None
        if hit is None or kb.is_office(hit[0].name):
            k += 1
            continue
        start, end = kept[k].i, kept[k + hit[1] - 1].i + 1
        found.append((with_determiner(doc, start), end, hit[0]))
        k += hit[1]
    return found


def _controlled(verb: Token) -> list[Token]:
    """A verb and the infinitives its subject does ("went on to assert", "was quick to
    add", "proceeded to warn")."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    return [verb] + [
        c for h in heads for c in h.children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB"
    ]


def _honoured_name(tok: Token, kb: Knowledge) -> Span | None:
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


def _is_person_name(ent: Span, kb: Knowledge) -> bool:
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


# -- people ------------------------------------------------------------------------------


def _claim_person(doc: Doc, ent: Span, words: list[str], kb: Knowledge, claims: Claims) -> None:
    if ent.start > 0 and _INITIAL.match(ent[0].text) and doc[ent.start - 1].text[:1].isupper():
        ent = doc[ent.start - 1 : ent.end]  # "Antony" before an entity "J. Blinken"
    if not claims.free(ent.start, ent.end):
        return
    start, end = ent.start, ent.end
    title, country, org_sector = None, None, None
    left = title_before(doc, start, words, kb, claims)
    if left is not None:
        start, title, country, org_sector = left
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
        _mention(
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


# -- noun phrases without a name: role nouns, institutions, documents -----------------------


def _noun_phrase_at(
    doc: Doc, i: int, words: list[str], kb: Knowledge, claims: Claims
) -> tuple[tuple[int, int], Mention] | None:
    """A role noun, a country's institution or a speaking document starting at token i."""
    if doc[i].is_punct or doc[i].is_space or _label(doc, i):
        return None
    if i > 0 and claims.free(i - 1, i) and _starts_phrase(doc[i - 1], kb):
        return None  # the phrase starts earlier and is read from there
    if i > 0 and doc[i - 1].lower_ in _ANYONE:
        return None  # "until the last soldier", "every official": no one in particular
    j, country = i, None
    definite = doc[i].lower_ not in _INDEFINITE
    if doc[i].lower_ in DETERMINERS:
        j += 1
    while j < len(doc) and claims.free(j, j + 1) and _is_country_word(doc[j], kb):
        country = kb.country(doc[j].text)
        j += 1
        if j < len(doc) and doc[j].text in POSSESSIVE:
            j += 1
    org = None  # "an EU official", "a UN spokesperson": an official of that body
    if country is None and j > i and j + 1 < len(doc) and claims.free(j, j + 1):
        org, j = _organisation_before_title(doc, j, words, kb)
    seat = seat_before(doc, j, kb) if country is None and org is None and j > i else None
    if seat is not None and seat[0] < len(doc) and match_title(doc, seat[0], words, kb):
        j, country = seat[0], seat[1]  # "the Kremlin spokesman": the seat's country
    else:
        seat = None
    if j >= len(doc) or not claims.free(j, j + 1):
        return None
    title = match_title(doc, j, words, kb)
    if title is not None:
        if org is not None:  # the body's country and sector, not the title's
            country = org.country
            title = (replace(title[0], sector=org.sector, country=org.country), *title[1:])
        elif seat is not None:
            title = (replace(title[0], sector=seat[2]), *title[1:])
        found = _role_or_office(doc, i, title, country, definite, words, kb, claims)
        if found is not None and org is not None and found[1].anonymous:
            found = (found[0], replace(found[1], body=org.name))
        return found
    inst = kb.institution_at(words, j)
    if inst is not None and country is not None:
        end = _with_source_noun(j + inst[1], words, kb)
        return _body(doc, i, end, country, inst[0].sector, definite=definite)
    if doc[i].lower_ == "the" and j == i + 1 and words[j] in kb.source_nouns:
        return (i, j + 1), _mention(doc, i, j + 1, MentionKind.SOURCE, ActorKind.ORG)
    return None


def _organisation_before_title(
    doc: Doc, j: int, words: list[str], kb: Knowledge
) -> tuple[DictionaryEntry | None, int]:
    """A known organisation of one to four words at token j right before a title ("an
    EU official", "an Arab League spokesman"), and where the title starts."""
    for size in range(min(4, len(doc) - j - 1), 0, -1):
        org = kb.organisation(doc[j : j + size].text)
        if org is not None and org.sector and match_title(doc, j + size, words, kb) is not None:
            return org, j + size
    return None, j


def _label(doc: Doc, i: int) -> bool:
    """ "Source: RIA Novosti": a word opening a line before a colon labels what follows."""
    return (
        i + 1 < len(doc)
        and doc[i + 1].text == ":"
        and (i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_)
    )


def _role_or_office(doc, i, title_hit, country, definite, words, kb, claims):
    """ "the Secretary of State" (a person) or "the prime minister's press office" (an
    institution owned by the holder of an office)."""
    title, end, inner_country = title_hit
    country = country or inner_country
    if end < len(doc) and doc[end].text in POSSESSIVE:
        inst = kb.institution_at(words, end + 1) if end + 1 < len(doc) else None
        if inst is not None:
            inst_end, sector = _with_source_noun(end + 1 + inst[1], words, kb), inst[0].sector
        elif end + 1 < len(doc) and words[end + 1] in _OFFICES:
            # "the prime minister's office": the holder's own office, of his sector
            inst_end, sector = end + 2, title.sector or "GOV"
        else:
            inst_end = None
        if inst_end is not None:
            return _body(doc, i, inst_end, country, sector, owner=title)
    if end < len(doc) and doc[end].ent_type_ == "PERSON":
        return None  # a title before a name belongs to the person
    if (
        end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].ent_type_ == "PERSON"
        and attaches_back(doc, end + 1)
    ):
        return None  # "the Prime Minister of Armenia, Nikol Pashinyan"
    if doc[i:end].root.tag_ in ("NNS", "NNPS"):  # "officials", "the Heads of State"
        return _holders(doc, i, end, title, country, definite, kb, claims)
    sector = title.sector
    body = affiliation_after(doc, end, kb) if title.anonymous else None
    if body is not None:  # "a senior officer in the Burundian military"
        end, country, sector = body.end, country or body.country, body.sector or sector
    elif end + 1 < len(doc) and doc[end].lower_ == "of":
        of = of_country(doc, end, kb)
        if of is not None:
            end, country = of[0], country or of[1]
    if not claims.free(i, end):
        return None
    return (i, end), _mention(
        doc,
        i,
        end,
        MentionKind.ROLE,
        ActorKind.PERSON,
        country=country or title.country,
        sector=sector or ("GOV" if country or not title.anonymous else None),
        role=title.role,
        family=title.family,
        definite=definite,
        anonymous=title.anonymous,
        body=body.organisation if body else None,
    )


def _holders(doc, i, end, title, country, definite, kb, claims):
    """Several holders of a title, as the body they belong to or speak for: "the Heads
    of State and Government of ECOWAS" (that organisation), "Ethiopian officials said"
    (that government), "diplomats told Reuters" (unnamed diplomats), "the leaders" (the
    body just told of); "foreign ministers" alone are several people, no one actor."""
    body = affiliation_after(doc, end, kb)
    head = doc[i:end].root
    if body is not None and body.organisation and claims.free(i, body.end):
        mention = _mention(
            doc,
            i,
            body.end,
            MentionKind.ORG,
            ActorKind.ORG,
            name=body.organisation,
            country=body.country,
            sector=body.sector,
        )
        return (i, body.end), mention
    if not claims.free(i, end):
        return None
    if country is not None and (title.family in _SPEAKING_FOR or title.anonymous):
        # "Ethiopian officials said": its government speaking, not one person
        return _body(doc, i, end, country, title.sector or "GOV", definite=definite)
    if title.anonymous and speaks(head, kb):
        sector = title.sector or ("GOV" if title.family in _SPEAKING_FOR else None)
        anonymous = _mention(doc, i, end, MentionKind.ORG, ActorKind.ORG, sector=sector)
        return (i, end), replace(anonymous, name=doc[i:end].text, anonymous=True)
    if doc[i].lower_ == "the" and end - i == 2 and (end == len(doc) or doc[end].dep_ != "prep"):
        return (i, end), _mention(
            doc, i, end, MentionKind.ROLE, ActorKind.ORG, role=title.role, plural=True
        )
    return None


def _body(
    doc: Doc, i: int, end: int, country: str | None, sector: str | None, **kw: object
) -> tuple[tuple[int, int], Mention]:
    """A country's institution (or an office-holder's office) as a mention of tokens
    [i, end)."""
    mention = _mention(
        doc, i, end, MentionKind.INSTITUTION, ActorKind.ORG, country=country, sector=sector, **kw
    )
    return (i, end), mention


def _starts_phrase(tok: Token, kb: Knowledge) -> bool:
    return tok.lower_ in DETERMINERS or _is_country_word(tok, kb)


def _is_country_word(tok: Token, kb: Knowledge) -> bool:
    """A country name, demonym or "US" in a modifier position."""
    return bool(tok.text[:1].isupper() and kb.country(tok.text))


def _with_source_noun(end: int, words: list[str], kb: Knowledge) -> int:
    """ "an Armenian government press statement": include a following document noun."""
    for k in range(end, min(end + 2, len(words))):
        if words[k] in kb.source_nouns:
            return k + 1
    return end


# -- organisations, countries, capitals -----------------------------------------------------


def _named_non_person(ent: Span, words: list[str], kb: Knowledge) -> Mention | None:
    """An organisation, country or capital named by the NER."""
    doc, text = ent.doc, ent.text
    org = kb.organisation(text)
    if org is not None and not kb.is_platform(text):
        return _mention(
            doc,
            ent.start,
            ent.end,
            MentionKind.ORG,
            org.kind,
            name=org.name,
            country=org.country,
            sector=org.sector,
        )
    seat = kb.seat(text)
    if seat is not None:
        return _mention(
            doc,
            ent.start,
            ent.end,
            MentionKind.INSTITUTION,
            ActorKind.ORG,
            country=seat[0],
            sector=seat[1],
        )
    code = kb.country(text) if ent.label_ != "NORP" else None
    if code is not None:
        return _mention(
            doc, ent.start, ent.end, MentionKind.COUNTRY, ActorKind.COUNTRY, country=code
        )
    capital = kb.capital(text)
    if capital is not None:
        if not _acts(ent.root):
            return None  # "talks in Washington": a place
        return _mention(
            doc,
            ent.start,
            ent.end,
            MentionKind.METONYM,
            ActorKind.ORG,
            country=capital,
            sector="GOV",
        )
    if (
        ent.label_ == "ORG"
        and not _joins_countries(ent, kb)
        and not kb.is_platform(text)
        and not _names_a_place(ent)
    ):
        country = next((kb.country(t.text) for t in ent if kb.country(t.text)), None)
        inst = next(
            (
                kb.institution_at(words, k)
                for k in range(ent.start, ent.end)
                if kb.institution_at(words, k)
            ),
            None,
        )
        return _mention(
            doc,
            ent.start,
            ent.end,
            MentionKind.ORG,
            ActorKind.ORG,
            name=text.removeprefix("the ").removeprefix("The "),
            country=country,
            sector=inst[0].sector if inst else None,
        )
    return None


def _names_a_place(ent: Span) -> bool:
    """ "the Essequibo region", "the Lachin corridor": a name before a place noun."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    # lower case only: "Islamic State" and "Border Police" are organisations
    return (after is not None and after.text in _PLACE_NOUNS) or ent[-1].text in _PLACE_NOUNS


def _acts(token: Token) -> bool:
    """Whether a place name is used as an actor (subject, object), not a location."""
    if token.dep_ in _ACTOR_DEPS:
        return True
    if token.dep_ in ("conj", "compound"):
        return _acts(token.head)
    return token.dep_ == "pobj" and token.head.lower_ in _ACTOR_PREPS


def _joins_countries(ent: Span, kb: Knowledge) -> bool:
    """ "Armenia-Azerbaijan", "Azerbaijan-Armenia Conflict": not an organisation."""
    parts = [p.strip() for p in ent.text.replace("–", "-").split("-") if p.strip()]
    return len(parts) > 1 and kb.country(parts[0]) is not None


def _mention(doc: Doc, start: int, end: int, kind: MentionKind, actor_kind: ActorKind, **kw):
    span = doc[start:end]
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        kind=kind,
        actor_kind=actor_kind,
        subject=span.root.dep_ in ("nsubj", "nsubjpass"),
        **kw,
    )
