"""Store → networkx graph → pyvis HTML (vis-network in-line, no CDN).

Node colour by class, size by degree, tooltips with the evidence sentence and the
source page, every label and tooltip HTML-escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import networkx as nx
from pyvis.network import Network

from kg.errors import KgError
from kg.queries import date_pattern
from kg.vocab import sparql_prefixes

CLASS_TO_COLOR = {
    "Official": "#d62728", "Person": "#ff9896", "GovernmentBody": "#1f77b4",
    "Company": "#2ca02c", "Institution": "#17becf", "Organization": "#9edae5",
    "Province": "#8c564b", "Prefecture": "#a0522d", "County": "#c49c94", "Township": "#e7cb94",
    "Village": "#f7e1a0", "Park": "#bcbd22", "Place": "#dbdb8d", "Project": "#9467bd",
}
CLASS_TO_SHAPE = {"Official": "star", "Person": "dot", "Company": "square", "GovernmentBody": "diamond",
                  "Institution": "diamond", "Organization": "diamond", "Project": "triangle",
                  "Park": "hexagon"}
EDGE_QUERY = sparql_prefixes() + """
SELECT ?s ?p ?o ?evidence ?doc WHERE {
  VALUES ?p { kgo:visited kgo:met kgo:investsIn kgo:locatedIn }
  ?s ?p ?o .
  OPTIONAL { ?e kgo:agent ?s ; kgo:place|kgo:participant ?o . ?r kgo:reportOf ?e ;
             kgo:evidence ?evidence ; prov:wasDerivedFrom ?d . ?d prov:atLocation ?doc }
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
                     shape=CLASS_TO_SHAPE.get(cls, "dot"))
    for s, o, data in g.edges(data=True):
        lines = [data["predicate"]] + [f"{ev} — {doc}" for ev, doc in sorted(data["evidence"])[:3]]
        if data.get("width", 1) > 1:
            lines.append(f"{data['width']} visits")
        net.add_edge(s, o, label=data["predicate"], title=html.escape("\n".join(lines)),
                     width=data.get("width", 1))
    net.set_options(json.dumps(_options(g.number_of_nodes())))
    page = _offline(net.generate_html())
    page = page.replace("</body>", _SETTLE + "</body>", 1)
    return page.replace("<body>", "<body>" + _legend(), 1)


# Once the layout has settled, physics stops: a large graph then stays still and responsive.
_SETTLE = """<script>
window.zhkgSettled = null;
function zhkgFreeze() { if (window.zhkgSettled === null) { window.zhkgSettled = performance.now();
  network.setOptions({physics: false}); } }
network.once("stabilizationIterationsDone", zhkgFreeze);
network.once("stabilized", zhkgFreeze);
</script>"""


def _options(nodes: int) -> dict:
    """Physics that settles fast: Barnes-Hut with strong damping, no slow initial layout for
    big graphs, a bounded number of stabilisation steps."""
    return {
        "layout": {"improvedLayout": nodes <= 150},
        "physics": {"solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 140,
                                  "springConstant": 0.04, "damping": 0.5, "avoidOverlap": 0.1},
                    "minVelocity": 1.5, "maxVelocity": 40,
                    "stabilization": {"enabled": True, "iterations": 300 if nodes <= 500 else 150,
                                      "updateInterval": 25, "fit": True}},
        "edges": {"font": {"size": 9}, "arrows": "to", "smooth": nodes <= 500},
        "interaction": {"hideEdgesOnDrag": nodes > 500, "tooltipDelay": 150},
    }


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


def _literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def visits_graph(store, region: str, since: dt.date | None = None,
                 until: dt.date | None = None) -> nx.MultiDiGraph:
    """Officials → the places they visited inside ``region`` (by name), one edge per pair,
    its width the number of visits; places coloured by their class (administrative level)."""
    rows = store.select(sparql_prefixes() + f"""
SELECT ?who ?whoLabel ?place ?placeLabel ?cls (COUNT(DISTINCT ?v) AS ?n) WHERE {{
  ?v a kgo:Visit ; kgo:agent ?who ; kgo:place ?place .
  {date_pattern("?v", since, until)}
  ?place kgo:locatedIn* ?r . ?r rdfs:label|skos:altLabel {_literal(region)}@zh .
  ?who rdfs:label ?whoLabel . ?place rdfs:label ?placeLabel ; a ?cls .
  FILTER(STRSTARTS(STR(?cls), STR(kgo:)))
}} GROUP BY ?who ?whoLabel ?place ?placeLabel ?cls""")
    if not rows and not store.select(sparql_prefixes() + f"SELECT ?r WHERE {{ ?r rdfs:label|skos:altLabel {_literal(region)}@zh }} LIMIT 1"):
        raise KgError(f"no region named {region!r} in the graph")
    g = nx.MultiDiGraph()
    for r in rows:
        g.add_node(r["who"], label=r["whoLabel"], cls="Official")
        g.add_node(r["place"], label=r["placeLabel"], cls=(r["cls"] or "").rsplit("#", 1)[-1])
        g.add_edge(r["who"], r["place"], key="visited", predicate="visited", evidence=set(),
                   width=int(r["n"] or 1))
    return g


def document_graph(store, doc_iri: str) -> nx.MultiDiGraph:
    """Everything one document says: its entities and the edges between them."""
    if any(c in doc_iri for c in '<>"{}|\\^` '):
        raise KgError("a document IRI has no spaces or <>\"{}|\\^` characters")
    full = build_graph(store)
    # The document's graph holds its own triples and the shared facts it supports.
    rows = store.select(sparql_prefixes() + f"""SELECT DISTINCT ?s WHERE {{
      {{ GRAPH <{doc_iri}> {{ ?s ?p ?o }} }} UNION {{ GRAPH <{doc_iri}> {{ <{doc_iri}> kgo:supports ?st }}
                                                   ?st rdf:subject ?s }} }}""")
    if not rows:
        raise KgError(f"no document <{doc_iri}> in the graph")
    keep = {r["s"] for r in rows} & set(full.nodes)
    return full.subgraph(keep).copy()
