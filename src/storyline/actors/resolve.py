"""Resolve mentions to canonical actors: names, role nouns, pronouns, institutions.

Within an article, surname-only mentions join the full name, role nouns ("the
Secretary of State", "a top US diplomat") join the person holding that office, and
pronoun subjects join the last person named outside quotations. Across articles, the
registry supplies what this article does not say.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc

from storyline.actors.allegiance import allied
from storyline.actors.armed import UNNAMED_REBELS, named_groups, sole_group
from storyline.actors.knowledge import Knowledge
from storyline.actors.mention import Mention, MentionKind
from storyline.actors.mentions import find_mentions
from storyline.actors.names import canonical_name, fold, same_person, slug
from storyline.actors.national import named_countries, national_body, sole_country
from storyline.actors.places import named_places, scenes
from storyline.actors.registry import ROLE_PREFIX, ActorRegistry, is_placeholder
from storyline.actors.relatives import relative_mentions
from storyline.actors.spellings import one_variant, surname_of
from storyline.actors.states import country_actor, country_body
from storyline.actors.world import WorldActor
from storyline.records import Actor, ActorKind, ActorMention, Evidence
from storyline.spans import Marks


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleActors:
    """The canonical actors of one article and every mention of them."""

    actors: tuple[Actor, ...]
    mentions: tuple[ActorMention, ...]
    _by_id: dict[str, Actor] = field(init=False, repr=False, compare=False)
    # The mentions' indices by start offset, their starts, and the longest one's length:
    # `at` is asked for every argument of every event and reads only the mentions near.
    _order: list[int] = field(init=False, repr=False, compare=False)
    _starts: list[int] = field(init=False, repr=False, compare=False)
    _longest: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # looked up for every argument of every event: index once
        object.__setattr__(self, "_by_id", {a.actor_id: a for a in self.actors})
        mentions = self.mentions
        order = sorted(range(len(mentions)), key=lambda i: mentions[i].evidence.start)
        object.__setattr__(self, "_order", order)
        object.__setattr__(self, "_starts", [mentions[i].evidence.start for i in order])
        longest = max((m.evidence.end - m.evidence.start for m in mentions), default=0)
        object.__setattr__(self, "_longest", longest)

    def _starting(self, lo: int, hi: int) -> list[ActorMention]:
        """The mentions starting at an offset in [lo, hi], in their own order."""
        first, last = bisect_left(self._starts, lo), bisect_right(self._starts, hi)
        return [self.mentions[i] for i in sorted(self._order[first:last])]

    def actor(self, actor_id: str) -> Actor | None:
        """An actor of this article by id."""
        return self._by_id.get(actor_id)

    def at(self, start: int, end: int, head: int | None = None) -> Actor | None:
        """The actor mentioned in [start, end): the mention holding the phrase's head
        (character offset), else the longest mention inside, else one around it."""
        if head is not None:  # the narrowest: "Trump" in "X, Trump's adviser" is Trump
            near = self._starting(head - self._longest, head)
            holding = [m for m in near if m.evidence.start <= head < m.evidence.end]
            if holding:
                narrowest = min(holding, key=lambda m: m.evidence.end - m.evidence.start)
                return self.actor(narrowest.actor_id)
        inside = [m for m in self._starting(start, end) if m.evidence.end <= end]
        near = self._starting(start - self._longest, start)
        around = [m for m in near if m.evidence.end >= end]
        best = max(inside, key=lambda m: m.evidence.end - m.evidence.start, default=None)
        best = best or min(around, key=lambda m: m.evidence.end - m.evidence.start, default=None)
        return self.actor(best.actor_id) if best else None


def resolve_actors(
    doc: Doc,
    doc_id: str,
    kb: Knowledge,
    registry: ActorRegistry,
    quoted: list[tuple[int, int]] | None = None,
    published: date | None = None,
) -> ArticleActors:
    """Canonical actors and their mentions for one parsed article; people the
    dictionaries know are coded as on the day it was published."""
    mentions = find_mentions(doc, kb, registry.known_names())
    resolver = _Resolver(kb, registry, quoted or [], published)
    resolver.places = named_places(doc, kb)
    resolver.scenes = scenes(doc, kb)
    resolver.acts_in = scenes(doc, kb, countries=True)
    resolver.groups = named_groups(mentions)  # "rebels": the one group named, if one
    resolver.named = named_countries(mentions)
    resolved: list[tuple[Mention, Actor]] = []
    for mention in _names_first(mentions):
        actor = resolver.resolve(mention, resolved)
        if actor is not None:
            resolved.append((mention, actor))
    actors = resolver.finish()
    resolved += relative_mentions(doc, resolved)
    resolved.sort(key=lambda pair: pair[0].start)
    return ArticleActors(
        actors=tuple(actors.values()),
        mentions=tuple(
            ActorMention(
                actor_id=actors[a.actor_id].actor_id,
                evidence=Evidence(doc_id=doc_id, start=m.start, end=m.end, text=m.text),
            )
            for m, a in resolved
        ),
    )


def _names_first(mentions: list[Mention]) -> list[Mention]:
    """Full names first, then surnames, then everything else in text order."""

    def rank(m: Mention) -> tuple[int, int]:
        if m.kind is MentionKind.NAME:
            return (0 if len((m.name or "").split()) > 1 else 1), m.start
        return 2, m.start if m.ally is None else m.ally  # "loyal to X": after X

    return sorted(mentions, key=rank)


class _Resolver:
    """The per-article state of resolution: people found so far and their bindings."""

    def __init__(
        self,
        kb: Knowledge,
        registry: ActorRegistry,
        quoted: list[tuple[int, int]],
        published: date | None,
    ) -> None:
        self.kb = kb
        self.registry = registry
        self.quoted = Marks(quoted)  # asked about every mention: answers in log time
        self.published = published
        self.people: dict[str, list[Mention]] = {}  # actor id -> its mentions
        self.names: dict[str, str] = {}  # actor id -> canonical name
        self.fixed: dict[str, Actor] = {}  # non-person actors and placeholders
        self.listed: dict[str, WorldActor | None] = {}  # people as the dictionaries code them
        self.places: list[tuple[int, str]] = []  # (offset, country) of places named
        self.scenes: list[tuple[int, str]] = []  # ... of places where something happens
        self.acts_in: list[tuple[int, str]] = []  # ... and of countries named there
        self.groups: list[Mention] = []  # the armed groups the article names
        self.named: set[str] = set()  # the countries its mentions name themselves

    # -- dispatch -----------------------------------------------------------------------

    def resolve(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor | None:
        if m.kind is MentionKind.NAME:
            return self._person(m)
        if m.kind is MentionKind.ROLE:
            return self._role(m, done)
        if m.kind is MentionKind.PRONOUN:
            return self._pronoun(m, done)
        if m.kind is MentionKind.SOURCE:
            return self._source(m, done)
        if m.kind is MentionKind.INSTITUTION and m.country is None and m.owner is not None:
            return self._owned(m, done)
        if m.kind is MentionKind.COUNTRY and m.country is None:  # "the country"
            country = self._most_named(m, done)
            return self._thing(replace(m, country=country)) if country else None
        if m.ally is not None:  # "a militia loyal to X": of X's country
            return self._thing(allied(m, done, self._armed_scene(m, done)))
        if m.scene_end is not None:  # "masked gunmen": an armed group where they act
            return self._armed(m, done)
        if m.anonymous and m.country is None and m.sector in _AT_THE_SCENE:
            scene = self._scene(m, done)  # "Witnesses said": that country's civilians
            if scene is not None:
                return self._thing(replace(m, kind=MentionKind.INSTITUTION, country=scene))
        if m.possessor is not None and m.text.split()[0].lower() in ("its", "their"):
            return self._of_body(m, done)
        if m.possessor is not None:
            return self._thing(self._of_possessor(m, done))
        if m.refers:
            return self._referred(m, done)
        if national_body(m):  # "the Interior Ministry" in a report on one country
            people = (self._person_actor(i) for i in self.people)
            m = replace(m, country=sole_country(self.named, people))
        return self._thing(m)

    # -- people -------------------------------------------------------------------------

    def _person(self, m: Mention) -> Actor:
        name = canonical_name(m.name or m.text)
        user = self.kb.user.lookup(name)
        if user is not None:
            name = user.name
        same = [i for i, n in self.names.items() if i != slug(name) and same_person(name, n)]
        if len(same) == 1:
            name = self.names[same[0]]
        elif len(name.split()) > 1 and len(same) == 0:
            name = self._spelled(name)
        elif not same and (full := surname_of(name, self.names.values())) is not None:
            name = full  # "Dialoh" after "Abdoulaye Dialloh"
        elif len(name.split()) == 1:
            name = self._known_by_one_word(name, titled=bool(m.sector or m.role))
        actor_id = slug(name)
        self.names.setdefault(actor_id, name)
        self.people.setdefault(actor_id, []).append(m)
        return self._person_actor(actor_id)

    def _known_by_one_word(self, name: str, titled: bool) -> str:
        """A name of one word no full name here contains: the one person other articles
        know by it as a surname, else the one the dictionaries list by it as an alias
        ("Netanyahu"), else, after a title, the one they list with it as a rare surname
        ("President Kagame"); else itself."""
        known = self.registry.person_by_surname(name)
        if known is not None:
            return known.name
        listed = self.kb.person(name, self.published)
        if listed is None and titled:
            listed = self.kb.person_by_surname(name, self.published)
        return listed.name if listed is not None else name

    def _spelled(self, name: str) -> str:
        """A full name no one is known by: the one known person it is another spelling
        of (in the dictionaries, in other articles, else in this one), else itself,
        coded as the one listed person it is a shorter or misspelt form of."""
        if self.kb.person(name, self.published) or self.registry.get(slug(name)):
            return name
        listed = self.kb.person_variant(name, self.published)
        if listed is not None:
            return listed.name
        other = self.registry.person_variant(name) or one_variant(name, self.names.values())
        if other is not None:
            return other
        near = self.kb.person_near(name, self.published)  # "Ellen Sirleaf": as written,
        if near is not None:  # coded as the one listed person it is short or misspelt for
            self.listed.setdefault(slug(name), near)
        return name

    def _person_actor(self, actor_id: str) -> Actor:
        ms = self.people[actor_id]
        known = self.registry.get(actor_id)
        user = self.kb.user.lookup(self.names[actor_id])
        country = _most_common(m.country for m in ms) or (known.country if known else None)
        sector = _most_common(m.sector for m in ms) or (known.sector if known else None)
        role = _longest(m.role for m in ms) or (known.role if known else None)
        if actor_id not in self.listed:
            self.listed[actor_id] = self.kb.person(self.names[actor_id], self.published)
        listed = self.listed[actor_id]
        if listed is not None and sector not in _INTERNATIONAL:
            # what the text and other articles leave open; an official of an
            # international body speaks for it, not for the country he comes from
            country = country or listed.country
            sector = sector or (listed.sector if listed.current else None)
        if user is not None:
            country, sector, role = (
                user.country or country,
                user.sector or sector,
                user.role or role,
            )
        return Actor(
            actor_id=actor_id,
            name=self.names[actor_id],
            kind=ActorKind.PERSON,
            country=country,
            sector=sector,
            role=role,
            aliases=tuple(sorted({m.text for m in ms if m.kind is MentionKind.NAME})),
        )

    def _role(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor | None:
        """A role noun: the person holding that office here, else known elsewhere; an
        unnamed holder of an anonymous title is the body it stands for; an office with
        no holder and no country is no one in particular."""
        if m.plural:
            return self._collective(m, done)
        named = [
            (pm, self._person_actor(a.actor_id))
            for pm, a in done
            if a.kind is ActorKind.PERSON and pm.kind is MentionKind.NAME
        ]
        if not m.definite:
            newcomer = _newcomer(m, named)
            if newcomer is not None:
                return newcomer
            if m.anonymous:  # "a senior officer": someone not named before
                return self._anonymous(m, done)
        same = [(pm, a) for pm, a in named if _same_office(m, pm, a)]
        before = [pair for pair in same if pair[0].start < m.start]
        after = [pair for pair in same if pair[0].start > m.start]
        pick = (before[-1:] or sorted(after, key=lambda p: p[0].start)[:1] or [None])[0]
        if pick is not None:
            return pick[1]
        told = self._told_before(m, done) if m.anonymous else None
        if told is not None:
            return told
        varied = self._varied_speaker(m, done) if m.definite and m.speaking else None
        if varied is not None:
            return varied
        if m.anonymous:
            return self._anonymous(m, done)
        known = self.registry.person_by_office(m.role or "", m.country)
        if known is not None:
            self.fixed.setdefault(known.actor_id, known)
            return known
        if m.body is not None:  # "the head of the Arab League", no one named: the body
            return self._anonymous(m, done)
        return self._placeholder(m) if m.country else None

    def _told_before(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor | None:
        """ "a source within the ministry ... The source said": a definite role noun is
        the one of that role told of before."""
        earlier = [
            (pm, a)
            for pm, a in done
            if pm.kind is MentionKind.ROLE and pm.role == m.role and pm.start < m.start
        ]
        return max(earlier, key=lambda pair: pair[0].start)[1] if earlier and m.definite else None

    def _anonymous(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor | None:
        """An unnamed official, spokesperson, source or officer: the body they speak for
        ("the Kremlin spokesman" the Russian government, "a senior officer in the
        Burundian military" Burundi's armed forces, "an EU official" the EU); "the
        source" is the source told of before; one whose body is unknown speaks for
        unnamed others of that sector, and is no actor when not speaking."""
        if m.body is not None:
            entry = self.kb.organisation(m.body)
            name = entry.name if entry else m.body
            body = Mention(
                start=m.start,
                end=m.end,
                text=m.text,
                kind=MentionKind.ORG,
                actor_kind=entry.kind if entry else ActorKind.ORG,
                name=name,
                country=entry.country if entry else m.country,
                sector=entry.sector if entry else m.sector,
            )
            return self._thing(body)
        if m.country:
            return self._thing(replace(m, kind=MentionKind.INSTITUTION))
        if m.speaking:
            words = [w for w in m.text.split() if w.lower() not in ("the", "a", "an")]
            name = "Unnamed " + " ".join(words)  # "Unnamed senior official"
            # witnesses, residents, doctors: people where it happened, of that country
            scene = self._scene(m, done) if m.sector in _AT_THE_SCENE else None
            kind = MentionKind.INSTITUTION if scene else MentionKind.ORG
            unnamed = replace(m, kind=kind, actor_kind=ActorKind.ORG, name=name, country=scene)
            return self._thing(unnamed)
        return None

    def _collective(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor | None:
        """ "The leaders" with no country: the body or group that was last the subject
        of a clause in the sentences just before ("The Heads of State of ECOWAS ...
        The leaders denounced ...")."""
        told = self._told_before(m, done)  # "The leaders ... the leaders warned"
        if told is not None:
            return told
        earlier = [
            (pm, a)
            for pm, a in done
            if pm.subject
            and pm.start < m.start
            and m.start - pm.end <= _COLLECTIVE_REACH
            and a.kind in (ActorKind.ORG, ActorKind.GROUP)
            and m.sector in (None, a.sector)  # "the Arab leaders": a regional body
            and not self._in_quote(pm)
        ]
        return max(earlier, key=lambda pair: pair[0].start)[1] if earlier else None

    def _varied_speaker(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor | None:
        """ "Hon. Oyet said ... The First Deputy Speaker went on to assert ...": a definite
        role noun that no one named here holds, speaking right after a named person
        spoke, is that person named another way, unless their offices exclude each other
        (a foreign minister is not "the president") or their countries differ."""
        before = [
            (pm, a)
            for pm, a in done
            if a.kind is ActorKind.PERSON
            and pm.kind in (MentionKind.NAME, MentionKind.PRONOUN)
            and pm.speaking
            and pm.start < m.start
            and not self._in_quote(pm)
        ]
        if not before:
            return None
        pm, person = max(before, key=lambda pair: pair[0].start)
        if m.start - pm.end > _VARIATION_REACH or is_placeholder(person):
            return None
        person = self._person_actor(person.actor_id) if person.actor_id in self.people else person
        if m.country and person.country and m.country != person.country:
            return None
        families = {p.family for p in self.people.get(person.actor_id, ()) if p.family}
        if m.family in _EXCLUSIVE and families & _EXCLUSIVE and m.family not in families:
            return None
        return person

    def _placeholder(self, m: Mention) -> Actor:
        """A person known only by office ("the President of Azerbaijan")."""
        country_name = self.kb.countries.name(m.country) if m.country else None
        where = m.place or country_name  # "the mayor of Mombasa": Mayor of Mombasa
        name = f"{m.role} of {where}" if where else (m.role or m.text)
        actor = Actor(
            actor_id=ROLE_PREFIX + slug(name),
            name=name,
            kind=ActorKind.PERSON,
            country=m.country,
            sector=m.sector,
            role=m.role,
            aliases=(m.text,),
        )
        self.fixed.setdefault(actor.actor_id, actor)
        return actor

    def _pronoun(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor | None:
        """A pronoun: "he" and "she" the last person before it outside quotations,
        preferring the subjects of clauses ("Kurti accused Belgrade ... he said"); "him"
        and "her" the last person, not the subject of their own clause; "it" and "they"
        speaking, the last body, group or country that spoke (else that was the subject
        of a clause) just before ("The ministry said ... It added", "..., they said"),
        never one person."""
        if m.actor_kind is not ActorKind.PERSON:
            bodies = [
                (pm, a)
                for pm, a in done
                if pm.start < m.start
                and m.start - pm.end <= _VARIATION_REACH
                and pm.subject
                and a.kind is not ActorKind.PERSON
                and not self._in_quote(pm)
            ]
            pool = [pair for pair in bodies if pair[0].speaking] or bodies  # speakers first
            return max(pool, key=lambda pair: pair[0].start)[1] if pool else None
        earlier = [
            (pm, a)
            for pm, a in done
            if pm.start < m.start and a.kind is ActorKind.PERSON and not self._in_quote(pm)
        ]
        if m.role:  # "the secretary": a person holding such an office
            earlier = [(pm, a) for pm, a in earlier if m.role in (a.role or "").lower()]
        if not m.subject:  # "him": the last person named, not his own clause's subject
            at = m.other_than
            own = [a for pm, a in done if at is not None and pm.start <= at < pm.end]
            earlier = [(pm, a) for pm, a in earlier if a not in own]
            return max(earlier, key=lambda pair: pair[0].start)[1] if earlier else None
        subjects = [pair for pair in earlier if pair[0].subject]
        pool = subjects or earlier
        return max(pool, key=lambda pair: pair[0].start)[1] if pool else None

    def _in_quote(self, m: Mention) -> bool:
        return self.quoted.covers(m.start, m.end)

    # -- organisations, institutions, countries -------------------------------------------

    def _owned(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor | None:
        """ "the prime minister’s press office": the office holder's country's institution."""
        holders = [
            a
            for pm, a in done
            if a.kind is ActorKind.PERSON
            and pm.kind is MentionKind.NAME
            and m.owner is not None
            and self._person_actor(a.actor_id).role
            and pm.family == m.owner.family
        ]
        country = _most_common(self._person_actor(a.actor_id).country for a in holders)
        if country is None:
            return None
        return self._thing(replace(m, country=country))

    def _source(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor | None:
        """ "The statement added": whoever issued the last document named before it."""
        earlier = [
            (pm, a)
            for pm, a in done
            if pm.start < m.start and pm.kind in (MentionKind.INSTITUTION, MentionKind.ORG)
        ]
        return max(earlier, key=lambda pair: pair[0].start)[1] if earlier else None

    def _referred(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor | None:
        """ "the agency", "the group", "the police": the last body of a sector the noun
        may stand for, named before it; for a state institution with none, that of the
        country the article has named most so far (as an actor, or by its places)."""
        earlier = [
            (pm, a)
            for pm, a in done
            if pm.start < m.start
            and pm.kind is not MentionKind.METONYM  # a capital is no agency
            and a.kind in (ActorKind.ORG, ActorKind.GROUP)
            and a.sector in m.refers
            and not self._in_quote(pm)
        ]
        if earlier:
            return max(earlier, key=lambda pair: pair[0].start)[1]
        titled = self._body_of_title(m, done)
        if titled is not None:
            return titled
        state = sorted(m.refers & _STATE)
        country = self._most_named(m, done) if state else None
        if country is None:
            return None
        return self._thing(replace(m, country=country, sector=state[0], refers=frozenset()))

    def _scene(self, m: Mention, done: list[tuple[Mention, Actor]]) -> str | None:
        """The country of the last place named before a mention, else the one named most."""
        before = [country for at, country in self.scenes if at < m.start]
        return before[-1] if before else self._most_named(m, done)

    def _armed(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor:
        """Unnamed armed people: "the gunmen" the armed group or military of that sector
        named just before; else, or when indefinite, that of the country where they act."""
        told = [
            (pm, a)
            for pm, a in done
            if m.definite
            and pm.start < m.start
            and m.start - pm.end <= _COLLECTIVE_REACH
            and a.kind in (ActorKind.ORG, ActorKind.GROUP)
            and a.sector == m.sector
        ]
        if told:
            return max(told, key=lambda pair: pair[0].start)[1]
        sole = sole_group(done, self.groups, self._thing) if m.name == UNNAMED_REBELS else None
        if sole is not None:  # "rebels", "the militants": the one group named
            return sole
        scene = self._armed_scene(m, done)
        return self._thing(replace(m, kind=MentionKind.INSTITUTION, country=scene))

    def _armed_scene(self, m: Mention, done: list[tuple[Mention, Actor]]) -> str | None:
        """Where unnamed armed people act: the first place named after them in their
        sentence ("gunmen attacked a village in X"), else as for witnesses."""
        after = [c for at, c in self.acts_in if m.start < at < (m.scene_end or m.start)]
        return after[0] if after else m.country or self._scene(m, done)

    def _most_named(self, m: Mention, done: list[tuple[Mention, Actor]]) -> str | None:
        """The country the article has named most before a mention (as an actor, or by
        its places), unless two tie."""
        named = Counter(a.country for pm, a in done if pm.start < m.start and a.country)
        named.update(country for at, country in self.places if at < m.start)
        top = named.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return None
        return top[0][0]

    def _body_of_title(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor | None:
        """ "WHO chief X said ... the agency": a body of a sector the noun
        may stand for, named by its abbreviation in a person's title before it."""
        for pm, _ in sorted(done, key=lambda pair: -pair[0].start):
            if pm.start >= m.start or pm.kind not in (MentionKind.NAME, MentionKind.ROLE):
                continue
            for word in pm.text.split():
                entry = self.kb.organisation(word) if word.isupper() and len(word) > 1 else None
                if entry is not None and entry.sector in m.refers:
                    return self._thing(
                        replace(
                            m,
                            kind=MentionKind.ORG,
                            actor_kind=entry.kind,
                            name=entry.name,
                            country=entry.country,
                            sector=entry.sector,
                            refers=frozenset(),
                        )
                    )
        return None

    def _of_body(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Actor | None:
        """ "its soldiers", "their forces": the body of that sector of the country
        "its" stands for (the body or country told of just before), or that body itself
        when it has no country ("SADC ... its troops")."""
        owner = self._pronoun(replace(m, actor_kind=ActorKind.ORG), done)
        if owner is None or owner.kind is ActorKind.PERSON:
            return None
        if owner.country is None:
            return owner
        return self._thing(replace(m, country=owner.country, possessor=None))

    def _of_possessor(self, m: Mention, done: list[tuple[Mention, Actor]]) -> Mention:
        """ "Netanyahu's Cabinet", "his Cabinet": a body of its owner's country."""
        owner = next(
            (a for pm, a in done if pm.start <= (m.possessor or 0) < pm.end), None
        ) or self._pronoun(
            replace(m, start=m.possessor or m.start, actor_kind=ActorKind.PERSON), done
        )
        if owner is None or owner.kind is not ActorKind.PERSON or owner.country is None:
            return m
        return replace(m, kind=MentionKind.INSTITUTION, country=owner.country)

    def _thing(self, m: Mention) -> Actor:
        if m.kind is MentionKind.COUNTRY and m.country:
            actor = country_actor(self.kb, m.country, m.text)
        elif m.kind in (MentionKind.METONYM, MentionKind.INSTITUTION) and m.country:
            actor = country_body(self.kb, m.country, m.sector or "GOV", m.text)
        else:
            name = m.name or m.text
            actor = Actor(
                actor_id=slug(name),
                name=name,
                kind=m.actor_kind,
                country=m.country,
                sector=m.sector,
                aliases=(m.text,),
            )
        old = self.fixed.get(actor.actor_id)
        if old is not None:
            aliases = tuple(sorted(set(old.aliases) | set(actor.aliases)))
            actor = replace(old, aliases=aliases)
        self.fixed[actor.actor_id] = actor
        return actor

    def finish(self) -> dict[str, Actor]:
        """Every actor of the article, people with their final bindings."""
        out = dict(self.fixed)
        for actor_id in self.people:
            out[actor_id] = self._person_actor(actor_id)
        return out


_INTERNATIONAL = frozenset({"IGO", "NGO"})
_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})  # a state's own institutions
_AT_THE_SCENE = frozenset({"CVL", "HLH"})  # unnamed witnesses, residents, medics
_VARIATION_REACH = 400  # characters from a speaker to "the deputy speaker went on to say"
_COLLECTIVE_REACH = 1000  # characters from a body to "the leaders" that stand for it
# Offices one person rarely holds together: a foreign minister is not "the president".
_EXCLUSIVE = frozenset(
    """head_of_state head_of_government monarch foreign_minister defence_minister minister
    deputy_minister military judge prosecutor governor mayor journalist""".split()
)
_NEWCOMER_REACH = 600  # characters after "a top US diplomat" within which he is named


def _newcomer(m: Mention, named: list[tuple[Mention, Actor]]) -> Actor | None:
    """ "a top US diplomat said ... O'Brien told reporters": an indefinite role noun
    introduces the next person named, if not named before and of a compatible side."""
    first_seen: dict[str, int] = {}
    for pm, a in named:
        first_seen[a.actor_id] = min(pm.start, first_seen.get(a.actor_id, pm.start))
    for pm, a in sorted(named, key=lambda pair: pair[0].start):
        if not m.end <= pm.start <= m.end + _NEWCOMER_REACH or first_seen[a.actor_id] < m.start:
            continue
        if (m.country is None or a.country in (None, m.country)) and (
            a.sector is not None and m.sector in (None, a.sector)
        ):  # a name with no known side of its own ("Jarinje") is introduced by nothing
            return a
    return None


def _same_office(role: Mention, named: Mention, person: Actor) -> bool:
    """Whether a role noun can refer to this person (same office, compatible country)."""
    if role.country and person.country and role.country != person.country:
        return False
    if role.sector == "IGO" and person.sector not in (None, "IGO"):
        return False  # "an EU official" is not a minister of one country
    if not person.role and not named.family:
        return False
    if role.family and role.family == named.family:
        return True
    head = fold(role.role or "").split()
    return bool(head) and person.role is not None and fold(role.role or "") == fold(person.role)


def _most_common(values) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _longest(values) -> str | None:
    found = [v for v in values if v]
    return max(found, key=len) if found else None
