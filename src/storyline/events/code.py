"""Code an article's events: triggers, frames, dates, places, fatalities, one per act.

An event takes the date of its own clause; otherwise the article's main news date (the
day most of its dated news is on); otherwise a window of the week before publication.
Hypothetical clauses ("if goods could be shipped ...") are not events; negated ones
are kept and flagged; an act said to be coming is coded as the promise or threat it is,
with the act's parties, and the act itself only when told as a plan or decision
(`acts`). Background dated more than a year before publication is flagged historical.
An act with no recipient is coded only when its lexicon entry allows none and the
clause names no one; a protest, curfew or eased restriction with no one named is aimed
at the country where it happens. The same act reported twice in an
article is one event with both spans.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from storyline.actors.knowledge import Knowledge
from storyline.actors.phrases import Phrases
from storyline.actors.resolve import ArticleActors, country_actor
from storyline.actors.states import STATE_BODIES
from storyline.dates import DateMention
from storyline.events.acts import Act, obliging, refused, reported_acts
from storyline.events.backing import credited, helps_another_act
from storyline.events.culprits import CHARGE, charged
from storyline.events.decisions import decided
from storyline.events.detentions import detainer, held
from storyline.events.frames import Frame, Framer
from storyline.events.hosting import hosted_parties
from storyline.events.lexicon import Lexicon, Trigger
from storyline.events.numbers import fatalities
from storyline.events.patterns import ArgumentPatterns
from storyline.events.places import event_location
from storyline.events.posts import struck_force
from storyline.events.press import without_press
from storyline.events.quantities import counted_parties
from storyline.events.reactions import answered, sanctioner
from storyline.events.received import turned
from storyline.events.recognition import authors, declared
from storyline.events.requests import requested_parties
from storyline.events.slots import clause_of
from storyline.events.together import also_agreed, jointly, other_side, reporting_body
from storyline.events.victims import harm_of_attack, on_itself
from storyline.events.when import (
    anchored,
    date_anchors,
    is_future,
    is_historical,
    main_date,
    related,
    speech_dated,
    window_before,
)
from storyline.gazetteer import Gazetteer
from storyline.nlp.text import name_ending
from storyline.records import (
    Actor,
    ActorKind,
    Event,
    EventDate,
    Evidence,
    Location,
    Quote,
    stable_id,
)

# The longest evidence an event carries, in characters (a long sentence is cut around its act).
MAX_EVIDENCE = 1000
_GOING = frozenset({"return", "travel", "arrive", "come", "go", "head", "fly", "leave", "gather"})
_DURING = frozenset({"during", "in", "at", "after", "following"})
_TRUCES = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
_TIMING = frozenset({"after", "following", "before", "since", "amid"})
_SCENE = frozenset({"during", "in", "at", "after", "following", "before", "amid", "by", "since"})


@dataclass(frozen=True, slots=True, kw_only=True)
class EventContext:
    """What the coder needs of an article beyond its parse."""

    doc_id: str
    published: date | None
    actors: ArticleActors
    quotes: tuple[Quote, ...]
    dates: list[DateMention]
    phrases: Phrases  # the actor stage's reader of noun phrases in this article


@dataclass(frozen=True, slots=True)
class _Article:
    """One article being coded: its parse and context, and the knowledge to code it."""

    doc: Doc
    ctx: EventContext
    kb: Knowledge
    lexicon: Lexicon
    gazetteer: Gazetteer

    def country(self, code: str) -> Actor:
        """A country as this article's actor, else as the dictionaries name it."""
        return self.ctx.actors.actor(code) or country_actor(self.kb, code)


