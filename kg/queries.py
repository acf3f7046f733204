"""Canned SPARQL questions that the CLI and the API share."""

from __future__ import annotations

import datetime as dt
import json

from kg.vocab import sparql_prefixes


def _literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def date_pattern(event: str, since: dt.date | None, until: dt.date | None) -> str:
    """The event's ?date, required and filtered when a range is given, else optional."""
    bounds = []
    if since:
        bounds.append(f'?date >= "{since.isoformat()}"^^xsd:date')
    if until:
        bounds.append(f'?date <= "{until.isoformat()}"^^xsd:date')
    if not bounds:
        return f"OPTIONAL {{ {event} kgo:date ?date }}"
    return f"{event} kgo:date ?date . FILTER({' && '.join(bounds)})"


def visits_query(person: str | None = None, place: str | None = None,
                 since: dt.date | None = None, until: dt.date | None = None,
                 limit: int = 1000, min_confidence: float | None = None, *,
                 among: list[str] | None = None, undated: bool = False) -> str:
    """Who visited where and when: one row per visit (however many documents report it), with
    its best confidence and its number of reports (:func:`visit_reports_query` gives one
    report's sentence and source page; :func:`select_visits` asks both).

    A place matches itself and every region or thing located in it (茂名市 finds
    visits to 茂南区), via ``(kgo:locatedIn|kgo:parentRegion)*`` (a page's places, then the gazetteer's chain).
    """
    filters = []
    if person:
        filters.append(f"?person rdfs:label|skos:altLabel {_literal(person)}@zh .")
    if place:
        filters.append(f"?within rdfs:label|skos:altLabel {_literal(place)}@zh . ?place (kgo:locatedIn|kgo:parentRegion)* ?within .")
    if min_confidence is not None:
        filters.append(f"?visit kgo:confidence ?c . FILTER(?c >= {float(min_confidence)})")
    where_date = date_pattern("?visit", since, until)
    if undated:  # only the visits without a date
        where_date = "FILTER NOT EXISTS { ?visit kgo:date ?anyDate }"
    if among is not None:  # only these events
        filters.insert(0, f"VALUES ?visit {{ {' '.join(f'<{v}>' for v in among)} }}")
    return f"""{sparql_prefixes()}
SELECT DISTINCT ?visit ?person ?personLabel ?place ?placeLabel ?date ?confidence ?reports WHERE {{
  {' '.join(filters)}
  ?visit a kgo:Visit ; kgo:agent ?person ; kgo:place ?place .
  {where_date}
  ?person rdfs:label ?personLabel . ?place rdfs:label ?placeLabel .
  OPTIONAL {{ ?visit kgo:confidence ?confidence }} OPTIONAL {{ ?visit kgo:reportCount ?reports }}
}} ORDER BY ?date ?personLabel ?placeLabel ?visit LIMIT {int(limit)}"""


def visit_reports_query(visits: list[str]) -> str:
    """One report of each of the given events: its document, source, extractor and sentence.
    Asked apart from :func:`visits_query`, for the page of visits only: joining every visit
    to its reports before ORDER BY and LIMIT is what made ``/visits?limit=10`` slow on a big
    store (every report of every visit is read for ten rows)."""
    values = " ".join(f"<{v}>" for v in visits)
    return f"""{sparql_prefixes()}
SELECT ?visit {REPORT_COLUMNS} WHERE {{
  VALUES ?visit {{ {values} }}
  ?r kgo:reportOf ?visit . {REPORT_PARTS}
}} GROUP BY ?visit"""


def _first_visits(select, since: dt.date | None, until: dt.date | None, limit: int) -> list[dict]:
    """The first ``limit`` rows of :func:`visits_query` without person, place or confidence
    filters, without reading every visit: ORDER BY ?date puts the undated visits first, then
    the dated ones come from a window of the earliest dated events (one scan of the dates),
    widened until the rows it yields are surely the first ones."""
    rows = [] if since or until else select(visits_query(limit=limit, undated=True))
    need = limit - len(rows)
    bounds = [f'?date >= "{since.isoformat()}"^^xsd:date' if since else "",
              f'?date <= "{until.isoformat()}"^^xsd:date' if until else ""]
    where = " && ".join(b for b in bounds if b)
    window = max(64, 4 * need)
    while need > 0:
        events = select(f"""{sparql_prefixes()}
SELECT ?e ?date WHERE {{ ?e kgo:date ?date {f'FILTER({where})' if where else ''} }}
ORDER BY ?date LIMIT {window}""")
        page = select(visits_query(since=since, until=until, limit=need,
                                   among=list(dict.fromkeys(e["e"] for e in events)))) if events else []
        # The window holds every event dated before its last day (that day may be cut short):
        # rows dated before it are in their final order.
        if len(events) < window or (len(page) == need and page[-1]["date"] < events[-1]["date"]):
            return rows + page
        window *= 4
    return rows[:limit]


