"""The explorer's search, visits table and document page: over HTTP on a real server on
127.0.0.1 and in a real headless Chromium (no request leaving 127.0.0.1, no console error)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil

import httpx
import pytest

from conftest import ROOT, running_server
from test_browser import ARTIFACTS, CHROMIUM, FLAGS, open_page

def get(*args, **kwargs) -> httpx.Response:
    """A GET that allows for the first request building the search index or the visits table."""
    return httpx.get(*args, **{"timeout": 60, **kwargs})


def post(*args, **kwargs) -> httpx.Response:
    return httpx.post(*args, **{"timeout": 60, **kwargs})


GUANGDONG = "https://w3id.org/zhkg/id/region/440000"
APRIL = ("2026-04-01", "2026-04-30")


def search(base: str, q: str) -> list[dict]:
    r = get(base + "/entities", params={"q": q}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


# -- search -------------------------------------------------------------------------------

def test_search_finds_traditional_inner_parts_pinyin_initials_and_aliases(server):
    first = search(server, "莊悦群")[0]  # traditional 莊 -> simplified 庄
    assert first["label"] == "庄悦群" and first["type"] == "Official"
    assert "市委书记（茂名市）" in first["posts"] and first["region"] == "茂名市" and first["documents"] >= 1
    assert search(server, "悦群")[0]["label"] == "庄悦群"  # not only prefixes
    assert search(server, "電白")[0]["label"] == "电白区"
    assert "中国共产党茂名市委员会" in {h["label"] for h in search(server, "茂名")}  # inside a name
    for spelled in ("zyq", "zhuangyuequn", "yuequn", "Zhuang Yue Qun"):
        assert "庄悦群" in [h["label"] for h in search(server, spelled)[:3]], spelled
    alias = next(h for h in search(server, "茂名市委") if h["label"] == "中国共产党茂名市委员会")
    assert alias["matched"] == "茂名市委"
    assert search(server, "郑晓岚不存在") == []


def test_search_finds_a_name_by_its_other_readings():
    """A surname or place read otherwise than the common word: 曾 zeng (not only ceng), 单 shan,
    朴 piao; pypinyin's own reading first, so its hit ranks as before."""
    from api.search import Entry, SearchIndex

    names = ("曾庆红", "单县", "朴槿惠", "六安市", "庄悦群")
    index = SearchIndex([Entry(f"urn:x:{i}", n, "Official", (), (), "", 1) for i, n in enumerate(names)])
    for spelled, name in (("zengqinghong", "曾庆红"), ("cengqinghong", "曾庆红"), ("shanxian", "单县"),
                          ("danxian", "单县"), ("piaojinhui", "朴槿惠"), ("luan", "六安市"), ("zyq", "庄悦群")):
        assert [h.entry.label for h in index.search(spelled)][:1] == [name], spelled


def test_search_page_keeps_the_query_in_the_url_and_a_browser_is_sent_there(server):
    r = get(server + "/entities", params={"q": "悦群"}, headers={"Accept": "text/html"}, follow_redirects=True)
    assert r.status_code == 200 and str(r.url).endswith("/search?q=%E6%82%A6%E7%BE%A4")
    assert 'value="悦群"' in r.text and ">庄悦群</a>" in r.text and "官员" in r.text
    english = get(server + "/search", params={"q": "悦群", "lang": "en"}).text
    assert "Official" in english and 'lang="en"' in english


def test_the_index_follows_documents_added_through_the_service(tmp_path):
    from api.config import Settings

    text = ("茂名日报\n2026年5月6日\n\n郑晓岚到化州市调研\n\n本报讯 5月6日，市委副书记郑晓岚到化州市调研"
            "乡村振兴工作。郑晓岚来到杨梅镇，了解产业发展情况。\n")
    with running_server(Settings(store=tmp_path / "kgdata", update_token="t0ken")) as base:
        assert search(base, "郑晓岚") == []
        r = post(base + "/documents", params={"name": "zheng.txt"}, content=text.encode(),
                       headers={"Authorization": "Bearer t0ken"}, timeout=120)
        assert r.status_code == 201, r.text
        assert search(base, "zxl")[0]["label"] == "郑晓岚"
        table = get(base + "/visits.csv", params={"person": "郑晓岚"}).text
        assert "化州市" in table and "杨梅镇" in table


# -- visits table -------------------------------------------------------------------------

