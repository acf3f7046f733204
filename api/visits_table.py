"""The visits table of the explorer: every event with an agent, one row per person, place(s),
counterpart(s) and day, filtered, sorted and paged in memory.

The rows are read from the store in a few SELECTs over the union of its graphs, where each
shared fact is once (ontology/README.md): events, their places and counterparts, labels,
aliases, the ``kgo:inRegion`` closure of every place, best confidence and report count
(``kgr:graph/stats``), every report with its document; and kept by :mod:`api.fresh`, rebuilt when
the store changes. The store names a visit by agent, place and day, so a dated row is one
``kgo:Visit``; undated reports of the same person and place from several documents are kept
apart by the store and merged here into one row.

Filters (:class:`Filters`): a person by name or alias (traditional or simplified) or entity
id; a place or region the same way, which matches the row's places and every region they lie
in (a province finds the visits to its counties); a date range; the event type; a minimum
confidence. Sorting is by any column, both ways; every column's order is computed once per
build, so a page is one pass over the rows, whatever their number.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from kg.vocab import KGO, KGR, sparql_prefixes

EVENT_TYPES = ("Visit", "Meeting", "Signing", "Conference")


class Column(StrEnum):
    DATE = "date"
    TYPE = "type"
    PERSON = "person"
    PLACE = "place"
    WITH = "with"
    CONFIDENCE = "confidence"
    REPORTS = "reports"


@dataclass(frozen=True)
class Row:
    date: str  # ISO day, "" when undated
    type: str  # Visit, Meeting …
    person: str  # the agent's IRI
    person_label: str
    places: tuple[str, ...]
    place_labels: tuple[str, ...]
    partners: tuple[str, ...]  # participants: a meeting's guest, a signing's parties
    partner_labels: tuple[str, ...]
    confidence: float | None
    reports: int
    events: tuple[str, ...]  # the store's events this row stands for (one, unless undated)
    regions: frozenset[str] = field(default=frozenset())  # every region its places lie in


@dataclass(frozen=True)
class Filters:
    person: str | None = None
    place: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = "Visit"  # None: every type
    min_confidence: float | None = None


class VisitsTable:
    """The rows, the entities' names (to resolve a filter) and each column's order."""

    def __init__(self, rows: list[Row], names: dict[str, set[str]],
                 reports: dict[str, list[Report]] | None = None) -> None:
        self.rows = rows
        self.names = names  # simplified name -> entity IRIs with that label or alias
        self.reports = reports or {}  # event IRI -> its reports
        self.orders = {c: sorted(range(len(rows)), key=_sort_key(rows, c)) for c in Column}

    def __len__(self) -> int:
        return len(self.rows)

    def resolve(self, text: str | None) -> set[str] | None:
        """The entities a filter names (a name, an alias or an entity id); None: no filter."""
        from api.search import simplified

        if text is None or not text.strip():
            return None
        text = text.strip()
        if text.startswith(KGR):
            return {text}
        found = set(self.names.get(simplified(text), set()))
        return found | ({KGR + text} if "/" in text else set())

    def select(self, f: Filters, sort: Column = Column.DATE, descending: bool = True) -> Iterator[Row]:
        """The rows ``f`` lets through, in the order asked (undated rows last by date)."""
        people, places = self.resolve(f.person), self.resolve(f.place)
        since, until = (f.since.isoformat() if f.since else None), (f.until.isoformat() if f.until else None)
        order = self.orders[sort]
        for i in (reversed(order) if descending else order):
            r = self.rows[i]
            if f.type and r.type != f.type:
                continue
            if people is not None and r.person not in people:
                continue
            if places is not None and not (places & r.regions or places.intersection(r.places)):
                continue
            if since and not (r.date and r.date >= since):
                continue
            if until and not (r.date and r.date <= until):
                continue
            if f.min_confidence is not None and (r.confidence is None or r.confidence < f.min_confidence):
                continue
            yield r

    def reports_of(self, row: Row) -> list[Report]:
        return [rep for e in row.events for rep in self.reports.get(e, [])]

    def page(self, f: Filters, sort: Column, descending: bool, offset: int, size: int) -> tuple[int, list[Row]]:
        """(number of matching rows, the rows of one page)."""
        total, out = 0, []
        for r in self.select(f, sort, descending):
            if offset <= total < offset + size:
                out.append(r)
            total += 1
        return total, out


def _sort_key(rows: list[Row], column: Column):
    def key(i: int):
        r = rows[i]
        tie = (r.date, r.person_label, r.place_labels, r.events)
        value = {Column.DATE: (r.date != "", r.date), Column.TYPE: r.type, Column.PERSON: r.person_label,
                 Column.PLACE: r.place_labels, Column.WITH: r.partner_labels,
                 Column.CONFIDENCE: (r.confidence is not None, r.confidence or 0.0),
                 Column.REPORTS: r.reports}[column]
        return (value, tie)
    return key


def _q(body: str) -> str:
    return sparql_prefixes() + body


_TYPES = " ".join(f"kgo:{t}" for t in EVENT_TYPES)
_EVENTS = _q("""SELECT ?ev ?type ?agent ?date WHERE { { ?ev kgo:agent ?agent ; a ?type .
  VALUES ?type { """ + _TYPES + """ } OPTIONAL { ?ev kgo:date ?date } } }""")
_PLACES = _q("SELECT ?ev ?x WHERE { { ?ev kgo:place ?x . ?ev kgo:agent ?a } }")
_PARTNERS = _q("SELECT ?ev ?x WHERE { { ?ev kgo:participant ?x . ?ev kgo:agent ?a } }")
_STATS = _q("SELECT ?ev ?c ?n WHERE { { ?ev kgo:reportCount ?n OPTIONAL { ?ev kgo:confidence ?c } } }")
_REGIONS = _q("SELECT ?x ?r WHERE { { ?x kgo:inRegion ?r } }")
_LABELS = _q("""SELECT ?e ?l ?kind WHERE { { { ?e rdfs:label ?l BIND("l" AS ?kind) }
  UNION { ?e skos:altLabel ?l BIND("a" AS ?kind) } } }""")


def build_table(runner) -> VisitsTable:
    """Read every event with an agent from the store behind ``runner`` into rows."""
    from api.fresh import select_all
    from api.search import simplified

    labels: dict[str, str] = {}
    names: dict[str, set[str]] = defaultdict(set)
    for r in select_all(runner, _LABELS):
        e, name = r["e"] or "", r["l"] or ""
        if r["kind"] == "l" and (e not in labels or name < labels[e]):
            labels[e] = name
        names[simplified(name)].add(e)
    places, partners = defaultdict(set), defaultdict(set)
    for r in select_all(runner, _PLACES):
        places[r["ev"]].add(r["x"])
    for r in select_all(runner, _PARTNERS):
        partners[r["ev"]].add(r["x"])
    stats = {r["ev"]: (float(r["c"]) if r["c"] else None, int(r["n"] or 0)) for r in select_all(runner, _STATS)}
    regions = defaultdict(set)
    for r in select_all(runner, _REGIONS):
        regions[r["x"]].add(r["r"])
    merged: dict[tuple, list] = {}
    for r in select_all(runner, _EVENTS):
        ev, agent = r["ev"] or "", r["agent"] or ""
        p, w = tuple(sorted(places.get(ev, ()))), tuple(sorted(partners.get(ev, ())))
        key = (r["type"], agent, p, w, r["date"] or "")
        merged.setdefault(key, []).append(ev)
    rows = []
    for (type_, agent, p, w, date), events in merged.items():
        confidences = [c for c in (stats.get(e, (None, 0))[0] for e in events) if c is not None]
        rows.append(Row(date, (type_ or "").removeprefix(KGO), agent, labels.get(agent, agent), p,
                        tuple(labels.get(x, x) for x in p), w, tuple(labels.get(x, x) for x in w),
                        max(confidences) if confidences else None,
                        sum(stats.get(e, (None, 0))[1] for e in events), tuple(sorted(events)),
                        frozenset(r for x in p for r in regions.get(x, ()))))
    return VisitsTable(rows, dict(names), read_reports(runner, {e for r in rows for e in r.events}))


_REPORTS = _q("""SELECT ?ev ?evidence ?confidence ?doc WHERE { GRAPH ?doc {
  ?r kgo:reportOf ?ev ; kgo:evidence ?evidence OPTIONAL { ?r kgo:confidence ?confidence } } }""")
_DOCUMENTS = _q("""SELECT ?doc ?id ?title ?paper ?issued WHERE { GRAPH ?doc { ?doc a kgo:Document ;
  dcterms:identifier ?id OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc dcterms:source ?paper }
  OPTIONAL { ?doc dcterms:date ?issued } } }""")


@dataclass(frozen=True)
class Report:
    evidence: str
    confidence: float | None
    doc_id: str
    title: str
    newspaper: str
    issued: str


def read_reports(runner, events: set[str]) -> dict[str, list[Report]]:
    """Each of ``events`` -> its reports (sentence, confidence, document), in order of issue date.
    Read with the rows (two SELECTs over the documents' graphs): one SELECT per page with the
    page's events in VALUES scans the reports of the whole store on pyoxigraph."""
    from api.fresh import select_all

    docs = {r["doc"]: (r["id"] or "", r["title"] or "", r["paper"] or "", r["issued"] or "")
            for r in select_all(runner, _DOCUMENTS)}
    out: dict[str, list[Report]] = defaultdict(list)
    for r in select_all(runner, _REPORTS):
        if r["ev"] in events and r["doc"] in docs:
            doc_id, title, paper, issued = docs[r["doc"]]
            out[r["ev"] or ""].append(Report(r["evidence"] or "", float(r["confidence"]) if r["confidence"] else None,
                                             doc_id, title, paper, issued))
    for said in out.values():
        said.sort(key=lambda x: (x.issued, x.doc_id, x.evidence))
    return dict(out)


HEADER = ["date", "type", "person", "place", "with", "confidence", "reports", "evidence", "documents",
          "person_id", "place_ids", "with_ids", "events"]


def as_record(r: Row, said: list[Report]) -> list:
    """One row of a download: what the table shows, the first report's sentence and every
    reporting document's id, then the IRIs behind it."""
    return [r.date, r.type, r.person_label, "、".join(r.place_labels), "、".join(r.partner_labels),
            r.confidence, r.reports, said[0].evidence if said else "",
            " ".join(dict.fromkeys(x.doc_id for x in said)), r.person, " ".join(r.places),
            " ".join(r.partners), " ".join(r.events)]
