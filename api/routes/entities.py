"""Entities: search by name prefix, and one entity with every fact about it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from api import entity_page
from api.deps import ReaderDep
from kg.queries import entity_search_query
from kg.vocab import KGR, sparql_prefixes

router = APIRouter()


class EntityHit(BaseModel):
    id: str
    iri: str
    label: str
    type: str


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


@router.get("/entities", response_model=list[EntityHit])
def read_entities(reader: ReaderDep, q: Annotated[str, Query(min_length=1, max_length=100)],
                  limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[EntityHit]:
    rows = reader.select(entity_search_query(q, limit))
    return [EntityHit(id=entity_id(r["entity"]), iri=r["entity"], label=r["label"] or "",
                      type=(r["type"] or "").rsplit("#", 1)[-1]) for r in rows]


@router.get("/entities/{entity:path}", response_model=EntityOut)
def read_entity(reader: ReaderDep, entity: str, request: Request):
    """One entity: JSON, or its HTML page when the browser asks for HTML."""
    out = _entity(reader, entity)
    if "text/html" in request.headers.get("accept", ""):
        facts = entity_page.gather(reader, out.iri, types=out.types)
        return HTMLResponse(entity_page.render(out.model_dump(), facts, request=request))
    return out


def _entity(reader, entity: str) -> EntityOut:
    if any(c in entity for c in "<>\"{}|\\^` \n"):
        raise HTTPException(400, "an entity id has no spaces or <>\"{}|\\^` characters")
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

