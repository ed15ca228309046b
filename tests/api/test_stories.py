"""GET /api/stories, /api/stories/{story_id} and /api/timeline over the examples."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import error, everything, ok

pytestmark = pytest.mark.slow


PARTS = ("news", "background", "undated")


def timeline_ids(client: TestClient, **params: object) -> set[str]:
    groups = ok(client.get("/api/timeline", params={**params, "limit": 500}))
    return {s["story_id"] for part in PARTS for s in groups[part]}


def timeline_pages(client: TestClient, limit: int, **params: object) -> list[dict]:
    """Every page of the timeline, following each page's `next` cursor."""
    pages = [ok(client.get("/api/timeline", params={**params, "limit": limit}))]
    while pages[-1]["next"]:
        after = pages[-1]["next"]
        pages.append(
            ok(client.get("/api/timeline", params={**params, "limit": limit, "after": after}))
        )
    return pages


def test_stories_are_enriched_records_in_date_order(client: TestClient) -> None:
    stories = everything(client, "/api/stories")

    assert len(stories) > 5
    dated = [s["date"] for s in stories if s["date"]]
    assert dated == sorted(dated)
    for s in stories:
        assert {"precision", "date_window", "outlets", "sources", "contested", "historical"} <= set(
            s
        )
        assert s["sources"] >= 1 and s["outlets"]
        assert [p["actor_id"] for p in s["participants"]]
    [ohrid] = [s for s in stories if s["title"] == "Vučić meets Kurti in Ohrid"]
    assert ohrid["date"] == "2023-03-18" and ohrid["precision"] == "day"
    assert ohrid["date_window"] == ["2023-03-18", "2023-03-18"]
    assert ohrid["types"] == ["CONSULT"]
    # the two leaders, and the host who received them
    assert {p["name"] for p in ohrid["participants"]} == {
        "Aleksandar Vučić",
        "Albin Kurti",
        "Dimitar Kovačevski",
    }


def test_story_filters_agree_with_the_timeline(client: TestClient) -> None:
    for params in (
        {},
        {"actor": "kurti"},
        {"country": "DEU"},
        {"type": "ASSAULT"},
        {"since": "2023-03", "until": "2023-03-31"},
    ):
        listed = {s["story_id"] for s in everything(client, "/api/stories", **params)}
        assert listed == timeline_ids(client, **params), params


def test_story_filters_keep_matching_stories(client: TestClient) -> None:
    kurti = everything(client, "/api/stories", actor="kurti")
    assaults = everything(client, "/api/stories", type="assault")
    march = everything(client, "/api/stories", since="2023-03", until="2023-03")

    assert kurti and all("Albin Kurti" in {p["name"] for p in s["participants"]} for s in kurti)
    assert assaults and all("ASSAULT" in s["types"] for s in assaults)
    assert "2023-05-29" in {s["date"] for s in assaults}  # the Zvečan clashes
    assert march and all(s["date"].startswith("2023-03") for s in march)
    everyone = everything(client, "/api/stories")
    assert len(march) == sum(bool(s["date"]) and s["date"].startswith("2023-03") for s in everyone)


def test_story_view_has_its_events_and_articles(client: TestClient) -> None:
    listed = next(s for s in everything(client, "/api/stories") if s["title"].startswith("Vučić"))

    view = ok(client.get(f"/api/stories/{listed['story_id']}"))

    assert {k: v for k, v in view.items() if k not in ("events", "articles")} == listed
    assert [e["event_id"] for e in view["events"]] == listed["event_ids"]
    assert all(e["story_id"] == listed["story_id"] for e in view["events"])
    assert [a["doc_id"] for a in view["articles"]] == listed["doc_ids"]
    assert view["articles"][0]["outlet"] in listed["outlets"]
    events = everything(client, "/api/events", story_id=listed["story_id"])
    assert sorted(view["events"], key=lambda e: e["event_id"]) == sorted(
        events, key=lambda e: e["event_id"]
    )


def test_unknown_story_is_a_404(client: TestClient) -> None:
    assert error(client.get("/api/stories/s-nope"), 404) == "no story with id 's-nope'"


def test_timeline_groups_news_background_and_undated(client: TestClient) -> None:
    groups = ok(client.get("/api/timeline", params={"limit": 500}))

    assert set(groups) == {*PARTS, "total", "counts", "limit", "offset", "next"}
    assert groups["next"] is None and groups["counts"] == {p: len(groups[p]) for p in PARTS}
    news = groups["news"]
    assert news and [s["date"] for s in news] == sorted(s["date"] for s in news)
    assert all(not s["historical"] for s in news)
    assert all(s["historical"] for s in groups["background"])
    assert all(s["date"] is None for s in groups["undated"])
    total = sum(len(groups[part]) for part in PARTS)
    assert total == groups["total"] == ok(client.get("/api/stories"))["total"]
    zvecan = [s for s in news if "ASSAULT" in s["types"] and s["date"] == "2023-05-29"]
    assert zvecan and all(s["outlets"] == ["Danube Post"] for s in zvecan)
    for s in news:
        assert s["evidence"] and all(ev["text"] for ev in s["evidence"])


def test_timeline_filters(client: TestClient) -> None:
    groups = ok(client.get("/api/timeline", params={"actor": "Vučić", "until": "2023-02"}))

    stories = groups["news"] + groups["background"]
    assert stories and groups["undated"] == []
    for s in stories:
        assert s["date"][:7] <= "2023-02"
        assert "Aleksandar Vučić" in {p["name"] for p in s["participants"]}


@pytest.mark.parametrize("params", [{}, {"actor": "kurti"}, {"type": ["CONSULT", "ACCUSE"]}])
def test_story_pages_by_cursor_and_offset_lose_and_repeat_nothing(
    client: TestClient, params: dict
) -> None:
    everyone = [s["story_id"] for s in everything(client, "/api/stories", **params)]
    by_cursor: list[str] = []
    page = ok(client.get("/api/stories", params={**params, "limit": 4}))
    while True:
        assert len(page["items"]) <= 4 and page["total"] == len(everyone)
        by_cursor += [s["story_id"] for s in page["items"]]
        if not page["next"]:
            break
        page = ok(client.get("/api/stories", params={**params, "limit": 4, "after": page["next"]}))
    by_offset = [
        s["story_id"]
        for offset in range(0, len(everyone), 3)
        for s in ok(client.get("/api/stories", params={**params, "limit": 3, "offset": offset}))[
            "items"
        ]
    ]

    assert len(everyone) > 4
    assert by_cursor == everyone and by_offset == everyone


def test_timeline_pages_are_the_timeline_cut_in_order(client: TestClient) -> None:
    whole = ok(client.get("/api/timeline", params={"limit": 500}))
    pages = timeline_pages(client, 3)

    assert len(pages) > 2 and all(len(p[part]) <= 3 for p in pages for part in PARTS[:1])
    for part in PARTS:
        assert [s for p in pages for s in p[part]] == whole[part]
    assert all(p["total"] == whole["total"] and p["counts"] == whole["counts"] for p in pages)
    assert all(sum(len(p[part]) for part in PARTS) == 3 for p in pages[:-1])


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/stories?after=bogus", "after: 'bogus' is not a page cursor"),
        ("/api/timeline?after=bogus", "after: 'bogus' is not a page cursor"),
        ("/api/timeline?limit=100000", "limit 100000 is larger than the maximum page size 500"),
    ],
)
def test_bad_paging_is_refused(client: TestClient, path: str, message: str) -> None:
    response = client.get(path)
    assert response.status_code in (400, 422)
    assert error(response, response.status_code).startswith(message)
