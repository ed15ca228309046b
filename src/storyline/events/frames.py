"""Who did it and to whom: the source and targets of a trigger, read from the parse.

Sources are subjects (through coordination and control: "Blinken thanked X and
encouraged ..."), passive agents ("agreed upon by both countries"), possessors of a
nominal event ("Azerbaijan's blockade") or the subject of the clause a nominal event
sits in ("In telephone conversations with X, Blinken discussed ..."). Targets come
from the argument slots the lexicon lists for the trigger ("with", "between", the
direct object, the owner of the object: "welcomed Aliyev's commitment"), also on the
trigger's object ("hosted talks between X and Y"). Failing those, a verb of intent
takes the recipient of the act it is about ("threatened to break relations with
Russia"), a threat the party its condition is on ("... unless Baghdad accepts"), a
request whoever it asks to act ("demanded that the US cancel ..."). Coordinated
subjects each do the act ("Greek and Turkish warships attacked ..."). Noun phrases are
read by `phrases`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from storyline.actors.groups import counted, noun_sector
from storyline.actors.knowledge import Knowledge
from storyline.actors.phrases import Phrases, unique
from storyline.actors.resolve import ArticleActors, country_actor
from storyline.events.lexicon import Lexicon, Trigger
from storyline.events.patterns import ArgumentPatterns, Arguments
from storyline.events.slots import (
    BOTH,
    at_each_other,
    bare_two,
    governing_verb,
    run_on,
    slot_heads,
)
from storyline.events.victims import HARMFUL, for_owners, harmed
from storyline.nlp.text import name_ending
from storyline.records import Actor, ActorKind, Event

_SUBJECT = ("nsubj",)
_AGREED_TO = frozenset({"to", "on", "upon"})
_AMID = frozenset({"in", "during", "amid", "after", "following"})  # "killed in clashes"
_STANCES = frozenset({"commit", "determine", "dedicate"})
# What does the harm when no one is named as doing it ("a roadside bomb killed ...").
_WEAPONS = frozenset(
    "explosion blast bomb mine landmine rocket missile shell mortar grenade device "
    "explosive gunfire fire drone".split()
)
_PARTIES = frozenset(
    "side country nation state party government leader neighbour neighbor rival "
    "army force delegation team president minister official capital".split()
)
_WHEN = frozenset({"DATE", "TIME"})  # "on Sunday" is no one's slot
_PLACES = frozenset({"GPE", "LOC", "FAC"})  # a place not read as an actor is a place


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """A trigger's source and targets."""

    source: Actor
    targets: tuple[Actor, ...]
    both_ways: bool = False  # "Both nations blame the other": each side against the other
    # "Greek and Turkish warships attacked ...": the same act by the other subjects
    others: tuple[Frame, ...] = ()
    # an attack no doer is named of, coded as the country's where it happens: its
    # victims may be of that country ("a mine near Mosul killed two Iraqi children")
    unclaimed: bool = False


