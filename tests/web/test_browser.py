"""The pages in a real browser (Debian's headless Chromium via Playwright), served by
uvicorn over the examples and a hostile article: what is shown, filters, links,
the network drawing, and that article text never runs as markup."""

from __future__ import annotations

import json
import re
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from storyline.store import SQLiteStore
from storyline.stories.timeline import build_timeline
from tests.web.harness import Tab

pytestmark = [pytest.mark.slow, pytest.mark.enable_socket]

HOSTILE_BITS = (
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '<a href="javascript:window.__pwned=3">',
    "</div></td></table>",
    "<!-- a comment -->",
)


def no_errors(tab: Tab, allow: tuple[str, ...] = ()) -> None:
    """Nothing went wrong in the page: no console error, exception or failed request."""
    left = [e for e in tab.errors if not any(a in e for a in allow)]
    assert left == [], left


def api(tab: Tab, path: str) -> dict:
    with urllib.request.urlopen(tab.base + path, timeout=10) as response:
        return json.load(response)


def test_timeline_shows_the_example_stories_in_date_order(tab: Tab, reader: SQLiteStore) -> None:
    response = tab.open("/")
    assert response.status == 200
    expect(tab.page.locator("h1")).to_have_text("Timeline")
    expect(tab.page.locator("nav[aria-label=Main] a[aria-current=page]")).to_have_text("Timeline")
    timeline = build_timeline(reader)
    titles = tab.page.locator("#news li.story summary .title").all_inner_texts()
    assert titles == [e.story.title for e in timeline.news]
    assert len(titles) >= 10
    dates = tab.page.locator("#news li.story summary .when").all_inner_texts()
    assert dates == sorted(dates) and dates[0].startswith("2023-02")
    precisions = set(tab.page.locator("#news .precision").all_text_contents())
    assert precisions <= {"day", "month", "year", "window"} and "day" in precisions
    people = " ".join(tab.page.locator(".participants").all_inner_texts())
    for name in ("Albin Kurti", "Aleksandar Vučić", "Josep Borrell", "NATO"):
        assert name in people
    sources = tab.page.locator("#news .sources").first.inner_text()
    assert re.fullmatch(r"\d+ sources?", sources)
    tab.shot("timeline")
    no_errors(tab)


def test_timeline_filter_form_narrows_the_stories(tab: Tab, reader: SQLiteStore) -> None:
    tab.open("/")
    everything = tab.page.locator("li.story").count()
    tab.page.select_option("select[name=type]", "ACCUSE")
    tab.page.fill("input[name=country]", "xkx")
    tab.page.click("form.filters button[type=submit]")
    tab.page.wait_for_load_state("networkidle")
    query = parse_qs(urlsplit(tab.page.url).query)
    assert query["type"] == ["ACCUSE"] and query["country"] == ["xkx"]
    expected = build_timeline(reader, country="XKX", types=("ACCUSE",))
    shown = tab.page.locator("li.story summary .title").all_inner_texts()
    wanted = [e.story.title for e in (*expected.news, *expected.background, *expected.undated)]
    assert shown == wanted and 0 < len(shown) < everything
    for types in tab.page.locator("li.story summary .meta").all_inner_texts():
        assert "ACCUSE" in types
    expect(tab.page.locator("input[name=country]")).to_have_value("XKX")
    no_errors(tab)


def test_a_story_opens_to_its_sources_and_evidence_which_open_the_article(tab: Tab) -> None:
    tab.open("/?actor=albin-kurti&type=CONSULT")
    story = tab.page.locator("li.story").first
    body = story.locator(".story-body")
    expect(body).to_be_hidden()
    story.locator("summary").click()
    expect(body).to_be_visible()
    outlets = story.locator(".sources-list .outlet").all_inner_texts()
    assert outlets and set(outlets) <= {
        "Europa Union Online",
        "Western Balkans Monitor",
        "Southeast Europe Daily",
        "Balkan Press Service",
        "Euro-Balkan Report",
        "Danube Post",
    }
    evidence = story.locator("blockquote.evidence").first
    said = " ".join(evidence.locator("p").inner_text().split())
    assert "Kurti" in said
    evidence.locator("a.evidence-link").click()
    tab.page.wait_for_load_state("networkidle")
    url = urlsplit(tab.page.url)
    assert url.path.startswith("/articles/") and url.fragment.startswith("c")
    focus = tab.page.locator(".article-text .hl-focus")
    expect(focus.first).to_be_visible()
    assert " ".join("".join(focus.all_text_contents()).split()) == said
    expect(tab.page.locator(f"#{url.fragment}")).to_be_in_viewport()
    tab.shot("article-from-timeline")
    no_errors(tab)


