"""Evaluation results: per-article and total scores, the misses behind them, text and JSON views."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Self, TypeVar

_T = TypeVar("_T")
_EVIDENCE_CHARS = 80
_NOBODY = "(no speaker)"


class _Summable:
    """Field-by-field addition, so counts can be totalled (micro-averaged)."""

    __slots__ = ()

    def __add__(self, other: Self) -> Self:
        """Both, every field added (None, nothing counted, adds nothing)."""
        names = [f.name for f in fields(self)]  # type: ignore[arg-type]
        return type(self)(**{n: _plus(getattr(self, n), getattr(other, n)) for n in names})


def _plus(a: Any, b: Any) -> Any:
    """a + b, where None stands for nothing counted (a gold folder without stories)."""
    if a is None:
        return b
    return a if b is None else a + b


@dataclass(frozen=True, slots=True, kw_only=True)
class Score(_Summable):
    """Counts behind precision, recall and F1 (micro-averaged when added up)."""

    found: int = 0  # required gold items found
    required: int = 0  # required gold items
    correct: int = 0  # output items matching some gold item, required or optional
    output: int = 0  # output items

    @property
    def precision(self) -> float:
        """Correct output items over all output items (0 when there are none)."""
        return self.correct / self.output if self.output else 0.0

    @property
    def recall(self) -> float:
        """Found required gold items over required gold items (0 when there are none)."""
        return self.found / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Ratio(_Summable):
    """A share: hits out of total."""

    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """Hits over total (0 when the total is 0)."""
        return self.hits / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class EventMiss:
    """A required gold dyad no output dyad matched."""

    gold_id: str
    types: tuple[str, ...]
    source: str  # gold actor id
    target: str | None
    date: str
    evidence: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFalsePositive:
    """An output dyad that matched no gold dyad, required or optional."""

    event_id: str
    type: str
    source: str  # actor name
    target: str | None
    date: str
    evidence: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EventMatch:
    """An output event with a dyad matching a gold dyad: which output event found which gold one."""

    gold_id: str
    gold_target: str | None  # gold actor id of the dyad's target
    event_id: str
    story_id: str | None  # the output event's story (None: in no story)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventScore:
    """Event dyads scored in one actor-matching mode, with what went wrong and what matched."""

    mode: str
    score: Score
    misses: tuple[EventMiss, ...] = ()
    false_positives: tuple[EventFalsePositive, ...] = ()
    matches: tuple[EventMatch, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteMiss:
    """A required gold quote no output quote overlapped enough."""

    gold_id: str
    speaker: str  # gold actor id
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteFalsePositive:
    """An output quote overlapping no gold quote."""

    quote_id: str
    speaker: str | None
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class WrongAttribution:
    """A found gold quote whose best-overlapping output quote has another speaker."""

    gold_id: str
    gold_speaker: str  # gold actor id
    output_speaker: str | None
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteScore:
    """Quote spans, attribution and direct/indirect agreement, with what went wrong."""

    score: Score
    attribution: Ratio
    kind_agreement: Ratio
    misses: tuple[QuoteMiss, ...] = ()
    false_positives: tuple[QuoteFalsePositive, ...] = ()
    wrong_attributions: tuple[WrongAttribution, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class UnresolvedMention:
    """A gold surface form not stored as a mention of the right actor."""

    actor_id: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionScore:
    """Gold surface forms resolved to the right actor."""

    resolved: Ratio
    unresolved: tuple[UnresolvedMention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryScore(_Summable):
    """Story assignment of the gold story events found, pairwise and B-cubed.

    Only gold events named in `stories.json` and found (an output event matched one of
    their dyads by country+sector) are judged; two are the same in the output when the
    output events that matched them share a story. Gold pairs with an event not found
    cannot be judged and are counted apart, so a high figure over few pairs is not misread.
    """

    story_events: int = 0  # gold events named in the gold stories
    found_events: int = 0  # of those, the ones an output event matched
    linked: int = 0  # pairs of found events in one gold story and one output story
    gold_pairs: int = 0  # pairs of found events in one gold story (judged)
    output_pairs: int = 0  # pairs of found events whose output events share a story
    unjudged_pairs: int = 0  # pairs in one gold story with an event not found
    b3_precision_sum: float = 0.0  # per found event, summed; divided by found_events
    b3_recall_sum: float = 0.0

    @property
    def precision(self) -> float:
        """Pairs right over the pairs the output puts in one story (0 when there are none)."""
        return self.linked / self.output_pairs if self.output_pairs else 0.0

    @property
    def recall(self) -> float:
        """Pairs right over the judged pairs of one gold story (0 when there are none)."""
        return self.linked / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of pairwise precision and recall."""
        return _f1(self.precision, self.recall)

    @property
    def b3_precision(self) -> float:
        """B-cubed precision over the found events (0 when none was found)."""
        return self.b3_precision_sum / self.found_events if self.found_events else 0.0

    @property
    def b3_recall(self) -> float:
        """B-cubed recall over the found events (0 when none was found)."""
        return self.b3_recall_sum / self.found_events if self.found_events else 0.0

    @property
    def b3_f1(self) -> float:
        """Harmonic mean of B-cubed precision and recall."""
        return _f1(self.b3_precision, self.b3_recall)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Figures(_Summable):
    """The headline counts of one article, or of all of them added up (micro-averaged).

    `stories` is set on the report's totals only, and only when the gold has stories.
    """

    events_country_sector: Score = Score()
    events_person: Score = Score()
    quotes: Score = Score()
    attribution: Ratio = Ratio()
    kind_agreement: Ratio = Ratio()
    mentions: Ratio = Ratio()
    stories: StoryScore | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleScore:
    """One gold article scored against what is stored for it."""

    file: str
    gold_path: str
    doc_id: str | None  # the stored article's id; None when it was not ingested
    events_country_sector: EventScore
    events_person: EventScore
    quotes: QuoteScore
    mentions: MentionScore

    @property
    def ingested(self) -> bool:
        """Whether a stored article was found for this gold file."""
        return self.doc_id is not None

    def figures(self) -> Figures:
        """This article's headline counts."""
        return Figures(
            events_country_sector=self.events_country_sector.score,
            events_person=self.events_person.score,
            quotes=self.quotes.score,
            attribution=self.quotes.attribution,
            kind_agreement=self.quotes.kind_agreement,
            mentions=self.mentions.resolved,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalReport:
    """Scores of every gold article, in gold file order."""

    gold_dir: str
    articles: tuple[ArticleScore, ...]
    stories: StoryScore | None = None  # None when the gold folder has no stories.json

    def totals(self) -> Figures:
        """Counts added over the articles (micro-averaged), with the story figures."""
        added = sum((a.figures() for a in self.articles), Figures())
        return replace(added, stories=self.stories)


# -- text ------------------------------------------------------------------------------


def render_text(report: EvalReport) -> str:
    """Misses and false positives per article, then the score table with TOTAL last."""
    details = [line for article in report.articles for line in ["", *_details(article)]]
    return "\n".join([f"storyline eval against {report.gold_dir}", *details, "", *_table(report)])


def _details(a: ArticleScore) -> list[str]:
    if not a.ingested:
        n_dyads, n_quotes = a.events_country_sector.score.required, a.quotes.score.required
        return [
            f"== {a.file}: not ingested (no stored article with this file); "
            f"all {n_dyads} required event dyads and {n_quotes} quotes missed"
        ]
    lines = [f"== {a.file}"]
    for title, items in _sections(a):
        if items:
            lines += [f"{title}:", *(f"  {item}" for item in items)]
    if len(lines) == 1:
        lines.append("no misses, false positives or unresolved mentions")
    return lines


def _sections(a: ArticleScore) -> list[tuple[str, list[str]]]:
    """Each list of the article under its title (a title and its lines)."""
    cs, person, q, m = a.events_country_sector, a.events_person, a.quotes, a.mentions
    event_misses = _by_mode(cs.misses, person.misses)
    event_fps = _by_mode(cs.false_positives, person.false_positives)
    return [
        (
            "event misses (required gold dyads not found)",
            [
                f"{x.gold_id} {'|'.join(x.types)} {x.source} → {x.target or '-'}  {x.date}"
                f"  {_clip(x.evidence)}{tag}"
                for x, tag in event_misses
            ],
        ),
        (
            "event false positives (output dyads matching no gold dyad)",
            [
                f"{x.event_id} {x.type} {x.source} → {x.target or '-'}  {x.date}"
                f"  {_clip(x.evidence)}{tag}"
                for x, tag in event_fps
            ],
        ),
        ("quote misses", [f"{x.gold_id} {x.speaker}  {_clip(x.text)}" for x in q.misses]),
        (
            "quote false positives",
            [f"{x.quote_id} {x.speaker or _NOBODY}  {_clip(x.text)}" for x in q.false_positives],
        ),
        (
            "wrong attributions",
            [
                f"{x.gold_id} gold {x.gold_speaker} ≠ output {x.output_speaker or _NOBODY}"
                f"  {_clip(x.text)}"
                for x in q.wrong_attributions
            ],
        ),
        (
            f"unresolved mentions ({len(m.unresolved)} of {m.resolved.total})",
            [f"{x.actor_id} {_clip(x.text)}" for x in m.unresolved],
        ),
    ]


def _by_mode(cs: Sequence[_T], person: Sequence[_T]) -> list[tuple[_T, str]]:
    """Both modes' items once, in their common order, tagged when only one mode has them."""
    in_cs, in_person = set(cs), set(person)
    merged: list[tuple[_T, str]] = []
    i = j = 0
    while i < len(cs) or j < len(person):
        if i < len(cs) and cs[i] not in in_person:
            merged.append((cs[i], "  [country+sector only]"))
            i += 1
        elif j < len(person) and (i == len(cs) or person[j] not in in_cs):
            merged.append((person[j], "  [person only]"))
            j += 1
        else:  # the same item heads both lists
            merged.append((cs[i], ""))
            i, j = i + 1, j + 1
    return merged


def _clip(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > _EVIDENCE_CHARS:
        flat = flat[: _EVIDENCE_CHARS - 1].rstrip() + "…"
    return f'"{flat}"'


def _table(report: EvalReport) -> list[str]:
    t = report.totals()
    width = max([len("TOTAL"), *(len(a.file) for a in report.articles)])
    header = (
        f"{'file':<{width}}  {'events c+s P/R/F1':<17}  {'events pers P/R/F1':<18}  "
        f"{'quotes P/R/F1':<14}  {'attribution':<11}  {'kind':<11}  mentions"
    )
    return [
        "scores (events: c+s = by country+sector, pers = by person; '-' = nothing to count)",
        f"articles: {len(report.articles)} gold, {sum(a.ingested for a in report.articles)}"
        f" ingested | event dyads: {t.events_person.required} required,"
        f" {t.events_person.output} output"
        f" | quotes: {t.quotes.required} required, {t.quotes.output} output"
        f" | mentions: {t.mentions.total}",
        header,
        *(
            _row(a.file, a.figures(), width) + ("" if a.ingested else "  not ingested")
            for a in report.articles
        ),
        "-" * len(header),
        _row("TOTAL", t, width),
        *([_stories_line(t.stories)] if t.stories is not None else []),
    ]


def _row(name: str, f: Figures, width: int) -> str:
    return (
        f"{name:<{width}}  {_prf(f.events_country_sector):<17}  {_prf(f.events_person):<18}  "
        f"{_prf(f.quotes):<14}  {_ratio(f.attribution):<11}  {_ratio(f.kind_agreement):<11}  "
        f"{_ratio(f.mentions)}"
    )


def _stories_line(s: StoryScore) -> str:
    """Story figures in one line, with how many pairs they rest on and how many they could not."""
    p = f"{s.precision:.2f}" if s.output_pairs else "-"
    r, f = (f"{s.recall:.2f}", f"{s.f1:.2f}") if s.gold_pairs else ("-", "-")
    b3 = f"{s.b3_precision:.2f}/{s.b3_recall:.2f}/{s.b3_f1:.2f}" if s.found_events else "-/-/-"
    return (
        f"stories pairwise P/R/F1 {p}/{r}/{f} ({s.gold_pairs} gold pairs judged,"
        f" {s.unjudged_pairs} not judged: events not found; {s.output_pairs} output pairs)"
        f" | B-cubed P/R/F1 {b3} | {s.found_events} of {s.story_events} story events found"
    )


def _prf(s: Score) -> str:
    p = f"{s.precision:.2f}" if s.output else "-"
    r = f"{s.recall:.2f}" if s.required else "-"
    f = f"{s.f1:.2f}" if s.required else "-"  # no required gold: recall, so F1, undefined
    return f"{p}/{r}/{f}"


def _ratio(r: Ratio) -> str:
    return f"{r.value:.2f} {r.hits}/{r.total}" if r.total else "-"


# -- JSON ------------------------------------------------------------------------------


def report_to_dict(report: EvalReport) -> dict[str, Any]:
    """The whole report as JSON-serialisable data: figures, counts and every list."""
    return {
        "gold_dir": report.gold_dir,
        "articles": [_article_dict(a) for a in report.articles],
        "total": _figures_dict(report.totals()) | {"stories": _stories_dict(report.stories)},
    }


def _stories_dict(s: StoryScore | None) -> dict[str, Any] | None:
    """The story figures and their counts; None when the gold has no stories."""
    if s is None:
        return None
    return {
        "events": {"in_stories": s.story_events, "found": s.found_events},
        "pairwise": {
            "linked": s.linked,
            "gold_pairs": s.gold_pairs,
            "output_pairs": s.output_pairs,
            "unjudged_pairs": s.unjudged_pairs,
        }
        | {k: round(getattr(s, k), 4) for k in ("precision", "recall", "f1")},
        "b_cubed": {k: round(getattr(s, f"b3_{k}"), 4) for k in ("precision", "recall", "f1")},
    }


def _figures_dict(f: Figures) -> dict[str, Any]:
    return {
        "events": {
            "country+sector": _score_dict(f.events_country_sector),
            "person": _score_dict(f.events_person),
        },
        "quotes": _score_dict(f.quotes)
        | {
            "attribution": _ratio_dict(f.attribution),
            "kind_agreement": _ratio_dict(f.kind_agreement),
        },
        "mentions": _ratio_dict(f.mentions),
    }


def _article_dict(a: ArticleScore) -> dict[str, Any]:
    """The article's figures, each with the lists behind it."""
    figures = _figures_dict(a.figures())
    for e in (a.events_country_sector, a.events_person):
        figures["events"][e.mode] |= {
            "misses": _dicts(e.misses),
            "false_positives": _dicts(e.false_positives),
            "matches": _dicts(e.matches),
        }
    figures["quotes"] |= {
        "misses": _dicts(a.quotes.misses),
        "false_positives": _dicts(a.quotes.false_positives),
        "wrong_attributions": _dicts(a.quotes.wrong_attributions),
    }
    figures["mentions"] |= {"unresolved": _dicts(a.mentions.unresolved)}
    head = {"file": a.file, "gold_path": a.gold_path, "doc_id": a.doc_id, "ingested": a.ingested}
    return head | figures


def _score_dict(s: Score) -> dict[str, Any]:
    return asdict(s) | {k: round(getattr(s, k), 4) for k in ("precision", "recall", "f1")}


def _ratio_dict(r: Ratio) -> dict[str, Any]:
    return asdict(r) | {"value": round(r.value, 4)}


def _dicts(items: Iterable[Any]) -> list[dict[str, Any]]:
    """Records as dicts, tuples as lists, so the dict equals its JSON round trip."""
    return [
        {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(item).items()}
        for item in items
    ]
