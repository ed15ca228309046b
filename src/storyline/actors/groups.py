"""Collective actors: what a plural noun names through the countries around it, and
what "it" and "they" stand for.

The actor stage reads one actor per mention and leaves plural role nouns alone ("foreign
ministers" are several people); in an event's argument such a phrase stands for the
bodies of the countries it names, one per country:

- a demonym or country before the noun: "Senior Hungarian and Romanian officials",
  "U.S. and Russian negotiators", "Ugandan rebels", "French and Egyptian warships";
- a country after it, for a noun with a known sector: "the leaders of Armenia and
  Azerbaijan", "foreign ministers from X and Y", "opposition groups in Zimbabwe", also
  a singular institution ("a court in Guyana");
- the plural demonym itself: "Palestinians", "Israelis" (the country);
- a possessive pronoun, for a noun with a known sector: "their forces", "its troops"
  (the bodies of whoever it stands for).

Numbers and groups of people stand for the people they count ("thousands of Iraqi
Kurds", "a group of Moroccan diplomats").

The sector comes from the noun as the knowledge files know it (institution nouns, then
role titles: "officials" GOV, "troops" MIL, "rebels" REB, "security forces" COP); a noun
they do not know ("warships", "farmers") makes a group of that country without one.

"it" and "they" stand for the subject of the clause reporting theirs ("Hungary has said
it will support ...") or of the sentence, never a person ("he" and "she" are read by the
actor stage).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from storyline.actors.knowledge import Knowledge
from storyline.actors.names import fold
from storyline.actors.resolve import ArticleActors
from storyline.actors.states import country_actor, country_body
from storyline.nlp.text import name_ending
from storyline.records import Actor, ActorKind

_PLURAL = frozenset({"NNS", "NNPS"})
_MODIFIERS = frozenset({"amod", "compound", "nmod"})
_WHERE = frozenset({"of", "from", "in", "across", "throughout"})
_AGAINST = frozenset({"pro", "anti", "non"})  # "pro-Russia separatists" are not Russia's
# Nouns that count or gather the people named after them ("thousands of Iraqi Kurds").
_QUANTITIES = frozenset(
    """ten dozen score hundred thousand million group number crowd band handful
    couple bunch team""".split()
)
_REPORTED = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl"})  # up to the reporting clause


def group_actors(
    tok: Token,
    kb: Knowledge,
    actors: ArticleActors,
    actors_of: Callable[[Token], list[Actor]] | None = None,
) -> list[Actor]:
    """The bodies a plural noun names by country, one per country, or the one body of a
    singular institution placed in a country; [] for any other noun. With `actors_of`,
    "their forces" are the forces of whoever "their" stands for."""
    if tok.tag_ not in _PLURAL:
        # "a court in Guyana", "the government of Sudan": one body, by its country
        sector = _institution_sector(tok, kb)
        codes = _named_after(tok, kb)[:1] if sector else []
        return [_body(kb, c, sector, tok) for c in codes]
    sector = noun_sector(tok, kb)
    body = _body_of(tok, actors) if sector else None
    if body is not None:  # "troops of the Kosovo Force": the force's own, not Kosovo's
        return [body]
    codes = _named_before(tok, kb)  # "Bosnian Serbs" are Bosnia's, "Iraqi Kurds" Iraq's
    if not codes:
        code = country_word(tok, kb)
        if code is not None:
            return [actors.actor(code) or country_actor(kb, code)]
        codes = _named_after(tok, kb) if sector else []
    if not codes and actors_of is not None and sector is not None:  # not "its partners"
        codes = [a.country for a in _owners(tok, actors_of) if a.country]
    return [_body(kb, c, sector, tok) for c in dict.fromkeys(codes)]


def _body_of(tok: Token, actors: ArticleActors) -> Actor | None:
    """The organisation a plural noun's "of"/"from" phrase names ("troops of the Kosovo
    Force", "fighters from the SPLM-IO"), when it is an organisation, not a country."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            found = actors.at(obj.idx, obj.idx + len(obj.text), head=obj.idx) if obj else None
            if found is not None and found.kind is ActorKind.ORG and found.country is None:
                return found
    return None


def counted(tok: Token) -> Token | None:
    """ "thousands of Iraqi Kurds", "a group of Moroccan diplomats": the counted noun."""
    if tok.lemma_.lower() not in _QUANTITIES:
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _owners(tok: Token, actors_of: Callable[[Token], list[Actor]]) -> list[Actor]:
    """ "their forces", "its troops": whoever the possessive pronoun stands for."""
    for child in tok.children:
        if child.dep_ == "poss" and child.lower_ in ("its", "their"):
            return antecedent(child, actors_of)
    return []


def antecedent(tok: Token, actors_of: Callable[[Token], list[Actor]]) -> list[Actor]:
    """What "it" or "they" stands for: the subject of the clause it is reported in
    ("Syria says it will ...", "the rebels said they would ..."), else the subject of its
    sentence, else that of the sentence before; a country, organisation or group, read
    with `actors_of`."""
    node = tok.head.head if tok.dep_ == "poss" else tok.head  # "their forces had ..."
    while node.dep_ in _REPORTED and node.head.i != node.i:
        node = node.head
        subject = _subject(node, tok)
        if subject is not None:
            return _collective(actors_of(subject))
    sent = tok.sent
    roots = [sent.root] if tok.head.i != sent.root.i else []
    if sent.start > 0:
        roots.append(tok.doc[sent.start - 1].sent.root)
    for root in roots:
        subject = _subject(root, tok)
        if subject is not None:
            return _collective(actors_of(subject))
    return []


