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

from kg.vocab import KGO, KGR, sparql_prefixes, writable_iri

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
                 reports: dict[str, list[Report]] | None = None, facts: Facts | None = None) -> None:
        self.rows = rows
        self.names = names  # simplified name -> entity IRIs with that label or alias
        self.reports = reports or {}  # event IRI -> its reports
        self.orders = {c: sorted(range(len(rows)), key=_sort_key(rows, c)) for c in Column}
        self.facts = facts  # every event one by one, for /visits and the entity pages

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
# Every event, with or without an agent (the rows of the table are those with one; the entity
# pages show a participant's events whoever leads them).
_EVENTS = _q("""SELECT ?ev ?type ?agent ?date WHERE { { ?ev a ?type .
  VALUES ?type { """ + _TYPES + """ } OPTIONAL { ?ev kgo:agent ?agent } OPTIONAL { ?ev kgo:date ?date } } }""")
_PLACES = _q("SELECT ?ev ?x WHERE { { ?ev kgo:place ?x } }")
_PARTNERS = _q("SELECT ?ev ?x WHERE { { ?ev kgo:participant ?x } }")
_STATS = _q("SELECT ?ev ?c ?n WHERE { { ?ev kgo:reportCount ?n OPTIONAL { ?ev kgo:confidence ?c } } }")
_CHAIN = _q("""SELECT ?x ?y WHERE { { { ?x kgo:locatedIn ?y } UNION { ?x kgo:parentRegion ?y } } }""")
_CODES = _q("SELECT ?x ?code WHERE { { ?x kgo:adminCode ?code } }")
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
    raw = {r["ev"]: (r["c"], r["n"]) for r in select_all(runner, _STATS)}
    stats = {ev: (float(c) if c else None, int(n or 0)) for ev, (c, n) in raw.items()}
    regions = defaultdict(set)
    for r in select_all(runner, _REGIONS):
        regions[r["x"]].add(r["r"])
    merged: dict[tuple, list] = {}
    every: dict[str, Event] = {}
    for r in select_all(runner, _EVENTS):
        ev, agent = r["ev"] or "", r["agent"] or ""
        p, w = tuple(sorted(places.get(ev, ()))), tuple(sorted(partners.get(ev, ())))
        every[ev] = Event(ev, (r["type"] or "").removeprefix(KGO), agent or None, r["date"], p, w)
        if agent:
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
    reports, first = read_reports(runner, set(every))
    chain: dict[str, set[str]] = defaultdict(set)
    for r in select_all(runner, _CHAIN):
        chain[r["x"] or ""].add(r["y"] or "")
    codes: dict[str, set[str]] = defaultdict(set)
    for r in select_all(runner, _CODES):
        codes[r["x"] or ""].add(r["code"] or "")
    facts = Facts(every, labels, raw, first, dict(chain), dict(codes))
    return VisitsTable(rows, dict(names), reports, facts)


_REPORTS = _q("""SELECT ?r ?ev ?evidence ?confidence ?ex ?from ?doc WHERE { GRAPH ?doc {
  ?r kgo:reportOf ?ev ; kgo:evidence ?evidence OPTIONAL { ?r kgo:confidence ?confidence }
  OPTIONAL { ?r kgo:extractorVersion ?ex } OPTIONAL { ?r prov:wasDerivedFrom ?from } } }""")
_DOCUMENTS = _q("""SELECT ?doc ?id ?title ?paper ?issued ?at WHERE { GRAPH ?doc { ?doc a kgo:Document ;
  dcterms:identifier ?id OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc dcterms:source ?paper }
  OPTIONAL { ?doc dcterms:date ?issued } OPTIONAL { ?doc prov:atLocation ?at } } }""")


@dataclass(frozen=True)
class Report:
    evidence: str
    confidence: float | None
    doc_id: str
    title: str
    newspaper: str
    issued: str


