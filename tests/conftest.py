"""Shared fixtures: the seed corpus ingested into a real on-disk store, and a real server."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).parent / "data" / "seeds_gold.json"


# Debian's Chromium, driven by Playwright, for the browser tests; started with the flags that keep
# it from reaching for the network (this machine's network is closed but for 127.0.0.1).
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (make test-deps installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory) -> Path:
    from kg.documents import iter_paths
    from kg.ingest import ingest_paths
    from kg.store import open_store

    path = tmp_path_factory.mktemp("store") / "kgdata"
    store = open_store(path)
    report = ingest_paths(store, iter_paths([SEEDS]))
    store.close()
    assert report.documents == 5
    return path


@pytest.fixture(scope="session")
def seed_store(seed_store_path):
    from kg.store import open_store

    return open_store(seed_store_path, read_only=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.05)


@contextlib.contextmanager
def kg_serve(store: Path, env: dict | None = None, seconds: float = 60):
    """`kg serve` on a store as its own process, as a user starts it: yields its base URL."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store),
                               "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(base + "/", seconds=seconds)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextlib.contextmanager
def running_server(settings):
    """A real uvicorn server on 127.0.0.1 in a thread; yields its base URL."""
    from api.app import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base + "/")
    try:
        yield base
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(seed_store_path, tmp_path_factory):
    from api.config import Settings

    copy = tmp_path_factory.mktemp("served") / "kgdata"
    shutil.copytree(seed_store_path, copy)
    with running_server(Settings(store=copy, query_timeout=3.0)) as base:
        yield base


OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


@contextlib.contextmanager
def oxigraph_server(location: Path):
    """A real SPARQL 1.1 server (the Oxigraph server from PyPI) on 127.0.0.1; yields its base URL."""
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server binary (PyPI package oxigraph) is not installed")
    port = _free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(location), "--bind",
                             f"127.0.0.1:{port}", "--timeout-s", "30"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base + "/query?query=ASK%20%7B%7D")
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def remote_server(seed_store, tmp_path_factory):
    """The API on top of a remote SPARQL server holding the seed graph."""
    from api.config import Settings

    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as sparql:
        r = httpx.post(sparql + "/store", content=seed_store.dump("nquads"),
                       headers={"Content-Type": "application/n-quads"}, timeout=60)
        assert r.status_code < 300, r.text
        with running_server(Settings(store=sparql + "/query", query_timeout=3.0)) as base:
            yield base


@pytest.fixture(scope="session")
def virtuoso_api(tmp_path_factory):
    """The API on top of Virtuoso holding the seed graph (ingested through the remote store)."""
    from api.config import Settings

    with virtuoso_server(tmp_path_factory.mktemp("virtuoso-api")) as sparql:
        out = subprocess.run([sys.executable, "-m", "kg.cli", "ingest", str(SEEDS), "--store", sparql],
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        with running_server(Settings(store=sparql, query_timeout=10.0)) as base:
            yield base


@pytest.fixture(scope="session", params=["embedded", "oxigraph-server", "virtuoso"])
def api(request):
    """The same service on the embedded store and on two remote SPARQL servers."""
    name = {"embedded": "server", "oxigraph-server": "remote_server", "virtuoso": "virtuoso_api"}
    return request.getfixturevalue(name[request.param])


VIRTUOSO = shutil.which("virtuoso-t")
VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 10
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


@contextlib.contextmanager
def virtuoso_server(folder: Path):
    """Virtuoso (Debian's virtuoso-opensource-7-bin) on 127.0.0.1 only, SPARQL updates granted;
    yields its /sparql URL. ResultSetMaxRows is raised: the default truncates silently."""
    if VIRTUOSO is None:
        pytest.skip("virtuoso-t is not installed (make test-deps installs it)")
    sql, http = _free_port(), _free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=folder, sql=sql, http=http))
    proc = subprocess.Popen([VIRTUOSO, "-f", "-c", str(folder / "virtuoso.ini")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http}/sparql"
    wait_until_up(url + "?query=ASK%7B%7D", seconds=60)
    subprocess.run(["isql-vt", f"127.0.0.1:{sql}", "dba", "dba",
                    'exec=GRANT SPARQL_UPDATE TO "SPARQL";'], check=True, capture_output=True, timeout=60)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
