"""Facts → RDF: the only place that mints IRIs and makes quads.

What only one document says (its metadata, its reports of events and posts, with evidence and
confidence) goes into the document's named graph; what several documents may state (an
entity's names and regions, an event, a post, a relation) goes into ``kgr:graph/facts``, where
the store keeps each triple once with the documents that support it
(:mod:`kg.store.graph_update`). Re-ingesting a document replaces exactly its share.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import replace

from pyoxigraph import Literal, NamedNode, Quad

from kg.extract.model import EVENT_KINDS, REGION_TYPES, Entity, Event, Facts
from kg.extract.regions import load_gazetteer
from kg.extract.relations import INVESTS_IN, LOCATED_IN
from kg.vocab import DCTERMS, FACTS_GRAPH, KGO, KGR, PROV, RDF, RDFS, SKOS, XSD

_UNSAFE = re.compile(r"[\x00-\x20<>\"{}|\\^`%#?]")


def _iri_part(text: str) -> str:
    """Readable IRI segments: Chinese stays, characters IRIs forbid are percent-encoded."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()), text)


def entity_iri(key: str) -> NamedNode:
    return NamedNode(KGR + _iri_part(key))


def doc_iri(doc_id: str) -> NamedNode:
    return NamedNode(KGR + "doc/" + _iri_part(doc_id))


def part_iri(graph: str, k: int) -> NamedNode:
    """The graph of window ``k`` (from 1) of a long document whose graph is ``graph`` (see
    :func:`kg.ingest.document_parts`). Document ids have no ``/``: no document is named so."""
    return NamedNode(f"{graph}/part/{k}")


def kgo(term: str) -> NamedNode:
    return NamedNode(KGO + term)


_TYPE = NamedNode(RDF + "type")
_LABEL = NamedNode(RDFS + "label")
_ALT = NamedNode(SKOS + "altLabel")
_DERIVED = NamedNode(PROV + "wasDerivedFrom")
_FACTS = NamedNode(FACTS_GRAPH)


def _zh(text: str) -> Literal:
    return Literal(text, language="zh")


def _short_hash(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:12]


def event_key(event: Event, doc_id: str) -> str:
    """One happening, one event: a visit is one stop (agent, place, day), a meeting one pair
    (agent, participant, day), a signing or a conference one gathering (agent, its places and
    parties, day). An undated report only merges with the same document's undated ones."""
    day = event.date.isoformat() if event.date else f"undated/{doc_id}"
    return "|".join([event.type.value, event.agent or "", *sorted(event.places), "/",
                     *sorted(event.participants), "/", day])


def split_event(event: Event) -> list[Event]:
    """A multi-stop visit is one event per stop, a meeting with several guests one per guest."""
    field = EVENT_KINDS[event.type].one_per
    values = getattr(event, field) if field else ()
    if len(values) > 1:
        return [replace(event, **{field: (v,)}) for v in values]
    return [event]


def _identity(event: Event) -> Event:
    """The fields that name the event: a visit's companions and a meeting's place do not."""
    kind = EVENT_KINDS[event.type]
    if kind.ignores and kind.one_per and getattr(event, kind.one_per):
        return replace(event, **{kind.ignores: ()})
    return event


def event_iri(event: Event, doc_id: str) -> NamedNode:
    return entity_iri(f"event/{event.type.value.lower()}/{_short_hash(event_key(_identity(event), doc_id))}")


def to_quads(facts: Facts) -> list[Quad]:
    """Every quad of one document: what only it says in its own named graph, the facts other
    documents may state too (entities, events, posts, relations, closures) in
    ``kgr:graph/facts``, where the store keeps each once (see kg.store.graph_update)."""
    g = doc_iri(facts.info.doc_id)
    shared: list[tuple[NamedNode, NamedNode, NamedNode | Literal]] = []
    own = _document(facts, g)
    for entity in facts.entities.values():
        shared += _entity(entity)
    closure = _closure(facts)
    for node, triples, local in [*_posts(facts, g), *_events(facts, g, closure)]:
        shared += triples
        own += local
    shared += _relations(facts)
    shared += _in_regions(facts, closure)
    out = [Quad(s, p, o, g) for s, p, o in own] + [Quad(s, p, o, _FACTS) for s, p, o in shared]
    return list(dict.fromkeys(out))


