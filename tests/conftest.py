"""Shared fixtures: the seed corpus ingested into a real on-disk store, and a real server."""

from __future__ import annotations

import shutil
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


@pytest.fixture(scope="session")
def server(seed_store_path, tmp_path_factory):
    from api.app import create_app
    from api.config import Settings

    copy = tmp_path_factory.mktemp("served") / "kgdata"
    shutil.copytree(seed_store_path, copy)
    port = _free_port()
    config = uvicorn.Config(create_app(Settings(store=copy)), host="127.0.0.1", port=port,
                            log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(base + "/", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.05)
    yield base
    srv.should_exit = True
    thread.join(timeout=10)
