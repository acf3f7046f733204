"""Extraction on a real Dask cluster: a scheduler and two worker processes on 127.0.0.1."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS, _free_port, wait_until_up

KG = [sys.executable, "-m", "kg.cli"]
DASK = Path(sys.executable).parent / "dask"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not DASK.exists():
        pytest.skip("dask (dask[distributed]) is not installed")
    port, dash = _free_port(), _free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("dask")
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--dashboard-address", f"127.0.0.1:{dash}"],
                              stdout=subprocess.DEVNULL, stderr=(log / "scheduler.log").open("w"))]
    wait_until_up(f"http://127.0.0.1:{dash}/health", seconds=60)
    for i in range(2):
        procs.append(subprocess.Popen([str(DASK), "worker", address, "--nworkers", "1",
                                       "--nthreads", "1", "--host", "127.0.0.1",
                                       "--no-dashboard", "--memory-limit", "2GB"],  # Dask pauses at 80%: see README
                                      stdout=subprocess.DEVNULL,
                                      stderr=(log / f"worker{i}.log").open("w")))
    try:
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


def test_ingest_on_a_dask_cluster_stores_what_a_serial_run_does(cluster, tmp_path: Path):
    from distributed import Client

    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    (docs / "records.jsonl").write_text(
        '{"id": "r1", "text": "本报讯 5月3日，云浮市委副书记、市长张三丰到新兴县调研。"}\n{"id": "r2"}\n',
        encoding="utf-8")
    with Client(cluster, timeout=60) as client:
        client.wait_for_workers(2, timeout=120)
        assert len(client.scheduler_info()["workers"]) == 2
    serial, spread = tmp_path / "serial", tmp_path / "cluster"
    one = subprocess.run([*KG, "ingest", str(docs), "--store", str(serial)],
                         capture_output=True, text=True, timeout=600)
    two = subprocess.run([*KG, "ingest", str(docs), "--store", str(spread), "--cluster", cluster],
                         capture_output=True, text=True, timeout=600)
    assert one.returncode == two.returncode == 1  # the record without text, refused by both
    assert one.stdout == two.stdout.replace(str(spread), str(serial))
    assert "ingested 6 document(s)" in two.stdout and "records.jsonl:2" in two.stderr
    dumps = [subprocess.run([*KG, "export", "--store", str(p), "--format", "nquads"],
                            capture_output=True, text=True, timeout=300).stdout for p in (serial, spread)]
    assert sorted(dumps[0].splitlines()) == sorted(dumps[1].splitlines())
    assert len(dumps[0].splitlines()) > 1000


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path):
    out = subprocess.run([*KG, "ingest", str(SEEDS / "001_1e226f55ebd70148.txt"), "--store",
                          str(tmp_path / "s"), "--cluster", f"tcp://127.0.0.1:{_free_port()}"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 2 and "cannot reach the Dask scheduler" in out.stderr
