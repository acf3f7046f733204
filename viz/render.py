"""Store → networkx graph → pyvis HTML (vis-network in-line, no CDN).

Node colour by class, size by degree, tooltips with the evidence sentence and the
source page, every label and tooltip HTML-escaped.
"""

from __future__ import annotations

import html
import re

import networkx as nx
from pyvis.network import Network

from kg.errors import KgError
from kg.vocab import sparql_prefixes

CLASS_TO_COLOR = {
    "Official": "#d62728", "Person": "#ff9896", "GovernmentBody": "#1f77b4",
    "Company": "#2ca02c", "Institution": "#17becf", "Organization": "#9edae5",
    "Province": "#8c564b", "Prefecture": "#a0522d", "County": "#c49c94", "Township": "#e7cb94",
    "Village": "#f7e1a0", "Park": "#bcbd22", "Place": "#dbdb8d", "Project": "#9467bd",
}
EDGE_QUERY = sparql_prefixes() + """
SELECT ?s ?p ?o ?evidence ?doc WHERE {
  VALUES ?p { kgo:visited kgo:met kgo:investsIn kgo:locatedIn }
  ?s ?p ?o .
  OPTIONAL { ?e kgo:agent ?s ; kgo:place|kgo:participant ?o ; kgo:evidence ?evidence ;
             prov:wasDerivedFrom ?d . ?d prov:atLocation ?doc }
}"""
NODE_QUERY = sparql_prefixes() + """
SELECT ?n ?label ?type WHERE {
  ?n rdfs:label ?label ; a ?type . FILTER(STRSTARTS(STR(?type), STR(kgo:)))
  FILTER(?type NOT IN (kgo:Document, kgo:Post, kgo:Visit, kgo:Meeting, kgo:Signing, kgo:Conference))
}"""


def build_graph(store) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for row in store.select(NODE_QUERY):
        node = row["n"]
        cls = (row["type"] or "").rsplit("#", 1)[-1]
        if node in g and g.nodes[node].get("cls") == "Official":
            continue
        g.add_node(node, label=row["label"], cls=cls)
    for row in store.select(EDGE_QUERY):
        s, o = row["s"], row["o"]
        if s not in g or o not in g:
            continue
        pred = (row["p"] or "").rsplit("#", 1)[-1]
        key = pred
        data = g.get_edge_data(s, o, key) or {"evidence": set()}
        if row["evidence"] is not None:
            data["evidence"].add((row["evidence"], row["doc"] or ""))
        g.add_edge(s, o, key=key, predicate=pred, evidence=data["evidence"])
    return g


def focus_graph(g: nx.MultiDiGraph, name: str, hops: int) -> nx.MultiDiGraph:
    centres = [n for n, d in g.nodes(data=True) if d.get("label") == name]
    if not centres:
        raise KgError(f"no entity named {name!r} in the graph")
    keep: set[str] = set()
    undirected = g.to_undirected(as_view=True)
    for c in centres:
        keep |= set(nx.single_source_shortest_path_length(undirected, c, cutoff=hops))
    return g.subgraph(keep).copy()


def to_html(g: nx.MultiDiGraph, height: str = "800px") -> str:
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line",
                  notebook=False)
    degree = dict(g.degree())
    for node, data in g.nodes(data=True):
        cls = data.get("cls", "")
        net.add_node(node, label=data.get("label", node),
                     title=html.escape(f"{data.get('label', node)} ({cls})"),
                     color=CLASS_TO_COLOR.get(cls, "#7f7f7f"), size=10 + 3 * min(degree[node], 15),
                     group=cls)
    for s, o, data in g.edges(data=True):
        lines = [data["predicate"]] + [f"{ev} — {doc}" for ev, doc in sorted(data["evidence"])[:3]]
        net.add_edge(s, o, label=data["predicate"], title=html.escape("\n".join(lines)))
    net.set_options('{"physics": {"solver": "forceAtlas2Based", "stabilization": '
                    '{"iterations": 200}}, "edges": {"font": {"size": 9}, "arrows": "to"}}')
    page = _offline(net.generate_html())
    return page.replace("<body>", "<body>" + _legend(), 1)


_REMOTE_TAG = re.compile(r'<(?:link|script)[^>]+(?:href|src)="https?://[^"]*"[^>]*>(?:\s*</script>)?')


def _offline(page: str) -> str:
    """pyvis in-lines vis-network but still links Bootstrap from a CDN: drop those tags."""
    return _REMOTE_TAG.sub("", page)


def _legend() -> str:
    items = "".join(f'<span style="margin-right:8px"><span style="display:inline-block;width:10px;'
                    f'height:10px;background:{c}"></span> {html.escape(k)}</span>'
                    for k, c in CLASS_TO_COLOR.items())
    return f'<div id="legend" style="font:12px sans-serif;padding:4px">{items}</div>'


def render_html(store, focus: str | None = None, hops: int = 2) -> str:
    g = build_graph(store)
    if focus:
        g = focus_graph(g, focus, hops)
    return to_html(g)
