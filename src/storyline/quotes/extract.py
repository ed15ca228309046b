"""Direct and indirect quotations with their speakers, cues and channels.

Direct: words between quotation marks, attributed by the speech verb after or before
them in the same sentence; a quotation standing alone continues the previous
speaker's words ("...," O'Brien said. "And we would ..."). Partial quotations inside
a sentence are kept when the sentence reports speech. Indirect: the clause a speech
verb reports ("Miller said that ...", "..., Miller said."), and "According to X, ...".
Pronoun speakers ("he added") are the last speaker quoted before them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from storyline.actors.knowledge import Knowledge
from storyline.actors.resolve import ArticleActors
from storyline.nlp.text import doc_text
from storyline.quotes.attribution import (
    Attribution,
    according_to,
    attribute,
    channels,
    is_cue,
    is_speech_act,
)
from storyline.quotes.marks import QuotedSpan, inside
from storyline.records import Evidence, Quote, QuoteKind, stable_id
from storyline.spans import Marks

_MAX_COVERED = 0.5  # an indirect clause mostly in quotation marks is the direct quote's frame
_ANAPHORA_REACH = 3  # sentences within which "he added" continues the last speaker


@dataclass(frozen=True, slots=True, kw_only=True)
class _Candidate:
    start: int
    end: int
    kind: QuoteKind
    sent: int  # index of the sentence it ends in
    attribution: Attribution | None
    standalone: bool = False
    continued: bool = False  # goes on in the next paragraph: that part's speaker is its own


def extract_quotes(
    doc: Doc,
    doc_id: str,
    quoted: list[QuotedSpan],
    actors: ArticleActors,
    kb: Knowledge,
) -> tuple[Quote, ...]:
    """Every quotation in the article, in text order, with speaker and channels."""
    marks = Marks((q.open_mark, q.close_mark + 1) for q in quoted)
    sent_index = {s.start: n for n, s in enumerate(doc.sents)}
    text = doc_text(doc)
    candidates = [_direct(doc, text, q, marks, actors, kb, sent_index) for q in quoted]
    candidates += _outermost(_indirect(doc, marks, actors, kb, sent_index))
    quotes: list[Quote] = []
    continued: list[bool] = []
    last: tuple[int, Attribution] | None = None
    for c in sorted((c for c in candidates if c is not None), key=lambda c: c.start):
        attribution = _settle(c, last)
        if attribution is None:
            continue
        if attribution.speaker is not None:
            last = (c.sent, attribution)
        quotes.append(_quote(text, doc_id, c, attribution))
        continued.append(c.continued)
    # A paragraph of a quotation that goes on is spoken by whoever the rest is given to.
    for i in range(len(quotes) - 2, -1, -1):
        if continued[i] and quotes[i].speaker is None and quotes[i + 1].speaker is not None:
            quotes[i] = replace(
                quotes[i], speaker=quotes[i + 1].speaker, speaker_text=quotes[i + 1].speaker_text
            )
    return tuple(quotes)


def _settle(c: _Candidate, last: tuple[int, Attribution] | None) -> Attribution | None:
    """The candidate's final attribution, continuing the last speaker where it should."""
    recent = last is not None and c.sent - last[0] <= _ANAPHORA_REACH
    att = c.attribution
    if att is None:
        if c.standalone and recent:
            prev = last[1]  # type: ignore[index]
            return Attribution(
                speaker=prev.speaker, speaker_text=prev.speaker_text, cue=None, via=prev.via
            )
        return Attribution(speaker=None, speaker_text=None, cue=None) if c.standalone else None
    if att.anaphoric and att.speaker is None and recent:
        prev = last[1]  # type: ignore[index]
        return Attribution(
            speaker=prev.speaker,
            speaker_text=att.speaker_text,
            cue=att.cue,
            via=att.via or (),
        )
    return att


def _quote(text: str, doc_id: str, c: _Candidate, att: Attribution) -> Quote:
    return Quote(
        quote_id=stable_id("q", doc_id, c.start, c.end),
        evidence=Evidence(doc_id=doc_id, start=c.start, end=c.end, text=text[c.start : c.end]),
        kind=c.kind,
        speaker=att.speaker,
        speaker_text=att.speaker_text,
        cue=att.cue,
        via=att.via,
        joint=att.joint,
    )


# -- direct quotations -------------------------------------------------------------------


