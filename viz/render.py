"""Store → networkx graph → pyvis HTML (vis-network in-line, no CDN).

Node colour by class, size by degree, tooltips with the evidence sentence and the source page,
Chinese edge labels (English with ``lang="en"``). Isolated nodes are left out, and the first
view of the whole store is the visits network of the busiest officials, not everything. The
page's own script (viz/graph.js, in-lined so ``kg viz`` files work offline too) makes a click
open a node's page, a double-click expand it (``/graph/neighbors.json``), and filters the
view by class and by a date range. Labels are drawn on the canvas; tooltips are built as text.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re

from pathlib import Path
from urllib.parse import quote

import networkx as nx
from pyvis.network import Network

from api.ui import t
from kg.errors import KgError
from kg.queries import date_pattern
from kg.vocab import KGR, sparql_prefixes

GRAPH_JS = Path(__file__).with_name("graph.js")

CLASS_TO_COLOR = {
    "Official": "#d62728", "Person": "#ff9896", "GovernmentBody": "#1f77b4",
    "Company": "#2ca02c", "Institution": "#17becf", "Organization": "#9edae5",
    "Province": "#8c564b", "Prefecture": "#a0522d", "County": "#c49c94", "Township": "#e7cb94",
    "Village": "#f7e1a0", "Park": "#bcbd22", "Place": "#dbdb8d", "Project": "#9467bd",
}
CLASS_TO_SHAPE = {"Official": "star", "Person": "dot", "Company": "square", "GovernmentBody": "diamond",
                  "Institution": "diamond", "Organization": "diamond", "Project": "triangle",
                  "Park": "hexagon"}
EDGES = "VALUES ?p { kgo:visited kgo:met kgo:investsIn kgo:locatedIn }"
_EDGE_FACTS = """OPTIONAL { ?e kgo:agent ?s ; kgo:place|kgo:participant ?o . OPTIONAL { ?e kgo:date ?date }
             ?r kgo:reportOf ?e ; kgo:evidence ?evidence ; prov:wasDerivedFrom ?d . ?d prov:atLocation ?doc }"""
EDGE_QUERY = sparql_prefixes() + f"""
SELECT ?s ?p ?o ?evidence ?doc ?date WHERE {{
  {EDGES}
  ?s ?p ?o .
  {_EDGE_FACTS}
}}"""
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
        _add_edge(g, s, o, row)
    return g


def _add_edge(g: nx.MultiDiGraph, s: str, o: str, row: dict) -> None:
    """One edge per subject, predicate and object, gathering its evidence and event dates."""
    pred = (row["p"] or "").rsplit("#", 1)[-1]
    data = g.get_edge_data(s, o, pred) or {"evidence": set(), "dates": set()}
    if row.get("evidence") is not None:
        data["evidence"].add((row["evidence"], row.get("doc") or ""))
    if row.get("date"):
        data["dates"].add(row["date"])
    g.add_edge(s, o, key=pred, predicate=pred, evidence=data["evidence"], dates=data["dates"])


def focus_graph(g: nx.MultiDiGraph, name: str, hops: int) -> nx.MultiDiGraph:
    centres = [n for n, d in g.nodes(data=True) if d.get("label") == name]
    if not centres:
        raise KgError(f"no entity named {name!r} in the graph")
    keep: set[str] = set()
    undirected = g.to_undirected(as_view=True)
    for c in centres:
        keep |= set(nx.single_source_shortest_path_length(undirected, c, cutoff=hops))
    return g.subgraph(keep).copy()


def node_options(node: str, data: dict, degree: int, lang: str = "zh") -> dict:
    """A node as vis-network wants it, with its page (``href``), class and a text tooltip
    (``tip``; ``title`` is the same text HTML-escaped, for viewers that put it in as markup)."""
    cls = data.get("cls", "")
    label = data.get("label", node)
    tip = f"{label}（{t('class_' + cls, lang)}）" if cls else label
    return {"n_id": node, "label": label, "title": html.escape(tip), "tip": tip, "cls": cls,
            "href": entity_href(node), "color": CLASS_TO_COLOR.get(cls, "#7f7f7f"),
            "size": 10 + 3 * min(degree, 15), "shape": CLASS_TO_SHAPE.get(cls, "dot")}


def edge_options(s: str, o: str, data: dict, lang: str = "zh") -> dict:
    """An edge with its Chinese (or English) label, its event dates and a text tooltip."""
    word = t("edge_" + data["predicate"], lang)
    lines = [word] + [f"{ev} — {doc}" for ev, doc in sorted(data["evidence"])[:3]]
    dates = sorted(data.get("dates") or ())
    if dates:
        lines.append(dates[0] if len(dates) == 1 else f"{dates[0]} – {dates[-1]}")
    if data.get("width", 1) > 1:
        lines.append(f"{t('visits', lang)} {data['width']}")
    tip = "\n".join(lines)
    return {"id": f"{s} {data['predicate']} {o}", "label": word, "title": html.escape(tip), "tip": tip,
            "width": data.get("width", 1), "dates": dates, "predicate": data["predicate"]}


def entity_href(iri: str) -> str | None:
    return "/entities/" + quote(iri[len(KGR):], safe="/@") if iri.startswith(KGR) else None


def without_isolates(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph less the nodes that have no edge: they only make a ring around the picture."""
    out = g.copy()
    out.remove_nodes_from(list(nx.isolates(out)))
    return out


