"""The namespaces of the graph contract (ONTOLOGY.md), declared once."""

from __future__ import annotations

KGO = "https://w3id.org/zhkg/ontology#"
KGR = "https://w3id.org/zhkg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
OWL = "http://www.w3.org/2002/07/owl#"

# The store's layout (ontology/README.md): shared facts once, their support, derived numbers.
FACTS_GRAPH = KGR + "graph/facts"
SUPPORT_GRAPH = KGR + "graph/support"
STATS_GRAPH = KGR + "graph/stats"

PREFIXES: dict[str, str] = {
    "kgo": KGO,
    "kgr": KGR,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
    "prov": PROV,
    "dcterms": DCTERMS,
    "owl": OWL,
}


def sparql_prefixes() -> str:
    """The PREFIX block every canned query starts with."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def writable_iri(value: str) -> bool:
    """Whether ``value`` can be written as ``<value>`` into a query (no <>"{}|\\^` or space)."""
    return not any(c in value for c in '<>"{}|\\^` ')