def expected_rows(seed_store, region: str, since: str, until: str) -> set[tuple[str, str, str]]:
    """(day, person, place) of every visit inside ``region`` in the range, asked of the store."""
    rows = seed_store.select(f"""SELECT DISTINCT ?date ?who ?where WHERE {{
        ?v a kgo:Visit ; kgo:agent ?p ; kgo:place ?x ; kgo:date ?date .
        ?x kgo:locatedIn* <{region}> .
        FILTER(?date >= "{since}"^^xsd:date && ?date <= "{until}"^^xsd:date)
        ?p rdfs:label ?who . ?x rdfs:label ?where }}""")
    return {(r["date"], r["who"], r["where"]) for r in rows}


def test_downloads_hold_exactly_the_filtered_rows(server, seed_store):
    from openpyxl import load_workbook

    params = {"place": "广东省", "from": APRIL[0], "to": APRIL[1]}
    expected = expected_rows(seed_store, GUANGDONG, *APRIL)
    assert len(expected) > 10
    body = get(server + "/visits.csv", params=params).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert {(r["date"], r["person"], r["place"]) for r in rows} == expected and len(rows) == len(expected)
    book = load_workbook(io.BytesIO(get(server + "/visits.xlsx", params=params).content))
    sheet = list(book.active.iter_rows(values_only=True))
    assert [list(map(lambda v: "" if v is None else str(v), r))[:3] for r in sheet[1:]] == \
        [[r["date"], r["type"], r["person"]] for r in rows]
    page = get(server + "/visits", params={**params, "size": 5}, headers={"Accept": "text/html"}).text
    assert re.search(rf'id="total">{len(expected)} ', page) and page.count('class="row"') == 5
    # a province includes its counties; another province's visits are not in it
    assert "化州市" in body and "贵州" not in body


def test_table_sorts_filters_by_confidence_and_type(server):
    def csv_rows(**params) -> list[dict]:
        text = get(server + "/visits.csv", params=params).content.decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text)))

    by_confidence = [float(r["confidence"]) for r in csv_rows(sort="confidence", order="desc")]
    assert by_confidence == sorted(by_confidence, reverse=True) and len(set(by_confidence)) > 1
    sure = csv_rows(min_confidence=0.8)
    assert sure and all(float(r["confidence"]) >= 0.8 for r in sure) and len(sure) < len(by_confidence)
    meetings = csv_rows(type="Meeting")
    assert meetings and {r["type"] for r in meetings} == {"Meeting"}
    assert {r["type"] for r in csv_rows(type="all")} >= {"Visit", "Meeting"}
    dates = [r["date"] for r in csv_rows(sort="date", order="asc", person="庄悦群")]
    assert dates == sorted(dates) and dates[0] == "2026-04-08"
    # the JSON API is unchanged for API clients
    assert isinstance(get(server + "/visits", params={"limit": 2}).json(), list)


def test_table_pages_through_many_rows():
    """100,000 rows: the first page and a far page, each one pass over the pre-sorted rows."""
    from api.visits_table import Column, Filters, Row, VisitsTable

    rows = [Row(f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", "Visit", f"p{i % 500}", f"官员{i % 500}",
                (f"x{i}",), (f"地点{i}",), (), (), (i % 97) / 100, 1, (f"e{i}",), frozenset({f"r{i % 7}"}))
            for i in range(100_000)]
    table = VisitsTable(rows, {"官员7": {"p7"}})
    total, page = table.page(Filters(type="Visit"), Column.DATE, True, 0, 100)
    assert total == 100_000 and len(page) == 100 and page[0].date >= page[-1].date
    wanted = sorted((r for r in rows if r.person == "p7" and r.confidence >= 0.5), key=lambda r: -r.confidence)
    total, page = table.page(Filters(person="官员7", min_confidence=0.5), Column.CONFIDENCE, True, 20, 50)
    assert total == len(wanted) > 70 and len(page) == 50
    assert [r.confidence for r in page] == [r.confidence for r in wanted[20:70]]


# -- document page and errors -------------------------------------------------------------

def test_document_page_shows_the_article_and_highlights_the_sentence(server):
    visit = get(server + "/visits", params={"person": "庄悦群", "limit": 1}).json()[0]
    doc_id = visit["document"].rsplit("/doc/", 1)[1]
    data = get(server + f"/documents/{doc_id}").json()
    assert data["text"] and visit["evidence"] in data["text"] and data["id"] == doc_id
    assert data["source"].endswith(".txt") and any(r["evidence"] == visit["evidence"] for r in data["reports"])
    from api.ui import document_link

    link = document_link(doc_id, visit["evidence"])
    assert len(link) < len(document_link(doc_id)) + 200  # the start and length of the sentence
    page = get(server + link, headers={"Accept": "text/html"}).text
    marked = re.search(r'<mark id="hl">(.*?)</mark>', page, re.S).group(1)
    assert marked == visit["evidence"].replace("\"", "&quot;").replace("'", "&#x27;")


