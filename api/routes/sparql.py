"""SPARQL 1.1 Protocol: query (GET, POST form, POST direct), update with a token, service description."""

from __future__ import annotations

import secrets
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import PoolDep, SettingsDep
from api.guard import check_remote, is_update
from api.pages import QUERY_PAGE
from kg.store.formats import GRAPH_MEDIA_TYPES, RESULTS_MEDIA_TYPES, negotiate
from kg.store.pool import QueryRequest

router = APIRouter()

DESCRIPTION = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix ssd: <http://www.w3.org/ns/sparql-service-description#> .
[] a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query{update} ;
  sd:feature sd:UnionDefaultGraph , sd:BasicFederatedQuery ;
  sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON> ,
    <http://www.w3.org/ns/formats/SPARQL_Results_XML> , <http://www.w3.org/ns/formats/SPARQL_Results_CSV> ,
    <http://www.w3.org/ns/formats/SPARQL_Results_TSV> , <http://www.w3.org/ns/formats/Turtle> ,
    <http://www.w3.org/ns/formats/N-Triples> , <http://www.w3.org/ns/formats/JSON-LD> ,
    <http://www.w3.org/ns/formats/TriG> , <http://www.w3.org/ns/formats/N-Quads> .
"""


def _answer(pool, settings, query: str, accept: str, default_graphs: list[str],
            named_graphs: list[str]) -> Response:
    if len(query.encode()) > settings.max_query_bytes:
        raise HTTPException(413, f"the query is {len(query.encode())} bytes; the limit is "
                                 f"{settings.max_query_bytes}")
    if is_update(query) and not query.lstrip().upper().startswith(("SELECT", "CONSTRUCT", "ASK",
                                                                   "DESCRIBE", "PREFIX", "BASE")):
        raise HTTPException(400, "this is a SPARQL Update: POST it as 'update' with a token")
    check_remote(query, settings.service_allow)
    request = QueryRequest(query, negotiate(accept, RESULTS_MEDIA_TYPES, "application/sparql-results+json"),
                           negotiate(accept, GRAPH_MEDIA_TYPES, "text/turtle"),
                           tuple(default_graphs), tuple(named_graphs), settings.max_result_bytes)
    answer = pool.query(request)
    return Response(answer.body, media_type=answer.media_type)


def _describe(request: Request, settings) -> Response:
    accept = request.headers.get("accept", "")
    if "text/html" in accept:
        return HTMLResponse(QUERY_PAGE)
    update = " , sd:SPARQL11Update" if settings.update_token else ""
    body = DESCRIPTION.format(endpoint=str(request.url).split("?")[0], update=update)
    return Response(body, media_type="text/turtle")


@router.get("/sparql", summary="SPARQL query (GET), or the service description without a query")
def read_sparql(pool: PoolDep, settings: SettingsDep, request: Request,
                query: Annotated[str | None, Query(max_length=100_000)] = None,
                default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri")] = [],
                named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri")] = []) -> Response:
    if query is None:
        return _describe(request, settings)
    return _answer(pool, settings, query, request.headers.get("accept", ""),
                   default_graph_uri, named_graph_uri)


@router.post("/sparql", summary="SPARQL query or update (POST form or direct)")
async def post_sparql(pool: PoolDep, settings: SettingsDep, request: Request) -> Response:
    body = await request.body()
    if len(body) > settings.max_query_bytes:
        raise HTTPException(413, f"the request body is {len(body)} bytes; the limit is "
                                 f"{settings.max_query_bytes}")
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    default_graphs = request.query_params.getlist("default-graph-uri")
    named_graphs = request.query_params.getlist("named-graph-uri")
    text = body.decode("utf-8", errors="replace")
    if ctype == "application/sparql-query":
        query = text
    elif ctype == "application/sparql-update":
        return _update(pool, settings, request, text)
    elif ctype == "application/x-www-form-urlencoded":
        form = parse_qs(text)
        default_graphs += form.get("default-graph-uri", [])
        named_graphs += form.get("named-graph-uri", [])
        if "update" in form:
            return _update(pool, settings, request, form["update"][0])
        if "query" not in form:
            raise HTTPException(400, "missing the 'query' (or 'update') form field")
        query = form["query"][0]
    else:
        raise HTTPException(415, "send application/sparql-query, application/sparql-update "
                                 "or application/x-www-form-urlencoded")
    return _answer(pool, settings, query, request.headers.get("accept", ""), default_graphs, named_graphs)


def _update(pool, settings, request: Request, update: str) -> Response:
    if not settings.update_token:
        raise HTTPException(403, "this endpoint is read-only (start it with KG_UPDATE_TOKEN to allow updates)")
    auth = request.headers.get("authorization", "")
    if not auth.lower().startswith("bearer "):
        raise HTTPException(401, "updates need 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(auth[7:].strip(), settings.update_token):
        raise HTTPException(403, "wrong token")
    check_remote(update, settings.service_allow)
    pool.update(update)
    return Response(status_code=204)
