"""Noun phrases without a name: role nouns ("the Secretary of State", "a top US
diplomat"), unnamed holders who stand for a body ("the Kremlin spokesman", "officials
said"), several holders ("the Heads of State of ECOWAS", "the leaders"), institutions of
a country ("the Armenian government", "the prime minister's press office") and
documents that speak for their issuer ("the statement added")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from storyline.actors.affiliation import affiliation_after, seat_before, speaks
from storyline.actors.collectives import (
    armed_body,
    bare_force,
    body_after_of,
    counted_from,
    countries_at,
    country_at,
    force_over_title,
    named_after,
    owned_force,
    regional_holders,
    the_country,
    unnamed_speakers,
)
from storyline.actors.dictionary import DictionaryEntry
from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import Claims, Mention, MentionKind, body_mention, span_mention
from storyline.actors.names import fold
from storyline.actors.titles import (
    DETERMINERS,
    OFFICE_MODIFIERS,
    POSSESSIVE,
    attaches_back,
    match_title,
    of_country,
    of_place,
)
from storyline.records import ActorKind

_INDEFINITE = frozenset({"a", "an"})
_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG"})  # bodies of a state


_ANYONE = frozenset({"last", "every", "each", "any", "no", "single", "lone", "ordinary"})


_OFFICES = frozenset({"office", "offices", "cabinet", "staff", "aides", "camp"})


_SPEAKING_FOR = frozenset({"official", "diplomat", "spokesperson"})


def noun_phrase_at(
    doc: Doc, i: int, words: list[str], kb: Knowledge, claims: Claims
) -> tuple[tuple[int, int], Mention] | None:
    """A role noun, a country's institution or a speaking document starting at token i."""
    if doc[i].is_punct or doc[i].is_space or _label(doc, i):
        return None
    if i > 0 and claims.free(i - 1, i) and _starts_phrase(doc, i - 1, kb):
        return None  # the phrase starts earlier and is read from there
    if i > 0 and doc[i - 1].lower_ in _ANYONE:
        return None  # "until the last soldier", "every official": no one in particular
    if doc[i].lower_ in ("its", "their"):
        return owned_force(doc, i, words, kb, claims)  # "its soldiers"
    j = i + 1 if doc[i].lower_ in DETERMINERS else i
    definite = doc[i].lower_ not in _INDEFINITE
    codes, j = countries_at(doc, j, kb, claims)
    country, others = (codes[0], tuple(codes[1:])) if codes else (None, ())
    if country is not None:  # "South Sudan's principal opposition party"
        j = _past_adjectives(doc, j, words, kb)
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
    ranked = _past_ranks(doc, j, words, kb) if title is None else j
    if ranked > j:  # "the outgoing prime minister", "the former acting president"
        j, title = ranked, match_title(doc, ranked, words, kb)
    if title is None and country is None and doc[i].lower_ == "the":
        regional = regional_holders(doc, i, j, words, kb)  # "the Arab leaders"
        if regional is not None:
            return regional
    inst = kb.institution_at(words, j)
    if title is not None and force_over_title(doc, title[1], j, inst, country):
        title = None  # "Chadian peacekeepers": the country's force, not several people
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
    if inst is not None and country is not None:
        end = _with_source_noun(j + inst[1], words, kb)
        start = counted_from(doc, i, end, claims)  # "ten Kenyan soldiers"
        return _body(doc, start, end, country, inst[0].sector, definite=definite, others=others)
    if (
        inst is not None
        and inst[0].sector not in _STATE
        and j == i
        and unnamed_speakers(doc, i, i + inst[1], kb)
    ):
        # "Media outlets said", "Rights groups reported": unnamed bodies of that sector
        end, sector = i + inst[1], inst[0].sector
        name = "Unnamed " + " ".join(t.lower_ for t in doc[i:end])
        mention = span_mention(doc, i, end, MentionKind.ORG, ActorKind.ORG, sector=sector)
        return (i, end), replace(mention, name=name, anonymous=True)
    if doc[i].lower_ == "the" and j == i + 1 and words[j] in _OFFICES:
        owned = _office_of(doc, i, j)  # "the office of Israeli Prime Minister X"
        if owned is not None:
            return owned
    if doc[i].lower_ == "the" and j == i + 1 and words[j] in kb.source_nouns:
        return (i, j + 1), span_mention(doc, i, j + 1, MentionKind.SOURCE, ActorKind.ORG)
    if country is None and (doc[i].lower_ == "the" or j == i):
        return _anaphor(doc, i, kb, claims)
    return None


