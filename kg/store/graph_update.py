"""The one SPARQL Update that replaces or removes a document's graph, and keeps the
per-region visit counts (graph ``kgr:graph/stats``) in step, in a single request.

Any SPARQL 1.1 server runs a request as one transaction (pyoxigraph does; Virtuoso
and Oxigraph server do), so a reader sees the old page with the old counts or the
new page with the new counts, and a failed write leaves both as they were.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Quad, RdfFormat, serialize

from kg.vocab import KGO, KGR

STATS_GRAPH = KGR + "graph/stats"


def _count_change(graph: str, sign: str) -> str:
    """Add (``+``) or take away (``-``) the visits of ``graph`` from every region's count."""
    return f"""DELETE {{ GRAPH <{STATS_GRAPH}> {{ ?r <{KGO}visitCount> ?n }} }}
INSERT {{ GRAPH <{STATS_GRAPH}> {{ ?r <{KGO}visitCount> ?m }} }}
WHERE {{
  {{ SELECT ?r (COUNT(DISTINCT ?v) AS ?k) WHERE {{
       GRAPH <{graph}> {{ ?v a <{KGO}Visit> ; <{KGO}place> ?x . ?x <{KGO}inRegion> ?r }}
     }} GROUP BY ?r }}
  OPTIONAL {{ GRAPH <{STATS_GRAPH}> {{ ?r <{KGO}visitCount> ?n }} }}
  BIND(COALESCE(?n, 0) {sign} ?k AS ?m)
}}"""


def remove_graph_update(graph: str) -> str:
    return f"{_count_change(graph, '-')} ;\nDROP SILENT GRAPH <{graph}>"


def replace_graph_update(graph: str, quads: Iterable[Quad]) -> str:
    """Take the old page's visits off the counts, swap the page, add the new page's visits."""
    body = (serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES) or b"").decode()
    return (f"{remove_graph_update(graph)} ;\n"
            f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }} ;\n"
            f"{_count_change(graph, '+')}")
