"""The W3C SPARQL 1.1 Graph Store HTTP Protocol test suite (graph-store-protocol/, direct
and indirect identification), run as the HTTP exchanges its manifests describe against a
real server on 127.0.0.1 with the update token: ``/gsp`` is this service's
``/rdf-graphs/service`` and ``/gsp/<path>`` its ``/rdf-graphs/<path>``. Each test starts
from an empty store (the tests expect ``201 Created`` for graphs earlier tests made), the
expected bodies are compared by graph isomorphism, ``$LOCATION$`` is the Location header
of the POST that created a graph."""

from __future__ import annotations

import httpx
import pytest

from conftest import running_server
from test_w3c_protocol import TOKEN, W3C, load_manifest, map_path, reset, run

GSP = W3C / "graph-store-protocol" / "manifest.ttl"
GSP_TESTS = load_manifest(GSP) if GSP.exists() else []
needs_suite = pytest.mark.skipif(not GSP.exists(), reason="the W3C test suites are not in ../shared/w3c")


@pytest.fixture(scope="module")
def gsp_server(tmp_path_factory):
    from api.config import Settings

    with running_server(Settings(store=tmp_path_factory.mktemp("gsp") / "kgdata", update_token=TOKEN,
                                 query_timeout=10.0)) as base:
        yield base


@needs_suite
def test_the_manifests_have_the_13_tests():
    assert len(GSP_TESTS) == 13


@needs_suite
@pytest.mark.parametrize("test", GSP_TESTS, ids=lambda t: t.name)
def test_graph_store_protocol(gsp_server, test):
    reset(gsp_server, TOKEN, [])
    assert run(gsp_server, test, token=TOKEN, read_only=False) == []


@needs_suite
def test_graph_store_writes_are_refused_read_only(tmp_path_factory):
    """A read-only service answers 403 to every write of the suite and keeps nothing."""
    from api.config import Settings
    from kg.store.oxigraph import OxigraphStore

    path = tmp_path_factory.mktemp("gsp-ro") / "kgdata"
    OxigraphStore(path).close()
    writes = [ex for t in GSP_TESTS for ex in t.exchanges if ex.method in ("PUT", "POST", "DELETE")]
    with running_server(Settings(store=path)) as base:
        for ex in writes:
            r = httpx.request(ex.method, base + map_path(ex.path.replace("$LOCATION$", "urn:x")),
                              content=ex.body, headers=ex.headers)
            assert r.status_code == 403, (ex.method, ex.path, r.text)
        count = httpx.get(base + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
        assert count.json()["results"]["bindings"][0]["n"]["value"] == "0"
    assert len(writes) > 15