def test_errors_are_pages_for_browsers_and_json_for_api_clients(server):
    html = {"Accept": "text/html,application/xhtml+xml"}
    for path, status in (("/entities/person/无此人", 404), ("/documents/no-such-document", 404),
                         ("/visits?limit=0", 422), ("/nowhere", 404)):
        page = get(server + path, headers=html)
        assert page.status_code == status and page.headers["content-type"].startswith("text/html"), path
        assert f"<h1>{status} · " in page.text and 'id="error"' in page.text
        api = get(server + path)
        assert api.status_code == status and "detail" in api.json(), path
    assert "没有找到" in get(server + "/nowhere", headers=html).text
    assert "Not found" in get(server + "/nowhere?lang=en", headers=html).text
    # a rejected parameter is worded in the page's language, with its limit
    zh = get(server + "/visits?limit=0&from=yesterday", headers=html).text
    assert "参数 limit：应不小于 1" in zh and "参数 from：应为日期（YYYY-MM-DD）" in zh and "Input should" not in zh
    en = get(server + "/visits?limit=0&lang=en", headers=html).text
    assert "query.limit: Input should be greater than or equal to 1" in en
    assert get(server + "/visits?limit=0").json()["detail"][0]["type"] == "greater_than_equal"


@pytest.mark.skipif(not (ROOT / "api/static/vendor/echarts/echarts.min.js").is_file(),
                    reason="front-end files not vendored (`make install` needs npm)")
def test_vendored_files_are_cached_for_a_day_and_our_own_scripts_revalidated(server):
    vendored = get(server + "/static/vendor/echarts/echarts.min.js")
    assert vendored.status_code == 200 and vendored.headers["cache-control"] == "public, max-age=86400"
    own = get(server + "/static/entity.js")
    assert own.status_code == 200 and "cache-control" not in own.headers and own.headers.get("etag")


# -- in the browser -----------------------------------------------------------------------

browser_only = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                  "(make test-deps installs it)")


@browser_only
def test_browser_search_suggests_as_you_type_and_opens_the_entity(browser, server):
    ARTIFACTS.mkdir(exist_ok=True)
    page, seen = open_page(browser, server)
    page.goto(server + "/")
    page.locator("#q").press_sequentially("莊悦群", delay=50)
    page.wait_for_selector("#suggest li")
    assert "庄悦群" in page.inner_text("#suggest li >> nth=0") and "官员" in page.inner_text("#suggest")
    page.screenshot(path=str(ARTIFACTS / "search-suggestions.png"))
    page.press("#q", "Enter")  # no suggestion chosen: the search page, the query in its URL
    page.wait_for_url(re.compile(r"/search\?q="))
    page.screenshot(path=str(ARTIFACTS / "search-results.png"), full_page=True)
    page.click("#hits a >> text=庄悦群")
    page.wait_for_url(re.compile(r"/entities/person/"))
    assert "庄悦群" in page.inner_text("h1")
    page.goto(server + "/search?q=zyq")
    assert "庄悦群" in page.inner_text("#hits")
    assert not seen["errors"], seen["errors"]
    assert not seen["outside"], seen["outside"]


@browser_only
def test_browser_visits_table_region_and_month_downloads_what_it_shows(browser, server, seed_store):
    page, seen = open_page(browser, server)
    page.goto(server + "/visits")
    page.fill("input[name=place]", "广东省")
    page.fill("input[name=from]", APRIL[0])
    page.fill("input[name=to]", APRIL[1])
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"place="))
    page.click("th a[data-sort=person]")
    page.wait_for_url(re.compile(r"sort=person"))
    total = int(page.inner_text("#total").split()[0])
    assert total == len(expected_rows(seed_store, GUANGDONG, *APRIL))
    page.locator("tr.reports summary").first.click()
    page.screenshot(path=str(ARTIFACTS / "visits-table.png"), full_page=True)
    with page.expect_download() as info:
        page.locator("#csv").first.click()
    path = info.value.path()
    rows = list(csv.DictReader(io.StringIO(open(path, encoding="utf-8-sig").read())))
    assert len(rows) == total
    people = [r["person"] for r in rows]
    assert people == sorted(people, reverse=True)  # the order the table shows
    with page.expect_download() as info:
        page.locator("#xlsx").first.click()
    assert info.value.suggested_filename == "visits.xlsx"
    # a report under a row opens its document with the sentence highlighted
    link = page.locator("tr.reports li a").first
    sentence = link.inner_text()
    link.click()
    page.wait_for_selector("mark#hl")
    assert page.inner_text("mark#hl") == sentence
    page.screenshot(path=str(ARTIFACTS / "document-page.png"), full_page=True)
    assert not seen["errors"], seen["errors"]
    assert not seen["outside"], seen["outside"]


