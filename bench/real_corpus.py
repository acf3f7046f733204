"""The 新闻联播 corpus as a store made by ingesting real documents, built once and kept.

    python bench/real_corpus.py build [--workers 2] [--triples 10000000]

Every story of ``../shared/data/cctv_news/news/*.md`` (24,102 of them, one document each: the
programme's date line, the heading, the body) goes through the ingest's extraction on a
process pool; what each story yields (its :class:`~kg.extract.model.Facts`) is kept in
``bench/.realstore/`` (git-ignored), so that the slow part runs once and an interrupted run
resumes where it stopped. The store is then written the way ``kg ingest`` writes it (one
``replace_graph`` transaction per document, ``kg.rdf.to_quads`` making the quads): first the
stories themselves (kept as the ``1x`` store), then copies of them (the same facts under other
document ids and dates, so that 习近平 and every other entity is stated by many thousands of
documents) until the store holds ``--triples`` quads. A store is rebuilt only when the layout
code (kg/rdf.py, kg/store/graph_update.py) or the extractor's version changes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import pickle
import re
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NEWS = ROOT.parent / "shared" / "data" / "cctv_news" / "news"
CACHE = ROOT / "bench" / ".realstore"
_SECTION = re.compile(r"^### (.+?)\n(.*?)\[查看原文\]\((\S+?)\)", re.S | re.M)
COPY_SHIFT_DAYS = 1700  # copy k is dated k × this many days before its original (no day overlaps)


def stories(news: Path = NEWS) -> list[tuple[str, dt.date, str]]:
    """(document id, day, text) of every story of every day, in day order."""
    out = []
    for md in sorted(news.glob("*.md")):
        day = dt.date(int(md.stem[:4]), int(md.stem[4:6]), int(md.stem[6:8]))
        details = md.read_text(encoding="utf-8").partition("## 详细新闻")[2]
        for i, m in enumerate(_SECTION.finditer(details), 1):
            body = m.group(2).replace("**", "").strip()
            text = f"新闻联播 {day.year}年{day.month}月{day.day}日\n{m.group(1).strip()}\n{body}\n"
            out.append((f"cctv/{md.stem}-{i:02d}", day, text))
    return out


def _facts_of(item: tuple[str, dt.date, str]):
    """The pool's unit of work: one story → its facts (what ``kg ingest`` extracts)."""
    from kg.documents import load
    from kg.errors import DocumentError
    from kg.ingest import document_facts

    doc_id, day, text = item
    try:
        doc = load(text.encode(), f"cctv_news/news/{doc_id.split('/', 1)[1]}.txt", doc_id,
                   default_date=day)
    except DocumentError as exc:
        return doc_id, None, str(exc)
    return doc_id, pickle.dumps(document_facts(doc)), ""


def facts_path() -> Path:
    from kg.extract.confidence import extractor_version

    return CACHE / f"facts-{extractor_version()}.pkl"


def read_facts(path: Path):
    """(doc id, pickled facts) as the extraction appended them; a torn last record is dropped."""
    if not path.exists():
        return
    with path.open("rb") as f:
        while True:
            try:
                yield pickle.load(f)
            except (EOFError, pickle.UnpicklingError):
                return


def extract_all(workers: int) -> dict:
    """Extract every story not yet in the cache, on ``workers`` processes (the ingest's pool)."""
    import multiprocessing as mp
    import os
    from concurrent.futures import ProcessPoolExecutor

    from kg.ingest import _pool_worker_init, _warm_up, bounded_map

    items = stories()
    path = facts_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    done = {doc_id for doc_id, _ in read_facts(path)}
    todo = [it for it in items if it[0] not in done]
    print(f"stories {len(items)}, cached {len(done)}, to extract {len(todo)}", file=sys.stderr)
    refused = 0
    chars = sum(len(t) for _, _, t in todo)
    start = time.perf_counter()
    if todo:
        _warm_up()
        with path.open("ab") as out, ProcessPoolExecutor(
                workers, mp_context=mp.get_context("fork"), initializer=_pool_worker_init,
                initargs=(os.getpid(), False)) as pool:
            results = bounded_map(lambda it: pool.submit(_facts_of, it), todo, 4 * workers)
            for n, (doc_id, blob, error) in enumerate(results, 1):
                if error:
                    refused += 1
                    print(f"refused {doc_id}: {error}", file=sys.stderr)
                    continue
                pickle.dump((doc_id, blob), out)
                out.flush()
                if n % 500 == 0:
                    s = time.perf_counter() - start
                    print(f"  {n}/{len(todo)} stories, {s:.0f} s, {n / s:.1f} stories/s",
                          file=sys.stderr)
    seconds = time.perf_counter() - start
    return {"stories": len(items), "extracted_now": len(todo) - refused, "refused": refused,
            "seconds": round(seconds, 1),
            "chars_per_s": round(chars / seconds) if todo and seconds else None}