def _subject(verb: Token, pronoun: Token) -> Token | None:
    """The verb's subject, unless it is a pronoun or holds the pronoun read ("their
    forces said ...": "their" cannot stand for the phrase it is part of)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].pos_ == "PRON":
        return None
    subject = subjects[0]
    return None if subject.left_edge.i <= pronoun.i <= subject.right_edge.i else subject


def _collective(actors: list[Actor]) -> list[Actor]:
    return [a for a in actors if a.kind is not ActorKind.PERSON]


def noun_sector(tok: Token, kb: Knowledge) -> str | None:
    """The sector a noun with its modifiers stands for ("security forces" COP, "rebels"
    REB, "negotiators" GOV; "farmers" AGR from the agent nouns of the Phoenix
    dictionaries), or None when the knowledge does not know it."""
    doc = tok.doc
    mods = [c for c in tok.children if c.dep_ in _MODIFIERS and c.i < tok.i]
    start = min((c.left_edge.i for c in mods), default=tok.i)
    words = [fold(t.text) for t in doc[start : tok.i + 1]]
    for forms in (words, [*words[:-1], fold(tok.lemma_)]):
        for k in range(len(forms)):
            inst = kb.institution_at(forms, k)
            if inst is not None and k + inst[1] == len(forms):
                return inst[0].sector
            title = kb.title_at(forms, k)
            if title is not None and k + title[1] == len(forms):
                return title[0].sector or "GOV"
    for k in range(len(words)):  # the agent nouns of the Phoenix dictionaries
        agent = kb.world.agent_at(words, k)
        if agent is not None and k + agent[1] == len(words) and not agent[0].international:
            return agent[0].sector
    return None


def _institution_sector(tok: Token, kb: Knowledge) -> str | None:
    """The sector of a singular institution noun ("court" JUD), not of a person's title."""
    doc = tok.doc
    mods = [c for c in tok.children if c.dep_ in _MODIFIERS and c.i < tok.i]
    start = min((c.left_edge.i for c in mods), default=tok.i)
    words = [fold(t.text) for t in doc[start : tok.i + 1]]
    for k in range(len(words)):
        inst = kb.institution_at(words, k)
        if inst is not None and k + inst[1] == len(words):
            return inst[0].sector
    return None


def country_word(tok: Token, kb: Knowledge) -> str | None:
    """A capitalised country word or name: "Palestinians", "Armenia", "Ivory Coast"."""
    if not tok.text[:1].isupper() or _negated(tok):
        return None
    names = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    if names and names[0].text[:1].isupper():
        code = kb.country(tok.doc[names[0].i : tok.i + 1].text)
        if code is not None:
            return code
    return kb.country(tok.text)


def _negated(tok: Token) -> bool:
    """ "pro-Russia", "anti-American": a country word inside an attitude adjective."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in _AGAINST


def _named_before(tok: Token, kb: Knowledge) -> list[str]:
    """ "Hungarian and Romanian officials", "Sierra Leonean refugees": demonyms and
    country names modifying the noun, with those coordinated with them."""
    out = []
    for child in tok.children:
        if child.dep_ not in _MODIFIERS or child.i > tok.i:
            continue
        for word in [child, *child.conjuncts]:
            code = country_word(word, kb)
            if code is not None:
                out.append(code)
    return out


def _named_after(tok: Token, kb: Knowledge) -> list[str]:
    """ "the leaders of Armenia and Azerbaijan", "opposition groups in Zimbabwe"; also
    people placed in a town or region of a country ("students in Jakarta", "farmers
    across Punjab", "residents of Goma")."""
    out = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in _WHERE:
            continue
        for word in prep.subtree:  # the parse may hang "X and Y" anywhere inside
            code = country_word(word, kb)
            if code is not None:
                out.append(code)
        places = [_place_country(w, kb) for w in prep.children if w.dep_ == "pobj"]
        out += [code for code in places if code is not None]
    return out


def _place_country(word: Token, kb: Knowledge) -> str | None:
    """The country of the town or region a name ending in this word names ("Jakarta",
    "Upper Nile"), known to the gazetteer by its main name."""
    if word.pos_ != "PROPN" or word.dep_ == "compound":
        return None
    place = kb.places.find(name_ending(word))
    if place is None or place.alternate or place.kind in ("venue", "country"):
        return None
    return place.location.country


def _body(kb: Knowledge, code: str, sector: str | None, tok: Token) -> Actor:
    if sector is not None:
        return country_body(kb, code, sector, tok.text)
    noun = fold(tok.text)
    return Actor(
        actor_id=f"{code.lower()}-{noun.replace(' ', '-')}",
        name=f"{kb.countries.name(code)} {noun}",
        kind=ActorKind.GROUP,
        country=code,
        aliases=(tok.text,),
    )
