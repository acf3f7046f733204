"""Who visited where, when: GET /visits?person=&place=&from=&to=&min_confidence=.

An API client gets JSON (one row per visit, as always); a browser gets the visits table
(api.visits_page): the same filters plus event type, sorting and pages, and its rows as
/visits.csv and /visits.xlsx."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from api import visits_page
from api.deps import ReaderDep
from api.fresh import fresh, fresh_current
from api.ui import wants_html
from api.visits_table import EVENT_TYPES, Column, Filters, VisitsTable, build_table
from kg.queries import select_visits

router = APIRouter()

Person = Annotated[str | None, Query(max_length=100)]
Place = Annotated[str | None, Query(max_length=100, description="a place or region: a region includes "
                                    "everything in it (a province its counties)")]
Since = Annotated[dt.date | None, Query(alias="from")]
Until = Annotated[dt.date | None, Query()]
MinConfidence = Annotated[float | None, Query(ge=0, le=1)]
EventType = Annotated[str | None, Query(max_length=20, pattern="^(" + "|".join((*EVENT_TYPES, "all")) + ")$",
                                        description="the table's event type (browser and downloads)")]


class VisitOut(BaseModel):
    visit: str
    person: str
    person_label: str
    place: str
    place_label: str
    date: dt.date | None
    confidence: float | None
    reports: int
    evidence: str
    document: str
    source: str
    extractor: str


def table(request: Request) -> VisitsTable:
    """The visits table of the store, rebuilt when the store changes (api.fresh)."""
    return fresh(request, "visits_table", build_table)


def current_table(request: Request) -> VisitsTable | None:
    """The visits table if it is built from the store as it is now (else None, while it is
    rebuilt): what the JSON answers and the entity pages read from it, so that they show a
    write as soon as it went through."""
    return fresh_current(request, "visits_table", build_table)


def _filters(person, place, since, until, type_, min_confidence) -> Filters:
    return Filters(person, place, since, until, None if type_ == "all" else (type_ or "Visit"), min_confidence)


@router.get("/visits", response_model=list[VisitOut])
def read_visits(reader: ReaderDep, request: Request, person: Person = None, place: Place = None,
                from_: Since = None, to: Until = None, min_confidence: MinConfidence = None,
                limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
                type: EventType = None,
                sort: Annotated[Column, Query(description="the table's sort column (browser)")] = Column.DATE,
                order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc",
                page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                size: Annotated[int, Query(ge=1, le=500)] = 100):
    """One row per visit, however many documents report it: its best confidence, its number
    of reports, and one report's sentence and source. A browser gets the visits table."""
    if wants_html(request):
        f = _filters(person, place, from_, to, type, min_confidence)
        return HTMLResponse(visits_page.render(request, table(request), f, sort, order == "desc",
                                               page, size))
    held = current_table(request)
    if held is not None and held.facts is not None:  # its events, in memory (api.visits_table.Facts)
        rows = held.facts.visit_rows(held.resolve(person), held.resolve(place), from_, to, limit,
                                     min_confidence)
    else:
        rows = select_visits(reader.select, person, place, from_, to, limit, min_confidence)
    return [VisitOut(visit=r["visit"], person=r["person"], person_label=r["personLabel"],
                     place=r["place"], place_label=r["placeLabel"],
                     date=dt.date.fromisoformat(r["date"]) if r["date"] else None,
                     confidence=float(r["confidence"]) if r["confidence"] else None,
                     reports=int(r["reports"] or 0),
                     evidence=r["evidence"] or "", document=r["doc"], source=r["source"] or "",
                     extractor=r["extractor"] or "")
            for r in rows]


def _download(request: Request, kind: str, person, place, since, until, type_, min_confidence,
              sort: Column, order: str) -> Response:
    held = table(request)
    rows = held.select(_filters(person, place, since, until, type_, min_confidence), sort, order == "desc")
    if kind == "csv":
        body, media = visits_page.to_csv(held, rows), "text/csv; charset=utf-8"
    else:
        body, media = (visits_page.to_xlsx(held, rows),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="visits.{kind}"'})


@router.get("/visits.csv", summary="The visits table's filtered rows as CSV (every row, not one page)")
def read_visits_csv(request: Request, person: Person = None, place: Place = None, from_: Since = None,
                    to: Until = None, min_confidence: MinConfidence = None, type: EventType = None,
                    sort: Column = Column.DATE,
                    order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc") -> Response:
    return _download(request, "csv", person, place, from_, to, type, min_confidence, sort, order)


@router.get("/visits.xlsx", summary="The visits table's filtered rows as an Excel workbook")
def read_visits_xlsx(request: Request, person: Person = None, place: Place = None, from_: Since = None,
                     to: Until = None, min_confidence: MinConfidence = None, type: EventType = None,
                     sort: Column = Column.DATE,
                     order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc") -> Response:
    return _download(request, "xlsx", person, place, from_, to, type, min_confidence, sort, order)
