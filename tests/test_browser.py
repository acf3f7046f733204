"""The explorer in a real headless Chromium against the API on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import CHROMIUM, FLAGS, running_server  # noqa: F401 (FLAGS: the explorer tests import it here)

ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                "(make test-deps installs it)")


def open_page(browser, base: str):
    """A page that records console errors, dialogs and every request that leaves 127.0.0.1."""
    page = browser.new_page()
    seen = {"errors": [], "outside": [], "dialogs": []}
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith(base) or r.request.url.startswith("data:"):
            r.continue_()
        else:
            seen["outside"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return page, seen


def test_search_entity_page_and_graph(browser, server, seed_store):
    from viz.render import build_graph, focus_graph

    ARTIFACTS.mkdir(exist_ok=True)
    page, seen = open_page(browser, server)
    page.goto(server + "/")
    page.fill("#q", "庄悦群")
    page.press("#q", "Enter")
    page.click("text=庄悦群")
    page.wait_for_selector("#itinerary")
    events = page.locator("li.stop")
    assert events.count() >= 5
    text = page.inner_text("#itinerary")
    assert "2026-04-09" in text and "茂南区" in text and "001_1e226f55ebd70148.txt" in text
    page.wait_for_selector("#itinerary-timeline .vis-item")
    assert page.locator("#itinerary-timeline .vis-item.vis-box").count() >= 5
    page.screenshot(path=str(ARTIFACTS / "entity-page.png"), full_page=True)

    page.click("#graph-link")
    page.wait_for_selector("canvas")
    page.wait_for_function("typeof nodes !== 'undefined' && nodes.length > 0")
    expected = focus_graph(build_graph(seed_store), "庄悦群", 2).number_of_nodes()
    assert page.evaluate("nodes.length") == expected
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "graph.png"))
    assert not seen["errors"], seen["errors"]
    assert not seen["outside"], seen["outside"]


def test_html_in_a_label_renders_as_text(browser, tmp_path):
    from pyoxigraph import Literal, NamedNode, Quad

    from api.config import Settings
    from kg.store import open_store
    from kg.vocab import KGO, KGR, RDF, RDFS

    evil = "<img src=x onerror=alert(1)>有限公司"
    store = open_store(tmp_path / "kgdata")
    g = NamedNode(KGR + "doc/evil")
    node, other = NamedNode(KGR + "org/evil"), NamedNode(KGR + "person/张三")
    store.replace_graph(g.value, [
        Quad(node, NamedNode(RDF + "type"), NamedNode(KGO + "Company"), g),
        Quad(node, NamedNode(RDFS + "label"), Literal(evil, language="zh"), g),
        Quad(other, NamedNode(RDF + "type"), NamedNode(KGO + "Person"), g),
        Quad(other, NamedNode(RDFS + "label"), Literal("张三", language="zh"), g),
        Quad(other, NamedNode(KGO + "visited"), node, g)])
    store.close()
    with running_server(Settings(store=tmp_path / "kgdata")) as base:
        page, seen = open_page(browser, base)
        page.goto(base + "/graph.html")
        page.wait_for_function("typeof nodes !== 'undefined' && nodes.length == 2")
        labels = page.evaluate("nodes.get().map(n => n.label)")
        assert evil in labels
        page.goto(base + "/entities/org/evil", wait_until="load")
        assert evil in page.inner_text("h1")
        page.goto(base + "/")
        page.fill("#q", "<img")
        page.press("#q", "Enter")
        page.wait_for_selector("#hits a")
        page.wait_for_timeout(300)
        assert not seen["dialogs"], seen["dialogs"]
        assert page.locator("img").count() == 0
        assert not seen["outside"], seen["outside"]


def test_visits_network_of_a_region_with_a_date_range(browser, server, seed_store):
    from viz.render import visits_graph

    page, seen = open_page(browser, server)
    page.goto(server + "/graph/visits.html?region=茂名市&from=2026-04-09&to=2026-04-09")
    page.wait_for_function("typeof nodes !== 'undefined' && nodes.length > 0")
    day = dt.date(2026, 4, 9)
    expected = visits_graph(seed_store, "茂名市", day, day)
    assert page.evaluate("nodes.length") == expected.number_of_nodes()
    labels = set(page.evaluate("nodes.get().map(n => n.label)"))
    assert {"王雄飞", "庄悦群", "茂南区"} <= labels and "化州市" not in labels
    # An edge's width is the number of distinct visits: four sentences report 庄悦群's stop
    # in 电白区 on that day, and it is one visit.
    assert set(page.evaluate("edges.get().map(e => e.width)")) == {1}
    page.screenshot(path=str(ARTIFACTS / "visits-network.png"))
    # a file's document id is its name and a hash of its path
    doc = next(g for g in seed_store.graphs() if "/003_83c33189564d1251-" in g).rsplit("/", 1)[-1]
    page.goto(server + "/graph/document.html?doc=" + doc)
    page.wait_for_function("typeof nodes !== 'undefined' && nodes.length > 10")
    assert "李炳军" in page.evaluate("nodes.get().map(n => n.label)")
    assert not seen["errors"] and not seen["outside"]
