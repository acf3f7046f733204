"""SPARQL 1.1 Protocol: query (GET, POST form, POST direct), update (POST, with the token),
the service description (GET without a query), HEAD and OPTIONS.

What the protocol leaves to the service, as this service does it:

- The base IRI of a query or update is the endpoint's URL (``http://host/sparql``), so
  ``<test>`` in an update is ``http://host/test``.
- Without a dataset (no default-graph-uri / named-graph-uri, no FROM), a query's default
  graph is the union of all graphs, and every named graph is available to GRAPH.
- A protocol dataset replaces the query's FROM / FROM NAMED (SPARQL 1.1 Protocol 2.1.4).
- application/sparql-query and application/sparql-update bodies are UTF-8 (their media type
  registrations allow no other charset): a declared other charset is a 415, bytes that are not
  UTF-8 a 400. A form body is decoded with the charset its Content-Type declares (UTF-8
  when none), strictly: undecodable input is a 400, never a U+FFFD in the store.
- Repeated ``query`` or ``update`` parameters, or both in one request, are a 400.

Every call into the store runs in a worker thread (the store work itself in a worker
process), so a slow request never holds up the event loop.
"""

from __future__ import annotations

import codecs
import secrets
from collections.abc import Mapping
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from api.guard import add_using, check_query, check_update, remote_iris
from api.query_page import query_page
from kg.errors import Forbidden, NotAcceptable, RequestError, ResultTooLarge, \
    Unauthorized, UnsupportedMedia
from kg.store.base import QueryRequest, UpdateRequest
from kg.store.formats import GRAPH_MEDIA_TYPES, RESULTS_MEDIA_TYPES, negotiate
from kg.vocab import KGR

router = APIRouter()

PROTECTED_PREFIX = KGR  # every graph the ingester writes (documents, counts) is under kgr:
FORM = "application/x-www-form-urlencoded"
RESULT_FORMATS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                  "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"]


# -- request reading ------------------------------------------------------------------------