def layout_key() -> str:
    """Changes when the code that lays documents out in the store does."""
    h = hashlib.sha1(facts_path().name.encode())
    for f in ("kg/rdf.py", "kg/store/graph_update.py"):
        h.update((ROOT / f).read_bytes())
    return h.hexdigest()[:10]


def copy_of(facts, k: int):
    """The same facts under another document id, dated k × COPY_SHIFT_DAYS days earlier."""
    shift = dt.timedelta(days=k * COPY_SHIFT_DAYS)
    info = facts.info
    info = replace(info, doc_id=f"{info.doc_id}/copy{k}", source=f"{info.source}#copy{k}",
                   issue_date=info.issue_date - shift if info.issue_date else None)
    events = [replace(e, date=e.date - shift if e.date else None) for e in facts.events]
    return replace(facts, info=info, events=events)


def store_dir(name: str) -> Path:
    return CACHE / f"store-{layout_key()}-{name}"


def _all_facts(limit: int | None = None):
    out = []
    for _, blob in read_facts(facts_path()):
        if limit is not None and len(out) >= limit:
            break
        out.append(pickle.loads(blob))
    return out


_FACTS: list = []


def _chunk_nquads(job: tuple[int, int, int]) -> bytes:
    """A pool worker's share: stories [start, end) as copy k (0: the stories themselves), laid
    out as ``replace_graph`` lays them out (:func:`kg.store.graph_update.bulk_quads`), N-Quads."""
    from pyoxigraph import RdfFormat, serialize

    from kg.rdf import doc_iri, to_quads
    from kg.store.graph_update import bulk_quads

    start, end, k = job
    docs = (copy_of(f, k) if k else f for f in _FACTS[start:end])
    return serialize(bulk_quads((doc_iri(c.info.doc_id).value, to_quads(c)) for c in docs),
                     format=RdfFormat.N_QUADS) or b""


def _parallel_nquads(facts: list, ks: list[int], workers: int, chunk: int = 1000):
    """N-Quads chunks of copies ``ks`` of every story, made on ``workers`` forked processes."""
    import multiprocessing as mp
    import os
    from concurrent.futures import ProcessPoolExecutor

    from kg.ingest import _pool_worker_init, bounded_map

    _FACTS[:] = facts
    jobs = [(i, min(i + chunk, len(facts)), k) for k in ks for i in range(0, len(facts), chunk)]
    with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"),
                             initializer=_pool_worker_init, initargs=(os.getpid(), False)) as pool:
        yield from bounded_map(lambda job: pool.submit(_chunk_nquads, job), jobs, 2 * workers)


