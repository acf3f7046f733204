"""What a user sees shows each fact once: the README's examples, the query page's canned
queries and every entity page; visits and posts carry their provenance; documents can be
removed and re-added; the exports round-trip with the same counts."""

from __future__ import annotations

import re
import shlex
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import httpx
import networkx as nx
import pytest
import rdflib

from api.query_page import EXAMPLES
from conftest import ROOT, SEEDS
from kg.vocab import RDF, sparql_prefixes
from test_cli import kg


def _repeats(lines: list) -> list:
    return [line for line, n in Counter(lines).items() if n > 1]


def test_readme_examples_show_no_repeated_row(seed_store_path: Path):
    commands = [shlex.split(m.group(1)) for m in re.finditer(
        r"^\s*\$ \.venv/bin/kg ((?:query|visits) .*?)(?:\s+#.*)?$", (ROOT / "README.md").read_text(), re.M)]
    assert len(commands) >= 2
    for args in commands:
        out = kg(*args, "--store", str(seed_store_path))
        assert out.returncode == 0, out.stderr
        rows = out.stdout.splitlines()[1:]
        assert rows and not _repeats(rows), (args, _repeats(rows))


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_canned_queries_answer_each_fact_once(seed_store, name):
    rows = [tuple(r.values()) for r in seed_store.select(sparql_prefixes() + EXAMPLES[name])]
    assert rows and not _repeats(rows), _repeats(rows)


def test_the_holder_of_a_post_on_a_day(seed_store):
    from kg.queries import post_holders_query

    import datetime as dt

    rows = seed_store.select(post_holders_query("市委书记", "茂名市", dt.date(2026, 4, 9)))
    assert [r["name"] for r in rows] == ["庄悦群"]
    assert seed_store.select(post_holders_query("市委书记", "茂名市", dt.date(2025, 1, 1))) == []


class _Lists(HTMLParser):
    """The text of every <li> per list (<ul> or <ol>, nested ones apart)."""

    def __init__(self) -> None:
        super().__init__()
        self.lists: list[list[str]] = []
        self._open: list[list[str]] = []
        self._items: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self.lists.append([])
            self._open.append(self.lists[-1])
        elif tag == "li":
            self._items.append([])

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self._open:
            self._open.pop()
        elif tag == "li" and self._items and self._open:
            self._open[-1].append("".join(self._items.pop()))

    def handle_data(self, data):
        if self._items:
            self._items[-1].append(data)


def test_every_entity_page_shows_each_fact_once(server, seed_store):
    rows = seed_store.select("""SELECT DISTINCT ?e WHERE { ?e rdfs:label ?l ; a ?t .
        FILTER(?t NOT IN (kgo:Document, kgo:Report, kgo:Post)) }""")
    assert len(rows) > 200
    with httpx.Client(base_url=server, headers={"Accept": "text/html"}, timeout=30) as client:
        for r in rows:
            page = client.get("/entities/" + r["e"].split("/id/", 1)[1])
            assert page.status_code == 200, r["e"]
            parsed = _Lists()
            parsed.feed(page.text)
            for items in parsed.lists:
                assert not _repeats(items), (r["e"], _repeats(items))
            if "›" in page.text:
                crumbs = re.search(r'<p class="above">(.*?)</p>', page.text).group(1)
                names = re.findall(r">([^<]+)</a>", crumbs)
                assert not _repeats(names), (r["e"], names)


def test_entity_page_shows_confidence_reports_and_the_post_then(server):
    hits = httpx.get(server + "/entities", params={"q": "庄悦群"}).json()
    page = httpx.get(server + "/entities/" + hits[0]["id"], params={"lang": "en"},
                     headers={"Accept": "text/html"}).text
    assert "Confidence 0." in page and "Reports 4" in page and 'title="zhkg ' in page
    assert '<span class="then">市人大常委会主任（茂名市）、市委书记（茂名市）</span>' in page
    assert re.search(r'<span class="seen">2026-04-08 – 2026-04-09', page)


def test_a_region_page_lists_its_office_holders_with_their_days(server):
    hits = httpx.get(server + "/entities", params={"q": "茂名市"}).json()
    region = next(h for h in hits if h["label"] == "茂名市")
    page = httpx.get(server + "/entities/" + region["id"], headers={"Accept": "text/html"}).text
    assert re.search(r"市委书记: <a [^>]*>庄悦群</a> <span class=\"seen\">2026-04-08 – 2026-04-09", page)


