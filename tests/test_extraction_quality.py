"""Regression floors for extraction on the seed gold (kg evaluate), simplified and traditional.

The floors sit a little under what the extractor scores today (see the README); a
change that drops a question below its floor fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOLD, SEEDS

FLOORS = {
    "entities": 0.86, "entity types": 0.85, "visits": 0.92, "visit dates": 0.95,
    "meetings": 0.90, "investments": 0.80, "posts": 0.94, "post jurisdictions": 0.95,
    "located in": 0.75, "region parents": 0.89,
}


def evaluate(store: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "kg.cli", "evaluate", str(GOLD), "--json",
                          "--store", str(store)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_seed_scores_stay_above_their_floors(seed_store_path):
    scores = evaluate(seed_store_path)
    low = {q: scores[q]["f1"] for q, floor in FLOORS.items() if scores[q]["f1"] < floor}
    assert not low, low


@pytest.fixture(scope="module")
def traditional_store(tmp_path_factory) -> Path:
    import opencc

    from kg.documents import iter_paths
    from kg.ingest import ingest_paths
    from kg.store import open_store

    folder = tmp_path_factory.mktemp("traditional")
    to_traditional = opencc.OpenCC("s2t").convert
    for page in SEEDS.glob("*.txt"):
        (folder / page.name).write_text(to_traditional(page.read_text(encoding="utf-8")),
                                        encoding="utf-8")
    path = folder / "store"
    store = open_store(path)
    ingest_paths(store, iter_paths([folder]))
    store.close()
    return path


def test_traditional_pages_score_the_same(seed_store_path, traditional_store):
    simplified, traditional = evaluate(seed_store_path), evaluate(traditional_store)
    for question in FLOORS:
        assert abs(simplified[question]["f1"] - traditional[question]["f1"]) <= 0.02, question
