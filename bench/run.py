"""zhkg benchmarks (``make bench``): ingest speed, store load, query latency. Prints figures
and writes them to bench/results/<date>.json with the machine and versions.

    python bench/run.py [--ingest-chars 300000] [--triples 1000000] [--skip-rdflib]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import generate  # noqa: E402

RESULTS = Path(__file__).parent / "results"
KGO = "https://w3id.org/zhkg/ontology#"
KGR = "https://w3id.org/zhkg/id/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
PREFIX = f"PREFIX kgo: <{KGO}> PREFIX rdfs: <{RDFS}> "


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_ingest(chars: int) -> dict:
    import jieba

    from kg.documents import iter_paths
    from kg.ingest import _warm_up, ingest_paths
    from kg.store import open_store

    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        total = 0
        for name, text in generate(chars):
            (folder / name).write_text(text, encoding="utf-8")
            total += len(text)
        paths = iter_paths([folder])
        corpus = "".join(p.read_text(encoding="utf-8") for p in paths)
        jieba.setLogLevel(60)
        jieba.lcut("预热")
        start = time.perf_counter()
        jieba.lcut(corpus)
        jieba_cps = total / (time.perf_counter() - start)
        _warm_up()
        for workers in (1, os.cpu_count() or 1):
            store = open_store(Path(tmp) / f"store{workers}")
            start = time.perf_counter()
            report = ingest_paths(store, paths, workers=workers)
            seconds = time.perf_counter() - start
            store.close()
            out[f"workers_{workers}"] = {"chars_per_s": round(total / seconds), "seconds": round(seconds, 1),
                                         "documents": report.documents, "quads": report.quads}
        out.update(chars=total, jieba_lcut_chars_per_s=round(jieba_cps),
                   ratio_to_jieba=round(out["workers_1"]["chars_per_s"] / jieba_cps, 3),
                   parallel_speedup=round(out[f"workers_{os.cpu_count() or 1}"]["chars_per_s"]
                                          / out["workers_1"]["chars_per_s"], 2),
                   peak_rss_mb=round(peak_mb()))
    return out


CLUENER = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "cluener" / "train.json"
NER_SCORE = CLUENER.parent.parent.parent / "eval" / "ner_score.py"


def bench_ner() -> dict:
    """``kg ner`` on our held-out 10% of CLUENER train: characters per second, one core, and F1."""
    import subprocess

    from kg.ner import recognise
    from kg.train_ner import is_dev

    if not CLUENER.exists():
        return {"skipped": f"no {CLUENER}"}
    dev = [json.loads(line) for line in CLUENER.open(encoding="utf-8") if line.strip()]
    dev = [r for r in dev if is_dev(r["text"])]
    recognise("预热")
    start = time.perf_counter()
    preds = [{"id": i, "entities": recognise(r["text"])} for i, r in enumerate(dev)]
    seconds = time.perf_counter() - start
    chars = sum(len(r["text"]) for r in dev)
    out = {"sentences": len(dev), "chars_per_s": round(chars / seconds)}
    with tempfile.TemporaryDirectory() as tmp:
        data, pred = Path(tmp) / "dev.json", Path(tmp) / "pred.jsonl"
        data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dev), encoding="utf-8")
        pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
        if NER_SCORE.exists():
            scored = subprocess.run([sys.executable, str(NER_SCORE), str(data), "--pred", str(pred), "--json"],
                                    capture_output=True, text=True, check=True)
            out["scores"] = json.loads(scored.stdout)
    return out


def synthetic_nquads(triples: int, seed: int = 3) -> tuple[bytes, str, str]:
    """Officials visiting places (events), a 3-level region hierarchy, labels."""
    rng = random.Random(seed)
    provinces, prefectures, counties = 30, 300, 3000
    lines = []
    add = lines.append
    iri = lambda kind, i: f"<{KGR}{kind}/{i}>"  # noqa: E731
    for i in range(prefectures):
        add(f"{iri('region', f'p{i}')} <{KGO}locatedIn> {iri('region', f'prov{i % provinces}')} .")
    for i in range(counties):
        add(f"{iri('region', f'c{i}')} <{KGO}locatedIn> {iri('region', f'p{i % prefectures}')} .")
        add(f"{iri('region', f'c{i}')} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KGO}County> .")
    officials = max(1000, triples // 100)
    for i in range(officials):
        add(f"{iri('person', i)} <{RDFS}label> \"官员{i}\"@zh .")
    n = 0
    while len(lines) < triples:
        who, where = rng.randrange(officials), rng.randrange(counties)
        ev = iri("event", n)
        add(f"{ev} <{KGO}agent> {iri('person', who)} .")
        add(f"{ev} <{KGO}place> {iri('region', f'c{where}')} .")
        add(f"{ev} <{KGO}date> \"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\""
            "^^<http://www.w3.org/2001/XMLSchema#date> .")
        add(f"{iri('person', who)} <{KGO}visited> {iri('region', f'c{where}')} .")
        n += 1
    return ("\n".join(lines) + "\n").encode(), f"{KGR}person/7", f"{KGR}region/prov3"


QUERIES = {
    "a_visits_of_one_official": PREFIX + "SELECT ?place ?date WHERE { ?e kgo:agent <{person}> ; "
                                         "kgo:place ?place ; kgo:date ?date }",
    "b_officials_in_a_province": PREFIX + "SELECT DISTINCT ?who WHERE { ?who kgo:visited ?c . "
                                          "?c kgo:locatedIn+ <{province}> }",
    "c_visits_per_county_top10": PREFIX + "SELECT ?c (COUNT(*) AS ?n) WHERE { ?e kgo:place ?c } "
                                          "GROUP BY ?c ORDER BY DESC(?n) LIMIT 10",
    "d_one_hop_construct": PREFIX + "CONSTRUCT { <{person}> ?p ?o } WHERE { <{person}> ?p ?o }",
}


def _latencies(run, repeat: int) -> dict:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 2), "runs": repeat}


def bench_store(triples: int, skip_rdflib: bool) -> dict:
    from pyoxigraph import RdfFormat, Store

    data, person, province = synthetic_nquads(triples)
    out: dict = {"triples": triples}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(tmp)
        start = time.perf_counter()
        store.bulk_load(data, format=RdfFormat.N_TRIPLES)
        store.flush()
        out["oxigraph_disk_load_s"] = round(time.perf_counter() - start, 1)
        out["oxigraph_disk_triples_per_s"] = round(triples / out["oxigraph_disk_load_s"])
        out["oxigraph_disk_mb"] = round(sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file()) / 1e6, 1)
        for name, q in QUERIES.items():
            text = q.replace("{person}", person).replace("{province}", province)
            out[f"oxigraph_{name}"] = _latencies(lambda: list(store.query(text)), 20)
        del store
    if not skip_rdflib:
        import rdflib

        g = rdflib.Graph()
        start = time.perf_counter()
        g.parse(data=data.decode(), format="nt")
        out["rdflib_memory_load_s"] = round(time.perf_counter() - start, 1)
        for name, q in QUERIES.items():
            text = q.replace("{person}", person).replace("{province}", province)
            out[f"rdflib_{name}"] = _latencies(lambda: list(g.query(text)), 3)
            out[f"ratio_{name}"] = round(out[f"rdflib_{name}"]["p50_ms"] / max(out[f"oxigraph_{name}"]["p50_ms"], 0.001), 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ingest-chars", type=int, default=300_000)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--skip-rdflib", action="store_true")
    a = ap.parse_args()
    result = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "machine": {"python": platform.python_version(), "platform": platform.platform(),
                          "cpus": os.cpu_count()},
              "versions": {p: version(p) for p in ("pyoxigraph", "rdflib", "jieba", "python-crfsuite")}}
    result["ner"] = bench_ner()
    print(json.dumps({"ner": result["ner"]}, ensure_ascii=False, indent=1), flush=True)
    result["ingest"] = bench_ingest(a.ingest_chars)
    print(json.dumps({"ingest": result["ingest"]}, ensure_ascii=False, indent=1), flush=True)
    result["store"] = bench_store(a.triples, a.skip_rdflib)
    print(json.dumps({"store": result["store"]}, ensure_ascii=False, indent=1), flush=True)
    RESULTS.mkdir(exist_ok=True)
    target = RESULTS / f"{result['date'][:19].replace(':', '')}.json"
    target.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"written to {target}")


if __name__ == "__main__":
    main()