def test_visits_keep_only_the_confident_ones(server, seed_store_path):
    every = httpx.get(server + "/visits").json()
    sure = httpx.get(server + "/visits", params={"min_confidence": 0.8}).json()
    assert every and sure and len(sure) < len(every)
    assert all(v["confidence"] >= 0.8 for v in sure) and all(v["reports"] >= 1 for v in every)
    assert all(v["extractor"].startswith("zhkg ") for v in every)
    assert len({v["visit"] for v in every}) == len(every)
    assert httpx.get(server + "/visits", params={"min_confidence": 2}).status_code == 422
    cli = kg("visits", "--min-confidence", "0.8", "--format", "json", "--store", str(seed_store_path))
    assert cli.returncode == 0 and len(cli.stdout.split('"person"')) - 1 == len(sure)


def test_remove_and_readd_a_document_through_the_cli(seed_store_path: Path, tmp_path: Path):
    store = tmp_path / "kg"
    shutil.copytree(seed_store_path, store)
    before = sorted(kg("export", "--store", str(store), "--format", "nquads").stdout.splitlines())
    # The entities only this page names (no other page supports their label).
    graphs = kg("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                "--store", str(store)).stdout.split()
    page_iri = next(g for g in graphs if "/doc/002_ade684a7bb80b83c" in g).strip("<>")
    doc_id = page_iri.rsplit("/", 1)[-1]  # the file name and a hash of its path
    page = f"<{page_iri}>"
    only_there = kg("query", f"""SELECT DISTINCT ?e WHERE {{ {page} kgo:supports ?st .
        ?st <{RDF}subject> ?e ; <{RDF}predicate> rdfs:label .
        FILTER NOT EXISTS {{ ?other kgo:supports ?st FILTER(?other != {page}) }} }}""",
                    "--store", str(store)).stdout.splitlines()[1:]
    assert len(only_there) >= 10
    out = kg("remove", doc_id, "--store", str(store))
    assert out.returncode == 0 and "removed 1 document(s)" in out.stdout, out.stderr
    values = " ".join(f"<{e}>" for e in only_there)
    left = kg("query", f"ASK {{ VALUES ?e {{ {values} }} {{ ?e ?p ?o }} UNION {{ ?s ?p ?e }} }}",
              "--store", str(store))
    assert left.stdout.splitlines()[1] == "false"
    missing = kg("remove", "no-such-page", "--store", str(store))
    assert missing.returncode == 1 and "no document 'no-such-page'" in missing.stderr
    assert kg("ingest", str(SEEDS / "002_ade684a7bb80b83c.txt"), "--store", str(store)).returncode == 0
    after = sorted(kg("export", "--store", str(store), "--format", "nquads").stdout.splitlines())
    assert after == before


@pytest.mark.parametrize("fmt,rdflib_format", [("turtle", "turtle"), ("trig", "trig"),
                                               ("nquads", "nquads"), ("jsonld", "json-ld")])
def test_exports_round_trip_with_the_same_counts(seed_store, fmt, rdflib_format):
    ds = rdflib.Dataset()
    ds.parse(data=seed_store.dump(fmt), format=rdflib_format)
    quads = sum(1 for _ in ds.quads((None, None, None, None)))
    # Every triple is stored once, so the union has as many triples as the store has quads.
    assert quads == len(seed_store)
    visits = ds.query("SELECT (COUNT(DISTINCT ?v) AS ?n) WHERE { GRAPH ?g { ?v a <https://w3id.org/zhkg/ontology#Visit> } }") \
        if fmt in ("trig", "nquads", "jsonld") else ds.query(
        "SELECT (COUNT(DISTINCT ?v) AS ?n) WHERE { ?v a <https://w3id.org/zhkg/ontology#Visit> }")
    assert int(next(iter(visits))[0]) == int(seed_store.select(
        "SELECT (COUNT(*) AS ?n) WHERE { ?v a kgo:Visit }")[0]["n"])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_export_weights_edges_by_distinct_events(seed_store_path: Path, tmp_path: Path, fmt):
    out = tmp_path / f"g.{fmt}"
    assert kg("export", "--store", str(seed_store_path), "--format", fmt, "-o", str(out)).returncode == 0
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    zhuang = next(n for n, d in g.nodes(data=True) if d["label"] == "庄悦群")
    dianbai = next(n for n, d in g.nodes(data=True) if d["label"] == "电白区")
    edges = g.get_edge_data(zhuang, dianbai)
    (edge,) = [edges] if "kind" in edges else edges.values()  # read back as a simple or a multigraph
    # Four sentences report the visit; it is one visit.
    assert edge["kind"] == "visited" and int(edge["weight"]) == 1 and edge["dates"] == "2026-04-09"
    assert g.nodes[zhuang]["cls"] == "Official"