def _direct(
    doc: Doc,
    text: str,
    q: QuotedSpan,
    marks: list[tuple[int, int]],
    actors: ArticleActors,
    kb: Knowledge,
    sent_index: dict[int, int],
) -> _Candidate | None:
    open_tok, close_tok = _token_at(doc, q.open_mark), _token_at(doc, q.close_mark)
    if open_tok is None or close_tok is None:
        return None
    after = [t for t in close_tok.sent if t.i > close_tok.i and not inside(t.idx, marks)]
    after = _until_next_quote(after, marks, q.close_mark)
    before = [t for t in open_tok.sent if t.i < open_tok.i and not inside(t.idx, marks)]
    governing = _governing_verb(doc, text, q, marks, kb)
    cues = [t for t in after if is_cue(t, kb)] + [t for t in reversed(before) if is_cue(t, kb)]
    # "X urged ... and for “mechanisms” to be introduced “to prevent ...”": the act in
    # words earlier in the sentence, when no verb of saying is there
    cues += [
        t
        for t in reversed(before)
        if is_speech_act(t, kb) and t not in cues and any(c.dep_ == "nsubj" for c in t.children)
    ]
    if governing is not None:
        cues = [governing] + [t for t in cues if t.i != governing.i]
    if not cues:  # 'X was "held captive", with his life "in danger", Y told the media'
        later = [t for t in close_tok.sent if t.i > close_tok.i and not inside(t.idx, marks)]
        cues = [t for t in later if is_cue(t, kb)][:1]
    attribution = None
    for cue in cues:
        found = attribute(cue, kb, actors, marks)
        if found.speaker is not None or found.anaphoric:
            attribution = found
            break
        attribution = attribution or found
    if attribution is None:
        attribution = _according(open_tok.sent, kb, actors, marks)
    words_outside = [t for t in after + before if not t.is_punct and not t.is_space]
    return _Candidate(
        start=q.start,
        end=q.end,
        kind=QuoteKind.DIRECT,
        sent=sent_index[close_tok.sent.start],
        attribution=attribution,
        standalone=not words_outside,
        continued=q.continued,
    )


def _governing_verb(
    doc: Doc, text: str, q: QuotedSpan, marks: list[tuple[int, int]], kb: Knowledge
) -> Token | None:
    """The verb of speaking (or of an act in words) whose clause holds the quotation:
    "stated that the nation is “happy ...”", "urged ... for “international mechanisms”"."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    for token in roots[:1]:
        for _ in range(6):
            if token.head.i == token.i:
                break
            token = token.head
            if inside(token.idx, marks) or not _adjacent(text, q, token.idx, marks):
                continue
            if is_speech_act(token, kb):
                return token
    return None


def _adjacent(text: str, q: QuotedSpan, pos: int, marks: list[tuple[int, int]]) -> bool:
    """Whether a word is in the quotation's own paragraph with no other quotation between."""
    lo, hi = (pos, q.open_mark) if pos < q.open_mark else (q.close_mark, pos)
    if "\n" in text[lo:hi]:
        return False
    return not any(lo < s < hi for s, _ in marks)


def _according(
    sent: Span, kb: Knowledge, actors: ArticleActors, marks: list[tuple[int, int]]
) -> Attribution | None:
    found = according_to(sent, kb, actors)
    if found is None:
        return None
    speaker, written = found
    # the issuer of the document read from is the speaker, not a channel too
    issued = {written, written.removeprefix("the "), speaker.name if speaker else ""}
    via = tuple(v for v in channels(sent, kb, actors, marks) if v not in issued)
    return Attribution(speaker=speaker, speaker_text=written, cue="according to", via=via)


def _until_next_quote(tokens: list[Token], marks: list[tuple[int, int]], after: int):
    """Tokens up to the next quotation's opening mark (its frame is its own)."""
    nxt = min((s for s, _ in marks if s > after), default=None)
    return [t for t in tokens if nxt is None or t.idx < nxt]


# -- indirect quotations -----------------------------------------------------------------