def code_events(
    doc: Doc,
    ctx: EventContext,
    kb: Knowledge,
    lexicon: Lexicon,
    gazetteer: Gazetteer,
    patterns: ArgumentPatterns | None = None,
) -> tuple[Event, ...]:
    """Every event the article reports, one per act, in text order."""
    article = _Article(doc, ctx, kb, lexicon, gazetteer)
    framer = Framer(ctx.actors, ctx.phrases, kb, lexicon, patterns)
    anchors = date_anchors(doc, speech_dated(doc, ctx.dates, ctx.quotes))
    spoken = [(q.evidence.start, q.evidence.end) for q in ctx.quotes if q.kind.value == "direct"]
    told = [d for d in ctx.dates if not any(s <= d.start < e for s, e in spoken)]
    main = main_date(told, ctx.published)  # the news date is the narrator's, not a quote's
    events: list[Event] = []
    frames: dict[int, Frame] = {}
    for token in doc:
        triggers = (
            lexicon.triggers_for(token) or obliging(token, kb, lexicon) or lexicon.fallback(token)
        )
        if not triggers or _object_of_trigger(token, lexicon) or not _licensed(token, framer):
            continue
        when = (
            _referred_back(token, triggers[0], anchors, events)
            or anchored(token, anchors)
            or _inherited_date(token, events, lexicon)
            or main
        )
        framed: list[tuple[tuple[str, ...], Frame]] = []
        decision = decided(token, triggers[0], framer)  # "resolved to take action against X"
        acts = decision.acts if decision else reported_acts(token, triggers[0], kb, lexicon)
        acts = declared(token, acts)  # "will recognise only X": the recognition itself
        for act in acts:
            if decision is not None and decision.frame is not None:
                framed = [((), decision.frame)]
            elif _backdrop(token, act.trigger, anchors, lexicon):
                framed = []
            elif _timing_act(token, act.trigger):  # "met after the fighting": not theirs
                clash = _unowned_act(token, act.trigger, anchors, framer)
                framed = [((), clash)] if clash else []
                if token.i not in anchors and main is not None:  # "following the ceasefire"
                    when = related(main, token.head) or when
            elif not (act.said and framed):  # a statement of intent has its act's parties
                framed = _framed(article, token, act.trigger, frames, events, framer, ctx)
            for key, frame in framed:
                frames.setdefault(token.i, frame)
                if act.lends:
                    continue
                found = _events(article, token, held(act, frame, token), frame, when, key)
                charge = charged(token, frame, ctx.quotes, framer)
                if charge is not None:  # "X said Y was behind the attack": Y's, X's word
                    found = [replace(e, contested=True) for e in found]
                    found += _events(article, token, Act(CHARGE), charge, when, (*key, "charge"))
                for event in found:
                    framer.note(event)
                events += found
                if act.trigger.type == "ACCUSE" and not act.said:
                    events += _blamed(article, token, frame, anchors, when, key, events)
    return tuple(_one_per_act(events))


def _blamed(
    article: _Article,
    token: Token,
    frame: Frame,
    anchors: dict[int, EventDate],
    when: EventDate | None,
    key: tuple[str, ...],
    earlier: list[Event],
) -> list[Event]:
    """ "Both nations blame the other for days of shelling": the act blamed is reported
    too, by the accused against the accuser, and marked contested (it is one side's
    word, or each side's against the other's)."""
    found = _blamed_act(token, article.lexicon)
    if found is None or not frame.targets:
        return []
    noun, trigger = found
    blamed = Frame(source=frame.targets[0], targets=(frame.source,))
    when = _referred_back(noun, trigger, anchors, earlier) or anchored(noun, anchors) or when
    events = _events(article, noun, Act(trigger), blamed, when, (*key, "blamed"))
    return [replace(e, contested=True) for e in events]


def _blamed_act(token: Token, lexicon: Lexicon) -> tuple[Token, Trigger] | None:
    """The act an accusation is about: "blame X for the shelling", "accused X of days of
    shelling"."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "over"):
            continue
        for noun in prep.children:
            for candidate in (
                noun,
                *(
                    g
                    for c in noun.children
                    if c.lower_ == "of"
                    for g in c.children
                    if g.dep_ in ("pobj", "pcomp")  # "days of shelling": a gerund too
                ),
            ):
                triggers = lexicon.triggers_for(candidate)
                if triggers and triggers[0].type in ("ASSAULT", "COERCE"):
                    return candidate, triggers[0]
    return None


def _framed(
    article: _Article,
    token: Token,
    trigger: Trigger,
    frames: dict[int, Frame],
    events: list[Event],
    framer: Framer,
    ctx: EventContext,
) -> list[tuple[tuple[str, ...], Frame]]:
    """The completed frames of an act, each with its key among the token's events: the
    subject's, and those of the other subjects doing the same ("Greek and Turkish
    warships"); none when someone receives the act and the coder cannot tell who."""
    if _refused_together(token, trigger, framer):
        trigger = replace(trigger, reciprocal=True)
    if harm_of_attack(token, framer):  # "attacked X, killing ten": the attack's, told once
        return []
    first = framer.frame(token, trigger) or _unclaimed(article, token, trigger, framer)
    imposer = sanctioner(token, trigger, events, framer) if first is None else None
    if first is None and imposer is None:  # "after his arrest": who holds him
        imposer = detainer(token, trigger, framer, article.gazetteer)
    if imposer is not None:  # "were put under a visa ban": the sanctions told before
        first = framer.frame(token, trigger, imposer)
    if first is None:
        return []
    first = jointly(first, trigger)  # "X and Y accepted the terms": with each other
    first = turned(first, trigger)  # "received arms from X": X's act
    out = []
    for frame in (first, *first.others):
        key = () if frame is first else (frame.source.actor_id,)
        frame = _complete(frame, token, trigger, frames, events, framer, article)
        if (
            frame.targets
            or _stands_alone(token, trigger, framer)
            or (frame.source.country is not None and _unnamed(token, trigger, framer))
        ):
            out.append((key, frame))
    return out


