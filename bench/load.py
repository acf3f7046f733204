"""Load benchmark of the service (loopback only, bounded): N concurrent clients for T seconds
mixing "who visited where" queries and entity lookups; prints throughput, p50/p99, errors.

    python bench/load.py --store kgdata [--clients 16] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


async def client(base: str, until: float, names: list[str], latencies: list[float],
                 errors: list[str], seed: int) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.perf_counter() < until:
            name = rng.choice(names)
            if rng.random() < 0.5:
                request = http.get("/visits", params={"person": name})
            else:
                request = http.get("/entities", params={"q": name[:1]})
            start = time.perf_counter()
            try:
                r = await request
                if r.status_code != 200:
                    errors.append(str(r.status_code))
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
            latencies.append((time.perf_counter() - start) * 1000)


async def run(base: str, clients: int, seconds: float, names: list[str]) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    until = time.perf_counter() + seconds
    start = time.perf_counter()
    await asyncio.gather(*(client(base, until, names, latencies, errors, i) for i in range(clients)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(latencies),
            "requests_per_s": round(len(latencies) / elapsed, 1),
            "p50_ms": round(statistics.median(latencies), 1),
            "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 1), "errors": len(errors)}


def main() -> None:
    import threading

    import uvicorn

    from api.app import create_app
    from api.config import Settings
    from kg.store import open_store

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--port", type=int, default=8799)
    a = ap.parse_args()
    store = open_store(a.store, read_only=True)
    names = [r["l"] for r in store.select("SELECT DISTINCT ?l WHERE { ?p a kgo:Official ; rdfs:label ?l }")]
    store.close()
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(store=a.store)), host="127.0.0.1",
                                           port=a.port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{a.port}"
    for _ in range(200):
        try:
            httpx.get(base + "/", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.05)
    result = asyncio.run(run(base, a.clients, a.seconds, names))
    server.should_exit = True
    thread.join(timeout=10)
    print(json.dumps({"load": result}, indent=1))


if __name__ == "__main__":
    main()