def _indirect(
    doc: Doc,
    marks: list[tuple[int, int]],
    actors: ArticleActors,
    kb: Knowledge,
    sent_index: dict[int, int],
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for token in doc:
        if inside(token.idx, marks) or not is_cue(token, kb) or _describes_a_thing(token):
            continue
        clause = _reported_clause(token)
        if (comma := _said_after(token)) is not None:  # "CLAUSE, X said."
            span = _trimmed(doc[_sentence_start(doc[comma]) : comma])
        elif (between := _said_between(token)) is not None:  # "A, X warned, B."
            span = _trimmed(doc[between[0] : between[1]])
        elif clause is not None:
            span = _clause_span(clause, kb)
        else:
            continue
        if span is None or _covered(span, marks) > _MAX_COVERED:
            continue
        attribution = attribute(token, kb, actors, marks)
        if attribution.mute:
            continue  # "neither the toll nor the video ... says": no one speaks
        found.append(
            _Candidate(
                start=span[0],
                end=span[1],
                kind=QuoteKind.INDIRECT,
                sent=sent_index[token.sent.start],
                attribution=attribution,
            )
        )
    for sent in doc.sents:
        according = _according_clause(sent, kb, actors, marks, sent_index)
        if according is not None:
            found.append(according)
    return found


def _reported_clause(cue: Token) -> Token | None:
    """The head of the clause a speech verb reports: its clausal complement with a verb
    ("proclaim the government's overthrow" reports none), also through the word that
    completes a phrasal verb ("made clear that ...")."""
    for child in cue.children:
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            return child
        if child.dep_ in ("ccomp", "acomp", "oprd") and child.pos_ == "ADJ":
            inner = [c for c in child.children if c.dep_ in ("ccomp", "csubj")]
            if inner and inner[0].pos_ in ("VERB", "AUX"):
                return inner[0]
    return None


def _describes_a_thing(cue: Token) -> bool:
    """ "the video al-Shabab says it filmed": a speech verb in a relative clause whose
    gap is in what is said describes the noun, it reports no claim of its own ("the
    man who said the war was over" does: "who" is its subject)."""
    if cue.dep_ != "relcl":
        return False
    return not any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in cue.children)


def _outermost(found: list[_Candidate]) -> list[_Candidate]:
    """Indirect quotations not inside another ("X said Y would ..., which it insists")."""
    return [
        c
        for c in found
        if not any(
            o is not c
            and o.start <= c.start
            and c.end <= o.end
            and (o.end - o.start) > (c.end - c.start)
            for o in found
        )
    ]


def _according_clause(sent, kb, actors, marks, sent_index) -> _Candidate | None:
    """ "According to X, CLAUSE." or "CLAUSE, according to X.": the clause, said by X
    (by the clause's subject when X is a document: "According to the report, Mirzoyan
    urged ...")."""
    att = _according(sent, kb, actors, marks)
    if att is None or att.speaker is None:
        return None
    if is_cue(sent.root, kb) and any(c.dep_ == "ccomp" for c in sent.root.children):
        return None  # "X said Y, according to sources": X's words, relayed; the cue has them
    if according_to(sent, kb, actors, documents=False) is None and is_speech_act(sent.root, kb):
        spoken = attribute(sent.root, kb, actors, marks)  # the one the document reports
        att = spoken if spoken.speaker is not None else att
    words = [t for t in sent]
    text = doc_text(sent.doc)
    if words[0].lower_ == "according":  # "According to X, CLAUSE."
        comma = next((t for t in words if t.text == "," and t.i > words[0].i + 2), None)
        if comma is None:
            return None
        start, end = comma.idx + 1, sent.end_char
    else:  # "CLAUSE, according to X."
        late = next(
            (
                t
                for t in words[3:]
                if t.lower_ == "according" and t.nbor(-1).text == "," and t.i + 1 < sent.end
            ),
            None,
        )
        if late is None or late.nbor(1).lower_ != "to":
            return None
        start, end = sent.start_char, late.nbor(-1).idx
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " .\n":
        end -= 1
    if _covered((start, end), marks) > _MAX_COVERED:
        return None
    return _Candidate(
        start=start, end=end, kind=QuoteKind.INDIRECT, sent=sent_index[sent.start], attribution=att
    )


def _said_after(cue: Token) -> int | None:
    """The comma before the speaker when a speech verb and its subject close the
    sentence, so the clause before the comma is what was said ("CLAUSE, X said, as
    reported by Reuters.", "CLAUSE, the party's deputy chairman has confirmed."),
    however the parser hung the two together; the speaker's title may have been hung
    on the clause ("..., SPLM-IO Deputy Chairman X has confirmed")."""
    doc, sent = cue.doc, cue.sent
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None or any(
        c.dep_ == "dobj" or (c.dep_ == "ccomp" and c.i > cue.i) for c in cue.children
    ):
        return None
    if cue.right_edge.i < sent.end - 2 or subject.i > cue.i:
        return None
    if any(c.tag_ == "MD" or (c.dep_ == "parataxis" and c.i < subject.i) for c in cue.children):
        return None  # "..., the army said, it would respond": an act foretold, not a report
    i = subject.left_edge.i
    first = _sentence_start(doc[i])
    floor = max(first + 1, i - _TITLE_TOKENS)
    while (
        i > floor
        and doc[i - 1].text != ","
        and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].text == "-")
    ):
        i -= 1
    return i - 1 if i - 1 > first and doc[i - 1].text == "," else None


