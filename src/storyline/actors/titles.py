"""Title phrases around names: "US Secretary of State", "State Department spokesman",
"the Prime Minister of Armenia," before a name; "of Azerbaijan" after it; "Armenia's";
an appositive title ("Nikol Pashinyan, Armenia's prime minister,")."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from storyline.actors.dictionary import DictionaryEntry
from storyline.actors.knowledge import Knowledge, Title
from storyline.nlp.text import ents_within

if TYPE_CHECKING:
    from storyline.actors.mention import Claims

DETERMINERS = frozenset({"the", "a", "an"})
QUALIFIERS = frozenset({"of", "for", "and", "the", "on", "to"})
# Words that qualify an office without changing it ("junior foreign minister", "former
# president", "acting head of the army"): the title phrase runs through them.
OFFICE_MODIFIERS = frozenset(
    """former ex acting interim outgoing incoming caretaker junior then newly appointed
    elected current veteran longtime long-time de facto self-declared first second third
    deputy national""".split()
)  # ranks too: "First Deputy Prime Minister", "Deputy National Minister of Trade"
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
TITLE_REACH = 7  # words a title form may span, with country words skipped
_INTERNATIONAL = frozenset({"IGO", "NGO"})


def title_before(
    doc: Doc, name_start: int, words: list[str], kb: Knowledge, claims: Claims
) -> tuple[int, Title, str | None, str | None] | None:
    """The title phrase right before a name: its start, title, country and org sector.

    Reads "US Secretary of State", "State Department spokesman", "Undersecretary of
    State for European and Eurasian Affairs", "the Prime Minister of Armenia," and
    "Azerbaijan President" before a name. A capitalised word that only begins titles
    ("Secretary Blinken") counts as a title word with no role of its own.
    """
    floor = doc[name_start].sent.start
    i = name_start - 1
    if i >= floor and doc[i].text == ",":
        if not attaches_back(doc, name_start):
            return None  # "with Azerbaijan's president, Blinken welcomed": a new clause
        i -= 1  # "US Secretary of State, Antony J. Blinken"
    run_start = i + 1
    while (
        i >= floor
        and claims.free(i, i + 1)
        and (
            doc[i].text[:1].isupper()
            or words[i] in QUALIFIERS
            or words[i] in OFFICE_MODIFIERS
            or title_word(words[i], kb)
            or doc[i].text in (".", "-")  # "Sec.", "Secretary-General"
            or _in_institution(words, i, kb)  # "Russian foreign ministry spokeswoman"
        )
    ):
        run_start, i = i, i - 1
    for j in range(run_start, name_start):
        hit = match_title(doc, j, words, kb)
        if hit is None:
            continue
        title, end, inner_country = hit
        start, country, sector = modifiers_before(doc, run_start, j, kb, words)
        country = country or inner_country or country_in(doc[end:name_start], kb)
        return with_determiner(doc, start), title, country, sector
    if name_start - 1 >= floor and doc[name_start - 1].text[:1].isupper():
        bare = kb.title_prefix(words[name_start - 1])
        if bare is not None:
            return name_start - 1, bare, None, None
    return None


def attaches_back(doc: Doc, name_start: int) -> bool:
    """Whether the name after a comma is in apposition to what precedes it."""
    root = doc[name_start]
    while root.head.i != root.i and name_start <= root.head.i < name_start + 4:
        root = root.head
    return root.dep_ == "appos" or root.head.i < name_start


def title_word(word: str, kb: Knowledge) -> bool:
    return kb.starts_title(word)


def match_title(
    doc: Doc, j: int, words: list[str], kb: Knowledge
) -> tuple[Title, int, str | None] | None:
    """A title starting at token j, skipping country words inside it ("head of American
    diplomacy", "top US diplomat"): the title, the token after it and that country."""
    first = next((k for k in range(j, min(j + 2, len(words))) if words[k]), None)
    if first is None or not kb.starts_title(words[first]):
        return None  # no title starts here (most words): nothing to read
    kept: list[int] = []
    skipped: list[tuple[int, str]] = []
    k = j
    while k < len(doc) and len(kept) < TITLE_REACH:
        code = kb.country(doc[k].text) if kept and doc[k].text[:1].isupper() else None
        if code:
            skipped.append((k, code))
        elif words[k]:  # "Sec." is split as "Sec" "."
            kept.append(k)
        k += 1
    seq = [words[k] for k in kept]
    hit = kb.title_at(seq, 0) if seq else None
    if hit is None:
        return None
    title, length = hit
    end = kept[length - 1] + 1
    country = next((code for pos, code in skipped if pos < end), None)
    return title, end, country


def modifiers_before(
    doc: Doc, floor: int, title_at: int, kb: Knowledge, words: list[str]
) -> tuple[int, str | None, str | None]:
    """Country and organisation or institution named right before a title ("US", "State
    Department", "Russian foreign ministry")."""
    start, country, sector = title_at, None, None
    for k in range(floor, title_at):
        org = kb.organisation(doc[k:title_at].text)
        if org is not None:
            return k, country or org.country, org.sector
        inst = kb.institution_at(words, k)
        if inst is not None and k + inst[1] == title_at:
            start, sector, title_at = k, inst[0].sector, k  # countries come before it
            break
    else:  # "ECOWAS Commission President": an organ of a known body, of its sector
        for k in range(floor, title_at):
            org = kb.organisation(doc[k].text) if doc[k].text.isupper() else None
            if org is not None and org.sector in _INTERNATIONAL:
                return k, org.country, org.sector
    k = title_at - 1
    while k >= floor and (
        (doc[k].text[:1].isupper() and kb.country(doc[k].text)) or words[k] in OFFICE_MODIFIERS
    ):
        country, start, k = kb.country(doc[k].text) or country, k, k - 1
    return start, country, sector


def _in_institution(words: list[str], i: int, kb: Knowledge) -> bool:
    """Whether word i belongs to an institution noun ("foreign ministry")."""
    return any(
        (inst := kb.institution_at(words, k)) is not None and k + inst[1] > i
        for k in range(max(0, i - 2), i + 1)
    )


def country_in(span: Span, kb: Knowledge) -> str | None:
    """A country named by "of Armenia" inside a title phrase."""
    for k, tok in enumerate(span):
        if tok.lower_ == "of" and k + 1 < len(span):
            code = kb.country(span[k + 1 :].text.strip(" ,")) or kb.country(span[k + 1].text)
            if code:
                return code
    return None


def with_determiner(doc: Doc, start: int) -> int:
    """Move a phrase start back over a directly preceding determiner."""
    if start > 0 and doc[start - 1].lower_ in DETERMINERS:
        return start - 1
    return start


def of_country(doc: Doc, end: int, kb: Knowledge) -> tuple[int, str] | None:
    """ "... Ilham Aliyev of Azerbaijan": the end after "of Azerbaijan" and its code."""
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        stop = end + 2
        while stop < len(doc) and doc[stop].ent_iob_ == "I":
            stop += 1
        code = kb.country(doc[end + 1 : stop].text)
        if code:
            return stop, code
    return None


# Words that may stand between "of" and a place's name ("of the restive eastern city of").
_PLACE_NOUNS = frozenset("city town province region state district county village".split())


def of_place(doc: Doc, end: int, kb: Knowledge) -> tuple[int, str, str] | None:
    """ "the mayor of Mombasa", "the governor of the northern city of Mekelle": after
    "of" at token end, past "the", adjectives and "the city of", a known place that is
    not a country: the end after it, its country and its name."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    i = end + 1
    while i < len(doc) and (
        doc[i].lower_ in ("the", "of") or doc[i].pos_ == "ADJ" or doc[i].lower_ in _PLACE_NOUNS
    ):
        i += 1
    if i >= len(doc) or doc[i].pos_ != "PROPN" or i - end > 7:
        return None
    stop = i + 1
    while stop < len(doc) and doc[stop].pos_ == "PROPN" and doc[stop].ent_iob_ == "I":
        stop += 1
    place = kb.places.find(doc[i:stop].text)
    if place is None or place.kind == "country" or not place.location.country:
        return None
    return stop, place.location.country, doc[i:stop].text


def possessor_before(doc: Doc, start: int, kb: Knowledge) -> tuple[int, str] | None:
    """ "Nigeria's President", "South Africa's Foreign Minister": where a
    country named as the possessor of a title phrase starting at token start begins,
    and its code."""
    if start < 2 or doc[start - 1].text not in POSSESSIVE:
        return None
    for size in (3, 2, 1):
        first = start - 1 - size
        if first >= 0 and doc[first].text[:1].isupper():
            code = kb.country_name(doc[first : start - 1].text)
            if code is not None:
                return first, code
    return None


def possessive_country(doc: Doc, start: int, kb: Knowledge) -> str | None:
    """ "Armenia's Ararat Mirzoyan": the country before a possessive."""
    if start >= 2 and doc[start - 1].text in POSSESSIVE:
        return kb.country(doc[start - 2].text)
    return None


def appositive_title(
    doc: Doc, ent: Span, words: list[str], kb: Knowledge
) -> tuple[Title, str | None] | None:
    """ "Nikol Pashinyan, Armenia's prime minister,": the title in an appositive."""
    for child in ent.root.children:
        if child.dep_ != "appos" or child.i < ent.end:
            continue
        sub = list(child.subtree)
        country = next((kb.country(t.text) for t in sub if kb.country(t.text)), None)
        for tok in sub:
            hit = match_title(doc, tok.i, words, kb)
            if hit is None or hit[1] > sub[-1].i + 1:
                continue
            if hit[1] < len(doc) and doc[hit[1]].ent_type_ == "PERSON":
                continue  # "X, US President Donald Trump's adviser": that title is Trump's
            body = _international_body(doc[sub[0].i : sub[-1].i + 1], kb)
            if body is not None:  # "X, the President of the ECOWAS Commission"
                return replace(hit[0], sector=body.sector), body.country
            return hit[0], country or hit[2]
    return None


def _international_body(span: Span, kb: Knowledge) -> DictionaryEntry | None:
    """An international body a phrase names, whole or by its abbreviation ("the
    President of the ECOWAS Commission")."""
    names = [e.text for e in ents_within(span) if e.label_ == "ORG"]
    names += [t.text for t in span if t.text.isupper() and len(t) > 1]
    for name in names:
        org = kb.organisation(name)
        if org is not None and org.sector in _INTERNATIONAL:
            return org
    return None