def test_events_table_filters_paginates_and_links_to_the_evidence(tab: Tab) -> None:
    tab.open("/events?size=10")
    rows = tab.page.locator("tr.event-row")
    expect(rows).to_have_count(10)
    first_page = rows.locator("td.evidence").all_inner_texts()
    tab.page.click("a[rel=next]")
    tab.page.wait_for_load_state("networkidle")
    assert "page=2" in tab.page.url
    assert rows.locator("td.evidence").all_inner_texts() != first_page
    tab.open("/events")
    all_rows = rows.count()
    tab.page.select_option("select[name=type]", "ASSAULT")
    tab.page.click("form.filters button[type=submit]")
    tab.page.wait_for_load_state("networkidle")
    types = [rows.nth(i).get_attribute("data-type") for i in range(rows.count())]
    assert types and set(types) == {"ASSAULT"} and len(types) < all_rows
    assert "Zvečan" in " ".join(rows.locator("td").all_inner_texts())
    tab.shot("events")
    said = rows.first.locator("td.evidence a").inner_text()
    rows.first.locator("td.evidence a").click()
    tab.page.wait_for_load_state("networkidle")
    focus = "".join(tab.page.locator(".article-text .hl-focus").all_text_contents())
    assert focus.startswith(said.rstrip("…").rstrip(".")[:60])
    tab.shot("article-from-events")
    no_errors(tab)


def test_quotes_table_filters_by_kind_and_speaker(tab: Tab) -> None:
    tab.open("/quotes")
    total = tab.page.locator("tr.quote-row").count()
    tab.page.select_option("select[name=kind]", "direct")
    tab.page.click("form.filters button[type=submit]")
    tab.page.wait_for_load_state("networkidle")
    rows = tab.page.locator("tr.quote-row")
    kinds = {rows.nth(i).get_attribute("data-kind") for i in range(rows.count())}
    assert kinds == {"direct"} and rows.count() < total
    tab.page.fill("input[name=speaker]", "Borrell")
    tab.page.click("form.filters button[type=submit]")
    tab.page.wait_for_load_state("networkidle")
    speakers = rows.locator("td.speaker").all_inner_texts()
    assert speakers and all("Josep Borrell" in s for s in speakers)
    tab.shot("quotes")
    no_errors(tab)


def test_network_draws_actors_and_links_and_a_click_filters_to_an_actor(tab: Tab) -> None:
    tab.open("/network")
    expect(tab.page.locator("#network")).to_have_attribute("data-ready", "true")
    data = api(tab, "/api/network?merge_governments=true")  # the page merges them
    nodes = tab.page.locator("#network-svg a.node")
    edges = tab.page.locator("#network-svg path.edge")
    expect(nodes).to_have_count(len(data["nodes"]))
    expect(edges).to_have_count(len(data["edges"]))
    assert len(data["nodes"]) > 5 and len(data["edges"]) > 5
    labels = nodes.locator("text").all_text_contents()
    assert {"Albin Kurti", "Aleksandar Vučić"} <= set(labels)
    quads = {e["quad"] for e in data["edges"]}
    for quad in quads - {None}:
        assert tab.page.locator(f"path.edge.quad-{quad}").count() > 0
    widths = {
        float(w) for w in edges.evaluate_all("es => es.map(e => e.getAttribute('stroke-width'))")
    }
    assert len(widths) > 1  # width follows the number of events
    legend = tab.page.locator("aside.legend").inner_text()
    for words in ("verbal cooperation", "material conflict", "dashed"):
        assert words in legend
    tab.shot("network")

    tab.page.locator('#network-svg a.node[data-id="albin-kurti"] circle').click()
    tab.page.wait_for_load_state("networkidle")
    assert parse_qs(urlsplit(tab.page.url).query)["actor"] == ["albin-kurti"]
    expect(tab.page.locator("#network")).to_have_attribute("data-ready", "true")
    expect(tab.page.locator("input[name=actor]")).to_have_value("albin-kurti")
    expect(tab.page.locator("a.node.selected")).to_have_attribute("data-id", "albin-kurti")
    mine = api(tab, "/api/network?actor=albin-kurti&merge_governments=true")
    expect(edges).to_have_count(len(mine["edges"]))
    assert 0 < len(mine["edges"]) < len(data["edges"])
    chosen = tab.page.locator("p.chosen")
    expect(chosen).to_contain_text("Albin Kurti")
    chosen.get_by_role("link", name="timeline").click()
    tab.page.wait_for_load_state("networkidle")
    assert urlsplit(tab.page.url).path == "/"
    people = tab.page.locator(".participants").all_inner_texts()
    assert people and all("Albin Kurti" in p for p in people)
    no_errors(tab)


