"""Extraction: one document in, its facts out (:class:`kg.extract.model.Facts`).

The pipeline is a list of named stages run in order; an error in a stage is
re-raised with the stage's name. Extractors never import rdflib.
"""

from __future__ import annotations

from dataclasses import replace

from kg.documents import Document
from kg.extract.confidence import assess
from kg.extract.clean import clean
from kg.extract.events import find_events
from kg.extract.home import Home, infer_home
from kg.extract.mentions import find_mentions
from kg.extract.model import DocumentInfo, Entity, Facts
from kg.extract.places import LEVEL_ORDER
from kg.extract.identity import official_keys, rekey
from kg.extract.posts import find_posts
from kg.extract.regions import load_gazetteer
from kg.extract.relations import find_relations
from kg.extract.segment import split_sentences

__all__ = ["extract", "home_region_of", "warm_up"]


def home_region_of(newspaper: str | None, region_name: str | None = None) -> str | None:
    """The region a paper is about: 茂名日报 → 茂名市 (440900), or the region a caller names."""
    name = region_name or newspaper
    if not name:
        return None
    gaz = load_gazetteer()
    for length in range(min(len(name), gaz.max_len), 1, -1):
        candidates = gaz.candidates(name[:length])
        if candidates:
            return min(candidates, key=lambda r: LEVEL_ORDER[r.type]).key
    return None


def warm_up() -> None:
    """Load everything extraction reads once per process (gazetteer, dictionaries, CRF model),
    so that the first page is not charged for it and forked workers share it."""
    from kg.extract.places import word_tag
    from kg.extract.segment import is_word, tagged
    from kg.extract.tagger import tag

    load_gazetteer()
    is_word("茂名")
    word_tag("茂名")
    tagged("市委书记到茂南区调研。")
    tag("市委书记到茂南区调研。")


def extract(doc: Document, region: str | None = None) -> Facts:
    """Read one document; return every mention, entity, post, event and relation in it."""
    load_gazetteer()
    doc = replace(doc, text=clean(doc.text))  # offsets, sentences and evidence: the cleaned text
    home = home_region_of(doc.newspaper, region)
    said = Home(home, 1.0, "caller" if region else "masthead") if home else infer_home(doc.text)
    home = said.key
    info = DocumentInfo(doc.doc_id, doc.source, _title(doc.text), doc.newspaper,
                        doc.issue_date, home, said.confidence, said.source)
    sentences = split_sentences(doc.text)
    found = find_mentions(doc.text, sentences, home)
    posts = find_posts(doc.text, sentences, found, home)
    title_spans = [(t[0], t[1]) for p in found.people for t in p.titles]
    events = find_events(doc.text, sentences, found, doc.year, title_spans, doc.issue_date)
    # where things are: only a home the page states or makes plain (a weak guess of a county
    # would place a city paper's companies in it)
    relations = find_relations(sentences, found, events, home if said.confidence >= 0.5 else None)
    referenced = [p.jurisdiction for p in posts] + [r.object for r in relations]
    referenced += [k for e in events for k in e.places]
    _add_referenced_regions(found.entities, referenced)
    facts = Facts(info=info, sentences=[s.text for s in sentences], entities=found.entities,
                  mentions=found.mentions, posts=posts, events=events, relations=relations,
                  text=doc.text)
    return assess(rekey(facts, official_keys(facts)))


def _add_referenced_regions(entities: dict[str, Entity], keys: list[str | None]) -> None:
    """A post may govern a region the page never names (市长 in 云浮日报): add it."""
    gaz = load_gazetteer()
    for key in keys:
        if key and key not in entities and key.startswith("region/"):
            region = gaz.regions[key.removeprefix("region/")]
            entities[key] = Entity(key, region.type, region.name, region=region)


def _title(text: str) -> str | None:
    for line in text.split("\n"):
        line = line.strip(" #*")
        if len(line) >= 6:
            return line[:80]
    return None