def _unclaimed(article: _Article, token: Token, trigger: Trigger, framer: Framer) -> Frame | None:
    """ "A roadside bomb near Samarra killed two soldiers", "three civilians were killed
    in a car bombing in Baghdad": an attack the text names no doer of is coded, as
    PLOVER codes an unknown attacker, as the country's where it happens. Not in an
    article told between two sides: there the attack is one side's, unnamed here."""
    if len(framer.sides) == 2 or not framer.unclaimed(token, trigger):
        return None
    clause = clause_of(token)
    place = event_location(article.doc, clause, article.gazetteer)
    if place is None or place.country is None:
        return None
    code = place.country
    return framer.frame(token, trigger, article.country(code))


def _timing_act(token: Token, trigger: Trigger) -> bool:
    """Fighting or a ceasefire that only times another act ("met for the first time since
    the confrontation", "talks following the ceasefire"), with no side named as its own."""
    return (
        (trigger.type == "ASSAULT" or trigger.mode == "ceasefire")
        and trigger.reciprocal
        and token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and token.head.lower_ in _TIMING
        and not any(c.dep_ == "poss" or c.lower_ == "between" for c in token.children)
    )


def _backdrop(
    token: Token, trigger: Trigger, anchors: dict[int, EventDate], lexicon: Lexicon
) -> bool:
    """ "people who went missing during the Kosovo war", "NATO bombed Serbia during the
    war in 1999": fighting that only sets the scene of what the clause tells, with no
    date of its own or around an act told in its own right, is not a further act."""
    if not (
        trigger.type == "ASSAULT"
        and token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and token.head.lower_ == "during"
    ):
        return False
    undated = token.i not in anchors and not any(c.i in anchors for c in token.subtree)
    return undated or bool(lexicon.triggers_for(token.head.head))


def _unowned_act(
    token: Token, trigger: Trigger, anchors: dict[int, EventDate], framer: Framer
) -> Frame | None:
    """ "since the border confrontation last week", "following the ceasefire": fighting
    or a truce with no side named is read as between the article's two sides (fighting
    contested: neither is named as the one who started it). Fighting the text does not
    date ("since the war") stays uncoded: the coder cannot tell which fighting it means;
    a ceasefire that times the act told ("talks following the ceasefire") is the latest."""
    if token.i not in anchors and (trigger.type == "ASSAULT" or token.head.lower_ == "since"):
        return None
    sides = framer.phrases.sides(token.doc)
    if len(sides) != 2:
        return None
    return Frame(source=sides[0], targets=(sides[1],), both_ways=True)


def _licensed(token: Token, framer: Framer) -> bool:
    """A noun reports an act when it is the subject or object of a clause, names its
    doer ("Azerbaijan's blockade"), sets the scene ("In a phone call with X, ..."), is
    what a movement is for ("returned to Geneva for talks"), what a retaliation is
    made with ("hit back with drone strikes") or names those it is aimed at ("were
    put under a visa ban"); as the topic of another noun ("support
    for peace talks") it is not an act."""
    if token.pos_ != "NOUN" or framer.arguments(token, "answer"):
        return True
    if framer.arguments(token, "target") or framer.culprits(token):  # "behind the attack"
        return True
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "ROOT"):
        return True
    if any(c.dep_ == "poss" for c in token.children):
        return True
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in _SCENE or (prep.lower_ == "for" and prep.head.lemma_ in _GOING)


