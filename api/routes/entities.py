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
from kg.vocab import KGR, sparql_prefixes, writable_iri

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
    facts_total: int = 0  # every fact of the entity; ``facts`` is one page of them (limit, offset)
    next: str | None = None  # the link to the next page of facts, if there is one


FACTS_PAGE = 100  # facts in one JSON answer unless ?limit= asks for another number (≤ 5000)


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
def read_entity(reader: ReaderDep, entity: str, request: Request,
                limit: Annotated[int, Query(ge=1, le=5000)] = FACTS_PAGE,
                offset: Annotated[int, Query(ge=0)] = 0):
    """One entity: JSON (its names and classes, the number of its facts, in and out, and one
    page of them, with the link to the next), or its HTML page when the browser asks for HTML."""
    if "text/html" in request.headers.get("accept", ""):
        # the page shows its own facts (api.entity_page): only the names and classes here,
        # not every edge of an official with hundreds of visits
        out = _names(reader, entity) or _entity(reader, entity)
        held = current_table(request)
        every = request.query_params.get("days") == "all"
        facts = entity_page.gather(reader, out.iri, None if every else entity_page.PAGE_EVENTS,
                                   types=out.types, index=held.facts if held is not None else None)
        return HTMLResponse(entity_page.render(out.model_dump(), facts, request=request))
    out = _entity(reader, entity, limit, offset)
    if offset + len(out.facts) < out.facts_total:
        out.next = str(request.url.include_query_params(limit=limit, offset=offset + limit))
    return out


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


_EDGES = """{{ <{node}> ?p ?v . BIND("out" AS ?dir) FILTER(?p NOT IN (rdfs:label, skos:altLabel, rdf:type)) }}
  UNION {{ ?v ?p <{node}> . BIND("in" AS ?dir) FILTER(?p NOT IN (rdf:subject, rdf:object, kgo:reportOf)) }}"""


def _entity(reader, entity: str, limit: int = FACTS_PAGE, offset: int = 0) -> EntityOut:
    """The names and classes of an entity, the number of its facts and the page [offset,
    offset + limit) of them. Each page is asked for itself, and the labels of its values
    afterwards: an official whom thousands of documents name has tens of thousands of edges."""
    _check_id(entity)
    iri = KGR + entity
    names = _names(reader, entity)
    edges = _EDGES.format(node=iri)
    total = int(reader.select(sparql_prefixes() + "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?dir ?p ?v WHERE { "
                              + edges + " } }")[0]["n"])
    if names is None and not total:
        raise HTTPException(404, f"no entity {entity!r}")
    # in the store's own order (its indexes: out-edges, then in-edges), the same for every page
    # while the store is unchanged: an ORDER BY sorts every edge for each page (150 ms for an
    # official's 2,700 events on the embedded store)
    rows = reader.select(sparql_prefixes() + f"SELECT DISTINCT ?dir ?p ?v WHERE {{ {edges} }} "
                         f"LIMIT {int(limit)} OFFSET {int(offset)}")
    values = sorted({r["v"] for r in rows if r["v"] and r["v"].startswith(("http://", "https://"))
                     and writable_iri(r["v"])})
    labels: dict[str, str] = {}
    if values:
        for r in reader.select(sparql_prefixes() + "SELECT ?v (MIN(?l) AS ?label) WHERE { VALUES ?v { "
                               + " ".join(f"<{v}>" for v in values) + " } ?v rdfs:label ?l } GROUP BY ?v"):
            labels[r["v"]] = r["label"]
    facts = [Fact(predicate=r["p"].rsplit("#", 1)[-1].rsplit("/", 1)[-1], value=r["v"],
                  label=labels.get(r["v"]) or None, direction=r["dir"]) for r in rows]
    base = names or EntityOut(id=entity, iri=iri, labels=[], aliases=[], types=[], facts=[])
    return base.model_copy(update={"facts": facts, "facts_total": total})
