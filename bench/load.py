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


SPARQL = "SELECT ?p ?x WHERE { ?p kgo:visited ?x ; rdfs:label ?l . FILTER(CONTAINS(?l, %s)) } LIMIT 20"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


async def client(base: str, until: float, names: list[str], latencies: list[float],
                 errors: list[str], seed: int, mixed: bool = False) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.perf_counter() < until:
            name = rng.choice(names)
            pick = rng.random()
            if not mixed:
                request = http.get("/visits", params={"person": name}) if pick < 0.5 else \
                    http.get("/entities", params={"q": name[:1]})
            elif pick < 0.2:
                request = http.get("/visits", params={"person": name})
            elif pick < 0.4:
                request = http.get("/entities", params={"q": name[:1]})
            elif pick < 0.55:
                request = http.get("/entities/person/" + name)
            elif pick < 0.7:
                request = http.get("/sparql", params={"query": SPARQL % json.dumps(name[:1], ensure_ascii=False)})
            elif pick < 0.85:
                request = http.post("/sparql", data={"query": SPARQL % json.dumps(name[-1:], ensure_ascii=False)})
            else:
                request = http.get("/graph.html", params={"focus": name, "hops": 1})
            start = time.perf_counter()
            try:
                r = await request
                if r.status_code not in (200, 404):
                    errors.append(str(r.status_code))
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
            latencies.append((time.perf_counter() - start) * 1000)


async def runaway(base: str, until: float, answers: list[int]) -> None:
    """One client that keeps a runaway POST in flight (each is stopped at the deadline)."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        while time.perf_counter() < until:
            r = await http.post("/sparql", data={"query": RUNAWAY})
            answers.append(r.status_code)


async def run(base: str, clients: int, seconds: float, names: list[str], mixed: bool = False,
              with_runaway: bool = False) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    runaways: list[int] = []
    until = time.perf_counter() + seconds
    start = time.perf_counter()
    tasks = [client(base, until, names, latencies, errors, i, mixed) for i in range(clients)]
    if with_runaway:
        tasks.append(runaway(base, until, runaways))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    latencies.sort()
    out = {"clients": clients, "mixed": mixed, "seconds": round(elapsed, 1), "requests": len(latencies),
           "requests_per_s": round(len(latencies) / elapsed, 1),
           "p50_ms": round(statistics.median(latencies), 1),
           "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 1), "errors": len(errors)}
    if errors:
        out["error_kinds"] = dict(sorted((k, errors.count(k)) for k in set(errors)))
    if with_runaway:
        out["runaway_answers"] = dict(sorted((str(k), runaways.count(k)) for k in set(runaways)))
    return out


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
    ap.add_argument("--mixed", action="store_true",
                    help="visits, search, entity, SPARQL GET and POST, graph page; quiet, then with a "
                         "runaway POST in flight")
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
    if a.mixed:
        quiet = asyncio.run(run(base, a.clients, a.seconds, names, mixed=True))
        loaded = asyncio.run(run(base, a.clients, a.seconds, names, mixed=True, with_runaway=True))
        result = {"mixed_quiet": quiet, "mixed_with_runaway_post": loaded,
                  "p99_ratio": round(loaded["p99_ms"] / max(quiet["p99_ms"], 0.1), 2)}
    else:
        result = {"load": asyncio.run(run(base, a.clients, a.seconds, names))}
    server.should_exit = True
    thread.join(timeout=10)
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