def select_visits(select, person: str | None = None, place: str | None = None,
                  since: dt.date | None = None, until: dt.date | None = None,
                  limit: int = 1000, min_confidence: float | None = None) -> list[dict]:
    """The rows of :func:`visits_query`, each with one report's ``doc``, ``source``,
    ``extractor`` and ``evidence`` (from :func:`visit_reports_query`); ``select`` runs a
    SELECT and returns its rows as dicts (a store's or the service reader's ``select``)."""
    if person or place or min_confidence is not None:
        rows = select(visits_query(person, place, since, until, limit, min_confidence))
    else:
        rows = _first_visits(select, since, until, limit)
    reports: dict = {}
    for start in range(0, len(rows), 500):
        page = list(dict.fromkeys(r["visit"] for r in rows[start:start + 500]))
        reports.update((r["visit"], r) for r in select(visit_reports_query(page)))
    parts = ("doc", "source", "extractor", "evidence")
    # Every visit has a report (it is in the store because a document reports it); a row
    # without one could only come from a document replaced between the two queries.
    return [{**r, **{k: reports[r["visit"]][k] for k in parts}} for r in rows if r["visit"] in reports]


# One report of each event, its parts kept together: of the event's reports (?r), the smallest
# "doc⇥source⇥extractor⇥evidence" gives ?doc ?source ?extractor ?evidence. One level of GROUP BY,
# no subquery: pyoxigraph joins a subquery's rows to later patterns by scanning them.
REPORT_PARTS = """?r kgo:evidence ?rEv ; kgo:extractorVersion ?rEx ; prov:wasDerivedFrom ?rDoc .
  ?rDoc prov:atLocation ?rSrc ."""
_ONE = 'MIN(CONCAT(STR(?rDoc), "\\t", STR(?rSrc), "\\t", STR(?rEx), "\\t", STR(?rEv)))'
_AFTER1 = f'STRAFTER({_ONE}, "\\t")'
_AFTER2 = f'STRAFTER({_AFTER1}, "\\t")'
REPORT_COLUMNS = (f'(IRI(STRBEFORE({_ONE}, "\\t")) AS ?doc) (STRBEFORE({_AFTER1}, "\\t") AS ?source) '
                  f'(STRBEFORE({_AFTER2}, "\\t") AS ?extractor) (STRAFTER({_AFTER2}, "\\t") AS ?evidence)')


def post_holders_query(title: str, region: str, day: dt.date) -> str:
    """Who held ``title`` (市委书记) of ``region`` (茂名市) on ``day``: the holders whose post
    was seen in documents on days around it (kgo:firstSeen ≤ day ≤ kgo:lastSeen)."""
    return f"""{sparql_prefixes()}
SELECT ?person ?name ?first ?last WHERE {{
  ?r rdfs:label|skos:altLabel {_literal(region)}@zh .
  ?post kgo:jurisdiction ?r ; kgo:title {_literal(title)}@zh ; kgo:firstSeen ?first ; kgo:lastSeen ?last .
  FILTER(?first <= "{day.isoformat()}"^^xsd:date && "{day.isoformat()}"^^xsd:date <= ?last)
  ?person kgo:holdsPost ?post ; rdfs:label ?name .
}} ORDER BY ?name"""


def posts_at_events_query(agent: str | None = None, limit: int = 200) -> str:
    """Each event with the posts its agent was seen holding on the event's day."""
    who = f"?agent rdfs:label|skos:altLabel {_literal(agent)}@zh ." if agent else ""
    return f"""{sparql_prefixes()}
SELECT ?event ?type ?name ?date ?title ?region WHERE {{
  {who}
  ?event kgo:agent ?agent ; kgo:date ?date ; a ?type . FILTER(?type != kgo:Event)
  ?agent rdfs:label ?name ; kgo:holdsPost ?post .
  ?post kgo:title ?title ; kgo:firstSeen ?first ; kgo:lastSeen ?last .
  FILTER(?first <= ?date && ?date <= ?last)
  OPTIONAL {{ ?post kgo:jurisdiction/rdfs:label ?region }}
}} ORDER BY ?date ?name ?title ?event LIMIT {int(limit)}"""


def entity_search_query(text: str, limit: int = 50) -> str:
    """Entities whose label or alias starts with ``text``."""
    return f"""{sparql_prefixes()}
SELECT ?entity (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) WHERE {{
  ?entity rdfs:label|skos:altLabel ?name ; rdfs:label ?l ; a ?t .
  FILTER(STRSTARTS(STR(?name), {_literal(text)}))
  FILTER(STRSTARTS(STR(?t), STR(kgo:)))
}} GROUP BY ?entity ORDER BY ?label LIMIT {int(limit)}"""
