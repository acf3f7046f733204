"""Who visited where, when: GET /visits?person=&place=&from=&to=&min_confidence=."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from api.deps import ReaderDep
from kg.queries import select_visits

router = APIRouter()


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


@router.get("/visits", response_model=list[VisitOut])
def read_visits(reader: ReaderDep,
                person: Annotated[str | None, Query(max_length=100)] = None,
                place: Annotated[str | None, Query(max_length=100)] = None,
                from_: Annotated[dt.date | None, Query(alias="from")] = None,
                to: Annotated[dt.date | None, Query()] = None,
                min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
                limit: Annotated[int, Query(ge=1, le=10_000)] = 1000) -> list[VisitOut]:
    """One row per visit, however many documents report it: its best confidence, its number
    of reports, and one report's sentence and source."""
    rows = select_visits(reader.select, person, place, from_, to, limit, min_confidence)
    return [VisitOut(visit=r["visit"], person=r["person"], person_label=r["personLabel"],
                     place=r["place"], place_label=r["placeLabel"],
                     date=dt.date.fromisoformat(r["date"]) if r["date"] else None,
                     confidence=float(r["confidence"]) if r["confidence"] else None,
                     reports=int(r["reports"] or 0),
                     evidence=r["evidence"] or "", document=r["doc"], source=r["source"] or "",
                     extractor=r["extractor"] or "")
            for r in rows]