class Framer:
    """Reads frames in one article: its actors, its quotations, its main pair of sides."""

    def __init__(
        self,
        actors: ArticleActors,
        phrases: Phrases,
        kb: Knowledge,
        lexicon: Lexicon | None = None,
        patterns: ArgumentPatterns | None = None,
    ) -> None:
        self.actors = actors
        self.kb = kb
        self.lexicon = lexicon  # to read the act a verb of intent is about
        self.phrases = phrases
        self.sides: tuple[Actor, ...] = ()
        self.patterns = patterns or ArgumentPatterns.load()
        self._found: Arguments | None = None  # for the last document read

    def arguments(self, token: Token, role: str) -> list[Token]:
        """The heads of the phrases the argument patterns find in a role of an act."""
        found = self._found
        if found is None or found.doc is not token.doc:  # the whole document at once
            found = self._found = self.patterns.arguments(token.doc)
        return found.of(token, role)

    def _parties(self, token: Token, trigger: Trigger) -> list[Actor]:
        """The parties of an act done together named after it, told as what happened
        ("talks between Egypt and Ethiopia resumed", "killed in clashes among rival
        militias"): each is a source and a target. Not an act something else is about
        ("efforts to achieve an agreement between X and Y")."""
        told = token.dep_ in ("nsubj", "nsubjpass", "ROOT") or (
            token.dep_ == "pobj" and token.head.lower_ in _AMID
        )
        if not trigger.reciprocal or not told:
            return []
        parties = self._role(token, "parties")
        return parties if len(parties) > 1 else []

    def doers(self, noun: Token) -> list[Actor]:
        """Who did an act told as a noun, as the phrase names them ("the army's raid",
        "the attack by X", "X was behind the attack")."""
        return self._owner(noun) or self.culprits(noun)

    def culprits(self, token: Token) -> list[Actor]:
        """Who is said to have done an act ("Sudan was behind the attack", "held the
        army responsible for the shelling")."""
        return self._role(token, "culprit")

    def _role(self, token: Token, role: str) -> list[Actor]:
        """The actors of the phrases in a role of an act."""
        return unique(a for h in self.arguments(token, role) for a in self.phrases.actors_of(h))

    def note(self, event: Event) -> None:
        """Remember the parties of an event just coded, for a "the two" that follows."""
        parties = (event.source, *event.targets)
        if len(parties) == 2:
            self.phrases.last_pair = parties

    def frame(self, token: Token, trigger: Trigger, source: Actor | None = None) -> Frame | None:
        """The source and targets of a trigger token, or None without a source; with
        `source`, the frame of that source (an act the text names no doer of)."""
        self.sides = self.phrases.sides(token.doc)
        unclaimed = source is not None
        sources = [source] if source is not None else self._source(token, trigger)
        # "Both nations blame the other": each side does it to the other.
        both_ways = len(sources) == 2 and at_each_other(token)
        if not sources and self._both_sides(token):
            # "The two discussed ...": the two just told of; "both sides": the article's
            last = self.phrases.last_pair
            pair = last if last and bare_two(token) else self.sides
            sources, both_ways = list(pair), True
        if not sources:
            return None
        source = sources[0]
        named = list(self._targets(token, trigger))
        targets = named
        if trigger.reciprocal or both_ways:
            targets = sources[1:] + targets
        if not targets and both_ways and len(sources) > 1:
            targets = sources[1:]
        targets = unique(t for t in targets if t.actor_id != source.actor_id or unclaimed)
        # Reciprocal acts already join every subject; the others share only named targets.
        together = trigger.reciprocal and (not named or self._parties(token, trigger))
        others = (
            ()
            if both_ways or together
            else tuple(
                Frame(source=s, targets=tuple(t for t in named if t.actor_id != s.actor_id))
                for s in sources[1:]
            )
        )
        return Frame(
            source=source,
            targets=tuple(targets),
            both_ways=both_ways,
            others=others,
            unclaimed=unclaimed,
        )

    # -- sources ----------------------------------------------------------------------------

    def _source(self, token: Token, trigger: Trigger) -> list[Actor]:
        if token.pos_ == "NOUN" or token.dep_ in ("nsubj", "nsubjpass"):
            owner = self._owner(token)  # "the army's raid", "a raid by the army"
            if owner:
                return owner
            culprits = self.culprits(token)  # "X was behind the attack"
            if culprits:
                return culprits
            parties = self._parties(token, trigger)  # "fighting between X and Y killed"
            if parties:
                return parties
        if token.pos_ == "NOUN":
            verb = governing_verb(token)
            if verb is None or token in self.arguments(verb, "answer"):
                return []  # "deployed jets in the wake of the ambush": not their ambush
            hostile = trigger.type in _HOSTILE or trigger.mode == "ceasefire"
            if hostile and verb.lemma_.lower() in _REACTIONS:
                return []  # "KFOR condemned the attacks", "Ghana welcomed the truce"
            return self._verb_subject(verb)
        if token.pos_ == "ADJ":  # "they are ready for peace": the subject of "are"
            if self.arguments(token, "target"):  # "their accounts were frozen": no doer
                return []
            return self._verb_subject(token.head) if token.head.pos_ in ("AUX", "VERB") else []
        # "Ghana is committed to reform": a passive that tells its subject's own stance
        found = self._verb_subject(token, raised=token.lemma_.lower() in _STANCES)
        return found or self._means_doer(token)

    def speaker(self, verb: Token) -> list[Actor]:
        """Who says what a verb of saying tells: its subject, also of the verb it is the
        complement of ("went on to say that ...")."""
        return self._verb_subject(verb, raised=False)

    def _means_doer(self, verb: Token) -> list[Actor]:
        """The doer of a hostile act that is the subject of a verb: "a raid by the
        militia killed six", "the army's shelling wounded ..."."""
        for noun in verb.children:
            if noun.dep_ == "nsubj" and noun.pos_ == "NOUN" and self._hostile(noun):
                found = self._own_owner(noun)
                if found:
                    return found
        return []

    def _harmed_within(self, verb: Token) -> bool:
        """Whether a verb of harm tells what happened in a hostile act told as a noun
        ("three civilians were killed in a car bombing", "four guards died in an ambush
        by the militia"): the noun's act, coded once, as the noun."""
        return any(
            self._hostile(g)
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("in", "during")
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ == "NOUN"
        )

    def _hostile(self, noun: Token) -> bool:
        return self.lexicon is not None and any(
            t.type in _HOSTILE for t in self.lexicon.triggers_for(noun)
        )

    def unclaimed(self, token: Token, trigger: Trigger) -> bool:
        """An attack the text names no doer of: "a roadside bomb killed two soldiers",
        "five soldiers were killed by a roadside bomb", "a car bombing killed three",
        "the blast in the market"; not one whose doer the coder cannot read ("gunmen
        killed ...", "an attack by gunmen"), nor the harm done in an attack told as a
        noun ("were killed in a car bombing"), which is that noun's act."""
        if trigger.type != "ASSAULT" or trigger.reciprocal or trigger.weak:
            return False
        if token.pos_ == "NOUN":
            if self.arguments(token, "doer") or any(c.dep_ == "poss" for c in token.children):
                return False
            verb = governing_verb(token)
            subjects = [c for c in verb.children if c.dep_ in _SUBJECT] if verb else []
            return not subjects or any(c.i == token.i for c in subjects)
        subjects = [c for c in token.children if c.dep_ in (*_SUBJECT, "agent", "nsubjpass")]
        if self._harmed_within(token):
            return False
        agents = [g for c in subjects if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:  # "killed by a roadside bomb": a weapon no one is named as using
            return all(
                g.pos_ == "NOUN" and self._harmful(g) and not self._names_doer(g) for g in agents
            )
        if any(c.dep_ == "nsubjpass" for c in subjects):
            return True  # "were killed in a car bombing": the victims, no doer
        # "an ambush by insurgents killed ...": a doer named, if not read, is no one unknown
        return any(
            c.pos_ == "NOUN" and self._harmful(c) and not self._names_doer(c) for c in subjects
        )

    def _names_doer(self, noun: Token) -> bool:
        """Whether an attack told as a noun names its doer, an actor or not ("the raid by
        bandits", "the army's shelling"), not its day ("Sunday's blast")."""
        if self._own_owner(noun) or self.arguments(noun, "doer"):
            return True
        return any(c.dep_ == "poss" and c.ent_type_ not in _WHEN for c in noun.children)

    def _harmful(self, noun: Token) -> bool:
        """A noun of an attack or of what does its harm ("the bombing", "a mine")."""
        if noun.lemma_.lower() in _WEAPONS:
            return True
        return self.lexicon is not None and bool(self.lexicon.triggers_for(noun))

    def _verb_subject(self, verb: Token, raised: bool = False) -> list[Actor]:
        for child in verb.children:
            if child.dep_ in _SUBJECT or (raised and child.dep_ == "nsubjpass"):
                # "Obama is scheduled to attend": the one scheduled attends
                return self.phrases.actors_of(child)
            if child.dep_ == "agent":
                return [a for g in child.children for a in self.phrases.actors_of(g)]
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
        if (
            verb.dep_ == "pcomp"
            and verb.head.lower_ in ("after", "before", "upon", "since", "while")
            and verb.head.head.pos_ == "VERB"
        ):
            # "announced after hosting the two leaders": whoever announced hosted
            return self._verb_subject(verb.head.head)
        if _aimed_at_by_reaction(verb):
            return []  # "condemned the plot to bomb X": not the condemner's bombing
        if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head.i != verb.i:
            # "it is willing to withdraw": the subject of "is"
            return self._verb_subject(verb.head, raised=verb.dep_ == "xcomp")
        host = run_on(verb)
        if host is not None:
            return self._verb_subject(host)
        if verb.dep_ in ("acl", "relcl"):
            return self._issuer(verb.head)
        return []

    def _issuer(self, noun: Token) -> list[Actor]:
        """ "the US issued a press release expressing ...": whoever the noun's clause is about."""
        owner = self._own_owner(noun)
        if owner:
            return owner
        if noun.dep_ == "nsubj":
            return self.phrases.actors_of(noun)
        return self._verb_subject(noun.head) if noun.head.pos_ == "VERB" else []

    def _owner(self, noun: Token, depth: int = 1) -> list[Actor]:
        """ "Azerbaijan's blockade", "the Azeri attack", "Armenia's commitment"; also one
        level down: "the increase in Azerbaijan's rhetoric", "a camp for Congolese
        refugees" (whom a place is for); "in" gives only a possessor: "an attack in the
        Serb-populated north" is no Serb attack."""
        found = self._own_owner(noun)
        if found or depth == 0:
            return found
        for prep in noun.children:
            if prep.dep_ == "prep" and (
                prep.lower_ in ("in", "of") or (prep.lower_ == "for" and self._place_for(noun))
            ):
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    found = (
                        self._possessor(pobj)
                        if prep.lower_ == "in"
                        else self._owner(pobj, depth - 1)
                    )
                    if found:
                        return found
        return []

    def _possessor(self, noun: Token) -> list[Actor]:
        """Who a noun's possessor names, not a pronoun ("Azerbaijan's rhetoric")."""
        return [
            a
            for c in noun.children
            if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her")
            for a in self.phrases.actors_of(c)
        ]

    def _holder(self, noun: Token) -> list[Actor]:
        """Whose holdings a noun names: "Russia's assets", "the assets of five officials",
        "their accounts"."""
        found = self._owner(noun)
        if found:
            return found
        return [a for c in noun.children if c.dep_ == "poss" for a in self.phrases.actors_of(c)]

    def _place_for(self, noun: Token) -> bool:
        """Whether a noun names a place or thing made for someone ("a camp for
        refugees"), not an act for them ("support for the talks")."""
        return noun.pos_ == "NOUN" and not (self.lexicon and self.lexicon.triggers_for(noun))

    def _narrator_subject(self, pronoun: Token) -> list[Actor]:
        """The person "his" refers to: the subject of the sentence's main verb, if a person."""
        root = pronoun.sent.root
        for child in root.children:
            if child.dep_ == "nsubj":
                found = self.phrases.actors_of(child)
                return [a for a in found if a.kind is ActorKind.PERSON][:1]
        return []

    def _own_owner(self, noun: Token) -> list[Actor]:
        patients = self.arguments(noun, "target")  # "his arrest": the one arrested
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ in ("his", "her") and child not in patients:
                return self._narrator_subject(child)  # "Blinken said that in his calls"
        # "Kenya's blockade", "a raid by the militia", "an ambush carried out by X"
        if self.arguments(noun, "doer"):
            return self._role(noun, "doer")
        # "the Azeri attack", "Armenia-Azerbaijan peace talks": countries named before it
        out = []
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "nmod"):
                for tok in child.subtree:
                    code = self.kb.country(tok.text) if tok.text[:1].isupper() else None
                    if code:
                        out.append(self.actors.actor(code) or country_actor(self.kb, code))
        if not out:  # "a European Union plan": an organisation named before it
            for child in noun.children:
                if child.dep_ == "compound" and child.pos_ == "PROPN":
                    first = min(t.idx for t in child.subtree)
                    body = self.actors.at(first, child.idx + len(child.text), head=child.idx)
                    known = body is not None and self.kb.organisation(body.name) is not None
                    if known and body.kind is ActorKind.ORG:  # not any name the NER calls ORG
                        out.append(body)
        return unique(out)

    def _both_sides(self, token: Token) -> bool:
        """ "Both nations blame ...", "agreed upon by both countries", "the two sides"."""
        heads = [c for c in token.children if c.dep_ in ("nsubj", "poss")]
        heads += [g for c in token.children if c.dep_ == "agent" for g in c.children]
        for head in heads:
            marks = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet")}
            if (marks | {head.lower_}) & BOTH and len(self.sides) == 2 and self._party(head):
                return True
        return False

    def _party(self, head: Token) -> bool:
        """Whether "both X" or "the two X" can be the two sides: bare, or a noun of
        parties ("both sides", "the two countries", "both leaders"), not of things
        ("two trucks were blocking a bridge")."""
        return (
            head.lower_ in BOTH
            or head.lemma_.lower() in _PARTIES
            or noun_sector(head, self.kb) is not None
        )

    # -- targets ----------------------------------------------------------------------------

    def recipients(self, verb: Token) -> list[Actor]:
        """Whom a verb is addressed to ("reaffirmed ... to the Prime Minister")."""
        for slot in ("dative", "to", "with"):
            found = self._slot(verb, slot)
            if found:
                return found
        return []

    def _targets(self, token: Token, trigger: Trigger) -> Iterator[Actor]:
        objects = [c for c in token.children if c.dep_ in ("dobj", "attr", "nsubjpass")]
        # What is agreed to or signed off on is an object too: its own participants are
        # the act's ("agreed to a ceasefire with Hezbollah", "signed off on a deal with X")
        objects += [
            g
            for c in token.children
            if c.dep_ in ("prep", "prt") and c.lower_ in _AGREED_TO
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ == "NOUN"
        ]
        # The object the lexicon names first ("reaffirmed ... support for X").
        objects.sort(key=lambda c: c.lemma_.lower() not in trigger.objects)
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.pos_ == "VERB":
            # a nominal act as the object of the verb that tells it: the verb's phrases
            # are the act's ("launched a mediation effort on Monday between X and Y")
            objects.append(token.head)
        harm = trigger.type in HARMFUL  # "killed four Kenyan soldiers": Kenya's military
        if trigger.converse:  # "faces pressure from X": the doer of what the subject gets
            found = [
                a
                for o in [*objects, *_acted_on(token, trigger)]
                if o.lemma_.lower() in trigger.objects
                for a in self._role(o, "doer")
            ]
            if found:
                yield from found
                return
        for slot in trigger.targets:
            found = self._slot(token, slot, harm)
            if not found and slot not in ("dobj", "dobj_owner"):
                for obj in objects:
                    found = self._slot(obj, slot, harm)
                    if found:
                        break
            if found and harm and slot.endswith("_owner"):
                # "attacked a Saudi border post, wounding four Saudi soldiers": the soldiers
                found = for_owners(found, harmed(token, trigger, self))
            if found:
                yield from found
                return
        found = self._bound_for([*objects, *_acted_on(token, trigger)], trigger)
        if found:
            yield from found
            return
        if token.pos_ == "ADJ":  # "their accounts were frozen": whose accounts
            found = [a for h in self.arguments(token, "target") for a in self._holder(h)]
            if found:
                yield from found
                return
        if token.pos_ == "NOUN":
            # "a raid by the militia on a checkpoint", "Iran rejected a request from X"
            found = self._role(token, "target")
            if found:
                yield from found
                return
        found = harmed(token, trigger, self)  # "an ambush on a convoy killed five soldiers"
        if found:
            yield from found
            return
        found = self._role(token, "asker")  # "released them at the request of X"
        if found:
            yield from found
            return
        if trigger.type == "REQUEST":
            yield from self._addressed(token)
            return
        if trigger.type == "ACCUSE":  # "alleged that France had armed the militias"
            yield from self._addressed(token, blamed=True)
            return
        found = list(self._intended(token))
        if not found and trigger.type == "THREATEN":
            found = self._conditioned(token)
        yield from found

    def _bound_for(self, objects: list[Token], trigger: Trigger) -> list[Actor]:
        """ "halted its flights to Chile", "cut fuel deliveries to Laos", "the suspension
        of exports to Ghana": where the thing a sanction or a squeeze stops was going is
        whom it is aimed at, whatever slots the trigger names."""
        if trigger.type not in _STOPPING:
            return []
        for obj in objects:
            if obj.pos_ == "NOUN" and (obj.lemma_.lower() in trigger.objects or obj.dep_ == "pobj"):
                found = self._slot(obj, "to")
                if found:
                    return found
        return []

    def _addressed(self, token: Token, blamed: bool = False) -> list[Actor]:
        """ "demanded that the US cancel its plans", "reiterated its demand that Israel
        ease ...", "said Sudan must return ...": who is to do what a request asks; with
        `blamed`, who is said to have done wrong ("alleged that France armed ...")."""
        heads = [token, token.head] if token.pos_ == "NOUN" else [token]
        for head in heads:
            for clause in head.children:
                if clause.dep_ not in ("ccomp", "acl") or clause.i < token.i:
                    continue
                if blamed and not self._conflict(clause):
                    continue
                for subject in clause.children:
                    if subject.dep_ == "nsubj":
                        return self.phrases.actors_of(subject)
        return []

    def _intended(self, verb: Token) -> Iterator[Actor]:
        """ "offered to hand over two suspects to Britain", "threatened to break relations
        with Russia": the recipient of the act a verb of intent is about."""
        if self.lexicon is None:
            return
        for act in verb.children:
            if act.dep_ != "xcomp" or act.pos_ not in ("VERB", "AUX"):
                continue
            # "promised to continue military aid to X": the act may be the object's
            for part in (act, *(c for c in act.children if c.dep_ == "dobj")):
                triggers = self.lexicon.triggers_for(part)
                found = list(self._targets(part, triggers[0])) if triggers else []
                if found:
                    yield from found
                    return
            found = self.recipients(act)
            if found:
                yield from found
                return

    def _conflict(self, clause: Token) -> bool:
        """Whether a clause reports an act of conflict ("had armed the militias")."""
        if self.lexicon is None:
            return False
        for tok in clause.subtree:
            for trigger in self.lexicon.triggers_for(tok):
                kind = self.lexicon.types.get(trigger.type)
                if kind is not None and kind.quad.endswith("conflict"):
                    return True
        return False

    def _conditioned(self, verb: Token) -> list[Actor]:
        """ "threatened to ban voting if Hamas ran", "... unless Baghdad accepted": a
        threat is aimed at whoever the condition is on."""
        for node in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
            for clause in node.children:
                if clause.dep_ != "advcl" or not any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children
                ):
                    continue
                for subject in clause.children:
                    if subject.dep_ in ("nsubj", "nsubjpass"):
                        return self.phrases.actors_of(subject)
        return []

    def names_recipient(self, token: Token, trigger: Trigger) -> bool:
        """Whether the clause names someone in one of the trigger's recipient slots, an
        actor or not ("reiterate commitment to helping ...", "protest against the
        students"); a place or a thing there is no one ("withdrawal from the town")."""
        objects = [token, *(c for c in token.children if c.dep_ in ("dobj", "attr"))]
        return any(
            self._someone(filler)
            for slot in trigger.targets
            if slot != "none"
            for head in (objects if slot not in ("dobj", "dobj_owner") else objects[:1])
            for filler in slot_heads(head, slot.removesuffix("_owner"))
        )

    def names_other(self, token: Token, trigger: Trigger) -> bool:
        """Whether the clause names someone in the trigger's recipient slots whom the
        coder cannot read as an actor ("attacked Kurds"), not a place or a thing
        ("shelled border villages", "the blockade of the Lachin Corridor")."""
        objects = [token, *(c for c in token.children if c.dep_ in ("dobj", "attr"))]
        return any(
            self._someone(filler) and not self.kb.is_place(name_ending(filler))
            for slot in trigger.targets
            if slot != "none"
            for head in (objects if slot not in ("dobj", "dobj_owner") else objects[:1])
            for filler in slot_heads(head, slot.removesuffix("_owner"))
        )

    def fills_slot(self, token: Token, trigger: Trigger) -> bool:
        """Whether people or things fill one of the trigger's recipient slots, counted
        or plural ("killing one person", "fired at targets", "dispersed protesters"),
        not a name or a single abstract noun ("the seizure of power")."""
        objects = [token, *(c for c in token.children if c.dep_ in ("dobj", "attr"))]
        return any(
            filler.pos_ == "NOUN"
            and filler.ent_type_ not in _WHEN
            and (filler.tag_ == "NNS" or any(c.dep_ == "nummod" for c in filler.children))
            for slot in trigger.targets
            if slot != "none"
            for head in (objects if slot not in ("dobj", "dobj_owner") else objects[:1])
            for filler in slot_heads(head, slot.removesuffix("_owner"))
        )

    def _someone(self, filler: Token) -> bool:
        if filler.ent_type_ in _WHEN or filler.ent_type_ in _PLACES:
            return False
        if filler.pos_ in ("PROPN", "PRON", "VERB") or filler.dep_ == "pcomp":
            return True
        return counted(filler) is not None or noun_sector(filler, self.kb) is not None

    def _slot(self, token: Token, slot: str, harm: bool = False) -> list[Actor]:
        owner = slot.endswith("_owner")
        found: list[Actor] = []
        doers = self.arguments(token, "doer")  # "a request from X" is X's, not to X
        for head in slot_heads(token, slot.removesuffix("_owner")):
            if head in doers:
                continue
            if owner:
                found += self._harmed_body(head) if harm else self._owner(head)
            elif not self._done_to(head):
                # "attributed the attack to support from Serbia": an act stands for its doer
                found += self.phrases.actors_of(head) or self._role(head, "doer")
        return found

    def _harmed_body(self, head: Token) -> list[Actor]:
        """Whose people an attack harmed: a body of their country the phrase names
        ("killed four Kenyan soldiers": Kenya's military, "detained two Israeli police
        officers"), else whose they are ("shelled Armenia's positions": Armenia)."""
        owners = self._owner(head)
        own = self.phrases.actors_of(head) if owners else []
        countries = {a.country for a in owners}
        if own and all(a.sector and a.country in countries for a in own):
            return own
        return owners

    def _done_to(self, noun: Token) -> bool:
        """Whether a noun phrase names an act by whom it was done to ("condemned Odinga's
        arrest"), which is not aimed at them."""
        return noun.pos_ == "NOUN" and any(c.dep_ == "poss" for c in self.arguments(noun, "target"))