def read_reports(runner, events: set[str]) -> tuple[dict[str, list[Report]], dict[str, FirstReport]]:
    """Each of ``events`` -> its reports (sentence, confidence, document), in order of issue
    date; and every reported event or post -> its first report (:class:`FirstReport`).
    Read with the rows (two SELECTs over the documents' graphs): one SELECT per page with the
    page's events in VALUES scans the reports of the whole store on pyoxigraph."""
    from api.fresh import select_all

    docs = {r["doc"]: (r["id"] or "", r["title"] or "", r["paper"] or "", r["issued"] or "", r["at"])
            for r in select_all(runner, _DOCUMENTS)}
    out: dict[str, list[Report]] = defaultdict(list)
    first: dict[str, FirstReport] = {}
    for r in select_all(runner, _REPORTS):
        node = r["ev"] or ""
        if r["doc"] not in docs:
            continue
        doc_id, title, paper, issued, at = docs[r["doc"]]
        if node in events:
            out[node].append(Report(r["evidence"] or "", float(r["confidence"]) if r["confidence"] else None,
                                    doc_id, title, paper, issued))
        if r["ex"] is None or r["from"] is None:
            continue
        source = at if r["from"] == r["doc"] else docs.get(r["from"], (None,) * 5)[4]
        if source is None:
            continue
        # as kg.queries.REPORT_COLUMNS picks it: the smallest doc⇥source⇥extractor⇥evidence
        candidate = FirstReport(r["from"], source, r["ex"], r["evidence"] or "", _sentence(r["r"] or ""))
        seen = first.get(node)
        if seen is None:
            first[node] = candidate
        else:
            order = min(seen.order, candidate.order) if seen.order is not None else candidate.order
            if candidate.parts < seen.parts:
                seen = candidate
            first[node] = FirstReport(seen.doc, seen.source, seen.extractor, seen.evidence, order)
    for said in out.values():
        said.sort(key=lambda x: (x.issued, x.doc_id, x.evidence))
    return dict(out), first


def _sentence(report: str) -> int | None:
    """The number of the sentence a report's IRI ends in (…-12): the order of a day's stops."""
    tail = report.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None


@dataclass(frozen=True)
class FirstReport:
    """One report of an event or post, the one the pages and /visits show (its document, the
    document's source, the extractor, the sentence), and the first sentence any report of it
    is in (``order``)."""
    doc: str
    source: str
    extractor: str
    evidence: str
    order: int | None

    @property
    def parts(self) -> str:
        return "\t".join((self.doc, self.source, self.extractor, self.evidence))

    def columns(self) -> dict[str, str]:
        return {"doc": self.doc, "source": self.source, "extractor": self.extractor, "evidence": self.evidence}


@dataclass(frozen=True)
class Event:
    iri: str
    type: str  # Visit, Meeting …
    agent: str | None
    date: str | None
    places: tuple[str, ...]
    partners: tuple[str, ...]


HEADER = ["date", "type", "person", "place", "with", "confidence", "reports", "evidence", "documents",
          "person_id", "place_ids", "with_ids", "events"]


def as_record(r: Row, said: list[Report]) -> list:
    """One row of a download: what the table shows, the first report's sentence and every
    reporting document's id, then the IRIs behind it."""
    return [r.date, r.type, r.person_label, "、".join(r.place_labels), "、".join(r.partner_labels),
            r.confidence, r.reports, said[0].evidence if said else "",
            " ".join(dict.fromkeys(x.doc_id for x in said)), r.person, " ".join(r.places),
            " ".join(r.partners), " ".join(r.events)]


PLACE_ROLE, PARTICIPANT_ROLE = KGO + "place", KGO + "participant"
PAGE_TYPES = ("Visit", "Meeting", "Signing")  # the events an entity page lists


def _by_date(date: str | None) -> tuple[bool, str]:
    """SPARQL's ORDER BY ?date: an unbound date first, then the days in order."""
    return (date is not None, date or "")


