"""make eval: the development loop scores every annotated set present, side by side."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT

SHARED = ROOT.parent / "shared"


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.json").exists(), reason="../shared/gold not beside the clone")
def test_eval_scores_the_seeds_like_the_reference_scorer():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_sets.py"), "--only", "seeds",
                          "--json"], capture_output=True, text=True, check=True, cwd=ROOT)
    scores = json.loads(out.stdout)["seeds"]
    assert scores["visits"]["f1"] >= 0.92 and scores["posts"]["f1"] >= 0.94


def test_the_real_page_gold_is_split_once_and_says_where_each_page_is():
    docs = json.loads((ROOT / "tests" / "data" / "real" / "gold.json").read_text())["documents"]
    assert len(docs) >= 60 and {d["split"] for d in docs} == {"dev", "test"}
    assert all(d.get("query") and "province" in d for d in docs)
    assert len({d["province"] for d in docs}) >= 15
    assert {d["level"] for d in docs} == {"province", "prefecture", "county", "township"}


def test_a_page_that_is_not_the_text_annotated_is_reported(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from eval_sets import changed_pages

    docs = json.loads((ROOT / "tests" / "data" / "real" / "gold.json").read_text())["documents"]
    assert all(len(d["sha1"]) == 40 for d in docs)
    text = "6月7日，市长王某到某县调研。\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")  # saved quoted
    import hashlib
    sha = hashlib.sha1(text.encode()).hexdigest()
    assert changed_pages(tmp_path, [{"doc": "a.txt", "sha1": sha}, {"doc": "b.txt", "sha1": sha}]) == ["b.txt"]


def test_the_tour_pages_say_where_each_page_is_and_state_only_visits_and_meetings():
    docs = json.loads((ROOT / "tests" / "data" / "real" / "visits_meetings.json").read_text())["documents"]
    assert {d["split"] for d in docs} == {"dev", "test"}
    assert all(d.get("query") and len(d["sha1"]) == 40 and "province" in d for d in docs)
    assert all(set(d) <= {"doc", "newspaper", "issue_date", "url", "query", "province", "sha1", "split",
                          "visits", "meetings"} for d in docs)
    gold = {d["doc"] for d in json.loads((ROOT / "tests" / "data" / "real" / "gold.json").read_text())["documents"]}
    assert not gold & {d["doc"] for d in docs}