def _complete(
    frame: Frame,
    token: Token,
    trigger: Trigger,
    frames: dict[int, Frame],
    events: list[Event],
    framer: Framer,
    article: _Article,
) -> Frame:
    """Fill what the clause leaves to its context: the speaker behind "the United States"
    in their own words, the object shared by coordinated verbs ("thanked X and
    encouraged ..."), the partner of the call a clause is set in, the other side of a
    blockade or attack aimed at a place."""
    source = _speaking_for(frame.source, token, article.ctx.quotes)
    targets = tuple(t for t in frame.targets if t.actor_id != source.actor_id or frame.unclaimed)
    if helps_another_act(token, trigger, framer.lexicon):  # "helped bring about peace"
        return replace(frame, source=source, targets=())
    if not targets:  # "owed the deal to the help of X": to X
        targets = credited(token, trigger, framer)
    if not targets:  # "recognised only acts signed by X": X
        targets = authors(token, trigger, framer)
    if not targets and _shares_object(token, frames):  # "thanked X and encouraged ..."
        targets = frames[token.head.i].targets
    if not targets and token.pos_ == "NOUN" and trigger.type == "CONSULT":
        verb = token.head.head if token.dep_ == "pobj" else None
        if verb is not None and verb.pos_ == "VERB":
            targets = tuple(framer.recipients(verb))
    if not targets and _set_in_earlier_call(token, framer.lexicon):
        targets = _partners(events, source)
    if not targets:  # "X condemned the attack", "X struck back": the earlier act's doer
        targets = answered(token, trigger, source, events, framer)
    if not targets:  # "held a round of talks with X": the phrases of what is counted
        targets = counted_parties(token, trigger, framer.phrases)
    if not targets:  # "presided over the talks between X and Y": the meeting's parties
        targets = hosted_parties(token, trigger, framer.phrases, source)
    if not targets:  # "asked for a meeting with X": the parties of the act asked for
        targets = requested_parties(token, trigger, source, framer.phrases, events)
    if not targets:  # "X stands ready to keep up contacts": with the other side
        targets = other_side(token, trigger, source, framer)
    if not targets:  # "the agency chief says X has agreed to ...": to the agency
        targets = reporting_body(token, trigger, source, framer)
    if not targets:  # "X has also agreed to ...": to whom X agreed before
        targets = also_agreed(token, trigger, source, framer, events)
    if not targets and trigger.type in ("COERCE", "ASSAULT"):
        targets = struck_force(token, trigger, source, article.kb, article.gazetteer) or (
            _at_home_armed(article, token, source)  # "gunmen stormed a hotel in X"
        )
        if not targets and _side_acting(token, trigger, source, framer):
            targets = tuple(s for s in framer.sides if s.country != source.country)[:1]
    targets = tuple(t for t in targets if t.actor_id != source.actor_id or frame.unclaimed)
    targets = without_press(trigger, targets)  # an interview is no meeting
    return replace(frame, source=source, targets=targets)


def _shares_object(token: Token, frames: dict[int, Frame]) -> bool:
    """Whether a verb joined to a coded one takes its object ("thanked X and encouraged
    them to"): not when it has an object of its own that names no one ("denounced the
    raid and urged the world to help": the world)."""
    own = any(c.dep_ in ("dobj", "dative") for c in token.children)
    return token.dep_ == "conj" and token.head.i in frames and not own


def _side_acting(token: Token, trigger: Trigger, source: Actor, framer: Framer) -> bool:
    """ "shelled border villages", "the Somali attack": an attack or coercion with no
    one named on the receiving end is aimed at the other side of the article's conflict
    when its doer is of one of the two sides or of no country, and the clause names no
    one the coder cannot read as an actor ("attacked Kurds"); an attack by a third
    country's people ("Boko Haram gunmen killed herders" in a report on two other
    states) is not about them."""
    countries = {s.country for s in framer.sides} | {None}
    return source.country in countries and not framer.names_other(token, trigger)


