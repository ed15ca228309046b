"""Named bodies: organisations, armed groups, countries, capitals and seats standing
for a government, and the bodies of several words the dictionaries list that the NER
missed; what is not a body (a place, a country pair) is left out."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from storyline.actors.dictionary import DictionaryEntry
from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import Mention, MentionKind, body_mention, span_mention
from storyline.actors.names import fold, name_key
from storyline.actors.titles import POSSESSIVE, with_determiner
from storyline.records import ActorKind

# Plural titles that stand for a country's body: "Ethiopian officials", "US diplomats".
_PLACE_NOUNS = frozenset(
    "region province district area territory county valley corridor crossing border "
    "enclave oblast governorate strip peninsula basin plateau".split()
)


_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent", "ROOT"})


_ACTOR_PREPS = frozenset({"between", "with", "by", "against"})
_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "throughout"})
_SETTLEMENTS = frozenset({"village", "town", "city", "hamlet", "camp", "base", "settlement"})
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")


def listed_bodies(
    doc: Doc, tokens: list[Token], kb: Knowledge
) -> list[tuple[int, int, DictionaryEntry]]:
    """Organisations and armed groups of several words that the knowledge lists and
    the text writes with capitals ("the Shining Path", "the SPLM-IO", "Abu Sayyaf
    Group"), or whose acronym it writes ("ECOWAS", "IGAD", "the IAEA": the NER often
    takes one for an adjective or a place), as token ranges; a leading "the" is part
    of the mention."""
    keyed = [(t, key) for t in tokens if (key := name_key(t.text))]  # words as compared
    kept, keys = [t for t, _ in keyed], [key for _, key in keyed]
    found = []
    k = 0
    while k < len(kept):
        hit = kb.body_at(keys, k) if kept[k].text[:1].isupper() else None
        if hit is None and _acronym(kept[k].text) and not _named_on(doc, kept[k]):
            entry = kb.organisation(kept[k].text)
            hit = (entry, 1) if entry is not None else None
        if hit is None or kb.is_office(hit[0].name) or _lower_cased(kept[k + 1 : k + hit[1]]):
            k += 1
            continue
        start, end = kept[k].i, kept[k + hit[1] - 1].i + 1
        found.append((with_determiner(doc, start), end, hit[0]))
        k += hit[1]
    return found


def _lower_cased(rest: list[Token]) -> bool:
    """Whether a listed name's later words are written as common words, not as the name
    ("Russia today accused ...", "Iran now says ...": not the outlet "Russia Today");
    function words ("of", "the", "al-") are lower case in names too."""
    return any(t.is_alpha and t.is_lower and not t.is_stop for t in rest)


def _acronym(word: str) -> bool:
    """An acronym as news writes one: three or more capitals, perhaps with a hyphen
    ("NATO", "SPLM-IO"); two-letter ones ("US", "UN") are too often something else."""
    letters = word.replace("-", "")
    return len(letters) >= 3 and letters.isalpha() and letters.isupper()


def _named_on(doc: Doc, token: Token) -> bool:
    """Whether a capitalised word follows, so that the word opens a longer name (an
    organ: "the IAEA Board of Governors", "the ECOWAS Commission")."""
    return token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper()


def named_non_person(ent: Span, words: list[str], kb: Knowledge) -> Mention | None:
    """An organisation, country or capital named by the NER."""
    doc, text = ent.doc, ent.text
    org = kb.organisation(text)
    if org is not None and not kb.is_platform(text):
        return body_mention(doc, ent.start, ent.end, org)
    seat = kb.seat(text)
    if seat is not None:
        return span_mention(
            doc,
            ent.start,
            ent.end,
            MentionKind.INSTITUTION,
            ActorKind.ORG,
            country=seat[0],
            sector=seat[1],
        )
    # a people or nationality ("Russians", "Kurdish") is no country; a country's own
    # name the NER took for one ("Togo and Benin met") still is
    code = kb.country(text) if ent.label_ != "NORP" else kb.country_name(text)
    if code is None and ent.label_ == "NORP":
        return _side(ent, kb)
    if code is not None:
        return span_mention(
            doc, ent.start, ent.end, MentionKind.COUNTRY, ActorKind.COUNTRY, country=code
        )
    capital = kb.capital(text)
    if capital is not None:
        if not _acts(ent.root):
            return None  # "talks in Washington": a place
        return span_mention(
            doc,
            ent.start,
            ent.end,
            MentionKind.METONYM,
            ActorKind.ORG,
            country=capital,
            sector="GOV",
        )
    ent = _with_kind(_trimmed(ent), kb)
    if (
        ent.label_ == "ORG"
        and not _joins_countries(ent, kb)
        and not kb.is_platform(text)
        and not names_a_place(ent)
        and _unlisted_body(ent, kb)
    ):
        text = ent.text
        country = next((kb.country(t.text) for t in ent if kb.country(t.text)), None)
        inst = next(
            (
                kb.institution_at(words, k)
                for k in range(ent.start, ent.end)
                if kb.institution_at(words, k)
            ),
            None,
        )
        sector = inst[0].sector if inst else None
        parent = _parent_body(ent, kb)  # "IAEA Board of Governors": an organ of the IAEA
        if parent is not None:
            country, sector = parent.country, parent.sector
        mention = span_mention(
            doc,
            ent.start,
            ent.end,
            MentionKind.ORG,
            ActorKind.ORG,
            name=text.removeprefix("the ").removeprefix("The "),
            country=country,
            sector=sector,
        )
        return replace(mention, possessor=_possessor(ent)) if country is None else mention
    return None


def _side(ent: Span, kb: Knowledge) -> Mention | None:
    """ "the Russians", "the Americans": a definite plural demonym is that country's side
    as reports of talks and disputes use it, its government; bare "Russians" are a
    people, no actor here."""
    doc, code = ent.doc, kb.country(ent.text)
    if code is None or ent.start == 0 or doc[ent.start - 1].lower_ != "the":
        return None
    if len(ent) != 1 or ent.root.tag_ not in ("NNPS", "NNS") or not ent.text.endswith("s"):
        return None
    start, kind = ent.start - 1, MentionKind.INSTITUTION
    return span_mention(doc, start, ent.end, kind, ActorKind.ORG, country=code, sector="GOV")


def _possessor(ent: Span) -> int | None:
    """Where a person who owns a body is named right before it: "Netanyahu's Cabinet"
    (the name), "his Cabinet" (the pronoun); the owner's country is the body's."""
    doc, i = ent.doc, ent.start
    if i >= 1 and doc[i - 1].lower_ in ("his", "her"):
        return doc[i - 1].idx
    if i >= 2 and doc[i - 1].text in POSSESSIVE and doc[i - 2].ent_type_ == "PERSON":
        return doc[i - 2].idx
    return None


def _parent_body(ent: Span, kb: Knowledge) -> DictionaryEntry | None:
    """The known body an unlisted organ's name begins with, by its abbreviation ("IAEA
    Board of Governors", "ECOWAS Commission", "AU Peace and Security Council")."""
    first = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
    return kb.organisation(first.text) if first.text.isupper() and len(first) > 1 else None


