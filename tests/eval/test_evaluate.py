"""evaluate() end to end: gold JSON in a temporary directory, hand-made records in a store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.errors import GoldError
from storyline.eval import EvalReport, evaluate, find_article, load_gold
from storyline.eval.match import score_mentions
from storyline.eval.report import (
    ArticleScore,
    EventMiss,
    EventScore,
    MentionScore,
    QuoteScore,
    Ratio,
    Score,
    render_text,
    report_to_dict,
)
from storyline.records import (
    Actor,
    ActorKind,
    ActorMention,
    Article,
    ArticleResult,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    ParsedArticle,
    Quote,
    QuoteKind,
)
from storyline.store.sqlite import SQLiteStore

DEV_GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "gold"

GOLD_A: dict[str, Any] = {
    "doc_id": "seed-000",
    "file": "a.txt",
    "actors": {
        "antony-blinken": {
            "name": "Antony Blinken",
            "kind": "person",
            "country": "USA",
            "sector": "GOV",
        },
        "nikol-pashinyan": {
            "name": "Nikol Pashinyan",
            "kind": "person",
            "country": "ARM",
            "sector": "GOV",
        },
        "matthew-miller": {
            "name": "Matthew Miller",
            "kind": "person",
            "country": "USA",
            "sector": "GOV",
        },
        "armenian-government": {
            "name": "Government of Armenia",
            "kind": "org",
            "country": "ARM",
            "sector": "GOV",
        },
    },
    "mentions": {
        "antony-blinken": ["Secretary Blinken", "Blinken"],
        "nikol-pashinyan": ["Pashinyan"],
        "armenian-government": ["Yerevan"],
    },
    "events": [
        {
            "id": "e1",
            "types": ["CONSULT"],
            "source": "antony-blinken",
            "target": ["nikol-pashinyan"],
            "date": "2023-03-20",
            "either_direction": True,
            "required": True,
            "evidence": "Blinken spoke with Pashinyan",
        },
        {
            "id": "e2",
            "types": ["SUPPORT"],
            "source": "antony-blinken",
            "target": ["ARM", "AZE"],
            "date": None,
            "either_direction": False,
            "required": True,
            "evidence": "support for both " + "very " * 30 + "long evidence",
        },
        {
            "id": "e3",
            "types": ["REQUEST"],
            "source": "armenian-government",
            "target": ["RUS"],
            "date": ["2023-03-18", "2023-03-22"],
            "required": True,
            "evidence": "asked Moscow",
        },
        {
            "id": "e4",
            "types": ["ACCUSE"],
            "source": "nikol-pashinyan",
            "target": ["AZE"],
            "date": None,
            "required": False,
            "evidence": "accused Baku",
        },
    ],
    "quotes": [
        {
            "id": "q1",
            "speaker": "antony-blinken",
            "kind": "direct",
            "text": "We support peace",
            "span": [100, 200],
            "required": True,
        },
        {
            "id": "q2",
            "speaker": "armenian-government",
            "kind": "indirect",
            "text": "the sides discussed",
            "span": [300, 400],
            "required": True,
        },
        {
            "id": "q3",
            "speaker": "matthew-miller",
            "kind": "direct",
            "text": "optional words",
            "span": [500, 600],
            "required": False,
        },
    ],
}

GOLD_B: dict[str, Any] = {
    "file": "b.txt",
    "actors": {},
    "mentions": {"AZE": ["Baku", "Azerbaijan"]},
    "events": [
        {
            "id": "e1",
            "types": ["ASSAULT"],
            "source": "AZE",
            "target": ["ARM"],
            "date": "2023-09",
            "required": True,
        }
    ],
    "quotes": [{"id": "q1", "speaker": "ARM", "kind": "direct", "text": "x", "span": [0, 10]}],
}


def write_gold(directory: Path, *articles: dict[str, Any]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for n, data in enumerate(articles):
        (directory / f"seed-{n:03d}.json").write_text(json.dumps(data), encoding="utf-8")
    return directory


def person(key: str, name: str, country: str | None, sector: str | None = "GOV") -> Actor:
    return Actor(actor_id=key, name=name, kind=ActorKind.PERSON, country=country, sector=sector)


BLINKEN = person("A_blinken", "Antony J. Blinken", "USA")
PASHINYAN = person("A_pash", "Nikol Pashinyan", "ARM")
MILLER = person("A_miller", "Matthew Miller", "USA")
ARMENIA = Actor(actor_id="A_arm", name="Armenia", kind=ActorKind.COUNTRY, country="ARM")
AZERBAIJAN = Actor(actor_id="A_aze", name="Azerbaijan", kind=ActorKind.COUNTRY, country="AZE")
RUSSIA = Actor(actor_id="A_rus", name="Russia", kind=ActorKind.COUNTRY, country="RUS")
ARMGOV = Actor(
    actor_id="A_armgov", name="Armenian government", kind=ActorKind.ORG, country="ARM", sector="GOV"
)


def article(doc_id: str, file: str, duplicate_of: str | None = None) -> Article:
    return Article(doc_id=doc_id, file=file, text="x" * 1000, duplicate_of=duplicate_of)


def evidence(doc_id: str, start: int, end: int, text: str = "evidence") -> Evidence:
    return Evidence(doc_id=doc_id, start=start, end=end, text=text)


def event(
    event_id: str,
    type: str,
    source: Actor,
    targets: tuple[Actor, ...],
    date: EventDate | None = None,
) -> Event:
    return Event(
        event_id=event_id,
        type=type,
        source=source,
        targets=targets,
        evidence=evidence("doc-a", 0, 20, f"evidence of {event_id}"),
        date=date,
    )


def quote(quote_id: str, span: tuple[int, int], speaker: Actor | None, kind: QuoteKind) -> Quote:
    return Quote(
        quote_id=quote_id,
        evidence=evidence("doc-a", *span, f"words of {quote_id}"),
        kind=kind,
        speaker=speaker,
    )


def mention(actor: Actor, text: str, doc_id: str = "doc-a") -> ActorMention:
    return ActorMention(actor_id=actor.actor_id, evidence=evidence(doc_id, 0, len(text), text))


def result_a() -> ArticleResult:
    """Output for a.txt; the expected figures are worked out in the tests below."""
    direct, indirect = QuoteKind.DIRECT, QuoteKind.INDIRECT
    return ArticleResult(
        parsed=ParsedArticle(
            article=article("doc-a", "a.txt"), sentences=(), n_tokens=0, mentions=()
        ),
        actors=(BLINKEN, PASHINYAN, MILLER, ARMENIA, AZERBAIJAN, RUSSIA, ARMGOV),
        actor_mentions=(
            mention(BLINKEN, "Secretary  Blinken"),  # whitespace is normalised
            mention(MILLER, "Blinken"),  # the wrong person
            mention(PASHINYAN, "Pashinyan"),
            mention(ARMGOV, "Yerevan"),
        ),
        events=(
            # e1 with source and target swapped: allowed, the gold says either direction
            event(
                "o1",
                "CONSULT",
                PASHINYAN,
                (BLINKEN,),
                EventDate(value="2023-03-20", precision=DatePrecision.DAY),
            ),
            # e2's two dyads, but said by another USA GOV person: country+sector only
            event("o2", "SUPPORT", MILLER, (ARMENIA, AZERBAIJAN)),
            # e3, a month overlapping the gold window
            event(
                "o3",
                "REQUEST",
                ARMGOV,
                (RUSSIA,),
                EventDate(value="2023-03", precision=DatePrecision.MONTH),
            ),
            event("o4", "ACCUSE", PASHINYAN, (AZERBAIJAN,)),  # optional e4
            event("o5", "THREATEN", AZERBAIJAN, (ARMENIA,)),  # nothing
        ),
        quotes=(
            quote("s1", (150, 260), BLINKEN, direct),  # q1: overlap 50 of shorter 100
            quote("s2", (300, 400), PASHINYAN, indirect),  # q2, best overlap, wrong speaker
            quote("s5", (340, 360), ARMGOV, direct),  # q2 again, smaller overlap
            quote("s3", (520, 580), MILLER, direct),  # optional q3
            quote("s4", (700, 800), None, direct),  # nothing
        ),
    )


def result_other() -> ArticleResult:
    """An article without gold: ignored, and its mentions do not count for a.txt."""
    return ArticleResult(
        parsed=ParsedArticle(
            article=article("doc-c", "c.txt"), sentences=(), n_tokens=0, mentions=()
        ),
        actors=(BLINKEN,),
        actor_mentions=(mention(BLINKEN, "Blinken", doc_id="doc-c"),),
        events=(
            Event(
                event_id="oc",
                type="CONSULT",
                source=BLINKEN,
                targets=(),
                evidence=evidence("doc-c", 0, 5),
            ),
        ),
    )


@pytest.fixture
def report(tmp_path: Path) -> EvalReport:
    gold_dir = write_gold(tmp_path / "gold", GOLD_A, GOLD_B)
    store = SQLiteStore(":memory:")
    store.save_result(result_a())
    store.save_result(result_other())
    try:
        return evaluate(store, gold_dir)
    finally:
        store.close()


def test_articles_are_scored_in_gold_order_and_missing_ones_reported(report: EvalReport) -> None:
    assert [(a.file, a.doc_id, a.ingested) for a in report.articles] == [
        ("a.txt", "doc-a", True),
        ("b.txt", None, False),
    ]


def test_event_dyads_by_country_and_sector(report: EvalReport) -> None:
    scored = report.articles[0].events_country_sector
    assert scored.score == Score(found=4, required=4, correct=5, output=6)
    assert scored.misses == ()
    assert [(f.event_id, f.source, f.target) for f in scored.false_positives] == [
        ("o5", "Azerbaijan", "Armenia")
    ]


def test_event_dyads_by_person(report: EvalReport) -> None:
    scored = report.articles[0].events_person
    assert scored.score == Score(found=2, required=4, correct=3, output=6)
    assert [(m.gold_id, m.source, m.target) for m in scored.misses] == [
        ("e2", "antony-blinken", "ARM"),
        ("e2", "antony-blinken", "AZE"),
    ]
    assert [(f.event_id, f.target) for f in scored.false_positives] == [
        ("o2", "Armenia"),
        ("o2", "Azerbaijan"),
        ("o5", "Armenia"),
    ]
    assert (scored.score.precision, scored.score.recall, scored.score.f1) == (0.5, 0.5, 0.5)


def test_quotes_attribution_and_kind(report: EvalReport) -> None:
    quotes = report.articles[0].quotes
    assert quotes.score == Score(found=2, required=2, correct=4, output=5)
    assert quotes.attribution == Ratio(hits=1, total=2)
    assert quotes.kind_agreement == Ratio(hits=2, total=2)
    assert [(w.gold_id, w.gold_speaker, w.output_speaker) for w in quotes.wrong_attributions] == [
        ("q2", "armenian-government", "Nikol Pashinyan")
    ]
    assert [(f.quote_id, f.speaker) for f in quotes.false_positives] == [("s4", None)]


def test_mentions_resolved_in_their_own_article_only(report: EvalReport) -> None:
    mentions = report.articles[0].mentions
    assert mentions.resolved == Ratio(hits=3, total=4)
    assert [(u.actor_id, u.text) for u in mentions.unresolved] == [("antony-blinken", "Blinken")]


def test_article_not_ingested_scores_all_misses(report: EvalReport) -> None:
    missing = report.articles[1]
    assert missing.events_country_sector.score == Score(found=0, required=1, correct=0, output=0)
    assert missing.quotes.score == Score(found=0, required=1, correct=0, output=0)
    assert missing.mentions.resolved == Ratio(hits=0, total=2)
    assert [m.gold_id for m in missing.events_person.misses] == ["e1"]
    assert [m.gold_id for m in missing.quotes.misses] == ["q1"]


def test_totals_are_micro_averaged(report: EvalReport) -> None:
    t = report.totals()
    assert t.events_country_sector == Score(found=4, required=5, correct=5, output=6)
    assert t.events_person == Score(found=2, required=5, correct=3, output=6)
    assert t.quotes == Score(found=2, required=3, correct=4, output=5)
    assert (t.attribution, t.kind_agreement) == (Ratio(hits=1, total=2), Ratio(hits=2, total=2))
    assert t.mentions == Ratio(hits=3, total=6)
    assert t.events_country_sector.f1 == pytest.approx(2 * (5 / 6) * 0.8 / (5 / 6 + 0.8))


def test_text_ends_with_the_table_and_total(report: EvalReport) -> None:
    lines = render_text(report).splitlines()
    tail = lines[-12:]

    assert tail[-1].split() == [
        "TOTAL",
        "0.83/0.80/0.82",
        "0.50/0.40/0.44",
        "0.80/0.67/0.73",
        "0.50",
        "1/2",
        "1.00",
        "2/2",
        "0.50",
        "3/6",
    ]
    assert any(line.startswith("a.txt ") for line in tail)
    assert any(line.startswith("b.txt ") and line.endswith("not ingested") for line in tail)
    assert "articles: 2 gold, 1 ingested | event dyads: 5 required, 6 output" in "\n".join(tail)


def test_text_lists_misses_and_false_positives_by_mode(report: EvalReport) -> None:
    text = render_text(report)
    assert (
        "event false positives (output dyads matching no gold dyad):\n"
        '  o2 SUPPORT Matthew Miller → Armenia  none  "evidence of o2"  [person only]\n'
        '  o2 SUPPORT Matthew Miller → Azerbaijan  none  "evidence of o2"  [person only]\n'
        '  o5 THREATEN Azerbaijan → Armenia  none  "evidence of o5"\n'
    ) in text
    assert '  e2 SUPPORT antony-blinken → AZE  any  "support for both very' in text
    assert '  q2 gold armenian-government ≠ output Nikol Pashinyan  "the sides discussed"' in text
    assert '  s4 (no speaker)  "words of s4"' in text
    assert '  antony-blinken "Blinken"' in text
    assert "b.txt: not ingested" in text
    evidence_line = next(line for line in text.splitlines() if "support for both" in line)
    assert len(evidence_line.split('"')[1]) == 80  # evidence clipped to 80 characters
    assert evidence_line.split('"')[1].endswith("…")


def test_text_tags_items_found_in_one_mode_only_and_keeps_their_order() -> None:
    def miss(gold_id: str) -> EventMiss:
        return EventMiss(
            gold_id=gold_id, types=("AID",), source="s", target="t", date="any", evidence=""
        )

    def scored(mode: str, *ids: str) -> EventScore:
        return EventScore(mode=mode, score=Score(), misses=tuple(miss(i) for i in ids))

    article = ArticleScore(
        file="a.txt",
        gold_path="seed-000.json",
        doc_id="doc-a",
        events_country_sector=scored("country+sector", "e1", "e2", "e4"),
        events_person=scored("person", "e2", "e3", "e4"),
        quotes=QuoteScore(score=Score(), attribution=Ratio(), kind_agreement=Ratio()),
        mentions=MentionScore(resolved=Ratio()),
    )

    text = render_text(EvalReport(gold_dir="gold", articles=(article,)))

    assert [
        line.split()[0] + line.partition('""')[2]
        for line in text.splitlines()
        if line.startswith("  e")
    ] == ["e1  [country+sector only]", "e2", "e3  [person only]", "e4"]


def test_json_has_figures_lists_and_survives_a_round_trip(report: EvalReport) -> None:
    data = report_to_dict(report)
    assert json.loads(json.dumps(data)) == data
    first = data["articles"][0]
    assert first["events"]["person"]["recall"] == 0.5
    assert first["events"]["person"]["misses"][0]["types"] == ["SUPPORT"]
    assert first["quotes"]["attribution"] == {"hits": 1, "total": 2, "value": 0.5}
    assert first["mentions"]["unresolved"] == [{"actor_id": "antony-blinken", "text": "Blinken"}]
    assert data["articles"][1]["ingested"] is False
    assert data["total"]["events"]["country+sector"] == {
        "found": 4,
        "required": 5,
        "correct": 5,
        "output": 6,
        "precision": 0.8333,
        "recall": 0.8,
        "f1": 0.8163,
    }


@pytest.mark.parametrize(
    ("files", "wanted"),
    [
        ([("d1", "a.txt", None)], "d1"),
        ([("d1", "batch/a.txt", None)], "d1"),  # ends with the gold file name
        ([("d1", "batch/a.txt", None), ("d2", "a.txt", None)], "d2"),  # exact name first
        ([("d1", "x/a.txt", "d2"), ("d2", "y/a.txt", None)], "d2"),  # the original first
        ([("d1", "a.txt.bak", None), ("d2", "b.txt", None)], None),
    ],
)
def test_gold_files_find_their_stored_article(
    tmp_path: Path, files: list[tuple[str, str, str | None]], wanted: str | None
) -> None:
    [gold] = load_gold(write_gold(tmp_path, GOLD_A))
    stored = [article(doc_id, file, dup) for doc_id, file, dup in files]
    found = find_article(gold, stored)
    assert (found.doc_id if found else None) == wanted


def test_gold_is_read_into_records(tmp_path: Path) -> None:
    [gold] = load_gold(write_gold(tmp_path, GOLD_A))
    e2, e3 = gold.events[1], gold.events[2]
    assert [t.actor_id for t in e2.targets] == ["ARM", "AZE"]
    assert (e2.targets[0].kind, e2.targets[0].country, e2.targets[0].sector) == (
        ActorKind.COUNTRY,
        "ARM",
        None,
    )
    assert e3.date == ("2023-03-18", "2023-03-22")
    assert gold.quotes[1].kind is QuoteKind.INDIRECT
    assert (gold.quotes[2].required, gold.quotes[2].span) == (False, (500, 600))
    assert len(gold.mentions) == 4


def test_gold_files_named_seed_are_preferred(tmp_path: Path) -> None:
    write_gold(tmp_path, GOLD_A)
    (tmp_path / "other.json").write_text(json.dumps(GOLD_B), encoding="utf-8")
    assert [g.file for g in load_gold(tmp_path)] == ["a.txt"]
    (tmp_path / "seed-000.json").unlink()
    assert [g.file for g in load_gold(tmp_path)] == ["b.txt"]


def with_change(path: str, value: Any) -> dict[str, Any]:
    """GOLD_A with one field (dotted path, list indexes as numbers) replaced."""
    data: dict[str, Any] = json.loads(json.dumps(GOLD_A))
    *parents, last = path.split(".")
    node = data
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return data


MALFORMED = [
    ("not JSON", "{'file': 'a.txt'", "not valid JSON"),
    ("a list", [GOLD_A], "top level is not an object"),
    ("no file", {k: v for k, v in GOLD_A.items() if k != "file"}, "missing field 'file'"),
    ("unknown actor", with_change("events.0.source", "blinken"), "unknown actor 'blinken'"),
    ("unknown speaker", with_change("quotes.0.speaker", "nobody"), "unknown actor 'nobody'"),
    ("bad day", with_change("events.0.date", "2023-02-30"), "bad date '2023-02-30'"),
    ("bad window", with_change("events.2.date", ["2023-03-22", "2023-03-18"]), "bad date"),
    ("window of three", with_change("events.2.date", ["2023", "2024", "2025"]), "bad date"),
    ("bad span", with_change("quotes.0.span", [200, 100]), "bad span [200, 100]"),
    ("no types", with_change("events.0.types", []), "event e1: no types"),
    ("bad kind", with_change("actors.antony-blinken.kind", "alien"), "'alien'"),
    ("targets not a list", with_change("events.0.target", "ARM"), "expected a list"),
]


@pytest.mark.parametrize(
    ("content", "reason"), [c[1:] for c in MALFORMED], ids=[c[0] for c in MALFORMED]
)
def test_malformed_gold_file_is_a_gold_error_naming_it(
    tmp_path: Path, content: Any, reason: str
) -> None:
    path = tmp_path / "seed-007.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    with pytest.raises(GoldError) as caught:
        load_gold(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message


def test_gold_directory_without_gold_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("no gold here", encoding="utf-8")
    with pytest.raises(GoldError, match="no gold files"):
        load_gold(tmp_path)
    with pytest.raises(GoldError, match="not a directory"):
        load_gold(tmp_path / "missing")


@pytest.mark.skipif(not DEV_GOLD.is_dir(), reason="the shared development gold is not here")
def test_development_gold_loads_and_scores_as_all_misses_on_an_empty_store() -> None:
    store = SQLiteStore(":memory:")
    report = evaluate(store, DEV_GOLD)
    totals = report.totals()
    assert [a.file for a in report.articles][:1] == ["000_712cea4203d5c32e.txt"]
    assert not any(a.ingested for a in report.articles)
    assert totals.events_person.found == 0
    assert totals.events_person.required == totals.events_country_sector.required > 0
    assert render_text(report).splitlines()[-1].startswith("TOTAL")


@pytest.mark.parametrize(
    ("gold_surface", "output_text", "resolved"),
    [
        ("the Armenian government", "Armenian government", True),  # gold with, output without
        ("Armenian government", "the Armenian government", True),  # gold without, output with
        ("The Armenian government", "the Armenian government", True),  # at a sentence's start
        ("Armenian government", "an Armenian government", False),  # only "the" is set aside
        ("the", "the", True),  # a lone word is kept as it is
        ("the Armenian government's", "Armenian government", True),  # the clitic aside
        ("Armenian government’s", "the Armenian government", True),
    ],
)
def test_mentions_match_whatever_the_leading_article(
    tmp_path: Path, gold_surface: str, output_text: str, resolved: bool
) -> None:
    data = with_change("mentions", {"armenian-government": [gold_surface]})
    [gold] = load_gold(write_gold(tmp_path, data))
    scored = score_mentions(gold, [mention(ARMGOV, output_text)], {ARMGOV.actor_id: ARMGOV})
    assert scored.resolved.hits == int(resolved)
