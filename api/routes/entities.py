"""Entities: search by any part of a name (api.search), and one entity with every fact about it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel

from api import entity_page, search_page
from api.deps import ReaderDep
from api.fresh import fresh
from api.search import Hit, build_index
from api.routes.visits import current_table
from api.ui import wants_html
from kg.vocab import KGR, sparql_prefixes

router = APIRouter()


class EntityHit(BaseModel):
    id: str
    iri: str
    label: str
    type: str
    aliases: list[str] = []
    posts: list[str] = []  # the posts the person was seen in, the most reported first
    region: str = ""  # a person's posts' regions, else the places above the entity
    documents: int = 0  # documents that name the entity
    matched: str = ""  # the name or alias the query was found in


class Fact(BaseModel):
    predicate: str
    value: str
    label: str | None = None
    direction: str


class EntityOut(BaseModel):
    id: str
    iri: str
    labels: list[str]
    aliases: list[str]
    types: list[str]
    facts: list[Fact]


def entity_id(iri: str) -> str:
    return iri[len(KGR):] if iri.startswith(KGR) else iri


def search(request: Request, q: str, limit: int) -> list[Hit]:
    """The index of the store's entities (rebuilt when the store changes), asked for ``q``."""
    return fresh(request, "search_index", build_index).search(q, limit)


def _hit(h: Hit) -> EntityHit:
    e = h.entry
    return EntityHit(id=e.id, iri=e.iri, label=e.label, type=e.cls, aliases=list(e.aliases),
                     posts=list(e.posts[:5]), region=e.region, documents=e.documents, matched=h.matched)


@router.get("/entities", response_model=list[EntityHit],
            summary="Search entities by any part of a name or alias, traditional or simplified, "
                    "pinyin or initials (zyq)")
def read_entities(request: Request, q: Annotated[str, Query(min_length=1, max_length=100)],
                  limit: Annotated[int, Query(ge=1, le=500)] = 50):
    if wants_html(request):
        return RedirectResponse("/search?" + request.url.query, status_code=303)
    return [_hit(h) for h in search(request, q, limit)]


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def read_search(request: Request, q: Annotated[str, Query(max_length=100)] = "",
                limit: Annotated[int, Query(ge=1, le=500)] = 100) -> HTMLResponse:
    hits = search(request, q, limit) if q.strip() else []
    return HTMLResponse(search_page.render(request, q, hits))


@router.get("/entities/{entity:path}", response_model=EntityOut)
def read_entity(reader: ReaderDep, entity: str, request: Request):
    """One entity: JSON, or its HTML page when the browser asks for HTML."""
    if "text/html" in request.headers.get("accept", ""):
        # the page shows its own facts (api.entity_page): only the names and classes here,
        # not every edge of an official with hundreds of visits
        out = _names(reader, entity) or _entity(reader, entity)
        held = current_table(request)
        every = request.query_params.get("days") == "all"
        facts = entity_page.gather(reader, out.iri, None if every else entity_page.PAGE_EVENTS,
                                   types=out.types, index=held.facts if held is not None else None)
        return HTMLResponse(entity_page.render(out.model_dump(), facts, request=request))
    return _entity(reader, entity)


def _names(reader, entity: str) -> EntityOut | None:
    """The labels, aliases and classes of an entity (None when it has none)."""
    _check_id(entity)
    iri = KGR + entity
    rows = reader.select(sparql_prefixes() + f"""SELECT ?p ?v WHERE {{ <{iri}> ?p ?v .
        FILTER(?p IN (rdfs:label, skos:altLabel, rdf:type)) }}""")
    if not rows:
        return None
    values = {k: sorted({r["v"] for r in rows if r["p"].endswith(k)}) for k in ("#label", "#altLabel", "#type")}
    return EntityOut(id=entity, iri=iri, labels=values["#label"], aliases=values["#altLabel"],
                     types=[v.rsplit("#", 1)[-1] for v in values["#type"]], facts=[])


def _check_id(entity: str) -> None:
    if any(c in entity for c in "<>\"{}|\\^` \n"):
        raise HTTPException(400, "an entity id has no spaces or <>\"{}|\\^` characters")


def _entity(reader, entity: str) -> EntityOut:
    _check_id(entity)
    iri = KGR + entity
    node = iri
    query = sparql_prefixes() + f"""
SELECT ?dir ?p ?v (MIN(?label) AS ?l) WHERE {{
  {{ <{node}> ?p ?v . BIND("out" AS ?dir) }} UNION {{ ?v ?p <{node}> . BIND("in" AS ?dir)
     FILTER(?p NOT IN (rdf:subject, rdf:object, kgo:reportOf)) }}
  OPTIONAL {{ ?v rdfs:label ?label }}
}} GROUP BY ?dir ?p ?v ORDER BY ?dir ?p ?v LIMIT 5000"""
    rows = [(r["dir"], r["p"], r["v"], r["l"]) for r in reader.select(query)]
    if not rows:
        raise HTTPException(404, f"no entity {entity!r}")
    labels, aliases, types, facts = set(), set(), set(), []
    for direction, p, v, label in rows:
        if direction == "out" and p.endswith("#label"):
            labels.add(v)
        elif direction == "out" and p.endswith("#altLabel"):
            aliases.add(v)
        elif direction == "out" and p.endswith("#type"):
            types.add(v.rsplit("#", 1)[-1])
        else:
            facts.append(Fact(predicate=p.rsplit("#", 1)[-1].rsplit("/", 1)[-1], value=v,
                              label=label or None, direction=direction))
    return EntityOut(id=entity, iri=iri, labels=sorted(labels), aliases=sorted(aliases),
                     types=sorted(types), facts=facts)