def _past_ranks(doc: Doc, j: int, words: list[str], kb: Knowledge) -> int:
    """Past words that rank or qualify an office ("First", "former", "acting") to the
    title they lead to; j when no title follows them."""
    for k in range(j, min(j + 4, len(doc))):
        if k > j and match_title(doc, k, words, kb) is not None:
            return k
        if words[k] not in OFFICE_MODIFIERS:
            break
    return j


def _organisation_before_title(
    doc: Doc, j: int, words: list[str], kb: Knowledge
) -> tuple[DictionaryEntry | None, int]:
    """A known organisation of one to four words at token j right before a title ("an
    EU official", "an Arab League spokesman"), and where the title starts."""
    for size in range(min(4, len(doc) - j - 1), 0, -1):
        if match_title(doc, j + size, words, kb) is None:
            continue  # the cheaper test first: most words are followed by no title
        org = kb.organisation(doc[j : j + size].text)
        if org is not None and org.sector:
            return org, j + size
    return None, j


def _anaphor(doc: Doc, i: int, kb: Knowledge, claims: Claims):
    """ "the agency", "the UN nuclear watchdog", "the continental body", "the police",
    "police said": a definite phrase, or a bare plural or mass noun, headed by a body
    noun that refers back to a body named before."""
    if bare_force(doc, i, kb):  # "clashes between government troops and militias"
        mention = span_mention(doc, i, i + 2, MentionKind.INSTITUTION, ActorKind.ORG)
        return (i, i + 2), replace(mention, refers=frozenset({"MIL"}))
    head = doc[i].head if doc[i].lower_ == "the" else doc[i]
    if head.i == i and (head.tag_ not in ("NNS", "NNP", "NN") or any(head.children)):
        return None  # bare: "police said", "authorities said", not "a group of"
    if head.i < i or head.i - i > 5 or not claims.free(i, head.i + 1):
        return None
    common = head.is_lower or (head.is_sent_start and head.is_title)  # "Police said ..."
    refers = kb.anaphors.get(fold(head.text)) if common and not head.ent_type_ else None
    if refers is None and common and doc[i].lower_ == "the":
        refers = armed_body(doc, i + 1, head.i + 1, kb)
    if common and doc[i].lower_ == "the" and fold(head.text) in kb.country_nouns:
        return the_country(doc, i, head)
    if refers is None or any(c.dep_ in ("prep", "appos") for c in head.children):
        return None  # "the government of Sudan" is read with its country elsewhere
    known = kb.organisation(doc[i : head.i + 1].text)
    if known is not None:  # "the UN nuclear watchdog": a name the knowledge lists
        return (i, head.i + 1), body_mention(doc, i, head.i + 1, known)
    if any(t.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") for t in doc[i : head.i]):
        return None  # "the Sudanese army", "the Machar group", "the Taliban movement"
    mention = span_mention(doc, i, head.i + 1, MentionKind.INSTITUTION, ActorKind.ORG)
    return (i, head.i + 1), replace(mention, refers=refers)


def _office_of(doc: Doc, i: int, j: int):
    """ "the office of Israeli Prime Minister Benjamin Netanyahu": a person's office, of
    that person's country, as "the prime minister's office" is."""
    if j + 2 >= len(doc) or doc[j + 1].lower_ != "of":
        return None
    owner = next((c for c in doc[j + 1].children if c.dep_ == "pobj"), None)
    if owner is None or owner.ent_type_ != "PERSON":
        return None
    # "the office" only: the person's own mention holds the rest of the phrase
    mention = span_mention(doc, i, j + 1, MentionKind.INSTITUTION, ActorKind.ORG, sector="GOV")
    return (i, j + 1), replace(mention, possessor=owner.idx)


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
    last = doc[end - 1]
    if last.dep_ in ("compound", "amod") and last.head.i == end and doc[end].is_lower:
        return None  # "the Boko Haram jihadist group": the title word qualifies a noun
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
    sector, of_body, place = title.sector, None, None
    body = affiliation_after(doc, end, kb) if title.anonymous else None
    if body is not None:  # "a senior officer in the Burundian military"
        end, country, sector = body.end, country or body.country, body.sector or sector
    elif end + 1 < len(doc) and doc[end].lower_ == "of":
        of = of_country(doc, end, kb)
        org = body_after_of(doc, end, kb) if of is None and country is None else None
        seat = of_place(doc, end, kb) if of is None and org is None else None
        if of is not None:
            end, country = of[0], country or of[1]
        elif seat is not None:  # "the governor of Mombasa": of that place, in its country
            end, country, place = seat[0], country or seat[1], seat[2]
        elif org is not None:  # "the Secretary-General of the Arab League"
            end, country, sector = org[0], org[1].country, org[1].sector or sector
            of_body = org[1].name
            if named_after(doc, end):
                return None  # "the Secretary-General of the Arab League (AL), X"
    if not claims.free(i, end):
        return None
    return (i, end), span_mention(
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
        body=body.organisation if body else of_body,
        place=place,
    )


def _holders(doc, i, end, title, country, definite, kb, claims):
    """Several holders of a title, as the body they belong to or speak for: "the Heads
    of State and Government of ECOWAS" (that organisation), "Ethiopian officials said"
    (that government), "diplomats told Reuters" (unnamed diplomats), "the leaders" (the
    body just told of); "foreign ministers" alone are several people, no one actor."""
    body = affiliation_after(doc, end, kb)
    head = doc[i:end].root
    if body is not None and body.organisation and claims.free(i, body.end):
        mention = span_mention(
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
        anonymous = span_mention(doc, i, end, MentionKind.ORG, ActorKind.ORG, sector=sector)
        words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in doc[i:end] if t.lower_ != "the"]
        name = "Unnamed " + " ".join(words)  # "Unnamed diplomats", "Unnamed Western officials"
        return (i, end), replace(anonymous, name=name, anonymous=True)
    if doc[i].lower_ == "the" and end - i == 2 and (end == len(doc) or doc[end].dep_ != "prep"):
        return (i, end), span_mention(
            doc, i, end, MentionKind.ROLE, ActorKind.ORG, role=title.role, plural=True
        )
    return None


def _body(
    doc: Doc, i: int, end: int, country: str | None, sector: str | None, **kw: object
) -> tuple[tuple[int, int], Mention]:
    """A country's institution (or an office-holder's office) as a mention of tokens
    [i, end)."""
    mention = span_mention(
        doc, i, end, MentionKind.INSTITUTION, ActorKind.ORG, country=country, sector=sector, **kw
    )
    return (i, end), mention


def _starts_phrase(doc: Doc, i: int, kb: Knowledge) -> bool:
    return doc[i].lower_ in DETERMINERS or country_at(doc, i, kb) is not None


def _past_adjectives(doc: Doc, j: int, words: list[str], kb: Knowledge) -> int:
    """Past up to two adjectives before an institution or title ("principal", "main",
    "ruling"), where one follows; else j."""
    for k in range(j, min(j + 3, len(doc))):
        if kb.institution_at(words, k) or kb.starts_title(words[k]):
            return k  # "foreign minister" starts at once: nothing to pass
        if doc[k].pos_ != "ADJ" or not doc[k].is_lower:
            break
    return j


def _with_source_noun(end: int, words: list[str], kb: Knowledge) -> int:
    """ "an Armenian government press statement": include a following document noun."""
    for k in range(end, min(end + 2, len(words))):
        if words[k] in kb.source_nouns:
            return k + 1
    return end
