"""Unnamed armed people: doers news describes without a name or a country ("masked
gunmen", "a group of armed men", "individuals carrying rifles") are an armed group of
the country where they act; a country's soldiers acting as a band or with a mark of
mutiny ("a band of army officers", "renegade soldiers", "the mutineers") are that
country's military, as are soldiers named by the coup they make ("soldiers who seized
power", see juntas.py). Words that are an armed group's people by themselves ("rebels",
"the militants", "insurgents") are the one armed group the article names, when it
names one. A police post or unit ("a police station", "a police patrol") is the police
of the country where it is. The word lists are organisations.yaml's `armed_*` lists
and the REB nouns of institutions.yaml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from storyline.actors.juntas import coup_country, junta_mentions, makes_coup
from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import Mention, MentionKind, span_mention
from storyline.actors.names import fold
from storyline.nlp.text import indices_where, nouns
from storyline.records import Actor, ActorKind

UNNAMED_ARMED = "Unnamed armed group"
UNNAMED_SOLDIERS = "Unnamed soldiers"
UNNAMED_REBELS = "Unnamed rebels"  # "rebels", "the militants": the one group named, if any
_DEFINITE = frozenset({"the", "these", "those"})
_NAMED = frozenset({"GPE", "NORP", "ORG", "PERSON"})  # a phrase naming whose people they are


def armed_mentions(doc: Doc, kb: Knowledge) -> list[tuple[int, int, Mention]]:
    """Each noun phrase of unnamed armed people or a band of soldiers, as the tokens
    [start, end) of its mention: the phrase up to its head, with the band's members and
    the gear that arms them, without its relative clause."""
    out = []
    for i in nouns(doc):
        tok = doc[i]
        if not _common_noun(tok) or tok.dep_ == "compound":
            continue
        sector, parts = _armed(tok, kb)
        if sector is None or _named(doc, tok, parts, kb):
            continue
        start = min(t.i for t in tok.subtree)
        end = max([tok.i, *(t.i for p in parts for t in p.subtree)]) + 1
        mention = span_mention(doc, start, end, MentionKind.ORG, ActorKind.ORG, sector=sector)
        name = UNNAMED_SOLDIERS if sector == "MIL" else UNNAMED_ARMED
        name = UNNAMED_REBELS if _rebels(tok, kb) and not _another(doc, start, tok) else name
        definite = doc[start].lower_ in _DEFINITE  # "the gunmen": those told of before
        mention = replace(mention, name=name, anonymous=True, definite=definite)
        if sector == "MIL":  # "soldiers who ousted the president of X": X's
            mention = replace(mention, country=coup_country(tok, kb))
        out.append((start, end, replace(mention, scene_end=_end(tok))))
    return out + junta_mentions(doc, kb) + _posts(doc)


def _posts(doc: Doc) -> list[tuple[int, int, Mention]]:
    """ "a police station", "a police patrol", "the police checkpoint": a police post or
    unit stands for the police of the country where it is."""
    out = []
    for tok in (doc[i] for i in indices_where(doc, LOWER, _POSTS)):
        force = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        sector = _FORCES.get(fold(force[-1].text)) if force else None
        if sector is None or fold(tok.text) not in _POSTS or len(force) > 1:
            continue
        start = min(t.i for t in tok.subtree if t.i <= tok.i)
        if any(t.ent_type_ in _NAMED for t in doc[start : tok.i]):
            continue  # "a Kenyan police patrol" is read with its country
        mention = span_mention(doc, start, tok.i + 1, MentionKind.ORG, ActorKind.ORG)
        name = f"Unnamed {fold(force[-1].text)}"
        definite = doc[start].lower_ in _DEFINITE
        mention = replace(mention, sector=sector, name=name, anonymous=True, definite=definite)
        out.append((start, tok.i + 1, replace(mention, scene_end=_end(tok))))
    return out


# police only: an army's base or convoy may be a foreign force's ("a base in X" held by
# peacekeepers), whose country the people it harmed tell better
_FORCES = {"police": "COP"}
_POSTS = frozenset(
    """station stations post posts patrol patrols convoy convoys base bases checkpoint
    checkpoints barracks outpost outposts headquarters""".split()
)


def _common_noun(tok: Token) -> bool:
    """A common noun, also one the tagger took for a name at the start of a sentence
    ("Officers who ...")."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_sent_start and not tok.ent_type_)


def _armed(tok: Token, kb: Knowledge) -> tuple[str | None, list[Token]]:
    """The sector of a phrase of armed people headed by `tok` ("REB" armed, "MIL" soldiers
    on their own) and the children that make it so, or (None, [])."""
    word = fold(tok.text)
    members = _members(tok) if word in kb.armed["band_nouns"] else []
    if members:
        sector, _ = _armed(members[0], kb)
        if sector is None and _soldiers(members[0], kb):
            sector = "MIL"  # "a band of army officers": soldiers as a band
        return sector, ([members[0].head] if sector else [])
    if word in kb.armed["mutineer_nouns"]:
        return "MIL", []
    if word in kb.armed["soldier_nouns"]:
        mutiny = _marked(tok, kb.armed["mutiny_marks"]) or makes_coup(tok)
        return ("MIL", []) if mutiny else (None, [])
    if word in kb.armed["armed_nouns"] or (_rebels(tok, kb) and not _of_whom(tok)):
        return "REB", []
    if word in kb.armed["armed_people"]:
        if _marked(tok, kb.armed["armed_marks"]):
            return "REB", []
        gear = _gear(tok, kb)
        if gear:
            return "REB", gear
    return None, []


