"""Named bodies: organisations, armed groups, countries, capitals and seats standing
for a government, and the bodies of several words the dictionaries list that the NER
missed; what is not a body (a place, a country pair) is left out."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import Mention, MentionKind, span_mention
from storyline.actors.names import name_key
from storyline.actors.titles import with_determiner
from storyline.actors.world import WorldActor
from storyline.records import ActorKind

# Plural titles that stand for a country's body: "Ethiopian officials", "US diplomats".
_PLACE_NOUNS = frozenset(
    "region province district area territory county valley corridor crossing border "
    "enclave oblast governorate strip peninsula basin plateau".split()
)


_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent", "ROOT"})


_ACTOR_PREPS = frozenset({"between", "with", "by", "against"})


def listed_bodies(doc: Doc, kb: Knowledge) -> list[tuple[int, int, WorldActor]]:
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


def named_non_person(ent: Span, words: list[str], kb: Knowledge) -> Mention | None:
    """An organisation, country or capital named by the NER."""
    doc, text = ent.doc, ent.text
    org = kb.organisation(text)
    if org is not None and not kb.is_platform(text):
        return span_mention(
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
        return span_mention(
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
        return span_mention(
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