def _at_home_armed(article: _Article, token: Token, source: Actor) -> tuple[Actor, ...]:
    """The country a group that is no state's body attacks where it is from, with no one
    named on the receiving end ("gunmen stormed a hotel in Mogadishu": Somalia, also in
    a report on Somalia and Kenya), as a protest or curfew at home is aimed at it; ()
    for a state's act, one elsewhere, or one whose clause names another country."""
    if source.kind is ActorKind.COUNTRY or source.sector in STATE_BODIES or source.country is None:
        return ()
    clause = clause_of(token)
    place = event_location(article.doc, clause, article.gazetteer) or _struck_place(article, token)
    if place is None or place.country != source.country:
        return ()
    named = {article.kb.country(t.text) for t in clause if t.text[:1].isupper()}
    if named - {None, source.country}:
        return ()  # "kidnapped Russian advisers in Kabul": those of another country
    code = place.country
    return (article.country(code),)


def _struck_place(article: _Article, token: Token) -> Location | None:
    """The town or region an attack names as its object ("shelled Goma")."""
    for obj in token.children:
        if obj.dep_ == "dobj" and obj.pos_ == "PROPN":
            found = article.gazetteer.find(name_ending(obj))
            if found is not None and found.kind not in ("venue", "country"):
                return found.location
    return None


def _stands_alone(token: Token, trigger: Trigger, framer: Framer) -> bool:
    """An act with no recipient: its lexicon entry allows none ("protested", "resigned",
    "lifted the curfew") and the clause names none, not even one the coder cannot read
    as an actor ("reiterated its commitment to helping ..."); a refusal of an act the
    lexicon codes, where neither names anyone ("refused to resign", "declined to deploy
    troops"), or a failure to cooperate ("failed to reach agreement")."""
    if "none" in trigger.targets:
        return not framer.names_recipient(token, trigger)
    lexicon = framer.lexicon
    act = refused(token) if trigger.type == "REJECT" else None
    if act is None or lexicon is None or framer.names_recipient(token, trigger):
        return False
    return any(
        not framer.names_recipient(act, t) and (token.lemma_ != "fail" or _cooperation(t, lexicon))
        for t in lexicon.triggers_for(act)
    )


def _refused_together(token: Token, trigger: Trigger, framer: Framer) -> bool:
    """ "Ghana and Togo failed to agree", "the two refused to meet": the refusal of an act
    done together is between its parties."""
    act = refused(token) if trigger.type == "REJECT" else None
    if act is None or framer.lexicon is None:
        return False
    return any(t.reciprocal for t in framer.lexicon.triggers_for(act))


def _cooperation(trigger: Trigger, lexicon: Lexicon) -> bool:
    """ "failed to reach agreement", "failed to agree on a ceasefire": only a cooperation
    that did not come about is a refusal ("failed to stop the attack" is not)."""
    kind = lexicon.types.get(trigger.type)
    return kind is not None and kind.quad == "verbal_cooperation"


def _unnamed(token: Token, trigger: Trigger, framer: Framer) -> bool:
    """ "Police dispersed demonstrators, killing one person", "tanks fired shells at
    targets in Jericho": an attack or a coercion of people or things the coder cannot
    read as an actor is aimed at the country where it happens (`domestic`)."""
    return trigger.type in ("ASSAULT", "COERCE") and framer.fills_slot(token, trigger)


def _speaking_for(source: Actor, token: Token, quotes: tuple[Quote, ...]) -> Actor:
    """A country acting in its own official's words is that official: "Blinken pledged
    that the United States will continue its support"."""
    if source.kind is not ActorKind.COUNTRY:
        return source
    for quote in quotes:
        speaker = quote.speaker
        if (
            speaker is not None
            and quote.evidence.start <= token.idx < quote.evidence.end
            and speaker.kind is ActorKind.PERSON
            and speaker.country == source.country
        ):
            return speaker
    return source


def _set_in_earlier_call(token: Token, lexicon: Lexicon | None) -> bool:
    """ "During the call, ...", "At the meeting, ...": the clause is set in a meeting or
    call named before; a place or a time ("in the highlands", "after the vote") is not
    one."""
    if lexicon is None:
        return False
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _DURING:
            for pobj in child.children:
                if (
                    pobj.dep_ == "pobj"
                    and any(d.lower_ == "the" for d in pobj.children)
                    and lexicon.may_be(pobj, "CONSULT")
                ):
                    return True
    return False