def build(target: int, limit: int | None = None, workers: int = 2) -> dict:
    """The 1x store (the stories) and the store of ``target`` quads (the stories and copies of
    every one of them). Both are written at bulk-load speed (:meth:`OxigraphStore.bulk_add`,
    which stores quad for quad what one ``replace_graph`` transaction per document stores:
    tests/test_layout.py); one transaction per document for 200k documents is hours on this
    shared machine. One-by-one ingest is measured on the finished stores (:func:`add_pages`)."""
    import shutil

    from kg.store import open_store
    from kg.store.graph_update import recount_update

    suffix = f"-first{limit}" if limit else ""
    one, big = store_dir("1x" + suffix), store_dir(f"{target}{suffix}")
    meta = big / "built.json"
    if meta.exists():
        return json.loads(meta.read_text())
    facts = _all_facts(limit)
    out: dict = {"stories": len(facts)}

    def add(store, ks, recount: bool = True) -> None:
        start = time.perf_counter()
        store.bulk_load_nquads(_parallel_nquads(facts, ks, workers))
        if recount:  # the counts of the whole store: once per store kept, not per step
            store.update(recount_update())
        out[f"bulk_s_{ks[0]}-{ks[-1]}"] = round(time.perf_counter() - start, 1)
        print(f"  copies {ks[0]}..{ks[-1]}: {len(store)} quads, {time.perf_counter() - start:.0f} s",
              file=sys.stderr)

    for d in (one, big, store_dir("building")):
        shutil.rmtree(d, ignore_errors=True)
    work = store_dir("building")
    store = open_store(work)
    add(store, [0])
    out["quads_1x"] = len(store)
    store.flush()
    store.checkpoint(one)
    copies = 0
    if len(store) < target:
        add(store, [1], recount=False)
        per_copy = len(store) - out["quads_1x"]
        more = max(0, -(-(target - len(store)) // per_copy))  # copies still needed, rounded up
        if more:
            add(store, list(range(2, 2 + more)))
        else:
            store.update(recount_update())
        copies = 1 + more
    start = time.perf_counter()
    store._store.optimize()  # compaction: a bulk-loaded store has many small files
    out["optimize_s"] = round(time.perf_counter() - start, 1)
    out.update(copies=copies, documents=len(facts) * (1 + copies), quads=len(store))
    store.close()
    work.rename(big)
    meta.write_text(json.dumps(out, indent=1))
    return out


PREFIX = "PREFIX kgo: <https://w3id.org/zhkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
# bench/run.py's query set, asked of the real store: (a) the visits of one official, (b) the
# officials who visited a province (kgo:visitedIn), (c) visits per county, top 10 (the kept
# counts), (d) a 1-hop CONSTRUCT of the official.
QUERIES = {
    "a_visits_of_one_official": "SELECT ?place ?date WHERE { ?e kgo:agent <{person}> ; "
                                "kgo:place ?place ; kgo:date ?date }",
    "b_officials_in_a_province": "SELECT DISTINCT ?who WHERE { ?who kgo:visitedIn <{province}> }",
    "c_visits_per_county_top10": "SELECT ?c ?n WHERE { GRAPH <https://w3id.org/zhkg/id/graph/stats> "
                                 "{ ?c kgo:visitCount ?n } ?c a kgo:County } ORDER BY DESC(?n) LIMIT 10",
    "d_one_hop_construct": "CONSTRUCT { <{person}> ?p ?o } WHERE { <{person}> ?p ?o }",
}


def graph_sizes(store) -> dict:
    """Quads per graph kind: shared facts, support statements, the documents' kgo:supports,
    the documents' own quads, counts."""
    from kg.vocab import FACTS_GRAPH, KGO, STATS_GRAPH, SUPPORT_GRAPH

    def n(where: str) -> int:
        return int(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"])

    out = {"all": len(store)}
    for name, g in (("facts", FACTS_GRAPH), ("support", SUPPORT_GRAPH), ("stats", STATS_GRAPH)):
        out[name] = n(f"GRAPH <{g}> {{ ?s ?p ?o }}")
    out["documents_supports"] = n(f"GRAPH ?g {{ ?d <{KGO}supports> ?st }}")
    out["documents_own"] = out["all"] - out["facts"] - out["support"] - out["stats"] - out["documents_supports"]
    return out


def measure(path: Path, runs: int = 20, page_adds: bool = True) -> dict:
    """The entity page, /visits and the search of the official most documents name, through a
    real server and HTTP client; the query set in process; one page added."""
    import httpx
    from urllib.parse import quote

    from bench.real_store import serve
    from bench.run import _latencies
    from kg.store import open_store

    store = open_store(path, read_only=True)
    out: dict = {"graphs": graph_sizes(store)}
    # The official whose label the most documents support (习近平 on this corpus).
    top = store.select("""SELECT ?p ?l (COUNT(DISTINCT ?d) AS ?n) WHERE {
        ?p a kgo:Official ; rdfs:label ?l .
        ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?p ;
            <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> rdfs:label .
        ?d kgo:supports ?st } GROUP BY ?p ?l ORDER BY DESC(?n) LIMIT 1""")[0]
    person, label = top["p"], top["l"]
    province = store.select(f"""SELECT ?r (COUNT(*) AS ?n) WHERE {{ ?r a kgo:Province .
        ?w kgo:visitedIn ?r }} GROUP BY ?r ORDER BY DESC(?n) LIMIT 1""")[0]["r"]
    out["official"] = {"label": label, "documents": int(top["n"]),
                       "visits": int(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?v a kgo:Visit ; kgo:agent <{person}> }}")[0]["n"]),
                       "events": int(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?v kgo:agent <{person}> }}")[0]["n"])}
    out["visits"] = int(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?v a kgo:Visit }")[0]["n"])
    out["documents"] = int(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?d a kgo:Document }")[0]["n"])
    # bench/run.py's (a) is one official of the synthetic store, with about ten visits; the
    # official most documents name has thousands at 10M triples: (a) is asked of both.
    counts = store.select("""SELECT ?p (COUNT(*) AS ?n) WHERE { ?v a kgo:Visit ; kgo:agent ?p .
        ?p a kgo:Official } GROUP BY ?p ORDER BY ?n ?p""")
    typical = counts[len(counts) // 2]
    out["typical_official"] = {"iri": typical["p"], "visits": int(typical["n"]),
                               "officials_with_visits": len(counts)}
    asked = dict(QUERIES, a_visits_of_a_typical_official=QUERIES["a_visits_of_one_official"].replace(
        "{person}", typical["p"]), d_one_hop_construct_of_a_typical_official=QUERIES[
        "d_one_hop_construct"].replace("{person}", typical["p"]))
    for name, q in asked.items():
        text = PREFIX + q.replace("{person}", person).replace("{province}", province)
        rows = len(list(store.query(text)))
        out[name] = {"rows": rows, **_latencies(lambda: list(store.query(text)), runs)}
    store.close()
    start = time.perf_counter()
    server, base = serve(path)
    # the service builds its search index and visits table at start-up (api.fresh.warm): the
    # routes are timed once both are there, and the time they took is reported apart
    app = server.config.app
    while not all(getattr(getattr(app.state, n, None), "value", None) is not None
                  for n in ("search_index", "visits_table")) and time.perf_counter() - start < 1800:
        time.sleep(0.2)
    out["service_warm_s"] = round(time.perf_counter() - start, 1)
    entity = "/entities/" + quote(person.split("/id/", 1)[1], safe="/")
    routes = {"entity_page": (entity, {"Accept": "text/html"}), "entity_json": (entity, {}),
              "visits_limit_10": ("/visits?limit=10", {}),
              "visits_of_the_official": ("/visits?person=" + quote(label) + "&limit=100", {}),
              "search_the_official": ("/entities?q=" + quote(label), {}),
              "search_one_character": ("/entities?q=" + quote(label[0]), {})}
    with httpx.Client(base_url=base, timeout=120) as client:
        for name, (route, headers) in routes.items():
            start = time.perf_counter()
            first = client.get(route, headers=headers)
            out[name] = {"status": first.status_code, "bytes": len(first.content),
                         "first_ms": round((time.perf_counter() - start) * 1000, 1),
                         **_latencies(lambda: client.get(route, headers=headers), runs)}
            print(f"  {name}: {out[name]}", file=sys.stderr)
    server.should_exit = True
    time.sleep(1)
    if page_adds:
        out["add_one_page"] = add_pages(path)
    return out


def add_pages(path: Path, pages: int = 5) -> dict:
    """Pages added to the store one transaction each (``replace_graph``, as ``kg ingest``),
    then removed again: stories under new ids and dates, so entities they name are shared with
    thousands of documents and their events are new."""
    from kg.rdf import doc_iri, to_quads
    from kg.store import open_store

    facts = [pickle.loads(blob) for _, blob in read_facts(facts_path())][:pages * 40:40]
    store = open_store(path)
    times, removes = [], []
    for f in facts:
        c = copy_of(f, 99)
        quads = to_quads(c)
        start = time.perf_counter()
        store.replace_graph(doc_iri(c.info.doc_id).value, quads)
        times.append((time.perf_counter() - start) * 1000)
    for f in facts:
        start = time.perf_counter()
        store.remove_graph(doc_iri(copy_of(f, 99).info.doc_id).value)
        removes.append((time.perf_counter() - start) * 1000)
    store.close()
    times.sort()
    removes.sort()
    return {"p50_ms": round(times[len(times) // 2], 1), "max_ms": round(times[-1], 1),
            "remove_p50_ms": round(removes[len(removes) // 2], 1), "runs": len(times)}


def profile(path: Path) -> dict:
    """CPU time (this process, so the machine's other load does not count) of each query
    behind the three routes, for the official most documents name, on the embedded store."""
    import re
    import subprocess

    import api.entity_page as entity_page
    from api.routes import entities
    from kg.queries import entity_search_query, select_visits, visits_query
    from kg.store import open_store

    store = open_store(path, read_only=True)
    label = "习近平"
    iri = store.select(f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{ ?p a kgo:Official ; rdfs:label "{label}"@zh .
        ?e kgo:agent ?p }} GROUP BY ?p ORDER BY DESC(?n) LIMIT 1""")[0]["p"]
    out: dict = {"official": iri, "entity_page_queries": []}

    def cpu(run) -> tuple[float, object]:
        run()
        start = time.process_time()
        result = run()
        return round((time.process_time() - start) * 1000, 1), result

    class Timed:
        def select(self, q):
            ms, rows = cpu(lambda: store.select(q))
            out["entity_page_queries"].append(
                {"cpu_ms": ms, "rows": len(rows), "select": re.search(r"SELECT (.{0,50})", q).group(1)})
            return rows

    start = time.process_time()
    entity_page.gather(Timed(), iri)
    out["entity_page_cpu_ms"] = round((time.process_time() - start) * 1000, 1)
    out["entity_json_cpu_ms"] = cpu(lambda: entities._entity(store, iri.split("/id/", 1)[1]))[0]
    old = subprocess.run(["git", "show", "main:kg/queries.py"], capture_output=True, text=True,
                         cwd=ROOT).stdout
    before: dict = {}
    if "REPORT_PARTS" in old:
        exec(compile(old, "kg/queries.py (before)", "exec"), before)
        out["visits_limit_10_cpu_ms_before"] = cpu(lambda: store.select(before["visits_query"](limit=10)))[0]
    out["visits_limit_10_cpu_ms"] = cpu(lambda: select_visits(store.select, limit=10))[0]
    out["visits_limit_10_plain_page_cpu_ms"] = cpu(lambda: store.select(visits_query(limit=10)))[0]
    if before:
        out["visits_of_the_official_cpu_ms_before"] = cpu(
            lambda: store.select(before["visits_query"](person=label, limit=100)))[0]
    out["visits_of_the_official_cpu_ms"] = cpu(lambda: select_visits(store.select, person=label, limit=100))[0]
    out["search_the_official_cpu_ms"] = cpu(lambda: store.select(entity_search_query(label)))[0]
    out["search_one_character_cpu_ms"] = cpu(lambda: store.select(entity_search_query(label[0])))[0]
    store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("what", choices=["extract", "build", "measure", "profile"])
    ap.add_argument("--limit", type=int, default=None, help="build: only the first N stories (trials)")
    ap.add_argument("--store", default="", help="measure: 1x or the big store (default both)")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--triples", type=int, default=10_000_000)
    args = ap.parse_args()
    if args.what == "profile":
        out = profile(store_dir(args.store or "1x"))
        print(json.dumps(out, ensure_ascii=False, indent=1))
        (ROOT / "bench" / "results" / "real-corpus-profile.json").write_text(
            json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    if args.what == "measure":
        out = {}
        for name in ([args.store] if args.store else ["1x", str(args.triples)]):
            print(f"measuring the {name} store", file=sys.stderr)
            out[name] = measure(store_dir(name), args.runs)
            print(json.dumps({name: out[name]}, ensure_ascii=False, indent=1), flush=True)
        RESULTS = ROOT / "bench" / "results"
        stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        (RESULTS / "real-corpus-latest.json").write_text(json.dumps(
            {"date": stamp, **out}, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    out = {"extract": extract_all(args.workers)} if not args.limit else {}
    if args.what == "build":
        out["build"] = build(args.triples, args.limit, args.workers)
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
