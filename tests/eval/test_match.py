"""Matching rules: actors by country+sector or person, dates as day intervals, quote spans."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.eval.gold import GoldActor, GoldArticle, GoldDate, GoldEvent, GoldQuote
from storyline.eval.match import (
    GoldDyad,
    MatchMode,
    OutputDyad,
    dates_compatible,
    day_span,
    dyad_matches,
    mention_actor_matches,
    normalise_name,
    same_person,
    score_events,
    score_quotes,
    spans_match,
    speaker_matches,
)
from storyline.records import (
    Actor,
    ActorKind,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    Quote,
    QuoteKind,
)

PERSON, ORG, COUNTRY = ActorKind.PERSON, ActorKind.ORG, ActorKind.COUNTRY


def gold_actor(
    actor_id: str, name: str, kind: ActorKind, country: str | None, sector: str | None = None
) -> GoldActor:
    return GoldActor(actor_id=actor_id, name=name, kind=kind, country=country, sector=sector)


def actor(name: str, kind: ActorKind, country: str | None, sector: str | None = None) -> Actor:
    return Actor(actor_id=name.lower(), name=name, kind=kind, country=country, sector=sector)


G_BLINKEN = gold_actor("antony-blinken", "Antony Blinken", PERSON, "USA", "GOV")
G_PASHINYAN = gold_actor("nikol-pashinyan", "Nikol Pashinyan", PERSON, "ARM", "GOV")
G_ARM = gold_actor("ARM", "ARM", COUNTRY, "ARM")
G_PM_OFFICE = gold_actor("pm-office", "Office of Nikol Pashinyan", ORG, "ARM", "GOV")
G_ARMGOV = gold_actor("armenian-government", "Government of Armenia", ORG, "ARM", "GOV")

BLINKEN = actor("Antony Blinken", PERSON, "USA", "GOV")
BLINKEN_J = actor("Antony J. Blinken", PERSON, "USA", "GOV")
BLINKEN_NO_COUNTRY = actor("Blinken", PERSON, None)
MILLER = actor("Matthew Miller", PERSON, "USA", "GOV")
STATE_DEPT = actor("State Department", ORG, "USA", "GOV")
PASHINYAN = actor("Nikol Pashinyan", PERSON, "ARM", "GOV")
ARMENIA = actor("Armenia", COUNTRY, "ARM")
ARMGOV = actor("Armenian government", ORG, "ARM", "GOV")


def day(value: str) -> EventDate:
    precision = {10: DatePrecision.DAY, 7: DatePrecision.MONTH, 4: DatePrecision.YEAR}[len(value)]
    return EventDate(value=value, precision=precision)


def window(after: str, before: str) -> EventDate:
    return EventDate(value=None, precision=DatePrecision.WINDOW, window=(after, before))


def gold_event(
    source: GoldActor = G_BLINKEN,
    targets: tuple[GoldActor, ...] = (G_PASHINYAN,),
    *,
    types: tuple[str, ...] = ("CONSULT",),
    date: GoldDate = "2023-03-20",
    either_direction: bool = False,
    required: bool = True,
    event_id: str = "e1",
) -> GoldEvent:
    return GoldEvent(
        event_id=event_id,
        types=types,
        source=source,
        targets=targets,
        date=date,
        either_direction=either_direction,
        required=required,
        evidence="gold evidence",
    )


def event(
    source: Actor = BLINKEN,
    targets: tuple[Actor, ...] = (PASHINYAN,),
    *,
    type: str = "CONSULT",
    date: EventDate | None = None,
    event_id: str = "ev1",
) -> Event:
    ev = Evidence(doc_id="d", start=0, end=10, text="output evidence")
    return Event(
        event_id=event_id, type=type, source=source, targets=targets, evidence=ev, date=date
    )


def single_match(out: Event, gold: GoldEvent, mode: MatchMode) -> bool:
    target = out.targets[0] if out.targets else None
    gold_target = gold.targets[0] if gold.targets else None
    return dyad_matches(OutputDyad(out, target), GoldDyad(gold, gold_target), mode)


DAY_0320 = day("2023-03-20")

# (case, output event, gold event, matches by country+sector, matches by person)
DYAD_CASES = [
    ("same everything", event(date=DAY_0320), gold_event(), True, True),
    ("type not among gold types", event(type="SUPPORT", date=DAY_0320), gold_event(), False, False),
    (
        "type among several gold types",
        event(type="AGREE", date=DAY_0320),
        gold_event(types=("SUPPORT", "AGREE")),
        True,
        True,
    ),
    (
        "swapped, either direction",
        event(PASHINYAN, (BLINKEN,), date=DAY_0320),
        gold_event(either_direction=True),
        True,
        True,
    ),
    (
        "swapped, one direction",
        event(PASHINYAN, (BLINKEN,), date=DAY_0320),
        gold_event(either_direction=False),
        False,
        False,
    ),
    ("month output covers gold day", event(date=day("2023-03")), gold_event(), True, True),
    (
        "day output outside gold month",
        event(date=day("2023-04-01")),
        gold_event(date="2023-03"),
        False,
        False,
    ),
    (
        "year output covers gold month",
        event(date=day("2023")),
        gold_event(date="2023-03"),
        True,
        True,
    ),
    (
        "output window contains gold day",
        event(date=window("2023-03-15", "2023-03-25")),
        gold_event(),
        True,
        True,
    ),
    (
        "windows overlap",
        event(date=window("2023-03-21", "2023-03-25")),
        gold_event(date=("2023-03-01", "2023-03-21")),
        True,
        True,
    ),
    (
        "windows one day apart",
        event(date=window("2023-03-22", "2023-03-25")),
        gold_event(date=("2023-03-01", "2023-03-21")),
        False,
        False,
    ),
    (
        "gold window of months",
        event(date=day("2023-05-31")),
        gold_event(date=("2023-03", "2023-05")),
        True,
        True,
    ),
    ("no output date, dated gold", event(date=None), gold_event(), False, False),
    ("no output date, null gold date", event(date=None), gold_event(date=None), True, True),
    (
        "unreadable output date counts as none",
        event(date=day("2023-02-30")),
        gold_event(),
        False,
        False,
    ),
    ("other USA GOV person as source", event(MILLER, date=DAY_0320), gold_event(), True, False),
    ("USA GOV org as source", event(STATE_DEPT, date=DAY_0320), gold_event(), True, True),
    (
        "same person without country",
        event(BLINKEN_NO_COUNTRY, date=DAY_0320),
        gold_event(),
        False,
        True,
    ),
    ("longer name of the same person", event(BLINKEN_J, date=DAY_0320), gold_event(), True, True),
    (
        "person named inside an org's name",
        event(targets=(PASHINYAN,), date=DAY_0320),
        gold_event(targets=(G_PM_OFFICE,)),
        True,
        False,
    ),
    (
        "person where gold has a country",
        event(targets=(PASHINYAN,), date=DAY_0320),
        gold_event(targets=(G_ARM,)),
        False,
        False,
    ),
    (
        "country for a bare ISO3 code",
        event(targets=(ARMENIA,), date=DAY_0320),
        gold_event(targets=(G_ARM,)),
        True,
        True,
    ),
    (
        "no targets on either side",
        event(targets=(), date=DAY_0320),
        gold_event(targets=()),
        True,
        True,
    ),
    (
        "no output target, gold has one",
        event(targets=(), date=DAY_0320),
        gold_event(),
        False,
        False,
    ),
]


@pytest.mark.parametrize(
    ("out", "gold", "by_country_sector", "by_person"),
    [case[1:] for case in DYAD_CASES],
    ids=[case[0] for case in DYAD_CASES],
)
def test_dyad_matching_in_both_modes(
    out: Event, gold: GoldEvent, by_country_sector: bool, by_person: bool
) -> None:
    assert single_match(out, gold, MatchMode.COUNTRY_SECTOR) is by_country_sector
    assert single_match(out, gold, MatchMode.PERSON) is by_person


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Antony J. Blinken", "Antony Blinken", True),
        ("Blinken", "Antony Blinken", True),
        ("James O’Brien", "James O'Brien", True),
        ("james obrien", "James O'Brien", True),
        ("José  Martí", "Jose Marti", True),
        ("Nikol Pashinian", "Nikol Pashinyan", False),
        ("Donald Blinken", "Antony Blinken", False),
        ("Antony", "Antony Blinken", False),
        ("", "Antony Blinken", False),
    ],
)
def test_person_names_agree_by_tokens_and_surname(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same
    assert same_person(b, a) is same


def test_names_are_normalised_without_accents_case_apostrophes_or_dots() -> None:
    assert normalise_name("  Ilham   ALIYEV ") == "ilham aliyev"
    assert normalise_name("Zoë O’Neil Jr.") == "zoe oneil jr"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2023-03-20", "2023-03-20", "2023-03-20"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2023", "2023-01-01", "2023-12-31"),
    ],
)
def test_dates_cover_their_days(text: str, first: str, last: str) -> None:
    assert day_span(text) == (day_span(first)[0], day_span(last)[0])


@pytest.mark.parametrize("text", ["2023-13", "2023-02-30", "23-01-01", "2023-1-1x", "March 2023"])
def test_unreadable_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        day_span(text)


@pytest.mark.parametrize(
    ("gold", "output", "compatible"),
    [
        (None, None, True),
        (None, DAY_0320, True),
        ("2023-03-20", None, False),
        ("2023-03-20", EventDate(value=None, precision=DatePrecision.DAY), False),
        (("2023-03-01", None), DAY_0320, True),
        ((None, "2023-03-19"), DAY_0320, False),
        # A window wins over the value only for window precision (or when there is no value).
        (
            "2023-03-20",
            EventDate(
                value="2023-03-01",
                precision=DatePrecision.WINDOW,
                window=("2023-03-18", "2023-03-21"),
            ),
            True,
        ),
        (
            "2023-03-20",
            EventDate(
                value="2023-03-01", precision=DatePrecision.DAY, window=("2023-03-18", "2023-03-21")
            ),
            False,
        ),
    ],
)
def test_date_compatibility(gold: GoldDate, output: EventDate | None, compatible: bool) -> None:
    assert dates_compatible(gold, output) is compatible


@pytest.mark.parametrize(
    ("a", "b", "match"),
    [
        ((0, 100), (50, 150), True),  # overlap 50 = half of the shorter (100): found
        ((0, 100), (51, 151), False),  # overlap 49: just below half
        ((0, 10), (5, 1000), True),  # half of the shorter (10) is enough
        ((0, 10), (6, 1000), False),
        ((10, 20), (0, 100), True),  # contained
        ((0, 100), (100, 200), False),  # touching, no shared character
    ],
)
def test_spans_match_by_half_of_the_shorter(
    a: tuple[int, int], b: tuple[int, int], match: bool
) -> None:
    assert spans_match(a, b) is match
    assert spans_match(b, a) is match


@pytest.mark.parametrize(
    ("output", "gold", "match"),
    [
        (BLINKEN_J, G_BLINKEN, True),
        (MILLER, G_BLINKEN, False),
        (STATE_DEPT, G_BLINKEN, False),  # a person speaker needs the person
        (None, G_BLINKEN, False),
        (ARMGOV, G_ARMGOV, True),  # org: same country and sector
        (actor("Government of Armenia", ORG, None), G_ARMGOV, True),  # org: same name
        (actor("Armenian parliament", ORG, "ARM", "LEG"), G_ARMGOV, False),
        (PASHINYAN, G_ARMGOV, False),  # org wanted, person given
        (
            actor("Armenpress", ORG, "ARM", "JRN"),
            gold_actor("ap", "Armenpress", ORG, "ARM", "MED"),
            True,
        ),
        (
            actor("Public TV", ORG, "ARM", "JRN"),
            gold_actor("ap", "Armenpress", ORG, "ARM", "MED"),
            True,
        ),  # PLOVER's JRN is CAMEO's MED
        (
            actor("Public TV", ORG, "ARM", "GOV"),
            gold_actor("ap", "Armenpress", ORG, "ARM", "MED"),
            False,
        ),
        (ARMENIA, G_ARM, True),
    ],
)
def test_speaker_matching(output: Actor | None, gold: GoldActor, match: bool) -> None:
    assert speaker_matches(output, gold) is match


@pytest.mark.parametrize(
    ("output", "gold", "match"),
    [
        (BLINKEN_NO_COUNTRY, G_BLINKEN, True),
        (STATE_DEPT, G_BLINKEN, False),
        (MILLER, G_BLINKEN, False),
        (ARMGOV, G_ARMGOV, True),
        (PASHINYAN, G_ARMGOV, True),  # others: country and sector only
        (ARMENIA, G_ARMGOV, False),
        (ARMENIA, G_ARM, True),
    ],
)
def test_mention_actor_matching(output: Actor, gold: GoldActor, match: bool) -> None:
    assert mention_actor_matches(output, gold) is match


def gold_article(
    events: tuple[GoldEvent, ...] = (), quotes: tuple[GoldQuote, ...] = ()
) -> GoldArticle:
    return GoldArticle(
        path="gold/seed-000.json",
        doc_id="seed-000",
        file="a.txt",
        published=None,
        outlet=None,
        actors=(),
        mentions=(),
        events=events,
        quotes=quotes,
    )


def test_multi_target_gold_event_is_one_dyad_per_target() -> None:
    g_aze = gold_actor("AZE", "AZE", COUNTRY, "AZE")
    gold = gold_article((gold_event(targets=(G_ARM, g_aze), types=("SUPPORT",), date=None),))
    out = [event(targets=(ARMENIA,), type="SUPPORT")]

    result = score_events(gold, out, MatchMode.COUNTRY_SECTOR)

    assert (result.score.found, result.score.required) == (1, 2)
    assert (result.score.correct, result.score.output) == (1, 1)
    assert [(m.gold_id, m.source, m.target) for m in result.misses] == [
        ("e1", "antony-blinken", "AZE")
    ]
    assert result.score.recall == 0.5
    assert result.score.precision == 1.0
    assert result.score.f1 == pytest.approx(2 / 3)


def test_optional_gold_events_help_precision_not_recall() -> None:
    gold = gold_article(
        (
            gold_event(date=None),
            gold_event(types=("ACCUSE",), date=None, required=False, event_id="e2"),
        )
    )
    out = [event(type="ACCUSE", event_id="o1"), event(type="THREATEN", event_id="o2")]

    result = score_events(gold, out, MatchMode.PERSON)

    assert result.score == type(result.score)(found=0, required=1, correct=1, output=2)
    assert [m.gold_id for m in result.misses] == ["e1"]
    assert [(f.event_id, f.type, f.source, f.target) for f in result.false_positives] == [
        ("o2", "THREATEN", "Antony Blinken", "Nikol Pashinyan")
    ]


def test_score_events_lists_which_output_event_matched_which_gold_dyad() -> None:
    g_aze = gold_actor("AZE", "AZE", COUNTRY, "AZE")
    gold = gold_article(
        (
            gold_event(targets=(G_ARM, g_aze), types=("SUPPORT",), date=None),
            gold_event(types=("ACCUSE",), date=None, required=False, event_id="e2"),
            gold_event(types=("REJECT",), date=None, event_id="e3"),
        )
    )
    azerbaijan = actor("Azerbaijan", COUNTRY, "AZE")
    armenia_again = actor("Republic of Armenia", COUNTRY, "ARM")  # the same gold dyad twice
    out = [
        replace(event(targets=(ARMENIA, azerbaijan, armenia_again), type="SUPPORT"), story_id="s1"),
        replace(event(targets=(azerbaijan,), type="SUPPORT", event_id="ev2"), story_id="s2"),
        event(type="ACCUSE", event_id="ev3"),  # an optional gold event, in no story
        event(type="THREATEN", event_id="ev4"),  # matches nothing
    ]

    result = score_events(gold, out, MatchMode.COUNTRY_SECTOR)

    assert [(m.gold_id, m.gold_target, m.event_id, m.story_id) for m in result.matches] == [
        ("e1", "ARM", "ev1", "s1"),
        ("e1", "AZE", "ev1", "s1"),
        ("e1", "AZE", "ev2", "s2"),
        ("e2", "nikol-pashinyan", "ev3", None),
    ]
    assert [m.gold_id for m in result.misses] == ["e3"]
    assert [f.event_id for f in result.false_positives] == ["ev4"]


def gold_quote(quote_id: str, span: tuple[int, int], *, required: bool = True) -> GoldQuote:
    return GoldQuote(
        quote_id=quote_id,
        speaker=G_BLINKEN,
        kind=QuoteKind.DIRECT,
        text=f"gold {quote_id}",
        span=span,
        required=required,
    )


def quote(quote_id: str, span: tuple[int, int], speaker: Actor | None = BLINKEN) -> Quote:
    ev = Evidence(doc_id="d", start=span[0], end=span[1], text=f"output {quote_id}")
    return Quote(quote_id=quote_id, evidence=ev, kind=QuoteKind.DIRECT, speaker=speaker)


@pytest.mark.parametrize(
    ("first_span", "found", "correct"),
    [((50, 150), 1, 2), ((51, 151), 0, 1)],
    ids=["exactly half the shorter span", "just below half"],
)
def test_optional_gold_quote_counts_for_precision_only(
    first_span: tuple[int, int], found: int, correct: int
) -> None:
    gold = gold_article(
        quotes=(gold_quote("q1", (0, 100)), gold_quote("q2", (200, 300), required=False))
    )
    out = [quote("o1", first_span), quote("o2", (210, 290)), quote("o3", (400, 450))]

    result = score_quotes(gold, out)

    assert (result.score.found, result.score.required) == (found, 1)
    assert (result.score.correct, result.score.output) == (correct, 3)
    assert [f.quote_id for f in result.false_positives] == ["o1", "o3"][found:]
    assert [m.gold_id for m in result.misses] == ["q1"][: 1 - found]


def test_attribution_uses_the_best_overlapping_quote() -> None:
    gold = gold_article(quotes=(gold_quote("q1", (0, 100)),))
    out = [quote("small", (40, 50), BLINKEN), quote("big", (0, 90), MILLER)]

    result = score_quotes(gold, out)

    assert (result.attribution.hits, result.attribution.total) == (0, 1)
    assert (result.kind_agreement.hits, result.kind_agreement.total) == (1, 1)
    assert [(w.gold_id, w.gold_speaker, w.output_speaker) for w in result.wrong_attributions] == [
        ("q1", "antony-blinken", "Matthew Miller")
    ]
