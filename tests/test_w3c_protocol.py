"""The W3C SPARQL 1.1 Protocol test suite (w3c/rdf-tests, sparql/sparql11/protocol), run as
the HTTP exchanges its manifest describes against a real server on 127.0.0.1.

Each test's ht:requests are sent in order, with the manifest's method, path (``/sparql/`` →
this service's ``/sparql``), headers and body (encoded as its cnt:characterEncoding says),
and each response is checked against mf:expectedStatus, mf:expectedFormat ("boolean",
"tabular", "RDF": the body must parse as such, in a media type of that kind) and
mf:expectedBoolean. Before each test the store is emptied and the test's ut:graphData
loaded into graphs named by their rdfs:label.

Two instances: with the update token (every test as the manifest says), and read-only
(the data loaded before it starts): there every request that carries an update must get
403, the ASK that follows a refused update must answer false (nothing changed), and every
other request must get what the manifest says.

The manifests are read from ../shared/w3c (skipped when that folder is absent).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest

from conftest import ROOT, running_server

W3C = ROOT.parent / "shared" / "w3c" / "sparql11"
PROTOCOL = W3C / "protocol" / "manifest.ttl"
TOKEN = "w3c-token"

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
HT = "http://www.w3.org/2011/http#"
HTS = "http://www.w3.org/2011/http-statusCodes#"
CNT = "http://www.w3.org/2011/content#"
UT = "http://www.w3.org/2009/sparql/tests/test-update#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
STATUS_NAMES = {"OK": 200, "Created": 201, "NoContent": 204, "NotFound": 404}
BOOLEAN_MEDIA = ("application/sparql-results+json", "application/sparql-results+xml",
                 "application/json", "application/xml")
TABULAR_MEDIA = BOOLEAN_MEDIA + ("text/csv", "text/tab-separated-values")
RDF_MEDIA = {"application/rdf+xml": "xml", "text/turtle": "turtle", "application/n-triples": "nt"}


@dataclass
class Exchange:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: list[str]  # hts local names: StatusCode2xx, OK, Created …
    expected_format: str | None = None
    expected_boolean: bool | None = None
    expected_location: str | None = None
    expected_media: str | None = None
    expected_body: str | None = None
    expected_body_media: str | None = None


@dataclass
class W3cTest:
    name: str
    exchanges: list[Exchange]
    graph_data: list[tuple[str, Path]] = field(default_factory=list)  # (graph IRI, file)


def _list(g, node) -> list:
    from rdflib.collection import Collection

    return list(Collection(g, node))


def _headers(g, node, pred) -> dict[str, str]:
    from rdflib import URIRef

    out: dict[str, str] = {}
    head = g.value(node, URIRef(HT + pred))
    if head is not None:
        for h in _list(g, head):
            out[str(g.value(h, URIRef(HT + "fieldName"))).lower()] = str(g.value(h, URIRef(HT + "fieldValue")))
    return out


def _body(g, node) -> tuple[str | None, str]:
    from rdflib import URIRef

    body = g.value(node, URIRef(HT + "body"))
    if body is None:
        return None, "utf-8"
    return str(g.value(body, URIRef(CNT + "chars"))), str(g.value(body, URIRef(CNT + "characterEncoding")) or "UTF-8")


def load_manifest(path: Path) -> list[W3cTest]:
    """The tests of a manifest (and of the manifests it includes), in mf:entries order."""
    from rdflib import Graph, URIRef

    g = Graph().parse(path, format="turtle")
    tests: list[W3cTest] = []
    manifest = URIRef(path.resolve().as_uri())
    for inc in g.objects(manifest, URIRef(MF + "include")):
        for part in _list(g, inc):
            tests += load_manifest(Path(str(part).removeprefix("file://")))
    entries = g.value(manifest, URIRef(MF + "entries"))
    for entry in ([] if entries is None else _list(g, entries)):
        name = str(entry).rsplit("#", 1)[-1]
        action = g.value(entry, URIRef(MF + "action"))
        exchanges = []
        for req in _list(g, g.value(action, URIRef(HT + "requests"))):
            resp = g.value(req, URIRef(HT + "resp"))
            chars, encoding = _body(g, req)
            rchars, _ = _body(g, resp)
            boolean = g.value(resp, URIRef(MF + "expectedBoolean"))
            fmt = g.value(resp, URIRef(MF + "expectedFormat"))
            loc = g.value(resp, URIRef(MF + "expectedLocation"))
            exchanges.append(Exchange(
                method=str(g.value(req, URIRef(HT + "methodName"))),
                path=str(g.value(req, URIRef(HT + "absolutePath"))),
                headers=_headers(g, req, "headers"),
                body=None if chars is None else chars.encode(encoding),
                statuses=[str(s).rsplit("#", 1)[-1] for s in g.objects(resp, URIRef(MF + "expectedStatus"))],
                expected_format=None if fmt is None else str(fmt),
                expected_boolean=None if boolean is None else boolean.toPython(),
                expected_location=None if loc is None else str(loc),
                expected_body=rchars,
                expected_body_media=_headers(g, resp, "headers").get("content-type")))
        data = [(str(g.value(d, URIRef(RDFS + "label"))),
                 Path(str(g.value(d, URIRef(UT + "graph"))).removeprefix("file://")))
                for d in g.objects(entry, URIRef(UT + "graphData"))]
        tests.append(W3cTest(name, exchanges, sorted(data)))
    return tests


def status_ok(status: int, expected: list[str]) -> bool:
    for name in expected:
        if name.startswith("StatusCode") and str(status)[0] == name[len("StatusCode")]:
            return True
        if STATUS_NAMES.get(name) == status:
            return True
    return not expected


def carries_update(ex: Exchange) -> bool:
    ctype = ex.headers.get("content-type", "").split(";")[0].strip()
    if ctype == "application/sparql-update":
        return True
    query = ex.path.split("?", 1)[1] if "?" in ex.path else ""
    fields = parse_qs(query)
    if ctype == "application/x-www-form-urlencoded" and ex.body is not None:
        fields.update(parse_qs(ex.body.decode("utf-8", "replace")))
    return "update" in fields


def check_format(r: httpx.Response, ex: Exchange) -> str | None:
    """None if the body is what the exchange expects, else why not."""
    from pyoxigraph import QueryResultsFormat, parse_query_results
    from rdflib import Graph

    media = r.headers.get("content-type", "").split(";")[0].strip()
    if ex.expected_format == "boolean":
        if media not in BOOLEAN_MEDIA:
            return f"a boolean answer in {media}"
        fmt = QueryResultsFormat.JSON if "json" in media else QueryResultsFormat.XML
        value = bool(parse_query_results(r.content, format=fmt))
        if ex.expected_boolean is not None and value != ex.expected_boolean:
            return f"ASK answered {value}, expected {ex.expected_boolean}"
    elif ex.expected_format == "tabular":
        if media not in TABULAR_MEDIA:
            return f"a tabular answer in {media}"
        fmt = {"text/csv": QueryResultsFormat.CSV, "text/tab-separated-values": QueryResultsFormat.TSV}.get(
            media, QueryResultsFormat.JSON if "json" in media else QueryResultsFormat.XML)
        list(parse_query_results(r.content, format=fmt))
    elif ex.expected_format == "RDF":
        if media not in RDF_MEDIA:
            return f"an RDF answer in {media}"
        Graph().parse(data=r.content, format=RDF_MEDIA[media])
    return None


def map_path(path: str) -> str:
    """The manifests' /sparql/ and /gsp prefixes → this service's /sparql and /rdf-graphs."""
    if path.startswith("/sparql/"):
        return "/sparql" + path[len("/sparql/"):]
    if path == "/gsp" or path.startswith("/gsp?"):
        return "/rdf-graphs/service" + path[len("/gsp"):]
    if path.startswith("/gsp/"):
        return "/rdf-graphs/" + path[len("/gsp/"):]
    return path


def run(base: str, test: W3cTest, *, token: str | None, read_only: bool) -> list[str]:
    """Send the test's exchanges in order; the list of what went wrong (empty: passed)."""
    from rdflib import Graph
    from rdflib.compare import isomorphic

    problems: list[str] = []
    template: dict[str, str] = {}
    refused_update = False
    with httpx.Client(base_url=base, timeout=30) as http:
        for i, ex in enumerate(test.exchanges, 1):
            path, body = ex.path, ex.body
            for key, value in template.items():
                path = path.replace(key, value)
                body = body.replace(key.encode(), value.encode()) if body is not None else None
            headers = dict(ex.headers)
            if token:
                headers["authorization"] = f"Bearer {token}"
            r = http.request(ex.method, map_path(path), headers=headers, content=body)
            where = f"request {i} ({ex.method} {path[:60]})"
            if read_only and carries_update(ex):
                refused_update = True
                if r.status_code != 403:
                    problems.append(f"{where}: {r.status_code}, expected 403 (read-only)")
                continue
            if not status_ok(r.status_code, ex.statuses):
                problems.append(f"{where}: status {r.status_code}, expected {ex.statuses}: {r.text[:200]}")
                continue
            if ex.expected_location:
                if "location" not in r.headers:
                    problems.append(f"{where}: no Location header")
                    continue
                template[ex.expected_location] = r.headers["location"]
            if ex.expected_format:
                expected = ex
                if refused_update and ex.expected_boolean:
                    expected = Exchange(**{**ex.__dict__, "expected_boolean": False})
                why = check_format(r, expected)
                if why:
                    problems.append(f"{where}: expected {why}")
            if ex.expected_body is not None and ex.method != "HEAD":
                media = r.headers.get("content-type", "").split(";")[0].strip()
                want_media = (ex.expected_body_media or "text/turtle").split(";")[0].strip()
                if media != want_media:
                    problems.append(f"{where}: content-type {media}, expected {want_media}")
                    continue
                got = Graph().parse(data=r.content, format=RDF_MEDIA.get(media, "turtle"))
                want = Graph().parse(data=ex.expected_body, format=RDF_MEDIA.get(want_media, "turtle"))
                if not isomorphic(got, want):
                    problems.append(f"{where}: the graph is not the expected one:\n{r.text[:500]}")
            elif ex.expected_body_media and ex.method == "HEAD":
                media = r.headers.get("content-type", "").split(";")[0].strip()
                if media != ex.expected_body_media.split(";")[0].strip():
                    problems.append(f"{where}: content-type {media}, expected {ex.expected_body_media}")
    return problems


