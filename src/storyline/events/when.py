"""When an event happened: the date of its clause, the article's main news date, or the
week before publication; whether that is background (over a year before publication, or
told as a standing state or a habit rather than an act of the day) or still to come.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from storyline.dates import DateMention
from storyline.dates.span import day_span
from storyline.records import DatePrecision, EventDate, Quote

_DEFAULT_WINDOW = timedelta(days=7)
_WEEK = timedelta(days=6)  # seven days, the anchor's included
_NEWS_REACH = timedelta(days=31)
_HISTORY = timedelta(days=365)
_SPEECH_DAYS = frozenset({"today", "tonight", "this morning", "this afternoon", "this evening"})


# A date inside "since/after/before X" is X's, not the main clause's.
_RELATIVE = frozenset({"since", "after", "before", "until", "following", "ahead"})


def date_anchors(doc: Doc, dates: list[DateMention]) -> dict[int, EventDate]:
    """Token index -> date, for every token a date expression attaches to on its way up to
    the first verb ("On February 18, Blinken hosted" dates "hosted")."""
    anchors: dict[int, EventDate] = {}
    for mention in dates:
        if mention.date is None:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span[0].lower_ in _RELATIVE:
            continue  # "urged them to meet before the month was over": a deadline, not a date
        token = span.root
        for _ in range(6):
            if token.head.i == token.i or token.lower_ in _RELATIVE:
                break  # "for the first time since the confrontation last week"
            token = token.head
            anchors.setdefault(token.i, mention.date)
            if token.pos_ in ("VERB", "AUX"):
                for child in token.children:  # "had a conversation ... on April 29"
                    if child.dep_ in ("dobj", "attr"):
                        anchors.setdefault(child.i, mention.date)
                break
    return anchors


def anchored(token: Token, anchors: dict[int, EventDate]) -> EventDate | None:
    """The date of the token's own clause, or of the clause it depends on ("issued a
    release on May 30 expressing appreciation": the release's date), or of the saying
    that reports it ("..., the minister said in May"). An act in "a day
    after X" / "after X" / "before X" is dated from the clause's date accordingly, not
    with it ("met on Monday, a day after Pelosi's visit": the visit was on Sunday)."""
    node, relation = token, None
    for _ in range(4):
        if node.i in anchors:
            found = anchors[node.i]
            return found if relation is None else related(found, relation)
        said = _said_when(node, anchors) or _stated_when(node, anchors)
        if said is not None:
            return said
        if node.head.i == node.i or node.dep_ in ("ccomp", "parataxis"):
            return None
        if relation is None and node.dep_ == "pobj" and node.head.lower_ in _RELATIVE:
            relation = node.head
        node = node.head
    return None


# Verbs of saying whose date is the date of what they report: "..., the minister said in
# May", "said last year that ...".
_SAYING = frozenset({"say", "tell", "add", "state", "announce", "note", "write", "declare"})


# Nouns of a statement that dates the acts it tells ("in a statement on Wednesday").
_STATEMENTS = frozenset(
    "statement interview communique communiqué release speech address briefing post letter "
    "declaration".split()
)


def _stated_when(verb: Token, anchors: dict[int, EventDate]) -> EventDate | None:
    """The date of the statement a verb's act is told in, the statement named on it or on
    a verb of the same subject joined to it: "condemned the raid and, in a statement
    released on Wednesday, paid tribute to the dead" (both on Wednesday)."""
    if verb.pos_ != "VERB":
        return None
    for node in (verb, *verb.conjuncts):
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "through", "via"):
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in _STATEMENTS:
                    dated = [anchors[t.i] for t in noun.subtree if t.i in anchors]
                    if dated:
                        return dated[0]
    return None


def _said_when(node: Token, anchors: dict[int, EventDate]) -> EventDate | None:
    """The date of the saying a clause is reported by, when the clause has none of its
    own: "Kenya accused Somalia of the attack, the minister said in May" (the saying
    hangs from the clause), "said in May that Kenya had ..." (the clause from it)."""
    heads = [c for c in node.children if c.dep_ == "parataxis"]
    if node.dep_ == "ccomp":
        heads.append(node.head)
    for head in heads:
        if head.i in anchors and head.lemma_.lower() in _SAYING:
            return anchors[head.i]
    return None


_BEFORE = frozenset({"before", "ahead", "until"})
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def related(anchor: EventDate, prep: Token) -> EventDate | None:
    """The date of X in "<clause on anchor> [n days] after/before X": that many days
    off, else within the week before (after/following), the month before (since) or the
    week after (before/ahead of/until)."""
    span = day_span(anchor)
    if span is None:
        return None
    first, last = span
    offset = _offset(prep)
    later = prep.lower_ in _BEFORE  # the clause is before X: X comes later
    if offset is not None and first == last:
        day = first + offset if later else first - offset
        return EventDate(value=day.isoformat(), precision=DatePrecision.DAY, text=anchor.text)
    reach = _WEEK if prep.lower_ != "since" else _NEWS_REACH
    window = (first, last + reach) if later else (first - reach, last)
    return EventDate(
        value=None,
        precision=DatePrecision.WINDOW,
        window=(window[0].isoformat(), window[1].isoformat()),
        text=anchor.text,
    )


