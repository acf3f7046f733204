"""The same CLI on real SPARQL servers (the Oxigraph server and Virtuoso), started here on
127.0.0.1 by the tests themselves."""

from __future__ import annotations

import pytest

from conftest import SEEDS, oxigraph_server, virtuoso_server
from test_cli import kg


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def sparql_server(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "oxigraph":
        with oxigraph_server(folder) as base:
            yield base + "/query"
    else:
        with virtuoso_server(folder) as url:
            yield url


def test_ingest_export_and_visits_match_the_embedded_store(sparql_server, seed_store_path, tmp_path):
    assert kg("ingest", str(SEEDS), "--store", sparql_server).returncode == 0
    assert kg("ingest", str(SEEDS / "001_1e226f55ebd70148.txt"), "--store", sparql_server).returncode == 0
    remote = kg("export", "--store", sparql_server, "--format", "nquads").stdout
    local = kg("export", "--store", str(seed_store_path), "--format", "nquads").stdout
    assert sorted(remote.splitlines()) == sorted(local.splitlines())
    visits = kg("visits", "--person", "庄悦群", "--store", sparql_server)
    assert "茂南区" in visits.stdout and "2026-04-09" in visits.stdout


def test_a_malformed_query_is_the_servers_clear_error(sparql_server):
    out = kg("query", "SELEC ?x", "--store", sparql_server)
    assert out.returncode == 2 and "bad SPARQL" in out.stderr