def reset(base: str, token: str, data: list[tuple[str, Path]]) -> None:
    """Empty the store and load the test's graphs (through the service's own SPARQL Update)."""
    auth = {"Authorization": f"Bearer {token}"}
    r = httpx.post(base + "/sparql", data={"update": "DROP ALL"}, headers=auth, timeout=30)
    assert r.status_code == 204, r.text
    for graph, file in data:
        update = f"INSERT DATA {{ GRAPH <{graph}> {{ {file.read_text(encoding='utf-8')} }} }}"
        r = httpx.post(base + "/sparql", content=update.encode(), timeout=30,
                       headers={**auth, "Content-Type": "application/sparql-update"})
        assert r.status_code == 204, r.text


def _tests(manifest: Path) -> list[W3cTest]:
    return load_manifest(manifest) if manifest.exists() else []


PROTOCOL_TESTS = _tests(PROTOCOL)
needs_suite = pytest.mark.skipif(not PROTOCOL.exists(), reason="the W3C test suites are not in ../shared/w3c")


@pytest.fixture(scope="module")
def token_server(tmp_path_factory):
    from api.config import Settings

    with running_server(Settings(store=tmp_path_factory.mktemp("w3c") / "kgdata", update_token=TOKEN,
                                 query_timeout=10.0)) as base:
        yield base


