"""How long the entity page of an official with about 500 visits takes: the server's answer, the
first view drawn in headless Chromium (posts and itinerary timelines, the latest days' stops),
and the map below the fold once scrolled to; on a store made by ingesting real documents (the
first seed page told again on other days, each copy a document of its own).

    python bench/entity_page.py [--copies 40]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def corpus(folder: Path, copies: int) -> None:
    """``copies`` versions of the first seed page, its two days moved to two other days."""
    text = next((ROOT / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")
    for i in range(copies):
        month, day = 1 + i % 12, 1 + 2 * (i // 12)
        moved = text.replace("4月8日", f"{month}月{day}日").replace("4月9日", f"{month}月{day + 1}日")
        (folder / f"copy{i:03d}.txt").write_text(moved, encoding="utf-8")


def serve(store_path: Path):
    import uvicorn

    from api.app import create_app
    from api.config import Settings

    config = uvicorn.Config(create_app(Settings(store=store_path)), host="127.0.0.1", port=0,
                            log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, thread, f"http://127.0.0.1:{port}"


def main() -> None:
    import httpx

    from kg.ingest import ingest_paths
    from kg.store import open_store

    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=40)
    a = ap.parse_args()
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        docs, store_path = Path(tmp) / "docs", Path(tmp) / "kgdata"
        docs.mkdir()
        corpus(docs, a.copies)
        store = open_store(store_path)
        ingest_paths(store, sorted(docs.glob("*.txt")))
        person = store.select('SELECT ?p WHERE { ?p rdfs:label "庄悦群"@zh ; a kgo:Official }')[0]["p"]
        out["visits"] = int(store.select(f"SELECT (COUNT(?v) AS ?n) WHERE {{ ?v a kgo:Visit ; kgo:agent <{person}> }}")[0]["n"])
        out["days"] = int(store.select(f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?v a kgo:Visit ; kgo:agent <{person}> ; kgo:date ?d }}")[0]["n"])
        store.close()
        server, thread, base = serve(store_path)
        url = base + "/entities/" + quote(person.split("/id/", 1)[1], safe="/@")
        try:
            with httpx.Client(headers={"Accept": "text/html"}, timeout=30) as client:
                client.get(url)
                times = []
                for _ in range(7):
                    start = time.perf_counter()
                    r = client.get(url)
                    times.append((time.perf_counter() - start) * 1000)
                    r.raise_for_status()
                out["html_ms_median"] = round(statistics.median(times), 1)
                out["html_kb"] = round(len(r.content) / 1024, 1)
            out.update(browser(url))
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    out["load_average"] = [round(x, 1) for x in os.getloadavg()]
    print(json.dumps({"entity_page_500_visits": out}, ensure_ascii=False))


def browser(url: str) -> dict:
    chromium = shutil.which("chromium")
    if chromium is None:
        return {"browser": "skipped: chromium is not installed"}
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True, args=FLAGS)
        drawn, maps = [], []
        context = b.new_context(viewport={"width": 1280, "height": 900})  # one browser cache
        for _ in range(RUNS):
            page = context.new_page()
            page.goto(url)
            page.wait_for_function("window.zhkgRendered !== undefined", timeout=60_000)
            drawn.append(page.evaluate("window.zhkgRendered"))
            # the map lies below the fold: it is drawn when scrolled to (its own figure)
            page.evaluate("document.getElementById('map').scrollIntoView()")
            page.wait_for_function("window.zhkgMapDrawn !== undefined", timeout=60_000)
            maps.append(page.evaluate("window.zhkgTimings.map"))
            timings = page.evaluate("""() => Object.assign({response_end: Math.round(
                performance.getEntriesByType('navigation')[0].responseEnd)}, window.zhkgTimings)""")
            boxes = page.locator("#itinerary-timeline .vis-item").count()
            page.close()
        b.close()
    # the first run loads the vendored scripts; the others find them in the browser's cache, as
    # an analyst who opens the explorer every day does
    warm = sorted(drawn[1:])
    return {"first_view_drawn_ms": [round(x) for x in drawn], "first_view_cached_median_ms": round(warm[len(warm) // 2]),
            "map_after_scroll_ms": maps, "last_run_ms": timings, "timeline_items": boxes}


if __name__ == "__main__":
    main()