def content_type(headers: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """``text/turtle; charset=utf-8`` → ("text/turtle", {"charset": "utf-8"})."""
    media, *rest = headers.get("content-type", "").split(";")
    params = {}
    for part in rest:
        key, _, value = part.partition("=")
        params[key.strip().lower()] = value.strip().strip('"')
    return media.strip().lower(), params


def _codec(charset: str) -> str:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        raise RequestError(f"unknown charset {charset[:40]!r}") from None


def parse_form(raw: bytes, charset: str = "utf-8") -> dict[str, list[str]]:
    """Form fields (or a query string), percent-decoded with ``charset``, strictly."""
    codec = _codec(charset)
    try:
        text = raw.decode(codec)
        pairs = parse_qsl(text, keep_blank_values=True, encoding=codec, errors="strict")
    except UnicodeDecodeError as exc:
        raise RequestError(f"the form is not valid {charset}: {exc.reason} at byte {exc.start}") from None
    fields: dict[str, list[str]] = {}
    for key, value in pairs:
        fields.setdefault(key, []).append(value)
    return fields


def url_params(request: Request) -> dict[str, list[str]]:
    return parse_form(request.scope.get("query_string", b""), "utf-8")


def decode_direct(body: bytes, params: dict[str, str], media: str) -> str:
    charset = params.get("charset", "utf-8")
    if _codec(charset) != "utf-8":
        raise UnsupportedMedia(f"{media} is UTF-8 by definition; charset={charset[:40]} is not accepted")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RequestError(f"the body is not valid UTF-8 (byte {exc.start})") from None


def one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise RequestError(f"{len(values)} '{name}' parameters: send exactly one")
    return values[0] if values else None


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused (413) as soon as it grows past ``limit`` bytes."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ResultTooLarge(f"the request body is over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def endpoint_url(request: Request) -> str:
    return str(request.url).split("?", 1)[0]


def authorize(settings, headers: Mapping[str, str]) -> None:
    """Writes need ``Authorization: Bearer <token>``; a read-only service refuses them all."""
    if not settings.update_token:
        raise Forbidden("this endpoint is read-only (start it with KG_UPDATE_TOKEN to allow writes)")
    scheme, _, token = headers.get("authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("writes need 'Authorization: Bearer <token>'")
    if not token.isascii() or not token.isprintable():
        raise Unauthorized("a bearer token is printable ASCII (RFC 6750)")
    if not secrets.compare_digest(token.encode(), settings.update_token.encode()):
        raise Forbidden("wrong token")


# -- running --------------------------------------------------------------------------------

def run_query(pool, settings, text: str, accept: str, params: dict[str, list[str]], base: str) -> Response:
    if len(text.encode()) > settings.max_query_bytes:
        raise ResultTooLarge(f"the query is {len(text.encode())} bytes; the limit is "
                             f"{settings.max_query_bytes}")
    plan = check_query(text, settings.service_allow, base)
    default, named = params.get("default-graph-uri", []), params.get("named-graph-uri", [])
    local: tuple[str, ...] = ()
    given = bool(default or named)
    if not given and plan.has_dataset:
        default, named, given = list(plan.from_default), list(plan.from_named), True
        local = remote_iris([*default, *named])
    results_media = negotiate(accept, RESULTS_MEDIA_TYPES, "application/sparql-results+json")
    graph_media = negotiate(accept, GRAPH_MEDIA_TYPES, "text/turtle")
    if plan.form in ("SelectQuery", "AskQuery") and results_media is None:
        raise NotAcceptable("acceptable media types for this query: " + ", ".join(RESULTS_MEDIA_TYPES))
    if plan.form in ("ConstructQuery", "DescribeQuery") and graph_media is None:
        raise NotAcceptable("acceptable media types for this query: " + ", ".join(GRAPH_MEDIA_TYPES))
    answer = pool.query(QueryRequest(text, results_media, graph_media, tuple(default), tuple(named),
                                     settings.max_result_bytes, base, given, local))
    return Response(answer.body, media_type=answer.media_type)


def run_update(pool, settings, text: str, params: dict[str, list[str]], base: str) -> Response:
    if len(text.encode()) > settings.max_query_bytes:
        raise ResultTooLarge(f"the update is {len(text.encode())} bytes; the limit is "
                             f"{settings.max_query_bytes}")
    if params.get("default-graph-uri") or params.get("named-graph-uri"):
        raise RequestError("default-graph-uri/named-graph-uri are for queries; an update takes "
                           "using-graph-uri/using-named-graph-uri")
    plan = check_update(text, settings.service_allow, base)
    text = add_using(text, plan, params.get("using-graph-uri", []), params.get("using-named-graph-uri", []))
    if plan is None:
        request = UpdateRequest(text, base, (), "an update this service cannot analyse may change "
                                "any graph", PROTECTED_PREFIX, unanalysed=True)
    else:
        request = UpdateRequest(text, base, plan.touches, plan.every_graph, PROTECTED_PREFIX)
    pool.update(request)
    return Response(status_code=204)


def describe(request: Request, settings) -> Response:
    accept = request.headers.get("accept", "")
    if "text/html" in accept:
        return HTMLResponse(query_page(request))
    media = negotiate(accept, GRAPH_MEDIA_TYPES, "text/turtle")
    if media is None:
        raise NotAcceptable("the service description is RDF: " + ", ".join(GRAPH_MEDIA_TYPES))
    body = service_description(endpoint_url(request), settings)
    if media != "text/turtle":
        from pyoxigraph import RdfFormat, parse, serialize

        body = serialize(parse(body, format=RdfFormat.TURTLE), format=GRAPH_MEDIA_TYPES[media]) or b""
    return Response(body, media_type=media)


def service_description(endpoint: str, settings) -> bytes:
    """What this service really does (SPARQL 1.1 Service Description)."""
    languages = "sd:SPARQL11Query" + (" , sd:SPARQL11Update" if settings.update_token else "")
    features = "sd:UnionDefaultGraph" + (" , sd:BasicFederatedQuery" if settings.service_allow else "")
    formats = " , ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in RESULT_FORMATS)
    federation = (f"SERVICE only to endpoints starting with {', '.join(settings.service_allow)}"
                  if settings.service_allow else "no SERVICE, no LOAD: this endpoint does not fetch other servers")
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{endpoint}> a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage {languages} ;
  sd:feature {features} ;
  sd:resultFormat {formats} ;
  sd:inputFormat <http://www.w3.org/ns/formats/Turtle> , <http://www.w3.org/ns/formats/N-Triples> ;
  rdfs:comment \"\"\"Without a dataset in the request, a query's default graph is the union of all graphs.
The store's own default graph (the Graph Store Protocol's ?default, SPARQL Update's DEFAULT) holds
only what was written to it; each document's facts are in a named graph of their own, and
graphs under {PROTECTED_PREFIX} are derived from documents: writes to them are refused (409).
Federation: {federation}. Base IRI: the endpoint URL.\"\"\" .
""".encode()


# -- routes ---------------------------------------------------------------------------------

def _get(pool, settings, request: Request) -> Response:
    params = url_params(request)
    if "update" in params:
        if not settings.update_token:
            raise Forbidden("this endpoint is read-only; and an update is never a GET")
        raise RequestError("an update must be POSTed (form field 'update' or application/sparql-update)")
    query = one(params, "query")
    if query is None:
        return describe(request, settings)
    return run_query(pool, settings, query, request.headers.get("accept", ""), params, endpoint_url(request))


async def read_sparql(request: Request) -> Response:
    return await run_in_threadpool(_get, request.app.state.pool, request.app.state.settings, request)


router.add_api_route("/sparql", read_sparql, methods=["GET"],
                     summary="SPARQL query (GET), or the service description without a query")
router.add_api_route("/sparql", read_sparql, methods=["HEAD"], operation_id="head_sparql",
                     include_in_schema=False)


@router.options("/sparql", include_in_schema=False)
def options_sparql() -> Response:
    return Response(status_code=204, headers={"Allow": "GET, HEAD, POST, OPTIONS"})


def _post(pool, settings, request: Request, body: bytes) -> Response:
    media, ctparams = content_type(request.headers)
    params = url_params(request)
    base = endpoint_url(request)
    accept = request.headers.get("accept", "")
    if media == FORM:
        form = parse_form(body, ctparams.get("charset", "utf-8"))
        for key, values in form.items():
            params.setdefault(key, []).extend(values)
        if "update" in params:
            authorize(settings, request.headers)
            if "query" in params:
                raise RequestError("a request carries either 'query' or 'update', not both")
            return run_update(pool, settings, one(params, "update") or "", params, base)
        query = one(params, "query")
        if query is None:
            raise RequestError("missing the 'query' (or 'update') form field")
        return run_query(pool, settings, query, accept, params, base)
    if media == "application/sparql-update":
        authorize(settings, request.headers)
        if "update" in params or "query" in params:
            raise RequestError("the update is the body: no 'update' or 'query' parameter beside it")
        return run_update(pool, settings, decode_direct(body, ctparams, media), params, base)
    if media == "application/sparql-query":
        if "update" in params or "query" in params:
            raise RequestError("the query is the body: no 'query' or 'update' parameter beside it")
        return run_query(pool, settings, decode_direct(body, ctparams, media), accept, params, base)
    raise UnsupportedMedia("send application/sparql-query, application/sparql-update or "
                           "application/x-www-form-urlencoded")


@router.post("/sparql", summary="SPARQL query or update (POST form or direct)")
async def post_sparql(request: Request) -> Response:
    settings = request.app.state.settings
    body = await read_body(request, settings.max_query_bytes)
    return await run_in_threadpool(_post, request.app.state.pool, settings, request, body)

