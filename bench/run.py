"""zhkg benchmarks (``make bench``): ingest speed, store load, query latency. Prints figures
and writes them to bench/results/<date>.json with the machine and versions.

    python bench/run.py [--ingest-chars 3000000] [--triples 1000000,10000000] [--rdflib-max N]

Ingest speed is measured on real text: a fixed sample of the shared CCTV stories (the first
days' transcripts, one story a file, ~3 M characters), end to end (`kg ingest`'s reading,
extraction and store), on one core and on all, beside bare ``jieba.lcut`` on the same text.
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

from bench.cctv import sample as cctv_sample  # noqa: E402
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
        for name, text in cctv_sample(chars):
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
MSRA = CLUENER.parent.parent / "msra" / "train.bio"
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
    start = time.perf_counter()  # a fresh process: import, model, lexicon, gazetteer, jieba
    subprocess.run([sys.executable, "-c", "from kg.ner import recognise; recognise('市委书记到茂南区调研')"],
                   check=True)
    first_use_s = round(time.perf_counter() - start, 2)
    recognise("预热")
    start = time.perf_counter()
    preds = [{"id": i, "entities": recognise(r["text"])} for i, r in enumerate(dev)]
    seconds = time.perf_counter() - start
    chars = sum(len(r["text"]) for r in dev)
    out = {"sentences": len(dev), "chars_per_s": round(chars / seconds),
           "first_sentence_in_a_fresh_process_s": first_use_s}
    with tempfile.TemporaryDirectory() as tmp:
        data, pred = Path(tmp) / "dev.json", Path(tmp) / "pred.jsonl"
        data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dev), encoding="utf-8")
        pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
        if NER_SCORE.exists():
            scored = subprocess.run([sys.executable, str(NER_SCORE), str(data), "--pred", str(pred), "--json"],
                                    capture_output=True, text=True, check=True)
            out["scores"] = json.loads(scored.stdout)
    if MSRA.exists():
        out["msra"] = bench_ner_msra()
    return out


def bench_ner_msra() -> dict:
    """The MSRA-scheme model on our held-out 10% of MSRA NER train: exact-span P/R/F1 per class
    and characters per second of ``recognise(text, "msra")``, one core."""
    from kg.extract.tagger import load_lexicon, model_path
    from kg.ner import recognise
    from kg.train_ner import is_dev, read_msra, score

    dev = [r for r in read_msra(MSRA) if is_dev(r["text"])]
    scores = score(model_path("msra"), dev, load_lexicon("msra"), pretrained=True)
    sample = dev[:1000]
    start = time.perf_counter()
    for r in sample:
        recognise(r["text"], "msra")
    seconds = time.perf_counter() - start
    return {"sentences": len(dev), "scores": scores,
            "chars_per_s": round(sum(len(r["text"]) for r in sample) / seconds)}


STATS = f"<{KGR}graph/stats>"


def synthetic_nquads(triples: int, seed: int = 3) -> tuple[bytes, str, str]:
    """Officials visiting counties (events), a 3-level region hierarchy with its materialised
    closure (kgo:inRegion, kgo:visitedIn, as ingest writes them), labels, and the per-region visit counts
    that the store keeps in the stats graph. N-Quads."""
    rng = random.Random(seed)
    provinces, prefectures, counties = 30, 300, 3000
    lines = []
    add = lines.append
    iri = lambda kind, i: f"<{KGR}{kind}/{i}>"  # noqa: E731
    in_region = f"<{KGO}inRegion>"
    for i in range(provinces):
        add(f"{iri('region', f'prov{i}')} {in_region} {iri('region', f'prov{i}')} .")
    for i in range(prefectures):
        p, prov = iri("region", f"p{i}"), iri("region", f"prov{i % provinces}")
        add(f"{p} <{KGO}locatedIn> {prov} .")
        add(f"{p} {in_region} {p} .")
        add(f"{p} {in_region} {prov} .")
    for i in range(counties):
        c, p = iri("region", f"c{i}"), iri("region", f"p{i % prefectures}")
        add(f"{c} <{KGO}locatedIn> {p} .")
        add(f"{c} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KGO}County> .")
        add(f"{c} {in_region} {c} .")
        add(f"{c} {in_region} {p} .")
        add(f"{c} {in_region} {iri('region', f'prov{i % prefectures % provinces}')} .")
    officials = max(1000, triples // 100)
    for i in range(officials):
        add(f"{iri('person', i)} <{RDFS}label> \"官员{i}\"@zh .")
    visits = [0] * counties
    n = 0
    while len(lines) < triples - counties:
        who, where = rng.randrange(officials), rng.randrange(counties)
        ev = iri("event", n)
        add(f"{ev} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KGO}Visit> .")
        add(f"{ev} <{KGO}agent> {iri('person', who)} .")
        add(f"{ev} <{KGO}place> {iri('region', f'c{where}')} .")
        add(f"{ev} <{KGO}date> \"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\""
            "^^<http://www.w3.org/2001/XMLSchema#date> .")
        add(f"{iri('person', who)} <{KGO}visited> {iri('region', f'c{where}')} .")
        for region in (f"c{where}", f"p{where % prefectures}", f"prov{where % prefectures % provinces}"):
            add(f"{iri('person', who)} <{KGO}visitedIn> {iri('region', region)} .")
        visits[where] += 1
        n += 1
    for i, count in enumerate(visits):
        add(f"{iri('region', f'c{i}')} <{KGO}visitCount> \"{count}\"^^<http://www.w3.org/2001/XMLSchema#integer> "
            f"{STATS} .")
    return ("\n".join(lines) + "\n").encode(), f"{KGR}person/7", f"{KGR}region/prov3"


# (b) and (c) as zhkg asks them (over the materialised closure and the kept counts), and,
# for comparison, the same questions asked without that design (a property path; counting
# every visit).
QUERIES = {
    "a_visits_of_one_official": PREFIX + "SELECT ?place ?date WHERE { ?e kgo:agent <{person}> ; "
                                         "kgo:place ?place ; kgo:date ?date }",
    "b_officials_in_a_province": PREFIX + "SELECT DISTINCT ?who WHERE { ?who kgo:visitedIn <{province}> }",
    "c_visits_per_county_top10": PREFIX + f"SELECT ?c ?n WHERE {{ GRAPH {STATS} {{ ?c kgo:visitCount ?n }} "
                                          "?c a kgo:County } ORDER BY DESC(?n) LIMIT 10",
    "d_one_hop_construct": PREFIX + "CONSTRUCT { <{person}> ?p ?o } WHERE { <{person}> ?p ?o }",
    "b_without_closure": PREFIX + "SELECT DISTINCT ?who WHERE { ?who kgo:visited ?c . "
                                  "?c kgo:locatedIn+ <{province}> }",
    "c_without_counts": PREFIX + "SELECT ?c (COUNT(*) AS ?n) WHERE { ?e kgo:place ?c } "
                                 "GROUP BY ?c ORDER BY DESC(?n) LIMIT 10",
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


def bench_store(triples: int, rdflib_too: bool) -> dict:
    from pyoxigraph import RdfFormat

    from kg.documents import load
    from kg.ingest import document_quads
    from kg.rdf import doc_iri
    from kg.store.oxigraph import OxigraphStore

    pages = [document_quads(load(text.encode(), name, name)) for name, text in generate(20_000, seed=11)][:5]
    data, person, province = synthetic_nquads(triples)
    out: dict = {"triples": triples}
    with tempfile.TemporaryDirectory() as tmp:
        ours = OxigraphStore(Path(tmp))
        start = time.perf_counter()
        ours._store.bulk_load(data, format=RdfFormat.N_QUADS)
        ours.flush()
        out["oxigraph_disk_load_s"] = round(time.perf_counter() - start, 1)
        out["oxigraph_disk_triples_per_s"] = round(triples / out["oxigraph_disk_load_s"])
        out["oxigraph_disk_mb"] = round(sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file()) / 1e6, 1)
        for name, q in QUERIES.items():
            text = q.replace("{person}", person).replace("{province}", province)
            out[f"oxigraph_{name}"] = _latencies(
                lambda: list(ours.query(text)),
                20 if "without" not in name else (3 if triples <= 1_000_000 else 1))
        # Incremental: one page (its graph and its share of the visit counts) into the big store.
        times = []
        for i, quads in enumerate(pages):
            start = time.perf_counter()
            ours.replace_graph(doc_iri(f"bench-page-{i}").value, quads)
            times.append((time.perf_counter() - start) * 1000)
        out["oxigraph_add_one_page_ms"] = {"p50_ms": round(statistics.median(times), 1),
                                           "max_ms": round(max(times), 1), "runs": len(times)}
        ours.close()
    if rdflib_too:
        import rdflib

        g = rdflib.Dataset(default_union=True)
        start = time.perf_counter()
        g.parse(data=data.decode(), format="nquads")
        out["rdflib_memory_load_s"] = round(time.perf_counter() - start, 1)
        for name, q in QUERIES.items():
            if "without" in name and triples > 1_000_000:
                continue  # minutes each on rdflib at this size, and not zhkg's way of asking
            text = q.replace("{person}", person).replace("{province}", province)
            out[f"rdflib_{name}"] = _latencies(lambda: list(g.query(text)), 3)
            out[f"ratio_{name}"] = round(out[f"rdflib_{name}"]["p50_ms"] / max(out[f"oxigraph_{name}"]["p50_ms"], 0.001), 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ingest-chars", type=int, default=3_000_000)
    ap.add_argument("--triples", default="1000000,10000000",
                    help="store sizes to measure, comma-separated")
    ap.add_argument("--rdflib-max", type=int, default=1_000_000,
                    help="largest size also loaded into rdflib (in memory: ~1.7 GB per million triples)")
    a = ap.parse_args()
    result = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "machine": {"python": platform.python_version(), "platform": platform.platform(),
                          "cpus": os.cpu_count()},
              "versions": {p: version(p) for p in ("pyoxigraph", "rdflib", "jieba", "rjieba", "python-crfsuite")}}
    result["ner"] = bench_ner()
    print(json.dumps({"ner": result["ner"]}, ensure_ascii=False, indent=1), flush=True)
    result["ingest"] = bench_ingest(a.ingest_chars)
    print(json.dumps({"ingest": result["ingest"]}, ensure_ascii=False, indent=1), flush=True)
    result["store"] = {}
    for size in (int(x) for x in a.triples.split(",")):
        result["store"][str(size)] = bench_store(size, rdflib_too=size <= a.rdflib_max)
        print(json.dumps({"store": {size: result["store"][str(size)]}}, ensure_ascii=False, indent=1), flush=True)
    RESULTS.mkdir(exist_ok=True)
    target = RESULTS / f"{result['date'][:19].replace(':', '')}.json"
    target.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"written to {target}")


if __name__ == "__main__":
    main()
