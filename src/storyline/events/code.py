"""Code an article's events: triggers, frames, dates, places, fatalities, one per act.

An event takes the date of its own clause; otherwise the article's main news date (the
day most of its dated news is on); otherwise a window of the week before publication.
Hypothetical clauses ("if goods could be shipped ...") are not events; negated ones
are kept and flagged. Background dated more than a year before publication is flagged
historical. The same act reported twice in an article is one event with both spans.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from storyline.actors.knowledge import Knowledge
from storyline.actors.resolve import ArticleActors
from storyline.dates import DateMention
from storyline.dates.span import day_span
from storyline.events.frames import Frame, Framer
from storyline.events.lexicon import Lexicon, Trigger
from storyline.events.numbers import fatalities
from storyline.events.places import Gazetteer, event_location
from storyline.records import (
    Actor,
    ActorKind,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    Quote,
    stable_id,
)

_DEFAULT_WINDOW = timedelta(days=7)
_NEWS_REACH = timedelta(days=31)
_HISTORY = timedelta(days=365)
_HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
_MODALS = frozenset({"would", "could", "might", "may", "should"})
# Verbs whose complement has not happened: requests, intentions, prevention.
_UNREALISING = frozenset(
    """urge ask call demand request encourage press want plan hope aim seek intend propose
    prevent avoid stop deter refrain need""".split()
)
_DURING = frozenset({"during", "in", "at", "after", "following"})
_SCENE = frozenset({"during", "in", "at", "after", "following", "before", "amid", "by", "since"})
_SPEECH_DAYS = frozenset({"today", "tonight", "this morning", "this afternoon", "this evening"})


@dataclass(frozen=True, slots=True, kw_only=True)
class EventContext:
    """What the coder needs of an article beyond its parse."""

    doc_id: str
    published: date | None
    actors: ArticleActors
    quotes: tuple[Quote, ...]
    dates: list[DateMention]


def code_events(
    doc: Doc, ctx: EventContext, kb: Knowledge, lexicon: Lexicon, gazetteer: Gazetteer
) -> tuple[Event, ...]:
    """Every event the article reports, one per act, in text order."""
    framer = Framer(ctx.actors, ctx.quotes, kb)
    anchors = _date_anchors(doc, _speech_dated(doc, ctx.dates, ctx.quotes))
    main = _main_date(ctx.dates, ctx.published)
    events: list[Event] = []
    frames: dict[int, Frame] = {}
    for token in doc:
        for trigger in lexicon.triggers_for(token):
            if _unreal(token) or _object_of_trigger(token, lexicon) or not _licensed(token):
                continue
            frame = framer.frame(token, trigger)
            if frame is None:
                continue
            frame = _complete(frame, token, trigger, frames, events, framer, ctx)
            if not frame.targets:
                continue  # an act with no one on the receiving end is not coded
            frames[token.i] = frame
            when = _anchored(token, anchors) or _inherited_date(token, events) or main
            events += _events(doc, token, trigger, frame, when, ctx, lexicon, gazetteer)
    return tuple(_one_per_act(events))


def _licensed(token: Token) -> bool:
    """A noun reports an act when it is the subject or object of a clause, names its
    doer ("Azerbaijan's blockade") or sets the scene ("In a phone call with X, ...");
    as the topic of another noun ("support for peace talks") it is not an act."""
    if token.pos_ != "NOUN":
        return True
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "ROOT"):
        return True
    if any(c.dep_ == "poss" for c in token.children):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in _SCENE


def _complete(
    frame: Frame,
    token: Token,
    trigger: Trigger,
    frames: dict[int, Frame],
    events: list[Event],
    framer: Framer,
    ctx: EventContext,
) -> Frame:
    """Fill what the clause leaves to its context: the speaker behind "the United States"
    in their own words, the object shared by coordinated verbs ("thanked X and
    encouraged ..."), the partner of the call a clause is set in, the other side of a
    blockade or attack aimed at a place."""
    source = _speaking_for(frame.source, token, ctx.quotes)
    targets = tuple(t for t in frame.targets if t.actor_id != source.actor_id)
    if not targets and token.dep_ == "conj" and token.head.i in frames:
        targets = frames[token.head.i].targets
    if not targets and token.pos_ == "NOUN" and trigger.type == "CONSULT":
        verb = token.head.head if token.dep_ == "pobj" else None
        if verb is not None and verb.pos_ == "VERB":
            targets = tuple(framer.recipients(verb))
    if not targets and _set_in_earlier_call(token):
        targets = _partners(events, source)
    if not targets and trigger.type in ("COERCE", "ASSAULT"):
        targets = tuple(s for s in framer.sides if s.country != source.country)[:1]
    targets = tuple(t for t in targets if t.actor_id != source.actor_id)
    return replace(frame, source=source, targets=targets)


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


def _set_in_earlier_call(token: Token) -> bool:
    """ "During the call, ...": the clause is set in an act named before."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _DURING:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and any(d.lower_ == "the" for d in pobj.children):
                    return True
    return False


def _partners(events: list[Event], source: Actor) -> tuple[Actor, ...]:
    consults = [e for e in events if e.type == "CONSULT"]
    if not consults:
        return ()
    last = consults[-1]
    return tuple(p for p in (last.source, *last.targets) if p.actor_id != source.actor_id)


def _events(doc, token, trigger, frame: Frame, when, ctx, lexicon, gazetteer) -> list[Event]:
    sent = token.sent
    clause = list(token.subtree) if token.pos_ != "NOUN" else list(token.head.subtree)
    date_ = when or _window_before(ctx.published)
    kind = lexicon.types.get(trigger.type)
    base = Event(
        event_id=stable_id("e", ctx.doc_id, token.idx, trigger.type),
        type=trigger.type,
        mode=trigger.mode,
        cameo=trigger.cameo,
        source=frame.source,
        targets=frame.targets,
        evidence=Evidence(
            doc_id=ctx.doc_id, start=sent.start_char, end=sent.end_char, text=sent.text.strip()
        ),
        date=date_,
        location=event_location(doc, clause, gazetteer, destination_ok=trigger.mode == "visit"),
        fatalities=fatalities(clause) if trigger.type == "ASSAULT" else None,
        historical=_is_historical(date_, ctx.published),
        negated=any(c.dep_ == "neg" for c in token.children),
        future=_is_future(token, date_, ctx.published),
        contested=frame.both_ways and trigger.type == "ASSAULT",
        quad=kind.quad if kind else None,
        score=kind.score if kind else None,
        confidence=_confidence(trigger, frame, when is not None),
    )
    if frame.both_ways and trigger.type != "ASSAULT" and frame.targets:
        # "Both nations blame the other": each side accuses the other.
        back = replace(
            base,
            event_id=stable_id("e", ctx.doc_id, token.idx, trigger.type, "back"),
            source=frame.targets[0],
            targets=(frame.source,),
        )
        return [base, back]
    return [base]


# -- dates ----------------------------------------------------------------------------------


def _date_anchors(doc: Doc, dates: list[DateMention]) -> dict[int, EventDate]:
    """Token index -> date, for every token a date expression attaches to on its way up to
    the first verb ("On February 18, Blinken hosted" dates "hosted")."""
    anchors: dict[int, EventDate] = {}
    for mention in dates:
        if mention.date is None:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        token = span.root
        for _ in range(6):
            if token.head.i == token.i:
                break
            token = token.head
            anchors.setdefault(token.i, mention.date)
            if token.pos_ in ("VERB", "AUX"):
                for child in token.children:  # "had a conversation ... on April 29"
                    if child.dep_ in ("dobj", "attr"):
                        anchors.setdefault(child.i, mention.date)
                break
    return anchors


def _inherited_date(token: Token, events: list[Event]) -> EventDate | None:
    """ "During the call, Blinken reaffirmed ...": the date of the act referred back to."""
    if _set_in_earlier_call(token):
        earlier = [e for e in events if e.type == "CONSULT"]
        if earlier:
            return earlier[-1].date
    return None


def _anchored(token: Token, anchors: dict[int, EventDate]) -> EventDate | None:
    """The date of the token's own clause, or of the clause it depends on ("issued a
    release on May 30 expressing appreciation": the release's date)."""
    node = token
    for _ in range(4):
        if node.i in anchors:
            return anchors[node.i]
        if node.head.i == node.i or node.dep_ in ("ccomp", "parataxis"):
            return None
        node = node.head
    return None


def _speech_dated(
    doc: Doc, dates: list[DateMention], quotes: tuple[Quote, ...]
) -> list[DateMention]:
    """ "today" in a quotation is the day it was said ("..., Blinken said on Monday")."""
    out = []
    for mention in dates:
        quote = next(
            (q for q in quotes if q.evidence.start <= mention.start < q.evidence.end), None
        )
        if quote is not None and mention.text.lower() in _SPEECH_DAYS:
            said = _said_on(doc, quote, dates)
            if said is not None:
                mention = replace(mention, date=said)
        out.append(mention)
    return out


def _said_on(doc: Doc, quote: Quote, dates: list[DateMention]) -> EventDate | None:
    """The date in the attribution right after a quotation, if it gives one."""
    tail = doc.char_span(quote.evidence.end - 1, quote.evidence.end, alignment_mode="expand")
    if tail is None:
        return None
    end = tail[0].sent.end_char
    for mention in dates:
        if quote.evidence.end < mention.start < end and mention.date is not None:
            return mention.date
    return None


def _main_date(dates: list[DateMention], published: date | None) -> EventDate | None:
    """The day most of the article's dated news is on, within a month before publication."""
    if published is None:
        return None
    days = [
        m.date.value
        for m in dates
        if m.date is not None
        and m.date.precision is DatePrecision.DAY
        and m.date.value is not None
        and published - _NEWS_REACH <= date.fromisoformat(m.date.value) <= published
        and m.start > 0  # a dateline's date is the publication stamp, not news
    ]
    if not days:
        return None
    value = Counter(days).most_common(1)[0][0]
    return EventDate(value=value, precision=DatePrecision.DAY, text=None)


def _window_before(published: date | None) -> EventDate | None:
    if published is None:
        return None
    after = (published - _DEFAULT_WINDOW).isoformat()
    return EventDate(
        value=None, precision=DatePrecision.WINDOW, window=(after, published.isoformat())
    )


def _last_day(d: EventDate) -> date | None:
    span = day_span(d)
    return span[1] if span else None


def _is_historical(d: EventDate | None, published: date | None) -> bool:
    last = _last_day(d) if d else None
    return bool(last and published and last < published - _HISTORY)


def _is_future(token: Token, d: EventDate | None, published: date | None) -> bool:
    last = _last_day(d) if d else None
    if last and published and last > published:
        return True
    return any(c.lower_ in ("will", "'ll") and c.dep_ == "aux" for c in token.children)


# -- meaning -------------------------------------------------------------------------------


def _unreal(token: Token) -> bool:
    """Not an act that happened: a condition ("if goods could be shipped"), what someone
    asks for ("urged the troops to leave"), or what is to be prevented ("to prevent
    further hostilities")."""
    for node in (token, token.head):
        if node.dep_ in ("xcomp", "ccomp", "dobj", "pobj") and node.head.lemma_ in _UNREALISING:
            return True
    node = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL_MARKS for c in node.children):
            return True
        if node.dep_ in ("advcl", "ccomp") and any(
            c.lower_ in _MODALS for c in node.children if c.dep_ == "aux"
        ):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


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
        targets = list(twin.targets) + [t for t in event.targets if t not in twin.targets]
        kept[kept.index(twin)] = replace(
            twin,
            targets=tuple(targets),
            also=twin.also + ((event.evidence,) if event.evidence != twin.evidence else ()),
            location=twin.location or event.location,
            fatalities=twin.fatalities or event.fatalities,
            mode=twin.mode or event.mode,
        )
    return kept


def _same_act(a: Event, b: Event) -> bool:
    if a.type != b.type or a.date != b.date or a.negated != b.negated:
        return False
    ids_a = {a.source.actor_id, *(t.actor_id for t in a.targets)}
    ids_b = {b.source.actor_id, *(t.actor_id for t in b.targets)}
    if a.source.actor_id != b.source.actor_id and a.type != "CONSULT":
        return False
    return a.source.actor_id in ids_b and len(ids_a & ids_b) >= 2


def _span_tokens(span: Span) -> list[Token]:
    return list(span)