def _offset(prep: Token) -> timedelta | None:
    """ "a day after", "two weeks before": the distance the preposition is measured by."""
    for child in prep.children:
        if child.dep_ == "npadvmod" and child.lower_ in _UNITS:
            count = next((c.lower_ for c in child.children if c.dep_ in ("det", "nummod")), "a")
            if count in _NUMBERS:
                return timedelta(days=_NUMBERS[count] * _UNITS[child.lower_])
    return None


def speech_dated(
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


def main_date(dates: list[DateMention], published: date | None) -> EventDate | None:
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
        # a dateline's date is the publication stamp, not news; a weekday or "yesterday"
        # opening the text is the news's ("Late Tuesday, the cabinet approved ...")
        and (m.start > 0 or m.relative)
    ]
    if not days:
        return None
    value = Counter(days).most_common(1)[0][0]
    return EventDate(value=value, precision=DatePrecision.DAY, text=None)


def window_before(published: date | None) -> EventDate | None:
    """The week before publication, for an event the text does not date."""
    if published is None:
        return None
    after = (published - _DEFAULT_WINDOW).isoformat()
    return EventDate(
        value=None, precision=DatePrecision.WINDOW, window=(after, published.isoformat())
    )


def _last_day(d: EventDate) -> date | None:
    span = day_span(d)
    return span[1] if span else None


# Adverbs of a habit: "the group routinely exaggerates".
_HABIT = frozenset(
    "routinely regularly often usually frequently traditionally habitually typically "
    "customarily always generally".split()
)
# Adverbs that make a perfect a summary of the past: "has long backed", "have fought
# since 2015"; "also" only of a material act ("have also sent soldiers"): a statement in
# the perfect ("has also agreed to ...") is usually the day's.
_LONG = frozenset({"long", "previously", "repeatedly", "ever", "since"})
_CURLY = {"\u201c": 1, "\u201d": -1}  # opening and closing quotation marks


def habitual(token: Token) -> bool:
    """An act told as a habit ("soldiers routinely beat detainees", "the group regularly
    shells the town"): PLOVER codes it, but it is background, not news of the day."""
    verb = _clause_verb(token)
    return verb is not None and any(
        c.dep_ == "advmod" and c.lower_ in _HABIT for c in verb.children
    )


def background(token: Token, material: bool = False, statement: bool = False) -> bool:
    """A state, not an act of the day: a standing state in the narrator's present
    ("Tehran backs both groups") after the lead, unless the act is a statement, which
    the present reports as the day's ("both blame the other"); a perfect that sums up
    the past ("have also lent officers to the mission", "has long backed the
    rebels", "have fought three wars", "has supported them since 2015")."""
    verb = _clause_verb(token)
    if verb is None or habitual(token):  # a habit is coded, as background
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ == "VBN" and aux & {"has", "have", "'ve"}:
        words = _LONG | {"also"} if material else _LONG
        return any(_summing_up(c, words) for c in verb.children)
    return not aux and not statement and _narrated_present(verb)


def _clause_verb(token: Token) -> Token | None:
    """The verb of a trigger's clause: itself, or the verb a noun trigger depends on."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _summing_up(child: Token, words: frozenset[str]) -> bool:
    """ "long", "since 2015", "three wars": what makes a perfect a summary."""
    if child.dep_ in ("advmod", "prep") and child.lower_ in words:
        return True
    return (
        child.dep_ == "dobj"
        and child.tag_ == "NNS"
        and any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in child.children)
    )


def _narrated_present(verb: Token) -> bool:
    """A verb in the simple present heading the narrator's own sentence, past the
    article's first (a headline or a lead may tell the news in the present), outside
    any quotation."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.sent.start == 0:
        return False
    main = verb
    while main.dep_ == "conj" and main.head.i != main.i:
        main = main.head
    if main.dep_ != "ROOT":
        return False
    return not _quoted(verb)


def _quoted(token: Token) -> bool:
    """Whether a token is inside a quotation, by the quotation marks before it."""
    depth, straight = 0, 0
    for tok in token.doc[: token.i]:
        if tok.text == '"':
            straight += 1
        else:
            depth += _CURLY.get(tok.text, 0)
    return depth > 0 or straight % 2 == 1


def is_historical(d: EventDate | None, published: date | None) -> bool:
    """Background: dated more than a year before publication."""
    last = _last_day(d) if d else None
    return bool(last and published and last < published - _HISTORY)


def is_future(token: Token, d: EventDate | None, published: date | None) -> bool:
    """Dated after publication, or told with "will"."""
    last = _last_day(d) if d else None
    if last and published and last > published:
        return True
    return any(c.lower_ in ("will", "'ll") and c.dep_ == "aux" for c in token.children)
