"""The service cannot be knocked over or misused: SSRF, tokens, deadlines, limits, clients."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time

from urllib.parse import quote

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
    # the query page is YASGUI served by the service itself: no script or style from elsewhere
    assert 'src="/static/vendor/yasgui/yasgui.min.js"' in page.text
    assert not re.search(r'(src|href)="(https?:)?//', page.text)
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


# -- the data-safety and security cases of the SPARQL protocol ------------------------------

AUTH = {"Authorization": "Bearer s3cret"}
UPDATE = {"Content-Type": "application/sparql-update"}


def triples(base: str) -> list[tuple[str, str, str, str]]:
    """Every quad of the store (named graphs and the default graph), to assert nothing changed."""
    q = "SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } } } }"
    r = httpx.post(base + "/sparql", data={"query": q}, headers={"Accept": "text/tab-separated-values"}, timeout=30)
    assert r.status_code == 200, r.text
    return sorted(tuple(line.split("\t")) for line in r.text.splitlines()[1:])


def test_repeated_or_conflicting_parameters_are_400_and_nothing_changes(writable_server):
    base = writable_server
    before = triples(base)
    r = httpx.get(base + "/sparql", params=[("query", "ASK {}"), ("query", "SELECT * {}")])
    assert r.status_code == 400 and "exactly one" in r.json()["detail"]
    r = httpx.post(base + "/sparql", content=b"update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", headers={
        **AUTH, "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 400
    r = httpx.post(base + "/sparql", data={"query": "ASK {}", "update": "DROP ALL"}, headers=AUTH)
    assert r.status_code == 400
    r = httpx.post(base + "/sparql", params={"update": "DROP ALL"}, content=b"ASK {}",
                   headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 400
    assert httpx.get(base + "/sparql", params={"update": "DROP ALL"}).status_code == 400
    assert triples(base) == before


def test_a_get_with_only_update_is_refused_read_only(server):
    r = httpx.get(server + "/sparql", params={"update": "CLEAR ALL"})
    assert r.status_code == 403


def test_the_declared_charset_is_honoured_and_undecodable_input_refused(writable_server):
    base = writable_server
    latin = "INSERT DATA { GRAPH <urn:charset> { <urn:s> <urn:p> \"café\" } }"
    r = httpx.post(base + "/sparql", content=b"update=" + quote(latin, encoding="latin-1").encode(),
                   headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded; charset=ISO-8859-1"})
    assert r.status_code == 204, r.text
    ask = httpx.get(base + "/sparql", params={"query": 'ASK { GRAPH <urn:charset> { <urn:s> <urn:p> "café" } }'})
    assert ask.json()["boolean"] is True
    before = triples(base)
    bad = "INSERT DATA { GRAPH <urn:charset> { <urn:s> <urn:p> \"naïve\" } }"
    for body, ctype in [
        (b"update=" + quote(bad, encoding="latin-1").encode(), "application/x-www-form-urlencoded"),  # %EF as UTF-8
        (bad.encode("latin-1"), "application/sparql-update"),
        (bad.encode("latin-1"), "application/sparql-update; charset=ISO-8859-1"),
        (bad.encode("utf-16"), "application/sparql-update; charset=UTF-16"),
    ]:
        r = httpx.post(base + "/sparql", content=body, headers={**AUTH, "Content-Type": ctype})
        assert r.status_code in (400, 415), (ctype, r.status_code, r.text)
    assert triples(base) == before
    assert "\ufffd" not in str(before)


def test_using_graph_uri_conflicting_with_with_is_400(writable_server):
    base = writable_server
    before = triples(base)
    update = "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
    r = httpx.post(base + "/sparql", params={"using-graph-uri": "urn:g"}, content=update.encode(),
                   headers={**AUTH, **UPDATE})
    assert r.status_code == 400 and "WITH" in r.json()["detail"]
    assert triples(base) == before


SSRF = ("SELECT ?l WHERE {{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l . "
        "SERVICE <http://127.0.0.1:{port}/internal/admin?x=1> {{ ?l ?p ?o }} }}")


def test_the_guard_bypass_with_a_hash_or_quote_in_an_iri_is_closed(writable_server):
    listener = Listener()
    base = writable_server
    before = triples(base)
    try:
        for query in (SSRF.format(port=listener.port),
                      SSRF.format(port=listener.port).replace("rdf-schema#label", "it's"),
                      f"SELECT * WHERE {{ ?s <urn:x#y> ?o SERVIC\\u0045 <http://127.0.0.1:{listener.port}/> {{ ?a ?b ?c }} }}",
                      f"SELECT * WHERE {{ SERVICE ?endpoint {{ ?s ?p ?o }} VALUES ?endpoint {{ <http://127.0.0.1:{listener.port}/> }} }}"):
            r = httpx.get(base + "/sparql", params={"query": query})
            assert r.status_code == 400, (query, r.text)
        for update in (f"INSERT DATA {{ <urn:a> <http://x/#p> <urn:b> }} ; LOAD <http://127.0.0.1:{listener.port}/data.ttl>",
                       f"LOAD <http://127.0.0.1:{listener.port}/x> INTO GRAPH <urn:loaded>"):
            r = httpx.post(base + "/sparql", content=update.encode(), headers={**AUTH, **UPDATE})
            assert r.status_code == 400, (update, r.text)
        r = httpx.get(base + "/sparql", params={"query": f"SELECT * FROM <http://127.0.0.1:{listener.port}/g> {{ ?s ?p ?o }}"})
        assert r.status_code == 400
        time.sleep(0.3)
        assert listener.hits == 0
    finally:
        listener.close()
    assert triples(base) == before


def test_the_engine_itself_cannot_reach_the_network(seed_store_path, tmp_path):
    """Past the guard (a request sent to the worker pool directly), SERVICE still fetches nothing."""
    from kg.errors import KgError
    from kg.store.base import QueryRequest
    from kg.store.pool import QueryPool

    copy = tmp_path / "kgdata"
    shutil.copytree(seed_store_path, copy)
    listener = Listener()
    pool = QueryPool(copy, size=1, timeout=10)
    try:
        assert pool.isolated
        request = QueryRequest(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}",
                               "application/sparql-results+json", None)
        with pytest.raises(KgError):
            pool.query(request)
        time.sleep(0.3)
        assert listener.hits == 0
        assert pool.query(QueryRequest("ASK { ?s ?p ?o }", "application/sparql-results+json", None)).body
    finally:
        pool.close()
        listener.close()


def test_the_parsed_query_decides_not_its_words(server):
    for query in ("SELECT ?service ?load WHERE { BIND(1 AS ?service) BIND(2 AS ?load) }",
                  "SELECT * WHERE { ?s <http://example.org/service> ?o } LIMIT 1",
                  "SELECT * WHERE { ?s <http://example.org/load> ?o } # INSERT DATA { <a> <b> <c> } ; DROP ALL\n LIMIT 1",
                  'SELECT ?x WHERE { BIND("WITH DELETE ADD LOAD" AS ?x) }'):
        r = httpx.get(server + "/sparql", params={"query": query})
        assert r.status_code == 200, (query, r.text)
    graphs = httpx.get(server + "/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}).json()
    own = graphs["results"]["bindings"][0]["g"]["value"]
    r = httpx.get(server + "/sparql", params={"query": f"ASK FROM <{own}> {{ ?s ?p ?o }}"})
    assert r.status_code == 200 and r.json()["boolean"] is True


def test_a_runaway_post_does_not_hold_up_other_clients(server):
    """While a POST runs to its deadline (3 s here), other clients' requests, GET and POST,
    are answered at their usual speed (a POST that blocked the event loop held them all)."""
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    results = {}

    def run() -> None:
        results["runaway"] = httpx.post(server + "/sparql", data={"query": runaway}, timeout=30)
        results["ended"] = time.perf_counter()

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.3)
    served = []  # (started, seconds)
    for i in range(20):
        if not thread.is_alive():
            break
        start = time.perf_counter()
        r = httpx.post(server + "/sparql", data={"query": f"ASK {{ ?s ?p {i} }}"}, timeout=10) if i % 2 else \
            httpx.get(server + "/visits", params={"person": "庄悦群"}, timeout=10)
        served.append((start, time.perf_counter() - start))
        assert r.status_code == 200
    thread.join()
    assert results["runaway"].status_code == 503
    during = [seconds for started, seconds in served if started < results["ended"]]
    assert len(during) >= 3 and max(during) < 1.5, served


def test_run_time_update_errors_are_400_and_the_worker_lives_on(writable_server):
    base = writable_server
    assert httpx.post(base + "/sparql", content=b"CREATE GRAPH <urn:made>", headers={**AUTH, **UPDATE}).status_code == 204
    before = triples(base)
    for update in ("CREATE GRAPH <urn:made>", "DROP GRAPH <urn:never-made>",
                   "INSERT DATA { GRAPH <urn:made> { <urn:a> <urn:b> <urn:c> } } ; CREATE GRAPH <urn:made>"):
        r = httpx.post(base + "/sparql", content=update.encode(), headers={**AUTH, **UPDATE})
        assert r.status_code == 400 and "died" not in r.text, (update, r.text)
        start = time.perf_counter()
        assert httpx.get(base + "/sparql", params={"query": "ASK {}"}).status_code == 200
        assert time.perf_counter() - start < 1.0  # the same worker answered, none was respawned
    assert triples(base) == before


def test_a_non_ascii_bearer_token_is_401(writable_server):
    r = httpx.post(writable_server + "/sparql", content=b"DROP ALL",
                   headers={"Authorization": "Bearer ключ".encode(), **UPDATE})
    assert r.status_code == 401


def test_writes_to_the_graphs_derived_from_documents_are_refused(writable_server):
    base = writable_server
    before = triples(base)
    doc = next(g for g, *_ in before if g.startswith("<https://w3id.org/zhkg/id/doc/")).strip("<>")
    for update in ("CLEAR ALL", "DROP NAMED", f"DROP GRAPH <{doc}>",
                   f"INSERT DATA {{ GRAPH <{doc}> {{ <urn:a> <urn:b> <urn:c> }} }}",
                   "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
                   f"MOVE <{doc}> TO <urn:elsewhere>"):
        r = httpx.post(base + "/sparql", content=update.encode(), headers={**AUTH, **UPDATE})
        assert r.status_code == 409 and "ingest" in r.json()["detail"], (update, r.text)
    for method in ("PUT", "POST", "DELETE"):
        r = httpx.request(method, base + "/rdf-graphs/service", params={"graph": doc}, headers={
            **AUTH, "Content-Type": "text/turtle"}, content=b"<urn:a> <urn:b> <urn:c> .")
        assert r.status_code == 409, (method, r.text)
    assert triples(base) == before


def test_the_result_limit_stops_while_serialising(seed_store_path, tmp_path):
    from api.config import Settings

    copy = tmp_path / "kgdata"
    shutil.copytree(seed_store_path, copy)
    with running_server(Settings(store=copy, max_result_bytes=20_000)) as base:
        r = httpx.get(base + "/sparql", params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 1000000"},
                      timeout=30)
        assert r.status_code == 413 and "stopped while serialising" in r.json()["detail"]
        assert httpx.get(base + "/sparql", params={"query": "ASK {}"}).status_code == 200


def test_a_422_does_not_echo_huge_input(server):
    r = httpx.get(server + "/graph.html", params={"focus": "名" * 3_000})
    assert r.status_code == 422 and len(r.content) < 3_000


def test_a_timeout_on_the_graph_page_is_503_and_a_missing_name_404(seed_store_path, tmp_path, server):
    from api.config import Settings

    assert httpx.get(server + "/graph.html", params={"focus": "无此人"}).status_code == 404
    copy = tmp_path / "kgdata"
    shutil.copytree(seed_store_path, copy)
    with running_server(Settings(store=copy, query_timeout=1e-6, workers=1)) as base:  # no answer is that fast
        r = httpx.get(base + "/graph.html", timeout=30)
        assert r.status_code == 503


def test_the_service_description_is_truthful_and_head_options_answer(server, writable_server):
    from rdflib import Graph, URIRef

    SD = "http://www.w3.org/ns/sparql-service-description#"
    g = Graph().parse(data=httpx.get(server + "/sparql", headers={"Accept": "text/turtle"}).text, format="turtle")
    features = set(g.objects(None, URIRef(SD + "feature")))
    assert URIRef(SD + "BasicFederatedQuery") not in features and URIRef(SD + "UnionDefaultGraph") in features
    assert URIRef(SD + "SPARQL11Update") not in set(g.objects(None, URIRef(SD + "supportedLanguage")))
    w = Graph().parse(data=httpx.get(writable_server + "/sparql").text, format="turtle")
    assert URIRef(SD + "SPARQL11Update") in set(w.objects(None, URIRef(SD + "supportedLanguage")))
    head = httpx.head(server + "/sparql", params={"query": "ASK {}"})
    assert head.status_code == 200 and head.content == b""
    options = httpx.options(server + "/sparql")
    assert options.status_code == 204 and "POST" in options.headers["allow"]


def test_the_query_command_answers_ask_and_names_a_missing_file(seed_store_path, tmp_path):
    import subprocess
    import sys

    kg = [sys.executable, "-m", "kg.cli", "query"]
    ask = subprocess.run([*kg, "ASK { ?s ?p ?o }", "--store", str(seed_store_path)],
                         capture_output=True, text=True, timeout=120)
    assert ask.returncode == 0 and "true" in ask.stdout
    missing = subprocess.run([*kg, "@" + str(tmp_path / "missing.rq"), "--store", str(seed_store_path)],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "missing.rq" in missing.stderr and "Traceback" not in missing.stderr


def test_a_graph_store_write_is_whole_or_nothing(writable_server):
    base = writable_server
    graph = {"graph": "urn:gsp:whole"}
    turtle = {**AUTH, "Content-Type": "text/turtle"}
    r = httpx.put(base + "/rdf-graphs/service", params=graph, headers=turtle, content=b"<urn:a> <urn:b> 1 .")
    assert r.status_code == 201
    before = triples(base)
    r = httpx.put(base + "/rdf-graphs/service", params=graph, headers=turtle,
                  content=b"<urn:a> <urn:b> 2 . <urn:a> <urn:b> ")
    assert r.status_code == 400
    r = httpx.put(base + "/rdf-graphs/service", params=graph, headers={**AUTH, "Content-Type": "image/png"},
                  content=b"\x89PNG")
    assert r.status_code == 415
    assert httpx.put(base + "/rdf-graphs/service", params=graph, content=b"<urn:a> <urn:b> 3 .",
                     headers={"Content-Type": "text/turtle"}).status_code == 401
    assert triples(base) == before
    assert httpx.get(base + "/rdf-graphs/service", params={"graph": "urn:gsp:none"}).status_code == 404
    assert httpx.delete(base + "/rdf-graphs/service", params=graph, headers=AUTH).status_code == 204
    assert httpx.get(base + "/rdf-graphs/service", params=graph).status_code == 404
