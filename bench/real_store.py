"""Queries on a store made by ingesting real documents (not synthetic N-Quads): the entity page,
/visits and the search of the official most documents name, through a real server.

    python bench/real_store.py DIR [--files 200] [--workers 2] [--copies 0]

Ingests the first ``--files`` .txt/.md files of DIR (each file one document), then ``--copies``
more copies of them under other ids (the same entities and visits stated again: with every
fact stored once, the answers must not grow), and prints JSON figures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import _latencies  # noqa: E402


def ingest(store_path: Path, files: list[Path], copies: int, workers: int) -> dict:
    from kg.ingest import ingest_paths
    from kg.store import open_store

    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for f in files:
            shutil.copy(f, folder / (f.stem + ".txt"))
        store = open_store(store_path)
        start = time.perf_counter()
        report = ingest_paths(store, sorted(folder.glob("*.txt")), workers=workers)
        out["ingest_s"] = round(time.perf_counter() - start, 1)
        out["documents"] = report.documents
        out["chars"] = sum(len(f.read_text(encoding="utf-8", errors="replace")) for f in files)
        for c in range(copies):
            for f in files:
                shutil.copy(f, folder / f"{f.stem}-copy{c}.txt")
        if copies:
            extra = sorted(p for p in folder.glob("*-copy*.txt"))
            start = time.perf_counter()
            ingest_paths(store, extra, workers=workers)
            out["copies_ingest_s"] = round(time.perf_counter() - start, 1)
        out["quads"] = len(store)
        out["add_one_page"] = add_pages(store, files[:5])
        store.close()
    return out


def add_pages(store, files: list[Path]) -> dict:
    """Replace five pages again under new ids (their facts already stated by the originals)."""
    from kg.documents import load
    from kg.ingest import document_quads
    from kg.rdf import doc_iri

    quads = [document_quads(load(f.read_bytes(), str(f), f"again-{i}")) for i, f in enumerate(files)]
    times = []
    for i, q in enumerate(quads):
        start = time.perf_counter()
        store.replace_graph(doc_iri(f"again-{i}").value, q)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": round(times[len(times) // 2], 1), "max_ms": round(times[-1], 1), "runs": len(times)}


def top_official(store) -> tuple[str, str, int]:
    row = store.select("""SELECT ?p (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?d) AS ?n) WHERE {
        ?p a kgo:Official ; rdfs:label ?l . ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?p .
        ?d kgo:supports ?st } GROUP BY ?p ORDER BY DESC(?n) LIMIT 1""")[0]
    return row["p"] or "", row["label"] or "", int(row["n"] or 0)


def serve(store_path: Path):
    import socket

    import uvicorn

    from api.app import create_app
    from api.config import Settings

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(store=store_path, workers=1)),
                                           host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def measure(store_path: Path) -> dict:
    import httpx

    from kg.store import open_store

    store = open_store(store_path, read_only=True)
    iri, label, docs = top_official(store)
    visits = int(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?v a kgo:Visit }")[0]["n"] or 0)
    store.close()
    out: dict = {"official": label, "official_documents": docs, "visits": visits}
    server, base = serve(store_path)
    entity = "/entities/" + quote(iri.split("/id/", 1)[1], safe="/")
    routes = {"entity_page": (entity, {"Accept": "text/html"}), "entity_json": (entity, {}),
              "visits_limit_10": ("/visits?limit=10", {}),
              "visits_of_the_official": ("/visits?person=" + quote(label), {}),
              "search_the_official": ("/entities?q=" + quote(label), {}),
              "search_one_character": ("/entities?q=" + quote(label[0]), {})}
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, (path, headers) in routes.items():
            first = client.get(path, headers=headers)
            out[name] = {"status": first.status_code, "bytes": len(first.content),
                         **_latencies(lambda: client.get(path, headers=headers), 10)}
    server.should_exit = True
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--copies", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    files = sorted(p for p in args.corpus.rglob("*") if p.suffix in {".txt", ".md"})[:args.files]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kg"
        out = {"files": len(files), **ingest(path, files, args.copies, args.workers)}
        out.update(measure(path))
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
