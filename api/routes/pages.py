"""Pictures and downloads: /graph.html (pyvis, offline), /export.ttl, /export.trig.

Errors go through the table in api/errors.py: the graph functions raise a bare KgError
for a name that is not in the graph (404), a query timeout stays a 503."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from api.deps import ReaderDep
from kg.vocab import KGR
from viz.render import document_graph, render_html, to_html, visits_graph

router = APIRouter()


@router.get("/graph.html", response_class=HTMLResponse)
def read_graph(reader: ReaderDep, focus: Annotated[str | None, Query(max_length=100)] = None,
               hops: Annotated[int, Query(ge=1, le=4)] = 2) -> HTMLResponse:
    return HTMLResponse(render_html(reader, focus=focus, hops=hops))


@router.get("/graph/visits.html", response_class=HTMLResponse,
            summary="Visits network of a region: officials → places inside it")
def read_visits_graph(reader: ReaderDep, region: Annotated[str, Query(min_length=1, max_length=100)],
                      from_: Annotated[dt.date | None, Query(alias="from")] = None,
                      to: Annotated[dt.date | None, Query()] = None) -> HTMLResponse:
    return HTMLResponse(to_html(visits_graph(reader, region, from_, to)))


@router.get("/graph/document.html", response_class=HTMLResponse, summary="Everything one document says")
def read_document_graph(reader: ReaderDep, doc: Annotated[str, Query(min_length=1, max_length=300)]) -> HTMLResponse:
    iri = doc if doc.startswith("http") else KGR + "doc/" + doc
    return HTMLResponse(to_html(document_graph(reader, iri)))


@router.get("/export.ttl")
def read_export(reader: ReaderDep) -> Response:
    return Response(reader.dump("turtle"), media_type="text/turtle")


@router.get("/export.trig")
def read_export_trig(reader: ReaderDep) -> Response:
    return Response(reader.dump("trig"), media_type="application/trig")
