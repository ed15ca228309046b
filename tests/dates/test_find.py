"""Finding date expressions in short news passages: exact offsets, resolved values,
expressions the NER misses, durations dropped, and the future read from the verb."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from storyline.dates import DateMention, find_dates
from storyline.dates.vocabulary import NO_PUBLICATION, OTHER_EVENT
from storyline.pipeline import Resources
from storyline.records import DatePrecision, EventDate

pytestmark = pytest.mark.slow

WED = date(2023, 7, 19)  # a Wednesday

Found = tuple[int, int, str, str | None, str | None]


def described(event: EventDate | None) -> str | None:
    """ "day 2023-07-13", "month 2023-06", "year 2020" or "window 2023-07-10..2023-07-16"."""
    if event is None:
        return None
    if event.precision == DatePrecision.WINDOW:
        assert event.window is not None
        return f"window {event.window[0]}..{event.window[1]}"
    return f"{event.precision} {event.value}"


def found(mentions: list[DateMention]) -> list[Found]:
    """Each mention as (start, end, text, resolved date, reason)."""
    return [(m.start, m.end, m.text, described(m.date), m.reason) for m in mentions]


PASSAGES: list[tuple[str, date | None, list[Found]]] = [
    (
        "The ceasefire collapsed on Monday after a six-week lull. Envoys had met in the "
        "month of June and promised a deal before the month was over.",
        WED,
        [
            (27, 33, "Monday", "day 2023-07-17", None),
            (75, 92, "the month of June", "month 2023-06", None),
            (113, 138, "before the month was over", "window 2023-07-19..2023-07-31", None),
        ],
    ),
    (
        "Talks opened on 13 July 2023 in Geneva. A day after, the envoy flew home.",
        WED,
        [
            (16, 28, "13 July 2023", "day 2023-07-13", None),
            (40, 51, "A day after", None, OTHER_EVENT),
        ],
    ),
    (
        "The 33-year-old medic was wounded last week. Her unit has fought in the hills "
        "since the 1990s, two years of it under siege.",
        WED,
        [
            (34, 43, "last week", "window 2023-07-10..2023-07-16", None),
            (84, 93, "the 1990s", "window 1990-01-01..1999-12-31", None),
        ],
    ),
    (
        "Earlier this month, troops crossed the river. Shelling has grown in recent days, "
        "and the decades-long dispute flared again recently.",
        WED,
        [
            (0, 18, "Earlier this month", "window 2023-07-01..2023-07-18", None),
            (65, 79, "in recent days", "window 2023-07-05..2023-07-19", None),
            (123, 131, "recently", "window 2023-07-05..2023-07-19", None),
        ],
    ),
    (
        "Over the weekend, rebels shelled the port. The annual summit, held in 2020, was "
        "cancelled.",
        WED,
        [
            (5, 16, "the weekend", "window 2023-07-15..2023-07-16", None),
            (70, 74, "2020", "year 2020", None),
        ],
    ),
    (
        "The minister will visit the capital on Monday. Aid groups said the past few days "
        "were the worst since late 2022.",
        WED,
        [
            (39, 45, "Monday", "day 2023-07-24", None),  # "will visit": the coming Monday
            (63, 80, "the past few days", "window 2023-07-14..2023-07-19", None),
            (102, 111, "late 2022", "window 2022-09-01..2022-12-31", None),
        ],
    ),
    (
        "Foreign ministers are due to meet on Friday, officials said. They last met on Sept. 14.",
        WED,
        [
            (37, 43, "Friday", "day 2023-07-21", None),  # "are due to meet"
            (78, 86, "Sept. 14", "day 2022-09-14", None),
        ],
    ),
    (
        "Protesters gathered last night. In recent weeks the government has arrested dozens.",
        WED,
        [
            (20, 30, "last night", "day 2023-07-18", None),
            (32, 47, "In recent weeks", "window 2023-06-07..2023-07-19", None),
        ],
    ),
    (
        # published on a Monday, two days into a new year
        "Shelling resumed on Monday, two days after a truce signed on Dec. 30 broke down. "
        "Last year the border stayed quiet.",
        date(2024, 1, 1),
        [
            (20, 26, "Monday", "day 2024-01-01", None),
            (28, 42, "two days after", None, OTHER_EVENT),
            (61, 68, "Dec. 30", "day 2023-12-30", None),
            (81, 90, "Last year", "year 2023", None),
        ],
    ),
    (
        "Clashes broke out in mid-March and again in early July. Both sides blamed each other.",
        WED,
        [
            (21, 30, "mid-March", "window 2023-03-11..2023-03-20", None),
            (44, 54, "early July", "window 2023-07-01..2023-07-10", None),
        ],
    ),
    (
        "Rescue teams worked through the night on February 29 as aftershocks continued. "
        "The quake struck on Tuesday.",
        date(2024, 3, 1),  # a Friday in a leap year
        [
            (41, 52, "February 29", "day 2024-02-29", None),
            (99, 106, "Tuesday", "day 2024-02-27", None),
        ],
    ),
    (
        "The envoys first met on October 10, days after the fighting began.",
        WED,
        [(24, 34, "October 10", "day 2022-10-10", None)],  # the entity ran on to "days"
    ),
    (
        "The council voted on Monday to extend the mission. It first deployed in 1999.",
        None,
        [
            (21, 27, "Monday", None, NO_PUBLICATION),
            (72, 76, "1999", "year 1999", None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), PASSAGES)
def test_dates_in_passages(
    resources: Resources, text: str, published: date | None, expected: list[Found]
) -> None:
    assert found(find_dates(resources.nlp(text), published)) == expected


@pytest.mark.parametrize(("text", "published", "expected"), PASSAGES)
def test_mentions_slice_the_text_in_order_without_overlap(
    resources: Resources, text: str, published: date | None, expected: list[Found]
) -> None:
    mentions = find_dates(resources.nlp(text), published)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in pairwise(mentions))


def test_durations_ages_and_frequencies_are_left_out(resources: Resources) -> None:
    text = (
        "The 33-year-old envoy ended a six-week tour. The decades-long feud, two years of "
        "talks and an annual review all failed."
    )
    assert find_dates(resources.nlp(text), WED) == []


def test_relative_flag_follows_the_publication_date(resources: Resources) -> None:
    text = "Troops withdrew on Monday. The border had been closed since 13 July 2023."
    mentions = find_dates(resources.nlp(text), WED)
    assert [(m.text, m.relative) for m in mentions] == [("Monday", True), ("13 July 2023", False)]


def test_a_date_said_on_a_day_is_not_read_as_future(resources: Resources) -> None:
    text = "The minister said on Monday that talks will resume."
    mentions = find_dates(resources.nlp(text), WED)
    assert found(mentions) == [(21, 27, "Monday", "day 2023-07-17", None)]
