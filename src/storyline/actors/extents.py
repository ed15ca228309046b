"""How far the mention of a named body reaches: news writes a body's name with its
acronym in brackets ("the African Union (AU)"), with a word for its kind or its members
after it ("the Boko Haram jihadist group", "Taliban fighters", "NATO forces") and with its
country as a possessor before it ("Afghanistan's Taliban"). All of it is one mention of the
body; the country and the acronym are not mentions of their own there."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import Mention, MentionKind
from storyline.actors.names import fold
from storyline.actors.titles import POSSESSIVE, with_determiner
from storyline.nlp.text import doc_text
from storyline.records import ActorKind

__all__ = ["widen_bodies"]

_MODIFIERS = 2  # lower-case words allowed between a name and its kind ("terror group")


def widen_bodies(doc: Doc, mentions: list[Mention], kb: Knowledge) -> list[Mention]:
    """The mentions with every named body's mention widened over its bracketed acronym,
    a following word for its kind or members and a possessive country before it; what
    a widened mention now covers is dropped."""
    out: list[Mention] = []
    covered: list[tuple[int, int]] = []
    mentions = _owned(doc, _offices(doc, mentions, covered), covered)
    for m in mentions:
        span = _body_span(doc, m, kb)
        if span is None:
            out.append(m)
            continue
        (start, owner), end = _left(span, m, kb), _right(span, kb) if m.name else span.end
        country = m.country or owner
        if end > span.end and doc[end - 1].is_lower and start == span.start:
            start = with_determiner(doc, start)  # "the" of "the Taliban movement"
        start = _members_of(doc, start, kb)
        if (start, end) == (span.start, span.end):
            out.append(m)
            continue
        wide = doc[start:end]
        covered.append((wide.start_char, wide.end_char))
        out.append(
            replace(
                m,
                start=wide.start_char,
                end=wide.end_char,
                text=wide.text,
                country=country,
                subject=wide.root.dep_ in ("nsubj", "nsubjpass"),
            )
        )
    kept = [m for m in out if not _inside_other(m, covered)]
    return sorted(kept + _with_appositives(doc, kept, kb), key=lambda m: m.start)


def _with_appositives(doc: Doc, mentions: list[Mention], kb: Knowledge) -> list[Mention]:
    """ "Hassan Farah, a district commissioner,", "the Wagner Group, a private army close
    to X,": a name with the description set off after it is also one mention of its whole;
    the name alone, and what the description names, stay mentions of their own."""
    out = []
    for m in mentions:
        if m.kind is not MentionKind.NAME and not (m.kind is MentionKind.ORG and m.name):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        appos = _appositive(span, kb) if span is not None else None
        if appos is not None:
            wide = doc[span.start : appos]
            out.append(replace(m, end=wide.end_char, text=wide.text))
    return out


_APPOSITIVE_REACH = 12  # tokens of a description set off after a name


def _appositive(span: Span, kb: Knowledge) -> int | None:
    """Where a description in apposition right after a name ends: a noun phrase headed
    by a common noun or a title, not a number, a place or a date."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    for child in span.root.children:
        if child.dep_ != "appos" or child.i <= end:
            continue
        tokens = list(child.subtree)
        if tokens[0].i != end + 1 or len(tokens) > _APPOSITIVE_REACH:
            return None
        titled = kb.starts_title(fold(child.text)) or child.pos_ == "NOUN"
        if not titled or child.ent_type_ in ("DATE", "GPE", "CARDINAL"):
            return None
        return tokens[-1].i + 1
    return None


