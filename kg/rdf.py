"""Facts → RDF: the only place that mints IRIs and makes quads.

Each document's facts go into a named graph of their own (the document's IRI), so
re-ingesting a document replaces exactly its facts and every fact keeps its source.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from pyoxigraph import Literal, NamedNode, Quad

from kg.extract.model import REGION_TYPES, Entity, Facts
from kg.extract.regions import load_gazetteer
from kg.extract.relations import INVESTS_IN, LOCATED_IN
from kg.vocab import DCTERMS, KGO, KGR, PROV, RDF, RDFS, SKOS, XSD

_UNSAFE = re.compile(r"[\x00-\x20<>\"{}|\\^`%#?]")


def _iri_part(text: str) -> str:
    """Readable IRI segments: Chinese stays, characters IRIs forbid are percent-encoded."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()), text)


def entity_iri(key: str) -> NamedNode:
    return NamedNode(KGR + _iri_part(key))


def doc_iri(doc_id: str) -> NamedNode:
    return NamedNode(KGR + "doc/" + _iri_part(doc_id))


def kgo(term: str) -> NamedNode:
    return NamedNode(KGO + term)


_TYPE = NamedNode(RDF + "type")
_LABEL = NamedNode(RDFS + "label")
_ALT = NamedNode(SKOS + "altLabel")


def _zh(text: str) -> Literal:
    return Literal(text, language="zh")


def _short_hash(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:12]


def to_quads(facts: Facts) -> list[Quad]:
    """Every quad of one document, in its own named graph."""
    g = doc_iri(facts.info.doc_id)
    triples: list[tuple[NamedNode, NamedNode, NamedNode | Literal]] = []
    triples += _document(facts, g)
    for entity in facts.entities.values():
        triples += _entity(entity)
    triples += _posts(facts, g)
    triples += _events(facts, g)
    triples += _relations(facts)
    triples += _in_regions(facts)
    seen = set()
    out = []
    for s, p, o in triples:
        q = Quad(s, p, o, g)
        if q not in seen:
            seen.add(q)
            out.append(q)
    return out


def _document(facts: Facts, g: NamedNode) -> list:
    info = facts.info
    out = [(g, _TYPE, kgo("Document")), (g, NamedNode(DCTERMS + "identifier"), Literal(info.doc_id)),
           (g, NamedNode(PROV + "atLocation"), Literal(info.source))]
    if info.title:
        out.append((g, NamedNode(DCTERMS + "title"), _zh(info.title)))
    if info.newspaper:
        out.append((g, NamedNode(DCTERMS + "source"), _zh(info.newspaper)))
    if info.issue_date:
        out.append((g, NamedNode(DCTERMS + "date"),
                    Literal(info.issue_date.isoformat(), datatype=NamedNode(XSD + "date"))))
    if info.home_region:
        out.append((g, kgo("aboutRegion"), entity_iri(f"region/{info.home_region}")))
    return out


def _entity(entity: Entity) -> list:
    node = entity_iri(entity.key)
    out = [(node, _TYPE, kgo(entity.type.value)), (node, _LABEL, _zh(entity.label))]
    out += [(node, _ALT, _zh(a)) for a in sorted(entity.aliases) if a != entity.label]
    if entity.type in REGION_TYPES and entity.region is not None:
        out += _region_chain(entity.region.key)
    return out


def _region_chain(key: str) -> list:
    """The region's code and its parents up to the province (parents labelled, not typed)."""
    gaz = load_gazetteer()
    out = []
    for k in gaz.ancestors(key):
        region = gaz.regions[k]
        node = entity_iri(f"region/{k}")
        out.append((node, _LABEL, _zh(region.name)))
        if region.code and region.key == region.code:
            out.append((node, kgo("adminCode"), Literal(region.code)))
        if region.parent:
            out.append((node, kgo(LOCATED_IN), entity_iri(f"region/{region.parent}")))
    return out


