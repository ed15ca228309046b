"""Noun phrases that name a collective: several countries' bodies ("Peruvian and
Chilean delegations"), a country's counted force ("ten Kenyan peacekeepers"), an armed
body told of before ("the military junta", "government forces", "the fighters"), the
country described ("the Andean nation"), unnamed speakers of no state ("media outlets
said") and a title of an international body ("the Director-General of the WHO"). Read
by `roles.noun_phrase_at`."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from storyline.actors.affiliation import speaks
from storyline.actors.dictionary import DictionaryEntry
from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import Claims, Mention, MentionKind, span_mention
from storyline.actors.names import fold
from storyline.actors.titles import POSSESSIVE, attaches_back, match_title
from storyline.records import ActorKind


def countries_at(doc: Doc, j: int, kb: Knowledge, claims: Claims) -> tuple[list[str], int]:
    """The countries named from token j, with possessives and coordination ("Armenia's",
    "US and Russian", "Kenyan, Ugandan and Ethiopian"), and the token after them."""
    codes: list[str] = []
    while j < len(doc) and claims.free(j, j + 1):
        named = country_at(doc, j, kb)
        if named is None:
            if not codes or doc[j].lower_ not in _JOINERS or j + 1 >= len(doc):
                break
            if country_at(doc, j + 1, kb) is None and doc[j + 1].lower_ != "and":
                break
            j += 1  # "Peruvian and Chilean", "Kenyan, Ugandan and ..."
            continue
        codes.append(named[0])
        j += named[1]
        if j < len(doc) and doc[j].text in POSSESSIVE:
            j += 1
    if codes and doc[j - 1].lower_ in _JOINERS:
        j -= 1  # a joiner the next country did not follow
    return list(dict.fromkeys(codes)), j


_JOINERS = frozenset({"and", ","})


def force_over_title(doc: Doc, title_end: int, j: int, inst, country: str | None) -> bool:
    """Whether a plural title a country names is read as that country's body, because
    the same words are one of its institutions ("Chadian peacekeepers", "Kenyan
    troops"): a force, not several people."""
    return (
        country is not None
        and inst is not None
        and j + inst[1] >= title_end
        and doc[title_end - 1].tag_ in ("NNS", "NNPS")
    )


_QUANTIFIERS = frozenset({"several", "some", "many", "few", "dozens", "hundreds", "thousands"})


def counted_from(doc: Doc, i: int, end: int, claims: Claims) -> int:
    """Where a counted body starts: at a number or quantifier counting its noun ("ten
    Kenyan soldiers", "several Chadian peacekeepers"); else at i."""
    if i == 0 or not claims.free(i - 1, i):
        return i
    word = doc[i - 1]
    counts = word.tag_ == "CD" or word.lower_ in _QUANTIFIERS
    return i - 1 if counts and word.head.i == end - 1 and doc[end - 1].tag_ == "NNS" else i


def the_country(doc: Doc, i: int, head) -> tuple[tuple[int, int], Mention] | None:
    """ "the country", "the Andean nation", "the landlocked Central Asian nation": the
    country the article is about, described; not "the country of ..." nor a country
    named in it ("the Ugandan nation" is read with its country elsewhere)."""
    if any(c.dep_ in ("prep", "appos", "relcl") for c in head.children):
        return None
    if any(t.ent_type_ in ("PERSON", "GPE", "ORG") for t in doc[i : head.i]):
        return None
    mention = span_mention(doc, i, head.i + 1, MentionKind.COUNTRY, ActorKind.COUNTRY)
    return (i, head.i + 1), mention


def armed_body(doc: Doc, start: int, end: int, kb: Knowledge) -> frozenset[str] | None:
    """ "the military junta", "the coup leaders", "the troops", "the fighters": words that
    are an armed body, with no country named, refer to the armed body of that sector
    told of before (or, for a state's, the military of the country the article names
    most)."""
    words = [fold(t.text) for t in doc[start:end]]
    inst = kb.institution_at(words, 0) if words else None
    if inst is None or inst[1] != len(words) or inst[0].sector not in ("MIL", "REB"):
        return None
    return frozenset({inst[0].sector})


def unnamed_speakers(doc: Doc, start: int, end: int, kb: Knowledge) -> bool:
    """Whether tokens [start, end) are a bare plural body noun of no state ("media
    outlets", "rights groups") that is the subject of a verb of speaking."""
    head = doc[start:end].root
    return (
        head.tag_ == "NNS"
        and head.i == end - 1
        and head.dep_ == "nsubj"
        and not any(c.dep_ in ("det", "poss", "amod", "prep") for c in head.children)
        and speaks(head, kb)
    )


def bare_force(doc: Doc, i: int, kb: Knowledge) -> bool:
    """ "government forces", "government troops" with no article or country: a state's
    armed body named by two words heading a bare plural phrase."""
    if i + 1 >= len(doc) or doc[i].dep_ != "compound" or doc[i].head.i != i + 1:
        return False
    head = doc[i + 1]
    if head.tag_ != "NNS" or any(c.dep_ in ("det", "poss") for c in head.children):
        return False
    return armed_body(doc, i, i + 2, kb) == frozenset({"MIL"})


def named_after(doc: Doc, end: int) -> bool:
    """Whether a person's name follows a title phrase after a comma (and a bracketed
    acronym): the title is that person's."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        end += 3
    return (
        end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].ent_type_ == "PERSON"
        and attaches_back(doc, end + 1)
    )


def body_after_of(doc: Doc, of: int, kb: Knowledge) -> tuple[int, DictionaryEntry] | None:
    """ "... of the WHO", "... of the Arab League": a known international body named
    right after "of", and the token after it."""
    start = of + 2 if of + 2 < len(doc) and doc[of + 1].lower_ == "the" else of + 1
    for size in range(min(8, len(doc) - start), 0, -1):
        if not doc[start + size - 1].text[:1].isupper():
            continue
        org = kb.organisation(doc[start : start + size].text)
        if org is not None and org.sector in ("IGO", "NGO"):
            return start + size, org
    return None


def country_at(doc: Doc, j: int, kb: Knowledge) -> tuple[str, int] | None:
    """A country name or demonym of one to five capitalised words at token j ("US",
    "Armenian", "South Sudan", "Sri Lankan", "Republic of Niger"), and how many words it
    spans."""
    if not doc[j].text[:1].isupper():
        return None  # most words: no need to read further
    for size in (5, 4, 3, 2, 1):
        span = doc[j : j + size]
        if len(span) == size and span[-1].text[:1].isupper() and all(_in_name(t) for t in span):
            code = kb.country(span.text)
            if code is not None:
                return code, size
    return None


def _in_name(token) -> bool:
    """A word of a country's name: capitalised, or "of" and "the" inside it."""
    return token.text[:1].isupper() or token.lower_ in ("of", "the")


def regional_holders(
    doc: Doc, i: int, j: int, words: list[str], kb: Knowledge
) -> tuple[tuple[int, int], Mention] | None:
    """ "the Southeast Asian leaders", "the European ministers": several holders of a title
    named by a region, no country, stand for the regional body told of before."""
    k = j
    while k < len(doc) and k - j < 3 and doc[k].ent_type_ in ("NORP", "LOC"):
        if kb.country(doc[k].text) is not None:
            return None  # "the Kenyan leaders" are read with their country
        k += 1
    title = match_title(doc, k, words, kb) if k > j else None
    if title is None or doc[title[1] - 1].tag_ not in ("NNS", "NNPS"):
        return None
    end = title[1]
    mention = span_mention(doc, i, end, MentionKind.ROLE, ActorKind.ORG, role=title[0].role)
    return (i, end), replace(mention, plural=True, sector="IGO")


def owned_force(
    doc: Doc, i: int, words: list[str], kb: Knowledge, claims: Claims
) -> tuple[tuple[int, int], Mention] | None:
    """ "its soldiers", "their forces": a body of whoever "its" or "their" stands for,
    of the sector its noun has (read when the article is resolved)."""
    inst = kb.institution_at(words, i + 1) if i + 1 < len(doc) else None
    if inst is None or not claims.free(i, i + 1 + inst[1]):
        return None
    end = i + 1 + inst[1]
    mention = span_mention(
        doc, i, end, MentionKind.INSTITUTION, ActorKind.ORG, sector=inst[0].sector
    )
    return (i, end), replace(mention, possessor=doc[i].idx)
