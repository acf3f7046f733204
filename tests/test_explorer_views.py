"""The explorer's entity page, graph views and query page in a real headless Chromium against a
real server on 127.0.0.1, with the front-end packages `make install` vendored (YASGUI,
vis-timeline, ECharts, the boundaries): no request leaves 127.0.0.1 and no console error."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT, SEEDS, running_server
from test_browser import ARTIFACTS, CHROMIUM, FLAGS, open_page

VENDOR = ROOT / "api" / "static" / "vendor"
NEEDED = ["yasgui/yasgui.min.js", "vis-timeline/vis-timeline-graph2d.min.js", "echarts/echarts.min.js",
          "geo/44.json", "geo/provinces.json"]
MISSING = [n for n in NEEDED if not (VENDOR / n).is_file()]

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make test-deps installs it)"),
    pytest.mark.skipif(bool(MISSING), reason=f"front-end files not vendored ({', '.join(MISSING)}): "
                       "`make install` needs npm to vendor YASGUI, vis-timeline and ECharts"),
]


def entity_path(iri: str) -> str:
    return "/entities/" + quote(iri.split("/id/", 1)[1], safe="/@")


def official(store, name: str) -> str:
    rows = store.select(f'SELECT ?p WHERE {{ ?p rdfs:label "{name}"@zh ; a kgo:Official }}')
    assert len(rows) == 1, rows
    return rows[0]["p"]


def clean(seen: dict) -> None:
    assert not seen["errors"], seen["errors"]
    assert not seen["outside"], seen["outside"]
    assert not seen["dialogs"], seen["dialogs"]


def test_entity_page_itinerary_days_stops_and_the_map(browser, server, seed_store):
    ARTIFACTS.mkdir(exist_ok=True)
    person = official(seed_store, "庄悦群")
    visits = seed_store.select(f"""SELECT ?v ?date ?place WHERE {{ ?v a kgo:Visit ; kgo:agent <{person}> ;
        kgo:date ?date ; kgo:place/rdfs:label ?place }}""")
    per_day: dict[str, set[str]] = {}
    for v in visits:
        per_day.setdefault(v["date"], set()).add(v["place"])
    page, seen = open_page(browser, server)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + entity_path(person))
    assert page.inner_text("h1") == "庄悦群"
    days = page.locator("#itinerary > li.day")
    assert days.count() == len(per_day) >= 2
    for i in range(days.count()):
        day = days.nth(i)
        date = day.locator(".day-date").inner_text()
        stops = day.locator("li.stop > a:not(.src)").all_inner_texts()
        assert set(stops) == per_day[date] and len(stops) == len(per_day[date]), (date, stops)
    # the article tells 化州市 first on 4月8日 (its headline sentence), so it is the day's first stop
    assert days.nth(0).locator("li.stop > a:not(.src)").first.inner_text() == "化州市"
    # every stop links its source document with the evidence sentence to highlight
    source = days.nth(0).locator("li.stop a.src").first.get_attribute("href")
    assert source.startswith("/documents/001_1e226f55ebd70148") and "?hl=" in source
    # the day axis: one box per dated visit
    page.wait_for_selector("#itinerary-timeline .vis-item.vis-box")
    assert page.locator("#itinerary-timeline .vis-item.vis-box").count() == len(visits)
    assert page.locator("#posts-timeline .vis-item").count() >= 2
    # the map: the counties visited are the ones shaded, from the store's kgo:adminCode
    codes = {r["code"] for r in seed_store.select(f"""SELECT DISTINCT ?code WHERE {{ ?v a kgo:Visit ;
        kgo:agent <{person}> ; kgo:place/(kgo:locatedIn|kgo:parentRegion)* ?r . ?r kgo:adminCode ?code }}""")}
    assert page.evaluate("window.echarts === undefined")  # the map is below the fold: not loaded yet
    page.locator("#map").scroll_into_view_if_needed()
    page.wait_for_function("window.zhkgMap && window.zhkgMap.level === 'county'")
    shaded = set(page.evaluate("zhkgMap.shaded"))
    assert shaded == {c for c in codes if not c.endswith("00")} and {"440902", "440904"} <= shaded
    assert page.evaluate("zhkgMap.chart.getOption().series[0].data.filter(d => d.value > 0).length") == len(shaded)
    assert page.evaluate("zhkgMap.features") > len(shaded)  # the other counties around are drawn too
    page.screenshot(path=str(ARTIFACTS / "entity-itinerary-map.png"), full_page=True)
    page.check("input[name=level][value=province]")
    page.wait_for_function("zhkgMap.level === 'province'")
    assert page.evaluate("zhkgMap.shaded") == ["440000"] and page.evaluate("zhkgMap.features") >= 34
    page.goto(server + entity_path(person) + "?lang=en")
    assert page.locator("h2", has_text="Itinerary").count() == 1
    clean(seen)


@pytest.fixture(scope="module")
def many_days_server(tmp_path_factory):
    """A store holding the first seed page told on six days (three copies moved in time)."""
    from api.config import Settings
    from kg.ingest import ingest_paths
    from kg.store import open_store

    folder = tmp_path_factory.mktemp("days")
    text = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")
    for i, day in enumerate((1, 11, 21)):
        moved = text.replace("4月8日", f"3月{day}日").replace("4月9日", f"3月{day + 1}日")
        (folder / f"copy{i}.txt").write_text(moved, encoding="utf-8")
    path = folder / "kgdata"
    store = open_store(path)
    ingest_paths(store, sorted(folder.glob("copy*.txt")))
    store.close()
    with running_server(Settings(store=path, query_timeout=10.0)) as base:
        yield base


def test_itinerary_lists_the_latest_days_and_the_axis_speaks_chinese(browser, many_days_server, monkeypatch):
    from api import entity_page

    monkeypatch.setattr(entity_page, "ITINERARY_DAYS", 2)  # six days: two listed, four behind a link
    page, seen = open_page(browser, many_days_server)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(many_days_server + "/search?q=庄悦群")
    page.locator("a", has_text="庄悦群").first.click()
    page.wait_for_url("**/entities/**")
    days = page.locator("#itinerary > li.day .day-date").all_inner_texts()
    assert days == ["2026-03-21", "2026-03-22"]
    assert "4" in page.inner_text("#itinerary > li.earlier") and "2026-03-01" in page.inner_text("#itinerary > li.earlier")
    # the day axis keeps every day, labelled in Chinese
    page.wait_for_selector("#itinerary-timeline .vis-item.vis-box")
    page.evaluate("zhkgItinerary.fit({animation: false})")
    axis = " ".join(page.locator("#itinerary-timeline .vis-time-axis .vis-text").all_inner_texts())
    assert "月" in axis or "日" in axis, axis
    assert not any(m in axis for m in ("Jan", "Feb", "Mar", "Apr", "Sun", "Mon")), axis
    # a box of a day not listed opens the whole itinerary at that day
    first = page.evaluate("JSON.parse(document.getElementById('entity-data').textContent).visits[0]")
    assert first["date"] == "2026-03-01"
    page.evaluate(f"zhkgItinerary.setSelection([{first['id']!r}], {{focus: false}})")
    page.evaluate("zhkgItinerary.emit('select', {items: zhkgItinerary.getSelection()})")
    page.wait_for_url("**days=all#day-2026-03-01")
    assert len(page.locator("#itinerary > li.day").all()) == 6
    assert page.locator("#itinerary > li.earlier").count() == 0
    clean(seen)


def _node_on_screen(page, label: str) -> tuple[float, float]:
    """Where the node labelled ``label`` is drawn, in page coordinates, once the view centred on
    it has been drawn: vis-network hit-tests a node by the box of its last drawing, so a click sent
    before that redraw can miss a node the last physics step moved (it did, under CI load)."""
    x, y, hit = page.evaluate("""label => new Promise(done => {
        const id = nodes.get().find(n => n.label === label).id;
        network.once('afterDrawing', () => {
            const dom = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.querySelector('#mynetwork canvas').getBoundingClientRect();
            done([box.left + dom.x, box.top + dom.y, network.getNodeAt(dom) === id]); });
        network.focus(id, {scale: 1.2, animation: false});
        network.redraw(); })""", label)
    assert hit, f"{label} is not the node drawn at its own centre"
    return x, y


def test_graph_first_view_filters_click_and_double_click(browser, server, seed_store):
    from viz.render import build_graph

    page, seen = open_page(browser, server)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + "/graph.html")
    page.wait_for_function("window.zhkgGraph && window.zhkgSettled !== null", timeout=60_000)
    everything = build_graph(seed_store)
    shown = page.evaluate("nodes.length")
    assert 0 < shown < everything.number_of_nodes()   # the busiest officials' network, not everything
    labels = set(page.evaluate("nodes.get().map(n => n.label)"))
    assert {"庄悦群", "王雄飞"} <= labels
    # every node has an edge, every edge a Chinese label
    assert page.evaluate("nodes.get().every(n => edges.get().some(e => e.from === n.id || e.to === n.id))")
    assert set(page.evaluate("edges.get().map(e => e.label)")) <= {"到访", "会见", "投资", "位于"}
    page.screenshot(path=str(ARTIFACTS / "graph-first-view.png"))
    # a class filter hides that class, and nodes left without a visible edge
    page.uncheck("#class-filter input[value=Project]")
    assert page.evaluate("nodes.get({filter: n => !n.hidden && n.cls === 'Project'}).length") == 0
    page.check("#class-filter input[value=Project]")
    # the date slider: only the edges of 2026-04-09 stay
    page.evaluate("""() => { const s = document.getElementById('date-from');
        s.value = [...document.querySelectorAll('#date-filter input')][0].max; s.dispatchEvent(new Event('input')); }""")
    last = page.evaluate("edges.get().flatMap(e => e.dates).sort().pop()")
    visible = page.evaluate("edges.get({filter: e => !e.hidden})")
    assert visible and all(not e["dates"] or last in e["dates"] for e in visible)
    assert page.evaluate("""nodes.get({filter: n => !n.hidden}).every(n =>
        edges.get({filter: e => !e.hidden}).some(e => e.from === n.id || e.to === n.id))""")
    page.screenshot(path=str(ARTIFACTS / "graph-date-filter.png"))
    page.goto(server + "/graph.html")
    page.wait_for_function("window.zhkgGraph && window.zhkgSettled !== null", timeout=60_000)
    # a double-click adds the node's neighbours (茂南区 lies in 茂名市, not in the first view)
    before = page.evaluate("nodes.length")
    x, y = _node_on_screen(page, "茂南区")
    page.mouse.dblclick(x, y)
    page.wait_for_function(f"nodes.length > {before}")
    assert "茂名市" in page.evaluate("nodes.get().map(n => n.label)")
    page.screenshot(path=str(ARTIFACTS / "graph-expanded.png"))
    # a click opens the node's page
    x, y = _node_on_screen(page, "庄悦群")
    page.mouse.click(x, y)
    page.wait_for_url("**/entities/**")
    assert page.inner_text("h1") == "庄悦群"
    clean(seen)


def _run(page, example: str) -> None:
    before = page.evaluate("window.zhkgResponses")
    page.select_option("#ex", label=example)
    page.click(".yasqe_queryButton")
    page.wait_for_function(f"window.zhkgResponses > {before}")
    page.wait_for_timeout(200)


def test_yasgui_runs_select_ask_construct_and_shares_a_link(browser, server, seed_store):
    from api.query_page import EXAMPLES

    page, seen = open_page(browser, server)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + "/sparql", wait_until="load")
    page.wait_for_function("window.zhkgYasgui")
    assert "PREFIX kgo: <https://w3id.org/zhkg/ontology#>" in page.evaluate("zhkgYasgui.getTab().getYasqe().getValue()")
    name = "Visits per person and place"
    _run(page, name)
    from kg.vocab import sparql_prefixes
    expected = len(seed_store.select(sparql_prefixes() + EXAMPLES[name]))
    assert page.evaluate("zhkgYasgui.getTab().getYasr().results.getBindings().length") == expected
    page.wait_for_selector(".yasr table.dataTable tbody tr")
    page.screenshot(path=str(ARTIFACTS / "query-select.png"), full_page=True)
    _run(page, "ASK: did 庄悦群 visit anywhere?")
    assert page.evaluate("zhkgYasgui.getTab().getYasr().results.getBoolean()") is True
    page.wait_for_selector(".yasr .booleanResult", state="attached")
    assert "True" in page.inner_text(".yasr_results")
    page.screenshot(path=str(ARTIFACTS / "query-ask.png"), full_page=True)
    _run(page, "CONSTRUCT: the visits as a graph")
    assert page.evaluate("zhkgYasgui.getTab().getYasr().results.getType()") == "ttl"
    triples = page.evaluate("zhkgYasgui.getTab().getYasr().results.getBindings().length")
    visited = len(seed_store.select("SELECT DISTINCT ?p ?x WHERE { ?p kgo:visited ?x ; rdfs:label ?a . ?x rdfs:label ?b }"))
    assert triples >= min(visited, 50)
    page.screenshot(path=str(ARTIFACTS / "query-construct.png"), full_page=True)
    # the share link opens the same query on a fresh page
    link = page.evaluate("zhkgYasgui.getTab().getShareableLink()")
    assert link.startswith(server + "/sparql#query=")
    other, seen2 = open_page(browser, server)
    other.goto(link, wait_until="load")
    other.wait_for_function("window.zhkgYasgui")
    assert "CONSTRUCT" in other.evaluate("zhkgYasgui.getTab().getYasqe().getValue()")
    clean(seen)
    clean(seen2)


EVIL_PERSON = '<img src=x onerror="window.xss=1">庄悦群'
EVIL_PLACE = '<svg onload="window.xss=2">茂南区</svg>'


def _evil_store(folder: Path) -> Path:
    """The first seed page ingested for real, then two names given markup (as a page naming them
    so would) and every evidence sentence too."""
    from kg.documents import iter_paths
    from kg.ingest import ingest_paths
    from kg.store import open_store

    store = open_store(folder)
    ingest_paths(store, iter_paths([next(SEEDS.glob("001_*"))]))
    for old, new in (("庄悦群", EVIL_PERSON), ("茂南区", EVIL_PLACE)):
        store.update(f"""DELETE {{ GRAPH ?g {{ ?x rdfs:label "{old}"@zh }} }}
            INSERT {{ GRAPH ?g {{ ?x rdfs:label '''{new}'''@zh }} }}
            WHERE {{ GRAPH ?g {{ ?x rdfs:label "{old}"@zh }} }}""")
    store.update("""DELETE { GRAPH ?g { ?r kgo:evidence ?e } } INSERT { GRAPH ?g { ?r kgo:evidence ?bad } }
        WHERE { GRAPH ?g { ?r kgo:evidence ?e }
                BIND(CONCAT(?e, "<img src=y onerror=\\"window.xss=3\\">") AS ?bad) }""")
    store.close()
    return folder


def test_markup_in_names_stays_text_in_the_page_the_tooltips_the_map_and_the_graph(browser, tmp_path):
    from api.config import Settings

    with running_server(Settings(store=_evil_store(tmp_path / "kgdata"))) as base:
        page, seen = open_page(browser, base)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(base + "/entities/" + quote("person/庄悦群@440000", safe="/@"))
        assert page.inner_text("h1") == EVIL_PERSON
        assert EVIL_PLACE in page.inner_text("#itinerary")
        # the day axis: a box's text and its tooltip
        box = page.locator("#itinerary-timeline .vis-item.vis-box", has_text="茂南区").first
        assert box.text_content() == EVIL_PLACE
        box.hover()
        tip = page.locator(".vis-tooltip")
        tip.wait_for(state="visible")
        assert EVIL_PLACE in tip.inner_text() and 'window.xss=3' in tip.inner_text()
        # the map's tooltip of 茂南区 names the places visited there
        page.locator("#map").scroll_into_view_if_needed()
        page.wait_for_function("window.zhkgMap && zhkgMap.level === 'county'")
        page.evaluate("zhkgMap.chart.dispatchAction({type: 'showTip', seriesIndex: 0, name: '440902'})")
        page.wait_for_function("document.querySelector('#map').innerText.includes('茂南区')")
        assert EVIL_PLACE in page.inner_text("#map")
        page.screenshot(path=str(ARTIFACTS / "xss-entity-page.png"), full_page=True)
        assert page.locator("main img, #map svg, .vis-tooltip img").count() == 0
        # the graph around the person: labels on the canvas, the tooltip as text
        page.goto(base + "/graph.html?focus=" + quote(EVIL_PERSON))
        page.wait_for_function("window.zhkgGraph && window.zhkgSettled !== null", timeout=60_000)
        assert {EVIL_PERSON, EVIL_PLACE} <= set(page.evaluate("nodes.get().map(n => n.label)"))
        x, y = _node_on_screen(page, EVIL_PLACE)
        page.mouse.move(x, y)
        page.locator("div.vis-tooltip").wait_for(state="visible")
        assert EVIL_PLACE in page.inner_text("div.vis-tooltip")
        page.screenshot(path=str(ARTIFACTS / "xss-graph.png"))
        assert page.locator("img, svg").count() == 0
        assert page.evaluate("window.xss") is None
        clean(seen)