def seen_days(facts: Facts) -> list[dt.date]:
    """The days a page speaks of: its issue date, else every day its events name."""
    if facts.info.issue_date:
        return [facts.info.issue_date]
    return sorted({e.date for e in facts.events if e.date})


def _report(facts: Facts, g: NamedNode, node: NamedNode, sentence: int, confidence: float,
            days: list[dt.date]) -> list:
    """This document's report of an event or a post: its sentence, confidence, extractor and
    the days it was seen on (what kgo:firstSeen and kgo:lastSeen are the extremes of)."""
    report = entity_iri(f"report/{facts.info.doc_id}/{node.value.rsplit('/', 1)[-1]}-{sentence}")
    return [(report, _TYPE, kgo("Report")), (report, kgo("reportOf"), node),
            *[(report, kgo("seenOn"), Literal(d.isoformat(), datatype=NamedNode(XSD + "date"))) for d in days],
            (report, kgo("evidence"), _zh(facts.sentences[sentence])),
            (report, kgo("confidence"), Literal(f"{confidence:.2f}", datatype=NamedNode(XSD + "decimal"))),
            (report, kgo("extractorVersion"), Literal(facts.extractor)),
            (report, _DERIVED, g), (node, _DERIVED, g)]


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
    if facts.text.strip():  # the article as read, for its page (the evidence sentences are in it);
        # its ends trimmed: Virtuoso's XML results trim a literal's leading and trailing spaces
        out.append((g, kgo("text"), _zh(facts.text.strip())))
    return out


def _entity(entity: Entity) -> list:
    node = entity_iri(entity.key)
    out = [(node, _TYPE, kgo(entity.type.value)), (node, _LABEL, _zh(entity.label))]
    out += [(node, _ALT, _zh(a)) for a in sorted(entity.aliases) if a != entity.label]
    if entity.type in REGION_TYPES and entity.region is not None:
        out += _region_chain(entity.region.key)
    return out


def _region_chain(key: str) -> list:
    """The region's code and the GB/T 2260 chain above it up to the province.

    The region the page names links to its parent by ``kgo:locatedIn`` (the page's fact); the
    regions above it are labelled and coded but not typed (the page does not name them) and
    climb by ``kgo:parentRegion`` (⊑ ``kgo:locatedIn``), every level of the chain included, so
    that the gazetteer's own hierarchy is never read as a place the text locates
    (县 ``locatedIn`` 市 is the page's; 市 ``parentRegion`` 省 only the gazetteer's). Climb with
    ``(kgo:locatedIn|kgo:parentRegion)+``, or look ``kgo:inRegion`` up.
    """
    gaz = load_gazetteer()
    out = []
    for k in gaz.ancestors(key):
        region = gaz.regions[k]
        node = entity_iri(f"region/{k}")
        out.append((node, _LABEL, _zh(region.name)))
        if region.code and region.key == region.code:
            out.append((node, kgo("adminCode"), Literal(region.code)))
        if region.parent:
            parent = entity_iri(f"region/{region.parent}")
            out.append((node, kgo("parentRegion"), parent))
            if k == key:
                out.append((node, kgo(LOCATED_IN), parent))
    return out


