"""Pictures and downloads: the graph views (pyvis, offline), /export.ttl, /export.trig.

Errors go through the table in api/errors.py: the graph functions raise a bare KgError
for a name that is not in the graph (404), a query timeout stays a 503."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import ReaderDep
from api.ui import lang_of, t
from kg.vocab import KGR
from viz.render import document_graph, neighbours, render_html, to_html, visits_graph

router = APIRouter()


@router.get("/graph.html", response_class=HTMLResponse,
            summary="The graph: around ?focus=NAME, everything with ?all=1, else the busiest officials' visits")
def read_graph(reader: ReaderDep, request: Request,
               focus: Annotated[str | None, Query(max_length=100)] = None,
               hops: Annotated[int, Query(ge=1, le=4)] = 2,
               all_: Annotated[bool, Query(alias="all")] = False) -> HTMLResponse:
    return HTMLResponse(render_html(reader, focus=focus, hops=hops, lang=lang_of(request), everything=all_))


@router.get("/graph/neighbors.json", summary="The nodes and edges one step from a node (vis-network items)")
def read_neighbours(reader: ReaderDep, request: Request,
                    node: Annotated[str, Query(min_length=1, max_length=500)]) -> dict:
    return neighbours(reader, node, lang_of(request))


@router.get("/graph/visits.html", response_class=HTMLResponse,
            summary="Visits network of a region: officials → places inside it")
def read_visits_graph(reader: ReaderDep, request: Request,
                      region: Annotated[str, Query(min_length=1, max_length=100)],
                      from_: Annotated[dt.date | None, Query(alias="from")] = None,
                      to: Annotated[dt.date | None, Query()] = None) -> HTMLResponse:
    lang = lang_of(request)
    return HTMLResponse(to_html(visits_graph(reader, region, from_, to), lang=lang,
                                title=f"{region} · {t('visits', lang)}"))


@router.get("/graph/document.html", response_class=HTMLResponse, summary="Everything one document says")
def read_document_graph(reader: ReaderDep, request: Request,
                        doc: Annotated[str, Query(min_length=1, max_length=300)]) -> HTMLResponse:
    iri = doc if doc.startswith("http") else KGR + "doc/" + doc
    return HTMLResponse(to_html(document_graph(reader, iri), lang=lang_of(request), title=doc))


@router.get("/export.ttl")
def read_export(reader: ReaderDep) -> Response:
    return Response(reader.dump("turtle"), media_type="text/turtle")


@router.get("/export.trig")
def read_export_trig(reader: ReaderDep) -> Response:
    return Response(reader.dump("trig"), media_type="application/trig")
