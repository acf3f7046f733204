"""Media types of SPARQL results and RDF serialisations, as one lookup table each."""

from __future__ import annotations

from pyoxigraph import QueryResultsFormat, RdfFormat

RESULTS_MEDIA_TYPES = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "application/xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
GRAPH_MEDIA_TYPES = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/trig": RdfFormat.TRIG,
    "application/n-quads": RdfFormat.N_QUADS,
}


def negotiate(accept: str, offered: dict, default: str) -> str | None:
    """The offered media type the Accept header likes best, q-values honoured.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULTS_MEDIA_TYPES, "x")
    'application/sparql-results+xml'
    >>> negotiate("image/png", RESULTS_MEDIA_TYPES, "x") is None
    True
    """
    if not accept.strip():
        return default
    choices: list[tuple[float, int, str]] = []
    for order, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        if media in offered:
            choices.append((q, -order, media))
        elif media in ("*/*", "application/*", "text/*"):
            choices.append((q - 0.001, -order, default))
    return max(choices)[2] if choices else None
