"""GET /api/articles and /api/articles/{doc_id} over the examples."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import error, everything, ok
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

ZVECAN = "06_zvecan_clashes.txt"


def doc_id_of(client: TestClient, file: str) -> str:
    [found] = [a for a in everything(client, "/api/articles") if a["file"] == file]
    return found["doc_id"]


def test_articles_are_the_six_examples_in_publication_order(client: TestClient) -> None:
    page = ok(client.get("/api/articles"))

    assert page["total"] == 6
    assert (page["limit"], page["offset"]) == (50, 0)
    sidecar = [json.loads(line) for line in (EXAMPLES / "metadata.jsonl").read_text().splitlines()]
    assert {a["file"] for a in page["items"]} == {m["file"] for m in sidecar}
    dates = [a["published"] for a in page["items"]]
    assert dates == sorted(dates)
    first = page["items"][0]
    assert first["file"] == "01_brussels_talks_dateline.txt"
    assert first["published"] == "2023-02-28"  # from the dateline
    assert first["n_tokens"] > 100 and first["n_sentences"] > 5 and first["n_mentions"] > 10


def test_article_pages_add_up_to_the_whole_list(client: TestClient) -> None:
    whole = ok(client.get("/api/articles"))["items"]

    pages = [ok(client.get("/api/articles", params={"limit": 4, "offset": o})) for o in (0, 4)]

    assert [p["total"] for p in pages] == [6, 6]
    assert [len(p["items"]) for p in pages] == [4, 2]
    assert pages[0]["items"] + pages[1]["items"] == whole
    beyond = ok(client.get("/api/articles", params={"offset": 10}))
    assert beyond["items"] == [] and beyond["total"] == 6 and beyond["offset"] == 10


def test_articles_filter_by_outlet(client: TestClient) -> None:
    page = ok(client.get("/api/articles", params={"outlet": "Danube"}))

    assert page["total"] == 1
    assert page["items"][0]["file"] == ZVECAN
    assert page["items"][0]["outlet"] == "Danube Post"


def test_article_view_has_the_text_and_every_fact_with_offsets(client: TestClient) -> None:
    doc_id = doc_id_of(client, ZVECAN)

    view = ok(client.get(f"/api/articles/{doc_id}"))

    text = view["text"]
    assert text == (EXAMPLES / ZVECAN).read_text(encoding="utf-8")  # the exact text
    assert (view["doc_id"], view["file"], view["outlet"]) == (doc_id, ZVECAN, "Danube Post")
    for key in ("actor_mentions", "entities", "quotes", "events"):
        assert view[key], f"the Zvečan article has {key}"
    for m in view["actor_mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
        assert {"actor_id", "name", "kind", "country"} <= set(m["actor"])
    for m in view["entities"]:
        assert text[m["start"] : m["end"]] == m["text"]
        assert m["label"]
    for q in view["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        assert q["doc_id"] == doc_id and q["file"] == ZVECAN
    for e in view["events"]:
        ev = e["evidence"]
        # The event's evidence is its sentence; the span may run on over the whitespace
        # after the sentence, the text never does.
        assert text[ev["start"] : ev["end"]].rstrip() == ev["text"]
        assert text.startswith(ev["text"], ev["start"])
        assert e["doc_id"] == doc_id
    assert "ASSAULT" in {e["type"] for e in view["events"]}
    assert "Albin Kurti" in {m["actor"]["name"] for m in view["actor_mentions"]}
    assert "KFOR" in {m["text"] for m in view["entities"]}


def test_article_view_matches_the_filtered_lists(client: TestClient) -> None:
    doc_id = doc_id_of(client, ZVECAN)

    view = ok(client.get(f"/api/articles/{doc_id}"))

    assert view["events"] == everything(client, "/api/events", doc_id=doc_id)
    assert view["quotes"] == everything(client, "/api/quotes", doc_id=doc_id)


def test_unknown_article_is_a_404(client: TestClient) -> None:
    assert error(client.get("/api/articles/no-such-doc"), 404) == "no article with id 'no-such-doc'"
