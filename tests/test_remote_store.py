"""The same CLI on a real SPARQL server (Oxigraph server, started here on 127.0.0.1)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import SEEDS
from test_cli import kg

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


@pytest.fixture(scope="module")
def sparql_server(tmp_path_factory):
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server binary (PyPI package oxigraph) is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    location = tmp_path_factory.mktemp("oxigraph-server")
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(location), "--bind",
                             f"127.0.0.1:{port}", "--timeout-s", "30"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(base + "/query", params={"query": "ASK {}"}, timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.05)
    yield base + "/query"
    proc.terminate()
    proc.wait(timeout=10)


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
