"""The network page in Chromium: names open the actor as circles do, a link lists the
events on it with their evidence linking to the article, and a country and its
government are one node unless "show governments apart" is ticked."""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.web.harness import Tab

pytestmark = [pytest.mark.slow, pytest.mark.enable_socket]


def api(tab: Tab, path: str) -> dict:
    with urllib.request.urlopen(tab.base + path, timeout=10) as response:
        return json.load(response)


def drawn(tab: Tab, path: str = "/network") -> None:
    tab.open(path)
    expect(tab.page.locator("#network")).to_have_attribute("data-ready", "true")


def test_clicking_a_name_opens_the_actor_like_its_circle(tab: Tab) -> None:
    drawn(tab)
    tab.page.locator('#network-svg a.node[data-id="aleksandar-vucic"] text').click()
    tab.page.wait_for_load_state("networkidle")
    assert parse_qs(urlsplit(tab.page.url).query)["actor"] == ["aleksandar-vucic"]
    expect(tab.page.locator("#network")).to_have_attribute("data-ready", "true")
    expect(tab.page.locator("a.node.selected")).to_have_attribute("data-id", "aleksandar-vucic")
    expect(tab.page.locator("p.chosen")).to_contain_text("Aleksandar Vučić")
    label = tab.page.locator('#network-svg a.node[data-id="albin-kurti"] text')
    assert label.evaluate("t => getComputedStyle(t).pointerEvents") != "none"
    assert tab.errors == []


def test_clicking_a_link_lists_its_events_with_the_evidence(tab: Tab) -> None:
    drawn(tab, "/network?actor=Kurti")
    pair = ("albin-kurti", "aleksandar-vucic")
    edge = next(
        e
        for e in api(tab, "/api/network?actor=Kurti&merge_governments=true")["edges"]
        if (e["source"], e["target"]) == pair
    )
    panel = tab.page.locator("#link-events")
    expect(panel).to_be_hidden()
    hit = tab.page.locator(f'path.edge-hit[data-source="{pair[0]}"][data-target="{pair[1]}"]')
    hit.dispatch_event("click")
    expect(panel).to_have_attribute("data-ready", "true")
    expect(panel.locator("h2")).to_have_text("Albin Kurti — Aleksandar Vučić")
    expect(panel.locator("li.link-event")).to_have_count(min(edge["count"], 20))
    expect(panel.locator(".link-status")).to_contain_text(f"{edge['count']} event")
    first = panel.locator("li.link-event").first
    assert "Albin Kurti" in first.inner_text() and "Aleksandar Vučić" in first.inner_text()
    evidence = first.locator("a.evidence-link")
    quoted = evidence.inner_text()
    assert len(quoted) > 20
    evidence.click()
    tab.page.wait_for_load_state("networkidle")
    assert urlsplit(tab.page.url).path.startswith("/articles/")
    focus = tab.page.locator(".hl-focus").first
    expect(focus).to_be_visible()
    assert focus.inner_text().split()[0] in quoted
    assert tab.errors == []


def test_the_links_table_opens_the_same_events(tab: Tab) -> None:
    drawn(tab, "/network?actor=Kurti")
    tab.page.locator("details.network-table summary").click()
    row = tab.page.locator("#network-rows tr", has_text="Aleksandar Vučić").first
    row.get_by_role("button", name="events").click()
    panel = tab.page.locator("#link-events")
    expect(panel).to_have_attribute("data-ready", "true")
    assert panel.locator("li.link-event").count() >= 1
    assert tab.errors == []


def test_kosovo_and_its_government_are_one_node_unless_shown_apart(tab: Tab) -> None:
    drawn(tab)
    kosovo = tab.page.locator('#network-svg a.node[data-id="XKX"]')
    expect(kosovo).to_have_attribute("data-members", "XKX xkx-gov")
    expect(tab.page.locator('#network-svg a.node[data-id="xkx-gov"]')).to_have_count(0)
    merged = api(tab, "/api/network?merge_governments=true")
    expect(tab.page.locator("#network-svg a.node")).to_have_count(len(merged["nodes"]))

    box = tab.page.get_by_label("show governments apart")
    expect(box).not_to_be_checked()
    box.check()
    expect(tab.page.locator("#network")).to_have_attribute("data-ready", "true")
    apart = api(tab, "/api/network")
    expect(tab.page.locator("#network-svg a.node")).to_have_count(len(apart["nodes"]))
    expect(tab.page.locator('#network-svg a.node[data-id="xkx-gov"]')).to_have_count(1)
    assert parse_qs(urlsplit(tab.page.url).query)["governments"] == ["apart"]
    assert len(apart["nodes"]) > len(merged["nodes"])

    tab.page.locator('#network-svg a.node[data-id="xkx-gov"] circle').click()
    tab.page.wait_for_load_state("networkidle")
    query = parse_qs(urlsplit(tab.page.url).query)
    assert query["actor"] == ["xkx-gov"] and query["governments"] == ["apart"]
    expect(tab.page.get_by_label("show governments apart")).to_be_checked()
    assert tab.errors == []