def test_article_view_highlights_what_was_found_and_lists_it(tab: Tab) -> None:
    tab.open("/articles")
    tab.page.get_by_role("link", name="Kosovo and Serbia agree on implementation annex").click()
    tab.page.wait_for_load_state("networkidle")
    expect(tab.page.locator("h1")).to_have_text(
        "Kosovo and Serbia agree on implementation annex in Ohrid"
    )
    expect(tab.page.locator("dd.outlet")).to_have_text("Balkan Press Service")
    for kind in ("actor", "quote", "event"):
        assert tab.page.locator(f".article-text .hl-{kind}").count() > 0, kind
    actors = tab.page.locator(".found-actors li").all_inner_texts()
    assert any("Josep Borrell" in a for a in actors)
    link = tab.page.locator(".found-quotes a").first
    target = link.get_attribute("href")
    assert target and target.startswith("#c")
    link.click()
    expect(tab.page.locator(target)).to_have_class(re.compile(r"\bhl-quote\b"))
    expect(tab.page.locator(target)).to_be_in_viewport()
    tab.shot("article")
    no_errors(tab)


def test_hostile_article_shows_its_markup_as_text_and_runs_nothing(
    tab: Tab, hostile_id: str, reader: SQLiteStore
) -> None:
    article = reader.article(hostile_id)
    assert article is not None
    tab.open(f"/articles/{hostile_id}")
    page = tab.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    text = page.locator("#article-text")
    assert text.text_content() == article.text  # every character, in order, as text
    shown = text.inner_text()
    for bit in HOSTILE_BITS:
        assert bit in shown
    expect(page.locator("h1")).to_have_text(
        "Kurti meets Lajčák <script>window.__pwned = 4</script> in Pristina"
    )
    expect(page.locator("dd.outlet")).to_have_text("Hostile <i>Markup</i> Review")
    expect(page.locator("main img, main iframe, main b, main i")).to_have_count(0)
    assert page.locator("a[href^='javascript']").count() == 0
    scripts = page.locator("script").evaluate_all("s => s.map(e => e.getAttribute('src'))")
    assert scripts == ["/static/app.js"]
    # The page's structure is intact: the text box, the side list and the footer stand
    # where the template put them, whatever closing tags the text holds.
    expect(page.locator(".article-layout > #article-text")).to_have_count(1)
    expect(page.locator(".article-layout > aside.found")).to_be_visible()
    expect(page.locator("body > footer.bottom")).to_have_count(1)
    assert page.locator(".found-events li").count() >= 1
    assert page.locator(".article-text .hl-actor").count() >= 1
    tab.shot("hostile-article")
    for path in ("/?since=2023-06", "/events?since=2023-06", "/quotes?since=2023", "/articles"):
        tab.open(path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("main img, main iframe, a[href^='javascript']").count() == 0
    tab.open("/quotes?size=200")
    assert "<iframe" in page.locator("table.quotes").inner_text()
    tab.open("/?since=2023-06")
    page.get_by_role("button", name="Open all").click()
    bodies = page.locator("li.story .story-body").all_inner_texts()
    assert any("<b>any</b>" in body for body in bodies)  # the evidence, as text
    assert any("</table>" in body for body in bodies)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    no_errors(tab)


def test_bad_filter_values_show_a_message_not_a_traceback(tab: Tab) -> None:
    response = tab.open("/events?since=2023-13-45")
    assert response.status == 422
    alert = tab.page.get_by_role("alert")
    expect(alert).to_contain_text("since: '2023-13-45' is not a date")
    expect(tab.page.locator("table")).to_have_count(0)
    expect(tab.page.locator("input[name=since]")).to_have_value("2023-13-45")
    response = tab.open("/network?until=soon")
    assert response.status == 422
    expect(tab.page.get_by_role("alert")).to_contain_text("until: 'soon' is not a date")
    response = tab.open("/articles/no-such-article")
    assert response.status == 404
    expect(tab.page.locator("h1")).to_have_text("Article not found")
    tab.shot("bad-date")
    no_errors(tab, allow=("status of 422", "status of 404"))