EVIL = '<img src=x onerror="alert(1)"><script>alert(2)</script>郑恶意'


def evil_store(path):
    """A store holding one document whose official, place, headline and text carry markup,
    written through the real layout (kg.rdf.to_quads, the store's replace)."""
    from kg.extract.model import DocumentInfo, Entity, EntityType, Event, EventType, Facts
    from kg.rdf import doc_iri, to_quads
    from kg.store import open_store

    sentence = f"5月6日，市委书记{EVIL}到{EVIL}园区调研。"
    facts = Facts(info=DocumentInfo("evil-doc", "evil.txt", f"{EVIL}调研", "茂名日报", dt.date(2026, 5, 6),
                                    None), sentences=[sentence],
                  entities={"person/evil": Entity("person/evil", EntityType.OFFICIAL, EVIL),
                            "place/evil": Entity("place/evil", EntityType.PARK, EVIL + "园区")},
                  events=[Event(EventType.VISIT, "person/evil", ("place/evil",), (), dt.date(2026, 5, 6), 0, 0.9)],
                  extractor="test", text=f"茂名日报\n\n{sentence}\n")
    store = open_store(path)
    store.replace_graph(doc_iri("evil-doc").value, to_quads(facts))
    store.close()


@browser_only
def test_browser_markup_in_labels_stays_text_everywhere(browser, tmp_path):
    from api.config import Settings
    from api.ui import document_link

    evil_store(tmp_path / "kgdata")
    with running_server(Settings(store=tmp_path / "kgdata")) as base:
        page, seen = open_page(browser, base)
        page.goto(base + "/")
        page.locator("#q").press_sequentially("恶意", delay=50)
        page.wait_for_selector("#suggest li")
        assert EVIL in page.inner_text("#suggest")
        page.goto(base + "/search?q=" + "恶意")
        assert EVIL in page.inner_text("#hits")
        page.goto(base + "/visits?type=all")
        assert EVIL in page.inner_text("#visits")
        page.locator("tr.reports summary").first.click()
        page.screenshot(path=str(ARTIFACTS / "visits-table-markup.png"), full_page=True)
        sentence = f"5月6日，市委书记{EVIL}到{EVIL}园区调研。"
        page.goto(base + document_link("evil-doc", sentence))
        assert page.inner_text("mark#hl") == sentence and EVIL in page.inner_text("h1")
        page.screenshot(path=str(ARTIFACTS / "document-markup.png"), full_page=True)
        page.wait_for_timeout(300)
        assert not seen["dialogs"], seen["dialogs"]
        assert page.locator("img").count() == 0
        assert not seen["errors"], seen["errors"]
        assert not seen["outside"], seen["outside"]
    shutil.rmtree(tmp_path / "kgdata", ignore_errors=True)


def test_a_read_only_service_searches_what_a_separate_ingest_adds(tmp_path):
    """The index and the table follow the snapshot a separate ``kg ingest`` publishes."""
    import subprocess
    import sys
    import time

    from conftest import kg_serve

    kg = [sys.executable, "-m", "kg.cli"]
    store = tmp_path / "kgdata"
    pages = {"first.txt": "本报讯 5月3日，云浮市委副书记、市长张三丰到新兴县调研。",
             "second.txt": "本报讯 5月4日，云浮市委书记王五洲到罗定市调研。"}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert subprocess.run([*kg, "ingest", str(tmp_path / "first.txt"), "--store", str(store)],
                          capture_output=True, timeout=300).returncode == 0
    with kg_serve(store) as base:
        assert search(base, "张三丰")[0]["label"] == "张三丰" and search(base, "王五洲") == []
        assert "罗定市" not in get(base + "/visits.csv").text
        assert subprocess.run([*kg, "ingest", str(tmp_path / "second.txt"), "--store", str(store)],
                              capture_output=True, timeout=300).returncode == 0
        deadline = time.monotonic() + 60
        while not search(base, "wwz") and time.monotonic() < deadline:
            time.sleep(0.5)
        assert search(base, "wwz")[0]["label"] == "王五洲"
        # the table is rebuilt apart from the index (and beside its old copy when a rebuild
        # took over a second, api.fresh): it follows within the same deadline
        while "罗定市" not in get(base + "/visits.csv").text and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "罗定市" in get(base + "/visits.csv").text