def _posts(facts: Facts, g: NamedNode) -> list:
    """(post node, shared triples, this document's triples) for every post the page states."""
    out = []
    for post in facts.posts:
        node = entity_iri(f"post/{_short_hash(post.person, post.title, post.jurisdiction, post.org)}")
        triples = [(entity_iri(post.person), kgo("holdsPost"), node), (node, _TYPE, kgo("Post")),
                   (node, kgo("title"), _zh(post.title)), (node, _LABEL, _zh(post.title)),
                   (node, kgo("evidence"), _zh(facts.sentences[post.sentence])),
                   (node, kgo("extractorVersion"), Literal(facts.extractor))]
        if post.jurisdiction:
            triples.append((node, kgo("jurisdiction"), entity_iri(post.jurisdiction)))
        if post.org:
            triples.append((node, kgo("postIn"), entity_iri(post.org)))
        out.append((node, triples, _report(facts, g, node, post.sentence, post.confidence,
                                           seen_days(facts))))
    return out


def _events(facts: Facts, g: NamedNode, closure: dict[str, set[str]]) -> list:
    """(event node, shared triples, this document's triples) for every report of an event."""
    out = []
    for reported in facts.events:
        for e in split_event(reported):
            node = event_iri(e, facts.info.doc_id)
            days = [facts.info.issue_date or e.date] if facts.info.issue_date or e.date else []
            out.append((node, _event_triples(facts, e, node, closure),
                        _report(facts, g, node, e.sentence, e.confidence, days)))
    return out


def _event_triples(facts: Facts, e: Event, node: NamedNode, closure: dict[str, set[str]]) -> list:
    agent = entity_iri(e.agent) if e.agent else None
    out = [(node, _TYPE, kgo(e.type.value)), (node, kgo("evidence"), _zh(facts.sentences[e.sentence])),
           (node, kgo("extractorVersion"), Literal(facts.extractor))]
    if agent is not None:
        out.append((node, kgo("agent"), agent))
    if e.date:
        out.append((node, kgo("date"), Literal(e.date.isoformat(), datatype=NamedNode(XSD + "date"))))
    kind = EVENT_KINDS[e.type]
    for place in e.places:
        out.append((node, kgo("place"), entity_iri(place)))
        if kind.agent_to_place:
            # The visit's regions: what the region counts of kgr:graph/stats count.
            out += [(node, kgo("inRegion"), entity_iri(f"region/{r}")) for r in sorted(closure.get(place, ()))]
            if agent is not None:
                out.append((agent, kgo(kind.agent_to_place), entity_iri(place)))
                out += [(agent, kgo(kind.agent_to_place + "In"), entity_iri(f"region/{r}"))
                        for r in sorted(closure.get(place, ()))]
    for other in e.participants:
        out.append((node, kgo("participant"), entity_iri(other)))
        if kind.mutual and agent is not None:
            out += [(agent, kgo(kind.mutual), entity_iri(other)), (entity_iri(other), kgo(kind.mutual), agent)]
    return out


def _relations(facts: Facts) -> list:
    out = []
    for r in facts.relations:
        predicate = {LOCATED_IN: "locatedIn", INVESTS_IN: "investsIn"}[r.predicate]
        out.append((entity_iri(r.subject), kgo(predicate), entity_iri(r.object)))
    return out


def _closure(facts: Facts) -> dict[str, set[str]]:
    """Every region each entity lies in, at every level (a region lies in itself): this
    page's locatedIn facts (企业 → 园区 → 县) and then the GB/T 2260 chain."""
    gaz = load_gazetteer()
    located: dict[str, set[str]] = defaultdict(set)
    for r in facts.relations:
        if r.predicate == LOCATED_IN:
            located[r.subject].add(r.object)
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
        closure[key] = regions
    return closure


def _in_regions(facts: Facts, closure: dict[str, set[str]]) -> list:
    """kgo:inRegion, materialised: "anything in 贵州省" is one index lookup instead of a
    ``kgo:locatedIn+`` walk per candidate (kgo:visitedIn, the same for visitors, comes with
    the visits)."""
    return [(entity_iri(key), kgo("inRegion"), entity_iri(f"region/{r}"))
            for key, regions in closure.items() for r in sorted(regions)]