def _partners(events: list[Event], source: Actor) -> tuple[Actor, ...]:
    consults = [e for e in events if e.type == "CONSULT"]
    if not consults:
        return ()
    last = consults[-1]
    return tuple(p for p in (last.source, *last.targets) if p.actor_id != source.actor_id)


def _events(
    article: _Article,
    token: Token,
    act: Act,
    frame: Frame,
    when: EventDate | None,
    key: tuple[str, ...],
) -> list[Event]:
    """The event of one act in one frame (two for "both blame the other")."""
    ctx, trigger = article.ctx, act.trigger
    sent = token.sent
    clause = clause_of(token)
    date_ = when or window_before(ctx.published)
    kind = article.lexicon.types.get(trigger.type)
    place = event_location(
        article.doc, clause, article.gazetteer, destination_ok=trigger.mode == "visit"
    )
    if not frame.targets and trigger.type in article.lexicon.domestic:
        frame = replace(frame, targets=_at_home(article, frame, place))
    if trigger.type == "ASSAULT" and not frame.unclaimed and on_itself(frame.source, frame.targets):
        return []  # a fallback's attack of a country on itself is no one's act
    base = Event(
        event_id=stable_id("e", ctx.doc_id, token.idx, trigger.type, *key),
        type=trigger.type,
        mode=trigger.mode or _truce_agreed(token, trigger),
        cameo=trigger.cameo,
        source=frame.source,
        targets=frame.targets,
        evidence=_sentence_evidence(ctx.doc_id, sent, token),
        date=date_,
        location=place,
        fatalities=fatalities(clause) if trigger.type == "ASSAULT" else None,
        historical=act.habit or is_historical(date_, ctx.published),
        negated=act.negated,
        future=act.coming or (not act.said and is_future(token, date_, ctx.published)),
        contested=frame.both_ways and trigger.type == "ASSAULT",
        quad=kind.quad if kind else None,
        score=kind.score if kind else None,
        confidence=_confidence(trigger, frame, when is not None),
    )
    if frame.both_ways and trigger.type != "ASSAULT" and not trigger.reciprocal and frame.targets:
        # "Both nations blame the other": each side accuses the other.
        back = replace(
            base,
            event_id=stable_id("e", ctx.doc_id, token.idx, trigger.type, *key, "back"),
            source=frame.targets[0],
            targets=(frame.source,),
        )
        return [base, back]
    return [base]


def _at_home(article: _Article, frame: Frame, place: Location | None) -> tuple[Actor, ...]:
    """Who a protest, a curfew or an eased restriction with no one named on the
    receiving end is aimed at: the country where it happens, else the actor's own."""
    code = (place.country if place else None) or frame.source.country
    if code is None:
        return ()
    return (article.country(code),)


# -- dates ----------------------------------------------------------------------------------


def _sentence_evidence(doc_id: str, sent: Span, token: Token) -> Evidence:
    """The sentence as evidence, its offsets around exactly the text (no trailing space).
    A "sentence" longer than MAX_EVIDENCE (a text without full stops reads as one) gives
    the words around the act instead, so no event carries a whole article."""
    if sent.end_char - sent.start_char > MAX_EVIDENCE:
        half = MAX_EVIDENCE // 2
        lo = max(sent.start_char, token.idx - half)
        hi = min(sent.end_char, lo + MAX_EVIDENCE)
        sent = (
            sent.doc.char_span(lo, hi, alignment_mode="contract")
            or token.doc[token.i : token.i + 1]
        )
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return Evidence(doc_id=doc_id, start=start, end=start + len(text.strip()), text=text.strip())


