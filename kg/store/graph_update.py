"""The one SPARQL Update that replaces or removes a document, keeping every shared fact once.

The layout (ontology/README.md has the whole story):

- ``kgr:graph/facts``: every fact more than one document may state (entity types, labels,
  aliases, region chains, closures, events, posts, relations), each triple once.
- ``kgr:doc/<id>``: what only this document says (its metadata, its reports of events and
  posts with their evidence and confidence) and ``<doc> kgo:supports <stmt>`` for every
  shared fact it states.
- ``kgr:graph/support``: each supported statement's ``rdf:subject``, ``rdf:predicate`` and
  ``rdf:object``, once, so a shared triple can be found and withdrawn when its last
  supporting document goes.
- ``kgr:graph/stats``: numbers derived from the rest, kept right by the same request:
  ``kgo:visitCount`` per region, and per event or post ``kgo:reportCount``,
  ``kgo:confidence`` (its best report's), ``kgo:firstSeen``/``kgo:lastSeen`` (the extreme
  days its reports were seen on).

Any SPARQL 1.1 server runs one update request as one transaction (pyoxigraph does; Virtuoso
and Oxigraph server do), so a reader sees the old document with the old counts or the new
one with the new counts, and a failed write leaves both as they were.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Iterator

from pyoxigraph import NamedNode, Quad, RdfFormat, Triple, serialize

from kg.vocab import FACTS_GRAPH, KGO, KGR, RDF, STATS_GRAPH, SUPPORT_GRAPH

SYSTEM_GRAPHS = frozenset({FACTS_GRAPH, SUPPORT_GRAPH, STATS_GRAPH})
__all__ = ["FACTS_GRAPH", "STATS_GRAPH", "SUPPORT_GRAPH", "SYSTEM_GRAPHS", "bulk_quads",
           "recount_update", "remove_graph_update", "replace_graph_update", "split_document",
           "statement_iri"]

_SUPPORTS = NamedNode(KGO + "supports")
_REIFY = [NamedNode(RDF + "subject"), NamedNode(RDF + "predicate"), NamedNode(RDF + "object")]
# Derived values of an event or a post, recomputed from its reports whenever they change.
_DERIVED = ("reportCount", "confidence", "firstSeen", "lastSeen")


def statement_iri(triple: Triple) -> NamedNode:
    """The stable name of a shared triple in the support graph (80 bits of its N-Triples' SHA-1)."""
    return NamedNode(KGR + "stmt/" + hashlib.sha1(str(triple).encode()).hexdigest()[:20])


def _nt(triples: Iterable[Triple]) -> str:
    return (serialize(list(triples), format=RdfFormat.N_TRIPLES) or b"").decode()


def _others_support(doc: str) -> str:
    return f"GRAPH ?other {{ ?other <{KGO}supports> ?st }} FILTER(?other != <{doc}>)"


def _withdraw(doc: str) -> list[str]:
    """Take the visits of the shared triples only ``doc`` supports off the region counts, then
    delete those triples (and their statements)."""
    losing = f"""GRAPH <{doc}> {{ <{doc}> <{KGO}supports> ?st }}
    GRAPH <{SUPPORT_GRAPH}> {{ ?st <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o }}
    FILTER NOT EXISTS {{ {_others_support(doc)} }}"""
    counts = f"""DELETE {{ GRAPH <{STATS_GRAPH}> {{ ?r <{KGO}visitCount> ?n }} }}
INSERT {{ GRAPH <{STATS_GRAPH}> {{ ?r <{KGO}visitCount> ?m }} }}
WHERE {{
  {{ SELECT ?r (COUNT(DISTINCT ?e) AS ?k) WHERE {{
      GRAPH <{doc}> {{ <{doc}> <{KGO}supports> ?st }}
      GRAPH <{SUPPORT_GRAPH}> {{ ?st <{RDF}predicate> <{KGO}inRegion> ; <{RDF}subject> ?e ; <{RDF}object> ?r }}
      GRAPH <{FACTS_GRAPH}> {{ ?e a <{KGO}Visit> }}
      FILTER NOT EXISTS {{ {_others_support(doc)} }}
  }} GROUP BY ?r }}
  GRAPH <{STATS_GRAPH}> {{ ?r <{KGO}visitCount> ?n }}
  BIND(IF(?n - ?k > 0, ?n - ?k, ?none) AS ?m)
}}"""
    delete = f"""DELETE {{ GRAPH <{FACTS_GRAPH}> {{ ?s ?p ?o }}
           GRAPH <{SUPPORT_GRAPH}> {{ ?st <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o }} }}
WHERE {{ {losing} }}"""
    return [counts, delete]


def _mark(doc: str, pending: str) -> str:
    """Remember the events and posts ``doc`` reports on, to recompute their derived values."""
    return (f"INSERT {{ GRAPH <{pending}> {{ ?n a <{KGO}Pending> }} }} "
            f"WHERE {{ GRAPH <{doc}> {{ ?r <{KGO}reportOf> ?n }} }}")


def _admit(doc: str) -> str:
    """Add the visits of the shared triples that ``doc`` brings in first to the region counts
    (run after the document's graph and statements are in, before the facts graph is)."""
    return f"""DELETE {{ GRAPH <{STATS_GRAPH}> {{ ?r <{KGO}visitCount> ?n }} }}
INSERT {{ GRAPH <{STATS_GRAPH}> {{ ?r <{KGO}visitCount> ?m }} }}
WHERE {{
  {{ SELECT ?r (COUNT(DISTINCT ?e) AS ?k) WHERE {{
      GRAPH <{doc}> {{ <{doc}> <{KGO}supports> ?st }}
      GRAPH <{SUPPORT_GRAPH}> {{ ?st <{RDF}predicate> <{KGO}inRegion> ; <{RDF}subject> ?e ; <{RDF}object> ?r .
                                 ?ty <{RDF}subject> ?e ; <{RDF}predicate> <{RDF}type> ; <{RDF}object> <{KGO}Visit> }}
      GRAPH <{doc}> {{ <{doc}> <{KGO}supports> ?ty }}
      FILTER NOT EXISTS {{ GRAPH <{FACTS_GRAPH}> {{ ?e <{KGO}inRegion> ?r }} }}
  }} GROUP BY ?r }}
  OPTIONAL {{ GRAPH <{STATS_GRAPH}> {{ ?r <{KGO}visitCount> ?n }} }}
  BIND(COALESCE(?n, 0) + ?k AS ?m)
}}"""


def _recompute(pending: str) -> list[str]:
    """Report count, best confidence and first/last document date of every marked node."""
    # FILTER, not VALUES: pyoxigraph starts from a VALUES block and scans every stats triple
    # with those predicates (O(store): 19 ms at 50k quads); from the pending nodes it is a lookup.
    derived = ", ".join(f"<{KGO}{p}>" for p in _DERIVED)
    return [f"""DELETE {{ GRAPH <{STATS_GRAPH}> {{ ?n ?p ?v }} }}
WHERE {{ GRAPH <{pending}> {{ ?n a <{KGO}Pending> }} GRAPH <{STATS_GRAPH}> {{ ?n ?p ?v }} FILTER(?p IN ({derived})) }}""",
            f"""INSERT {{ GRAPH <{STATS_GRAPH}> {{ ?n <{KGO}reportCount> ?c ; <{KGO}confidence> ?x ;
                                        <{KGO}firstSeen> ?f ; <{KGO}lastSeen> ?l }} }}
WHERE {{
  {{ SELECT ?n (COUNT(DISTINCT ?r) AS ?c) (MAX(?conf) AS ?x) (MIN(?day) AS ?f) (MAX(?day) AS ?l) WHERE {{
      GRAPH <{pending}> {{ ?n a <{KGO}Pending> }}
      GRAPH ?g {{ ?r <{KGO}reportOf> ?n . OPTIONAL {{ ?r <{KGO}confidence> ?conf }}
                  OPTIONAL {{ ?r <{KGO}seenOn> ?day }} }}
  }} GROUP BY ?n }}
}}""", f"DROP SILENT GRAPH <{pending}>"]


def _add_new(doc: str, old: str, new: str) -> str:
    """The derived values of the events and posts that ``doc`` reports and its previous version
    did not (marked in ``new``, not in ``old``), from their kept values and ``doc``'s reports
    alone: every report of ``doc`` is new to them, so the count adds up and the extremes are
    the extremes of the two. A page that reports 习近平's post adds to its count instead of
    re-reading its tens of thousands of reports (what :func:`_recompute` does for the events
    and posts a replaced or removed version reported: their extremes may go)."""
    k = KGO
    return f"""DELETE {{ GRAPH <{STATS_GRAPH}> {{ ?n <{k}reportCount> ?c0 ; <{k}confidence> ?x0 ;
                                        <{k}firstSeen> ?f0 ; <{k}lastSeen> ?l0 }} }}
INSERT {{ GRAPH <{STATS_GRAPH}> {{ ?n <{k}reportCount> ?c ; <{k}confidence> ?x ;
                                <{k}firstSeen> ?f ; <{k}lastSeen> ?l }} }}
WHERE {{
  {{ SELECT ?n (COUNT(DISTINCT ?r) AS ?m) (MAX(?conf) AS ?x1) (MIN(?day) AS ?f1) (MAX(?day) AS ?l1) WHERE {{
      GRAPH <{new}> {{ ?n a <{k}Pending> }}
      FILTER NOT EXISTS {{ GRAPH <{old}> {{ ?n a <{k}Pending> }} }}
      GRAPH <{doc}> {{ ?r <{k}reportOf> ?n . OPTIONAL {{ ?r <{k}confidence> ?conf }}
                       OPTIONAL {{ ?r <{k}seenOn> ?day }} }}
  }} GROUP BY ?n }}
  OPTIONAL {{ GRAPH <{STATS_GRAPH}> {{ ?n <{k}reportCount> ?c0 }} }}
  OPTIONAL {{ GRAPH <{STATS_GRAPH}> {{ ?n <{k}confidence> ?x0 }} }}
  OPTIONAL {{ GRAPH <{STATS_GRAPH}> {{ ?n <{k}firstSeen> ?f0 }} }}
  OPTIONAL {{ GRAPH <{STATS_GRAPH}> {{ ?n <{k}lastSeen> ?l0 }} }}
  BIND(COALESCE(?c0, 0) + ?m AS ?c)
  BIND(COALESCE(IF(?x0 > ?x1, ?x0, ?x1), ?x1, ?x0) AS ?x)
  BIND(COALESCE(IF(?f0 < ?f1, ?f0, ?f1), ?f1, ?f0) AS ?f)
  BIND(COALESCE(IF(?l0 > ?l1, ?l0, ?l1), ?l1, ?l0) AS ?l)
}}"""


def remove_graph_update(graph: str) -> str:
    """Remove a document: its graph, the shared facts only it supports, its share of the counts."""
    pending = KGR + "graph/pending/" + uuid.uuid4().hex
    return " ;\n".join([_mark(graph, pending), *_withdraw(graph), f"DROP SILENT GRAPH <{graph}>",
                        *_recompute(pending)])


def split_document(graph: str, quads: Iterable[Quad]) -> tuple[list[Triple], list[Triple], list[Triple]]:
    """A document's quads as the layout stores them: (its graph's triples: its own and its
    ``kgo:supports`` of each shared fact; the statements of the support graph; the shared
    facts). Quads in ``kgr:graph/facts`` are shared facts, all others the document's own."""
    own: list[Triple] = []
    shared: list[Triple] = []
    for q in quads:
        (shared if isinstance(q.graph_name, NamedNode) and q.graph_name.value == FACTS_GRAPH
         else own).append(q.triple)
    doc = NamedNode(graph)
    shared = list(dict.fromkeys(shared))
    support, statements = [], []
    for t in shared:
        st = statement_iri(t)
        support.append(Triple(doc, _SUPPORTS, st))
        statements += [Triple(st, p, v) for p, v in zip(_REIFY, (t.subject, t.predicate, t.object))]
    return own + support, statements, shared


def replace_graph_update(graph: str, quads: Iterable[Quad]) -> str:
    """Replace a document: quads in ``kgr:graph/facts`` are shared facts (stored once, with
    this document's support), all others are the document's own (stored in its graph)."""
    mine, statements, shared = split_document(graph, quads)
    pending = KGR + "graph/pending/" + uuid.uuid4().hex  # what the old version reported
    fresh = pending + "-new"  # what the new version reports
    return " ;\n".join([
        _mark(graph, pending), *_withdraw(graph), f"DROP SILENT GRAPH <{graph}>",
        f"INSERT DATA {{ GRAPH <{graph}> {{\n{_nt(mine)}\n}}\n"
        f"GRAPH <{SUPPORT_GRAPH}> {{\n{_nt(statements)}\n}} }}",
        _admit(graph),
        f"INSERT DATA {{ GRAPH <{FACTS_GRAPH}> {{\n{_nt(shared)}\n}} }}",
        _mark(graph, fresh), _add_new(graph, pending, fresh), f"DROP SILENT GRAPH <{fresh}>",
        *_recompute(pending)])


def bulk_quads(documents: Iterable[tuple[str, Iterable[Quad]]]) -> Iterator[Quad]:
    """The quads new documents add to the store, laid out as :func:`replace_graph_update`
    lays them out (shared facts and statements repeat: a store keeps each quad once), except
    the counts: after loading these, run :func:`recount_update`."""
    facts, support = NamedNode(FACTS_GRAPH), NamedNode(SUPPORT_GRAPH)
    for graph, quads in documents:
        mine, statements, shared = split_document(graph, quads)
        g = NamedNode(graph)
        yield from (Quad(t.subject, t.predicate, t.object, g) for t in mine)
        yield from (Quad(t.subject, t.predicate, t.object, support) for t in statements)
        yield from (Quad(t.subject, t.predicate, t.object, facts) for t in shared)


def recount_update() -> str:
    """Every count of ``kgr:graph/stats`` computed again from the whole store: what the
    per-document updates keep right one document at a time (visits per region, and per event
    or post its reports' number, best confidence and first and last day)."""
    derived = ", ".join(f"<{KGO}{p}>" for p in _DERIVED)
    return f"""DELETE {{ GRAPH <{STATS_GRAPH}> {{ ?s ?p ?o }} }}
WHERE {{ GRAPH <{STATS_GRAPH}> {{ ?s ?p ?o }} FILTER(?p IN (<{KGO}visitCount>, {derived})) }} ;
INSERT {{ GRAPH <{STATS_GRAPH}> {{ ?r <{KGO}visitCount> ?k }} }}
WHERE {{ {{ SELECT ?r (COUNT(DISTINCT ?e) AS ?k) WHERE {{
    GRAPH <{FACTS_GRAPH}> {{ ?e a <{KGO}Visit> ; <{KGO}inRegion> ?r }} }} GROUP BY ?r }} }} ;
INSERT {{ GRAPH <{STATS_GRAPH}> {{ ?n <{KGO}reportCount> ?c ; <{KGO}confidence> ?x ;
                                <{KGO}firstSeen> ?f ; <{KGO}lastSeen> ?l }} }}
WHERE {{
  {{ SELECT ?n (COUNT(DISTINCT ?r) AS ?c) (MAX(?conf) AS ?x) (MIN(?day) AS ?f) (MAX(?day) AS ?l) WHERE {{
      GRAPH ?g {{ ?r <{KGO}reportOf> ?n . OPTIONAL {{ ?r <{KGO}confidence> ?conf }}
                  OPTIONAL {{ ?r <{KGO}seenOn> ?day }} }}
  }} GROUP BY ?n }}
}}"""
