"""SPARQL 1.1 Protocol, query side: GET ?query=, POST form, POST application/sparql-query."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat

from api.deps import StoreDep
from kg.errors import QueryError

router = APIRouter()

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
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/trig": RdfFormat.TRIG,
    "application/n-quads": RdfFormat.N_QUADS,
}
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|<[^<>\s]*>|#[^\n]*')
_FORBIDDEN = re.compile(r"\b(SERVICE|LOAD|INSERT|DELETE|CLEAR|DROP|CREATE|COPY|MOVE|ADD)\b", re.I)


def negotiate(accept: str, offered: dict[str, object], default: str) -> str | None:
    """The offered media type the Accept header likes best (q-values honoured)."""
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


def check_query(query: str, limit: int) -> None:
    if len(query.encode()) > limit:
        raise HTTPException(413, f"query is {len(query.encode())} bytes; the limit is {limit}")
    bare = _STRINGS.sub(" ", query)
    m = _FORBIDDEN.search(bare)
    if m:
        raise HTTPException(400, f"{m.group(1).upper()} is not allowed on this read-only endpoint")


def run_query(store, query: str, accept: str, limit: int) -> Response:
    check_query(query, limit)
    try:
        result = store.query(query)
    except QueryError as exc:
        raise HTTPException(400, f"malformed SPARQL: {exc}") from exc
    except OSError as exc:
        raise HTTPException(400, f"query failed: {exc}") from exc
    if isinstance(result, (QuerySolutions, QueryBoolean)):
        media = negotiate(accept, RESULTS_MEDIA_TYPES, "application/sparql-results+json")
        if media is None:
            raise HTTPException(406, "acceptable: " + ", ".join(RESULTS_MEDIA_TYPES))
        body = result.serialize(format=RESULTS_MEDIA_TYPES[media])
    else:
        media = negotiate(accept, GRAPH_MEDIA_TYPES, "text/turtle")
        if media is None:
            raise HTTPException(406, "acceptable: " + ", ".join(GRAPH_MEDIA_TYPES))
        body = result.serialize(format=GRAPH_MEDIA_TYPES[media])
    return Response(body or b"", media_type=media)


@router.get("/sparql")
def read_sparql(store: StoreDep, request: Request,
                query: Annotated[str | None, Query(max_length=100_000)] = None) -> Response:
    if query is None:
        raise HTTPException(400, "missing the 'query' parameter (SPARQL 1.1 Protocol)")
    return run_query(store, query, request.headers.get("accept", ""),
                     request.app.state.settings.max_query_bytes)


@router.post("/sparql")
async def post_sparql(store: StoreDep, request: Request) -> Response:
    limit = request.app.state.settings.max_query_bytes
    body = await request.body()
    if len(body) > limit:
        raise HTTPException(413, f"request body is {len(body)} bytes; the limit is {limit}")
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/sparql-query":
        query = body.decode("utf-8", errors="replace")
    elif ctype == "application/x-www-form-urlencoded":
        from urllib.parse import parse_qs

        values = parse_qs(body.decode("utf-8", errors="replace")).get("query")
        if not values:
            raise HTTPException(400, "missing the 'query' form field")
        query = values[0]
    else:
        raise HTTPException(415, "send application/sparql-query or application/x-www-form-urlencoded")
    return run_query(store, query, request.headers.get("accept", ""), limit)