def armed_holders(doc: Doc, mentions: list[Mention], kb: Knowledge) -> list[Mention]:
    """The mentions with armed people the role nouns read as holders of a title ("the
    rebels", "the militants said", "the soldiers who seized power announced") made
    unnamed armed people: rebels the armed group told of, coup-makers their country's
    military."""
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end) if _holders(m) else None
        head = span.root if span is not None else None
        if head is not None and m.sector in (None, "REB") and _rebels(head, kb):
            m = replace(m, kind=MentionKind.ORG, sector="REB", name=UNNAMED_REBELS)
            m = replace(m, anonymous=True, plural=False, scene_end=_end(head))
        elif head is not None and m.sector in (None, "MIL") and _coup_makers(head, kb):
            m = replace(m, kind=MentionKind.ORG, sector="MIL", name=UNNAMED_SOLDIERS)
            m = replace(m, anonymous=True, plural=False, country=coup_country(head, kb))
            m = replace(m, scene_end=_end(head))
        out.append(m)
    return out


def named_groups(mentions: list[Mention]) -> list[Mention]:
    """The mentions of armed groups the article names, which the knowledge places (a
    country) or the text makes armed."""
    return [
        m
        for m in mentions
        if m.kind in (MentionKind.ORG, MentionKind.NAME)
        and not m.anonymous
        and m.name
        and m.sector == "REB"
    ]


def sole_group(
    done: list[tuple[Mention, Actor]], groups: list[Mention], make: Callable[[Mention], Actor]
) -> Actor | None:
    """The one armed group the article names anywhere ("rebels ... al-Shabaab said"), if
    only one: as resolved so far, else made from its first mention."""
    names = {fold(g.name or "") for g in groups}
    if len(names) != 1:
        return None
    for pm, a in done:
        if pm in groups and a.sector == "REB" and a.kind in (ActorKind.ORG, ActorKind.GROUP):
            return a
    first = groups[0]
    return make(first) if first.country and first.ally is None else None


def _holders(m: Mention) -> bool:
    """Whether a mention is of unnamed holders of a title, of no country yet."""
    plural_role = m.kind is MentionKind.ROLE and m.plural
    return (plural_role or m.anonymous) and m.country is None and m.scene_end is None


def _coup_makers(tok: Token, kb: Knowledge) -> bool:
    """Soldiers named by the coup they make ("the officers who seized power")."""
    return _soldiers(tok, kb) and makes_coup(tok)


def _rebels(tok: Token, kb: Knowledge) -> bool:
    """ "rebels", "militants", "insurgents", "jihadists", "fighters": a word that is an
    armed group's people by itself."""
    found = kb.institution_at([fold(tok.text)], 0)
    return found is not None and found[1] == 1 and found[0].sector == "REB"


def _another(doc: Doc, start: int, tok: Token) -> bool:
    """ "a militia", "another rebel group", "rival militants": a group told of as one
    not named before."""
    marked = any(c.dep_ == "amod" and c.lower_ in _OTHER for c in tok.children)
    return marked or doc[start].lower_ in ("a", "an", "another")


_OTHER = frozenset({"separate", "rival", "another", "other", "second", "new", "different"})


def _of_whom(tok: Token) -> bool:
    """ "fighters from X", "militants of X", "X, a militia": people whose group is named
    with them."""
    return tok.dep_ == "appos" or any(
        c.dep_ == "prep" and c.lower_ in ("of", "from") for c in tok.children
    )


def _marked(tok: Token, marks: frozenset[str]) -> bool:
    """Whether a modifier before the noun is one of `marks` ("masked men")."""
    return any(c.dep_ in ("amod", "compound") and fold(c.text) in marks for c in tok.children)


def _soldiers(tok: Token, kb: Knowledge) -> bool:
    return fold(tok.text) in kb.armed["soldier_nouns"] | kb.armed["mutineer_nouns"]


def _members(tok: Token) -> list[Token]:
    """ "a group of X": X."""
    return [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _gear(tok: Token, kb: Knowledge) -> list[Token]:
    """What arms people, after them: "men in masks", "men with rifles", "people carrying
    weapons" (the preposition or the verb)."""
    gear = kb.armed["armed_gear"]
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "with"):
            held = "pobj"
        elif c.dep_ == "acl" and c.tag_ == "VBG":
            held = "dobj"
        else:
            continue
        if any(fold(g.text) in gear for g in c.children if g.dep_ == held):
            out.append(c)
    return out


def _named(doc: Doc, tok: Token, parts: list[Token], kb: Knowledge) -> bool:
    """Whether the phrase names whose people they are ("Serbian gunmen", "the army's
    officers"), which other rules read; a creed or cause ("Islamist militants",
    "jihadist fighters") names no one's."""
    tokens = [t for t in tok.subtree if t.i <= tok.i] + [t for p in parts for t in p.subtree]
    return any((t.ent_type_ in _NAMED and not _creed(t, kb)) or t.dep_ == "poss" for t in tokens)


_CREEDS = frozenset({"islamist", "jihadist", "salafist", "salafi", "maoist", "islamic"})


def _creed(tok: Token, kb: Knowledge) -> bool:
    """A word of a creed or cause the tagger takes for a people ("Islamist")."""
    return tok.ent_type_ == "NORP" and fold(tok.text) in _CREEDS and kb.country(tok.text) is None


def _end(tok: Token) -> int:
    """Where the phrase's sentence ends (a character offset)."""
    sent: Span = tok.sent
    return sent.end_char