def _page_order(e: Event, first: dict[str, FirstReport]) -> tuple:
    """An entity page's ORDER BY ?date ?order ?ev (the number of the first sentence reporting it)."""
    order = first[e.iri].order
    return (*_by_date(e.date), order is not None, order or 0, e.iri)


class Facts:
    """Every event of the store one by one, with what ``/visits`` and an entity page show of it
    (its labels, its best confidence and number of reports as ``kgr:graph/stats`` has them, its
    first report), and the regions every place lies in. The answers are those of
    :func:`kg.queries.visits_query` and of the SPARQL of :func:`api.entity_page.gather`, read
    from memory: an official whom thousands of documents name has thousands of events, and
    reading them and their reports from the store's indexes for every request is seconds."""

    def __init__(self, events: dict[str, Event], labels: dict[str, str],
                 stats: dict[str, tuple[str | None, str | None]], first: dict[str, FirstReport],
                 chain: dict[str, set[str]], codes: dict[str, set[str]]) -> None:
        self.events, self.labels, self.stats, self.first = events, labels, stats, first
        self.chain, self.codes = chain, codes
        self._within: dict[str, frozenset[str]] = {}
        # each entity's page events (reported visits, meetings, signings), in the page's order
        # (:func:`_page_order`), sorted once here: a page takes the latest of them
        listed = sorted((e for e in events.values() if e.type in PAGE_TYPES and e.iri in first),
                        key=lambda e: _page_order(e, first))
        self.by_entity: dict[str, list[Event]] = defaultdict(list)
        self.counts: dict[str, dict[str, int]] = defaultdict(dict)  # entity -> type -> events
        for e in listed:
            for who in dict.fromkeys(((e.agent,) if e.agent else ()) + e.partners):
                self.by_entity[who].append(e)
                self.counts[who][e.type] = self.counts[who].get(e.type, 0) + 1
        self._regions: dict[str, list[dict]] = {}
        ordered, self.visits_in = [], defaultdict(list)
        for e in events.values():
            if e.type != "Visit" or e.agent not in labels or e.iri not in first:
                continue
            for p in e.places:
                if p in labels:
                    ordered.append(((e.date or "", labels[e.agent], labels[p], e.iri), e, p))
                    for r in self.within(p):
                        self.visits_in[r].append((e, p))
        ordered.sort(key=lambda v: v[0])
        self.visits = [(e, p) for _, e, p in ordered]  # in /visits' order
        for stops in self.visits_in.values():  # in the order of an entity page's visitors
            stops.sort(key=lambda v: (*_by_date(v[0].date), v[0].iri, labels[v[1]]))
        self.visits_of: dict[str, list[int]] = defaultdict(list)
        for i, (e, _) in enumerate(self.visits):
            self.visits_of[e.agent or ""].append(i)

    def within(self, node: str) -> frozenset[str]:
        """``node`` and everything it lies in: ``(kgo:locatedIn|kgo:parentRegion)*``."""
        got = self._within.get(node)
        if got is None:
            seen, todo = {node}, [node]
            while todo:
                for up in self.chain.get(todo.pop(), ()):
                    if up not in seen:
                        seen.add(up)
                        todo.append(up)
            got = self._within[node] = frozenset(seen)
        return got

    def codes_of(self, places: list[str]) -> dict[str, set[str]]:
        """Each place -> the administrative codes of it and of the regions it lies in."""
        return {p: {c for r in self.within(p) for c in self.codes.get(r, ())} for p in places}

    def _provenance(self, ev: str) -> dict:
        confidence, reports = self.stats.get(ev, (None, None))
        return {"confidence": confidence, "reports": reports, **self.first[ev].columns()}

    def visit_rows(self, people: set[str] | None, places: set[str] | None, since: dt.date | None,
                   until: dt.date | None, limit: int, min_confidence: float | None) -> list[dict]:
        """The rows of :func:`kg.queries.select_visits` (one per visit and place, ordered by
        day, person, place), for the agents ``people`` and the regions ``places`` (None: any)."""
        lo, hi = (since.isoformat() if since else None), (until.isoformat() if until else None)
        indices = range(len(self.visits)) if people is None else sorted(
            i for who in people for i in self.visits_of.get(who, ()))
        out: list[dict] = []
        for i in indices:
            if len(out) >= limit:
                break
            e, p = self.visits[i]
            if places is not None and not places & self.within(p):
                continue
            if (lo and not (e.date and e.date >= lo)) or (hi and not (e.date and e.date <= hi)):
                continue
            confidence = self.stats.get(e.iri, (None, None))[0]
            if min_confidence is not None and (confidence is None or float(confidence) < min_confidence):
                continue
            out.append({"visit": e.iri, "person": e.agent, "personLabel": self.labels[e.agent or ""],
                        "place": p, "placeLabel": self.labels[p], "date": e.date,
                        **self._provenance(e.iri)})
        return out

    def entity_events(self, iri: str, limit: int | None) -> tuple[list[dict], list[dict]]:
        """The ``events`` and ``with`` rows of an entity page: the latest ``limit`` (None: all)
        visits, meetings and signings the entity leads or takes part in, in day order, and
        their places and counterparts."""
        chosen = self.by_entity.get(iri, [])
        if limit is not None:
            chosen = chosen[max(0, len(chosen) - limit):]
        events = [{"ev": e.iri, "type": KGO + e.type, "date": e.date,
                   "order": None if self.first[e.iri].order is None else str(self.first[e.iri].order),
                   **self._provenance(e.iri)} for e in chosen]
        pairs: dict[tuple, None] = {}
        for e in chosen:
            if e.agent == iri:
                found = [(PLACE_ROLE, p) for p in e.places] + [(PARTICIPANT_ROLE, w) for w in e.partners]
            else:
                found = [(PLACE_ROLE, p) for p in e.places] + [
                    (PARTICIPANT_ROLE, w) for w in ((e.agent,) if e.agent else ()) + e.partners if w != iri]
            for role, other in found:
                if other in self.labels:
                    pairs[(e.iri, role, other, self.labels[other])] = None
        with_rows = [{"ev": ev, "role": role, "with": other, "withLabel": label}
                     for ev, role, other, label in sorted(pairs, key=lambda k: (k[0], k[3], k[1], k[2]))]
        return events, with_rows

    def event_counts(self, iri: str) -> dict[str, int]:
        """The number of the entity's page events of each type (Visit, Meeting, Signing)."""
        return dict(self.counts.get(iri, {}))

    def regions_visited(self, iri: str) -> list[dict]:
        """:func:`api.entity_page.regions_visited` of every visit of the entity (kept per
        entity until the store changes: the map of an official's thousands of visits)."""
        from api.entity_page import count_regions

        got = self._regions.get(iri)
        if got is None:
            stops = [(e.iri, p, self.labels[p]) for e in self.by_entity.get(iri, ())
                     if e.type == "Visit" for p in e.places if p in self.labels and writable_iri(p)]
            got = self._regions[iri] = count_regions(stops, self.codes_of(sorted({p for _, p, _ in stops})))
        return got

    def visitors(self, iri: str, limit: int | None) -> list[dict]:
        """The latest ``limit`` (None: all) visits to ``iri`` or to a place in it, one row per
        visit and place name, in day order."""
        rows: dict[tuple, tuple] = {}
        for e, p in reversed(self.visits_in.get(iri, ())):
            if limit is not None and len(rows) >= limit:
                break
            rows.setdefault((e.iri, self.labels[p]), (e, p))
        ordered = sorted(rows.values(), key=lambda v: (*_by_date(v[0].date), v[0].iri, self.labels[v[1]]))
        return [{"ev": e.iri, "with": e.agent, "withLabel": self.labels[e.agent or ""],
                 "placeLabel": self.labels[p], "date": e.date, **self._provenance(e.iri)}
                for e, p in ordered]