# Acts that stop or withhold what goes to someone ("suspended flights to X").
_STOPPING = frozenset({"SANCTION", "COERCE"})


def _acted_on(token: Token, trigger: Trigger) -> list[Token]:
    """What a nominal act is done to ("the suspension of flights", "a halt of exports"),
    or what a verb's particle governs ("advised against travel")."""
    prep = "of" if token.pos_ == "NOUN" else trigger.particle
    if prep is None:
        return []
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == prep
        for g in c.children
        if g.dep_ == "pobj" and g.pos_ == "NOUN"
    ]


def _aimed_at_by_reaction(verb: Token) -> bool:
    """Whether a "to" clause tells what the object of a verb of reacting was aimed at
    ("condemned the plot to bomb the embassy", "denounced the move to expel X"; the
    parser hangs it on the noun or on the verb): those who react did not plan it."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head.head if verb.dep_ == "acl" else verb.head
    return verb.dep_ in ("acl", "xcomp", "advcl") and head.lemma_ in _REACTIONS


# Hostile acts (and truces), and verbs whose subject reacts to such an act named as their
# object rather than doing it ("condemned the attacks", "fled the fighting"; but "discussed in
# talks" is a party's).
_HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE"})
_REACTIONS = frozenset(
    "condemn denounce deplore decry criticize criticise mourn investigate discuss blame "
    "regret lament welcome witness recall remember commemorate describe deny confirm "
    "report fear prevent avoid survive flee escape evade hail praise applaud salute".split()
)
