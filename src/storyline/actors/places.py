"""Where an article places things: the places of known countries it names ("in
Peshawar"), and those where it says something happens ("in northern Kosovo", "near
Goma"), for actors the text gives no country of their own."""

from __future__ import annotations

from spacy.tokens import Doc

from storyline.actors.bodies import in_place_slot
from storyline.actors.knowledge import Knowledge
from storyline.nlp.text import untagged_proper_nouns


def named_places(doc: Doc, kb: Knowledge) -> list[tuple[int, str]]:
    """Where the article names a place of a known country ("in Peshawar"): for "police
    said" when no country is named as an actor."""
    found = []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            place = kb.places.find(ent.text)
            if place is not None and place.location.country and place.kind != "country":
                found.append((ent.start_char, place.location.country))
    return found


def scenes(doc: Doc, kb: Knowledge, countries: bool = False) -> list[tuple[int, str]]:
    """Where the article says something happens ("in northern Kosovo", "in the north of
    Kosovo", "near Goma"): the offset and country of each place in a locative slot; with
    `countries`, also of each country named there ("in the south of Chad")."""
    found = []
    labels = ("GPE", "LOC", "FAC") + (("PERSON", "ORG", "NORP") if countries else ())
    named = [doc[e.start : e.end] for e in doc.ents if e.label_ in labels]  # "Mali" a PERSON
    named += [doc[i : i + 1] for i in untagged_proper_nouns(doc)]
    for ent in sorted(named, key=lambda span: span.start):  # "in Kyiv", also untagged
        place = kb.places.find(ent.text)
        code = place.location.country if place is not None else None
        if not code:
            continue
        token = ent.root
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            token = token.head.head  # "the north of Kosovo"
        if countries and token.dep_ == "poss":
            token = token.head  # "in Chad's Lac province"
        if in_place_slot(token):
            found.append((ent.start_char, code))
    return found
