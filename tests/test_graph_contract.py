"""The export honours the ontology: every term is declared and the SHACL shapes hold."""

from __future__ import annotations

import json
import subprocess
import sys

import rdflib
from pyshacl import validate

from conftest import GOLD, ROOT
from ontology import ONTOLOGY, SHAPES

KGO = "https://w3id.org/zhkg/ontology#"


def export_graph(store) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=store.dump("nt").decode(), format="nt")
    return g


def test_every_emitted_term_is_declared(seed_store):
    declared = {str(s) for s in rdflib.Graph().parse(ONTOLOGY).subjects()}
    g = export_graph(seed_store)
    used = {str(p) for p in g.predicates() if str(p).startswith(KGO)}
    used |= {str(o) for o in g.objects(None, rdflib.RDF.type) if str(o).startswith(KGO)}
    assert used and used <= declared, used - declared


def test_seed_export_conforms_to_shapes(seed_store):
    ok, _, text = validate(export_graph(seed_store), shacl_graph=rdflib.Graph().parse(SHAPES),
                           ont_graph=rdflib.Graph().parse(ONTOLOGY), inference="rdfs")
    assert ok, text


def test_evaluate_scores_every_question_and_agrees_with_the_reference_scorer(seed_store_path, tmp_path):
    ours = subprocess.run([sys.executable, "-m", "kg.cli", "evaluate", str(GOLD), "--json",
                           "--store", str(seed_store_path)], capture_output=True, text=True)
    assert ours.returncode == 0, ours.stderr
    scores = json.loads(ours.stdout)
    assert all(m["f1"] > 0 for m in scores.values()), scores
    scorer = ROOT.parent / "shared" / "eval" / "score.py"
    if not scorer.exists():
        return
    trig = tmp_path / "g.trig"
    subprocess.run([sys.executable, "-m", "kg.cli", "export", "--store", str(seed_store_path),
                    "-o", str(trig)], check=True, capture_output=True)
    ref = json.loads(subprocess.run([sys.executable, str(scorer), str(GOLD), str(trig), "--json"],
                                    capture_output=True, text=True, check=True).stdout)
    for question, m in ref.items():
        assert abs(m["f1"] - scores[question]["f1"]) <= 0.01, question
