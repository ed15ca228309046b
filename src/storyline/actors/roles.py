"""Noun phrases without a name: role nouns ("the Secretary of State", "a top US
diplomat"), unnamed holders who stand for a body ("the Kremlin spokesman", "officials
said"), several holders ("the Heads of State of ECOWAS", "the leaders"), institutions of
a country ("the Armenian government", "the prime minister's press office") and
documents that speak for their issuer ("the statement added")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from storyline.actors.affiliation import affiliation_after, seat_before, speaks
from storyline.actors.dictionary import DictionaryEntry
from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import Claims, Mention, MentionKind, body_mention, span_mention
from storyline.actors.names import fold
from storyline.actors.titles import DETERMINERS, POSSESSIVE, attaches_back, match_title, of_country
from storyline.records import ActorKind

_INDEFINITE = frozenset({"a", "an"})


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
    j = i + 1 if doc[i].lower_ in DETERMINERS else i
    definite = doc[i].lower_ not in _INDEFINITE
    codes, j = _countries_at(doc, j, kb, claims)
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
    inst = kb.institution_at(words, j)
    if title is not None and _force_over_title(doc, title[1], j, inst, country):
        title = None  # "Burundian peacekeepers": the country's force, not several people
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
        start = _counted_from(doc, i, end, claims)  # "ten Kenyan soldiers"
        return _body(doc, start, end, country, inst[0].sector, definite=definite, others=others)
    if doc[i].lower_ == "the" and j == i + 1 and words[j] in _OFFICES:
        owned = _office_of(doc, i, j)  # "the office of Israeli Prime Minister X"
        if owned is not None:
            return owned
    if doc[i].lower_ == "the" and j == i + 1 and words[j] in kb.source_nouns:
        return (i, j + 1), span_mention(doc, i, j + 1, MentionKind.SOURCE, ActorKind.ORG)
    if country is None and (doc[i].lower_ == "the" or j == i):
        return _anaphor(doc, i, kb, claims)
    return None


def _countries_at(doc: Doc, j: int, kb: Knowledge, claims: Claims) -> tuple[list[str], int]:
    """The countries named from token j, with possessives and coordination ("Armenia's",
    "US and Russian", "Kenyan, Ugandan and Ethiopian"), and the token after them."""
    codes: list[str] = []
    while j < len(doc) and claims.free(j, j + 1):
        named = _country_at(doc, j, kb)
        if named is None:
            if not codes or doc[j].lower_ not in _JOINERS or j + 1 >= len(doc):
                break
            if _country_at(doc, j + 1, kb) is None and doc[j + 1].lower_ != "and":
                break
            j += 1  # "Russian and Ukrainian", "Kenyan, Ugandan and ..."
            continue
        codes.append(named[0])
        j += named[1]
        if j < len(doc) and doc[j].text in POSSESSIVE:
            j += 1
    if codes and doc[j - 1].lower_ in _JOINERS:
        j -= 1  # a joiner the next country did not follow
    return list(dict.fromkeys(codes)), j


_JOINERS = frozenset({"and", ","})


def _force_over_title(doc: Doc, title_end: int, j: int, inst, country: str | None) -> bool:
    """Whether a plural title a country names is read as that country's body, because
    the same words are one of its institutions ("Burundian peacekeepers", "Kenyan
    troops"): a force, not several people."""
    return (
        country is not None
        and inst is not None
        and j + inst[1] >= title_end
        and doc[title_end - 1].tag_ in ("NNS", "NNPS")
    )


_QUANTIFIERS = frozenset({"several", "some", "many", "few", "dozens", "hundreds", "thousands"})


def _counted_from(doc: Doc, i: int, end: int, claims: Claims) -> int:
    """Where a counted body starts: at a number or quantifier counting its noun ("ten
    Kenyan soldiers", "several Burundian peacekeepers"); else at i."""
    if i == 0 or not claims.free(i - 1, i):
        return i
    word = doc[i - 1]
    counts = word.tag_ == "CD" or word.lower_ in _QUANTIFIERS
    return i - 1 if counts and word.head.i == end - 1 and doc[end - 1].tag_ == "NNS" else i


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


def _anaphor(doc: Doc, i: int, kb: Knowledge, claims: Claims):
    """ "the agency", "the UN nuclear watchdog", "the continental body", "the police",
    "police said": a definite phrase, or a bare plural or mass noun, headed by a body
    noun that refers back to a body named before."""
    head = doc[i].head if doc[i].lower_ == "the" else doc[i]
    if head.i == i and (head.tag_ not in ("NNS", "NNP", "NN") or any(head.children)):
        return None  # bare: "police said", "authorities said", not "a group of"
    if head.i < i or head.i - i > 5 or not claims.free(i, head.i + 1):
        return None
    common = head.is_lower or (head.is_sent_start and head.is_title)  # "Police said ..."
    refers = kb.anaphors.get(fold(head.text)) if common and not head.ent_type_ else None
    if refers is None and common and doc[i].lower_ == "the":
        refers = _armed_body(doc, i + 1, head.i + 1, kb)
    if common and doc[i].lower_ == "the" and fold(head.text) in kb.country_nouns:
        return _the_country(doc, i, head)
    if refers is None or any(c.dep_ in ("prep", "appos") for c in head.children):
        return None  # "the government of Sudan" is read with its country elsewhere
    known = kb.organisation(doc[i : head.i + 1].text)
    if known is not None:  # "the UN nuclear watchdog": a name the knowledge lists
        return (i, head.i + 1), body_mention(doc, i, head.i + 1, known)
    if any(t.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") for t in doc[i : head.i]):
        return None  # "the Sudanese army", "the Machar group", "the Taliban movement"
    mention = span_mention(doc, i, head.i + 1, MentionKind.INSTITUTION, ActorKind.ORG)
    return (i, head.i + 1), replace(mention, refers=refers)


def _the_country(doc: Doc, i: int, head) -> tuple[tuple[int, int], Mention] | None:
    """ "the country", "the Balkan nation", "the landlocked West African nation": the
    country the article is about, described; not "the country of ..." nor a country
    named in it ("the Ugandan nation" is read with its country elsewhere)."""
    if any(c.dep_ in ("prep", "appos", "relcl") for c in head.children):
        return None
    if any(t.ent_type_ in ("PERSON", "GPE", "ORG") for t in doc[i : head.i]):
        return None
    mention = span_mention(doc, i, head.i + 1, MentionKind.COUNTRY, ActorKind.COUNTRY)
    return (i, head.i + 1), mention


def _armed_body(doc: Doc, start: int, end: int, kb: Knowledge) -> frozenset[str] | None:
    """ "the military junta", "the coup leaders", "the troops": words that are a state's
    armed body, with no country named, refer to the armed body told of before (or the
    military of the country the article names most)."""
    words = [fold(t.text) for t in doc[start:end]]
    inst = kb.institution_at(words, 0) if words else None
    if inst is None or inst[1] != len(words) or inst[0].sector != "MIL":
        return None
    return frozenset({"MIL"})


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
        return None  # "the M23 rebel group": the title word only qualifies a noun
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
    sector, of_body = title.sector, None
    body = affiliation_after(doc, end, kb) if title.anonymous else None
    if body is not None:  # "a senior officer in the Burundian military"
        end, country, sector = body.end, country or body.country, body.sector or sector
    elif end + 1 < len(doc) and doc[end].lower_ == "of":
        of = of_country(doc, end, kb)
        org = _of_body(doc, end, kb) if of is None and country is None else None
        if of is not None:
            end, country = of[0], country or of[1]
        elif org is not None:  # "the Director General of the IAEA"
            end, country, sector = org[0], org[1].country, org[1].sector or sector
            of_body = org[1].name
            if _named_after(doc, end):
                return None  # "the Director General of the IAEA (IAEA), Rafael Grossi"
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
    )


def _named_after(doc: Doc, end: int) -> bool:
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


def _of_body(doc: Doc, of: int, kb: Knowledge) -> tuple[int, DictionaryEntry] | None:
    """ "... of the IAEA", "... of the African Union": a known international body named
    right after "of", and the token after it."""
    start = of + 2 if of + 2 < len(doc) and doc[of + 1].lower_ == "the" else of + 1
    for size in range(min(8, len(doc) - start), 0, -1):
        if not doc[start + size - 1].text[:1].isupper():
            continue
        org = kb.organisation(doc[start : start + size].text)
        if org is not None and org.sector in ("IGO", "NGO"):
            return start + size, org
    return None


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
    return doc[i].lower_ in DETERMINERS or _country_at(doc, i, kb) is not None


def _country_at(doc: Doc, j: int, kb: Knowledge) -> tuple[str, int] | None:
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
