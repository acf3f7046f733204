"""Ingest on real stories (the shared CCTV transcripts, one story a text file): characters per
second serially, on all local cores and on a local Dask cluster of 2 worker processes; the
parent's memory as the corpus grows; the time from `kg ingest` ending to a running `kg serve`
answering with the new document; and how time grows with one document's length.

    python bench/ingest_real.py [--stories 120] [--skip-dask] [--skip-serve] [--long 20000,40000,80000]

Writes bench/results/ingest-real.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cctv import as_text, stories  # noqa: E402

RESULTS = Path(__file__).parent / "results"
KG = [sys.executable, "-m", "kg.cli"]


def _corpus(folder: Path, n: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i, s in enumerate(x for x in stories() if not x.program and x.body.strip()):
        if i >= n:
            break
        text = as_text(s)
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def _ingest(folder: Path, store: Path, **kw) -> tuple[float, list[float]]:
    import psutil

    from kg.documents import iter_paths
    from kg.ingest import ingest_paths
    from kg.store import open_store

    me = psutil.Process()
    rss: list[float] = []
    paths = iter_paths([folder])
    step = max(1, len(paths) // 4)
    done = [0]

    def progress(_: str) -> None:
        done[0] += 1
        if done[0] % step == 0:
            rss.append(round(me.memory_info().rss / 2**20))

    st = open_store(store)
    start = time.perf_counter()
    report = ingest_paths(st, paths, progress=progress, **kw)
    seconds = time.perf_counter() - start
    st.close()
    assert not report.refused, report.refused[:3]
    return seconds, rss


def bench_speed(n: int, dask: bool) -> dict:
    from kg.ingest import _warm_up

    _warm_up()
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "stories"
        chars = _corpus(folder, n)
        out["stories"], out["chars"] = n, chars
        seconds, rss = _ingest(folder, Path(tmp) / "s1")
        out["serial_chars_per_s"] = round(chars / seconds)
        out["serial_parent_rss_mb_by_quarter"] = rss
        cores = os.cpu_count() or 1
        seconds, rss = _ingest(folder, Path(tmp) / "s2", workers=cores)
        out[f"all_{cores}_cores_chars_per_s"] = round(chars / seconds)
        out["pool_parent_rss_mb_by_quarter"] = rss
        if dask:
            from distributed import Client, LocalCluster

            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                              host="127.0.0.1", dashboard_address=None) as cluster, \
                    Client(cluster) as client:
                client.wait_for_workers(2)
                client.run(_warm_up)
                seconds, rss = _ingest(folder, Path(tmp) / "s3", cluster=cluster.scheduler_address)
            out["dask_2_workers_chars_per_s"] = round(chars / seconds)
    return out


def bench_serve_lag() -> dict:
    """Seconds from a separate `kg ingest` process ending to a running read-only service
    answering with its document (polled every 50 ms)."""
    import httpx

    from tests.conftest import _free_port, wait_until_up

    query = {"query": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { ?g a kgo:Document }"}
    accept = {"Accept": "application/sparql-results+json"}

    def count(base: str) -> int:
        r = httpx.get(base + "/sparql", params=query, headers=accept, timeout=30)
        return int(r.json()["results"]["bindings"][0]["n"]["value"])

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "kgdata"
        _corpus(Path(tmp) / "a", 2)
        subprocess.run([*KG, "ingest", str(Path(tmp) / "a" / "00000.txt"), "--store", str(store)],
                       check=True, capture_output=True)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([*KG, "serve", "--store", str(store), "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(base + "/", 60)
            before = count(base)
            subprocess.run([*KG, "ingest", str(Path(tmp) / "a" / "00001.txt"), "--store", str(store)],
                           check=True, capture_output=True)
            ended = time.perf_counter()
            while count(base) == before and time.perf_counter() - ended < 30:
                time.sleep(0.05)
            return {"serve_sees_ingest_after_s": round(time.perf_counter() - ended, 3)}
        finally:
            server.terminate()
            server.wait(timeout=20)


def bench_long(sizes: list[int]) -> dict:
    """Seconds for one document of n characters: one line without stops, and real stories
    run together in one file."""
    from kg.ingest import _warm_up, record_to_result
    from kg.sources import Format, Record

    _warm_up()
    corpus = "".join(as_text(s) for s in stories()[:400] if not s.program)
    line = corpus.replace("\n", "").replace("。", "").replace("，", "")
    out: dict = {}
    for kind, source in (("one_line", line), ("stories_in_one_file", corpus)):
        for n in sizes:
            start = time.perf_counter()
            result = record_to_result(Record("x", "x", Format.TEXT, Format.TEXT, source[:n].encode()))
            assert not result.error, result.error
            out[f"{kind}_{n}_chars_s"] = round(time.perf_counter() - start, 2)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=120)
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-serve", action="store_true")
    ap.add_argument("--long", default="", help="document lengths to time, e.g. 20000,40000,80000")
    args = ap.parse_args()
    out = bench_speed(args.stories, not args.skip_dask)
    if not args.skip_serve:
        out.update(bench_serve_lag())
    if args.long:
        out.update(bench_long([int(x) for x in args.long.split(",")]))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ingest-real.json").write_text(json.dumps(out, indent=1))
    for k, v in out.items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