def _said_between(cue: Token) -> tuple[int, int] | None:
    """A speech verb set off by commas inside the sentence it reports ("If the rebels
    advance, the army said, it would respond with force"; "Iran, the minister said, will
    not accept the offer"): the main clause from its subject on, or after the speech
    verb when its subject comes after it. Token range [start, end)."""
    head, doc = cue.head, cue.doc
    if cue.dep_ != "parataxis" or head.i < cue.i or head.pos_ not in ("VERB", "AUX"):
        return None
    speaker = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    left, right = (speaker.left_edge.i if speaker is not None else cue.i) - 1, cue.right_edge.i
    if left < 0 or doc[left].text != "," or doc[right].text != ",":
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    start = subject.left_edge.i if subject is not None and subject.i < left else right + 1
    return start, head.sent.end


_TITLE_TOKENS = 6  # capitalised words of a speaker's title the parser may hang elsewhere
_SENTENCE_ENDS = frozenset('.!?…;:"”’»')


def _sentence_start(tok: Token) -> int:
    """The start of a token's sentence, or of the one before when the parser cut a
    sentence without punctuation ("... in Juba, SPLM-IO Deputy Chairman | X has
    confirmed.")."""
    start = tok.sent.start
    if start > 0:
        before = tok.doc[start - 1]
        last = before if not before.is_space else tok.doc[max(0, start - 2)]
        if "\n" not in before.text and last.text[-1:] not in _SENTENCE_ENDS:
            return before.sent.start
    return start


def _trimmed(tokens: Iterable[Token]) -> tuple[int, int] | None:
    """A stretch of tokens without punctuation or space at its ends (None under 3 words)."""
    words = list(tokens)
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    while words and (words[0].is_punct or words[0].is_space):
        words.pop(0)
    if len(words) < 3:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    doc, last = words[0].doc, words[-1].i
    after = doc[last + 1] if last + 1 < len(doc) else None
    if (
        after is not None
        and after.idx == end
        and after.text[:1] in _CLOSING
        and _opens_more(doc[words[0].i : last + 1].text)
    ):
        end += 1  # 'the meeting was "productive"': keep the closing mark of a quoted end
    return start, end


_CLOSING = frozenset('"”’»')


def _opens_more(text: str) -> bool:
    """Whether a stretch opens more quotations than it closes."""
    straight = text.count('"') % 2 == 1
    return straight or text.count("“") > text.count("”") or text.count("«") > text.count("»")


def _clause_span(clause: Token, kb: Knowledge) -> tuple[int, int] | None:
    """The reported clause without its "that", closing punctuation, or a further speech
    verb joined to it ("stated that X ... and added that Y": Y is its own quotation;
    "said the north was under siege and called for help": the call is the speaker's)."""
    tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.i == clause.left_edge.i)]
    relayed = next(  # "..., according to sources": the channel, not the words said
        (t.i for t in tokens if t.lower_ == "according" and t.i > 0 and t.nbor(-1).text == ","),
        None,
    )
    if relayed is not None:
        tokens = [t for t in tokens if t.i < relayed - 1]
    cut = next(
        (
            t
            for t in clause.subtree
            if t.dep_ == "conj"
            and t.pos_ == "VERB"
            and t.i > clause.i
            and t.head.i != t.i
            and (_is_speech_conj(t) or (t.head.i == clause.i and is_speech_act(t, kb)))
        ),
        None,
    )
    if cut is not None:
        stop = cut.left_edge.i
        tokens = [t for t in tokens if t.i < stop]
        while (tokens and tokens[-1].dep_ in ("cc", "advmod")) or (tokens and tokens[-1].is_punct):
            tokens.pop()
    return _trimmed(tokens)


def _is_speech_conj(token: Token) -> bool:
    """A verb conjoined to a reported clause that itself reports speech."""
    return any(c.dep_ == "ccomp" for c in token.children) and token.lemma_ in (
        "add",
        "say",
        "state",
        "stress",
        "note",
        "tell",
        "insist",
        "warn",
        "claim",
        "repeat",
    )


def _covered(span: tuple[int, int], marks: list[tuple[int, int]]) -> float:
    """The share of a span inside quotation marks."""
    length = span[1] - span[0]
    inside = sum(max(0, min(e, span[1]) - max(s, span[0])) for s, e in marks)
    return inside / length if length else 1.0


def _token_at(doc: Doc, pos: int) -> Token | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
