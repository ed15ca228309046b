"""GET /api/quotes over the examples."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import everything, ok

pytestmark = pytest.mark.slow


def test_quotes_are_contract_records_with_offsets_into_their_article(client: TestClient) -> None:
    quotes = everything(client, "/api/quotes")

    assert len(quotes) > 20
    texts = {
        a["doc_id"]: ok(client.get(f"/api/articles/{a['doc_id']}"))["text"]
        for a in everything(client, "/api/articles")
    }
    for q in quotes:
        assert texts[q["doc_id"]][q["start"] : q["end"]] == q["text"]
        assert q["kind"] in ("direct", "indirect")


def test_kind_filter_splits_the_quotes(client: TestClient) -> None:
    everyone = everything(client, "/api/quotes")

    direct = everything(client, "/api/quotes", kind="direct")
    indirect = everything(client, "/api/quotes", kind="indirect")

    assert direct and indirect
    assert {q["kind"] for q in direct} == {"direct"}
    assert {q["kind"] for q in indirect} == {"indirect"}
    assert len(direct) + len(indirect) == len(everyone)
    # Borrell's split quote in the Ohrid article (04) is quoted word for word.
    assert any(
        q["speaker"]
        and q["speaker"]["name"] == "Josep Borrell"
        and q["file"] == "04_ohrid_annex.txt"
        for q in direct
    )


def test_speaker_country_and_article_filters(client: TestClient) -> None:
    borrell = everything(client, "/api/quotes", speaker="borrell")
    kosovars = everything(client, "/api/quotes", country="XKX")
    doc_id = borrell[0]["doc_id"]
    in_doc = everything(client, "/api/quotes", doc_id=doc_id)

    assert borrell and all(q["speaker"]["name"] == "Josep Borrell" for q in borrell)
    assert kosovars and all(q["speaker"]["country"] == "XKX" for q in kosovars)
    assert "Albin Kurti" in {q["speaker"]["name"] for q in kosovars}
    assert in_doc and all(q["doc_id"] == doc_id for q in in_doc)
    both = everything(client, "/api/quotes", speaker="borrell", doc_id=doc_id, kind="direct")
    assert both == [q for q in in_doc if q in borrell and q["kind"] == "direct"]


def test_quote_pages_add_up(client: TestClient) -> None:
    whole = everything(client, "/api/quotes")

    first = ok(client.get("/api/quotes", params={"limit": 10}))
    second = ok(client.get("/api/quotes", params={"limit": 10, "offset": 10}))

    assert first["total"] == second["total"] == len(whole)
    assert first["items"] + second["items"] == whole[:20]
