"""The API, the pages and the Python API read the event filters one way: the same values
are refused with the same status and the same reasons, and kept ones mean the same."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from storyline.errors import ConfigError
from storyline.library.filters import event_filter
from storyline.query import EventFilter, FilterError, read_event_filter


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("since=2024-02-30", "since: '2024-02-30' is not a date"),
        ("until=next%20week", "until: 'next week' is not a date"),
        ("country=Norway", "country: 'Norway' is not an ISO 3166 alpha-3 code"),
        ("type=SKIRMISH", "type: unknown PLOVER type 'SKIRMISH'"),
    ],
)
def test_a_value_refused_by_the_api_is_refused_by_the_pages_alike(
    client: TestClient, query: str, reason: str
) -> None:
    api = client.get(f"/api/events?{query}")
    page = client.get(f"/events?{query}")

    assert api.status_code == page.status_code == 422
    assert reason in api.json()["error"]
    assert reason.replace("'", "&#39;") in page.text


def test_every_bad_value_is_named_at_once() -> None:
    with pytest.raises(FilterError) as refused:
        read_event_filter(country="Chile", since="1999-13", types=["ASSAULT", "RIOT"])

    assert [p.split(":")[0] for p in refused.value.problems] == ["type", "country", "since"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            {"country": " npl ", "types": ["assault,protest"], "since": "2015"},
            EventFilter(country="NPL", types=("ASSAULT", "PROTEST"), since="2015"),
        ),
        (
            {"actor": "  ", "country": "", "since": "", "types": ["", " "]},
            EventFilter(),
        ),
        (
            {"actor": "Maoist", "quad": "Material conflict", "until": "2006-11-21"},
            EventFilter(actor="Maoist", quad="material_conflict", until="2006-11-21"),
        ),
    ],
)
def test_kept_values_are_read_the_same_everywhere(values: dict, expected: EventFilter) -> None:
    assert read_event_filter(**values) == expected
    library = {k if k != "types" else "type": v for k, v in values.items()}
    assert event_filter(**library) == expected


def test_the_python_api_names_the_refused_argument_in_one_line() -> None:
    with pytest.raises(ConfigError, match=r"^since: '2010-02-29' is not a date") as refused:
        event_filter(since="2010-02-29")
    assert "\n" not in str(refused.value)


def test_a_blank_date_is_unset_on_a_form_and_refused_by_the_api(client: TestClient) -> None:
    # A form sends its empty fields; the API's schema gives a date a pattern.
    assert client.get("/events?since=&until=").status_code == 200
    refused = client.get("/api/events?until=")
    assert refused.status_code == 422
    assert refused.json()["error"] == "until: '' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"
