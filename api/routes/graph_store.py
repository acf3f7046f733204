"""SPARQL 1.1 Graph Store HTTP Protocol: GET, HEAD, PUT, POST, DELETE of whole graphs.

- Indirect identification: ``/rdf-graphs/service?graph=IRI`` or ``/rdf-graphs/service?default``.
- Direct identification: ``/rdf-graphs/<path>``, the graph's IRI being the request URL.
- ``POST /rdf-graphs/service`` with neither parameter creates a new graph and answers 201
  with its IRI in ``Location``.

``?default`` is the store's own default graph: the graph SPARQL Update writes to when no
GRAPH is named (``INSERT DATA { <s> <p> <o> }``, ``CLEAR DEFAULT``). It is not the union
of all graphs that a SPARQL query without a dataset sees: writing the union would mean
rewriting every document's graph. In this project's stores the default graph is empty
unless someone writes to it; every document's facts are in a named graph of its own.

Writes need the update token (403 on a read-only service) and are each one SPARQL Update,
so one transaction: a PUT's old content is replaced whole or not at all. Graphs under
``kgr:`` are derived from documents (their facts, the visit counts and entity descriptions
computed from them): writes to them are refused with 409, re-ingest the document instead.
"""

from __future__ import annotations

import uuid
from email.parser import BytesParser
from email.policy import HTTP

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.routes.sparql import PROTECTED_PREFIX, authorize, content_type, read_body, url_params
from kg.errors import NotAcceptable, NotFound, ProtectedGraph, RequestError, UnsupportedMedia
from kg.store.base import STORE_DEFAULT_GRAPH, QueryRequest, UpdateRequest
from kg.store.formats import GRAPH_MEDIA_TYPES, negotiate

router = APIRouter()

SERVICE = "/rdf-graphs/service"
# Formats of one graph (quad formats would name other graphs).
TRIPLE_MEDIA = {m: f for m, f in GRAPH_MEDIA_TYPES.items() if m not in ("application/trig", "application/n-quads")}


def _origin(request: Request) -> str:
    host = request.headers.get("host") or f"{request.url.hostname}:{request.url.port}"
    return f"{request.url.scheme}://{host}"


def _check_iri(iri: str) -> str:
    from pyoxigraph import NamedNode

    try:
        return NamedNode(iri).value
    except ValueError as exc:
        raise RequestError(f"not an absolute IRI: {iri[:200]!r} ({exc})") from None


def _target(request: Request, direct: bool) -> str | None:
    """The graph the request names: an IRI, STORE_DEFAULT_GRAPH, or None (POST: a new graph)."""
    if direct:
        raw = request.scope.get("raw_path") or request.url.path.encode()
        return _check_iri(_origin(request) + raw.decode("latin-1"))
    params = url_params(request)
    graphs, default = params.get("graph", []), "default" in params
    if len(graphs) > 1 or (graphs and default):
        raise RequestError("name one graph: ?graph=IRI or ?default")
    if graphs:
        return _check_iri(graphs[0])
    if default:
        return STORE_DEFAULT_GRAPH
    if request.method == "POST":
        return None
    raise RequestError("name a graph with ?graph=IRI, or ask for ?default")


def _n_triples(request: Request, body: bytes, base: str) -> str:
    """The payload as N-Triples (parsed, so a malformed payload is a 400 before any write)."""
    from pyoxigraph import RdfFormat, parse, serialize

    media, params = content_type(request.headers)
    parts: list[tuple[str, bytes]]
    if media == "multipart/form-data":
        head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + body)
        parts = [(p.get_content_type(), p.get_payload(decode=True) or b"") for p in message.iter_parts()]
    else:
        parts = [(media, body)]
    out = []
    for part_media, data in parts:
        if part_media not in TRIPLE_MEDIA:
            raise UnsupportedMedia(f"send one of {', '.join(TRIPLE_MEDIA)} (not {part_media or 'nothing'})")
        try:
            triples = [q.triple for q in parse(data, format=TRIPLE_MEDIA[part_media], base_iri=base)]
        except SyntaxError as exc:
            raise RequestError(f"the {part_media} payload does not parse: {exc}") from None
        out.append((serialize(triples, format=RdfFormat.N_TRIPLES) or b"").decode())
    return "".join(out)


