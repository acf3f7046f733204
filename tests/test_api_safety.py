"""The service cannot be knocked over or misused: SSRF, tokens, deadlines, limits, clients."""

from __future__ import annotations

import shutil
import socket
import threading
import time

import httpx
import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from conftest import running_server

KGO = "https://w3id.org/zhkg/ontology#"


class Listener:
    """A TCP listener on 127.0.0.1 that records whether anyone connected."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self.stop = True
        self.thread.join(timeout=2)
        self.sock.close()


def test_no_request_leaves_for_service_load_or_from(server):
    listener = Listener()
    url = f"http://127.0.0.1:{listener.port}/sparql"
    try:
        for query in (f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
                      f"select * from <{url}> where {{ ?s ?p ?o }}"):
            r = httpx.get(server + "/sparql", params={"query": query})
            assert r.status_code == 400, query
            assert "not allowed" in r.json()["detail"] or "remote" in r.json()["detail"]
        r = httpx.post(server + "/sparql", data={"update": f"LOAD <{url}>"})
        assert r.status_code == 403
        time.sleep(0.3)
        assert listener.hits == 0
    finally:
        listener.close()


def test_a_string_that_mentions_service_is_fine(server):
    q = 'SELECT ?x WHERE { BIND("SERVICE <http://x/>" AS ?x) }'
    assert httpx.get(server + "/sparql", params={"query": q}).status_code == 200


def test_runaway_query_is_stopped_while_others_are_served(server):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    results = {}

    def run() -> None:
        results["runaway"] = httpx.get(server + "/sparql", params={"query": runaway}, timeout=30)

    thread = threading.Thread(target=run)
    start = time.perf_counter()
    thread.start()
    time.sleep(0.3)
    quick = httpx.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
    assert quick.status_code == 200
    thread.join()
    assert results["runaway"].status_code == 503
    assert "limit" in results["runaway"].json()["detail"]
    assert time.perf_counter() - start < 15
    after = httpx.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
    assert after.status_code == 200


def test_updates_are_refused_without_a_token(server):
    r = httpx.post(server + "/sparql", content=b"DROP ALL",
                   headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403


@pytest.fixture(scope="module")
def writable_server(seed_store_path, tmp_path_factory):
    from api.config import Settings

    copy = tmp_path_factory.mktemp("writable") / "kgdata"
    shutil.copytree(seed_store_path, copy)
    with running_server(Settings(store=copy, update_token="s3cret", workers=1)) as base:
        yield base


def count(base: str) -> int:
    r = httpx.get(base + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
                  headers={"Accept": "application/sparql-results+json"})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_updates_need_the_right_bearer_token_and_are_atomic(writable_server):
    base = writable_server
    insert = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"
    before = count(base)
    assert httpx.post(base + "/sparql", data={"update": insert}).status_code == 401
    assert httpx.post(base + "/sparql", data={"update": insert},
                      headers={"Authorization": "Bearer wrong"}).status_code == 403
    ok = httpx.post(base + "/sparql", data={"update": insert}, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 204 and count(base) == before + 1
    broken = "INSERT DATA { GRAPH <urn:g> { <urn:x> <urn:y> <urn:z> } } ; DELETE WHERE { ?s ?p"
    r = httpx.post(base + "/sparql", data={"update": broken}, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 400 and count(base) == before + 1


def test_default_graph_uri_limits_the_dataset(server):
    graphs = httpx.get(server + "/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
                       headers={"Accept": "application/sparql-results+json"}).json()
    first = graphs["results"]["bindings"][0]["g"]["value"]
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    whole = httpx.get(server + "/sparql", params={"query": q}).json()
    one = httpx.get(server + "/sparql", params={"query": q, "default-graph-uri": first}).json()
    n = lambda d: int(d["results"]["bindings"][0]["n"]["value"])  # noqa: E731
    assert 0 < n(one) < n(whole)


def test_service_description_and_graph_store_protocol(server):
    r = httpx.get(server + "/sparql", headers={"Accept": "text/turtle"})
    g = Graph().parse(data=r.text, format="turtle")
    assert len(g) > 5
    page = httpx.get(server + "/sparql", headers={"Accept": "text/html"})
    assert "<textarea" in page.text and "https://" not in page.text
    graphs = httpx.get(server + "/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}).json()
    iri = graphs["results"]["bindings"][0]["g"]["value"]
    doc = httpx.get(server + "/rdf-graphs/service", params={"graph": iri}, headers={"Accept": "application/n-triples"})
    assert doc.status_code == 200 and len(Graph().parse(data=doc.text, format="nt")) > 10
    assert httpx.get(server + "/rdf-graphs/service", params={"graph": "urn:none"}).status_code == 404


def test_rdflib_sparqlstore_client(server):
    store = SPARQLStore(server + "/sparql", returnFormat="json")
    rows = list(Graph(store=store).query(f"SELECT ?p ?x WHERE {{ ?p <{KGO}visited> ?x }} LIMIT 3"))
    assert len(rows) == 3


def test_cors_is_off_by_default(server):
    r = httpx.get(server + "/visits", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers
