"""Documents as a resource: POST /documents (any format ``kg ingest`` reads), DELETE /documents/{id}.

Both need ``Authorization: Bearer <KG_UPDATE_TOKEN>`` and each is one SPARQL Update, so one
transaction: every document of a request is stored, or none is.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel

from api.deps import PoolDep, SettingsDep
from kg.documents import MAX_BYTES
from kg.ingest import Options, record_to_result
from kg.rdf import doc_iri
from kg.sources import Refusal, read_bytes
from kg.store.graph_update import remove_graph_update, replace_graph_update
from kg.store.pool import QueryRequest

router = APIRouter()
WRITE_SECONDS = 120.0


class StoredOut(BaseModel):
    graph: str
    source: str
    quads: int
    dated: bool


class RefusedOut(BaseModel):
    source: str
    reason: str


class IngestOut(BaseModel):
    stored: list[StoredOut]
    refused: list[RefusedOut]


def _authorize(settings, request: Request) -> None:
    if not settings.update_token:
        raise HTTPException(403, "this service is read-only (start it with KG_UPDATE_TOKEN to allow writes)")
    auth = request.headers.get("authorization", "")
    if not auth.lower().startswith("bearer "):
        raise HTTPException(401, "writes need 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(auth[7:].strip(), settings.update_token):
        raise HTTPException(403, "wrong token")


@router.post("/documents", response_model=IngestOut, status_code=201,
             summary="Ingest documents: a text or HTML page, JSON Lines, CSV or WARC (told by content)")
async def create_documents(pool: PoolDep, settings: SettingsDep, request: Request,
                           name: Annotated[str, Query(max_length=500, description=
                               "file name or URL of the page (its source)")] = "upload",
                           id: Annotated[str | None, Query(max_length=200, description=
                               "document id of a single page (default: from the name)")] = None,
                           date: Annotated[dt.date | None, Query(description=
                               "issue date of documents that carry none")] = None,
                           paper: Annotated[str | None, Query(max_length=50)] = None,
                           region: Annotated[str | None, Query(max_length=50)] = None) -> IngestOut:
    _authorize(settings, request)
    body = await request.body()
    if len(body) > MAX_BYTES:
        raise HTTPException(413, f"the body is {len(body)} bytes; the limit is {MAX_BYTES}")
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_ingest, pool, body, name, id, Options(region, date, paper))


def _ingest(pool, body: bytes, name: str, doc_id: str | None, options: Options) -> IngestOut:
    from pyoxigraph import RdfFormat, parse

    stored, refused, updates = [], [], []
    for item in read_bytes(body, name, doc_id):
        result = (record_to_result(item, options) if not isinstance(item, Refusal) else None)
        if result is None or result.error:
            refused.append(RefusedOut(source=item.source,
                                      reason=item.reason if result is None else result.error))
            continue
        quads = list(parse(result.nquads, format=RdfFormat.N_QUADS))
        updates.append(replace_graph_update(result.graph, quads))
        stored.append(StoredOut(graph=result.graph, source=result.source, quads=len(quads),
                                dated=result.dated))
    if not stored:
        raise HTTPException(400, {"message": "no document could be read", "refused":
                                  [r.model_dump() for r in refused]})
    pool.update(" ;\n".join(updates), timeout=WRITE_SECONDS)
    return IngestOut(stored=stored, refused=refused)


@router.delete("/documents/{doc_id:path}", status_code=204, summary="Remove a document and its facts")
def delete_document(doc_id: str, pool: PoolDep, settings: SettingsDep, request: Request) -> None:
    _authorize(settings, request)
    graph = doc_iri(doc_id).value
    ask = pool.query(QueryRequest(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                                  "application/sparql-results+json", None))
    if b"true" not in ask.body:
        raise HTTPException(404, f"no document {doc_id!r}")
    _remove(pool, graph)


def _remove(pool, graph: str) -> None:
    """The one place a document is removed (its graph and its share of the visit counts)."""
    pool.update(remove_graph_update(graph), timeout=WRITE_SECONDS)
