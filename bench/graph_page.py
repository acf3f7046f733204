"""How long a 2,000-node graph page takes to load and stabilise in headless Chromium.

    python bench/graph_page.py [--nodes 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viz.render import to_html  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def synthetic(nodes: int, seed: int = 5) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    officials = nodes // 10
    for i in range(nodes):
        g.add_node(f"n{i}", label=f"节点{i}", cls="Official" if i < officials else "County")
    for i in range(officials, nodes):
        g.add_edge(f"n{rng.randrange(officials)}", f"n{i}", key="visited", predicate="visited", evidence=set())
    return g


def main() -> None:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=2000)
    a = ap.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        print(json.dumps({"graph_page": {"skipped": "chromium is not installed (make browser-deps)"}}))
        return
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "graph.html"
        page_file.write_text(to_html(synthetic(a.nodes)), encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, headless=True, args=FLAGS)
            page = browser.new_page()
            start = time.perf_counter()
            page.goto(page_file.as_uri())
            page.wait_for_function("typeof network !== 'undefined'", timeout=120_000)
            loaded = time.perf_counter() - start
            page.wait_for_function("window.zhkgSettled !== null", timeout=300_000, polling=100)
            stable = time.perf_counter() - start
            count = page.evaluate("nodes.length")
            browser.close()
    print(json.dumps({"graph_page": {"nodes": count, "loaded_s": round(loaded, 2),
                                     "stabilised_s": round(stable, 2)}}, indent=1))


if __name__ == "__main__":
    main()
