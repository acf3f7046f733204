"""A sample of the W3C SPARQL 1.1 query-evaluation suites (aggregates, bind, construct,
negation, property-path, subquery, exists, grouping, csv-tsv-res) through the HTTP
endpoint of a real server on 127.0.0.1.

For each test the store is emptied and the test's files are PUT through the Graph Store
Protocol, each into the graph named by its file name resolved against the endpoint URL
(the service's base IRI, so that ``FROM <data.ttl>`` and ``GRAPH <ng-01.ttl>`` in the
queries name them). The query is sent as it is; unless it has FROM/FROM NAMED of its own,
the request names the test's dataset with default-graph-uri (qt:data) and named-graph-uri
(qt:graphData). The answer is compared with mf:result (solutions as multisets, blank nodes
as blank; graphs by isomorphism; CSV as text).

A test the service fails is compared with the engine in-process (pyoxigraph, the same
dataset and base): those that fail there the same way are the engine's own and are listed
in KNOWN_ENGINE, with the upstream issue where one exists; the list is checked both ways
(a listed test that starts passing, or fails only over HTTP, is a failure).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from conftest import running_server
from test_w3c_protocol import MF, TOKEN, W3C, _list

QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
SUITES = ["aggregates", "bind", "construct", "negation", "property-path", "subquery", "exists",
          "grouping", "csv-tsv-res"]
KINDS = {"QueryEvaluationTest", "CSVResultFormatTest", "PositiveSyntaxTest11", "NegativeSyntaxTest11"}

# Tests whose expected answer pyoxigraph 0.5 does not give in-process either (checked by
# the test itself: each must still fail in-process, the same way). No upstream issue was
# found for those without one.
_LEXICAL = "pyoxigraph writes numbers in canonical lexical form (1 for 1.0 decimal, 2.5 for 2.5E0)"
_ORDER = "pyoxigraph orders SELECT * columns alphabetically, the CSV expects the order of appearance"
_ZERO = "zero-length paths with a constant end that is not in the data (see oxigraph/oxigraph#1815)"
_CONCAT = "GROUP_CONCAT keeps the common language tag, the newer rdf-tests expect a plain string"
KNOWN_ENGINE: dict[str, str] = {
    "aggregates/agg-groupconcat-04": _CONCAT,
    "aggregates/agg-groupconcat-06": _CONCAT,
    "aggregates/agg-sum-02": _LEXICAL,
    "aggregates/agg-avg-02": _LEXICAL,
    "aggregates/agg-min-01": _LEXICAL,
    "aggregates/agg-min-02": _LEXICAL,
    "aggregates/agg-max-01": _LEXICAL,
    "aggregates/agg-max-02": _LEXICAL,
    "aggregates/agg-err-02": _LEXICAL,
    "aggregates/agg-max-distinct": _LEXICAL,
    "aggregates/agg-min-distinct": _LEXICAL,
    "aggregates/agg-empty-group-count-graph": "COUNT over an empty group inside GRAPH ?g: no row per graph",
    "negation/graph-minus": "MINUS inside GRAPH ?g removes every solution",
    "property-path/zero_or_more_set_start": _ZERO,
    "property-path/zero_or_more_set_end": _ZERO,
    "property-path/zero_or_one_set_start": _ZERO,
    "property-path/zero_or_one_set_end": _ZERO,
    "csv-tsv-res/csv01": _ORDER,
    "csv-tsv-res/csv02": _ORDER,
    "csv-tsv-res/csv03": _ORDER,
    "csv-tsv-res/tsv03": _LEXICAL + "; and " + _ORDER,
}


@dataclass
class EvalTest:
    suite: str
    name: str
    kind: str
    query: Path
    data: list[Path]
    graph_data: list[Path]
    result: Path | None


def load(suite: str) -> list[EvalTest]:
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    path = W3C / suite / "manifest.ttl"
    g = Graph().parse(path, format="turtle")
    manifest = URIRef(path.resolve().as_uri())
    tests = []
    for entry in _list(g, g.value(manifest, URIRef(MF + "entries"))):
        kind = str(g.value(entry, RDF.type)).rsplit("#", 1)[-1]
        if kind not in KINDS:
            continue
        action = g.value(entry, URIRef(MF + "action"))
        file = lambda node: Path(str(node).removeprefix("file://"))  # noqa: E731
        if kind.endswith("SyntaxTest11"):
            query, data, graphs = file(action), [], []
        else:
            query = file(g.value(action, URIRef(QT + "query")))
            data = [file(d) for d in g.objects(action, URIRef(QT + "data"))]
            graphs = sorted(file(d) for d in g.objects(action, URIRef(QT + "graphData")))
        result = g.value(entry, URIRef(MF + "result"))
        tests.append(EvalTest(suite, str(entry).rsplit("#", 1)[-1], kind, query, data, graphs,
                              None if result is None else file(result)))
    return tests


ALL = [t for s in SUITES if (W3C / s / "manifest.ttl").exists() for t in load(s)]
needs_suite = pytest.mark.skipif(not ALL, reason="the W3C test suites are not in ../shared/w3c")

RDF_BY_SUFFIX = {".ttl": "text/turtle", ".nt": "application/n-triples", ".rdf": "application/rdf+xml"}


def graph_iri(base: str, file: Path) -> str:
    return base + "/" + file.name


def expected_media(test: EvalTest) -> str:
    suffix = test.result.suffix if test.result else ""
    if suffix == ".ttl" and b"result-set#" in test.result.read_bytes():
        return "application/sparql-results+json"
    return {".csv": "text/csv", ".tsv": "text/tab-separated-values", ".srj": "application/sparql-results+json",
            ".ttl": "application/n-triples", ".rdf": "application/n-triples"}.get(
        suffix, "application/sparql-results+json")


def _solutions(body: bytes, media: str):
    from pyoxigraph import BlankNode, QueryResultsFormat, parse_query_results

    fmt = {"application/sparql-results+json": QueryResultsFormat.JSON,
           "application/sparql-results+xml": QueryResultsFormat.XML,
           "text/tab-separated-values": QueryResultsFormat.TSV}[media]
    parsed = parse_query_results(body, format=fmt)
    if not hasattr(parsed, "variables"):
        return bool(parsed)
    names = [v.value for v in parsed.variables]

    def show(term):
        return "_:b" if isinstance(term, BlankNode) else (None if term is None else str(term))

    return Counter(tuple(sorted((n, show(sol[n])) for n in names if sol[n] is not None)) for sol in parsed)


def _result_set(data: bytes, base: str, name: str):
    """A result set written in RDF (the rs: vocabulary) as solutions, like _solutions."""
    from rdflib import BNode, Graph, Namespace
    from rdflib.namespace import RDF

    rs = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/result-set#")
    g = Graph().parse(data=data, format="turtle", publicID=base + "/" + name)
    results = g.value(predicate=RDF.type, object=rs.ResultSet, any=True)
    if results is None:
        return None
    if g.value(results, rs.boolean) is not None:
        return bool(g.value(results, rs.boolean).toPython())

    def show(term):
        from pyoxigraph import Literal, NamedNode

        if isinstance(term, BNode):
            return "_:b"
        if hasattr(term, "datatype") or hasattr(term, "language"):
            value = (Literal(str(term), language=term.language) if term.language else
                     Literal(str(term), datatype=NamedNode(str(term.datatype))) if term.datatype else Literal(str(term)))
            return str(value)
        return str(NamedNode(str(term)))

    return Counter(tuple(sorted((str(g.value(b, rs.variable)), show(g.value(b, rs.value)))
                                for b in g.objects(sol, rs.binding)))
                   for sol in g.objects(results, rs.solution))


def same_answer(test: EvalTest, body: bytes, media: str, base: str) -> bool:
    import re

    from rdflib import Graph
    from rdflib.compare import isomorphic

    want = test.result.read_bytes()
    suffix = test.result.suffix
    if suffix == ".ttl":
        expected = _result_set(want, base, test.result.name)
        if expected is not None:
            return media in RESULT_SETS and _solutions(body, media) == expected
    if suffix in RDF_BY_SUFFIX:
        if media in RESULT_SETS:
            return False
        got_g = Graph().parse(data=body, format="nt" if media == "application/n-triples" else "turtle")
        return isomorphic(got_g, Graph().parse(data=want, format={".ttl": "turtle", ".nt": "nt", ".rdf": "xml"}[suffix],
                                                publicID=base + "/" + test.result.name))
    if suffix == ".csv":
        def norm(b: bytes) -> Counter:
            return Counter(re.sub(r"_:\w+", "_:b", b.decode()).replace("\r\n", "\n").strip().split("\n"))

        return norm(body) == norm(want)
    want_media = {".srx": "application/sparql-results+xml", ".srj": "application/sparql-results+json",
                  ".tsv": "text/tab-separated-values"}[suffix]
    return _solutions(body, media) == _solutions(want, want_media)


RESULT_SETS = ("application/sparql-results+json", "application/sparql-results+xml", "text/tab-separated-values")


def dataset_params(base: str, test: EvalTest, query: str) -> dict[str, list[str]]:
    from api.guard import check_query

    if check_query(query, [], base + "/sparql").has_dataset:
        return {}
    return {"default-graph-uri": [graph_iri(base, f) for f in test.data],
            "named-graph-uri": [graph_iri(base, f) for f in test.graph_data]}


def in_process(base: str, test: EvalTest, query: str) -> bool:
    """Does pyoxigraph itself, run the plain way (qt:data in the store's default graph, each
    qt:graphData in a named graph, no dataset given), give the expected answer?"""
    from pyoxigraph import DefaultGraph, NamedNode, Quad, QueryBoolean, QuerySolutions, RdfFormat, Store, parse

    from kg.store.formats import GRAPH_MEDIA_TYPES, RESULTS_MEDIA_TYPES

    store = Store()
    for f, graph in [*((f, DefaultGraph()) for f in test.data),
                     *((f, NamedNode(graph_iri(base, f))) for f in test.graph_data)]:
        store.extend(Quad(q.subject, q.predicate, q.object, graph)
                     for q in parse(f.read_bytes(), format=RdfFormat.from_extension(f.suffix[1:]),
                                    base_iri=graph_iri(base, f)))
        if isinstance(graph, NamedNode):  # a graphData file, even an empty one, is a graph
            store.add_graph(graph)
    for g in dataset_graphs(base, query):  # graphs the query's FROM names
        path = test.query.parent / g.rsplit("/", 1)[-1]
        if path.exists():
            store.extend(Quad(q.subject, q.predicate, q.object, NamedNode(g))
                         for q in parse(path.read_bytes(), format=RdfFormat.from_extension(path.suffix[1:]),
                                        base_iri=g))
    result = store.query(query, base_iri=base + "/sparql")
    media = expected_media(test)
    if isinstance(result, (QuerySolutions, QueryBoolean)):
        if media not in RESULTS_MEDIA_TYPES:
            media = "application/sparql-results+json"
        body = result.serialize(format=RESULTS_MEDIA_TYPES[media])
    else:
        media = "application/n-triples"
        body = result.serialize(format=GRAPH_MEDIA_TYPES[media])
    return same_answer(test, body, media, base)


def dataset_graphs(base: str, query: str) -> list[str]:
    from api.guard import check_query

    plan = check_query(query, [], base + "/sparql")
    return [*plan.from_default, *plan.from_named]


@pytest.fixture(scope="module")
def eval_server(tmp_path_factory):
    from api.config import Settings

    with running_server(Settings(store=tmp_path_factory.mktemp("w3c-eval") / "kgdata", update_token=TOKEN,
                                 query_timeout=20.0)) as base:
        yield base


def load_dataset(base: str, test: EvalTest, query: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert httpx.post(base + "/sparql", data={"update": "DROP ALL"}, headers=auth).status_code == 204
    from_files = [test.query.parent / g.rsplit("/", 1)[-1] for g in dataset_graphs(base, query)]
    for f in {*test.data, *test.graph_data, *(f for f in from_files if f.exists())}:
        r = httpx.put(base + "/rdf-graphs/service", params={"graph": graph_iri(base, f)},
                      content=f.read_bytes(), headers={**auth, "Content-Type": RDF_BY_SUFFIX[f.suffix]})
        assert r.status_code in (201, 204), r.text


@needs_suite
def test_the_sample_is_large():
    assert len(ALL) > 120


@needs_suite
@pytest.mark.parametrize("test", ALL, ids=lambda t: f"{t.suite}/{t.name}")
def test_w3c_evaluation_through_http(eval_server, test):
    base = eval_server
    query = test.query.read_text(encoding="utf-8")
    if test.kind == "NegativeSyntaxTest11":
        r = httpx.post(base + "/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 400, r.text
        return
    load_dataset(base, test, query)
    media = expected_media(test)
    r = httpx.post(base + "/sparql", params=dataset_params(base, test, query), content=query.encode(),
                   headers={"Content-Type": "application/sparql-query", "Accept": media}, timeout=30)
    if test.kind == "PositiveSyntaxTest11" or test.result is None:
        assert r.status_code == 200, r.text
        return
    assert r.status_code == 200, r.text
    got_media = r.headers["content-type"].split(";")[0]
    ok = same_answer(test, r.content, got_media, base)
    key = f"{test.suite}/{test.name}"
    engine_ok = None if ok else in_process(base, test, query)
    if key in KNOWN_ENGINE:
        assert not ok, f"{key} is listed as an engine bug but now passes: take it off KNOWN_ENGINE"
        assert engine_ok is False, f"{key} fails over HTTP only, not in-process: a service bug"
        pytest.xfail(KNOWN_ENGINE[key])
    assert ok, (f"wrong answer over HTTP (in-process the engine {'gets it right: a service bug' if engine_ok else 'is wrong too: list it in KNOWN_ENGINE'}):\n"
                f"{r.text[:1500]}")