def _posts(facts: Facts, g: NamedNode) -> list:
    out = []
    for post in facts.posts:
        node = entity_iri(f"post/{_short_hash(post.person, post.title, post.jurisdiction, post.org)}")
        out += [(entity_iri(post.person), kgo("holdsPost"), node), (node, _TYPE, kgo("Post")),
                (node, kgo("title"), _zh(post.title)),
                (node, _LABEL, _zh(post.title)),
                (node, kgo("evidence"), _zh(facts.sentences[post.sentence])),
                (node, NamedNode(PROV + "wasDerivedFrom"), g)]
        if post.jurisdiction:
            out.append((node, kgo("jurisdiction"), entity_iri(post.jurisdiction)))
        if post.org:
            out.append((node, kgo("postIn"), entity_iri(post.org)))
    return out


def _events(facts: Facts, g: NamedNode) -> list:
    out = []
    for e in facts.events:
        node = entity_iri(f"event/{facts.info.doc_id}/{e.type.value.lower()}-{e.sentence}-"
                          f"{_short_hash(e.agent, e.places, e.participants)}")
        agent = entity_iri(e.agent) if e.agent else None
        out += [(node, _TYPE, kgo(e.type.value)),
                (node, kgo("evidence"), _zh(facts.sentences[e.sentence])),
                (node, NamedNode(PROV + "wasDerivedFrom"), g)]
        if agent is not None:
            out.append((node, kgo("agent"), agent))
        if e.date:
            out.append((node, kgo("date"), Literal(e.date.isoformat(), datatype=NamedNode(XSD + "date"))))
        for place in e.places:
            out.append((node, kgo("place"), entity_iri(place)))
            if e.type.value == "Visit" and agent is not None:
                out.append((agent, kgo("visited"), entity_iri(place)))
        for other in e.participants:
            out.append((node, kgo("participant"), entity_iri(other)))
            if e.type.value == "Meeting" and agent is not None:
                out += [(agent, kgo("met"), entity_iri(other)), (entity_iri(other), kgo("met"), agent)]
    return out


def _relations(facts: Facts) -> list:
    out = []
    for r in facts.relations:
        predicate = {LOCATED_IN: "locatedIn", INVESTS_IN: "investsIn"}[r.predicate]
        out.append((entity_iri(r.subject), kgo(predicate), entity_iri(r.object)))
    return out


def _in_regions(facts: Facts) -> list:
    """kgo:inRegion, materialised: every region the thing lies in, at every level (a region
    lies in itself), and kgo:visitedIn: every region a visitor was in on a visit. "Anything
    in 贵州省" and "who visited 贵州省" are then one index lookup instead of a
    ``kgo:locatedIn+`` walk per candidate. Climbs this page's locatedIn facts
    (企业 → 园区 → 县) and then the GB/T 2260 chain."""
    gaz = load_gazetteer()
    located: dict[str, set[str]] = defaultdict(set)
    for r in facts.relations:
        if r.predicate == LOCATED_IN:
            located[r.subject].add(r.object)
    out = []
    closure: dict[str, set[str]] = {}
    for key in facts.entities:
        regions: set[str] = set()
        todo, seen = [key], set()
        while todo:
            k = todo.pop()
            if k in seen:
                continue
            seen.add(k)
            code = k.removeprefix("region/")
            if k.startswith("region/") and code in gaz.regions:
                regions.update(gaz.ancestors(code))
            else:
                todo.extend(located.get(k, ()))
        node = entity_iri(key)
        out += [(node, kgo("inRegion"), entity_iri(f"region/{r}")) for r in sorted(regions)]
        closure[key] = regions
    for e in facts.events:
        if e.type.value == "Visit" and e.agent:
            agent = entity_iri(e.agent)
            for r in sorted({r for place in e.places for r in closure.get(place, ())}):
                out.append((agent, kgo("visitedIn"), entity_iri(f"region/{r}")))
    return out