def to_html(g: nx.MultiDiGraph, height: str = "800px", lang: str = "zh", title: str = "") -> str:
    g = without_isolates(g)
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line",
                  notebook=False)
    degree = dict(g.degree())
    for node, data in g.nodes(data=True):
        options = node_options(node, data, degree[node], lang)
        net.add_node(options.pop("n_id"), **options)
    for s, o, data in g.edges(data=True):
        net.add_edge(s, o, **edge_options(s, o, data, lang))
    net.set_options(json.dumps(_options(g.number_of_nodes())))
    page = _offline(net.generate_html())
    page = page.replace("<head>", '<head><meta charset="utf-8"><link rel="icon" href="data:,">', 1)
    page = page.replace("</body>", _SETTLE + _script(lang) + "</body>", 1)
    return page.replace("<body>", "<body>" + _controls(title, lang) + _legend(lang), 1)


def _script(lang: str) -> str:
    """The page's own behaviour (viz/graph.js), with its interface words, in-lined."""
    words = {k: t(k, lang) for k in ("filter_classes", "filter_dates", "all_dates")}
    words.update({"class_" + c: t("class_" + c, lang) for c in CLASS_TO_COLOR})
    config = json.dumps({"lang": lang, "words": words}, ensure_ascii=False).replace("<", "\\u003c")
    return f"<script>window.zhkgGraphConfig = {config};\n{GRAPH_JS.read_text(encoding='utf-8')}</script>"


def _controls(title: str, lang: str) -> str:
    heading = (f'<a href="/">zhkg</a> · <b>{html.escape(title)}</b> · ' if title else '<a href="/">zhkg</a> · ')
    return (f'<div id="controls" style="font:13px sans-serif;padding:4px">{heading}'
            f'<span class="help">{html.escape(t("graph_help", lang))}</span> · '
            f'<a id="lang-switch" href="#">{html.escape(t("lang_switch", lang))}</a>'
            f'<div id="class-filter"></div><div id="date-filter"></div></div>')


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


def _legend(lang: str = "zh") -> str:
    items = "".join(f'<span style="margin-right:8px"><span style="display:inline-block;width:10px;'
                    f'height:10px;background:{c}"></span> {html.escape(t("class_" + k, lang))}</span>'
                    for k, c in CLASS_TO_COLOR.items())
    return f'<div id="legend" style="font:12px sans-serif;padding:4px">{items}</div>'


def busiest(g: nx.MultiDiGraph, top: int = 12) -> nx.MultiDiGraph:
    """The visits network of the ``top`` agents with the most visit and meeting edges: them,
    the places and people they visited or met, and the edges among those."""
    counts: dict[str, int] = {}
    for s, _, data in g.edges(data=True):
        if data["predicate"] in ("visited", "met"):
            counts[s] = counts.get(s, 0) + max(1, len(data.get("dates") or ()))
    agents = sorted(counts, key=lambda n: (-counts[n], g.nodes[n].get("label", n)))[:top]
    keep = set(agents)
    for a in agents:
        keep |= {o for _, o, data in g.out_edges(a, data=True) if data["predicate"] in ("visited", "met")}
    return g.subgraph(keep).copy()


def render_html(store, focus: str | None = None, hops: int = 2, lang: str = "zh",
                everything: bool = False) -> str:
    """The graph around ``focus`` (a name), everything, or by default the busiest officials'
    visits network."""
    g = build_graph(store)
    if focus:
        return to_html(focus_graph(g, focus, hops), lang=lang, title=focus)
    if everything:
        return to_html(g, lang=lang)
    return to_html(busiest(g), lang=lang, title=t("busiest", lang))


def neighbours(store, iri: str, lang: str = "zh") -> dict:
    """The nodes and edges one step from ``iri``, as vis-network items (a double-click's expansion)."""
    if any(c in iri for c in '<>"{}|\\^` '):
        raise KgError("a node IRI has no spaces or <>\"{}|\\^` characters")
    node = f"<{iri}>"
    rows = store.select(sparql_prefixes() + f"""
SELECT ?s ?p ?o ?evidence ?doc ?date WHERE {{
  {EDGES}
  {{ BIND({node} AS ?s) ?s ?p ?o }} UNION {{ BIND({node} AS ?o) ?s ?p ?o }}
  {_EDGE_FACTS}
}}""")
    ends = {r["s"] for r in rows} | {r["o"] for r in rows} | {iri}
    g = nx.MultiDiGraph()
    values = " ".join(f"<{e}>" for e in ends if not any(c in e for c in '<>"{}|\\^` '))
    for row in store.select(sparql_prefixes() + f"""SELECT ?n ?label ?type WHERE {{
        VALUES ?n {{ {values} }} ?n rdfs:label ?label ; a ?type . FILTER(STRSTARTS(STR(?type), STR(kgo:))) }}"""):
        cls = (row["type"] or "").rsplit("#", 1)[-1]
        if row["n"] not in g or g.nodes[row["n"]].get("cls") != "Official":
            g.add_node(row["n"], label=row["label"], cls=cls)
    for row in rows:
        if row["s"] in g and row["o"] in g:
            _add_edge(g, row["s"], row["o"], row)
    degree = dict(g.degree())
    nodes = []
    for n, d in g.nodes(data=True):
        options = node_options(n, d, degree[n], lang)
        options["id"] = options.pop("n_id")
        nodes.append(options)
    return {"nodes": nodes,
            "edges": [{**edge_options(s, o, d, lang), "from": s, "to": o} for s, o, d in g.edges(data=True)]}


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
  ?place (kgo:locatedIn|kgo:parentRegion)* ?r . ?r rdfs:label|skos:altLabel {_literal(region)}@zh .
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
