"""Documents as a resource: POST /documents (any format ``kg ingest`` reads), GET and DELETE
/documents/{id} (GET: a browser gets the document's page, api.document_page).

Both need ``Authorization: Bearer <KG_UPDATE_TOKEN>`` and each is one SPARQL Update, so one
transaction: every document of a request is stored, or none is.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from api.deps import PoolDep, ReaderDep, SettingsDep
from kg.documents import MAX_BYTES
from kg.ingest import (Options, joined_text, parts_query, record_to_result, result_graphs,
                       window_texts_query)
from kg.rdf import doc_iri
from kg.sources import Refusal, read_bytes
from kg.store.graph_update import remove_graph_update, replace_graph_update
from kg.store.pool import QueryRequest
from kg.vocab import KGO, RDF

RDF_TYPE = RDF + "type"

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
    stored, refused, updates = [], [], []
    for item in read_bytes(body, name, doc_id):
        result = (record_to_result(item, options) if not isinstance(item, Refusal) else None)
        if result is None or result.error:
            refused.append(RefusedOut(source=item.source,
                                      reason=item.reason if result is None else result.error))
            continue
        count = 0
        for graph, quads in result_graphs(result):  # a long document: its windows, then itself
            quads = list(quads)
            updates.append(replace_graph_update(graph, quads))
            count += len(quads)
        updates += [remove_graph_update(part) for part in _stale_parts(pool, result)]
        stored.append(StoredOut(graph=result.graph, source=result.source, quads=count,
                                dated=result.dated))
    if not stored:
        raise HTTPException(400, {"message": "no document could be read", "refused":
                                  [r.model_dump() for r in refused]})
    pool.update(" ;\n".join(updates), timeout=WRITE_SECONDS)
    return IngestOut(stored=stored, refused=refused)


def _stored_parts(pool, graph: str) -> list[str]:
    """The graphs of the windows of the stored version of the document ``graph``."""
    answer = pool.query(QueryRequest(parts_query(graph), "application/sparql-results+json", None))
    return [b["part"]["value"] for b in json.loads(answer.body)["results"]["bindings"]]


def _stale_parts(pool, result) -> list[str]:
    """The windows of the stored version of the result's document that it has not."""
    new = {graph for graph, _ in result.graphs}
    return [part for part in _stored_parts(pool, result.graph) if part not in new]


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
    """The one place a document is removed (its graph and its share of the counts; a long
    one's windows first, a transaction each, as :func:`kg.ingest.remove_documents` does)."""
    for g in [*_stored_parts(pool, graph), graph]:
        pool.update(remove_graph_update(g), timeout=WRITE_SECONDS)


class DocumentReport(BaseModel):
    of: str  # the event or post
    type: str
    agent: str | None
    evidence: str
    confidence: float | None


class DocumentOut(BaseModel):
    id: str
    iri: str
    title: str | None
    newspaper: str | None
    date: dt.date | None
    source: str | None  # the file name or URL the document was read from
    region: str | None  # the region the page is about
    text: str | None  # the article as ingested (cleaned); None for documents stored before texts were kept
    reports: list[DocumentReport]


_DOCUMENT = """SELECT ?p ?o ?label WHERE { GRAPH <$G> { <$G> ?p ?o } FILTER(?p != kgo:supports)
  OPTIONAL { ?o rdfs:label ?label } }"""
_REPORTS = """SELECT ?of ?type ?agent ?evidence ?confidence WHERE {
  { BIND(<$G> AS ?in) } UNION { GRAPH <$G> { <$G> kgo:hasPart ?in } }  # a long one's windows
  GRAPH ?in { ?r kgo:reportOf ?of ; kgo:evidence ?evidence OPTIONAL { ?r kgo:confidence ?confidence } }
  ?of a ?type . FILTER(?type != kgo:Event)
  OPTIONAL { ?of kgo:agent/rdfs:label ?agent } OPTIONAL { ?person kgo:holdsPost ?of ; rdfs:label ?agent }
} ORDER BY ?evidence ?of"""


@router.get("/documents/{doc_id:path}", response_model=DocumentOut,
            summary="A document: newspaper, headline, issue date, URL, its text and what it reports; "
                    "a browser gets its page, with ?hl=<sentence> (or its start, and &hn=<length>) highlighted")
def read_document(doc_id: str, reader: ReaderDep, request: Request,
                  hl: Annotated[str | None, Query(max_length=5000)] = None,
                  hn: Annotated[int | None, Query(ge=1, le=1_000_000,
                                                  description="the length of the sentence ?hl= begins")] = None):
    from api import document_page
    from api.ui import wants_html
    from kg.vocab import sparql_prefixes

    if any(c in doc_id for c in "<>\"{}|\\^`\n"):
        raise HTTPException(400, "a document id has no <>\"{}|\\^` characters")
    try:
        graph = doc_iri(doc_id).value
    except ValueError as exc:
        raise HTTPException(400, f"not a document id: {exc}") from exc
    rows = reader.select(sparql_prefixes() + _DOCUMENT.replace("$G", graph))
    if not any(r["p"] == RDF_TYPE and r["o"] == KGO + "Document" for r in rows):
        raise HTTPException(404, f"no document {doc_id!r}")
    values = {(r["p"] or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1]: (r["o"], r["label"]) for r in rows}
    reports = [DocumentReport(of=r["of"] or "", type=(r["type"] or "").rsplit("#", 1)[-1], agent=r["agent"],
                              evidence=r["evidence"] or "",
                              confidence=float(r["confidence"]) if r["confidence"] else None)
               for r in reader.select(sparql_prefixes() + _REPORTS.replace("$G", graph))]
    date = values.get("date", (None, None))[0]
    out = DocumentOut(id=doc_id, iri=graph, title=values.get("title", (None, None))[0],
                      newspaper=values.get("source", (None, None))[0],
                      date=dt.date.fromisoformat(date) if date else None,
                      source=values.get("atLocation", (None, None))[0],
                      region=values.get("aboutRegion", (None, None))[1],
                      text=values.get("text", (None, None))[0] or _window_text(reader, graph),
                      reports=_distinct(reports))
    if wants_html(request):
        return HTMLResponse(document_page.render(request, out, hl, hn))
    return out


def _window_text(reader, graph: str) -> str | None:
    """A long document's text: its windows' texts joined (None for a page stored without one)."""
    rows = [(r["part"], r["text"]) for r in reader.select(window_texts_query(graph))]
    return joined_text(rows) if rows else None


def _distinct(reports: list[DocumentReport]) -> list[DocumentReport]:
    """One entry per fact and sentence (a post's holder and an event's agent both name it)."""
    return list({(r.of, r.evidence): r for r in reports}.values())
