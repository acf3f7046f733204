"""Pictures and downloads: /graph.html (pyvis, offline) and /export.ttl."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse, Response

from api.deps import StoreDep
from kg.errors import KgError
from viz.render import render_html

router = APIRouter()


@router.get("/graph.html", response_class=HTMLResponse)
def read_graph(store: StoreDep, focus: Annotated[str | None, Query(max_length=100)] = None,
               hops: Annotated[int, Query(ge=1, le=4)] = 2) -> HTMLResponse:
    try:
        return HTMLResponse(render_html(store, focus=focus, hops=hops))
    except KgError as exc:
        raise HTTPException(404, str(exc)) from exc


@router.get("/export.ttl")
def read_export(store: StoreDep) -> Response:
    return Response(store.dump("turtle"), media_type="text/turtle")


@router.get("/export.trig")
def read_export_trig(store: StoreDep) -> Response:
    return Response(store.dump("trig"), media_type="application/trig")
