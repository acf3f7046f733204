"""Pictures and downloads: /graph.html (pyvis, offline), /export.ttl, Graph Store Protocol GET."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import PoolDep, ReaderDep
from kg.errors import KgError
from kg.vocab import KGR
from kg.store.formats import GRAPH_MEDIA_TYPES, negotiate
from kg.store.pool import QueryRequest
from viz.render import document_graph, render_html, to_html, visits_graph

router = APIRouter()


@router.get("/graph.html", response_class=HTMLResponse)
def read_graph(reader: ReaderDep, focus: Annotated[str | None, Query(max_length=100)] = None,
               hops: Annotated[int, Query(ge=1, le=4)] = 2) -> HTMLResponse:
    try:
        return HTMLResponse(render_html(reader, focus=focus, hops=hops))
    except KgError as exc:
        raise HTTPException(404, str(exc)) from exc


@router.get("/graph/visits.html", response_class=HTMLResponse,
            summary="Visits network of a region: officials → places inside it")
def read_visits_graph(reader: ReaderDep, region: Annotated[str, Query(min_length=1, max_length=100)],
                      from_: Annotated[dt.date | None, Query(alias="from")] = None,
                      to: Annotated[dt.date | None, Query()] = None) -> HTMLResponse:
    try:
        g = visits_graph(reader, region, from_, to)
    except KgError as exc:
        raise HTTPException(404, str(exc)) from exc
    return HTMLResponse(to_html(g))


@router.get("/graph/document.html", response_class=HTMLResponse, summary="Everything one document says")
def read_document_graph(reader: ReaderDep, doc: Annotated[str, Query(min_length=1, max_length=300)]) -> HTMLResponse:
    iri = doc if doc.startswith("http") else KGR + "doc/" + doc
    try:
        return HTMLResponse(to_html(document_graph(reader, iri)))
    except KgError as exc:
        raise HTTPException(404, str(exc)) from exc


@router.get("/export.ttl")
def read_export(reader: ReaderDep) -> Response:
    return Response(reader.dump("turtle"), media_type="text/turtle")


@router.get("/export.trig")
def read_export_trig(reader: ReaderDep) -> Response:
    return Response(reader.dump("trig"), media_type="application/trig")


@router.get("/rdf-graphs/service", summary="Graph Store Protocol (read): one document's graph")
def read_graph_store(pool: PoolDep, request: Request,
                     graph: Annotated[str | None, Query(max_length=2000)] = None,
                     default: Annotated[str | None, Query()] = None) -> Response:
    if graph is None and default is None:
        raise HTTPException(400, "name a graph with ?graph=IRI, or ask for ?default")
    if graph is not None and any(c in graph for c in '<>"{}|\\^` '):
        raise HTTPException(400, "the graph IRI has characters IRIs may not contain")
    media = negotiate(request.headers.get("accept", ""), GRAPH_MEDIA_TYPES, "text/turtle")
    if media is None:
        raise HTTPException(406, "acceptable: " + ", ".join(GRAPH_MEDIA_TYPES))
    if graph is not None:
        ask = pool.query(QueryRequest(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                                      "application/sparql-results+json", None))
        if b"true" not in ask.body:
            raise HTTPException(404, f"no graph <{graph}> in this store")
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    else:
        query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    answer = pool.query(QueryRequest(query, None, media))
    return Response(answer.body, media_type=answer.media_type)
