"""The service on a real uvicorn server, queried with real HTTP clients, on the embedded
store and on a remote SPARQL server (the Oxigraph server)."""

from __future__ import annotations

import csv
import io
import re

import httpx
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, TSV, TURTLE, XML, SPARQLWrapper

VISITS = "SELECT ?p ?x WHERE { ?p kgo:visited ?x } LIMIT 5"
PREFIXED = "PREFIX kgo: <https://w3id.org/zhkg/ontology#> " + VISITS


def test_sparql_get_json(api):
    r = httpx.get(api + "/sparql", params={"query": VISITS},
                  headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert len(r.json()["results"]["bindings"]) == 5


def test_sparql_post_form_and_direct_with_every_result_format(api):
    for media in ("application/sparql-results+xml", "text/csv", "text/tab-separated-values"):
        r = httpx.post(api + "/sparql", data={"query": VISITS}, headers={"Accept": media})
        assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    r = httpx.post(api + "/sparql", content=VISITS.encode(),
                   headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == ["p", "x"] and len(rows) == 6


def test_construct_answers_turtle(api):
    q = "CONSTRUCT { ?p kgo:visited ?x } WHERE { ?p kgo:visited ?x }"
    r = httpx.get(api + "/sparql", params={"query": q}, headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and "visited" in r.text


def test_content_negotiation_uses_q_values_and_406(api):
    r = httpx.get(api + "/sparql", params={"query": VISITS},
                  headers={"Accept": "text/csv;q=0.5, application/sparql-results+xml;q=0.9"})
    assert r.headers["content-type"].startswith("application/sparql-results+xml")
    r = httpx.get(api + "/sparql", params={"query": VISITS}, headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_malformed_query_is_400_with_position(api):
    r = httpx.get(api + "/sparql", params={"query": "SELEC ?x WHERE {}"})
    # the parser's own words: "error at 1:6" (Oxigraph) or "line 1: syntax error at 'SELEC'" (Virtuoso)
    assert r.status_code == 400 and re.search(r"1:\d|line 1", r.json()["detail"])


def test_service_and_updates_are_refused(api):
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
    assert httpx.get(api + "/sparql", params={"query": q}).status_code == 400
    r = httpx.post(api + "/sparql", data={"query": "DROP ALL"})
    assert r.status_code == 400


def test_huge_query_is_413(api):
    r = httpx.post(api + "/sparql", content=b"#" * 200_000,
                   headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413


def test_sparqlwrapper_client_for_every_result_format(api):
    def ask(query: str, fmt: str):
        client = SPARQLWrapper(api + "/sparql")
        client.setQuery(query)
        client.setReturnFormat(fmt)
        return client.query().convert()

    assert len(ask(PREFIXED, JSON)["results"]["bindings"]) == 5
    assert len(ask(PREFIXED, XML).getElementsByTagName("result")) == 5
    assert len(ask(PREFIXED, CSV).decode().strip().splitlines()) == 6
    assert len(ask(PREFIXED, TSV).decode().strip().splitlines()) == 6
    construct = ("PREFIX kgo: <https://w3id.org/zhkg/ontology#> "
                 "CONSTRUCT { ?p kgo:visited ?x } WHERE { ?p kgo:visited ?x } LIMIT 5")
    for fmt in (TURTLE, JSONLD, XML):
        graph = ask(construct, fmt)
        if isinstance(graph, bytes):
            graph = Graph().parse(data=graph, format="turtle")
        assert len(graph) == 5


def test_visits_route(api):
    r = httpx.get(api + "/visits", params={"person": "庄悦群", "from": "2026-04-09"})
    places = {v["place_label"] for v in r.json()}
    assert {"茂南区", "电白区"} <= places and "化州市" not in places
    assert all(v["evidence"] and v["source"].endswith(".txt") for v in r.json())


def test_entity_search_and_page(api):
    hits = httpx.get(api + "/entities", params={"q": "庄悦"}).json()
    assert hits and hits[0]["label"] == "庄悦群"
    page = httpx.get(api + "/entities/" + hits[0]["id"]).json()
    assert "Official" in page["types"] and any(f["predicate"] == "visited" for f in page["facts"])
    assert httpx.get(api + "/entities/person/无此人").status_code == 404


def test_an_entity_s_facts_come_a_page_at_a_time_with_the_link_to_the_next(api):
    hits = httpx.get(api + "/entities", params={"q": "庄悦群"}).json()
    whole = httpx.get(api + "/entities/" + hits[0]["id"], params={"limit": 5000}).json()
    assert whole["next"] is None and whole["facts_total"] == len(whole["facts"]) > 6
    seen, url = [], api + "/entities/" + hits[0]["id"] + "?limit=4"
    while url:
        page = httpx.get(url).json()
        assert page["labels"] == whole["labels"] and page["facts_total"] == whole["facts_total"]
        assert len(page["facts"]) <= 4
        seen += page["facts"]
        url = page["next"]
    assert seen == whole["facts"]  # every fact once, in the same order
    assert httpx.get(api + "/entities/" + hits[0]["id"], params={"limit": 0}).status_code == 422


def test_graph_page_is_offline(api):
    r = httpx.get(api + "/graph.html", params={"focus": "庄悦群"})
    assert r.status_code == 200 and "vis-network" in r.text.lower() or "vis.Network" in r.text
    assert not re.search(r'(?:src|href)="https?://', r.text)


def test_export_turtle(api):
    r = httpx.get(api + "/export.ttl")
    assert r.status_code == 200 and "kgo:visited" in r.text


def test_static_files_are_served_and_the_language_choice_is_remembered(api):
    assert httpx.get(api + "/static/README.txt").status_code == 200
    r = httpx.get(api + "/", params={"lang": "en"})
    assert r.cookies.get("lang") == "en"
    assert "lang" not in httpx.get(api + "/", params={"lang": "xx"}).cookies