def _truce_agreed(token: Token, trigger: Trigger) -> str | None:
    """ "the ceasefire agreed upon by both", "agreed to a truce", "signed off on a
    ceasefire deal", "a truce accord": an agreement that is a ceasefire has that mode
    (and is the same act as the ceasefire told elsewhere)."""
    if trigger.type != "AGREE":
        return None
    nouns = [token.head] if token.dep_ in ("acl", "relcl") else []
    nouns += [token] if token.pos_ == "NOUN" else []
    nouns += [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    nouns += [g for c in token.children if c.dep_ == "prep" for g in c.children]
    nouns += [m for n in nouns for m in n.children if m.dep_ in ("compound", "amod")]
    return "ceasefire" if any(n.lemma_.lower() in _TRUCES for n in nouns) else None


def _referred_back(
    token: Token, trigger: Trigger, anchors: dict[int, EventDate], events: list[Event]
) -> EventDate | None:
    """ "Pelosi condemned the Azeri attack": a definite attack the text does not date,
    after the article has told of one, is that one, and has its date."""
    if token.pos_ != "NOUN" or token.i in anchors or trigger.type not in ("ASSAULT", "COERCE"):
        return None
    if not any(c.lower_ == "the" and c.dep_ == "det" for c in token.children):
        return None
    earlier = [e for e in events if e.type == trigger.type and e.date is not None]
    return earlier[-1].date if earlier else None


def _inherited_date(token: Token, events: list[Event], lexicon: Lexicon) -> EventDate | None:
    """ "During the call, Blinken reaffirmed ...": the date of the act referred back to."""
    if _set_in_earlier_call(token, lexicon):
        earlier = [e for e in events if e.type == "CONSULT"]
        if earlier:
            return earlier[-1].date
    return None


# -- meaning -------------------------------------------------------------------------------


def _object_of_trigger(token: Token, lexicon: Lexicon) -> bool:
    """ "imposed sanctions", "held talks": the noun is the object a verb trigger already
    codes (the verb's lexicon entry names it), so it is not a second event."""
    if token.pos_ != "NOUN" or token.dep_ not in ("dobj", "nsubjpass"):
        return False
    return any(t.objects for t in lexicon.triggers_for(token.head))


def _confidence(trigger: Trigger, frame: Frame, dated: bool) -> float:
    score = 0.55
    score += 0.15 if frame.targets else 0.0
    score += 0.1 if dated else 0.0
    score -= 0.15 if trigger.weak else 0.0
    score += 0.1 if frame.source.kind.value == "person" else 0.0
    return round(min(score, 0.95), 2)


# -- one event per act ----------------------------------------------------------------------


def _one_per_act(events: list[Event]) -> list[Event]:
    """Merge reports of the same act: same type and source, overlapping targets, same date."""
    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if _same_act(k, event)), None)
        if twin is None:
            kept.append(event)
            continue
        others = [t for t in (event.source, *event.targets) if t.actor_id != twin.source.actor_id]
        if twin.contested or event.contested:  # the same sides, named differently
            others = [t for t in others if t.country not in _countries(twin)]
        targets = list(twin.targets) + [t for t in others if t not in twin.targets]
        kept[kept.index(twin)] = replace(
            twin,
            targets=tuple(targets),
            also=twin.also + ((event.evidence,) if event.evidence != twin.evidence else ()),
            location=twin.location or event.location,
            fatalities=twin.fatalities or event.fatalities,
            mode=twin.mode or event.mode,
            contested=twin.contested or event.contested,
        )
    return kept


def _countries(event: Event) -> set[str]:
    return {a.country or a.actor_id for a in (event.source, *event.targets)}


def _when(event: Event) -> tuple[object, ...] | None:
    """An event's date without the words that gave it."""
    d = event.date
    return (d.value, d.precision, d.window) if d else None


def _hosting(event: Event, parties: set[str]) -> bool:
    """A chair's or a host's part in a meeting of others ("Qatar hosted talks between
    Sudan and Chad"), not one of its parties."""
    return event.mode == "third-party" and event.source.actor_id not in parties


def _same_act(a: Event, b: Event) -> bool:
    if a.type != b.type or _when(a) != _when(b) or a.negated != b.negated:
        return False
    ids_a = {a.source.actor_id, *(t.actor_id for t in a.targets)}
    ids_b = {b.source.actor_id, *(t.actor_id for t in b.targets)}
    if a.source.actor_id != b.source.actor_id and a.type != "CONSULT":
        # fighting no side is named to have started (or one side blames on the other)
        # is the same as the attack told as fact, by the same countries
        return (a.contested or b.contested) and _countries(a) == _countries(b)
    if _hosting(a, ids_b) or _hosting(b, ids_a):
        return False  # a host's or a chair's part is its own act
    # one meeting told twice, the second time by fewer of its parties
    shared = a.source.actor_id in ids_b or b.source.actor_id in ids_a
    return shared and len(ids_a & ids_b) >= 2