def _protect(graph: str) -> None:
    if graph.startswith(PROTECTED_PREFIX):
        raise ProtectedGraph(f"<{graph}> is derived from a document (its facts, and the counts and entity "
                             "descriptions computed from them): it changes only by re-ingesting the "
                             "document (kg ingest), not by a Graph Store write")


def _read(pool, request: Request, graph: str) -> Response:
    media = negotiate(request.headers.get("accept", ""), TRIPLE_MEDIA, "text/turtle")
    if media is None:
        raise NotAcceptable("acceptable: " + ", ".join(TRIPLE_MEDIA))
    settings = request.app.state.settings
    if graph == STORE_DEFAULT_GRAPH:
        req = QueryRequest("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", None, media,
                           (STORE_DEFAULT_GRAPH,), (), settings.max_result_bytes, dataset_given=True)
    else:
        req = QueryRequest(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", None,
                           media, max_bytes=settings.max_result_bytes, must_exist=(graph,))
    answer = pool.query(req)
    return Response(answer.body, media_type=answer.media_type)


def _write(pool, request: Request, graph: str | None, body: bytes) -> Response:
    settings = request.app.state.settings
    authorize(settings, request.headers)
    method = request.method
    location = None
    if graph is None:  # POST to the service: a new graph
        graph = f"{_origin(request)}/rdf-graphs/{uuid.uuid4()}"
        location = graph
    _protect(graph)
    if method == "DELETE":
        sparql = "CLEAR DEFAULT" if graph == STORE_DEFAULT_GRAPH else f"DROP SILENT GRAPH <{graph}>"
    else:
        triples = _n_triples(request, body, graph or str(request.url).split("?")[0])
        insert = f"INSERT DATA {{ {triples} }}" if graph == STORE_DEFAULT_GRAPH else \
            f"INSERT DATA {{ GRAPH <{graph}> {{\n{triples}\n}} }}"
        if graph == STORE_DEFAULT_GRAPH:
            steps = (["CLEAR DEFAULT"] if method == "PUT" else []) + ([insert] if triples else [])
        else:
            steps = ([f"DROP SILENT GRAPH <{graph}>"] if method == "PUT" else []) + \
                    [f"CREATE SILENT GRAPH <{graph}>"] + ([insert] if triples else [])
        if not steps:  # POST of an empty payload to the default graph: nothing to do
            return Response(status_code=204)
        sparql = " ;\n".join(steps)
    report = None if graph == STORE_DEFAULT_GRAPH else graph
    existed = pool.update(UpdateRequest(sparql, None, (graph,), "", PROTECTED_PREFIX, report))
    if method == "DELETE":
        if existed is False:
            raise NotFound(f"no graph <{graph}> in this store")
        return Response(status_code=204)
    if existed is False:
        return Response(status_code=201, headers={"Location": location} if location else None)
    return Response(status_code=204)


async def _handle(request: Request, direct: bool) -> Response:
    pool, settings = request.app.state.pool, request.app.state.settings
    if request.method in ("GET", "HEAD"):
        graph = _target(request, direct)
        return await run_in_threadpool(_read, pool, request, graph)
    authorize(settings, request.headers)
    graph = _target(request, direct)
    body = b"" if request.method == "DELETE" else await read_body(request, settings.max_upload_bytes)
    return await run_in_threadpool(_write, pool, request, graph, body)


async def graph_store_indirect(request: Request) -> Response:
    return await _handle(request, direct=False)


async def graph_store_direct(request: Request, path: str) -> Response:
    return await _handle(request, direct=True)


for _method in ("GET", "HEAD", "PUT", "POST", "DELETE"):
    router.add_api_route(SERVICE, graph_store_indirect, methods=[_method],
                         operation_id=f"graph_store_{_method.lower()}",
                         summary=f"Graph Store Protocol {_method}, indirect: ?graph=IRI or ?default")
for _method in ("GET", "HEAD", "PUT", "POST", "DELETE"):
    router.add_api_route("/rdf-graphs/{path:path}", graph_store_direct, methods=[_method],
                         operation_id=f"graph_store_direct_{_method.lower()}",
                         summary=f"Graph Store Protocol {_method}, direct: the graph whose IRI is this URL")