def _inside_other(m: Mention, covered: list[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in covered)


def _offices(doc: Doc, mentions: list[Mention], covered: list[tuple[int, int]]) -> list[Mention]:
    """ "the office of Kenyan President X": the office of a person whose title names
    his country is one mention of that country's body, the person's mention with it."""
    out: list[Mention] = []
    for m in mentions:
        office = out[-1] if out else None
        if (
            office is not None
            and office.possessor is not None
            and m.start <= office.possessor < m.end
            and m.country is not None
            and m.actor_kind is ActorKind.PERSON
            and doc_text(doc)[office.end : m.start].strip() == "of"
        ):
            joined = doc_text(doc)[office.start : m.end]
            out[-1] = replace(office, end=m.end, text=joined, country=m.country, possessor=None)
            covered.append((office.start, m.end))
            continue
        out.append(m)
    return out


def _owned(doc: Doc, mentions: list[Mention], covered: list[tuple[int, int]]) -> list[Mention]:
    """ "Orban's Cabinet", "his Cabinet": a body named with the person who owns it is
    one mention of it, the owner's name with it (the owner's country is the body's); the
    owner's name is also a mention of the person."""
    out: list[Mention] = []
    for m in mentions:
        owner = out[-1] if out else None
        if (
            m.possessor is None
            and m.kind is MentionKind.ORG
            and m.country is None
            and owner is not None
            and owner.actor_kind is ActorKind.PERSON
            and doc_text(doc)[owner.end : m.start].strip() in POSSESSIVE
        ):  # "Orban's Cabinet" with "Orban" a name the NER did not tag as one
            m = replace(m, possessor=owner.start)
        if m.possessor is None or m.kind is not MentionKind.ORG:
            out.append(m)
            continue
        if doc_text(doc)[m.possessor : m.start].strip().lower() in ("his", "her"):
            covered.append((m.possessor, m.end))
            out.append(replace(m, start=m.possessor, text=doc_text(doc)[m.possessor : m.end]))
        elif (
            owner is not None
            and owner.actor_kind is ActorKind.PERSON
            and owner.start <= m.possessor < owner.end
            and doc_text(doc)[owner.end : m.start].strip() in POSSESSIVE
        ):  # the owner's own mention stays: it is read first, for the body's country
            out.append(replace(m, start=owner.start, text=doc_text(doc)[owner.start : m.end]))
        else:
            out.append(m)
    return out


def _body_span(doc: Doc, m: Mention, kb: Knowledge) -> Span | None:
    """The tokens of a mention that names an organisation or armed group, or refers back
    to one ("the bloc")."""
    if m.kind is MentionKind.INSTITUTION and m.refers:
        return doc.char_span(m.start, m.end, alignment_mode="expand")
    if m.kind is not MentionKind.ORG or m.actor_kind is ActorKind.PERSON or not m.name:
        return None
    if m.name.startswith("Unnamed "):
        return None
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def _right(span: Span, kb: Knowledge) -> int:
    """Where the body's mention ends: past "(ACRONYM)" naming the same body, else past a
    word for its kind or members that heads the phrase ("the Boko Haram jihadist group")."""
    doc, end = span.doc, span.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        short = doc[end + 1].text
        other = kb.organisation(short)
        own = kb.organisation(span.text)
        if short.isupper() and (other is None or own is None or other.name == own.name):
            return end + 3
        return end
    for k in range(end, min(end + _MODIFIERS + 1, len(doc))):
        word = doc[k]
        if not word.is_lower or word.is_punct:
            return end
        kind = fold(word.text)  # "the Arab League statement" speaks for the League
        if (kind in kb.member_nouns or kind in kb.source_nouns) and span.root.head.i == k:
            return k + 1
    return end


def _members_of(doc: Doc, start: int, kb: Knowledge) -> int:
    """ "members of the Arab League", "leaders of the bloc": the body's members or
    leaders are the body; where the phrase then starts."""
    if start < 2 or doc[start - 1].lower_ != "of" or doc[start - 2].tag_ != "NNS":
        return start
    if fold(doc[start - 2].text) not in kb.member_nouns:
        return start
    return with_determiner(doc, start - 2)


def _left(span: Span, m: Mention, kb: Knowledge) -> tuple[int, str | None]:
    """Where the body's mention starts: at the country named as its possessor ("Sudan's
    Rapid Support Forces"), when the body is of that country or of none, not an
    international one; and that country."""
    doc, start = span.doc, span.start
    if (
        not m.name
        or doc[start].lower_ == "the"
        or start < 2
        or doc[start - 1].text not in POSSESSIVE
    ):
        return start, None
    for size in (3, 2, 1):  # "South Sudan's", "Lebanon's"
        first = start - 1 - size
        code = kb.country_name(doc[first : start - 1].text) if first >= 0 else None
        if code is not None:
            break
    if code is None or m.sector in ("IGO", "NGO") or m.country not in (None, code):
        return start, None
    return first, code
