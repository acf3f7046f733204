"""The shipped CRF tagger: loads from the installed package, gives stable spans."""

from __future__ import annotations

import json
from pathlib import Path

from kg.extract.tagger import model_path, tag
from kg.ner import recognise

GOLDEN = Path(__file__).parent / "data" / "ner_golden.jsonl"


def test_model_ships_inside_the_package():
    import kg

    path = model_path()
    assert path.exists() and Path(kg.__file__).parent in path.parents
    assert path.stat().st_size < 50_000_000
    # loaded from there, no download (the time of a first use is a bench figure: bench/run.py)
    text = "市委书记庄悦群到茂南区调研"
    assert {(text[a:b], label) for a, b, label in tag(text)} >= {("市委书记", "position"), ("茂南区", "address")}


def test_predictions_on_fixed_sentences_are_stable():
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        assert recognise(case["text"]) == case["entities"], case["text"]


def test_people_and_organisations_without_rules_are_found():
    spans = {(e["text"], e["type"]) for e in recognise("浙江吉利控股集团董事长李书福和华为公司的任正非见面。")}
    assert ("李书福", "Person") in spans or ("李书福", "Official") in spans


def test_asked_about_some_offsets_the_tagger_reads_only_their_clauses():
    text = "会上，省委书记王建国指出，要抓好重点项目建设；副省长李明强调，要优化营商环境。"
    near = [text.index("王建国"), text.index("李明")]
    asked = {text[a:b] for a, b, label in tag(text, near=near, posterior=False) if label == "name"}
    whole = {text[a:b] for a, b, label in tag(text, posterior=False) if label == "name"}
    assert asked == whole >= {"王建国", "李明"}
    # only the clauses that hold an offset are read: nothing is found in the others
    assert tag(text, near=[text.index("李明")], posterior=False) == [
        s for s in tag(text, posterior=False) if s[0] >= text.index("副省长")
        and s[1] <= text.index("，要优化")]
