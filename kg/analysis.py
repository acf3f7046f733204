"""The graph for analysis: officials, places and organizations as a networkx graph.

:func:`network` reads the store and returns a :class:`networkx.MultiDiGraph`:

- nodes: every agent, place and participant of a visit or meeting, keyed by IRI, with
  ``label`` (the canonical name) and ``cls`` (Official, County, Company …);
- edges: ``visited`` (agent → place) and ``met`` (agent → participant), one per pair and
  kind (the edge key), with ``weight`` the number of distinct events (a visit reported by 50
  papers counts once), ``dates`` (the days, ``;``-separated), ``first`` and ``last``.

Centrality of officials or a travel network is then a few lines::

    from kg.analysis import network
    from kg.store import open_store
    import networkx as nx

    g = network(open_store("kgdata", read_only=True))
    officials = [n for n, d in g.nodes(data=True) if d["cls"] == "Official"]
    ranks = nx.pagerank(nx.DiGraph(g), weight="weight")
    top = sorted(officials, key=ranks.get, reverse=True)[:10]

:func:`network_bytes` writes it as GraphML or GEXF (``kg export --format graphml|gexf``).
"""

from __future__ import annotations

import io

import networkx as nx

from kg.errors import StoreError
from kg.vocab import sparql_prefixes

__all__ = ["EDGE_KINDS", "network", "network_bytes"]

# Event class → (edge kind, the property naming the other end).
EDGE_KINDS = {"Visit": ("visited", "kgo:place"), "Meeting": ("met", "kgo:participant")}

_EDGES = sparql_prefixes() + """
SELECT ?a ?x ?type (COUNT(DISTINCT ?e) AS ?n) (GROUP_CONCAT(DISTINCT ?d; separator=";") AS ?dates) WHERE {
  { ?e a kgo:Visit ; kgo:agent ?a ; kgo:place ?x . BIND("Visit" AS ?type) }
  UNION { ?e a kgo:Meeting ; kgo:agent ?a ; kgo:participant ?x . BIND("Meeting" AS ?type) }
  OPTIONAL { ?e kgo:date ?day }
  BIND(COALESCE(STR(?day), "") AS ?d)
} GROUP BY ?a ?x ?type"""

_NODES = sparql_prefixes() + """
SELECT ?n (MIN(?l) AS ?label) (GROUP_CONCAT(DISTINCT STRAFTER(STR(?t), "#"); separator=" ") AS ?classes) WHERE {
  { ?e kgo:agent ?n } UNION { ?e kgo:place ?n } UNION { ?e kgo:participant ?n }
  ?e a ?k . FILTER(?k IN (kgo:Visit, kgo:Meeting))
  ?n rdfs:label ?l ; a ?t . FILTER(STRSTARTS(STR(?t), STR(kgo:)))
} GROUP BY ?n"""

# The most specific class first: an Official is a Person, a County an AdminRegion.
_PREFERRED = ["Official", "Person", "Village", "Township", "County", "Prefecture", "Province",
              "Park", "Project", "Company", "Institution", "GovernmentBody", "Organization", "Place"]


def _class_of(classes: str) -> str:
    names = set(classes.split())
    return next((c for c in _PREFERRED if c in names), min(names, default=""))


def network(store) -> nx.MultiDiGraph:
    """Officials, places and organizations, with visit and meeting edges weighted by the number
    of distinct events (see the module's docstring)."""
    g = nx.MultiDiGraph()
    for row in store.select(_NODES):
        g.add_node(row["n"], label=row["label"] or row["n"], cls=_class_of(row["classes"] or ""))
    for row in store.select(_EDGES):
        if row["a"] not in g or row["x"] not in g:
            continue
        kind = EDGE_KINDS[row["type"] or ""][0]
        dates = sorted(d for d in (row["dates"] or "").split(";") if d)
        g.add_edge(row["a"], row["x"], key=kind, kind=kind, weight=int(row["n"] or 0),
                   dates=";".join(dates), first=dates[0] if dates else "",
                   last=dates[-1] if dates else "")
    return g


def network_bytes(g: nx.MultiDiGraph, fmt: str) -> bytes:
    """The graph as GraphML or GEXF (both read by Gephi, networkx and igraph)."""
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(g, buffer)
    elif fmt == "gexf":
        nx.write_gexf(g, buffer)
    else:
        raise StoreError(f"unknown network format {fmt!r}: use graphml or gexf")
    return buffer.getvalue()
