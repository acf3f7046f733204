"""The shipped CRF tagger: loads from the installed package, gives stable spans."""

from __future__ import annotations

import json
import time
from pathlib import Path

from kg.extract.tagger import model_path, tag
from kg.ner import recognise

GOLDEN = Path(__file__).parent / "data" / "ner_golden.jsonl"


def test_model_ships_inside_the_package_and_loads_fast():
    import kg

    path = model_path()
    assert path.exists() and Path(kg.__file__).parent in path.parents
    assert path.stat().st_size < 50_000_000
    start = time.perf_counter()
    tag("市委书记庄悦群到茂南区调研")
    assert time.perf_counter() - start < 10  # includes the gazetteer and jieba on first use


def test_predictions_on_fixed_sentences_are_stable():
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        assert recognise(case["text"]) == case["entities"], case["text"]


def test_people_and_organisations_without_rules_are_found():
    spans = {(e["text"], e["type"]) for e in recognise("浙江吉利控股集团董事长李书福和华为公司的任正非见面。")}
    assert ("李书福", "Person") in spans or ("李书福", "Official") in spans
