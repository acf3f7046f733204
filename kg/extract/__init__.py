"""Extraction: one document in, its facts out (:class:`kg.extract.model.Facts`).

The work is a list of named stages run in order (:mod:`kg.extract.pipeline`); an error in
a stage is raised again as :class:`kg.errors.ExtractionError` with the stage's name.
Extractors never import rdflib.
"""

from __future__ import annotations

from kg.documents import Document
from kg.extract.model import Facts
from kg.extract.pipeline import Page, home_region_of, run

__all__ = ["extract", "home_region_of", "warm_up"]


def warm_up() -> None:
    """Load everything extraction reads once per process (gazetteer, dictionaries, scan
    automaton, the MSRA-scheme CRF that names people, LAC's encoder), so that the first page
    is not charged for it and forked workers share it."""
    from kg.extract.annotate import automaton
    from kg.extract.regions import load_gazetteer
    from kg.extract.segment import dictionary, tagged
    from kg.extract.tagger import tag

    load_gazetteer()
    automaton()
    dictionary()
    tagged("市委书记到茂南区调研。")
    tag("市委书记到茂南区调研。", scheme="msra")


def extract(doc: Document, region: str | None = None) -> Facts:
    """Read one document; return every mention, entity, post, event and relation in it."""
    facts = run(Page(doc, region)).facts
    assert facts is not None, "the last stages set facts"
    return facts