@pytest.fixture(scope="module")
def read_only_server(tmp_path_factory):
    from pyoxigraph import NamedNode, Quad, RdfFormat, parse

    from api.config import Settings
    from kg.store.oxigraph import OxigraphStore

    path = tmp_path_factory.mktemp("w3c-ro") / "kgdata"
    store = OxigraphStore(path)
    for graph, file in sorted({d for t in PROTOCOL_TESTS for d in t.graph_data}):
        store._store.extend(Quad(q.subject, q.predicate, q.object, NamedNode(graph))
                            for q in parse(file.read_bytes(), format=RdfFormat.N_TRIPLES))
    store.close()
    with running_server(Settings(store=path, query_timeout=10.0)) as base:
        yield base


@needs_suite
def test_the_manifest_has_the_34_tests():
    assert len(PROTOCOL_TESTS) == 34


@needs_suite
@pytest.mark.parametrize("test", PROTOCOL_TESTS, ids=lambda t: t.name)
def test_protocol_with_the_token(token_server, test):
    reset(token_server, TOKEN, test.graph_data)
    assert run(token_server, test, token=TOKEN, read_only=False) == []


@needs_suite
@pytest.mark.parametrize("test", PROTOCOL_TESTS, ids=lambda t: t.name)
def test_protocol_read_only(read_only_server, test):
    assert run(read_only_server, test, token=None, read_only=True) == []