def _with_kind(ent: Span, kb: Knowledge) -> Span:
    """A name with the word for its kind written after it ("the Renaissance party", "the
    Azov regiment", "the Wagner group"), so the body word counts."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].is_lower and fold(doc[ent.end].text) in kb.body_words:
        span = Span(doc, ent.start, ent.end + 1, label=ent.label)
        return span if span.root.i == ent.end else ent  # the kind heads the phrase
    return ent


def _trimmed(ent: Span) -> Span:
    """A name without the function words the NER ran it into ("AU Transition Mission
    in", "the ...")."""
    start, end = ent.start, ent.end
    while end - start > 1 and ent.doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT"):
        end -= 1
    return Span(ent.doc, start, end, label=ent.label) if end != ent.end else ent


def _unlisted_body(ent: Span, kb: Knowledge) -> bool:
    """Whether a name the NER tags as an organisation, but no knowledge lists, is a body:
    it has a body word ("Tiger Division", "National Security Service") or is an
    acronym used as an actor ("the SSPDF attacked"); never an act, document or meeting
    ("the Revitalized Peace Agreement", "the Extraordinary Summit on ..."), a place
    ("Leposavic", "Presidential Villa, Abuja") or one other capitalised word."""
    words = [t for t in ent if t.is_alpha and t.lower_ != "the"]
    if not words or fold(ent.root.text) in kb.not_body_heads or kb.is_place(ent.text):
        return False
    if any(kb.is_place(t.text) for t in ent if t.ent_type_ == "GPE") and "," in ent.text:
        return False  # "Presidential Villa, Abuja": a building in a city
    if any(fold(t.text) in kb.body_words for t in words):
        return True
    return len(words) == 1 and _ACRONYM.fullmatch(words[0].text) is not None and _acts(ent.root)


def in_place_slot(token: Token) -> bool:
    """Whether a name stands where places stand: after a locative preposition ("sites in
    Wunliet, Aswa and Rejaf", "close to Ceel Baraf") or before a place noun in
    apposition ("Ceel Baraf, a village ...")."""
    if any(c.dep_ == "appos" and c.lemma_ in _PLACE_NOUNS | _SETTLEMENTS for c in token.children):
        return True
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in _LOCATIVE or (prep.lower_ == "to" and prep.head.lower_ == "close")


def names_a_place(ent: Span) -> bool:
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
